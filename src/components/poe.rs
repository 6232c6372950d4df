//! Proof-of-execution files: adding them ([`AddPoe`]) and listing them ([`PoeList`]).
//!
//! The file's content is never stored: CPOR Desk reads it once, in the browser, to record
//! its name, media type, size and SHA-256 fingerprint, so the partner can later show
//! which file was sent. Nothing leaves the computer.
//!
//! Used by the wizard's PoE step, the claim page's PoE section and its dispute form (one
//! picker, one hasher):
//!
//! ```ignore
//! view! { <AddPoe input_id="claim-poe-files" on_added=move |doc: PoeDocument| {
//!     state.perform(id, Action::AddPoe(doc), Actor::Partner, state.clock.now()).is_ok()
//! } /> }
//! ```

use claim_rules::model::{Actor, PoeDocument};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{tr, use_i18n, I18n};
use crate::state::{new_uuid, use_app};

/// How much of a file is read at a time to fingerprint it, so large files do not have to
/// fit in memory at once.
const CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// The media type recorded when the browser does not know a file's type.
const UNKNOWN_MEDIA_TYPE: &str = "application/octet-stream";

/// What adding files is doing, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Progress {
    Idle,
    Reading(String),
    Added(Vec<String>),
}

/// Add proof-of-execution files: a file chooser (several at once) and a drop zone, with an
/// optional note recorded with the files added next. For every file read, `on_added` gets
/// a new [`PoeDocument`]: a fresh ID, the file name, media type, size, SHA-256 (lower-case
/// hex), `added_at` = the app clock's time, `added_by` = the partner, and the note.
/// The caller performs `Action::AddPoe` with it (the rules stamp the time again).
#[component]
pub fn AddPoe(
    /// Called once per file read; answers whether the document was taken (the rules may
    /// refuse it; the caller shows why). Only documents taken are reported as added.
    #[prop(into)]
    on_added: Callback<PoeDocument, bool>,
    /// The file input's element ID (so a problem list can focus it).
    #[prop(into, default = "poe-files".to_string())]
    input_id: String,
    /// Words the chooser button (default: "Add files").
    #[prop(optional)]
    label: Option<fn(&I18n) -> String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let note = RwSignal::new(String::new());
    let progress = RwSignal::new(Progress::Idle);
    // (file name, the browser's reason): worded when shown, in the language of the moment.
    let failures = RwSignal::new(Vec::<(String, String)>::new());
    let dragging = RwSignal::new(false);
    let note_id = format!("{input_id}-note");
    let help_id = format!("{input_id}-help");

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let note_text = note.get_untracked().trim().to_string();
        failures.set(Vec::new());
        spawn_local(async move {
            let mut added = Vec::new();
            for file in files {
                let name = file.name();
                progress.try_set(Progress::Reading(name.clone()));
                match fingerprint(&file).await {
                    Ok(sha256) => {
                        let document = PoeDocument {
                            id: new_uuid(),
                            file_name: name.clone(),
                            media_type: media_type(&file),
                            size: file.size().max(0.0) as u64,
                            sha256,
                            added_at: state.clock.now(),
                            added_by: Actor::Partner,
                            note: note_text.clone(),
                        };
                        // The component may be gone by now (the partner moved on); then
                        // there is no one to hand the record to.
                        match on_added.try_run(document) {
                            None => return,
                            Some(true) => added.push(name),
                            Some(false) => {}
                        }
                    }
                    Err(error) => {
                        failures.try_update(|list| list.push((name, error)));
                    }
                }
            }
            if !added.is_empty() {
                note.try_set(String::new());
            }
            progress.try_set(Progress::Added(added));
        });
    };

    let status = move || match progress.get() {
        Progress::Idle => String::new(),
        Progress::Reading(name) => tr!(i18n, poe.reading, name),
        Progress::Added(names) if names.is_empty() => String::new(),
        Progress::Added(names) => tr!(i18n, poe.added, names = i18n.list(&names)),
    };

    view! {
        <div
            class="poe-add"
            class:dragging=move || dragging.get()
            on:dragover=move |event: web_sys::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event: web_sys::DragEvent| {
                event.prevent_default();
                dragging.set(false);
                let files = event.data_transfer().and_then(|transfer| transfer.files());
                add_files(files_of(files));
            }
        >
            <p class="poe-privacy" id=help_id.clone()>
                {move || tr!(i18n, poe.stays_on_computer)}
            </p>
            <div class="field">
                <label class="field-label" for=note_id.clone()>
                    {move || tr!(i18n, poe.note_label)}
                </label>
                <p class="field-hint" id=format!("{note_id}-hint")>
                    {move || tr!(i18n, poe.note_hint)}
                </p>
                <input
                    id=note_id.clone()
                    class="field-input"
                    type="text"
                    autocomplete="off"
                    aria-describedby=format!("{note_id}-hint")
                    prop:value=move || note.get()
                    on:input=move |event| note.set(event_target_value(&event))
                />
            </div>
            // The chooser is our own button (the label), in the page's language; the
            // browser's file input, which speaks the browser's language, stays hidden.
            <div class="poe-choose">
                <label class="button primary file-button" for=input_id.clone()>
                    {move || label.map_or_else(|| tr!(i18n, poe.choose_files), |label| label(&i18n))}
                </label>
                <input
                    id=input_id
                    class="poe-input visually-hidden"
                    type="file"
                    multiple
                    aria-describedby=help_id
                    on:change=move |event| {
                        let input: web_sys::HtmlInputElement = event_target(&event);
                        add_files(files_of(input.files()));
                        // Clear the chooser so choosing the same file again adds it again.
                        input.set_value("");
                    }
                />
                <p class="poe-drop-hint" aria-hidden="true">{move || tr!(i18n, poe.drop_hint)}</p>
            </div>
            <p class="poe-status" role="status">{status}</p>
            <div role="alert">
                {move || {
                    failures
                        .get()
                        .into_iter()
                        .map(|(name, error)| view! { <p class="field-message">{move || tr!(i18n, poe.could_not_read, name = name.clone(), error = error.clone())}</p> })
                        .collect_view()
                }}
            </div>
        </div>
    }
}

/// The files of a file list, in order.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// The file's media type, or a generic one when the browser does not know it.
fn media_type(file: &web_sys::File) -> String {
    let media_type = file.type_();
    if media_type.is_empty() {
        UNKNOWN_MEDIA_TYPE.to_string()
    } else {
        media_type
    }
}

/// The SHA-256 of a file's content, as lower-case hex, read in chunks.
async fn fingerprint(file: &web_sys::File) -> Result<String, String> {
    let mut hasher = Sha256::new();
    let size = file.size();
    let mut start = 0.0;
    while start < size {
        let end = (start + CHUNK_BYTES).min(size);
        let chunk = file.slice_with_f64_and_f64(start, end).map_err(describe)?;
        let buffer = JsFuture::from(chunk.array_buffer())
            .await
            .map_err(describe)?;
        hasher.update(js_sys::Uint8Array::new(&buffer).to_vec());
        start = end;
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|message| message.as_string())
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

/// The PoE documents of a claim: name, type, size, fingerprint, when added, note. With
/// `on_remove`, each has a Remove button (the rules allow removing in drafts only).
#[component]
pub fn PoeList(
    /// The documents, in the order added.
    #[prop(into)]
    documents: Signal<Vec<PoeDocument>>,
    /// Called with a document's ID when the partner removes it.
    #[prop(into, optional)]
    on_remove: Option<Callback<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let time_zone = move || {
        state
            .settings
            .with(|settings| settings.policy.calendar.time_zone.clone())
    };
    view! {
        <Show
            when=move || documents.with(|documents| !documents.is_empty())
            fallback=move || view! { <p class="poe-none">{move || tr!(i18n, poe.none_yet)}</p> }
        >
            <ul class="poe-list" aria-label=move || tr!(i18n, poe.list_label)>
                {move || {
                    documents
                        .get()
                        .into_iter()
                        .map(|document| {
                            let id = document.id;
                            let name = document.file_name.clone();
                            let bytes = document.size as i64;
                            let added_at = document.added_at;
                            view! {
                                <li class="poe-item" data-sha256=document.sha256.clone()>
                                    <div class="poe-item-head">
                                        <strong class="poe-name">{document.file_name.clone()}</strong>
                                        {on_remove.map(|remove| {
                                            view! {
                                                <button type="button" class="button secondary small" on:click=move |_| remove.run(id)>
                                                    {move || tr!(i18n, common.remove)}
                                                    <span class="sr-only">" " {name.clone()}</span>
                                                </button>
                                            }
                                        })}
                                    </div>
                                    <dl class="poe-meta">
                                        <div>
                                            <dt>{move || tr!(i18n, poe.media_type)}</dt>
                                            <dd>{document.media_type.clone()}</dd>
                                        </div>
                                        <div>
                                            <dt>{move || tr!(i18n, poe.size)}</dt>
                                            <dd>{move || tr!(i18n, poe.bytes, size = i18n.number(bytes))}</dd>
                                        </div>
                                        <div>
                                            <dt>{move || tr!(i18n, poe.added_at)}</dt>
                                            <dd>{move || i18n.date_time(added_at, &time_zone())}</dd>
                                        </div>
                                        <div class="poe-sha">
                                            <dt>{move || tr!(i18n, poe.sha256)}</dt>
                                            <dd><code class="sha256">{document.sha256.clone()}</code></dd>
                                        </div>
                                        {(!document.note.is_empty()).then(|| view! {
                                            <div class="poe-note">
                                                <dt>{move || tr!(i18n, poe.note)}</dt>
                                                <dd>{document.note.clone()}</dd>
                                            </div>
                                        })}
                                    </dl>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{fingerprint, CHUNK_BYTES};

    fn file(bytes: &[u8], name: &str) -> web_sys::File {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
    }

    fn hex(bytes: &[u8]) -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    #[wasm_bindgen_test]
    async fn a_file_is_fingerprinted_with_sha256() {
        assert_eq!(
            fingerprint(&file(b"abc", "a.txt")).await,
            Ok("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".to_string())
        );
    }

    #[wasm_bindgen_test]
    async fn a_file_larger_than_a_chunk_is_read_in_pieces_to_the_same_fingerprint() {
        let size = (CHUNK_BYTES as usize) * 2 + 12_345;
        let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        assert_eq!(fingerprint(&file(&bytes, "big.bin")).await, Ok(hex(&bytes)));
    }

    #[wasm_bindgen_test]
    async fn a_file_that_cannot_be_read_is_an_error_with_the_browsers_reason() {
        let gone = file(b"removed after it was chosen", "gone.pdf");
        // A file deleted after it was chosen fails when read; here reading it throws.
        let throwing =
            js_sys::Function::new_no_args("throw new Error('NotReadableError: the file is gone')");
        js_sys::Reflect::set(&gone, &"slice".into(), &throwing).unwrap();
        let result = fingerprint(&gone).await;
        assert!(
            result
                .as_ref()
                .is_err_and(|reason| reason.contains("the file is gone")),
            "{result:?}"
        );
    }
}

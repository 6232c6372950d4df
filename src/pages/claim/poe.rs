//! The claim's proof of execution: the documents on record, adding more where the rules
//! allow it, and a file picker the dispute form reuses.
//!
//! Only a document's metadata and SHA-256 fingerprint are recorded; the file itself stays
//! with the partner. (A simple picker of our own: the wizard's `components::poe` was not
//! there when this page was written.)

use claim_rules::history::ActionKind;
use claim_rules::lifecycle::{self, Action, EditableField};
use claim_rules::model::{Actor, PoeDocument};
use leptos::prelude::*;
use sha2::{Digest, Sha256};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{failure_text, time_zone, use_claim, Failure};
use crate::i18n::rules::{action_name, actor_name};
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::{new_uuid, use_app};

/// The PoE section.
#[component]
pub fn PoeList() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let documents = Memo::new(move |_| {
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| claim.poe.clone())
                .unwrap_or_default()
        })
    });
    // Adding is the partner's, where the PoE group is not locked; the lock is explained.
    let lock = Memo::new(move |_| {
        let now = state.now.get();
        context.claim.with(|claim| {
            claim.as_ref().and_then(|claim| {
                lifecycle::field_lock(claim, EditableField::Poe, now, &state.rules())
            })
        })
    });
    // Removing is for the partner, where the rules allow it (drafts).
    let can_remove = Memo::new(move |_| {
        let actor = context.actor.get();
        let now = state.now.get();
        context.claim.with(|claim| {
            claim.as_ref().is_some_and(|claim| {
                lifecycle::allowed_actions(claim, actor, now, &state.rules())
                    .iter()
                    .any(|a| a.action == ActionKind::RemovePoe && a.allowed.is_ok())
            })
        })
    });
    let chosen = RwSignal::new(Vec::<PoeDocument>::new());
    let error = RwSignal::new(Vec::<Failure>::new());
    let done = RwSignal::new(false);
    Effect::new(move |_| {
        let documents = chosen.get();
        if documents.is_empty() {
            return;
        }
        chosen.set(Vec::new());
        let mut problems = Vec::new();
        for document in documents {
            if let Err(failure) = context.perform(&state, Action::AddPoe(document)) {
                problems.push(failure);
            }
        }
        done.set(problems.is_empty());
        error.set(problems);
    });
    let remove = move |id: uuid::Uuid| {
        if let Err(failure) = context.perform(&state, Action::RemovePoe(id)) {
            error.set(vec![failure]);
        }
    };
    view! {
        <div class="poe">
            {move || {
                let documents = documents.get();
                if documents.is_empty() {
                    return view! { <p class="muted">{move || tr!(i18n, claim.poe.none)}</p> }.into_any();
                }
                view! {
                    <div class="table-scroll">
                        <table class="poe-table">
                            <thead><tr>
                                <th scope="col">{move || tr!(i18n, claim.poe.file)}</th>
                                <th scope="col">{move || tr!(i18n, claim.poe.size)}</th>
                                <th scope="col">{move || tr!(i18n, claim.poe.added)}</th>
                                <th scope="col">{move || tr!(i18n, claim.poe.sha256)}</th>
                                <Show when=move || can_remove.get()><th scope="col"><span class="visually-hidden">{move || tr!(i18n, common.remove)}</span></th></Show>
                            </tr></thead>
                            <tbody>
                                {documents.into_iter().map(|document| {
                                    let id = document.id;
                                    let short_hash: String = document.sha256.chars().take(12).collect();
                                    view! {
                                        <tr>
                                            <td>
                                                <span class="file-name">{document.file_name.clone()}</span>
                                                <span class="small muted">" " {document.media_type.clone()}</span>
                                                {(!document.note.trim().is_empty()).then(|| view! { <p class="small">{document.note.clone()}</p> })}
                                            </td>
                                            <td>{move || size_text(&i18n, document.size)}</td>
                                            <td>{move || tr!(i18n, claim.poe.added_by, time = i18n.date_time(document.added_at, &time_zone()), actor = actor_name(&i18n, document.added_by))}</td>
                                            // On paper the whole fingerprint is shown: it identifies the file.
                                            <td class="mono small" title=document.sha256.clone()>
                                                <span class="screen-only">{short_hash} "…"</span>
                                                <span class="print-only">{document.sha256.clone()}</span>
                                            </td>
                                            <Show when=move || can_remove.get()>
                                                <td><button type="button" class="link-button" on:click=move |_| remove(id)>{move || tr!(i18n, common.remove)}</button></td>
                                            </Show>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {move || match (context.actor.get(), lock.get()) {
                (Actor::Partner, None) => view! {
                    <PoeFiles id="poe-add".to_string() label=|i18n| tr!(i18n, claim.poe.add_files) chosen />
                }.into_any(),
                (Actor::Partner, Some(refusal)) => view! {
                    <p class="lock-note">{move || tr!(i18n, claim.details.locked)} " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</p>
                }.into_any(),
                (Actor::Reviewer | Actor::Customer | Actor::System, _) => ().into_any(),
            }}
            <p class="feedback" role="status">{move || done.get().then(|| tr!(i18n, claim.actions.recorded, action = action_name(&i18n, ActionKind::AddPoe)))}</p>
            <p class="form-error" role="alert">{move || rules::sentences(&i18n, error.get().iter().map(|failure| failure_text(&i18n, failure, &time_zone())))}</p>
        </div>
    }
}

/// A labelled file input (several files) that reads each chosen file and appends a
/// [`PoeDocument`] for it to `chosen` (fingerprinted with SHA-256, added now by the partner;
/// the rules re-stamp time and actor when the document is recorded).
#[component]
pub(super) fn PoeFiles(
    id: String,
    label: fn(&I18n) -> String,
    chosen: RwSignal<Vec<PoeDocument>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let reading = RwSignal::new(0usize);
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(files) = input.files() else { return };
        for index in 0..files.length() {
            if let Some(file) = files.get(index) {
                reading.update(|n| *n += 1);
                read_file(file, move |facts| {
                    reading.update(|n| *n = n.saturating_sub(1));
                    if let Some((file_name, media_type, size, sha256)) = facts {
                        chosen.update(|list| {
                            list.push(PoeDocument {
                                id: new_uuid(),
                                file_name,
                                media_type,
                                size,
                                sha256,
                                added_at: state.clock.now(),
                                added_by: Actor::Partner,
                                note: String::new(),
                            })
                        });
                    }
                });
            }
        }
        input.set_value("");
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field poe-files">
            // Our own button (the label) in the page's language; the browser's file input,
            // which speaks the browser's language, stays hidden.
            <label class="button secondary file-button" for=id.clone()>{move || label(&i18n)}</label>
            <input id=id class="visually-hidden" type="file" multiple=true aria-describedby=hint_id.clone() on:change=on_change />
            <p id=hint_id class="hint small">{move || tr!(i18n, claim.poe.hint)}</p>
            <Show when=move || { reading.get() > 0 }><p class="small" role="status">{move || tr!(i18n, claim.poe.reading)}</p></Show>
        </div>
    }
}

/// A file size: "12 KB", "1.4 MB", numbers in the current language's style.
fn size_text(i18n: &I18n, bytes: u64) -> String {
    if bytes < 1024 {
        tr!(i18n, claim.poe.bytes, size = i18n.number(bytes as i64))
    } else if bytes < 1024 * 1024 {
        tr!(
            i18n,
            claim.poe.kilobytes,
            size = i18n.number(((bytes + 512) / 1024) as i64)
        )
    } else {
        tr!(
            i18n,
            claim.poe.megabytes,
            size = i18n.decimal(bytes as f64 / (1024.0 * 1024.0))
        )
    }
}

/// Read a file and call `done` with its name, media type, size and SHA-256 (hex), or
/// `None` when the browser could not read it.
fn read_file(
    file: web_sys::File,
    done: impl FnOnce(Option<(String, String, u64, String)>) + 'static,
) {
    let Ok(reader) = web_sys::FileReader::new() else {
        done(None);
        return;
    };
    let name = file.name();
    let media_type = if file.type_().is_empty() {
        "application/octet-stream".to_string()
    } else {
        file.type_()
    };
    let size = file.size() as u64;
    let for_result = reader.clone();
    let on_load = Closure::once(move |_: JsValue| {
        let facts = for_result
            .result()
            .ok()
            .filter(|buffer| buffer.is_instance_of::<js_sys::ArrayBuffer>())
            .map(|buffer| {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let sha256: String = Sha256::digest(&bytes)
                    .iter()
                    .map(|byte| format!("{byte:02x}"))
                    .collect();
                (name, media_type, size, sha256)
            });
        done(facts);
    });
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    // The reader calls back once; the closure lives until then.
    on_load.forget();
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
    }
}

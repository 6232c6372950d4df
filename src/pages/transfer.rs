//! Export and import. The rules write and read the format, classify what an import would
//! do, and merge; this page shows it and stores the result.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use claim_rules::export::{self, ImportProblem, MAX_TEXT_BYTES};
use claim_rules::import::{apply_import, classify_import_owned, ImportItem, ImportKind};
use claim_rules::model::Claim;
use claim_rules::policy::Policy;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::download_text;
use crate::i18n::rules::{import_count_text, import_kind_name};
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::{new_uuid, use_app, AppState, ChangeError, ImportOutcome, Keeping, Settings};

/// How an export attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ExportOutcome {
    Done,
    NothingSelected,
    /// The browser's or the encoder's words.
    Failed(String),
}

/// Why an import file was not even parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unreadable {
    TooLarge,
    NotReadable,
}

/// A claim (or the settings) an applied import could not store, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ApplyFailure {
    Claim { name: String, error: ChangeError },
    Settings,
}

/// The export and import page.
#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    // Export and import work on full claims; the dashboard read only their summaries.
    // They are read once the database is open (this page may be the first one shown).
    Effect::new(move |_| {
        if state.keeping.with(|k| *k != Keeping::Opening) {
            leptos::task::spawn_local(async move { state.load_all_claims().await });
        }
    });
    let loaded = Memo::new(move |_| state.all_loaded.get());
    view! {
        <h1>{move || tr!(i18n, transfer.title)}</h1>
        <Show when=move || loaded.get() fallback=move || view! { <p class="opening" role="status">{move || tr!(i18n, store.opening)}</p> }>
            <ExportSection />
            <ImportSection />
        </Show>
    }
}

fn display_name(i18n: &I18n, claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        tr!(i18n, common.unnamed)
    } else {
        name.to_string()
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    // Claims the user has unticked; everything else is exported.
    let excluded = RwSignal::new(BTreeSet::<Uuid>::new());
    let outcome = RwSignal::new(None::<ExportOutcome>);
    let selected = move || {
        state.claims.with(|claims| {
            claims
                .iter()
                .filter(|c| excluded.with(|e| !e.contains(&c.id)))
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    let export_now = move |_| {
        let claims = selected();
        if claims.is_empty() {
            outcome.set(Some(ExportOutcome::NothingSelected));
            return;
        }
        let now = state.clock.now();
        let policy = state.settings.with_untracked(|s| s.policy.clone());
        let document = export::export(&claims, &policy, now, env!("CARGO_PKG_VERSION"));
        let date = state.rules().calendar().local_date(now);
        let result = document
            .to_json_pretty()
            .map_err(|error| error.to_string())
            .and_then(|text| {
                download_text(
                    &format!("cpor-desk-export-{date}.json"),
                    "application/json",
                    &text,
                )
            });
        outcome.set(Some(match result {
            Ok(()) => ExportOutcome::Done,
            Err(error) => ExportOutcome::Failed(error),
        }));
    };

    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{move || tr!(i18n, transfer.export_heading)}</h2>
            <p class="hint">{move || tr!(i18n, transfer.export_hint)}</p>
            <Show when=move || !state.claims.with(Vec::is_empty) fallback=move || view! { <p>{move || tr!(i18n, transfer.nothing_to_export)}</p> }>
                <div class="inline">
                    <button type="button" class="link" on:click=move |_| excluded.set(BTreeSet::new())>{move || tr!(i18n, transfer.select_all)}</button>
                    <button type="button" class="link" on:click=move |_| excluded.set(state.claims.with(|c| c.iter().map(|c| c.id).collect()))>{move || tr!(i18n, transfer.select_none)}</button>
                </div>
                <ul class="export-list">
                    {move || state.claims.get().into_iter().map(|claim| {
                        let id = claim.id;
                        view! {
                            <li>
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || excluded.with(|e| !e.contains(&id))
                                        on:change=move |event| {
                                            let keep = event_target_checked(&event);
                                            excluded.update(|e| { if keep { e.remove(&id); } else { e.insert(id); } });
                                        } />
                                    <span>{display_name(&i18n, &claim)}</span>
                                    <span class="muted">{claim.fields.customer_domain.clone()}</span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="primary" on:click=export_now>
                    {move || tr!(i18n, transfer.export_button, count = i18n.number(selected().len() as i64))}
                </button>
                <p role="status" class="outcome">
                    {move || outcome.get().map(|result| match result {
                        ExportOutcome::Done => view! { <span class="ok">{tr!(i18n, transfer.export_done)}</span> }.into_any(),
                        ExportOutcome::NothingSelected => view! { <span class="error">{tr!(i18n, transfer.nothing_selected)}</span> }.into_any(),
                        ExportOutcome::Failed(error) => view! { <span class="error">{tr!(i18n, transfer.export_failed, error)}</span> }.into_any(),
                    })}
                </p>
            </Show>
        </section>
    }
}

/// Where an import stands.
#[derive(Debug, Clone)]
enum ImportStage {
    Idle,
    Reading,
    Refused(Vec<ImportProblem>),
    Unreadable(Unreadable),
    Preview {
        // Shared: the stage is cloned each time it is shown.
        items: Arc<Vec<ImportItem>>,
        policy: Policy,
    },
    Storing,
    Applied {
        stored: usize,
        only_in_memory: usize,
        failures: Vec<ApplyFailure>,
    },
}

#[component]
fn ImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let stage = RwSignal::new(ImportStage::Idle);
    let adopt_policy = RwSignal::new(false);
    let dragging = RwSignal::new(false);

    let take_file = move |file: web_sys::File| {
        if file.size() > MAX_TEXT_BYTES as f64 {
            stage.set(ImportStage::Unreadable(Unreadable::TooLarge));
            return;
        }
        stage.set(ImportStage::Reading);
        read_bytes(file, move |result| match result {
            Err(()) => stage.set(ImportStage::Unreadable(Unreadable::NotReadable)),
            Ok(bytes) => stage.set(match export::parse_bytes(&bytes) {
                Err(problems) => ImportStage::Refused(problems),
                Ok(document) => {
                    let policy = document.policy();
                    let items = state
                        .claims
                        .with_untracked(|local| classify_import_owned(local, document.claims));
                    adopt_policy.set(false);
                    ImportStage::Preview {
                        items: Arc::new(items),
                        policy,
                    }
                }
            }),
        });
    };

    let on_pick = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0))
        {
            take_file(file);
        }
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{move || tr!(i18n, transfer.import_heading)}</h2>
            <p class="hint">{move || tr!(i18n, transfer.import_hint)}</p>
            <div class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |event: leptos::ev::DragEvent| { event.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button" for="import-file">{move || tr!(i18n, transfer.choose_file)}</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_pick />
                <span class="muted">{move || tr!(i18n, transfer.drop_here)}</span>
            </div>
            {move || match stage.get() {
                ImportStage::Idle => ().into_any(),
                ImportStage::Reading => view! { <p role="status">{tr!(i18n, transfer.reading)}</p> }.into_any(),
                ImportStage::Unreadable(why) => {
                    let message = match why {
                        Unreadable::TooLarge => tr!(i18n, transfer.file_too_large),
                        Unreadable::NotReadable => tr!(i18n, transfer.file_unreadable),
                    };
                    view! { <p class="banner error" role="alert">{message} " " {tr!(i18n, transfer.nothing_changed)}</p> }.into_any()
                }
                ImportStage::Refused(problems) => view! {
                    <div class="banner error import-problems" role="alert">
                        <p><strong>{tr!(i18n, transfer.not_imported)}</strong> " " {tr!(i18n, transfer.nothing_changed)}</p>
                        <ul>
                            {problems.into_iter().map(|problem| view! {
                                <li><code>{problem.path.clone()}</code> " — " {move || rules::import_problem(&i18n, &problem, &state.time_zone())}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                ImportStage::Preview { items, policy } => view! {
                    <Preview items policy adopt_policy on_apply=move |(items, policy): (Arc<Vec<ImportItem>>, Policy)| {
                        let policy = adopt_policy.get_untracked().then_some(policy);
                        stage.set(ImportStage::Storing);
                        leptos::task::spawn_local(async move {
                            let (outcome, failures) = apply(state, i18n, &items, policy).await;
                            stage.set(ImportStage::Applied { stored: outcome.stored, only_in_memory: outcome.only_in_memory, failures });
                        });
                    } on_cancel=move || stage.set(ImportStage::Idle) />
                }.into_any(),
                ImportStage::Storing => view! { <p role="status">{tr!(i18n, store.import_storing)}</p> }.into_any(),
                ImportStage::Applied { stored, only_in_memory, failures } => if failures.is_empty() && only_in_memory == 0 {
                    view! { <p class="banner ok import-outcome" role="status">{tr!(i18n, store.import_stored, count = stored as i64, n = i18n.number(stored as i64))}</p> }.into_any()
                } else {
                    view! {
                        <div class="banner warning import-outcome" role="alert">
                            <p>{tr!(i18n, store.import_stored, count = stored as i64, n = i18n.number(stored as i64))}</p>
                            {(only_in_memory > 0).then(|| view! { <p>{tr!(i18n, store.import_only_in_memory, count = only_in_memory as i64, n = i18n.number(only_in_memory as i64))}</p> })}
                            {(!failures.is_empty()).then(|| view! { <p>{tr!(i18n, store.import_not_taken, count = failures.len() as i64, n = i18n.number(failures.len() as i64))}</p> })}
                            <ul>{failures.iter().map(|failure| view! { <li>{apply_failure_text(&i18n, failure, &state.time_zone())}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                },
            }}
        </section>
    }
}

/// A claim or the settings that an applied import could not store, in words.
fn apply_failure_text(i18n: &I18n, failure: &ApplyFailure, zone: &str) -> String {
    match failure {
        ApplyFailure::Claim { name, error } => {
            let name = if name.is_empty() {
                tr!(i18n, common.unnamed)
            } else {
                name.clone()
            };
            match error {
                ChangeError::ChangedElsewhere => tr!(i18n, transfer.failed_changed_elsewhere, name),
                ChangeError::KeptAside => tr!(i18n, transfer.failed_kept_aside, name),
                ChangeError::Refused(refusal) => {
                    tr!(
                        i18n,
                        transfer.failed_refused,
                        name,
                        reason = rules::refusal(i18n, refusal, zone)
                    )
                }
                ChangeError::NotFound => tr!(i18n, transfer.failed_not_found, name),
            }
        }
        ApplyFailure::Settings => tr!(i18n, transfer.failed_settings),
    }
}

/// Rows of an import preview listed at once, and added by "Show more".
const PREVIEW_PAGE: usize = 100;

#[component]
fn Preview(
    items: Arc<Vec<ImportItem>>,
    policy: Policy,
    adopt_policy: RwSignal<bool>,
    #[prop(into)] on_apply: Callback<(Arc<Vec<ImportItem>>, Policy)>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let policy_differs = state.settings.with_untracked(|s| s.policy != policy);
    let changes = items.iter().any(|item| item.kind.changes_anything());
    let counts: Vec<(ImportKind, usize)> = [
        ImportKind::New,
        ImportKind::Updated,
        ImportKind::Conflicting,
        ImportKind::Identical,
        ImportKind::AlreadyNewer,
        ImportKind::AlreadyCopied,
    ]
    .into_iter()
    .map(|kind| (kind, items.iter().filter(|item| item.kind == kind).count()))
    .filter(|(_, count)| *count > 0)
    .collect();
    // A large import lists its rows a page at a time: building ten thousand rows at once
    // would hold the page for seconds, and the counts above already say what it does.
    let total = items.len();
    let items = StoredValue::new(items);
    let shown = RwSignal::new(PREVIEW_PAGE.min(total));
    let to_apply = StoredValue::new(Some(policy));
    view! {
        <div class="import-preview">
            <h3>{move || tr!(i18n, transfer.preview_heading)}</h3>
            <p class="hint">{move || tr!(i18n, transfer.preview_hint)}</p>
            <ul class="import-counts">
                {counts.into_iter().map(|(kind, count)| view! {
                    <li data-kind=kind.code()>{move || import_count_text(&i18n, kind, count)}</li>
                }).collect_view()}
            </ul>
            <div class="table-scroll">
                <table class="import-items">
                    <thead><tr>
                        <th scope="col">{move || tr!(i18n, transfer.col_what)}</th>
                        <th scope="col">{move || tr!(i18n, transfer.col_claim)}</th>
                        <th scope="col">{move || tr!(i18n, transfer.col_detail)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let end = shown.get();
                            items.with_value(|items| items.iter().take(end).cloned().collect::<Vec<_>>()).into_iter().map(|item| {
                                let kind = item.kind;
                                let incoming = item.incoming.clone();
                                view! {
                                    <tr data-kind=kind.code()>
                                        <td><span class=format!("kind kind-{}", kind.code().replace('.', "-"))>{move || import_kind_name(&i18n, kind)}</span></td>
                                        <td>{move || display_name(&i18n, &incoming)}</td>
                                        <td>{move || rules::import_item(&i18n, &item)}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <Show when=move || { shown.get() < total }>
                <p class="more">
                    {move || tr!(i18n, dashboard.showing, shown = i18n.number(shown.get() as i64), total = i18n.number(total as i64))} " "
                    <button type="button" on:click=move |_| shown.update(|n| *n = (*n + PREVIEW_PAGE).min(total))>{move || tr!(i18n, dashboard.show_more)}</button>
                </p>
            </Show>
            {policy_differs.then(|| view! {
                <div class="banner warning">
                    <p>{move || tr!(i18n, transfer.policy_differs)}</p>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || adopt_policy.get() on:change=move |event| adopt_policy.set(event_target_checked(&event)) />
                        {move || tr!(i18n, transfer.adopt_policy)}
                    </label>
                </div>
            })}
            <div class="form-actions">
                {if changes || policy_differs {
                    view! {
                        <button type="button" class="primary" on:click=move |_| {
                            // The claims move to the import once: a second press has nothing to send.
                            if let Some(policy) = to_apply.try_update_value(Option::take).flatten() {
                                let items = items.try_update_value(std::mem::take).unwrap_or_default();
                                on_apply.run((items, policy));
                            }
                        }>{move || tr!(i18n, transfer.apply)}</button>
                    }.into_any()
                } else {
                    view! { <p>{move || tr!(i18n, transfer.nothing_to_apply)}</p> }.into_any()
                }}
                <button type="button" on:click=move |_| on_cancel.run(())>{move || tr!(i18n, common.cancel)}</button>
            </div>
        </div>
    }
}

/// Merge the import through the rules and store every claim it adds or replaces (in
/// batches, [`AppState::import`]). Returns what was stored and what could not be.
async fn apply(
    state: AppState,
    i18n: I18n,
    items: &[ImportItem],
    policy: Option<Policy>,
) -> (ImportOutcome, Vec<ApplyFailure>) {
    let local = state.claims.get_untracked();
    let merged = apply_import(
        &local,
        items,
        new_uuid,
        |name| rules::copy_name(&i18n, name),
        state.clock.now(),
    );
    let by_id: HashMap<Uuid, &Claim> = local.iter().map(|claim| (claim.id, claim)).collect();
    let mut changed = Vec::new();
    for claim in merged {
        let base = by_id.get(&claim.id).copied();
        if base == Some(&claim) {
            continue;
        }
        let base = base.map(|c| c.revision);
        changed.push((claim, base));
    }
    let outcome = state.import(changed).await;
    // Names as stored; "(unnamed draft)" is worded when shown.
    let mut failures: Vec<ApplyFailure> = outcome
        .refused
        .iter()
        .map(|(name, error)| ApplyFailure::Claim {
            name: name.clone(),
            error: error.clone(),
        })
        .collect();
    if let Some(policy) = policy {
        let locale = state.settings.with_untracked(|s| s.locale);
        let replaces = state.settings_revision();
        if state
            .save_settings(Settings { policy, locale }, replaces)
            .await
            .is_err()
        {
            failures.push(ApplyFailure::Settings);
        }
    }
    (outcome, failures)
}

/// Read a file's bytes with a FileReader, then call `done`. Bytes, not text: the rules
/// say where a file is not UTF-8 (a text read would put replacement characters in its
/// place), and the bytes are copied into the app once instead of being decoded to a
/// JavaScript string and encoded back.
fn read_bytes(file: web_sys::File, done: impl FnOnce(Result<Vec<u8>, ()>) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(()));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let done_on_load = done.clone();
    let reader_for_load = reader.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let bytes = reader_for_load
            .result()
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::ArrayBuffer>().ok())
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        if let Some(done) = done_on_load.borrow_mut().take() {
            done(bytes.ok_or(()));
        }
    });
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
        if let Some(done) = done.borrow_mut().take() {
            done(Err(()));
        }
    }
}

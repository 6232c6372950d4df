//! Export and import. The rules write and read the format, classify what an import would
//! do, and merge; this page shows it and stores the result.

use std::collections::BTreeSet;

use claim_rules::export::{self, ImportProblem, MAX_TEXT_BYTES};
use claim_rules::import::{apply_import, classify_import, ImportItem, ImportKind};
use claim_rules::model::Claim;
use claim_rules::policy::Policy;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::download_text;
use crate::i18n::transfer::TransferText as T;
use crate::i18n::{rules, use_i18n};
use crate::state::{new_uuid, use_app, AppState, ChangeError, Settings};

/// The export and import page.
#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(T::Title)}</h1>
        <ExportSection />
        <ImportSection />
    }
}

fn display_name(claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        use_i18n().t(T::Unnamed).to_string()
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
    let outcome = RwSignal::new(None::<Result<(), String>>);
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
            outcome.set(Some(Err(i18n.t(T::NothingSelected).to_string())));
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
        outcome.set(Some(
            result.map_err(|error| format!("{} {error}", i18n.t(T::ExportFailed))),
        ));
    };

    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{move || i18n.t(T::ExportHeading)}</h2>
            <p class="hint">{move || i18n.t(T::ExportHint)}</p>
            <Show when=move || !state.claims.with(Vec::is_empty) fallback=move || view! { <p>{i18n.t(T::NothingToExport)}</p> }>
                <div class="inline">
                    <button type="button" class="link" on:click=move |_| excluded.set(BTreeSet::new())>{move || i18n.t(T::SelectAll)}</button>
                    <button type="button" class="link" on:click=move |_| excluded.set(state.claims.with(|c| c.iter().map(|c| c.id).collect()))>{move || i18n.t(T::SelectNone)}</button>
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
                                    <span>{display_name(&claim)}</span>
                                    <span class="muted">{claim.fields.customer_domain.clone()}</span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="primary" on:click=export_now>
                    {move || format!("{} ({})", i18n.t(T::ExportButton), i18n.number(selected().len() as i64))}
                </button>
                <p role="status" class="outcome">
                    {move || outcome.get().map(|result| match result {
                        Ok(()) => view! { <span class="ok">{i18n.t(T::ExportDone)}</span> }.into_any(),
                        Err(error) => view! { <span class="error">{error}</span> }.into_any(),
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
    Unreadable(String),
    Preview {
        items: Vec<ImportItem>,
        policy: Policy,
    },
    Applied {
        failures: Vec<String>,
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
            stage.set(ImportStage::Unreadable(i18n.t(T::FileTooLarge).to_string()));
            return;
        }
        stage.set(ImportStage::Reading);
        read_text(file, move |result| match result {
            Err(()) => stage.set(ImportStage::Unreadable(
                i18n.t(T::FileUnreadable).to_string(),
            )),
            Ok(text) => stage.set(match export::parse(&text) {
                Err(problems) => ImportStage::Refused(problems),
                Ok(document) => {
                    let items = state
                        .claims
                        .with_untracked(|local| classify_import(local, &document.claims));
                    adopt_policy.set(false);
                    ImportStage::Preview {
                        items,
                        policy: document.policy(),
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
            <h2 id="import-heading">{move || i18n.t(T::ImportHeading)}</h2>
            <p class="hint">{move || i18n.t(T::ImportHint)}</p>
            <div class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |event: leptos::ev::DragEvent| { event.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button" for="import-file">{move || i18n.t(T::ChooseFile)}</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_pick />
                <span class="muted">{move || i18n.t(T::DropHere)}</span>
            </div>
            {move || match stage.get() {
                ImportStage::Idle => ().into_any(),
                ImportStage::Reading => view! { <p role="status">{i18n.t(T::Reading)}</p> }.into_any(),
                ImportStage::Unreadable(message) => view! { <p class="banner error" role="alert">{message} " " {i18n.t(T::NothingChanged)}</p> }.into_any(),
                ImportStage::Refused(problems) => view! {
                    <div class="banner error import-problems" role="alert">
                        <p><strong>{i18n.t(T::NotImported)}</strong> " " {i18n.t(T::NothingChanged)}</p>
                        <ul>
                            {problems.into_iter().map(|problem| {
                                let words = rules::import_problem(&i18n, &problem, &state.time_zone_untracked());
                                view! { <li><code>{problem.path}</code> " — " {words}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                ImportStage::Preview { items, policy } => view! {
                    <Preview items policy adopt_policy on_apply=move |(items, policy): (Vec<ImportItem>, Policy)| {
                        let failures = apply(state, &items, adopt_policy.get_untracked().then_some(policy));
                        stage.set(ImportStage::Applied { failures });
                    } on_cancel=move || stage.set(ImportStage::Idle) />
                }.into_any(),
                ImportStage::Applied { failures } => if failures.is_empty() {
                    view! { <p class="banner ok" role="status">{i18n.t(T::Applied)}</p> }.into_any()
                } else {
                    view! {
                        <div class="banner warning" role="alert">
                            <p>{i18n.t(T::AppliedWithProblems)}</p>
                            <ul>{failures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                },
            }}
        </section>
    }
}

fn kind_text(kind: ImportKind) -> T {
    match kind {
        ImportKind::New => T::KindNew,
        ImportKind::Updated => T::KindUpdated,
        ImportKind::Identical => T::KindIdentical,
        ImportKind::AlreadyNewer => T::KindAlreadyNewer,
        ImportKind::Conflicting => T::KindConflicting,
        ImportKind::AlreadyCopied => T::KindAlreadyCopied,
    }
}

#[component]
fn Preview(
    items: Vec<ImportItem>,
    policy: Policy,
    adopt_policy: RwSignal<bool>,
    #[prop(into)] on_apply: Callback<(Vec<ImportItem>, Policy)>,
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
    let rows = items.clone();
    let to_apply = (items, policy);
    view! {
        <div class="import-preview">
            <h3>{i18n.t(T::PreviewHeading)}</h3>
            <p class="hint">{i18n.t(T::PreviewHint)}</p>
            <ul class="import-counts">
                {counts.into_iter().map(|(kind, count)| view! {
                    <li data-kind=kind.code()><strong>{i18n.number(count as i64)}</strong> " " {i18n.t(kind_text(kind))}</li>
                }).collect_view()}
            </ul>
            <div class="table-scroll">
                <table class="import-items">
                    <thead><tr>
                        <th scope="col">{i18n.t(T::ColWhat)}</th>
                        <th scope="col">{i18n.t(T::ColClaim)}</th>
                        <th scope="col">{i18n.t(T::ColDetail)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|item| view! {
                            <tr data-kind=item.kind.code()>
                                <td><span class=format!("kind kind-{}", item.kind.code())>{i18n.t(kind_text(item.kind))}</span></td>
                                <td>{display_name(&item.incoming)}</td>
                                <td>{rules::import_item(&item)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {policy_differs.then(|| view! {
                <div class="banner warning">
                    <p>{i18n.t(T::PolicyDiffers)}</p>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || adopt_policy.get() on:change=move |event| adopt_policy.set(event_target_checked(&event)) />
                        {i18n.t(T::AdoptPolicy)}
                    </label>
                </div>
            })}
            <div class="form-actions">
                {if changes || policy_differs {
                    view! {
                        <button type="button" class="primary" on:click=move |_| on_apply.run(to_apply.clone())>{i18n.t(T::Apply)}</button>
                    }.into_any()
                } else {
                    view! { <p>{i18n.t(T::NothingToApply)}</p> }.into_any()
                }}
                <button type="button" on:click=move |_| on_cancel.run(())>{i18n.t(T::Cancel)}</button>
            </div>
        </div>
    }
}

/// Merge the import through the rules and store every claim it adds or replaces. Returns
/// a line per claim that could not be stored.
fn apply(state: AppState, items: &[ImportItem], policy: Option<Policy>) -> Vec<String> {
    let local = state.claims.get_untracked();
    let merged = apply_import(&local, items, new_uuid, rules::copy_name, state.clock.now());
    let mut failures = Vec::new();
    for claim in merged {
        let base = local.iter().find(|c| c.id == claim.id);
        if base == Some(&claim) {
            continue;
        }
        let name = display_name(&claim);
        match state.write(claim, base.map(|c| c.revision)) {
            Ok(_) => {}
            Err(ChangeError::ChangedElsewhere) => failures.push(format!(
                "{name}: changed in another tab meanwhile; import again to compare."
            )),
            Err(ChangeError::KeptAside) => failures.push(format!(
                "{name}: its stored entry cannot be read and is kept aside."
            )),
            Err(ChangeError::Refused(refusal)) => failures.push(format!(
                "{name}: {}",
                rules::refusal(&use_i18n(), &refusal, &state.time_zone_untracked())
            )),
            Err(ChangeError::NotFound) => failures.push(format!("{name}: not found.")),
        }
    }
    if let Some(policy) = policy {
        let locale = state.settings.with_untracked(|s| s.locale);
        if state.save_settings(Settings { policy, locale }).is_err() {
            failures.push("Settings: could not be saved to browser storage.".to_string());
        }
    }
    failures
}

/// Read a file as text with a FileReader, then call `done`.
fn read_text(file: web_sys::File, done: impl FnOnce(Result<String, ()>) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(()));
        return;
    };
    let done = std::cell::RefCell::new(Some(done));
    let reader_for_load = reader.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let text = reader_for_load
            .result()
            .ok()
            .and_then(|value| value.as_string());
        if let Some(done) = done.borrow_mut().take() {
            done(text.ok_or(()));
        }
    });
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    if reader.read_as_text(&file).is_err() {
        reader.set_onloadend(None);
    }
}

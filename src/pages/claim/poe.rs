//! The claim's proof of execution: the documents on record, adding more where the rules
//! allow it, and a file picker the dispute form reuses.
//!
//! Only a document's metadata and SHA-256 fingerprint are recorded; the file itself stays
//! with the partner. Files are added with the wizard's picker (`components::poe::AddPoe`).

use claim_rules::history::ActionKind;
use claim_rules::lifecycle::{self, Action, EditableField};
use claim_rules::model::{Actor, PoeDocument};
use leptos::prelude::*;

use super::{failure_text, time_zone, use_claim, Failure};
use crate::components::poe::AddPoe;
use crate::i18n::rules::actor_name;
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::use_app;

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
    let error = RwSignal::new(Vec::<Failure>::new());
    // One call per file read; each is recorded on its own, so one refusal keeps the rest.
    // The picker says which files were added.
    let add = move |document: PoeDocument| match context.perform(&state, Action::AddPoe(document)) {
        Ok(_) => {
            error.set(Vec::new());
            true
        }
        Err(failure) => {
            error.update(|list| list.push(failure));
            false
        }
    };
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
                    <AddPoe input_id="poe-add" label=|i18n| tr!(i18n, claim.poe.add_files) on_added=add />
                }.into_any(),
                (Actor::Partner, Some(refusal)) => view! {
                    <p class="lock-note">{move || tr!(i18n, claim.details.locked)} " " {move || rules::refusal(&i18n, &refusal, &time_zone())}</p>
                }.into_any(),
                (Actor::Reviewer | Actor::Customer | Actor::System, _) => ().into_any(),
            }}
            <p class="form-error" role="alert">{move || rules::sentences(&i18n, error.get().iter().map(|failure| failure_text(&i18n, failure, &time_zone())))}</p>
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

//! Banners every screen shows: storage problems, unreadable entries, notices.

use leptos::prelude::*;

use crate::download::download_text;
use crate::i18n::{tr, use_i18n};
use crate::state::{use_app, Notice};
use crate::storage::UnreadableEntry;
use crate::store::{KeptAside, KeptAsideReason, StoreError};

/// Storage problems and notices, above the page.
#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let download = |entry: &UnreadableEntry| {
        let file = format!("{}.txt", entry.key.replace('/', "_"));
        let _ = download_text(&file, "text/plain", &entry.raw);
    };
    let download_kept = |entry: &KeptAside| {
        let _ = download_text(&entry.file_name(), "text/plain", &entry.raw);
    };
    view! {
        {move || state.storage_problem.get().map(|problem| {
            // The browser's own words, for whoever helps the user.
            let detail = match &problem {
                StoreError::Unavailable(crate::store::Unavailable::Refused { name, message })
                | StoreError::Other { name, message } => Some(format!("{name} {message}").trim().to_string()),
                StoreError::Unavailable(_) | StoreError::QuotaExceeded | StoreError::ChangedElsewhere { .. } | StoreError::KeptAside(_) => None,
            };
            let code = problem.code();
            let text = move || match &problem {
                StoreError::QuotaExceeded => tr!(i18n, banner.storage_full),
                StoreError::Unavailable(_) => tr!(i18n, store.in_memory),
                StoreError::Other { .. } | StoreError::ChangedElsewhere { .. } | StoreError::KeptAside(_) => {
                    tr!(i18n, banner.storage_write_failed)
                }
            };
            let unsaved = move || state.unsaved.with(|set| set.len());
            view! {
                <div class="banner error" role="alert" data-problem=code>
                    <p>{text}</p>
                    <Show when=move || { unsaved() > 0 }>
                        <p>{move || tr!(i18n, store.unsaved_count, count = unsaved() as i64, n = i18n.number(unsaved() as i64))}</p>
                    </Show>
                    {detail.filter(|d| !d.is_empty()).map(|d| view! { <p class="muted small">{d}</p> })}
                    <a class="button" href="#/transfer">{move || tr!(i18n, banner.export_now)}</a>
                </div>
            }
        })}
        {move || state.notice.get().map(|notice| {
            let text = move || match notice {
                Notice::ChangedInOtherTab(id) => tr!(i18n, banner.changed_in_other_tab, id),
                Notice::KeptAsideAfterOtherTab(id) => tr!(i18n, store.kept_aside_after_other_tab, id),
                Notice::LanguageNotSaved => tr!(i18n, language.not_saved),
            };
            view! {
                <div class="banner warning" role="status">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| state.notice.set(None)>{move || tr!(i18n, banner.dismiss)}</button>
                </div>
            }
        })}
        <Show when=move || !state.kept_aside.with(Vec::is_empty)>
            <div class="banner warning kept-aside" role="alert">
                <p>{move || tr!(i18n, store.kept_aside_intro)}</p>
                <ul class="unreadable">
                    {move || state.kept_aside.get().into_iter().map(|entry| {
                        let for_download = entry.clone();
                        let for_discard = entry.clone();
                        let key = entry.key.clone();
                        let reason = entry.reason.clone();
                        view! {
                            <li data-kept-aside=entry.id>
                                <code>{entry.key.clone()}</code>
                                " " <span class="muted">{move || kept_aside_reason(&i18n, &reason)}</span> " "
                                <span class="kept-actions">
                                    <button type="button" on:click=move |_| download_kept(&for_download)>
                                        {move || tr!(i18n, banner.download)}
                                        <span class="visually-hidden">" " {key.clone()}</span>
                                    </button>
                                    <button type="button" class="link danger" on:click=move |_| {
                                        let confirmed = window().confirm_with_message(&tr!(i18n, store.discard_confirm)).unwrap_or(false);
                                        if confirmed {
                                            state.discard_kept_aside(for_discard.clone());
                                        }
                                    }>{move || tr!(i18n, store.discard)}</button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <Show when=move || state.unreadable_settings.with(Option::is_some)>
            <div class="banner warning" role="alert">
                <p>{move || tr!(i18n, banner.unreadable)}</p>
                <ul class="unreadable">
                    {move || state.unreadable_settings.get().into_iter().map(|entry| {
                        let for_download = entry.clone();
                        view! {
                            <li>
                                <code>{entry.key.clone()}</code>
                                " " <span class="muted">{entry.error.clone()}</span> " "
                                <button type="button" on:click=move |_| download(&for_download)>
                                    {move || tr!(i18n, banner.download)}
                                    <span class="visually-hidden">" " {entry.key.clone()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Why an entry was kept aside, in words.
fn kept_aside_reason(i18n: &crate::i18n::I18n, reason: &KeptAsideReason) -> String {
    match reason {
        KeptAsideReason::NotText => tr!(i18n, store.kept_aside.not_text),
        KeptAsideReason::NotJson { .. } => tr!(i18n, store.kept_aside.not_json),
        KeptAsideReason::WrongShape { .. } => tr!(i18n, store.kept_aside.wrong_shape),
        KeptAsideReason::FiledUnderAnotherId { .. } => {
            tr!(i18n, store.kept_aside.filed_under_another_id)
        }
        KeptAsideReason::ReplacedByNewerCopy { revision } => tr!(
            i18n,
            store.kept_aside.replaced_by_newer_copy,
            revision = *revision
        ),
        KeptAsideReason::OlderThanStoredCopy { stored_revision } => tr!(
            i18n,
            store.kept_aside.older_than_stored_copy,
            revision = *stored_revision
        ),
        KeptAsideReason::UnknownEntry => tr!(i18n, store.kept_aside.unknown_entry),
        KeptAsideReason::ChangedInAnotherTab { .. } => {
            tr!(i18n, store.kept_aside.changed_in_another_tab)
        }
    }
}

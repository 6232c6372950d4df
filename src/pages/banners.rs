//! Banners every screen shows: storage problems, unreadable entries, notices.

use leptos::prelude::*;

use crate::download::download_text;
use crate::i18n::{tr, use_i18n};
use crate::state::{use_app, Notice};
use crate::storage::{UnreadableEntry, WriteError};

/// Storage problems and notices, above the page.
#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let download = |entry: &UnreadableEntry| {
        let file = format!("{}.txt", entry.key.replace('/', "_"));
        let _ = download_text(&file, "text/plain", &entry.raw);
    };
    view! {
        {move || state.storage_problem.get().map(|problem| {
            let text = move || match &problem {
                WriteError::QuotaExceeded => tr!(i18n, banner.storage_full),
                WriteError::Unavailable(_) => tr!(i18n, banner.storage_unavailable),
                WriteError::Other(_) | WriteError::ChangedElsewhere { .. } | WriteError::KeptAside => {
                    tr!(i18n, banner.storage_write_failed)
                }
            };
            view! {
                <div class="banner error" role="alert">
                    <p>{text}</p>
                    <a class="button" href="#/transfer">{move || tr!(i18n, banner.export_now)}</a>
                </div>
            }
        })}
        {move || state.notice.get().map(|notice| {
            let text = move || match notice {
                Notice::ChangedInOtherTab(id) => tr!(i18n, banner.changed_in_other_tab, id),
                Notice::LanguageNotSaved => tr!(i18n, language.not_saved),
            };
            view! {
                <div class="banner warning" role="status">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| state.notice.set(None)>{move || tr!(i18n, banner.dismiss)}</button>
                </div>
            }
        })}
        <Show when=move || !state.unreadable.with(Vec::is_empty) || state.unreadable_settings.with(Option::is_some)>
            <div class="banner warning" role="alert">
                <p>{move || tr!(i18n, banner.unreadable)}</p>
                <ul class="unreadable">
                    {move || state.unreadable.get().into_iter().chain(state.unreadable_settings.get()).map(|entry| {
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

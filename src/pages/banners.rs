//! Banners every screen shows: storage problems, unreadable entries, notices.

use leptos::prelude::*;

use crate::download::download_text;
use crate::i18n::{use_i18n, Text};
use crate::state::use_app;
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
            let text = match problem {
                WriteError::QuotaExceeded => i18n.t(Text::StorageFull),
                WriteError::Unavailable(_) => i18n.t(Text::StorageUnavailable),
                WriteError::Other(_) | WriteError::ChangedElsewhere { .. } | WriteError::KeptAside => i18n.t(Text::StorageWriteFailed),
            };
            view! {
                <div class="banner error" role="alert">
                    <p>{text}</p>
                    <a class="button" href="#/transfer">{move || i18n.t(Text::ExportNow)}</a>
                </div>
            }
        })}
        {move || state.notice.get().map(|notice| view! {
            <div class="banner warning" role="status">
                <p>{notice}</p>
                <button type="button" on:click=move |_| state.notice.set(None)>{move || i18n.t(Text::Dismiss)}</button>
            </div>
        })}
        <Show when=move || !state.unreadable.with(Vec::is_empty) || state.unreadable_settings.with(Option::is_some)>
            <div class="banner warning" role="alert">
                <p>{move || i18n.t(Text::UnreadableEntries)}</p>
                <ul class="unreadable">
                    {move || state.unreadable.get().into_iter().chain(state.unreadable_settings.get()).map(|entry| {
                        let for_download = entry.clone();
                        view! {
                            <li>
                                <code>{entry.key.clone()}</code>
                                " — " <span class="muted">{entry.error.clone()}</span> " "
                                <button type="button" on:click=move |_| download(&for_download)>{move || i18n.t(Text::DownloadEntry)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

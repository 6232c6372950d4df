//! The new-version notice: a newer build of the app is installed (or already serving in
//! another tab); one button switches to it.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::offline;
use crate::state::use_app;

/// Shown above every page once a new version is ready. Mount once: it registers the
/// service worker.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let ready = RwSignal::new(false);
    let reloading = RwSignal::new(false);
    offline::watch_for_new_version(ready);
    let unsaved = move || !state.unsaved.with(BTreeSet::is_empty);
    view! {
        <Show when=move || ready.get()>
            <div class="banner update" role="status" data-testid="update-notice">
                <p>{move || tr!(i18n, update.ready)}</p>
                <Show when=unsaved>
                    <p class="update-unsaved">{move || tr!(i18n, update.unsaved_first)}</p>
                </Show>
                <button type="button" class="primary" disabled=move || reloading.get()
                    on:click=move |_| {
                        reloading.set(true);
                        offline::reload_into_new_version();
                    }>
                    {move || if reloading.get() { tr!(i18n, update.reloading) } else { tr!(i18n, update.reload) }}
                </button>
            </div>
        </Show>
    }
}

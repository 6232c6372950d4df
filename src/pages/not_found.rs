//! An address that names no screen.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// Says the address leads nowhere and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || tr!(i18n, common.not_found_title)}</h1>
        <p><a href="#/">{move || tr!(i18n, common.back_to_dashboard)}</a></p>
    }
}

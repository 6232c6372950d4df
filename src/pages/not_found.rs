//! An address that names no screen.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Text};

/// Says the address leads nowhere and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(Text::NotFoundTitle)}</h1>
        <p><a href="#/">{move || i18n.t(Text::BackToDashboard)}</a></p>
    }
}

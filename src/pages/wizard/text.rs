//! A text field of the claim, wired to the draft: typed into the working copy, saved on
//! leaving or after a pause, with its messages beside it.

use claim_rules::model::ClaimFields;
use leptos::prelude::*;

use super::steps::element_id;
use super::use_draft;
use crate::components::field::TextField;
use crate::i18n::{use_i18n, I18n};

/// The text field of the claim at `path` (for example `fields.partner_id`), read with
/// `get` and written with `set`.
#[component]
pub fn DraftText(
    /// The field's path in the export JSON; also gives the element ID.
    path: &'static str,
    /// Words the label.
    label: fn(&I18n) -> String,
    /// Words the hint under the label.
    #[prop(optional)]
    hint: Option<fn(&I18n) -> String>,
    /// Reads the field.
    get: fn(&ClaimFields) -> String,
    /// Writes the field.
    set: fn(&mut ClaimFields, String),
    /// The input type.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The `inputmode`.
    #[prop(default = "text")]
    input_mode: &'static str,
    /// Fixed-width font (IDs).
    #[prop(optional)]
    monospace: bool,
    /// Expected width in characters.
    #[prop(default = 40)]
    size: u32,
) -> impl IntoView {
    let draft = use_draft();
    let i18n = use_i18n();
    let id = element_id(path);
    let messages = draft.messages(&id, move || path.to_string());
    let leave_id = id.clone();
    view! {
        <TextField
            id
            label=move || label(&i18n)
            hint=hint.map(|hint| Signal::derive(move || hint(&i18n)))
            value=Signal::derive(move || draft.fields.with(get))
            on_input=move |text: String| draft.type_text(|fields| set(fields, text))
            on_commit=move |()| draft.leave(&leave_id)
            messages
            input_type
            autocomplete
            input_mode
            monospace
            size
        />
    }
}

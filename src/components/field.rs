//! Labelled form controls with their hint and validation messages beside them.
//!
//! Every control has a visible `<label>`; its hint and messages are tied to it with
//! `aria-describedby`, and `aria-invalid` is set while there is a message, so a screen
//! reader reads what is wrong when the control is focused. Messages carry a marker and
//! words, never colour alone.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// A labelled text input. `on_input` gets every keystroke; `on_commit` fires when the
/// partner is done with the field (the `change` event: leaving it, or Enter).
///
/// ```ignore
/// view! {
///     <TextField id="wiz-partner_id" label=move || tr!(i18n, wizard.partner_id)
///         value=Signal::derive(move || fields.with(|f| f.partner_id.clone()))
///         on_input=move |text| …  on_commit=move |()| …  messages />
/// }
/// ```
#[component]
pub fn TextField(
    /// The input's element ID (problem lists focus it by this ID).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// Called when the partner leaves the field or presses Enter.
    #[prop(into)]
    on_commit: Callback<()>,
    /// Messages about what was typed, shown beside the field.
    #[prop(into)]
    messages: Signal<Vec<String>>,
    /// A short explanation under the label.
    #[prop(optional_no_strip)]
    hint: Option<Signal<String>>,
    /// The input type (`text`, `email`).
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token, when the browser may offer saved values.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The `inputmode` (for example `numeric`), to bring up the right phone keyboard.
    #[prop(default = "text")]
    input_mode: &'static str,
    /// Show the value in a fixed-width font (IDs, GUIDs).
    #[prop(optional)]
    monospace: bool,
    /// Widest expected value, in characters, to size the box.
    #[prop(default = 40)]
    size: u32,
    /// Shown but not editable now (a locked field; the children say why).
    #[prop(optional)]
    readonly: bool,
    /// Notes under the messages (why the field is locked).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-messages");
    let has_messages = move || messages.with(|messages| !messages.is_empty());
    let described_by = {
        let (hint_id, message_id) = (hint_id.clone(), message_id.clone());
        let with_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if with_hint {
                ids.push(hint_id.clone());
            }
            if has_messages() {
                ids.push(message_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-messages=has_messages>
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            <div class="field-row">
                <input
                    id=id
                    class="field-input"
                    class:mono=monospace
                    type=input_type
                    autocomplete=autocomplete
                    inputmode=input_mode
                    spellcheck="false"
                    size=size
                    readonly=readonly
                    prop:value=value
                    aria-invalid=move || has_messages().then_some("true")
                    aria-describedby=described_by
                    on:input=move |event| on_input.run(event_target_value(&event))
                    on:change=move |_| on_commit.run(())
                />
                <FieldMessages id=message_id messages />
            </div>
            {children.map(|children| children())}
        </div>
    }
}

/// The messages of a field or group, each with a marker and a hidden "Problem:" so the
/// status is told in words, not by colour.
#[component]
pub fn FieldMessages(
    /// The element ID, for the controls' `aria-describedby`.
    #[prop(into)]
    id: String,
    /// The messages.
    #[prop(into)]
    messages: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-messages" id=id>
            {move || {
                messages
                    .get()
                    .into_iter()
                    .map(|message| {
                        view! {
                            <p class="field-message">
                                <span class="field-message-icon" aria-hidden="true">
                                    "!"
                                </span>
                                <span class="sr-only">{move || tr!(i18n, common.problem)} " "</span>
                                <span>{message}</span>
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A checkbox or radio button with its label and an optional description under it.
#[component]
pub fn Choice(
    /// The input's element ID.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the partner ticks or unticks it.
    #[prop(into)]
    on_toggle: Callback<bool>,
    /// `radio` for one-of-several choices; a checkbox otherwise.
    #[prop(optional)]
    radio_group: Option<&'static str>,
    /// The ID of an element that describes the choice further (messages, notes).
    #[prop(into, optional)]
    described_by: Signal<Option<String>>,
    /// Mark it invalid (a message about it is shown).
    #[prop(into, optional)]
    invalid: Signal<bool>,
    /// A description under the label (what it means, what it leads to).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let description_id = format!("{id}-description");
    let has_description = children.is_some();
    let described = {
        let description_id = description_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_description {
                ids.push(description_id.clone());
            }
            if let Some(extra) = described_by.get() {
                ids.push(extra);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="choice" class:checked=checked>
            <input
                id=id.clone()
                type=if radio_group.is_some() { "radio" } else { "checkbox" }
                name=radio_group
                prop:checked=checked
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described
                on:change=move |event| on_toggle.run(event_target_checked(&event))
            />
            <div class="choice-text">
                <label for=id>{label}</label>
                {children.map(|children| view! { <div class="choice-description" id=description_id>{children()}</div> })}
            </div>
        </div>
    }
}

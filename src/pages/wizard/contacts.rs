//! Step 4: the customer contact, the technical contact (only when a Dynamics 365 product
//! is claimed), the partner's contact, and the revenue-association details (only for the
//! Revenue association activity).

use claim_rules::model::ClaimFields;
use leptos::prelude::*;

use super::text::DraftText;
use super::use_draft;
use crate::components::field::FieldMessages;
use crate::i18n::{tr, use_i18n};

/// The claimed products that make a technical contact required (the rules decide).
fn dynamics_products(fields: &ClaimFields) -> Vec<String> {
    fields
        .technical_contact_required_by()
        .into_iter()
        .map(|product| product.display_name().to_string())
        .collect()
}

/// The contacts, each in its own group.
#[component]
pub fn ContactsStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    // The rules say when the technical contact applies (required, or typed in); asked
    // once as the step opens as well, so emptying a field while typing does not hide
    // the group under the cursor.
    let applied_before = draft
        .fields
        .with_untracked(ClaimFields::technical_contact_applies);
    let technical_shown =
        move || applied_before || draft.fields.with(ClaimFields::technical_contact_applies);
    let revenue_shown = move || draft.fields.with(ClaimFields::revenue_association_applies);
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.contacts_intro)}</p>
        <fieldset class="group">
            <legend>{move || tr!(i18n, wizard.customer_contact)}</legend>
            <p class="field-hint">{move || tr!(i18n, wizard.customer_contact_hint)}</p>
            <DraftText path="fields.customer_contact.name" label=|i18n| tr!(i18n, wizard.contact_name) get=|f| f.customer_contact.name.clone() set=|f, t| f.customer_contact.name = t />
            <DraftText path="fields.customer_contact.title" label=|i18n| tr!(i18n, wizard.contact_title) get=|f| f.customer_contact.title.clone() set=|f, t| f.customer_contact.title = t />
            <DraftText path="fields.customer_contact.email" label=|i18n| tr!(i18n, wizard.contact_email) get=|f| f.customer_contact.email.clone() set=|f, t| f.customer_contact.email = t input_type="email" />
        </fieldset>
        <Show when=technical_shown fallback=move || view! { <p class="notice subtle">{move || tr!(i18n, wizard.no_technical_contact_needed)}</p> }>
            <TechnicalContact />
        </Show>
        <fieldset class="group">
            <legend>{move || tr!(i18n, wizard.partner_contact)}</legend>
            <p class="field-hint">{move || tr!(i18n, wizard.partner_contact_hint)}</p>
            <DraftText path="fields.partner_contact.name" label=|i18n| tr!(i18n, wizard.contact_name) get=|f| f.partner_contact.name.clone() set=|f, t| f.partner_contact.name = t autocomplete="name" />
            <DraftText path="fields.partner_contact.email" label=|i18n| tr!(i18n, wizard.contact_email) get=|f| f.partner_contact.email.clone() set=|f, t| f.partner_contact.email = t input_type="email" autocomplete="email" />
        </fieldset>
        <Show when=revenue_shown>
            <fieldset class="group">
                <legend>{move || tr!(i18n, wizard.revenue_group)}</legend>
                <p class="field-hint">{move || tr!(i18n, wizard.revenue_group_hint)}</p>
                <DraftText path="fields.revenue_association.solution_seller_name" label=|i18n| tr!(i18n, wizard.solution_seller_name) get=|f| f.revenue_association.solution_seller_name.clone() set=|f, t| f.revenue_association.solution_seller_name = t />
                <DraftText path="fields.revenue_association.customer_name" label=|i18n| tr!(i18n, wizard.revenue_customer_name) get=|f| f.revenue_association.customer_name.clone() set=|f, t| f.revenue_association.customer_name = t />
                <DraftText path="fields.revenue_association.isv_solution_name" label=|i18n| tr!(i18n, wizard.isv_solution_name) get=|f| f.revenue_association.isv_solution_name.clone() set=|f, t| f.revenue_association.isv_solution_name = t />
            </fieldset>
        </Show>
    }
}

/// The technical contact, with why it is needed.
#[component]
fn TechnicalContact() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let why = move || {
        let products = draft.fields.with(dynamics_products);
        if products.is_empty() {
            tr!(i18n, wizard.technical_contact_not_needed)
        } else {
            tr!(
                i18n,
                wizard.technical_contact_why,
                products = i18n.list(&products)
            )
        }
    };
    // "Technical contact required" is about the whole group, so it is shown at its top.
    let messages = draft.messages_where("wiz-technical_contact-name", |problem| {
        problem.field == "fields.technical_contact"
    });
    view! {
        <fieldset class="group" aria-describedby="wiz-technical_contact-why wiz-technical_contact-messages">
            <legend>{move || tr!(i18n, wizard.technical_contact)}</legend>
            <p class="field-hint" id="wiz-technical_contact-why">{why}</p>
            <FieldMessages id="wiz-technical_contact-messages" messages />
            <DraftText path="fields.technical_contact.name" label=|i18n| tr!(i18n, wizard.contact_name) get=|f| f.technical_contact.name.clone() set=|f, t| f.technical_contact.name = t />
            <DraftText path="fields.technical_contact.title" label=|i18n| tr!(i18n, wizard.contact_title) get=|f| f.technical_contact.title.clone() set=|f, t| f.technical_contact.title = t />
            <DraftText path="fields.technical_contact.email" label=|i18n| tr!(i18n, wizard.contact_email) get=|f| f.technical_contact.email.clone() set=|f, t| f.technical_contact.email = t input_type="email" />
        </fieldset>
    }
}

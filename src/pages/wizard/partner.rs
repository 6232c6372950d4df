//! Step 1: the claim's name, the partner (Partner ID) and the customer (domain, tenant ID).

use leptos::prelude::*;

use super::text::DraftText;
use crate::i18n::{tr, use_i18n};

/// Claim name, Partner ID, customer domain and tenant ID.
#[component]
pub fn PartnerStep() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.partner_intro)}</p>
        <DraftText
            path="fields.name"
            label=|i18n| tr!(i18n, wizard.claim_name)
            hint=|i18n| tr!(i18n, wizard.claim_name_hint)
            get=|f| f.name.clone()
            set=|f, text| f.name = text
            size=50
        />
        <fieldset class="group">
            <legend>{move || tr!(i18n, wizard.partner_group)}</legend>
            <DraftText
                path="fields.partner_id"
                label=|i18n| tr!(i18n, wizard.partner_id)
                hint=|i18n| tr!(i18n, wizard.partner_id_hint)
                get=|f| f.partner_id.clone()
                set=|f, text| f.partner_id = text
                input_mode="numeric"
                monospace=true
                size=14
            />
        </fieldset>
        <fieldset class="group">
            <legend>{move || tr!(i18n, wizard.customer_group)}</legend>
            <DraftText
                path="fields.customer_domain"
                label=|i18n| tr!(i18n, wizard.customer_domain)
                hint=|i18n| tr!(i18n, wizard.customer_domain_hint)
                get=|f| f.customer_domain.clone()
                set=|f, text| f.customer_domain = text
                input_mode="url"
                size=30
            />
            <DraftText
                path="fields.tenant_id"
                label=|i18n| tr!(i18n, wizard.tenant_id)
                hint=|i18n| tr!(i18n, wizard.tenant_id_hint)
                get=|f| f.tenant_id.clone()
                set=|f, text| f.tenant_id = text
                monospace=true
                size=38
            />
        </fieldset>
    }
}

//! Step 1: the claim's name, the partner (Partner ID) and the customer (domain, tenant ID).

use leptos::prelude::*;

use super::text::DraftText;
use crate::i18n::use_i18n;
use crate::i18n::wizard::WizardText;

/// Claim name, Partner ID, customer domain and tenant ID.
#[component]
pub fn PartnerStep() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="step-intro">{move || i18n.t(WizardText::PartnerIntro)}</p>
        <DraftText
            path="fields.name"
            label=WizardText::ClaimName
            hint=WizardText::ClaimNameHint
            get=|f| f.name.clone()
            set=|f, text| f.name = text
            size=50
        />
        <fieldset class="group">
            <legend>{move || i18n.t(WizardText::PartnerGroup)}</legend>
            <DraftText
                path="fields.partner_id"
                label=WizardText::PartnerId
                hint=WizardText::PartnerIdHint
                get=|f| f.partner_id.clone()
                set=|f, text| f.partner_id = text
                input_mode="numeric"
                monospace=true
                size=14
            />
        </fieldset>
        <fieldset class="group">
            <legend>{move || i18n.t(WizardText::CustomerGroup)}</legend>
            <DraftText
                path="fields.customer_domain"
                label=WizardText::CustomerDomain
                hint=WizardText::CustomerDomainHint
                get=|f| f.customer_domain.clone()
                set=|f, text| f.customer_domain = text
                input_mode="url"
                size=30
            />
            <DraftText
                path="fields.tenant_id"
                label=WizardText::TenantId
                hint=WizardText::TenantIdHint
                get=|f| f.tenant_id.clone()
                set=|f, text| f.tenant_id = text
                monospace=true
                size=38
            />
        </fieldset>
    }
}

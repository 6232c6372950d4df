//! Step 6: what is still missing (each item opens its step and focuses the field), the
//! warnings (PoE readiness, competing claims), a summary, and Submit.

use claim_rules::lifecycle::Action;
use claim_rules::model::{Activity, Claim, Contact};
use claim_rules::summary::{self, ClaimSummary};
use claim_rules::validation::{self, poe_readiness, ReadinessState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::draft::describe_error_with;
use super::evidence::readiness_label;
use super::stepper::go_to;
use super::steps::{target, Step};
use super::use_draft;
use crate::i18n::rules::{self, activity_name, area_name, program_list};
use crate::i18n::{tr, use_i18n, I18n};
use crate::route::{navigate, workspace, Route};
use crate::state::use_app;
use crate::state::ChangeError;

/// The ID of the "still missing" section, focused when Submit finds something missing.
const MISSING_ID: &str = "wiz-missing";

/// Missing items, warnings, summary and Submit.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let submit_problem = RwSignal::new(None::<ChangeError>);
    let here = workspace();
    let submit = move |_| {
        draft.commit();
        draft.submit_attempted.set(true);
        if !validation::submit_problems(&draft.preview()).is_empty() {
            focus(MISSING_ID);
            return;
        }
        match draft.perform(Action::Submit) {
            Ok(claim) => navigate(Route::Claim(claim.id).within(here)),
            Err(error) => submit_problem.set(Some(error)),
        }
    };
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.review_intro)}</p>
        <Missing />
        <Warnings />
        <Summary />
        <div class="submit-area">
            <p class="field-hint" id="wiz-submit-hint">{move || tr!(i18n, wizard.submit_hint)}</p>
            <button type="button" id="wiz-submit" class="button primary large" aria-describedby="wiz-submit-hint" on:click=submit>
                {move || tr!(i18n, wizard.submit)}
            </button>
            {move || submit_problem.get().map(|error| view! { <p class="field-message" role="alert">{move || describe_error_with(i18n, &error, &draft.time_zone())}</p> })}
        </div>
    }
}

fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Everything that stops the claim from being submitted, each a button to the field.
#[component]
fn Missing() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let problems = Memo::new(move |_| validation::submit_problems(&draft.preview()));
    view! {
        <section id=MISSING_ID class="review-missing" tabindex="-1" aria-labelledby="wiz-missing-title">
            {move || {
                let problems = problems.get();
                if problems.is_empty() {
                    return view! {
                        <div class="review-ready">
                            <h3 id="wiz-missing-title">
                                <span class="review-marker ok" aria-hidden="true">"✓"</span>
                                {move || tr!(i18n, wizard.ready_title)}
                            </h3>
                            <p>{move || tr!(i18n, wizard.ready_text)}</p>
                        </div>
                    }
                    .into_any();
                }
                let count = problems.len();
                let fields = draft.fields.get_untracked();
                view! {
                    <div class="review-problems">
                        <h3 id="wiz-missing-title">
                            <span class="review-marker" aria-hidden="true">"!"</span>
                            {move || tr!(i18n, wizard.missing_title, count = i18n.number(count as i64))}
                        </h3>
                        <ul>
                            {problems
                                .into_iter()
                                .map(|problem| {
                                    let (step, element) = target(&problem.field, &fields);
                                    view! {
                                        <li>
                                            <span class="review-step-tag">{move || step.title(&i18n)}</span>
                                            <button type="button" class="link" on:click=move |_| go_to(draft, step, Some(element.clone()))>
                                                {move || rules::problem(&i18n, &problem)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// PoE readiness warnings and competing claims: worth fixing, never blockers.
#[component]
fn Warnings() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let state = use_app();
    let readiness = move || {
        poe_readiness(&draft.preview())
            .into_iter()
            .filter(|item| item.state == ReadinessState::Warning)
            .collect::<Vec<_>>()
    };
    let competition = move || {
        let preview = draft.preview();
        let Some(id) = draft.id.get() else {
            return Vec::new();
        };
        // Every other claim by its summary (no full claim is read), this one as typed.
        let mut claims = state.summaries.get();
        let preview = ClaimSummary::of(&preview);
        match claims.iter_mut().find(|claim| claim.id == id) {
            Some(slot) => *slot = preview,
            None => claims.push(preview),
        }
        summary::competing_claims(&claims)
            .into_iter()
            .filter(|c| c.involves(id))
            .map(|c| {
                rules::competition(&i18n, &c, |other| {
                    claims
                        .iter()
                        .find(|claim| claim.id == other)
                        .map(|claim| claim.name.clone())
                })
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !readiness().is_empty() || !competition().is_empty()>
            <section class="review-warnings" aria-labelledby="wiz-warnings-title">
                <h3 id="wiz-warnings-title">{move || tr!(i18n, wizard.warnings_title)}</h3>
                <p class="field-hint">{move || tr!(i18n, wizard.warnings_hint)}</p>
                <ul>
                    {move || {
                        competition()
                            .into_iter()
                            .map(|competition| {
                                view! {
                                    <li class="warning-item">
                                        <span class="warning-marker" aria-hidden="true">"!"</span>
                                        <strong>{move || tr!(i18n, wizard.competing_claim)}</strong>
                                        " "
                                        {competition}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                    {move || {
                        readiness()
                            .into_iter()
                            .map(|item| {
                                let check = item.check;
                                view! {
                                    <li class="warning-item">
                                        // The label only: the PoE step, one click away, explains each check.
                                        <span class="warning-marker" aria-hidden="true">"!"</span>
                                        <span class="sr-only">{move || tr!(i18n, wizard.ready_warning)} " "</span>
                                        <button type="button" class="link" on:click=move |_| go_to(draft, Step::Poe, Some(format!("wiz-readiness-{check:?}")))>
                                            {move || readiness_label(&i18n, check)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// The claim at a glance, a section per step with a Change button.
#[component]
fn Summary() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    view! {
        <div class="review-summary">
            {move || {
                let claim = draft.preview();
                [Step::Partner, Step::Activity, Step::Products, Step::Contacts, Step::Poe]
                    .into_iter()
                    .map(|step| view! { <SummarySection step rows=rows(step, &claim, i18n) /> })
                    .collect_view()
            }}
        </div>
    }
}

/// One row of the summary: a label and a value (empty when not filled in).
type Row = (String, String);

/// The rows of a step's summary.
fn rows(step: Step, claim: &Claim, i18n: I18n) -> Vec<Row> {
    let fields = &claim.fields;
    let contact = |contact: &Contact| {
        [
            contact.name.as_str(),
            contact.title.as_str(),
            contact.email.as_str(),
        ]
        .iter()
        .filter(|t| !t.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
    };
    match step {
        Step::Partner => vec![
            (tr!(i18n, wizard.claim_name), fields.name.clone()),
            (tr!(i18n, wizard.partner_id), fields.partner_id.clone()),
            (
                tr!(i18n, wizard.customer_domain),
                fields.customer_domain.clone(),
            ),
            (tr!(i18n, wizard.tenant_id), fields.tenant_id.clone()),
        ],
        Step::Activity => vec![
            (
                tr!(i18n, wizard.solution_area),
                fields
                    .solution_area
                    .map(|area| area_name(&i18n, area))
                    .unwrap_or_default(),
            ),
            (
                tr!(i18n, wizard.activity),
                i18n.list(
                    &fields
                        .activities
                        .iter()
                        .map(|a| activity_name(&i18n, *a))
                        .collect::<Vec<_>>(),
                ),
            ),
            (
                tr!(i18n, wizard.programs),
                program_list(&i18n, &fields.programs()),
            ),
        ],
        Step::Products => vec![(
            tr!(i18n, wizard.step.products),
            i18n.list(
                &fields
                    .products
                    .iter()
                    .map(|c| {
                        if c.subscription_id.is_empty() {
                            c.product.display_name().to_string()
                        } else {
                            tr!(
                                i18n,
                                wizard.product_with_subscription,
                                product = c.product.display_name(),
                                id = c.subscription_id.clone()
                            )
                        }
                    })
                    .collect::<Vec<_>>(),
            ),
        )],
        Step::Contacts => {
            let mut rows = vec![(
                tr!(i18n, wizard.customer_contact),
                contact(&fields.customer_contact),
            )];
            let technical = contact(&fields.technical_contact);
            if fields.technical_contact_applies() {
                rows.push((tr!(i18n, wizard.technical_contact), technical));
            }
            let partner = [
                fields.partner_contact.name.as_str(),
                fields.partner_contact.email.as_str(),
            ]
            .iter()
            .filter(|t| !t.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
            rows.push((tr!(i18n, wizard.partner_contact), partner));
            if fields.activities.contains(&Activity::RevenueAssociation) {
                let revenue = &fields.revenue_association;
                rows.push((
                    tr!(i18n, wizard.solution_seller_name),
                    revenue.solution_seller_name.clone(),
                ));
                rows.push((
                    tr!(i18n, wizard.revenue_customer_name),
                    revenue.customer_name.clone(),
                ));
                rows.push((
                    tr!(i18n, wizard.isv_solution_name),
                    revenue.isv_solution_name.clone(),
                ));
            }
            rows
        }
        Step::Poe => vec![(
            tr!(i18n, wizard.poe_files),
            i18n.list(
                &claim
                    .poe
                    .iter()
                    .map(|d| d.file_name.clone())
                    .collect::<Vec<_>>(),
            ),
        )],
        Step::Review => Vec::new(),
    }
}

/// A step's summary: its rows and a button to change them.
#[component]
fn SummarySection(step: Step, rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    view! {
        <section class="summary-section" aria-labelledby=format!("wiz-summary-{}", step.code())>
            <div class="summary-head">
                <h3 id=format!("wiz-summary-{}", step.code())>{move || step.title(&i18n)}</h3>
                <button type="button" class="button secondary small" on:click=move |_| go_to(draft, step, None)
                    aria-label=move || tr!(i18n, wizard.change_step, step = step.title(&i18n))>
                    {move || tr!(i18n, wizard.change)}
                </button>
            </div>
            <dl>
                {rows
                    .into_iter()
                    .map(|(label, value)| {
                        let empty = value.trim().is_empty();
                        view! {
                            <div class="summary-row">
                                <dt>{label}</dt>
                                <dd class:summary-empty=empty>
                                    {if empty { tr!(i18n, wizard.not_filled_in) } else { value }}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

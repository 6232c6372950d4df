//! Step 5: proof of execution (files recorded by name, type, size and SHA-256) and the
//! readiness checklist (warnings, never blockers).

use claim_rules::lifecycle::Action;
use claim_rules::model::{PoeChecklist, PoeDocument};
use claim_rules::validation::{poe_readiness, ReadinessCheck, ReadinessState};
use leptos::prelude::*;
use uuid::Uuid;

use super::draft::describe_error_with;
use super::steps::POE_INPUT_ID;
use super::use_draft;
use crate::components::field::{Choice, FieldMessages};
use crate::components::poe::{AddPoe, PoeList};
use crate::i18n::wizard::WizardText;
use crate::i18n::{rules, use_i18n};

/// Adding and removing PoE files, then the checklist.
#[component]
pub fn PoeStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let problem = RwSignal::new(None::<String>);
    let report = move |result: Result<_, _>| match result {
        Ok(_) => problem.set(None),
        Err(error) => problem.set(Some(describe_error_with(i18n, &error, &draft.time_zone()))),
    };
    let on_added = move |document: PoeDocument| report(draft.perform(Action::AddPoe(document)));
    let on_remove = move |id: Uuid| report(draft.perform(Action::RemovePoe(id)));
    let documents =
        Signal::derive(move || draft.claim().map(|claim| claim.poe).unwrap_or_default());
    view! {
        <p class="step-intro">{move || i18n.t(WizardText::PoeIntro)}</p>
        <section class="group" aria-labelledby="wiz-poe-title">
            <h3 id="wiz-poe-title">{move || i18n.t(WizardText::PoeFiles)}</h3>
            <FieldMessages id="wiz-poe-messages" messages=draft.messages("wiz-poe", || "poe".to_string()) />
            <PoeList documents on_remove />
            <AddPoe input_id=POE_INPUT_ID on_added />
            {move || problem.get().map(|text| view! { <p class="field-message" role="alert">{text}</p> })}
        </section>
        <Readiness />
    }
}

/// The five readiness checks, each a checkbox with the rules' explanation and its state
/// in words.
#[component]
fn Readiness() -> impl IntoView {
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<String>);
    view! {
        <fieldset class="group readiness">
            <legend>{move || i18n.t(WizardText::ReadinessTitle)}</legend>
            <p class="field-hint">{move || i18n.t(WizardText::ReadinessHint)}</p>
            // The checks are fixed; only their state changes, so ticking one keeps focus.
            <div class="choices">{ReadinessCheck::ALL.map(|check| view! { <ReadinessChoice check problem /> }).collect_view()}</div>
            {move || problem.get().map(|text| view! { <p class="field-message" role="alert">{text}</p> })}
        </fieldset>
    }
}

/// One readiness check: ticked or not, and what the rules say about it.
#[component]
fn ReadinessChoice(check: ReadinessCheck, problem: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let item = Memo::new(move |_| {
        poe_readiness(&draft.preview())
            .into_iter()
            .find(|item| item.check == check)
    });
    let ok = move || {
        item.with(|item| {
            item.as_ref()
                .is_some_and(|item| item.state == ReadinessState::Ok)
        })
    };
    let message = move || {
        item.with(|item| {
            item.as_ref()
                .map(rules::readiness_advice)
                .unwrap_or_default()
        })
    };
    let checked = Signal::derive(move || {
        draft
            .claim()
            .is_some_and(|claim| is_ticked(claim.poe_checklist, check))
    });
    let toggle = move |on: bool| {
        let mut checklist = draft
            .claim()
            .map(|claim| claim.poe_checklist)
            .unwrap_or_default();
        *flag(&mut checklist, check) = on;
        match draft.perform(Action::SetPoeChecklist(checklist)) {
            Ok(_) => problem.set(None),
            Err(error) => problem.set(Some(describe_error_with(i18n, &error, &draft.time_zone()))),
        }
    };
    view! {
        <Choice id=format!("wiz-readiness-{check:?}") label=move || i18n.t(readiness_label(check)) checked on_toggle=toggle>
            <p class="readiness-state" data-state=move || if ok() { "ok" } else { "warning" }>
                <span class="readiness-marker" aria-hidden="true">{move || if ok() { "✓" } else { "!" }}</span>
                <strong>{move || i18n.t(if ok() { WizardText::ReadyOk } else { WizardText::ReadyWarning })}</strong>
                " "
                <span>{message}</span>
            </p>
        </Choice>
    }
}

/// The checklist flag behind a readiness check.
fn flag(checklist: &mut PoeChecklist, check: ReadinessCheck) -> &mut bool {
    match check {
        ReadinessCheck::PoeAboutClaim => &mut checklist.about_this_claim,
        ReadinessCheck::CustomerAcknowledgment => &mut checklist.customer_acknowledgment,
        ReadinessCheck::DatesRecent => &mut checklist.dates_recent,
        ReadinessCheck::SolutionDescribed => &mut checklist.solution_described,
        ReadinessCheck::ProductsNamed => &mut checklist.products_named,
    }
}

/// Whether the checklist ticks `check`.
fn is_ticked(mut checklist: PoeChecklist, check: ReadinessCheck) -> bool {
    *flag(&mut checklist, check)
}

/// The checkbox label of a readiness check.
pub fn readiness_label(check: ReadinessCheck) -> WizardText {
    match check {
        ReadinessCheck::PoeAboutClaim => WizardText::CheckAboutClaim,
        ReadinessCheck::CustomerAcknowledgment => WizardText::CheckAcknowledgment,
        ReadinessCheck::DatesRecent => WizardText::CheckDates,
        ReadinessCheck::SolutionDescribed => WizardText::CheckSolution,
        ReadinessCheck::ProductsNamed => WizardText::CheckProducts,
    }
}

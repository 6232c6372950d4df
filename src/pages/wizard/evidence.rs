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
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::ChangeError;

/// Adding and removing PoE files, then the checklist.
#[component]
pub fn PoeStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let problem = RwSignal::new(None::<ChangeError>);
    let report = move |result: Result<_, _>| match result {
        Ok(_) => {
            problem.set(None);
            true
        }
        Err(error) => {
            problem.set(Some(error));
            false
        }
    };
    let on_added = move |document: PoeDocument| report(draft.perform(Action::AddPoe(document)));
    let on_remove = move |id: Uuid| {
        report(draft.perform(Action::RemovePoe(id)));
    };
    let documents =
        Signal::derive(move || draft.claim().map(|claim| claim.poe).unwrap_or_default());
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.poe_intro)}</p>
        <section class="group" aria-labelledby="wiz-poe-title">
            <h3 id="wiz-poe-title">{move || tr!(i18n, wizard.poe_files)}</h3>
            <FieldMessages id="wiz-poe-messages" messages=draft.messages("wiz-poe", || "poe".to_string()) />
            <PoeList documents on_remove />
            <AddPoe input_id=POE_INPUT_ID on_added />
            {move || problem.get().map(|error| view! { <p class="field-message" role="alert">{move || describe_error_with(i18n, &error, &draft.time_zone())}</p> })}
        </section>
        <Readiness />
    }
}

/// The five readiness checks, each a checkbox with the rules' explanation and its state
/// in words.
#[component]
fn Readiness() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let problem = RwSignal::new(None::<ChangeError>);
    view! {
        <fieldset class="group readiness">
            <legend>{move || tr!(i18n, wizard.readiness_title)}</legend>
            <p class="field-hint">{move || tr!(i18n, wizard.readiness_hint)}</p>
            // The checks are fixed; only their state changes, so ticking one keeps focus.
            <div class="choices">{ReadinessCheck::ALL.map(|check| view! { <ReadinessChoice check problem /> }).collect_view()}</div>
            {move || problem.get().map(|error| view! { <p class="field-message" role="alert">{move || describe_error_with(i18n, &error, &draft.time_zone())}</p> })}
        </fieldset>
    }
}

/// One readiness check: ticked or not, and what the rules say about it.
#[component]
fn ReadinessChoice(check: ReadinessCheck, problem: RwSignal<Option<ChangeError>>) -> impl IntoView {
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
                .map(|item| rules::readiness_advice(&i18n, item))
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
            Err(error) => problem.set(Some(error)),
        }
    };
    view! {
        <Choice id=format!("wiz-readiness-{check:?}") label=move || readiness_label(&i18n, check) checked on_toggle=toggle>
            <p class="readiness-state" data-state=move || if ok() { "ok" } else { "warning" }>
                <span class="readiness-marker" aria-hidden="true">{move || if ok() { "✓" } else { "!" }}</span>
                <strong>{move || if ok() { tr!(i18n, wizard.ready_ok) } else { tr!(i18n, wizard.ready_warning) }}</strong>
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
pub fn readiness_label(i18n: &I18n, check: ReadinessCheck) -> String {
    match check {
        ReadinessCheck::PoeAboutClaim => tr!(i18n, wizard.check.about_claim),
        ReadinessCheck::CustomerAcknowledgment => tr!(i18n, wizard.check.acknowledgment),
        ReadinessCheck::DatesRecent => tr!(i18n, wizard.check.dates),
        ReadinessCheck::SolutionDescribed => tr!(i18n, wizard.check.solution),
        ReadinessCheck::ProductsNamed => tr!(i18n, wizard.check.products),
    }
}

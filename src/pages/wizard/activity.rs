//! Step 2: the solution area and the activities, each explained with the programs it
//! leads to.

use std::collections::BTreeSet;

use claim_rules::model::{derived_programs, Activity, Program, SolutionArea};
use leptos::prelude::*;

use super::steps::{activity_id, area_id};
use super::use_draft;
use crate::components::field::{Choice, FieldMessages};
use crate::i18n::rules::{activity_name, area_name, program_list};
use crate::i18n::{tr, use_i18n};

/// The control keys under which the area's and the activities' messages are shown.
const AREA_KEY: &str = "wiz-solution_area";
const ACTIVITIES_KEY: &str = "wiz-activities";

/// The programs that `activity` alone leads to in `area`, as the rules derive them.
fn programs_of(area: SolutionArea, activity: Activity) -> Vec<Program> {
    derived_programs(Some(area), &BTreeSet::from([activity]))
}

/// Area radio buttons, then the activities the area allows.
#[component]
pub fn ActivityStep() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    // Memos, so that typing elsewhere does not rebuild the choices (and lose focus).
    let area = Memo::new(move |_| draft.fields.with(|f| f.solution_area));
    view! {
        <p class="step-intro">{move || tr!(i18n, wizard.activity_intro)}</p>
        <fieldset class="group" aria-describedby="wiz-solution_area-messages">
            <legend>{move || tr!(i18n, wizard.solution_area)}</legend>
            <div class="choices">
                {SolutionArea::ALL.map(|option| view! { <AreaChoice area=option /> }).collect_view()}
            </div>
            <FieldMessages id="wiz-solution_area-messages" messages=draft.messages(AREA_KEY, || "fields.solution_area".to_string()) />
        </fieldset>
        {move || match area.get() {
            None => view! { <p class="notice">{move || tr!(i18n, wizard.choose_area_first)}</p> }.into_any(),
            Some(area) => view! { <Activities area /> }.into_any(),
        }}
        <ProgramsSummary />
    }
}

/// One solution area's radio button, with what it covers.
#[component]
fn AreaChoice(area: SolutionArea) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let description = move || match area {
        SolutionArea::Microsoft365 => tr!(i18n, wizard.area_microsoft_365),
        SolutionArea::BusinessApplications => tr!(i18n, wizard.area_business_applications),
    };
    view! {
        <Choice
            id=area_id(area)
            label=move || area_name(&i18n, area)
            radio_group="solution_area"
            checked=Signal::derive(move || draft.fields.with(|f| f.solution_area == Some(area)))
            on_toggle=move |on: bool| {
                if on {
                    draft.choose(AREA_KEY, |f| f.solution_area = Some(area));
                }
            }
        >
            <p>{description}</p>
        </Choice>
    }
}

/// The activities `area` allows (and any chosen one it does not, so it can be removed).
#[component]
fn Activities(area: SolutionArea) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let messages = draft.messages(ACTIVITIES_KEY, || "fields.activities".to_string());
    let shown = Memo::new(move |_| {
        let chosen = draft.fields.with(|f| f.activities.clone());
        Activity::ALL
            .into_iter()
            .filter(|activity| area.allows(*activity) || chosen.contains(activity))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="group" aria-describedby="wiz-activities-messages">
            <legend>{move || tr!(i18n, wizard.activity)}</legend>
            <p class="field-hint">{move || tr!(i18n, wizard.activity_hint)}</p>
            <div class="choices">
                {move || shown.get().into_iter().map(|activity| view! { <ActivityChoice area activity /> }).collect_view()}
            </div>
            <FieldMessages id="wiz-activities-messages" messages />
        </fieldset>
    }
}

/// One activity's checkbox: what it means and which program it leads to.
#[component]
fn ActivityChoice(area: SolutionArea, activity: Activity) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let explanation = move || match activity {
        Activity::Presales => tr!(i18n, wizard.activity_presales_text),
        Activity::Usage => tr!(i18n, wizard.activity_usage_text),
        Activity::RevenueAssociation => tr!(i18n, wizard.activity_revenue_text),
    };
    let programs = programs_of(area, activity);
    let leads_to = if programs.is_empty() {
        view! { <p class="leads-to not-allowed">{move || tr!(i18n, wizard.not_for_area)}</p> }
            .into_any()
    } else {
        view! {
            <p class="leads-to">{move || tr!(i18n, wizard.leads_to, programs = program_list(&i18n, &programs))}</p>
        }
        .into_any()
    };
    view! {
        <Choice
            id=activity_id(activity)
            label=move || activity_name(&i18n, activity)
            checked=Signal::derive(move || draft.fields.with(|f| f.activities.contains(&activity)))
            on_toggle=move |on: bool| {
                draft.choose(ACTIVITIES_KEY, |f| {
                    if on {
                        f.activities.insert(activity);
                    } else {
                        f.activities.remove(&activity);
                    }
                })
            }
        >
            <p>{explanation}</p>
            {leads_to}
        </Choice>
    }
}

/// The programs the chosen area and activities lead to, as the rules derive them.
#[component]
fn ProgramsSummary() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let programs = move || draft.fields.with(|f| f.programs());
    view! {
        <div class="programs-summary" role="status">
            {move || {
                let programs = programs();
                if programs.is_empty() {
                    view! { <p>{move || tr!(i18n, wizard.no_program_yet)}</p> }.into_any()
                } else {
                    view! {
                        <p>{move || tr!(i18n, wizard.claim_leads_to, programs = program_list(&i18n, &programs))}</p>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

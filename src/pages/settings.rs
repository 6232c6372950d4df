//! Settings: clock lengths and the consent rule, the business calendar, the language.
//! The rules check the policy (`Policy::problems`); nothing is saved while it has problems.

use claim_rules::calendar::Weekmask;
use claim_rules::policy::{clock_length_range, PolicyProblem};
use claim_rules::policy::{ConsentRule, HolidaySet, Policy};
use jiff::civil::Date;
use leptos::prelude::*;

use crate::i18n::settings::SettingsText as S;
use crate::i18n::{rules, use_i18n, Locale};
use crate::state::{use_app, Settings};

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let draft = RwSignal::new(state.settings.get_untracked());
    let problems = RwSignal::new(Vec::<PolicyProblem>::new());
    let outcome = RwSignal::new(None::<S>);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let settings = draft.get_untracked();
        let found = settings.policy.problems();
        if !found.is_empty() {
            problems.set(found);
            outcome.set(Some(S::FixProblems));
            return;
        }
        problems.set(Vec::new());
        outcome.set(Some(match state.save_settings(settings) {
            Ok(()) => S::Saved,
            Err(_) => S::NotSaved,
        }));
    };

    view! {
        <h1>{move || i18n.t(S::Title)}</h1>
        <p class="lead">{move || i18n.t(S::Intro)}</p>
        <form class="settings" on:submit=save novalidate>
            <fieldset>
                <legend>{move || i18n.t(S::PolicyHeading)}</legend>
                <p class="hint">{move || i18n.t(S::PolicyHint)}</p>
                <LengthField draft problems id="review_start_business_days" label=S::ReviewStart unit=S::BusinessDays
                    get=|p| p.review_start_business_days set=|p, v| p.review_start_business_days = v />
                <LengthField draft problems id="review_decision_business_days" label=S::ReviewDecision unit=S::BusinessDays
                    get=|p| p.review_decision_business_days set=|p, v| p.review_decision_business_days = v />
                <LengthField draft problems id="partner_response_business_days" label=S::PartnerResponse unit=S::BusinessDays
                    get=|p| p.partner_response_business_days set=|p, v| p.partner_response_business_days = v />
                <ConsentField draft problems />
                <LengthField draft problems id="dispute_window_days" label=S::DisputeWindow unit=S::CalendarDays
                    get=|p| p.dispute_window_days set=|p, v| p.dispute_window_days = v />
                <LengthField draft problems id="dispute_review_business_days" label=S::DisputeReview unit=S::BusinessDays
                    get=|p| p.dispute_review_business_days set=|p, v| p.dispute_review_business_days = v />
                <LengthField draft problems id="decision_target_business_days" label=S::DecisionTarget unit=S::BusinessDays
                    get=|p| p.decision_target_business_days set=|p, v| p.decision_target_business_days = v />
            </fieldset>
            <CalendarFields draft problems />
            <fieldset>
                <legend>{move || i18n.t(S::LanguageHeading)}</legend>
                <label class="field">
                    <span class="label">{move || i18n.t(S::Language)}</span>
                    <select on:change=move |event| {
                        let tag = event_target_value(&event);
                        if let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == tag) {
                            draft.update(|s| s.locale = locale);
                        }
                    }>
                        {Locale::ALL.into_iter().map(|locale| view! {
                            <option value=locale.tag() selected=move || draft.with(|s| s.locale == locale)>{locale.native_name()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="primary">{move || i18n.t(S::Save)}</button>
                <button type="button" on:click=move |_| {
                    draft.set(Settings { locale: draft.with_untracked(|s| s.locale), ..Settings::default() });
                    problems.set(Vec::new());
                    outcome.set(None);
                }>{move || i18n.t(S::ResetDefaults)}</button>
                <span role="status" class=move || match outcome.get() { Some(S::Saved) => "outcome ok", Some(_) => "outcome error", None => "outcome" }>
                    {move || outcome.get().map(|text| i18n.t(text))}
                </span>
            </div>
        </form>
    }
}

/// The problems for one field path, as messages.
fn messages_for(
    problems: RwSignal<Vec<PolicyProblem>>,
    path: &'static str,
) -> impl Fn() -> Vec<String> + Copy {
    move || {
        problems.with(|all| {
            all.iter()
                .filter(|p| p.field == path)
                .map(rules::policy_problem)
                .collect()
        })
    }
}

#[component]
fn FieldMessages(id: String, messages: Vec<String>) -> impl IntoView {
    (!messages.is_empty()).then(|| {
        view! {
            <p class="field-message error" id=id>{messages.join(" ")}</p>
        }
    })
}

/// A clock length in days, typed as a number.
#[component]
fn LengthField(
    draft: RwSignal<Settings>,
    problems: RwSignal<Vec<PolicyProblem>>,
    id: &'static str,
    label: S,
    unit: S,
    get: fn(&Policy) -> u32,
    set: fn(&mut Policy, u32),
) -> impl IntoView {
    let i18n = use_i18n();
    let path: &'static str = Box::leak(format!("policy.{id}").into_boxed_str());
    let typed_problem = RwSignal::new(false);
    let messages = messages_for(problems, path);
    let message_id = format!("{id}-message");
    view! {
        <div class="field length">
            <label for=id class="label">{move || i18n.t(label)}</label>
            <div class="with-unit">
                <input id=id type="number" inputmode="numeric" min=clock_length_range().start().to_string() max=clock_length_range().end().to_string() step="1"
                    prop:value=move || draft.with(|s| get(&s.policy)).to_string()
                    aria-invalid=move || (typed_problem.get() || !messages().is_empty()).to_string()
                    aria-describedby=message_id.clone()
                    on:change=move |event| {
                        match event_target_value(&event).trim().parse::<u32>() {
                            Ok(days) => {
                                typed_problem.set(false);
                                draft.update(|s| set(&mut s.policy, days));
                            }
                            Err(_) => typed_problem.set(true),
                        }
                    } />
                <span class="unit">{move || i18n.t(unit)}</span>
            </div>
            {move || {
                let mut all = messages();
                if typed_problem.get() { all.insert(0, i18n.t(S::NotANumber).to_string()); }
                view! { <FieldMessages id=message_id.clone() messages=all /> }
            }}
        </div>
    }
}

/// The consent period: its length and whether it counts calendar or business days.
#[component]
fn ConsentField(
    draft: RwSignal<Settings>,
    problems: RwSignal<Vec<PolicyProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let days = move || {
        draft.with(|s| match s.policy.consent {
            ConsentRule::CalendarDays(days) | ConsentRule::BusinessDays(days) => days,
        })
    };
    let business = move || draft.with(|s| matches!(s.policy.consent, ConsentRule::BusinessDays(_)));
    let set = move |days: u32, business: bool| {
        draft.update(|s| {
            s.policy.consent = if business {
                ConsentRule::BusinessDays(days)
            } else {
                ConsentRule::CalendarDays(days)
            }
        });
    };
    let messages = messages_for(problems, "policy.consent");
    view! {
        <div class="field length">
            <label for="consent_days" class="label">{move || i18n.t(S::Consent)}</label>
            <div class="with-unit">
                <input id="consent_days" type="number" inputmode="numeric" min=clock_length_range().start().to_string() max=clock_length_range().end().to_string() step="1"
                    prop:value=move || days().to_string()
                    aria-describedby="consent-hint consent-message"
                    on:change=move |event| {
                        if let Ok(value) = event_target_value(&event).trim().parse::<u32>() {
                            set(value, business());
                        }
                    } />
                <select aria-label=move || i18n.t(S::Consent) on:change=move |event| set(days(), event_target_value(&event) == "business")>
                    <option value="calendar" selected=move || !business()>{move || i18n.t(S::ConsentCalendar)}</option>
                    <option value="business" selected=business>{move || i18n.t(S::ConsentBusiness)}</option>
                </select>
            </div>
            <p class="hint" id="consent-hint">{move || i18n.t(S::ConsentHint)}</p>
            {move || view! { <FieldMessages id="consent-message".to_string() messages=messages() /> }}
        </div>
    }
}

/// Weekmask, holiday set, own holidays and time zone.
#[component]
fn CalendarFields(
    draft: RwSignal<Settings>,
    problems: RwSignal<Vec<PolicyProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let weekdays = [
        S::Monday,
        S::Tuesday,
        S::Wednesday,
        S::Thursday,
        S::Friday,
        S::Saturday,
        S::Sunday,
    ];
    let new_holiday = RwSignal::new(String::new());
    let holiday_problem = RwSignal::new(false);
    let zone_messages = messages_for(problems, "calendar.time_zone");
    let weekmask_problem = RwSignal::new(false);
    let zones: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.to_string())
        .collect();
    view! {
        <fieldset>
            <legend>{move || i18n.t(S::CalendarHeading)}</legend>
            <fieldset class="weekmask">
                <legend class="label">{move || i18n.t(S::Weekmask)}</legend>
                {weekdays.into_iter().enumerate().map(|(index, day)| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || draft.with(|s| s.policy.calendar.weekmask.days()[index])
                            on:change=move |event| {
                                let mut days = draft.with_untracked(|s| s.policy.calendar.weekmask.days());
                                days[index] = event_target_checked(&event);
                                match Weekmask::from_days(days) {
                                    Ok(mask) => {
                                        weekmask_problem.set(false);
                                        draft.update(|s| s.policy.calendar.weekmask = mask);
                                    }
                                    Err(_) => {
                                        weekmask_problem.set(true);
                                        draft.update(|_| {});
                                    }
                                }
                            } />
                        {move || i18n.t(day)}
                    </label>
                }).collect_view()}
                <Show when=move || weekmask_problem.get()>
                    <p class="field-message error">{move || i18n.t(S::WeekmaskHint)}</p>
                </Show>
            </fieldset>
            <div class="field">
                <label for="holiday_set" class="label">{move || i18n.t(S::Holidays)}</label>
                <select id="holiday_set" on:change=move |event| {
                    let set = if event_target_value(&event) == "none" { HolidaySet::None } else { HolidaySet::UsFederal };
                    draft.update(|s| s.policy.calendar.holidays = set);
                }>
                    <option value="us" selected=move || draft.with(|s| s.policy.calendar.holidays == HolidaySet::UsFederal)>{move || i18n.t(S::HolidaysUs)}</option>
                    <option value="none" selected=move || draft.with(|s| s.policy.calendar.holidays == HolidaySet::None)>{move || i18n.t(S::HolidaysNone)}</option>
                </select>
            </div>
            <div class="field">
                <span class="label" id="custom-holidays-label">{move || i18n.t(S::CustomHolidays)}</span>
                <p class="hint">{move || i18n.t(S::CustomHolidaysHint)}</p>
                <ul class="custom-holidays" aria-labelledby="custom-holidays-label">
                    {move || {
                        let dates = draft.with(|s| s.policy.calendar.custom_holidays.clone());
                        if dates.is_empty() {
                            return view! { <li class="muted">{i18n.t(S::NoCustomHolidays)}</li> }.into_any();
                        }
                        dates.into_iter().map(|date| view! {
                            <li>
                                <span>{date.to_string()}</span>
                                <button type="button" class="link" aria-label=format!("{} {date}", i18n.t(S::Remove))
                                    on:click=move |_| draft.update(|s| s.policy.calendar.custom_holidays.retain(|d| *d != date))>
                                    {i18n.t(S::Remove)}
                                </button>
                            </li>
                        }).collect_view().into_any()
                    }}
                </ul>
                <div class="inline">
                    <input type="date" aria-label=move || i18n.t(S::AddHoliday)
                        prop:value=move || new_holiday.get()
                        on:input=move |event| new_holiday.set(event_target_value(&event)) />
                    <button type="button" on:click=move |_| {
                        match new_holiday.get_untracked().parse::<Date>() {
                            Ok(date) => {
                                holiday_problem.set(false);
                                draft.update(|s| {
                                    let list = &mut s.policy.calendar.custom_holidays;
                                    if !list.contains(&date) { list.push(date); list.sort(); }
                                });
                                new_holiday.set(String::new());
                            }
                            Err(_) => holiday_problem.set(true),
                        }
                    }>{move || i18n.t(S::AddHoliday)}</button>
                </div>
                <Show when=move || holiday_problem.get()>
                    <p class="field-message error">{move || i18n.t(S::HolidayNotADate)}</p>
                </Show>
            </div>
            <div class="field">
                <label for="time_zone" class="label">{move || i18n.t(S::TimeZone)}</label>
                <input id="time_zone" type="text" list="time-zones" autocomplete="off" spellcheck="false"
                    prop:value=move || draft.with(|s| s.policy.calendar.time_zone.clone())
                    aria-invalid=move || (!zone_messages().is_empty()).to_string()
                    aria-describedby="time-zone-hint time-zone-message"
                    on:change=move |event| {
                        let zone = event_target_value(&event).trim().to_string();
                        draft.update(|s| s.policy.calendar.time_zone = zone);
                        problems.set(draft.with_untracked(|s| s.policy.problems()));
                    } />
                <datalist id="time-zones">
                    {zones.into_iter().map(|zone| view! { <option value=zone /> }).collect_view()}
                </datalist>
                <p class="hint" id="time-zone-hint">{move || i18n.t(S::TimeZoneHint)}</p>
                {move || view! { <FieldMessages id="time-zone-message".to_string() messages=zone_messages() /> }}
            </div>
        </fieldset>
    }
}

//! Settings: clock lengths and the consent rule, the business calendar, the language.
//! The rules check the policy (`Policy::problems`); nothing is saved while it has problems.
//! The language is not part of the form: like the header's switch, it applies and is
//! stored at once.

use claim_rules::calendar::Weekmask;
use claim_rules::holidays::{coverage, Coverage};
use claim_rules::policy::{clock_length_range, PolicyProblem};
use claim_rules::policy::{ConsentRule, HolidaySet, Policy};
use jiff::civil::Date;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::LanguageSwitch;
use crate::i18n::time::viewer_zone;
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::{use_app, Keeping, Settings, SettingsError};
use crate::store::quota;

/// Words a text of this page in the current language.
type Text = fn(&I18n) -> String;

/// The outcome of pressing Save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Saved,
    NotSaved,
    /// Another tab saved settings since this page read them; this form keeps its values.
    ChangedElsewhere,
    FixProblems,
}

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let draft = RwSignal::new(state.settings.get_untracked());
    let problems = RwSignal::new(Vec::<PolicyProblem>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    // The stored revision this form shows: a save replaces only that one, so settings
    // another tab saved meanwhile are not overwritten unseen.
    let base = StoredValue::new(state.settings_revision());

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // The language in force, not the one when the page opened: it may have been
        // switched since, and this form does not edit it.
        let settings = Settings {
            locale: state.settings.with_untracked(|s| s.locale),
            ..draft.get_untracked()
        };
        let found = settings.policy.problems();
        if !found.is_empty() {
            problems.set(found);
            outcome.set(Some(Outcome::FixProblems));
            return;
        }
        problems.set(Vec::new());
        outcome.set(None);
        spawn_local(async move {
            let result = state.save_settings(settings, base.get_value()).await;
            outcome.try_set(Some(match result {
                Ok(revision) => {
                    base.try_set_value(revision);
                    Outcome::Saved
                }
                Err(SettingsError::NotSaved) => Outcome::NotSaved,
                // Saving again (having read why) replaces what the other tab saved.
                Err(SettingsError::ChangedElsewhere) => {
                    base.try_set_value(state.settings_revision());
                    Outcome::ChangedElsewhere
                }
            }));
        });
    };

    view! {
        <h1>{move || tr!(i18n, settings.title)}</h1>
        <p class="lead">{move || tr!(i18n, settings.intro)}</p>
        <section class="card language-settings" aria-labelledby="language-heading">
            <h2 id="language-heading"><label for="settings-language">{move || tr!(i18n, settings.language_heading)}</label></h2>
            <LanguageSwitch id="settings-language" />
            <p class="hint">{move || tr!(i18n, settings.language_hint)}</p>
        </section>
        <StorageSection />
        <form class="settings" on:submit=save novalidate>
            <fieldset>
                <legend>{move || tr!(i18n, settings.policy_heading)}</legend>
                <p class="hint">{move || tr!(i18n, settings.policy_hint)}</p>
                <LengthField draft problems id="review_start_business_days" label=|i18n| tr!(i18n, settings.review_start) unit=business_days
                    get=|p| p.review_start_business_days set=|p, v| p.review_start_business_days = v />
                <LengthField draft problems id="review_decision_business_days" label=|i18n| tr!(i18n, settings.review_decision) unit=business_days
                    get=|p| p.review_decision_business_days set=|p, v| p.review_decision_business_days = v />
                <LengthField draft problems id="partner_response_business_days" label=|i18n| tr!(i18n, settings.partner_response) unit=business_days
                    get=|p| p.partner_response_business_days set=|p, v| p.partner_response_business_days = v />
                <ConsentField draft problems />
                <LengthField draft problems id="dispute_window_days" label=|i18n| tr!(i18n, settings.dispute_window) unit=calendar_days
                    get=|p| p.dispute_window_days set=|p, v| p.dispute_window_days = v />
                <LengthField draft problems id="dispute_review_business_days" label=|i18n| tr!(i18n, settings.dispute_review) unit=business_days
                    get=|p| p.dispute_review_business_days set=|p, v| p.dispute_review_business_days = v />
                <LengthField draft problems id="decision_target_business_days" label=|i18n| tr!(i18n, settings.decision_target) unit=business_days
                    get=|p| p.decision_target_business_days set=|p, v| p.decision_target_business_days = v />
            </fieldset>
            <CalendarFields draft problems />
            <div class="form-actions">
                <button type="submit" class="primary">{move || tr!(i18n, settings.save)}</button>
                <button type="button" on:click=move |_| {
                    draft.set(Settings::default());
                    problems.set(Vec::new());
                    outcome.set(None);
                }>{move || tr!(i18n, settings.reset_defaults)}</button>
                <span role="status" class=move || match outcome.get() { Some(Outcome::Saved) => "outcome ok", Some(_) => "outcome error", None => "outcome" }>
                    {move || outcome.get().map(|outcome| match outcome {
                        Outcome::Saved => tr!(i18n, settings.saved),
                        Outcome::NotSaved => tr!(i18n, settings.not_saved),
                        Outcome::ChangedElsewhere => tr!(i18n, settings.changed_elsewhere),
                        Outcome::FixProblems => tr!(i18n, settings.fix_problems),
                    })}
                </span>
            </div>
        </form>
    }
}

fn business_days(i18n: &I18n) -> String {
    tr!(i18n, settings.business_days)
}

fn calendar_days(i18n: &I18n) -> String {
    tr!(i18n, settings.calendar_days)
}

/// The problems for one field path, as messages in the current language.
fn messages_for(
    problems: RwSignal<Vec<PolicyProblem>>,
    path: &'static str,
) -> impl Fn() -> Vec<String> + Copy {
    let i18n = use_i18n();
    move || {
        problems.with(|all| {
            all.iter()
                .filter(|p| p.field == path)
                .map(|p| rules::policy_problem(&i18n, p))
                .collect()
        })
    }
}

#[component]
fn FieldMessages(id: String, messages: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    (!messages.is_empty()).then(|| {
        view! {
            <p class="field-message error" id=id>{rules::sentences(&i18n, messages)}</p>
        }
    })
}

/// A clock length in days, typed as a number.
#[component]
fn LengthField(
    draft: RwSignal<Settings>,
    problems: RwSignal<Vec<PolicyProblem>>,
    id: &'static str,
    label: Text,
    unit: Text,
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
            <label for=id class="label">{move || label(&i18n)}</label>
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
                <span class="unit">{move || unit(&i18n)}</span>
            </div>
            {move || {
                let mut all = messages();
                if typed_problem.get() { all.insert(0, tr!(i18n, settings.not_a_number)); }
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
            <label for="consent_days" class="label">{move || tr!(i18n, settings.consent)}</label>
            <div class="with-unit">
                <input id="consent_days" type="number" inputmode="numeric" min=clock_length_range().start().to_string() max=clock_length_range().end().to_string() step="1"
                    prop:value=move || days().to_string()
                    aria-describedby="consent-hint consent-message"
                    on:change=move |event| {
                        if let Ok(value) = event_target_value(&event).trim().parse::<u32>() {
                            set(value, business());
                        }
                    } />
                <select aria-label=move || tr!(i18n, settings.consent_unit) on:change=move |event| set(days(), event_target_value(&event) == "business")>
                    <option value="calendar" selected=move || !business()>{move || tr!(i18n, settings.calendar_days)}</option>
                    <option value="business" selected=business>{move || tr!(i18n, settings.business_days)}</option>
                </select>
            </div>
            <p class="hint" id="consent-hint">{move || tr!(i18n, settings.consent_hint)}</p>
            {move || view! { <FieldMessages id="consent-message".to_string() messages=messages() /> }}
        </div>
    }
}

/// A calendar date in the current language ("Dec 24, 2026").
fn date_text(i18n: &I18n, date: Date) -> String {
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|zoned| i18n.date(zoned.timestamp(), "UTC"))
        .unwrap_or_else(|_| date.to_string())
}

/// Weekmask, holiday set, own holidays and time zone.
#[component]
fn CalendarFields(
    draft: RwSignal<Settings>,
    problems: RwSignal<Vec<PolicyProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Weekday names from the browser: 2024-01-01 was a Monday.
    let weekday = move |index: usize| {
        let monday =
            jiff::Timestamp::from_second(1_704_110_400).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let day = monday
            .checked_add(jiff::SignedDuration::from_hours(24 * index as i64))
            .unwrap_or(monday);
        i18n.format_instant(day, "UTC", &[("weekday", "long")])
    };
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
            <legend>{move || tr!(i18n, settings.calendar_heading)}</legend>
            <fieldset class="weekmask">
                <legend class="label">{move || tr!(i18n, settings.weekmask)}</legend>
                {(0..7).map(|index| view! {
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
                        {move || weekday(index)}
                    </label>
                }).collect_view()}
                <Show when=move || weekmask_problem.get()>
                    <p class="field-message error">{move || tr!(i18n, settings.weekmask_hint)}</p>
                </Show>
            </fieldset>
            <div class="field">
                <label for="holiday_set" class="label">{move || tr!(i18n, settings.holidays)}</label>
                <select id="holiday_set" on:change=move |event| {
                    let code = event_target_value(&event);
                    if let Some(set) = HolidaySet::ALL.into_iter().find(|set| set.code() == code) {
                        draft.update(|s| s.policy.calendar.holidays = set);
                    }
                }>
                    {HolidaySet::ALL.into_iter().map(|set| view! {
                        <option value=set.code() selected=move || draft.with(|s| s.policy.calendar.holidays == set)>
                            {move || rules::holiday_set_name(&i18n, set)}
                        </option>
                    }).collect_view()}
                </select>
                {move || match coverage(draft.with(|s| s.policy.calendar.holidays)) {
                    Coverage::PublishedYears { first, last } => Some(view! {
                        <p class="hint">{move || tr!(i18n, settings.holidays_published, first = first, last = last)}</p>
                    }),
                    Coverage::EveryYear => None,
                }}
            </div>
            <div class="field">
                <span class="label" id="custom-holidays-label">{move || tr!(i18n, settings.custom_holidays)}</span>
                <p class="hint">{move || tr!(i18n, settings.custom_holidays_hint)}</p>
                <ul class="custom-holidays" aria-labelledby="custom-holidays-label">
                    {move || {
                        let dates = draft.with(|s| s.policy.calendar.custom_holidays.clone());
                        if dates.is_empty() {
                            return view! { <li class="muted">{tr!(i18n, settings.no_custom_holidays)}</li> }.into_any();
                        }
                        dates.into_iter().map(|date| view! {
                            <li>
                                <span>{date_text(&i18n, date)}</span>
                                <button type="button" class="link" aria-label=tr!(i18n, settings.remove_holiday, date = date_text(&i18n, date))
                                    on:click=move |_| draft.update(|s| s.policy.calendar.custom_holidays.retain(|d| *d != date))>
                                    {tr!(i18n, common.remove)}
                                </button>
                            </li>
                        }).collect_view().into_any()
                    }}
                </ul>
                <div class="inline">
                    <input type="date" aria-label=move || tr!(i18n, settings.new_holiday)
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
                    }>{move || tr!(i18n, settings.add_holiday)}</button>
                </div>
                <Show when=move || holiday_problem.get()>
                    <p class="field-message error">{move || tr!(i18n, settings.holiday_not_a_date)}</p>
                </Show>
            </div>
            <div class="field">
                <label for="time_zone" class="label">{move || tr!(i18n, settings.time_zone)}</label>
                <input id="time_zone" type="text" list="time-zones" autocomplete="off" spellcheck="false"
                    prop:value=move || draft.with(|s| s.policy.calendar.time_zone.clone())
                    aria-invalid=move || (!zone_messages().is_empty()).to_string()
                    aria-describedby="time-zone-hint time-zone-why time-zone-message"
                    on:change=move |event| {
                        let zone = event_target_value(&event).trim().to_string();
                        draft.update(|s| s.policy.calendar.time_zone = zone);
                        problems.set(draft.with_untracked(|s| s.policy.problems()));
                    } />
                <datalist id="time-zones">
                    {zones.into_iter().map(|zone| view! { <option value=zone /> }).collect_view()}
                </datalist>
                <p class="hint" id="time-zone-hint">{move || tr!(i18n, settings.time_zone_hint)}</p>
                <div class="hint" id="time-zone-why">
                    <p>{move || tr!(i18n, settings.time_zone_why)}</p>
                    {viewer_zone().map(|zone| view! { <p>{move || tr!(i18n, settings.time_zone_yours, zone)}</p> })}
                </div>
                {move || view! { <FieldMessages id="time-zone-message".to_string() messages=zone_messages() /> }}
            </div>
        </fieldset>
    }
}

/// How much browser storage the site uses and may use, and whether the browser keeps it
/// under storage pressure; a button asks it to.
#[component]
fn StorageSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let estimate = RwSignal::new(None::<Option<quota::Estimate>>);
    let persistence = RwSignal::new(None::<quota::Persistence>);
    leptos::task::spawn_local(async move {
        persistence.set(Some(quota::persisted().await));
        estimate.set(Some(quota::estimate().await));
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            persistence.set(Some(quota::persist().await));
            estimate.set(Some(quota::estimate().await));
        });
    };
    // Megabytes with one decimal, in the page's language.
    let megabytes = move |bytes: f64| i18n.decimal((bytes / 100_000.0).round() / 10.0);
    let usage = move || match estimate.get() {
        None => tr!(i18n, store.estimate_asking),
        Some(Some(quota::Estimate {
            usage: Some(used),
            quota: Some(quota),
        })) => tr!(
            i18n,
            store.estimate,
            used = megabytes(used),
            available = megabytes((quota - used).max(0.0))
        ),
        Some(Some(quota::Estimate {
            usage: Some(used),
            quota: None,
        })) => {
            tr!(i18n, store.estimate_used_only, used = megabytes(used))
        }
        Some(None | Some(quota::Estimate { usage: None, .. })) => tr!(i18n, store.estimate_unknown),
    };
    let kept = move || match persistence.get() {
        None => None,
        Some(quota::Persistence::Persistent) => Some(tr!(i18n, store.persistent)),
        Some(quota::Persistence::BestEffort) => Some(tr!(i18n, store.best_effort)),
        Some(quota::Persistence::Unsupported) => Some(tr!(i18n, store.persistence_unsupported)),
    };
    let where_kept = move || match state.keeping.get() {
        Keeping::Opening | Keeping::Stored => tr!(i18n, store.kept_in_database),
        Keeping::InMemory(_) => tr!(i18n, store.in_memory),
    };
    view! {
        <section class="card storage-settings" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{move || tr!(i18n, store.heading)}</h2>
            <p>{where_kept}</p>
            <p class="storage-estimate">{usage}</p>
            <p class="storage-persistence">{kept}</p>
            <Show when=move || persistence.get() == Some(quota::Persistence::BestEffort)>
                <button type="button" class="secondary" on:click=ask>{move || tr!(i18n, store.ask_persist)}</button>
                <p class="hint">{move || tr!(i18n, store.ask_persist_hint)}</p>
            </Show>
        </section>
    }
}

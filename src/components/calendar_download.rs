//! The "add deadlines to calendar" download: an iCalendar file (.ics) of one claim's
//! running deadlines, or of every claim's. The rules list and time the events
//! (`claim_rules::ics`); the words come from `i18n::calendar_file`.

use claim_rules::ics::{claim_events, running_events, write_ics, WordedEvent};
use leptos::prelude::*;
use uuid::Uuid;

use crate::download::download_text;
use crate::i18n::calendar_file as words;
use crate::i18n::{tr, use_i18n};
use crate::state::use_app;

/// A button that offers the running deadlines as a calendar file, with a hint below it:
/// of `claim` when given, otherwise of every claim that is not archived.
#[component]
pub fn CalendarDownload(#[prop(optional)] claim: Option<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let outcome = RwSignal::new(None::<String>);
    let build = move || {
        let now = state.clock.now();
        let rules = state.rules_untracked();
        let zone = state
            .settings
            .with_untracked(|s| s.policy.calendar.time_zone.clone());
        let claims = state.claims.get_untracked();
        let (name, file_name, events) = match claim {
            Some(id) => {
                let Some(found) = claims.iter().find(|c| c.id == id) else {
                    return;
                };
                let events = claim_events(found, &rules, now)
                    .into_iter()
                    .map(|event| (found, event))
                    .collect::<Vec<_>>();
                let short = id.simple().to_string();
                (
                    words::calendar_name_for_claim(&i18n, found),
                    format!("cpor-deadlines-{}.ics", &short[..8]),
                    events,
                )
            }
            None => (
                tr!(i18n, calendar_file.name_all),
                format!("cpor-deadlines-{}.ics", rules.calendar().local_date(now)),
                running_events(&claims, &rules, now),
            ),
        };
        if events.is_empty() {
            outcome.set(Some(tr!(i18n, calendar_file.nothing_running)));
            return;
        }
        let worded: Vec<WordedEvent> = events
            .into_iter()
            .map(|(claim, event)| WordedEvent {
                summary: words::event_summary(&i18n, claim, event.clock),
                description: words::event_description(&i18n, claim, &event, &zone),
                event,
            })
            .collect();
        let ics = write_ics(&name, rules.calendar().time_zone(), now, &worded);
        let result = download_text(&file_name, "text/calendar;charset=utf-8", &ics);
        outcome.set(result.err().map(|error| {
            tr!(
                i18n,
                calendar_file.download_failed,
                reason = error.to_string()
            )
        }));
    };
    let one_claim = claim.is_some();
    let label = move || {
        if one_claim {
            tr!(i18n, calendar_file.download_claim)
        } else {
            tr!(i18n, calendar_file.download_all)
        }
    };
    let hint = move || {
        if one_claim {
            tr!(i18n, calendar_file.download_claim_hint)
        } else {
            tr!(i18n, calendar_file.download_all_hint)
        }
    };
    let download = move |_| {
        if claim.is_some() {
            build();
        } else {
            // Every claim's deadlines: read the full claims first (the dashboard has
            // only their summaries).
            leptos::task::spawn_local(async move {
                state.load_all_claims().await;
                build();
            });
        }
    };
    view! {
        <div class="calendar-download">
            <button type="button" class="calendar-button" on:click=download>
                <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                    <path d=CALENDAR_ICON fill="currentColor" />
                </svg>
                {label}
            </button>
            <p class="hint small">{hint}</p>
            {move || outcome.get().map(|text| view! { <p class="outcome" role="status">{text}</p> })}
        </div>
    }
}

/// A calendar page (16×16 path).
const CALENDAR_ICON: &str =
    "M4 0h2v2h4V0h2v2h2a2 2 0 012 2v10a2 2 0 01-2 2H2a2 2 0 01-2-2V4a2 2 0 012-2h2zM2 6v8h12V6z";

//! Calendar events of running deadlines, along the claim lifecycle (April 2026, Los
//! Angeles, PDT = UTC-7).

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::deadlines::ClockKind;
use claim_rules::ics::{claim_events, running_events, write_ics, AtExpiry, WordedEvent};
use claim_rules::lifecycle::Action;
use claim_rules::model::Actor;
use fixtures::*;

fn kinds(flow: &Flow, now: &str) -> Vec<ClockKind> {
    claim_events(&flow.claim, &flow.rules, t(now))
        .into_iter()
        .map(|event| event.clock)
        .collect()
}

#[test]
fn a_submitted_claim_has_review_start_and_decision_target() {
    let flow = Flow::submitted();
    let events = claim_events(&flow.claim, &flow.rules, t("2026-04-07T09:00:00-07:00"));
    let summary: Vec<_> = events
        .iter()
        .map(|e| (e.clock, e.due, e.acting, e.at_expiry))
        .collect();
    assert_eq!(
        summary,
        [
            (
                ClockKind::ReviewStart,
                t("2026-04-14T00:00:00-07:00"),
                Actor::Reviewer,
                AtExpiry::FlaggedOverdue
            ),
            (
                ClockKind::DecisionTarget,
                t("2026-04-21T00:00:00-07:00"),
                Actor::Reviewer,
                AtExpiry::FlaggedOverdue
            ),
        ]
    );
}

#[test]
fn a_paused_decision_target_is_not_an_event_but_the_partner_response_is() {
    let flow = Flow::awaiting_partner();
    let events = claim_events(&flow.claim, &flow.rules, t("2026-04-09T09:00:00-07:00"));
    assert_eq!(events.len(), 1, "{events:?}");
    let response = &events[0];
    assert_eq!(response.clock, ClockKind::PartnerResponse);
    assert_eq!(response.due, t(PARTNER_RESPONSE_DUE));
    assert_eq!(response.acting, Actor::Partner);
    assert_eq!(response.at_expiry, AtExpiry::RejectedNoPartnerResponse);
    // Reminder: 09:00 on Tuesday 04-14, the business day before the due day.
    assert_eq!(response.reminder, Some(t("2026-04-14T09:00:00-07:00")));
}

#[test]
fn after_the_partner_response_expires_the_dispute_window_runs() {
    // The stored claim still says PartnerActionRequired; the events come from the claim
    // advanced to now (auto-rejected at the end of 04-15).
    let flow = Flow::awaiting_partner();
    assert_eq!(
        kinds(&flow, "2026-04-20T09:00:00-07:00"),
        [ClockKind::DisputeWindow]
    );
    let events = claim_events(&flow.claim, &flow.rules, t("2026-04-20T09:00:00-07:00"));
    // Thirty calendar days from 04-16 00:00 (the rejection): the end of Saturday 05-16;
    // the reminder is on Friday 05-15.
    assert_eq!(events[0].due, t("2026-05-17T00:00:00-07:00"));
    assert_eq!(events[0].reminder, Some(t("2026-05-15T09:00:00-07:00")));
    assert_eq!(events[0].acting, Actor::Partner);
}

#[test]
fn approved_claims_have_the_consent_period_and_official_ones_nothing() {
    let flow = Flow::approved();
    assert_eq!(
        kinds(&flow, "2026-04-10T09:00:00-07:00"),
        [ClockKind::CustomerConsent]
    );
    assert!(kinds(&flow, CONSENT_ENDS).is_empty());
}

#[test]
fn a_resubmitted_claim_keeps_one_event_per_clock_with_the_same_uid() {
    let asked = Flow::awaiting_partner();
    let first = claim_events(&asked.claim, &asked.rules, t("2026-04-08T12:00:00-07:00"));
    let responded = asked.act(
        Actor::Partner,
        Action::Respond {
            comment: "Signed PoE attached.".into(),
        },
        "2026-04-09T10:00:00-07:00",
    );
    let again = responded.act(
        Actor::Reviewer,
        request_information(),
        "2026-04-10T10:00:00-07:00",
    );
    let second = claim_events(&again.claim, &again.rules, t("2026-04-10T12:00:00-07:00"));
    assert_eq!(first.len(), 1);
    assert_eq!(second.len(), 1);
    // A second information request is the same calendar event, moved and newer.
    assert_eq!(first[0].uid(), second[0].uid());
    assert!(second[0].due > first[0].due);
    assert!(second[0].sequence > first[0].sequence);
}

#[test]
fn running_events_skip_archived_claims_and_sort_by_due() {
    let submitted = Flow::submitted();
    let mut other = Flow::awaiting_partner();
    other.claim.id = id(2);
    let archived = Flow::submitted()
        .act(Actor::Partner, Action::Archive, "2026-04-06T11:00:00-07:00")
        .claim;
    let claims = [submitted.claim.clone(), other.claim.clone(), archived];
    let events = running_events(&claims, &submitted.rules, t("2026-04-09T09:00:00-07:00"));
    let listed: Vec<_> = events
        .iter()
        .map(|(claim, event)| (claim.id, event.clock))
        .collect();
    assert_eq!(
        listed,
        [
            (submitted.claim.id, ClockKind::ReviewStart),
            (other.claim.id, ClockKind::PartnerResponse),
            (submitted.claim.id, ClockKind::DecisionTarget),
        ]
    );
}

#[test]
fn the_written_file_has_one_vevent_per_running_clock_with_reminders() {
    let flow = Flow::submitted();
    let now = t("2026-04-07T09:00:00-07:00");
    let events: Vec<WordedEvent> = claim_events(&flow.claim, &flow.rules, now)
        .into_iter()
        .map(|event| WordedEvent {
            summary: format!("{}: {}", flow.claim.fields.name, event.clock.code()),
            description: "who acts, and what happens".into(),
            event,
        })
        .collect();
    let ics = write_ics("Deadlines", flow.rules.calendar().time_zone(), now, &events);
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 2);
    assert_eq!(ics.matches("BEGIN:VALARM\r\n").count(), 2);
    assert_eq!(ics.matches("BEGIN:VTIMEZONE\r\n").count(), 1);
    // Review start: due by the end of Monday 04-13; the event is its last hour; the
    // reminder is Friday 04-10 09:00, 86 hours before the start at Monday 23:00.
    assert!(ics.contains("DTSTART;TZID=America/Los_Angeles:20260413T230000\r\n"));
    assert!(ics.contains("DTEND;TZID=America/Los_Angeles:20260414T000000\r\n"));
    assert!(ics.contains("TRIGGER:-PT86H\r\n"), "{ics}");
    assert!(ics.contains("SEQUENCE:3\r\n"));
    assert!(ics.contains("DTSTAMP:20260407T160000Z\r\n"));
}

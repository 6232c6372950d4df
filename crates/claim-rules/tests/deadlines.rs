//! The clocks of SPEC §4, derived from claim histories.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::calendar::CalendarError;
use claim_rules::deadlines::{
    deadlines, deadlines_for_policy, next_deadline, ClockKind, ClockState, Deadline, EndKind,
    Remaining, Rules,
};
use claim_rules::history::{ActionKind, PartnerRejectionReason};
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::{Actor, Status};
use claim_rules::policy::{ConsentRule, Policy};
use fixtures::*;
use jiff::{SignedDuration, Timestamp};

/// The clocks of `kind`, oldest first.
fn clocks(flow: &Flow, kind: ClockKind) -> Vec<Deadline> {
    deadlines(&flow.claim, &flow.rules)
        .into_iter()
        .filter(|clock| clock.kind == kind)
        .collect()
}

/// The only clock of `kind`.
fn clock(flow: &Flow, kind: ClockKind) -> Deadline {
    let mut found = clocks(flow, kind);
    assert_eq!(found.len(), 1, "one {kind:?} clock in {found:?}");
    found.remove(0)
}

fn respond(flow: Flow, at: &str) -> Flow {
    flow.act(
        Actor::Partner,
        Action::Respond {
            comment: "Signed PoE attached.".into(),
        },
        at,
    )
}

// ---------------------------------------------------------------- review start

#[test]
fn review_start_is_due_five_business_days_after_submission() {
    let flow = Flow::submitted();
    let review_start = clock(&flow, ClockKind::ReviewStart);
    assert_eq!(review_start.started_at, t(SUBMITTED));
    assert_eq!(review_start.started_by, ActionKind::Submit);
    // Monday 04-06 + 5 business days = Monday 04-13, due at its end.
    assert_eq!(review_start.due, t("2026-04-14T00:00:00-07:00"));
    assert_eq!(
        review_start.state(t("2026-04-13T23:59:59-07:00")),
        ClockState::Running
    );
    // On expiry only an overdue flag: no transition.
    assert_eq!(
        review_start.state(t("2026-04-14T00:00:00-07:00")),
        ClockState::Overdue {
            due: review_start.due
        }
    );
    let advanced = flow.clone().advance("2026-05-01T00:00:00Z");
    assert_eq!(advanced.claim, flow.claim);
}

#[test]
fn review_start_is_met_or_missed_by_the_start_of_the_review() {
    let on_time = Flow::under_review();
    assert_eq!(
        clock(&on_time, ClockKind::ReviewStart).state(t("2026-05-01T00:00:00Z")),
        ClockState::Met {
            at: t(REVIEW_STARTED)
        }
    );
    let late = Flow::submitted().act(
        Actor::Reviewer,
        Action::StartReview,
        "2026-04-14T00:00:00-07:00",
    );
    assert_eq!(
        clock(&late, ClockKind::ReviewStart).state(t("2026-05-01T00:00:00Z")),
        ClockState::Missed {
            at: t("2026-04-14T00:00:00-07:00"),
            due: t("2026-04-14T00:00:00-07:00")
        }
    );
}

#[test]
fn clocks_are_stopped_when_the_partner_asks_for_rejection() {
    let flow = Flow::submitted().act(
        Actor::Partner,
        Action::RequestRejection {
            reason: PartnerRejectionReason::WrongActivity,
        },
        LATER_DAY,
    );
    for kind in [ClockKind::ReviewStart, ClockKind::DecisionTarget] {
        assert_eq!(
            clock(&flow, kind).state(t("2026-05-01T00:00:00Z")),
            ClockState::Stopped {
                at: t(LATER_DAY),
                by: ActionKind::RequestRejection
            }
        );
    }
    // A rejection at the partner's request opens no dispute window.
    assert!(clocks(&flow, ClockKind::DisputeWindow).is_empty());
}

const LATER_DAY: &str = "2026-04-10T12:00:00-07:00";

// ---------------------------------------------------------------- review decision

#[test]
fn review_decision_starts_at_review_start_and_again_at_each_response() {
    let flow = respond(Flow::awaiting_partner(), "2026-04-13T10:00:00-07:00");
    let decisions = clocks(&flow, ClockKind::ReviewDecision);
    assert_eq!(decisions.len(), 2);
    // Tuesday 04-07 + 5 = Tuesday 04-14.
    assert_eq!(decisions[0].started_at, t(REVIEW_STARTED));
    assert_eq!(decisions[0].due, t("2026-04-15T00:00:00-07:00"));
    // The information request is a decision of the reviewer, in time.
    assert_eq!(
        decisions[0].state(t("2026-05-01T00:00:00Z")),
        ClockState::Met {
            at: t(INFO_REQUESTED)
        }
    );
    assert_eq!(decisions[0].end.map(|end| end.kind), Some(EndKind::Awaited));
    // Restarted by the response: Monday 04-13 + 5 = Monday 04-20.
    assert_eq!(decisions[1].started_by, ActionKind::Respond);
    assert_eq!(decisions[1].due, t("2026-04-21T00:00:00-07:00"));
    assert_eq!(
        decisions[1].state(t("2026-04-14T00:00:00-07:00")),
        ClockState::Running
    );
}

// ---------------------------------------------------------------- partner response

#[test]
fn partner_response_is_due_five_business_days_after_the_request() {
    let flow = Flow::awaiting_partner();
    let response = clock(&flow, ClockKind::PartnerResponse);
    assert_eq!(response.started_at, t(INFO_REQUESTED));
    assert_eq!(response.due, t(PARTNER_RESPONSE_DUE));
    assert_eq!(
        response.state(t("2026-04-15T23:59:59-07:00")),
        ClockState::Running
    );
    // Not yet advanced, but the window is shut.
    assert_eq!(
        response.state(t(PARTNER_RESPONSE_DUE)),
        ClockState::Closed {
            at: t(PARTNER_RESPONSE_DUE)
        }
    );
    let met = respond(flow, "2026-04-15T16:00:00-07:00");
    assert_eq!(
        clock(&met, ClockKind::PartnerResponse).state(t("2026-05-01T00:00:00Z")),
        ClockState::Met {
            at: t("2026-04-15T16:00:00-07:00")
        }
    );
}

#[test]
fn the_partner_response_deadline_auto_rejects_stamped_at_the_deadline() {
    let flow = Flow::awaiting_partner().advance("2026-04-22T09:30:00-07:00");
    assert_eq!(flow.status(), Status::Rejected);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(entry.action, ActionKind::PartnerResponseExpired);
    assert_eq!(entry.actor, Actor::System);
    assert_eq!(entry.at, t(PARTNER_RESPONSE_DUE));
    assert_eq!(entry.recorded_at, t(PARTNER_RESPONSE_DUE));
    let response = clock(&flow, ClockKind::PartnerResponse);
    assert_eq!(response.end.map(|end| end.kind), Some(EndKind::Closed));
    assert_eq!(
        response.state(t("2026-04-22T09:30:00-07:00")),
        ClockState::Closed {
            at: t(PARTNER_RESPONSE_DUE)
        }
    );
    // The automatic rejection opens a dispute window from the deadline's local date
    // (04-16) — 30 calendar days, to the end of 05-16.
    assert_eq!(
        clock(&flow, ClockKind::DisputeWindow).due,
        t("2026-05-17T00:00:00-07:00")
    );
    // Advancing again, at the same or a later time, changes nothing.
    let again = flow.clone().advance("2026-04-22T09:30:00-07:00");
    assert_eq!(again.claim, flow.claim);
    let later = flow.clone().advance("2026-09-01T00:00:00Z");
    assert_eq!(later.claim, flow.claim);
}

#[test]
fn the_partner_response_length_comes_from_the_policy() {
    let policy = Policy {
        partner_response_business_days: 2,
        ..Policy::default()
    };
    let flow = Flow::awaiting_partner();
    let clocks = deadlines_for_policy(&flow.claim, &policy).expect("valid calendar");
    let response = clocks
        .iter()
        .find(|clock| clock.kind == ClockKind::PartnerResponse)
        .expect("clock");
    // Wednesday 04-08 + 2 = Friday 04-10.
    assert_eq!(response.due, t("2026-04-11T00:00:00-07:00"));
}

// ---------------------------------------------------------------- customer consent

#[test]
fn consent_runs_seven_calendar_days_and_then_the_association_is_official() {
    let flow = Flow::approved();
    let consent = clock(&flow, ClockKind::CustomerConsent);
    assert_eq!(consent.started_at, t(DECIDED));
    assert_eq!(consent.due, t(CONSENT_ENDS));
    assert_eq!(consent.state(t(LATER_DAY)), ClockState::Running);

    let flow = flow.advance("2026-04-30T00:00:00Z");
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        (entry.action, entry.at, entry.to),
        (ActionKind::ConsentEnded, t(CONSENT_ENDS), Status::Approved)
    );
    assert_eq!(
        clock(&flow, ClockKind::CustomerConsent).state(t("2026-04-30T00:00:00Z")),
        ClockState::Closed {
            at: t(CONSENT_ENDS)
        }
    );
}

#[test]
fn a_customer_decline_stops_the_consent_clock() {
    let flow = Flow::approved().act(Actor::Customer, Action::CustomerDecline, LATER_DAY);
    assert_eq!(
        clock(&flow, ClockKind::CustomerConsent).state(t(LATER_DAY)),
        ClockState::Stopped {
            at: t(LATER_DAY),
            by: ActionKind::CustomerDecline
        }
    );
    assert_eq!(
        clock(&flow, ClockKind::DisputeWindow).due,
        t("2026-05-11T00:00:00-07:00")
    );
}

#[test]
fn consent_can_count_business_days_instead() {
    // Approved Wednesday 2026-05-20, before Memorial Day (Monday 05-25).
    let approved_at = "2026-05-20T10:00:00-07:00";
    let mut flow = Flow::under_review().act(Actor::Reviewer, Action::Approve, approved_at);
    assert_eq!(
        clock(&flow, ClockKind::CustomerConsent).due,
        t("2026-05-28T00:00:00-07:00"),
        "7 calendar days: Wednesday 05-27"
    );
    flow.rules = Rules::new(Policy {
        consent: ConsentRule::BusinessDays(5),
        ..Policy::default()
    })
    .expect("valid");
    assert_eq!(
        clock(&flow, ClockKind::CustomerConsent).due,
        t("2026-05-29T00:00:00-07:00"),
        "5 business days skip the weekend and Memorial Day: Thursday 05-28"
    );
}

#[test]
fn consent_across_the_end_of_daylight_saving_time() {
    // Approved Friday 2026-10-30 in PDT; seven days later, 11-06, is in PST.
    let flow = Flow::under_review().act(
        Actor::Reviewer,
        Action::Approve,
        "2026-10-30T10:00:00-07:00",
    );
    let consent = clock(&flow, ClockKind::CustomerConsent);
    assert_eq!(consent.due, t("2026-11-07T00:00:00-08:00"));
    assert_eq!(consent.due, t("2026-11-07T08:00:00Z"));
}

// ---------------------------------------------------------------- dispute window

#[test]
fn the_dispute_window_closes_thirty_calendar_days_after_the_rejection() {
    let flow = Flow::rejected();
    let window = clock(&flow, ClockKind::DisputeWindow);
    assert_eq!(window.started_at, t(DECIDED));
    assert_eq!(window.due, t(DISPUTE_WINDOW_CLOSES));
    assert_eq!(
        window.state(t("2026-05-09T23:59:59-07:00")),
        ClockState::Running
    );
    assert_eq!(
        window.state(t(DISPUTE_WINDOW_CLOSES)),
        ClockState::Closed {
            at: t(DISPUTE_WINDOW_CLOSES)
        }
    );
    // No transition: the claim stays rejected, with nothing added.
    assert_eq!(
        flow.clone().advance("2026-06-01T00:00:00Z").claim,
        flow.claim
    );
    assert!(window
        .remaining(t(DISPUTE_WINDOW_CLOSES), flow.rules.calendar())
        .is_none());
}

#[test]
fn a_dispute_uses_the_window_and_starts_the_dispute_review() {
    let flow = Flow::disputed();
    assert_eq!(
        clock(&flow, ClockKind::DisputeWindow).state(t(LATER_DAY)),
        ClockState::Met {
            at: t("2026-04-10T10:00:00-07:00")
        }
    );
    let review = clock(&flow, ClockKind::DisputeReview);
    // Friday 04-10 + 5 business days = Friday 04-17.
    assert_eq!(review.due, t("2026-04-18T00:00:00-07:00"));
    assert_eq!(
        review.state(t("2026-04-18T00:00:00-07:00")),
        ClockState::Overdue { due: review.due }
    );
    let upheld = flow.act(
        Actor::Reviewer,
        Action::UpholdRejection,
        "2026-04-13T10:00:00-07:00",
    );
    assert_eq!(
        clock(&upheld, ClockKind::DisputeReview).state(t("2026-05-01T00:00:00Z")),
        ClockState::Met {
            at: t("2026-04-13T10:00:00-07:00")
        }
    );
    // The upheld rejection is final: no second window.
    assert_eq!(clocks(&upheld, ClockKind::DisputeWindow).len(), 1);
}

#[test]
fn an_overturn_starts_a_new_consent_period() {
    let flow = Flow::disputed().act(
        Actor::Reviewer,
        Action::OverturnRejection,
        "2026-04-13T10:00:00-07:00",
    );
    let consent = clock(&flow, ClockKind::CustomerConsent);
    assert_eq!(consent.started_by, ActionKind::OverturnRejection);
    assert_eq!(consent.due, t("2026-04-21T00:00:00-07:00"));
}

// ---------------------------------------------------------------- decision target

#[test]
fn the_decision_target_is_ten_business_days_after_submission() {
    let flow = Flow::approved();
    let target = clock(&flow, ClockKind::DecisionTarget);
    assert_eq!(target.started_at, t(SUBMITTED));
    // Monday 04-06 + 10 business days = Monday 04-20.
    assert_eq!(target.due, t("2026-04-21T00:00:00-07:00"));
    assert_eq!(
        target.state(t("2026-05-01T00:00:00Z")),
        ClockState::Met { at: t(DECIDED) }
    );
}

#[test]
fn the_decision_target_pauses_while_partner_action_is_required() {
    let flow = Flow::awaiting_partner();
    let target = clock(&flow, ClockKind::DecisionTarget);
    assert_eq!(
        target.state(t(LATER_DAY)),
        ClockState::Paused {
            since: t(INFO_REQUESTED)
        }
    );
    // Paused on Wednesday 04-08 with Wed 8, Thu 9, Fri 10, Mon 13 … Fri 17, Mon 20 left.
    assert_eq!(target.pauses.len(), 1);
    assert_eq!(target.pauses[0].business_days_left, 9);
    assert_eq!(target.pauses[0].resumed_at, None);

    // Resumed on Monday 04-13: the three business days waited for the partner
    // (Wed 8, Thu 9, Fri 10) are added: Monday 04-20 becomes Thursday 04-23.
    let resumed = respond(flow, "2026-04-13T10:00:00-07:00");
    let target = clock(&resumed, ClockKind::DecisionTarget);
    assert_eq!(
        target.pauses[0].resumed_at,
        Some(t("2026-04-13T10:00:00-07:00"))
    );
    assert_eq!(target.due, t("2026-04-24T00:00:00-07:00"));
    assert_eq!(
        target.state(t("2026-04-21T09:00:00-07:00")),
        ClockState::Running
    );
    let decided = resumed.act(
        Actor::Reviewer,
        Action::Approve,
        "2026-04-23T16:00:00-07:00",
    );
    assert_eq!(
        clock(&decided, ClockKind::DecisionTarget).state(t("2026-05-01T00:00:00Z")),
        ClockState::Met {
            at: t("2026-04-23T16:00:00-07:00")
        }
    );
}

#[test]
fn a_pause_resumed_the_same_business_day_leaves_the_target_unchanged() {
    let flow = Flow::awaiting_partner()
        .act(
            Actor::Partner,
            Action::AddPoe(poe(2)),
            "2026-04-08T14:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Respond {
                comment: String::new(),
            },
            "2026-04-08T15:00:00-07:00",
        );
    assert_eq!(
        clock(&flow, ClockKind::DecisionTarget).due,
        t("2026-04-21T00:00:00-07:00")
    );
}

#[test]
fn repeated_pauses_each_add_the_waiting_days() {
    let flow = respond(Flow::awaiting_partner(), "2026-04-13T10:00:00-07:00")
        // Second request Tuesday 04-14: due Thursday 04-23, so 8 days left (Tue 14 … Thu 23).
        .act(
            Actor::Reviewer,
            request_information(),
            "2026-04-14T10:00:00-07:00",
        );
    let target = clock(&flow, ClockKind::DecisionTarget);
    assert_eq!(target.pauses.len(), 2);
    assert_eq!(target.pauses[1].business_days_left, 8);
    // Resumed Friday 04-17: 8 days from Friday = Fri 17 … Tue 28 → due end of Tuesday 04-28.
    let flow = flow
        .act(
            Actor::Partner,
            Action::AddPoe(poe(3)),
            "2026-04-17T09:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Respond {
                comment: String::new(),
            },
            "2026-04-17T10:00:00-07:00",
        );
    assert_eq!(
        clock(&flow, ClockKind::DecisionTarget).due,
        t("2026-04-29T00:00:00-07:00")
    );
}

#[test]
fn an_automatic_rejection_stops_the_paused_decision_target() {
    let flow = Flow::awaiting_partner().advance("2026-04-20T00:00:00-07:00");
    assert_eq!(
        clock(&flow, ClockKind::DecisionTarget).state(t("2026-04-20T00:00:00-07:00")),
        ClockState::Stopped {
            at: t(PARTNER_RESPONSE_DUE),
            by: ActionKind::PartnerResponseExpired
        }
    );
}

// ---------------------------------------------------------------- countdowns

#[test]
fn remaining_counts_business_days_and_time_left() {
    let flow = Flow::submitted();
    let review_start = clock(&flow, ClockKind::ReviewStart);
    let calendar = flow.rules.calendar();
    // Friday noon: Friday and Monday left, 3 days 12 hours.
    assert_eq!(
        review_start.remaining(t("2026-04-10T12:00:00-07:00"), calendar),
        Some(Remaining {
            overdue: false,
            business_days: 2,
            duration: SignedDuration::from_hours(84),
            due: review_start.due,
        })
    );
    // Saturday: only Monday left.
    let saturday = review_start
        .remaining(t("2026-04-11T12:00:00-07:00"), calendar)
        .expect("running");
    assert_eq!(saturday.business_days, 1);
    // Wednesday 09:00, due at the end of Monday: overdue by Tuesday and today, 33 hours.
    assert_eq!(
        review_start.remaining(t("2026-04-15T09:00:00-07:00"), calendar),
        Some(Remaining {
            overdue: true,
            business_days: 2,
            duration: SignedDuration::from_hours(33),
            due: review_start.due,
        })
    );
}

#[test]
fn remaining_of_a_paused_clock_projects_a_resumption_now() {
    let flow = Flow::awaiting_partner();
    let target = clock(&flow, ClockKind::DecisionTarget);
    // Paused with 9 business days left; resumed on Friday 04-10 it would be due at the
    // end of Wednesday 04-22 (Fri 10, Mon 13 … Fri 17, Mon 20, Tue 21, Wed 22).
    let remaining = target
        .remaining(t("2026-04-10T12:00:00-07:00"), flow.rules.calendar())
        .expect("paused clocks count down");
    assert_eq!(remaining.business_days, 9);
    assert_eq!(remaining.due, t("2026-04-23T00:00:00-07:00"));
    assert!(!remaining.overdue);
}

#[test]
fn ended_clocks_have_no_countdown() {
    let flow = Flow::approved();
    let review_start = clock(&flow, ClockKind::ReviewStart);
    assert!(review_start
        .remaining(t(LATER_DAY), flow.rules.calendar())
        .is_none());
}

// ---------------------------------------------------------------- next deadline

#[test]
fn the_next_deadline_is_the_nearest_live_clock() {
    let next = |flow: &Flow, now: &str| {
        next_deadline(&flow.claim, &flow.rules, t(now)).map(|clock| (clock.kind, clock.due))
    };
    assert_eq!(next(&Flow::ready_draft(), LATER_DAY), None);
    assert_eq!(
        next(&Flow::submitted(), LATER_DAY),
        Some((ClockKind::ReviewStart, t("2026-04-14T00:00:00-07:00")))
    );
    // Overdue clocks still count, and come first.
    assert_eq!(
        next(&Flow::submitted(), "2026-04-16T00:00:00-07:00"),
        Some((ClockKind::ReviewStart, t("2026-04-14T00:00:00-07:00")))
    );
    assert_eq!(
        next(&Flow::awaiting_partner(), LATER_DAY),
        Some((ClockKind::PartnerResponse, t(PARTNER_RESPONSE_DUE)))
    );
    assert_eq!(
        next(&Flow::rejected(), LATER_DAY),
        Some((ClockKind::DisputeWindow, t(DISPUTE_WINDOW_CLOSES)))
    );
    assert_eq!(next(&Flow::rejected(), DISPUTE_WINDOW_CLOSES), None);
    assert_eq!(
        next(&Flow::approved(), LATER_DAY),
        Some((ClockKind::CustomerConsent, t(CONSENT_ENDS)))
    );
}

// ---------------------------------------------------------------- rules

#[test]
fn an_invalid_calendar_is_an_error_not_a_fallback() {
    let mut policy = Policy::default();
    policy.calendar.time_zone = "Mars/Olympus_Mons".into();
    assert!(matches!(
        Rules::new(policy.clone()),
        Err(CalendarError::UnknownTimeZone(_))
    ));
    assert!(deadlines_for_policy(&Flow::submitted().claim, &policy).is_err());
}

#[test]
fn absurd_policy_lengths_never_come_due_instead_of_panicking() {
    let rules = Rules::new(Policy {
        dispute_window_days: u32::MAX,
        review_start_business_days: u32::MAX,
        ..Policy::default()
    })
    .expect("valid calendar");
    let flow = Flow {
        rules,
        ..Flow::submitted()
    };
    assert_eq!(clock(&flow, ClockKind::ReviewStart).due, Timestamp::MAX);
    let rejected = Flow {
        rules: flow.rules.clone(),
        ..Flow::rejected()
    };
    assert_eq!(
        clock(&rejected, ClockKind::DisputeWindow).due,
        Timestamp::MAX
    );
    let claim = lifecycle::advance(&rejected.claim, t("2030-01-01T00:00:00Z"), &rejected.rules);
    assert_eq!(claim, rejected.claim);
}

#[test]
fn every_clock_kind_appears_in_a_full_story() {
    // Submit, review, request, respond, reject, dispute, overturn: every clock once.
    let flow = respond(Flow::awaiting_partner(), "2026-04-13T10:00:00-07:00")
        .act(
            Actor::Reviewer,
            Action::Reject {
                reason: claim_rules::history::ReviewerRejectionReason::MissingProducts,
            },
            "2026-04-14T10:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Dispute {
                justification: "Products are on page 2.".into(),
                poe: Vec::new(),
            },
            "2026-04-15T10:00:00-07:00",
        )
        .act(
            Actor::Reviewer,
            Action::OverturnRejection,
            "2026-04-16T10:00:00-07:00",
        );
    let all = deadlines(&flow.claim, &flow.rules);
    for kind in ClockKind::ALL {
        assert!(all.iter().any(|clock| clock.kind == kind), "{kind:?}");
    }
    // Ordered by start.
    assert!(all
        .windows(2)
        .all(|pair| pair[0].started_at <= pair[1].started_at));
}

//! Training scenarios: every script replays through the rules without a refusal and ends
//! as stated, its narration agrees with the rules, and the functions the training screen
//! uses (state at an instant, next event, back to step N, ask the room) agree with each
//! other.

use std::collections::BTreeSet;

use claim_rules::deadlines::{deadlines, ClockKind, Rules};
use claim_rules::history::{ActionKind, RejectionReason};
use claim_rules::lifecycle::{self, phase, Action, Phase, Refusal};
use claim_rules::model::{Actor, Claim, Status};
use claim_rules::policy::{HolidaySet, Policy};
use claim_rules::scenarios::{
    self, ClaimKey, Event, Lesson, Remark, Replay, RoomQuestion, ScenarioClaim, ScenarioError,
    ScenarioId, StepEvent, StepProblem, Verdict, When,
};
use claim_rules::validation::competing_claims;
use jiff::civil::{date, Date};
use jiff::{SignedDuration, Timestamp};

/// Remarks worded so that they are recognisable in the claims.
fn words(remark: Remark) -> String {
    format!("[{}]", remark.code())
}

fn replay(id: ScenarioId) -> Replay {
    Replay::run(&scenarios::scenario(id), &words).unwrap_or_else(|error| panic!("{id:?}: {error}"))
}

fn claim(claims: &[ScenarioClaim], key: ClaimKey) -> &Claim {
    &claims
        .iter()
        .find(|claim| claim.key == key)
        .unwrap_or_else(|| panic!("no claim {key:?}"))
        .claim
}

fn t(text: &str) -> Timestamp {
    text.parse().expect("test timestamp")
}

/// The last day of a deadline: the local day it is the end of.
fn last_day(rules: &Rules, due: Timestamp) -> Date {
    rules
        .calendar()
        .local_date(due)
        .yesterday()
        .expect("a representable day")
}

#[test]
fn there_are_the_eight_scenarios_of_the_issue() {
    let ids: Vec<ScenarioId> = scenarios::all().iter().map(|s| s.id).collect();
    assert_eq!(ids, ScenarioId::ALL);
    assert_eq!(ids.len(), 8);
    for id in ScenarioId::ALL {
        assert_eq!(ScenarioId::from_code(id.code()), Some(id));
    }
}

#[test]
fn every_scenario_replays_step_by_step_without_a_refusal() {
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        let rules = replay.rules();
        assert_eq!(replay.steps().len(), scenario.steps.len());
        let mut before: Vec<ScenarioClaim> = replay.claims_at_start().to_vec();
        for claim in &before {
            assert_eq!(
                claim.claim.status,
                Status::Draft,
                "{:?} starts as a draft",
                scenario.id
            );
            assert!(lifecycle::allowed_actions(
                &claim.claim,
                Actor::Partner,
                replay.start(),
                rules
            )
            .iter()
            .any(|a| a.action == ActionKind::Submit && a.allowed.is_ok()));
        }
        let mut previous = replay.start();
        for (index, (step, result)) in scenario.steps.iter().zip(replay.steps()).enumerate() {
            let context = format!("{:?} step {}", scenario.id, index + 1);
            assert!(result.at >= previous, "{context}: steps are in time order");
            previous = result.at;
            if let StepEvent::Act { at, .. } | StepEvent::StartNewClaim { at, .. } = &step.event {
                assert_eq!(
                    at.resolve(replay.start(), rules.calendar()),
                    Some(result.at),
                    "{context}: happens when its script says"
                );
            }
            let after = replay.claims_after(index).expect("every step has a result");
            // The step's claim gained exactly the step's entry (none for a deadline without
            // a transition), by the step's actor at the step's time.
            let old = before
                .iter()
                .find(|c| c.key == step.claim)
                .map(|c| &c.claim);
            let new = claim(after, step.claim);
            let old_len = old.map_or(0, |claim| claim.history.len());
            let added = &new.history[old_len..];
            match step.event.action_kind() {
                Some(kind) => {
                    assert_eq!(added.len(), 1, "{context}: one history entry");
                    assert_eq!(added[0].action, kind, "{context}");
                    assert_eq!(added[0].actor, step.event.actor(), "{context}");
                    assert_eq!(added[0].at, result.at, "{context}");
                }
                None => assert!(added.is_empty(), "{context}: a deadline without transition"),
            }
            assert_eq!(new.status, result.status, "{context}");
            // Other claims are untouched, except the one a new claim starts.
            for other in after.iter().filter(|c| c.key != step.claim) {
                match before.iter().find(|c| c.key == other.key) {
                    Some(previous) => assert_eq!(previous, other, "{context}: {:?}", other.key),
                    None => {
                        let StepEvent::StartNewClaim { new_claim, .. } = step.event else {
                            panic!("{context}: a claim appeared");
                        };
                        assert_eq!(other.key, new_claim, "{context}");
                        assert_eq!(other.claim.status, Status::Draft, "{context}");
                        assert_eq!(other.claim.links.started_from, Some(new.id), "{context}");
                        assert!(
                            new.links.restarted_as.contains(&other.claim.id),
                            "{context}"
                        );
                    }
                }
            }
            before = after.to_vec();
        }
    }
}

#[test]
fn every_scenario_ends_in_its_stated_status_and_phase() {
    // The ending each scenario is about, stated here again: the data and the test agree.
    let expected: [(ScenarioId, ClaimKey, Status, &str); 11] = [
        (
            ScenarioId::SmoothPath,
            ClaimKey::Ours,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::InformationAnswered,
            ClaimKey::Ours,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::InformationMissed,
            ClaimKey::Ours,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::CustomerDeclines,
            ClaimKey::Ours,
            Status::Rejected,
            "rejected",
        ),
        (
            ScenarioId::WrongMpn,
            ClaimKey::Ours,
            Status::Rejected,
            "rejected",
        ),
        (
            ScenarioId::WrongMpn,
            ClaimKey::Restarted,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::CompetingClaims,
            ClaimKey::Ours,
            Status::Rejected,
            "rejected",
        ),
        (
            ScenarioId::CompetingClaims,
            ClaimKey::Competitor,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::ChristmasDeadline,
            ClaimKey::Ours,
            Status::Approved,
            "official",
        ),
        (
            ScenarioId::DisputeWindowCloses,
            ClaimKey::Ours,
            Status::Rejected,
            "rejected",
        ),
        (
            ScenarioId::DisputeWindowCloses,
            ClaimKey::Restarted,
            Status::Submitted,
            "awaiting_review",
        ),
    ];
    for (id, key, status, phase_code) in expected {
        let replay = replay(id);
        let end = replay.end();
        let claims = replay.claims_at(end);
        let claim = claim(&claims, key);
        let found = phase(claim, end, replay.rules());
        assert_eq!(
            (claim.status, found.code()),
            (status, phase_code),
            "{id:?} {key:?}"
        );
        let stated = replay
            .scenario()
            .endings
            .iter()
            .find(|ending| ending.claim == key)
            .unwrap_or_else(|| panic!("{id:?} states how {key:?} ends"));
        assert_eq!(stated.status, status, "{id:?} {key:?}");
        assert!(stated.phase.matches(&found), "{id:?} {key:?}: {found:?}");
    }
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        assert_eq!(
            scenario.endings.len(),
            replay.claims_at(replay.end()).len(),
            "{:?}: every claim has a stated ending",
            scenario.id
        );
    }
}

#[test]
fn the_endings_carry_the_reasons_the_scenarios_teach() {
    let rejection = |id, key| {
        let replay = replay(id);
        let end = replay.end();
        match phase(claim(&replay.claims_at(end), key), end, replay.rules()) {
            Phase::Rejected {
                reason,
                disputable_until,
            } => (reason, disputable_until.is_some()),
            other => panic!("{id:?}: {other:?}"),
        }
    };
    assert_eq!(
        rejection(ScenarioId::CustomerDeclines, ClaimKey::Ours),
        (Some(RejectionReason::CustomerDeclined), true)
    );
    let (reason, disputable) = rejection(ScenarioId::WrongMpn, ClaimKey::Ours);
    assert!(matches!(reason, Some(RejectionReason::PartnerRequested(_))));
    assert!(!disputable, "a partner-requested rejection is final");
    let (_, disputable) = rejection(ScenarioId::DisputeWindowCloses, ClaimKey::Ours);
    assert!(!disputable, "the window has closed");

    // The missed request: auto-rejected, disputed, overturned, a second consent period.
    let replay = replay(ScenarioId::InformationMissed);
    let claims = replay.claims_at(replay.end());
    let actions: Vec<ActionKind> = claim(&claims, ClaimKey::Ours)
        .history
        .iter()
        .map(|entry| entry.action)
        .collect();
    for expected in [
        ActionKind::PartnerResponseExpired,
        ActionKind::Dispute,
        ActionKind::OverturnRejection,
        ActionKind::ConsentEnded,
    ] {
        assert!(actions.contains(&expected), "{expected:?} in {actions:?}");
    }

    // The new claim after a wrong Partner ID carries the right one.
    let replay = self::replay(ScenarioId::WrongMpn);
    let claims = replay.claims_at(replay.end());
    assert_eq!(claim(&claims, ClaimKey::Ours).fields.partner_id, "4455676");
    assert_eq!(
        claim(&claims, ClaimKey::Restarted).fields.partner_id,
        "4455667"
    );
}

#[test]
fn the_deadlines_each_lesson_names_are_the_ones_the_rules_compute() {
    let mut named = 0;
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        let rules = replay.rules();
        for (index, step) in scenario.steps.iter().enumerate() {
            let claims = replay.claims_after(index).expect("step result");
            let clocks = deadlines(claim(claims, step.claim), rules);
            for (kind, day) in step.lesson.named_deadlines() {
                let clock = clocks
                    .iter()
                    .rev()
                    .find(|clock| clock.kind == kind)
                    .unwrap_or_else(|| panic!("{:?} step {}: no {kind:?}", scenario.id, index + 1));
                assert_eq!(
                    clock.due,
                    rules.calendar().end_of_day(day),
                    "{:?} step {}: {kind:?}",
                    scenario.id,
                    index + 1
                );
                named += 1;
            }
        }
    }
    assert!(named >= 40, "lessons name deadlines: {named}");
}

#[test]
fn the_christmas_deadline_skips_christmas_day_and_the_weekend() {
    let scenario = scenarios::scenario(ScenarioId::ChristmasDeadline);
    let replay = replay(ScenarioId::ChristmasDeadline);
    let rules = replay.rules();
    let calendar = rules.calendar();
    assert_eq!(scenario.policy.calendar.holidays, HolidaySet::UsFederal);
    let request = scenario
        .steps
        .iter()
        .position(|step| step.event.action_kind() == Some(ActionKind::RequestInformation))
        .expect("an information request");
    let asked_at = replay.steps()[request].at;
    assert_eq!(calendar.local_date(asked_at), date(2026, 12, 23));
    let clocks = deadlines(
        claim(replay.claims_after(request).unwrap(), ClaimKey::Ours),
        rules,
    );
    let response = clocks
        .iter()
        .find(|clock| clock.kind == ClockKind::PartnerResponse)
        .expect("a partner response clock");
    // The end of Thursday 31 December, Los Angeles time.
    assert_eq!(response.due, t("2027-01-01T00:00:00-08:00"));
    // Thursday 24th, then Christmas Day (Friday) and the weekend do not count; Monday 28th
    // to Thursday 31st do: five business days.
    assert!(calendar.is_business_day(date(2026, 12, 24)));
    assert!(calendar.is_holiday(date(2026, 12, 25)));
    assert!(!calendar.is_business_day(date(2026, 12, 25)));
    assert!(!calendar.is_business_day(date(2026, 12, 26)));
    assert!(!calendar.is_business_day(date(2026, 12, 27)));
    assert_eq!(
        calendar.business_day_count(date(2026, 12, 24), date(2027, 1, 1)),
        5
    );
    // Without the holiday the same request would be due a day earlier.
    let mut no_holidays = Policy::default();
    no_holidays.calendar.holidays = HolidaySet::None;
    let no_holidays = Rules::new(no_holidays).unwrap();
    assert_eq!(
        no_holidays.due(ClockKind::PartnerResponse, asked_at),
        t("2026-12-31T00:00:00-08:00")
    );
    // The partner responds on the 31st at 16:30: in time. Half a minute after midnight
    // the rules would already have rejected the claim.
    let respond = scenario
        .steps
        .iter()
        .position(|step| step.event.action_kind() == Some(ActionKind::Respond))
        .expect("a response");
    assert_eq!(replay.steps()[respond].at, t("2026-12-31T16:30:00-08:00"));
    let waiting = claim(replay.claims_after(respond - 1).unwrap(), ClaimKey::Ours);
    let late = t("2027-01-01T00:00:30-08:00");
    let refusal = lifecycle::apply(
        waiting,
        Action::Respond {
            comment: String::new(),
        },
        Actor::Partner,
        late,
        late,
        rules,
    )
    .unwrap_err();
    assert!(matches!(
        refusal,
        Refusal::OvertakenBySystem {
            transition: ActionKind::PartnerResponseExpired,
            ..
        }
    ));
    // The lesson names the holiday and the last day.
    assert_eq!(
        scenario.steps[request].lesson,
        Lesson::InformationRequestedOverHoliday {
            respond_by: date(2026, 12, 31),
            days: 5,
            holiday: date(2026, 12, 25),
        }
    );
}

#[test]
fn ask_the_room_offers_three_distinct_dates_including_the_right_one() {
    let mut asked = 0;
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        let rules = replay.rules();
        for (index, step) in scenario.steps.iter().enumerate() {
            let question = replay.ask_the_room(index);
            let Some(clock) = step.ask else {
                assert_eq!(question, None, "{:?} step {}", scenario.id, index + 1);
                continue;
            };
            let question = question.expect("a question where the step asks");
            asked += 1;
            assert_eq!(question.clock, clock);
            let days: BTreeSet<Date> = question.choices.iter().map(|c| c.last_day).collect();
            assert_eq!(
                days.len(),
                3,
                "{:?} step {}: distinct",
                scenario.id,
                index + 1
            );
            assert!(question
                .choices
                .windows(2)
                .all(|w| w[0].last_day < w[1].last_day));
            let right: Vec<_> = question
                .choices
                .iter()
                .filter(|choice| choice.verdict == Verdict::Right)
                .collect();
            assert_eq!(right.len(), 1);
            assert_eq!(right[0].last_day, last_day(rules, question.deadline));
            assert_eq!(question.deadline, rules.due(clock, question.started_at));
            // The room is asked about the deadline the lesson then reveals.
            if let Some((_, named)) = step
                .lesson
                .named_deadlines()
                .into_iter()
                .find(|(kind, _)| *kind == clock)
            {
                assert_eq!(
                    named,
                    right[0].last_day,
                    "{:?} step {}",
                    scenario.id,
                    index + 1
                );
            }
        }
    }
    assert!(asked >= 6, "scenarios ask the room: {asked}");
}

#[test]
fn room_questions_always_have_three_distinct_dates_whatever_the_day_and_clock() {
    // One-day clocks: the shortest a policy allows, where miscounts collide most.
    let short = Policy {
        review_start_business_days: 1,
        review_decision_business_days: 1,
        partner_response_business_days: 1,
        dispute_review_business_days: 1,
        decision_target_business_days: 1,
        dispute_window_days: 1,
        consent: claim_rules::policy::ConsentRule::BusinessDays(1),
        ..Policy::default()
    };
    for policy in [Policy::default(), short] {
        let rules = Rules::new(policy).unwrap();
        let mut day = date(2026, 1, 1);
        while day < date(2027, 1, 10) {
            for hour in [0, 10, 23] {
                let at = day
                    .at(hour, 30, 0, 0)
                    .to_zoned(rules.calendar().time_zone().clone())
                    .unwrap()
                    .timestamp();
                for kind in ClockKind::ALL {
                    let question = RoomQuestion::for_clock(&rules, kind, at).unwrap();
                    let days: BTreeSet<Date> =
                        question.choices.iter().map(|c| c.last_day).collect();
                    assert_eq!(days.len(), 3, "{kind:?} from {at}");
                    assert_eq!(question.right().verdict, Verdict::Right);
                    assert_eq!(
                        question.right().last_day,
                        last_day(&rules, rules.due(kind, at))
                    );
                    assert_eq!(
                        question
                            .choices
                            .iter()
                            .filter(|c| c.verdict == Verdict::Right)
                            .count(),
                        1
                    );
                }
            }
            day = day.tomorrow().unwrap();
        }
    }
}

#[test]
fn the_auto_rejection_appears_when_the_clock_passes_the_partner_deadline() {
    let replay = replay(ScenarioId::InformationMissed);
    let rules = replay.rules();
    let due = t("2026-03-19T00:00:00-07:00"); // the end of Wednesday 18 March
    let before = due - SignedDuration::from_secs(1);
    let waiting = replay.claims_at(before);
    assert_eq!(
        claim(&waiting, ClaimKey::Ours).status,
        Status::PartnerActionRequired
    );
    assert!(matches!(
        phase(claim(&waiting, ClaimKey::Ours), before, rules),
        Phase::PartnerActionRequired { respond_by: Some(respond_by) } if respond_by == due
    ));
    let rejected = replay.claims_at(due);
    let claim = claim(&rejected, ClaimKey::Ours);
    assert_eq!(claim.status, Status::Rejected);
    let entry = claim.history.last().unwrap();
    assert_eq!(
        (entry.action, entry.actor, entry.at),
        (ActionKind::PartnerResponseExpired, Actor::System, due)
    );
    assert!(matches!(
        phase(claim, due, rules),
        Phase::Rejected {
            reason: Some(RejectionReason::NoPartnerResponse),
            disputable_until: Some(_)
        }
    ));
    // The same instant is the scripted step "the partner response deadline passes".
    let next = replay.next_event_after(before).unwrap();
    assert_eq!(next.at, due);
    assert!(matches!(next.event, Event::Step(index) if matches!(
        replay.scenario().steps[index].event,
        StepEvent::DeadlinePasses { clock: ClockKind::PartnerResponse }
    )));
}

#[test]
fn stepping_to_the_next_event_visits_every_step_and_then_the_remaining_deadlines() {
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        let step_times: BTreeSet<Timestamp> = replay.steps().iter().map(|s| s.at).collect();
        let mut visited = BTreeSet::new();
        let mut now = replay.start();
        let mut events = 0;
        while let Some(next) = replay.next_event_after(now) {
            assert!(next.at > now, "{:?}: time moves on", scenario.id);
            match next.event {
                Event::Step(index) => {
                    assert_eq!(replay.steps()[index].at, next.at);
                    visited.insert(next.at);
                }
                Event::Deadline { claim: key, clock } => {
                    let claims = replay.claims_at(now);
                    let deadline = deadlines(claim(&claims, key), replay.rules())
                        .into_iter()
                        .find(|d| d.kind == clock && d.due == next.at);
                    assert!(
                        deadline.is_some(),
                        "{:?}: {clock:?} of {key:?}",
                        scenario.id
                    );
                }
            }
            now = next.at;
            events += 1;
            assert!(events < 100, "{:?}: the events end", scenario.id);
        }
        assert_eq!(visited, step_times, "{:?}", scenario.id);
        assert_eq!(replay.steps_done_at(now), replay.steps().len());
    }
}

#[test]
fn back_to_step_n_is_the_state_the_clock_shows_at_that_step() {
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        let before_start = replay.start() - SignedDuration::from_hours(1);
        assert_eq!(replay.claims_at(before_start), replay.claims_at_start());
        assert_eq!(replay.steps_done_at(before_start), 0);
        for (index, step) in replay.steps().iter().enumerate() {
            let tied = replay
                .steps()
                .get(index + 1)
                .is_some_and(|next| next.at == step.at);
            if !tied {
                assert_eq!(
                    replay.claims_at(step.at).as_slice(),
                    replay.claims_after(index).unwrap(),
                    "{:?} step {}",
                    scenario.id,
                    index + 1
                );
                assert_eq!(replay.steps_done_at(step.at), index + 1);
            }
            // A moment before the step, it has not happened yet.
            let just_before = step.at - SignedDuration::from_secs(1);
            assert!(replay.steps_done_at(just_before) <= index);
        }
        // Playing it again gives the same claims: the scenario is data.
        let again = self::replay(scenario.id);
        assert_eq!(again.claims_at(again.end()), replay.claims_at(replay.end()));
    }
}

#[test]
fn scripted_comments_are_worded_by_the_caller() {
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        for claim in replay.claims_at(replay.end()) {
            for comment in &claim.claim.comments {
                assert!(
                    comment.text.starts_with("[remark."),
                    "{:?}: {}",
                    scenario.id,
                    comment.text
                );
            }
            for entry in &claim.claim.history {
                assert!(entry.comment.is_empty() || entry.comment.starts_with("[remark."));
            }
        }
    }
    let replay = Replay::run(
        &scenarios::scenario(ScenarioId::InformationAnswered),
        &|remark| match remark {
            Remark::SignatureMissing => "Bitte mit Unterschrift des Kunden.".to_string(),
            other => other.code().to_string(),
        },
    )
    .unwrap();
    let claims = replay.claims_at(replay.end());
    assert_eq!(
        claim(&claims, ClaimKey::Ours).comments[0].text,
        "Bitte mit Unterschrift des Kunden."
    );
}

#[test]
fn scenarios_loaded_side_by_side_do_not_compete_except_the_competing_pair() {
    let mut everything: Vec<Claim> = Vec::new();
    for scenario in scenarios::all() {
        let replay = replay(scenario.id);
        everything.extend(replay.claims_at(replay.end()).into_iter().map(|c| c.claim));
    }
    let ids: BTreeSet<_> = everything.iter().map(|claim| claim.id).collect();
    assert_eq!(ids.len(), everything.len(), "claim IDs are unique");
    let pairs = competing_claims(&everything);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let competing = ScenarioId::CompetingClaims;
    assert!(pairs[0].involves(ClaimKey::Ours.id(competing)));
    assert!(pairs[0].involves(ClaimKey::Competitor.id(competing)));
}

/// The defect a scenario must have.
fn defect(scenario: &scenarios::Scenario) -> ScenarioError {
    match Replay::run(scenario, &words) {
        Ok(_) => panic!("{:?} was played without a defect", scenario.id),
        Err(error) => error,
    }
}

#[test]
fn defective_scripts_are_reported_with_the_step_at_fault() {
    // A step the rules refuse: reviewing a claim that was never submitted.
    let mut scenario = scenarios::scenario(ScenarioId::SmoothPath);
    scenario.steps.remove(0);
    let error = defect(&scenario);
    assert!(
        matches!(
            &error,
            ScenarioError::Step {
                step: 0,
                problem: StepProblem::Refused(Refusal::WrongStatus { .. })
            }
        ),
        "{error}"
    );
    assert_eq!(error.step(), Some(0));

    // A lesson naming the wrong day (calendar days instead of business days).
    let mut scenario = scenarios::scenario(ScenarioId::ChristmasDeadline);
    scenario.steps[2].lesson = Lesson::InformationRequestedOverHoliday {
        respond_by: date(2026, 12, 28),
        days: 5,
        holiday: date(2026, 12, 25),
    };
    assert_eq!(
        defect(&scenario),
        ScenarioError::Step {
            step: 2,
            problem: StepProblem::LessonDeadline {
                clock: ClockKind::PartnerResponse,
                lesson: date(2026, 12, 28),
                rules: Some(date(2026, 12, 31)),
            },
        }
    );

    // An automatic rejection no step narrates: the dispute comes after it unexplained.
    let mut scenario = scenarios::scenario(ScenarioId::InformationMissed);
    scenario.steps.remove(3);
    let error = defect(&scenario);
    assert_eq!(error.code(), "error.unscripted_transition");
    assert_eq!(error.step(), Some(3));

    // A response after the deadline: the rules reject the claim first.
    let mut scenario = scenarios::scenario(ScenarioId::ChristmasDeadline);
    if let StepEvent::Act { at, .. } = &mut scenario.steps[4].event {
        *at = When::business(8, 9, 0);
    }
    let error = defect(&scenario);
    assert_eq!(
        (error.code(), error.step()),
        ("error.unscripted_transition", Some(4))
    );

    // A deadline step for a clock that is not running.
    let mut scenario = scenarios::scenario(ScenarioId::SmoothPath);
    scenario.steps[3].event = StepEvent::DeadlinePasses {
        clock: ClockKind::DisputeWindow,
    };
    let error = defect(&scenario);
    assert_eq!(
        error,
        ScenarioError::Step {
            step: 3,
            problem: StepProblem::NoRunningClock(ClockKind::DisputeWindow)
        }
    );

    // Competing claims that do not compete (another tenant).
    let mut scenario = scenarios::scenario(ScenarioId::CompetingClaims);
    scenario.claims[1].fields.tenant_id = "00000000-0000-4000-8000-000000000001".into();
    let error = defect(&scenario);
    assert_eq!(
        error,
        ScenarioError::Step {
            step: 1,
            problem: StepProblem::NotCompeting(ClaimKey::Competitor)
        }
    );

    // An ending that is not reached, and a claim without an ending.
    let mut scenario = scenarios::scenario(ScenarioId::SmoothPath);
    scenario.steps.pop();
    assert_eq!(defect(&scenario).code(), "error.wrong_ending");
    let mut scenario = scenarios::scenario(ScenarioId::WrongMpn);
    scenario.endings.pop();
    assert_eq!(
        defect(&scenario),
        ScenarioError::MissingEnding(ClaimKey::Restarted)
    );

    // A step on a claim that does not exist yet.
    let mut scenario = scenarios::scenario(ScenarioId::SmoothPath);
    scenario.steps[1].claim = ClaimKey::Restarted;
    assert_eq!(
        defect(&scenario),
        ScenarioError::Step {
            step: 1,
            problem: StepProblem::UnknownClaim(ClaimKey::Restarted)
        }
    );

    // A new claim while the rejection can still be disputed.
    let mut scenario = scenarios::scenario(ScenarioId::DisputeWindowCloses);
    scenario.steps.remove(3);
    if let StepEvent::StartNewClaim { at, .. } = &mut scenario.steps[3].event {
        *at = When::business(10, 9, 0);
    }
    let error = defect(&scenario);
    assert!(
        matches!(
            &error,
            ScenarioError::Step {
                step: 3,
                problem: StepProblem::Refused(Refusal::DisputeStillPossible { .. })
            }
        ),
        "{error}"
    );
}

#[test]
fn every_scenario_code_has_an_english_text() {
    // The scenarios' words are in the app's English catalogue, which the training screen
    // and `cpor scenario` both word them from.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en.json");
    let catalogue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let has = |code: &str| -> bool {
        code.split('.')
            .try_fold(&catalogue["scenario"], |node, part| node.get(part))
            .is_some_and(serde_json::Value::is_string)
    };
    // A code with a `count` needs both English plural forms.
    let check = |code: &str, counted: bool| {
        if counted {
            assert!(
                has(&format!("{code}_one")) && has(&format!("{code}_other")),
                "{code}"
            );
        } else {
            assert!(
                has(code),
                "scenario.{code} is missing from the English words"
            );
        }
    };
    let counted =
        |params: &[(&str, scenarios::Param)]| params.iter().any(|(name, _)| *name == "count");
    for scenario in scenarios::all() {
        check(scenario.id.title_code(), false);
        check(scenario.id.description_code(), false);
        for step in &scenario.steps {
            check(step.claim.code(), false);
            check(step.lesson.code(), counted(&step.lesson.params()));
            match &step.event {
                StepEvent::Act { at, .. } | StepEvent::StartNewClaim { at, .. } => {
                    check(at.code(), counted(&at.params()));
                }
                StepEvent::DeadlinePasses { .. } => {
                    check(step.event.deadline_code().unwrap(), false);
                }
            }
        }
    }
    for remark in Remark::ALL {
        check(remark.code(), false);
    }
    for key in ClaimKey::ALL {
        check(key.code(), false);
    }
    for kind in ClockKind::ALL {
        check(
            StepEvent::DeadlinePasses { clock: kind }
                .deadline_code()
                .unwrap(),
            false,
        );
    }
    // Every question, answer and miscount the room can be given.
    let rules = Rules::new(Policy::default()).unwrap();
    let mut day = date(2026, 11, 1);
    while day < date(2027, 1, 15) {
        let at = day
            .at(10, 0, 0, 0)
            .to_zoned(rules.calendar().time_zone().clone())
            .unwrap()
            .timestamp();
        for kind in ClockKind::ALL {
            let question = RoomQuestion::for_clock(&rules, kind, at).unwrap();
            check(question.code(), false);
            check(question.why.code(), true);
            for choice in question.choices {
                if let Verdict::Wrong(miscount) = choice.verdict {
                    check(miscount.code(), counted(&miscount.params()));
                }
            }
        }
        day = day.tomorrow().unwrap();
    }
    for code in [
        "when.same_day",
        "mistake.forgot_holidays",
        "mistake.calendar_days_one",
        "mistake.business_days_one",
        "mistake.counted_event_day",
        "mistake.day_after_deadline",
        "why.business_days_and_holidays_one",
        "why.business_days_one",
        "why.calendar_days_one",
    ] {
        assert!(has(code), "{code}");
    }
    // Every defect the replay can report.
    let problems = [
        StepProblem::Refused(Refusal::AlreadyDisputed),
        StepProblem::UnknownClaim(ClaimKey::Ours),
        StepProblem::ClaimExists(ClaimKey::Ours),
        StepProblem::TimeNotRepresentable,
        StepProblem::BeforePrevious {
            at: Timestamp::UNIX_EPOCH,
            previous: Timestamp::UNIX_EPOCH,
        },
        StepProblem::NoRunningClock(ClockKind::ReviewStart),
        StepProblem::UnscriptedTransition {
            claim: ClaimKey::Ours,
            transition: ActionKind::ConsentEnded,
            at: Timestamp::UNIX_EPOCH,
        },
        StepProblem::LessonDeadline {
            clock: ClockKind::ReviewStart,
            lesson: date(2026, 1, 1),
            rules: None,
        },
        StepProblem::LessonLength {
            clock: ClockKind::ReviewStart,
            lesson: (1, scenarios::DayCount::Business),
            policy: (1, scenarios::DayCount::Business),
        },
        StepProblem::NotCompeting(ClaimKey::Ours),
        StepProblem::NotAHolidayInCount(date(2026, 1, 1)),
        StepProblem::NothingToAsk(ClockKind::ReviewStart),
    ];
    for problem in problems {
        check(problem.code(), false);
    }
    let ending = scenarios::scenario(ScenarioId::SmoothPath).endings[0].clone();
    let errors = [
        ScenarioError::Calendar(claim_rules::calendar::CalendarError::DateOutOfRange),
        ScenarioError::StartNotRepresentable,
        ScenarioError::DuplicateClaim(ClaimKey::Ours),
        ScenarioError::Setup {
            claim: ClaimKey::Ours,
            refusal: Refusal::AlreadyDisputed,
        },
        ScenarioError::UnscriptedAtEnd {
            claim: ClaimKey::Ours,
            transition: ActionKind::ConsentEnded,
            at: Timestamp::UNIX_EPOCH,
        },
        ScenarioError::MissingEnding(ClaimKey::Ours),
        ScenarioError::WrongEnding {
            expected: ending,
            status: None,
            phase: None,
        },
    ];
    for error in errors {
        check(error.code(), false);
    }
}

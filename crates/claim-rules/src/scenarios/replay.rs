//! Playing a scenario's script through the rules, and what it looks like at any instant.

use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use super::lesson::policy_length;
use super::room::RoomQuestion;
use super::{
    build_claim, last_day, local_instant, ClaimKey, DayCount, Ending, Lesson, Remark, Scenario,
    StepEvent,
};
use crate::calendar::CalendarError;
use crate::deadlines::{self, ClockKind, ClockState, Deadline, Rules};
use crate::history::ActionKind;
use crate::lifecycle::{self, Phase, Refusal};
use crate::model::{Claim, Status};
use crate::validation::competing_claims;

/// One claim of a scenario, by its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioClaim {
    /// Which claim.
    pub key: ClaimKey,
    /// The claim.
    pub claim: Claim,
}

/// What went wrong at a step: the scenario is defective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum StepProblem {
    /// The rules refused the action.
    Refused(Refusal),
    /// The step acts on a claim the scenario does not have (yet).
    UnknownClaim(ClaimKey),
    /// A new claim would take a key already in use.
    ClaimExists(ClaimKey),
    /// The step's local time does not exist or is out of range.
    TimeNotRepresentable,
    /// The step comes before the previous one.
    BeforePrevious {
        /// The step's time.
        at: Timestamp,
        /// The previous step's time.
        previous: Timestamp,
    },
    /// No clock of this kind is running on the claim, so it cannot pass.
    NoRunningClock(ClockKind),
    /// An automatic transition the script does not narrate would happen first (or, for a
    /// deadline step, instead of or besides the expected one).
    UnscriptedTransition {
        /// The claim.
        claim: ClaimKey,
        /// The transition.
        transition: ActionKind,
        /// When.
        at: Timestamp,
    },
    /// A deadline the lesson names is not the one the rules compute.
    LessonDeadline {
        /// The clock.
        clock: ClockKind,
        /// The last day the lesson names.
        lesson: Date,
        /// The last day the rules compute (`None`: no such clock).
        rules: Option<Date>,
    },
    /// A clock length the lesson states is not the policy's.
    LessonLength {
        /// The clock.
        clock: ClockKind,
        /// The lesson's length and count.
        lesson: (u32, DayCount),
        /// The policy's.
        policy: (u32, DayCount),
    },
    /// The lesson says the claims compete; the rules do not see it.
    NotCompeting(ClaimKey),
    /// The lesson's holiday is not a holiday, or not within the deadline's count.
    NotAHolidayInCount(Date),
    /// The step asks the room about a clock the claim does not have.
    NothingToAsk(ClockKind),
}

impl StepProblem {
    /// A stable machine code (`error.<name>`).
    pub fn code(&self) -> &'static str {
        match self {
            StepProblem::Refused(_) => "error.refused",
            StepProblem::UnknownClaim(_) => "error.unknown_claim",
            StepProblem::ClaimExists(_) => "error.claim_exists",
            StepProblem::TimeNotRepresentable => "error.time_not_representable",
            StepProblem::BeforePrevious { .. } => "error.before_previous",
            StepProblem::NoRunningClock(_) => "error.no_running_clock",
            StepProblem::UnscriptedTransition { .. } => "error.unscripted_transition",
            StepProblem::LessonDeadline { .. } => "error.lesson_deadline",
            StepProblem::LessonLength { .. } => "error.lesson_length",
            StepProblem::NotCompeting(_) => "error.not_competing",
            StepProblem::NotAHolidayInCount(_) => "error.not_a_holiday_in_count",
            StepProblem::NothingToAsk(_) => "error.nothing_to_ask",
        }
    }
}

/// Why a scenario cannot be played: a defect in its data, never the trainer's doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// The policy's calendar cannot be built.
    Calendar(CalendarError),
    /// The start's local time does not exist or is out of range.
    StartNotRepresentable,
    /// Two starting claims share a key.
    DuplicateClaim(ClaimKey),
    /// Preparing a starting claim was refused.
    Setup {
        /// The claim.
        claim: ClaimKey,
        /// Why.
        refusal: Refusal,
    },
    /// A step is defective.
    Step {
        /// The step's index (0-based).
        step: usize,
        /// What is wrong.
        problem: StepProblem,
    },
    /// After the last step, an automatic transition no step narrates.
    UnscriptedAtEnd {
        /// The claim.
        claim: ClaimKey,
        /// The transition.
        transition: ActionKind,
        /// When.
        at: Timestamp,
    },
    /// A claim has no stated ending.
    MissingEnding(ClaimKey),
    /// A claim does not end as the scenario states.
    WrongEnding {
        /// What the scenario states.
        expected: Ending,
        /// The status found (`None`: no such claim).
        status: Option<Status>,
        /// The phase found.
        phase: Option<Phase>,
    },
}

impl ScenarioError {
    /// A stable machine code (`error.<name>`).
    pub fn code(&self) -> &'static str {
        match self {
            ScenarioError::Calendar(_) => "error.calendar",
            ScenarioError::StartNotRepresentable => "error.start_not_representable",
            ScenarioError::DuplicateClaim(_) => "error.duplicate_claim",
            ScenarioError::Setup { .. } => "error.setup",
            ScenarioError::Step { problem, .. } => problem.code(),
            ScenarioError::UnscriptedAtEnd { .. } => "error.unscripted_at_end",
            ScenarioError::MissingEnding(_) => "error.missing_ending",
            ScenarioError::WrongEnding { .. } => "error.wrong_ending",
        }
    }

    /// The step at fault, if a step is.
    pub fn step(&self) -> Option<usize> {
        match self {
            ScenarioError::Step { step, .. } => Some(*step),
            ScenarioError::Calendar(_)
            | ScenarioError::StartNotRepresentable
            | ScenarioError::DuplicateClaim(_)
            | ScenarioError::Setup { .. }
            | ScenarioError::UnscriptedAtEnd { .. }
            | ScenarioError::MissingEnding(_)
            | ScenarioError::WrongEnding { .. } => None,
        }
    }
}

/// For logs and test failures (a scenario error is a defect, not shown to users): the
/// code, the step and the details.
impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.step() {
            Some(step) => write!(
                f,
                "{} at step {} (index {step}): {self:?}",
                self.code(),
                step + 1
            ),
            None => write!(f, "{}: {self:?}", self.code()),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// A step as played: when it happened and where it left its claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepResult {
    /// When it happened.
    pub at: Timestamp,
    /// The step's claim status afterwards.
    pub status: Status,
    /// The step's claim phase afterwards.
    pub phase: Phase,
    /// The step's claim clocks that are live afterwards (running, paused or overdue).
    pub running: Vec<Deadline>,
    /// Every claim right after the step.
    pub claims: Vec<ScenarioClaim>,
}

/// What the next event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Event {
    /// A scripted step (its index).
    Step(usize),
    /// A deadline of a claim that no step is scripted for.
    Deadline {
        /// The claim.
        claim: ClaimKey,
        /// The clock.
        clock: ClockKind,
    },
}

/// The next thing that happens after an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct NextEvent {
    /// When.
    pub at: Timestamp,
    /// What.
    pub event: Event,
}

/// A scenario played through the rules: every step's time and result, ready to be shown
/// at any simulated instant.
#[derive(Debug, Clone)]
pub struct Replay {
    scenario: Scenario,
    rules: Rules,
    start: Timestamp,
    initial: Vec<ScenarioClaim>,
    steps: Vec<StepResult>,
}

impl Replay {
    /// Play `scenario`, wording its scripted comments with `words`.
    ///
    /// # Errors
    ///
    /// A [`ScenarioError`] naming the defect: a step the rules refuse, an automatic
    /// transition no step narrates, a lesson whose deadline is not the rules', a claim
    /// that does not end as stated, …
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::lifecycle::Refusal;
    /// use claim_rules::model::Actor;
    /// use claim_rules::scenarios::{self, Remark, Replay, ScenarioId, ScriptAction, StepEvent, When};
    ///
    /// let words = |remark: Remark| remark.code().to_string();
    /// let mut scenario = scenarios::scenario(ScenarioId::SmoothPath);
    /// assert!(Replay::run(&scenario, &words).is_ok());
    ///
    /// // A scenario where the customer declines after the consent period is defective.
    /// scenario.steps.push(scenarios::Step {
    ///     event: StepEvent::Act {
    ///         actor: Actor::Customer,
    ///         action: ScriptAction::CustomerDecline,
    ///         at: When::calendar(20, 9, 0),
    ///     },
    ///     ..scenario.steps[0].clone()
    /// });
    /// let error = Replay::run(&scenario, &words).unwrap_err();
    /// assert_eq!((error.code(), error.step()), ("error.refused", Some(4)));
    /// ```
    pub fn run(
        scenario: &Scenario,
        words: &dyn Fn(Remark) -> String,
    ) -> Result<Replay, ScenarioError> {
        let rules = scenario.rules().map_err(ScenarioError::Calendar)?;
        let start = local_instant(rules.calendar(), scenario.start)
            .ok_or(ScenarioError::StartNotRepresentable)?;
        let mut claims: Vec<ScenarioClaim> = Vec::new();
        for starting in &scenario.claims {
            if claims.iter().any(|claim| claim.key == starting.key) {
                return Err(ScenarioError::DuplicateClaim(starting.key));
            }
            let claim = build_claim(scenario.id, starting, start, &rules).map_err(|refusal| {
                ScenarioError::Setup {
                    claim: starting.key,
                    refusal,
                }
            })?;
            claims.push(ScenarioClaim {
                key: starting.key,
                claim,
            });
        }
        let mut replay = Replay {
            scenario: scenario.clone(),
            rules,
            start,
            initial: claims.clone(),
            steps: Vec::with_capacity(scenario.steps.len()),
        };
        let mut previous = start;
        for (index, step) in scenario.steps.iter().enumerate() {
            let fail = |problem| ScenarioError::Step {
                step: index,
                problem,
            };
            let at = replay.play(step, &mut claims, words).map_err(fail)?;
            if at < previous {
                return Err(fail(StepProblem::BeforePrevious { at, previous }));
            }
            previous = at;
            let claim = find(&claims, step.claim).map_err(fail)?;
            replay
                .check_lesson(&step.lesson, claim, &claims)
                .map_err(fail)?;
            if let Some(clock) = step.ask {
                if deadlines::deadlines(claim, &replay.rules)
                    .iter()
                    .all(|deadline| deadline.kind != clock)
                {
                    return Err(fail(StepProblem::NothingToAsk(clock)));
                }
            }
            let result = StepResult {
                at,
                status: claim.status,
                phase: lifecycle::phase(claim, at, &replay.rules),
                running: deadlines::deadlines(claim, &replay.rules)
                    .into_iter()
                    .filter(|deadline| deadline.is_live(at))
                    .collect(),
                claims: claims.clone(),
            };
            replay.steps.push(result);
        }
        replay.check_end(&claims)?;
        Ok(replay)
    }

    /// Perform one step on `claims`; its time.
    fn play(
        &self,
        step: &super::Step,
        claims: &mut Vec<ScenarioClaim>,
        words: &dyn Fn(Remark) -> String,
    ) -> Result<Timestamp, StepProblem> {
        let rules = &self.rules;
        let scenario = self.scenario.id;
        let index = claims
            .iter()
            .position(|claim| claim.key == step.claim)
            .ok_or(StepProblem::UnknownClaim(step.claim))?;
        let claim = &claims[index].claim;
        match &step.event {
            StepEvent::Act { actor, action, at } => {
                let at = at
                    .resolve(self.start, rules.calendar())
                    .ok_or(StepProblem::TimeNotRepresentable)?;
                no_transition_by(step.claim, claim, at, rules)?;
                let action = action.action(scenario, claim, at, words);
                let next = lifecycle::apply(claim, action, *actor, at, at, rules)
                    .map_err(StepProblem::Refused)?;
                claims[index].claim = next;
                Ok(at)
            }
            StepEvent::StartNewClaim { new_claim, at } => {
                let at = at
                    .resolve(self.start, rules.calendar())
                    .ok_or(StepProblem::TimeNotRepresentable)?;
                if claims.iter().any(|claim| claim.key == *new_claim) {
                    return Err(StepProblem::ClaimExists(*new_claim));
                }
                no_transition_by(step.claim, claim, at, rules)?;
                let (original, restarted) = lifecycle::start_new_claim_from(
                    claim,
                    new_claim.id(scenario),
                    step.event.actor(),
                    at,
                    rules,
                )
                .map_err(StepProblem::Refused)?;
                claims[index].claim = original;
                claims.push(ScenarioClaim {
                    key: *new_claim,
                    claim: restarted,
                });
                Ok(at)
            }
            StepEvent::DeadlinePasses { clock } => {
                let clocks = deadlines::deadlines(claim, rules);
                let due = deadlines::open_clock(&clocks, *clock)
                    .filter(|deadline| deadline.due != Timestamp::MAX)
                    .filter(|deadline| match deadline.state(deadline.due) {
                        ClockState::Closed { .. } | ClockState::Overdue { .. } => true,
                        ClockState::Running
                        | ClockState::Paused { .. }
                        | ClockState::Met { .. }
                        | ClockState::Missed { .. }
                        | ClockState::Stopped { .. } => false,
                    })
                    .map(|deadline| deadline.due)
                    .ok_or(StepProblem::NoRunningClock(*clock))?;
                let advanced = lifecycle::advance(claim, due, rules);
                let added = advanced.history.get(claim.history.len()..).unwrap_or(&[]);
                let unexpected = match (clock.expiry_transition(), added) {
                    (None, []) => None,
                    (Some(expected), [entry]) if entry.action == expected => None,
                    (Some(expected), []) => Some((expected, due)),
                    (_, [entry, ..]) => Some((entry.action, entry.at)),
                };
                if let Some((transition, at)) = unexpected {
                    return Err(StepProblem::UnscriptedTransition {
                        claim: step.claim,
                        transition,
                        at,
                    });
                }
                claims[index].claim = advanced;
                Ok(due)
            }
        }
    }

    /// Every deadline, length and fact the lesson names must be the rules'.
    fn check_lesson(
        &self,
        lesson: &Lesson,
        claim: &Claim,
        claims: &[ScenarioClaim],
    ) -> Result<(), StepProblem> {
        let calendar = self.rules.calendar();
        let clocks = deadlines::deadlines(claim, &self.rules);
        let latest = |kind: ClockKind| clocks.iter().rev().find(|clock| clock.kind == kind);
        for (clock, named) in lesson.named_deadlines() {
            let computed = latest(clock).and_then(|deadline| last_day(calendar, deadline.due));
            if computed != Some(named) {
                return Err(StepProblem::LessonDeadline {
                    clock,
                    lesson: named,
                    rules: computed,
                });
            }
        }
        for (clock, days, count) in lesson.named_lengths() {
            let policy = policy_length(self.rules.policy(), clock);
            if policy != (days, count) {
                return Err(StepProblem::LessonLength {
                    clock,
                    lesson: (days, count),
                    policy,
                });
            }
        }
        match lesson {
            Lesson::CompetingClaimSubmitted { with, .. } => {
                let other = find(claims, *with)?;
                let all: Vec<Claim> = claims.iter().map(|claim| claim.claim.clone()).collect();
                let competing = competing_claims(&all)
                    .iter()
                    .any(|pair| pair.involves(claim.id) && pair.involves(other.id));
                if !competing {
                    return Err(StepProblem::NotCompeting(*with));
                }
            }
            Lesson::InformationRequestedOverHoliday { holiday, .. } => {
                let request = latest(ClockKind::PartnerResponse);
                let within = request.is_some_and(|deadline| {
                    let from = calendar.local_date(deadline.started_at);
                    let until = last_day(calendar, deadline.due);
                    from < *holiday && until.is_some_and(|until| *holiday < until)
                });
                if !within || calendar.is_business_day(*holiday) || !calendar.is_holiday(*holiday) {
                    return Err(StepProblem::NotAHolidayInCount(*holiday));
                }
            }
            Lesson::Submitted { .. }
            | Lesson::ReviewStarted { .. }
            | Lesson::InformationRequested { .. }
            | Lesson::PoeAddedWhileWaiting { .. }
            | Lesson::Responded { .. }
            | Lesson::RespondedOnLastDay { .. }
            | Lesson::Approved { .. }
            | Lesson::ConsentEnded { .. }
            | Lesson::NoResponseRejected { .. }
            | Lesson::Disputed { .. }
            | Lesson::Overturned { .. }
            | Lesson::CustomerDeclined { .. }
            | Lesson::RejectionRequested
            | Lesson::NewClaimStarted
            | Lesson::PartnerIdCorrected
            | Lesson::ReviewOverdue { .. }
            | Lesson::LostArbitration { .. }
            | Lesson::RejectedMissingProducts { .. }
            | Lesson::DisputeWindowClosed { .. }
            | Lesson::NewClaimAfterWindow
            | Lesson::PoeCompleted => {}
        }
        Ok(())
    }

    /// After the last step: no automatic transition left unnarrated, every claim as
    /// stated.
    fn check_end(&self, claims: &[ScenarioClaim]) -> Result<(), ScenarioError> {
        let end = self.end();
        for claim in claims {
            if let Err(StepProblem::UnscriptedTransition {
                claim: key,
                transition,
                at,
            }) = no_transition_by(claim.key, &claim.claim, end, &self.rules)
            {
                return Err(ScenarioError::UnscriptedAtEnd {
                    claim: key,
                    transition,
                    at,
                });
            }
            if !self
                .scenario
                .endings
                .iter()
                .any(|ending| ending.claim == claim.key)
            {
                return Err(ScenarioError::MissingEnding(claim.key));
            }
        }
        for expected in &self.scenario.endings {
            let found = claims.iter().find(|claim| claim.key == expected.claim);
            let status = found.map(|claim| claim.claim.status);
            let phase = found.map(|claim| lifecycle::phase(&claim.claim, end, &self.rules));
            let matches = status == Some(expected.status)
                && phase
                    .as_ref()
                    .is_some_and(|phase| expected.phase.matches(phase));
            if !matches {
                return Err(ScenarioError::WrongEnding {
                    expected: expected.clone(),
                    status,
                    phase,
                });
            }
        }
        Ok(())
    }

    /// The scenario played.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The rules it runs under.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The start instant.
    pub fn start(&self) -> Timestamp {
        self.start
    }

    /// The instant of the last step (the start when there is none).
    pub fn end(&self) -> Timestamp {
        self.steps.last().map_or(self.start, |step| step.at)
    }

    /// Every step as played, in order.
    pub fn steps(&self) -> &[StepResult] {
        &self.steps
    }

    /// The claims at the start, before any step.
    pub fn claims_at_start(&self) -> &[ScenarioClaim] {
        &self.initial
    }

    /// The claims right after step `step` (0-based): "back to step N" replays the script
    /// from the start up to it. `None` past the last step.
    ///
    /// ```
    /// use claim_rules::model::Status;
    /// use claim_rules::scenarios::{self, Remark, Replay, ScenarioId};
    ///
    /// let replay = Replay::run(
    ///     &scenarios::scenario(ScenarioId::SmoothPath),
    ///     &|remark: Remark| remark.code().to_string(),
    /// )?;
    /// let after_first = replay.claims_after(0).unwrap();
    /// assert_eq!(after_first[0].claim.status, Status::Submitted);
    /// assert!(replay.claims_after(replay.steps().len()).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims_after(&self, step: usize) -> Option<&[ScenarioClaim]> {
        self.steps.get(step).map(|result| result.claims.as_slice())
    }

    /// How many steps are due at `now` (happened at or before it): the training screen's
    /// "step N of M".
    ///
    /// ```
    /// use claim_rules::scenarios::{self, Remark, Replay, ScenarioId};
    ///
    /// let replay = Replay::run(
    ///     &scenarios::scenario(ScenarioId::SmoothPath),
    ///     &|remark: Remark| remark.code().to_string(),
    /// )?;
    /// assert_eq!(replay.steps_done_at(replay.start()), 0);
    /// assert_eq!(replay.steps_done_at(replay.steps()[1].at), 2);
    /// assert_eq!(replay.steps_done_at(replay.end()), replay.steps().len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_done_at(&self, now: Timestamp) -> usize {
        self.steps.partition_point(|step| step.at <= now)
    }

    /// Every claim at the simulated instant `now`: after the steps due by then, with the
    /// automatic transitions due by then applied, stamped at their deadlines (so the
    /// auto-rejection appears exactly when the clock passes the partner's deadline, even
    /// past the last step). Before the start: the starting claims.
    ///
    /// ```
    /// use claim_rules::lifecycle::{phase, Phase};
    /// use claim_rules::scenarios::{self, Remark, Replay, ScenarioId};
    ///
    /// let replay = Replay::run(
    ///     &scenarios::scenario(ScenarioId::SmoothPath),
    ///     &|remark: Remark| remark.code().to_string(),
    /// )?;
    /// // Approved on Thursday 9 April 2026; consent runs to the end of Thursday 16 April.
    /// let before: jiff::Timestamp = "2026-04-16T23:59:00-07:00".parse()?;
    /// let after: jiff::Timestamp = "2026-04-17T00:00:00-07:00".parse()?;
    /// let claim = &replay.claims_at(before)[0].claim;
    /// assert!(matches!(phase(claim, before, replay.rules()), Phase::ConsentPeriod { .. }));
    /// let claim = &replay.claims_at(after)[0].claim;
    /// assert!(matches!(phase(claim, after, replay.rules()), Phase::Official { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims_at(&self, now: Timestamp) -> Vec<ScenarioClaim> {
        let done = self.steps_done_at(now);
        let base = match done.checked_sub(1).and_then(|last| self.steps.get(last)) {
            Some(step) => &step.claims,
            None => return self.initial.clone(),
        };
        base.iter()
            .map(|claim| ScenarioClaim {
                key: claim.key,
                claim: lifecycle::advance(&claim.claim, now, &self.rules),
            })
            .collect()
    }

    /// The next event strictly after `now`: the next scripted step, or a deadline of a
    /// claim as it stands at `now` (running clocks only: a paused clock has no deadline
    /// yet), whichever comes first; a step wins a tie. `None` when nothing more happens.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::scenarios::{self, ClaimKey, Event, Remark, Replay, ScenarioId};
    ///
    /// let replay = Replay::run(
    ///     &scenarios::scenario(ScenarioId::CustomerDeclines),
    ///     &|remark: Remark| remark.code().to_string(),
    /// )?;
    /// // Past the last step (the customer declines), the dispute window still runs.
    /// let next = replay.next_event_after(replay.end()).unwrap();
    /// assert_eq!(next.event, Event::Deadline { claim: ClaimKey::Ours, clock: ClockKind::DisputeWindow });
    /// assert_eq!(replay.next_event_after(next.at), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_event_after(&self, now: Timestamp) -> Option<NextEvent> {
        let step = self
            .steps
            .iter()
            .enumerate()
            .find(|(_, step)| step.at > now)
            .map(|(index, step)| NextEvent {
                at: step.at,
                event: Event::Step(index),
            });
        let deadline = self
            .claims_at(now)
            .iter()
            .flat_map(|claim| {
                deadlines::deadlines(&claim.claim, &self.rules)
                    .into_iter()
                    .filter(|deadline| {
                        deadline.state(now) == ClockState::Running && deadline.due != Timestamp::MAX
                    })
                    .map(|deadline| NextEvent {
                        at: deadline.due,
                        event: Event::Deadline {
                            claim: claim.key,
                            clock: deadline.kind,
                        },
                    })
                    .collect::<Vec<_>>()
            })
            .min_by_key(|event| event.at);
        match (step, deadline) {
            (Some(step), Some(deadline)) if deadline.at < step.at => Some(deadline),
            (Some(step), _) => Some(step),
            (None, deadline) => deadline,
        }
    }

    /// The "ask the room" question of step `step` (0-based), if it has one: about the
    /// clock the step starts, before the screen reveals its deadline.
    ///
    /// ```
    /// use claim_rules::scenarios::{self, Remark, Replay, ScenarioId, Verdict};
    /// use jiff::civil::date;
    ///
    /// let scenario = scenarios::scenario(ScenarioId::ChristmasDeadline);
    /// let replay = Replay::run(&scenario, &|remark: Remark| remark.code().to_string())?;
    /// let step = scenario.steps.iter().position(|step| step.ask.is_some()).unwrap();
    /// let question = replay.ask_the_room(step).unwrap();
    /// assert_eq!(question.right().last_day, date(2026, 12, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ask_the_room(&self, step: usize) -> Option<RoomQuestion> {
        let clock = self.scenario.steps.get(step)?.ask?;
        let key = self.scenario.steps.get(step)?.claim;
        let claim = find(self.claims_after(step)?, key).ok()?;
        let deadline = deadlines::deadlines(claim, &self.rules)
            .into_iter()
            .rev()
            .find(|deadline| deadline.kind == clock)?;
        RoomQuestion::for_clock(&self.rules, clock, deadline.started_at)
    }
}

fn find(claims: &[ScenarioClaim], key: ClaimKey) -> Result<&Claim, StepProblem> {
    claims
        .iter()
        .find(|claim| claim.key == key)
        .map(|claim| &claim.claim)
        .ok_or(StepProblem::UnknownClaim(key))
}

/// `Ok` when no automatic transition is due on the claim by `at`; the script must narrate
/// each one as a step.
fn no_transition_by(
    key: ClaimKey,
    claim: &Claim,
    at: Timestamp,
    rules: &Rules,
) -> Result<(), StepProblem> {
    let advanced = lifecycle::advance(claim, at, rules);
    match advanced.history.get(claim.history.len()) {
        Some(entry) => Err(StepProblem::UnscriptedTransition {
            claim: key,
            transition: entry.action,
            at: entry.at,
        }),
        None => Ok(()),
    }
}

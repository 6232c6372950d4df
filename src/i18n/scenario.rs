//! The training scenarios' texts: titles, descriptions, each step's lesson, the scripted
//! comments, "ask the room" and, should a scenario ever be defective, why. One exhaustive
//! `match` per code of `claim_rules::scenarios`, under the catalogues' `scenario` section.

use claim_rules::deadlines::ClockKind;
use claim_rules::scenarios::{
    ClaimKey, DayCount, Lesson, Miscount, Reasoning, Remark, RoomQuestion, ScenarioError,
    ScenarioId, StepEvent, StepProblem, When,
};
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::{tr, I18n};

/// Noon of a local date in `zone`: the instant to format to show that date (a lesson
/// names a deadline by its last day).
fn noon(date: Date, zone: &str) -> Option<Timestamp> {
    let zone = TimeZone::get(zone).ok()?;
    date.at(12, 0, 0, 0)
        .to_zoned(zone)
        .ok()
        .map(|z| z.timestamp())
}

/// A local date with its weekday ("Thu, Dec 31, 2026").
pub fn day(i18n: &I18n, date: Date, zone: &str) -> String {
    match noon(date, zone) {
        Some(at) => i18n.weekday_date(at, zone),
        None => date.to_string(),
    }
}

/// A local time of day ("9:00 AM", "09:00").
fn time_of_day(i18n: &I18n, time: Time, zone: &str) -> String {
    let at = TimeZone::get(zone)
        .ok()
        .and_then(|tz| {
            jiff::civil::date(2026, 1, 1)
                .to_datetime(time)
                .to_zoned(tz)
                .ok()
        })
        .map(|z| z.timestamp());
    match at {
        Some(at) => i18n.format_instant(at, zone, &[("hour", "numeric"), ("minute", "2-digit")]),
        None => time.to_string(),
    }
}

/// The scenario's title.
pub fn title(i18n: &I18n, id: ScenarioId) -> String {
    match id {
        ScenarioId::SmoothPath => tr!(i18n, scenario.title.smooth_path),
        ScenarioId::InformationAnswered => tr!(i18n, scenario.title.information_answered),
        ScenarioId::InformationMissed => tr!(i18n, scenario.title.information_missed),
        ScenarioId::CustomerDeclines => tr!(i18n, scenario.title.customer_declines),
        ScenarioId::WrongMpn => tr!(i18n, scenario.title.wrong_mpn),
        ScenarioId::CompetingClaims => tr!(i18n, scenario.title.competing_claims),
        ScenarioId::ChristmasDeadline => tr!(i18n, scenario.title.christmas_deadline),
        ScenarioId::DisputeWindowCloses => tr!(i18n, scenario.title.dispute_window_closes),
    }
}

/// The scenario's short description.
pub fn description(i18n: &I18n, id: ScenarioId) -> String {
    match id {
        ScenarioId::SmoothPath => tr!(i18n, scenario.description.smooth_path),
        ScenarioId::InformationAnswered => tr!(i18n, scenario.description.information_answered),
        ScenarioId::InformationMissed => tr!(i18n, scenario.description.information_missed),
        ScenarioId::CustomerDeclines => tr!(i18n, scenario.description.customer_declines),
        ScenarioId::WrongMpn => tr!(i18n, scenario.description.wrong_mpn),
        ScenarioId::CompetingClaims => tr!(i18n, scenario.description.competing_claims),
        ScenarioId::ChristmasDeadline => tr!(i18n, scenario.description.christmas_deadline),
        ScenarioId::DisputeWindowCloses => {
            tr!(i18n, scenario.description.dispute_window_closes)
        }
    }
}

/// Which of the scenario's claims ("Our claim", "The other partner's claim", …).
pub fn claim_role(i18n: &I18n, key: ClaimKey) -> String {
    match key {
        ClaimKey::Ours => tr!(i18n, scenario.claim.ours),
        ClaimKey::Competitor => tr!(i18n, scenario.claim.competitor),
        ClaimKey::Restarted => tr!(i18n, scenario.claim.restarted),
    }
}

/// A comment a scripted actor writes.
pub fn remark(i18n: &I18n, remark: Remark) -> String {
    match remark {
        Remark::SignatureMissing => tr!(i18n, scenario.remark.signature_missing),
        Remark::SignatureAdded => tr!(i18n, scenario.remark.signature_added),
        Remark::DatesMissing => tr!(i18n, scenario.remark.dates_missing),
        Remark::DatedEvidence => tr!(i18n, scenario.remark.dated_evidence),
        Remark::ProductsMissing => tr!(i18n, scenario.remark.products_missing),
        Remark::ProductsNamed => tr!(i18n, scenario.remark.products_named),
    }
}

/// The rule a step shows, with its deadlines as dates in the scenario's zone.
pub fn lesson(i18n: &I18n, lesson: &Lesson, zone: &str) -> String {
    let d = |date: &Date| day(i18n, *date, zone);
    let n = |days: &u32| i64::from(*days);
    match lesson {
        Lesson::Submitted {
            review_start_by,
            decision_by,
        } => tr!(
            i18n,
            scenario.lesson.submitted,
            review_start_by = d(review_start_by),
            decision_by = d(decision_by)
        ),
        Lesson::ReviewStarted { decide_by } => {
            tr!(
                i18n,
                scenario.lesson.review_started,
                decide_by = d(decide_by)
            )
        }
        Lesson::InformationRequested { respond_by, days } => tr!(
            i18n,
            scenario.lesson.information_requested,
            count = n(days),
            respond_by = d(respond_by)
        ),
        Lesson::InformationRequestedOverHoliday {
            respond_by,
            days,
            holiday,
        } => tr!(
            i18n,
            scenario.lesson.information_requested_over_holiday,
            count = n(days),
            respond_by = d(respond_by),
            holiday = d(holiday)
        ),
        Lesson::PoeAddedWhileWaiting { respond_by } => {
            tr!(
                i18n,
                scenario.lesson.poe_added_while_waiting,
                respond_by = d(respond_by)
            )
        }
        Lesson::Responded {
            decide_by,
            decision_by,
        } => tr!(
            i18n,
            scenario.lesson.responded,
            decide_by = d(decide_by),
            decision_by = d(decision_by)
        ),
        Lesson::RespondedOnLastDay {
            decide_by,
            decision_by,
        } => tr!(
            i18n,
            scenario.lesson.responded_on_last_day,
            decide_by = d(decide_by),
            decision_by = d(decision_by)
        ),
        Lesson::Approved {
            consent_until,
            days,
        } => tr!(
            i18n,
            scenario.lesson.approved,
            count = n(days),
            consent_until = d(consent_until)
        ),
        Lesson::ConsentEnded { last_day } => {
            tr!(i18n, scenario.lesson.consent_ended, last_day = d(last_day))
        }
        Lesson::NoResponseRejected {
            missed,
            dispute_until,
        } => tr!(
            i18n,
            scenario.lesson.no_response_rejected,
            missed = d(missed),
            dispute_until = d(dispute_until)
        ),
        Lesson::Disputed { review_by } => {
            tr!(i18n, scenario.lesson.disputed, review_by = d(review_by))
        }
        Lesson::Overturned {
            consent_until,
            days,
        } => tr!(
            i18n,
            scenario.lesson.overturned,
            count = n(days),
            consent_until = d(consent_until)
        ),
        Lesson::CustomerDeclined { dispute_until } => {
            tr!(
                i18n,
                scenario.lesson.customer_declined,
                dispute_until = d(dispute_until)
            )
        }
        Lesson::RejectionRequested => tr!(i18n, scenario.lesson.rejection_requested),
        Lesson::NewClaimStarted => tr!(i18n, scenario.lesson.new_claim_started),
        Lesson::PartnerIdCorrected => tr!(i18n, scenario.lesson.partner_id_corrected),
        Lesson::CompetingClaimSubmitted {
            with: _,
            review_start_by,
        } => tr!(
            i18n,
            scenario.lesson.competing_claim_submitted,
            review_start_by = d(review_start_by)
        ),
        Lesson::ReviewOverdue { was_due } => {
            tr!(i18n, scenario.lesson.review_overdue, was_due = d(was_due))
        }
        Lesson::LostArbitration { dispute_until } => {
            tr!(
                i18n,
                scenario.lesson.lost_arbitration,
                dispute_until = d(dispute_until)
            )
        }
        Lesson::RejectedMissingProducts {
            dispute_until,
            days,
        } => tr!(
            i18n,
            scenario.lesson.rejected_missing_products,
            count = n(days),
            dispute_until = d(dispute_until)
        ),
        Lesson::DisputeWindowClosed { last_day } => {
            tr!(
                i18n,
                scenario.lesson.dispute_window_closed,
                last_day = d(last_day)
            )
        }
        Lesson::NewClaimAfterWindow => tr!(i18n, scenario.lesson.new_claim_after_window),
        Lesson::PoeCompleted => tr!(i18n, scenario.lesson.poe_completed),
    }
}

/// "By when must the partner respond?" and its kin.
pub fn question(i18n: &I18n, question: &RoomQuestion) -> String {
    match question.clock {
        ClockKind::ReviewStart => tr!(i18n, scenario.question.review_start),
        ClockKind::ReviewDecision => tr!(i18n, scenario.question.review_decision),
        ClockKind::PartnerResponse => tr!(i18n, scenario.question.partner_response),
        ClockKind::CustomerConsent => tr!(i18n, scenario.question.customer_consent),
        ClockKind::DisputeWindow => tr!(i18n, scenario.question.dispute_window),
        ClockKind::DisputeReview => tr!(i18n, scenario.question.dispute_review),
        ClockKind::DecisionTarget => tr!(i18n, scenario.question.decision_target),
    }
}

/// Why the right answer is right.
pub fn why(i18n: &I18n, why: &Reasoning, zone: &str) -> String {
    match why {
        Reasoning::BusinessDays { days, counted_from } => tr!(
            i18n,
            scenario.why.business_days,
            count = i64::from(*days),
            counted_from = day(i18n, *counted_from, zone)
        ),
        Reasoning::BusinessDaysAndHolidays {
            days,
            counted_from,
            holidays,
        } => {
            let holidays: Vec<String> = holidays.iter().map(|h| day(i18n, *h, zone)).collect();
            tr!(
                i18n,
                scenario.why.business_days_and_holidays,
                count = i64::from(*days),
                counted_from = day(i18n, *counted_from, zone),
                holidays = i18n.list(&holidays)
            )
        }
        Reasoning::CalendarDays { days, counted_from } => tr!(
            i18n,
            scenario.why.calendar_days,
            count = i64::from(*days),
            counted_from = day(i18n, *counted_from, zone)
        ),
    }
}

/// Why a wrong answer is wrong.
pub fn mistake(i18n: &I18n, miscount: &Miscount) -> String {
    match miscount {
        Miscount::CalendarDays { days } => {
            tr!(
                i18n,
                scenario.mistake.calendar_days,
                count = i64::from(*days)
            )
        }
        Miscount::ForgotHolidays => tr!(i18n, scenario.mistake.forgot_holidays),
        Miscount::BusinessDays { days } => {
            tr!(
                i18n,
                scenario.mistake.business_days,
                count = i64::from(*days)
            )
        }
        Miscount::CountedEventDay => tr!(i18n, scenario.mistake.counted_event_day),
        Miscount::DayAfterDeadline => tr!(i18n, scenario.mistake.day_after_deadline),
    }
}

/// What a system step is: a deadline that passes.
pub fn deadline_passes(i18n: &I18n, clock: ClockKind) -> String {
    match clock {
        ClockKind::ReviewStart => tr!(i18n, scenario.deadline_passes.review_start),
        ClockKind::ReviewDecision => tr!(i18n, scenario.deadline_passes.review_decision),
        ClockKind::PartnerResponse => tr!(i18n, scenario.deadline_passes.partner_response),
        ClockKind::CustomerConsent => tr!(i18n, scenario.deadline_passes.customer_consent),
        ClockKind::DisputeWindow => tr!(i18n, scenario.deadline_passes.dispute_window),
        ClockKind::DisputeReview => tr!(i18n, scenario.deadline_passes.dispute_review),
        ClockKind::DecisionTarget => tr!(i18n, scenario.deadline_passes.decision_target),
    }
}

/// When a scripted step happens, relative to the start ("2 business days after the
/// start, 10:00 AM").
pub fn when(i18n: &I18n, when: &When, zone: &str) -> String {
    let time = time_of_day(i18n, when.time, zone);
    let count = i64::from(when.days);
    match (when.days, when.count) {
        (0, DayCount::Business | DayCount::Calendar) => {
            tr!(i18n, scenario.when.same_day, time)
        }
        (_, DayCount::Business) => tr!(i18n, scenario.when.business_days, count, time),
        (_, DayCount::Calendar) => tr!(i18n, scenario.when.calendar_days, count, time),
    }
}

/// When a step happens, if it has a time of its own (a deadline step has the deadline's).
pub fn step_when(i18n: &I18n, event: &StepEvent, zone: &str) -> Option<String> {
    match event {
        StepEvent::Act { at, .. } | StepEvent::StartNewClaim { at, .. } => {
            Some(when(i18n, at, zone))
        }
        StepEvent::DeadlinePasses { .. } => None,
    }
}

/// Why a scenario cannot be played (a defect in its data; shown rather than hidden).
pub fn error(i18n: &I18n, error: &ScenarioError) -> String {
    match error {
        ScenarioError::Calendar(_) => tr!(i18n, scenario.error.calendar),
        ScenarioError::StartNotRepresentable => tr!(i18n, scenario.error.start_not_representable),
        ScenarioError::DuplicateClaim(_) => tr!(i18n, scenario.error.duplicate_claim),
        ScenarioError::Setup { .. } => tr!(i18n, scenario.error.setup),
        ScenarioError::Step { problem, .. } => step_problem(i18n, problem),
        ScenarioError::UnscriptedAtEnd { .. } => tr!(i18n, scenario.error.unscripted_at_end),
        ScenarioError::MissingEnding(_) => tr!(i18n, scenario.error.missing_ending),
        ScenarioError::WrongEnding { .. } => tr!(i18n, scenario.error.wrong_ending),
    }
}

fn step_problem(i18n: &I18n, problem: &StepProblem) -> String {
    match problem {
        StepProblem::Refused(_) => tr!(i18n, scenario.error.refused),
        StepProblem::UnknownClaim(_) => tr!(i18n, scenario.error.unknown_claim),
        StepProblem::ClaimExists(_) => tr!(i18n, scenario.error.claim_exists),
        StepProblem::TimeNotRepresentable => tr!(i18n, scenario.error.time_not_representable),
        StepProblem::BeforePrevious { .. } => tr!(i18n, scenario.error.before_previous),
        StepProblem::NoRunningClock(_) => tr!(i18n, scenario.error.no_running_clock),
        StepProblem::UnscriptedTransition { .. } => tr!(i18n, scenario.error.unscripted_transition),
        StepProblem::LessonDeadline { .. } => tr!(i18n, scenario.error.lesson_deadline),
        StepProblem::LessonLength { .. } => tr!(i18n, scenario.error.lesson_length),
        StepProblem::NotCompeting(_) => tr!(i18n, scenario.error.not_competing),
        StepProblem::NotAHolidayInCount(_) => tr!(i18n, scenario.error.not_a_holiday_in_count),
        StepProblem::NothingToAsk(_) => tr!(i18n, scenario.error.nothing_to_ask),
    }
}

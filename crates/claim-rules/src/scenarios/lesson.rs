//! The lesson of a step: the rule in play, as a code with typed parameters.

use jiff::civil::Date;
use serde::Serialize;

use super::{ClaimKey, DayCount};
use crate::deadlines::ClockKind;
use crate::policy::{ConsentRule, Policy};

/// The rule a step shows, worded by the catalogue under `scenario.lesson.…`.
///
/// Deadlines are named by their last day (a local date): the deadline is the end of
/// that day. [`super::Replay::run`] checks every deadline and clock length a lesson names
/// against what the rules compute ([`Lesson::named_deadlines`], [`Lesson::named_lengths`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Lesson {
    /// Submitted: a reviewer should start by the end of `review_start_by`; the decision
    /// target is the end of `decision_by`.
    Submitted {
        /// Last day of the review start clock.
        review_start_by: Date,
        /// Last day of the decision target.
        decision_by: Date,
    },
    /// Review started: nothing can be changed; a decision is due by `decide_by`.
    ReviewStarted {
        /// Last day of the review decision clock.
        decide_by: Date,
    },
    /// Information requested: `days` business days to respond, until `respond_by`, or the
    /// claim is rejected automatically; the decision target pauses.
    InformationRequested {
        /// Last day to respond.
        respond_by: Date,
        /// The partner response clock's length, in business days.
        days: u32,
    },
    /// Information requested just before a holiday: the holiday does not count.
    InformationRequestedOverHoliday {
        /// Last day to respond.
        respond_by: Date,
        /// The partner response clock's length, in business days.
        days: u32,
        /// The holiday the count skips.
        holiday: Date,
    },
    /// While partner action is required, PoE can be added; that is not yet a response.
    PoeAddedWhileWaiting {
        /// Last day to respond, unchanged.
        respond_by: Date,
    },
    /// Responded: back under review; the decision target resumes, moved by the business
    /// days spent waiting for the partner.
    Responded {
        /// Last day of the new review decision clock.
        decide_by: Date,
        /// Last day of the resumed decision target.
        decision_by: Date,
    },
    /// Responded on the last day: in time, because the deadline is the end of the day.
    RespondedOnLastDay {
        /// Last day of the new review decision clock.
        decide_by: Date,
        /// Last day of the resumed decision target.
        decision_by: Date,
    },
    /// Approved: the customer's consent period of `days` calendar days starts.
    Approved {
        /// Last day of the consent period.
        consent_until: Date,
        /// Its length in calendar days.
        days: u32,
    },
    /// The consent period ended: the association is official and goes to incentive
    /// eligibility evaluation.
    ConsentEnded {
        /// The consent period's last day.
        last_day: Date,
    },
    /// Nobody responded: the claim was rejected automatically at the deadline.
    NoResponseRejected {
        /// The last day the partner could have responded.
        missed: Date,
        /// Last day to dispute.
        dispute_until: Date,
    },
    /// Disputed with updated PoE; a claim is disputed at most once.
    Disputed {
        /// Last day of the dispute review clock.
        review_by: Date,
    },
    /// The rejection was overturned: approved, and a new consent period starts.
    Overturned {
        /// Last day of the new consent period.
        consent_until: Date,
        /// Its length in calendar days.
        days: u32,
    },
    /// The customer declined during the consent period: rejected, disputable.
    CustomerDeclined {
        /// Last day to dispute.
        dispute_until: Date,
    },
    /// The partner requested rejection (wrong Partner ID): not disputable, so a new claim
    /// can be started at once.
    RejectionRequested,
    /// A new claim was started from the rejected one: a linked draft with the same
    /// fields and PoE.
    NewClaimStarted,
    /// In a draft every field can be edited: the Partner ID is corrected.
    PartnerIdCorrected,
    /// Our claim competes with another partner's claim on the same tenant and workload:
    /// arbitration, longer review.
    CompetingClaimSubmitted {
        /// The other claim.
        with: ClaimKey,
        /// Last day of our review start clock.
        review_start_by: Date,
    },
    /// The review decision is overdue: only a flag, nothing happens automatically.
    ReviewOverdue {
        /// The day the decision was due.
        was_due: Date,
    },
    /// Our claim lost the arbitration: rejected, disputable.
    LostArbitration {
        /// Last day to dispute.
        dispute_until: Date,
    },
    /// A reviewer rejected the claim because the PoE does not name every claimed product:
    /// it can be disputed for `days` calendar days.
    RejectedMissingProducts {
        /// Last day to dispute.
        dispute_until: Date,
        /// The dispute window's length in calendar days.
        days: u32,
    },
    /// The dispute window closed: the rejection is final, the status does not change.
    DisputeWindowClosed {
        /// The window's last day.
        last_day: Date,
    },
    /// Once the rejection can no longer be disputed, a new claim can be started from it.
    NewClaimAfterWindow,
    /// The new claim gets the PoE the first one lacked.
    PoeCompleted,
}

/// A parameter of a scenario text (lesson, answer, step time), for catalogues and the
/// `cpor` CLI.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// A local date (the last day of a deadline, the day an event happened).
    Date(Date),
    /// Several local dates, in order (holidays).
    Dates(Vec<Date>),
    /// A local time of day.
    Time(jiff::civil::Time),
    /// A number of days (the catalogue's plural `count`).
    Count(u32),
    /// One of the scenario's claims (worded by its [`ClaimKey::code`]).
    Claim(ClaimKey),
}

impl Lesson {
    /// A stable machine code (`lesson.<name>`).
    ///
    /// ```
    /// use claim_rules::scenarios::Lesson;
    ///
    /// assert_eq!(Lesson::RejectionRequested.code(), "lesson.rejection_requested");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Lesson::Submitted { .. } => "lesson.submitted",
            Lesson::ReviewStarted { .. } => "lesson.review_started",
            Lesson::InformationRequested { .. } => "lesson.information_requested",
            Lesson::InformationRequestedOverHoliday { .. } => {
                "lesson.information_requested_over_holiday"
            }
            Lesson::PoeAddedWhileWaiting { .. } => "lesson.poe_added_while_waiting",
            Lesson::Responded { .. } => "lesson.responded",
            Lesson::RespondedOnLastDay { .. } => "lesson.responded_on_last_day",
            Lesson::Approved { .. } => "lesson.approved",
            Lesson::ConsentEnded { .. } => "lesson.consent_ended",
            Lesson::NoResponseRejected { .. } => "lesson.no_response_rejected",
            Lesson::Disputed { .. } => "lesson.disputed",
            Lesson::Overturned { .. } => "lesson.overturned",
            Lesson::CustomerDeclined { .. } => "lesson.customer_declined",
            Lesson::RejectionRequested => "lesson.rejection_requested",
            Lesson::NewClaimStarted => "lesson.new_claim_started",
            Lesson::PartnerIdCorrected => "lesson.partner_id_corrected",
            Lesson::CompetingClaimSubmitted { .. } => "lesson.competing_claim_submitted",
            Lesson::ReviewOverdue { .. } => "lesson.review_overdue",
            Lesson::LostArbitration { .. } => "lesson.lost_arbitration",
            Lesson::RejectedMissingProducts { .. } => "lesson.rejected_missing_products",
            Lesson::DisputeWindowClosed { .. } => "lesson.dispute_window_closed",
            Lesson::NewClaimAfterWindow => "lesson.new_claim_after_window",
            Lesson::PoeCompleted => "lesson.poe_completed",
        }
    }

    /// The parameters the catalogue's sentence takes, by name. A number of days is
    /// `count`, so the catalogue chooses its plural form (`…_one`, `…_other`).
    ///
    /// ```
    /// use claim_rules::scenarios::{Lesson, Param};
    /// use jiff::civil::date;
    ///
    /// let lesson = Lesson::InformationRequested { respond_by: date(2026, 6, 10), days: 5 };
    /// assert_eq!(
    ///     lesson.params(),
    ///     [("respond_by", Param::Date(date(2026, 6, 10))), ("count", Param::Count(5))],
    /// );
    /// ```
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        use Param::{Count, Date as Day};
        match self {
            Lesson::Submitted {
                review_start_by,
                decision_by,
            } => vec![
                ("review_start_by", Day(*review_start_by)),
                ("decision_by", Day(*decision_by)),
            ],
            Lesson::ReviewStarted { decide_by } => vec![("decide_by", Day(*decide_by))],
            Lesson::Responded {
                decide_by,
                decision_by,
            }
            | Lesson::RespondedOnLastDay {
                decide_by,
                decision_by,
            } => vec![
                ("decide_by", Day(*decide_by)),
                ("decision_by", Day(*decision_by)),
            ],
            Lesson::InformationRequested { respond_by, days } => {
                vec![("respond_by", Day(*respond_by)), ("count", Count(*days))]
            }
            Lesson::InformationRequestedOverHoliday {
                respond_by,
                days,
                holiday,
            } => vec![
                ("respond_by", Day(*respond_by)),
                ("count", Count(*days)),
                ("holiday", Day(*holiday)),
            ],
            Lesson::PoeAddedWhileWaiting { respond_by } => vec![("respond_by", Day(*respond_by))],
            Lesson::Approved {
                consent_until,
                days,
            }
            | Lesson::Overturned {
                consent_until,
                days,
            } => vec![
                ("consent_until", Day(*consent_until)),
                ("count", Count(*days)),
            ],
            Lesson::ConsentEnded { last_day } | Lesson::DisputeWindowClosed { last_day } => {
                vec![("last_day", Day(*last_day))]
            }
            Lesson::NoResponseRejected {
                missed,
                dispute_until,
            } => vec![
                ("missed", Day(*missed)),
                ("dispute_until", Day(*dispute_until)),
            ],
            Lesson::Disputed { review_by } => vec![("review_by", Day(*review_by))],
            Lesson::CustomerDeclined { dispute_until }
            | Lesson::LostArbitration { dispute_until } => {
                vec![("dispute_until", Day(*dispute_until))]
            }
            Lesson::RejectedMissingProducts {
                dispute_until,
                days,
            } => vec![
                ("dispute_until", Day(*dispute_until)),
                ("count", Count(*days)),
            ],
            Lesson::CompetingClaimSubmitted {
                with,
                review_start_by,
            } => vec![
                ("with", Param::Claim(*with)),
                ("review_start_by", Day(*review_start_by)),
            ],
            Lesson::ReviewOverdue { was_due } => vec![("was_due", Day(*was_due))],
            Lesson::RejectionRequested
            | Lesson::NewClaimStarted
            | Lesson::PartnerIdCorrected
            | Lesson::NewClaimAfterWindow
            | Lesson::PoeCompleted => Vec::new(),
        }
    }

    /// The deadlines the lesson names, each with its clock: after the step, the latest
    /// clock of that kind on the step's claim must be due at the end of that day.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::scenarios::Lesson;
    /// use jiff::civil::date;
    ///
    /// let lesson = Lesson::Approved { consent_until: date(2026, 4, 16), days: 7 };
    /// assert_eq!(lesson.named_deadlines(), [(ClockKind::CustomerConsent, date(2026, 4, 16))]);
    /// ```
    pub fn named_deadlines(&self) -> Vec<(ClockKind, Date)> {
        match self {
            Lesson::Submitted {
                review_start_by,
                decision_by,
            } => vec![
                (ClockKind::ReviewStart, *review_start_by),
                (ClockKind::DecisionTarget, *decision_by),
            ],
            Lesson::ReviewStarted { decide_by } => vec![(ClockKind::ReviewDecision, *decide_by)],
            Lesson::Responded {
                decide_by,
                decision_by,
            }
            | Lesson::RespondedOnLastDay {
                decide_by,
                decision_by,
            } => vec![
                (ClockKind::ReviewDecision, *decide_by),
                (ClockKind::DecisionTarget, *decision_by),
            ],
            Lesson::InformationRequested { respond_by, .. }
            | Lesson::InformationRequestedOverHoliday { respond_by, .. }
            | Lesson::PoeAddedWhileWaiting { respond_by } => {
                vec![(ClockKind::PartnerResponse, *respond_by)]
            }
            Lesson::Approved { consent_until, .. } | Lesson::Overturned { consent_until, .. } => {
                vec![(ClockKind::CustomerConsent, *consent_until)]
            }
            Lesson::ConsentEnded { last_day } => vec![(ClockKind::CustomerConsent, *last_day)],
            Lesson::NoResponseRejected {
                missed,
                dispute_until,
            } => vec![
                (ClockKind::PartnerResponse, *missed),
                (ClockKind::DisputeWindow, *dispute_until),
            ],
            Lesson::Disputed { review_by } => vec![(ClockKind::DisputeReview, *review_by)],
            Lesson::CustomerDeclined { dispute_until }
            | Lesson::LostArbitration { dispute_until }
            | Lesson::RejectedMissingProducts { dispute_until, .. } => {
                vec![(ClockKind::DisputeWindow, *dispute_until)]
            }
            Lesson::DisputeWindowClosed { last_day } => {
                vec![(ClockKind::DisputeWindow, *last_day)]
            }
            Lesson::CompetingClaimSubmitted {
                review_start_by, ..
            } => vec![(ClockKind::ReviewStart, *review_start_by)],
            Lesson::ReviewOverdue { was_due } => vec![(ClockKind::ReviewDecision, *was_due)],
            Lesson::RejectionRequested
            | Lesson::NewClaimStarted
            | Lesson::PartnerIdCorrected
            | Lesson::NewClaimAfterWindow
            | Lesson::PoeCompleted => Vec::new(),
        }
    }

    /// The clock lengths the lesson states, with how they count: each must be the
    /// policy's.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::scenarios::{DayCount, Lesson};
    /// use jiff::civil::date;
    ///
    /// let lesson = Lesson::InformationRequested { respond_by: date(2026, 6, 10), days: 5 };
    /// assert_eq!(lesson.named_lengths(), [(ClockKind::PartnerResponse, 5, DayCount::Business)]);
    /// ```
    pub fn named_lengths(&self) -> Vec<(ClockKind, u32, DayCount)> {
        match self {
            Lesson::InformationRequested { days, .. }
            | Lesson::InformationRequestedOverHoliday { days, .. } => {
                vec![(ClockKind::PartnerResponse, *days, DayCount::Business)]
            }
            Lesson::Approved { days, .. } | Lesson::Overturned { days, .. } => {
                vec![(ClockKind::CustomerConsent, *days, DayCount::Calendar)]
            }
            Lesson::RejectedMissingProducts { days, .. } => {
                vec![(ClockKind::DisputeWindow, *days, DayCount::Calendar)]
            }
            Lesson::Submitted { .. }
            | Lesson::ReviewStarted { .. }
            | Lesson::PoeAddedWhileWaiting { .. }
            | Lesson::Responded { .. }
            | Lesson::RespondedOnLastDay { .. }
            | Lesson::ConsentEnded { .. }
            | Lesson::NoResponseRejected { .. }
            | Lesson::Disputed { .. }
            | Lesson::CustomerDeclined { .. }
            | Lesson::RejectionRequested
            | Lesson::NewClaimStarted
            | Lesson::PartnerIdCorrected
            | Lesson::CompetingClaimSubmitted { .. }
            | Lesson::ReviewOverdue { .. }
            | Lesson::LostArbitration { .. }
            | Lesson::DisputeWindowClosed { .. }
            | Lesson::NewClaimAfterWindow
            | Lesson::PoeCompleted => Vec::new(),
        }
    }
}

/// The policy's length of `clock` and how it counts.
pub(super) fn policy_length(policy: &Policy, clock: ClockKind) -> (u32, DayCount) {
    match clock {
        ClockKind::ReviewStart => (policy.review_start_business_days, DayCount::Business),
        ClockKind::ReviewDecision => (policy.review_decision_business_days, DayCount::Business),
        ClockKind::PartnerResponse => (policy.partner_response_business_days, DayCount::Business),
        ClockKind::CustomerConsent => match policy.consent {
            ConsentRule::CalendarDays(days) => (days, DayCount::Calendar),
            ConsentRule::BusinessDays(days) => (days, DayCount::Business),
        },
        ClockKind::DisputeWindow => (policy.dispute_window_days, DayCount::Calendar),
        ClockKind::DisputeReview => (policy.dispute_review_business_days, DayCount::Business),
        ClockKind::DecisionTarget => (policy.decision_target_business_days, DayCount::Business),
    }
}

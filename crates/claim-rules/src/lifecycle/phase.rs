//! The phase: a finer view of the status, with the dates that matter in it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::deadlines::{self, ClockKind, Rules};
use crate::history::{last_rejection, ActionKind, HistoryEntry, RejectionReason};
use crate::model::{Claim, Status};

use super::advance::advance;
use super::permissions::dispute_window;

/// A finer view of the status, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Being prepared (Partner Center: *Editing*).
    Draft,
    /// Submitted; waiting for a reviewer to start.
    AwaitingReview,
    /// A reviewer is reviewing it.
    UnderReview,
    /// Waiting for the partner to respond to an information request.
    PartnerActionRequired {
        /// The partner response deadline.
        respond_by: Option<Timestamp>,
    },
    /// Approved; the customer can still decline until the consent period ends.
    ConsentPeriod {
        /// When the consent period ends.
        until: Timestamp,
    },
    /// Approved and the consent period is over: the association is official and the
    /// claim goes to incentive eligibility evaluation.
    Official {
        /// When the consent period ended (`None` when the history does not say).
        since: Option<Timestamp>,
    },
    /// Rejected.
    Rejected {
        /// Why (`None` when the history does not say).
        reason: Option<RejectionReason>,
        /// Until when it can be disputed; `None` when it cannot (final).
        disputable_until: Option<Timestamp>,
    },
    /// Disputed; waiting for the dispute review.
    Disputed,
}

impl Phase {
    /// A stable machine code (snake case).
    pub fn code(&self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::AwaitingReview => "awaiting_review",
            Phase::UnderReview => "under_review",
            Phase::PartnerActionRequired { .. } => "partner_action_required",
            Phase::ConsentPeriod { .. } => "consent_period",
            Phase::Official { .. } => "official",
            Phase::Rejected { .. } => "rejected",
            Phase::Disputed => "disputed",
        }
    }

    /// The phase's name in plain English.
    pub fn display_name(&self) -> &'static str {
        match self {
            Phase::Draft => "Draft",
            Phase::AwaitingReview => "Awaiting review",
            Phase::UnderReview => "Under review",
            Phase::PartnerActionRequired { .. } => "Partner action required",
            Phase::ConsentPeriod { .. } => "Approved — consent period",
            Phase::Official { .. } => "Approved — official",
            Phase::Rejected { .. } => "Rejected",
            Phase::Disputed => "Disputed",
        }
    }
}

/// The claim's phase at `now` (after applying due system transitions).
pub fn phase(claim: &Claim, now: Timestamp, rules: &Rules) -> Phase {
    let claim = advance(claim, now, rules);
    let clocks = deadlines::deadlines(&claim, rules);
    match claim.status {
        Status::Draft => Phase::Draft,
        Status::Submitted => Phase::AwaitingReview,
        Status::UnderReview => Phase::UnderReview,
        Status::PartnerActionRequired => Phase::PartnerActionRequired {
            respond_by: deadlines::open_clock(&clocks, ClockKind::PartnerResponse)
                .map(|clock| clock.due),
        },
        Status::Approved => match deadlines::open_clock(&clocks, ClockKind::CustomerConsent) {
            Some(clock) => Phase::ConsentPeriod { until: clock.due },
            None => Phase::Official {
                since: claim
                    .history
                    .iter()
                    .rev()
                    .take_while(|entry| {
                        !matches!(
                            entry.action,
                            ActionKind::Approve | ActionKind::OverturnRejection
                        )
                    })
                    .find(|entry| entry.action == ActionKind::ConsentEnded)
                    .map(|entry| entry.at),
            },
        },
        Status::Rejected => Phase::Rejected {
            reason: last_rejection(&claim.history)
                .and_then(HistoryEntry::rejection_reason)
                .cloned(),
            disputable_until: dispute_window(&claim, now, rules).ok(),
        },
        Status::Disputed => Phase::Disputed,
    }
}

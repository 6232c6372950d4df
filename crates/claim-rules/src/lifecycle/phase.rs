//! The phase: a finer view of the status, with the dates that matter in it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::deadlines::{self, ClockKind, Rules};
use crate::history::{last_rejection, ActionKind, HistoryEntry, RejectionReason};
use crate::model::{Claim, Status};

use super::advance::advance;
use super::permissions::dispute_window;

/// A finer view of the status, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(PhaseKind),
    derive(strum::EnumIter, Hash, PartialOrd, Ord, Serialize),
    serde(rename_all = "snake_case")
)]
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
    /// A stable machine code (snake case): the catalogue key `phase.<code>` names it.
    ///
    /// ```
    /// use claim_rules::lifecycle::Phase;
    ///
    /// assert_eq!(Phase::Official { since: None }.code(), "official");
    /// ```
    pub fn code(&self) -> &'static str {
        PhaseKind::from(self).code()
    }

    /// The status this phase refines.
    pub fn status(&self) -> Status {
        PhaseKind::from(self).status()
    }
}

impl PhaseKind {
    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            PhaseKind::Draft => "draft",
            PhaseKind::AwaitingReview => "awaiting_review",
            PhaseKind::UnderReview => "under_review",
            PhaseKind::PartnerActionRequired => "partner_action_required",
            PhaseKind::ConsentPeriod => "consent_period",
            PhaseKind::Official => "official",
            PhaseKind::Rejected => "rejected",
            PhaseKind::Disputed => "disputed",
        }
    }

    /// The status this phase refines.
    ///
    /// ```
    /// use claim_rules::lifecycle::PhaseKind;
    /// use claim_rules::model::Status;
    ///
    /// assert_eq!(PhaseKind::Official.status(), Status::Approved);
    /// assert_eq!(PhaseKind::AwaitingReview.status(), Status::Submitted);
    /// ```
    pub fn status(self) -> Status {
        match self {
            PhaseKind::Draft => Status::Draft,
            PhaseKind::AwaitingReview => Status::Submitted,
            PhaseKind::UnderReview => Status::UnderReview,
            PhaseKind::PartnerActionRequired => Status::PartnerActionRequired,
            PhaseKind::ConsentPeriod | PhaseKind::Official => Status::Approved,
            PhaseKind::Rejected => Status::Rejected,
            PhaseKind::Disputed => Status::Disputed,
        }
    }

    /// The phase a status is in when nothing finer is known: `Approved` is the consent
    /// period until a `ConsentEnded` entry makes it official.
    fn of_status(status: Status) -> PhaseKind {
        match status {
            Status::Draft => PhaseKind::Draft,
            Status::Submitted => PhaseKind::AwaitingReview,
            Status::UnderReview => PhaseKind::UnderReview,
            Status::PartnerActionRequired => PhaseKind::PartnerActionRequired,
            Status::Approved => PhaseKind::ConsentPeriod,
            Status::Rejected => PhaseKind::Rejected,
            Status::Disputed => PhaseKind::Disputed,
        }
    }

    /// Every phase, in lifecycle order.
    pub fn all() -> impl Iterator<Item = PhaseKind> {
        <PhaseKind as strum::IntoEnumIterator>::iter()
    }
}

/// One stretch of a claim's life in one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PhaseSpan {
    /// The phase.
    pub kind: PhaseKind,
    /// When it began (the entry that entered it).
    pub from: Timestamp,
    /// When it ended: the next phase's start, or `now` for the current one.
    pub to: Timestamp,
}

/// The phases a claim went through, oldest first, from its history up to `now`: what a
/// timeline draws. An approval is the consent period until `ConsentEnded` makes it
/// official; entries that do not change the phase (edits, comments, …) extend the span.
/// Pass the claim advanced to `now` ([`advance`]) so due transitions are included.
///
/// ```
/// use claim_rules::lifecycle::{new_claim, phase_spans, PhaseKind};
///
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let later: jiff::Timestamp = "2026-04-07T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), at, Default::default());
/// let spans = phase_spans(&draft, later);
/// assert_eq!(spans.len(), 1);
/// assert_eq!((spans[0].kind, spans[0].from, spans[0].to), (PhaseKind::Draft, at, later));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn phase_spans(claim: &Claim, now: Timestamp) -> Vec<PhaseSpan> {
    let mut spans: Vec<PhaseSpan> = Vec::new();
    for entry in &claim.history {
        let current = spans.last().map(|span| span.kind);
        let kind = match (entry.action, current) {
            (ActionKind::ConsentEnded, _) => PhaseKind::Official,
            // Official stays official through comments, archiving and the like.
            (_, Some(PhaseKind::Official)) if entry.to == Status::Approved => PhaseKind::Official,
            _ => PhaseKind::of_status(entry.to),
        };
        if current == Some(kind) {
            continue;
        }
        if let Some(last) = spans.last_mut() {
            last.to = entry.at;
        }
        spans.push(PhaseSpan {
            kind,
            from: entry.at,
            to: entry.at,
        });
    }
    if let Some(last) = spans.last_mut() {
        last.to = now.max(last.from);
    }
    spans
}

/// The claim's phase at `now` (after applying due system transitions), with the dates
/// that matter in it.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{new_claim, phase, Phase};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), at, Default::default());
/// assert_eq!(phase(&draft, at, &rules), Phase::Draft);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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

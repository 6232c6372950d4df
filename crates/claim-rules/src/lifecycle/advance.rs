//! System transitions: what happens by itself when a deadline passes.

use jiff::Timestamp;

use crate::deadlines::{self, ClockKind, Rules};
use crate::history::{ActionKind, RejectionReason};
use crate::model::{Actor, Claim, Status};

use super::perform::{record, Outcome, Stamp};

/// Apply every system transition due at or before `now`, each stamped at its deadline
/// (`at` and `recorded_at`), by the system:
///
/// * `PartnerActionRequired` whose partner response deadline has passed → `Rejected`
///   (`PartnerResponseExpired`, reason [`RejectionReason::NoPartnerResponse`]);
/// * `Approved` whose consent period has ended → stays `Approved`, official
///   (`ConsentEnded`).
///
/// Transitions chain when one leads to another, in deadline order. Idempotent:
/// `advance(&advance(c, t, r), t, r) == advance(c, t, r)`. Each entry raises the revision
/// by one; `updated_at` becomes the later of its old value and the deadline.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::history::{ActionKind, InformationReason};
/// use claim_rules::lifecycle::{advance, apply, Action};
/// use claim_rules::model::{Actor, Claim, Status};
/// use claim_rules::policy::Policy;
/// # fn under_review() -> Claim {
/// #     let at: jiff::Timestamp = "2026-04-07T10:00:00-07:00".parse().unwrap();
/// #     let mut claim = claim_rules::lifecycle::new_claim(uuid::Uuid::nil(), at, Default::default());
/// #     claim.status = Status::UnderReview;
/// #     claim.history[0].to = Status::UnderReview;
/// #     claim
/// # }
///
/// let rules = Rules::new(Policy::default())?;
/// // Wednesday 2026-04-08: a reviewer asks for more information.
/// let wednesday: jiff::Timestamp = "2026-04-08T10:00:00-07:00".parse()?;
/// let request = Action::RequestInformation {
///     reasons: vec![InformationReason::MissingCustomerAcknowledgment],
///     comment: "The PoE needs the customer's signature.".into(),
///     products_to_remove: vec![],
/// };
/// let claim = apply(&under_review(), request, Actor::Reviewer, wednesday, wednesday, &rules)?;
///
/// // No response within 5 business days: rejected at the end of Wednesday 04-15.
/// let later: jiff::Timestamp = "2026-04-20T09:00:00-07:00".parse()?;
/// let advanced = advance(&claim, later, &rules);
/// assert_eq!(advanced.status, Status::Rejected);
/// let entry = advanced.history.last().unwrap();
/// assert_eq!(entry.action, ActionKind::PartnerResponseExpired);
/// assert_eq!(entry.at, "2026-04-16T00:00:00-07:00".parse()?);
/// assert_eq!(advance(&advanced, later, &rules), advanced);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn advance(claim: &Claim, now: Timestamp, rules: &Rules) -> Claim {
    advance_with_clocks(claim, now, rules).0
}

/// [`advance`], with the advanced claim's clocks ([`deadlines::deadlines`] of it), which
/// it works out on the way.
pub(crate) fn advance_with_clocks(
    claim: &Claim,
    now: Timestamp,
    rules: &Rules,
) -> (Claim, Vec<deadlines::Deadline>) {
    let mut current = claim.clone();
    // Each transition ends a window that no later transition reopens; the bound only
    // guards against damaged data.
    for _ in 0..=ClockKind::ALL.len() {
        let clocks = deadlines::deadlines(&current, rules);
        let due = clocks
            .iter()
            .filter(|clock| clock.end.is_none() && clock.due <= now)
            .filter_map(|clock| {
                system_transition(clock.kind, current.status).map(|t| (clock.due, t))
            })
            .min_by_key(|(due, _)| *due);
        let Some((due, (action, outcome))) = due else {
            return (current, clocks);
        };
        let at = current
            .history
            .last()
            .map_or(due, |previous| previous.at.max(due));
        let updated_at = current.updated_at.max(at);
        let stamp = Stamp {
            actor: Actor::System,
            at,
            recorded_at: at,
        };
        current = record(current, action, stamp, outcome);
        current.updated_at = updated_at;
    }
    let clocks = deadlines::deadlines(&current, rules);
    (current, clocks)
}

pub(super) fn system_transition(clock: ClockKind, status: Status) -> Option<(ActionKind, Outcome)> {
    match clock {
        ClockKind::PartnerResponse if status == Status::PartnerActionRequired => Some((
            ActionKind::PartnerResponseExpired,
            Outcome::rejected(RejectionReason::NoPartnerResponse),
        )),
        ClockKind::CustomerConsent if status == Status::Approved => {
            Some((ActionKind::ConsentEnded, Outcome::to(Status::Approved)))
        }
        ClockKind::PartnerResponse
        | ClockKind::CustomerConsent
        | ClockKind::ReviewStart
        | ClockKind::ReviewDecision
        | ClockKind::DisputeWindow
        | ClockKind::DisputeReview
        | ClockKind::DecisionTarget => None,
    }
}

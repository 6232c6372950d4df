//! A claim's summary gives the same status, next deadline and competing claims as the
//! full claim, at any moment, for claims the lifecycle made and for damaged histories.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use std::collections::BTreeSet;

use claim_rules::catalog::Product;
use claim_rules::deadlines::{self, Rules};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use claim_rules::lifecycle::{self, advance, Action};
use claim_rules::model::{Actor, Claim, ClaimedProduct, Status};
use claim_rules::summary::{competing_claims, ClaimSummary};
use claim_rules::validation;
use fixtures::*;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// A plausible action for the status, chosen by `variant`, so random walks reach every
/// status and take the edits, PoE and comments the summary leaves out along the way.
fn next_action(claim: &Claim, variant: u8) -> (Actor, Action) {
    use Actor::{Customer, Partner, Reviewer};
    let edit = |claim: &Claim| {
        let mut fields = claim.fields.clone();
        fields.partner_id = format!("{}", 1_000_000 + u32::from(variant));
        Action::edit(fields)
    };
    let comment = Action::Comment {
        text: format!("Note {variant}"),
    };
    let choices: Vec<(Actor, Action)> = match claim.status {
        Status::Draft => vec![
            (Partner, Action::Submit),
            (Partner, edit(claim)),
            (Partner, Action::AddPoe(poe(u128::from(variant % 4)))),
            (Partner, comment),
        ],
        Status::Submitted => vec![
            (Reviewer, Action::StartReview),
            (Partner, edit(claim)),
            (Partner, comment),
            (Partner, Action::AddPoe(poe(u128::from(variant % 4) + 10))),
        ],
        Status::UnderReview => vec![
            (Reviewer, Action::Approve),
            (Reviewer, request_information()),
            (
                Reviewer,
                Action::Reject {
                    reason: ReviewerRejectionReason::InsufficientPoe,
                },
            ),
            (Partner, comment),
        ],
        Status::PartnerActionRequired => vec![
            (
                Partner,
                Action::Respond {
                    comment: "Signed SOW attached.".into(),
                },
            ),
            (Partner, Action::AddPoe(poe(u128::from(variant % 4) + 20))),
            (Partner, comment),
            (
                Partner,
                Action::RequestRejection {
                    reason: PartnerRejectionReason::WrongActivity,
                },
            ),
        ],
        Status::Approved => vec![
            (Customer, Action::CustomerDecline),
            (Partner, Action::Archive),
            (Partner, comment),
            (Partner, Action::Unarchive),
        ],
        Status::Rejected => vec![
            (
                Partner,
                Action::Dispute {
                    justification: "The SOW is signed.".into(),
                    poe: Vec::new(),
                },
            ),
            (Partner, Action::Archive),
            (Partner, comment),
            (Partner, Action::Unarchive),
        ],
        Status::Disputed => vec![
            (Reviewer, Action::UpholdRejection),
            (Reviewer, Action::OverturnRejection),
            (Partner, comment),
            (
                Reviewer,
                Action::RequestInformation {
                    reasons: vec![InformationReason::MissingProducts],
                    comment: String::new(),
                    products_to_remove: Vec::new(),
                },
            ),
        ],
    };
    let index = usize::from(variant) % choices.len();
    choices.into_iter().nth(index).unwrap_or((
        Partner,
        Action::Comment {
            text: "fallback".into(),
        },
    ))
}

/// A claim after random steps `(minutes later, variant)`; refused steps are skipped.
fn walk(steps: &[(i64, u8)], rules: &Rules) -> (Claim, Timestamp) {
    let mut claim = lifecycle::new_claim(id(1), t(CREATED), valid_fields());
    let mut now = t(CREATED);
    for (minutes, variant) in steps {
        now = now
            .saturating_add(SignedDuration::from_mins(*minutes))
            .unwrap_or(now);
        let (actor, action) = next_action(&claim, *variant);
        if let Ok(next) = lifecycle::apply(&claim, action, actor, now, now, rules) {
            claim = next;
        }
    }
    (claim, now)
}

/// The summary agrees with the claim at `now`.
fn check_at(claim: &Claim, now: Timestamp, rules: &Rules) -> Result<(), TestCaseError> {
    let advanced = advance(claim, now, rules);
    let summary = ClaimSummary::of(claim).advanced(now, rules);
    prop_assert_eq!(&summary, &ClaimSummary::of(&advanced));
    prop_assert_eq!(summary.status, advanced.status);
    let next = deadlines::next_deadline(&advanced, rules, now);
    prop_assert_eq!(&summary.next_deadline(rules, now), &next);
    // Both at once, as the dashboard asks them.
    let (at_once, next_at_once) = ClaimSummary::of(claim).advanced_with_next(now, rules);
    prop_assert_eq!(&at_once, &summary);
    prop_assert_eq!(next_at_once, next);
    Ok(())
}

fn step() -> impl Strategy<Value = (i64, u8)> {
    (
        prop_oneof![Just(0i64), 1i64..600, 600i64..(60 * 24 * 20)],
        any::<u8>(),
    )
}

fn later() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), 1i64..(60 * 24), (60i64 * 24)..(60 * 24 * 60)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn summary_gives_the_claims_status_and_next_deadline(
        steps in prop::collection::vec(step(), 0..30),
        minutes_later in prop::collection::vec(later(), 1..4),
    ) {
        let rules = rules();
        let (claim, now) = walk(&steps, &rules);
        for minutes in minutes_later {
            let at = now.saturating_add(SignedDuration::from_mins(minutes)).unwrap_or(now);
            check_at(&claim, at, &rules)?;
        }
    }

    /// Damage: entries whose `to` or action no longer match the lifecycle (an edited
    /// file, an old app's bug). The summary must still agree with the claim.
    #[test]
    fn summary_agrees_with_damaged_histories(
        steps in prop::collection::vec(step(), 1..25),
        damage in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
        minutes_later in later(),
    ) {
        let rules = rules();
        let (mut claim, now) = walk(&steps, &rules);
        for (index, status, mode) in damage {
            let count = claim.history.len();
            let index = index % count;
            let status = Status::ALL[usize::from(status) % Status::ALL.len()];
            claim.history[index].to = status;
            match mode % 4 {
                // Only the status an entry led to.
                0 => {}
                // The action too.
                1 => {
                    claim.history[index].action =
                        ActionKind::ALL[usize::from(mode / 4) % ActionKind::ALL.len()];
                }
                // The chain stays linked: the next entry starts from the damaged status.
                2 => {
                    if let Some(next) = claim.history.get_mut(index + 1) {
                        next.from = Some(status);
                    }
                }
                // The next entry stays in the damaged status (an edit or a comment there).
                _ => {
                    if let Some(next) = claim.history.get_mut(index + 1) {
                        next.from = Some(status);
                        next.to = status;
                    }
                }
            }
        }
        if let Some(last) = claim.history.last() {
            claim.status = last.to;
        }
        let at = now.saturating_add(SignedDuration::from_mins(minutes_later)).unwrap_or(now);
        check_at(&claim, at, &rules)?;
    }

    #[test]
    fn competing_summaries_are_the_competing_claims(
        walks in prop::collection::vec(prop::collection::vec(step(), 0..12), 2..6),
        shared in prop::collection::vec(any::<bool>(), 6),
    ) {
        let rules = rules();
        let mut claims = Vec::new();
        let mut latest = t(CREATED);
        for (n, steps) in walks.iter().enumerate() {
            let (mut claim, now) = walk(steps, &rules);
            claim.id = id(100 + n as u128);
            if !shared[n] {
                claim.fields.tenant_id = id(500 + n as u128).to_string();
            }
            if n % 2 == 1 {
                claim.fields.products.push(ClaimedProduct {
                    product: Product::Dynamics365Sales,
                    several_subscriptions: true,
                    subscription_id: id(900 + (n as u128 % 3)).to_string(),
                });
            }
            latest = latest.max(now);
            claims.push(claim);
        }
        let advanced: Vec<Claim> = claims.iter().map(|c| advance(c, latest, &rules)).collect();
        let summaries: Vec<ClaimSummary> = claims
            .iter()
            .map(|c| ClaimSummary::of(c).advanced(latest, &rules))
            .collect();
        prop_assert_eq!(competing_claims(&summaries), validation::competing_claims(&advanced));
    }
}

#[test]
fn a_full_lifecycle_keeps_only_the_entries_clocks_read() {
    let flow = Flow::ready_draft()
        .act(
            Actor::Partner,
            Action::Comment {
                text: "Draft ready.".into(),
            },
            CREATED,
        )
        .act(Actor::Partner, Action::Submit, SUBMITTED)
        .act(Actor::Reviewer, Action::StartReview, REVIEW_STARTED)
        .act(Actor::Reviewer, request_information(), INFO_REQUESTED)
        .act(
            Actor::Partner,
            Action::AddPoe(poe(2)),
            "2026-04-09T09:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Respond {
                comment: "Signed SOW attached.".into(),
            },
            "2026-04-09T10:00:00-07:00",
        )
        .act(
            Actor::Reviewer,
            Action::Approve,
            "2026-04-10T10:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Comment {
                text: "Thanks!".into(),
            },
            "2026-04-10T11:00:00-07:00",
        );
    let summary = ClaimSummary::of(&flow.claim);
    let kept: Vec<ActionKind> = summary.clock_history.iter().map(|e| e.action).collect();
    assert_eq!(
        kept,
        [
            ActionKind::Create,
            ActionKind::Submit,
            ActionKind::StartReview,
            ActionKind::RequestInformation,
            ActionKind::Respond,
            ActionKind::Approve,
            // The last entry stays: system transitions are stamped no earlier than it.
            ActionKind::Comment,
        ]
    );
    assert!(summary
        .clock_history
        .iter()
        .all(|e| e.changes.is_empty() && e.comment.is_empty() && e.detail.is_none()));
    let full = serde_json::to_string(&flow.claim).unwrap_or_default().len();
    let compact = serde_json::to_string(&summary).unwrap_or_default().len();
    assert!(
        compact * 2 < full,
        "summary {compact} bytes, claim {full} bytes"
    );
    let activities: BTreeSet<_> = summary.activities.iter().copied().collect();
    assert_eq!(activities, flow.claim.fields.activities);
}

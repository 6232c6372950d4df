//! Properties of the lifecycle under random action sequences by random actors.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::catalog::Product;
use claim_rules::deadlines::deadlines;
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use claim_rules::lifecycle::{
    self, advance, allowed_actions, start_new_claim_from, Action, Refusal, RefusalCode,
};
use claim_rules::model::{Actor, Claim, ClaimedProduct, PoeChecklist, Status};
use fixtures::*;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// One random step: what, by whom, how long after the previous step, and variations.
#[derive(Debug, Clone)]
struct Step {
    action: u8,
    actor: Actor,
    /// Minutes after the previous step's effective time (0 = the same instant).
    minutes_later: i64,
    /// Try to take effect before the previous entry.
    backdate: bool,
    /// Minutes between taking effect and being recorded.
    recorded_delay: i64,
    /// Chooses between variants of the action's parameters.
    variant: u8,
    /// Replace action and actor by a plausible one for the claim's status.
    guided: bool,
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        4 => Just(Actor::Partner),
        4 => Just(Actor::Reviewer),
        2 => Just(Actor::Customer),
        1 => Just(Actor::System),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..21,
        actor(),
        prop_oneof![Just(0i64), 1i64..180, 180i64..(60 * 24 * 12)],
        prop::bool::weighted(0.05),
        prop_oneof![4 => Just(0i64), 1 => 1i64..(60 * 24 * 3)],
        any::<u8>(),
        prop::bool::weighted(0.7),
    )
        .prop_map(
            |(action, actor, minutes_later, backdate, recorded_delay, variant, guided)| Step {
                action,
                actor,
                minutes_later,
                backdate,
                recorded_delay,
                variant,
                guided,
            },
        )
}

/// What a step does: an action, or starting a new claim from this one.
enum Move {
    Act(Action),
    Restart,
}

/// A plausible next step for the claim's status (so that random sequences reach every
/// status), chosen by `variant`: the action number and the actor.
fn guided(status: Status, variant: u8) -> (u8, Actor) {
    use Actor::{Customer, Partner, Reviewer};
    let choices: &[(u8, Actor)] = match status {
        Status::Draft => &[(6, Partner), (6, Partner), (3, Partner), (0, Partner)],
        Status::Submitted => &[(7, Reviewer), (7, Reviewer), (13, Partner), (0, Partner)],
        Status::UnderReview => &[(8, Reviewer), (10, Reviewer), (11, Reviewer), (13, Partner)],
        Status::PartnerActionRequired => {
            &[(9, Partner), (3, Partner), (17, Partner), (13, Partner)]
        }
        Status::Approved => &[(12, Customer), (13, Partner), (18, Partner), (17, Customer)],
        Status::Rejected => &[(14, Partner), (14, Partner), (20, Partner), (18, Partner)],
        Status::Disputed => &[
            (15, Reviewer),
            (16, Reviewer),
            (17, Reviewer),
            (17, Partner),
        ],
    };
    choices[usize::from(variant) % choices.len()]
}

fn make_move(step: &Step, claim: &Claim) -> Move {
    let v = step.variant;
    let action = if step.guided {
        guided(claim.status, v / 7).0
    } else {
        step.action
    };
    let text = |v: u8| match v % 8 {
        0 => String::new(),
        1 => "   ".to_string(),
        2 => "x".repeat(4001),
        _ => "Signed SOW attached.".to_string(),
    };
    let action = match action {
        0 => {
            let mut fields = claim.fields.clone();
            fields.partner_id = format!("{}", 1_000_000 + u32::from(v));
            Action::edit(fields)
        }
        1 => {
            let mut fields = claim.fields.clone();
            fields.name = format!("Claim {v}");
            Action::edit(fields)
        }
        2 => {
            let mut fields = claim.fields.clone();
            if v.is_multiple_of(2) {
                fields.products.clear();
            } else {
                fields.products = vec![ClaimedProduct::new(Product::ExchangeOnline)];
            }
            Action::edit(fields)
        }
        3 => Action::AddPoe(poe(u128::from(v % 8))),
        4 => Action::RemovePoe(
            claim
                .poe
                .get(usize::from(v % 3))
                .map_or(id(9999), |document| document.id),
        ),
        5 => Action::SetPoeChecklist(PoeChecklist {
            about_this_claim: v & 1 != 0,
            customer_acknowledgment: v & 2 != 0,
            dates_recent: v & 4 != 0,
            solution_described: v & 8 != 0,
            products_named: v & 16 != 0,
        }),
        6 => Action::Submit,
        7 => Action::StartReview,
        8 => Action::RequestInformation {
            reasons: if v.is_multiple_of(5) {
                Vec::new()
            } else {
                vec![InformationReason::MissingOrOldDates]
            },
            comment: text(v / 5),
            products_to_remove: if v.is_multiple_of(7) {
                vec![Product::MicrosoftViva]
            } else {
                Vec::new()
            },
        },
        9 => Action::Respond { comment: text(v) },
        10 => Action::Approve,
        11 => Action::Reject {
            reason: if v.is_multiple_of(3) {
                ReviewerRejectionReason::Other(text(v / 3))
            } else {
                ReviewerRejectionReason::InsufficientPoe
            },
        },
        12 => Action::CustomerDecline,
        13 => Action::RequestRejection {
            reason: if v.is_multiple_of(3) {
                PartnerRejectionReason::Other(text(v / 3))
            } else {
                PartnerRejectionReason::WrongMpn
            },
        },
        14 => Action::Dispute {
            justification: text(v),
            poe: if v.is_multiple_of(2) {
                vec![poe(100 + u128::from(v))]
            } else {
                Vec::new()
            },
        },
        15 => Action::UpholdRejection,
        16 => Action::OverturnRejection,
        17 => Action::Comment { text: text(v) },
        18 => Action::Archive,
        19 => Action::Unarchive,
        _ => return Move::Restart,
    };
    Move::Act(action)
}

/// The actor of a step on this claim.
fn actor_of(step: &Step, claim: &Claim) -> Actor {
    if step.guided {
        guided(claim.status, step.variant / 7).1
    } else {
        step.actor
    }
}

fn minutes(n: i64) -> SignedDuration {
    SignedDuration::from_mins(n)
}

/// The invariants of every claim the lifecycle returns.
fn check_invariants(claim: &Claim) -> Result<(), TestCaseError> {
    let last = claim.history.last();
    prop_assert!(last.is_some(), "a claim has history");
    if let Some(last) = last {
        prop_assert_eq!(claim.status, last.to, "status is the last entry's `to`");
    }
    // Each write raises the revision; merged draft edits leave fewer entries than writes.
    prop_assert!(claim.revision >= claim.history.len() as u64);
    for pair in claim.history.windows(2) {
        prop_assert!(pair[0].at <= pair[1].at, "history ordered");
        prop_assert_eq!(pair[1].from, Some(pair[0].to), "entries chain");
    }
    Ok(())
}

/// `new` extends `old`: old history is a prefix, then zero or more system entries, then
/// (when `action` is given) exactly one entry of that action by that actor; or a
/// partner's draft edit merged into the previous draft edit (which it replaces, or
/// removes when nothing is left changed). Either way the revision rises by one per entry
/// written.
fn check_extends(
    old: &Claim,
    new: &Claim,
    action: Option<(ActionKind, Actor, Timestamp)>,
) -> Result<(), TestCaseError> {
    if let Some((kind, actor, at)) = action {
        if new.history.len() <= old.history.len() {
            prop_assert_eq!(kind, ActionKind::Edit);
            prop_assert_eq!(actor, Actor::Partner);
            prop_assert_eq!(old.status, Status::Draft);
            prop_assert_eq!(new.revision, old.revision + 1);
            let kept = old.history.len() - 1;
            prop_assert!(new.history.len() >= kept);
            prop_assert_eq!(&new.history[..kept], &old.history[..kept]);
            if let Some(merged) = new.history.get(kept) {
                prop_assert_eq!(merged.action, ActionKind::Edit);
                prop_assert_eq!(merged.at, at);
                prop_assert!(!merged.changes.is_empty());
            }
            return Ok(());
        }
    }
    let added = new.history.len() - old.history.len();
    prop_assert_eq!(new.revision, old.revision + added as u64);
    prop_assert!(new.history.len() >= old.history.len());
    prop_assert_eq!(&new.history[..old.history.len()], &old.history[..]);
    let added = &new.history[old.history.len()..];
    let (system, user) = match action {
        Some(_) => {
            prop_assert!(!added.is_empty());
            added.split_at(added.len() - 1)
        }
        None => (added, &[][..]),
    };
    for entry in system {
        prop_assert_eq!(entry.actor, Actor::System);
        prop_assert!(entry.action.is_system());
        prop_assert_eq!(entry.recorded_at, entry.at);
    }
    if let (Some((kind, actor, at)), Some(entry)) = (action, user.first()) {
        prop_assert_eq!(entry.action, kind);
        prop_assert_eq!(entry.actor, actor);
        prop_assert_eq!(entry.at, at);
    }
    Ok(())
}

fn check_refusal(refusal: &Refusal) -> Result<(), TestCaseError> {
    // Every refusal is one of the known codes, and serialises with it.
    prop_assert!(RefusalCode::all().any(|code| code.code() == refusal.code()));
    let json = serde_json::to_value(refusal).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&json["code"], refusal.code());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_keep_the_history_invariants(
        ready in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let start = if ready { Flow::ready_draft() } else { Flow::new_draft() };
        let rules = start.rules;
        let mut claim = start.claim;
        let mut now = t(CREATED);
        for step in &steps {
            now = now.saturating_add(minutes(step.minutes_later)).unwrap_or(now);
            let effective_at = if step.backdate {
                now.saturating_sub(minutes(90)).unwrap_or(now)
            } else {
                now
            };
            let recorded_at = effective_at
                .saturating_add(minutes(step.recorded_delay))
                .unwrap_or(effective_at);

            // advance is idempotent and only appends system entries.
            let advanced = advance(&claim, recorded_at, &rules);
            prop_assert_eq!(&advance(&advanced, recorded_at, &rules), &advanced);
            check_invariants(&advanced)?;
            check_extends(&claim, &advanced, None)?;

            // Clocks can always be evaluated.
            for clock in deadlines(&advanced, &rules) {
                let _ = clock.state(recorded_at);
                let _ = clock.remaining(recorded_at, rules.calendar());
            }
            let _ = lifecycle::phase(&claim, recorded_at, &rules);

            let actor = actor_of(step, &claim);
            let result = match make_move(step, &claim) {
                Move::Act(action) => {
                    let kind = action.kind();
                    let result = lifecycle::apply(
                        &claim, action, actor, effective_at, recorded_at, &rules,
                    );
                    if let Ok(next) = &result {
                        check_extends(&claim, next, Some((kind, actor, effective_at)))?;
                        prop_assert_eq!(next.updated_at, recorded_at);
                        // What apply allowed, allowed_actions offered.
                        if effective_at == recorded_at {
                            let offered = allowed_actions(&claim, actor, effective_at, &rules);
                            let item = offered.iter().find(|item| item.action == kind);
                            prop_assert!(item.is_some_and(|item| item.allowed.is_ok()),
                                "{:?} by {:?} applied but not offered: {:?}", kind, actor, item);
                        }
                    }
                    result
                }
                Move::Restart => {
                    let result = start_new_claim_from(
                        &claim, id(77), actor, effective_at, &rules,
                    );
                    if let Ok((original, restarted)) = &result {
                        check_extends(
                            &claim,
                            original,
                            Some((ActionKind::RestartedAs, actor, effective_at)),
                        )?;
                        check_invariants(restarted)?;
                        prop_assert_eq!(restarted.links.started_from, Some(claim.id));
                        prop_assert!(original.links.restarted_as.contains(&restarted.id));
                    }
                    result.map(|(original, _)| original)
                }
            };
            match result {
                Ok(next) => {
                    check_invariants(&next)?;
                    claim = next;
                }
                Err(refusal) => check_refusal(&refusal)?,
            }
        }
    }

    #[test]
    fn advance_is_idempotent_and_monotone_in_time(
        steps in prop::collection::vec(step(), 1..30),
        first_hours in 0i64..(24 * 60),
        second_hours in 0i64..(24 * 60),
    ) {
        // Build a claim by random steps (refusals skipped), then advance it twice.
        let start = Flow::ready_draft();
        let rules = start.rules;
        let mut claim = start.claim;
        let mut now = t(CREATED);
        for step in &steps {
            now = now.saturating_add(minutes(step.minutes_later)).unwrap_or(now);
            let actor = actor_of(step, &claim);
            if let Move::Act(action) = make_move(step, &claim) {
                if let Ok(next) = lifecycle::apply(&claim, action, actor, now, now, &rules) {
                    claim = next;
                }
            }
        }
        let first = now.saturating_add(SignedDuration::from_hours(first_hours)).unwrap_or(now);
        let second = first.saturating_add(SignedDuration::from_hours(second_hours)).unwrap_or(first);
        let once = advance(&claim, first, &rules);
        prop_assert_eq!(&advance(&once, first, &rules), &once);
        // Advancing in two steps equals advancing straight to the later time.
        let later = advance(&once, second, &rules);
        prop_assert_eq!(&later, &advance(&claim, second, &rules));
        check_invariants(&later)?;
        // System entries are stamped no later than the time advanced to.
        for entry in &later.history[claim.history.len()..] {
            prop_assert!(entry.at <= second.max(claim.history.last().map_or(second, |e| e.at)));
        }
    }
}

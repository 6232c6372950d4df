//! PoE readiness checklist: five warnings mirroring the reviewer's information-request
//! reasons.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::history::InformationReason;
use claim_rules::model::PoeChecklist;
use claim_rules::validation::{poe_readiness, ReadinessCheck, ReadinessState};
use claims::*;

fn all_ticked() -> PoeChecklist {
    PoeChecklist {
        about_this_claim: true,
        customer_acknowledgment: true,
        dates_recent: true,
        solution_described: true,
        products_named: true,
    }
}

#[test]
fn five_items_in_order_each_mirroring_a_reason() {
    let items = poe_readiness(&ready_draft(1));
    let got: Vec<(ReadinessCheck, &str, InformationReason)> = items
        .iter()
        .map(|item| (item.check, item.code.as_str(), item.prevents))
        .collect();
    assert_eq!(
        got,
        [
            (
                ReadinessCheck::PoeAboutClaim,
                "readiness.poe_about_claim",
                InformationReason::MissingAllPoe
            ),
            (
                ReadinessCheck::CustomerAcknowledgment,
                "readiness.customer_acknowledgment",
                InformationReason::MissingCustomerAcknowledgment
            ),
            (
                ReadinessCheck::DatesRecent,
                "readiness.dates_recent",
                InformationReason::MissingOrOldDates
            ),
            (
                ReadinessCheck::SolutionDescribed,
                "readiness.solution_described",
                InformationReason::MissingPartnerSolution
            ),
            (
                ReadinessCheck::ProductsNamed,
                "readiness.products_named",
                InformationReason::MissingProducts
            ),
        ]
    );
}

#[test]
fn unticked_items_are_warnings_naming_the_reviewer_reason() {
    let items = poe_readiness(&ready_draft(1));
    assert!(items
        .iter()
        .all(|item| item.state == ReadinessState::Warning));
    assert!(
        items[1].message.contains("Missing customer acknowledgment"),
        "{}",
        items[1].message
    );
    assert!(
        items[4].message.contains("Power Apps"),
        "{}",
        items[4].message
    );
    assert_eq!(
        items[4].params,
        [("products".to_string(), "Power Apps".to_string())]
    );
}

#[test]
fn ticked_items_with_poe_are_ok() {
    let mut claim = ready_draft(1);
    claim.poe_checklist = all_ticked();
    assert!(poe_readiness(&claim)
        .iter()
        .all(|item| item.state == ReadinessState::Ok));

    // Each tick counts for its own item only.
    for (index, check) in ReadinessCheck::ALL.into_iter().enumerate() {
        let mut claim = ready_draft(1);
        match check {
            ReadinessCheck::PoeAboutClaim => claim.poe_checklist.about_this_claim = true,
            ReadinessCheck::CustomerAcknowledgment => {
                claim.poe_checklist.customer_acknowledgment = true
            }
            ReadinessCheck::DatesRecent => claim.poe_checklist.dates_recent = true,
            ReadinessCheck::SolutionDescribed => claim.poe_checklist.solution_described = true,
            ReadinessCheck::ProductsNamed => claim.poe_checklist.products_named = true,
        }
        let states: Vec<ReadinessState> = poe_readiness(&claim)
            .iter()
            .map(|item| item.state)
            .collect();
        for (other, state) in states.into_iter().enumerate() {
            let expected = if other == index {
                ReadinessState::Ok
            } else {
                ReadinessState::Warning
            };
            assert_eq!(state, expected, "{check:?} ticked, item {other}");
        }
    }
}

#[test]
fn without_poe_every_item_is_a_warning_even_if_ticked() {
    let mut claim = draft(1, valid_fields());
    claim.poe_checklist = all_ticked();
    let items = poe_readiness(&claim);
    assert!(items
        .iter()
        .all(|item| item.state == ReadinessState::Warning));
    assert!(
        items[0].message.contains("No PoE is attached"),
        "{}",
        items[0].message
    );
    assert!(
        items[0].message.contains("Missing all PoE"),
        "{}",
        items[0].message
    );
}

#[test]
fn readiness_never_blocks_submission() {
    // A claim with every readiness warning still has no submit problems.
    let claim = ready_draft(1);
    assert!(claim_rules::validation::submit_problems(&claim).is_empty());
    assert_eq!(poe_readiness(&claim).len(), 5);
}

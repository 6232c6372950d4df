//! PoE readiness checklist: five warnings mirroring the reviewer's information-request
//! reasons.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::catalog::Product;
use claim_rules::history::InformationReason;
use claim_rules::model::PoeChecklist;
use claim_rules::validation::{poe_readiness, ReadinessAdvice, ReadinessCheck, ReadinessState};
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
        .map(|item| (item.check, item.check.code(), item.prevents))
        .collect();
    assert_eq!(
        got,
        [
            (
                ReadinessCheck::PoeAboutClaim,
                "poe_about_claim",
                InformationReason::MissingAllPoe
            ),
            (
                ReadinessCheck::CustomerAcknowledgment,
                "customer_acknowledgment",
                InformationReason::MissingCustomerAcknowledgment
            ),
            (
                ReadinessCheck::DatesRecent,
                "dates_recent",
                InformationReason::MissingOrOldDates
            ),
            (
                ReadinessCheck::SolutionDescribed,
                "solution_described",
                InformationReason::MissingPartnerSolution
            ),
            (
                ReadinessCheck::ProductsNamed,
                "products_named",
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
    assert_eq!(items[1].advice, ReadinessAdvice::NotChecked);
    assert_eq!(
        items[1].prevents,
        InformationReason::MissingCustomerAcknowledgment
    );
    assert_eq!(items[4].products, [Product::PowerApps]);
    assert!(items[..4].iter().all(|item| item.products.is_empty()));
}

#[test]
fn ticked_items_with_poe_are_ok() {
    let mut claim = ready_draft(1);
    claim.poe_checklist = all_ticked();
    assert!(poe_readiness(&claim)
        .iter()
        .all(|item| item.state == ReadinessState::Ok && item.advice == ReadinessAdvice::Checked));

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
    assert_eq!(items[0].advice, ReadinessAdvice::AttachPoe);
    assert_eq!(items[0].prevents, InformationReason::MissingAllPoe);
    assert!(items[1..]
        .iter()
        .all(|item| item.advice == ReadinessAdvice::CheckOnceAttached));
}

#[test]
fn readiness_never_blocks_submission() {
    // A claim with every readiness warning still has no submit problems.
    let claim = ready_draft(1);
    assert!(claim_rules::validation::submit_problems(&claim).is_empty());
    assert_eq!(poe_readiness(&claim).len(), 5);
}

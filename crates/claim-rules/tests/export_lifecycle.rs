//! Claims made by the lifecycle (including system transitions, restarts and import
//! conflict copies) export and import unchanged: the import checks never refuse what the
//! app itself writes.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::deadlines::Rules;
use claim_rules::export::{export, parse};
use claim_rules::history::{InformationReason, ReviewerRejectionReason};
use claim_rules::lifecycle::{advance, apply, new_claim, start_new_claim_from, Action};
use claim_rules::model::{Actor, Claim, Status};
use claim_rules::policy::Policy;
use claims::*;

fn step(claim: &Claim, action: Action, actor: Actor, when: &str, rules: &Rules) -> Claim {
    let when = at(when);
    apply(claim, action, actor, when, when, rules).expect("allowed")
}

#[test]
fn lifecycle_claims_round_trip_through_export() {
    let rules = Rules::new(Policy::default()).expect("default policy");
    let created = at("2026-04-06T17:00:00Z");
    let draft = new_claim(id(1), created, valid_fields());
    let draft = step(
        &draft,
        Action::AddPoe(poe_document(1)),
        Actor::Partner,
        "2026-04-06T18:00:00Z",
        &rules,
    );
    let submitted = step(
        &draft,
        Action::Submit,
        Actor::Partner,
        "2026-04-07T17:00:00Z",
        &rules,
    );
    let reviewing = step(
        &submitted,
        Action::StartReview,
        Actor::Reviewer,
        "2026-04-08T17:00:00Z",
        &rules,
    );
    let asked = step(
        &reviewing,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingCustomerAcknowledgment],
            comment: "Please add the customer's acknowledgment.".into(),
            products_to_remove: vec![],
        },
        Actor::Reviewer,
        "2026-04-09T17:00:00Z",
        &rules,
    );
    // Nobody answers: the partner-response deadline rejects it.
    let expired = advance(&asked, at("2026-06-01T00:00:00Z"), &rules);
    assert_eq!(expired.status, Status::Rejected);

    let rejected = step(
        &step(
            &new_claim(id(2), created, valid_m365_fields()),
            Action::AddPoe(poe_document(2)),
            Actor::Partner,
            "2026-04-06T18:00:00Z",
            &rules,
        ),
        Action::Submit,
        Actor::Partner,
        "2026-04-07T17:00:00Z",
        &rules,
    );
    let rejected = step(
        &rejected,
        Action::StartReview,
        Actor::Reviewer,
        "2026-04-08T17:00:00Z",
        &rules,
    );
    let rejected = step(
        &rejected,
        Action::Reject {
            reason: ReviewerRejectionReason::InsufficientPoe,
        },
        Actor::Reviewer,
        "2026-04-09T17:00:00Z",
        &rules,
    );
    let (original, restarted) = start_new_claim_from(
        &rejected,
        id(3),
        Actor::Partner,
        at("2026-06-01T00:00:00Z"),
        &rules,
    )
    .expect("restart after the dispute window");

    let mut other_tenant = valid_fields();
    other_tenant.tenant_id = "11111111-2222-4333-8444-555555555555".into();
    let fresh = new_claim(id(4), created, other_tenant);
    let claims = vec![fresh, expired, original, restarted];
    let document = export(&claims, rules.policy(), at("2026-06-02T00:00:00Z"), "0.1.0");
    let text = document.to_json_pretty().expect("serialise");
    let parsed = parse(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(parsed, document);
    // The restarted claim and its original are one claim's versions, not competitors.
    assert!(claim_rules::validation::competing_claims(&parsed.claims).is_empty());
}

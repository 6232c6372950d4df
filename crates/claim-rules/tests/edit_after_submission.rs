//! Audit defect 5: edits of a submitted claim are held to the rules its submission
//! checked.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::catalog::Product;
use claim_rules::deadlines::Rules;
use claim_rules::lifecycle::{apply, new_claim, Action, Refusal};
use claim_rules::model::{Actor, Claim, ClaimedProduct};
use claim_rules::policy::Policy;
use claims::*;

fn rules() -> Rules {
    Rules::new(Policy::default()).expect("default policy")
}

fn submitted_claim() -> Claim {
    let when = at("2025-03-03T17:00:00Z");
    let claim = new_claim(id(1), when, valid_fields());
    let claim = apply(
        &claim,
        Action::AddPoe(poe_document(1)),
        Actor::Partner,
        when,
        when,
        &rules(),
    )
    .expect("add PoE");
    apply(&claim, Action::Submit, Actor::Partner, when, when, &rules()).expect("submit")
}

fn edit_codes(change: impl FnOnce(&mut claim_rules::model::ClaimFields)) -> Vec<String> {
    let claim = submitted_claim();
    let mut fields = claim.fields.clone();
    change(&mut fields);
    let when = at("2025-03-04T17:00:00Z");
    match apply(
        &claim,
        Action::edit(fields),
        Actor::Partner,
        when,
        when,
        &rules(),
    ) {
        Err(Refusal::EditProblems { problems }) => problems
            .iter()
            .map(|problem| problem.code().to_string())
            .collect(),
        other => panic!("expected EditProblems, got {other:?}"),
    }
}

#[test]
fn emptying_the_products_is_refused() {
    assert!(!edit_codes(|fields| fields.products.clear()).is_empty());
}

#[test]
fn a_partner_id_that_is_not_a_number_is_refused() {
    assert!(!edit_codes(|fields| fields.partner_id = "abc".into()).is_empty());
}

#[test]
fn a_product_of_the_other_solution_area_is_refused() {
    let codes = edit_codes(|fields| {
        fields
            .products
            .push(ClaimedProduct::new(Product::ExchangeOnline));
    });
    assert!(!codes.is_empty());
}

#[test]
fn a_valid_edit_after_submission_is_recorded() {
    let claim = submitted_claim();
    let mut fields = claim.fields.clone();
    fields.partner_id = "7654321".into();
    let when = at("2025-03-04T17:00:00Z");
    let edited = apply(
        &claim,
        Action::edit(fields),
        Actor::Partner,
        when,
        when,
        &rules(),
    )
    .expect("a valid edit");
    assert_eq!(edited.fields.partner_id, "7654321");
    assert_eq!(
        apply(
            &claim,
            Action::edit(edited.fields.clone()),
            Actor::Partner,
            when,
            when,
            &rules()
        )
        .map(|claim| claim.revision),
        Ok(claim.revision + 1)
    );
}

//! Competing claims: same tenant and workload/subscription, not both rejected.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::catalog::Product;
use claim_rules::model::{ClaimFields, ClaimedProduct};
use claim_rules::validation::{competing_claims, CompetitionKind, Contested};
use claims::*;

fn m365(products: &[Product]) -> ClaimFields {
    ClaimFields {
        products: products.iter().copied().map(ClaimedProduct::new).collect(),
        ..valid_m365_fields()
    }
}

fn ba(products: &[(Product, &str)]) -> ClaimFields {
    ClaimFields {
        products: products
            .iter()
            .map(|(product, subscription)| ClaimedProduct {
                product: *product,
                several_subscriptions: !subscription.is_empty(),
                subscription_id: (*subscription).to_string(),
            })
            .collect(),
        ..valid_fields()
    }
}

#[test]
fn same_tenant_and_workload_compete() {
    let a = draft(1, m365(&[Product::ExchangeOnline, Product::MicrosoftTeams]));
    let mut b = submitted(2, m365(&[Product::MicrosoftTeams, Product::ExchangeOnline]));
    b.fields.name = "Contoso Teams".into();
    b.fields.tenant_id = TENANT.to_uppercase();
    let found = competing_claims(&[a.clone(), b.clone()]);
    assert_eq!(found.len(), 1);
    let competition = &found[0];
    assert_eq!(competition.claims, [a.id, b.id]);
    assert_eq!(competition.tenant_id, TENANT);
    assert_eq!(
        competition.contested,
        [
            Contested::Workload {
                product: Product::ExchangeOnline
            },
            Contested::Workload {
                product: Product::MicrosoftTeams
            },
        ]
    );
    assert_eq!(competition.kind, CompetitionKind::Workload);
    assert_eq!(competition.kind.code(), "workload");
    assert_eq!(competition.claims, [a.id, b.id]);
    assert!(competition.involves(b.id));
    assert_eq!(competition.other(a.id), Some(b.id));
}

#[test]
fn different_tenants_or_workloads_do_not_compete() {
    let a = draft(1, m365(&[Product::ExchangeOnline]));
    let mut other_tenant = draft(2, m365(&[Product::ExchangeOnline]));
    other_tenant.fields.tenant_id = "11111111-2222-3333-4444-555555555555".into();
    let other_workload = draft(3, m365(&[Product::MicrosoftTeams]));
    assert!(competing_claims(&[a, other_tenant, other_workload]).is_empty());
}

#[test]
fn claims_without_a_tenant_do_not_compete() {
    let mut a = draft(1, m365(&[Product::ExchangeOnline]));
    let mut b = draft(2, m365(&[Product::ExchangeOnline]));
    a.fields.tenant_id = String::new();
    b.fields.tenant_id = "  ".into();
    assert!(competing_claims(&[a, b]).is_empty());
}

#[test]
fn business_applications_compete_per_subscription() {
    let a = draft(1, ba(&[(Product::PowerApps, SUBSCRIPTION)]));
    let same = draft(2, ba(&[(Product::PowerApps, &SUBSCRIPTION.to_uppercase())]));
    let other = draft(
        3,
        ba(&[(Product::PowerApps, "99999999-8888-7777-6666-555555555555")]),
    );
    let found = competing_claims(&[a.clone(), same.clone(), other.clone()]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].claims, [a.id, same.id]);
    assert_eq!(
        found[0].contested,
        [Contested::Subscription {
            product: Product::PowerApps,
            subscription_id: Some(SUBSCRIPTION.to_string())
        }]
    );
    assert_eq!(found[0].kind, CompetitionKind::Subscription);
}

#[test]
fn business_applications_without_a_subscription_id_compete_on_the_product() {
    let a = draft(1, ba(&[(Product::PowerApps, "")]));
    let b = draft(2, ba(&[(Product::PowerApps, SUBSCRIPTION)]));
    let found = competing_claims(&[a, b]);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].contested,
        [Contested::Subscription {
            product: Product::PowerApps,
            subscription_id: None
        }]
    );
    let c = draft(3, ba(&[(Product::PowerBiPro, "")]));
    let d = draft(4, ba(&[(Product::PowerApps, "")]));
    assert!(competing_claims(std::slice::from_ref(&c)).is_empty());
    assert_eq!(competing_claims(&[c, d]).len(), 0);
}

#[test]
fn both_rejected_do_not_compete_but_one_rejected_does() {
    let a = rejected(1, m365(&[Product::ExchangeOnline]));
    let b = rejected(2, m365(&[Product::ExchangeOnline]));
    assert!(competing_claims(&[a.clone(), b]).is_empty());
    let c = draft(3, m365(&[Product::ExchangeOnline]));
    assert_eq!(competing_claims(&[a, c]).len(), 1);
}

#[test]
fn archived_claims_still_count() {
    let mut a = submitted(1, m365(&[Product::ExchangeOnline]));
    a.archived = true;
    let b = draft(2, m365(&[Product::ExchangeOnline]));
    assert_eq!(competing_claims(&[a, b]).len(), 1);
}

#[test]
fn linked_claims_are_versions_not_competitors() {
    let mut original = rejected(1, m365(&[Product::ExchangeOnline]));
    let mut restarted = draft(2, m365(&[Product::ExchangeOnline]));
    original.links.restarted_as.push(restarted.id);
    restarted.links.started_from = Some(original.id);
    let mut copy = draft(3, m365(&[Product::ExchangeOnline]));
    copy.links.conflict_copy_of = Some(restarted.id);
    assert!(competing_claims(&[original, restarted, copy]).is_empty());
}

#[test]
fn three_claims_give_three_pairs_and_mixed_areas_one_code() {
    let claims: Vec<_> = (1..=3)
        .map(|n| draft(n, m365(&[Product::ExchangeOnline])))
        .collect();
    let found = competing_claims(&claims);
    let pairs: Vec<[uuid::Uuid; 2]> = found.iter().map(|c| c.claims).collect();
    assert_eq!(
        pairs,
        [
            [claims[0].id, claims[1].id],
            [claims[0].id, claims[2].id],
            [claims[1].id, claims[2].id]
        ]
    );

    // A (mis-filed) claim naming a workload and a subscription product.
    let mut a = draft(4, m365(&[Product::ExchangeOnline]));
    a.fields
        .products
        .push(ClaimedProduct::new(Product::PowerApps));
    let b = a.clone();
    let b = claim_rules::model::Claim { id: id(5), ..b };
    assert_eq!(
        competing_claims(&[a, b])[0].kind,
        CompetitionKind::WorkloadAndSubscription
    );
}

#[test]
fn ten_thousand_claims_on_distinct_tenants_are_fast() {
    let claims: Vec<_> = (0..10_000u128)
        .map(|n| {
            let mut claim = draft(n, m365(&[Product::ExchangeOnline, Product::MicrosoftTeams]));
            claim.fields.tenant_id = uuid::Uuid::from_u128(n).to_string();
            claim
        })
        .collect();
    let start = std::time::Instant::now();
    assert!(competing_claims(&claims).is_empty());
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

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

/// Issue 7, defect 7: competing claims grouped per tenant and workload or subscription,
/// consistent with the pairs, in linear time.
mod groups {
    use super::*;
    use claim_rules::model::{Claim, Status};
    use claim_rules::validation::{competing_claims, competition_groups};
    use proptest::prelude::*;
    use std::collections::HashSet;

    #[test]
    fn a_thousand_claims_on_one_workload_are_one_group() {
        let claims: Vec<Claim> = (0..1000u128)
            .map(|n| draft(n, valid_m365_fields()))
            .collect();
        let groups = competition_groups(&claims);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].claims.len(), 1000);
        assert_eq!(groups[0].claims[0], claims[0].id);
    }

    fn arbitrary_claims() -> impl Strategy<Value = Vec<Claim>> {
        prop::collection::vec(
            (0_u8..4, any::<bool>(), 0_u8..3, any::<bool>(), 0_u8..3),
            0..14,
        )
        .prop_map(|specs| {
            let mut claims: Vec<Claim> = Vec::new();
            for (n, (kind, rejected, subscription, second_tenant, link)) in
                specs.into_iter().enumerate()
            {
                let mut fields = if kind == 0 {
                    valid_m365_fields()
                } else {
                    valid_fields()
                };
                if second_tenant {
                    fields.tenant_id = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0".into();
                }
                if kind >= 2 {
                    fields.products[0].several_subscriptions = true;
                    fields.products[0].subscription_id = match subscription {
                        0 => String::new(),
                        1 => SUBSCRIPTION.into(),
                        _ => "1b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0".into(),
                    };
                }
                let mut claim = draft(n as u128, fields);
                if rejected {
                    claim.status = Status::Rejected;
                }
                if link == 0 && n > 0 {
                    claim.links.conflict_copy_of = Some(claims[n - 1].id);
                }
                claims.push(claim);
            }
            claims
        })
    }

    proptest! {
        #[test]
        fn groups_hold_exactly_the_competing_pairs(claims in arbitrary_claims()) {
            let groups = competition_groups(&claims);
            let pairs = competing_claims(&claims);
            // Every competing pair shares a group for each thing it contests.
            for pair in &pairs {
                for contested in &pair.contested {
                    prop_assert!(
                        groups.iter().any(|group| &group.contested == contested
                            && group.tenant_id == pair.tenant_id
                            && group.claims.contains(&pair.claims[0])
                            && group.claims.contains(&pair.claims[1])),
                        "{:?} {:?}", pair.claims, contested
                    );
                }
            }
            // Every group member competes with someone in the pairs.
            let competing: HashSet<_> = pairs.iter().flat_map(|pair| pair.claims).collect();
            for group in &groups {
                prop_assert!(group.claims.len() >= 2);
                for claim in &group.claims {
                    prop_assert!(competing.contains(claim), "{claim} is in a group but in no pair");
                }
            }
        }
    }
}

//! Validating 10,000 claims (`submit_problems`) and finding competing claims among them.
//!
//! Run with `cargo bench -p claim-rules --bench validation`.

use claim_rules::catalog::Product;
use claim_rules::lifecycle;
use claim_rules::model::{
    Activity, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact,
    RevenueAssociationDetails, SolutionArea,
};
use claim_rules::validation::{competing_claims, poe_readiness, submit_problems};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jiff::Timestamp;
use uuid::Uuid;

/// 10,000 claims: mostly distinct tenants, every 50th tenant shared by a few claims (so
/// some compete), a mix of areas, and every 7th claim with a few field problems.
fn claims() -> Vec<Claim> {
    let at = Timestamp::UNIX_EPOCH;
    (0..10_000u128)
        .map(|n| {
            let tenant = Uuid::from_u128(if n % 50 == 0 { n / 200 } else { n + 1_000_000 });
            let m365 = n % 2 == 0;
            let products = if m365 {
                vec![
                    ClaimedProduct::new(Product::ExchangeOnline),
                    ClaimedProduct::new(Product::MicrosoftTeams),
                ]
            } else {
                vec![
                    ClaimedProduct::new(Product::Dynamics365Sales),
                    ClaimedProduct {
                        product: Product::PowerApps,
                        several_subscriptions: true,
                        subscription_id: Uuid::from_u128(n % 3).to_string(),
                    },
                ]
            };
            let broken = n % 7 == 0;
            let fields = ClaimFields {
                name: format!("Claim {n}"),
                partner_id: if broken {
                    "12ab".into()
                } else {
                    "1234567".into()
                },
                customer_domain: if broken {
                    "contoso".into()
                } else {
                    format!("customer{n}.example.com")
                },
                tenant_id: tenant.to_string(),
                solution_area: Some(if m365 {
                    SolutionArea::Microsoft365
                } else {
                    SolutionArea::BusinessApplications
                }),
                activities: [Activity::Usage].into_iter().collect(),
                products,
                customer_contact: Contact {
                    name: "Ana López".into(),
                    title: "IT Director".into(),
                    email: format!("ana{n}@customer{n}.example.com"),
                },
                technical_contact: Contact {
                    name: "Li Wei".into(),
                    title: "CRM lead".into(),
                    email: if broken {
                        "li.wei".into()
                    } else {
                        "li@contoso.com".into()
                    },
                },
                partner_contact: PartnerContact {
                    name: "Jonas Berg".into(),
                    email: "jonas@fabrikam.se".into(),
                },
                revenue_association: RevenueAssociationDetails::default(),
            };
            lifecycle::new_claim(Uuid::from_u128(n), at, fields)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let claims = claims();
    let mut group = c.benchmark_group("10k claims");
    group.sample_size(20);
    group.bench_function("submit_problems", |b| {
        b.iter(|| {
            black_box(&claims)
                .iter()
                .map(|claim| submit_problems(claim).len())
                .sum::<usize>()
        })
    });
    group.bench_function("poe_readiness", |b| {
        b.iter(|| {
            black_box(&claims)
                .iter()
                .map(|claim| poe_readiness(claim).len())
                .sum::<usize>()
        })
    });
    group.bench_function("competing_claims", |b| {
        b.iter(|| competing_claims(black_box(&claims)).len())
    });
    group.bench_function("submit_problems + competing_claims", |b| {
        b.iter(|| {
            let problems: usize = black_box(&claims)
                .iter()
                .map(|claim| submit_problems(claim).len())
                .sum();
            problems + competing_claims(black_box(&claims)).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The inputs the audit of issue 7 used to make the rules slow: a claim with a
//! 100,000-entry history, and a file of 1,000 claims competing for one tenant's workload.
//! One iteration is one whole computation over that input.
//!
//! Run with `cargo bench -p claim-rules --bench scale`.

use std::hint::black_box;
use std::time::Duration;

use claim_rules::catalog::Product;
use claim_rules::deadlines::{deadlines, next_deadline, Rules};
use claim_rules::export;
use claim_rules::history::{ActionKind, HistoryEntry};
use claim_rules::lifecycle::{self, advance};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, SolutionArea,
    Status,
};
use claim_rules::policy::Policy;
use claim_rules::validation::{competing_claims, competition_groups};
use criterion::{criterion_group, criterion_main, Criterion};
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

const HISTORY: usize = 100_000;
const COMPETING: usize = 1_000;

fn fields(n: usize) -> ClaimFields {
    ClaimFields {
        name: format!("Contoso Exchange {n}"),
        partner_id: format!("{}", 1_000_000 + n),
        customer_domain: "contoso.com".into(),
        tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47".into(),
        solution_area: Some(SolutionArea::Microsoft365),
        activities: [Activity::Usage].into_iter().collect(),
        products: vec![ClaimedProduct::new(Product::ExchangeOnline)],
        customer_contact: Contact {
            name: "Ana López".into(),
            title: "IT Director".into(),
            email: "ana@contoso.com".into(),
        },
        technical_contact: Contact::default(),
        partner_contact: PartnerContact {
            name: "Jonas Berg".into(),
            email: "jonas@fabrikam.se".into(),
        },
        revenue_association: Default::default(),
    }
}

fn push(claim: &mut Claim, actor: Actor, action: ActionKind, to: Status, at: Timestamp) {
    claim.history.push(HistoryEntry {
        at,
        recorded_at: at,
        actor,
        action,
        from: Some(claim.status),
        to,
        changes: Vec::new(),
        comment: String::new(),
        detail: None,
    });
    claim.status = to;
    claim.revision += 1;
    claim.updated_at = at;
}

/// Submitted, under review, then information requests answered the same hour, again and
/// again: every cycle starts two clocks and ends them, the worst case for deadlines.
fn long_history() -> Claim {
    let start: Timestamp = "2026-01-05T09:00:00Z".parse().unwrap();
    let mut claim = lifecycle::new_claim(Uuid::from_u128(1), start, fields(0));
    let mut at = start;
    let mut step = |claim: &mut Claim, actor, action, to| {
        at = at.checked_add(SignedDuration::from_mins(1)).unwrap();
        push(claim, actor, action, to, at);
    };
    step(
        &mut claim,
        Actor::Partner,
        ActionKind::Submit,
        Status::Submitted,
    );
    step(
        &mut claim,
        Actor::Reviewer,
        ActionKind::StartReview,
        Status::UnderReview,
    );
    while claim.history.len() + 2 <= HISTORY {
        step(
            &mut claim,
            Actor::Reviewer,
            ActionKind::RequestInformation,
            Status::PartnerActionRequired,
        );
        step(
            &mut claim,
            Actor::Partner,
            ActionKind::Respond,
            Status::UnderReview,
        );
    }
    claim
}

fn competing() -> Vec<Claim> {
    let start: Timestamp = "2026-01-05T09:00:00Z".parse().unwrap();
    (0..COMPETING)
        .map(|n| lifecycle::new_claim(Uuid::from_u128(n as u128 + 10), start, fields(n)))
        .collect()
}

fn bench(c: &mut Criterion) {
    let rules = Rules::new(Policy::default()).unwrap();
    let now: Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();

    let claim = long_history();
    let document = export::export(std::slice::from_ref(&claim), rules.policy(), now, "bench");
    let text = document.to_json_pretty().unwrap();
    let mut group = c.benchmark_group("history_100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("deadlines", |b| {
        b.iter(|| deadlines(black_box(&claim), &rules).len())
    });
    group.bench_function("advance", |b| {
        b.iter(|| advance(black_box(&claim), now, &rules).revision)
    });
    group.bench_function("next_deadline", |b| {
        b.iter(|| next_deadline(black_box(&claim), &rules, now).map(|clock| clock.due))
    });
    group.bench_function("parse export", |b| {
        b.iter(|| export::parse(black_box(&text)).map(|document| document.claims.len()))
    });
    group.finish();

    let claims = competing();
    let mut group = c.benchmark_group("competing_1000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("competing_claims (pairs)", |b| {
        b.iter(|| competing_claims(black_box(&claims)).len())
    });
    group.bench_function("competition_groups", |b| {
        b.iter(|| competition_groups(black_box(&claims)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

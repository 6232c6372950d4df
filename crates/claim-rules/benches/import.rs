//! Reading an export file of 1,000 realistic claims (the speed benchmark's file: each
//! taken through its whole life, 15 history entries), as the import preview does: the
//! text parsed, every claim checked and its history replayed. Also the same text read
//! through `serde_json::Value` first, the route a file with problems takes.
//!
//! Run with `cargo bench -p claim-rules --bench import`.

#[path = "../../../tests/bench/realistic.rs"]
mod realistic;

use std::hint::black_box;
use std::time::Duration;

use claim_rules::deadlines::Rules;
use claim_rules::export;
use claim_rules::policy::Policy;
use criterion::{criterion_group, criterion_main, Criterion};
use jiff::Timestamp;

const CLAIMS: u128 = 1_000;

fn bench(c: &mut Criterion) {
    let policy = Policy::default();
    let Ok(rules) = Rules::new(policy.clone()) else {
        panic!("the default policy has a calendar");
    };
    let claims: Vec<_> = (0..CLAIMS)
        .map(|n| realistic::realistic(n, &rules))
        .collect();
    let at: Timestamp = "2026-11-20T18:00:00Z"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let Ok(text) = serde_json::to_string(&export::export(&claims, &policy, at, "bench")) else {
        panic!("the claims serialize");
    };
    let mut group = c.benchmark_group("import_1000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("parse", |b| {
        b.iter(|| export::parse(black_box(&text)).map(|document| document.claims.len()))
    });
    group.bench_function("parse through Value", |b| {
        b.iter(|| {
            serde_json::from_str(black_box(&text))
                .map(|value| export::parse_value(value).map(|document| document.claims.len()))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

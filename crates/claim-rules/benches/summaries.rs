//! Reading 1,000 stored summaries of realistic claims (the speed benchmark's claims), as
//! the app does at every start before the dashboard can show a row.
//!
//! Run with `cargo bench -p claim-rules --bench summaries`.

#[path = "../../../tests/bench/realistic.rs"]
mod realistic;

use std::hint::black_box;
use std::time::Duration;

use claim_rules::deadlines::Rules;
use claim_rules::policy::Policy;
use claim_rules::summary::ClaimSummary;
use criterion::{criterion_group, criterion_main, Criterion};

const CLAIMS: u128 = 1_000;

fn bench(c: &mut Criterion) {
    let Ok(rules) = Rules::new(Policy::default()) else {
        panic!("the default policy has a calendar");
    };
    let texts: Vec<String> = (0..CLAIMS)
        .map(|n| {
            let summary = ClaimSummary::of(&realistic::realistic(n, &rules));
            let Ok(text) = serde_json::to_string(&summary) else {
                panic!("a summary serializes");
            };
            text
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} summaries, {bytes} bytes of JSON", texts.len());
    let mut group = c.benchmark_group("summaries_1000");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("read", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|text| serde_json::from_str::<ClaimSummary>(black_box(text)).ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! 100,000 deadline computations with the default calendar (Monday–Friday, US federal
//! holidays, America/Los_Angeles) over varied events (2020–2035) and lengths (0–30
//! business days). One benchmark iteration is the whole batch of 100,000.
//!
//! Run with `cargo bench -p claim-rules --bench deadlines`.

use std::hint::black_box;
use std::time::Duration;

use claim_rules::calendar::BusinessCalendar;
use claim_rules::policy::CalendarSettings;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jiff::civil::Date;
use jiff::Timestamp;

const BATCH: usize = 100_000;

/// Deterministic, varied (event, n) pairs: a small linear congruential generator, so
/// every run measures the same work.
fn workload() -> Vec<(Timestamp, u32)> {
    let first = Timestamp::from_second(1_577_836_800).unwrap(); // 2020-01-01T00:00:00Z
    let span_seconds = 16 * 365 * 86_400_i64;
    let mut state: u64 = 0x2026_1126;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    (0..BATCH)
        .map(|_| {
            let offset = (next() as i64) % span_seconds;
            let event = Timestamp::from_second(first.as_second() + offset).unwrap();
            let n = (next() % 31) as u32;
            (event, n)
        })
        .collect()
}

fn deadlines(c: &mut Criterion) {
    let calendar = BusinessCalendar::from_settings(&CalendarSettings::default()).unwrap();
    let work = workload();
    let dates: Vec<(Date, i64)> = work
        .iter()
        .map(|&(event, n)| (calendar.local_date(event), i64::from(n)))
        .collect();

    let mut group = c.benchmark_group("deadlines_100k");
    group
        .throughput(Throughput::Elements(BATCH as u64))
        .sample_size(30)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("business_deadline", |b| {
        b.iter(|| {
            for &(event, n) in &work {
                black_box(calendar.business_deadline(black_box(event), black_box(n)));
            }
        })
    });
    group.bench_function("calendar_deadline", |b| {
        b.iter(|| {
            for &(event, n) in &work {
                black_box(calendar.calendar_deadline(black_box(event), black_box(n)));
            }
        })
    });
    group.bench_function("business_day_offset", |b| {
        b.iter(|| {
            for &(day, n) in &dates {
                black_box(calendar.business_day_offset(black_box(day), black_box(n)));
            }
        })
    });
    group.finish();

    c.bench_function("from_settings (default calendar)", |b| {
        b.iter(|| BusinessCalendar::from_settings(black_box(&CalendarSettings::default())))
    });
}

criterion_group!(benches, deadlines);
criterion_main!(benches);

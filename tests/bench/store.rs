//! Measurements of the IndexedDB store in headless Chromium, for the notes. No
//! assertions on time anywhere: it prints figures. Ignored by `cargo test`; run
//! `tests/bench/store.sh` (a release build; about two minutes).
//!
//! * stored bytes per realistic claim (a full lifecycle: 15 history entries, 2 PoE
//!   documents, 3 comments), as text and as the browser's usage estimate grows;
//! * write time for 1,000 claims one transaction each, and for 1,000 and 10,000 claims
//!   in transactions of 500;
//! * time to read every summary against every full claim, with 10,000 claims.
//!
//! Figures vary with the machine and its load; the README says how they were taken.
#![cfg(target_arch = "wasm32")]

#[path = "realistic.rs"]
mod realistic;

use claim_rules::deadlines::Rules;
use claim_rules::model::Claim;
use claim_rules::summary::ClaimSummary;
use cpor_desk::storage::Namespace;
use cpor_desk::store::{quota, ClaimDb, Write};
use realistic::realistic;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NAMESPACE: Namespace = Namespace::Test("bench-store");

fn millis() -> f64 {
    js_sys::Date::now()
}

async fn write_each(db: &ClaimDb, claims: &[Claim]) -> f64 {
    let started = millis();
    for claim in claims {
        let _ = db.write(claim, None).await;
    }
    millis() - started
}

async fn write_batched(db: &ClaimDb, claims: &[Claim]) -> f64 {
    let started = millis();
    for chunk in claims.chunks(500) {
        let writes: Vec<Write> = chunk
            .iter()
            .map(|claim| Write {
                claim,
                replaces: None,
            })
            .collect();
        let _ = db.write_batch(&writes).await;
    }
    millis() - started
}

async fn fresh() -> ClaimDb {
    let _ = ClaimDb::delete(NAMESPACE).await;
    match ClaimDb::open(NAMESPACE).await {
        Ok(db) => db,
        Err(error) => panic!("the benchmark database cannot be opened: {error:?}"),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run tests/bench/store.sh"]
async fn store_benchmark() {
    let rules = match Rules::new(Default::default()) {
        Ok(rules) => rules,
        Err(error) => panic!("{error}"),
    };
    let started = millis();
    let claims: Vec<Claim> = (0..10_000).map(|n| realistic(n, &rules)).collect();
    console_log!(
        "built 10,000 realistic claims in {:.0} ms",
        millis() - started
    );

    let sample = &claims[0];
    let claim_bytes = serde_json::to_string(sample).map_or(0, |text| text.len());
    let summary_bytes = serde_json::to_string(&ClaimSummary::of(sample)).map_or(0, |t| t.len());
    console_log!(
        "one claim: {} history entries, {} PoE, {} comments; {} bytes of JSON, summary {} bytes",
        sample.history.len(),
        sample.poe.len(),
        sample.comments.len(),
        claim_bytes,
        summary_bytes
    );

    let db = fresh().await;
    let before = quota::estimate().await.and_then(|e| e.usage).unwrap_or(0.0);
    let each = write_each(&db, &claims[..1_000]).await;
    let after = quota::estimate().await.and_then(|e| e.usage).unwrap_or(0.0);
    console_log!(
        "write 1,000, one transaction each: {:.0} ms ({:.2} ms per claim); usage estimate grew {:.0} bytes per claim",
        each,
        each / 1_000.0,
        (after - before) / 1_000.0
    );
    db.close();

    let db = fresh().await;
    let batched = write_batched(&db, &claims[..1_000]).await;
    console_log!("write 1,000 in transactions of 500: {batched:.0} ms");
    db.close();

    let db = fresh().await;
    let before = quota::estimate().await.and_then(|e| e.usage).unwrap_or(0.0);
    let batched = write_batched(&db, &claims).await;
    let after = quota::estimate().await.and_then(|e| e.usage).unwrap_or(0.0);
    console_log!(
        "write 10,000 in transactions of 500: {batched:.0} ms; usage estimate grew {:.1} MB ({:.0} bytes per claim)",
        (after - before) / 1e6,
        (after - before) / 10_000.0
    );

    let mut summaries = Vec::new();
    let mut full = Vec::new();
    let mut counts = (0, 0);
    for _ in 0..3 {
        let started = millis();
        counts.0 = db.summaries().await.map_or(0, |s| s.summaries.len());
        summaries.push(millis() - started);
        let started = millis();
        counts.1 = db.claims().await.map_or(0, |c| c.claims.len());
        full.push(millis() - started);
    }
    console_log!(
        "read all ({} summaries, {} claims): summaries {:.0} ms, full claims {:.0} ms (median of 3; runs {:?} / {:?})",
        counts.0,
        counts.1,
        median(summaries.clone()),
        median(full.clone()),
        summaries,
        full
    );
    db.close();
    let _ = ClaimDb::delete(NAMESPACE).await;
}

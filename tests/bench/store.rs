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

use claim_rules::catalog::Product;
use claim_rules::deadlines::Rules;
use claim_rules::history::InformationReason;
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, PoeDocument,
    SolutionArea,
};
use claim_rules::summary::ClaimSummary;
use cpor_desk::storage::Namespace;
use cpor_desk::store::{quota, ClaimDb, Write};
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NAMESPACE: Namespace = Namespace::Test("bench-store");

fn millis() -> f64 {
    js_sys::Date::now()
}

fn later(at: Timestamp, hours: i64) -> Timestamp {
    at.checked_add(SignedDuration::from_hours(hours))
        .unwrap_or(at)
}

fn poe(n: u128, name: &str) -> PoeDocument {
    PoeDocument {
        id: Uuid::from_u128(n),
        file_name: format!("{name}.pdf"),
        media_type: "application/pdf".into(),
        size: 482_113,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        added_at: Timestamp::UNIX_EPOCH,
        added_by: Actor::Partner,
        note: "Signed by the customer's IT director.".into(),
    }
}

/// A claim taken through its whole life as a partner would: drafted in four edits, two
/// PoE documents, submitted, an information request answered, approved, consent ended;
/// three comments along the way. 15 history entries.
fn realistic(n: u128, rules: &Rules) -> Claim {
    let start: Timestamp = "2026-03-02T09:00:00-08:00"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let id = Uuid::from_u128(0x0b00_0000_0000_4000_8000_0000_0000_0000 + n);
    let name = format!("Contoso Exchange and Teams rollout {n}");
    let mut claim = lifecycle::new_claim(
        id,
        start,
        ClaimFields {
            name: name.clone(),
            ..ClaimFields::default()
        },
    );
    let mut fields = claim.fields.clone();
    let mut at = start;
    let mut step = |claim: &mut Claim, actor: Actor, action: Action, hours: i64| {
        at = later(at, hours);
        if let Ok(next) = lifecycle::apply(claim, action, actor, at, at, rules) {
            *claim = next;
        }
    };
    fields.partner_id = format!("{}", 4_000_000 + n);
    fields.customer_domain = format!("customer{n}.contoso.com");
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.tenant_id = Uuid::from_u128(0x72f9_88bf_86f1_41af_91ab_0000_0000_0000 + n).to_string();
    fields.solution_area = Some(SolutionArea::Microsoft365);
    fields.activities = [Activity::Usage].into_iter().collect();
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.products = vec![
        ClaimedProduct::new(Product::ExchangeOnline),
        ClaimedProduct::new(Product::MicrosoftTeams),
    ];
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.customer_contact = Contact {
        name: "Ana López".into(),
        title: "IT Director".into(),
        email: format!("ana.lopez@customer{n}.contoso.com"),
    };
    fields.partner_contact = PartnerContact {
        name: "Jonas Berg".into(),
        email: "jonas.berg@fabrikam.se".into(),
    };
    step(&mut claim, Actor::Partner, Action::edit(fields), 1);
    step(
        &mut claim,
        Actor::Partner,
        Action::AddPoe(poe(n * 2, "signed-sow")),
        1,
    );
    step(
        &mut claim,
        Actor::Partner,
        Action::AddPoe(poe(n * 2 + 1, "deployment-report")),
        1,
    );
    let comment = |text: &str| Action::Comment { text: text.into() };
    step(
        &mut claim,
        Actor::Partner,
        comment("Checked against the PoE checklist; ready to submit."),
        1,
    );
    step(&mut claim, Actor::Partner, Action::Submit, 1);
    step(&mut claim, Actor::Reviewer, Action::StartReview, 24);
    step(
        &mut claim,
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingCustomerAcknowledgment],
            comment: "The statement of work needs the customer's signature.".into(),
            products_to_remove: Vec::new(),
        },
        24,
    );
    step(
        &mut claim,
        Actor::Partner,
        comment("Asked Ana for a signed copy."),
        2,
    );
    step(
        &mut claim,
        Actor::Partner,
        Action::Respond {
            comment: "Signed statement of work attached.".into(),
        },
        24,
    );
    step(&mut claim, Actor::Reviewer, Action::Approve, 48);
    step(
        &mut claim,
        Actor::Partner,
        comment("Approved; consent period running."),
        1,
    );
    lifecycle::advance(&claim, later(at, 24 * 30), rules)
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

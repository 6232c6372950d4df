//! Browser tests of the IndexedDB store and the move from local storage, in headless
//! Chromium with its real IndexedDB and local storage (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use claim_rules::catalog::Product;
use claim_rules::history::{ActionKind, HistoryEntry};
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, SolutionArea,
};
use claim_rules::summary::ClaimSummary;
use cpor_desk::storage::{ClaimStore, Namespace};
use cpor_desk::store::migrate::{move_from_local_storage, Interrupt};
use cpor_desk::store::settings::{Revisioned, SettingsReadError, SettingsStore};
use cpor_desk::store::{
    quota, ClaimDb, KeptAsideOrigin, KeptAsideReason, StoreError, Unavailable, Write,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Raw IndexedDB access, to damage stored entries the way another program (or a newer
// version) could, and to read what is really stored.
#[wasm_bindgen(inline_js = r#"
function open(name, version) {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
export async function put_raw(name, store, key, value) {
  const db = await open(name);
  await new Promise((resolve, reject) => {
    const tx = db.transaction(store, "readwrite");
    tx.objectStore(store).put(value, key);
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}
export async function get_raw(name, store, key) {
  const db = await open(name);
  const value = await new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return value;
}
export async function open_at_version(name, version) {
  const db = await open(name, version);
  db.close();
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn put_raw(name: &str, store: &str, key: &str, value: JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    async fn get_raw(name: &str, store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn open_at_version(name: &str, version: u32) -> Result<(), JsValue>;
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn fields(name: &str, tenant: u128) -> ClaimFields {
    ClaimFields {
        name: name.into(),
        partner_id: "1234567".into(),
        customer_domain: format!("{}.example.com", name.to_lowercase()),
        tenant_id: Uuid::from_u128(tenant).to_string(),
        solution_area: Some(SolutionArea::Microsoft365),
        activities: [Activity::Usage].into_iter().collect(),
        products: vec![ClaimedProduct::new(Product::ExchangeOnline)],
        customer_contact: Contact {
            name: "Ana López".into(),
            title: "IT Director".into(),
            email: "ana.lopez@contoso.com".into(),
        },
        partner_contact: PartnerContact {
            name: "Jonas Berg".into(),
            email: "jonas@fabrikam.se".into(),
        },
        ..ClaimFields::default()
    }
}

fn claim(id: u128, name: &str) -> Claim {
    lifecycle::new_claim(
        Uuid::from_u128(id),
        at("2026-11-02T09:00:00Z"),
        fields(name, id),
    )
}

/// The claim edited once by the partner: revision + 1.
fn edited(claim: &Claim, name: &str) -> Claim {
    let mut next = claim.clone();
    next.fields.name = name.into();
    next.revision += 1;
    next.history.push(HistoryEntry {
        at: at("2026-11-02T10:00:00Z"),
        recorded_at: at("2026-11-02T10:00:00Z"),
        actor: Actor::Partner,
        action: ActionKind::Edit,
        from: Some(claim.status),
        to: claim.status,
        changes: Vec::new(),
        comment: String::new(),
        detail: None,
    });
    next
}

/// A fresh database (and fresh local storage) for one test.
async fn fresh(name: &'static str) -> ClaimDb {
    ClaimStore::new(Namespace::Test(name))
        .clear_namespace()
        .unwrap();
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
    ClaimDb::open(Namespace::Test(name)).await.unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn claims_and_summaries_round_trip() {
    let db = fresh("store-round-trip").await;
    let first = claim(1, "Contoso");
    let second = claim(2, "Fabrikam");
    db.write(&first, None).await.unwrap();
    db.write(&second, None).await.unwrap();

    let loaded = db.summaries().await.unwrap();
    assert_eq!(
        loaded.summaries,
        vec![ClaimSummary::of(&first), ClaimSummary::of(&second)]
    );
    assert_eq!(loaded.rebuilt, 0);
    assert_eq!(db.claim(first.id).await.unwrap(), Some(first.clone()));
    assert_eq!(db.claim(Uuid::from_u128(3)).await.unwrap(), None);
    assert_eq!(
        db.claims().await.unwrap().claims,
        vec![first.clone(), second]
    );

    // The stored text is the claim's JSON, exactly as local storage and exports hold it.
    let stored = get_raw("store-round-trip", "claims", &first.id.to_string())
        .await
        .unwrap();
    assert_eq!(stored.as_string(), serde_json::to_string(&first).ok());

    // A second connection (another tab) sees the same.
    let other_tab = ClaimDb::open(Namespace::Test("store-round-trip"))
        .await
        .unwrap();
    assert_eq!(other_tab.claim(first.id).await.unwrap(), Some(first));
}

#[wasm_bindgen_test]
async fn a_write_naming_an_older_revision_is_refused_and_changes_nothing() {
    let db = fresh("store-compare").await;
    let this_tab = ClaimDb::open(Namespace::Test("store-compare"))
        .await
        .unwrap();
    let original = claim(1, "Contoso");
    db.write(&original, None).await.unwrap();

    // Another tab saves revision 2.
    let theirs = edited(&original, "Changed in the other tab");
    db.write(&theirs, Some(1)).await.unwrap();

    // This tab still believes revision 1 is stored.
    let ours = edited(&original, "Changed here");
    assert_eq!(
        this_tab.write(&ours, Some(1)).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(2)
        })
    );
    // Creating a claim that exists is refused too.
    assert_eq!(
        this_tab.write(&original, None).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(2)
        })
    );
    assert_eq!(
        this_tab.claim(original.id).await.unwrap(),
        Some(theirs.clone())
    );
    // The summary is the stored claim's, not the refused one's.
    assert_eq!(
        this_tab.summaries().await.unwrap().summaries,
        vec![ClaimSummary::of(&theirs)]
    );

    // Removing needs the stored revision as well.
    assert_eq!(
        this_tab.remove(original.id, 1).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(2)
        })
    );
    this_tab.remove(original.id, 2).await.unwrap();
    assert_eq!(db.claim(original.id).await.unwrap(), None);
    assert!(db.summaries().await.unwrap().summaries.is_empty());
    assert_eq!(
        this_tab.write(&ours, Some(1)).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: None
        })
    );
}

#[wasm_bindgen_test]
async fn the_summary_follows_the_claim_through_its_lifecycle() {
    let db = fresh("store-summary").await;
    let rules = claim_rules::deadlines::Rules::new(Default::default()).unwrap();
    let mut current = claim(7, "Northwind");
    db.write(&current, None).await.unwrap();
    let steps = [
        (Actor::Partner, Action::AddPoe(poe())),
        (Actor::Partner, Action::Submit),
        (Actor::Reviewer, Action::StartReview),
    ];
    let mut at_time = at("2026-11-02T10:00:00Z");
    for (actor, action) in steps {
        let next = lifecycle::apply(&current, action, actor, at_time, at_time, &rules).unwrap();
        db.write(&next, Some(current.revision)).await.unwrap();
        current = next;
        at_time = at_time
            .checked_add(jiff::SignedDuration::from_hours(2))
            .unwrap();
        let summary = db.summaries().await.unwrap().summaries.remove(0);
        assert_eq!(summary, ClaimSummary::of(&current));
        assert_eq!(summary.status, current.status);
        assert_eq!(summary.revision, current.revision);
        assert_eq!(
            summary.next_deadline(&rules, at_time),
            claim_rules::deadlines::next_deadline(&current, &rules, at_time)
        );
    }
}

fn poe() -> claim_rules::model::PoeDocument {
    claim_rules::model::PoeDocument {
        id: Uuid::from_u128(500),
        file_name: "signed-sow.pdf".into(),
        media_type: "application/pdf".into(),
        size: 48_213,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        added_at: at("2026-11-02T10:00:00Z"),
        added_by: Actor::Partner,
        note: String::new(),
    }
}

#[wasm_bindgen_test]
async fn a_batch_stores_every_write_that_compares_and_refuses_the_others() {
    let db = fresh("store-batch").await;
    let existing = claim(1, "Existing");
    db.write(&existing, None).await.unwrap();
    let new: Vec<Claim> = (10..210)
        .map(|n| claim(n, &format!("Import {n}")))
        .collect();
    let mut writes: Vec<Write> = new
        .iter()
        .map(|claim| Write {
            claim,
            replaces: None,
        })
        .collect();
    // This one says it is new, but is stored already.
    writes.insert(
        50,
        Write {
            claim: &existing,
            replaces: None,
        },
    );
    let results = db.write_batch(&writes).await.unwrap();
    assert_eq!(results.len(), 201);
    assert_eq!(results.iter().filter(|result| result.is_ok()).count(), 200);
    assert_eq!(
        results[50],
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(1)
        })
    );
    assert_eq!(db.summaries().await.unwrap().summaries.len(), 201);
}

#[wasm_bindgen_test]
async fn an_unreadable_claim_is_moved_aside_as_found_and_never_overwritten() {
    let name = "store-kept-aside";
    let db = fresh(name).await;
    let good = claim(1, "Contoso");
    db.write(&good, None).await.unwrap();
    let damaged_id = Uuid::from_u128(2);
    put_raw(
        name,
        "claims",
        &damaged_id.to_string(),
        "{\"id\": truncated".into(),
    )
    .await
    .unwrap();

    // Writing over it is refused; the text goes to the kept-aside store.
    let replacement = claim(2, "Would overwrite");
    let Err(StoreError::KeptAside(entry)) = db.write(&replacement, None).await else {
        panic!("the damaged entry was overwritten");
    };
    assert_eq!(entry.origin, KeptAsideOrigin::Claims);
    assert_eq!(entry.key, damaged_id.to_string());
    assert_eq!(entry.raw, "{\"id\": truncated");
    assert_eq!(entry.reason.code(), "not_json");
    assert!(entry.file_name().ends_with(".txt"), "{}", entry.file_name());
    assert_eq!(db.kept_aside().await.unwrap(), vec![*entry.clone()]);
    assert!(get_raw(name, "claims", &damaged_id.to_string())
        .await
        .unwrap()
        .is_undefined());

    // Now the ID is free, and the kept-aside text stays.
    db.write(&replacement, None).await.unwrap();
    assert_eq!(db.kept_aside().await.unwrap()[0].raw, "{\"id\": truncated");

    // Opening a claim that is not this claim moves it aside too.
    let misfiled = Uuid::from_u128(3);
    let text = serde_json::to_string(&good).unwrap();
    put_raw(name, "claims", &misfiled.to_string(), text.clone().into())
        .await
        .unwrap();
    let Err(StoreError::KeptAside(second)) = db.claim(misfiled).await else {
        panic!("a misfiled claim was read");
    };
    assert_eq!(
        second.reason,
        KeptAsideReason::FiledUnderAnotherId { found: good.id }
    );
    assert_eq!(second.raw, text);
    assert_eq!(db.kept_aside().await.unwrap().len(), 2);

    // Discarding happens only on request, and only for the text shown.
    assert!(db
        .discard_kept_aside(second.id, "other text")
        .await
        .is_err());
    db.discard_kept_aside(second.id, &text).await.unwrap();
    assert_eq!(db.kept_aside().await.unwrap(), vec![*entry.clone()]);

    // Reading every claim (an export) moves damaged ones aside, whatever their key.
    put_raw(name, "claims", "not-a-claim-id", "[1, 2]".into())
        .await
        .unwrap();
    let all = db.claims().await.unwrap();
    assert_eq!(all.claims, vec![good, replacement]);
    assert_eq!(all.kept_aside.len(), 1);
    assert_eq!(all.kept_aside[0].key, "not-a-claim-id");
    assert_eq!(all.kept_aside[0].raw, "[1, 2]");
    assert_eq!(db.kept_aside().await.unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn summaries_are_rebuilt_from_claims_and_damaged_claims_found_meanwhile_kept_aside() {
    let name = "store-rebuild";
    let db = fresh(name).await;
    let first = claim(1, "Contoso");
    let second = claim(2, "Fabrikam");
    db.write(&first, None).await.unwrap();
    db.write(&second, None).await.unwrap();
    // A summary of an older format, one unreadable, one claim damaged with no summary,
    // and a summary whose claim is gone.
    let old_format = r#"{"format":0,"summary":{}}"#;
    put_raw(name, "summaries", &first.id.to_string(), old_format.into())
        .await
        .unwrap();
    put_raw(name, "summaries", &second.id.to_string(), "garbage".into())
        .await
        .unwrap();
    let damaged = Uuid::from_u128(3).to_string();
    put_raw(name, "claims", &damaged, JsValue::from_f64(42.0))
        .await
        .unwrap();
    put_raw(
        name,
        "summaries",
        &Uuid::from_u128(4).to_string(),
        "{}".into(),
    )
    .await
    .unwrap();

    let loaded = db.summaries().await.unwrap();
    assert_eq!(
        loaded.summaries,
        vec![ClaimSummary::of(&first), ClaimSummary::of(&second)]
    );
    assert_eq!(loaded.rebuilt, 2);
    assert_eq!(loaded.kept_aside.len(), 1);
    assert_eq!(loaded.kept_aside[0].reason, KeptAsideReason::NotText);
    assert_eq!(loaded.kept_aside[0].raw, "42");
    // Repaired for good: the next load rebuilds nothing.
    let again = db.summaries().await.unwrap();
    assert_eq!(again.rebuilt, 0);
    assert!(get_raw(name, "summaries", &Uuid::from_u128(4).to_string())
        .await
        .unwrap()
        .is_undefined());
}

/// Yesterday's local storage: claims saved by the previous version, one damaged entry,
/// an old kept-aside copy of settings, and the settings.
fn old_local_storage(name: &'static str) -> (ClaimStore, Vec<Claim>) {
    let old = ClaimStore::new(Namespace::Test(name));
    old.clear_namespace().unwrap();
    let claims: Vec<Claim> = (1..=5).map(|n| claim(n, &format!("Claim {n}"))).collect();
    for claim in &claims {
        old.save_claim(claim, None).unwrap();
    }
    let storage = local_storage();
    storage
        .set_item(&old.claim_key(Uuid::from_u128(9)), "{\"id\": \"damaged")
        .unwrap();
    storage
        .set_item(
            &old.entry_key("settings.unreadable-1700000000000"),
            "not json",
        )
        .unwrap();
    storage
        .set_item(&old.entry_key("settings"), r#"{"policy":{}}"#)
        .unwrap();
    (old, claims)
}

fn old_entries(old: &ClaimStore) -> Vec<String> {
    let storage = local_storage();
    let prefix = old.entry_key("");
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .filter(|key| key.starts_with(&prefix))
        .collect();
    keys.sort();
    keys
}

#[wasm_bindgen_test]
async fn the_move_from_local_storage_is_lossless_and_finishes_after_an_interruption() {
    let name = "store-move";
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
    let (old, claims) = old_local_storage(name);
    let texts: Vec<String> = claims
        .iter()
        .map(|claim| {
            local_storage()
                .get_item(&old.claim_key(claim.id))
                .unwrap()
                .unwrap()
        })
        .collect();
    assert_eq!(old_entries(&old).len(), 8);

    // A tab closed after copying three entries, before removing the third.
    let db = ClaimDb::open(Namespace::Test(name)).await.unwrap();
    let first = move_from_local_storage(&db, Interrupt::AfterCopying(3))
        .await
        .unwrap();
    assert_eq!(first.moved, 3);
    assert_eq!(first.left, 5);
    // Two gone from local storage, the third in both places, the rest untouched.
    let left = old_entries(&old);
    assert_eq!(left.len(), 6, "{left:?}");
    assert!(left.contains(&old.claim_key(claims[2].id)));
    assert_eq!(db.summaries().await.unwrap().summaries.len(), 3);
    db.close();

    // The next start finishes the move.
    let db = ClaimDb::open(Namespace::Test(name)).await.unwrap();
    let second = move_from_local_storage(&db, Interrupt::Never)
        .await
        .unwrap();
    assert_eq!(second.moved, 3, "the third again, then the last two");
    assert_eq!(second.left, 0);
    assert_eq!(second.kept_aside.len(), 2);

    // Every claim arrived as the very text that was stored, with its summary.
    for (claim, text) in claims.iter().zip(&texts) {
        let stored = get_raw(name, "claims", &claim.id.to_string())
            .await
            .unwrap();
        assert_eq!(stored.as_string().as_ref(), Some(text));
    }
    assert_eq!(
        db.summaries().await.unwrap().summaries,
        claims.iter().map(ClaimSummary::of).collect::<Vec<_>>()
    );
    // The damaged entry and the old copy are kept aside as found, once each.
    let kept = db.kept_aside().await.unwrap();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let damaged = kept
        .iter()
        .find(|entry| entry.key == old.claim_key(Uuid::from_u128(9)))
        .expect("the damaged claim is kept aside");
    assert_eq!(damaged.raw, "{\"id\": \"damaged");
    assert_eq!(damaged.origin, KeptAsideOrigin::LocalStorage);
    assert_eq!(damaged.reason.code(), "not_json");
    assert!(kept
        .iter()
        .any(|entry| entry.raw == "not json" && entry.reason == KeptAsideReason::UnknownEntry));
    // Local storage keeps only the settings.
    assert_eq!(old_entries(&old), vec![old.entry_key("settings")]);

    // Running it again changes nothing.
    let third = move_from_local_storage(&db, Interrupt::Never)
        .await
        .unwrap();
    assert_eq!((third.moved, third.kept_aside.len(), third.left), (0, 0, 0));
    assert_eq!(db.kept_aside().await.unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn an_interruption_right_after_keeping_an_entry_aside_keeps_it_once() {
    let name = "store-move-aside";
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
    let (old, _) = old_local_storage(name);
    let db = ClaimDb::open(Namespace::Test(name)).await.unwrap();
    // In key order the damaged claim (…09) is the sixth entry, after the five claims.
    let first = move_from_local_storage(&db, Interrupt::AfterCopying(6))
        .await
        .unwrap();
    assert_eq!(first.kept_aside.len(), 1);
    assert!(old_entries(&old).contains(&old.claim_key(Uuid::from_u128(9))));
    let second = move_from_local_storage(&db, Interrupt::Never)
        .await
        .unwrap();
    assert_eq!(second.kept_aside.len(), 2);
    assert_eq!(db.kept_aside().await.unwrap().len(), 2);
    assert_eq!(old_entries(&old), vec![old.entry_key("settings")]);
}

#[wasm_bindgen_test]
async fn a_copy_changed_by_a_tab_of_the_previous_version_is_not_lost() {
    let name = "store-move-differs";
    let db = fresh(name).await;
    let old = ClaimStore::new(Namespace::Test(name));
    let base = claim(1, "Contoso");
    let other = claim(2, "Fabrikam");
    // Both were moved earlier, but local storage was not cleared (a closed tab) ...
    db.write(&base, None).await.unwrap();
    db.write(&other, None).await.unwrap();
    // ... and a tab of the previous version went on editing the first there,
    let newer = edited(&base, "Edited in an old tab");
    old.save_claim(&newer, None).unwrap();
    // while the second was edited here, so the local copy is the older one.
    let here = edited(&other, "Edited here");
    db.write(&here, Some(1)).await.unwrap();
    old.save_claim(&other, None).unwrap();

    let report = move_from_local_storage(&db, Interrupt::Never)
        .await
        .unwrap();
    assert_eq!(report.moved, 1);
    assert_eq!(db.claim(base.id).await.unwrap(), Some(newer));
    assert_eq!(db.claim(other.id).await.unwrap(), Some(here));
    let kept = db.kept_aside().await.unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept
        .iter()
        .any(|entry| entry.origin == KeptAsideOrigin::Claims
            && entry.reason == KeptAsideReason::ReplacedByNewerCopy { revision: 2 }
            && entry.raw == serde_json::to_string(&base).unwrap()));
    assert!(kept
        .iter()
        .any(|entry| entry.origin == KeptAsideOrigin::LocalStorage
            && entry.reason == KeptAsideReason::OlderThanStoredCopy { stored_revision: 2 }
            && entry.raw == serde_json::to_string(&other).unwrap()));
    assert!(old_entries(&old).is_empty());
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TestSettings {
    language: String,
    #[serde(default)]
    days: u32,
}

#[wasm_bindgen_test]
async fn settings_writes_are_revision_checked() {
    let name = "store-settings";
    let db = fresh(name).await;
    let settings = SettingsStore::new(Namespace::Test(name));
    let english = TestSettings {
        language: "en".into(),
        days: 5,
    };
    assert_eq!(settings.read::<TestSettings>(), Ok(None));
    assert_eq!(settings.write(Some(&db), &english, None).await, Ok(1));
    assert_eq!(
        settings.read::<TestSettings>(),
        Ok(Some(Revisioned {
            revision: 1,
            value: english.clone()
        }))
    );
    let swedish = TestSettings {
        language: "sv".into(),
        days: 5,
    };
    assert_eq!(settings.write(Some(&db), &swedish, Some(1)).await, Ok(2));
    // A tab that read revision 1 cannot overwrite revision 2.
    assert_eq!(
        settings.write(Some(&db), &english, Some(1)).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(2)
        })
    );
    // The previous version writes the bare settings: revision 0, noticed as a change.
    let old = ClaimStore::new(Namespace::Test(name));
    old.write_entry("settings", &english, 0).unwrap();
    assert_eq!(
        settings
            .read::<TestSettings>()
            .map(|s| s.map(|s| s.revision)),
        Ok(Some(0))
    );
    assert_eq!(
        settings.write(Some(&db), &swedish, Some(2)).await,
        Err(StoreError::ChangedElsewhere {
            stored_revision: Some(0)
        })
    );
    // And it still reads what this version writes.
    assert_eq!(settings.write(Some(&db), &swedish, Some(0)).await, Ok(1));
    assert_eq!(
        old.read_entry::<TestSettings>("settings"),
        Ok(Some(swedish))
    );
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_kept_aside_before_anything_is_written() {
    let name = "store-settings-aside";
    let db = fresh(name).await;
    let settings = SettingsStore::new(Namespace::Test(name));
    local_storage()
        .set_item(settings.key(), "{\"language\": 7}")
        .unwrap();
    let Err(SettingsReadError::Unreadable { raw, .. }) = settings.read::<TestSettings>() else {
        panic!("wrong settings were read");
    };
    assert_eq!(raw, "{\"language\": 7}");
    let value = TestSettings {
        language: "de".into(),
        days: 3,
    };
    // Without a database there is nowhere to keep it: refused, left alone.
    assert!(matches!(
        settings.write(None, &value, None).await,
        Err(StoreError::Unavailable(_))
    ));
    assert_eq!(
        local_storage().get_item(settings.key()).unwrap().as_deref(),
        Some("{\"language\": 7}")
    );
    let Err(StoreError::KeptAside(entry)) = settings.write(Some(&db), &value, None).await else {
        panic!("unreadable settings were overwritten");
    };
    assert_eq!(entry.raw, "{\"language\": 7}");
    assert_eq!(entry.reason.code(), "wrong_shape");
    assert_eq!(settings.write(Some(&db), &value, None).await, Ok(1));
    assert_eq!(db.kept_aside().await.unwrap(), vec![*entry]);
}

#[wasm_bindgen_test]
async fn a_database_a_newer_version_upgraded_is_reported_unavailable() {
    let name = "store-newer-version";
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
    open_at_version(name, 99).await.unwrap();
    let Err(StoreError::Unavailable(Unavailable::Refused { name: error, .. })) =
        ClaimDb::open(Namespace::Test(name)).await
    else {
        panic!("a database of a newer version was opened");
    };
    assert_eq!(error, "VersionError");
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
}

#[wasm_bindgen_test]
async fn storage_estimate_and_persistence_are_reported() {
    let estimate = quota::estimate().await.expect("Chromium gives an estimate");
    assert!(estimate.quota.unwrap_or(0.0) > 0.0, "{estimate:?}");
    assert!(estimate.usage.is_some());
    // Headless Chromium decides without asking; either answer is an answer.
    assert_ne!(quota::persist().await, quota::Persistence::Unsupported);
}

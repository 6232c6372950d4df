//! Browser tests of local storage, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use claim_rules::history::{ActionKind, HistoryEntry};
use claim_rules::model::{Actor, Claim, ClaimFields, Status};
use cpor_desk::storage::{ClaimStore, Namespace, WriteError};
use jiff::Timestamp;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn claim(id: u128, name: &str) -> Claim {
    let at: Timestamp = "2026-11-02T09:00:00Z".parse().unwrap();
    Claim {
        id: Uuid::from_u128(id),
        revision: 1,
        created_at: at,
        updated_at: at,
        status: Status::Draft,
        archived: false,
        fields: ClaimFields {
            name: name.into(),
            ..ClaimFields::default()
        },
        poe: Vec::new(),
        poe_checklist: Default::default(),
        comments: Vec::new(),
        links: Default::default(),
        history: vec![HistoryEntry {
            at,
            recorded_at: at,
            actor: Actor::Partner,
            action: ActionKind::Create,
            from: None,
            to: Status::Draft,
            changes: Vec::new(),
            comment: String::new(),
            detail: None,
        }],
    }
}

fn fresh_store(name: &'static str) -> ClaimStore {
    let store = ClaimStore::new(Namespace::Test(name));
    store.clear_namespace().unwrap();
    store
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn claims_round_trip_through_local_storage() {
    let store = fresh_store("test-round-trip");
    let first = claim(1, "Contoso");
    let second = claim(2, "Fabrikam");
    store.save_claim(&first, None).unwrap();
    store.save_claim(&second, None).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.claims, vec![first, second]);
    assert!(loaded.unreadable.is_empty());
}

#[wasm_bindgen_test]
fn unreadable_entry_is_reported_and_left_untouched() {
    let store = fresh_store("test-unreadable");
    let good = claim(1, "Contoso");
    store.save_claim(&good, None).unwrap();
    let bad_key = store.claim_key(Uuid::from_u128(2));
    local_storage()
        .set_item(&bad_key, "{\"id\": truncated")
        .unwrap();

    let loaded = store.load().unwrap();
    assert_eq!(loaded.claims, vec![good]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, bad_key);
    assert_eq!(loaded.unreadable[0].raw, "{\"id\": truncated");

    // A claim with that ID cannot be written over it.
    let replacement = claim(2, "Would overwrite");
    assert_eq!(
        store.save_claim(&replacement, None),
        Err(WriteError::KeptAside)
    );
    assert_eq!(
        local_storage().get_item(&bad_key).unwrap().as_deref(),
        Some("{\"id\": truncated")
    );
}

#[wasm_bindgen_test]
fn entry_filed_under_another_claims_key_is_unreadable() {
    let store = fresh_store("test-misfiled");
    let text = serde_json::to_string(&claim(1, "Contoso")).unwrap();
    local_storage()
        .set_item(&store.claim_key(Uuid::from_u128(9)), &text)
        .unwrap();
    let loaded = store.load().unwrap();
    assert!(loaded.claims.is_empty());
    assert!(
        loaded.unreadable[0].error.contains("filed under"),
        "{}",
        loaded.unreadable[0].error
    );
}

#[wasm_bindgen_test]
fn a_write_expecting_an_older_revision_is_refused() {
    let store = fresh_store("test-two-tabs");
    let mut claim = claim(1, "Contoso");
    store.save_claim(&claim, None).unwrap();
    // Another tab saves revision 2.
    let mut other_tab = claim.clone();
    other_tab.revision = 2;
    other_tab.fields.name = "Changed in the other tab".into();
    store.save_claim(&other_tab, Some(1)).unwrap();
    // This tab still believes revision 1 is stored.
    claim.revision = 2;
    claim.fields.name = "Changed here".into();
    assert_eq!(
        store.save_claim(&claim, Some(1)),
        Err(WriteError::ChangedElsewhere {
            stored_revision: Some(2)
        })
    );
    assert_eq!(
        store.read_claim(claim.id).unwrap().unwrap().fields.name,
        "Changed in the other tab"
    );
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_write_and_keeps_what_was_stored() {
    let store = fresh_store("test-quota");
    let mut claim = claim(1, "Contoso");
    store.save_claim(&claim, None).unwrap();
    // Fill local storage to its quota with filler entries.
    let storage = local_storage();
    let chunk = "x".repeat(512 * 1024);
    let mut fillers = Vec::new();
    for index in 0..100 {
        let key = format!("test-quota-filler/{index}");
        if storage.set_item(&key, &chunk).is_err() {
            break;
        }
        fillers.push(key);
    }
    for size in [64 * 1024, 4096, 256, 16] {
        let small = "x".repeat(size);
        for index in 0..64 {
            let key = format!("test-quota-filler/{size}/{index}");
            if storage.set_item(&key, &small).is_err() {
                break;
            }
            fillers.push(key);
        }
    }
    claim.revision = 2;
    claim.fields.name =
        "A much longer name that no longer fits in the storage that is left".repeat(20);
    let result = store.save_claim(&claim, Some(1));
    for key in &fillers {
        storage.remove_item(key).unwrap();
    }
    assert_eq!(result, Err(WriteError::QuotaExceeded));
    assert_eq!(
        store.read_claim(claim.id).unwrap().unwrap().fields.name,
        "Contoso"
    );
}

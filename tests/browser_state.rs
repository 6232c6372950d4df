//! Browser tests of the app's state on its IndexedDB store: what reaches the database,
//! what the dashboard starts from, and what an import reports. Headless Chromium, real
//! IndexedDB (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use claim_rules::lifecycle::{new_claim, Action};
use claim_rules::model::{Actor, ClaimFields};
use cpor_desk::clock::AppClock;
use cpor_desk::state::{AppState, ChangeError, Keeping};
use cpor_desk::storage::{ClaimStore, Namespace};
use cpor_desk::store::ClaimDb;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let the state's tasks run (database calls, writes).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Settle until `done` holds, or give up after a while (the assertions then say what).
async fn until(done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        settle().await;
    }
}

async fn fresh(name: &'static str) -> Namespace {
    // The state spawns its database work; in the app, mounting Leptos sets this up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let namespace = Namespace::Test(name);
    ClaimStore::new(namespace).clear_namespace().unwrap();
    ClaimDb::delete(namespace).await.unwrap();
    namespace
}

fn clock() -> AppClock {
    AppClock::starting_at("2026-11-20T10:00:00Z".parse().unwrap())
}

fn named(id: u128, name: &str) -> claim_rules::model::Claim {
    let fields = ClaimFields {
        name: name.into(),
        ..ClaimFields::default()
    };
    new_claim(
        Uuid::from_u128(id),
        "2026-11-02T09:00:00Z".parse().unwrap(),
        fields,
    )
}

/// The state of `namespace` once its database is open, with the owner that keeps its
/// signals alive.
async fn started(namespace: Namespace) -> (Owner, AppState) {
    let owner = Owner::new();
    let state = owner.with(|| AppState::start(namespace, clock()));
    until(|| state.keeping.get_untracked() != Keeping::Opening).await;
    assert_eq!(state.keeping.get_untracked(), Keeping::Stored);
    (owner, state)
}

#[wasm_bindgen_test]
async fn a_change_is_unsaved_until_its_write_commits_and_later_changes_build_on_it() {
    let namespace = fresh("test-state-write").await;
    let (_owner, state) = started(namespace).await;
    let draft = state.create_draft(ClaimFields::default()).unwrap();
    // Decided and shown at once; stored only once written.
    assert!(state.unsaved.get_untracked().contains(&draft.id));
    let fields = ClaimFields {
        name: "Contoso".into(),
        ..ClaimFields::default()
    };
    let edited = state
        .perform(
            draft.id,
            Action::edit(fields),
            Actor::Partner,
            state.clock.now(),
        )
        .unwrap();
    assert_eq!(edited.revision, draft.revision + 1);
    until(|| state.unsaved.with_untracked(|set| set.is_empty())).await;
    assert!(state.unsaved.get_untracked().is_empty());

    let db = ClaimDb::open(namespace).await.unwrap();
    assert_eq!(db.claim(draft.id).await.unwrap(), Some(edited));
    db.close();
}

#[wasm_bindgen_test]
async fn the_dashboard_starts_from_summaries_and_a_claim_is_read_when_opened() {
    let namespace = fresh("test-state-summaries").await;
    let db = ClaimDb::open(namespace).await.unwrap();
    let claims: Vec<_> = (1..=5).map(|n| named(n, &format!("Claim {n}"))).collect();
    for claim in &claims {
        db.write(claim, None).await.unwrap();
    }
    db.close();

    let (_owner, state) = started(namespace).await;
    assert_eq!(state.summaries.with_untracked(Vec::len), 5);
    // No full claim read to list them.
    assert!(state.claims.with_untracked(Vec::is_empty));
    state.open_claim(claims[2].id);
    until(|| state.claims.with_untracked(|c| !c.is_empty())).await;
    assert_eq!(state.claims.get_untracked(), vec![claims[2].clone()]);
}

#[wasm_bindgen_test]
async fn an_import_says_how_many_were_stored_and_which_were_not() {
    let namespace = fresh("test-state-import").await;
    let (_owner, state) = started(namespace).await;
    let existing = state.create_draft(ClaimFields::default()).unwrap();
    until(|| state.unsaved.with_untracked(|set| set.is_empty())).await;

    let mut imported: Vec<_> = (10..310)
        .map(|n| (named(n, &format!("Imported {n}")), None))
        .collect();
    // One names a revision this tab does not hold: refused, nothing overwritten.
    let mut stale = existing.clone();
    stale.fields.name = "Stale".into();
    imported.push((stale, Some(existing.revision + 5)));
    let outcome = state.import(imported).await;
    assert_eq!(outcome.stored, 300);
    assert_eq!(outcome.only_in_memory, 0);
    assert_eq!(outcome.refused.len(), 1);
    assert_eq!(outcome.refused[0].1, ChangeError::ChangedElsewhere);
    assert_eq!(state.summaries.with_untracked(Vec::len), 301);

    let db = ClaimDb::open(namespace).await.unwrap();
    let stored = db.summaries().await.unwrap().summaries;
    assert_eq!(stored.len(), 301);
    assert_eq!(db.claim(existing.id).await.unwrap(), Some(existing));
    db.close();
}

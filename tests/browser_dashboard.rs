//! Browser tests of the app shell and dashboard, mounted on claims the previous version
//! left in local storage (the app moves them into its database as it starts).
#![cfg(target_arch = "wasm32")]

use claim_rules::lifecycle::new_claim;
use claim_rules::model::ClaimFields;
use cpor_desk::storage::{ClaimStore, Namespace};
use cpor_desk::store::ClaimDb;
use cpor_desk::App;
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app(namespace: &'static str) -> web_sys::HtmlElement {
    // The test runner's own page address names no screen of the app: go to the dashboard.
    web_sys::window().unwrap().location().set_hash("/").unwrap();
    let document = leptos::prelude::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <App namespace=Namespace::Test(namespace) /> },
    );
    handle.forget();
    host
}

/// Let the app's effects and scheduled renders run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Let the app run until `selector` matches (the database opens, the move finishes), or
/// give up after a while and let the assertions say what is missing.
async fn settle_until(host: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..100 {
        if host.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        settle().await;
    }
}

/// An empty workspace: no local-storage entries, no database.
async fn fresh(name: &'static str) -> ClaimStore {
    let store = ClaimStore::new(Namespace::Test(name));
    store.clear_namespace().unwrap();
    ClaimDb::delete(Namespace::Test(name)).await.unwrap();
    store
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    host.query_selector(selector)
        .unwrap()
        .and_then(|node| node.text_content())
}

#[wasm_bindgen_test]
async fn dashboard_lists_stored_claims_with_counts() {
    let store = fresh("test-dashboard").await;
    let at = "2026-11-02T09:00:00Z".parse().unwrap();
    let fields = ClaimFields {
        name: "Contoso usage".into(),
        customer_domain: "contoso.com".into(),
        ..ClaimFields::default()
    };
    let claim = new_claim(Uuid::from_u128(7), at, fields);
    store.save_claim(&claim, None).unwrap();

    let host = mount_app("test-dashboard");
    settle_until(&host, "tr[data-claim-id]").await;
    let row =
        text_of(&host, &format!("tr[data-claim-id=\"{}\"]", claim.id)).expect("the claim's row");
    assert!(row.contains("Contoso usage"), "{row}");
    assert!(row.contains("contoso.com"), "{row}");
    assert_eq!(
        text_of(&host, "[data-status=\"draft\"] .count").as_deref(),
        Some("1")
    );
    assert_eq!(
        text_of(&host, "[data-status=\"submitted\"] .count").as_deref(),
        Some("0")
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn dashboard_reports_an_unreadable_entry_and_offers_it_for_download() {
    let store = fresh("test-dashboard-unreadable").await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = store.claim_key(Uuid::from_u128(8));
    storage.set_item(&key, "{ half a claim").unwrap();

    let host = mount_app("test-dashboard-unreadable");
    settle_until(&host, ".banner.kept-aside").await;
    let banner = text_of(&host, ".banner.kept-aside").expect("a banner");
    assert!(
        banner.contains("kept aside exactly as it was found"),
        "{banner}"
    );
    assert!(banner.contains(&key), "{banner}");
    assert!(
        host.query_selector(".banner.warning button")
            .unwrap()
            .is_some(),
        "a download button"
    );
    assert!(text_of(&host, ".empty").is_some_and(|t| t.contains("No claims yet")));
    // Moved out of local storage into the kept-aside store, as the very text found.
    assert_eq!(storage.get_item(&key).unwrap(), None);
    let db = ClaimDb::open(Namespace::Test("test-dashboard-unreadable"))
        .await
        .unwrap();
    let kept = db.kept_aside().await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].raw, "{ half a claim");
    assert_eq!(kept[0].key, key);
    db.close();
    host.remove();
}

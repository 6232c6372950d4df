//! Browser tests of the app shell and dashboard, mounted on claims in local storage.
#![cfg(target_arch = "wasm32")]

use claim_rules::lifecycle::new_claim;
use claim_rules::model::ClaimFields;
use cpor_desk::storage::{ClaimStore, Namespace};
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

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    host.query_selector(selector)
        .unwrap()
        .and_then(|node| node.text_content())
}

#[wasm_bindgen_test]
async fn dashboard_lists_stored_claims_with_counts() {
    let store = ClaimStore::new(Namespace::Test("test-dashboard"));
    store.clear_namespace().unwrap();
    let at = "2026-11-02T09:00:00Z".parse().unwrap();
    let fields = ClaimFields {
        name: "Contoso usage".into(),
        customer_domain: "contoso.com".into(),
        ..ClaimFields::default()
    };
    let claim = new_claim(Uuid::from_u128(7), at, fields);
    store.save_claim(&claim, None).unwrap();

    let host = mount_app("test-dashboard");
    settle().await;
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
    let store = ClaimStore::new(Namespace::Test("test-dashboard-unreadable"));
    store.clear_namespace().unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = store.claim_key(Uuid::from_u128(8));
    storage.set_item(&key, "{ half a claim").unwrap();

    let host = mount_app("test-dashboard-unreadable");
    settle().await;
    let banner = text_of(&host, ".banner.warning").expect("a banner");
    assert!(banner.contains("could not be read"), "{banner}");
    assert!(banner.contains(&key), "{banner}");
    assert!(
        host.query_selector(".banner.warning button")
            .unwrap()
            .is_some(),
        "a download button"
    );
    assert!(text_of(&host, ".empty").is_some_and(|t| t.contains("No claims yet")));
    assert_eq!(
        storage.get_item(&key).unwrap().as_deref(),
        Some("{ half a claim")
    );
    host.remove();
}

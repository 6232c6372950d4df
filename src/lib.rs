//! CPOR Desk: the Leptos app. Pages, components, browser storage and languages; every
//! decision about claims is asked of `claim_rules`.

pub mod clock;
pub mod download;
pub mod i18n;
pub mod offline;
pub mod route;
pub mod state;
pub mod storage;
pub mod store;
pub mod training;

mod app;
mod components;
mod pages;

pub use app::App;

// The crate's own unit tests run in headless Chromium, like the browser tests in tests/.
#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mount the app on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(|| leptos::view! { <App /> });
}

//! Offline: the service worker and the new-version notice.
//!
//! The release build holds a service worker (`sw.js`, written at build time by
//! `scripts/pwa-build.mjs`) that precaches exactly that build's files, and stamps the
//! build's ID into `index.html` (`<meta name="cpor-desk-build">`). This module registers
//! the worker and says when another build is ready for this page: installed and waiting,
//! or already serving (another tab switched to it). [`reload_into_new_version`] lets the
//! waiting build take over, then reloads the page.
//!
//! A page without the stamp (browser tests, a build without the hook) registers nothing.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MessageChannel, MessageEvent, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

/// How often an open page asks whether a new build has been published (the browser also
/// asks on every navigation).
const UPDATE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set by the reload button: the next change of worker reloads this page.
    static RELOAD_WHEN_SWITCHED: Cell<bool> = const { Cell::new(false) };
}

/// This page's build ID, as stamped into `index.html` at build time.
pub fn page_build() -> Option<String> {
    document()
        .query_selector("meta[name=\"cpor-desk-build\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|id| !id.is_empty())
}

/// Register the service worker and set `ready` once a newer build than this page's is
/// ready. Does nothing where service workers are not available (a page not served from
/// a secure origin, or a browser that has them turned off).
pub fn watch_for_new_version(ready: RwSignal<bool>) {
    let Some(build) = page_build() else { return };
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let on_switch = {
        let container = container.clone();
        let build = build.clone();
        Closure::<dyn Fn()>::new(move || {
            if RELOAD_WHEN_SWITCHED.get() {
                let _ = window().location().reload();
            } else {
                compare_serving_build(&container, &build, ready);
            }
        })
    };
    container.set_oncontrollerchange(Some(on_switch.as_ref().unchecked_ref()));
    // The page lives as long as its listeners.
    on_switch.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registered) = JsFuture::from(container.register("./sw.js")).await else {
            // Offline work is then unavailable; the app itself works as before.
            return;
        };
        // A browser that blocks service workers (a policy, or an automation setting) may
        // answer with no registration at all rather than refusing.
        let Ok(registration) = registered.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if registration.waiting().is_some() && container.controller().is_some() {
            ready.set(true);
        }
        watch_installs(&registration, &container, ready);
        compare_serving_build(&container, &build, ready);
        REGISTRATION.with(|stored| *stored.borrow_mut() = Some(registration));
        let _ = set_interval_with_handle(check_for_update, UPDATE_CHECK_EVERY);
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if !document().hidden() {
                check_for_update();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    });
}

/// A build found later is ready once its worker has installed (every file fetched and
/// checked) while this page is served by another one. The browser may have started that
/// install before this page registered (it checks on every navigation), so a worker
/// already installing is followed too.
fn watch_installs(
    registration: &ServiceWorkerRegistration,
    container: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
) {
    if let Some(worker) = registration.installing() {
        follow_install(worker, container.clone(), ready);
    }
    let on_found = {
        let registration = registration.clone();
        let container = container.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = registration.installing() {
                follow_install(worker, container.clone(), ready);
            }
        })
    };
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn follow_install(worker: ServiceWorker, container: ServiceWorkerContainer, ready: RwSignal<bool>) {
    let installing = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if installing.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Ask the worker serving this page which build it serves; another than the page's
/// means a newer build took over (in another tab): this page should reload.
fn compare_serving_build(container: &ServiceWorkerContainer, build: &str, ready: RwSignal<bool>) {
    let Some(controller) = container.controller() else {
        return;
    };
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let build = build.to_string();
    let on_reply = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let serving = js_sys::Reflect::get(&event.data(), &"build".into())
            .ok()
            .and_then(|value| value.as_string());
        if serving.is_some_and(|serving| serving != build) {
            ready.set(true);
        }
    });
    channel
        .port1()
        .set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
    on_reply.forget();
    let _ = controller
        .post_message_with_transferable(&message("build"), &js_sys::Array::of1(&channel.port2()));
}

fn check_for_update() {
    REGISTRATION.with(|stored| {
        if let Some(registration) = stored.borrow().as_ref() {
            // A failed check (offline) changes nothing; the next one tries again.
            if let Ok(promise) = registration.update() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    });
}

/// Switch to the new version: let the waiting build take over, and reload once it has
/// (or at once when it already serves). The wizard saves pending text on `pagehide`.
pub fn reload_into_new_version() {
    let waiting: Option<ServiceWorker> =
        REGISTRATION.with(|stored| stored.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_WHEN_SWITCHED.set(true);
            if worker.post_message(&message("skip-waiting")).is_err() {
                let _ = window().location().reload();
            }
        }
        None => {
            let _ = window().location().reload();
        }
    }
}

fn message(kind: &str) -> JsValue {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    message.into()
}

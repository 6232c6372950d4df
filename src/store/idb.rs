//! The IndexedDB calls the store makes, as futures over `web-sys` (no wrapper crate:
//! `tests/bench/idb-crate-size` measured each; see ARCHITECTURE.md).
//!
//! A transaction stays active only while its requests' success events are dispatched.
//! Awaiting [`done`] continues the Rust future in a microtask of that same event, so a
//! transaction may read, decide and write across several `.await`s, as long as nothing
//! else (a timer, another promise from outside) is awaited in between.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbTransactionMode,
};

use super::{StoreError, Unavailable};

/// The schema version; rises with every change to the stores below.
const VERSION: u32 = 1;

/// Claims as JSON text, keyed by claim ID.
pub const CLAIMS: &str = "claims";
/// Summaries as JSON text, keyed by claim ID; always written with their claim.
pub const SUMMARIES: &str = "summaries";
/// Entries that could not be read, as JSON records, under increasing numbers.
pub const KEPT_ASIDE: &str = "kept_aside";

/// A DOM error's `name` and `message`.
fn dom_error(error: &JsValue) -> (String, String) {
    let text = |field: &str| {
        js_sys::Reflect::get(error, &field.into())
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let message = text("message");
    let message = if message.is_empty() {
        error.as_string().unwrap_or_default()
    } else {
        message
    };
    (text("name"), message)
}

/// A failed IndexedDB call as a [`StoreError`]: a full disk, a connection closed by the
/// browser or by a newer version in another tab, or anything else with the browser's words.
pub fn failure(error: &JsValue) -> StoreError {
    let (name, message) = dom_error(error);
    match name.as_str() {
        // Firefox before its DOMException rename used the second name.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "InvalidStateError" => StoreError::Unavailable(Unavailable::Closed),
        _ => StoreError::Other { name, message },
    }
}

/// The result of `request` once it succeeds, or its error.
pub async fn done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    // A request made earlier may have finished before anyone waited for it.
    if request.ready_state() == web_sys::IdbRequestReadyState::Done {
        return match request.error() {
            Ok(Some(error)) => Err(failure(&error)),
            Ok(None) | Err(_) => request.result().map_err(|error| failure(&error)),
        };
    }
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|error| failure(&error)),
        Err(_) => Err(match request.error() {
            Ok(Some(error)) => failure(&error),
            Ok(None) | Err(_) => StoreError::Other {
                name: String::new(),
                message: "the request failed without an error".into(),
            },
        }),
    }
}

/// Wait until `transaction` has committed: only then is a write stored. An aborted
/// transaction gives its error (for example a full disk, known only at commit).
pub async fn committed(transaction: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    transaction.set_oncomplete(None);
    transaction.set_onabort(None);
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(match transaction.error() {
            Some(error) => failure(&error),
            None => StoreError::Other {
                name: "AbortError".into(),
                message: "the transaction was aborted".into(),
            },
        }),
    }
}

/// A transaction over `stores`.
pub fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StoreError> {
    let names = stores
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect::<Array>();
    db.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|error| failure(&error))
}

/// One store of a transaction.
pub fn store(transaction: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StoreError> {
    transaction
        .object_store(name)
        .map_err(|error| failure(&error))
}

/// Run a request made by `make` (which fails synchronously when, for example, the
/// transaction has ended) and wait for its result.
pub async fn request(make: Result<IdbRequest, JsValue>) -> Result<JsValue, StoreError> {
    let request = make.map_err(|error| failure(&error))?;
    done(&request).await
}

/// Every value of a store (or of a transaction's store), in key order.
pub async fn get_all(store: &IdbObjectStore) -> Result<Array, StoreError> {
    Ok(Array::from(&request(store.get_all()).await?))
}

/// Every key of a store, in key order.
pub async fn get_all_keys(store: &IdbObjectStore) -> Result<Array, StoreError> {
    Ok(Array::from(&request(store.get_all_keys()).await?))
}

fn factory() -> Result<web_sys::IdbFactory, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable(Unavailable::NoIndexedDb))?;
    match window.indexed_db() {
        Ok(Some(factory)) => Ok(factory),
        Ok(None) => Err(StoreError::Unavailable(Unavailable::NoIndexedDb)),
        Err(error) => {
            let (name, message) = dom_error(&error);
            Err(StoreError::Unavailable(Unavailable::Refused {
                name,
                message,
            }))
        }
    }
}

/// Open database `name`, creating its stores the first time.
///
/// The browser is asked at once, when this is called, not when the future is first
/// polled: at start the database opens while the page's first views are built.
///
/// When another tab holds an older version open and does not let go, the browser
/// reports the open as blocked: that is [`Unavailable::Blocked`], and a connection that
/// opens later is closed at once (nobody is waiting for it any more).
pub fn open(name: &str) -> impl std::future::Future<Output = Result<IdbDatabase, StoreError>> {
    let asked = factory().and_then(|factory| {
        factory.open_with_u32(name, VERSION).map_err(|error| {
            let (name, message) = dom_error(&error);
            StoreError::Unavailable(Unavailable::Refused { name, message })
        })
    });
    // Set before the browser can answer (its events come in later tasks).
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |event: web_sys::IdbVersionChangeEvent| create_stores(&event),
    );
    if let Ok(request) = &asked {
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    }
    opened(asked, upgrade)
}

async fn opened(
    asked: Result<IdbOpenDbRequest, StoreError>,
    upgrade: Closure<dyn FnMut(web_sys::IdbVersionChangeEvent)>,
) -> Result<IdbDatabase, StoreError> {
    let request = asked?;
    // Kept alive until the open settles; a `blocked` event rejects with the marker.
    let mut on_blocked = None;
    let opened = JsFuture::from(Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        let blocked = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(BLOCKED));
        });
        request.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
        on_blocked = Some(blocked);
    }))
    .await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    drop(upgrade);
    drop(on_blocked);
    match opened {
        Ok(_) => {
            request.set_onsuccess(None);
            request.set_onerror(None);
            let db = request
                .result()
                .map_err(|error| failure(&error))?
                .dyn_into::<IdbDatabase>()
                .map_err(|_| StoreError::Other {
                    name: String::new(),
                    message: "the browser opened something that is not a database".into(),
                })?;
            // A newer version opening in another tab asks this connection to let go.
            let on_version_change = Closure::<dyn FnMut(JsValue)>::new({
                let db = db.clone();
                move |_event: JsValue| db.close()
            });
            db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
            on_version_change.forget();
            Ok(db)
        }
        Err(reason) if reason.as_string().as_deref() == Some(BLOCKED) => {
            let close_late = Closure::once_into_js(move |event: web_sys::Event| {
                let db = event
                    .target()
                    .and_then(|target| target.dyn_into::<IdbOpenDbRequest>().ok())
                    .and_then(|request| request.result().ok())
                    .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
                if let Some(db) = db {
                    db.close();
                }
            });
            request.set_onsuccess(Some(close_late.unchecked_ref()));
            Err(StoreError::Unavailable(Unavailable::Blocked))
        }
        Err(_) => Err(match request.error() {
            Ok(Some(error)) => {
                let (name, message) = dom_error(&error);
                if name == "QuotaExceededError" {
                    StoreError::QuotaExceeded
                } else {
                    StoreError::Unavailable(Unavailable::Refused { name, message })
                }
            }
            Ok(None) | Err(_) => StoreError::Unavailable(Unavailable::Refused {
                name: String::new(),
                message: "the browser refused to open the database".into(),
            }),
        }),
    }
}

const BLOCKED: &str = "cpor-desk: open blocked";

/// Create the stores of [`VERSION`] 1 (the only version so far).
fn create_stores(event: &web_sys::IdbVersionChangeEvent) {
    let db = event
        .target()
        .and_then(|target| target.dyn_into::<IdbOpenDbRequest>().ok())
        .and_then(|request| request.result().ok())
        .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
    let Some(db) = db else { return };
    let existing = db.object_store_names();
    let absent = |name: &str| !existing.contains(name);
    // A failure here aborts the upgrade and so the open, which reports it.
    if absent(CLAIMS) {
        let _ = db.create_object_store(CLAIMS);
    }
    if absent(SUMMARIES) {
        let _ = db.create_object_store(SUMMARIES);
    }
    if absent(KEPT_ASIDE) {
        let params = IdbObjectStoreParameters::new();
        params.set_auto_increment(true);
        let _ = db.create_object_store_with_optional_parameters(KEPT_ASIDE, &params);
    }
}

/// Delete database `name` (tests; never on a user's data without their explicit choice).
pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let request = factory()?
        .delete_database(name)
        .map_err(|error| failure(&error))?;
    done(&request).await.map(|_| ())
}

/// Read-write and read-only, as web-sys names them.
pub const READ_WRITE: IdbTransactionMode = IdbTransactionMode::Readwrite;
/// See [`READ_WRITE`].
pub const READ_ONLY: IdbTransactionMode = IdbTransactionMode::Readonly;

//! `navigator.storage`: how much the site uses and may use, and asking the browser to
//! keep the site's data under storage pressure (without it, a browser may evict a site's
//! IndexedDB when the disk runs low).

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The browser's estimate of the site's storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Bytes used by the site (every kind of storage), when the browser says.
    pub usage: Option<f64>,
    /// Bytes the site may use, when the browser says.
    pub quota: Option<f64>,
}

/// Whether the browser keeps the site's data under storage pressure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// It does: data is removed only by the user.
    Persistent,
    /// It may evict the data when the disk runs low (the browser declined, or has not
    /// been asked).
    BestEffort,
    /// This browser has no `navigator.storage` (or not in this context).
    Unsupported,
}

fn manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
        .filter(|manager| !JsValue::from(manager.clone()).is_undefined())
}

/// `navigator.storage.estimate()`. `None` when the browser cannot say.
pub async fn estimate() -> Option<Estimate> {
    let promise = manager()?.estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let number = |field: &str| {
        js_sys::Reflect::get(&estimate, &field.into())
            .ok()
            .and_then(|value| value.as_f64())
    };
    Some(Estimate {
        usage: number("usage"),
        quota: number("quota"),
    })
}

/// Ask for persistent storage (`navigator.storage.persist()`); the browser decides,
/// possibly by asking the user.
pub async fn persist() -> Persistence {
    ask(|manager| manager.persist()).await
}

/// Whether storage is persistent already (`navigator.storage.persisted()`).
pub async fn persisted() -> Persistence {
    ask(|manager| manager.persisted()).await
}

async fn ask(
    call: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, JsValue>,
) -> Persistence {
    let Some(manager) = manager() else {
        return Persistence::Unsupported;
    };
    let Ok(promise) = call(&manager) else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise)
        .await
        .map(|granted| granted.as_bool())
    {
        Ok(Some(true)) => Persistence::Persistent,
        Ok(Some(false)) => Persistence::BestEffort,
        Ok(None) | Err(_) => Persistence::Unsupported,
    }
}

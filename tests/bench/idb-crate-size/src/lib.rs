//! The store's IndexedDB operations, once per candidate crate (chosen by feature), so
//! that `measure.sh` can compare what each adds to a release wasm. Every variant does the
//! same work, with the same JSON text values the app stores:
//!
//! 1. open database `name` at version 1, creating stores `claims`, `summaries` and
//!    `kept_aside` (auto-increment) when upgrading;
//! 2. compare-and-write: in one read-write transaction over `claims` and `summaries`,
//!    read `claims[key]`, refuse unless it holds the expected text, else put the claim and
//!    its summary and wait for the commit;
//! 3. read every summary (`getAll`) in a read-only transaction;
//! 4. delete one claim and summary in a read-write transaction;
//! 5. tell a full disk (`QuotaExceededError`) from any other failure by the DOM name.
//!
//! `baseline` does steps 2–5 on a `Vec`, so the difference is IndexedDB's alone.

use wasm_bindgen::prelude::*;

#[derive(Debug, PartialEq)]
pub enum Failure {
    QuotaExceeded,
    ChangedElsewhere,
    Other(String),
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Summary {
    id: String,
    revision: u64,
}

/// What the page calls; returns how many summaries were read.
#[wasm_bindgen]
pub async fn run(name: String, key: String, claim: String, expected: Option<String>) -> u32 {
    let summary = serde_json::to_string(&Summary {
        id: key.clone(),
        revision: 1,
    })
    .unwrap_or_default();
    let result = imp::run(&name, &key, &claim, &summary, expected.as_deref()).await;
    match result {
        Ok(summaries) => summaries
            .iter()
            .filter(|text| serde_json::from_str::<Summary>(text).is_ok())
            .count() as u32,
        Err(Failure::QuotaExceeded) => 1_000_001,
        Err(Failure::ChangedElsewhere) => 1_000_002,
        Err(Failure::Other(text)) => text.len() as u32 + 2_000_000,
    }
}

#[cfg(feature = "baseline")]
mod imp {
    use super::Failure;
    use std::cell::RefCell;

    thread_local! {
        static STORE: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
    }

    pub async fn run(
        _name: &str,
        key: &str,
        claim: &str,
        summary: &str,
        expected: Option<&str>,
    ) -> Result<Vec<String>, Failure> {
        STORE.with(|store| {
            let mut store = store.borrow_mut();
            let stored = store.iter().find(|(k, _, _)| k == key).map(|e| e.1.clone());
            if stored.as_deref() != expected {
                return Err(Failure::ChangedElsewhere);
            }
            store.retain(|(k, _, _)| k != key);
            store.push((key.into(), claim.into(), summary.into()));
            let all = store.iter().map(|e| e.2.clone()).collect();
            store.retain(|(k, _, _)| !k.ends_with("-gone"));
            Ok(all)
        })
    }
}

#[cfg(feature = "raw-web-sys")]
mod imp {
    use super::Failure;
    use js_sys::{Array, Promise};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransactionMode};

    fn failure(error: JsValue) -> Failure {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => Failure::QuotaExceeded,
            _ => Failure::Other(name.unwrap_or_default()),
        }
    }

    /// A request's result, once it succeeds.
    async fn done(request: &IdbRequest) -> Result<JsValue, Failure> {
        let promise = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        JsFuture::from(promise).await.map_err(|_| {
            request
                .error()
                .ok()
                .flatten()
                .map_or(Failure::Other(String::new()), |e| failure(e.into()))
        })?;
        request.result().map_err(failure)
    }

    async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), Failure> {
        let promise = Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
            tx.set_onerror(Some(&reject));
        });
        JsFuture::from(promise).await.map_err(|_| {
            tx.error()
                .map_or(Failure::Other(String::new()), |e| failure(e.into()))
        })?;
        Ok(())
    }

    async fn open(name: &str) -> Result<IdbDatabase, Failure> {
        let factory = web_sys::window()
            .ok_or(Failure::Other("no window".into()))?
            .indexed_db()
            .map_err(failure)?
            .ok_or(Failure::Other("no indexedDB".into()))?;
        let request = factory.open_with_u32(name, 1).map_err(failure)?;
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |event: web_sys::IdbVersionChangeEvent| {
                let Some(db) = event
                    .target()
                    .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                    .and_then(|r| r.result().ok())
                    .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
                else {
                    return;
                };
                let _ = db.create_object_store("claims");
                let _ = db.create_object_store("summaries");
                let params = IdbObjectStoreParameters::new();
                params.set_auto_increment(true);
                let _ = db.create_object_store_with_optional_parameters("kept_aside", &params);
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = done(&request).await?;
        drop(upgrade);
        db.dyn_into::<IdbDatabase>()
            .map_err(|_| Failure::Other("not a database".into()))
    }

    pub async fn run(
        name: &str,
        key: &str,
        claim: &str,
        summary: &str,
        expected: Option<&str>,
    ) -> Result<Vec<String>, Failure> {
        let db = open(name).await?;
        let stores = Array::of2(&"claims".into(), &"summaries".into());
        let tx = db
            .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
            .map_err(failure)?;
        let claims = tx.object_store("claims").map_err(failure)?;
        let summaries = tx.object_store("summaries").map_err(failure)?;
        let stored = done(&claims.get(&key.into()).map_err(failure)?).await?;
        if stored.as_string().as_deref() != expected {
            tx.abort().map_err(failure)?;
            return Err(Failure::ChangedElsewhere);
        }
        claims
            .put_with_key(&claim.into(), &key.into())
            .map_err(failure)?;
        summaries
            .put_with_key(&summary.into(), &key.into())
            .map_err(failure)?;
        committed(&tx).await?;

        let tx = db.transaction_with_str("summaries").map_err(failure)?;
        let all = done(
            &tx.object_store("summaries")
                .map_err(failure)?
                .get_all()
                .map_err(failure)?,
        )
        .await?;
        let all: Vec<String> = Array::from(&all)
            .iter()
            .filter_map(|v| v.as_string())
            .collect();

        let gone = format!("{key}-gone");
        let tx = db
            .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
            .map_err(failure)?;
        for store in ["claims", "summaries"] {
            tx.object_store(store)
                .map_err(failure)?
                .delete(&gone.as_str().into())
                .map_err(failure)?;
        }
        committed(&tx).await?;
        db.close();
        Ok(all)
    }
}

#[cfg(feature = "indexed-db-futures")]
mod imp {
    use super::Failure;
    use indexed_db_futures::database::Database;
    use indexed_db_futures::error::{DomException, Error, OpenDbError};
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    fn failure(error: Error) -> Failure {
        match error {
            Error::DomException(DomException::Other(e)) if e.name() == "QuotaExceededError" => {
                Failure::QuotaExceeded
            }
            other => Failure::Other(other.to_string()),
        }
    }

    fn open_failure(error: OpenDbError) -> Failure {
        Failure::Other(error.to_string())
    }

    pub async fn run(
        name: &str,
        key: &str,
        claim: &str,
        summary: &str,
        expected: Option<&str>,
    ) -> Result<Vec<String>, Failure> {
        let db = Database::open(name)
            .with_version(1u8)
            .with_on_upgrade_needed(|_event, db| {
                db.create_object_store("claims").build()?;
                db.create_object_store("summaries").build()?;
                db.create_object_store("kept_aside")
                    .with_auto_increment(true)
                    .build()?;
                Ok(())
            })
            .await
            .map_err(open_failure)?;

        let tx = db
            .transaction(["claims", "summaries"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failure)?;
        let claims = tx.object_store("claims").map_err(failure)?;
        let summaries = tx.object_store("summaries").map_err(failure)?;
        let stored: Option<String> = claims
            .get(key)
            .primitive()
            .map_err(failure)?
            .await
            .map_err(failure)?;
        if stored.as_deref() != expected {
            return Err(Failure::ChangedElsewhere);
        }
        claims
            .put(claim)
            .with_key(key)
            .primitive()
            .map_err(failure)?;
        summaries
            .put(summary)
            .with_key(key)
            .primitive()
            .map_err(failure)?;
        tx.commit().await.map_err(failure)?;

        let all: Vec<String> = {
            let tx = db.transaction("summaries").build().map_err(failure)?;
            let all = tx
                .object_store("summaries")
                .map_err(failure)?
                .get_all()
                .primitive()
                .map_err(failure)?
                .await
                .map_err(failure)?
                .filter_map(Result::ok)
                .collect();
            all
        };

        let gone = format!("{key}-gone");
        let tx = db
            .transaction(["claims", "summaries"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failure)?;
        for store in ["claims", "summaries"] {
            tx.object_store(store)
                .map_err(failure)?
                .delete(gone.as_str())
                .primitive()
                .map_err(failure)?;
        }
        tx.commit().await.map_err(failure)?;
        db.close();
        Ok(all)
    }
}

#[cfg(feature = "idb")]
mod imp {
    use super::Failure;
    use idb::{Database, DatabaseEvent, Error, Factory, ObjectStoreParams, TransactionMode};
    use wasm_bindgen::JsValue;

    fn failure(error: Error) -> Failure {
        let text = error.to_string();
        if text.contains("QuotaExceeded") {
            Failure::QuotaExceeded
        } else {
            Failure::Other(text)
        }
    }

    async fn open(name: &str) -> Result<Database, Failure> {
        let factory = Factory::new().map_err(failure)?;
        let mut request = factory.open(name, Some(1)).map_err(failure)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            let _ = db.create_object_store("claims", ObjectStoreParams::new());
            let _ = db.create_object_store("summaries", ObjectStoreParams::new());
            let mut params = ObjectStoreParams::new();
            params.auto_increment(true);
            let _ = db.create_object_store("kept_aside", params);
        });
        request.await.map_err(failure)
    }

    pub async fn run(
        name: &str,
        key: &str,
        claim: &str,
        summary: &str,
        expected: Option<&str>,
    ) -> Result<Vec<String>, Failure> {
        let db = open(name).await?;
        let tx = db
            .transaction(&["claims", "summaries"], TransactionMode::ReadWrite)
            .map_err(failure)?;
        let claims = tx.object_store("claims").map_err(failure)?;
        let summaries = tx.object_store("summaries").map_err(failure)?;
        let stored = claims
            .get(JsValue::from_str(key))
            .map_err(failure)?
            .await
            .map_err(failure)?;
        if stored.and_then(|v| v.as_string()).as_deref() != expected {
            let _ = tx.abort();
            return Err(Failure::ChangedElsewhere);
        }
        claims
            .put(&claim.into(), Some(&key.into()))
            .map_err(failure)?;
        summaries
            .put(&summary.into(), Some(&key.into()))
            .map_err(failure)?;
        tx.commit().map_err(failure)?.await.map_err(failure)?;

        let tx = db
            .transaction(&["summaries"], TransactionMode::ReadOnly)
            .map_err(failure)?;
        let all: Vec<String> = tx
            .object_store("summaries")
            .map_err(failure)?
            .get_all(None, None)
            .map_err(failure)?
            .await
            .map_err(failure)?
            .into_iter()
            .filter_map(|v| v.as_string())
            .collect();

        let gone = format!("{key}-gone");
        let tx = db
            .transaction(&["claims", "summaries"], TransactionMode::ReadWrite)
            .map_err(failure)?;
        for store in ["claims", "summaries"] {
            tx.object_store(store)
                .map_err(failure)?
                .delete(JsValue::from_str(&gone))
                .map_err(failure)?;
        }
        tx.commit().map_err(failure)?.await.map_err(failure)?;
        db.close();
        Ok(all)
    }
}

#[cfg(feature = "rexie")]
mod imp {
    use super::Failure;
    use rexie::{Error, ObjectStore, Rexie, TransactionMode};
    use wasm_bindgen::JsValue;

    fn failure(error: Error) -> Failure {
        let text = error.to_string();
        if text.contains("QuotaExceeded") {
            Failure::QuotaExceeded
        } else {
            Failure::Other(text)
        }
    }

    pub async fn run(
        name: &str,
        key: &str,
        claim: &str,
        summary: &str,
        expected: Option<&str>,
    ) -> Result<Vec<String>, Failure> {
        let db = Rexie::builder(name)
            .version(1)
            .add_object_store(ObjectStore::new("claims"))
            .add_object_store(ObjectStore::new("summaries"))
            .add_object_store(ObjectStore::new("kept_aside").auto_increment(true))
            .build()
            .await
            .map_err(failure)?;
        let tx = db
            .transaction(&["claims", "summaries"], TransactionMode::ReadWrite)
            .map_err(failure)?;
        let claims = tx.store("claims").map_err(failure)?;
        let summaries = tx.store("summaries").map_err(failure)?;
        let stored = claims.get(JsValue::from_str(key)).await.map_err(failure)?;
        if stored.and_then(|v| v.as_string()).as_deref() != expected {
            let _ = tx.abort().await;
            return Err(Failure::ChangedElsewhere);
        }
        claims
            .put(&claim.into(), Some(&key.into()))
            .await
            .map_err(failure)?;
        summaries
            .put(&summary.into(), Some(&key.into()))
            .await
            .map_err(failure)?;
        tx.done().await.map_err(failure)?;

        let tx = db
            .transaction(&["summaries"], TransactionMode::ReadOnly)
            .map_err(failure)?;
        let all: Vec<String> = tx
            .store("summaries")
            .map_err(failure)?
            .get_all(None, None)
            .await
            .map_err(failure)?
            .into_iter()
            .filter_map(|v| v.as_string())
            .collect();

        let gone = format!("{key}-gone");
        let tx = db
            .transaction(&["claims", "summaries"], TransactionMode::ReadWrite)
            .map_err(failure)?;
        for store in ["claims", "summaries"] {
            tx.store(store)
                .map_err(failure)?
                .delete(JsValue::from_str(&gone))
                .await
                .map_err(failure)?;
        }
        tx.done().await.map_err(failure)?;
        db.close();
        Ok(all)
    }
}

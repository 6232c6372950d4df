//! Settings stay in local storage, at the same key as before (`<workspace>/v1/settings`),
//! so they are there synchronously at start and even when IndexedDB cannot be opened.
//! What changes: the entry carries a `revision` beside the settings' own fields, and a
//! write names the revision it replaces, like a claim's.
//!
//! The previous version reads the entry as before (it ignores the extra field) and writes
//! it without one: a missing revision reads as 0, so such a write is noticed as a change
//! made elsewhere. An entry that cannot be read is never overwritten: a write first moves
//! it to the kept-aside store, and refuses, saying so.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{ClaimDb, KeptAsideOrigin, KeptAsideReason, StoreError, Unavailable};
use crate::storage::{ClaimStore, Namespace};

/// The settings' own field that holds the revision.
const REVISION: &str = "revision";

/// A value with the revision it is stored at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revisioned<T> {
    /// Rises by one with every write; 0 for an entry the previous version wrote.
    pub revision: u64,
    /// The settings.
    pub value: T,
}

/// Why stored settings could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsReadError {
    /// Local storage cannot be used.
    Unavailable,
    /// The entry is not settings this version can read; it stays as it is.
    Unreadable {
        /// The stored text.
        raw: String,
        /// Why (the parser's words).
        reason: KeptAsideReason,
    },
}

/// The settings entry of one workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsStore {
    key: String,
}

impl SettingsStore {
    /// The settings of `namespace`.
    pub fn new(namespace: Namespace) -> Self {
        SettingsStore {
            key: ClaimStore::new(namespace).entry_key("settings"),
        }
    }

    /// The local-storage key (other tabs' `storage` events name it).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The stored settings: `Ok(None)` when there are none.
    pub fn read<T: DeserializeOwned>(&self) -> Result<Option<Revisioned<T>>, SettingsReadError> {
        let storage = local_storage().ok_or(SettingsReadError::Unavailable)?;
        match storage.get_item(&self.key) {
            Ok(None) => Ok(None),
            Ok(Some(raw)) => parse(&raw)
                .map(Some)
                .map_err(|reason| SettingsReadError::Unreadable { raw, reason }),
            Err(_) => Err(SettingsReadError::Unavailable),
        }
    }

    /// Store `value`, replacing stored revision `replaces` (`None`: no settings stored
    /// yet); returns the new revision. Refused, changing nothing, when another revision
    /// is stored. Stored settings that cannot be read as a `T` are first moved into `db`'s
    /// kept-aside store ([`StoreError::KeptAside`]; the next write with `None` is made);
    /// without a database they are left alone and the write is refused.
    pub async fn write<T: Serialize + DeserializeOwned>(
        &self,
        db: Option<&ClaimDb>,
        value: &T,
        replaces: Option<u64>,
    ) -> Result<u64, StoreError> {
        let storage = local_storage().ok_or(StoreError::Unavailable(Unavailable::Refused {
            name: String::new(),
            message: "local storage is not available".into(),
        }))?;
        let stored = storage
            .get_item(&self.key)
            .map_err(|error| super::idb::failure(&error))?;
        let stored_revision = match &stored {
            None => None,
            Some(raw) => match parse::<T>(raw) {
                Ok(current) => Some(current.revision),
                Err(reason) => return Err(self.set_aside(db, raw, reason).await),
            },
        };
        if stored_revision != replaces {
            return Err(StoreError::ChangedElsewhere { stored_revision });
        }
        let revision = replaces.map_or(1, |revision| revision.saturating_add(1));
        let mut fields = match serde_json::to_value(value) {
            Ok(Value::Object(fields)) => fields,
            Ok(_) | Err(_) => {
                return Err(StoreError::Other {
                    name: String::new(),
                    message: "settings must serialise as a JSON object".into(),
                })
            }
        };
        fields.insert(REVISION.into(), Value::from(revision));
        let text = Value::Object(fields).to_string();
        // Local storage has no transactions: compare once more right before writing.
        if storage.get_item(&self.key).ok().flatten() != stored {
            return Err(StoreError::ChangedElsewhere {
                stored_revision: None,
            });
        }
        storage
            .set_item(&self.key, &text)
            .map_err(|error| super::idb::failure(&error))?;
        Ok(revision)
    }

    /// Move unreadable stored settings aside, then out of local storage if unchanged.
    async fn set_aside(
        &self,
        db: Option<&ClaimDb>,
        raw: &str,
        reason: KeptAsideReason,
    ) -> StoreError {
        let Some(db) = db else {
            return StoreError::Unavailable(Unavailable::NoIndexedDb);
        };
        let entry = match db
            .keep_aside(KeptAsideOrigin::LocalStorage, &self.key, raw, reason)
            .await
        {
            Ok(entry) => entry,
            Err(error) => return error,
        };
        if let Some(storage) = local_storage() {
            if storage.get_item(&self.key).ok().flatten().as_deref() == Some(raw) {
                let _ = storage.remove_item(&self.key);
            }
        }
        StoreError::KeptAside(Box::new(entry))
    }
}

/// Settings and their revision from stored text.
fn parse<T: DeserializeOwned>(raw: &str) -> Result<Revisioned<T>, KeptAsideReason> {
    let mut fields: Map<String, Value> =
        serde_json::from_str(raw).map_err(|error: serde_json::Error| match error.classify() {
            serde_json::error::Category::Data => KeptAsideReason::WrongShape {
                message: error.to_string(),
            },
            serde_json::error::Category::Io
            | serde_json::error::Category::Syntax
            | serde_json::error::Category::Eof => KeptAsideReason::NotJson {
                message: error.to_string(),
            },
        })?;
    let revision = match fields.remove(REVISION) {
        None => 0,
        Some(value) => value.as_u64().ok_or_else(|| KeptAsideReason::WrongShape {
            message: format!("the revision is {value}, not a whole number"),
        })?,
    };
    let value = serde_json::from_value(Value::Object(fields)).map_err(|error| {
        KeptAsideReason::WrongShape {
            message: error.to_string(),
        }
    })?;
    Ok(Revisioned { revision, value })
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

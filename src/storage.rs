//! Browser local storage: one entry per claim under namespaced, versioned keys.
//!
//! Keys look like `cpor-desk/v1/claim/<uuid>`; the training workspace uses its own
//! namespace. Three promises hold here:
//!
//! * an entry that cannot be read is reported and left exactly as it is: nothing here
//!   ever writes over it (the user can download it, or discard it explicitly);
//! * a write that fails (quota full, storage disabled) returns an error and changes
//!   nothing, so the caller keeps the data in memory and says so;
//! * a write names the revision it expects to replace, so two tabs never silently
//!   overwrite each other's changes.

use claim_rules::model::Claim;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;

/// The format version in every key; rises when the stored shape changes incompatibly.
pub const STORAGE_VERSION: &str = "v1";

/// Where a set of claims lives: the real workspace or the training one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// The partner's real claims.
    Work,
    /// Training scenarios; never mixed with real claims.
    Training,
    /// Browser tests: a namespace of their own so they never touch real data.
    Test(&'static str),
}

impl Namespace {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Namespace::Work => "cpor-desk",
            Namespace::Training => "cpor-desk-training",
            Namespace::Test(name) => name,
        }
    }
}

/// A stored entry that could not be read. It stays untouched in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableEntry {
    /// The storage key.
    pub key: String,
    /// The stored text, exactly as found.
    pub raw: String,
    /// Why it could not be read.
    pub error: String,
}

/// What loading found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// Every claim that could be read.
    pub claims: Vec<Claim>,
    /// Every claim entry that could not; kept aside.
    pub unreadable: Vec<UnreadableEntry>,
}

/// Why a write did not happen. In every case storage is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Local storage is not available (disabled, private mode).
    Unavailable(String),
    /// The browser refused the write: storage is full.
    QuotaExceeded,
    /// Another tab changed this claim since it was loaded here.
    ChangedElsewhere {
        /// The revision found in storage (`None`: it was deleted there).
        stored_revision: Option<u64>,
    },
    /// The entry at this key cannot be read; it is kept aside and not overwritten.
    KeptAside,
    /// Any other failure, with the browser's words.
    Other(String),
}

/// The claims (and settings) of one namespace in local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimStore {
    namespace: Namespace,
}

impl ClaimStore {
    /// The store of a namespace.
    pub fn new(namespace: Namespace) -> Self {
        ClaimStore { namespace }
    }

    fn prefix(&self) -> String {
        format!("{}/{}/", self.namespace.name(), STORAGE_VERSION)
    }

    fn claim_prefix(&self) -> String {
        format!("{}claim/", self.prefix())
    }

    /// The key of a claim's entry.
    pub fn claim_key(&self, id: Uuid) -> String {
        format!("{}{}", self.claim_prefix(), id)
    }

    /// The key of a named single entry, for example `settings`.
    pub fn entry_key(&self, name: &str) -> String {
        format!("{}{}", self.prefix(), name)
    }

    fn raw() -> Result<web_sys::Storage, WriteError> {
        // gloo's accessor throws (panics) when storage is unavailable; ask first.
        let window =
            web_sys::window().ok_or_else(|| WriteError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(WriteError::Unavailable("local storage is disabled".into())),
            Err(error) => Err(WriteError::Unavailable(js_error_text(&error))),
        }
    }

    /// Every key in this store's claim namespace.
    fn claim_keys(&self) -> Result<Vec<String>, WriteError> {
        let storage = Self::raw()?;
        let prefix = self.claim_prefix();
        let length = storage
            .length()
            .map_err(|e| WriteError::Other(js_error_text(&e)))?;
        Ok((0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(&prefix))
            .collect())
    }

    /// Read every claim. Entries that are not JSON, not a claim, or filed under another
    /// claim's key are reported as unreadable and left in place.
    pub fn load(&self) -> Result<Loaded, WriteError> {
        let storage = Self::raw()?;
        let mut loaded = Loaded::default();
        let mut keys = self.claim_keys()?;
        keys.sort();
        for key in keys {
            let Ok(Some(raw)) = storage.get_item(&key) else {
                continue;
            };
            match parse_claim_entry(&key, &self.claim_prefix(), &raw) {
                Ok(claim) => loaded.claims.push(claim),
                Err(error) => loaded.unreadable.push(UnreadableEntry { key, raw, error }),
            }
        }
        Ok(loaded)
    }

    /// Read one claim as stored now: `Ok(None)` if absent, `Err` with the reason if unreadable.
    pub fn read_claim(&self, id: Uuid) -> Result<Option<Claim>, String> {
        let storage = Self::raw().map_err(|e| format!("{e:?}"))?;
        let key = self.claim_key(id);
        match storage.get_item(&key) {
            Ok(None) => Ok(None),
            Ok(Some(raw)) => parse_claim_entry(&key, &self.claim_prefix(), &raw).map(Some),
            Err(error) => Err(js_error_text(&error)),
        }
    }

    /// Write a claim, replacing the stored revision `expected` (`None`: the claim must
    /// not be stored yet). Refuses, changing nothing, if storage holds something else.
    pub fn save_claim(&self, claim: &Claim, expected: Option<u64>) -> Result<(), WriteError> {
        let stored = match self.read_claim(claim.id) {
            Ok(stored) => stored.map(|c| c.revision),
            Err(_) => return Err(WriteError::KeptAside),
        };
        if stored != expected {
            return Err(WriteError::ChangedElsewhere {
                stored_revision: stored,
            });
        }
        let text = serde_json::to_string(claim).map_err(|e| WriteError::Other(e.to_string()))?;
        set_item(&self.claim_key(claim.id), &text)
    }

    /// Remove a claim whose stored revision is `expected`.
    pub fn remove_claim(&self, id: Uuid, expected: u64) -> Result<(), WriteError> {
        let stored = match self.read_claim(id) {
            Ok(stored) => stored.map(|c| c.revision),
            Err(_) => return Err(WriteError::KeptAside),
        };
        if stored != Some(expected) {
            return Err(WriteError::ChangedElsewhere {
                stored_revision: stored,
            });
        }
        Self::raw()?
            .remove_item(&self.claim_key(id))
            .map_err(|e| WriteError::Other(js_error_text(&e)))
    }

    /// Discard an unreadable entry, on the user's explicit request, if it still holds `raw`.
    pub fn discard_unreadable(&self, entry: &UnreadableEntry) -> Result<(), WriteError> {
        let storage = Self::raw()?;
        match storage.get_item(&entry.key) {
            Ok(Some(current)) if current == entry.raw => storage
                .remove_item(&entry.key)
                .map_err(|e| WriteError::Other(js_error_text(&e))),
            Ok(_) => Err(WriteError::ChangedElsewhere {
                stored_revision: None,
            }),
            Err(error) => Err(WriteError::Other(js_error_text(&error))),
        }
    }

    /// Read a single JSON entry such as the settings. `Ok(None)` if absent; `Err` holds the
    /// raw text and the reason when it is unreadable (it is left in place).
    pub fn read_entry<T: DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Option<T>, UnreadableEntry> {
        let key = self.entry_key(name);
        let Ok(storage) = Self::raw() else {
            return Ok(None);
        };
        match storage.get_item(&key) {
            Ok(Some(raw)) => {
                serde_json::from_str(&raw)
                    .map(Some)
                    .map_err(|error| UnreadableEntry {
                        key,
                        raw,
                        error: error.to_string(),
                    })
            }
            _ => Ok(None),
        }
    }

    /// Write a single JSON entry. An unreadable entry already there is first copied,
    /// unchanged, to `<name>.unreadable-<millis>`; if that copy fails, nothing is written.
    pub fn write_entry<T: Serialize>(
        &self,
        name: &str,
        value: &T,
        now_millis: i64,
    ) -> Result<(), WriteError> {
        if let Err(unreadable) = self.read_entry::<serde_json::Value>(name) {
            set_item(
                &self.entry_key(&format!("{name}.unreadable-{now_millis}")),
                &unreadable.raw,
            )?;
        }
        let text = serde_json::to_string(value).map_err(|e| WriteError::Other(e.to_string()))?;
        set_item(&self.entry_key(name), &text)
    }

    /// Whether a storage key belongs to this store's claims; gives the claim's ID.
    pub fn claim_id_of_key(&self, key: &str) -> Option<Uuid> {
        key.strip_prefix(&self.claim_prefix())
            .and_then(|id| Uuid::parse_str(id).ok())
    }

    fn rescue_prefix(&self) -> String {
        // Outside `<workspace>/v1/`: the move to the database keeps aside every entry
        // there it does not know, and a rescue is not an entry of the old layout.
        format!("{}/rescue/", self.namespace.name())
    }

    /// The key of the rescue copy of claim `id`.
    pub fn rescue_key(&self, id: Uuid) -> String {
        format!("{}{}", self.rescue_prefix(), id)
    }

    /// Copy a claim changed here and not stored yet, with the revision the database held
    /// when the change was made on it (`base`), synchronously: the page is going away and
    /// a database write would not finish. Read back by [`ClaimStore::rescues`] at the next
    /// start.
    pub fn write_rescue(&self, claim: &Claim, base: Option<u64>) -> Result<(), WriteError> {
        let text = serde_json::to_string(&RescueRef { base, claim })
            .map_err(|error| WriteError::Other(error.to_string()))?;
        set_item(&self.rescue_key(claim.id), &text)
    }

    /// Every rescue copy of this workspace: its key and its text as found.
    pub fn rescues(&self) -> Vec<(String, String)> {
        let Ok(storage) = Self::raw() else {
            return Vec::new();
        };
        let prefix = self.rescue_prefix();
        let length = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(&prefix))
            .collect();
        keys.into_iter()
            .filter_map(|key| {
                let raw = storage.get_item(&key).ok().flatten()?;
                Some((key, raw))
            })
            .collect()
    }

    /// Remove a rescue copy (its claim is stored, or kept aside).
    pub fn remove_rescue(&self, key: &str) {
        if let Ok(storage) = Self::raw() {
            let _ = storage.remove_item(key);
        }
    }

    /// Remove every entry of this namespace (browser tests only use this on test namespaces).
    pub fn clear_namespace(&self) -> Result<(), WriteError> {
        let storage = Self::raw()?;
        let prefix = self.prefix();
        let length = storage
            .length()
            .map_err(|e| WriteError::Other(js_error_text(&e)))?;
        let keys: Vec<String> = (0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(&prefix))
            .collect();
        for key in keys {
            storage
                .remove_item(&key)
                .map_err(|e| WriteError::Other(js_error_text(&e)))?;
        }
        Ok(())
    }
}

/// A rescue copy as written: the claim and the revision its change was built on.
#[derive(Serialize)]
struct RescueRef<'a> {
    base: Option<u64>,
    claim: &'a Claim,
}

/// A rescue copy as read back.
#[derive(Debug, serde::Deserialize)]
pub struct Rescue {
    /// The revision the database held when the change was made on it (`None`: new).
    pub base: Option<u64>,
    /// The claim as it was here.
    pub claim: Claim,
}

fn parse_claim_entry(key: &str, prefix: &str, raw: &str) -> Result<Claim, String> {
    let claim: Claim = serde_json::from_str(raw).map_err(|error| error.to_string())?;
    let key_id = key.strip_prefix(prefix).unwrap_or_default();
    if claim.id.to_string() != key_id {
        return Err(format!(
            "the entry holds claim {} but is filed under {key_id}",
            claim.id
        ));
    }
    Ok(claim)
}

fn set_item(key: &str, text: &str) -> Result<(), WriteError> {
    let storage = ClaimStore::raw()?;
    storage.set_item(key, text).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|name| name.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            WriteError::QuotaExceeded
        } else {
            WriteError::Other(js_error_text(&error))
        }
    })
}

fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown browser error".to_string())
}

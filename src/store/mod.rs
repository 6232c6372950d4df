//! Claims in IndexedDB: one database per workspace, each with three object stores.
//!
//! * `claims` — every claim as JSON text, keyed by its ID;
//! * `summaries` — every claim's [`ClaimSummary`] (what the dashboard lists, filters,
//!   searches and sorts on, and what the rules need for its status, next deadline and
//!   competing claims), keyed by the same ID, so the dashboard starts from summaries
//!   without parsing a single full claim;
//! * `kept_aside` — entries that could not be read, moved here as the text that was
//!   found, never overwritten, listed and downloadable.
//!
//! The real workspace is database `cpor-desk`, training is `cpor-desk-training`: a
//! transaction cannot span two databases, so nothing done in training can touch a real
//! claim. Promises kept here:
//!
//! * **Compare-and-write**: a write names the revision it replaces (`None`: the claim is
//!   new) and is refused, changing nothing, when the stored claim is another revision.
//!   The comparison, the claim and its summary are one read-write transaction.
//! * **Nothing unreadable is overwritten or dropped**: a stored claim that cannot be read
//!   moves, in the transaction that found it, to `kept_aside`.
//! * **A write is done when it has committed**: every write waits for the transaction's
//!   `complete` event; a full disk shows up there as [`StoreError::QuotaExceeded`].
//! * **Errors say what happened**: the store cannot be opened at all
//!   ([`StoreError::Unavailable`]), the disk is full, another tab changed the claim, the
//!   entry was kept aside, or something else with the browser's words.
//!
//! The move from local storage is in [`migrate`], settings (still in local storage,
//! revision-checked) in [`settings`], `navigator.storage` in [`quota`].

mod idb;
pub mod migrate;
pub mod quota;
mod records;
pub mod settings;

use claim_rules::model::Claim;
use claim_rules::summary::ClaimSummary;
use jiff::Timestamp;
use js_sys::Array;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStore};

use crate::storage::Namespace;
use idb::{CLAIMS, KEPT_ASIDE, READ_ONLY, READ_WRITE, SUMMARIES};
use records::KeptAsideRecord;

/// Why the store cannot be used at all. The app then works in memory and says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// The browser has no IndexedDB here.
    NoIndexedDb,
    /// The browser refused to open the database (a private window, storage disabled,
    /// a sandboxed page), with its words.
    Refused {
        /// The DOM error's name, for example `InvalidStateError` or `SecurityError`.
        name: String,
        /// The browser's message.
        message: String,
    },
    /// Another tab holds an older version of the database open and does not let go.
    Blocked,
    /// The connection was closed: a newer version opened in another tab, or the browser
    /// deleted the site's data.
    Closed,
    /// The browser did not answer the request to open the database (seen in Chromium
    /// when the site is over its quota at start).
    NoAnswer,
}

impl Unavailable {
    /// A stable code, for the catalogue (`store.unavailable.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Unavailable::NoIndexedDb => "no_indexed_db",
            Unavailable::Refused { .. } => "refused",
            Unavailable::Blocked => "blocked",
            Unavailable::Closed => "closed",
            Unavailable::NoAnswer => "no_answer",
        }
    }
}

/// Why a store operation did not happen. In every case nothing was stored, except what
/// [`StoreError::KeptAside`] says was moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The store cannot be used at all.
    Unavailable(Unavailable),
    /// The browser refused the write: the site's storage quota is used up.
    QuotaExceeded,
    /// The stored claim is not the revision the write replaces: another tab changed it.
    ChangedElsewhere {
        /// The revision stored now (`None`: there is none, it was deleted or never stored).
        stored_revision: Option<u64>,
    },
    /// The stored entry could not be read; it has been moved to the kept-aside store
    /// (this record) and the write was not made.
    KeptAside(Box<KeptAside>),
    /// Any other failure, with the browser's words.
    Other {
        /// The DOM error's name, when there was one.
        name: String,
        /// The browser's message.
        message: String,
    },
}

impl StoreError {
    /// A stable code, for the catalogue (`store.error.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Unavailable(_) => "unavailable",
            StoreError::QuotaExceeded => "quota_exceeded",
            StoreError::ChangedElsewhere { .. } => "changed_elsewhere",
            StoreError::KeptAside(_) => "kept_aside",
            StoreError::Other { .. } => "other",
        }
    }
}

/// Where a kept-aside entry was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeptAsideOrigin {
    /// In the `claims` store; its key is the claim ID.
    Claims,
    /// In local storage (moved by [`migrate`] or [`settings`]); its key is the storage key.
    LocalStorage,
    /// It is a kept-aside record that is itself damaged; shown as found.
    KeptAside,
    /// A tab's own change that could not be stored (another tab stored the claim
    /// first); its key is the claim ID.
    Memory,
}

/// Why an entry was kept aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeptAsideReason {
    /// The stored value is not text (something else wrote this database).
    NotText,
    /// The text is not JSON, with the parser's words.
    NotJson {
        /// The JSON parser's message.
        message: String,
    },
    /// The text is JSON, but not a claim (or not settings) of a shape this version reads.
    WrongShape {
        /// The parser's message: the field and what was wrong with it.
        message: String,
    },
    /// The text is a claim, but filed under another claim's ID.
    FiledUnderAnotherId {
        /// The ID the text holds.
        found: Uuid,
    },
    /// A stored claim replaced, while moving from local storage, by a newer revision found
    /// there (the local copy had changed in a tab of the previous version).
    ReplacedByNewerCopy {
        /// The revision that replaced it.
        revision: u64,
    },
    /// A local-storage copy of a claim that differs from the stored one and is not newer.
    OlderThanStoredCopy {
        /// The revision stored.
        stored_revision: u64,
    },
    /// A local-storage entry of the old layout that is neither a claim nor the settings,
    /// for example a copy of unreadable settings the previous version set aside.
    UnknownEntry,
    /// A change made in a tab while another tab stored the same claim first: this tab's
    /// version, kept so that nothing is lost.
    ChangedInAnotherTab {
        /// The revision of this tab's version.
        revision: u64,
    },
}

impl KeptAsideReason {
    /// A stable code, for the catalogue (`store.kept_aside.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            KeptAsideReason::NotText => "not_text",
            KeptAsideReason::NotJson { .. } => "not_json",
            KeptAsideReason::WrongShape { .. } => "wrong_shape",
            KeptAsideReason::FiledUnderAnotherId { .. } => "filed_under_another_id",
            KeptAsideReason::ReplacedByNewerCopy { .. } => "replaced_by_newer_copy",
            KeptAsideReason::OlderThanStoredCopy { .. } => "older_than_stored_copy",
            KeptAsideReason::UnknownEntry => "unknown_entry",
            KeptAsideReason::ChangedInAnotherTab { .. } => "changed_in_another_tab",
        }
    }
}

/// An entry in the kept-aside store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAside {
    /// Its number in the kept-aside store.
    pub id: u32,
    /// Where it was found.
    pub origin: KeptAsideOrigin,
    /// Its key there.
    pub key: String,
    /// The text exactly as found.
    pub raw: String,
    /// Why it was set aside.
    pub reason: KeptAsideReason,
    /// When it was moved (the browser's real time).
    pub moved_at: Timestamp,
}

impl KeptAside {
    /// A file name for downloading it: the number and the old key, with only safe characters.
    pub fn file_name(&self) -> String {
        let key: String = self
            .key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("cpor-desk-kept-aside-{}-{key}.txt", self.id)
    }
}

/// Every summary, as the dashboard starts from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summaries {
    /// One per readable claim, in claim-ID order.
    pub summaries: Vec<ClaimSummary>,
    /// Claims found unreadable while summaries were rebuilt: moved aside just now.
    pub kept_aside: Vec<KeptAside>,
    /// How many summaries were missing, unreadable or of an older format, and rebuilt
    /// from their claims.
    pub rebuilt: usize,
}

/// Every full claim (export, benchmarks).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    /// Every readable claim, in ID order.
    pub claims: Vec<Claim>,
    /// Claims found unreadable: moved aside just now.
    pub kept_aside: Vec<KeptAside>,
}

/// One write of a batch: a claim and the revision it replaces (`None`: it is new).
#[derive(Debug, Clone, Copy)]
pub struct Write<'a> {
    /// The claim to store.
    pub claim: &'a Claim,
    /// The stored revision it replaces.
    pub replaces: Option<u64>,
}

/// An open connection to one workspace's database.
#[derive(Debug, Clone)]
pub struct ClaimDb {
    db: IdbDatabase,
    namespace: Namespace,
}

impl ClaimDb {
    /// Open (creating on first use) the database of `namespace`. The browser is asked
    /// when this is called (see [`idb::open`]).
    pub fn open(
        namespace: Namespace,
    ) -> impl std::future::Future<Output = Result<ClaimDb, StoreError>> {
        let opening = idb::open(namespace.name());
        async move {
            let db = opening.await?;
            Ok(ClaimDb { db, namespace })
        }
    }

    /// Delete the whole database of `namespace` (browser tests, on test namespaces).
    pub async fn delete(namespace: Namespace) -> Result<(), StoreError> {
        idb::delete_database(namespace.name()).await
    }

    /// The workspace this database belongs to.
    pub fn namespace(&self) -> Namespace {
        self.namespace
    }

    /// Close the connection (pending transactions still finish).
    pub fn close(&self) {
        self.db.close();
    }

    /// Every claim's summary. A summary that is missing, unreadable or of another format
    /// is rebuilt from its claim; a claim that cannot be read is moved aside; a summary
    /// whose claim is gone is removed (it is derived data).
    pub async fn summaries(&self) -> Result<Summaries, StoreError> {
        let tx = idb::transaction(&self.db, &[CLAIMS, SUMMARIES], READ_ONLY)?;
        let summaries = idb::store(&tx, SUMMARIES)?;
        // All three asked at once: the browser answers them in order without waiting for
        // the page to take each answer.
        let claim_keys = idb::request(idb::store(&tx, CLAIMS)?.get_all_keys());
        let summary_keys = idb::request(summaries.get_all_keys());
        let summary_values = idb::request(summaries.get_all());
        let claim_keys = Array::from(&claim_keys.await?);
        let summary_keys = Array::from(&summary_keys.await?);
        let summary_values = Array::from(&summary_values.await?);

        let mut stored = std::collections::HashMap::new();
        for (key, value) in summary_keys.iter().zip(summary_values.iter()) {
            if let (Some(key), Some(text)) = (key.as_string(), value.as_string()) {
                stored.insert(key, text);
            }
        }
        let mut result = Summaries::default();
        let mut rebuild = Vec::new();
        for key in claim_keys.iter().filter_map(|key| key.as_string()) {
            let summary = stored
                .remove(&key)
                .and_then(|text| records::parse_summary(&text))
                .filter(|summary| summary.id.to_string() == key);
            match summary {
                Some(summary) => result.summaries.push(summary),
                None => rebuild.push(key),
            }
        }
        // What is left has no claim.
        let orphans: Vec<String> = stored.into_keys().collect();
        if !rebuild.is_empty() || !orphans.is_empty() {
            self.rebuild_summaries(&rebuild, &orphans, &mut result)
                .await?;
            result
                .summaries
                .sort_by_key(|summary| summary.id.to_string());
        }
        Ok(result)
    }

    async fn rebuild_summaries(
        &self,
        keys: &[String],
        orphans: &[String],
        result: &mut Summaries,
    ) -> Result<(), StoreError> {
        let tx = idb::transaction(&self.db, &[CLAIMS, SUMMARIES, KEPT_ASIDE], READ_WRITE)?;
        let claims = idb::store(&tx, CLAIMS)?;
        let summaries = idb::store(&tx, SUMMARIES)?;
        let kept_aside = idb::store(&tx, KEPT_ASIDE)?;
        let mut rebuilt = Vec::new();
        let mut moved = Vec::new();
        for key in keys {
            let value = idb::request(claims.get(&JsValue::from_str(key))).await?;
            if value.is_undefined() {
                continue;
            }
            match read_claim(key, &value) {
                Ok(claim) => {
                    let summary = ClaimSummary::of(&claim);
                    put(
                        &summaries,
                        key,
                        &records::summary_text(&summary).map_err(other)?,
                    )
                    .await?;
                    rebuilt.push(summary);
                }
                Err((raw, reason)) => {
                    let record = new_record(KeptAsideOrigin::Claims, key, raw, reason);
                    moved.push(move_aside(&claims, &summaries, &kept_aside, key, record).await?);
                }
            }
        }
        for key in orphans {
            idb::request(summaries.delete(&JsValue::from_str(key))).await?;
        }
        idb::committed(&tx).await?;
        result.rebuilt += rebuilt.len();
        result.summaries.extend(rebuilt);
        result.kept_aside.extend(moved);
        Ok(())
    }

    /// One full claim: `Ok(None)` when there is none. A stored claim that cannot be read
    /// is moved aside and reported as [`StoreError::KeptAside`].
    pub async fn claim(&self, id: Uuid) -> Result<Option<Claim>, StoreError> {
        self.claim_at(&id.to_string()).await
    }

    /// The claim filed under `key` (see [`ClaimDb::claim`]).
    async fn claim_at(&self, key: &str) -> Result<Option<Claim>, StoreError> {
        let key = key.to_string();
        let value = {
            let tx = idb::transaction(&self.db, &[CLAIMS], READ_ONLY)?;
            idb::request(idb::store(&tx, CLAIMS)?.get(&JsValue::from_str(&key))).await?
        };
        if value.is_undefined() {
            return Ok(None);
        }
        match read_claim(&key, &value) {
            Ok(claim) => Ok(Some(claim)),
            Err(_) => {
                // Move it in a read-write transaction, reading it again there: another tab
                // may have replaced it meanwhile.
                let tx = idb::transaction(&self.db, &[CLAIMS, SUMMARIES, KEPT_ASIDE], READ_WRITE)?;
                let claims = idb::store(&tx, CLAIMS)?;
                let now = idb::request(claims.get(&JsValue::from_str(&key))).await?;
                if now.is_undefined() {
                    return Ok(None);
                }
                match read_claim(&key, &now) {
                    Ok(claim) => Ok(Some(claim)),
                    Err((raw, reason)) => {
                        let record = new_record(KeptAsideOrigin::Claims, &key, raw, reason);
                        let entry = move_aside(
                            &claims,
                            &idb::store(&tx, SUMMARIES)?,
                            &idb::store(&tx, KEPT_ASIDE)?,
                            &key,
                            record,
                        )
                        .await?;
                        idb::committed(&tx).await?;
                        Err(StoreError::KeptAside(Box::new(entry)))
                    }
                }
            }
        }
    }

    /// Every full claim; unreadable ones are moved aside.
    pub async fn claims(&self) -> Result<Claims, StoreError> {
        let (keys, values) = {
            let tx = idb::transaction(&self.db, &[CLAIMS], READ_ONLY)?;
            let claims = idb::store(&tx, CLAIMS)?;
            (
                idb::get_all_keys(&claims).await?,
                idb::get_all(&claims).await?,
            )
        };
        let mut result = Claims::default();
        let mut unreadable = Vec::new();
        for (key, value) in keys.iter().zip(values.iter()) {
            let Some(key) = key.as_string() else { continue };
            match read_claim(&key, &value) {
                Ok(claim) => result.claims.push(claim),
                Err(_) => unreadable.push(key),
            }
        }
        for key in unreadable {
            match self.claim_at(&key).await {
                Ok(Some(claim)) => result.claims.push(claim),
                Ok(None) => {}
                Err(StoreError::KeptAside(entry)) => result.kept_aside.push(*entry),
                Err(error) => return Err(error),
            }
        }
        Ok(result)
    }

    /// Store `claim` and its summary, replacing stored revision `replaces` (`None`: the
    /// claim must not be stored yet). Refused, changing nothing, when the stored claim is
    /// another revision; a stored claim that cannot be read is moved aside instead.
    pub async fn write(&self, claim: &Claim, replaces: Option<u64>) -> Result<(), StoreError> {
        let mut results = self.write_batch(&[Write { claim, replaces }]).await?;
        results.pop().unwrap_or(Ok(()))
    }

    /// Store several claims in one transaction (an import). Each write is compared on its
    /// own and its refusal is its own result; the others are stored. When the
    /// transaction fails as a whole (a full disk) none is, and that is the `Err`.
    pub async fn write_batch(
        &self,
        writes: &[Write<'_>],
    ) -> Result<Vec<Result<(), StoreError>>, StoreError> {
        let mut texts = Vec::with_capacity(writes.len());
        for write in writes {
            let claim = records::claim_text(write.claim).map_err(other)?;
            let summary = records::summary_text(&ClaimSummary::of(write.claim)).map_err(other)?;
            texts.push((claim, summary));
        }
        let tx = idb::transaction(&self.db, &[CLAIMS, SUMMARIES, KEPT_ASIDE], READ_WRITE)?;
        let claims = idb::store(&tx, CLAIMS)?;
        let summaries = idb::store(&tx, SUMMARIES)?;
        let kept_aside = idb::store(&tx, KEPT_ASIDE)?;
        // Every read is asked at once and every write as soon as its read is compared:
        // the transaction runs them in order, and waiting for each request before making
        // the next made an import of ten thousand claims thirty thousand round trips.
        let keys: Vec<String> = writes
            .iter()
            .map(|write| write.claim.id.to_string())
            .collect();
        let reads: Vec<_> = keys
            .iter()
            .map(|key| claims.get(&JsValue::from_str(key)))
            .collect();
        let mut puts = Vec::with_capacity(2 * writes.len());
        let mut results = Vec::with_capacity(writes.len());
        for (((write, (claim_text, summary_text)), key), read) in
            writes.iter().zip(&texts).zip(&keys).zip(reads)
        {
            let stored = idb::request(read).await?;
            let stored_revision = if stored.is_undefined() {
                Ok(None)
            } else {
                read_claim(key, &stored).map(|claim| Some(claim.revision))
            };
            let result = match stored_revision {
                Ok(revision) if revision == write.replaces => {
                    let key = JsValue::from_str(key);
                    puts.push(claims.put_with_key(&JsValue::from_str(claim_text), &key));
                    puts.push(summaries.put_with_key(&JsValue::from_str(summary_text), &key));
                    Ok(())
                }
                Ok(revision) => Err(StoreError::ChangedElsewhere {
                    stored_revision: revision,
                }),
                Err((raw, reason)) => {
                    let record = new_record(KeptAsideOrigin::Claims, key, raw, reason);
                    let entry = move_aside(&claims, &summaries, &kept_aside, key, record).await?;
                    Err(StoreError::KeptAside(Box::new(entry)))
                }
            };
            results.push(result);
        }
        for put in puts {
            idb::request(put).await?;
        }
        idb::committed(&tx).await?;
        Ok(results)
    }

    /// Remove claim `id`, whose stored revision must be `replaces`.
    pub async fn remove(&self, id: Uuid, replaces: u64) -> Result<(), StoreError> {
        let key = id.to_string();
        let tx = idb::transaction(&self.db, &[CLAIMS, SUMMARIES, KEPT_ASIDE], READ_WRITE)?;
        let claims = idb::store(&tx, CLAIMS)?;
        let summaries = idb::store(&tx, SUMMARIES)?;
        let stored = idb::request(claims.get(&JsValue::from_str(&key))).await?;
        if stored.is_undefined() {
            return Err(StoreError::ChangedElsewhere {
                stored_revision: None,
            });
        }
        let result = match read_claim(&key, &stored) {
            Ok(claim) if claim.revision == replaces => {
                idb::request(claims.delete(&JsValue::from_str(&key))).await?;
                idb::request(summaries.delete(&JsValue::from_str(&key))).await?;
                Ok(())
            }
            Ok(claim) => Err(StoreError::ChangedElsewhere {
                stored_revision: Some(claim.revision),
            }),
            Err((raw, reason)) => {
                let record = new_record(KeptAsideOrigin::Claims, &key, raw, reason);
                let kept_aside = idb::store(&tx, KEPT_ASIDE)?;
                let entry = move_aside(&claims, &summaries, &kept_aside, &key, record).await?;
                Err(StoreError::KeptAside(Box::new(entry)))
            }
        };
        idb::committed(&tx).await?;
        result
    }

    /// Every kept-aside entry, oldest first.
    pub async fn kept_aside(&self) -> Result<Vec<KeptAside>, StoreError> {
        let tx = idb::transaction(&self.db, &[KEPT_ASIDE], READ_ONLY)?;
        let store = idb::store(&tx, KEPT_ASIDE)?;
        let keys = idb::get_all_keys(&store).await?;
        let values = idb::get_all(&store).await?;
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(key, value)| {
                let id = key.as_f64()? as u32;
                Some(KeptAsideRecord::read(id, &text_of(&value)))
            })
            .collect())
    }

    /// Keep `raw` (found at `key` in `origin`) aside for `reason`. Idempotent: an
    /// identical entry already there is returned instead of a second copy.
    pub async fn keep_aside(
        &self,
        origin: KeptAsideOrigin,
        key: &str,
        raw: &str,
        reason: KeptAsideReason,
    ) -> Result<KeptAside, StoreError> {
        let tx = idb::transaction(&self.db, &[KEPT_ASIDE], READ_WRITE)?;
        let store = idb::store(&tx, KEPT_ASIDE)?;
        let entry =
            add_kept_aside(&store, new_record(origin, key, raw.to_string(), reason)).await?;
        idb::committed(&tx).await?;
        Ok(entry)
    }

    /// Delete kept-aside entry `id`, on the user's explicit request, if it still holds `raw`.
    pub async fn discard_kept_aside(&self, id: u32, raw: &str) -> Result<(), StoreError> {
        let tx = idb::transaction(&self.db, &[KEPT_ASIDE], READ_WRITE)?;
        let store = idb::store(&tx, KEPT_ASIDE)?;
        let stored = idb::request(store.get(&JsValue::from(id))).await?;
        if stored.is_undefined() {
            return Ok(());
        }
        if KeptAsideRecord::read(id, &text_of(&stored)).raw != raw {
            return Err(StoreError::ChangedElsewhere {
                stored_revision: None,
            });
        }
        idb::request(store.delete(&JsValue::from(id))).await?;
        idb::committed(&tx).await
    }

    /// The stored text of claim `key`, exactly (the move from local storage compares it).
    async fn claim_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        let tx = idb::transaction(&self.db, &[CLAIMS], READ_ONLY)?;
        let value = idb::request(idb::store(&tx, CLAIMS)?.get(&JsValue::from_str(key))).await?;
        Ok((!value.is_undefined()).then(|| text_of(&value)))
    }

    /// The kept-aside entry `id`, if there is one.
    async fn kept_aside_entry(&self, id: u32) -> Result<Option<KeptAside>, StoreError> {
        let tx = idb::transaction(&self.db, &[KEPT_ASIDE], READ_ONLY)?;
        let value = idb::request(idb::store(&tx, KEPT_ASIDE)?.get(&JsValue::from(id))).await?;
        Ok((!value.is_undefined()).then(|| KeptAsideRecord::read(id, &text_of(&value))))
    }
}

fn other(error: serde_json::Error) -> StoreError {
    StoreError::Other {
        name: String::new(),
        message: error.to_string(),
    }
}

/// A stored value as text: strings as they are; anything else (never written by this
/// app) as JSON where possible, so it can still be kept aside and downloaded.
fn text_of(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| format!("{value:?}"))
    })
}

/// Read a stored claim value, or say why not (with its text).
fn read_claim(key: &str, value: &JsValue) -> Result<Claim, (String, KeptAsideReason)> {
    match value.as_string() {
        Some(text) => records::parse_claim(key, &text).map_err(|reason| (text, reason)),
        None => Err((text_of(value), KeptAsideReason::NotText)),
    }
}

fn new_record(
    origin: KeptAsideOrigin,
    key: &str,
    raw: String,
    reason: KeptAsideReason,
) -> KeptAsideRecord {
    KeptAsideRecord {
        origin,
        key: key.to_string(),
        raw,
        reason,
        moved_at: crate::clock::browser_now(),
    }
}

async fn put(store: &IdbObjectStore, key: &str, text: &str) -> Result<(), StoreError> {
    idb::request(store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(key)))
        .await
        .map(|_| ())
}

/// Add a kept-aside record within a transaction, unless an entry with the same origin,
/// key and text is already there (a move interrupted and done again).
async fn add_kept_aside(
    store: &IdbObjectStore,
    record: KeptAsideRecord,
) -> Result<KeptAside, StoreError> {
    let keys = idb::get_all_keys(store).await?;
    let values = idb::get_all(store).await?;
    for (key, value) in keys.iter().zip(values.iter()) {
        let Some(id) = key.as_f64() else { continue };
        let existing = KeptAsideRecord::read(id as u32, &text_of(&value));
        if existing.origin == record.origin
            && existing.key == record.key
            && existing.raw == record.raw
        {
            return Ok(existing);
        }
    }
    let text = serde_json::to_string(&record).map_err(other)?;
    let id = idb::request(store.add(&JsValue::from_str(&text))).await?;
    let id = id.as_f64().map_or(0, |id| id as u32);
    Ok(KeptAsideRecord::read(id, &text))
}

/// Move the unreadable claim at `key` aside: add the record, remove the claim and its
/// summary, all in the caller's transaction.
async fn move_aside(
    claims: &IdbObjectStore,
    summaries: &IdbObjectStore,
    kept_aside: &IdbObjectStore,
    key: &str,
    record: KeptAsideRecord,
) -> Result<KeptAside, StoreError> {
    let entry = add_kept_aside(kept_aside, record).await?;
    idb::request(claims.delete(&JsValue::from_str(key))).await?;
    idb::request(summaries.delete(&JsValue::from_str(key))).await?;
    Ok(entry)
}

//! The move from local storage: every `<workspace>/v1/…` entry of the previous version
//! goes into the workspace's database, and leaves local storage only once its copy has
//! been read back and found identical.
//!
//! For each entry, in key order:
//!
//! 1. **Copy.** A claim entry is read (it must be a claim, filed under its own ID) and
//!    written, as the very same text, with its summary, in one read-write transaction.
//!    If the database already holds that claim: the same text means the copy was made
//!    before (a tab closed halfway); a lower revision is kept aside and replaced (a tab
//!    of the previous version went on editing); otherwise the local copy is kept aside
//!    and the stored one stays. An entry that is not a readable claim, or not a claim
//!    entry at all, is kept aside as its raw text. The settings entry stays where it is
//!    ([`super::settings`]).
//! 2. **Read back** in a new transaction, after the first has committed: the stored text
//!    (or the kept-aside record's text) must equal the local text byte for byte.
//! 3. **Remove** the local entry, only if it still holds that text (another tab of the
//!    previous version may have changed it meanwhile; then it waits for the next start).
//!
//! Every step can run again with the same result, and a kept-aside record is never added
//! twice, so a move interrupted anywhere (a closed tab) is finished by the next start.
//! Nothing is removed from local storage when the database cannot be opened.

use claim_rules::summary::ClaimSummary;
use wasm_bindgen::JsValue;

use super::{
    add_kept_aside, idb, new_record, put, read_claim, records, text_of, ClaimDb, KeptAside,
    KeptAsideOrigin, KeptAsideReason, StoreError,
};
use crate::storage::ClaimStore;
use idb::{CLAIMS, KEPT_ASIDE, READ_WRITE, SUMMARIES};

/// Where to stop: a test hook that imitates a tab closed during the move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interrupt {
    /// Move everything.
    Never,
    /// Stop after copying (and reading back) this many entries, before removing the
    /// last of them from local storage: both copies are left, as when a tab closes.
    AfterCopying(usize),
}

/// What a move did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MoveReport {
    /// Claim entries now in the database and gone from local storage.
    pub moved: usize,
    /// Entries kept aside (unreadable, not a claim entry, or a differing copy).
    pub kept_aside: Vec<KeptAside>,
    /// Entries still in local storage: changed by another tab during the move, or not
    /// reached because the move was interrupted.
    pub left: usize,
}

/// What step 1 did with one entry.
enum Copied {
    /// The claim is stored with exactly this text.
    Stored,
    /// The text is in the kept-aside store.
    KeptAside(KeptAside),
}

/// Move every local-storage entry of `db`'s workspace into it. See the module
/// documentation; `interrupt` is for tests.
pub async fn move_from_local_storage(
    db: &ClaimDb,
    interrupt: Interrupt,
) -> Result<MoveReport, StoreError> {
    let old = ClaimStore::new(db.namespace());
    let prefix = old.entry_key("");
    let settings = old.entry_key("settings");
    let Some(storage) = local_storage() else {
        return Ok(MoveReport::default());
    };
    let mut keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(&prefix) && *key != settings)
        .collect();
    keys.sort();

    let mut report = MoveReport::default();
    let mut copied = 0;
    for key in &keys {
        let Ok(Some(raw)) = storage.get_item(key) else {
            continue;
        };
        let outcome = copy(db, &old, key, &raw).await?;
        read_back(db, &old, key, &raw, &outcome).await?;
        copied += 1;
        match outcome {
            Copied::Stored => report.moved += 1,
            Copied::KeptAside(entry) => report.kept_aside.push(entry),
        }
        if interrupt == Interrupt::AfterCopying(copied) {
            report.left = keys.len() - copied + 1;
            return Ok(report);
        }
        // Only what was copied is removed; a text changed meanwhile waits for next time.
        match storage.get_item(key) {
            Ok(Some(now)) if now == raw => {
                if storage.remove_item(key).is_err() {
                    report.left += 1;
                }
            }
            Ok(Some(_)) => report.left += 1,
            Ok(None) | Err(_) => {}
        }
    }
    Ok(report)
}

/// Step 1 for one entry.
async fn copy(db: &ClaimDb, old: &ClaimStore, key: &str, raw: &str) -> Result<Copied, StoreError> {
    let tx = idb::transaction(&db.db, &[CLAIMS, SUMMARIES, KEPT_ASIDE], READ_WRITE)?;
    let claims = idb::store(&tx, CLAIMS)?;
    let summaries = idb::store(&tx, SUMMARIES)?;
    let kept_aside = idb::store(&tx, KEPT_ASIDE)?;
    let local = |reason| new_record(KeptAsideOrigin::LocalStorage, key, raw.to_string(), reason);

    let outcome = match old.claim_id_of_key(key) {
        None => Copied::KeptAside(
            add_kept_aside(&kept_aside, local(KeptAsideReason::UnknownEntry)).await?,
        ),
        Some(id) => {
            let id_key = id.to_string();
            match records::parse_claim(&id_key, raw) {
                Err(reason) => Copied::KeptAside(add_kept_aside(&kept_aside, local(reason)).await?),
                Ok(claim) => {
                    let stored = idb::request(claims.get(&JsValue::from_str(&id_key))).await?;
                    let store_local_copy = if stored.is_undefined() {
                        true
                    } else if text_of(&stored) == raw {
                        false
                    } else {
                        match read_claim(&id_key, &stored) {
                            Ok(existing) if claim.revision > existing.revision => {
                                let reason = KeptAsideReason::ReplacedByNewerCopy {
                                    revision: claim.revision,
                                };
                                let record = new_record(
                                    KeptAsideOrigin::Claims,
                                    &id_key,
                                    text_of(&stored),
                                    reason,
                                );
                                add_kept_aside(&kept_aside, record).await?;
                                true
                            }
                            Ok(existing) => {
                                let reason = KeptAsideReason::OlderThanStoredCopy {
                                    stored_revision: existing.revision,
                                };
                                let entry = add_kept_aside(&kept_aside, local(reason)).await?;
                                idb::committed(&tx).await?;
                                return Ok(Copied::KeptAside(entry));
                            }
                            Err((stored_raw, reason)) => {
                                let record = new_record(
                                    KeptAsideOrigin::Claims,
                                    &id_key,
                                    stored_raw,
                                    reason,
                                );
                                add_kept_aside(&kept_aside, record).await?;
                                true
                            }
                        }
                    };
                    if store_local_copy {
                        let summary = records::summary_text(&ClaimSummary::of(&claim))
                            .map_err(super::other)?;
                        put(&claims, &id_key, raw).await?;
                        put(&summaries, &id_key, &summary).await?;
                    }
                    Copied::Stored
                }
            }
        }
    };
    idb::committed(&tx).await?;
    Ok(outcome)
}

/// Step 2: the copy, read in a new transaction, is the local text exactly.
async fn read_back(
    db: &ClaimDb,
    old: &ClaimStore,
    key: &str,
    raw: &str,
    outcome: &Copied,
) -> Result<(), StoreError> {
    let found = match outcome {
        Copied::Stored => {
            let id = old
                .claim_id_of_key(key)
                .map(|id| id.to_string())
                .unwrap_or_default();
            db.claim_text(&id).await?
        }
        Copied::KeptAside(entry) => db.kept_aside_entry(entry.id).await?.map(|entry| entry.raw),
    };
    if found.as_deref() == Some(raw) {
        Ok(())
    } else {
        Err(StoreError::Other {
            name: String::new(),
            message: format!("the copy of {key} read back differs; local storage keeps it"),
        })
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

//! What the stores hold, as text: a claim exactly as serialised (the same JSON as local
//! storage and exports), a summary in an envelope naming its format, and kept-aside
//! records. Text rather than structured objects, so that the move from local storage can
//! compare byte for byte, and an entry set aside is the very text that was found.

use claim_rules::model::Claim;
use claim_rules::summary::{self, ClaimSummary};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{KeptAside, KeptAsideOrigin, KeptAsideReason};

/// A claim's stored text.
pub fn claim_text(claim: &Claim) -> Result<String, serde_json::Error> {
    serde_json::to_string(claim)
}

/// Read a stored claim filed under `key`: it must be a claim, and that claim.
pub fn parse_claim(key: &str, raw: &str) -> Result<Claim, KeptAsideReason> {
    let claim: Claim = serde_json::from_str(raw).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => KeptAsideReason::WrongShape {
            message: error.to_string(),
        },
        serde_json::error::Category::Io
        | serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof => KeptAsideReason::NotJson {
            message: error.to_string(),
        },
    })?;
    if claim.id.to_string() != key {
        return Err(KeptAsideReason::FiledUnderAnotherId { found: claim.id });
    }
    Ok(claim)
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    format: u32,
    summary: &'a ClaimSummary,
}

#[derive(Deserialize)]
struct SummaryIn {
    format: u32,
    summary: serde_json::Value,
}

/// A summary's stored text.
pub fn summary_text(summary: &ClaimSummary) -> Result<String, serde_json::Error> {
    serde_json::to_string(&SummaryOut {
        format: summary::FORMAT,
        summary,
    })
}

/// A stored summary, if it is of today's format and readable; `None` means "rebuild it
/// from the claim" (a summary is derived data, never kept aside).
pub fn parse_summary(raw: &str) -> Option<ClaimSummary> {
    let envelope: SummaryIn = serde_json::from_str(raw).ok()?;
    if envelope.format != summary::FORMAT {
        return None;
    }
    serde_json::from_value(envelope.summary).ok()
}

/// A kept-aside record as stored (its number is the store's key).
#[derive(Debug, Serialize, Deserialize)]
pub struct KeptAsideRecord {
    pub origin: KeptAsideOrigin,
    pub key: String,
    pub raw: String,
    pub reason: KeptAsideReason,
    pub moved_at: Timestamp,
}

impl KeptAsideRecord {
    /// The record of number `id`, read from its stored text; a record that is itself
    /// damaged is still listed, with its text as found.
    pub fn read(id: u32, stored: &str) -> KeptAside {
        match serde_json::from_str::<KeptAsideRecord>(stored) {
            Ok(record) => KeptAside {
                id,
                origin: record.origin,
                key: record.key,
                raw: record.raw,
                reason: record.reason,
                moved_at: record.moved_at,
            },
            Err(error) => KeptAside {
                id,
                origin: KeptAsideOrigin::KeptAside,
                key: id.to_string(),
                raw: stored.to_string(),
                reason: KeptAsideReason::NotJson {
                    message: error.to_string(),
                },
                moved_at: Timestamp::UNIX_EPOCH,
            },
        }
    }
}

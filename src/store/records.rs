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

/// A stored summary read in one pass (no `serde_json::Value` in between: at start every
/// summary is read). A summary of another format that does not read as today's fails
/// like one that reads but carries another format number: both are rebuilt.
#[derive(Deserialize)]
struct SummaryIn {
    format: u32,
    summary: ClaimSummary,
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
    (envelope.format == summary::FORMAT).then_some(envelope.summary)
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

#[cfg(test)]
mod tests {
    use claim_rules::lifecycle::new_claim;
    use claim_rules::model::ClaimFields;
    use claim_rules::summary::{self, ClaimSummary};
    use uuid::Uuid;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{parse_summary, summary_text};

    #[wasm_bindgen_test]
    fn a_summary_reads_back_only_in_todays_format() {
        let fields = ClaimFields {
            name: "Contoso rollout".into(),
            ..ClaimFields::default()
        };
        let at = "2026-11-20T10:00:00Z".parse().unwrap_or_default();
        let summary = ClaimSummary::of(&new_claim(Uuid::from_u128(7), at, fields));
        let Ok(text) = summary_text(&summary) else {
            panic!("a summary is written");
        };
        assert_eq!(parse_summary(&text), Some(summary));
        let other_format = text.replacen(
            &format!("\"format\":{}", summary::FORMAT),
            &format!("\"format\":{}", summary::FORMAT + 1),
            1,
        );
        assert_ne!(other_format, text);
        assert_eq!(parse_summary(&other_format), None);
        assert_eq!(parse_summary("{\"format\":1,\"summary\":{\"id\":3}}"), None);
        assert_eq!(parse_summary("not json"), None);
    }
}

//! The properties the fuzz targets check, shared by the fuzzers (`fuzz/`, which include
//! this file) and by `tests/fuzz_regressions.rs`, which replays every input a fuzzer
//! ever found failing. Each check panics when a property breaks.
//!
//! The inputs are raw bytes, read as a stream of choices by [`Choices`]: the same bytes
//! always make the same claims and actions.

#![allow(dead_code)] // Each user calls only some of the checks.

use std::sync::OnceLock;

use claim_rules::catalog::Product;
use claim_rules::deadlines::Rules;
use claim_rules::export::{self, ExportDocument};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use claim_rules::import::{apply_import, classify_import};
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::{Actor, Claim, ClaimedProduct, PoeChecklist, PoeDocument};
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

/// Choices read from fuzz bytes; past the end every choice is 0.
pub struct Choices<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Choices<'a> {
    pub fn new(data: &'a [u8]) -> Choices<'a> {
        Choices { data, at: 0 }
    }

    pub fn byte(&mut self) -> u8 {
        let byte = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    /// A number below `n` (n ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = u16::from_le_bytes([self.byte(), self.byte()]);
        usize::from(wide) % n.max(1)
    }

    pub fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    pub fn is_done(&self) -> bool {
        self.at >= self.data.len()
    }

    /// A short text, sometimes empty, sometimes long, sometimes odd.
    pub fn text(&mut self) -> String {
        match self.below(6) {
            0 => String::new(),
            1 => "x".repeat(self.below(5000)),
            2 => " \u{0}\u{202e}é漢".to_string(),
            _ => {
                let length = self.below(24);
                (0..length)
                    .map(|_| char::from(b' ' + self.byte() % 95))
                    .collect()
            }
        }
    }
}

fn fixture_document() -> &'static ExportDocument {
    static DOCUMENT: OnceLock<ExportDocument> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        export::parse(include_str!("../fixtures/export-v1.json")).expect("the fixture is valid")
    })
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        Rules::new(fixture_document().policy()).expect("the fixture's calendar is valid")
    })
}

/// The export parser: no panic; reading the text straight gives what reading it
/// through `serde_json::Value` gives; what it accepts, it writes and reads back
/// unchanged.
pub fn check_export_bytes(data: &[u8]) {
    let parsed = export::parse_bytes(data);
    if let Some(value) = std::str::from_utf8(data)
        .ok()
        .map(|text| text.strip_prefix('\u{feff}').unwrap_or(text))
        .filter(|text| text.len() <= export::MAX_TEXT_BYTES)
        .and_then(|text| serde_json::from_str(text).ok())
    {
        assert_eq!(
            parsed,
            export::parse_value(value),
            "the text read straight and through a Value give the same result"
        );
    }
    if let Ok(document) = parsed {
        let text = document
            .to_json_pretty()
            .expect("a parsed document can be written");
        let again = export::parse(&text).expect("a written document reads back");
        assert_eq!(again, document, "a written document reads back unchanged");
    }
}

/// A variant of `claim`: history cut or extended, revision moved, fields changed, ID
/// swapped — the ways two copies of one claim drift apart.
fn variant(claim: &Claim, all: &[Claim], choices: &mut Choices) -> Claim {
    let mut claim = claim.clone();
    for _ in 0..choices.below(4) {
        match choices.below(8) {
            0 if claim.history.len() > 1 => {
                let keep = 1 + choices.below(claim.history.len() - 1);
                claim.history.truncate(keep);
                if let Some(last) = claim.history.last() {
                    claim.status = last.to;
                }
                claim.revision = claim.history.len() as u64;
            }
            1 => {
                if let Some(mut entry) = claim.history.last().cloned() {
                    entry.action = ActionKind::Comment;
                    entry.from = Some(entry.to);
                    entry.comment = choices.text();
                    entry.at = entry
                        .at
                        .saturating_add(SignedDuration::from_hours(choices.below(500) as i64))
                        .unwrap_or(entry.at);
                    claim.history.push(entry);
                    claim.revision = claim.revision.saturating_add(1);
                }
            }
            2 => claim.revision = claim.revision.saturating_add(choices.below(3) as u64),
            3 => claim.fields.name = choices.text(),
            4 => claim.fields.tenant_id = Uuid::from_u128(choices.below(4) as u128).to_string(),
            5 => {
                if let Some(other) = all.get(choices.below(all.len())) {
                    claim.id = other.id;
                }
            }
            6 => claim.poe.clear(),
            _ => claim.archived = !claim.archived,
        }
    }
    claim
}

/// Classification and merge: no panic; every local claim is still there, unchanged
/// unless an incoming claim strictly extends its history; merging the same file again
/// changes nothing.
pub fn check_import_merge(data: &[u8]) {
    let base = &fixture_document().claims;
    let mut choices = Choices::new(data);
    let mut local: Vec<Claim> = Vec::new();
    for claim in base {
        if choices.flag() {
            local.push(variant(claim, base, &mut choices));
        }
    }
    // Local IDs are unique in real data (the storage keys by ID).
    let mut local_unique: Vec<Claim> = Vec::new();
    for claim in local {
        if local_unique.iter().all(|other| other.id != claim.id) {
            local_unique.push(claim);
        }
    }
    let local = local_unique;
    let incoming: Vec<Claim> = (0..choices.below(8))
        .map(|_| {
            let pool: &[Claim] = if choices.flag() && !local.is_empty() {
                &local
            } else {
                base
            };
            let claim = &pool[choices.below(pool.len())];
            variant(claim, base, &mut choices)
        })
        .collect();
    let now: Timestamp = "2030-01-01T00:00:00Z".parse().expect("a valid instant");
    let mut next_id = 0_u128;
    let mut ids = || {
        next_id += 1;
        Uuid::from_u128(0xf000_0000_0000_0000_0000_0000_0000_0000 + next_id)
    };
    let items = classify_import(&local, &incoming);
    assert_eq!(items.len(), incoming.len());
    let copy_name = |name: &str| format!("{name} (imported copy)");
    let merged = apply_import(&local, &items, &mut ids, copy_name, now);
    for claim in &local {
        let kept = merged
            .iter()
            .find(|merged| merged.id == claim.id)
            .unwrap_or_else(|| panic!("local claim {} was lost", claim.id));
        assert!(
            kept.history.starts_with(&claim.history),
            "local claim {}: its history was replaced",
            claim.id
        );
        if kept.history.len() == claim.history.len() {
            assert_eq!(
                kept, claim,
                "local claim {} changed without a history entry",
                claim.id
            );
        }
    }
    assert!(merged.len() >= local.len());
    let again = apply_import(
        &merged,
        &classify_import(&merged, &incoming),
        &mut ids,
        copy_name,
        now,
    );
    assert_eq!(
        again, merged,
        "importing the same claims twice changed something"
    );
}

fn product(choices: &mut Choices) -> Product {
    Product::ALL[choices.below(Product::ALL.len())]
}

fn poe_document(choices: &mut Choices, at: Timestamp) -> PoeDocument {
    PoeDocument {
        id: Uuid::from_u128(choices.below(4) as u128),
        file_name: choices.text(),
        media_type: "application/pdf".to_string(),
        size: choices.below(100_000) as u64,
        sha256: if choices.flag() {
            "ab".repeat(32)
        } else {
            choices.text()
        },
        added_at: at,
        added_by: Actor::Partner,
        note: choices.text(),
    }
}

fn action(claim: &Claim, choices: &mut Choices, at: Timestamp) -> Action {
    match choices.below(18) {
        0 => {
            let mut fields = claim.fields.clone();
            match choices.below(5) {
                0 => fields.products.clear(),
                1 => fields.partner_id = choices.text(),
                2 => fields.products.push(ClaimedProduct::new(product(choices))),
                3 => fields.name = choices.text(),
                _ => fields.customer_domain = choices.text(),
            }
            Action::edit(fields)
        }
        1 => Action::AddPoe(poe_document(choices, at)),
        2 => Action::RemovePoe(
            claim
                .poe
                .get(choices.below(claim.poe.len() + 1))
                .map_or(Uuid::from_u128(7), |poe| poe.id),
        ),
        3 => Action::SetPoeChecklist(PoeChecklist {
            about_this_claim: choices.flag(),
            customer_acknowledgment: choices.flag(),
            dates_recent: choices.flag(),
            solution_described: choices.flag(),
            products_named: choices.flag(),
        }),
        4 => Action::Submit,
        5 => Action::StartReview,
        6 => Action::RequestInformation {
            reasons: InformationReason::ALL
                .into_iter()
                .filter(|_| choices.flag())
                .collect(),
            comment: choices.text(),
            products_to_remove: (0..choices.below(3)).map(|_| product(choices)).collect(),
        },
        7 => Action::Respond {
            comment: choices.text(),
        },
        8 => Action::Approve,
        9 => Action::Reject {
            reason: match choices.below(5) {
                0 => ReviewerRejectionReason::InsufficientPoe,
                1 => ReviewerRejectionReason::CustomerConsentMissingInPoe,
                2 => ReviewerRejectionReason::MissingProducts,
                3 => ReviewerRejectionReason::PoeNotAvailable,
                _ => ReviewerRejectionReason::Other(choices.text()),
            },
        },
        10 => Action::CustomerDecline,
        11 => Action::RequestRejection {
            reason: match choices.below(4) {
                0 => PartnerRejectionReason::WrongMpn,
                1 => PartnerRejectionReason::WrongActivity,
                2 => PartnerRejectionReason::NoLongerWorkingWithCustomer,
                _ => PartnerRejectionReason::Other(choices.text()),
            },
        },
        12 => Action::Dispute {
            justification: choices.text(),
            poe: (0..choices.below(2))
                .map(|_| poe_document(choices, at))
                .collect(),
        },
        13 => Action::UpholdRejection,
        14 => Action::OverturnRejection,
        15 => Action::Comment {
            text: choices.text(),
        },
        16 => Action::Archive,
        _ => Action::Unarchive,
    }
}

/// A claim's structural invariants after the rules changed it from `before`.
fn check_step(before: &Claim, after: &Claim) {
    assert!(
        after.history.starts_with(&before.history),
        "history is append-only"
    );
    assert!(
        after.history.len() > before.history.len(),
        "every change is recorded"
    );
    let last = after.history.last().expect("a claim has history");
    assert_eq!(after.status, last.to, "the status is the last entry's");
    assert!(after.revision > before.revision, "the revision rises");
    for pair in after.history.windows(2) {
        assert!(pair[0].at <= pair[1].at, "history is ordered");
        assert_eq!(
            pair[1].from,
            Some(pair[0].to),
            "each entry starts where the last ended"
        );
    }
}

/// `apply` and `advance` on arbitrary action sequences from every fixture claim.
pub fn check_apply_actions(data: &[u8]) {
    let base = &fixture_document().claims;
    let rules = rules();
    let mut choices = Choices::new(data);
    let mut claim = base[choices.below(base.len())].clone();
    let mut at = claim
        .history
        .last()
        .map_or(Timestamp::UNIX_EPOCH, |entry| entry.at);
    for _ in 0..32 {
        if choices.is_done() {
            break;
        }
        let step = SignedDuration::from_mins(choices.below(60 * 24 * 12) as i64 - 60 * 24);
        at = at.saturating_add(step).unwrap_or(at);
        let actor = [
            Actor::Partner,
            Actor::Reviewer,
            Actor::Customer,
            Actor::System,
        ][choices.below(4)];
        let action = action(&claim, &mut choices, at);
        let advanced = lifecycle::advance(&claim, at, rules);
        if advanced != claim {
            check_step(&claim, &advanced);
        }
        if let Ok(next) = lifecycle::apply(&claim, action, actor, at, at, rules) {
            check_step(&claim, &next);
            claim = next;
        }
    }
}

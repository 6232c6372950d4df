//! Import preview and merge (SPEC §5): how each incoming claim relates to the local
//! claims, and the merge that never loses a local claim.
//!
//! Classification of an incoming claim against the local one with the same ID:
//!
//! | kind | when | on apply |
//! |---|---|---|
//! | [`New`](ImportKind::New) | no local claim has its ID | added |
//! | [`Identical`](ImportKind::Identical) | the local claim is equal in every member | nothing |
//! | [`Updated`](ImportKind::Updated) | the local history is a strict prefix of the incoming one, and performing the added entries over the local claim gives the incoming claim | the incoming claim replaces the local one |
//! | [`AlreadyNewer`](ImportKind::AlreadyNewer) | the incoming history is a strict prefix of the local one: the file is older than what is here | nothing |
//! | [`Conflicting`](ImportKind::Conflicting) | the histories diverged, or are equal but the claims differ (whatever their revisions: no entry accounts for the difference) | the incoming claim is added as a marked copy; the local one stays |
//! | [`AlreadyCopied`](ImportKind::AlreadyCopied) | it would conflict, but an earlier import already kept it as a copy (a local claim marked `conflict_copy_of` this ID whose history starts with the incoming one) | nothing |
//!
//! A conflict copy gets a new ID, `links.conflict_copy_of` = the local claim's ID, a
//! name the caller gives (the app words it from its catalogue, for example
//! "Contoso (imported copy)": the rules store no words of their own), and one more
//! history entry (an `Edit` by the partner that records the renaming and the link) so its
//! history stays honest.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use crate::history::{ActionKind, FieldChange, HistoryEntry};
use crate::model::{Actor, Claim};

/// How an incoming claim relates to the local claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ImportKind {
    /// Not here yet: it will be added.
    New,
    /// A newer version of a local claim (its history extends the local one): it will
    /// replace it.
    Updated,
    /// Exactly the same as the local claim: nothing to do.
    Identical,
    /// An older version of a local claim (the local history extends it): nothing to do.
    AlreadyNewer,
    /// Its history and the local one diverged: it will be added as a marked copy and
    /// the local claim kept.
    Conflicting,
    /// It conflicts, but an earlier import already kept it as a copy: nothing to do.
    AlreadyCopied,
}

impl ImportKind {
    /// Every kind, in the order of the table above.
    pub const ALL: [ImportKind; 6] = [
        ImportKind::New,
        ImportKind::Updated,
        ImportKind::Identical,
        ImportKind::AlreadyNewer,
        ImportKind::Conflicting,
        ImportKind::AlreadyCopied,
    ];

    /// A stable machine code (snake case): the catalogue key `import_kind.<code>` says
    /// what will happen to the claim.
    ///
    /// ```
    /// use claim_rules::import::ImportKind;
    ///
    /// assert_eq!(ImportKind::AlreadyNewer.code(), "already_newer");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::New => "new",
            ImportKind::Updated => "updated",
            ImportKind::Identical => "identical",
            ImportKind::AlreadyNewer => "already_newer",
            ImportKind::Conflicting => "conflicting",
            ImportKind::AlreadyCopied => "already_copied",
        }
    }

    /// Whether applying the import changes anything for a claim of this kind.
    pub fn changes_anything(self) -> bool {
        match self {
            ImportKind::New | ImportKind::Updated | ImportKind::Conflicting => true,
            ImportKind::Identical | ImportKind::AlreadyNewer | ImportKind::AlreadyCopied => false,
        }
    }
}

/// One line of the import preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportItem {
    /// How it relates to the local claims.
    pub kind: ImportKind,
    /// The incoming claim.
    pub incoming: Claim,
    /// The local claim it was compared with: the one with its ID, or for
    /// [`ImportKind::AlreadyCopied`] the copy kept earlier.
    pub local: Option<Uuid>,
    /// How many history entries that local claim has (what "newer" and "older" are
    /// measured in); `None` without a local claim.
    pub local_entries: Option<usize>,
}

/// Compare one incoming claim with the local claim of the same ID.
fn compare(local: &Claim, incoming: &Claim) -> ImportKind {
    if local == incoming {
        return ImportKind::Identical;
    }
    let (ours, theirs) = (&local.history, &incoming.history);
    if ours == theirs {
        // The same history with different content: something changed that no entry
        // accounts for, on one side or the other (a hand-edited file, an older app).
        // The revision cannot say which side is right, so both are kept.
        return ImportKind::Conflicting;
    }
    if theirs.starts_with(ours) {
        // Only what the added entries do may differ: a name, a tenant or a PoE document
        // changed with no entry to account for it makes the two claims disagree.
        if crate::lifecycle::replay_added(local, incoming) {
            ImportKind::Updated
        } else {
            ImportKind::Conflicting
        }
    } else if ours.starts_with(theirs) {
        ImportKind::AlreadyNewer
    } else {
        ImportKind::Conflicting
    }
}

/// Index of local claims by ID and of conflict copies by the claim they copy, as
/// positions in the local list (kept up to date while merging).
#[derive(Debug, Default)]
struct LocalIndex {
    by_id: HashMap<Uuid, usize>,
    copies_of: HashMap<Uuid, Vec<usize>>,
}

impl LocalIndex {
    fn new(local: &[Claim]) -> Self {
        let mut index = LocalIndex::default();
        for (position, claim) in local.iter().enumerate() {
            index.add(claim, position);
        }
        index
    }

    /// Record that `claim` sits at `position`.
    fn add(&mut self, claim: &Claim, position: usize) {
        self.by_id.entry(claim.id).or_insert(position);
        if let Some(original) = claim.links.conflict_copy_of {
            self.copies_of.entry(original).or_default().push(position);
        }
    }

    /// The kind, and the position of the local claim compared with.
    fn classify(&self, local: &[Claim], incoming: &Claim) -> (ImportKind, Option<usize>) {
        let Some(&position) = self.by_id.get(&incoming.id) else {
            return (ImportKind::New, None);
        };
        let Some(local_claim) = local.get(position) else {
            return (ImportKind::New, None);
        };
        let kind = compare(local_claim, incoming);
        if kind == ImportKind::Conflicting {
            let earlier_copy = self.copies_of.get(&incoming.id).and_then(|copies| {
                copies.iter().copied().find(|&copy| {
                    local
                        .get(copy)
                        .is_some_and(|copy| copy.history.starts_with(&incoming.history))
                })
            });
            if let Some(copy) = earlier_copy {
                return (ImportKind::AlreadyCopied, Some(copy));
            }
        }
        (kind, Some(position))
    }
}

/// Classify every incoming claim against the local claims, in the incoming order.
///
/// ```
/// use claim_rules::import::{classify_import, ImportKind};
///
/// assert!(classify_import(&[], &[]).is_empty());
/// ```
pub fn classify_import(local: &[Claim], incoming: &[Claim]) -> Vec<ImportItem> {
    classify_import_owned(local, incoming.to_vec())
}

/// [`classify_import`] taking the incoming claims, which move into the items instead of
/// being copied (a parsed file's claims are not needed apart from its items).
///
/// ```
/// use claim_rules::import::{classify_import_owned, ImportKind};
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::model::ClaimFields;
///
/// let at: jiff::Timestamp = "2026-04-06T10:00:00Z".parse()?;
/// let claim = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
/// let items = classify_import_owned(&[], vec![claim]);
/// assert_eq!(items[0].kind, ImportKind::New);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn classify_import_owned(local: &[Claim], incoming: Vec<Claim>) -> Vec<ImportItem> {
    let index = LocalIndex::new(local);
    incoming
        .into_iter()
        .map(|claim| {
            let (kind, position) = index.classify(local, &claim);
            let local_claim = position.and_then(|position| local.get(position));
            ImportItem {
                kind,
                incoming: claim,
                local: local_claim.map(|local| local.id),
                local_entries: local_claim.map(|local| local.history.len()),
            }
        })
        .collect()
}

/// The incoming claim `incoming`, in conflict with the local claim `local_id`, as a
/// marked copy with the ID `copy_id` and the name `copy_name` gives it, recorded at `now`.
fn conflict_copy(
    incoming: &Claim,
    local_id: Uuid,
    copy_id: Uuid,
    copy_name: &dyn Fn(&str) -> String,
    now: Timestamp,
) -> Claim {
    let mut copy = incoming.clone();
    let old_name = copy.fields.name.clone();
    let new_name = copy_name(old_name.trim());
    copy.id = copy_id;
    copy.fields.name = new_name.clone();
    copy.links.conflict_copy_of = Some(local_id);
    copy.revision = copy.revision.saturating_add(1);
    // Effective times never go backwards in a history, whatever the local clock says.
    let last_at = copy.history.last().map(|entry| entry.at);
    let at = match last_at {
        Some(last) if last > now => last,
        _ => now,
    };
    copy.updated_at = copy.updated_at.max(now);
    copy.history.push(HistoryEntry {
        at,
        recorded_at: now,
        actor: Actor::Partner,
        action: ActionKind::Edit,
        from: Some(copy.status),
        to: copy.status,
        changes: vec![
            FieldChange {
                field: "fields.name".to_string(),
                old: serde_json::Value::String(old_name),
                new: serde_json::Value::String(new_name),
            },
            FieldChange {
                field: "links.conflict_copy_of".to_string(),
                old: serde_json::Value::Null,
                new: serde_json::Value::String(local_id.to_string()),
            },
        ],
        comment: String::new(),
        detail: None,
    });
    copy
}

/// Merge the chosen import items into the local claims and return the new list.
///
/// Nothing local is lost: every local claim is in the result, replaced only by an
/// incoming claim whose history extends its own. Each item is classified again against
/// the claims as they stand (so a stale or hand-edited preview cannot overwrite
/// anything): new claims are appended, updated ones replace the local claim in place,
/// conflicting ones are appended as marked copies with IDs from `new_id_for_copy`
/// (called again while it returns an ID already in use) and names from `copy_name`
/// (given the incoming claim's trimmed name; the app words it, for example
/// "Contoso (imported copy)"), and the rest change nothing. `now` stamps the history
/// entry of each copy.
///
/// ```
/// use claim_rules::import::{apply_import, classify_import};
///
/// let merged = apply_import(&[], &[], || uuid::Uuid::nil(), |name| format!("{name} (copy)"),
///     "2026-04-06T10:00:00Z".parse().unwrap());
/// assert!(merged.is_empty());
/// ```
pub fn apply_import(
    local: &[Claim],
    items: &[ImportItem],
    mut new_id_for_copy: impl FnMut() -> Uuid,
    copy_name: impl Fn(&str) -> String,
    now: Timestamp,
) -> Vec<Claim> {
    let mut merged: Vec<Claim> = local.to_vec();
    let mut index = LocalIndex::new(&merged);
    for item in items {
        let incoming = &item.incoming;
        let (kind, position) = index.classify(&merged, incoming);
        match (kind, position) {
            (ImportKind::Updated, Some(position)) => merged[position] = incoming.clone(),
            (ImportKind::New | ImportKind::Updated, _) => {
                index.add(incoming, merged.len());
                merged.push(incoming.clone());
            }
            (ImportKind::Conflicting, _) => {
                let local_id = position
                    .and_then(|position| merged.get(position))
                    .map_or(incoming.id, |local| local.id);
                let copy_id = fresh_id(&index, &mut new_id_for_copy);
                let copy = conflict_copy(incoming, local_id, copy_id, &copy_name, now);
                index.add(&copy, merged.len());
                merged.push(copy);
            }
            (ImportKind::Identical | ImportKind::AlreadyNewer | ImportKind::AlreadyCopied, _) => {}
        }
    }
    merged
}

/// An ID not in use: from the generator, retried a few times; if the generator keeps
/// repeating itself, its last answer counted upwards until free.
fn fresh_id(index: &LocalIndex, generate: &mut impl FnMut() -> Uuid) -> Uuid {
    let mut candidate = generate();
    for _ in 0..8 {
        if !index.by_id.contains_key(&candidate) {
            return candidate;
        }
        candidate = generate();
    }
    while index.by_id.contains_key(&candidate) {
        candidate = Uuid::from_u128(candidate.as_u128().wrapping_add(1));
    }
    candidate
}

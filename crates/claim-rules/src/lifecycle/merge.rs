//! A draft's history that means something: a partner editing a draft field by field makes
//! one entry per sitting, not one per keystroke-sized save.
//!
//! While a claim is a `Draft`, a partner's edit merges into the previous history entry
//! when that entry is also a draft edit by the partner, of the same kind (fields with
//! fields, the PoE checklist with the checklist), and took effect at most
//! [`DRAFT_EDIT_MERGE_WINDOW`] earlier. Each field keeps its first old value and its
//! latest new value; a field back where it started drops out, and an entry left with no
//! change goes away (an empty edit is what [`Refusal::NoChange`](super::Refusal::NoChange)
//! refuses, and a history has none). The merged entry takes the later edit's times, so
//! the window is measured from the latest edit of a sitting: the entry says "the draft
//! was edited until then", and a pause of more than half an hour starts a new entry.
//!
//! After submission every action stays its own entry: Microsoft has the claim, and each
//! change matters on its own. The revision still rises with every write (it counts
//! writes, for compare-and-write, not entries).
//!
//! A merged entry is still an edit whose changes are field patches (each `old` the
//! value before the sitting), so [`replay`](super::replay) performs it like the edits it
//! gathers, and export files need no new version.

use jiff::SignedDuration;

use crate::history::{ActionKind, FieldChange, HistoryEntry};
use crate::model::{Actor, Status};

/// The longest pause between two draft edits by the partner that still merge into one
/// history entry.
///
/// ```
/// use claim_rules::lifecycle::DRAFT_EDIT_MERGE_WINDOW;
///
/// assert_eq!(DRAFT_EDIT_MERGE_WINDOW.as_secs(), 30 * 60);
/// ```
pub const DRAFT_EDIT_MERGE_WINDOW: SignedDuration = SignedDuration::from_mins(30);

/// What a mergeable draft edit changes: the merge never mixes the two, because a
/// checklist entry is replayed as the checklist action alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditShape {
    Fields,
    Checklist,
}

/// The shape of a draft edit by the partner that may merge, or `None` for any other entry
/// (a submitted claim's edit, a conflict copy's marking, a creation, …).
fn draft_edit_shape(entry: &HistoryEntry) -> Option<EditShape> {
    let draft_edit = entry.action == ActionKind::Edit
        && entry.actor == Actor::Partner
        && entry.from == Some(Status::Draft)
        && entry.to == Status::Draft
        && entry.comment.is_empty()
        && entry.detail.is_none()
        && !entry.changes.is_empty();
    if !draft_edit {
        return None;
    }
    if entry
        .changes
        .iter()
        .all(|change| change.field.starts_with("fields."))
    {
        Some(EditShape::Fields)
    } else if matches!(entry.changes.as_slice(), [change] if change.field == "poe_checklist") {
        Some(EditShape::Checklist)
    } else {
        None
    }
}

/// Whether `later` merges into `earlier`.
fn merges(earlier: &HistoryEntry, later: &HistoryEntry) -> bool {
    let gap = later.at.duration_since(earlier.at);
    match (draft_edit_shape(earlier), draft_edit_shape(later)) {
        (Some(a), Some(b)) => a == b && !gap.is_negative() && gap <= DRAFT_EDIT_MERGE_WINDOW,
        (Some(_) | None, None) | (None, Some(_)) => false,
    }
}

/// Merge the history's last entry into the one before it, if it merges (the step
/// [`apply`](super::apply) takes after every action).
pub(super) fn merge_last(history: &mut Vec<HistoryEntry>) {
    let mergeable = match history.as_slice() {
        [.., earlier, later] => merges(earlier, later),
        _ => false,
    };
    if !mergeable {
        return;
    }
    let (Some(later), Some(earlier)) = (history.pop(), history.last_mut()) else {
        return;
    };
    for change in later.changes {
        match earlier
            .changes
            .iter_mut()
            .find(|kept| kept.field == change.field)
        {
            Some(kept) => kept.new = change.new,
            None => earlier.changes.push(change),
        }
    }
    earlier
        .changes
        .retain(|change: &FieldChange| change.old != change.new);
    earlier.at = later.at;
    earlier.recorded_at = later.recorded_at;
    if earlier.changes.is_empty() {
        history.pop();
    }
}

/// The history as [`apply`](super::apply) would have recorded it with draft edits
/// merged: for histories written before the merge (or by another app), for example to
/// shrink a stored claim. Entries that do not merge are kept as they are.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::history::ActionKind;
/// use claim_rules::lifecycle::{apply, merge_draft_edits, new_claim, Action};
/// use claim_rules::model::{Actor, ClaimFields};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let start: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let mut claim = new_claim(uuid::Uuid::nil(), start, ClaimFields::default());
/// for (minute, name) in [(1, "C"), (5, "Co"), (9, "Contoso")] {
///     let at = start + jiff::SignedDuration::from_mins(minute);
///     let fields = ClaimFields { name: name.into(), ..claim.fields.clone() };
///     claim = apply(&claim, Action::edit(fields), Actor::Partner, at, at, &rules)?;
/// }
/// // Three writes, one edit entry: "" → "Contoso".
/// assert_eq!(claim.revision, 4);
/// let kinds: Vec<_> = claim.history.iter().map(|entry| entry.action).collect();
/// assert_eq!(kinds, [ActionKind::Create, ActionKind::Edit]);
/// assert_eq!(claim.history[1].changes[0].old, "");
/// assert_eq!(claim.history[1].changes[0].new, "Contoso");
/// // Merging again changes nothing.
/// assert_eq!(merge_draft_edits(&claim.history), claim.history);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn merge_draft_edits(history: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut merged = Vec::with_capacity(history.len());
    for entry in history {
        merged.push(entry.clone());
        merge_last(&mut merged);
    }
    merged
}

#[cfg(test)]
mod tests {
    //! The merged history against the history `apply` recorded before the merge (one
    //! entry per action), over random sittings of draft work, submission and later edits.

    use jiff::{SignedDuration, Timestamp};
    use proptest::prelude::*;
    use uuid::Uuid;

    use super::merge_draft_edits;
    use crate::catalog::Product;
    use crate::deadlines::Rules;
    use crate::lifecycle::perform::apply_unmerged;
    use crate::lifecycle::{apply, new_claim, replay, Action, FieldPatches};
    use crate::model::{
        Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, PoeChecklist,
        PoeDocument, SolutionArea, Status,
    };
    use crate::policy::Policy;

    fn fields() -> ClaimFields {
        ClaimFields {
            name: "Contoso Exchange rollout".into(),
            partner_id: "1234567".into(),
            customer_domain: "contoso.com".into(),
            tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47".into(),
            solution_area: Some(SolutionArea::Microsoft365),
            activities: [Activity::Usage].into_iter().collect(),
            products: vec![ClaimedProduct::new(Product::ExchangeOnline)],
            customer_contact: Contact {
                name: "Ana López".into(),
                title: "IT Director".into(),
                email: "ana.lopez@contoso.com".into(),
            },
            partner_contact: PartnerContact {
                name: "Jonas Berg".into(),
                email: "jonas@fabrikam.se".into(),
            },
            ..ClaimFields::default()
        }
    }

    fn document(n: u8) -> PoeDocument {
        PoeDocument {
            id: Uuid::from_u128(0x1000 + u128::from(n)),
            file_name: format!("sow-{n}.pdf"),
            media_type: "application/pdf".into(),
            size: 1000,
            sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            added_at: Timestamp::UNIX_EPOCH,
            added_by: Actor::Partner,
            note: String::new(),
        }
    }

    /// A step: what the partner does (`what`, `value` choose it) and how many minutes after
    /// the previous step.
    fn step() -> impl Strategy<Value = (u8, u8, i64)> {
        (0u8..8, 0u8..4, prop_oneof![0i64..5, 25i64..35, 0i64..90])
    }

    fn action(claim: &Claim, what: u8, value: u8) -> Action {
        // Value 0 is the starting value, so fields go back where they started.
        let name = |value: u8| match value {
            0 => "Contoso Exchange rollout".to_string(),
            value => format!("Contoso {value}"),
        };
        match what {
            0 => Action::edit(ClaimFields {
                name: name(value),
                ..claim.fields.clone()
            }),
            1 => {
                let after = ClaimFields {
                    partner_id: format!("{}", 1_234_567 + u32::from(value)),
                    customer_domain: match value {
                        // Typed in capitals: stored lower-case.
                        3 => "CONTOSO.com".into(),
                        _ => "contoso.com".into(),
                    },
                    ..claim.fields.clone()
                };
                Action::Patch(FieldPatches::between(&claim.fields, &after))
            }
            2 => Action::SetPoeChecklist(PoeChecklist {
                about_this_claim: value % 2 == 1,
                dates_recent: value >= 2,
                ..claim.poe_checklist
            }),
            3 => Action::AddPoe(document(value)),
            4 => Action::RemovePoe(document(value).id),
            5 => Action::Comment {
                text: format!("Note {value}"),
            },
            6 if value == 0 => Action::Submit,
            _ => Action::edit(ClaimFields {
                partner_contact: PartnerContact {
                    name: name(value),
                    ..claim.fields.partner_contact.clone()
                },
                ..claim.fields.clone()
            }),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn merged_history_replays_to_the_claim_the_unmerged_one_gives(
            steps in prop::collection::vec(step(), 1..40),
        ) {
            let rules = Rules::new(Policy::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut now: Timestamp = "2026-04-06T09:00:00-07:00".parse().map_err(|_| TestCaseError::fail("time"))?;
            let start = new_claim(Uuid::from_u128(1), now, fields());
            let (mut merged, mut unmerged) = (start.clone(), start);
            for (what, value, minutes) in steps {
                now += SignedDuration::from_mins(minutes);
                let step = action(&merged, what, value);
                let a = apply(&merged, step.clone(), Actor::Partner, now, now, &rules);
                let b = apply_unmerged(&unmerged, step, Actor::Partner, now, now, &rules);
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        merged = a;
                        unmerged = b;
                    }
                    (Err(a), Err(b)) => prop_assert_eq!(a, b),
                    (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
                }
                // The same claim, the same revision; only the history is shorter.
                let strip = |claim: &Claim| Claim { history: Vec::new(), ..claim.clone() };
                prop_assert_eq!(strip(&merged), strip(&unmerged));
                prop_assert_eq!(&merged.history, &merge_draft_edits(&unmerged.history));
            }
            prop_assert!(replay(&unmerged, &rules).is_ok());
            prop_assert_eq!(replay(&merged, &rules), Ok(()));
            // After submission every action stays its own entry.
            let submitted = |claim: &Claim| {
                claim.history.iter().position(|entry| entry.from == Some(Status::Draft) && entry.to == Status::Submitted)
            };
            if let (Some(m), Some(u)) = (submitted(&merged), submitted(&unmerged)) {
                prop_assert_eq!(&merged.history[m..], &unmerged.history[u..]);
            }
            // No entry is an empty edit.
            let empty_edit = merged.history.iter().skip(1).any(|entry| {
                entry.action == crate::history::ActionKind::Edit && entry.changes.is_empty()
            });
            prop_assert!(!empty_edit);
        }
    }
}

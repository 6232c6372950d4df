//! Performing an action: [`apply`] checks the times, advances the claim, checks the
//! conditions and records one history entry.

use jiff::Timestamp;
use serde::Serialize;

use crate::catalog::Product;
use crate::deadlines::Rules;
use crate::history::{
    ActionKind, EventDetail, FieldChange, HistoryEntry, PartnerRejectionReason, RejectionReason,
    ReviewerRejectionReason,
};
use crate::model::{Actor, Claim, ClaimFields, Comment, PoeDocument, Status};
use crate::validation;

use super::advance::advance;
use super::changes::field_changes;
use super::merge::merge_last;
use super::permissions::{check_allowed, lock_reason, EditableField};
use super::{Action, Refusal, MAX_COMMENT_CHARS};

/// Perform `action` by `actor`, taking effect at `effective_at` and recorded at
/// `recorded_at` ("now").
///
/// The effective time must not be before the previous history entry nor after
/// `recorded_at`. The claim is first advanced to `effective_at` ([`advance`]), so system
/// transitions due by then are applied first; the result is not advanced further (call
/// [`advance`] with the current time to show it). On success one history entry is
/// appended for the action (a partner's draft edit may instead merge into the previous
/// draft edit: see [`merge_draft_edits`](super::merge_draft_edits)), the revision rises
/// by one and `updated_at` becomes `recorded_at`.
///
/// # Errors
///
/// A [`Refusal`] saying why the action is not allowed.
///
/// # Example
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::history::ActionKind;
/// use claim_rules::lifecycle::{apply, new_claim, Action, Refusal};
/// use claim_rules::model::{Actor, ClaimFields, Status};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let monday: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), monday, ClaimFields::default());
///
/// // A reviewer cannot start reviewing a draft, and the refusal says why.
/// let refusal = apply(&draft, Action::StartReview, Actor::Reviewer, monday, monday, &rules)
///     .unwrap_err();
/// assert_eq!(refusal.code(), "wrong_status");
/// assert_eq!(refusal, Refusal::WrongStatus {
///     action: ActionKind::StartReview,
///     status: Status::Draft,
///     allowed_from: vec![Status::Submitted],
/// });
///
/// // The partner may comment on a draft: one more history entry, revision 2.
/// let comment = Action::Comment { text: "Waiting for the signed SOW.".into() };
/// let claim = apply(&draft, comment, Actor::Partner, monday, monday, &rules)?;
/// assert_eq!((claim.status, claim.revision, claim.history.len()), (Status::Draft, 2, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply(
    claim: &Claim,
    action: Action,
    actor: Actor,
    effective_at: Timestamp,
    recorded_at: Timestamp,
    rules: &Rules,
) -> Result<Claim, Refusal> {
    let mut next = apply_unmerged(claim, action, actor, effective_at, recorded_at, rules)?;
    merge_last(&mut next.history);
    Ok(next)
}

/// [`apply`] without merging draft edits: one history entry per action (as histories
/// were recorded before the merge, and as the merge's tests compare with).
pub(super) fn apply_unmerged(
    claim: &Claim,
    action: Action,
    actor: Actor,
    effective_at: Timestamp,
    recorded_at: Timestamp,
    rules: &Rules,
) -> Result<Claim, Refusal> {
    let advanced = prepare(claim, effective_at, recorded_at, rules)?;
    let stamp = Stamp {
        actor,
        at: effective_at,
        recorded_at,
    };
    check_allowed(&advanced, action.kind(), actor, effective_at, rules)
        .and_then(|()| perform(&advanced, action, stamp))
        .map_err(|refusal| explain(claim, &advanced, refusal))
}

/// Who did something, when it took effect and when it was recorded.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stamp {
    pub(super) actor: Actor,
    pub(super) at: Timestamp,
    pub(super) recorded_at: Timestamp,
}

/// Check the times, then advance the claim to the effective time.
pub(super) fn prepare(
    claim: &Claim,
    effective_at: Timestamp,
    recorded_at: Timestamp,
    rules: &Rules,
) -> Result<Claim, Refusal> {
    if effective_at > recorded_at {
        return Err(Refusal::EffectiveTimeInFuture {
            effective_at,
            recorded_at,
        });
    }
    if let Some(previous) = claim.history.last() {
        if effective_at < previous.at {
            return Err(Refusal::EffectiveTimeBeforePrevious {
                previous: previous.at,
                previous_action: previous.action,
            });
        }
    }
    Ok(advance(claim, effective_at, rules))
}

/// When advancing applied system transitions and the action is then refused for its
/// status or a closed window, say that the transition is why.
pub(super) fn explain(original: &Claim, advanced: &Claim, refusal: Refusal) -> Refusal {
    let transition = advanced
        .history
        .get(original.history.len()..)
        .and_then(|added| added.last());
    match (transition, refusal) {
        (Some(entry), refusal @ (Refusal::WrongStatus { .. } | Refusal::WindowClosed { .. })) => {
            Refusal::OvertakenBySystem {
                transition: entry.action,
                at: entry.at,
                cause: Box::new(refusal),
            }
        }
        (_, refusal) => refusal,
    }
}

/// What an action records, besides who and when.
pub(super) struct Outcome {
    pub(super) to: Status,
    pub(super) changes: Vec<FieldChange>,
    pub(super) comment: String,
    pub(super) detail: Option<EventDetail>,
}

impl Outcome {
    pub(super) fn to(to: Status) -> Outcome {
        Outcome {
            to,
            changes: Vec::new(),
            comment: String::new(),
            detail: None,
        }
    }

    pub(super) fn rejected(reason: RejectionReason) -> Outcome {
        Outcome {
            detail: Some(EventDetail::Rejection { reason }),
            ..Outcome::to(Status::Rejected)
        }
    }
}

/// Append the history entry for an action to `next` (already changed).
pub(super) fn record(mut next: Claim, action: ActionKind, stamp: Stamp, outcome: Outcome) -> Claim {
    next.history.push(HistoryEntry {
        at: stamp.at,
        recorded_at: stamp.recorded_at,
        actor: stamp.actor,
        action,
        from: Some(next.status),
        to: outcome.to,
        changes: outcome.changes,
        comment: outcome.comment,
        detail: outcome.detail,
    });
    next.status = outcome.to;
    next.revision = next.revision.saturating_add(1);
    next.updated_at = stamp.recorded_at;
    next
}

pub(super) fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

pub(super) fn change<T: Serialize>(field: &str, old: &T, new: &T) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        old: json(old),
        new: json(new),
    }
}

/// The comment text as stored: trimmed, not empty, not too long.
pub(super) fn comment_text(
    text: &str,
    action: ActionKind,
    required: bool,
) -> Result<String, Refusal> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(Refusal::MissingComment { action });
    }
    let length = validation::comment_length(text);
    if length > MAX_COMMENT_CHARS {
        return Err(Refusal::CommentTooLong {
            length,
            max: MAX_COMMENT_CHARS,
        });
    }
    Ok(text.to_string())
}

/// Carry out an action whose kind-level conditions hold.
pub(super) fn perform(claim: &Claim, action: Action, stamp: Stamp) -> Result<Claim, Refusal> {
    let kind = action.kind();
    let status = claim.status;
    let mut next = claim.clone();
    let outcome = match action {
        Action::Edit(fields) => edit(claim, &mut next, *fields)?,
        Action::Patch(patches) => {
            // A locked field is refused as locked even when it also conflicts: choosing
            // between two values the status forbids changing would lead nowhere.
            if let Some((field, why)) = patches
                .changing(&claim.fields)
                .find_map(|field| lock_reason(status, field.group()).map(|why| (field, why)))
            {
                return Err(Refusal::FieldLocked {
                    field: field.group(),
                    status,
                    why,
                });
            }
            let fields = patches
                .apply_to(&claim.fields)
                .map_err(|conflicts| Refusal::PatchConflict { conflicts })?;
            edit(claim, &mut next, fields)?
        }
        Action::SetPoeChecklist(checklist) => {
            if checklist == claim.poe_checklist {
                return Err(Refusal::NoChange { action: kind });
            }
            if let Some(why) = lock_reason(status, EditableField::Poe) {
                return Err(Refusal::FieldLocked {
                    field: EditableField::Poe,
                    status,
                    why,
                });
            }
            next.poe_checklist = checklist;
            Outcome {
                changes: vec![change("poe_checklist", &claim.poe_checklist, &checklist)],
                ..Outcome::to(status)
            }
        }
        Action::AddPoe(document) => Outcome {
            changes: add_poe(&mut next, vec![document], stamp)?,
            ..Outcome::to(status)
        },
        Action::RemovePoe(id) => {
            let Some(index) = next.poe.iter().position(|document| document.id == id) else {
                return Err(Refusal::UnknownPoe { id });
            };
            let removed = next.poe.remove(index);
            Outcome {
                changes: vec![FieldChange {
                    field: format!("poe[{index}]"),
                    old: json(&removed),
                    new: serde_json::Value::Null,
                }],
                ..Outcome::to(status)
            }
        }
        Action::Submit => Outcome::to(Status::Submitted),
        Action::StartReview => Outcome::to(Status::UnderReview),
        Action::RequestInformation {
            reasons,
            comment,
            products_to_remove,
        } => {
            let mut reasons = reasons;
            reasons.sort();
            reasons.dedup();
            if reasons.is_empty() {
                return Err(Refusal::MissingReason { action: kind });
            }
            let comment = comment_text(&comment, kind, true)?;
            let mut products: Vec<Product> = Vec::new();
            for product in products_to_remove {
                if !claim
                    .fields
                    .products
                    .iter()
                    .any(|claimed| claimed.product == product)
                {
                    return Err(Refusal::ProductNotClaimed { product });
                }
                if !products.contains(&product) {
                    products.push(product);
                }
            }
            let mut changes = Vec::new();
            if next.archived {
                next.archived = false;
                changes.push(change("archived", &true, &false));
            }
            next.comments.push(Comment {
                author: stamp.actor,
                at: stamp.at,
                text: comment.clone(),
            });
            Outcome {
                to: Status::PartnerActionRequired,
                changes,
                comment,
                detail: Some(EventDetail::InformationRequest {
                    reasons,
                    products_to_remove: products,
                }),
            }
        }
        Action::Respond { comment } => {
            let comment = comment_text(&comment, kind, false)?;
            if comment.is_empty() {
                if let Some(requested_at) = unchanged_since_request(claim) {
                    return Err(Refusal::NothingChangedSinceRequest { requested_at });
                }
            } else {
                next.comments.push(Comment {
                    author: stamp.actor,
                    at: stamp.at,
                    text: comment.clone(),
                });
            }
            Outcome {
                comment,
                ..Outcome::to(Status::UnderReview)
            }
        }
        Action::Approve => Outcome::to(Status::Approved),
        Action::Reject { reason } => {
            if let ReviewerRejectionReason::Other(text) = &reason {
                if text.trim().is_empty() {
                    return Err(Refusal::MissingReason { action: kind });
                }
            }
            Outcome::rejected(RejectionReason::Reviewer(reason))
        }
        Action::CustomerDecline => Outcome::rejected(RejectionReason::CustomerDeclined),
        Action::RequestRejection { reason } => {
            if let PartnerRejectionReason::Other(text) = &reason {
                if text.trim().is_empty() {
                    return Err(Refusal::MissingReason { action: kind });
                }
            }
            Outcome::rejected(RejectionReason::PartnerRequested(reason))
        }
        Action::Dispute { justification, poe } => {
            let justification = comment_text(&justification, kind, false)?;
            if justification.is_empty() && poe.is_empty() {
                return Err(Refusal::MissingJustification);
            }
            let poe_added = poe.iter().map(|document| document.id).collect();
            let changes = add_poe(&mut next, poe, stamp)?;
            Outcome {
                to: Status::Disputed,
                changes,
                comment: justification.clone(),
                detail: Some(EventDetail::Dispute {
                    justification,
                    poe_added,
                }),
            }
        }
        Action::UpholdRejection => Outcome::rejected(RejectionReason::DisputeUpheld),
        Action::OverturnRejection => Outcome::to(Status::Approved),
        Action::Comment { text } => {
            let text = comment_text(&text, kind, true)?;
            next.comments.push(Comment {
                author: stamp.actor,
                at: stamp.at,
                text: text.clone(),
            });
            Outcome {
                comment: text,
                ..Outcome::to(status)
            }
        }
        Action::Archive => {
            next.archived = true;
            Outcome {
                changes: vec![change("archived", &false, &true)],
                ..Outcome::to(status)
            }
        }
        Action::Unarchive => {
            next.archived = false;
            Outcome {
                changes: vec![change("archived", &true, &false)],
                ..Outcome::to(status)
            }
        }
    };
    Ok(record(next, kind, stamp, outcome))
}

/// Replace the fields (normalised) with `fields`, if that changes something the status
/// lets the partner change without breaking a submit rule.
fn edit(claim: &Claim, next: &mut Claim, fields: ClaimFields) -> Result<Outcome, Refusal> {
    let status = claim.status;
    let mut fields = fields;
    fields.normalize();
    let changes = field_changes(&claim.fields, &fields);
    if changes.is_empty() {
        return Err(Refusal::NoChange {
            action: ActionKind::Edit,
        });
    }
    if let Some((field, why)) = changes
        .iter()
        .find_map(|(field, _)| lock_reason(status, *field).map(|why| (*field, why)))
    {
        return Err(Refusal::FieldLocked { field, status, why });
    }
    next.fields = fields;
    if status != Status::Draft {
        // A submitted claim passed every submit rule; an edit may not break one
        // (problems it already had, from an older app, are not blamed on it).
        let before = validation::submit_problems(claim);
        let problems: Vec<_> = validation::submit_problems(next)
            .into_iter()
            .filter(|problem| !before.contains(problem))
            .collect();
        if !problems.is_empty() {
            return Err(Refusal::EditProblems { problems });
        }
    }
    Ok(Outcome {
        changes: changes.into_iter().map(|(_, change)| change).collect(),
        ..Outcome::to(status)
    })
}

/// Attach PoE documents, stamped with the action's time and actor; one change each.
pub(super) fn add_poe(
    next: &mut Claim,
    documents: Vec<PoeDocument>,
    stamp: Stamp,
) -> Result<Vec<FieldChange>, Refusal> {
    let mut changes = Vec::new();
    for mut document in documents {
        if next.poe.iter().any(|existing| existing.id == document.id) {
            return Err(Refusal::DuplicatePoe { id: document.id });
        }
        document.added_at = stamp.at;
        document.added_by = stamp.actor;
        changes.push(FieldChange {
            field: format!("poe[{}]", next.poe.len()),
            old: serde_json::Value::Null,
            new: json(&document),
        });
        next.poe.push(document);
    }
    Ok(changes)
}

/// `None` when the partner changed something since the last information request (added
/// PoE, edited a field other than the checklist, or commented); otherwise when the
/// information was requested.
pub(super) fn unchanged_since_request(claim: &Claim) -> Option<Timestamp> {
    let start = claim
        .history
        .iter()
        .rposition(|entry| entry.action == ActionKind::RequestInformation);
    let requested_at = start
        .and_then(|index| claim.history.get(index))
        .map_or(claim.created_at, |entry| entry.at);
    let since = start.map_or(&claim.history[..], |index| {
        claim.history.get(index + 1..).unwrap_or(&[])
    });
    let changed = since.iter().any(|entry| {
        entry.actor == Actor::Partner
            && match entry.action {
                ActionKind::AddPoe | ActionKind::Comment => true,
                ActionKind::Edit => entry
                    .changes
                    .iter()
                    .any(|change| change.field != "poe_checklist"),
                ActionKind::Create
                | ActionKind::RemovePoe
                | ActionKind::Submit
                | ActionKind::StartReview
                | ActionKind::RequestInformation
                | ActionKind::Respond
                | ActionKind::Approve
                | ActionKind::Reject
                | ActionKind::CustomerDecline
                | ActionKind::ConsentEnded
                | ActionKind::PartnerResponseExpired
                | ActionKind::RequestRejection
                | ActionKind::Dispute
                | ActionKind::UpholdRejection
                | ActionKind::OverturnRejection
                | ActionKind::Archive
                | ActionKind::Unarchive
                | ActionKind::RestartedAs
                | ActionKind::StartedFrom => false,
            }
    });
    if changed {
        None
    } else {
        Some(requested_at)
    }
}

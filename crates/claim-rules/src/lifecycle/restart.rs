//! Starting a new draft from a rejected claim that can no longer be disputed.

use jiff::Timestamp;
use uuid::Uuid;

use crate::deadlines::Rules;
use crate::history::{ActionKind, EventDetail, HistoryEntry};
use crate::model::{Actor, Claim, ClaimLinks, PoeChecklist, Status};

use super::perform::{change, explain, prepare, record, Outcome, Stamp};
use super::permissions::check_allowed;
use super::Refusal;

/// Start a new draft from a rejected claim that can no longer be disputed (the dispute
/// window closed, the rejection was upheld on dispute, it was disputed before, or it was rejected at
/// the partner's request).
///
/// Returns the original (advanced to `at`, with a `RestartedAs` entry and the link) and
/// the new draft (fields and PoE copied, revision 1, one `StartedFrom` entry, linked
/// back). `at` is both the effective and the recorded time.
///
/// # Errors
///
/// A [`Refusal`]: not rejected, not the partner, still disputable, `at` before the last
/// entry, or `new_id` equal to the original's.
pub fn start_new_claim_from(
    claim: &Claim,
    new_id: Uuid,
    actor: Actor,
    at: Timestamp,
    rules: &Rules,
) -> Result<(Claim, Claim), Refusal> {
    let advanced = prepare(claim, at, at, rules)?;
    check_allowed(&advanced, ActionKind::RestartedAs, actor, at, rules)
        .map_err(|refusal| explain(claim, &advanced, refusal))?;
    if new_id == claim.id {
        return Err(Refusal::NewIdSameAsOriginal);
    }
    let stamp = Stamp {
        actor,
        at,
        recorded_at: at,
    };
    let mut original = advanced;
    let old_links = original.links.restarted_as.clone();
    original.links.restarted_as.push(new_id);
    let link_change = change(
        "links.restarted_as",
        &old_links,
        &original.links.restarted_as,
    );
    let status = original.status;
    let original = record(
        original,
        ActionKind::RestartedAs,
        stamp,
        Outcome {
            changes: vec![link_change],
            detail: Some(EventDetail::Link { claim: new_id }),
            ..Outcome::to(status)
        },
    );

    let mut fields = claim.fields.clone();
    fields.normalize();
    let restarted = Claim {
        id: new_id,
        revision: 1,
        created_at: at,
        updated_at: at,
        status: Status::Draft,
        archived: false,
        fields,
        poe: original.poe.clone(),
        poe_checklist: PoeChecklist::default(),
        comments: Vec::new(),
        links: ClaimLinks {
            started_from: Some(claim.id),
            ..ClaimLinks::default()
        },
        history: vec![HistoryEntry {
            at,
            recorded_at: at,
            actor,
            action: ActionKind::StartedFrom,
            from: None,
            to: Status::Draft,
            changes: Vec::new(),
            comment: String::new(),
            detail: Some(EventDetail::Link { claim: claim.id }),
        }],
    };
    Ok((original, restarted))
}

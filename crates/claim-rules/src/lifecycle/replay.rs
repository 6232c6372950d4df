//! Replaying a recorded history through the lifecycle: what an imported claim must
//! survive before anything of it is believed.
//!
//! [`replay`] starts from the claim's creation and performs every entry again: each user
//! entry must be an action its actor may take from that status at that time under the
//! file's rules ([`apply`](super::apply)'s own checks), each system entry must be exactly
//! what [`advance`](super::advance) records at its deadline (by the system), no deadline may pass
//! unrecorded before a later entry, and what each entry records (status, detail,
//! comment, changes) must be what performing it records. The claim's fields, PoE,
//! checklist, comments and archive flag must then be what the replay produced.
//!
//! The creation entry does not record the first fields; they are found by undoing every
//! recorded edit from the claim's final fields (and the PoE by undoing every recorded
//! addition and removal). Edits replay as field patches: each change's `old` must be the
//! field's value at that point, then `new` is set, so an edit entry that gathers several
//! edits of the same draft is replayed like the edits it gathers.
//!
//! [`replay_added`] performs entries appended to a claim without the rules (they were
//! replayed with the rules when their file was read): the import uses it to decide
//! whether an incoming claim is the local one plus its added entries, and nothing else.
//!
//! Cost: one step per entry. The clocks are followed entry by entry (never recomputed
//! over the history), and no step copies the history or the comments (a response reads
//! the entries since the last information request), so a history of 100,000 entries
//! that changes status at every entry replays in time proportional to its length.

use jiff::Timestamp;
use serde_json::Value;

use crate::deadlines::{ClockTracker, Rules};
use crate::export::ImportProblemKind;
use crate::history::{ActionKind, EventDetail, HistoryEntry, RejectionReason};
use crate::model::{Actor, Claim, ClaimFields, PoeChecklist, PoeDocument, Status};

use super::advance::system_transition;
use super::changes::set_field;
use super::perform::{perform, record, Outcome, Stamp};
use super::permissions::check_allowed;
use super::{new_claim, start_new_claim_from, Action};

/// Why a history does not replay: where (relative to the claim: `history[3]`,
/// `history[3].changes[0]`, `fields`, …) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayProblem {
    /// Path below the claim, without a leading dot.
    pub path: String,
    /// What is wrong.
    pub kind: ImportProblemKind,
}

impl ReplayProblem {
    fn at(index: usize, kind: ImportProblemKind) -> ReplayProblem {
        ReplayProblem {
            path: format!("history[{index}]"),
            kind,
        }
    }

    fn differs(index: usize, action: ActionKind, member: &str) -> ReplayProblem {
        ReplayProblem {
            path: format!("history[{index}].{member}"),
            kind: ImportProblemKind::HistoryEntryDiffers {
                action,
                member: member.to_string(),
            },
        }
    }
}

/// Replay `claim`'s whole history under `rules`; `Err` names the first entry (or claim
/// member) that breaks a rule.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{apply, new_claim, replay, Action};
/// use claim_rules::model::{Actor, ClaimFields, Status};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
/// let claim = apply(&draft, Action::Comment { text: "Hello".into() }, Actor::Partner, at, at, &rules)?;
/// assert!(replay(&claim, &rules).is_ok());
///
/// // A partner's approval of a draft, written into a file by hand, does not replay.
/// let mut forged = claim.clone();
/// forged.history[1].action = claim_rules::history::ActionKind::Approve;
/// forged.history[1].to = Status::Approved;
/// forged.status = Status::Approved;
/// let problem = replay(&forged, &rules).unwrap_err();
/// assert_eq!(problem.path, "history[1]");
/// assert_eq!(problem.kind.code(), "history.refused");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replay(claim: &Claim, rules: &Rules) -> Result<(), ReplayProblem> {
    let Some(first) = claim.history.first() else {
        return Ok(());
    };
    if claim.history.iter().any(is_legacy) {
        return replay_transitions(claim, rules);
    }
    let start = initial_claim(claim, first)?;
    let replayed = run(start, &claim.history[1..], 1, Some(rules))?;
    same_state(&replayed, claim)
}

/// The replay of a history from format version 0, whose entries do not record their
/// changes, comments or details: each entry's actor, status and time are checked against
/// the lifecycle (the action allowed to that actor from that status at that time, system
/// entries exactly at their deadlines and none missing), not what the entries did.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{new_claim, replay_transitions};
/// use claim_rules::model::ClaimFields;
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// assert!(replay_transitions(&new_claim(uuid::Uuid::nil(), at, ClaimFields::default()), &rules).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replay_transitions(claim: &Claim, rules: &Rules) -> Result<(), ReplayProblem> {
    let Some(first) = claim.history.first() else {
        return Ok(());
    };
    let mut shadow = claim.clone();
    shadow.history = vec![first.clone()];
    shadow.status = first.to;
    shadow.archived = false;
    let mut tracker = ClockTracker::default();
    tracker.record(first, rules);
    for (index, entry) in claim.history.iter().enumerate().skip(1) {
        system_timing(
            &shadow,
            entry,
            index,
            next_transition(&tracker, shadow.status),
        )?;
        if !entry.action.is_system() {
            // The fields at submission are not known (edits were not recorded): a
            // submission or response is checked for its actor and status only.
            let checked = match entry.action {
                ActionKind::Submit | ActionKind::Respond => {
                    actor_and_status(&shadow, entry.action, entry.actor)
                }
                _ => check_allowed(&shadow, entry.action, entry.actor, entry.at, rules),
            };
            checked.map_err(|refusal| {
                ReplayProblem::at(
                    index,
                    ImportProblemKind::HistoryRefused {
                        action: entry.action,
                        refusal,
                    },
                )
            })?;
        }
        if entry.to != status_after(entry.action, shadow.status) {
            return Err(ReplayProblem::differs(index, entry.action, "to"));
        }
        tracker.record(entry, rules);
        shadow.history.push(entry.clone());
        shadow.status = entry.to;
        match entry.action {
            ActionKind::Archive => shadow.archived = true,
            ActionKind::Unarchive => shadow.archived = false,
            _ => {}
        }
    }
    Ok(())
}

/// The status an action leads to from `status`.
fn status_after(action: ActionKind, status: Status) -> Status {
    match action {
        ActionKind::Submit => Status::Submitted,
        ActionKind::StartReview | ActionKind::Respond => Status::UnderReview,
        ActionKind::RequestInformation => Status::PartnerActionRequired,
        ActionKind::Approve | ActionKind::OverturnRejection | ActionKind::ConsentEnded => {
            Status::Approved
        }
        ActionKind::Reject
        | ActionKind::CustomerDecline
        | ActionKind::RequestRejection
        | ActionKind::UpholdRejection
        | ActionKind::PartnerResponseExpired => Status::Rejected,
        ActionKind::Dispute => Status::Disputed,
        ActionKind::Create | ActionKind::StartedFrom => Status::Draft,
        ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Comment
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs => status,
    }
}

/// The first two of [`check_allowed`]'s conditions: the actor, and the status.
fn actor_and_status(claim: &Claim, action: ActionKind, actor: Actor) -> Result<(), super::Refusal> {
    let allowed = super::actors_for(action);
    if !allowed.contains(&actor) {
        return Err(super::Refusal::WrongActor {
            action,
            actor,
            allowed: allowed.to_vec(),
        });
    }
    let allowed_from = super::statuses_for(action, actor);
    if !allowed_from.contains(&claim.status) {
        return Err(super::Refusal::WrongStatus {
            action,
            status: claim.status,
            allowed_from,
        });
    }
    Ok(())
}

/// Perform `added` (entries appended after `local`'s history) over `local` without the
/// rules, and whether the result is `incoming` in every member the entries can change.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{apply, new_claim, replay_added, Action};
/// use claim_rules::model::{Actor, ClaimFields};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let local = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
/// let incoming = apply(&local, Action::Comment { text: "Hi".into() }, Actor::Partner, at, at, &rules)?;
/// assert!(replay_added(&local, &incoming));
/// let mut renamed = incoming.clone();
/// renamed.fields.name = "Renamed without an entry".into();
/// assert!(!replay_added(&local, &renamed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replay_added(local: &Claim, incoming: &Claim) -> bool {
    let Some(added) = incoming.history.get(local.history.len()..) else {
        return false;
    };
    match run(local.clone(), added, local.history.len(), None) {
        Ok(replayed) => same_state(&replayed, incoming).is_ok(),
        Err(_) => false,
    }
}

/// Whether an entry has a shape only format version 0 wrote (it did not record changes,
/// comments and details as version 1 does): a change without its changes, a comment on
/// an action that takes none, a decision without its detail. A claim with such an entry
/// (read from a version 0 file, then exported again) is replayed for its transitions
/// only; an import still never lets such entries change a local claim, because
/// [`replay_added`] cannot perform them.
fn is_legacy(entry: &HistoryEntry) -> bool {
    match entry.action {
        ActionKind::Edit | ActionKind::AddPoe | ActionKind::RemovePoe => entry.changes.is_empty(),
        ActionKind::RequestInformation
        | ActionKind::Reject
        | ActionKind::RequestRejection
        | ActionKind::Dispute => entry.detail.is_none(),
        ActionKind::Comment | ActionKind::Respond => false,
        ActionKind::Create
        | ActionKind::Submit
        | ActionKind::StartReview
        | ActionKind::Approve
        | ActionKind::CustomerDecline
        | ActionKind::ConsentEnded
        | ActionKind::PartnerResponseExpired
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::StartedFrom => !entry.comment.is_empty(),
    }
}

/// The claim as its first entry created it: the first fields and PoE found by undoing
/// every recorded change from the final ones.
///
/// The fields are undone as typed fields ([`initial_fields`]); only if that fails are
/// they undone as JSON, which names the problem.
fn initial_claim(claim: &Claim, first: &HistoryEntry) -> Result<Claim, ReplayProblem> {
    let typed = initial_fields(claim);
    let mut fields = match typed {
        Some(_) => Value::Null,
        None => serde_json::to_value(&claim.fields).unwrap_or(Value::Null),
    };
    let mut poe: Vec<Value> = claim
        .poe
        .iter()
        .map(|document| serde_json::to_value(document).unwrap_or(Value::Null))
        .collect();
    for (index, entry) in claim.history.iter().enumerate().rev() {
        for (number, change) in entry.changes.iter().enumerate().rev() {
            let path = || format!("history[{index}].changes[{number}]");
            if let Some(name) = change.field.strip_prefix("fields.") {
                if typed.is_some() {
                    continue;
                }
                if let Some(slot) = fields.get_mut(name) {
                    *slot = change.old.clone();
                } else {
                    return Err(patch_problem(path(), &change.field));
                }
            } else if let Some(position) = poe_position(&change.field) {
                match (&change.old, &change.new) {
                    (Value::Null, _) if position < poe.len() => {
                        poe.remove(position);
                    }
                    (old, Value::Null) if position <= poe.len() => {
                        poe.insert(position, old.clone());
                    }
                    _ => return Err(patch_problem(path(), &change.field)),
                }
            }
        }
    }
    let fields: ClaimFields = match typed {
        Some(fields) => fields,
        None => serde_json::from_value(fields)
            .map_err(|_| patch_problem("history[0]".to_string(), "fields"))?,
    };
    let poe: Vec<PoeDocument> = poe
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(|_| patch_problem("history[0]".to_string(), "poe"))?;
    match (first.action, &first.detail) {
        (ActionKind::Create, _) => {
            if first.actor != Actor::Partner {
                return Err(ReplayProblem::differs(0, first.action, "actor"));
            }
            if !poe.is_empty() {
                return Err(ReplayProblem {
                    path: "poe".to_string(),
                    kind: ImportProblemKind::ClaimDiffersFromHistory {
                        member: "poe".to_string(),
                    },
                });
            }
            let mut start = new_claim(claim.id, first.at, fields);
            start.history[0] = first.clone();
            Ok(start)
        }
        (ActionKind::StartedFrom, Some(EventDetail::Link { claim: original })) => {
            let mut start = new_claim(claim.id, first.at, fields);
            start.poe = poe;
            start.links.started_from = Some(*original);
            start.history[0] = first.clone();
            Ok(start)
        }
        (action, _) => Err(ReplayProblem::differs(0, action, "action")),
    }
}

/// The first fields, found by undoing every recorded field change from the final fields
/// as typed fields (the last change undone, of each field, is its first `old`); `None`
/// if a change names no field or an `old` does not read as its field's type.
///
/// Undoing as typed fields gives what undoing as JSON then reading the whole gives, when
/// both succeed: each field ends as its earliest change's `old`, read as its type. The
/// JSON route does not read the `old`s it overwrites, so it may succeed where this does
/// not: then it is the one taken.
fn initial_fields(claim: &Claim) -> Option<ClaimFields> {
    let mut fields = claim.fields.clone();
    for entry in claim.history.iter().rev() {
        for change in entry.changes.iter().rev() {
            if let Some(name) = change.field.strip_prefix("fields.") {
                if !set_field(&mut fields, name, None, &change.old) {
                    return None;
                }
            }
        }
    }
    Some(fields)
}

fn poe_position(field: &str) -> Option<usize> {
    field.strip_prefix("poe[")?.strip_suffix(']')?.parse().ok()
}

fn patch_problem(path: String, field: &str) -> ReplayProblem {
    ReplayProblem {
        path,
        kind: ImportProblemKind::HistoryPatchMismatch {
            field: field.to_string(),
        },
    }
}

/// Perform `entries` (the first at history index `offset`) over `current`; with `rules`,
/// every lifecycle rule is checked too.
fn run(
    mut current: Claim,
    entries: &[HistoryEntry],
    offset: usize,
    rules: Option<&Rules>,
) -> Result<Claim, ReplayProblem> {
    // The clocks, kept up to date entry by entry (never recomputed over the history).
    let mut tracker = rules.map(|rules| {
        let mut tracker = ClockTracker::default();
        for entry in &current.history {
            tracker.record(entry, rules);
        }
        tracker
    });
    let mut last_request = current
        .history
        .iter()
        .rposition(|entry| entry.action == ActionKind::RequestInformation);
    for (position, entry) in entries.iter().enumerate() {
        let index = offset + position;
        if let (Some(rules), Some(tracker)) = (rules, &tracker) {
            let due = next_transition(tracker, current.status);
            system_timing(&current, entry, index, due)?;
            current = step(current, entry, index, Some(rules), last_request)?;
        } else {
            current = step(current, entry, index, None, last_request)?;
        }
        if let (Some(rules), Some(tracker)) = (rules, tracker.as_mut()) {
            tracker.record(entry, rules);
        }
        if entry.action == ActionKind::RequestInformation {
            last_request = Some(index);
        }
    }
    Ok(current)
}

/// A system entry must be the transition due, exactly at its deadline (or at the entry
/// before it, if that came later); any other entry must come before the next deadline.
fn system_timing(
    current: &Claim,
    entry: &HistoryEntry,
    index: usize,
    due: Option<(Timestamp, ActionKind)>,
) -> Result<(), ReplayProblem> {
    if entry.action.is_system() {
        return match due {
            Some((due, action)) => {
                let expected = current
                    .history
                    .last()
                    .map_or(due, |previous| previous.at.max(due));
                if action == entry.action && entry.at == expected && entry.actor == Actor::System {
                    Ok(())
                } else {
                    Err(ReplayProblem::at(
                        index,
                        ImportProblemKind::HistorySystemNotDue {
                            action: entry.action,
                            due,
                        },
                    ))
                }
            }
            None => Err(ReplayProblem::at(
                index,
                ImportProblemKind::HistorySystemWithoutDeadline {
                    action: entry.action,
                },
            )),
        };
    }
    match due {
        Some((due, transition)) if due <= entry.at => Err(ReplayProblem::at(
            index,
            ImportProblemKind::HistorySystemMissing { transition, due },
        )),
        Some(_) | None => Ok(()),
    }
}

/// The earliest system transition still to come for a claim in `status`.
fn next_transition(tracker: &ClockTracker, status: Status) -> Option<(Timestamp, ActionKind)> {
    tracker
        .open_clocks()
        .filter_map(|clock| {
            system_transition(clock.kind, status).map(|(action, _)| (clock.due, action))
        })
        .min_by_key(|(due, _)| *due)
}

/// Perform one entry over `current`.
fn step(
    current: Claim,
    entry: &HistoryEntry,
    index: usize,
    rules: Option<&Rules>,
    last_request: Option<usize>,
) -> Result<Claim, ReplayProblem> {
    let refused = |refusal| {
        ReplayProblem::at(
            index,
            ImportProblemKind::HistoryRefused {
                action: entry.action,
                refusal,
            },
        )
    };
    let stamp = Stamp {
        actor: entry.actor,
        at: entry.at,
        recorded_at: entry.recorded_at,
    };
    if entry.action.is_system() {
        // Its timing was checked against the clocks; here its effect, from the status
        // the transition leaves.
        let outcome = match (entry.action, current.status) {
            (ActionKind::PartnerResponseExpired, Status::PartnerActionRequired) => {
                Outcome::rejected(RejectionReason::NoPartnerResponse)
            }
            (ActionKind::ConsentEnded, Status::Approved) => Outcome::to(Status::Approved),
            _ => return Err(ReplayProblem::differs(index, entry.action, "from")),
        };
        if entry.actor != Actor::System {
            return Err(ReplayProblem::differs(index, entry.action, "actor"));
        }
        return same_entry(record(current, entry.action, stamp, outcome), entry, index);
    }
    if entry.action == ActionKind::RestartedAs {
        return restarted(current, entry, index, rules);
    }
    if let Some(marked) = copy_marking(&current, entry, index)? {
        return Ok(marked);
    }
    let action = action_of(&current, entry, index)?;
    if entry.at > entry.recorded_at {
        return Err(refused(super::Refusal::EffectiveTimeInFuture {
            effective_at: entry.at,
            recorded_at: entry.recorded_at,
        }));
    }
    if let Some(rules) = rules {
        check_allowed(&current, entry.action, entry.actor, entry.at, rules).map_err(refused)?;
    }
    // Actions are performed without copying the history and the comments: a response
    // reads only the entries since the last information request (what changed since).
    let next = {
        let mut current = current;
        let history = std::mem::take(&mut current.history);
        let comments = std::mem::take(&mut current.comments);
        if entry.action == ActionKind::Respond {
            let since = last_request.unwrap_or(0);
            current.history = history.get(since..).unwrap_or(&[]).to_vec();
        }
        let performed = perform(&current, action, stamp);
        let mut next = performed.map_err(refused)?;
        let produced = next.history.split_off(current.history.len());
        next.history = produced;
        let mut all_history = history;
        all_history.append(&mut next.history);
        next.history = all_history;
        let mut all_comments = comments;
        all_comments.append(&mut next.comments);
        next.comments = all_comments;
        next
    };
    let edit = entry.action == ActionKind::Edit;
    same_entry_except_changes(next, entry, index, edit)
}

/// The entry an import adds to a conflict copy (the new name and the link to the local
/// claim): a record of the merge, not a user's edit, so it is replayed as its patches.
fn copy_marking(
    current: &Claim,
    entry: &HistoryEntry,
    index: usize,
) -> Result<Option<Claim>, ReplayProblem> {
    let marks_copy = entry.action == ActionKind::Edit
        && entry
            .changes
            .iter()
            .any(|change| change.field == "links.conflict_copy_of");
    if !marks_copy {
        return Ok(None);
    }
    let mut next = current.clone();
    for (number, change) in entry.changes.iter().enumerate() {
        let path = || format!("history[{index}].changes[{number}]");
        match change.field.as_str() {
            "links.conflict_copy_of" => {
                let old = serde_json::to_value(next.links.conflict_copy_of).unwrap_or_default();
                if old != change.old {
                    return Err(patch_problem(path(), &change.field));
                }
                next.links.conflict_copy_of = serde_json::from_value(change.new.clone())
                    .map_err(|_| patch_problem(path(), &change.field))?;
            }
            "fields.name" => {
                if Value::String(next.fields.name.clone()) != change.old {
                    return Err(patch_problem(path(), &change.field));
                }
                next.fields.name = serde_json::from_value(change.new.clone())
                    .map_err(|_| patch_problem(path(), &change.field))?;
            }
            _ => return Err(patch_problem(path(), &change.field)),
        }
    }
    let next = record(
        next,
        ActionKind::Edit,
        Stamp {
            actor: entry.actor,
            at: entry.at,
            recorded_at: entry.recorded_at,
        },
        Outcome {
            changes: entry.changes.clone(),
            ..Outcome::to(current.status)
        },
    );
    same_entry(next, entry, index).map(Some)
}

/// An edit of fields, each changed once, as typed patches: each field's JSON must be the
/// change's `old`, then the change's `new` is read as its type. `None` for anything else
/// (the checklist, a field changed twice, a patch that does not apply), which the JSON
/// route decides.
///
/// For an edit that changes each field once, this gives what patching the fields' JSON
/// then reading the whole gives: the field's JSON compared, its `new` read as its type.
/// (A field changed twice would be compared with the first change's `new` as written in
/// the JSON route, and as read and written again here.)
fn typed_edit(current: &Claim, entry: &HistoryEntry) -> Option<Action> {
    let mut fields = current.fields.clone();
    let mut seen: Vec<&str> = Vec::with_capacity(entry.changes.len());
    for change in &entry.changes {
        let name = change.field.strip_prefix("fields.")?;
        if seen.contains(&name) {
            return None;
        }
        seen.push(name);
        if !set_field(&mut fields, name, Some(&change.old), &change.new) {
            return None;
        }
    }
    Some(Action::edit(fields))
}

/// A restart recorded on the rejected claim.
fn restarted(
    current: Claim,
    entry: &HistoryEntry,
    index: usize,
    rules: Option<&Rules>,
) -> Result<Claim, ReplayProblem> {
    let Some(EventDetail::Link { claim: new_id }) = entry.detail else {
        return Err(ReplayProblem::differs(index, entry.action, "detail"));
    };
    let next = match rules {
        Some(rules) => {
            let (original, _) =
                start_new_claim_from(&current, new_id, entry.actor, entry.at, rules).map_err(
                    |refusal| {
                        ReplayProblem::at(
                            index,
                            ImportProblemKind::HistoryRefused {
                                action: entry.action,
                                refusal,
                            },
                        )
                    },
                )?;
            original
        }
        None => {
            let mut next = current;
            next.links.restarted_as.push(new_id);
            let status = next.status;
            record(
                next,
                ActionKind::RestartedAs,
                Stamp {
                    actor: entry.actor,
                    at: entry.at,
                    recorded_at: entry.at,
                },
                Outcome {
                    changes: entry.changes.clone(),
                    detail: entry.detail.clone(),
                    ..Outcome::to(status)
                },
            )
        }
    };
    let mut next = next;
    // A restart is recorded at its effective time; the file's own record time is kept.
    if let Some(last) = next.history.last_mut() {
        last.recorded_at = entry.recorded_at;
    }
    same_entry(next, entry, index)
}

/// The action a user entry records.
fn action_of(current: &Claim, entry: &HistoryEntry, index: usize) -> Result<Action, ReplayProblem> {
    let differs = |member: &str| ReplayProblem::differs(index, entry.action, member);
    let documents = || -> Result<Vec<PoeDocument>, ReplayProblem> {
        entry
            .changes
            .iter()
            .map(|change| {
                serde_json::from_value(change.new.clone()).map_err(|_| differs("changes"))
            })
            .collect()
    };
    let action = match entry.action {
        ActionKind::Create | ActionKind::StartedFrom => return Err(differs("action")),
        ActionKind::Edit => edit_action(current, entry, index)?,
        ActionKind::AddPoe => {
            let mut documents = documents()?;
            match (documents.pop(), documents.is_empty()) {
                (Some(document), true) => Action::AddPoe(document),
                _ => return Err(differs("changes")),
            }
        }
        ActionKind::RemovePoe => {
            let document: Option<PoeDocument> = match entry.changes.as_slice() {
                [change] => serde_json::from_value(change.old.clone()).ok(),
                _ => None,
            };
            match document {
                Some(document) => Action::RemovePoe(document.id),
                None => return Err(differs("changes")),
            }
        }
        ActionKind::Submit => Action::Submit,
        ActionKind::StartReview => Action::StartReview,
        ActionKind::RequestInformation => match &entry.detail {
            Some(EventDetail::InformationRequest {
                reasons,
                products_to_remove,
            }) => Action::RequestInformation {
                reasons: reasons.clone(),
                comment: entry.comment.clone(),
                products_to_remove: products_to_remove.clone(),
            },
            _ => return Err(differs("detail")),
        },
        ActionKind::Respond => Action::Respond {
            comment: entry.comment.clone(),
        },
        ActionKind::Approve => Action::Approve,
        ActionKind::Reject => match &entry.detail {
            Some(EventDetail::Rejection {
                reason: RejectionReason::Reviewer(reason),
            }) => Action::Reject {
                reason: reason.clone(),
            },
            _ => return Err(differs("detail")),
        },
        ActionKind::CustomerDecline => Action::CustomerDecline,
        ActionKind::RequestRejection => match &entry.detail {
            Some(EventDetail::Rejection {
                reason: RejectionReason::PartnerRequested(reason),
            }) => Action::RequestRejection {
                reason: reason.clone(),
            },
            _ => return Err(differs("detail")),
        },
        ActionKind::Dispute => match &entry.detail {
            Some(EventDetail::Dispute { justification, .. }) => Action::Dispute {
                justification: justification.clone(),
                poe: documents()?,
            },
            _ => return Err(differs("detail")),
        },
        ActionKind::UpholdRejection => Action::UpholdRejection,
        ActionKind::OverturnRejection => Action::OverturnRejection,
        ActionKind::Comment => Action::Comment {
            text: entry.comment.clone(),
        },
        ActionKind::Archive => Action::Archive,
        ActionKind::Unarchive => Action::Unarchive,
        ActionKind::ConsentEnded | ActionKind::PartnerResponseExpired | ActionKind::RestartedAs => {
            return Err(differs("action"))
        }
    };
    Ok(action)
}

/// An edit as field patches over the current fields (or the checklist): as typed fields
/// when it can ([`typed_edit`]), else as JSON, which names the problem.
fn edit_action(
    current: &Claim,
    entry: &HistoryEntry,
    index: usize,
) -> Result<Action, ReplayProblem> {
    match typed_edit(current, entry) {
        Some(action) => Ok(action),
        None => json_edit(current, entry, index),
    }
}

/// An edit as patches over the fields' JSON (or the checklist).
fn json_edit(current: &Claim, entry: &HistoryEntry, index: usize) -> Result<Action, ReplayProblem> {
    let mut fields = serde_json::to_value(&current.fields).unwrap_or(Value::Null);
    let mut checklist: Option<PoeChecklist> = None;
    for (number, change) in entry.changes.iter().enumerate() {
        let path = || format!("history[{index}].changes[{number}]");
        if change.field == "poe_checklist" {
            let old = serde_json::to_value(current.poe_checklist).unwrap_or_default();
            if old != change.old || checklist.is_some() {
                return Err(patch_problem(path(), &change.field));
            }
            checklist = Some(
                serde_json::from_value(change.new.clone())
                    .map_err(|_| patch_problem(path(), &change.field))?,
            );
            continue;
        }
        let slot = change
            .field
            .strip_prefix("fields.")
            .and_then(|name| fields.get_mut(name));
        match slot {
            Some(slot) if *slot == change.old => *slot = change.new.clone(),
            _ => return Err(patch_problem(path(), &change.field)),
        }
    }
    match checklist {
        Some(checklist) if entry.changes.len() == 1 => Ok(Action::SetPoeChecklist(checklist)),
        Some(_) => Err(patch_problem(format!("history[{index}]"), "poe_checklist")),
        None => serde_json::from_value(fields)
            .map(Action::edit)
            .map_err(|_| patch_problem(format!("history[{index}]"), "fields")),
    }
}

/// The replayed last entry must be the recorded one.
fn same_entry(next: Claim, entry: &HistoryEntry, index: usize) -> Result<Claim, ReplayProblem> {
    same_entry_except_changes(next, entry, index, false)
}

/// As [`same_entry`]; an edit's changes were checked as patches (an entry that gathers
/// several edits records them in its own order).
fn same_entry_except_changes(
    next: Claim,
    entry: &HistoryEntry,
    index: usize,
    edit: bool,
) -> Result<Claim, ReplayProblem> {
    let Some(produced) = next.history.last() else {
        return Err(ReplayProblem::differs(index, entry.action, "action"));
    };
    let member = if produced.action != entry.action {
        Some("action")
    } else if produced.to != entry.to {
        Some("to")
    } else if produced.detail != entry.detail {
        Some("detail")
    } else if produced.comment != entry.comment {
        Some("comment")
    } else if !edit && produced.changes != entry.changes {
        Some("changes")
    } else {
        None
    };
    match member {
        Some(member) => Err(ReplayProblem::differs(index, entry.action, member)),
        None => {
            let mut next = next;
            if let Some(last) = next.history.last_mut() {
                // Keep the file's own record (an edit's changes as it listed them). It
                // is nearly always the entry produced: compared, not copied, then.
                if last != entry {
                    *last = entry.clone();
                }
            }
            Ok(next)
        }
    }
}

/// Every member the history accounts for must be what the replay produced.
fn same_state(replayed: &Claim, claim: &Claim) -> Result<(), ReplayProblem> {
    let member = if replayed.status != claim.status {
        Some("status")
    } else if replayed.fields != claim.fields {
        Some("fields")
    } else if replayed.poe != claim.poe {
        Some("poe")
    } else if replayed.poe_checklist != claim.poe_checklist {
        Some("poe_checklist")
    } else if replayed.comments != claim.comments {
        Some("comments")
    } else if replayed.archived != claim.archived {
        Some("archived")
    } else if replayed.links.restarted_as != claim.links.restarted_as
        || replayed.links.conflict_copy_of != claim.links.conflict_copy_of
    {
        Some("links")
    } else {
        None
    };
    match member {
        Some(member) => Err(ReplayProblem {
            path: member.to_string(),
            kind: ImportProblemKind::ClaimDiffersFromHistory {
                member: member.to_string(),
            },
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{initial_fields, json_edit, typed_edit};
    use crate::history::{ActionKind, FieldChange, HistoryEntry};
    use crate::lifecycle::new_claim;
    use crate::model::{Activity, Actor, Claim, ClaimFields, SolutionArea, Status};

    fn claim() -> Claim {
        let fields = ClaimFields {
            name: "Contoso rollout".into(),
            solution_area: Some(SolutionArea::Microsoft365),
            activities: [Activity::Usage].into_iter().collect(),
            ..ClaimFields::default()
        };
        new_claim(uuid::Uuid::nil(), jiff::Timestamp::UNIX_EPOCH, fields)
    }

    fn edit(changes: &[(&str, serde_json::Value, serde_json::Value)]) -> HistoryEntry {
        HistoryEntry {
            at: jiff::Timestamp::UNIX_EPOCH,
            recorded_at: jiff::Timestamp::UNIX_EPOCH,
            actor: Actor::Partner,
            action: ActionKind::Edit,
            from: Some(Status::Draft),
            to: Status::Draft,
            changes: changes
                .iter()
                .map(|(field, old, new)| FieldChange {
                    field: (*field).to_string(),
                    old: old.clone(),
                    new: new.clone(),
                })
                .collect(),
            comment: String::new(),
            detail: None,
        }
    }

    /// The typed route takes an edit only when the JSON route gives the same action, and
    /// leaves to it every edit it cannot take alike.
    #[test]
    fn typed_edits_are_the_json_route_s_or_left_to_it() {
        let current = claim();
        let usage = json!(["Usage"]);
        let taken = [
            edit(&[]),
            edit(&[("fields.name", json!("Contoso rollout"), json!("Contoso"))]),
            edit(&[
                ("fields.name", json!("Contoso rollout"), json!("Contoso")),
                ("fields.partner_id", json!(""), json!("1234567")),
            ]),
            // Written in another order than the set's: read as the same set either way.
            edit(&[(
                "fields.activities",
                usage.clone(),
                json!(["Usage", "Presales"]),
            )]),
            edit(&[(
                "fields.activities",
                usage.clone(),
                json!(["Presales", "Usage"]),
            )]),
        ];
        for entry in &taken {
            let typed = typed_edit(&current, entry);
            assert!(typed.is_some(), "{:?}", entry.changes);
            assert_eq!(typed.map(Ok), Some(json_edit(&current, entry, 1)));
        }
        let left = [
            // Not the field's value now.
            edit(&[("fields.name", json!("Fabrikam"), json!("Contoso"))]),
            // Does not read as the field's type.
            edit(&[("fields.name", json!("Contoso rollout"), json!(5))]),
            // No such field.
            edit(&[("fields.colour", json!(""), json!("blue"))]),
            // The checklist.
            edit(&[("poe_checklist", json!({}), json!({}))]),
            // A field changed twice: the JSON route compares the second `old` with the
            // first `new` as written ("Usage" before "Presales"), not as read.
            edit(&[
                (
                    "fields.activities",
                    usage.clone(),
                    json!(["Usage", "Presales"]),
                ),
                (
                    "fields.activities",
                    json!(["Presales", "Usage"]),
                    usage.clone(),
                ),
            ]),
        ];
        for entry in &left {
            assert_eq!(typed_edit(&current, entry), None, "{:?}", entry.changes);
        }
        // The last one is refused by the JSON route, which typed patches would accept.
        assert!(json_edit(&current, &left[4], 1).is_err());
    }

    /// Undoing typed fields gives the JSON route's first fields, and gives up where an
    /// `old` does not read (the JSON route then decides).
    #[test]
    fn first_fields_are_the_json_route_s() {
        let mut final_claim = claim();
        final_claim.fields.name = "Contoso".into();
        final_claim.fields.partner_id = "1234567".into();
        final_claim.history.push(edit(&[
            ("fields.name", json!("Contoso rollout"), json!("Contoso v2")),
            ("fields.partner_id", json!(""), json!("1234567")),
        ]));
        final_claim.history.push(edit(&[(
            "fields.name",
            json!("Contoso v2"),
            json!("Contoso"),
        )]));
        let first = initial_fields(&final_claim);
        assert_eq!(
            first.as_ref().map(|f| f.name.as_str()),
            Some("Contoso rollout")
        );
        assert_eq!(first.as_ref().map(|f| f.partner_id.as_str()), Some(""));
        assert_eq!(first, Some(claim().fields));

        let mut unreadable = final_claim.clone();
        unreadable.history[2].changes[0].old = json!(5);
        assert_eq!(initial_fields(&unreadable), None);
    }
}

//! Import preview (classification) and merge: nothing local is ever lost.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::history::ActionKind;
use claim_rules::import::{apply_import, classify_import, ImportKind};
use claim_rules::model::{Actor, Claim, Status};
use claims::*;
use proptest::prelude::*;
use uuid::Uuid;

fn kinds(local: &[Claim], incoming: &[Claim]) -> Vec<ImportKind> {
    classify_import(local, incoming)
        .into_iter()
        .map(|item| item.kind)
        .collect()
}

/// A generator of fresh IDs for copies.
fn ids() -> impl FnMut() -> Uuid {
    let mut next = 0xC0FF_EE00_u128;
    move || {
        next += 1;
        Uuid::from_u128(next)
    }
}

fn now() -> jiff::Timestamp {
    at("2025-04-01T08:00:00Z")
}

#[test]
fn each_kind_is_recognised() {
    let base = submitted(1, valid_fields());
    let mut longer = base.clone();
    push(
        &mut longer,
        Actor::Reviewer,
        ActionKind::StartReview,
        Status::UnderReview,
        "2025-03-05T10:00:00Z",
    );
    let mut diverged = base.clone();
    push(
        &mut diverged,
        Actor::Partner,
        ActionKind::Comment,
        Status::Submitted,
        "2025-03-05T11:00:00Z",
    );

    let new = draft(9, valid_fields());
    assert_eq!(
        kinds(std::slice::from_ref(&base), &[new]),
        [ImportKind::New]
    );
    assert_eq!(
        kinds(std::slice::from_ref(&base), std::slice::from_ref(&base)),
        [ImportKind::Identical]
    );
    assert_eq!(
        kinds(std::slice::from_ref(&base), std::slice::from_ref(&longer)),
        [ImportKind::Updated]
    );
    assert_eq!(
        kinds(std::slice::from_ref(&longer), std::slice::from_ref(&base)),
        [ImportKind::AlreadyNewer]
    );
    assert_eq!(
        kinds(
            std::slice::from_ref(&longer),
            std::slice::from_ref(&diverged)
        ),
        [ImportKind::Conflicting]
    );
}

#[test]
fn equal_histories_with_different_content_are_decided_by_revision() {
    let base = ready_draft(1);
    let mut ticked = base.clone();
    ticked.poe_checklist.products_named = true;
    ticked.revision += 1;
    assert_eq!(
        kinds(std::slice::from_ref(&base), std::slice::from_ref(&ticked)),
        [ImportKind::Updated]
    );
    assert_eq!(
        kinds(std::slice::from_ref(&ticked), std::slice::from_ref(&base)),
        [ImportKind::AlreadyNewer]
    );
    let mut other = base.clone();
    other.poe_checklist.dates_recent = true;
    other.revision += 1;
    assert_eq!(kinds(&[ticked], &[other]), [ImportKind::Conflicting]);
}

/// How the app names an imported copy (the rules take the name from the caller).
fn copy_name(name: &str) -> String {
    format!("{name} (imported copy)")
}

/// Whether the last history entry of a claim carries no comment of its own.
fn note_is_silent(claim: &claim_rules::model::Claim) -> bool {
    claim
        .history
        .last()
        .is_some_and(|entry| entry.comment.is_empty())
}

#[test]
fn items_carry_the_local_id_and_its_history_length() {
    let base = submitted(1, valid_fields());
    let items = classify_import(
        std::slice::from_ref(&base),
        &[base.clone(), draft(2, valid_fields())],
    );
    assert_eq!(items[0].local, Some(base.id));
    assert_eq!(items[1].local, None);
    assert_eq!(items[0].local_entries, Some(base.history.len()));
    assert_eq!(items[1].local_entries, None);
    assert_eq!(items[0].kind, ImportKind::Identical);
    assert_eq!(items[1].kind, ImportKind::New);
    assert_eq!(items[0].kind.code(), "identical");
    assert!(!items[0].kind.changes_anything());
    assert!(items[1].kind.changes_anything());
}

#[test]
fn apply_adds_new_replaces_updated_and_keeps_the_rest() {
    let base = submitted(1, valid_fields());
    let other = ready_draft(2);
    let mut longer = base.clone();
    push(
        &mut longer,
        Actor::Reviewer,
        ActionKind::StartReview,
        Status::UnderReview,
        "2025-03-05T10:00:00Z",
    );
    let new = draft(3, valid_m365_fields());
    let local = vec![base.clone(), other.clone()];
    let incoming = vec![longer.clone(), new.clone(), other.clone()];
    let items = classify_import(&local, &incoming);
    let merged = apply_import(&local, &items, ids(), copy_name, now());
    assert_eq!(merged, vec![longer, other, new]);
}

#[test]
fn a_conflict_is_kept_as_a_marked_copy_and_not_copied_twice() {
    let base = submitted(1, valid_fields());
    let mut ours = base.clone();
    push(
        &mut ours,
        Actor::Reviewer,
        ActionKind::StartReview,
        Status::UnderReview,
        "2025-03-05T10:00:00Z",
    );
    let mut theirs = base.clone();
    push(
        &mut theirs,
        Actor::Partner,
        ActionKind::Comment,
        Status::Submitted,
        "2025-03-05T11:00:00Z",
    );

    let items = classify_import(std::slice::from_ref(&ours), std::slice::from_ref(&theirs));
    assert_eq!(items[0].kind, ImportKind::Conflicting);
    let merged = apply_import(std::slice::from_ref(&ours), &items, ids(), copy_name, now());
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0], ours, "the local claim is untouched");
    let copy = &merged[1];
    assert_ne!(copy.id, ours.id);
    assert_eq!(copy.links.conflict_copy_of, Some(ours.id));
    assert_eq!(copy.fields.name, copy_name(&theirs.fields.name));
    assert!(
        note_is_silent(copy),
        "the rules write no words into the history"
    );
    assert!(copy.history.starts_with(&theirs.history));
    let note = copy.history.last().expect("entry");
    assert_eq!(note.action, ActionKind::Edit);
    assert_eq!(note.from, Some(Status::Submitted));
    assert_eq!(note.to, Status::Submitted);
    assert_eq!(copy.revision, theirs.revision + 1);
    assert_eq!(copy.status, theirs.status);

    // The copy passes import validation.
    let document = claim_rules::export::export(&merged, &Default::default(), now(), "t");
    let text = document.to_json_pretty().expect("serialise");
    assert!(claim_rules::export::parse(&text).is_ok());

    // Importing the same file again finds the copy.
    let again = classify_import(&merged, &[theirs]);
    assert_eq!(again[0].kind, ImportKind::AlreadyCopied);
    assert_eq!(again[0].local, Some(copy.id));
    assert_eq!(
        apply_import(&merged, &again, ids(), copy_name, now()),
        merged
    );
}

#[test]
fn a_copy_never_goes_back_in_time() {
    let base = submitted(1, valid_fields());
    let mut ours = base.clone();
    push(
        &mut ours,
        Actor::Partner,
        ActionKind::Comment,
        Status::Submitted,
        "2025-05-05T10:00:00Z",
    );
    let mut theirs = base;
    push(
        &mut theirs,
        Actor::Partner,
        ActionKind::Comment,
        Status::Submitted,
        "2025-05-06T10:00:00Z",
    );
    let merged = apply_import(
        std::slice::from_ref(&ours),
        &classify_import(std::slice::from_ref(&ours), &[theirs]),
        ids(),
        copy_name,
        now(),
    );
    let history = &merged[1].history;
    assert!(history[history.len() - 1].at >= history[history.len() - 2].at);
}

#[test]
fn a_stale_preview_cannot_overwrite_a_local_claim() {
    let base = submitted(1, valid_fields());
    let mut longer = base.clone();
    push(
        &mut longer,
        Actor::Reviewer,
        ActionKind::StartReview,
        Status::UnderReview,
        "2025-03-05T10:00:00Z",
    );
    // Preview made against `base`, applied when the local claim has moved on differently.
    let items = classify_import(std::slice::from_ref(&base), std::slice::from_ref(&longer));
    let mut moved = base;
    push(
        &mut moved,
        Actor::Partner,
        ActionKind::RequestRejection,
        Status::Rejected,
        "2025-03-05T09:00:00Z",
    );
    let merged = apply_import(
        std::slice::from_ref(&moved),
        &items,
        ids(),
        copy_name,
        now(),
    );
    assert_eq!(merged[0], moved);
    assert_eq!(merged[1].links.conflict_copy_of, Some(moved.id));
}

#[test]
fn a_repeating_id_generator_still_gives_unique_copies() {
    let base = submitted(1, valid_fields());
    let mut ours = base.clone();
    push(
        &mut ours,
        Actor::Partner,
        ActionKind::Comment,
        Status::Submitted,
        "2025-03-05T10:00:00Z",
    );
    let theirs: Vec<Claim> = (0..3)
        .map(|n| {
            let mut claim = base.clone();
            push(
                &mut claim,
                Actor::Partner,
                ActionKind::Comment,
                Status::Submitted,
                "2025-03-05T11:00:00Z",
            );
            claim.history.last_mut().expect("entry").comment = format!("variant {n}");
            claim
        })
        .collect();
    let items = classify_import(std::slice::from_ref(&ours), &theirs);
    let merged = apply_import(
        std::slice::from_ref(&ours),
        &items,
        || ours.id,
        copy_name,
        now(),
    );
    let ids: std::collections::HashSet<Uuid> = merged.iter().map(|claim| claim.id).collect();
    assert_eq!(ids.len(), merged.len());
}

// ---- property: nothing local is ever lost -----------------------------------------------

/// A family of versions of one claim: index 0 is the base; others extend it in
/// different ways.
fn version(base: &Claim, steps: &[u8]) -> Claim {
    let mut claim = base.clone();
    for (n, step) in steps.iter().enumerate() {
        let when = format!("2025-03-{:02}T10:00:00Z", 10 + n);
        let status = claim.status;
        push(
            &mut claim,
            Actor::Partner,
            ActionKind::Comment,
            status,
            &when,
        );
        claim.history.last_mut().expect("entry").comment = format!("step {step}");
    }
    claim
}

proptest! {
    #[test]
    fn apply_import_never_loses_a_local_claim(
        local_steps in proptest::collection::vec((0u128..6, proptest::collection::vec(0u8..3, 0..3)), 0..8),
        incoming_steps in proptest::collection::vec((0u128..8, proptest::collection::vec(0u8..3, 0..4)), 0..8),
    ) {
        let mut local: Vec<Claim> = Vec::new();
        for (n, steps) in local_steps {
            if local.iter().all(|claim| claim.id != id(n)) {
                local.push(version(&submitted(n, valid_fields()), &steps));
            }
        }
        let mut incoming: Vec<Claim> = Vec::new();
        for (n, steps) in incoming_steps {
            if incoming.iter().all(|claim| claim.id != id(n)) {
                incoming.push(version(&submitted(n, valid_fields()), &steps));
            }
        }
        let items = classify_import(&local, &incoming);
        let merged = apply_import(&local, &items, ids(), copy_name, now());

        // Every local claim is still there, unchanged or extended.
        for original in &local {
            let kept = merged.iter().find(|claim| claim.id == original.id);
            prop_assert!(kept.is_some());
            let kept = kept.expect("checked");
            prop_assert!(kept.history.starts_with(&original.history));
        }
        // Every incoming claim is represented: by ID, or by a copy of it.
        for claim in &incoming {
            let represented = merged.iter().any(|m| m.id == claim.id && m.history.starts_with(&claim.history))
                || merged.iter().any(|m| m.links.conflict_copy_of == Some(claim.id) && m.history.starts_with(&claim.history))
                || merged.iter().any(|m| m.id == claim.id && claim.history.starts_with(&m.history));
            prop_assert!(represented);
        }
        // IDs stay unique, and applying again changes nothing.
        let unique: std::collections::HashSet<Uuid> = merged.iter().map(|claim| claim.id).collect();
        prop_assert_eq!(unique.len(), merged.len());
        let again = apply_import(&merged, &classify_import(&merged, &incoming), ids(), copy_name, now());
        prop_assert_eq!(again, merged);
    }
}

//! A history that means something (issue 8, item 3): draft edits merged per sitting,
//! through export, import replay and import classification.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::export::{export, parse};
use claim_rules::history::ActionKind;
use claim_rules::import::{apply_import, classify_import, ImportKind};
use claim_rules::lifecycle::{
    self, merge_draft_edits, replay, Action, FieldPatches, DRAFT_EDIT_MERGE_WINDOW,
};
use claim_rules::model::{Actor, Claim, ClaimFields, PoeChecklist, Status};
use fixtures::*;
use jiff::{SignedDuration, Timestamp};

fn minutes(base: &str, n: i64) -> Timestamp {
    t(base) + SignedDuration::from_mins(n)
}

fn act(flow: &Flow, claim: &Claim, actor: Actor, action: Action, at: Timestamp) -> Claim {
    lifecycle::apply(claim, action, actor, at, at, &flow.rules)
        .unwrap_or_else(|refusal| panic!("refused: {refusal:?}"))
}

fn edit(claim: &Claim, change: impl FnOnce(&mut ClaimFields)) -> Action {
    let mut fields = claim.fields.clone();
    change(&mut fields);
    Action::Patch(FieldPatches::between(&claim.fields, &fields))
}

/// A draft worked on as in the wizard: a name typed in three saves, the domain changed and
/// changed back, the checklist ticked twice, PoE added; then a pause, one more edit.
fn worked_draft() -> (Flow, Claim) {
    let flow = Flow::new_draft();
    let mut claim = flow.claim.clone();
    for (minute, name) in [(1, "C"), (2, "Contoso"), (4, "Contoso Exchange")] {
        let action = edit(&claim, |f| f.name = name.into());
        claim = act(
            &flow,
            &claim,
            Actor::Partner,
            action,
            minutes(CREATED, minute),
        );
    }
    let action = edit(&claim, |f| f.customer_domain = "contoso.net".into());
    claim = act(&flow, &claim, Actor::Partner, action, minutes(CREATED, 5));
    let action = edit(&claim, |f| f.customer_domain = "contoso.com".into());
    claim = act(&flow, &claim, Actor::Partner, action, minutes(CREATED, 6));
    for (minute, ticked) in [(7, 1), (8, 2)] {
        let checklist = PoeChecklist {
            about_this_claim: true,
            dates_recent: ticked == 2,
            ..claim.poe_checklist
        };
        claim = act(
            &flow,
            &claim,
            Actor::Partner,
            Action::SetPoeChecklist(checklist),
            minutes(CREATED, minute),
        );
    }
    claim = act(
        &flow,
        &claim,
        Actor::Partner,
        Action::AddPoe(poe(1)),
        minutes(CREATED, 9),
    );
    // Half an hour and more later: a new sitting.
    let action = edit(&claim, |f| f.partner_id = "7654321".into());
    claim = act(&flow, &claim, Actor::Partner, action, minutes(CREATED, 50));
    (flow, claim)
}

#[test]
fn a_sitting_of_draft_edits_is_one_entry_per_kind_and_the_revision_counts_every_write() {
    let (_, claim) = worked_draft();
    let kinds: Vec<ActionKind> = claim.history.iter().map(|entry| entry.action).collect();
    assert_eq!(
        kinds,
        [
            ActionKind::Create,
            ActionKind::Edit,   // the name; the domain went back where it started
            ActionKind::Edit,   // the checklist, both ticks
            ActionKind::AddPoe, // never merged
            ActionKind::Edit,   // the next sitting
        ]
    );
    // 1 creation + 9 writes.
    assert_eq!(claim.revision, 10);
    let name = &claim.history[1];
    assert_eq!(name.changes.len(), 1);
    assert_eq!(name.changes[0].field, "fields.name");
    assert_eq!(name.changes[0].old, "Contoso Exchange rollout");
    assert_eq!(name.changes[0].new, "Contoso Exchange");
    // The entry takes the sitting's last edit's time.
    assert_eq!(name.at, minutes(CREATED, 6));
    let checklist = &claim.history[2];
    assert_eq!(checklist.changes[0].new["dates_recent"], true);
    assert_eq!(checklist.changes[0].old["dates_recent"], false);
    assert_eq!(merge_draft_edits(&claim.history), claim.history);
}

#[test]
fn after_submission_every_edit_stays_its_own_entry() {
    let (flow, claim) = worked_draft();
    let submitted = act(
        &flow,
        &claim,
        Actor::Partner,
        Action::Submit,
        minutes(CREATED, 51),
    );
    let mut after = submitted.clone();
    for (minute, partner_id) in [(52, "1111111"), (53, "2222222")] {
        let action = edit(&after, |f| f.partner_id = partner_id.into());
        after = act(
            &flow,
            &after,
            Actor::Partner,
            action,
            minutes(CREATED, minute),
        );
    }
    assert_eq!(after.status, Status::Submitted);
    assert_eq!(after.history.len(), submitted.history.len() + 2);
    assert_eq!(replay(&after, &flow.rules), Ok(()));
}

#[test]
fn the_merge_window_is_half_an_hour_from_the_sittings_last_edit() {
    assert_eq!(DRAFT_EDIT_MERGE_WINDOW, SignedDuration::from_mins(30));
    let flow = Flow::new_draft();
    let mut claim = flow.claim.clone();
    // Every 30 minutes exactly: one sitting; then 31 minutes: a new entry.
    for (minute, name) in [(1, "A"), (31, "B"), (61, "C"), (92, "D")] {
        let action = edit(&claim, |f| f.name = name.into());
        claim = act(
            &flow,
            &claim,
            Actor::Partner,
            action,
            minutes(CREATED, minute),
        );
    }
    let edits: Vec<_> = claim.history[1..]
        .iter()
        .map(|entry| (entry.changes[0].old.clone(), entry.changes[0].new.clone()))
        .collect();
    assert_eq!(
        edits,
        [
            ("Contoso Exchange rollout".into(), "C".into()),
            ("C".into(), "D".into())
        ]
    );
}

#[test]
fn an_edit_that_undoes_the_sitting_leaves_no_entry() {
    let flow = Flow::new_draft();
    let first = edit(&flow.claim, |f| f.name = "Typo".into());
    let claim = act(
        &flow,
        &flow.claim,
        Actor::Partner,
        first,
        minutes(CREATED, 1),
    );
    let back = edit(&claim, |f| f.name = "Contoso Exchange rollout".into());
    let claim = act(&flow, &claim, Actor::Partner, back, minutes(CREATED, 2));
    assert_eq!(claim.history, flow.claim.history);
    assert_eq!(claim.fields, flow.claim.fields);
    // Two writes all the same: a store's compare-and-write sees them.
    assert_eq!(claim.revision, flow.claim.revision + 2);
    assert_eq!(replay(&claim, &flow.rules), Ok(()));
}

#[test]
fn merged_histories_export_and_import_with_the_current_format() {
    let (flow, claim) = worked_draft();
    let submitted = act(
        &flow,
        &claim,
        Actor::Partner,
        Action::Submit,
        minutes(CREATED, 51),
    );
    // Two claims in one file: the draft, and a copy of it taken on to submission.
    let submitted = Claim {
        id: id(2),
        ..submitted
    };
    let document = export(
        &[claim.clone(), submitted.clone()],
        flow.rules.policy(),
        t("2026-04-06T12:00:00-07:00"),
        "0.1.0",
    );
    let text = document.to_json_pretty().expect("serialises");
    let read = parse(&text).expect("the import replays merged histories");
    assert_eq!(read.claims, [claim, submitted]);
}

#[test]
fn an_import_never_lets_a_merged_entry_overwrite_a_draft_silently() {
    let (flow, exported) = worked_draft();
    // On this device the last sitting went on; its entry grew.
    let action = edit(&exported, |f| f.tenant_id = TENANT.replace("47", "48"));
    let local = act(
        &flow,
        &exported,
        Actor::Partner,
        action,
        minutes(CREATED, 55),
    );
    assert_eq!(local.history.len(), exported.history.len());

    // Importing the older file: its last entry is not a prefix of ours, and no history
    // can tell a sitting that went on from two devices editing apart, so it is kept as
    // a copy (nothing lost) rather than called older.
    let items = classify_import(
        std::slice::from_ref(&local),
        std::slice::from_ref(&exported),
    );
    assert_eq!(items[0].kind, ImportKind::Conflicting);
    let merged = apply_import(
        std::slice::from_ref(&local),
        &items,
        || id(500),
        |name| format!("{name} (copy)"),
        minutes(CREATED, 60),
    );
    assert_eq!(merged[0], local);
    assert_eq!(merged.len(), 2);

    // A later sitting is a new entry, so the same file imported after it is older.
    let action = edit(&exported, |f| f.tenant_id = TENANT.replace("47", "48"));
    let later = act(
        &flow,
        &exported,
        Actor::Partner,
        action,
        minutes(CREATED, 90),
    );
    let items = classify_import(
        std::slice::from_ref(&later),
        std::slice::from_ref(&exported),
    );
    assert_eq!(items[0].kind, ImportKind::AlreadyNewer);
    let items = classify_import(
        std::slice::from_ref(&exported),
        std::slice::from_ref(&later),
    );
    assert_eq!(items[0].kind, ImportKind::Updated);
}

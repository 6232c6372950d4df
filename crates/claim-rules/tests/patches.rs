//! Edits as field patches (issue 8, item 4): two tabs editing one claim, conflicts with
//! both values, and their resolution.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::catalog::Product;
use claim_rules::history::ActionKind;
use claim_rules::lifecycle::{
    self, replay, Action, EditableField, FieldConflict, FieldPatches, FieldValue, LockReason,
    PatchField, Refusal, Resolution,
};
use claim_rules::model::{Actor, Claim, ClaimFields, ClaimedProduct, Contact, Status};
use fixtures::*;

/// The patch a form makes from the copy it read to what the user typed.
fn patch(read: &Claim, change: impl FnOnce(&mut ClaimFields)) -> Action {
    let mut fields = read.fields.clone();
    change(&mut fields);
    Action::Patch(FieldPatches::between(&read.fields, &fields))
}

fn write(flow: &Flow, claim: &Claim, action: Action, at: &str) -> Result<Claim, Refusal> {
    lifecycle::apply(claim, action, Actor::Partner, t(at), t(at), &flow.rules)
}

const LATER: &str = "2026-04-06T09:05:00-07:00";
const LATER_STILL: &str = "2026-04-06T09:06:00-07:00";

#[test]
fn two_tabs_changing_different_fields_both_keep_their_change() {
    let flow = Flow::new_draft();
    let read = flow.claim.clone(); // both tabs read this copy
    let tab_a = patch(&read, |f| f.name = "Contoso (tab A)".into());
    let tab_b = patch(&read, |f| f.customer_domain = "contoso.net".into());

    let stored = write(&flow, &read, tab_a, LATER).expect("tab A saves");
    // Tab B's compare-and-write fails (the store holds a newer revision); it reloads the
    // stored claim and applies the same patch to it.
    let stored = write(&flow, &stored, tab_b, LATER_STILL).expect("tab B saves after reloading");
    assert_eq!(stored.fields.name, "Contoso (tab A)");
    assert_eq!(stored.fields.customer_domain, "contoso.net");
    assert_eq!(stored.revision, read.revision + 2);
    assert_eq!(replay(&stored, &flow.rules), Ok(()));
}

#[test]
fn two_tabs_changing_the_same_field_conflict_with_both_values_and_nothing_changes() {
    let flow = Flow::new_draft();
    let read = flow.claim.clone();
    let tab_a = patch(&read, |f| f.name = "Contoso (tab A)".into());
    let tab_b = patch(&read, |f| {
        f.name = "Contoso (tab B)".into();
        f.partner_id = "7654321".into();
    });
    let stored = write(&flow, &read, tab_a, LATER).expect("tab A saves");

    let refusal = write(&flow, &stored, tab_b.clone(), LATER_STILL).unwrap_err();
    assert_eq!(refusal.code(), "patch_conflict");
    let Refusal::PatchConflict { conflicts } = &refusal else {
        panic!("a patch conflict, not {refusal:?}");
    };
    // Only the name conflicts; the Partner ID would apply, but nothing is applied
    // until the user has chosen.
    assert_eq!(
        conflicts,
        &[FieldConflict {
            field: PatchField::Name,
            theirs: FieldValue::Name("Contoso (tab A)".into()),
            yours: FieldValue::Name("Contoso (tab B)".into()),
        }]
    );

    let Action::Patch(mine) = tab_b else {
        unreachable!()
    };
    // Taking theirs keeps tab A's name and still saves tab B's Partner ID.
    let theirs = mine.clone().resolve(&conflicts[0], Resolution::TakeTheirs);
    let kept = write(&flow, &stored, Action::Patch(theirs), LATER_STILL).expect("saved");
    assert_eq!(kept.fields.name, "Contoso (tab A)");
    assert_eq!(kept.fields.partner_id, "7654321");
    // Taking yours replaces tab A's name, knowingly.
    let yours = mine.resolve(&conflicts[0], Resolution::TakeYours);
    let replaced = write(&flow, &stored, Action::Patch(yours), LATER_STILL).expect("saved");
    assert_eq!(replaced.fields.name, "Contoso (tab B)");
    assert_eq!(replaced.fields.partner_id, "7654321");
    // The history records what was replaced: tab A's name.
    let last = replaced.history.last().expect("history");
    let name = last
        .changes
        .iter()
        .find(|change| change.field == "fields.name")
        .expect("a name change");
    assert_eq!(name.new, "Contoso (tab B)");
    assert_eq!(replay(&replaced, &flow.rules), Ok(()));
}

#[test]
fn a_resolution_made_on_a_stale_copy_conflicts_again() {
    let flow = Flow::new_draft();
    let read = flow.claim.clone();
    let stored = write(&flow, &read, patch(&read, |f| f.name = "A".into()), LATER).expect("saved");
    let Action::Patch(mine) = patch(&read, |f| f.name = "B".into()) else {
        unreachable!()
    };
    let Err(Refusal::PatchConflict { conflicts }) =
        write(&flow, &stored, Action::Patch(mine.clone()), LATER)
    else {
        panic!("a conflict");
    };
    // While the user chose, a third tab renamed the claim again.
    let moved_on = write(
        &flow,
        &stored,
        patch(&stored, |f| f.name = "C".into()),
        LATER,
    )
    .expect("saved");
    let yours = mine.resolve(&conflicts[0], Resolution::TakeYours);
    let again = write(&flow, &moved_on, Action::Patch(yours), LATER_STILL).unwrap_err();
    let Refusal::PatchConflict { conflicts } = again else {
        panic!("a conflict again");
    };
    assert_eq!(conflicts[0].theirs, FieldValue::Name("C".into()));
}

#[test]
fn the_same_change_made_in_both_tabs_is_not_a_conflict() {
    let flow = Flow::new_draft();
    let read = flow.claim.clone();
    let both = |f: &mut ClaimFields| f.customer_domain = "fabrikam.com".into();
    let stored = write(&flow, &read, patch(&read, both), LATER).expect("saved");
    // Typed in capitals in the other tab: the same domain once stored.
    let shouted = patch(&read, |f| f.customer_domain = "FABRIKAM.com ".into());
    let refusal = write(&flow, &stored, shouted, LATER_STILL).unwrap_err();
    assert_eq!(
        refusal,
        Refusal::NoChange {
            action: ActionKind::Edit
        }
    );
}

#[test]
fn patches_are_normalised_and_recorded_as_edits() {
    let flow = Flow::new_draft();
    let read = flow.claim.clone();
    let saved = write(
        &flow,
        &read,
        patch(&read, |f| {
            f.tenant_id = "  72F988BF-86F1-41AF-91AB-2D7CD011DB48 ".into()
        }),
        LATER,
    )
    .expect("saved");
    assert_eq!(
        saved.fields.tenant_id,
        "72f988bf-86f1-41af-91ab-2d7cd011db48"
    );
    let last = saved.history.last().expect("history");
    assert_eq!(last.action, ActionKind::Edit);
    assert_eq!(last.changes.len(), 1);
    assert_eq!(last.changes[0].field, PatchField::TenantId.path());
    assert_eq!(last.changes[0].new, saved.fields.tenant_id);
}

#[test]
fn an_empty_patch_changes_nothing() {
    let flow = Flow::new_draft();
    let refusal = write(
        &flow,
        &flow.claim,
        Action::Patch(FieldPatches::default()),
        LATER,
    )
    .unwrap_err();
    assert_eq!(
        refusal,
        Refusal::NoChange {
            action: ActionKind::Edit
        }
    );
}

#[test]
fn a_submitted_claim_takes_patches_of_open_fields_only_and_within_the_submit_rules() {
    let flow = Flow::submitted();
    let claim = flow.claim.clone();
    let at = "2026-04-06T11:00:00-07:00";
    let refusal = write(&flow, &claim, patch(&claim, |f| f.name = "New".into()), at).unwrap_err();
    assert_eq!(
        refusal,
        Refusal::FieldLocked {
            field: EditableField::Name,
            status: Status::Submitted,
            why: LockReason::FixedAfterSubmit,
        }
    );
    // Locked even when another tab changed it meanwhile: there is nothing to choose.
    let Action::Patch(mut stale) = patch(&claim, |f| f.name = "New".into()) else {
        unreachable!()
    };
    stale.0[0].old = FieldValue::Name("Renamed elsewhere".into());
    let refusal = write(&flow, &claim, Action::Patch(stale), at).unwrap_err();
    assert_eq!(refusal.code(), "field_locked");
    let emptied = write(&flow, &claim, patch(&claim, |f| f.products.clear()), at).unwrap_err();
    assert_eq!(emptied.code(), "edit_problems");
    let added = write(
        &flow,
        &claim,
        patch(&claim, |f| {
            f.products
                .push(ClaimedProduct::new(Product::SharePointOnline));
        }),
        at,
    )
    .expect("products stay open after submission");
    assert_eq!(added.fields.products.len(), claim.fields.products.len() + 1);
    // After submission each edit is its own entry.
    let again = write(
        &flow,
        &added,
        patch(&added, |f| f.partner_id = "7654321".into()),
        at,
    )
    .expect("saved");
    assert_eq!(again.history.len(), added.history.len() + 1);
    assert_eq!(replay(&again, &flow.rules), Ok(()));
}

#[test]
fn a_patch_whose_old_value_is_of_another_field_is_a_conflict() {
    let flow = Flow::new_draft();
    let forged = FieldPatches(vec![claim_rules::lifecycle::FieldPatch {
        old: FieldValue::PartnerId(flow.claim.fields.name.clone()),
        new: FieldValue::Name("Forged".into()),
    }]);
    let refusal = write(&flow, &flow.claim, Action::Patch(forged), LATER).unwrap_err();
    assert_eq!(refusal.code(), "patch_conflict");
}

#[test]
fn patches_and_conflicts_serialise_with_their_field_codes() {
    let patches = FieldPatches::between(
        &ClaimFields::default(),
        &ClaimFields {
            customer_contact: Contact {
                name: "Ana".into(),
                ..Contact::default()
            },
            ..ClaimFields::default()
        },
    );
    let json = serde_json::to_value(&patches).expect("serialises");
    assert_eq!(json[0]["new"]["field"], "customer_contact");
    assert_eq!(json[0]["new"]["value"]["name"], "Ana");
    let back: FieldPatches = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, patches);

    let refusal = Refusal::samples()
        .into_iter()
        .find(|refusal| refusal.code() == "patch_conflict")
        .expect("a sample");
    let json = serde_json::to_value(&refusal).expect("serialises");
    assert_eq!(json["code"], "patch_conflict");
    assert_eq!(json["conflicts"][0]["field"], "name");
}

#[test]
fn every_patch_field_reads_and_writes_its_own_member() {
    let fields = valid_fields();
    for field in PatchField::ALL {
        let value = field.value_in(&fields);
        assert_eq!(value.field(), field);
        let mut blank = ClaimFields::default();
        value.clone().set_in(&mut blank);
        assert_eq!(field.value_in(&blank), value);
        // Nothing else was touched.
        for other in PatchField::ALL.into_iter().filter(|other| *other != field) {
            assert_eq!(
                other.value_in(&blank),
                other.value_in(&ClaimFields::default())
            );
        }
        // Its path is the one an edit records.
        assert!(field.path().starts_with("fields."));
        assert!(field.path().ends_with(field.code()));
    }
}

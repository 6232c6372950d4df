//! Every imported history is replayed through the lifecycle (audit defects 2, 3, 4 and the
//! import half of 9): impossible histories, changes no entry accounts for, unusable
//! policies, bad SHA-256 digests and over-long comments are refused, each at its JSON
//! path; an incoming claim replaces the local one only when its added entries explain it.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::deadlines::Rules;
use claim_rules::export::{export, parse, ImportProblem};
use claim_rules::history::InformationReason;
use claim_rules::import::{classify_import, ImportKind};
use claim_rules::lifecycle::{apply, new_claim, Action};
use claim_rules::model::{Actor, Claim, Status};
use claim_rules::policy::{ConsentRule, Policy};
use claims::*;
use serde_json::{json, Value};

fn rules() -> Rules {
    Rules::new(Policy::default()).expect("default policy")
}

fn act(claim: &Claim, action: Action, actor: Actor, when: &str) -> Claim {
    let when = at(when);
    apply(claim, action, actor, when, when, &rules()).expect("allowed")
}

/// A claim made by the lifecycle itself: created, PoE added, submitted, under review,
/// information requested (Wednesday 2025-03-05 in Los Angeles).
fn lived_claim(n: u128) -> Claim {
    let claim = new_claim(id(n), at("2025-03-03T17:00:00Z"), valid_fields());
    let claim = act(
        &claim,
        Action::AddPoe(poe_document(n)),
        Actor::Partner,
        "2025-03-03T17:05:00Z",
    );
    let claim = act(
        &claim,
        Action::Submit,
        Actor::Partner,
        "2025-03-04T17:00:00Z",
    );
    let claim = act(
        &claim,
        Action::StartReview,
        Actor::Reviewer,
        "2025-03-05T17:00:00Z",
    );
    act(
        &claim,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingCustomerAcknowledgment],
            comment: "Please add the customer's signature.".into(),
            products_to_remove: vec![],
        },
        Actor::Reviewer,
        "2025-03-05T18:00:00Z",
    )
}

fn file_of(claims: &[Claim]) -> Value {
    let document = export(claims, &Policy::default(), at("2025-03-06T00:00:00Z"), "t");
    serde_json::to_value(document).expect("serialise")
}

fn problems(value: &Value) -> Vec<ImportProblem> {
    parse(&value.to_string()).expect_err("should be refused")
}

fn first(value: &Value) -> (String, String) {
    let problems = problems(value);
    (problems[0].path.clone(), problems[0].code().to_string())
}

#[test]
fn a_history_the_lifecycle_made_replays() {
    let value = file_of(&[lived_claim(1)]);
    let document = parse(&value.to_string()).expect("valid");
    assert_eq!(document.claims[0], lived_claim(1));
}

#[test]
fn a_partner_approving_a_draft_is_refused_at_that_entry() {
    // Audit defect 4: a Partner `Approve` from Draft to Approved.
    let mut value = file_of(&[lived_claim(1)]);
    let claim = &mut value["claims"][0];
    claim["history"][2]["action"] = json!("Approve");
    claim["history"][2]["to"] = json!("Approved");
    claim["history"].as_array_mut().expect("list").truncate(3);
    claim["status"] = json!("Approved");
    claim["comments"] = json!([]);
    assert_eq!(
        first(&value),
        (
            "$.claims[0].history[2]".to_string(),
            "history.refused".to_string()
        )
    );
    let problem = &problems(&value)[0];
    let text = serde_json::to_value(problem).expect("serialise");
    assert_eq!(text["refusal"]["code"], "wrong_actor");
}

#[test]
fn a_system_entry_before_its_deadline_is_refused() {
    // Audit defect 4: `PartnerResponseExpired` by the customer, straight to Disputed,
    // before any deadline.
    let mut value = file_of(&[lived_claim(1)]);
    let claim = &mut value["claims"][0];
    let entry = json!({
        "at": "2025-03-05T19:00:00Z", "recorded_at": "2025-03-05T19:00:00Z",
        "actor": "Customer", "action": "PartnerResponseExpired",
        "from": "PartnerActionRequired", "to": "Disputed",
        "changes": [], "comment": "", "detail": null
    });
    claim["history"].as_array_mut().expect("list").push(entry);
    claim["status"] = json!("Disputed");
    claim["revision"] = json!(6);
    assert_eq!(
        first(&value),
        (
            "$.claims[0].history[5]".to_string(),
            "history.system_not_due".to_string()
        )
    );
}

#[test]
fn a_deadline_that_passed_unrecorded_is_named() {
    // The partner "responds" three weeks later, though the response deadline had
    // already rejected the claim.
    let claim = lived_claim(1);
    let mut value = file_of(&[claim]);
    let claim = &mut value["claims"][0];
    let entry = json!({
        "at": "2025-03-26T19:00:00Z", "recorded_at": "2025-03-26T19:00:00Z",
        "actor": "Partner", "action": "Respond",
        "from": "PartnerActionRequired", "to": "UnderReview",
        "changes": [], "comment": "Signed now.", "detail": null
    });
    claim["history"].as_array_mut().expect("list").push(entry);
    claim["status"] = json!("UnderReview");
    claim["revision"] = json!(6);
    assert_eq!(
        first(&value),
        (
            "$.claims[0].history[5]".to_string(),
            "history.system_missing".to_string()
        )
    );
}

#[test]
fn fields_poe_and_comments_must_be_what_the_history_produces() {
    // A renamed claim, a PoE document dropped, a comment added: no entry says so.
    let base = file_of(&[lived_claim(1)]);
    let mut dropped = base.clone();
    dropped["claims"][0]["poe"] = json!([]);
    // Undoing the recorded addition finds no document to take back.
    assert_eq!(
        first(&dropped),
        (
            "$.claims[0].history[1].changes[0]".to_string(),
            "history.patch_mismatch".to_string()
        )
    );

    let mut commented = base.clone();
    commented["claims"][0]["comments"][0]["text"] = json!("Something else");
    assert_eq!(
        first(&commented),
        (
            "$.claims[0].comments".to_string(),
            "claim.differs_from_history".to_string()
        )
    );
}

#[test]
fn an_edit_replays_as_field_patches() {
    let claim = lived_claim(1);
    let mut fields = claim.fields.clone();
    fields.partner_id = "7654321".into();
    let edited = act(
        &claim,
        Action::edit(fields),
        Actor::Partner,
        "2025-03-05T19:00:00Z",
    );
    let mut fields = edited.fields.clone();
    fields.partner_id = "7654322".into();
    let edited = act(
        &edited,
        Action::edit(fields),
        Actor::Partner,
        "2025-03-05T19:30:00Z",
    );
    let value = file_of(std::slice::from_ref(&edited));
    assert_eq!(parse(&value.to_string()).expect("valid").claims[0], edited);

    // An edit whose `old` is not the value the field has at that point (the first
    // edit set 7654321) is refused at that change.
    let mut forged = value.clone();
    forged["claims"][0]["history"][6]["changes"][0]["old"] = json!("1111111");
    assert_eq!(
        first(&forged),
        (
            "$.claims[0].history[6].changes[0]".to_string(),
            "history.patch_mismatch".to_string()
        )
    );
}

#[test]
fn an_invalid_edit_after_submission_is_refused_on_import() {
    // Audit defect 5 in a file: Partner ID "abc" set while the claim is submitted.
    let claim = lived_claim(1);
    let mut value = file_of(&[claim]);
    let entry = json!({
        "at": "2025-03-05T19:00:00Z", "recorded_at": "2025-03-05T19:00:00Z",
        "actor": "Partner", "action": "Edit",
        "from": "PartnerActionRequired", "to": "PartnerActionRequired",
        "changes": [{"field": "fields.partner_id", "old": "1234567", "new": "abc"}],
        "comment": "", "detail": null
    });
    let claim = &mut value["claims"][0];
    claim["history"].as_array_mut().expect("list").push(entry);
    claim["fields"]["partner_id"] = json!("abc");
    claim["revision"] = json!(6);
    assert_eq!(
        first(&value),
        (
            "$.claims[0].history[5]".to_string(),
            "history.refused".to_string()
        )
    );
}

#[test]
fn an_unusable_policy_is_refused() {
    // Audit defect 2: every clock at 0, or at 4294967295.
    for days in [0_u32, u32::MAX] {
        let mut value = file_of(&[]);
        for name in [
            "review_start_business_days",
            "review_decision_business_days",
            "partner_response_business_days",
            "dispute_window_days",
            "dispute_review_business_days",
            "decision_target_business_days",
        ] {
            value["policy"][name] = json!(days);
        }
        value["policy"]["consent"] =
            serde_json::to_value(ConsentRule::CalendarDays(days)).expect("serialise");
        let found = problems(&value);
        assert_eq!(found.len(), 7, "{found:?}");
        assert!(found.iter().all(|p| p.code() == "policy.invalid"));
        assert_eq!(found[0].path, "$.policy.review_start_business_days");
    }
}

#[test]
fn a_bad_digest_and_an_over_long_comment_are_refused() {
    // Audit defect 9: a SHA-256 of "zz"; a 5,000-character comment.
    let mut value = file_of(&[lived_claim(1)]);
    value["claims"][0]["poe"][0]["sha256"] = json!("zz");
    assert!(problems(&value)
        .iter()
        .any(|p| p.path == "$.claims[0].poe[0].sha256" && p.code() == "poe.sha256_invalid"));

    let mut value = file_of(&[lived_claim(1)]);
    let long = "x".repeat(5_000);
    value["claims"][0]["comments"][0]["text"] = json!(long);
    value["claims"][0]["history"][4]["comment"] = json!(long);
    let found = problems(&value);
    assert!(found
        .iter()
        .any(|p| p.path == "$.claims[0].comments[0].text" && p.code() == "comment.too_long"));
    assert!(found
        .iter()
        .any(|p| p.path == "$.claims[0].history[4].comment" && p.code() == "comment.too_long"));
}

#[test]
fn imported_domains_and_tenant_ids_are_lower_cased() {
    let mut value = file_of(&[lived_claim(1)]);
    value["claims"][0]["fields"]["customer_domain"] = json!("Contoso.COM");
    value["claims"][0]["fields"]["tenant_id"] = json!("72F988BF-86F1-41AF-91AB-2D7CD011DB47");
    let document = parse(&value.to_string()).expect("valid");
    assert_eq!(document.claims[0].fields.customer_domain, "contoso.com");
    assert_eq!(
        document.claims[0].fields.tenant_id,
        "72f988bf-86f1-41af-91ab-2d7cd011db47"
    );
}

#[test]
fn updated_only_when_the_added_entries_explain_the_incoming_claim() {
    // Audit defect 3.
    let local = lived_claim(1);
    let responded = act(
        &local,
        Action::Respond {
            comment: "Signed copy attached.".into(),
        },
        Actor::Partner,
        "2025-03-06T17:00:00Z",
    );
    let kinds = |incoming: &Claim| {
        classify_import(std::slice::from_ref(&local), std::slice::from_ref(incoming))[0].kind
    };
    assert_eq!(kinds(&responded), ImportKind::Updated);

    // The same history, revision + 1, another name and tenant: not an update.
    let mut renamed = local.clone();
    renamed.revision += 1;
    renamed.fields.name = "Someone else's name".into();
    renamed.fields.tenant_id = "00000000-0000-0000-0000-000000000001".into();
    assert_eq!(kinds(&renamed), ImportKind::Conflicting);

    // A longer history that also changes the name, or drops PoE, with no entry for it.
    let mut extended_renamed = responded.clone();
    extended_renamed.fields.name = "Renamed on the way".into();
    assert_eq!(kinds(&extended_renamed), ImportKind::Conflicting);
    let mut extended_dropped = responded.clone();
    extended_dropped.poe.clear();
    assert_eq!(kinds(&extended_dropped), ImportKind::Conflicting);
    assert_eq!(responded.status, Status::UnderReview);
}

#[test]
fn a_long_history_of_requests_and_responses_replays() {
    // The shape that made the replay quadratic: the status changes at every entry.
    let mut claim = lived_claim(1);
    let mut minute = 0;
    let mut next = || {
        minute += 1;
        format!("2025-03-05T{:02}:{:02}:00Z", 18 + minute / 60, minute % 60)
    };
    for n in 0..150 {
        claim = act(
            &claim,
            Action::Respond {
                comment: format!("Answer {n}"),
            },
            Actor::Partner,
            &next(),
        );
        claim = act(
            &claim,
            Action::RequestInformation {
                reasons: vec![InformationReason::MissingProducts],
                comment: format!("Question {n}"),
                products_to_remove: vec![],
            },
            Actor::Reviewer,
            &next(),
        );
    }
    let value = file_of(std::slice::from_ref(&claim));
    assert_eq!(parse(&value.to_string()).expect("valid").claims[0], claim);
}

#[test]
fn a_system_entry_by_a_person_is_refused() {
    let claim = lived_claim(1);
    let rules = rules();
    let expired = claim_rules::lifecycle::advance(&claim, at("2025-04-01T00:00:00Z"), &rules);
    assert_eq!(expired.status, Status::Rejected);
    let value = file_of(std::slice::from_ref(&expired));
    assert!(parse(&value.to_string()).is_ok());
    let mut forged = value.clone();
    forged["claims"][0]["history"][5]["actor"] = json!("Customer");
    assert_eq!(
        first(&forged),
        (
            "$.claims[0].history[5]".to_string(),
            "history.system_not_due".to_string()
        )
    );
}

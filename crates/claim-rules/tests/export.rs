//! Export format version 1: round trip, every kind of parse problem with its JSON path,
//! size guards, and the migration of a version-0 file.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::catalog::Product;
use claim_rules::export::{
    export, migrate, parse, ExportDocument, ImportProblem, ImportProblemCode, ImportProblemKind,
    JsonKind, FORMAT_VERSION, MAX_CLAIMS, MAX_TEXT_BYTES,
};
use claim_rules::history::ActionKind;
use claim_rules::model::{Activity, Actor, Claim, Status};
use claim_rules::policy::{ConsentRule, HolidaySet, Policy};
use claims::*;
use serde_json::{json, Value};

/// The members of a version 1 document, in the order it writes them.
const MEMBERS: [&str; 7] = [
    "format",
    "version",
    "exported_at",
    "app_version",
    "policy",
    "calendar",
    "claims",
];

fn document(claims: &[Claim]) -> ExportDocument {
    let mut policy = Policy {
        consent: ConsentRule::BusinessDays(5),
        ..Policy::default()
    };
    policy.calendar.time_zone = "Europe/Stockholm".into();
    policy.calendar.custom_holidays = vec!["2025-12-24".parse().expect("date")];
    export(claims, &policy, at("2025-03-10T12:00:00Z"), "0.1.0")
}

fn sample_claims() -> Vec<Claim> {
    let mut a = ready_draft(1);
    push(
        &mut a,
        Actor::Partner,
        ActionKind::Comment,
        Status::Draft,
        "2025-03-03T09:30:00Z",
    );
    let text = "Waiting for the signed SOW.";
    if let Some(entry) = a.history.last_mut() {
        entry.comment = text.into();
    }
    a.comments.push(claim_rules::model::Comment {
        author: Actor::Partner,
        at: at("2025-03-03T09:30:00Z"),
        text: text.into(),
    });
    let b = rejected(2, valid_m365_fields());
    let c = submitted(3, valid_fields());
    vec![a, b, c]
}

/// The export JSON of the sample claims, as a value to break.
fn sample_value() -> Value {
    serde_json::to_value(document(&sample_claims())).expect("serialise")
}

fn problems_of(value: &Value) -> Vec<ImportProblem> {
    let text = serde_json::to_string(value).expect("serialise");
    parse(&text).expect_err("should be invalid")
}

fn paths_and_codes(problems: &[ImportProblem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|problem| (problem.path.clone(), problem.code().to_string()))
        .collect()
}

fn pair(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

#[test]
fn export_has_the_version_1_envelope_with_policy_and_calendar_apart() {
    let value = sample_value();
    let keys: Vec<&String> = value.as_object().expect("object").keys().collect();
    for key in MEMBERS {
        assert!(keys.iter().any(|k| *k == key), "{key} missing");
    }
    assert_eq!(value["format"], "cpor-desk");
    assert_eq!(value["version"], 1);
    assert_eq!(value["exported_at"], "2025-03-10T12:00:00Z");
    assert_eq!(value["policy"]["consent"], json!({"BusinessDays": 5}));
    assert!(value["policy"].get("calendar").is_none());
    assert_eq!(value["calendar"]["time_zone"], "Europe/Stockholm");
    assert_eq!(value["calendar"]["weekmask"], "1111100");
    assert_eq!(value["claims"].as_array().map(Vec::len), Some(3));
}

#[test]
fn export_then_parse_is_the_identity() {
    let document = document(&sample_claims());
    let text = document.to_json_pretty().expect("serialise");
    let parsed = parse(&text).expect("valid");
    assert_eq!(parsed, document);
    assert_eq!(parsed.policy().calendar.time_zone, "Europe/Stockholm");
    assert_eq!(parsed.policy().consent, ConsentRule::BusinessDays(5));
    // Compact text and a byte-order mark read the same.
    let compact = serde_json::to_string(&document).expect("serialise");
    assert_eq!(
        parse(&format!("\u{feff}{compact}")).expect("valid"),
        document
    );
}

#[test]
fn an_empty_export_round_trips() {
    let document = export(&[], &Policy::default(), at("2025-01-01T00:00:00Z"), "0.1.0");
    let text = document.to_json_pretty().expect("serialise");
    assert_eq!(parse(&text).expect("valid"), document);
}

#[test]
fn text_that_is_not_json_is_reported_with_line_and_column() {
    let problems = parse("{\n  \"format\": \"cpor-desk\",\n  \"version\": 1,\n  oops\n}")
        .expect_err("invalid");
    assert_eq!(paths_and_codes(&problems), [pair("$", "json.syntax")]);
    assert_eq!(
        problems[0].kind,
        ImportProblemKind::JsonSyntax { line: 4, column: 3 }
    );

    let cut = parse("{\"format\": \"cpor-desk\", \"claims\": [").expect_err("invalid");
    assert_eq!(cut[0].code(), "json.eof");
    assert!(matches!(
        cut[0].kind,
        ImportProblemKind::JsonEof { line: 1, .. }
    ));
    assert_eq!(parse("").expect_err("invalid")[0].code(), "json.eof");
}

#[test]
fn the_document_must_be_an_object() {
    let problems = parse("[1, 2]").expect_err("invalid");
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$", "document.not_object")]
    );
    assert_eq!(
        problems[0].kind,
        ImportProblemKind::DocumentNotObject {
            found: JsonKind::List
        }
    );
}

#[test]
fn format_tag_must_be_cpor_desk() {
    let mut value = sample_value();
    value["format"] = json!("other-tool");
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$.format", "format.wrong")]
    );
    assert_eq!(
        problems[0].kind,
        ImportProblemKind::FormatWrong {
            found: "other-tool".into()
        }
    );

    value["format"] = json!(7);
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.format", "format.not_string")]
    );

    value.as_object_mut().expect("object").remove("format");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.format", "format.missing")]
    );
}

#[test]
fn version_must_be_known() {
    let mut value = sample_value();
    value["version"] = json!(2);
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$.version", "version.too_new")]
    );
    assert_eq!(
        problems[0].kind,
        ImportProblemKind::VersionTooNew {
            version: 2,
            supported: FORMAT_VERSION
        }
    );

    for bad in [json!("1"), json!(-1), json!(1.5), json!(null)] {
        value["version"] = bad.clone();
        assert_eq!(
            paths_and_codes(&problems_of(&value)),
            [pair("$.version", "version.invalid")],
            "{bad}"
        );
    }
    value.as_object_mut().expect("object").remove("version");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.version", "version.missing")]
    );

    // Wrong tag and missing version are both reported.
    value["format"] = json!("x");
    assert_eq!(problems_of(&value).len(), 2);
}

#[test]
fn missing_top_level_members_are_each_reported() {
    let mut value = sample_value();
    let object = value.as_object_mut().expect("object");
    for key in ["exported_at", "app_version", "policy", "calendar", "claims"] {
        object.remove(key);
    }
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [
            pair("$.exported_at", "member.missing"),
            pair("$.app_version", "member.missing"),
            pair("$.policy", "member.missing"),
            pair("$.calendar", "member.missing"),
            pair("$.claims", "member.missing"),
        ]
    );
}

#[test]
fn ill_typed_members_name_their_path() {
    let mut value = sample_value();
    value["exported_at"] = json!("last Tuesday");
    value["policy"]["dispute_window_days"] = json!("thirty");
    value["calendar"]["weekmask"] = json!("11111");
    value["claims"][1]["fields"]["tenant_id"] = json!(42);
    value["claims"][2]["history"][1]["at"] = json!("yesterday");
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [
            pair("$.exported_at", "member.invalid"),
            pair("$.policy.dispute_window_days", "member.wrong_kind"),
            pair("$.calendar.weekmask", "member.invalid"),
            pair("$.claims[1].fields.tenant_id", "member.wrong_kind"),
            pair("$.claims[2].history[1].at", "member.invalid"),
        ]
    );
    // A value of the wrong kind is typed, so it reads in the user's language.
    assert_eq!(
        problems[1].kind,
        ImportProblemKind::MemberWrongKind {
            found: JsonKind::String,
            expected: JsonKind::Number
        }
    );
    assert_eq!(
        problems[3].kind,
        ImportProblemKind::MemberWrongKind {
            found: JsonKind::Number,
            expected: JsonKind::String
        }
    );
    // What has no known shape keeps the JSON reader's own description, quoted.
    let ImportProblemKind::MemberInvalid { detail } = &problems[0].kind else {
        panic!("{:?}", problems[0]);
    };
    assert!(!detail.is_empty());
}

#[test]
fn one_bad_claim_does_not_hide_the_others_nor_its_own_other_members() {
    let mut value = sample_value();
    value["claims"][0]["status"] = json!("Pending");
    value["claims"][0]["fields"]["products"][0]["product"] = json!("Clippy");
    value["claims"][0]["poe"][0]["size"] = json!(-3);
    value["claims"][0]["history"][0]
        .as_object_mut()
        .expect("entry")
        .remove("actor");
    value["claims"][2]
        .as_object_mut()
        .expect("claim")
        .remove("revision");
    value["claims"]
        .as_array_mut()
        .expect("claims")
        .push(json!("not a claim"));
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [
            pair("$.claims[0].status", "member.unknown_value"),
            pair(
                "$.claims[0].fields.products[0].product",
                "member.unknown_value"
            ),
            pair("$.claims[0].poe[0].size", "member.invalid"),
            pair("$.claims[0].history[0].actor", "member.missing"),
            pair("$.claims[2].revision", "member.missing"),
            pair("$.claims[3]", "claim.not_object"),
        ]
    );
    // A name outside a fixed set is reported with every name the member takes.
    let ImportProblemKind::MemberUnknownValue { found, allowed } = &problems[0].kind else {
        panic!("{:?}", problems[0]);
    };
    assert_eq!(found, "Pending");
    assert!(
        allowed.iter().any(|name| name == "UnderReview"),
        "{allowed:?}"
    );
    let ImportProblemKind::MemberUnknownValue { found, allowed } = &problems[1].kind else {
        panic!("{:?}", problems[1]);
    };
    assert_eq!(found, "Clippy");
    assert!(allowed.len() > 10, "{allowed:?}");
}

#[test]
fn unknown_time_zones_are_reported() {
    let mut value = sample_value();
    value["calendar"]["time_zone"] = json!("Mars/Olympus_Mons");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.calendar.time_zone", "calendar.unknown_time_zone")]
    );
}

#[test]
fn duplicate_claim_ids_are_reported_at_the_later_claim() {
    let mut value = sample_value();
    value["claims"][2]["id"] = value["claims"][0]["id"].clone();
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$.claims[2].id", "claim.duplicate_id")]
    );
    let ImportProblemKind::DuplicateClaimId { first_index, .. } = problems[0].kind else {
        panic!("{:?}", problems[0]);
    };
    assert_eq!(first_index, 0);
}

#[test]
fn history_inconsistencies_are_reported() {
    // Empty history.
    let mut value = sample_value();
    value["claims"][0]["history"] = json!([]);
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.claims[0].history", "history.empty")]
    );

    // First entry not Create (and so not from null).
    let mut value = sample_value();
    value["claims"][0]["history"][0]["action"] = json!("Edit");
    value["claims"][0]["history"][0]["from"] = json!("Draft");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [
            pair("$.claims[0].history[0].action", "history.first_not_create"),
            pair("$.claims[0].history[0].from", "history.first_has_from"),
        ]
    );

    // Status is not the last entry's `to`.
    let mut value = sample_value();
    value["claims"][2]["status"] = json!("Approved");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.claims[2].status", "status.not_last_history")]
    );

    // Entries out of time order.
    let mut value = sample_value();
    value["claims"][1]["history"][2]["at"] = json!("2025-03-01T00:00:00Z");
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$.claims[1].history[2].at", "history.out_of_order")]
    );

    // An entry that does not start where the previous one ended.
    let mut value = sample_value();
    value["claims"][1]["history"][3]["from"] = json!("Draft");
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.claims[1].history[3].from", "history.from_mismatch")]
    );

    // Revision lower than the number of entries.
    let mut value = sample_value();
    value["claims"][1]["revision"] = json!(2);
    assert_eq!(
        paths_and_codes(&problems_of(&value)),
        [pair("$.claims[1].revision", "revision.too_low")]
    );
}

#[test]
fn every_problem_code_is_derived_from_the_kinds() {
    let mut value = sample_value();
    value["claims"][0]["history"] = json!([]);
    value["claims"][1]["revision"] = json!(0);
    value["claims"][2]["id"] = value["claims"][1]["id"].clone();
    for problem in problems_of(&value)
        .iter()
        .chain(parse("nope").expect_err("invalid").iter())
    {
        assert!(
            ImportProblemCode::all().any(|code| code.code() == problem.code()),
            "{problem}"
        );
        assert!(problem.path.starts_with('$'), "{}", problem.path);
        let json = serde_json::to_value(problem).expect("serialises");
        assert_eq!(json["code"], problem.code());
        assert_eq!(json["path"], problem.path.as_str());
    }
}

#[test]
fn oversized_text_is_refused_before_reading() {
    let text = " ".repeat(MAX_TEXT_BYTES + 1);
    let problems = parse(&text).expect_err("too large");
    assert_eq!(paths_and_codes(&problems), [pair("$", "file.too_large")]);
}

#[test]
fn too_many_claims_are_refused() {
    let mut value = sample_value();
    value["claims"] = Value::Array(vec![json!({}); MAX_CLAIMS + 1]);
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [pair("$.claims", "claims.too_many")]
    );
}

// ---- migration ----------------------------------------------------------------------

const V0: &str = include_str!("fixtures/export-v0.json");

#[test]
fn a_version_0_file_migrates_and_parses() {
    let document = parse(V0).expect("the v0 fixture migrates");
    assert_eq!(document.version, FORMAT_VERSION);
    assert_eq!(document.exported_at, at("2024-11-04T16:30:00Z"));
    assert_eq!(document.app_version, "0.0.3-dev");
    // The calendar moved out of the policy.
    assert_eq!(document.calendar.time_zone, "Europe/Stockholm");
    assert_eq!(document.calendar.holidays, HolidaySet::UsFederal);
    assert_eq!(
        document.calendar.custom_holidays,
        vec!["2024-12-24".parse().expect("date")]
    );
    assert_eq!(document.policy.consent, ConsentRule::CalendarDays(7));

    let [northwind, tailspin] = &document.claims[..] else {
        panic!("two claims expected");
    };
    // One activity became the list; products became objects.
    assert_eq!(
        northwind.fields.activities,
        [Activity::Usage].into_iter().collect()
    );
    let products: Vec<Product> = northwind
        .fields
        .products
        .iter()
        .map(|p| p.product)
        .collect();
    assert_eq!(
        products,
        [Product::MicrosoftTeams, Product::SharePointOnline]
    );
    assert!(northwind
        .fields
        .products
        .iter()
        .all(|p| !p.several_subscriptions && p.subscription_id.is_empty()));
    assert!(tailspin.fields.activities.is_empty());
    assert_eq!(
        tailspin.fields.products[1].subscription_id,
        "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e"
    );
    assert!(tailspin.fields.products[1].several_subscriptions);
    // The revision is the number of entries; recorded_at is the entry's time.
    assert_eq!(northwind.revision, 2);
    assert_eq!(tailspin.revision, 3);
    assert!(tailspin
        .history
        .iter()
        .all(|entry| entry.recorded_at == entry.at));
    assert_eq!(tailspin.status, Status::Submitted);
    assert_eq!(tailspin.history[2].action, ActionKind::Submit);

    // The migrated document round-trips as version 1.
    let text = document.to_json_pretty().expect("serialise");
    assert!(text.contains("\"version\": 1"));
    assert_eq!(parse(&text).expect("valid"), document);
}

#[test]
fn migrate_leaves_a_current_document_alone_and_refuses_future_ones() {
    let value = sample_value();
    assert_eq!(
        migrate(value.clone(), FORMAT_VERSION).expect("no-op"),
        value
    );
    assert_eq!(
        migrate(value, FORMAT_VERSION + 1).expect_err("future")[0].code(),
        "version.too_new"
    );
    assert_eq!(
        migrate(json!([]), 0).expect_err("not an object")[0].kind,
        ImportProblemKind::MigrationNotObject {
            version: 0,
            found: JsonKind::List
        }
    );
}

#[test]
fn problems_in_a_migrated_file_are_reported_with_version_1_paths() {
    let mut value: Value = serde_json::from_str(V0).expect("fixture is JSON");
    value["claims"][1]["fields"]["products"][0] = json!("Clippy");
    value["claims"][0]["history"][1]["to"] = json!("Submitted");
    let problems = problems_of(&value);
    assert_eq!(
        paths_and_codes(&problems),
        [
            pair("$.claims[0].status", "status.not_last_history"),
            pair(
                "$.claims[1].fields.products[0].product",
                "member.unknown_value"
            ),
        ]
    );
}

/// A file of the current version is read straight from its text, and only one that does
/// not read as a whole goes through `serde_json::Value`: both routes must give the same
/// document or the same problems, in the same order.
#[test]
fn reading_straight_and_through_a_value_agree() {
    let valid = serde_json::to_string(&sample_value()).expect("serialise");
    let mut cases: Vec<(&str, String)> = vec![
        ("valid", valid.clone()),
        (
            "version 0",
            include_str!("fixtures/export-v0.json").to_string(),
        ),
        ("a list, not an object", format!("[{valid}]")),
        (
            "the format twice (a Value keeps the last)",
            valid.replacen('{', r#"{"format": "other", "#, 1),
        ),
        (
            "the version twice",
            valid.replacen('{', r#"{"version": 1, "#, 1),
        ),
    ];
    let mut variant = |name: &'static str, change: &dyn Fn(&mut Value)| {
        let mut value = sample_value();
        change(&mut value);
        cases.push((name, serde_json::to_string(&value).expect("serialise")));
    };
    variant("the members as a list", &|value| {
        *value = Value::Array(MEMBERS.iter().map(|key| value[*key].clone()).collect());
    });
    variant("version 1.0", &|value| value["version"] = json!(1.0));
    variant("an unknown member", &|value| {
        value["extra"] = json!({"a": 1})
    });
    variant("an unknown claim member", &|value| {
        value["claims"][0]["extra"] = json!(true)
    });
    variant("a claim as a list", &|value| {
        let claim = value["claims"][0].clone();
        let members: Vec<Value> = claim
            .as_object()
            .map(|object| object.values().cloned().collect())
            .unwrap_or_default();
        value["claims"][0] = Value::Array(members);
    });
    variant("a duplicate claim", &|value| {
        let claim = value["claims"][0].clone();
        value["claims"].as_array_mut().expect("claims").push(claim);
    });
    variant("a bad claim after a contradicting one", &|value| {
        value["claims"][0]["status"] = json!("Approved");
        value["claims"][2]["revision"] = json!("three");
    });
    variant("an unknown time zone", &|value| {
        value["calendar"]["time_zone"] = json!("Mars/Olympus")
    });
    variant("upper-case domains", &|value| {
        value["claims"][1]["fields"]["customer_domain"] = json!("  CONTOSO.com ")
    });
    for (name, text) in cases {
        let through_value = serde_json::from_str::<Value>(&text)
            .map_err(|error| error.to_string())
            .map(claim_rules::export::parse_value);
        let Ok(through_value) = through_value else {
            panic!("{name}: not JSON");
        };
        assert_eq!(parse(&text), through_value, "{name}");
    }
}

//! `cpor check FILE`: exit codes, text and JSON output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn cpor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpor"))
        .args(args)
        .output()
        .expect("run cpor")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A scratch file with `content`, unique to this test.
fn scratch(name: &str, content: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cpor-check-{}-{name}", std::process::id()));
    std::fs::write(&path, content).expect("write scratch file");
    path
}

#[test]
fn a_valid_file_exits_0_and_shows_every_claim() {
    let path = fixture("export-v1.json");
    let output = cpor(&["check", path.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    for expected in [
        "valid CPOR Desk export",
        "3b5f0c2e  Contoso Power Apps rollout",
        "ready to submit",
        "9e27d4a1  Contoso Exchange (second try)",
        "3 problems before it can be submitted",
        "fields.tenant_id: The tenant ID must be a GUID",
        "status: Partner action required",
        "since then: Auto-rejected: no partner response",
        "competing claim",
        "PoE readiness",
        "The file is valid: 4 claims. 2 of 3 drafts are not ready to submit yet. 1 pair of competing claims.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn an_older_version_is_migrated_and_said_so() {
    let path = fixture("export-v0.json");
    let output = cpor(&["check", path.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("format version 0"), "{text}");
    assert!(text.contains("Northwind Teams adoption"), "{text}");
}

#[test]
fn an_invalid_file_exits_1_and_names_every_problem_by_path() {
    let path = scratch(
        "invalid.json",
        br#"{"format": "cpor-desk", "version": 1, "exported_at": "2025-03-07T08:00:00Z",
            "app_version": "0.1.0", "claims": [{"id": "x"}, 3]}"#,
    );
    let output = cpor(&["check", path.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    for expected in [
        "not a valid CPOR Desk export",
        "$.policy: ",
        "$.calendar: ",
        "$.claims[0].id: ",
        "$.claims[0].history: ",
        "$.claims[1]: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let _ = std::fs::remove_file(path);
}

#[test]
fn text_that_is_not_json_or_not_utf8_exits_1() {
    let path = scratch("broken.json", b"{\n  \"format\": \"cpor-desk\",\n  oops\n}");
    let output = cpor(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("line 3, column 3"),
        "{}",
        stdout(&output)
    );
    let _ = std::fs::remove_file(path);

    let path = scratch("latin1.json", b"{\"format\": \"cpor-desk \xe9\"}");
    let output = cpor(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("not UTF-8"), "{}", stdout(&output));
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_missing_file_exits_2_with_a_clear_error() {
    let output = cpor(&["check", "/no/such/dir/export.json"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("/no/such/dir/export.json: no such file"),
        "{error}"
    );
}

#[test]
fn json_output_has_the_same_content() {
    let path = fixture("export-v1.json");
    let output = cpor(&["--json", "check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["valid"], true);
    assert_eq!(report["format_version"], 1);
    let claims = report["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 4);
    assert_eq!(claims[0]["short_id"], "3b5f0c2e");
    assert_eq!(
        claims[0]["submit_problems"].as_array().map(Vec::len),
        Some(0)
    );
    let codes: Vec<&str> = claims[1]["submit_problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|problem| problem["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["tenant_id.not_guid", "email.domain_invalid", "poe.required"]
    );
    // Typed parameters, not words.
    let problems = &claims[1]["submit_problems"];
    assert_eq!(problems[0]["hint"], "no_hyphens");
    assert_eq!(problems[1]["contact"], "Customer");
    assert_eq!(problems[1]["issue"]["code"], "too_few_labels");
    assert_eq!(claims[2]["next_deadline"], serde_json::Value::Null);
    assert_eq!(
        claims[2]["pending_transitions"][0]["action"],
        "PartnerResponseExpired"
    );
    assert_eq!(claims[2]["status"], "PartnerActionRequired");
    assert_eq!(claims[2]["status_now"], "Rejected");
    assert_eq!(report["competing_claims"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["summary"]["drafts_with_problems"], 2);

    let path = scratch("invalid-json.json", b"[]");
    let output = cpor(&["--json", "check", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["valid"], false);
    assert_eq!(report["problems"][0]["path"], "$");
    assert_eq!(report["problems"][0]["code"], "document.not_object");
    let _ = std::fs::remove_file(path);
}

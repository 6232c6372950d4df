//! `cpor timeline`: finding the claim, printing its history and clocks.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use std::path::PathBuf;
use std::process::{Command, Output};

use claim_rules::export::export;
use claim_rules::policy::Policy;
use fixtures::*;

/// An export file with two claims whose IDs share the prefix `0a11ce00`, written to a
/// fresh temporary path.
fn export_file(name: &str) -> PathBuf {
    let first = Flow::awaiting_partner().claim;
    let mut second = Flow::submitted().claim;
    second.id = id(0x22);
    let document = export(
        &[first, second],
        &Policy::default(),
        t("2026-04-20T00:00:00Z"),
        "test",
    );
    let path =
        std::env::temp_dir().join(format!("cpor-timeline-{name}-{}.json", std::process::id()));
    let text = document.to_json_pretty().expect("serialises");
    std::fs::write(&path, text).expect("temporary file");
    path
}

fn timeline(path: &PathBuf, claim: &str, json: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cpor"));
    if json {
        command.arg("--json");
    }
    command
        .arg("timeline")
        .arg(path)
        .arg("--claim")
        .arg(claim)
        .output()
        .expect("cpor runs")
}

#[test]
fn timeline_prints_history_and_clocks_of_the_claim_found_by_prefix() {
    let path = export_file("found");
    let output = timeline(&path, "0A11CE00-0000-4000-8000-00000000000", false);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("Claim 0a11ce00-0000-4000-8000-000000000001"));
    assert!(stdout.contains("Request information"));
    assert!(stdout.contains("Under review → Partner action required"));
    assert!(stdout.contains("comment: The PoE needs the customer's signature."));
    // Evaluated now (long after April 2026): the automatic rejection is shown, marked.
    assert!(stdout.contains("Auto-rejected: no partner response"));
    assert!(stdout.contains("[due now, not yet in the file]"));
    assert!(stdout.contains("Partner response"));
    assert!(stdout.contains("due 2026-04-16 00:00 PDT"));
    std::fs::remove_file(path).ok();
}

#[test]
fn timeline_prints_json() {
    let path = export_file("json");
    let output = timeline(&path, "0a11ce00-0000-4000-8000-000000000022", true);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["claim"], "0a11ce00-0000-4000-8000-000000000022");
    assert_eq!(value["status"], "Submitted");
    assert_eq!(value["clocks"][0]["kind"], "ReviewStart");
    assert!(value["clocks"][0]["last_day"].is_string());
    std::fs::remove_file(path).ok();
}

#[test]
fn timeline_explains_ambiguous_missing_and_malformed_ids() {
    let path = export_file("errors");
    let ambiguous = timeline(&path, "0a11", false);
    assert_eq!(ambiguous.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&ambiguous.stderr);
    assert!(stderr.contains("matches 2 claims"), "{stderr}");
    assert!(
        stderr.contains("0a11ce00-0000-4000-8000-000000000022"),
        "{stderr}"
    );

    let missing = timeline(&path, "ffff", false);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no claim"));

    let malformed = timeline(&path, "not-an-id", false);
    assert_eq!(malformed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&malformed.stderr).contains("not a claim ID"));
    std::fs::remove_file(path).ok();
}

#[test]
fn timeline_reports_an_invalid_file() {
    let path = std::env::temp_dir().join(format!("cpor-timeline-bad-{}.json", std::process::id()));
    std::fs::write(&path, "{\"format\": \"something else\"}").expect("temporary file");
    let output = timeline(&path, "0a11", false);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is not a valid CPOR Desk export (2 problems)"),
        "{stderr}"
    );
    std::fs::remove_file(path).ok();
}

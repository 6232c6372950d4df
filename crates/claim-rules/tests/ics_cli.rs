//! `cpor ics`: the running deadlines of an export file as an iCalendar file.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use std::path::PathBuf;
use std::process::{Command, Output};

use claim_rules::export::export;
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::Actor;
use claim_rules::policy::Policy;
use fixtures::*;

/// Submitted on Wednesday 2026-10-28 (PDT), the week before the change to PST.
fn submitted_in_dst_week() -> Flow {
    let created = "2026-10-28T09:00:00-07:00";
    Flow {
        claim: lifecycle::new_claim(id(0x10), t(created), valid_fields()),
        rules: rules(),
    }
    .act(Actor::Partner, Action::AddPoe(poe(1)), created)
    .act(Actor::Partner, Action::Submit, "2026-10-28T10:00:00-07:00")
}

/// An export with the DST-week claim, one awaiting the partner (April) and one archived.
fn export_file(name: &str) -> PathBuf {
    let mut dst = submitted_in_dst_week().claim;
    dst.fields.name = "Contoso, Ltd; Teams".into();
    let mut archived = submitted_in_dst_week()
        .act(Actor::Partner, Action::Archive, "2026-10-28T11:00:00-07:00")
        .claim;
    archived.id = id(0x30);
    let mut awaiting = Flow::awaiting_partner().claim;
    awaiting.id = id(0x20);
    let document = export(
        &[dst, awaiting, archived],
        &Policy::default(),
        t("2026-10-29T00:00:00Z"),
        "test",
    );
    let path = std::env::temp_dir().join(format!("cpor-ics-{name}-{}.json", std::process::id()));
    std::fs::write(&path, document.to_json_pretty().expect("serialises")).expect("temporary file");
    path
}

fn cpor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpor"))
        .args(args)
        .output()
        .expect("cpor runs")
}

fn unfolded(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec())
        .expect("UTF-8")
        .replace("\r\n ", "")
}

#[test]
fn one_claim_gives_its_two_running_clocks_in_the_dst_week() {
    let path = export_file("one");
    let file = path.to_str().expect("path");
    let output = cpor(&[
        "ics",
        file,
        "--claim",
        "0a11ce00-0000-4000-8000-000000000010",
        "--now",
        "2026-10-30T12:00:00Z",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ics = unfolded(&output.stdout);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("UID:0a11ce00-0000-4000-8000-000000000010-review_start@cpor-desk\r\n"));
    assert!(ics.contains("UID:0a11ce00-0000-4000-8000-000000000010-decision_target@cpor-desk\r\n"));
    // Review start: end of Wednesday 11-04 (PST); decision target: end of Thursday 11-12
    // (Veterans Day on Wednesday 11-11 is skipped).
    assert!(ics.contains("DTEND;TZID=America/Los_Angeles:20261105T000000\r\n"));
    assert!(ics.contains("DTEND;TZID=America/Los_Angeles:20261113T000000\r\n"));
    assert!(ics.contains("SUMMARY:Contoso\\, Ltd\\; Teams: review should start\r\n"));
    assert!(ics.contains("X-WR-CALNAME:CPOR Desk: Contoso\\, Ltd\\; Teams\r\n"));
    assert!(ics.contains("Deadline: end of Wed 2026-11-04 (America/Los_Angeles)."));
    assert!(ics.contains("DTSTAMP:20261030T120000Z\r\n"));
    std::fs::remove_file(path).ok();
}

#[test]
fn all_claims_skip_archived_ones_and_write_to_a_file() {
    let path = export_file("all");
    let out = std::env::temp_dir().join(format!("cpor-ics-all-{}.ics", std::process::id()));
    let output = cpor(&[
        "ics",
        path.to_str().expect("path"),
        "--now",
        "2026-10-30T12:00:00Z",
        "--output",
        out.to_str().expect("path"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrote 2 running deadlines"));
    let ics = unfolded(&std::fs::read(&out).expect("written"));
    // The April claim's partner response closed long ago (auto-rejected in April; its
    // dispute window closed in May); the archived claim is left out.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(!ics.contains("000000000030"));
    std::fs::remove_file(path).ok();
    std::fs::remove_file(out).ok();
}

#[test]
fn errors_are_explained() {
    let path = export_file("errors");
    let file = path.to_str().expect("path");
    let missing = cpor(&["ics", file, "--claim", "ffff"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no claim"));
    let json = cpor(&["--json", "ics", file]);
    assert_eq!(json.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&json.stderr).contains("iCalendar"));
    let nowhere = cpor(&["ics", "/nonexistent/export.json"]);
    assert_eq!(nowhere.status.code(), Some(2));
    std::fs::remove_file(path).ok();
}

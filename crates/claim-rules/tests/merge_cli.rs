//! `cpor merge LOCAL INCOMING [--out FILE]`: preview by default, the merged export with
//! `--out`, and never a local claim lost.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claim_rules::export;

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

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("cpor-merge-{}-{name}", std::process::id()))
}

fn path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 paths")
}

#[test]
fn a_preview_writes_nothing_and_names_each_incoming_claim() {
    let out = scratch("preview.json");
    let output = cpor(&[
        "merge",
        path(&fixture("export-v1.json")),
        path(&fixture("export-v0.json")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("new                 0f8e4a52  Northwind Teams adoption: added"),
        "{text}"
    );
    assert!(
        text.contains("Merged: 6 claims; all 4 local claims are kept."),
        "{text}"
    );
    assert!(text.contains("Preview only"), "{text}");
    assert!(!out.exists());
}

#[test]
fn out_writes_every_local_claim_and_a_copy_of_each_conflicting_one() {
    let local_text = std::fs::read_to_string(fixture("export-v1.json")).unwrap();
    let mut incoming = export::parse(&local_text).unwrap();
    // Renamed elsewhere without a history entry: a conflict, both kept.
    incoming.claims[0].fields.name = "Renamed by a colleague".into();
    incoming.claims[0].revision += 1;
    let incoming_path = scratch("incoming.json");
    std::fs::write(&incoming_path, incoming.to_json_pretty().unwrap()).unwrap();
    let out = scratch("merged.json");
    let output = cpor(&[
        "--json",
        "merge",
        path(&fixture("export-v1.json")),
        path(&incoming_path),
        "--out",
        path(&out),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["items"][0]["kind"], "conflicting");
    assert_eq!(report["merged_claims"], 5);
    let merged = export::parse(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let local = export::parse(&local_text).unwrap();
    for claim in &local.claims {
        assert!(merged.claims.contains(claim), "{} kept unchanged", claim.id);
    }
    let copy = merged.claims.last().unwrap();
    assert_eq!(copy.links.conflict_copy_of, Some(local.claims[0].id));
    // Merging the merged file again changes nothing.
    let again = cpor(&["--json", "merge", path(&out), path(&incoming_path)]);
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["merged_claims"], 5);
    std::fs::remove_file(incoming_path).ok();
    std::fs::remove_file(out).ok();
}

#[test]
fn an_invalid_file_exits_1_and_a_missing_one_2_and_nothing_is_written() {
    let bad = scratch("bad.json");
    std::fs::write(&bad, "{\"format\": \"cpor-desk\", \"version\": 99}").unwrap();
    let out = scratch("never.json");
    let output = cpor(&[
        "merge",
        path(&fixture("export-v1.json")),
        path(&bad),
        "--out",
        path(&out),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("$.version"));
    assert!(!out.exists());
    let output = cpor(&["merge", "/no/such/file.json", path(&bad)]);
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_file(bad).ok();
}

//! The audit of issue 7, re-run against `cpor`: each defect found on the command line,
//! as the hostile user tried it, with what must happen instead.

use std::path::PathBuf;
use std::process::{Command, Output};

fn cpor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpor"))
        .args(args)
        .output()
        .expect("run cpor")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A path unique to this test process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        Scratch(std::env::temp_dir().join(format!("cpor-audit-{}-{name}", std::process::id())))
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8 here")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// Defect 1: `--days 4294967295` aborted with a panic (exit 134); any `--days` above
/// 7,304,484 (jiff's span limit) did.
#[test]
fn defect_1_huge_calendar_day_counts_are_refused_not_a_panic() {
    for days in ["4294967295", "7304485", "3000000"] {
        let output = cpor(&["deadline", "--from", "2026-01-01", "--days", days]);
        assert_eq!(output.status.code(), Some(2), "--days {days}: {output:?}");
        assert!(
            stderr(&output).starts_with("cpor: ")
                && stderr(&output).contains("outside the supported years"),
            "--days {days}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
    for days in ["4294967295", "8000001"] {
        let output = cpor(&["deadline", "--from", "2026-01-01", "--business-days", days]);
        assert_eq!(output.status.code(), Some(2), "--business-days {days}");
    }
    // Near the end of the supported range: the end of 9999-12-30 in Los Angeles is past
    // the last representable instant, the end of 9999-12-29 is not.
    let output = cpor(&[
        "deadline",
        "--from",
        "2026-01-01",
        "--days",
        "2912441",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let output = cpor(&[
        "deadline",
        "--from",
        "2026-01-01",
        "--days",
        "2912440",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("\"date\":\"9999-12-29\""),
        "{}",
        stdout(&output)
    );
}

/// Defect 8: `timeline` read the whole file before its size check (2 GB sparse file:
/// 13.6 s and 2.1 GB of memory) and `check` reported that file as "50.0 MB".
#[test]
fn defect_8_an_oversized_file_is_refused_by_its_real_size_before_reading() {
    let big = Scratch::new("sparse.json");
    let file = std::fs::File::create(&big.0).expect("create scratch file");
    // Sparse: no data blocks are written, so this is instant and takes no disk space.
    file.set_len(2 * 1024 * 1024 * 1024)
        .expect("extend scratch file");
    drop(file);
    for args in [
        vec!["check", big.path()],
        vec!["--json", "check", big.path()],
        vec!["timeline", big.path(), "--claim", "0a11"],
    ] {
        let output = cpor(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let message = stderr(&output);
        assert!(message.contains("is 2.0 GB"), "{args:?}: {message}");
        assert!(message.contains("at most 200 MB"), "{args:?}: {message}");
        assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
    }
    // Exactly at the limit is still read (and then found not to be JSON: exit 1).
    let at_limit = Scratch::new("at-limit.json");
    std::fs::write(&at_limit.0, vec![b' '; 200 * 1024 * 1024]).expect("write scratch file");
    let output = cpor(&["check", at_limit.path()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

/// A file whose metadata gives no size (a device, a pipe) is read only up to the limit.
#[cfg(target_os = "linux")]
#[test]
fn defect_8_an_endless_file_is_read_only_up_to_the_limit() {
    for args in [
        ["check", "/dev/zero", "", ""],
        ["timeline", "/dev/zero", "--claim", "0a11"],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|arg| !arg.is_empty()).collect();
        let output = cpor(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("is larger than 200 MB"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

/// Defect 9 (part): `cpor holidays --year 9999` omitted 9999-12-31, which the arithmetic
/// treats as a holiday (New Year's Day of 10000, a Saturday, observed on the Friday).
#[test]
fn defect_9_the_last_holiday_of_9999_is_listed() {
    let output = cpor(&["holidays", "--year", "9999", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["dates"].as_array().unwrap().last().unwrap(),
        "9999-12-31"
    );
    let text = stdout(&output_of(&["holidays", "--year", "9999"]));
    assert!(
        text.ends_with(
            "9999-12-31 Friday    New Year's Day (observed; falls on the Saturday after)\n"
        ),
        "{text}"
    );
    // The arithmetic's side: `far_years_are_computed_by_rule` in calendar_golden.rs.
}

fn output_of(args: &[&str]) -> Output {
    let output = cpor(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    output
}

/// The version 1 fixture, changed by `edit`, written to a scratch file.
fn fixture_with(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Scratch {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-v1.json");
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
    edit(&mut value);
    let scratch = Scratch::new(name);
    std::fs::write(&scratch.0, value.to_string()).expect("write scratch file");
    scratch
}

/// Defect 2: a policy with every clock at 0 (or 4294967295) was "valid".
#[test]
fn defect_2_an_unusable_policy_is_not_a_valid_file() {
    for days in [0_u64, 4_294_967_295] {
        let file = fixture_with(&format!("policy-{days}"), |value| {
            for (_, length) in value["policy"].as_object_mut().expect("policy").iter_mut() {
                if length.is_u64() {
                    *length = serde_json::json!(days);
                }
            }
        });
        let output = cpor(&["check", file.path()]);
        assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
        assert!(stdout(&output).contains("$.policy.review_start_business_days"));
    }
}

/// Defect 4: a Partner `Approve` from Draft to Approved was accepted.
#[test]
fn defect_4_an_impossible_history_is_refused_at_its_entry() {
    let file = fixture_with("partner-approve", |value| {
        let claim = &mut value["claims"][1];
        let entry = serde_json::json!({
            "at": "2025-03-04T10:00:00Z", "recorded_at": "2025-03-04T10:00:00Z",
            "actor": "Partner", "action": "Approve", "from": "Draft", "to": "Approved",
            "changes": [], "comment": "", "detail": null
        });
        claim["history"].as_array_mut().expect("list").push(entry);
        claim["status"] = serde_json::json!("Approved");
        claim["revision"] = serde_json::json!(2);
    });
    let output = cpor(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("$.claims[1].history[1]"), "{text}");
    assert!(text.contains("Approve"), "{text}");
}

/// Defect 6: `timeline --now` before the history showed states the claim never had.
#[test]
fn defect_6_timeline_before_the_history_is_refused() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-v1.json");
    let path = path.to_str().expect("UTF-8 path");
    let output = cpor(&[
        "timeline",
        path,
        "--claim",
        "c4a8",
        "--now",
        "2025-03-05T00:00:00Z",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("before this claim's last recorded change"),
        "{}",
        stderr(&output)
    );
    let after = cpor(&[
        "timeline",
        path,
        "--claim",
        "c4a8",
        "--now",
        "2025-03-07T00:00:00Z",
    ]);
    assert_eq!(after.status.code(), Some(0));
}

/// Defect 9: a version of 18446744073709551616 was shown as 1.8446744073709552e+19.
#[test]
fn defect_9_a_huge_version_is_named_in_digits() {
    let file = fixture_with("huge-version", |value| {
        value["version"] = serde_json::from_str("18446744073709551616").expect("number");
    });
    let output = cpor(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("18446744073709551616"), "{text}");
    assert!(!text.contains("e+19") && !text.contains("e19"), "{text}");
}

/// Defect 7 (report side): 1,000 claims on one tenant and product took 71 s and gave
/// one warning per pair; now one group lists them (the time is measured by the `scale`
/// bench, never asserted here).
#[test]
fn defect_7_competing_claims_are_reported_as_one_group() {
    let file = fixture_with("thousand", |value| {
        let template = value["claims"][3].clone();
        let claims: Vec<serde_json::Value> = (0..1000u32)
            .map(|n| {
                let mut claim = template.clone();
                claim["id"] = serde_json::json!(format!("00000000-0000-4000-8000-{n:012}"));
                claim["fields"]["name"] = serde_json::json!(format!("Claim {n}"));
                claim
            })
            .collect();
        value["claims"] = serde_json::Value::Array(claims);
    });
    let output = cpor(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("1000 claims compete in 1 group."), "{text}");
    assert!(text.contains("and 990 more"), "{text}");
    assert_eq!(text.matches("! the Exchange Online workload").count(), 1);

    let output = cpor(&["--json", "check", file.path()]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        report["competition_groups"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        report["competition_groups"][0]["claims"]
            .as_array()
            .map(Vec::len),
        Some(1000)
    );
    assert!(
        output.stdout.len() < 2_000_000,
        "{} bytes",
        output.stdout.len()
    );
}

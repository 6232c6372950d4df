//! Every input a fuzzer found failing, replayed through the same checks the fuzz targets
//! run (`tests/fuzz_checks`). A new crash: copy libFuzzer's `crash-…` file from
//! `fuzz/artifacts/<target>/` into `tests/fuzz-regressions/<target>/` under a name that
//! says what it found, fix the rules, and this test keeps it fixed.

mod fuzz_checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut replayed = 0;
    for entry in std::fs::read_dir(&folder).expect("the regression folder exists") {
        let path = entry.expect("a readable folder entry").path();
        if path.extension().is_some_and(|extension| extension == "md") {
            continue;
        }
        let data = std::fs::read(&path).expect("a readable regression input");
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target}: {} fails again", path.display());
        replayed += 1;
    }
    replayed
}

#[test]
fn export_parser_regressions_stay_fixed() {
    replay("export_parse", fuzz_checks::check_export_bytes);
}

#[test]
fn import_merge_regressions_stay_fixed() {
    replay("import_merge", fuzz_checks::check_import_merge);
}

#[test]
fn apply_regressions_stay_fixed() {
    replay("apply_actions", fuzz_checks::check_apply_actions);
}

/// The checks themselves run on a few fixed inputs, so a broken check is noticed here,
/// not only in a fuzzing run.
#[test]
fn the_checks_run_on_fixed_inputs() {
    for seed in 0..64_u8 {
        let data: Vec<u8> = (0..200)
            .map(|i| {
                seed.wrapping_mul(31)
                    .wrapping_add((i as u8).wrapping_mul(7))
            })
            .collect();
        fuzz_checks::check_apply_actions(&data);
        fuzz_checks::check_import_merge(&data);
        fuzz_checks::check_export_bytes(&data);
    }
    fuzz_checks::check_export_bytes(include_bytes!("fixtures/export-v1.json"));
    fuzz_checks::check_export_bytes(include_bytes!("fixtures/export-v0.json"));
}

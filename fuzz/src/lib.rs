//! The fuzz targets' properties live with the rules' tests, so that every input a
//! fuzzer finds failing is replayed by `cargo test -p claim-rules` (see
//! `crates/claim-rules/tests/fuzz_regressions.rs`).

#[path = "../../crates/claim-rules/tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

pub use fuzz_checks::{check_apply_actions, check_export_bytes, check_import_merge};

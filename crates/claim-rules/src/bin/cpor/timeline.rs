//! `cpor timeline` (SKELETON, being written).

use std::path::Path;
use std::process::ExitCode;

/// Run the command.
pub fn run(_file: &Path, _claim: &str, _json: bool) -> Result<ExitCode, String> {
    Err("not written yet".into())
}

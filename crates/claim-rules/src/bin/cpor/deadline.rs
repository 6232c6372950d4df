//! `cpor deadline` (SKELETON, being written).

use std::process::ExitCode;

/// Arguments of `cpor deadline`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run the command.
pub fn run(_args: &Args, _json: bool) -> Result<ExitCode, String> {
    Err("not written yet".into())
}

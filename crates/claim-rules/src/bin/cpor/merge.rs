//! `cpor merge LOCAL INCOMING [--out FILE]`: the app's import on the command line. Shows
//! how each incoming claim relates to the local ones (the preview) and, with `--out`,
//! writes the merged export. Nothing local is ever lost: every local claim is in the
//! result, replaced only by a claim whose history extends its own; a conflicting claim
//! is added as a marked copy.
//!
//! The merged file keeps LOCAL's policy and calendar (the deadlines the team already
//! works with); the preview says so when INCOMING's differ.
//!
//! Exit codes: 0 done, 1 a file is not a valid export (every problem named by its JSON
//! path), 2 a file cannot be read or the result cannot be written.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claim_rules::export::{self, ExportDocument};
use claim_rules::import::{apply_import, classify_import, ImportItem, ImportKind};
use claim_rules::model::Claim;
use jiff::Timestamp;
use uuid::Uuid;

/// Arguments of `cpor merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Your export file (its claims are never lost).
    local: PathBuf,
    /// The export file to merge into it (a colleague's, an older backup).
    incoming: PathBuf,
    /// Write the merged export here (without it, only the preview is shown).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Run the command at `now` (the time stamped on conflict copies and the export).
pub fn run(args: &Args, json: bool, now: Timestamp) -> Result<ExitCode, String> {
    let Some(local) = read(&args.local)? else {
        return Ok(ExitCode::from(1));
    };
    let Some(incoming) = read(&args.incoming)? else {
        return Ok(ExitCode::from(1));
    };
    let items = classify_import(&local.claims, &incoming.claims);
    let merged = apply_import(&local.claims, &items, copy_ids(now), now);
    let same_policy = local.policy() == incoming.policy();
    if let Some(out) = &args.out {
        let document = export::export(&merged, &local.policy(), now, env!("CARGO_PKG_VERSION"));
        let text = document
            .to_json_pretty()
            .map_err(|error| format!("cannot write the merged export: {error}"))?;
        write_atomically(out, &text)?;
    }
    if json {
        let items: Vec<serde_json::Value> = items
            .iter()
            .map(|item| {
                serde_json::json!({
                    "kind": item.kind.code(),
                    "id": item.incoming.id.to_string(),
                    "name": item.incoming.fields.name,
                    "local": item.local.map(|id| id.to_string()),
                })
            })
            .collect();
        let report = serde_json::json!({
            "local_claims": local.claims.len(),
            "incoming_claims": incoming.claims.len(),
            "merged_claims": merged.len(),
            "same_policy": same_policy,
            "items": items,
            "written": args.out.as_ref().map(|path| path.display().to_string()),
        });
        println!("{report}");
    } else {
        print!(
            "{}",
            preview(args, &local, &incoming, &items, &merged, same_policy)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The parsed export, `None` after printing its problems.
fn read(file: &Path) -> Result<Option<ExportDocument>, String> {
    let bytes = crate::file::read_export(file)?;
    match export::parse_bytes(&bytes) {
        Ok(document) => Ok(Some(document)),
        Err(problems) => {
            eprintln!(
                "{}: not a valid CPOR Desk export ({} problem{}); nothing was merged:",
                file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            for problem in &problems {
                eprintln!("  {}: {}", problem.path, problem.message);
            }
            Ok(None)
        }
    }
}

/// IDs for conflict copies: version-4-shaped UUIDs from the clock and a counter (the
/// merge retries any ID already in use, so these only need to be unlikely to repeat).
fn copy_ids(now: Timestamp) -> impl FnMut() -> Uuid {
    let mut state = now.as_nanosecond() as u128 ^ u128::from(std::process::id());
    move || {
        state = state
            .wrapping_mul(0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645)
            .wrapping_add(0x5851_f42d_4c95_7f2d_1405_7b7e_f767_814f);
        let random = state ^ (state >> 64);
        Uuid::from_u128((random & !(0xf << 76) & !(0x3 << 62)) | (0x4 << 76) | (0x2 << 62))
    }
}

/// Write through a temporary file in the same folder, then rename: a crash or a full
/// disk never leaves half a file where the merged export should be.
fn write_atomically(out: &Path, text: &str) -> Result<(), String> {
    let folder = out
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .ok_or_else(|| format!("--out {}: give a file name", out.display()))?;
    let temporary = folder.join(format!(
        ".{}.cpor-merge-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, out))
        .map_err(|error| {
            std::fs::remove_file(&temporary).ok();
            format!(
                "cannot write {}: {error}; nothing was written",
                out.display()
            )
        })
}

fn kind_text(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::New => "new",
        ImportKind::Updated => "updated",
        ImportKind::Identical => "identical",
        ImportKind::AlreadyNewer => "already newer here",
        ImportKind::Conflicting => "conflicting",
        ImportKind::AlreadyCopied => "already copied",
    }
}

fn outcome_text(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::New => "added",
        ImportKind::Updated => "replaces the local claim: its history extends the local one",
        ImportKind::Identical => "nothing to do",
        ImportKind::AlreadyNewer => "nothing to do: the local claim is newer",
        ImportKind::Conflicting => "added as a marked copy; the local claim stays as it is",
        ImportKind::AlreadyCopied => "nothing to do: an earlier merge kept it as a copy",
    }
}

fn preview(
    args: &Args,
    local: &ExportDocument,
    incoming: &ExportDocument,
    items: &[ImportItem],
    merged: &[Claim],
    same_policy: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} claims) + {} ({} claims):",
        args.local.display(),
        local.claims.len(),
        args.incoming.display(),
        incoming.claims.len()
    );
    for item in items {
        let name = item.incoming.fields.name.trim();
        let _ = writeln!(
            out,
            "  {:<19} {}  {}: {}",
            kind_text(item.kind),
            &item.incoming.id.simple().to_string()[..8],
            if name.is_empty() { "(no name)" } else { name },
            outcome_text(item.kind)
        );
    }
    if !same_policy {
        let _ = writeln!(
            out,
            "The policy or calendar of {} differs; the merged file keeps those of {}.",
            args.incoming.display(),
            args.local.display()
        );
    }
    let _ = writeln!(
        out,
        "Merged: {} claims; all {} local claims are kept.",
        merged.len(),
        local.claims.len()
    );
    match &args.out {
        Some(path) => {
            let _ = writeln!(out, "Written to {}.", path.display());
        }
        None => {
            let _ = writeln!(
                out,
                "Preview only: nothing was written (add --out FILE to write the merged export)."
            );
        }
    }
    out
}

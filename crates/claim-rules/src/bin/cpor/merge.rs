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

use crate::catalogue::Catalogue;
use crate::wording::Words;

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
pub fn run(
    args: &Args,
    json: bool,
    now: Timestamp,
    catalogue: &Catalogue,
) -> Result<ExitCode, String> {
    let Some(local) = read(&args.local, catalogue)? else {
        return Ok(ExitCode::from(1));
    };
    let Some(incoming) = read(&args.incoming, catalogue)? else {
        return Ok(ExitCode::from(1));
    };
    let items = classify_import(&local.claims, &incoming.claims);
    let copy_name =
        |name: &str| catalogue.text("cli.merge.copy_name", &[("name", name.to_string())]);
    let merged = apply_import(&local.claims, &items, copy_ids(now), copy_name, now);
    let same_policy = local.policy() == incoming.policy();
    if let Some(out) = &args.out {
        let document = export::export(&merged, &local.policy(), now, env!("CARGO_PKG_VERSION"));
        let text = document.to_json_pretty().map_err(|error| {
            catalogue.text(
                "cli.merge.cannot_write",
                &[
                    ("file", out.display().to_string()),
                    ("error", error.to_string()),
                ],
            )
        })?;
        write_atomically(out, &text, catalogue)?;
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
            preview(
                args,
                &local,
                &incoming,
                &items,
                &merged,
                same_policy,
                catalogue
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The parsed export, `None` after printing its problems.
fn read(file: &Path, catalogue: &Catalogue) -> Result<Option<ExportDocument>, String> {
    let bytes = crate::file::read_export(file, catalogue)?;
    match export::parse_bytes(&bytes) {
        Ok(document) => Ok(Some(document)),
        Err(problems) => {
            let words = Words {
                catalogue: catalogue.clone(),
                zone: jiff::tz::TimeZone::UTC,
            };
            eprintln!(
                "{}",
                catalogue.text("cli.merge.invalid", &[("file", file.display().to_string())])
            );
            for problem in &problems {
                eprintln!(
                    "  {}: {}",
                    problem.path,
                    words.word(&words.import_problem_message(&problem.kind))
                );
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
fn write_atomically(out: &Path, text: &str, catalogue: &Catalogue) -> Result<(), String> {
    let shown = out.display().to_string();
    let folder = out
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .ok_or_else(|| catalogue.text("cli.merge.give_file_name", &[("file", shown.clone())]))?;
    let temporary = folder.join(format!(
        ".{}.cpor-merge-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, out))
        .map_err(|error| {
            std::fs::remove_file(&temporary).ok();
            catalogue.text(
                "cli.merge.cannot_write",
                &[("file", shown), ("error", error.to_string())],
            )
        })
}

fn kind_code(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::New => "new",
        ImportKind::Updated => "updated",
        ImportKind::Identical => "identical",
        ImportKind::AlreadyNewer => "already_newer",
        ImportKind::Conflicting => "conflicting",
        ImportKind::AlreadyCopied => "already_copied",
    }
}

fn preview(
    args: &Args,
    local: &ExportDocument,
    incoming: &ExportDocument,
    items: &[ImportItem],
    merged: &[Claim],
    same_policy: bool,
    catalogue: &Catalogue,
) -> String {
    let (local_name, incoming_name) = (
        args.local.display().to_string(),
        args.incoming.display().to_string(),
    );
    let mut out = String::new();
    let header = catalogue.text(
        "cli.merge.header",
        &[
            ("local", local_name.clone()),
            ("local_count", local.claims.len().to_string()),
            ("incoming", incoming_name.clone()),
            ("incoming_count", incoming.claims.len().to_string()),
        ],
    );
    let _ = writeln!(out, "{header}");
    for item in items {
        let code = kind_code(item.kind);
        let name = item.incoming.fields.name.trim();
        let name = if name.is_empty() {
            catalogue.text("cli.merge.no_name", &[])
        } else {
            name.to_string()
        };
        let _ = writeln!(
            out,
            "  {:<19} {}  {name}: {}",
            catalogue.text(&format!("cli.merge.kind.{code}"), &[]),
            &item.incoming.id.simple().to_string()[..8],
            catalogue.text(&format!("cli.merge.outcome.{code}"), &[])
        );
    }
    if !same_policy {
        let differs = catalogue.text(
            "cli.merge.policy_differs",
            &[("incoming", incoming_name), ("local", local_name)],
        );
        let _ = writeln!(out, "{differs}");
    }
    let summary = catalogue.text(
        "cli.merge.summary",
        &[
            ("merged", merged.len().to_string()),
            ("local_count", local.claims.len().to_string()),
        ],
    );
    let _ = writeln!(out, "{summary}");
    let last = match &args.out {
        Some(path) => catalogue.text("cli.merge.written", &[("file", path.display().to_string())]),
        None => catalogue.text("cli.merge.preview_only", &[]),
    };
    let _ = writeln!(out, "{last}");
    out
}

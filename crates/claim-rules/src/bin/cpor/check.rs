//! `cpor check FILE`: validate an export file and show each claim's status, next
//! deadline and problems.
//!
//! Exit codes: 0 when the file is a valid export (even if some drafts are not ready to
//! submit: those are shown, not failures), 1 when it is not (every problem is printed
//! with its JSON path), 2 when it cannot be read at all. Deadlines are evaluated at the
//! current time, in the file's own policy and calendar.

use std::path::Path;
use std::process::ExitCode;

use claim_rules::calendar::CalendarError;
use claim_rules::deadlines::{next_deadline, Deadline, Rules};
use claim_rules::export::{self, ExportDocument, ImportProblem, FORMAT_VERSION};
use claim_rules::history::ActionKind;
use claim_rules::lifecycle::advance;
use claim_rules::model::{Claim, Status};
use claim_rules::validation::{
    competing_claims, poe_readiness, submit_problems, Competition, Problem, ReadinessItem,
    ReadinessState,
};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Serialize;

use crate::catalogue::{Catalogue, Message};
use crate::wording::Words;

/// Run the command on `file` at `now`; `json` prints one JSON object instead of text.
pub fn run(
    file: &Path,
    json: bool,
    now: Timestamp,
    catalogue: &Catalogue,
) -> Result<ExitCode, String> {
    let shown = file.display().to_string();
    let bytes = read(file, catalogue)?;
    let source_version = source_version(&bytes);
    let (report, zone) = match export::parse_bytes(&bytes) {
        Ok(document) => (
            valid_report(&shown, source_version, &document, now),
            TimeZone::get(&document.calendar.time_zone).unwrap_or(TimeZone::UTC),
        ),
        Err(problems) => (Report::invalid(&shown, problems), TimeZone::UTC),
    };
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(|error| {
            catalogue.text("cli.error.json_report", &[("error", error.to_string())])
        })?;
        println!("{text}");
    } else {
        let words = Words {
            catalogue: catalogue.clone(),
            zone,
        };
        print!("{}", report.text(&words));
    }
    Ok(if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The file's bytes, refusing what is certainly too large before reading it.
fn read(file: &Path, catalogue: &Catalogue) -> Result<Vec<u8>, String> {
    let shown = file.display().to_string();
    let cannot_read = |error: std::io::Error| {
        catalogue.text(
            "cli.error.cannot_read",
            &[("file", shown.clone()), ("error", error.to_string())],
        )
    };
    let metadata = std::fs::metadata(file).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => {
            catalogue.text("cli.error.not_found", &[("file", shown.clone())])
        }
        std::io::ErrorKind::PermissionDenied => {
            catalogue.text("cli.error.permission_denied", &[("file", shown.clone())])
        }
        _ => cannot_read(error),
    })?;
    if metadata.is_dir() {
        return Err(catalogue.text("cli.error.is_folder", &[("file", shown.clone())]));
    }
    // One byte over the limit is enough for the parser to report the size.
    let limit = export::MAX_TEXT_BYTES as u64 + 1;
    if metadata.len() > limit {
        return Ok(vec![b' '; export::MAX_TEXT_BYTES + 1]);
    }
    std::fs::read(file).map_err(cannot_read)
}

/// The format version the file declares, if it reads as JSON with one.
fn source_version(bytes: &[u8]) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("version")?.as_u64()
}

/// Everything `check` reports, as printed with `--json`: codes and typed parameters, no
/// words.
#[derive(Debug, Serialize)]
struct Report {
    file: String,
    valid: bool,
    /// Problems that make the file invalid (empty when valid).
    problems: Vec<ImportProblem>,
    /// The format version the file was written in (older versions are migrated).
    source_version: Option<u64>,
    format_version: Option<u32>,
    exported_at: Option<Timestamp>,
    app_version: Option<String>,
    checked_at: Option<Timestamp>,
    time_zone: Option<String>,
    /// Why deadlines could not be computed, if they could not.
    deadlines_unavailable: Option<CalendarError>,
    claims: Vec<ClaimReport>,
    competing_claims: Vec<Competition>,
    summary: Summary,
}

#[derive(Debug, Serialize)]
struct ClaimReport {
    id: String,
    short_id: String,
    name: String,
    /// The status recorded in the file.
    status: Status,
    /// The status now, after the transitions that deadlines passed since imply (the app
    /// applies them when it opens the claim).
    status_now: Status,
    /// Those transitions, oldest first.
    pending_transitions: Vec<PendingTransition>,
    archived: bool,
    next_deadline: Option<DeadlineReport>,
    /// For drafts: every problem before it can be submitted.
    submit_problems: Vec<Problem>,
    /// For drafts: the PoE readiness checklist.
    readiness: Vec<ReadinessItem>,
}

#[derive(Debug, Serialize)]
struct PendingTransition {
    action: ActionKind,
    at: Timestamp,
    to: Status,
}

#[derive(Debug, Serialize)]
struct DeadlineReport {
    clock: claim_rules::deadlines::ClockKind,
    due: Timestamp,
    /// The last local day of the clock, in the calendar's time zone.
    due_local_date: Option<String>,
    overdue: bool,
    business_days: Option<i64>,
    hours: Option<i64>,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    claims: usize,
    drafts: usize,
    drafts_with_problems: usize,
    competing_pairs: usize,
    problems: usize,
}

impl Report {
    fn invalid(file: &str, problems: Vec<ImportProblem>) -> Report {
        Report {
            file: file.to_string(),
            valid: false,
            summary: Summary {
                problems: problems.len(),
                ..Summary::default()
            },
            problems,
            source_version: None,
            format_version: None,
            exported_at: None,
            app_version: None,
            checked_at: None,
            time_zone: None,
            deadlines_unavailable: None,
            claims: Vec::new(),
            competing_claims: Vec::new(),
        }
    }
}

/// The shortest prefix (at least 8 hex digits) of the claims' IDs that tells them apart.
fn short_id_length(claims: &[Claim]) -> usize {
    let mut ids: Vec<String> = claims
        .iter()
        .map(|claim| claim.id.simple().to_string())
        .collect();
    ids.sort();
    let longest_shared = ids
        .windows(2)
        .map(|pair| {
            pair[0]
                .bytes()
                .zip(pair[1].bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    (longest_shared + 1).clamp(8, 32)
}

fn short_id(claim: &Claim, length: usize) -> String {
    claim.id.simple().to_string().chars().take(length).collect()
}

fn valid_report(
    file: &str,
    source_version: Option<u64>,
    document: &ExportDocument,
    now: Timestamp,
) -> Report {
    let (rules, deadlines_unavailable) = match Rules::new(document.policy()) {
        Ok(rules) => (Some(rules), None),
        Err(error) => (None, Some(error)),
    };
    let id_length = short_id_length(&document.claims);
    let claims: Vec<ClaimReport> = document
        .claims
        .iter()
        .map(|claim| {
            let is_draft = claim.status == Status::Draft;
            let advanced = rules.as_ref().map(|rules| advance(claim, now, rules));
            let current = advanced.as_ref().unwrap_or(claim);
            let pending_transitions = current
                .history
                .iter()
                .skip(claim.history.len())
                .map(|entry| PendingTransition {
                    action: entry.action,
                    at: entry.at,
                    to: entry.to,
                })
                .collect();
            ClaimReport {
                id: claim.id.to_string(),
                short_id: short_id(claim, id_length),
                name: claim.fields.name.trim().to_string(),
                status: claim.status,
                status_now: current.status,
                pending_transitions,
                archived: claim.archived,
                next_deadline: rules.as_ref().and_then(|rules| {
                    next_deadline(current, rules, now)
                        .map(|deadline| deadline_report(&deadline, rules, now))
                }),
                submit_problems: if is_draft {
                    submit_problems(claim)
                } else {
                    Vec::new()
                },
                readiness: if is_draft {
                    poe_readiness(claim)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let competing = competing_claims(&document.claims);
    let drafts = claims
        .iter()
        .filter(|claim| claim.status == Status::Draft)
        .count();
    let drafts_with_problems = claims
        .iter()
        .filter(|claim| !claim.submit_problems.is_empty())
        .count();
    Report {
        file: file.to_string(),
        valid: true,
        problems: Vec::new(),
        source_version,
        format_version: Some(FORMAT_VERSION),
        exported_at: Some(document.exported_at),
        app_version: Some(document.app_version.clone()),
        checked_at: Some(now),
        time_zone: Some(document.calendar.time_zone.clone()),
        deadlines_unavailable,
        summary: Summary {
            claims: claims.len(),
            drafts,
            drafts_with_problems,
            competing_pairs: competing.len(),
            problems: 0,
        },
        claims,
        competing_claims: competing,
    }
}

fn deadline_report(deadline: &Deadline, rules: &Rules, now: Timestamp) -> DeadlineReport {
    let remaining = deadline.remaining(now, rules.calendar());
    DeadlineReport {
        clock: deadline.kind,
        due: deadline.due,
        due_local_date: deadline
            .last_day(rules.calendar())
            .map(|day| day.to_string()),
        overdue: remaining.is_some_and(|left| left.overdue) || now >= deadline.due,
        business_days: remaining.map(|left| left.business_days),
        hours: remaining.map(|left| left.duration.as_secs() / 3600),
    }
}

impl Report {
    fn text(&self, words: &Words) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let file = || ("file", self.file.clone());
        if !self.valid {
            let _ = writeln!(
                out,
                "{}",
                words.word(
                    &Message::new("cli.check.invalid")
                        .arg("file", &self.file)
                        .count(self.problems.len() as i64)
                )
            );
            for problem in &self.problems {
                let message = words.word(&words.import_problem_message(&problem.kind));
                let _ = writeln!(out, "  {}: {message}", problem.path);
            }
            let _ = writeln!(out, "{}", words.key("cli.check.nothing_imported"));
            return out;
        }

        let heading = match (&self.exported_at, &self.app_version) {
            (Some(exported_at), Some(app)) => words.text(
                "cli.check.valid_exported",
                &[
                    file(),
                    ("exported_at", words.instant(*exported_at)),
                    ("app_version", app.clone()),
                ],
            ),
            _ => words.text("cli.check.valid", &[file()]),
        };
        let _ = writeln!(out, "{heading}");
        if let Some(version) = self
            .source_version
            .filter(|v| *v < u64::from(FORMAT_VERSION))
        {
            let _ = writeln!(
                out,
                "{}",
                words.text(
                    "cli.check.migrated",
                    &[
                        ("version", version.to_string()),
                        ("current", FORMAT_VERSION.to_string())
                    ]
                )
            );
        }
        if let Some(error) = &self.deadlines_unavailable {
            let reason = words.word(&words.calendar_error_message(error));
            let _ = writeln!(
                out,
                "{}",
                words.text("cli.check.deadlines_unavailable", &[("reason", reason)])
            );
        }
        let count = self.claims.len() as i64;
        let claims_line = match &self.time_zone {
            Some(zone) => Message::new("cli.check.claims_in_zone")
                .arg("zone", zone)
                .count(count),
            None => Message::new("cli.check.claims").count(count),
        };
        let _ = writeln!(out, "{}", words.word(&claims_line));

        for claim in &self.claims {
            let _ = writeln!(out);
            let name = if claim.name.is_empty() {
                words.key("cli.check.no_name")
            } else {
                claim.name.clone()
            };
            let archived = if claim.archived {
                format!(" {}", words.key("cli.check.archived"))
            } else {
                String::new()
            };
            let _ = writeln!(out, "{}  {name}{archived}", claim.short_id);
            let _ = writeln!(
                out,
                "  {}",
                words.text(
                    "cli.check.status",
                    &[("status", words.status(claim.status))]
                )
            );
            for transition in &claim.pending_transitions {
                let _ = writeln!(
                    out,
                    "  {}",
                    words.text(
                        "cli.check.since_then",
                        &[
                            ("action", words.action(transition.action)),
                            ("at", words.instant(transition.at)),
                            ("status", words.status(transition.to)),
                        ]
                    )
                );
            }
            if let Some(deadline) = &claim.next_deadline {
                let _ = writeln!(
                    out,
                    "  {}",
                    words.text(
                        "cli.check.next_deadline",
                        &[("deadline", deadline_text(deadline, words))]
                    )
                );
            }
            if claim.status == Status::Draft {
                if claim.submit_problems.is_empty() {
                    let _ = writeln!(out, "  {}", words.key("cli.check.ready"));
                } else {
                    let _ = writeln!(
                        out,
                        "  {}",
                        words.word(
                            &Message::new("cli.check.before_submit")
                                .count(claim.submit_problems.len() as i64)
                        )
                    );
                    for problem in &claim.submit_problems {
                        let _ = writeln!(
                            out,
                            "    - {}: {}",
                            problem.field,
                            words.problem(&problem.kind)
                        );
                    }
                }
                let open: Vec<&ReadinessItem> = claim
                    .readiness
                    .iter()
                    .filter(|item| item.state == ReadinessState::Warning)
                    .collect();
                if !open.is_empty() {
                    let names: Vec<String> = open
                        .iter()
                        .map(|item| words.readiness_label(item.check))
                        .collect();
                    let _ = writeln!(
                        out,
                        "  {}",
                        words.text(
                            "cli.check.readiness_open",
                            &[
                                ("open", open.len().to_string()),
                                ("total", claim.readiness.len().to_string()),
                                ("checks", names.join("; ")),
                            ]
                        )
                    );
                }
            }
            for competition in self
                .competing_claims
                .iter()
                .filter(|competition| competition.claims[0].to_string() == claim.id)
            {
                let warning = words.word(&words.competition_message(competition, |id| {
                    self.claims
                        .iter()
                        .find(|claim| claim.id == id.to_string())
                        .map(|claim| claim.name.clone())
                }));
                let _ = writeln!(
                    out,
                    "  {}",
                    words.text("cli.check.competing", &[("warning", warning)])
                );
            }
        }

        let _ = writeln!(out);
        let mut summary =
            vec![words.word(&Message::new("cli.check.summary").count(self.summary.claims as i64))];
        if self.summary.drafts > 0 {
            summary.push(
                words.word(
                    &Message::new("cli.check.summary_drafts")
                        .arg("not_ready", self.summary.drafts_with_problems)
                        .count(self.summary.drafts as i64),
                ),
            );
        }
        if self.summary.competing_pairs > 0 {
            summary.push(words.word(
                &Message::new("cli.check.summary_pairs").count(self.summary.competing_pairs as i64),
            ));
        }
        let _ = writeln!(out, "{}", summary.join(" "));
        out
    }
}

fn deadline_text(deadline: &DeadlineReport, words: &Words) -> String {
    let day = deadline.due_local_date.as_ref().map_or_else(
        || words.instant(deadline.due),
        |date| words.text("cli.end_of_day", &[("date", date.clone())]),
    );
    let countdown = match (deadline.business_days, deadline.hours) {
        (Some(days), Some(hours)) => {
            let key = if deadline.overdue {
                "cli.countdown.overdue_by"
            } else {
                "cli.countdown.left"
            };
            Some(
                words.word(
                    &Message::new(key)
                        .arg(
                            "duration",
                            words.text("cli.duration.hours", &[("hours", hours.to_string())]),
                        )
                        .count(days),
                ),
            )
        }
        _ if deadline.overdue => Some(words.key("cli.countdown.overdue")),
        _ => None,
    };
    let clock = words.clock(deadline.clock);
    match countdown {
        Some(countdown) => words.text(
            "cli.check.deadline_countdown",
            &[("clock", clock), ("day", day), ("countdown", countdown)],
        ),
        None => words.text("cli.check.deadline", &[("clock", clock), ("day", day)]),
    }
}

//! `cpor check FILE`: validate an export file and show each claim's status, next
//! deadline and problems.
//!
//! Exit codes: 0 when the file is a valid export (even if some drafts are not ready to
//! submit: those are shown, not failures), 1 when it is not (every problem is printed
//! with its JSON path), 2 when it cannot be read at all (missing, a folder, larger than
//! an export can be: such a file is refused before it is read). Deadlines are evaluated at the
//! current time, in the file's own policy and calendar.

use std::path::Path;
use std::process::ExitCode;

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
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

/// Run the command on `file` at `now`; `json` prints one JSON object instead of text.
pub fn run(file: &Path, json: bool, now: Timestamp) -> Result<ExitCode, String> {
    let shown = file.display().to_string();
    let bytes = crate::file::read_export(file)?;
    let source_version = source_version(&bytes);
    let report = match export::parse_bytes(&bytes) {
        Ok(document) => valid_report(&shown, source_version, &document, now),
        Err(problems) => Report::invalid(&shown, problems),
    };
    if json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|error| format!("cannot write the JSON report: {error}"))?;
        println!("{text}");
    } else {
        print!("{}", report.text());
    }
    Ok(if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The format version the file declares, if it reads as JSON with one.
fn source_version(bytes: &[u8]) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("version")?.as_u64()
}

/// Everything `check` reports, as printed with `--json`.
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
    deadlines_unavailable: Option<String>,
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
    name: String,
    at: Timestamp,
    to: Status,
}

#[derive(Debug, Serialize)]
struct DeadlineReport {
    clock: String,
    name: String,
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
        Err(error) => (None, Some(error.to_string())),
    };
    let time_zone = TimeZone::get(&document.calendar.time_zone).ok();
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
                    name: entry.action.display_name().to_string(),
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
                        .map(|deadline| deadline_report(&deadline, rules, time_zone.as_ref(), now))
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

fn deadline_report(
    deadline: &Deadline,
    rules: &Rules,
    time_zone: Option<&TimeZone>,
    now: Timestamp,
) -> DeadlineReport {
    let remaining = deadline.remaining(now, rules.calendar());
    // The deadline is exclusive (the next day's 00:00): its last day is the day before.
    let due_local_date = time_zone.and_then(|zone| {
        let last_moment = deadline
            .due
            .checked_sub(SignedDuration::from_nanos(1))
            .ok()?;
        Some(last_moment.to_zoned(zone.clone()).date().to_string())
    });
    DeadlineReport {
        clock: deadline.kind.code().to_string(),
        name: deadline.kind.display_name().to_string(),
        due: deadline.due,
        due_local_date,
        overdue: remaining.is_some_and(|left| left.overdue) || now >= deadline.due,
        business_days: remaining.map(|left| left.business_days),
        hours: remaining.map(|left| left.duration.as_secs() / 3600),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Submitted => "Submitted",
        Status::UnderReview => "Under review",
        Status::PartnerActionRequired => "Partner action required",
        Status::Approved => "Approved",
        Status::Rejected => "Rejected",
        Status::Disputed => "Disputed",
    }
}

impl Report {
    fn text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        if !self.valid {
            let _ = writeln!(
                out,
                "{}: not a valid CPOR Desk export ({}):",
                self.file,
                plural(self.problems.len(), "problem", "problems")
            );
            for problem in &self.problems {
                let _ = writeln!(out, "  {}: {}", problem.path, problem.message);
            }
            let _ = writeln!(out, "Nothing in it can be imported until these are fixed.");
            return out;
        }

        let _ = write!(out, "{}: valid CPOR Desk export", self.file);
        if let (Some(exported_at), Some(app)) = (&self.exported_at, &self.app_version) {
            let _ = write!(out, ", exported {exported_at} by CPOR Desk {app}");
        }
        let _ = writeln!(out);
        if let Some(version) = self
            .source_version
            .filter(|v| *v < u64::from(FORMAT_VERSION))
        {
            let _ = writeln!(
                out,
                "Written in format version {version}; read through the migration to version {FORMAT_VERSION}."
            );
        }
        if let Some(reason) = &self.deadlines_unavailable {
            let _ = writeln!(out, "Deadlines cannot be computed: {reason}");
        }
        let _ = writeln!(
            out,
            "{}{}",
            plural(self.claims.len(), "claim", "claims"),
            self.time_zone
                .as_ref()
                .map(|zone| format!(" (deadlines in {zone})"))
                .unwrap_or_default()
        );

        for claim in &self.claims {
            let _ = writeln!(out);
            let name = if claim.name.is_empty() {
                "(no name)"
            } else {
                claim.name.as_str()
            };
            let archived = if claim.archived { " [archived]" } else { "" };
            let _ = writeln!(out, "{}  {name}{archived}", claim.short_id);
            let _ = writeln!(out, "  status: {}", status_name(claim.status));
            for transition in &claim.pending_transitions {
                let _ = writeln!(
                    out,
                    "  since then: {} at {} → {} (the app records this when it opens the claim)",
                    transition.name,
                    transition.at,
                    status_name(transition.to)
                );
            }
            if let Some(deadline) = &claim.next_deadline {
                let _ = writeln!(out, "  next deadline: {}", deadline_text(deadline));
            }
            if claim.status == Status::Draft {
                if claim.submit_problems.is_empty() {
                    let _ = writeln!(out, "  ready to submit");
                } else {
                    let _ = writeln!(
                        out,
                        "  {} before it can be submitted:",
                        plural(claim.submit_problems.len(), "problem", "problems")
                    );
                    for problem in &claim.submit_problems {
                        let _ = writeln!(out, "    - {}: {}", problem.field, problem.message);
                    }
                }
                let open: Vec<&ReadinessItem> = claim
                    .readiness
                    .iter()
                    .filter(|item| item.state == ReadinessState::Warning)
                    .collect();
                if !open.is_empty() {
                    let names: Vec<&str> =
                        open.iter().map(|item| item.check.display_name()).collect();
                    let _ = writeln!(
                        out,
                        "  PoE readiness: {} of {} checks open (warnings, not blockers): {}",
                        open.len(),
                        claim.readiness.len(),
                        names.join("; ")
                    );
                }
            }
            for competition in self
                .competing_claims
                .iter()
                .filter(|competition| competition.claims[0].to_string() == claim.id)
            {
                let _ = writeln!(out, "  ! competing claim: {}", competition.message);
            }
        }

        let _ = writeln!(out);
        let mut summary = format!(
            "The file is valid: {}",
            plural(self.summary.claims, "claim", "claims")
        );
        if self.summary.drafts > 0 {
            let _ = write!(
                summary,
                "; {} of {} not ready to submit yet",
                self.summary.drafts_with_problems,
                plural(self.summary.drafts, "draft", "drafts")
            );
        }
        if self.summary.competing_pairs > 0 {
            let _ = write!(
                summary,
                "; {} of competing claims",
                plural(self.summary.competing_pairs, "pair", "pairs")
            );
        }
        let _ = writeln!(out, "{summary}.");
        out
    }
}

fn deadline_text(deadline: &DeadlineReport) -> String {
    let day = deadline
        .due_local_date
        .as_ref()
        .map_or_else(|| deadline.due.to_string(), |date| format!("end of {date}"));
    let countdown = match (deadline.business_days, deadline.hours) {
        (Some(days), Some(hours)) if deadline.overdue => {
            format!("overdue by {} ({hours} h)", plural_days(days))
        }
        (Some(days), Some(hours)) => format!("{} left ({hours} h)", plural_days(days)),
        _ if deadline.overdue => "overdue".to_string(),
        _ => String::new(),
    };
    if countdown.is_empty() {
        format!("{}, due {day}", deadline.name)
    } else {
        format!("{}, due {day}: {countdown}", deadline.name)
    }
}

fn plural_days(days: i64) -> String {
    if days == 1 {
        "1 business day".to_string()
    } else {
        format!("{days} business days")
    }
}

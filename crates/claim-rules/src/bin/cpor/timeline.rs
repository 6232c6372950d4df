//! `cpor timeline FILE --claim ID`: one claim's history and clocks, evaluated now.
//!
//! The claim is found by its full UUID or a unique prefix. System transitions that are
//! due now (but not yet in the file) are applied for the display and marked; nothing is
//! written back.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use claim_rules::deadlines::{deadlines, ClockState, Deadline, Remaining, Rules};
use claim_rules::export;
use claim_rules::history::{EventDetail, HistoryEntry};
use claim_rules::lifecycle::{advance, phase};
use claim_rules::model::Claim;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use crate::catalogue::{Catalogue, Message};
use crate::wording::Words;

/// Run the command, evaluating the clocks at `now`.
pub fn run_at(
    file: &Path,
    query: &str,
    json: bool,
    now: Timestamp,
    catalogue: &Catalogue,
) -> Result<ExitCode, String> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|error| {
        catalogue.text(
            "cli.error.cannot_read",
            &[("file", shown.clone()), ("error", error.to_string())],
        )
    })?;
    let document = export::parse(&text).map_err(|problems| {
        let words = Words {
            catalogue: catalogue.clone(),
            zone: jiff::tz::TimeZone::UTC,
        };
        let mut message = words.word(
            &Message::new("cli.error.not_valid")
                .arg("file", &shown)
                .count(problems.len() as i64),
        );
        for problem in &problems {
            let _ = write!(
                message,
                "\n  {}: {}",
                problem.path,
                words.word(&words.import_problem_message(&problem.kind))
            );
        }
        message
    })?;
    let rules = Rules::new(document.policy()).map_err(|error| {
        let words = Words {
            catalogue: catalogue.clone(),
            zone: jiff::tz::TimeZone::UTC,
        };
        catalogue.text(
            "cli.error.calendar_invalid",
            &[
                ("file", shown.clone()),
                ("reason", words.word(&words.calendar_error_message(&error))),
            ],
        )
    })?;
    let stored = find_claim(&document.claims, query, &shown, catalogue)?;
    let claim = advance(stored, now, &rules);
    let output = if json {
        render_json(stored, &claim, &rules, now)
    } else {
        let words = Words {
            catalogue: catalogue.clone(),
            zone: rules.calendar().time_zone().clone(),
        };
        render_text(stored, &claim, &rules, now, &words)
    };
    print!("{output}");
    Ok(ExitCode::SUCCESS)
}

/// The claim whose ID is `query` or starts with it (hyphens optional, any case).
fn find_claim<'a>(
    claims: &'a [Claim],
    query: &str,
    file: &str,
    catalogue: &Catalogue,
) -> Result<&'a Claim, String> {
    let wanted: String = query
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if wanted.is_empty() || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(catalogue.text("cli.error.claim_query", &[("query", query.to_string())]));
    }
    let matches: Vec<&Claim> = claims
        .iter()
        .filter(|claim| claim.id.simple().to_string().starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [claim] => Ok(claim),
        [] => Err(catalogue.word(
            &Message::new("cli.error.no_match")
                .arg("file", file)
                .arg("query", query)
                .count(claims.len() as i64),
        )),
        several => Err(catalogue.text(
            "cli.error.several_match",
            &[
                ("query", query.to_string()),
                ("file", file.to_string()),
                ("count", several.len().to_string()),
                (
                    "ids",
                    several
                        .iter()
                        .map(|claim| claim.id.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        )),
    }
}

fn status_text(entry: &HistoryEntry, words: &Words) -> String {
    match entry.from {
        Some(from) if from == entry.to => words.status(entry.to),
        Some(from) => format!("{} → {}", words.status(from), words.status(entry.to)),
        None => format!("→ {}", words.status(entry.to)),
    }
}

/// "3 d 12 h", "5 h 20 min", "45 min".
fn human_duration(duration: SignedDuration, words: &Words) -> String {
    let minutes = duration.as_secs().unsigned_abs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    if days > 0 {
        words.text(
            "cli.duration.days_hours",
            &[("days", days.to_string()), ("hours", hours.to_string())],
        )
    } else if hours > 0 {
        words.text(
            "cli.duration.hours_minutes",
            &[
                ("hours", hours.to_string()),
                ("minutes", minutes.to_string()),
            ],
        )
    } else {
        words.text("cli.duration.minutes", &[("minutes", minutes.to_string())])
    }
}

fn remaining_text(remaining: &Remaining, words: &Words) -> String {
    let key = if remaining.overdue {
        "cli.countdown.overdue_by"
    } else {
        "cli.countdown.left"
    };
    words.word(
        &Message::new(key)
            .arg("duration", human_duration(remaining.duration, words))
            .count(remaining.business_days),
    )
}

fn state_text(clock: &Deadline, rules: &Rules, now: Timestamp, words: &Words) -> String {
    let remaining = clock.remaining(now, rules.calendar());
    let countdown = remaining
        .as_ref()
        .map(|left| remaining_text(left, words))
        .unwrap_or_default();
    let state = clock.state(now);
    let key = format!("cli.state.{}", state.code());
    match state {
        ClockState::Running => words.text(&key, &[("countdown", countdown)]),
        ClockState::Paused { since } => words.text(
            &key,
            &[("since", words.instant(since)), ("countdown", countdown)],
        ),
        ClockState::Overdue { .. } => countdown,
        ClockState::Met { at } | ClockState::Missed { at, .. } | ClockState::Closed { at } => {
            words.text(&key, &[("at", words.instant(at))])
        }
        ClockState::Stopped { at, by } => {
            words.text(&key, &[("at", words.instant(at)), ("by", words.action(by))])
        }
    }
}

/// A changed value for a history line: PoE documents by their file name, the rest as
/// JSON.
fn short_value(value: &serde_json::Value, words: &Words) -> String {
    match value.get("file_name") {
        Some(serde_json::Value::String(name)) => {
            words.text("cli.timeline.poe_value", &[("name", name.clone())])
        }
        _ => value.to_string(),
    }
}

fn detail_lines(detail: &EventDetail, words: &Words) -> Vec<String> {
    match detail {
        EventDetail::InformationRequest {
            reasons,
            products_to_remove,
        } => {
            let reasons = reasons
                .iter()
                .map(|reason| words.information_reason(*reason))
                .collect::<Vec<_>>()
                .join(", ");
            let mut lines = vec![words.text("cli.timeline.reasons", &[("reasons", reasons)])];
            if !products_to_remove.is_empty() {
                let products = products_to_remove
                    .iter()
                    .map(|product| product.display_name())
                    .collect::<Vec<_>>()
                    .join(", ");
                lines.push(words.text("cli.timeline.remove_products", &[("products", products)]));
            }
            lines
        }
        EventDetail::Rejection { reason } => vec![words.text(
            "cli.timeline.reason",
            &[("reason", words.rejection_reason(reason))],
        )],
        EventDetail::Dispute { poe_added, .. } if poe_added.is_empty() => Vec::new(),
        EventDetail::Dispute { poe_added, .. } => {
            vec![words.word(&Message::new("cli.timeline.dispute_poe").count(poe_added.len() as i64))]
        }
        EventDetail::Link { claim } => {
            vec![words.text("cli.timeline.linked", &[("id", claim.to_string())])]
        }
    }
}

fn render_text(
    stored: &Claim,
    claim: &Claim,
    rules: &Rules,
    now: Timestamp,
    words: &Words,
) -> String {
    let mut out = String::new();
    let phase = phase(claim, now, rules);
    let _ = writeln!(
        out,
        "{}",
        words.text(
            "cli.timeline.title",
            &[
                ("id", claim.id.to_string()),
                ("name", claim.fields.name.clone())
            ]
        )
    );
    let status = match words.phase_detail_message(&phase) {
        Some(detail) => words.text(
            "cli.timeline.status_detail",
            &[
                ("phase", words.phase(&phase)),
                ("detail", words.word(&detail)),
            ],
        ),
        None => words.text("cli.timeline.status", &[("phase", words.phase(&phase))]),
    };
    let _ = writeln!(out, "{status}");
    let revision_key = if claim.archived {
        "cli.timeline.revision_archived"
    } else {
        "cli.timeline.revision"
    };
    let _ = writeln!(
        out,
        "{}",
        words.text(
            revision_key,
            &[
                ("revision", claim.revision.to_string()),
                ("created", words.instant(claim.created_at)),
                ("updated", words.instant(claim.updated_at)),
            ]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        words.text("cli.timeline.evaluated", &[("at", words.instant(now))])
    );
    let _ = writeln!(out, "\n{}", words.key("cli.timeline.history"));
    for (index, entry) in claim.history.iter().enumerate() {
        let _ = write!(
            out,
            "  {}  {:<8}  {:<34}  {}",
            words.instant(entry.at),
            words.actor(entry.actor),
            words.action(entry.action),
            status_text(entry, words)
        );
        if index >= stored.history.len() {
            let _ = write!(out, "  {}", words.key("cli.timeline.due_now"));
        }
        out.push('\n');
        if entry.recorded_at != entry.at {
            let _ = writeln!(
                out,
                "      {}",
                words.text(
                    "cli.timeline.recorded",
                    &[("at", words.instant(entry.recorded_at))]
                )
            );
        }
        for change in &entry.changes {
            let _ = writeln!(
                out,
                "      {}: {} → {}",
                change.field,
                short_value(&change.old, words),
                short_value(&change.new, words)
            );
        }
        if !entry.comment.is_empty() {
            let _ = writeln!(
                out,
                "      {}",
                words.text("cli.timeline.comment", &[("text", entry.comment.clone())])
            );
        }
        for line in entry
            .detail
            .iter()
            .flat_map(|detail| detail_lines(detail, words))
        {
            let _ = writeln!(out, "      {line}");
        }
    }
    let _ = writeln!(out, "\n{}", words.key("cli.timeline.clocks"));
    let clocks = deadlines(claim, rules);
    if clocks.is_empty() {
        let _ = writeln!(out, "  {}", words.key("cli.timeline.no_clocks"));
    }
    for clock in &clocks {
        let _ = writeln!(
            out,
            "  {:<24}  {}",
            words.clock(clock.kind),
            words.text(
                "cli.timeline.clock",
                &[
                    ("started", words.instant(clock.started_at)),
                    ("due", words.instant(clock.due)),
                    ("state", state_text(clock, rules, now, words)),
                ]
            )
        );
    }
    out
}

fn render_json(stored: &Claim, claim: &Claim, rules: &Rules, now: Timestamp) -> String {
    let clocks: Vec<serde_json::Value> = deadlines(claim, rules)
        .iter()
        .map(|clock| {
            json!({
                "kind": clock.kind,
                "started_at": clock.started_at,
                "started_by": clock.started_by,
                "due": clock.due,
                "last_day": clock.last_day(rules.calendar()),
                "state": clock.state(now),
                "remaining": clock.remaining(now, rules.calendar()),
                "end": clock.end,
                "pauses": clock.pauses,
            })
        })
        .collect();
    let value = json!({
        "claim": claim.id,
        "name": claim.fields.name,
        "status": claim.status,
        "phase": phase(claim, now, rules),
        "evaluated_at": now,
        "history": claim.history,
        "applied_now": claim.history.len().saturating_sub(stored.history.len()),
        "clocks": clocks,
    });
    match serde_json::to_string_pretty(&value) {
        Ok(text) => format!("{text}\n"),
        Err(error) => format!("{{\"error\": \"{error}\"}}\n"),
    }
}

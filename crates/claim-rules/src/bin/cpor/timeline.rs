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
use claim_rules::lifecycle::{advance, phase, Phase};
use claim_rules::model::{Actor, Claim};
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

/// Run the command, evaluating the clocks at `now`.
pub fn run_at(file: &Path, query: &str, json: bool, now: Timestamp) -> Result<ExitCode, String> {
    let bytes = crate::file::read_export(file)?;
    let document = export::parse_bytes(&bytes).map_err(|problems| {
        let mut message = format!(
            "{} is not a valid cpor-desk export ({} problem{}):",
            file.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        for problem in &problems {
            let _ = write!(message, "\n  {}: {}", problem.path, problem.message);
        }
        message
    })?;
    let rules = Rules::new(document.policy())
        .map_err(|error| format!("the calendar in {} is not valid: {error}", file.display()))?;
    let stored = find_claim(&document.claims, query, file)?;
    let claim = advance(stored, now, &rules);
    let output = if json {
        render_json(stored, &claim, &rules, now)
    } else {
        render_text(stored, &claim, &rules, now)
    };
    print!("{output}");
    Ok(ExitCode::SUCCESS)
}

/// The claim whose ID is `query` or starts with it (hyphens optional, any case).
fn find_claim<'a>(claims: &'a [Claim], query: &str, file: &Path) -> Result<&'a Claim, String> {
    let wanted: String = query
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if wanted.is_empty() || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "--claim \"{query}\" is not a claim ID: give the UUID or its first characters \
             (hex digits), for example 6c1b7c40"
        ));
    }
    let matches: Vec<&Claim> = claims
        .iter()
        .filter(|claim| claim.id.simple().to_string().starts_with(&wanted))
        .collect();
    match matches.as_slice() {
        [claim] => Ok(claim),
        [] => Err(format!(
            "no claim in {} has an ID starting with \"{query}\" ({} claim{} in the file)",
            file.display(),
            claims.len(),
            if claims.len() == 1 { "" } else { "s" }
        )),
        several => Err(format!(
            "\"{query}\" matches {} claims in {}: {}; give more characters of the ID",
            several.len(),
            file.display(),
            several
                .iter()
                .map(|claim| claim.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn local(rules: &Rules, at: Timestamp) -> String {
    if at == Timestamp::MAX {
        return "never".to_string();
    }
    at.to_zoned(rules.calendar().time_zone().clone())
        .strftime("%Y-%m-%d %H:%M %Z")
        .to_string()
}

fn actor_name(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "Partner",
        Actor::Reviewer => "Reviewer",
        Actor::Customer => "Customer",
        Actor::System => "System",
    }
}

fn status_text(entry: &HistoryEntry) -> String {
    match entry.from {
        Some(from) if from == entry.to => format!("{:?}", entry.to),
        Some(from) => format!("{from:?} → {:?}", entry.to),
        None => format!("→ {:?}", entry.to),
    }
}

/// "3 d 12 h", "5 h 20 min", "45 min".
fn human_duration(duration: SignedDuration) -> String {
    let minutes = duration.as_secs().unsigned_abs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    if days > 0 {
        format!("{days} d {hours} h")
    } else if hours > 0 {
        format!("{hours} h {minutes} min")
    } else {
        format!("{minutes} min")
    }
}

fn remaining_text(remaining: &Remaining) -> String {
    let days = remaining.business_days;
    let plural = if days.abs() == 1 { "" } else { "s" };
    if remaining.overdue {
        format!(
            "overdue by {days} business day{plural} ({})",
            human_duration(remaining.duration)
        )
    } else {
        format!(
            "{days} business day{plural} left ({})",
            human_duration(remaining.duration)
        )
    }
}

fn state_text(clock: &Deadline, rules: &Rules, now: Timestamp) -> String {
    let remaining = clock.remaining(now, rules.calendar());
    let countdown = remaining.as_ref().map(remaining_text).unwrap_or_default();
    match clock.state(now) {
        ClockState::Running => format!("running, {countdown}"),
        ClockState::Paused { since } => format!(
            "paused since {} (partner action required); if resumed now: {countdown}",
            local(rules, since)
        ),
        ClockState::Overdue { .. } => countdown,
        ClockState::Met { at } => format!("met at {}", local(rules, at)),
        ClockState::Missed { at, .. } => {
            format!("missed: done at {}, after the deadline", local(rules, at))
        }
        ClockState::Closed { at } => format!("closed at {}", local(rules, at)),
        ClockState::Stopped { at, by } => {
            format!("stopped at {} by {}", local(rules, at), by.display_name())
        }
    }
}

/// A changed value for a history line: PoE documents by their file name, the rest as
/// JSON.
fn short_value(value: &serde_json::Value) -> String {
    match value.get("file_name") {
        Some(serde_json::Value::String(name)) => format!("PoE \"{name}\""),
        _ => value.to_string(),
    }
}

fn detail_lines(detail: &EventDetail) -> Vec<String> {
    match detail {
        EventDetail::InformationRequest {
            reasons,
            products_to_remove,
        } => {
            let mut lines = vec![format!(
                "reasons: {}",
                reasons
                    .iter()
                    .map(|reason| reason.display_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            )];
            if !products_to_remove.is_empty() {
                lines.push(format!(
                    "remove products: {}",
                    products_to_remove
                        .iter()
                        .map(|product| product.display_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            lines
        }
        EventDetail::Rejection { reason } => vec![format!("reason: {}", reason.description())],
        EventDetail::Dispute { poe_added, .. } if poe_added.is_empty() => Vec::new(),
        EventDetail::Dispute { poe_added, .. } => {
            vec![format!("PoE added with the dispute: {}", poe_added.len())]
        }
        EventDetail::Link { claim } => vec![format!("linked claim: {claim}")],
    }
}

fn phase_text(phase: &Phase, rules: &Rules) -> String {
    match phase {
        Phase::PartnerActionRequired {
            respond_by: Some(due),
        } => format!(
            "{} (respond by {})",
            phase.display_name(),
            local(rules, *due)
        ),
        Phase::ConsentPeriod { until } => {
            format!("{} (until {})", phase.display_name(), local(rules, *until))
        }
        Phase::Official { since: Some(since) } => {
            format!("{} (since {})", phase.display_name(), local(rules, *since))
        }
        Phase::Rejected {
            reason,
            disputable_until,
        } => {
            let mut text = phase.display_name().to_string();
            if let Some(reason) = reason {
                let _ = write!(text, ": {}", reason.description());
            }
            match disputable_until {
                Some(until) => {
                    let _ = write!(text, " (can be disputed until {})", local(rules, *until));
                }
                None => text.push_str(" (final)"),
            }
            text
        }
        Phase::Draft
        | Phase::AwaitingReview
        | Phase::UnderReview
        | Phase::PartnerActionRequired { respond_by: None }
        | Phase::Official { since: None }
        | Phase::Disputed => phase.display_name().to_string(),
    }
}

fn render_text(stored: &Claim, claim: &Claim, rules: &Rules, now: Timestamp) -> String {
    let mut out = String::new();
    let phase = phase(claim, now, rules);
    let _ = writeln!(out, "Claim {}  \"{}\"", claim.id, claim.fields.name);
    let _ = writeln!(out, "Status: {}", phase_text(&phase, rules));
    let _ = writeln!(
        out,
        "Revision {}; created {}; updated {}{}",
        claim.revision,
        local(rules, claim.created_at),
        local(rules, claim.updated_at),
        if claim.archived { "; archived" } else { "" }
    );
    let _ = writeln!(out, "Evaluated at {}", local(rules, now));
    let _ = writeln!(out, "\nHistory");
    for (index, entry) in claim.history.iter().enumerate() {
        let _ = write!(
            out,
            "  {}  {:<8}  {:<34}  {}",
            local(rules, entry.at),
            actor_name(entry.actor),
            entry.action.display_name(),
            status_text(entry)
        );
        if index >= stored.history.len() {
            out.push_str("  [due now, not yet in the file]");
        }
        out.push('\n');
        if entry.recorded_at != entry.at {
            let _ = writeln!(out, "      recorded {}", local(rules, entry.recorded_at));
        }
        for change in &entry.changes {
            let _ = writeln!(
                out,
                "      {}: {} → {}",
                change.field,
                short_value(&change.old),
                short_value(&change.new)
            );
        }
        if !entry.comment.is_empty() {
            let _ = writeln!(out, "      comment: {}", entry.comment);
        }
        for line in entry.detail.iter().flat_map(detail_lines) {
            let _ = writeln!(out, "      {line}");
        }
    }
    let _ = writeln!(out, "\nClocks");
    let clocks = deadlines(claim, rules);
    if clocks.is_empty() {
        let _ = writeln!(out, "  none (clocks start at submission)");
    }
    for clock in &clocks {
        let _ = writeln!(
            out,
            "  {:<16}  started {}  due {}  {}",
            clock.kind.display_name(),
            local(rules, clock.started_at),
            local(rules, clock.due),
            state_text(clock, rules, now)
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

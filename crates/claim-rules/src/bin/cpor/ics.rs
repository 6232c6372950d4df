//! `cpor ics FILE [--claim ID]`: the running deadlines of an export file as an iCalendar
//! file (RFC 5545) for Outlook, Google Calendar and others.
//!
//! Events come from `claim_rules::ics`; this module only words them. The English words
//! live in one place, [`english`], until the CLI renders them from the app's catalogue.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claim_rules::deadlines::{ClockKind, Rules};
use claim_rules::export;
use claim_rules::ics::{
    claim_events, running_events, write_ics, AtExpiry, DeadlineEvent, WordedEvent,
};
use claim_rules::model::Claim;
use jiff::Timestamp;

use crate::timeline::find_claim;

/// Arguments of `cpor ics`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The export file (JSON, format "cpor-desk").
    pub file: PathBuf,
    /// Only this claim (a UUID, or a unique prefix of one); default: every claim that is
    /// not archived.
    #[arg(long)]
    pub claim: Option<String>,
    /// Write the calendar to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// List the deadlines running at this instant (RFC 3339) instead of now; it is also
    /// the file's DTSTAMP.
    #[arg(long)]
    pub now: Option<Timestamp>,
}

/// Run the command. `json` is refused: the output is iCalendar.
pub fn run(args: &Args, json: bool) -> Result<ExitCode, String> {
    if json {
        return Err("--json does not apply to cpor ics: it writes iCalendar (RFC 5545)".into());
    }
    let now = args.now.unwrap_or_else(Timestamp::now);
    let text = std::fs::read_to_string(&args.file)
        .map_err(|error| format!("cannot read {}: {error}", args.file.display()))?;
    let document = export::parse(&text).map_err(|problems| {
        let mut message = format!(
            "{} is not a valid cpor-desk export ({} problem{}):",
            args.file.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        for problem in &problems {
            message.push_str(&format!("\n  {}: {}", problem.path, problem.message));
        }
        message
    })?;
    let rules = Rules::new(document.policy()).map_err(|error| {
        format!(
            "the calendar in {} is not valid: {error}",
            args.file.display()
        )
    })?;
    let (name, events): (String, Vec<(&Claim, DeadlineEvent)>) = match &args.claim {
        Some(query) => {
            let claim = find_claim(&document.claims, query, &args.file)?;
            let events = claim_events(claim, &rules, now);
            (
                english::calendar_name(Some(claim)),
                events.into_iter().map(|event| (claim, event)).collect(),
            )
        }
        None => (
            english::calendar_name(None),
            running_events(&document.claims, &rules, now),
        ),
    };
    let worded: Vec<WordedEvent> = events
        .into_iter()
        .map(|(claim, event)| {
            let (summary, description) = english::words(claim, &event, &rules);
            WordedEvent {
                event,
                summary,
                description,
            }
        })
        .collect();
    let count = worded.len();
    let ics = write_ics(&name, rules.calendar().time_zone(), now, &worded);
    match &args.output {
        Some(path) => {
            write(path, &ics)?;
            eprintln!(
                "cpor: wrote {count} running deadline{} to {}",
                if count == 1 { "" } else { "s" },
                path.display()
            );
        }
        None => print!("{ics}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Every English word of `cpor ics`, in one place.
mod english {
    use super::*;

    /// The calendar's name: the claim's for one claim, else all deadlines.
    pub fn calendar_name(claim: Option<&Claim>) -> String {
        match claim {
            Some(claim) => format!("CPOR deadlines: {}", claim_name(claim)),
            None => "CPOR deadlines".to_string(),
        }
    }

    fn claim_name(claim: &Claim) -> String {
        let name = claim.fields.name.trim();
        if name.is_empty() {
            "(unnamed claim)".to_string()
        } else {
            name.to_string()
        }
    }

    /// The event's title and description.
    pub fn words(claim: &Claim, event: &DeadlineEvent, rules: &Rules) -> (String, String) {
        let name = claim_name(claim);
        let summary = match event.clock {
            ClockKind::ReviewStart => format!("{name}: review should start"),
            ClockKind::ReviewDecision => format!("{name}: review decision due"),
            ClockKind::PartnerResponse => format!("{name}: respond to the information request"),
            ClockKind::CustomerConsent => format!("{name}: customer consent period ends"),
            ClockKind::DisputeWindow => format!("{name}: last day to dispute the rejection"),
            ClockKind::DisputeReview => format!("{name}: dispute decision due"),
            ClockKind::DecisionTarget => format!("{name}: decision target"),
        };
        let who = match event.clock {
            ClockKind::ReviewStart => "A Microsoft reviewer is expected to start the review.",
            ClockKind::ReviewDecision => {
                "A Microsoft reviewer is expected to approve, reject or ask for more information."
            }
            ClockKind::PartnerResponse => {
                "You must respond to the information request in Partner Center."
            }
            ClockKind::CustomerConsent => "The customer can still decline the association.",
            ClockKind::DisputeWindow => "You can dispute the rejection in Partner Center.",
            ClockKind::DisputeReview => "A Microsoft reviewer is expected to decide the dispute.",
            ClockKind::DecisionTarget => "A Microsoft reviewer is expected to decide the claim.",
        };
        let at_expiry = match event.at_expiry {
            AtExpiry::FlaggedOverdue => {
                "If the deadline passes, the claim is flagged overdue (Microsoft is late); nothing else changes."
            }
            AtExpiry::RejectedNoPartnerResponse => {
                "If you have not responded by then, the claim is rejected automatically (no partner response)."
            }
            AtExpiry::AssociationOfficial => {
                "When the period ends, the association is official and the claim goes to incentive eligibility evaluation."
            }
            AtExpiry::DisputeNoLongerPossible => {
                "After the deadline the rejection can no longer be disputed."
            }
        };
        let zone = rules.calendar().time_zone();
        let last_day = event
            .due
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .unwrap_or(event.due)
            .to_zoned(zone.clone());
        let deadline = format!(
            "Deadline: end of {} ({}).",
            last_day.strftime("%a %Y-%m-%d"),
            zone.iana_name().unwrap_or("UTC")
        );
        let domain = claim.fields.customer_domain.trim();
        let claim_line = if domain.is_empty() {
            format!("Claim {}.", claim.id)
        } else {
            format!("Claim {} ({domain}).", claim.id)
        };
        (
            summary,
            format!("{who}\n{at_expiry}\n{deadline}\n{claim_line}"),
        )
    }
}

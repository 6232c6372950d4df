//! `cpor ics FILE [--claim ID]`: the running deadlines of an export file as an iCalendar
//! file (RFC 5545) for Outlook, Google Calendar and others.
//!
//! Events come from `claim_rules::ics`; this module only words them, from the
//! `calendar_file` section of the catalogue (the app's calendar download uses the same).

use std::path::PathBuf;
use std::process::ExitCode;

use claim_rules::deadlines::Rules;
use claim_rules::ics::{claim_events, running_events, write_ics, DeadlineEvent, WordedEvent};
use claim_rules::model::Claim;
use jiff::Timestamp;

use crate::catalogue::{Catalogue, Message};
use crate::timeline::{find_claim, load};

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
pub fn run(args: &Args, json: bool, catalogue: &Catalogue) -> Result<ExitCode, String> {
    if json {
        return Err(catalogue.text("cli.ics.no_json", &[]));
    }
    let now = args.now.unwrap_or_else(Timestamp::now);
    let (document, rules, shown) = load(&args.file, catalogue)?;
    let (name, events): (String, Vec<(&Claim, DeadlineEvent)>) = match &args.claim {
        Some(query) => {
            let claim = find_claim(&document.claims, query, &shown, catalogue)?;
            let events = claim_events(claim, &rules, now);
            (
                catalogue.text(
                    "calendar_file.name_claim",
                    &[("claim", claim_name(claim, catalogue))],
                ),
                events.into_iter().map(|event| (claim, event)).collect(),
            )
        }
        None => (
            catalogue.text("calendar_file.name_all", &[]),
            running_events(&document.claims, &rules, now),
        ),
    };
    let worded: Vec<WordedEvent> = events
        .into_iter()
        .map(|(claim, event)| {
            let (summary, description) = event_words(claim, &event, &rules, catalogue);
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
            std::fs::write(path, &ics).map_err(|error| {
                catalogue.text(
                    "cli.ics.cannot_write",
                    &[
                        ("file", path.display().to_string()),
                        ("error", error.to_string()),
                    ],
                )
            })?;
            let wrote = Message::new("cli.ics.wrote")
                .arg("file", path.display())
                .count(count as i64);
            eprintln!("cpor: {}", catalogue.word(&wrote));
        }
        None => print!("{ics}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The claim's name, or the catalogue's word for a claim without one.
fn claim_name(claim: &Claim, catalogue: &Catalogue) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        catalogue.text("calendar_file.unnamed", &[])
    } else {
        name.to_string()
    }
}

/// The event's title and description (the same keys the app's calendar download uses).
fn event_words(
    claim: &Claim,
    event: &DeadlineEvent,
    rules: &Rules,
    catalogue: &Catalogue,
) -> (String, String) {
    let clock = event.clock.code();
    let summary = catalogue.text(
        &format!("calendar_file.summary.{clock}"),
        &[("claim", claim_name(claim, catalogue))],
    );
    let zone = rules.calendar().time_zone();
    let last_day = event
        .due
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .unwrap_or(event.due)
        .to_zoned(zone.clone());
    let domain = claim.fields.customer_domain.trim();
    let id = ("id", claim.id.to_string());
    let claim_line = if domain.is_empty() {
        catalogue.text("calendar_file.claim_line", &[id])
    } else {
        catalogue.text(
            "calendar_file.claim_line_domain",
            &[id, ("domain", domain.to_string())],
        )
    };
    let lines = [
        catalogue.text(&format!("calendar_file.who.{clock}"), &[]),
        catalogue.text(
            &format!("calendar_file.at_expiry.{}", event.at_expiry.code()),
            &[],
        ),
        catalogue.text(
            "calendar_file.deadline",
            &[
                ("day", last_day.strftime("%a %Y-%m-%d").to_string()),
                ("zone", zone.iana_name().unwrap_or("UTC").to_string()),
            ],
        ),
        claim_line,
    ];
    (summary, lines.join("\n"))
}

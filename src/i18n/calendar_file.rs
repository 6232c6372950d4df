//! Texts of the calendar files (.ics): the download buttons on the claim page and the
//! dashboard, and the words of each event (title and description). The rules say what
//! is due, who acts and what happens at expiry (`claim_rules::ics`); these say it.

use claim_rules::deadlines::ClockKind;
use claim_rules::ics::{AtExpiry, DeadlineEvent};
use claim_rules::model::Claim;

use super::claim::due_text;
use super::{I18n, Locale, Text, Translate};

/// Fixed texts of the calendar downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarFileText {
    /// The claim page's button.
    DownloadClaim,
    /// Under the claim page's button.
    DownloadClaimHint,
    /// The dashboard's button.
    DownloadAll,
    /// Under the dashboard's button.
    DownloadAllHint,
    /// Before the browser's reason when the file could not be offered.
    DownloadFailed,
    /// The calendar's name in a file of every claim's deadlines.
    CalendarNameAll,
    /// After a click, when no deadline is running (only paused or overdue ones).
    NothingRunning,
}

impl Translate for CalendarFileText {
    fn en(self) -> &'static str {
        match self {
            CalendarFileText::DownloadClaim => "Add deadlines to calendar (.ics)",
            CalendarFileText::DownloadClaimHint => "For Outlook, Google Calendar or any calendar app, with a reminder one business day before each deadline. Import a newer file after a change: the events are updated, not doubled.",
            CalendarFileText::DownloadAll => "All running deadlines (.ics)",
            CalendarFileText::DownloadAllHint => "Every running deadline of your claims as one calendar file, with reminders.",
            CalendarFileText::DownloadFailed => "The calendar file could not be offered for download:",
            CalendarFileText::CalendarNameAll => "CPOR Desk deadlines",
            CalendarFileText::NothingRunning => "No deadline is running right now: paused and overdue ones have no date ahead to put in a calendar.",
        }
    }
}

/// The calendar's name in a file of one claim's deadlines.
pub fn calendar_name_for_claim(i18n: &I18n, claim: &Claim) -> String {
    match i18n.locale() {
        Locale::En => format!("CPOR Desk: {}", claim_name(i18n, claim)),
    }
}

fn claim_name(i18n: &I18n, claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        i18n.t(Text::Unnamed).to_string()
    } else {
        name.to_string()
    }
}

/// An event's title: the claim's name and what is due.
pub fn event_summary(i18n: &I18n, claim: &Claim, clock: ClockKind) -> String {
    let name = claim_name(i18n, claim);
    match i18n.locale() {
        Locale::En => match clock {
            ClockKind::ReviewStart => format!("{name}: review should start"),
            ClockKind::ReviewDecision => format!("{name}: review decision due"),
            ClockKind::PartnerResponse => format!("{name}: respond to the information request"),
            ClockKind::CustomerConsent => format!("{name}: customer consent period ends"),
            ClockKind::DisputeWindow => format!("{name}: last day to dispute the rejection"),
            ClockKind::DisputeReview => format!("{name}: dispute decision due"),
            ClockKind::DecisionTarget => format!("{name}: decision target"),
        },
    }
}

/// Who is expected to act before the deadline, as a sentence.
fn who_acts(i18n: &I18n, clock: ClockKind) -> &'static str {
    match i18n.locale() {
        Locale::En => match clock {
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
        },
    }
}

/// What happens at the deadline, as a sentence.
fn at_expiry(i18n: &I18n, expiry: AtExpiry) -> &'static str {
    match i18n.locale() {
        Locale::En => match expiry {
            AtExpiry::FlaggedOverdue => "If the deadline passes, the claim is flagged overdue (Microsoft is late); nothing else changes.",
            AtExpiry::RejectedNoPartnerResponse => "If you have not responded by then, the claim is rejected automatically (no partner response).",
            AtExpiry::AssociationOfficial => "When the period ends, the association is official and the claim goes to incentive eligibility evaluation.",
            AtExpiry::DisputeNoLongerPossible => "After the deadline the rejection can no longer be disputed.",
        },
    }
}

/// An event's description: who acts, what happens at expiry, the deadline in the
/// calendar's zone and which claim; one sentence per line.
pub fn event_description(
    i18n: &I18n,
    claim: &Claim,
    event: &DeadlineEvent,
    time_zone: &str,
) -> String {
    let due = due_text(i18n, event.due, time_zone);
    let domain = claim.fields.customer_domain.trim();
    match i18n.locale() {
        Locale::En => {
            let claim_line = if domain.is_empty() {
                format!("Claim {}.", claim.id)
            } else {
                format!("Claim {} ({domain}).", claim.id)
            };
            [
                who_acts(i18n, event.clock).to_string(),
                at_expiry(i18n, event.at_expiry).to_string(),
                format!("{due} ({time_zone})."),
                claim_line,
            ]
            .join("\n")
        }
    }
}

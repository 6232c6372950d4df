//! Words of the calendar files (.ics): each event's title and description, and the
//! calendar's name. The rules say what is due, who acts and what happens at expiry
//! (`claim_rules::ics`); these say it, from the `calendar_file` section of the
//! catalogues (the `cpor ics` tool words its files from the same English keys).

use claim_rules::deadlines::ClockKind;
use claim_rules::ics::{AtExpiry, DeadlineEvent};
use claim_rules::model::Claim;

use super::time::end_of_day_view;
use super::{tr, I18n};

/// The calendar's name in a file of one claim's deadlines.
pub fn calendar_name_for_claim(i18n: &I18n, claim: &Claim) -> String {
    tr!(
        i18n,
        calendar_file.name_claim,
        claim = claim_name(i18n, claim)
    )
}

fn claim_name(i18n: &I18n, claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        tr!(i18n, calendar_file.unnamed)
    } else {
        name.to_string()
    }
}

/// An event's title: the claim's name and what is due.
pub fn event_summary(i18n: &I18n, claim: &Claim, clock: ClockKind) -> String {
    let claim = claim_name(i18n, claim);
    match clock {
        ClockKind::ReviewStart => tr!(i18n, calendar_file.summary.review_start, claim = claim),
        ClockKind::ReviewDecision => {
            tr!(i18n, calendar_file.summary.review_decision, claim = claim)
        }
        ClockKind::PartnerResponse => {
            tr!(i18n, calendar_file.summary.partner_response, claim = claim)
        }
        ClockKind::CustomerConsent => {
            tr!(i18n, calendar_file.summary.customer_consent, claim = claim)
        }
        ClockKind::DisputeWindow => tr!(i18n, calendar_file.summary.dispute_window, claim = claim),
        ClockKind::DisputeReview => tr!(i18n, calendar_file.summary.dispute_review, claim = claim),
        ClockKind::DecisionTarget => {
            tr!(i18n, calendar_file.summary.decision_target, claim = claim)
        }
    }
}

/// Who is expected to act before the deadline, as a sentence.
fn who_acts(i18n: &I18n, clock: ClockKind) -> String {
    match clock {
        ClockKind::ReviewStart => tr!(i18n, calendar_file.who.review_start),
        ClockKind::ReviewDecision => tr!(i18n, calendar_file.who.review_decision),
        ClockKind::PartnerResponse => tr!(i18n, calendar_file.who.partner_response),
        ClockKind::CustomerConsent => tr!(i18n, calendar_file.who.customer_consent),
        ClockKind::DisputeWindow => tr!(i18n, calendar_file.who.dispute_window),
        ClockKind::DisputeReview => tr!(i18n, calendar_file.who.dispute_review),
        ClockKind::DecisionTarget => tr!(i18n, calendar_file.who.decision_target),
    }
}

/// What happens at the deadline, as a sentence.
fn at_expiry(i18n: &I18n, expiry: AtExpiry) -> String {
    match expiry {
        AtExpiry::FlaggedOverdue => tr!(i18n, calendar_file.at_expiry.flagged_overdue),
        AtExpiry::RejectedNoPartnerResponse => {
            tr!(i18n, calendar_file.at_expiry.rejected_no_partner_response)
        }
        AtExpiry::AssociationOfficial => tr!(i18n, calendar_file.at_expiry.association_official),
        AtExpiry::DisputeNoLongerPossible => {
            tr!(i18n, calendar_file.at_expiry.dispute_no_longer_possible)
        }
    }
}

/// An event's description: who acts, what happens at expiry, the deadline's last day in
/// the calendar's zone and which claim; one sentence per line.
pub fn event_description(
    i18n: &I18n,
    claim: &Claim,
    event: &DeadlineEvent,
    time_zone: &str,
) -> String {
    let (_, shown) = end_of_day_view(event.due, time_zone);
    let domain = claim.fields.customer_domain.trim();
    let id = claim.id.to_string();
    let claim_line = if domain.is_empty() {
        tr!(i18n, calendar_file.claim_line, id = id)
    } else {
        tr!(
            i18n,
            calendar_file.claim_line_domain,
            id = id,
            domain = domain.to_string()
        )
    };
    [
        who_acts(i18n, event.clock),
        at_expiry(i18n, event.at_expiry),
        tr!(
            i18n,
            calendar_file.deadline,
            day = i18n.weekday_date(shown, time_zone),
            zone = time_zone.to_string()
        ),
        claim_line,
    ]
    .join("\n")
}

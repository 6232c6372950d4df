//! Texts that only appear when the claim page is printed.

use jiff::Timestamp;

use super::{tr, I18n};

/// The line at the top of a printed claim: when it was printed, in which zone, and that
/// the countdowns are as of then.
pub fn printed_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    tr!(
        i18n,
        print.printed,
        when = i18n.date_time(at, time_zone),
        zone = time_zone.to_string()
    )
}

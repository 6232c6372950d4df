//! Texts that only appear when the claim page is printed.

use jiff::Timestamp;

use super::{I18n, Locale};

/// The line under a printed claim's header: when it was printed, since its countdowns
/// are true at that moment only.
pub fn printed_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    let when = i18n.date_time(at, time_zone);
    match i18n.locale() {
        Locale::En => format!(
            "Printed from CPOR Desk on {when} ({time_zone}); countdowns are as of that moment."
        ),
    }
}

//! Business-day calendar: weekmask, holidays, time zone; business-day and calendar-day
//! arithmetic and deadline instants. Agrees with numpy's `busday_offset(.., roll='forward')`.
//!
//! SKELETON: the public signatures below are the agreed API; the bodies are being written.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::policy::CalendarSettings;

/// Which weekdays are business days, Monday first, written like numpy's weekmask
/// string (`"1111100"` = Monday to Friday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Weekmask([bool; 7]);

impl Default for Weekmask {
    fn default() -> Self {
        Weekmask([true, true, true, true, true, false, false])
    }
}

impl From<Weekmask> for String {
    fn from(mask: Weekmask) -> String {
        mask.0
            .iter()
            .map(|&on| if on { '1' } else { '0' })
            .collect()
    }
}

impl TryFrom<String> for Weekmask {
    type Error = CalendarError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl std::str::FromStr for Weekmask {
    type Err = CalendarError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes.iter().any(|b| *b != b'0' && *b != b'1') {
            return Err(CalendarError::InvalidWeekmask(text.to_string()));
        }
        let mut days = [false; 7];
        for (day, byte) in days.iter_mut().zip(bytes) {
            *day = *byte == b'1';
        }
        if !days.contains(&true) {
            return Err(CalendarError::InvalidWeekmask(text.to_string()));
        }
        Ok(Weekmask(days))
    }
}

impl Weekmask {
    /// Whether the given weekday (Monday = 0 … Sunday = 6) is a business day.
    pub fn is_business_weekday(&self, monday_based_index: usize) -> bool {
        self.0.get(monday_based_index).copied().unwrap_or(false)
    }
}

/// Why a calendar could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The weekmask is not seven `0`/`1` characters with at least one `1`.
    InvalidWeekmask(String),
    /// The time zone is not a known IANA name.
    UnknownTimeZone(String),
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::InvalidWeekmask(text) => write!(
                f,
                "weekmask \"{text}\" is not valid: write seven 0/1 digits from Monday to Sunday with at least one 1, for example 1111100"
            ),
            CalendarError::UnknownTimeZone(name) => write!(
                f,
                "time zone \"{name}\" is not a known IANA time zone; use a name such as America/Los_Angeles or Europe/Stockholm"
            ),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A business calendar: weekmask, holidays and time zone.
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    weekmask: Weekmask,
    time_zone: TimeZone,
}

impl BusinessCalendar {
    /// Build the calendar the user configured.
    pub fn from_settings(settings: &CalendarSettings) -> Result<Self, CalendarError> {
        let _ = settings;
        todo!("calendar: from_settings")
    }
    /// Whether `date` is a business day (weekmask and not a holiday).
    pub fn is_business_day(&self, date: Date) -> bool {
        let _ = (date, &self.weekmask);
        todo!("calendar: is_business_day")
    }
    /// numpy `busday_offset(date, n, roll='forward')`.
    pub fn business_day_offset(&self, date: Date, n: i64) -> Date {
        let _ = (date, n);
        todo!("calendar: business_day_offset")
    }
    /// numpy `busday_count(start, end)`: business days in `[start, end)`, negative if `end < start`.
    pub fn business_day_count(&self, start: Date, end: Date) -> i64 {
        let _ = (start, end);
        todo!("calendar: business_day_count")
    }
    /// The local date of an instant in the calendar's time zone.
    pub fn local_date(&self, at: Timestamp) -> Date {
        let _ = (at, &self.time_zone);
        todo!("calendar: local_date")
    }
    /// End of a local day: the next day's 00:00 in the calendar's zone (DST-correct).
    pub fn end_of_day(&self, date: Date) -> Timestamp {
        let _ = date;
        todo!("calendar: end_of_day")
    }
    /// Deadline of a clock of `n` business days started at `event`.
    pub fn business_deadline(&self, event: Timestamp, n: u32) -> Timestamp {
        self.end_of_day(self.business_day_offset(self.local_date(event), i64::from(n)))
    }
    /// Deadline of a clock of `n` calendar days started at `event`.
    pub fn calendar_deadline(&self, event: Timestamp, n: u32) -> Timestamp {
        let _ = (event, n);
        todo!("calendar: calendar_deadline")
    }
}

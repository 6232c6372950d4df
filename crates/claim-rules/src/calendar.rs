//! Business-day calendar: weekmask, holidays, time zone; business-day and calendar-day
//! arithmetic and deadline instants.
//!
//! The arithmetic agrees with numpy's `busday_offset(date, n, roll='forward')` and
//! `busday_count(start, end)` for any weekmask and holiday set:
//!
//! * a date that is not a business day is first rolled forward to the next business day,
//!   then moved `n` business days (backwards when `n` is negative);
//! * holidays that fall on a weekday the weekmask already excludes are ignored;
//! * counting covers `[start, end)`, or `(end, start]` negated when `end < start`.
//!
//! Deadlines end at the end of a *local* day in the calendar's time zone: the first
//! instant of the next local day, which is usually `00:00` but is the first instant
//! after the gap when a DST transition skips midnight.
//!
//! Nothing here loops day by day over long spans: whole weeks are counted arithmetically
//! and holidays by binary search over sorted lists — the custom holidays, and a table of
//! US federal holidays for 1900–2199 built once per process. Beyond those years the
//! federal holidays are computed by rule, year by year, on demand.
//!
//! ```
//! use claim_rules::calendar::BusinessCalendar;
//! use claim_rules::policy::CalendarSettings;
//! use jiff::civil::date;
//!
//! // The default calendar: Monday–Friday, US federal holidays, America/Los_Angeles.
//! let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
//! // Wednesday before Thanksgiving (Thursday 2026-11-26): the next business day is Friday.
//! assert_eq!(calendar.business_day_offset(date(2026, 11, 25), 1), date(2026, 11, 27));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::holidays;
use crate::policy::{CalendarSettings, HolidaySet};

/// Which weekdays are business days, Monday first, written like numpy's weekmask
/// string (`"1111100"` = Monday to Friday).
///
/// At least one weekday must be a business day, otherwise no deadline could ever end.
///
/// ```
/// use claim_rules::calendar::Weekmask;
///
/// let mask: Weekmask = "1111100".parse()?;
/// assert_eq!(mask, Weekmask::default());
/// assert_eq!(String::from(mask), "1111100");
/// assert!("1111111".parse::<Weekmask>().is_ok());
/// assert!("0000000".parse::<Weekmask>().is_err()); // no business day at all
/// assert!("11111".parse::<Weekmask>().is_err()); // not seven days
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Weekmask([bool; 7]);

impl Default for Weekmask {
    /// Monday to Friday (`"1111100"`).
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

impl std::fmt::Display for Weekmask {
    /// Writes the mask as seven `0`/`1` digits, Monday first.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from(*self))
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
        Weekmask::from_days(days)
    }
}

impl Weekmask {
    /// A weekmask from seven flags, Monday first.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidWeekmask`] when no day is a business day.
    ///
    /// ```
    /// use claim_rules::calendar::Weekmask;
    ///
    /// // Sunday to Thursday, as in several Middle Eastern countries.
    /// let mask = Weekmask::from_days([true, true, true, true, false, false, true])?;
    /// assert_eq!(mask.to_string(), "1111001");
    /// assert!(Weekmask::from_days([false; 7]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_days(days: [bool; 7]) -> Result<Weekmask, CalendarError> {
        if days.contains(&true) {
            Ok(Weekmask(days))
        } else {
            Err(CalendarError::InvalidWeekmask(
                days.iter().map(|&on| if on { '1' } else { '0' }).collect(),
            ))
        }
    }

    /// Whether the given weekday (Monday = 0 … Sunday = 6) is a business day.
    ///
    /// Indexes beyond 6 are never business days.
    ///
    /// ```
    /// use claim_rules::calendar::Weekmask;
    ///
    /// let mask = Weekmask::default();
    /// assert!(mask.is_business_weekday(0)); // Monday
    /// assert!(!mask.is_business_weekday(5)); // Saturday
    /// assert!(!mask.is_business_weekday(7)); // no such weekday
    /// ```
    pub fn is_business_weekday(&self, monday_based_index: usize) -> bool {
        self.0.get(monday_based_index).copied().unwrap_or(false)
    }

    /// Whether `weekday` is a business day.
    ///
    /// ```
    /// use claim_rules::calendar::Weekmask;
    /// use jiff::civil::Weekday;
    ///
    /// assert!(Weekmask::default().is_business(Weekday::Friday));
    /// assert!(!Weekmask::default().is_business(Weekday::Sunday));
    /// ```
    pub fn is_business(&self, weekday: jiff::civil::Weekday) -> bool {
        self.is_business_weekday(usize::from(weekday.to_monday_zero_offset().unsigned_abs()))
    }

    /// How many days of a week are business days (1 to 7).
    ///
    /// ```
    /// use claim_rules::calendar::Weekmask;
    ///
    /// assert_eq!(Weekmask::default().business_days_per_week(), 5);
    /// ```
    pub fn business_days_per_week(&self) -> u32 {
        self.0.iter().filter(|&&on| on).count() as u32
    }

    /// The seven flags, Monday first.
    ///
    /// ```
    /// use claim_rules::calendar::Weekmask;
    ///
    /// assert_eq!(Weekmask::default().days(), [true, true, true, true, true, false, false]);
    /// ```
    pub fn days(&self) -> [bool; 7] {
        self.0
    }
}

/// Why a calendar could not be built, or why a date computation left the supported range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CalendarError {
    /// The weekmask is not seven `0`/`1` characters with at least one `1`.
    InvalidWeekmask(String),
    /// The time zone is not a known IANA name.
    UnknownTimeZone(String),
    /// The computed date falls outside the years -9999 to 9999 that dates support.
    DateOutOfRange,
}

impl CalendarError {
    /// A stable machine code (snake case): the catalogue key `calendar.<code>` words it,
    /// with the weekmask or time zone as typed.
    ///
    /// ```
    /// use claim_rules::calendar::CalendarError;
    ///
    /// assert_eq!(CalendarError::UnknownTimeZone("Mars/Base".into()).code(), "unknown_time_zone");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::InvalidWeekmask(_) => "invalid_weekmask",
            CalendarError::UnknownTimeZone(_) => "unknown_time_zone",
            CalendarError::DateOutOfRange => "date_out_of_range",
        }
    }
}

/// For developers and logs: the code and the value (the words are in the catalogues).
impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::InvalidWeekmask(text) | CalendarError::UnknownTimeZone(text) => {
                write!(f, "calendar.{} ({text:?})", self.code())
            }
            CalendarError::DateOutOfRange => write!(f, "calendar.{}", self.code()),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A business calendar: weekmask, holidays and time zone.
///
/// Cheap to clone (the holiday list is shared).
///
/// ```
/// use claim_rules::calendar::{BusinessCalendar, Weekmask};
/// use claim_rules::policy::HolidaySet;
/// use jiff::civil::date;
/// use jiff::tz::TimeZone;
///
/// let calendar = BusinessCalendar::new(
///     Weekmask::default(),
///     HolidaySet::None,
///     [date(2026, 6, 5)],
///     TimeZone::get("Europe/Stockholm")?,
/// );
/// // Friday 2026-06-05 is a custom holiday: Thursday + 1 business day is Monday.
/// assert_eq!(calendar.business_day_offset(date(2026, 6, 4), 1), date(2026, 6, 8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    weekmask: Weekmask,
    builtin: HolidaySet,
    /// Custom holidays as day numbers: sorted, deduplicated, only on business weekdays,
    /// and without the dates the built-in set already contains (so counts can be added).
    custom: Arc<[i32]>,
    time_zone: TimeZone,
}

impl BusinessCalendar {
    /// Build a calendar from its parts. Custom holidays may be in any order, repeat,
    /// coincide with built-in holidays or fall on non-business weekdays (those are
    /// ignored by the arithmetic, as numpy does).
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, Weekmask};
    /// use claim_rules::policy::HolidaySet;
    /// use jiff::civil::date;
    /// use jiff::tz::TimeZone;
    ///
    /// let calendar = BusinessCalendar::new(
    ///     "1111110".parse::<Weekmask>()?, // Monday to Saturday
    ///     HolidaySet::UsFederal,
    ///     [date(2026, 12, 24), date(2026, 12, 24)], // duplicates are fine
    ///     TimeZone::UTC,
    /// );
    /// assert!(calendar.is_business_day(date(2026, 11, 28))); // a Saturday
    /// assert!(!calendar.is_business_day(date(2026, 12, 24))); // custom holiday
    /// assert!(!calendar.is_business_day(date(2026, 12, 25))); // Christmas
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        weekmask: Weekmask,
        builtin: HolidaySet,
        custom_holidays: impl IntoIterator<Item = Date>,
        time_zone: TimeZone,
    ) -> BusinessCalendar {
        let mut custom: Vec<i32> = custom_holidays
            .into_iter()
            .map(days::from_date)
            .filter(|&day| weekmask.is_business_weekday(days::weekday(day)))
            .filter(|&day| !builtin_contains(builtin, day))
            .collect();
        custom.sort_unstable();
        custom.dedup();
        BusinessCalendar {
            weekmask,
            builtin,
            custom: custom.into(),
            time_zone,
        }
    }

    /// Build the calendar the user configured.
    ///
    /// # Errors
    ///
    /// [`CalendarError::UnknownTimeZone`] when the settings name a zone the bundled
    /// time zone database does not know.
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, CalendarError};
    /// use claim_rules::policy::CalendarSettings;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// assert_eq!(calendar.time_zone().iana_name(), Some("America/Los_Angeles"));
    ///
    /// let bad = CalendarSettings { time_zone: "Mars/Olympus_Mons".into(), ..Default::default() };
    /// assert_eq!(
    ///     BusinessCalendar::from_settings(&bad).unwrap_err(),
    ///     CalendarError::UnknownTimeZone("Mars/Olympus_Mons".into()),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_settings(settings: &CalendarSettings) -> Result<Self, CalendarError> {
        let time_zone = TimeZone::get(&settings.time_zone)
            .map_err(|_| CalendarError::UnknownTimeZone(settings.time_zone.clone()))?;
        Ok(BusinessCalendar::new(
            settings.weekmask,
            settings.holidays,
            settings.custom_holidays.iter().copied(),
            time_zone,
        ))
    }

    /// The calendar's weekmask.
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, Weekmask};
    /// use claim_rules::policy::CalendarSettings;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// assert_eq!(calendar.weekmask(), Weekmask::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn weekmask(&self) -> Weekmask {
        self.weekmask
    }

    /// The calendar's built-in holiday set.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::{CalendarSettings, HolidaySet};
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// assert_eq!(calendar.holiday_set(), HolidaySet::UsFederal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holiday_set(&self) -> HolidaySet {
        self.builtin
    }

    /// The time zone in which the calendar's days begin and end.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    ///
    /// let settings = CalendarSettings { time_zone: "Europe/Stockholm".into(), ..Default::default() };
    /// let calendar = BusinessCalendar::from_settings(&settings)?;
    /// assert_eq!(calendar.time_zone().iana_name(), Some("Europe/Stockholm"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn time_zone(&self) -> &TimeZone {
        &self.time_zone
    }

    /// Whether `date` is one of the calendar's holidays (built-in, as observed, or
    /// custom), whatever its weekday.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // July 4, 2026 is a Saturday: the holiday is observed on Friday July 3.
    /// assert!(calendar.is_holiday(date(2026, 7, 3)));
    /// assert!(!calendar.is_holiday(date(2026, 7, 4)));
    /// // January 1, 2022 is a Saturday: observed on Friday 2021-12-31.
    /// assert!(calendar.is_holiday(date(2021, 12, 31)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_holiday(&self, date: Date) -> bool {
        let day = days::from_date(date);
        builtin_contains(self.builtin, day) || self.custom.binary_search(&day).is_ok()
    }

    /// Whether `date` is a business day (weekmask and not a holiday).
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// assert!(calendar.is_business_day(date(2026, 11, 25))); // Wednesday
    /// assert!(!calendar.is_business_day(date(2026, 11, 26))); // Thanksgiving
    /// assert!(!calendar.is_business_day(date(2026, 11, 28))); // Saturday
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_business_day(&self, date: Date) -> bool {
        self.is_business_day_number(days::from_date(date))
    }

    /// numpy `busday_offset(date, n, roll='forward')`: roll `date` forward to a business
    /// day if it is not one, then move `n` business days (back when `n < 0`).
    ///
    /// # Panics
    ///
    /// When the result lies outside the years -9999 to 9999 (only for absurdly large
    /// `n`); use [`BusinessCalendar::checked_business_day_offset`] for untrusted `n`.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // Friday + 1 business day = Monday.
    /// assert_eq!(calendar.business_day_offset(date(2026, 11, 20), 1), date(2026, 11, 23));
    /// // A Saturday is rolled forward to Monday first; 0 days leaves it there.
    /// assert_eq!(calendar.business_day_offset(date(2026, 11, 21), 0), date(2026, 11, 23));
    /// // ... and -1 from a Saturday is the Friday before (Monday, then one back).
    /// assert_eq!(calendar.business_day_offset(date(2026, 11, 21), -1), date(2026, 11, 20));
    /// // Year end: Christmas Friday 2026-12-25 and New Year Friday 2027-01-01 are holidays.
    /// assert_eq!(calendar.business_day_offset(date(2026, 12, 24), 5), date(2027, 1, 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_day_offset(&self, date: Date, n: i64) -> Date {
        match self.checked_business_day_offset(date, n) {
            Ok(result) => result,
            Err(error) => panic!("business_day_offset({date}, {n}): {error}"),
        }
    }

    /// Like [`BusinessCalendar::business_day_offset`], but without panicking.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DateOutOfRange`] when the result is not a representable date
    /// (outside the years -9999 to 9999).
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, CalendarError};
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // New Year's Day (Thursday) rolls forward to Friday 2026-01-02; one more is Monday.
    /// assert_eq!(calendar.checked_business_day_offset(date(2026, 1, 1), 1)?, date(2026, 1, 5));
    /// assert_eq!(
    ///     calendar.checked_business_day_offset(date(2026, 1, 1), 10_000_000),
    ///     Err(CalendarError::DateOutOfRange),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_business_day_offset(&self, date: Date, n: i64) -> Result<Date, CalendarError> {
        // Every business week holds at least one business day, so |n| beyond the whole
        // supported range (about 7.3 million days) can be refused before any arithmetic.
        if n.unsigned_abs() > 8_000_000 {
            return Err(CalendarError::DateOutOfRange);
        }
        let start = self.roll_forward(days::from_date(date));
        let result = if n >= 0 {
            self.forward(start, n as i32)
        } else {
            self.backward(start, (-n) as i32)
        };
        days::to_date(result)
    }

    /// numpy `busday_count(start, end)`: the business days from `start` (included)
    /// towards `end` (excluded). Forward, that is `[start, end)`; when `end < start` it
    /// is the negated number of business days in `(end, start]`, as numpy ≥ 1.25 counts
    /// (so `count(rolled, offset(rolled, n)) == n` for negative `n` too). Unlike the
    /// offset, counting does not roll `start`.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // Week of Thanksgiving 2026: Mon 23, Tue 24, Wed 25, Fri 27 (Thursday is the holiday).
    /// assert_eq!(calendar.business_day_count(date(2026, 11, 23), date(2026, 11, 30)), 4);
    /// // Backwards from Mon 30 (included) to Mon 23 (excluded): Tue, Wed, Fri, Mon.
    /// assert_eq!(calendar.business_day_count(date(2026, 11, 30), date(2026, 11, 23)), -4);
    /// // Backwards from Sunday 29 to Friday 20: Mon 23 … Fri 27 less Thanksgiving.
    /// assert_eq!(calendar.business_day_count(date(2026, 11, 29), date(2026, 11, 20)), -4);
    /// // The whole year 2026: 261 weekdays minus 11 observed federal holidays.
    /// assert_eq!(calendar.business_day_count(date(2026, 1, 1), date(2027, 1, 1)), 250);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_day_count(&self, start: Date, end: Date) -> i64 {
        let (start, end) = (days::from_date(start), days::from_date(end));
        if end < start {
            -i64::from(self.count_days(end + 1, start + 1))
        } else {
            i64::from(self.count_days(start, end))
        }
    }

    /// The local date of an instant in the calendar's time zone.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    /// use jiff::Timestamp;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // 06:30 UTC on New Year's Day is still New Year's Eve in Los Angeles (UTC-8).
    /// let at: Timestamp = "2027-01-01T06:30:00Z".parse()?;
    /// assert_eq!(calendar.local_date(at), date(2026, 12, 31));
    /// // In summer Los Angeles is UTC-7: 07:00 UTC is already midnight there.
    /// let at: Timestamp = "2026-07-01T07:00:00Z".parse()?;
    /// assert_eq!(calendar.local_date(at), date(2026, 7, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn local_date(&self, at: Timestamp) -> Date {
        self.time_zone.to_datetime(at).date()
    }

    /// End of a local day: the first instant of the next local day in the calendar's
    /// zone — normally its 00:00; when a DST change skips midnight, the first instant
    /// after the gap.
    ///
    /// # Panics
    ///
    /// For 9999-12-31, whose next day is not representable; see
    /// [`BusinessCalendar::checked_end_of_day`].
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// let tz = calendar.time_zone().clone();
    /// // 2026-03-08 is the spring-forward day in Los Angeles (02:00 PST → 03:00 PDT):
    /// // the day before ends at midnight PST (-08:00), the day itself at midnight PDT.
    /// let end = calendar.end_of_day(date(2026, 3, 7));
    /// assert_eq!(end.to_zoned(tz.clone()).to_string(), "2026-03-08T00:00:00-08:00[America/Los_Angeles]");
    /// let end = calendar.end_of_day(date(2026, 3, 8));
    /// assert_eq!(end.to_zoned(tz.clone()).to_string(), "2026-03-09T00:00:00-07:00[America/Los_Angeles]");
    /// // That day is only 23 hours long.
    /// let length = calendar.end_of_day(date(2026, 3, 8)).duration_since(calendar.end_of_day(date(2026, 3, 7)));
    /// assert_eq!(length.as_hours(), 23);
    /// // Year end: the last day of 2026 ends at 2027-01-01T00:00 local, 08:00 UTC.
    /// assert_eq!(calendar.end_of_day(date(2026, 12, 31)).to_string(), "2027-01-01T08:00:00Z");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end_of_day(&self, date: Date) -> Timestamp {
        match self.checked_end_of_day(date) {
            Ok(end) => end,
            Err(error) => panic!("end_of_day({date}): {error}"),
        }
    }

    /// Like [`BusinessCalendar::end_of_day`], but without panicking.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DateOutOfRange`] for 9999-12-31, whose end is not representable.
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, CalendarError};
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// assert!(calendar.checked_end_of_day(date(2026, 11, 27)).is_ok());
    /// assert_eq!(calendar.checked_end_of_day(date(9999, 12, 31)), Err(CalendarError::DateOutOfRange));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_end_of_day(&self, date: Date) -> Result<Timestamp, CalendarError> {
        let next_day = date.tomorrow().map_err(|_| CalendarError::DateOutOfRange)?;
        // "Compatible" disambiguation of 00:00 is the first instant of the day: in a
        // gap it picks the instant the gap ends, in a fold the earlier of the two.
        self.time_zone
            .to_ambiguous_timestamp(DateTime::from(next_day))
            .compatible()
            .map_err(|_| CalendarError::DateOutOfRange)
    }

    /// Deadline of a clock of `n` business days started at `event`: the end of the local
    /// day `busday_offset(local_date(event), n, roll='forward')`.
    ///
    /// # Panics
    ///
    /// Only when the deadline is past the year 9999; see
    /// [`BusinessCalendar::checked_business_deadline`].
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::Timestamp;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// let tz = calendar.time_zone().clone();
    /// // Submitted Friday 2026-11-20 at 15:00 in Los Angeles; 5 business days skip the
    /// // weekend and Thanksgiving (Thu 2026-11-26): Mon 23, Tue 24, Wed 25, Fri 27 and
    /// // Mon 30, so it is due at the end of Monday 2026-11-30.
    /// let event: Timestamp = "2026-11-20T15:00:00-08:00".parse()?;
    /// let deadline = calendar.business_deadline(event, 5);
    /// assert_eq!(deadline.to_zoned(tz.clone()).to_string(), "2026-12-01T00:00:00-08:00[America/Los_Angeles]");
    /// // Across the fall-back change (2026-11-01): starts in PDT, ends in PST.
    /// let event: Timestamp = "2026-10-30T09:00:00-07:00".parse()?;
    /// let deadline = calendar.business_deadline(event, 1);
    /// assert_eq!(deadline.to_zoned(tz).to_string(), "2026-11-03T00:00:00-08:00[America/Los_Angeles]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_deadline(&self, event: Timestamp, n: u32) -> Timestamp {
        self.end_of_day(self.business_day_offset(self.local_date(event), i64::from(n)))
    }

    /// Like [`BusinessCalendar::business_deadline`], but without panicking.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DateOutOfRange`] when the deadline is past the year 9999.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::Timestamp;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// let event: Timestamp = "9999-12-01T12:00:00Z".parse()?;
    /// assert!(calendar.checked_business_deadline(event, 5).is_ok());
    /// assert!(calendar.checked_business_deadline(event, 500).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_business_deadline(
        &self,
        event: Timestamp,
        n: u32,
    ) -> Result<Timestamp, CalendarError> {
        let due = self.checked_business_day_offset(self.local_date(event), i64::from(n))?;
        self.checked_end_of_day(due)
    }

    /// Deadline of a clock of `n` calendar days started at `event`: the end of the local
    /// day `local_date(event) + n`. Weekends and holidays do not matter.
    ///
    /// # Panics
    ///
    /// Only when the deadline is past the year 9999; see
    /// [`BusinessCalendar::checked_calendar_deadline`].
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::Timestamp;
    ///
    /// let settings = CalendarSettings { time_zone: "Europe/Stockholm".into(), ..Default::default() };
    /// let calendar = BusinessCalendar::from_settings(&settings)?;
    /// let tz = calendar.time_zone().clone();
    /// // Approved Tuesday 2026-03-24 at 10:00 CET; 7 days later is Tuesday 2026-03-31,
    /// // after the spring-forward change of 2026-03-29: the deadline is in CEST (+02:00).
    /// let event: Timestamp = "2026-03-24T10:00:00+01:00".parse()?;
    /// let deadline = calendar.calendar_deadline(event, 7);
    /// assert_eq!(deadline.to_zoned(tz.clone()).to_string(), "2026-04-01T00:00:00+02:00[Europe/Stockholm]");
    /// // Year end: 23:30 on 2026-12-31 in Stockholm plus 0 days ends at local midnight.
    /// let event: Timestamp = "2026-12-31T23:30:00+01:00".parse()?;
    /// assert_eq!(calendar.calendar_deadline(event, 0).to_string(), "2026-12-31T23:00:00Z");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calendar_deadline(&self, event: Timestamp, n: u32) -> Timestamp {
        match self.checked_calendar_deadline(event, n) {
            Ok(deadline) => deadline,
            Err(error) => panic!("calendar_deadline({event}, {n}): {error}"),
        }
    }

    /// Like [`BusinessCalendar::calendar_deadline`], but without panicking.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DateOutOfRange`] when the deadline is past the year 9999.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use jiff::Timestamp;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// let event: Timestamp = "2026-05-01T12:00:00Z".parse()?;
    /// assert!(calendar.checked_calendar_deadline(event, 30).is_ok());
    /// assert!(calendar.checked_calendar_deadline(event, u32::MAX).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_calendar_deadline(
        &self,
        event: Timestamp,
        n: u32,
    ) -> Result<Timestamp, CalendarError> {
        let start = days::from_date(self.local_date(event));
        let due = i32::try_from(n)
            .ok()
            .and_then(|n| start.checked_add(n))
            .ok_or(CalendarError::DateOutOfRange)?;
        self.checked_end_of_day(days::to_date(due)?)
    }

    // ---- arithmetic on day numbers (days since 1970-01-01) ----

    fn is_business_day_number(&self, day: i32) -> bool {
        self.weekmask.is_business_weekday(days::weekday(day))
            && !builtin_contains(self.builtin, day)
            && self.custom.binary_search(&day).is_err()
    }

    /// The first business day on or after `day`.
    fn roll_forward(&self, day: i32) -> i32 {
        if self.is_business_day_number(day) {
            day
        } else {
            self.forward(day, 1)
        }
    }

    /// The `n`-th business day after `day` (`day` itself need not be a business day);
    /// `day` when `n == 0`.
    fn forward(&self, mut day: i32, mut remaining: i32) -> i32 {
        // Jump over `remaining` business weekdays, then find how many of the days jumped
        // over were holidays: that many business days are still owed. Each round only
        // revisits holidays, so the loop runs about once per cluster of holidays.
        while remaining > 0 {
            let next = self.skip_weekdays_forward(day, remaining);
            remaining = self.holidays_between(day + 1, next);
            day = next;
        }
        day
    }

    /// The `n`-th business day before `day`; `day` when `n == 0`.
    fn backward(&self, mut day: i32, mut remaining: i32) -> i32 {
        while remaining > 0 {
            let next = self.skip_weekdays_backward(day, remaining);
            remaining = self.holidays_between(next, day - 1);
            day = next;
        }
        day
    }

    /// The `n`-th (n ≥ 1) day after `day` whose weekday is a business weekday.
    fn skip_weekdays_forward(&self, day: i32, n: i32) -> i32 {
        let per_week = self.weekmask.business_days_per_week() as i32;
        let weeks = (n - 1) / per_week;
        let mut left = n - weeks * per_week;
        let mut at = day + weeks * 7;
        while left > 0 {
            at += 1;
            if self.weekmask.is_business_weekday(days::weekday(at)) {
                left -= 1;
            }
        }
        at
    }

    /// The `n`-th (n ≥ 1) day before `day` whose weekday is a business weekday.
    fn skip_weekdays_backward(&self, day: i32, n: i32) -> i32 {
        let per_week = self.weekmask.business_days_per_week() as i32;
        let weeks = (n - 1) / per_week;
        let mut left = n - weeks * per_week;
        let mut at = day - weeks * 7;
        while left > 0 {
            at -= 1;
            if self.weekmask.is_business_weekday(days::weekday(at)) {
                left -= 1;
            }
        }
        at
    }

    /// Business days in `[start, end)`, `start <= end`.
    fn count_days(&self, start: i32, end: i32) -> i32 {
        if start >= end {
            return 0;
        }
        self.count_weekdays(start, end) - self.holidays_between(start, end - 1)
    }

    /// Days in `[start, end)` whose weekday is a business weekday.
    fn count_weekdays(&self, start: i32, end: i32) -> i32 {
        let span = end - start;
        let per_week = self.weekmask.business_days_per_week() as i32;
        let mut count = span / 7 * per_week;
        let mut weekday = days::weekday(start);
        for _ in 0..span % 7 {
            if self.weekmask.is_business_weekday(weekday) {
                count += 1;
            }
            weekday = (weekday + 1) % 7;
        }
        count
    }

    /// Holidays in `[first, last]` (inclusive) that fall on business weekdays.
    fn holidays_between(&self, first: i32, last: i32) -> i32 {
        if first > last {
            return 0;
        }
        let custom = (self.custom.partition_point(|&d| d <= last)
            - self.custom.partition_point(|&d| d < first)) as i32;
        let builtin = match self.builtin {
            HolidaySet::None => 0,
            HolidaySet::UsFederal => holidays::count_us_federal_between(first, last, self.weekmask),
        };
        custom + builtin
    }
}

/// Whether the built-in set contains `day` (as observed).
fn builtin_contains(builtin: HolidaySet, day: i32) -> bool {
    match builtin {
        HolidaySet::None => false,
        HolidaySet::UsFederal => holidays::is_us_federal_observed_day(day),
    }
}

/// Civil dates as day numbers (days since 1970-01-01), so the arithmetic is plain
/// integer arithmetic. The algorithms are Howard Hinnant's `days_from_civil` and
/// `civil_from_days`, valid for every proleptic Gregorian date.
pub(crate) mod days {
    use jiff::civil::Date;

    use super::CalendarError;

    /// Day number of a civil date.
    pub(crate) fn from_civil(year: i32, month: u32, day: u32) -> i32 {
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = (year - era * 400) as u32;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era as i32 - 719_468
    }

    /// Civil date `(year, month, day)` of a day number.
    pub(crate) fn to_civil(day_number: i32) -> (i32, u32, u32) {
        let shifted = day_number + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = (shifted - era * 146_097) as u32;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era as i32 + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// The civil year a day number falls in.
    pub(crate) fn year_of(day_number: i32) -> i32 {
        to_civil(day_number).0
    }

    /// Weekday of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    pub(crate) fn weekday(day_number: i32) -> usize {
        (day_number + 3).rem_euclid(7) as usize
    }

    /// Day number of a jiff date.
    pub(crate) fn from_date(date: Date) -> i32 {
        from_civil(
            i32::from(date.year()),
            date.month().unsigned_abs().into(),
            date.day().unsigned_abs().into(),
        )
    }

    /// The jiff date of a day number, if within jiff's years -9999 to 9999.
    pub(crate) fn to_date(day_number: i32) -> Result<Date, CalendarError> {
        let (year, month, day) = to_civil(day_number);
        let year = i16::try_from(year).map_err(|_| CalendarError::DateOutOfRange)?;
        // Month and day always fit: 1..=12 and 1..=31.
        Date::new(year, month as i8, day as i8).map_err(|_| CalendarError::DateOutOfRange)
    }
}

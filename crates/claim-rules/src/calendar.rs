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
//! **Extra working days.** A built-in set can declare a day the weekmask excludes a
//! working day (China's official calendar works some Saturdays and Sundays to make up for
//! weekdays off). Such a day is a business day unless it is one of the user's own
//! holidays: the user's holidays win over everything, then the set's working days, then
//! its days off, then the weekmask. numpy has no such notion; for every set without
//! working days the arithmetic is exactly numpy's.
//!
//! **Years without a published calendar.** A set published year by year (China) cannot
//! answer for other years. The `checked_…` functions refuse any computation that needs
//! such a day with [`CalendarError::YearNotPublished`]; the others (countdowns, which
//! must show something) count those days by the weekmask and the user's holidays alone,
//! as their documentation says.
//!
//! Nothing here loops day by day over long spans: whole weeks are counted arithmetically,
//! and every day that differs from the weekmask (a holiday on a business weekday, a
//! working day on another) is found by binary search in one sorted list per calendar,
//! with running totals. The built-in sets are tabulated for 1900–2199 (China: its
//! published years) once per process; beyond those years a rule-based set is computed
//! year by year on demand.
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

use std::sync::{Arc, OnceLock};

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::holidays::{self, Coverage};
use crate::policy::{CalendarSettings, HolidaySet};

mod zone;

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
    /// The computation needs a day of a year for which the built-in set, published
    /// year by year, has no calendar (China outside its published years).
    YearNotPublished {
        /// The set.
        set: HolidaySet,
        /// The first year needed and not published.
        year: i16,
        /// The first published year.
        first: i16,
        /// The last published year.
        last: i16,
    },
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
            CalendarError::YearNotPublished { .. } => "year_not_published",
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
            CalendarError::YearNotPublished { set, year, .. } => {
                write!(f, "calendar.{} ({} {year})", self.code(), set.code())
            }
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
    /// The custom holidays, sorted, any weekday.
    custom: Arc<[i32]>,
    /// Built on the first question that needs it, so that building a calendar only to
    /// validate settings stays cheap.
    day_index: Arc<OnceLock<DayIndex>>,
    time_zone: TimeZone,
    /// The zone's offset changes, tabulated on the first conversion (see `zone`).
    zone_table: Arc<OnceLock<zone::ZoneTable>>,
}

/// Every day whose business status differs from what the weekmask says, as day numbers.
#[derive(Debug)]
struct DayIndex {
    /// The days the built-in set's table covers; outside them its rule applies (or, for
    /// a published set, nothing is known).
    table_first: i32,
    table_last: i32,
    /// Sorted: business weekdays that are off, and other weekdays that are worked. Custom
    /// holidays are here whatever their year; the built-in set's days only within the
    /// table (and a custom holiday outside it that the set's rule also has is left out,
    /// so nothing is counted twice).
    days: Vec<i32>,
    /// `prefix[i]`: business days gained over `days[..i]` (+1 worked, −1 off).
    prefix: Vec<i32>,
    /// Whether any listed day is worked: only then can a span hold more business days
    /// than business weekdays.
    has_working: bool,
    /// `days` again as a bitset over the span where they cluster, with the rank at the
    /// start of each 64-day word: finding a day's place is a lookup and a popcount,
    /// not a binary search.
    bits: DayBits,
    week: WeekTable,
}

/// Whether a computation may fall back to the weekmask for days of unpublished years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unpublished {
    Refuse,
    WeekmaskOnly,
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
        let mut custom: Vec<i32> = custom_holidays.into_iter().map(days::from_date).collect();
        custom.sort_unstable();
        custom.dedup();
        BusinessCalendar {
            weekmask,
            builtin,
            custom: custom.into(),
            day_index: Arc::new(OnceLock::new()),
            time_zone,
            zone_table: Arc::new(OnceLock::new()),
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
    ///
    /// A day of a year a published set has no calendar for is a holiday only when it is
    /// one of the custom holidays.
    pub fn is_holiday(&self, date: Date) -> bool {
        let day = days::from_date(date);
        self.custom.binary_search(&day).is_ok()
            || self
                .builtin_off(day, Unpublished::WeekmaskOnly)
                .unwrap_or(false)
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
    ///
    /// A day of a year a published set has no calendar for is judged by the weekmask and
    /// the custom holidays alone; [`BusinessCalendar::checked_is_business_day`] refuses
    /// instead.
    pub fn is_business_day(&self, date: Date) -> bool {
        self.is_business_day_number(days::from_date(date), Unpublished::WeekmaskOnly)
            .unwrap_or(false)
    }

    /// Like [`BusinessCalendar::is_business_day`], refusing days of unpublished years.
    ///
    /// # Errors
    ///
    /// [`CalendarError::YearNotPublished`] for a day the built-in set has no calendar for.
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, CalendarError};
    /// use claim_rules::policy::{CalendarSettings, HolidaySet};
    /// use jiff::civil::date;
    ///
    /// let settings = CalendarSettings { holidays: HolidaySet::China, time_zone: "Asia/Shanghai".into(), ..Default::default() };
    /// let calendar = BusinessCalendar::from_settings(&settings)?;
    /// // Sunday 2026-01-04 was worked for the New Year holiday; Friday 2026-01-02 was off.
    /// assert_eq!(calendar.checked_is_business_day(date(2026, 1, 4)), Ok(true));
    /// assert_eq!(calendar.checked_is_business_day(date(2026, 1, 2)), Ok(false));
    /// assert!(matches!(
    ///     calendar.checked_is_business_day(date(2027, 3, 1)),
    ///     Err(CalendarError::YearNotPublished { year: 2027, .. }),
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_is_business_day(&self, date: Date) -> Result<bool, CalendarError> {
        self.is_business_day_number(days::from_date(date), Unpublished::Refuse)
    }

    /// numpy `busday_offset(date, n, roll='forward')`: roll `date` forward to a business
    /// day if it is not one, then move `n` business days (back when `n < 0`).
    ///
    /// # Panics
    ///
    /// When the result lies outside the years -9999 to 9999 (only for absurdly large
    /// `n`), or a day on the way belongs to a year the built-in set has no published
    /// calendar for; use [`BusinessCalendar::checked_business_day_offset`] for untrusted
    /// input.
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
    /// (outside the years -9999 to 9999); [`CalendarError::YearNotPublished`] when a day
    /// on the way belongs to a year the built-in set has no published calendar for.
    ///
    /// ```
    /// use claim_rules::calendar::{BusinessCalendar, CalendarError};
    /// use claim_rules::policy::{CalendarSettings, HolidaySet};
    /// use jiff::civil::date;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // New Year's Day (Thursday) rolls forward to Friday 2026-01-02; one more is Monday.
    /// assert_eq!(calendar.checked_business_day_offset(date(2026, 1, 1), 1)?, date(2026, 1, 5));
    /// assert_eq!(
    ///     calendar.checked_business_day_offset(date(2026, 1, 1), 10_000_000),
    ///     Err(CalendarError::DateOutOfRange),
    /// );
    ///
    /// // China: Friday 2026-02-13 + 1 is Saturday 2026-02-14, a declared working day;
    /// // + 2 jumps the Spring Festival (02-15 to 02-23) to Tuesday 02-24.
    /// let settings = CalendarSettings { holidays: HolidaySet::China, ..Default::default() };
    /// let china = BusinessCalendar::from_settings(&settings)?;
    /// assert_eq!(china.checked_business_day_offset(date(2026, 2, 13), 1)?, date(2026, 2, 14));
    /// assert_eq!(china.checked_business_day_offset(date(2026, 2, 13), 2)?, date(2026, 2, 24));
    /// // Five business days from 2026-12-28 would need the unpublished 2027.
    /// assert!(matches!(
    ///     china.checked_business_day_offset(date(2026, 12, 28), 5),
    ///     Err(CalendarError::YearNotPublished { year: 2027, .. }),
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_business_day_offset(&self, date: Date, n: i64) -> Result<Date, CalendarError> {
        days::to_date(self.offset_days(days::from_date(date), n)?)
    }

    /// [`BusinessCalendar::checked_business_day_offset`] on day numbers.
    fn offset_days(&self, day: i32, n: i64) -> Result<i32, CalendarError> {
        // Every business week holds at least one business day, so |n| beyond the whole
        // supported range (about 7.3 million days) can be refused before any arithmetic
        // (and the casts below cannot wrap).
        if n.unsigned_abs() > 8_000_000 {
            return Err(CalendarError::DateOutOfRange);
        }
        let strict = Unpublished::Refuse;
        let start = self.roll_forward(day, strict)?;
        if n >= 0 {
            self.forward(start, n as i32, strict)
        } else {
            self.backward(start, (-n) as i32, strict)
        }
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
    ///
    /// Days of years a published set has no calendar for are counted by the weekmask and
    /// the custom holidays alone; [`BusinessCalendar::checked_business_day_count`]
    /// refuses instead.
    pub fn business_day_count(&self, start: Date, end: Date) -> i64 {
        self.count(start, end, Unpublished::WeekmaskOnly)
            .unwrap_or_default()
    }

    /// Like [`BusinessCalendar::business_day_count`], refusing days of unpublished years.
    ///
    /// # Errors
    ///
    /// [`CalendarError::YearNotPublished`] when a counted day belongs to a year the
    /// built-in set has no published calendar for.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::{CalendarSettings, HolidaySet};
    /// use jiff::civil::date;
    ///
    /// let settings = CalendarSettings { holidays: HolidaySet::China, ..Default::default() };
    /// let china = BusinessCalendar::from_settings(&settings)?;
    /// // October 2026: 22 weekdays, 5 of them in the National Day period (10-01 to 10-07),
    /// // and Saturday 10-10 worked.
    /// assert_eq!(china.checked_business_day_count(date(2026, 10, 1), date(2026, 11, 1))?, 18);
    /// assert!(china.checked_business_day_count(date(2026, 12, 1), date(2027, 1, 5)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_business_day_count(&self, start: Date, end: Date) -> Result<i64, CalendarError> {
        self.count(start, end, Unpublished::Refuse)
    }

    fn count(
        &self,
        start: Date,
        end: Date,
        unpublished: Unpublished,
    ) -> Result<i64, CalendarError> {
        let (start, end) = (days::from_date(start), days::from_date(end));
        Ok(if end < start {
            -i64::from(self.count_days(end + 1, start + 1, unpublished)?)
        } else {
            i64::from(self.count_days(start, end, unpublished)?)
        })
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
        match self.zone_table().local_day(at).map(days::to_date) {
            Some(Ok(date)) => date,
            Some(Err(_)) | None => self.time_zone.to_datetime(at).date(),
        }
    }

    /// [`BusinessCalendar::local_date`] as a day number.
    fn local_day(&self, at: Timestamp) -> i32 {
        self.zone_table()
            .local_day(at)
            .unwrap_or_else(|| days::from_date(self.time_zone.to_datetime(at).date()))
    }

    #[inline]
    fn index(&self) -> &DayIndex {
        self.day_index
            .get_or_init(|| DayIndex::new(self.weekmask, self.builtin, &self.custom))
    }

    fn zone_table(&self) -> &zone::ZoneTable {
        self.zone_table
            .get_or_init(|| zone::ZoneTable::new(&self.time_zone))
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
        if let Some(end) = self.zone_table().end_of_day(days::from_date(date)) {
            return Ok(end);
        }
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
    /// When the deadline is past the year 9999, or needs a year the built-in set has no
    /// published calendar for; see [`BusinessCalendar::checked_business_deadline`].
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
        match self.checked_business_deadline(event, n) {
            Ok(deadline) => deadline,
            Err(error) => panic!("business_deadline({event}, {n}): {error}"),
        }
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
        let due = self.offset_days(self.local_day(event), i64::from(n))?;
        self.end_of_day_number(due)
    }

    /// [`BusinessCalendar::checked_end_of_day`] of a day number.
    fn end_of_day_number(&self, day: i32) -> Result<Timestamp, CalendarError> {
        match self.zone_table().end_of_day(day) {
            Some(end) => Ok(end),
            None => self.checked_end_of_day(days::to_date(day)?),
        }
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
        let start = self.local_day(event);
        let due = i32::try_from(n)
            .ok()
            .and_then(|n| start.checked_add(n))
            .ok_or(CalendarError::DateOutOfRange)?;
        self.end_of_day_number(due)
    }

    // ---- arithmetic on day numbers (days since 1970-01-01) ----

    fn is_business_weekday(&self, day: i32) -> bool {
        self.weekmask.is_business_weekday(days::weekday(day))
    }

    fn is_business_day_number(
        &self,
        day: i32,
        unpublished: Unpublished,
    ) -> Result<bool, CalendarError> {
        let listed = self.index().contains(day);
        let by_weekmask_and_list = self.is_business_weekday(day) != listed;
        if self.index().in_table(day) {
            return Ok(by_weekmask_and_list);
        }
        match (holidays::coverage(self.builtin), unpublished) {
            // Outside the table a rule-based set has days off only.
            (Coverage::EveryYear, _) => {
                Ok(by_weekmask_and_list && !holidays::is_off_by_rule(self.builtin, day)?)
            }
            (Coverage::PublishedYears { .. }, Unpublished::WeekmaskOnly) => {
                Ok(by_weekmask_and_list)
            }
            // Any day of an unpublished year could be off or declared a working day.
            (Coverage::PublishedYears { .. }, Unpublished::Refuse) => {
                holidays::year_entries(self.builtin, days::year_of(day))
                    .map(|_| by_weekmask_and_list)
            }
        }
    }

    /// Whether the built-in set has `day` off (any weekday).
    fn builtin_off(&self, day: i32, unpublished: Unpublished) -> Result<bool, CalendarError> {
        match holidays::table(self.builtin) {
            None => Ok(false),
            Some(table) if (table.first_day..=table.last_day).contains(&day) => {
                Ok(table.off.binary_search(&day).is_ok())
            }
            Some(_) => match (holidays::coverage(self.builtin), unpublished) {
                (Coverage::EveryYear, _) => holidays::is_off_by_rule(self.builtin, day),
                (Coverage::PublishedYears { .. }, Unpublished::WeekmaskOnly) => Ok(false),
                (Coverage::PublishedYears { .. }, Unpublished::Refuse) => {
                    holidays::is_off_by_rule(self.builtin, day)
                }
            },
        }
    }

    /// The first business day on or after `day`.
    fn roll_forward(&self, day: i32, unpublished: Unpublished) -> Result<i32, CalendarError> {
        if self.is_business_day_number(day, unpublished)? {
            Ok(day)
        } else {
            self.forward(day, 1, unpublished)
        }
    }

    /// Business days in `[first, last]` beyond its business weekdays: + worked days on
    /// other weekdays, − days off on business weekdays.
    fn adjustment(
        &self,
        first: i32,
        last: i32,
        unpublished: Unpublished,
    ) -> Result<i32, CalendarError> {
        if first > last {
            return Ok(0);
        }
        let index = self.index();
        let mut sum = index.prefix[index.rank(last + 1)] - index.prefix[index.rank(first)];
        if first < index.table_first {
            sum += self.adjustment_by_rule(first, last.min(index.table_first - 1), unpublished)?;
        }
        if last > index.table_last {
            sum += self.adjustment_by_rule(first.max(index.table_last + 1), last, unpublished)?;
        }
        Ok(sum)
    }

    /// [`BusinessCalendar::adjustment`] for days outside the built-in set's table.
    fn adjustment_by_rule(
        &self,
        first: i32,
        last: i32,
        unpublished: Unpublished,
    ) -> Result<i32, CalendarError> {
        match (holidays::coverage(self.builtin), unpublished) {
            (Coverage::PublishedYears { .. }, Unpublished::WeekmaskOnly) => Ok(0),
            (Coverage::PublishedYears { .. }, Unpublished::Refuse) => {
                // Asking for the nearest unpublished year yields the refusal.
                let nearest = if first >= self.index().table_first {
                    first
                } else {
                    last
                };
                holidays::year_entries(self.builtin, days::year_of(nearest)).map(|_| 0)
            }
            (Coverage::EveryYear, _) => {
                let mut off = 0;
                for year in days::year_of(first)..=days::year_of(last) {
                    let mut listed: Vec<i32> = holidays::year_entries(self.builtin, year)?
                        .off
                        .iter()
                        .map(|entry| entry.day)
                        .filter(|day| {
                            (first..=last).contains(day) && self.is_business_weekday(*day)
                        })
                        .collect();
                    listed.dedup();
                    off += listed.len() as i32;
                }
                Ok(-off)
            }
        }
    }

    /// The `n`-th business day after `day` (`day` itself need not be a business day);
    /// `day` when `n == 0`.
    fn forward(&self, day: i32, n: i32, unpublished: Unpublished) -> Result<i32, CalendarError> {
        if n <= 0 {
            return Ok(day);
        }
        if !self.index().has_working {
            // Jump over `remaining` business weekdays, then find how many of the days
            // jumped over were holidays: that many business days are still owed. Each
            // round only revisits holidays, so the loop runs about once per cluster of
            // holidays, and never looks past the answer.
            let (mut at, mut remaining) = (day, n);
            while remaining > 0 {
                let next = self.skip_weekdays_forward(at, remaining);
                remaining = -self.adjustment(at + 1, next, unpublished)?;
                at = next;
            }
            return Ok(at);
        }
        // Worked weekend days can give a span more business days than business weekdays,
        // so search: the answer is the first day whose count from `day` (excluded)
        // reaches `n`.
        let reached = |x: i32| -> Result<i32, CalendarError> {
            Ok(self.count_weekdays(day + 1, x + 1) + self.adjustment(day + 1, x, unpublished)?)
        };
        let table_last = self.index().table_last;
        let mut high = self.skip_weekdays_forward(day, n);
        loop {
            // Do not ask about unpublished days when the answer lies before them.
            if unpublished == Unpublished::Refuse
                && high > table_last
                && day < table_last
                && reached(table_last)? >= n
            {
                high = table_last;
                break;
            }
            let count = reached(high)?;
            if count >= n {
                break;
            }
            high = self.skip_weekdays_forward(high, n - count);
        }
        let mut low = day;
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if reached(middle)? >= n {
                high = middle;
            } else {
                low = middle;
            }
        }
        Ok(high)
    }

    /// The `n`-th business day before `day`; `day` when `n == 0`.
    fn backward(&self, day: i32, n: i32, unpublished: Unpublished) -> Result<i32, CalendarError> {
        if n <= 0 {
            return Ok(day);
        }
        if !self.index().has_working {
            let (mut at, mut remaining) = (day, n);
            while remaining > 0 {
                let next = self.skip_weekdays_backward(at, remaining);
                remaining = -self.adjustment(next, at - 1, unpublished)?;
                at = next;
            }
            return Ok(at);
        }
        // The answer is the last day whose count up to `day` (excluded) reaches `n`.
        let reached = |x: i32| -> Result<i32, CalendarError> {
            Ok(self.count_weekdays(x, day) + self.adjustment(x, day - 1, unpublished)?)
        };
        let table_first = self.index().table_first;
        let mut low = self.skip_weekdays_backward(day, n);
        loop {
            // Do not ask about unpublished days when the answer lies after them.
            if unpublished == Unpublished::Refuse
                && low < table_first
                && day > table_first
                && reached(table_first)? >= n
            {
                low = table_first;
                break;
            }
            let count = reached(low)?;
            if count >= n {
                break;
            }
            low = self.skip_weekdays_backward(low, n - count);
        }
        let mut high = day;
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if reached(middle)? >= n {
                low = middle;
            } else {
                high = middle;
            }
        }
        Ok(low)
    }

    /// The `n`-th (n ≥ 1) day after `day` whose weekday is a business weekday.
    fn skip_weekdays_forward(&self, day: i32, n: i32) -> i32 {
        let week = &self.index().week;
        if let Some(&ahead) = week.short_ahead[days::weekday(day)].get(n as usize) {
            return day + i32::from(ahead);
        }
        let weeks = (n - 1) / week.per_week;
        let left = (n - weeks * week.per_week) as usize;
        day + weeks * 7 + i32::from(week.ahead[days::weekday(day)][left - 1])
    }

    /// The `n`-th (n ≥ 1) day before `day` whose weekday is a business weekday.
    fn skip_weekdays_backward(&self, day: i32, n: i32) -> i32 {
        let week = &self.index().week;
        let weeks = (n - 1) / week.per_week;
        let left = (n - weeks * week.per_week) as usize;
        day - weeks * 7 - i32::from(week.behind[days::weekday(day)][left - 1])
    }

    /// Business days in `[start, end)`, `start <= end`.
    fn count_days(
        &self,
        start: i32,
        end: i32,
        unpublished: Unpublished,
    ) -> Result<i32, CalendarError> {
        if start >= end {
            return Ok(0);
        }
        Ok(self.count_weekdays(start, end) + self.adjustment(start, end - 1, unpublished)?)
    }

    /// Days in `[start, end)` whose weekday is a business weekday.
    fn count_weekdays(&self, start: i32, end: i32) -> i32 {
        if start >= end {
            return 0;
        }
        let week = &self.index().week;
        let span = end - start;
        span / 7 * week.per_week
            + i32::from(week.first_days[days::weekday(start)][(span % 7) as usize])
    }
}

/// The weekmask as lookup tables, so skipping and counting weekdays takes no loop.
#[derive(Debug)]
struct WeekTable {
    per_week: i32,
    /// `ahead[w][k]`: days from a day of weekday `w` to the (k+1)-th business weekday
    /// after it.
    ahead: [[u8; 7]; 7],
    /// `behind[w][k]`: days back to the (k+1)-th business weekday before it.
    behind: [[u8; 7]; 7],
    /// `first_days[w][r]`: business weekdays among the `r` days from a day of weekday `w`.
    first_days: [[u8; 7]; 7],
    /// `short_ahead[w][n]`: days to the `n`-th business weekday after a day of weekday
    /// `w`, for the short clocks almost every deadline has (no division needed).
    short_ahead: [[u16; SHORT]; 7],
}

/// Clock lengths [`WeekTable::short_ahead`] answers directly.
const SHORT: usize = 64;

impl WeekTable {
    fn new(weekmask: Weekmask) -> WeekTable {
        let mut table = WeekTable {
            per_week: weekmask.business_days_per_week() as i32,
            ahead: [[0; 7]; 7],
            behind: [[0; 7]; 7],
            first_days: [[0; 7]; 7],
            short_ahead: [[0; SHORT]; 7],
        };
        for weekday in 0..7 {
            let (mut found_ahead, mut found_behind) = (0, 0);
            for distance in 1..=7_u8 {
                if weekmask.is_business_weekday((weekday + usize::from(distance)) % 7) {
                    table.ahead[weekday][found_ahead] = distance;
                    found_ahead += 1;
                }
                if weekmask.is_business_weekday((weekday + 7 - usize::from(distance)) % 7) {
                    table.behind[weekday][found_behind] = distance;
                    found_behind += 1;
                }
            }
            let mut distance = 0_u16;
            for n in 1..SHORT {
                distance += 1;
                while !weekmask.is_business_weekday((weekday + usize::from(distance)) % 7) {
                    distance += 1;
                }
                table.short_ahead[weekday][n] = distance;
            }
            for span in 1..7 {
                let counted = weekmask.is_business_weekday((weekday + span - 1) % 7);
                table.first_days[weekday][span] =
                    table.first_days[weekday][span - 1] + u8::from(counted);
            }
        }
        table
    }
}

/// At most this many 64-day words in a [`DayBits`] (about 1,400 years); lookups outside
/// them use a binary search.
const MAX_WORDS: i32 = 8192;

impl DayIndex {
    fn new(weekmask: Weekmask, builtin: HolidaySet, custom: &[i32]) -> DayIndex {
        let business = |day: &i32| weekmask.is_business_weekday(days::weekday(*day));
        let table = holidays::table(builtin);
        let (table_first, table_last) = table.map_or((i32::MIN, i32::MAX), |table| {
            (table.first_day, table.last_day)
        });
        let in_table = |day: &i32| (table_first..=table_last).contains(day);
        let (builtin_off, builtin_worked): (Vec<i32>, Vec<i32>) = match table {
            None => (Vec::new(), Vec::new()),
            Some(table) => (
                table.off.iter().copied().filter(business).collect(),
                table
                    .working
                    .iter()
                    .copied()
                    .filter(|day| !business(day))
                    .collect(),
            ),
        };
        // The user's holidays win over the set's working days.
        let worked: Vec<i32> = builtin_worked
            .into_iter()
            .filter(|day| custom.binary_search(day).is_err())
            .collect();
        let custom_off = custom.iter().copied().filter(business).filter(|day| {
            if in_table(day) {
                builtin_off.binary_search(day).is_err()
            } else {
                // Outside the table the set's rule counts its own days; refusal (a
                // published set) means the set knows nothing there.
                !holidays::is_off_by_rule(builtin, *day).unwrap_or(false)
            }
        });
        let mut days: Vec<i32> = builtin_off
            .iter()
            .copied()
            .chain(custom_off)
            .chain(worked.iter().copied())
            .collect();
        days.sort_unstable();
        days.dedup();
        let mut prefix = Vec::with_capacity(days.len() + 1);
        let mut total = 0;
        prefix.push(total);
        for day in &days {
            total += if business(day) { -1 } else { 1 };
            prefix.push(total);
        }
        let bits = DayBits::new(&days, table_first, table_last);
        DayIndex {
            table_first,
            table_last,
            days,
            prefix,
            has_working: !worked.is_empty(),
            bits,
            week: WeekTable::new(weekmask),
        }
    }

    /// How many listed days come before `day`.
    #[inline]
    fn rank(&self, day: i32) -> usize {
        self.bits
            .rank(day)
            .unwrap_or_else(|| self.days.partition_point(|&listed| listed < day))
    }

    #[inline]
    fn contains(&self, day: i32) -> bool {
        match self.bits.contains(day) {
            Some(listed) => listed,
            None => self.days.binary_search(&day).is_ok(),
        }
    }

    fn in_table(&self, day: i32) -> bool {
        (self.table_first..=self.table_last).contains(&day)
    }
}

/// A sorted list of days as a bitset over the span they cover (or over the built-in
/// table, when custom holidays stretch the span too far), with running ranks.
#[derive(Debug, Default)]
struct DayBits {
    base: i32,
    words: Vec<u64>,
    /// `ranks[w]`: listed days before word `w` (days before `base` included).
    ranks: Vec<u32>,
}

impl DayBits {
    fn new(days: &[i32], table_first: i32, table_last: i32) -> DayBits {
        let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
            return DayBits::default();
        };
        let (mut low, mut high) = (i64::from(first), i64::from(last));
        if (high - low) / 64 + 1 > i64::from(MAX_WORDS) {
            low = low.max(i64::from(table_first));
            high = high
                .min(i64::from(table_last))
                .min(low + 64 * i64::from(MAX_WORDS) - 1);
        }
        if high < low {
            return DayBits::default();
        }
        let count = ((high - low) / 64 + 1) as usize;
        let mut words = vec![0_u64; count];
        let mut ranks = Vec::with_capacity(count);
        let before = days.partition_point(|&day| i64::from(day) < low);
        for &day in &days[before..] {
            let offset = i64::from(day) - low;
            if offset > high - low {
                break;
            }
            words[(offset / 64) as usize] |= 1 << (offset % 64);
        }
        let mut rank = before as u32;
        for word in &words {
            ranks.push(rank);
            rank += word.count_ones();
        }
        // `low` is one of the listed days or the table's first day: an i32.
        let base = i32::try_from(low).unwrap_or(first);
        DayBits { base, words, ranks }
    }

    /// `(word, bit)` of `day`, if within the bitset.
    #[inline]
    fn place(&self, day: i32) -> Option<(usize, u32)> {
        let offset = usize::try_from(i64::from(day) - i64::from(self.base)).ok()?;
        (offset / 64 < self.words.len()).then_some((offset / 64, (offset % 64) as u32))
    }

    #[inline]
    fn rank(&self, day: i32) -> Option<usize> {
        let (word, bit) = self.place(day)?;
        let below = self.words[word] & ((1_u64 << bit) - 1);
        Some(self.ranks[word] as usize + below.count_ones() as usize)
    }

    #[inline]
    fn contains(&self, day: i32) -> Option<bool> {
        let (word, bit) = self.place(day)?;
        Some(self.words[word] & (1 << bit) != 0)
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

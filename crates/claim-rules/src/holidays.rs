//! Built-in holiday sets: US federal holidays as observed, computed by rule for any year.
//!
//! The rules (5 U.S.C. § 6103, as of 2021), applied to every year:
//!
//! | holiday | date | in force |
//! |---|---|---|
//! | New Year's Day | January 1 | always |
//! | Birthday of Martin Luther King, Jr. | third Monday of January | from 1986 |
//! | Washington's Birthday | third Monday of February | always |
//! | Memorial Day | last Monday of May | always |
//! | Juneteenth National Independence Day | June 19 | from 2021 |
//! | Independence Day | July 4 | always |
//! | Labor Day | first Monday of September | always |
//! | Columbus Day | second Monday of October | always |
//! | Veterans Day | November 11 | always |
//! | Thanksgiving Day | fourth Thursday of November | always |
//! | Christmas Day | December 25 | always |
//!
//! A holiday on a Saturday is observed on the Friday before, one on a Sunday on the
//! Monday after. Only MLK Day and Juneteenth have start years; the other rules are
//! applied to earlier years as they are today (as pandas' `USFederalHolidayCalendar`
//! does), which is not historically exact before 1971.
//!
//! **Which year a holiday belongs to.** Lists are by the year of the *observed* date:
//! when January 1 is a Saturday, New Year's Day is observed on December 31 of the year
//! before and is listed in that earlier year. So the list for 2021 ends with
//! 2021-12-31 (New Year's Day 2022, observed) and the list for 2022 has no New Year's
//! Day. Business-day arithmetic sees every observed date whichever way it is listed.

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};

use crate::calendar::{days, Weekmask};
use crate::policy::HolidaySet;

/// The eleven US federal holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UsFederalHoliday {
    /// January 1.
    NewYearsDay,
    /// Third Monday of January, from 1986.
    MartinLutherKingJrDay,
    /// Third Monday of February (often called Presidents' Day).
    WashingtonsBirthday,
    /// Last Monday of May.
    MemorialDay,
    /// June 19, from 2021.
    Juneteenth,
    /// July 4.
    IndependenceDay,
    /// First Monday of September.
    LaborDay,
    /// Second Monday of October.
    ColumbusDay,
    /// November 11.
    VeteransDay,
    /// Fourth Thursday of November.
    ThanksgivingDay,
    /// December 25.
    ChristmasDay,
}

impl UsFederalHoliday {
    /// Every holiday, in calendar order within a year.
    ///
    /// ```
    /// use claim_rules::holidays::UsFederalHoliday;
    ///
    /// assert_eq!(UsFederalHoliday::ALL.len(), 11);
    /// assert_eq!(UsFederalHoliday::ALL[0], UsFederalHoliday::NewYearsDay);
    /// ```
    pub const ALL: [UsFederalHoliday; 11] = [
        UsFederalHoliday::NewYearsDay,
        UsFederalHoliday::MartinLutherKingJrDay,
        UsFederalHoliday::WashingtonsBirthday,
        UsFederalHoliday::MemorialDay,
        UsFederalHoliday::Juneteenth,
        UsFederalHoliday::IndependenceDay,
        UsFederalHoliday::LaborDay,
        UsFederalHoliday::ColumbusDay,
        UsFederalHoliday::VeteransDay,
        UsFederalHoliday::ThanksgivingDay,
        UsFederalHoliday::ChristmasDay,
    ];

    /// The holiday's name as the law writes it (short form).
    ///
    /// ```
    /// use claim_rules::holidays::UsFederalHoliday;
    ///
    /// assert_eq!(UsFederalHoliday::ThanksgivingDay.name(), "Thanksgiving Day");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            UsFederalHoliday::NewYearsDay => "New Year's Day",
            UsFederalHoliday::MartinLutherKingJrDay => "Birthday of Martin Luther King, Jr.",
            UsFederalHoliday::WashingtonsBirthday => "Washington's Birthday",
            UsFederalHoliday::MemorialDay => "Memorial Day",
            UsFederalHoliday::Juneteenth => "Juneteenth National Independence Day",
            UsFederalHoliday::IndependenceDay => "Independence Day",
            UsFederalHoliday::LaborDay => "Labor Day",
            UsFederalHoliday::ColumbusDay => "Columbus Day",
            UsFederalHoliday::VeteransDay => "Veterans Day",
            UsFederalHoliday::ThanksgivingDay => "Thanksgiving Day",
            UsFederalHoliday::ChristmasDay => "Christmas Day",
        }
    }

    /// The holiday's own date in `year`, before any Saturday/Sunday move; `None` when
    /// the holiday did not exist yet that year (MLK Day before 1986, Juneteenth before
    /// 2021).
    ///
    /// ```
    /// use claim_rules::holidays::UsFederalHoliday;
    /// use jiff::civil::date;
    ///
    /// assert_eq!(UsFederalHoliday::ThanksgivingDay.date_in(2026), Some(date(2026, 11, 26)));
    /// assert_eq!(UsFederalHoliday::IndependenceDay.date_in(2026), Some(date(2026, 7, 4)));
    /// assert_eq!(UsFederalHoliday::Juneteenth.date_in(2020), None);
    /// ```
    pub fn date_in(self, year: i16) -> Option<Date> {
        actual_day(self, i32::from(year)).and_then(|day| days::to_date(day).ok())
    }

    /// The date the holiday is observed for `year`'s occurrence: Saturday → the Friday
    /// before, Sunday → the Monday after. May fall in the previous year (New Year's
    /// Day on a Saturday).
    ///
    /// ```
    /// use claim_rules::holidays::UsFederalHoliday;
    /// use jiff::civil::date;
    ///
    /// // July 4, 2026 is a Saturday.
    /// assert_eq!(UsFederalHoliday::IndependenceDay.observed_in(2026), Some(date(2026, 7, 3)));
    /// // January 1, 2022 is a Saturday: observed on Friday 2021-12-31.
    /// assert_eq!(UsFederalHoliday::NewYearsDay.observed_in(2022), Some(date(2021, 12, 31)));
    /// // Christmas 2022 is a Sunday: observed on Monday 2022-12-26.
    /// assert_eq!(UsFederalHoliday::ChristmasDay.observed_in(2022), Some(date(2022, 12, 26)));
    /// ```
    pub fn observed_in(self, year: i16) -> Option<Date> {
        actual_day(self, i32::from(year)).and_then(|day| days::to_date(observed(day)).ok())
    }
}

impl std::fmt::Display for UsFederalHoliday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One occurrence of a holiday: the day it is observed and its own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Holiday {
    /// The day off: the holiday's own date, moved off a weekend.
    pub observed: Date,
    /// The holiday's own date (for example Saturday July 4).
    pub actual: Date,
    /// Which holiday it is.
    pub holiday: UsFederalHoliday,
}

impl Holiday {
    /// The holiday's name.
    ///
    /// ```
    /// use claim_rules::holidays::us_federal_holidays;
    ///
    /// assert_eq!(us_federal_holidays(2026)[0].name(), "New Year's Day");
    /// ```
    pub fn name(&self) -> &'static str {
        self.holiday.name()
    }

    /// Whether the holiday is observed on another day than its own date (it fell on a
    /// weekend).
    ///
    /// ```
    /// use claim_rules::holidays::{us_federal_holidays, UsFederalHoliday};
    /// use jiff::civil::date;
    ///
    /// let list = us_federal_holidays(2026);
    /// let july_4 = list.iter().find(|h| h.holiday == UsFederalHoliday::IndependenceDay).unwrap();
    /// assert!(july_4.is_moved());
    /// assert_eq!(july_4.observed, date(2026, 7, 3));
    /// ```
    pub fn is_moved(&self) -> bool {
        self.observed != self.actual
    }
}

/// US federal holidays *observed* in `year`, sorted by observed date.
///
/// Listed by the year of the observed date: a Saturday New Year's Day appears at the
/// end of the previous year's list (see the module documentation).
///
/// ```
/// use claim_rules::holidays::{us_federal_holidays, UsFederalHoliday};
/// use jiff::civil::date;
///
/// let list = us_federal_holidays(2026);
/// assert_eq!(list.len(), 11);
/// assert_eq!(list[0].observed, date(2026, 1, 1));
/// assert_eq!(list[9].observed, date(2026, 11, 26)); // Thanksgiving
/// assert_eq!(list[10].observed, date(2026, 12, 25)); // Christmas, a Friday
///
/// // 2022-01-01 is a Saturday: listed in 2021 as 2021-12-31, absent from 2022.
/// let list_2021 = us_federal_holidays(2021);
/// assert_eq!(list_2021.len(), 12);
/// assert_eq!(list_2021[11].observed, date(2021, 12, 31));
/// assert_eq!(list_2021[11].actual, date(2022, 1, 1));
/// let list_2022 = us_federal_holidays(2022);
/// assert_eq!(list_2022.len(), 10);
/// assert!(list_2022.iter().all(|h| h.holiday != UsFederalHoliday::NewYearsDay));
/// ```
pub fn us_federal_holidays(year: i16) -> Vec<Holiday> {
    let year = i32::from(year);
    let this_year = UsFederalHoliday::ALL
        .into_iter()
        .filter_map(|holiday| actual_day(holiday, year).map(|day| (holiday, day)));
    let next_new_year = actual_day(UsFederalHoliday::NewYearsDay, year + 1)
        .map(|day| (UsFederalHoliday::NewYearsDay, day));
    this_year
        .chain(next_new_year)
        .filter(|&(_, day)| days::year_of(observed(day)) == year)
        .filter_map(|(holiday, day)| {
            Some(Holiday {
                observed: days::to_date(observed(day)).ok()?,
                actual: days::to_date(day).ok()?,
                holiday,
            })
        })
        .collect()
}

/// The holidays of a built-in set observed in `year` (empty for [`HolidaySet::None`]).
///
/// ```
/// use claim_rules::holidays::holidays_in_year;
/// use claim_rules::policy::HolidaySet;
///
/// assert_eq!(holidays_in_year(HolidaySet::UsFederal, 2026).len(), 11);
/// assert!(holidays_in_year(HolidaySet::None, 2026).is_empty());
/// ```
pub fn holidays_in_year(set: HolidaySet, year: i16) -> Vec<Holiday> {
    match set {
        HolidaySet::None => Vec::new(),
        HolidaySet::UsFederal => us_federal_holidays(year),
    }
}

/// Whether `date` is the observed date of a US federal holiday.
///
/// ```
/// use claim_rules::holidays::is_us_federal_holiday;
/// use jiff::civil::date;
///
/// assert!(is_us_federal_holiday(date(2026, 11, 26))); // Thanksgiving
/// assert!(is_us_federal_holiday(date(2026, 7, 3))); // July 4 (a Saturday), observed
/// assert!(!is_us_federal_holiday(date(2026, 7, 4)));
/// assert!(is_us_federal_holiday(date(2021, 12, 31))); // New Year 2022, observed
/// assert!(!is_us_federal_holiday(date(1985, 1, 21))); // before MLK Day existed
/// assert!(is_us_federal_holiday(date(1986, 1, 20))); // the first MLK Day
/// ```
pub fn is_us_federal_holiday(date: Date) -> bool {
    is_us_federal_observed_day(days::from_date(date))
}

/// Whether the day number is the observed date of a US federal holiday.
pub(crate) fn is_us_federal_observed_day(day: i32) -> bool {
    let table = table();
    if (table.first_day..=table.last_day).contains(&day) {
        table.days.binary_search(&day).is_ok()
    } else {
        us_federal_observed_days(days::year_of(day)).any(|holiday| holiday == day)
    }
}

/// How many observed US federal holidays in `[first, last]` (inclusive day numbers) fall
/// on a business weekday of `weekmask`. Uses the precomputed table by binary search
/// where it can and the per-year rule outside it.
pub(crate) fn count_us_federal_between(first: i32, last: i32, weekmask: Weekmask) -> i32 {
    if first > last {
        return 0;
    }
    let table = table();
    let counts = |day: &i32| weekmask.is_business_weekday(days::weekday(*day));
    let mut count = 0;
    if first < table.first_day {
        count += count_by_rule(first, last.min(table.first_day - 1), weekmask);
    }
    if last > table.last_day {
        count += count_by_rule(first.max(table.last_day + 1), last, weekmask);
    }
    let (low, high) = (first.max(table.first_day), last.min(table.last_day));
    if low <= high {
        let from = table.days.partition_point(|&day| day < low);
        let to = table.days.partition_point(|&day| day <= high);
        let in_range = &table.days[from..to];
        // Observed holidays are never on a weekend, so with Monday to Friday all
        // business days every one of them counts.
        count += if weekmask.days()[..5].iter().all(|&on| on) {
            in_range.len() as i32
        } else {
            in_range.iter().filter(|day| counts(day)).count() as i32
        };
    }
    count
}

/// [`count_us_federal_between`] by the per-year rule, for years outside the table.
fn count_by_rule(first: i32, last: i32, weekmask: Weekmask) -> i32 {
    if first > last {
        return 0;
    }
    let mut count = 0;
    for year in days::year_of(first)..=days::year_of(last) {
        for day in us_federal_observed_days(year) {
            if day >= first && day <= last && weekmask.is_business_weekday(days::weekday(day)) {
                count += 1;
            }
        }
    }
    count
}

/// Observed US federal holidays of the years most deadlines touch, computed once per
/// process: day numbers, sorted.
struct Table {
    first_day: i32,
    last_day: i32,
    days: Vec<i32>,
}

const TABLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table {
        first_day: days::from_civil(*TABLE_YEARS.start(), 1, 1),
        last_day: days::from_civil(*TABLE_YEARS.end(), 12, 31),
        days: TABLE_YEARS.flat_map(us_federal_observed_days).collect(),
    })
}

/// Day numbers of the US federal holidays observed in `year`, sorted (no allocation, no
/// date validation).
pub(crate) fn us_federal_observed_days(year: i32) -> impl Iterator<Item = i32> {
    let mut found = [0_i32; 12];
    let mut len = 0;
    let this_year = UsFederalHoliday::ALL.into_iter().map(|h| (h, year));
    let next_new_year = std::iter::once((UsFederalHoliday::NewYearsDay, year + 1));
    for (holiday, rule_year) in this_year.chain(next_new_year) {
        if let Some(day) = actual_day(holiday, rule_year) {
            let day = observed(day);
            // Only New Year's Day can move across a year end; a cheap month check
            // avoids a full civil conversion for every holiday.
            let in_year = match (holiday, rule_year == year) {
                (UsFederalHoliday::NewYearsDay, true) => day >= days::from_civil(year, 1, 1),
                (UsFederalHoliday::NewYearsDay, false) => day < days::from_civil(year + 1, 1, 1),
                _ => true,
            };
            if in_year {
                found[len] = day;
                len += 1;
            }
        }
    }
    found.into_iter().take(len)
}

/// Day number of `holiday`'s own date in `year`, if the holiday exists that year.
fn actual_day(holiday: UsFederalHoliday, year: i32) -> Option<i32> {
    let day = match holiday {
        UsFederalHoliday::NewYearsDay => days::from_civil(year, 1, 1),
        UsFederalHoliday::MartinLutherKingJrDay if year >= 1986 => {
            nth_weekday(year, 1, Weekday::Monday, 3)
        }
        UsFederalHoliday::MartinLutherKingJrDay => return None,
        UsFederalHoliday::WashingtonsBirthday => nth_weekday(year, 2, Weekday::Monday, 3),
        UsFederalHoliday::MemorialDay => {
            let may_31 = days::from_civil(year, 5, 31);
            may_31 - (days::weekday(may_31) as i32 - monday_zero(Weekday::Monday)).rem_euclid(7)
        }
        UsFederalHoliday::Juneteenth if year >= 2021 => days::from_civil(year, 6, 19),
        UsFederalHoliday::Juneteenth => return None,
        UsFederalHoliday::IndependenceDay => days::from_civil(year, 7, 4),
        UsFederalHoliday::LaborDay => nth_weekday(year, 9, Weekday::Monday, 1),
        UsFederalHoliday::ColumbusDay => nth_weekday(year, 10, Weekday::Monday, 2),
        UsFederalHoliday::VeteransDay => days::from_civil(year, 11, 11),
        UsFederalHoliday::ThanksgivingDay => nth_weekday(year, 11, Weekday::Thursday, 4),
        UsFederalHoliday::ChristmasDay => days::from_civil(year, 12, 25),
    };
    Some(day)
}

/// Saturday → the Friday before, Sunday → the Monday after.
fn observed(day: i32) -> i32 {
    match days::weekday(day) {
        5 => day - 1,
        6 => day + 1,
        _ => day,
    }
}

/// Day number of the `nth` (1-based) `weekday` of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i32) -> i32 {
    let first = days::from_civil(year, month, 1);
    let to_weekday = (monday_zero(weekday) - days::weekday(first) as i32).rem_euclid(7);
    first + to_weekday + 7 * (nth - 1)
}

fn monday_zero(weekday: Weekday) -> i32 {
    i32::from(weekday.to_monday_zero_offset())
}

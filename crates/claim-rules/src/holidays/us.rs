//! US federal holidays as observed, computed by rule for any year.
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

use jiff::civil::{Date, Weekday};

use super::{nth_weekday, DayKind, Holiday, HolidayName, YearEntries};
use crate::calendar::days;

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

    /// A stable machine code (`us.` and the holiday in snake case).
    ///
    /// ```
    /// use claim_rules::holidays::UsFederalHoliday;
    ///
    /// assert_eq!(UsFederalHoliday::MartinLutherKingJrDay.code(), "us.martin_luther_king_jr_day");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            UsFederalHoliday::NewYearsDay => "us.new_years_day",
            UsFederalHoliday::MartinLutherKingJrDay => "us.martin_luther_king_jr_day",
            UsFederalHoliday::WashingtonsBirthday => "us.washingtons_birthday",
            UsFederalHoliday::MemorialDay => "us.memorial_day",
            UsFederalHoliday::Juneteenth => "us.juneteenth",
            UsFederalHoliday::IndependenceDay => "us.independence_day",
            UsFederalHoliday::LaborDay => "us.labor_day",
            UsFederalHoliday::ColumbusDay => "us.columbus_day",
            UsFederalHoliday::VeteransDay => "us.veterans_day",
            UsFederalHoliday::ThanksgivingDay => "us.thanksgiving_day",
            UsFederalHoliday::ChristmasDay => "us.christmas_day",
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
        actual_day(self, i32::from(year)).and_then(|day| days::to_date(observed(day).0).ok())
    }
}

/// US federal holidays *observed* in `year`, sorted by observed date.
///
/// Listed by the year of the observed date: a Saturday New Year's Day appears at the
/// end of the previous year's list.
///
/// ```
/// use claim_rules::holidays::{us_federal_holidays, HolidayName, UsFederalHoliday};
/// use jiff::civil::date;
///
/// let list = us_federal_holidays(2026);
/// assert_eq!(list.len(), 11);
/// assert_eq!(list[0].date, date(2026, 1, 1));
/// assert_eq!(list[9].date, date(2026, 11, 26)); // Thanksgiving
/// assert_eq!(list[10].date, date(2026, 12, 25)); // Christmas, a Friday
///
/// // 2022-01-01 is a Saturday: listed in 2021 as 2021-12-31, absent from 2022.
/// let list_2021 = us_federal_holidays(2021);
/// assert_eq!(list_2021.len(), 12);
/// assert_eq!(list_2021[11].date, date(2021, 12, 31));
/// assert_eq!(list_2021[11].own_date(), Some(date(2022, 1, 1)));
/// let new_year = HolidayName::UsFederal(UsFederalHoliday::NewYearsDay);
/// assert!(us_federal_holidays(2022).iter().all(|h| h.name != new_year));
/// ```
pub fn us_federal_holidays(year: i16) -> Vec<Holiday> {
    let entries = self::year(i32::from(year));
    entries
        .off
        .iter()
        .filter_map(|entry| {
            Some(Holiday {
                date: days::to_date(entry.day).ok()?,
                name: entry.name,
                kind: entry.kind,
            })
        })
        .collect()
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
    let day = days::from_date(date);
    year(days::year_of(day))
        .off
        .iter()
        .any(|entry| entry.day == day)
}

/// The holidays observed in `year` (including the next year's New Year's Day when it is
/// observed on December 31), sorted.
pub(super) fn year(year: i32) -> YearEntries {
    let mut entries = YearEntries::default();
    let this_year = UsFederalHoliday::ALL.into_iter().map(|h| (h, year));
    let next_new_year = std::iter::once((UsFederalHoliday::NewYearsDay, year + 1));
    for (holiday, rule_year) in this_year.chain(next_new_year) {
        if let Some(own) = actual_day(holiday, rule_year) {
            let (day, offset) = observed(own);
            if days::year_of(day) == year {
                let kind = if offset == 0 {
                    DayKind::OwnDate
                } else {
                    DayKind::Observed {
                        own_date_offset: offset,
                    }
                };
                entries.push_kind(day, HolidayName::UsFederal(holiday), kind);
            }
        }
    }
    entries.sorted()
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
        UsFederalHoliday::MemorialDay => nth_weekday(year, 6, Weekday::Monday, 1) - 7,
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

/// Saturday → the Friday before, Sunday → the Monday after; with the offset from the
/// observed day back to the own date.
fn observed(day: i32) -> (i32, i8) {
    match days::weekday(day) {
        5 => (day - 1, 1),
        6 => (day + 1, -1),
        _ => (day, 0),
    }
}

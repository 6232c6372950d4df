//! Built-in holiday sets: which days are off (and, for China, which weekend days are
//! declared working days) in each national calendar CPOR Desk knows.
//!
//! | set | how | years |
//! |---|---|---|
//! | [`HolidaySet::UsFederal`] | by rule (5 U.S.C. § 6103), observed off weekends | any |
//! | [`HolidaySet::Sweden`] | by rule (public holidays, plus three de-facto days off) | any |
//! | [`HolidaySet::Germany`] | by rule (the nationwide public holidays) | any |
//! | [`HolidaySet::Netherlands`] | by rule (the national holidays) | any |
//! | [`HolidaySet::China`] | published data: the State Council's yearly notices | 2001–2026 |
//!
//! Rule-based sets apply today's rules to every year, with the changes of the law the
//! module of each country lists (Sweden's National Day from 2005, Germany's Day of
//! Repentance and Prayer until 1994, and so on); years before a country's modern rules
//! are computed as if those rules had always applied.
//!
//! **China** announces its holidays year by year: a notice of the State Council names
//! each holiday period (weekends inside it included) and the weekend days that become
//! working days to make up for weekdays off. No rule predicts them, so only published
//! years are shipped, and any question about another year is refused with
//! [`CalendarError::YearNotPublished`] rather than guessed.
//!
//! **Sweden's eves.** Midsummer Eve, Christmas Eve and New Year's Eve are not public
//! holidays by law, but Swedish law treats them as Sundays where deadlines and leave are
//! counted (the law on computing statutory time limits moves a deadline falling on
//! them to the next weekday), and almost every workplace is closed. The Swedish set
//! therefore counts them as days off, marked [`DayKind::DeFacto`].
//!
//! **Which year a day belongs to.** Lists are by the year of the day off: the US New
//! Year's Day of 2022, a Saturday, is observed on Friday 2021-12-31 and listed in 2021.
//!
//! ```
//! use claim_rules::holidays::{holidays_in_year, DayKind, HolidayName, SwedishHoliday};
//! use claim_rules::policy::HolidaySet;
//! use jiff::civil::date;
//!
//! let sweden = holidays_in_year(HolidaySet::Sweden, 2026)?;
//! let midsummer_eve = sweden.days_off.iter().find(|day| day.date == date(2026, 6, 19)).unwrap();
//! assert_eq!(midsummer_eve.name, HolidayName::Sweden(SwedishHoliday::MidsummerEve));
//! assert_eq!(midsummer_eve.kind, DayKind::DeFacto);
//!
//! // China: 2026-01-04 is a Sunday worked to make up for Friday 2026-01-02.
//! let china = holidays_in_year(HolidaySet::China, 2026)?;
//! assert!(china.working_days.iter().any(|day| day.date == date(2026, 1, 4)));
//! assert!(holidays_in_year(HolidaySet::China, 2027).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};

use crate::calendar::{days, CalendarError};
use crate::policy::HolidaySet;

mod china;
mod germany;
mod netherlands;
mod sweden;
mod us;

pub use china::ChineseHoliday;
pub use germany::GermanHoliday;
pub use netherlands::DutchHoliday;
pub use sweden::SwedishHoliday;
pub use us::{is_us_federal_holiday, us_federal_holidays, UsFederalHoliday};

/// Which holiday a day belongs to, in any built-in set.
///
/// ```
/// use claim_rules::holidays::{GermanHoliday, HolidayName};
///
/// let name = HolidayName::Germany(GermanHoliday::GermanUnityDay);
/// assert_eq!(name.code(), "de.german_unity_day");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HolidayName {
    /// A US federal holiday.
    UsFederal(UsFederalHoliday),
    /// A Swedish public holiday or de-facto day off.
    Sweden(SwedishHoliday),
    /// A German nationwide public holiday.
    Germany(GermanHoliday),
    /// A Dutch national holiday.
    Netherlands(DutchHoliday),
    /// A Chinese holiday period.
    China(ChineseHoliday),
}

impl HolidayName {
    /// A stable machine code, `<country>.<holiday>`; the catalogue key is
    /// `holiday.<code>`.
    ///
    /// ```
    /// use claim_rules::holidays::{HolidayName, SwedishHoliday, UsFederalHoliday};
    ///
    /// assert_eq!(HolidayName::UsFederal(UsFederalHoliday::ThanksgivingDay).code(), "us.thanksgiving_day");
    /// assert_eq!(HolidayName::Sweden(SwedishHoliday::MidsummerEve).code(), "se.midsummer_eve");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            HolidayName::UsFederal(holiday) => holiday.code(),
            HolidayName::Sweden(holiday) => holiday.code(),
            HolidayName::Germany(holiday) => holiday.code(),
            HolidayName::Netherlands(holiday) => holiday.code(),
            HolidayName::China(holiday) => holiday.code(),
        }
    }

    /// The set the holiday belongs to.
    ///
    /// ```
    /// use claim_rules::holidays::{ChineseHoliday, HolidayName};
    /// use claim_rules::policy::HolidaySet;
    ///
    /// assert_eq!(HolidayName::China(ChineseHoliday::SpringFestival).set(), HolidaySet::China);
    /// ```
    pub fn set(self) -> HolidaySet {
        match self {
            HolidayName::UsFederal(_) => HolidaySet::UsFederal,
            HolidayName::Sweden(_) => HolidaySet::Sweden,
            HolidayName::Germany(_) => HolidaySet::Germany,
            HolidayName::Netherlands(_) => HolidaySet::Netherlands,
            HolidayName::China(_) => HolidaySet::China,
        }
    }
}

/// How a day off relates to its holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayKind {
    /// The holiday's own date.
    OwnDate,
    /// The holiday is observed on this day because its own date falls on a weekend day
    /// (US: Saturday → the Friday before, Sunday → the Monday after; the Netherlands:
    /// King's Day on a Sunday → the Saturday before).
    Observed {
        /// Days from this day to the holiday's own date (+1: the day after).
        own_date_offset: i8,
    },
    /// Not a public holiday by law, but treated as one (Sweden's three eves).
    DeFacto,
    /// A day of a holiday period a published calendar declares (China), weekends and
    /// days off made up by working days included.
    Period,
}

/// One day off of a built-in set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Holiday {
    /// The day off.
    pub date: Date,
    /// Which holiday.
    pub name: HolidayName,
    /// How the day relates to the holiday.
    pub kind: DayKind,
}

impl Holiday {
    /// Whether the holiday is observed on another day than its own date.
    ///
    /// ```
    /// use claim_rules::holidays::us_federal_holidays;
    /// use jiff::civil::date;
    ///
    /// let july_3 = us_federal_holidays(2026).into_iter().find(|h| h.date == date(2026, 7, 3)).unwrap();
    /// assert!(july_3.is_moved());
    /// ```
    pub fn is_moved(&self) -> bool {
        match self.kind {
            DayKind::Observed { .. } => true,
            DayKind::OwnDate | DayKind::DeFacto | DayKind::Period => false,
        }
    }

    /// The holiday's own date when it is observed on another day; `None` when it is not
    /// moved, or when its own date is past the last representable date (New Year's Day
    /// of the year 10000, observed on Friday 9999-12-31).
    ///
    /// ```
    /// use claim_rules::holidays::us_federal_holidays;
    /// use jiff::civil::date;
    ///
    /// let list = us_federal_holidays(2026);
    /// let july_3 = list.iter().find(|h| h.date == date(2026, 7, 3)).unwrap();
    /// assert_eq!(july_3.own_date(), Some(date(2026, 7, 4)));
    /// let last = *us_federal_holidays(9999).last().unwrap();
    /// assert_eq!((last.date, last.own_date()), (date(9999, 12, 31), None));
    /// ```
    pub fn own_date(&self) -> Option<Date> {
        match self.kind {
            DayKind::Observed { own_date_offset } => {
                days::to_date(days::from_date(self.date) + i32::from(own_date_offset)).ok()
            }
            DayKind::OwnDate | DayKind::DeFacto | DayKind::Period => None,
        }
    }

    /// The weekday of the holiday's own date (the day off's weekday when not moved).
    ///
    /// ```
    /// use claim_rules::holidays::us_federal_holidays;
    /// use jiff::civil::Weekday;
    ///
    /// let last = *us_federal_holidays(9999).last().unwrap();
    /// assert_eq!(last.own_weekday(), Weekday::Saturday);
    /// ```
    pub fn own_weekday(&self) -> Weekday {
        match self.kind {
            DayKind::Observed { own_date_offset } => {
                self.date.weekday().wrapping_add(own_date_offset)
            }
            DayKind::OwnDate | DayKind::DeFacto | DayKind::Period => self.date.weekday(),
        }
    }
}

/// A weekend day a published calendar declares a working day, to make up for a weekday
/// of a holiday period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WorkingDay {
    /// The day worked.
    pub date: Date,
    /// The holiday period it makes up for.
    pub name: HolidayName,
}

/// A built-in set's calendar for one year: its days off and declared working days,
/// each sorted by date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HolidayYear {
    /// Days off, by date (a day can appear twice when two holidays coincide).
    pub days_off: Vec<Holiday>,
    /// Weekend days declared working days (China only), by date.
    pub working_days: Vec<WorkingDay>,
}

/// Which years a built-in set can answer for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Every year: the set is computed by rule.
    EveryYear,
    /// Only the published years, `first` to `last` inclusive; other years are refused.
    PublishedYears {
        /// The first published year.
        first: i16,
        /// The last published year.
        last: i16,
    },
}

/// Which years `set` can answer for.
///
/// ```
/// use claim_rules::holidays::{coverage, Coverage};
/// use claim_rules::policy::HolidaySet;
///
/// assert_eq!(coverage(HolidaySet::Germany), Coverage::EveryYear);
/// assert_eq!(coverage(HolidaySet::China), Coverage::PublishedYears { first: 2001, last: 2026 });
/// ```
pub fn coverage(set: HolidaySet) -> Coverage {
    match set {
        HolidaySet::China => Coverage::PublishedYears {
            first: china::FIRST_YEAR,
            last: china::LAST_YEAR,
        },
        HolidaySet::None
        | HolidaySet::UsFederal
        | HolidaySet::Sweden
        | HolidaySet::Germany
        | HolidaySet::Netherlands => Coverage::EveryYear,
    }
}

/// The days off (and declared working days) of a built-in set in `year`; empty for
/// [`HolidaySet::None`].
///
/// # Errors
///
/// [`CalendarError::YearNotPublished`] for a year of a published set (China) outside
/// its published years.
///
/// ```
/// use claim_rules::calendar::CalendarError;
/// use claim_rules::holidays::holidays_in_year;
/// use claim_rules::policy::HolidaySet;
/// use jiff::civil::date;
///
/// assert_eq!(holidays_in_year(HolidaySet::UsFederal, 2026)?.days_off.len(), 11);
/// assert!(holidays_in_year(HolidaySet::None, 2026)?.days_off.is_empty());
/// // 9999-12-31 is New Year's Day of 10000 (a Saturday), observed.
/// let last = *holidays_in_year(HolidaySet::UsFederal, 9999)?.days_off.last().unwrap();
/// assert_eq!(last.date, date(9999, 12, 31));
/// assert_eq!(
///     holidays_in_year(HolidaySet::China, 2030),
///     Err(CalendarError::YearNotPublished { set: HolidaySet::China, year: 2030, first: 2001, last: 2026 }),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn holidays_in_year(set: HolidaySet, year: i16) -> Result<HolidayYear, CalendarError> {
    let entries = year_entries(set, i32::from(year))?;
    let to_date = |day: i32| days::to_date(day).ok();
    Ok(HolidayYear {
        days_off: entries
            .off
            .iter()
            .filter_map(|entry| {
                Some(Holiday {
                    date: to_date(entry.day)?,
                    name: entry.name,
                    kind: entry.kind,
                })
            })
            .collect(),
        working_days: entries
            .working
            .iter()
            .filter_map(|&(day, name)| {
                Some(WorkingDay {
                    date: to_date(day)?,
                    name,
                })
            })
            .collect(),
    })
}

// ---- shared by the sets and the calendar ----

/// One day off as day number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) day: i32,
    pub(crate) name: HolidayName,
    pub(crate) kind: DayKind,
}

/// One year of a set, as day numbers, each list sorted.
#[derive(Debug, Default)]
pub(crate) struct YearEntries {
    pub(crate) off: Vec<Entry>,
    pub(crate) working: Vec<(i32, HolidayName)>,
}

impl YearEntries {
    fn push(&mut self, day: i32, name: HolidayName) {
        self.off.push(Entry {
            day,
            name,
            kind: DayKind::OwnDate,
        });
    }

    fn push_kind(&mut self, day: i32, name: HolidayName, kind: DayKind) {
        self.off.push(Entry { day, name, kind });
    }

    fn sorted(mut self) -> YearEntries {
        self.off.sort_by_key(|entry| entry.day);
        self.working.sort_by_key(|&(day, _)| day);
        self
    }
}

/// The year's entries of `set`, listed by the year of the day off.
pub(crate) fn year_entries(set: HolidaySet, year: i32) -> Result<YearEntries, CalendarError> {
    Ok(match set {
        HolidaySet::None => YearEntries::default(),
        HolidaySet::UsFederal => us::year(year),
        HolidaySet::Sweden => sweden::year(year),
        HolidaySet::Germany => germany::year(year),
        HolidaySet::Netherlands => netherlands::year(year),
        HolidaySet::China => china::year(year)?,
    })
}

/// A set's days off and working days over a span of years, as sorted day numbers, built
/// once per process: the calendar's arithmetic searches these instead of generating
/// holidays for every question.
#[derive(Debug)]
pub(crate) struct SetTable {
    /// First and last day the table answers for (whole years).
    pub(crate) first_day: i32,
    pub(crate) last_day: i32,
    /// Days off (any weekday), sorted, without repeats.
    pub(crate) off: Vec<i32>,
    /// Declared working days, sorted.
    pub(crate) working: Vec<i32>,
}

/// Years the rule-based sets are tabulated for; outside them the rules are applied year
/// by year on demand.
const TABLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The table of a built-in set (`None` for [`HolidaySet::None`]).
pub(crate) fn table(set: HolidaySet) -> Option<&'static SetTable> {
    static US: OnceLock<SetTable> = OnceLock::new();
    static SE: OnceLock<SetTable> = OnceLock::new();
    static DE: OnceLock<SetTable> = OnceLock::new();
    static NL: OnceLock<SetTable> = OnceLock::new();
    static CN: OnceLock<SetTable> = OnceLock::new();
    let (cell, years) = match set {
        HolidaySet::None => return None,
        HolidaySet::UsFederal => (&US, TABLE_YEARS),
        HolidaySet::Sweden => (&SE, TABLE_YEARS),
        HolidaySet::Germany => (&DE, TABLE_YEARS),
        HolidaySet::Netherlands => (&NL, TABLE_YEARS),
        HolidaySet::China => (
            &CN,
            i32::from(china::FIRST_YEAR)..=i32::from(china::LAST_YEAR),
        ),
    };
    Some(cell.get_or_init(|| build_table(set, years)))
}

fn build_table(set: HolidaySet, years: std::ops::RangeInclusive<i32>) -> SetTable {
    let first_day = days::from_civil(*years.start(), 1, 1);
    let last_day = days::from_civil(*years.end(), 12, 31);
    let mut off = Vec::new();
    let mut working = Vec::new();
    for year in years {
        // Every year of the range exists for every set (China's range is its published
        // years), so an error cannot happen; an empty year would only make the table
        // answer less, never wrongly.
        if let Ok(entries) = year_entries(set, year) {
            off.extend(entries.off.iter().map(|entry| entry.day));
            working.extend(entries.working.iter().map(|&(day, _)| day));
        }
    }
    off.retain(|day| (first_day..=last_day).contains(day));
    working.retain(|day| (first_day..=last_day).contains(day));
    off.sort_unstable();
    off.dedup();
    working.sort_unstable();
    working.dedup();
    SetTable {
        first_day,
        last_day,
        off,
        working,
    }
}

/// Whether `day` is a day off of `set`, outside the set's table: by rule for the
/// rule-based sets, refused for a published set.
pub(crate) fn is_off_by_rule(set: HolidaySet, day: i32) -> Result<bool, CalendarError> {
    let year = days::year_of(day);
    // A year's list can hold the next year's New Year's Day (US, observed on December
    // 31), so the day's own year is enough.
    Ok(year_entries(set, year)?
        .off
        .iter()
        .any(|entry| entry.day == day))
}

// ---- rule helpers ----

/// Day number of Easter Sunday in the Gregorian calendar (the "anonymous" computus of
/// Meeus, Jones and Butcher), valid for every proleptic Gregorian year.
pub(crate) fn easter_sunday(year: i32) -> i32 {
    let golden = year.rem_euclid(19);
    let century = year.div_euclid(100);
    let year_of_century = year.rem_euclid(100);
    let leap_centuries = century.div_euclid(4);
    let century_rest = century.rem_euclid(4);
    let moon_correction = (century + 8).div_euclid(25);
    let solar_correction = (century - moon_correction + 1).div_euclid(3);
    let epact = (19 * golden + century - leap_centuries - solar_correction + 15).rem_euclid(30);
    let leap_years = year_of_century.div_euclid(4);
    let year_rest = year_of_century.rem_euclid(4);
    let to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest).rem_euclid(7);
    let late = (golden + 11 * epact + 22 * to_sunday).div_euclid(451);
    let month = (epact + to_sunday - 7 * late + 114).div_euclid(31);
    let day = (epact + to_sunday - 7 * late + 114).rem_euclid(31) + 1;
    days::from_civil(year, month.unsigned_abs(), day.unsigned_abs())
}

/// The first day on or after `day` that is a `weekday`.
pub(crate) fn on_or_after(day: i32, weekday: Weekday) -> i32 {
    day + (monday_zero(weekday) - days::weekday(day) as i32).rem_euclid(7)
}

/// Day number of the `nth` (1-based) `weekday` of a month.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i32) -> i32 {
    on_or_after(days::from_civil(year, month, 1), weekday) + 7 * (nth - 1)
}

pub(crate) fn monday_zero(weekday: Weekday) -> i32 {
    i32::from(weekday.to_monday_zero_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_matches_known_dates() {
        for (year, month, day) in [
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(
                easter_sunday(year),
                days::from_civil(year, month, day),
                "{year}"
            );
        }
    }
}

//! The Netherlands: the national holidays, computed by rule for any year.
//!
//! | holiday | date | in force |
//! |---|---|---|
//! | New Year's Day (Nieuwjaarsdag) | January 1 | always |
//! | Good Friday (Goede Vrijdag) | Easter − 2 | always |
//! | Easter Sunday, Easter Monday (Eerste, Tweede Paasdag) | Easter, Easter + 1 | always |
//! | King's Day (Koningsdag) | April 27; on a Sunday, the Saturday before | from 2014 |
//! | Queen's Day (Koninginnedag) | April 30; on a Sunday, the Saturday before (from 1980) or the Monday after (before) | until 2013 |
//! | Liberation Day (Bevrijdingsdag) | May 5 | every fifth year (2025, 2030, …) |
//! | Ascension Day (Hemelvaartsdag) | Easter + 39 | always |
//! | Whit Sunday, Whit Monday (Eerste, Tweede Pinksterdag) | Easter + 49, + 50 | always |
//! | Christmas Day, Second Day of Christmas (Eerste, Tweede Kerstdag) | December 25, 26 | always |
//!
//! Liberation Day is a national holiday every year by law, but most collective labour
//! agreements give it off only in years divisible by five; the set follows that
//! practice, as the reference list it is checked against does. The rules are applied to
//! every year as they have stood since 1980 (1966 for the Queen's Day move).

use super::{easter_sunday, DayKind, HolidayName, YearEntries};
use crate::calendar::days;

/// The Dutch national holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DutchHoliday {
    /// Nieuwjaarsdag, January 1.
    NewYearsDay,
    /// Goede Vrijdag.
    GoodFriday,
    /// Eerste Paasdag.
    EasterSunday,
    /// Tweede Paasdag.
    EasterMonday,
    /// Koningsdag, from 2014.
    KingsDay,
    /// Koninginnedag, until 2013.
    QueensDay,
    /// Bevrijdingsdag, May 5, in years divisible by five.
    LiberationDay,
    /// Hemelvaartsdag.
    AscensionDay,
    /// Eerste Pinksterdag.
    WhitSunday,
    /// Tweede Pinksterdag.
    WhitMonday,
    /// Eerste Kerstdag.
    ChristmasDay,
    /// Tweede Kerstdag.
    SecondDayOfChristmas,
}

impl DutchHoliday {
    /// A stable machine code (`nl.` and the holiday in snake case).
    ///
    /// ```
    /// use claim_rules::holidays::DutchHoliday;
    ///
    /// assert_eq!(DutchHoliday::KingsDay.code(), "nl.kings_day");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            DutchHoliday::NewYearsDay => "nl.new_years_day",
            DutchHoliday::GoodFriday => "nl.good_friday",
            DutchHoliday::EasterSunday => "nl.easter_sunday",
            DutchHoliday::EasterMonday => "nl.easter_monday",
            DutchHoliday::KingsDay => "nl.kings_day",
            DutchHoliday::QueensDay => "nl.queens_day",
            DutchHoliday::LiberationDay => "nl.liberation_day",
            DutchHoliday::AscensionDay => "nl.ascension_day",
            DutchHoliday::WhitSunday => "nl.whit_sunday",
            DutchHoliday::WhitMonday => "nl.whit_monday",
            DutchHoliday::ChristmasDay => "nl.christmas_day",
            DutchHoliday::SecondDayOfChristmas => "nl.second_day_of_christmas",
        }
    }
}

pub(super) fn year(year: i32) -> YearEntries {
    use DutchHoliday as H;
    let name = HolidayName::Netherlands;
    let easter = easter_sunday(year);
    let mut entries = YearEntries::default();
    entries.push(days::from_civil(year, 1, 1), name(H::NewYearsDay));
    entries.push(easter - 2, name(H::GoodFriday));
    entries.push(easter, name(H::EasterSunday));
    entries.push(easter + 1, name(H::EasterMonday));
    let (royal, own) = if year >= 2014 {
        (H::KingsDay, days::from_civil(year, 4, 27))
    } else {
        (H::QueensDay, days::from_civil(year, 4, 30))
    };
    const SUNDAY: usize = 6;
    if days::weekday(own) == SUNDAY {
        let (day, offset) = if year >= 1980 {
            (own - 1, 1)
        } else {
            (own + 1, -1)
        };
        entries.push_kind(
            day,
            name(royal),
            DayKind::Observed {
                own_date_offset: offset,
            },
        );
    } else {
        entries.push(own, name(royal));
    }
    if year.rem_euclid(5) == 0 {
        entries.push(days::from_civil(year, 5, 5), name(H::LiberationDay));
    }
    entries.push(easter + 39, name(H::AscensionDay));
    entries.push(easter + 49, name(H::WhitSunday));
    entries.push(easter + 50, name(H::WhitMonday));
    entries.push(days::from_civil(year, 12, 25), name(H::ChristmasDay));
    entries.push(
        days::from_civil(year, 12, 26),
        name(H::SecondDayOfChristmas),
    );
    entries.sorted()
}

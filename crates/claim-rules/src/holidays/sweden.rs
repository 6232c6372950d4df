//! Sweden: the public holidays of the law on public holidays (1989:253), computed by rule
//! for any year, and the three eves Swedish law treats as Sundays.
//!
//! | holiday | date | in force |
//! |---|---|---|
//! | New Year's Day (nyårsdagen) | January 1 | always |
//! | Epiphany (trettondedag jul) | January 6 | always |
//! | Annunciation (Marie bebådelsedag) | Sunday March 22–28 (the Sunday before Palm Sunday when that one is Palm or Easter Sunday) | until 1989 |
//! | Good Friday, Easter Sunday, Easter Monday | Easter − 2, Easter, Easter + 1 | always |
//! | May Day (första maj) | May 1 | always |
//! | Ascension Day (Kristi himmelsfärdsdag) | Easter + 39 | always |
//! | National Day (Sveriges nationaldag) | June 6 | from 2005 |
//! | Whit Sunday (pingstdagen) | Easter + 49 | always |
//! | Whit Monday (annandag pingst) | Easter + 50 | until 2004 |
//! | Midsummer Eve (midsommarafton), de facto | Friday June 19–25 | always |
//! | Midsummer Day (midsommardagen) | Saturday June 20–26 | always |
//! | All Saints' Day (alla helgons dag) | Saturday October 31–November 6 | always |
//! | Christmas Eve (julafton), de facto | December 24 | always |
//! | Christmas Day (juldagen) | December 25 | always |
//! | Boxing Day (annandag jul) | December 26 | always |
//! | New Year's Eve (nyårsafton), de facto | December 31 | always |
//!
//! The rules are those in force since 1953 (when Midsummer and All Saints' Day moved to
//! Saturdays); earlier years are computed with them too.

use jiff::civil::Weekday;

use super::{easter_sunday, on_or_after, DayKind, HolidayName, YearEntries};
use crate::calendar::days;

/// The Swedish public holidays and de-facto days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SwedishHoliday {
    /// Nyårsdagen, January 1.
    NewYearsDay,
    /// Trettondedag jul, January 6.
    Epiphany,
    /// Marie bebådelsedag (always a Sunday), until 1989.
    AnnunciationDay,
    /// Långfredagen.
    GoodFriday,
    /// Påskdagen.
    EasterSunday,
    /// Annandag påsk.
    EasterMonday,
    /// Första maj.
    MayDay,
    /// Kristi himmelsfärdsdag.
    AscensionDay,
    /// Sveriges nationaldag, June 6, from 2005.
    NationalDay,
    /// Pingstdagen.
    WhitSunday,
    /// Annandag pingst, until 2004.
    WhitMonday,
    /// Midsommarafton (de facto).
    MidsummerEve,
    /// Midsommardagen.
    MidsummerDay,
    /// Alla helgons dag.
    AllSaintsDay,
    /// Julafton (de facto).
    ChristmasEve,
    /// Juldagen.
    ChristmasDay,
    /// Annandag jul.
    BoxingDay,
    /// Nyårsafton (de facto).
    NewYearsEve,
}

impl SwedishHoliday {
    /// A stable machine code (`se.` and the holiday in snake case).
    ///
    /// ```
    /// use claim_rules::holidays::SwedishHoliday;
    ///
    /// assert_eq!(SwedishHoliday::AllSaintsDay.code(), "se.all_saints_day");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            SwedishHoliday::NewYearsDay => "se.new_years_day",
            SwedishHoliday::Epiphany => "se.epiphany",
            SwedishHoliday::AnnunciationDay => "se.annunciation_day",
            SwedishHoliday::GoodFriday => "se.good_friday",
            SwedishHoliday::EasterSunday => "se.easter_sunday",
            SwedishHoliday::EasterMonday => "se.easter_monday",
            SwedishHoliday::MayDay => "se.may_day",
            SwedishHoliday::AscensionDay => "se.ascension_day",
            SwedishHoliday::NationalDay => "se.national_day",
            SwedishHoliday::WhitSunday => "se.whit_sunday",
            SwedishHoliday::WhitMonday => "se.whit_monday",
            SwedishHoliday::MidsummerEve => "se.midsummer_eve",
            SwedishHoliday::MidsummerDay => "se.midsummer_day",
            SwedishHoliday::AllSaintsDay => "se.all_saints_day",
            SwedishHoliday::ChristmasEve => "se.christmas_eve",
            SwedishHoliday::ChristmasDay => "se.christmas_day",
            SwedishHoliday::BoxingDay => "se.boxing_day",
            SwedishHoliday::NewYearsEve => "se.new_years_eve",
        }
    }
}

pub(super) fn year(year: i32) -> YearEntries {
    use SwedishHoliday as H;
    let name = HolidayName::Sweden;
    let easter = easter_sunday(year);
    let mut entries = YearEntries::default();
    entries.push(days::from_civil(year, 1, 1), name(H::NewYearsDay));
    entries.push(days::from_civil(year, 1, 6), name(H::Epiphany));
    if year <= 1989 {
        let sunday = on_or_after(days::from_civil(year, 3, 22), Weekday::Sunday);
        let palm_sunday = easter - 7;
        let day = if sunday == palm_sunday || sunday == easter {
            palm_sunday - 7
        } else {
            sunday
        };
        entries.push(day, name(H::AnnunciationDay));
    }
    entries.push(easter - 2, name(H::GoodFriday));
    entries.push(easter, name(H::EasterSunday));
    entries.push(easter + 1, name(H::EasterMonday));
    entries.push(days::from_civil(year, 5, 1), name(H::MayDay));
    entries.push(easter + 39, name(H::AscensionDay));
    if year >= 2005 {
        entries.push(days::from_civil(year, 6, 6), name(H::NationalDay));
    }
    entries.push(easter + 49, name(H::WhitSunday));
    if year <= 2004 {
        entries.push(easter + 50, name(H::WhitMonday));
    }
    entries.push_kind(
        on_or_after(days::from_civil(year, 6, 19), Weekday::Friday),
        name(H::MidsummerEve),
        DayKind::DeFacto,
    );
    entries.push(
        on_or_after(days::from_civil(year, 6, 20), Weekday::Saturday),
        name(H::MidsummerDay),
    );
    entries.push(
        on_or_after(days::from_civil(year, 10, 31), Weekday::Saturday),
        name(H::AllSaintsDay),
    );
    entries.push_kind(
        days::from_civil(year, 12, 24),
        name(H::ChristmasEve),
        DayKind::DeFacto,
    );
    entries.push(days::from_civil(year, 12, 25), name(H::ChristmasDay));
    entries.push(days::from_civil(year, 12, 26), name(H::BoxingDay));
    entries.push_kind(
        days::from_civil(year, 12, 31),
        name(H::NewYearsEve),
        DayKind::DeFacto,
    );
    entries.sorted()
}

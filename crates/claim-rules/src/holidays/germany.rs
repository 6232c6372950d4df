//! Germany: the public holidays observed in every state (nationwide), computed by rule
//! for any year. Holidays of single states are not included.
//!
//! | holiday | date | in force |
//! |---|---|---|
//! | New Year's Day (Neujahr) | January 1 | always |
//! | Good Friday (Karfreitag), Easter Monday (Ostermontag) | Easter − 2, Easter + 1 | always |
//! | Labour Day (Tag der Arbeit) | May 1 | always |
//! | Ascension Day (Christi Himmelfahrt) | Easter + 39 | always |
//! | Whit Monday (Pfingstmontag) | Easter + 50 | always |
//! | German Unity Day (Tag der Deutschen Einheit) | October 3 | from 1990 |
//! | Reformation Day (Reformationstag) | October 31 | 2017 only, nationwide for the 500th anniversary |
//! | Day of Repentance and Prayer (Buß- und Bettag) | Wednesday November 16–22 | until 1994 |
//! | Christmas Day, Second Day of Christmas | December 25, 26 | always |
//!
//! The rules are those of reunified Germany; earlier years are computed with them too.

use jiff::civil::Weekday;

use super::{easter_sunday, on_or_after, HolidayName, YearEntries};
use crate::calendar::days;

/// The German nationwide public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GermanHoliday {
    /// Neujahr, January 1.
    NewYearsDay,
    /// Karfreitag.
    GoodFriday,
    /// Ostermontag.
    EasterMonday,
    /// Tag der Arbeit, May 1.
    LabourDay,
    /// Christi Himmelfahrt.
    AscensionDay,
    /// Pfingstmontag.
    WhitMonday,
    /// Tag der Deutschen Einheit, October 3, from 1990.
    GermanUnityDay,
    /// Reformationstag, October 31, nationwide in 2017 only.
    ReformationDay,
    /// Buß- und Bettag, until 1994.
    RepentanceAndPrayerDay,
    /// Erster Weihnachtstag.
    ChristmasDay,
    /// Zweiter Weihnachtstag.
    SecondDayOfChristmas,
}

impl GermanHoliday {
    /// A stable machine code (`de.` and the holiday in snake case).
    ///
    /// ```
    /// use claim_rules::holidays::GermanHoliday;
    ///
    /// assert_eq!(GermanHoliday::WhitMonday.code(), "de.whit_monday");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            GermanHoliday::NewYearsDay => "de.new_years_day",
            GermanHoliday::GoodFriday => "de.good_friday",
            GermanHoliday::EasterMonday => "de.easter_monday",
            GermanHoliday::LabourDay => "de.labour_day",
            GermanHoliday::AscensionDay => "de.ascension_day",
            GermanHoliday::WhitMonday => "de.whit_monday",
            GermanHoliday::GermanUnityDay => "de.german_unity_day",
            GermanHoliday::ReformationDay => "de.reformation_day",
            GermanHoliday::RepentanceAndPrayerDay => "de.repentance_and_prayer_day",
            GermanHoliday::ChristmasDay => "de.christmas_day",
            GermanHoliday::SecondDayOfChristmas => "de.second_day_of_christmas",
        }
    }
}

pub(super) fn year(year: i32) -> YearEntries {
    use GermanHoliday as H;
    let name = HolidayName::Germany;
    let easter = easter_sunday(year);
    let mut entries = YearEntries::default();
    entries.push(days::from_civil(year, 1, 1), name(H::NewYearsDay));
    entries.push(easter - 2, name(H::GoodFriday));
    entries.push(easter + 1, name(H::EasterMonday));
    entries.push(days::from_civil(year, 5, 1), name(H::LabourDay));
    entries.push(easter + 39, name(H::AscensionDay));
    entries.push(easter + 50, name(H::WhitMonday));
    if year >= 1990 {
        entries.push(days::from_civil(year, 10, 3), name(H::GermanUnityDay));
    }
    if year == 2017 {
        entries.push(days::from_civil(year, 10, 31), name(H::ReformationDay));
    }
    if year <= 1994 {
        entries.push(
            on_or_after(days::from_civil(year, 11, 16), Weekday::Wednesday),
            name(H::RepentanceAndPrayerDay),
        );
    }
    entries.push(days::from_civil(year, 12, 25), name(H::ChristmasDay));
    entries.push(
        days::from_civil(year, 12, 26),
        name(H::SecondDayOfChristmas),
    );
    entries.sorted()
}

//! English names of the rules' holiday codes, for the command line.

use claim_rules::holidays::{
    ChineseHoliday, DutchHoliday, GermanHoliday, HolidayName, SwedishHoliday, UsFederalHoliday,
};
use jiff::civil::Weekday;

/// The weekday's English name.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The holiday's English name.
pub fn holiday_name(name: HolidayName) -> &'static str {
    match name {
        HolidayName::UsFederal(holiday) => match holiday {
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
        },
        HolidayName::Sweden(holiday) => match holiday {
            SwedishHoliday::NewYearsDay => "New Year's Day",
            SwedishHoliday::Epiphany => "Epiphany",
            SwedishHoliday::AnnunciationDay => "Annunciation Day",
            SwedishHoliday::GoodFriday => "Good Friday",
            SwedishHoliday::EasterSunday => "Easter Sunday",
            SwedishHoliday::EasterMonday => "Easter Monday",
            SwedishHoliday::MayDay => "May Day",
            SwedishHoliday::AscensionDay => "Ascension Day",
            SwedishHoliday::NationalDay => "National Day of Sweden",
            SwedishHoliday::WhitSunday => "Whit Sunday",
            SwedishHoliday::WhitMonday => "Whit Monday",
            SwedishHoliday::MidsummerEve => "Midsummer Eve",
            SwedishHoliday::MidsummerDay => "Midsummer Day",
            SwedishHoliday::AllSaintsDay => "All Saints' Day",
            SwedishHoliday::ChristmasEve => "Christmas Eve",
            SwedishHoliday::ChristmasDay => "Christmas Day",
            SwedishHoliday::BoxingDay => "Boxing Day",
            SwedishHoliday::NewYearsEve => "New Year's Eve",
        },
        HolidayName::Germany(holiday) => match holiday {
            GermanHoliday::NewYearsDay => "New Year's Day",
            GermanHoliday::GoodFriday => "Good Friday",
            GermanHoliday::EasterMonday => "Easter Monday",
            GermanHoliday::LabourDay => "Labour Day",
            GermanHoliday::AscensionDay => "Ascension Day",
            GermanHoliday::WhitMonday => "Whit Monday",
            GermanHoliday::GermanUnityDay => "German Unity Day",
            GermanHoliday::ReformationDay => "Reformation Day",
            GermanHoliday::RepentanceAndPrayerDay => "Day of Repentance and Prayer",
            GermanHoliday::ChristmasDay => "Christmas Day",
            GermanHoliday::SecondDayOfChristmas => "Second Day of Christmas",
        },
        HolidayName::Netherlands(holiday) => match holiday {
            DutchHoliday::NewYearsDay => "New Year's Day",
            DutchHoliday::GoodFriday => "Good Friday",
            DutchHoliday::EasterSunday => "Easter Sunday",
            DutchHoliday::EasterMonday => "Easter Monday",
            DutchHoliday::KingsDay => "King's Day",
            DutchHoliday::QueensDay => "Queen's Day",
            DutchHoliday::LiberationDay => "Liberation Day",
            DutchHoliday::AscensionDay => "Ascension Day",
            DutchHoliday::WhitSunday => "Whit Sunday",
            DutchHoliday::WhitMonday => "Whit Monday",
            DutchHoliday::ChristmasDay => "Christmas Day",
            DutchHoliday::SecondDayOfChristmas => "Second Day of Christmas",
        },
        HolidayName::China(holiday) => match holiday {
            ChineseHoliday::NewYearsDay => "New Year's Day",
            ChineseHoliday::SpringFestival => "Spring Festival",
            ChineseHoliday::TombSweepingDay => "Tomb-Sweeping Day",
            ChineseHoliday::LabourDay => "Labour Day",
            ChineseHoliday::DragonBoatFestival => "Dragon Boat Festival",
            ChineseHoliday::MidAutumnFestival => "Mid-Autumn Festival",
            ChineseHoliday::NationalDay => "National Day",
            ChineseHoliday::MidAutumnAndNationalDay => "Mid-Autumn Festival and National Day",
            ChineseHoliday::VictoryDay => "Victory Day (70th anniversary)",
        },
    }
}

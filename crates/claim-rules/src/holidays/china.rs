//! China: the holiday arrangements the General Office of the State Council publishes
//! each year (国务院办公厅关于…年部分节假日安排的通知), as data.
//!
//! Each notice names holiday periods (放假调休: every day of the period is off, weekends
//! included) and the weekend days worked instead (上班). Nothing predicts them, so only
//! the published years are here and every other year is refused with
//! [`CalendarError::YearNotPublished`].
//!
//! The data of 2001–2026 was transcribed into the notices' own form (periods and
//! make-up working days) from the tables of the Python `holidays` package (which cites
//! each notice), and the 2017 and 2026 notices were compared with it by hand. Every day
//! of every shipped year is checked against that package by a golden test
//! (`tests/holidays_golden.rs`).
//!
//! **Adding a year.** When the notice for a new year appears (usually in November), add
//! its periods and working days below, raise [`LAST_YEAR`], regenerate the golden file
//! with `scripts/holidays-golden.py` once the reference package has the year, and run
//! the tests. A notice can also declare a late-December weekend day of the year before
//! a working day (2018-12-29 for New Year 2019): such a day belongs in the data too.

use super::{DayKind, HolidayName, YearEntries};
use crate::calendar::{days, CalendarError};
use crate::policy::HolidaySet;

/// The first year with a published calendar here.
pub(crate) const FIRST_YEAR: i16 = 2001;
/// The last year with a published calendar here.
pub(crate) const LAST_YEAR: i16 = 2026;

/// The holiday periods of the Chinese official calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChineseHoliday {
    /// 元旦, New Year's Day.
    NewYearsDay,
    /// 春节, the Spring Festival (Chinese New Year).
    SpringFestival,
    /// 清明节, Tomb-Sweeping Day (from 2008).
    TombSweepingDay,
    /// 劳动节, Labour Day.
    LabourDay,
    /// 端午节, the Dragon Boat Festival (from 2008).
    DragonBoatFestival,
    /// 中秋节, the Mid-Autumn Festival (from 2008).
    MidAutumnFestival,
    /// 国庆节, National Day.
    NationalDay,
    /// 中秋节、国庆节: the Mid-Autumn Festival and National Day as one period.
    MidAutumnAndNationalDay,
    /// The 70th anniversary of the victory of the War of Resistance (2015).
    VictoryDay,
}

impl ChineseHoliday {
    /// A stable machine code (`cn.` and the holiday in snake case).
    ///
    /// ```
    /// use claim_rules::holidays::ChineseHoliday;
    ///
    /// assert_eq!(ChineseHoliday::SpringFestival.code(), "cn.spring_festival");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ChineseHoliday::NewYearsDay => "cn.new_years_day",
            ChineseHoliday::SpringFestival => "cn.spring_festival",
            ChineseHoliday::TombSweepingDay => "cn.tomb_sweeping_day",
            ChineseHoliday::LabourDay => "cn.labour_day",
            ChineseHoliday::DragonBoatFestival => "cn.dragon_boat_festival",
            ChineseHoliday::MidAutumnFestival => "cn.mid_autumn_festival",
            ChineseHoliday::NationalDay => "cn.national_day",
            ChineseHoliday::MidAutumnAndNationalDay => "cn.mid_autumn_and_national_day",
            ChineseHoliday::VictoryDay => "cn.victory_day",
        }
    }
}

use ChineseHoliday::{
    DragonBoatFestival, LabourDay, MidAutumnAndNationalDay, MidAutumnFestival, NationalDay,
    NewYearsDay, SpringFestival, TombSweepingDay, VictoryDay,
};

/// Holiday periods: (holiday, first day as year, month, day, length in days).
#[rustfmt::skip]
const PERIODS: &[(ChineseHoliday, i32, u32, u32, i32)] = &[
    (NewYearsDay, 2001, 1, 1, 1),
    (SpringFestival, 2001, 1, 24, 7),
    (LabourDay, 2001, 5, 1, 7),
    (NationalDay, 2001, 10, 1, 7),
    (NewYearsDay, 2002, 1, 1, 3),
    (SpringFestival, 2002, 2, 12, 7),
    (LabourDay, 2002, 5, 1, 7),
    (NationalDay, 2002, 10, 1, 7),
    (NewYearsDay, 2003, 1, 1, 1),
    (SpringFestival, 2003, 2, 1, 7),
    (LabourDay, 2003, 5, 1, 7),
    (NationalDay, 2003, 10, 1, 7),
    (NewYearsDay, 2004, 1, 1, 1),
    (SpringFestival, 2004, 1, 22, 7),
    (LabourDay, 2004, 5, 1, 7),
    (NationalDay, 2004, 10, 1, 7),
    (NewYearsDay, 2005, 1, 1, 3),
    (SpringFestival, 2005, 2, 9, 7),
    (LabourDay, 2005, 5, 1, 7),
    (NationalDay, 2005, 10, 1, 7),
    (NewYearsDay, 2006, 1, 1, 3),
    (SpringFestival, 2006, 1, 29, 7),
    (LabourDay, 2006, 5, 1, 7),
    (NationalDay, 2006, 10, 1, 7),
    (NewYearsDay, 2007, 1, 1, 3),
    (SpringFestival, 2007, 2, 18, 7),
    (LabourDay, 2007, 5, 1, 7),
    (NationalDay, 2007, 10, 1, 7),
    (NewYearsDay, 2007, 12, 30, 3),
    (SpringFestival, 2008, 2, 6, 7),
    (TombSweepingDay, 2008, 4, 4, 3),
    (LabourDay, 2008, 5, 1, 3),
    (DragonBoatFestival, 2008, 6, 7, 3),
    (MidAutumnFestival, 2008, 9, 13, 3),
    (NationalDay, 2008, 9, 29, 7),
    (NewYearsDay, 2009, 1, 1, 3),
    (SpringFestival, 2009, 1, 25, 7),
    (TombSweepingDay, 2009, 4, 4, 3),
    (LabourDay, 2009, 5, 1, 3),
    (DragonBoatFestival, 2009, 5, 28, 3),
    (MidAutumnAndNationalDay, 2009, 10, 1, 8),
    (NewYearsDay, 2010, 1, 1, 3),
    (SpringFestival, 2010, 2, 13, 7),
    (TombSweepingDay, 2010, 4, 3, 3),
    (LabourDay, 2010, 5, 1, 3),
    (DragonBoatFestival, 2010, 6, 14, 3),
    (MidAutumnFestival, 2010, 9, 22, 3),
    (NationalDay, 2010, 10, 1, 7),
    (NewYearsDay, 2011, 1, 1, 3),
    (SpringFestival, 2011, 2, 2, 7),
    (TombSweepingDay, 2011, 4, 3, 3),
    (LabourDay, 2011, 4, 30, 3),
    (DragonBoatFestival, 2011, 6, 4, 3),
    (MidAutumnFestival, 2011, 9, 10, 3),
    (NationalDay, 2011, 10, 1, 7),
    (NewYearsDay, 2012, 1, 1, 3),
    (SpringFestival, 2012, 1, 22, 7),
    (TombSweepingDay, 2012, 4, 2, 3),
    (LabourDay, 2012, 4, 29, 3),
    (DragonBoatFestival, 2012, 6, 22, 3),
    (MidAutumnAndNationalDay, 2012, 9, 30, 8),
    (NewYearsDay, 2013, 1, 1, 3),
    (SpringFestival, 2013, 2, 9, 7),
    (TombSweepingDay, 2013, 4, 4, 3),
    (LabourDay, 2013, 4, 29, 3),
    (DragonBoatFestival, 2013, 6, 10, 3),
    (MidAutumnFestival, 2013, 9, 19, 3),
    (NationalDay, 2013, 10, 1, 7),
    (NewYearsDay, 2014, 1, 1, 1),
    (SpringFestival, 2014, 1, 31, 7),
    (TombSweepingDay, 2014, 4, 5, 3),
    (LabourDay, 2014, 5, 1, 3),
    (DragonBoatFestival, 2014, 5, 31, 3),
    (MidAutumnFestival, 2014, 9, 6, 3),
    (NationalDay, 2014, 10, 1, 7),
    (NewYearsDay, 2015, 1, 1, 3),
    (SpringFestival, 2015, 2, 18, 7),
    (TombSweepingDay, 2015, 4, 4, 3),
    (LabourDay, 2015, 5, 1, 3),
    (DragonBoatFestival, 2015, 6, 20, 3),
    (VictoryDay, 2015, 9, 3, 3),
    (MidAutumnFestival, 2015, 9, 26, 2),
    (MidAutumnAndNationalDay, 2015, 10, 1, 7),
    (NewYearsDay, 2016, 1, 1, 3),
    (SpringFestival, 2016, 2, 7, 7),
    (TombSweepingDay, 2016, 4, 2, 3),
    (LabourDay, 2016, 4, 30, 3),
    (DragonBoatFestival, 2016, 6, 9, 3),
    (MidAutumnFestival, 2016, 9, 15, 3),
    (NationalDay, 2016, 10, 1, 7),
    (NewYearsDay, 2016, 12, 31, 3),
    (SpringFestival, 2017, 1, 27, 7),
    (TombSweepingDay, 2017, 4, 2, 3),
    (LabourDay, 2017, 4, 29, 3),
    (DragonBoatFestival, 2017, 5, 28, 3),
    (MidAutumnAndNationalDay, 2017, 10, 1, 8),
    (NewYearsDay, 2017, 12, 30, 3),
    (SpringFestival, 2018, 2, 15, 7),
    (TombSweepingDay, 2018, 4, 5, 3),
    (LabourDay, 2018, 4, 29, 3),
    (DragonBoatFestival, 2018, 6, 16, 3),
    (MidAutumnFestival, 2018, 9, 22, 3),
    (NationalDay, 2018, 10, 1, 7),
    (NewYearsDay, 2018, 12, 30, 3),
    (SpringFestival, 2019, 2, 4, 7),
    (TombSweepingDay, 2019, 4, 5, 3),
    (LabourDay, 2019, 5, 1, 4),
    (DragonBoatFestival, 2019, 6, 7, 3),
    (MidAutumnFestival, 2019, 9, 13, 3),
    (NationalDay, 2019, 10, 1, 7),
    (NewYearsDay, 2020, 1, 1, 1),
    (SpringFestival, 2020, 1, 24, 10),
    (TombSweepingDay, 2020, 4, 4, 3),
    (LabourDay, 2020, 5, 1, 5),
    (DragonBoatFestival, 2020, 6, 25, 3),
    (MidAutumnAndNationalDay, 2020, 10, 1, 8),
    (NewYearsDay, 2021, 1, 1, 3),
    (SpringFestival, 2021, 2, 11, 7),
    (TombSweepingDay, 2021, 4, 3, 3),
    (LabourDay, 2021, 5, 1, 5),
    (DragonBoatFestival, 2021, 6, 12, 3),
    (MidAutumnFestival, 2021, 9, 19, 3),
    (NationalDay, 2021, 10, 1, 7),
    (NewYearsDay, 2022, 1, 1, 3),
    (SpringFestival, 2022, 1, 31, 7),
    (TombSweepingDay, 2022, 4, 3, 3),
    (LabourDay, 2022, 4, 30, 5),
    (DragonBoatFestival, 2022, 6, 3, 3),
    (MidAutumnFestival, 2022, 9, 10, 3),
    (NationalDay, 2022, 10, 1, 7),
    (NewYearsDay, 2022, 12, 31, 3),
    (SpringFestival, 2023, 1, 21, 7),
    (TombSweepingDay, 2023, 4, 5, 1),
    (LabourDay, 2023, 4, 29, 5),
    (DragonBoatFestival, 2023, 6, 22, 3),
    (MidAutumnAndNationalDay, 2023, 9, 29, 8),
    (NewYearsDay, 2023, 12, 30, 3),
    (SpringFestival, 2024, 2, 10, 8),
    (TombSweepingDay, 2024, 4, 4, 3),
    (LabourDay, 2024, 5, 1, 5),
    (DragonBoatFestival, 2024, 6, 8, 3),
    (MidAutumnFestival, 2024, 9, 15, 3),
    (NationalDay, 2024, 10, 1, 7),
    (NewYearsDay, 2025, 1, 1, 1),
    (SpringFestival, 2025, 1, 28, 8),
    (TombSweepingDay, 2025, 4, 4, 3),
    (LabourDay, 2025, 5, 1, 5),
    (DragonBoatFestival, 2025, 5, 31, 3),
    (MidAutumnAndNationalDay, 2025, 10, 1, 8),
    (NewYearsDay, 2026, 1, 1, 3),
    (SpringFestival, 2026, 2, 15, 9),
    (TombSweepingDay, 2026, 4, 4, 3),
    (LabourDay, 2026, 5, 1, 5),
    (DragonBoatFestival, 2026, 6, 19, 3),
    (MidAutumnFestival, 2026, 9, 25, 3),
    (NationalDay, 2026, 10, 1, 7),
];

/// Weekend days declared working days: (the period they make up for, year, month, day).
#[rustfmt::skip]
const WORKING_DAYS: &[(ChineseHoliday, i32, u32, u32)] = &[
    (SpringFestival, 2001, 1, 20),
    (SpringFestival, 2001, 1, 21),
    (LabourDay, 2001, 4, 28),
    (LabourDay, 2001, 4, 29),
    (NationalDay, 2001, 9, 29),
    (NationalDay, 2001, 9, 30),
    (NewYearsDay, 2001, 12, 29),
    (NewYearsDay, 2001, 12, 30),
    (SpringFestival, 2002, 2, 9),
    (SpringFestival, 2002, 2, 10),
    (LabourDay, 2002, 4, 27),
    (LabourDay, 2002, 4, 28),
    (NationalDay, 2002, 9, 28),
    (NationalDay, 2002, 9, 29),
    (SpringFestival, 2003, 2, 8),
    (SpringFestival, 2003, 2, 9),
    (LabourDay, 2003, 4, 26),
    (LabourDay, 2003, 4, 27),
    (NationalDay, 2003, 9, 27),
    (NationalDay, 2003, 9, 28),
    (SpringFestival, 2004, 1, 17),
    (SpringFestival, 2004, 1, 18),
    (LabourDay, 2004, 5, 8),
    (LabourDay, 2004, 5, 9),
    (NationalDay, 2004, 10, 9),
    (NationalDay, 2004, 10, 10),
    (SpringFestival, 2005, 2, 5),
    (SpringFestival, 2005, 2, 6),
    (LabourDay, 2005, 4, 30),
    (LabourDay, 2005, 5, 8),
    (NationalDay, 2005, 10, 8),
    (NationalDay, 2005, 10, 9),
    (NewYearsDay, 2005, 12, 31),
    (SpringFestival, 2006, 1, 28),
    (SpringFestival, 2006, 2, 5),
    (LabourDay, 2006, 4, 29),
    (LabourDay, 2006, 4, 30),
    (NationalDay, 2006, 9, 30),
    (NationalDay, 2006, 10, 8),
    (NewYearsDay, 2006, 12, 30),
    (NewYearsDay, 2006, 12, 31),
    (SpringFestival, 2007, 2, 17),
    (SpringFestival, 2007, 2, 25),
    (LabourDay, 2007, 4, 28),
    (LabourDay, 2007, 4, 29),
    (NationalDay, 2007, 9, 29),
    (NationalDay, 2007, 9, 30),
    (NewYearsDay, 2007, 12, 29),
    (SpringFestival, 2008, 2, 2),
    (SpringFestival, 2008, 2, 3),
    (LabourDay, 2008, 5, 4),
    (NationalDay, 2008, 9, 27),
    (NationalDay, 2008, 9, 28),
    (NewYearsDay, 2009, 1, 4),
    (SpringFestival, 2009, 1, 24),
    (SpringFestival, 2009, 2, 1),
    (DragonBoatFestival, 2009, 5, 31),
    (MidAutumnAndNationalDay, 2009, 9, 27),
    (MidAutumnAndNationalDay, 2009, 10, 10),
    (SpringFestival, 2010, 2, 20),
    (SpringFestival, 2010, 2, 21),
    (DragonBoatFestival, 2010, 6, 12),
    (DragonBoatFestival, 2010, 6, 13),
    (MidAutumnFestival, 2010, 9, 19),
    (MidAutumnFestival, 2010, 9, 25),
    (NationalDay, 2010, 9, 26),
    (NationalDay, 2010, 10, 9),
    (SpringFestival, 2011, 1, 30),
    (SpringFestival, 2011, 2, 12),
    (TombSweepingDay, 2011, 4, 2),
    (NationalDay, 2011, 10, 8),
    (NationalDay, 2011, 10, 9),
    (NewYearsDay, 2011, 12, 31),
    (SpringFestival, 2012, 1, 21),
    (SpringFestival, 2012, 1, 29),
    (TombSweepingDay, 2012, 3, 31),
    (TombSweepingDay, 2012, 4, 1),
    (LabourDay, 2012, 4, 28),
    (MidAutumnAndNationalDay, 2012, 9, 29),
    (NewYearsDay, 2013, 1, 5),
    (NewYearsDay, 2013, 1, 6),
    (SpringFestival, 2013, 2, 16),
    (SpringFestival, 2013, 2, 17),
    (TombSweepingDay, 2013, 4, 7),
    (LabourDay, 2013, 4, 27),
    (LabourDay, 2013, 4, 28),
    (DragonBoatFestival, 2013, 6, 8),
    (DragonBoatFestival, 2013, 6, 9),
    (MidAutumnFestival, 2013, 9, 22),
    (NationalDay, 2013, 9, 29),
    (NationalDay, 2013, 10, 12),
    (SpringFestival, 2014, 1, 26),
    (SpringFestival, 2014, 2, 8),
    (LabourDay, 2014, 5, 4),
    (NationalDay, 2014, 9, 28),
    (NationalDay, 2014, 10, 11),
    (NewYearsDay, 2015, 1, 4),
    (SpringFestival, 2015, 2, 15),
    (SpringFestival, 2015, 2, 28),
    (VictoryDay, 2015, 9, 6),
    (MidAutumnAndNationalDay, 2015, 10, 10),
    (SpringFestival, 2016, 2, 6),
    (SpringFestival, 2016, 2, 14),
    (DragonBoatFestival, 2016, 6, 12),
    (MidAutumnFestival, 2016, 9, 18),
    (NationalDay, 2016, 10, 8),
    (NationalDay, 2016, 10, 9),
    (SpringFestival, 2017, 1, 22),
    (SpringFestival, 2017, 2, 4),
    (TombSweepingDay, 2017, 4, 1),
    (DragonBoatFestival, 2017, 5, 27),
    (MidAutumnAndNationalDay, 2017, 9, 30),
    (SpringFestival, 2018, 2, 11),
    (SpringFestival, 2018, 2, 24),
    (TombSweepingDay, 2018, 4, 8),
    (LabourDay, 2018, 4, 28),
    (NationalDay, 2018, 9, 29),
    (NationalDay, 2018, 9, 30),
    (NewYearsDay, 2018, 12, 29),
    (SpringFestival, 2019, 2, 2),
    (SpringFestival, 2019, 2, 3),
    (LabourDay, 2019, 4, 28),
    (LabourDay, 2019, 5, 5),
    (NationalDay, 2019, 9, 29),
    (NationalDay, 2019, 10, 12),
    (SpringFestival, 2020, 1, 19),
    (LabourDay, 2020, 4, 26),
    (LabourDay, 2020, 5, 9),
    (DragonBoatFestival, 2020, 6, 28),
    (MidAutumnAndNationalDay, 2020, 9, 27),
    (MidAutumnAndNationalDay, 2020, 10, 10),
    (SpringFestival, 2021, 2, 7),
    (SpringFestival, 2021, 2, 20),
    (LabourDay, 2021, 4, 25),
    (LabourDay, 2021, 5, 8),
    (MidAutumnFestival, 2021, 9, 18),
    (NationalDay, 2021, 9, 26),
    (NationalDay, 2021, 10, 9),
    (SpringFestival, 2022, 1, 29),
    (SpringFestival, 2022, 1, 30),
    (TombSweepingDay, 2022, 4, 2),
    (LabourDay, 2022, 4, 24),
    (LabourDay, 2022, 5, 7),
    (NationalDay, 2022, 10, 8),
    (NationalDay, 2022, 10, 9),
    (SpringFestival, 2023, 1, 28),
    (SpringFestival, 2023, 1, 29),
    (LabourDay, 2023, 4, 23),
    (LabourDay, 2023, 5, 6),
    (DragonBoatFestival, 2023, 6, 25),
    (MidAutumnAndNationalDay, 2023, 10, 7),
    (MidAutumnAndNationalDay, 2023, 10, 8),
    (SpringFestival, 2024, 2, 4),
    (SpringFestival, 2024, 2, 18),
    (TombSweepingDay, 2024, 4, 7),
    (LabourDay, 2024, 4, 28),
    (LabourDay, 2024, 5, 11),
    (MidAutumnFestival, 2024, 9, 14),
    (NationalDay, 2024, 9, 29),
    (NationalDay, 2024, 10, 12),
    (SpringFestival, 2025, 1, 26),
    (SpringFestival, 2025, 2, 8),
    (LabourDay, 2025, 4, 27),
    (MidAutumnAndNationalDay, 2025, 9, 28),
    (MidAutumnAndNationalDay, 2025, 10, 11),
    (NewYearsDay, 2026, 1, 4),
    (SpringFestival, 2026, 2, 14),
    (SpringFestival, 2026, 2, 28),
    (LabourDay, 2026, 5, 9),
    (NationalDay, 2026, 9, 20),
    (NationalDay, 2026, 10, 10),
];

/// The days off and working days that fall in `year`, refusing unpublished years.
pub(super) fn year(year: i32) -> Result<YearEntries, CalendarError> {
    let published = i32::from(FIRST_YEAR)..=i32::from(LAST_YEAR);
    if !published.contains(&year) {
        return Err(CalendarError::YearNotPublished {
            set: HolidaySet::China,
            year: i16::try_from(year).unwrap_or(if year < 0 { i16::MIN } else { i16::MAX }),
            first: FIRST_YEAR,
            last: LAST_YEAR,
        });
    }
    let first = days::from_civil(year, 1, 1);
    let last = days::from_civil(year, 12, 31);
    let mut entries = YearEntries::default();
    for &(holiday, y, m, d, length) in PERIODS {
        let start = days::from_civil(y, m, d);
        for day in (start..start + length).filter(|day| (first..=last).contains(day)) {
            entries.push_kind(day, HolidayName::China(holiday), DayKind::Period);
        }
    }
    for &(holiday, y, m, d) in WORKING_DAYS {
        let day = days::from_civil(y, m, d);
        if (first..=last).contains(&day) {
            entries.working.push((day, HolidayName::China(holiday)));
        }
    }
    Ok(entries.sorted())
}

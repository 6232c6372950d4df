//! Property tests of the business-day arithmetic against a naive day-by-day reference,
//! and of deadline instants against the time zone database.

use claim_rules::calendar::{BusinessCalendar, Weekmask};
use claim_rules::holidays::us_federal_holidays;
use claim_rules::policy::HolidaySet;
use jiff::civil::{date, Date};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

/// The naive reference: a calendar as plain data, walked one day at a time.
#[derive(Debug, Clone)]
struct Reference {
    weekmask: [bool; 7],
    us_federal: bool,
    custom: Vec<Date>,
}

impl Reference {
    fn is_business_day(&self, day: Date) -> bool {
        let weekday = usize::from(day.weekday().to_monday_zero_offset().unsigned_abs());
        self.weekmask[weekday]
            && !self.custom.contains(&day)
            && !(self.us_federal
                && us_federal_holidays(day.year())
                    .iter()
                    .any(|holiday| holiday.date == day))
    }

    fn offset(&self, mut day: Date, n: i64) -> Date {
        while !self.is_business_day(day) {
            day = day.tomorrow().unwrap();
        }
        let mut left = n.abs();
        while left > 0 {
            day = if n > 0 {
                day.tomorrow().unwrap()
            } else {
                day.yesterday().unwrap()
            };
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        day
    }

    fn count(&self, start: Date, end: Date) -> i64 {
        let (low, high, sign) = if start <= end {
            (start, end, 1)
        } else {
            // numpy >= 1.25 counts (end, start] when counting backwards.
            (end.tomorrow().unwrap(), start.tomorrow().unwrap(), -1)
        };
        let mut count = 0;
        let mut day = low;
        while day < high {
            if self.is_business_day(day) {
                count += 1;
            }
            day = day.tomorrow().unwrap();
        }
        sign * count
    }

    fn calendar(&self) -> BusinessCalendar {
        BusinessCalendar::new(
            Weekmask::from_days(self.weekmask).unwrap(),
            if self.us_federal {
                HolidaySet::UsFederal
            } else {
                HolidaySet::None
            },
            self.custom.iter().copied(),
            TimeZone::UTC,
        )
    }
}

/// Dates within about four years either side of 2026, where custom holidays cluster.
fn near_date() -> impl Strategy<Value = Date> {
    (-1500_i64..1500).prop_map(|days| date(2026, 6, 1).checked_add(days.days()).unwrap())
}

fn reference() -> impl Strategy<Value = Reference> {
    (
        prop::array::uniform7(any::<bool>()).prop_filter("one business day", |m| m.contains(&true)),
        any::<bool>(),
        // Dense runs of holidays, duplicates and weekend holidays all occur.
        prop::collection::vec(near_date(), 0..60),
    )
        .prop_map(|(weekmask, us_federal, custom)| Reference {
            weekmask,
            us_federal,
            custom,
        })
}

fn sparse_weekmask_reference() -> impl Strategy<Value = Reference> {
    // One business weekday and many holidays: the slowest case for the reference
    // and the one with the most holiday-skipping rounds for the fast path.
    (0_usize..7, prop::collection::vec(near_date(), 0..200)).prop_map(|(weekday, custom)| {
        let mut weekmask = [false; 7];
        weekmask[weekday] = true;
        Reference {
            weekmask,
            us_federal: true,
            custom,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn offset_agrees_with_the_day_by_day_reference(
        reference in reference(), day in near_date(), n in -400_i64..400,
    ) {
        let calendar = reference.calendar();
        prop_assert_eq!(calendar.business_day_offset(day, n), reference.offset(day, n));
    }

    #[test]
    fn offset_agrees_with_reference_for_sparse_weekmasks(
        reference in sparse_weekmask_reference(), day in near_date(), n in -60_i64..60,
    ) {
        let calendar = reference.calendar();
        prop_assert_eq!(calendar.business_day_offset(day, n), reference.offset(day, n));
    }

    #[test]
    fn count_agrees_with_the_day_by_day_reference(
        reference in reference(), start in near_date(), end in near_date(),
    ) {
        let calendar = reference.calendar();
        prop_assert_eq!(calendar.business_day_count(start, end), reference.count(start, end));
    }

    #[test]
    fn is_business_day_agrees_with_the_reference(reference in reference(), day in near_date()) {
        prop_assert_eq!(reference.calendar().is_business_day(day), reference.is_business_day(day));
    }

    #[test]
    fn counting_the_days_added_gives_them_back(
        reference in reference(), day in near_date(), n in -2000_i64..2000,
    ) {
        let calendar = reference.calendar();
        let rolled = calendar.business_day_offset(day, 0);
        let moved = calendar.business_day_offset(day, n);
        prop_assert_eq!(calendar.business_day_count(rolled, moved), n);
    }

    #[test]
    fn offset_is_always_a_business_day(
        reference in reference(), day in near_date(), n in -2000_i64..2000,
    ) {
        let calendar = reference.calendar();
        let moved = calendar.business_day_offset(day, n);
        prop_assert!(calendar.is_business_day(moved));
        prop_assert!(reference.is_business_day(moved));
    }

    #[test]
    fn offset_is_monotonic(
        reference in reference(),
        day in near_date(), later_by in 0_i64..40,
        n in -500_i64..500, more in 0_i64..40,
    ) {
        let calendar = reference.calendar();
        let later = day.checked_add(later_by.days()).unwrap();
        // In n: strictly increasing.
        if more > 0 {
            prop_assert!(calendar.business_day_offset(day, n) < calendar.business_day_offset(day, n + more));
        }
        // In the start date: never decreasing.
        prop_assert!(calendar.business_day_offset(day, n) <= calendar.business_day_offset(later, n));
    }

    #[test]
    fn offset_and_count_agree_with_reference_across_the_table_edges(
        weekmask in prop::array::uniform7(any::<bool>()).prop_filter("one business day", |m| m.contains(&true)),
        edge in prop::sample::select(vec![date(1900, 1, 1), date(2200, 1, 1)]),
        start_days in -1000_i64..1000, end_days in -1000_i64..1000, n in -300_i64..300,
    ) {
        // The US federal holidays of 1900-2199 come from a precomputed table, the others
        // from the per-year rule: both sides and the seam have to agree.
        let reference = Reference { weekmask, us_federal: true, custom: vec![] };
        let calendar = reference.calendar();
        let start = edge.checked_add(start_days.days()).unwrap();
        let end = edge.checked_add(end_days.days()).unwrap();
        prop_assert_eq!(calendar.business_day_count(start, end), reference.count(start, end));
        prop_assert_eq!(calendar.business_day_offset(start, n), reference.offset(start, n));
        prop_assert_eq!(calendar.is_business_day(start), reference.is_business_day(start));
    }

    #[test]
    fn far_dates_with_us_holidays_count_back(
        years_from_2026 in -7000_i64..7000, n in -100_000_i64..100_000,
    ) {
        // Long spans over far years: the per-year holiday rule has to keep up.
        let calendar = Reference { weekmask: [true, true, true, true, true, false, false], us_federal: true, custom: vec![] }.calendar();
        let day = date(2026, 1, 1).checked_add((years_from_2026 * 365).days()).unwrap();
        if let Ok(moved) = calendar.checked_business_day_offset(day, n) {
            let rolled = calendar.business_day_offset(day, 0);
            prop_assert_eq!(calendar.business_day_count(rolled, moved), n);
            prop_assert!(calendar.is_business_day(moved));
        }
    }
}

/// Zones with DST changes at 02:00 (Los Angeles), 02:00/03:00 (Stockholm), at midnight
/// (Havana, Santiago, Beirut: some local days have no 00:00), and by 30 minutes (Lord Howe).
const ZONES: &[&str] = &[
    "America/Los_Angeles",
    "Europe/Stockholm",
    "America/Havana",
    "America/Santiago",
    "Asia/Beirut",
    "Australia/Lord_Howe",
    "UTC",
];

/// Check that `deadline` is the first instant of the local day after `due`.
fn is_first_instant_after(
    tz: &TimeZone,
    due: Date,
    deadline: Timestamp,
) -> Result<(), TestCaseError> {
    let local = deadline.to_zoned(tz.clone());
    prop_assert_eq!(local.date(), due.tomorrow().unwrap());
    let just_before = deadline
        .checked_sub(1.nanosecond())
        .unwrap()
        .to_zoned(tz.clone());
    prop_assert_eq!(just_before.date(), due);
    if local.time() != jiff::civil::time(0, 0, 0, 0) {
        // Only allowed when 00:00 does not exist that day.
        let midnight = due
            .tomorrow()
            .unwrap()
            .to_datetime(jiff::civil::time(0, 0, 0, 0));
        let offset = tz.to_ambiguous_timestamp(midnight).offset();
        prop_assert!(
            matches!(offset, AmbiguousOffset::Gap { .. }),
            "{} is not midnight",
            local
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn deadlines_end_at_the_first_instant_of_a_local_day(
        zone in prop::sample::select(ZONES),
        // 1990 to 2040.
        seconds in 631_152_000_i64..2_208_988_800,
        n in 0_u32..40,
        us_federal in any::<bool>(),
    ) {
        let tz = TimeZone::get(zone).unwrap();
        let calendar = BusinessCalendar::new(
            Weekmask::default(),
            if us_federal { HolidaySet::UsFederal } else { HolidaySet::None },
            [],
            tz.clone(),
        );
        let event = Timestamp::from_second(seconds).unwrap();
        let start = calendar.local_date(event);
        prop_assert_eq!(start, event.to_zoned(tz.clone()).date());

        let due = calendar.business_day_offset(start, i64::from(n));
        let deadline = calendar.business_deadline(event, n);
        prop_assert_eq!(deadline, calendar.end_of_day(due));
        prop_assert!(deadline > event);
        is_first_instant_after(&tz, due, deadline)?;

        let due = start.checked_add(i64::from(n).days()).unwrap();
        let deadline = calendar.calendar_deadline(event, n);
        prop_assert!(deadline > event);
        is_first_instant_after(&tz, due, deadline)?;
    }
}

#[test]
fn days_without_midnight_end_at_the_first_instant() {
    // Havana springs forward at 00:00 → 01:00; on 2026-03-08 there is no 00:00.
    let tz = TimeZone::get("America/Havana").unwrap();
    let midnight = date(2026, 3, 8).to_datetime(jiff::civil::time(0, 0, 0, 0));
    assert!(matches!(
        tz.to_ambiguous_timestamp(midnight).offset(),
        AmbiguousOffset::Gap { .. }
    ));
    let calendar = BusinessCalendar::new(Weekmask::default(), HolidaySet::None, [], tz.clone());
    let end = calendar.end_of_day(date(2026, 3, 7)).to_zoned(tz);
    assert_eq!(end.to_string(), "2026-03-08T01:00:00-04:00[America/Havana]");
}

/// The national sets (and China's declared working days) against a day-by-day walk over
/// the sets' own yearly lists, with custom holidays on top; for China the walk refuses a
/// day of an unpublished year exactly when the calendar must.
mod national {
    use super::*;
    use claim_rules::calendar::CalendarError;
    use claim_rules::holidays::holidays_in_year;

    #[derive(Debug, Clone)]
    struct National {
        weekmask: [bool; 7],
        set: HolidaySet,
        custom: Vec<Date>,
    }

    impl National {
        fn is_business_day(&self, day: Date) -> Result<bool, CalendarError> {
            let year = holidays_in_year(self.set, day.year())?;
            if self.custom.contains(&day) {
                return Ok(false);
            }
            if year.working_days.iter().any(|worked| worked.date == day) {
                return Ok(true);
            }
            let weekday = usize::from(day.weekday().to_monday_zero_offset().unsigned_abs());
            Ok(self.weekmask[weekday] && !year.days_off.iter().any(|off| off.date == day))
        }

        fn offset(&self, mut day: Date, n: i64) -> Result<Date, CalendarError> {
            while !self.is_business_day(day)? {
                day = day.tomorrow().unwrap();
            }
            let mut left = n.abs();
            while left > 0 {
                day = if n > 0 {
                    day.tomorrow().unwrap()
                } else {
                    day.yesterday().unwrap()
                };
                if self.is_business_day(day)? {
                    left -= 1;
                }
            }
            Ok(day)
        }

        fn count(&self, start: Date, end: Date) -> Result<i64, CalendarError> {
            let (low, high, sign) = if start <= end {
                (start, end, 1)
            } else {
                (end.tomorrow().unwrap(), start.tomorrow().unwrap(), -1)
            };
            let mut count = 0;
            let mut day = low;
            while day < high {
                if self.is_business_day(day)? {
                    count += 1;
                }
                day = day.tomorrow().unwrap();
            }
            Ok(sign * count)
        }

        fn calendar(&self) -> BusinessCalendar {
            BusinessCalendar::new(
                Weekmask::from_days(self.weekmask).unwrap(),
                self.set,
                self.custom.iter().copied(),
                TimeZone::UTC,
            )
        }
    }

    /// Dates from 2000 to 2027, so China's edges (2001, 2026) are crossed often.
    fn date_near_china_edges() -> impl Strategy<Value = Date> {
        prop_oneof![
            (-200_i64..200).prop_map(|days| date(2001, 1, 1).checked_add(days.days()).unwrap()),
            (-200_i64..200).prop_map(|days| date(2027, 1, 1).checked_add(days.days()).unwrap()),
            (0_i64..9000).prop_map(|days| date(2001, 6, 1).checked_add(days.days()).unwrap()),
        ]
    }

    fn national() -> impl Strategy<Value = National> {
        (
            prop_oneof![
                prop::array::uniform7(any::<bool>())
                    .prop_filter("one business day", |m| m.contains(&true)),
                Just([true, true, true, true, true, false, false]),
            ],
            prop::sample::select(vec![
                HolidaySet::Sweden,
                HolidaySet::Germany,
                HolidaySet::Netherlands,
                HolidaySet::China,
            ]),
            prop::collection::vec(date_near_china_edges(), 0..30),
        )
            .prop_map(|(weekmask, set, custom)| National {
                weekmask,
                set,
                custom,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]

        #[test]
        fn offsets_counts_and_refusals_agree_with_the_walk(
            national in national(), day in date_near_china_edges(), end in date_near_china_edges(),
            n in -120_i64..120,
        ) {
            let calendar = national.calendar();
            prop_assert_eq!(calendar.checked_is_business_day(day), national.is_business_day(day));
            prop_assert_eq!(calendar.checked_business_day_offset(day, n), national.offset(day, n));
            prop_assert_eq!(calendar.checked_business_day_count(day, end), national.count(day, end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The calendar's tabulated zone (a speed-up) agrees with jiff's own conversions
    /// everywhere: inside 1900–2200, at its edges, beyond it, and next to transitions.
    #[test]
    fn tabulated_zone_conversions_agree_with_jiff(
        zone in prop::sample::select(ZONES),
        // 1850 to 2250, fractions of a second included.
        seconds in -3_786_825_600_i64..8_835_955_200,
        nanos in -999_999_999_i32..999_999_999,
    ) {
        let tz = TimeZone::get(zone).unwrap();
        let calendar = BusinessCalendar::new(Weekmask::default(), HolidaySet::None, [], tz.clone());
        let at = Timestamp::new(seconds, if seconds < 0 { nanos.min(0) } else { nanos.max(0) }).unwrap();
        let date = at.to_zoned(tz.clone()).date();
        prop_assert_eq!(calendar.local_date(at), date);
        let jiff_end = tz
            .to_ambiguous_timestamp(date.tomorrow().unwrap().to_datetime(jiff::civil::time(0, 0, 0, 0)))
            .compatible()
            .unwrap();
        prop_assert_eq!(calendar.end_of_day(date), jiff_end);
    }
}

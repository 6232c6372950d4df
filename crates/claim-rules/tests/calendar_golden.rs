//! Golden tests of business-day arithmetic, deadlines and US federal holidays.
//!
//! The expected values are literal data produced once, offline, by
//! `/tmp/gold/gen.py`-style scripts with Python 3, numpy 2.4.6 and pandas 3.1.1:
//!
//! * business-day dates: `numpy.busday_offset(local_date, n, roll='forward',
//!   weekmask=..., holidays=...)` and `numpy.busday_count(start, end, ...)`, with the
//!   holidays of `pandas.tseries.holiday.USFederalHolidayCalendar` (observed dates);
//! * deadline instants: the next day's 00:00 localised with `zoneinfo.ZoneInfo`;
//! * holiday lists: `USFederalHolidayCalendar().holidays(start, end)`.
//!
//! The tests do not run Python; regenerate the tables by hand if the rules change.

use claim_rules::calendar::{BusinessCalendar, Weekmask};
use claim_rules::holidays::{us_federal_holidays, UsFederalHoliday};
use claim_rules::policy::HolidaySet;
use jiff::civil::{date, Date};
use jiff::tz::TimeZone;
use jiff::Timestamp;

#[derive(Debug, Clone, Copy)]
enum Clock {
    Business,
    Calendar,
}

/// (event, zone, clock, n, built-in holidays, weekmask, due local date, deadline with
/// the offset in force at the deadline).
type DeadlineRow = (
    &'static str,
    &'static str,
    Clock,
    u32,
    HolidaySet,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const DEADLINES: &[DeadlineRow] = &[
    ("2026-11-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-11-30", "2026-12-01T00:00:00-08:00"),
    ("2026-11-25T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-11-27", "2026-11-28T00:00:00-08:00"),
    ("2026-11-26T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 0, HolidaySet::UsFederal, "1111100", "2026-11-27", "2026-11-28T00:00:00-08:00"),
    ("2026-11-26T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-12-04", "2026-12-05T00:00:00-08:00"),
    ("2026-11-28T10:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-12-07", "2026-12-08T00:00:00-08:00"),
    ("2026-11-29T23:59:59-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-12-01", "2026-12-02T00:00:00-08:00"),
    ("2026-11-30T07:59:59Z", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-12-01", "2026-12-02T00:00:00-08:00"),
    ("2026-12-21T12:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-12-29", "2026-12-30T00:00:00-08:00"),
    ("2026-12-24T12:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2027-01-04", "2027-01-05T00:00:00-08:00"),
    ("2026-12-31T16:00:00-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2027-01-04", "2027-01-05T00:00:00-08:00"),
    ("2027-01-01T07:30:00Z", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2027-01-04", "2027-01-05T00:00:00-08:00"),
    ("2026-12-24T12:00:00-08:00", "America/Los_Angeles", Clock::Business, 10, HolidaySet::UsFederal, "1111100", "2027-01-11", "2027-01-12T00:00:00-08:00"),
    ("2026-06-29T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-07-07", "2026-07-08T00:00:00-07:00"),
    ("2026-07-02T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-07-06", "2026-07-07T00:00:00-07:00"),
    ("2026-07-03T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 0, HolidaySet::UsFederal, "1111100", "2026-07-06", "2026-07-07T00:00:00-07:00"),
    ("2021-12-29T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 2, HolidaySet::UsFederal, "1111100", "2022-01-03", "2022-01-04T00:00:00-08:00"),
    ("2021-12-30T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2022-01-03", "2022-01-04T00:00:00-08:00"),
    ("2022-01-01T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 0, HolidaySet::UsFederal, "1111100", "2022-01-03", "2022-01-04T00:00:00-08:00"),
    ("2026-03-05T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-03-06", "2026-03-07T00:00:00-08:00"),
    ("2026-03-05T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 2, HolidaySet::UsFederal, "1111100", "2026-03-09", "2026-03-10T00:00:00-07:00"),
    ("2026-03-06T09:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-03-13", "2026-03-14T00:00:00-07:00"),
    ("2026-03-08T12:00:00-07:00", "America/Los_Angeles", Clock::Business, 0, HolidaySet::UsFederal, "1111100", "2026-03-09", "2026-03-10T00:00:00-07:00"),
    ("2026-10-29T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-10-30", "2026-10-31T00:00:00-07:00"),
    ("2026-10-29T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 2, HolidaySet::UsFederal, "1111100", "2026-11-02", "2026-11-03T00:00:00-08:00"),
    ("2026-10-30T09:00:00-07:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2026-11-02", "2026-11-03T00:00:00-08:00"),
    ("2026-10-31T09:00:00-07:00", "America/Los_Angeles", Clock::Calendar, 0, HolidaySet::UsFederal, "1111100", "2026-10-31", "2026-11-01T00:00:00-07:00"),
    ("2026-10-31T09:00:00-07:00", "America/Los_Angeles", Clock::Calendar, 1, HolidaySet::UsFederal, "1111100", "2026-11-01", "2026-11-02T00:00:00-08:00"),
    ("2026-03-07T09:00:00-08:00", "America/Los_Angeles", Clock::Calendar, 0, HolidaySet::UsFederal, "1111100", "2026-03-07", "2026-03-08T00:00:00-08:00"),
    ("2026-03-07T09:00:00-08:00", "America/Los_Angeles", Clock::Calendar, 1, HolidaySet::UsFederal, "1111100", "2026-03-08", "2026-03-09T00:00:00-07:00"),
    ("2026-03-26T09:00:00+01:00", "Europe/Stockholm", Clock::Business, 1, HolidaySet::None, "1111100", "2026-03-27", "2026-03-28T00:00:00+01:00"),
    ("2026-03-26T09:00:00+01:00", "Europe/Stockholm", Clock::Business, 2, HolidaySet::None, "1111100", "2026-03-30", "2026-03-31T00:00:00+02:00"),
    ("2026-03-27T09:00:00+01:00", "Europe/Stockholm", Clock::Calendar, 1, HolidaySet::None, "1111100", "2026-03-28", "2026-03-29T00:00:00+01:00"),
    ("2026-03-27T09:00:00+01:00", "Europe/Stockholm", Clock::Calendar, 2, HolidaySet::None, "1111100", "2026-03-29", "2026-03-30T00:00:00+02:00"),
    ("2026-10-22T09:00:00+02:00", "Europe/Stockholm", Clock::Business, 1, HolidaySet::None, "1111100", "2026-10-23", "2026-10-24T00:00:00+02:00"),
    ("2026-10-22T09:00:00+02:00", "Europe/Stockholm", Clock::Business, 2, HolidaySet::None, "1111100", "2026-10-26", "2026-10-27T00:00:00+01:00"),
    ("2026-10-23T09:00:00+02:00", "Europe/Stockholm", Clock::Calendar, 1, HolidaySet::None, "1111100", "2026-10-24", "2026-10-25T00:00:00+02:00"),
    ("2026-10-23T09:00:00+02:00", "Europe/Stockholm", Clock::Calendar, 2, HolidaySet::None, "1111100", "2026-10-25", "2026-10-26T00:00:00+01:00"),
    ("2026-10-24T23:30:00+02:00", "Europe/Stockholm", Clock::Calendar, 0, HolidaySet::None, "1111100", "2026-10-24", "2026-10-25T00:00:00+02:00"),
    ("2026-03-28T23:30:00Z", "Europe/Stockholm", Clock::Business, 0, HolidaySet::UsFederal, "1111100", "2026-03-30", "2026-03-31T00:00:00+02:00"),
    ("2026-12-31T23:30:00Z", "Europe/Stockholm", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2027-01-05", "2027-01-06T00:00:00+01:00"),
    ("2026-11-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::None, "1111100", "2026-11-27", "2026-11-28T00:00:00-08:00"),
    ("2026-11-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "1111110", "2026-11-27", "2026-11-28T00:00:00-08:00"),
    ("2026-11-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 5, HolidaySet::UsFederal, "0111111", "2026-11-27", "2026-11-28T00:00:00-08:00"),
    ("2026-11-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 3, HolidaySet::UsFederal, "0000010", "2026-12-12", "2026-12-13T00:00:00-08:00"),
    ("2026-12-20T15:00:00-08:00", "America/Los_Angeles", Clock::Business, 30, HolidaySet::UsFederal, "1111100", "2027-02-04", "2027-02-05T00:00:00-08:00"),
    ("2026-01-02T12:00:00Z", "UTC", Clock::Business, 250, HolidaySet::UsFederal, "1111100", "2027-01-04", "2027-01-05T00:00:00+00:00"),
    ("2026-01-15T12:00:00Z", "UTC", Clock::Business, 10, HolidaySet::UsFederal, "1111100", "2026-01-30", "2026-01-31T00:00:00+00:00"),
    ("2026-05-20T12:00:00Z", "UTC", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-05-28", "2026-05-29T00:00:00+00:00"),
    ("2026-06-15T12:00:00Z", "UTC", Clock::Business, 5, HolidaySet::UsFederal, "1111100", "2026-06-23", "2026-06-24T00:00:00+00:00"),
    ("2026-05-01T12:00:00Z", "America/Los_Angeles", Clock::Calendar, 30, HolidaySet::UsFederal, "1111100", "2026-05-31", "2026-06-01T00:00:00-07:00"),
    ("2026-02-20T12:00:00-08:00", "America/Los_Angeles", Clock::Calendar, 30, HolidaySet::UsFederal, "1111100", "2026-03-22", "2026-03-23T00:00:00-07:00"),
    ("2026-10-20T12:00:00-07:00", "America/Los_Angeles", Clock::Calendar, 30, HolidaySet::UsFederal, "1111100", "2026-11-19", "2026-11-20T00:00:00-08:00"),
    ("2024-02-27T12:00:00-08:00", "America/Los_Angeles", Clock::Calendar, 2, HolidaySet::UsFederal, "1111100", "2024-02-29", "2024-03-01T00:00:00-08:00"),
    ("2024-02-28T12:00:00-08:00", "America/Los_Angeles", Clock::Business, 1, HolidaySet::UsFederal, "1111100", "2024-02-29", "2024-03-01T00:00:00-08:00"),
];

fn calendar(weekmask: &str, holidays: HolidaySet, custom: &[Date], zone: &str) -> BusinessCalendar {
    BusinessCalendar::new(
        weekmask.parse::<Weekmask>().unwrap(),
        holidays,
        custom.iter().copied(),
        TimeZone::get(zone).unwrap(),
    )
}

#[test]
fn deadlines_match_numpy_and_zoneinfo() {
    assert!(DEADLINES.len() >= 25);
    for &(event, zone, clock, n, holidays, weekmask, due, deadline) in DEADLINES {
        let cal = calendar(weekmask, holidays, &[], zone);
        let event: Timestamp = event.parse().unwrap();
        let due: Date = due.parse().unwrap();
        let got = match clock {
            Clock::Business => {
                assert_eq!(
                    cal.business_day_offset(cal.local_date(event), i64::from(n)),
                    due,
                    "{event} {zone} {clock:?} {n}"
                );
                cal.business_deadline(event, n)
            }
            Clock::Calendar => cal.calendar_deadline(event, n),
        };
        let zoned = got.to_zoned(cal.time_zone().clone());
        // The instant and its UTC offset both have to match: the offset shows which
        // side of a DST change the deadline falls on.
        assert_eq!(
            zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            deadline,
            "{event} {zone} {clock:?} {n}"
        );
        assert_eq!(
            zoned.date(),
            due.tomorrow().unwrap(),
            "{event} {zone} {clock:?} {n}"
        );
        assert_eq!((zoned.hour(), zoned.minute(), zoned.second()), (0, 0, 0));
    }
}

/// (date, n, weekmask, US holidays?, custom holidays?, busday_offset(date, n), end,
/// busday_count(date, end)).
type OffsetRow = (
    &'static str,
    i64,
    &'static str,
    bool,
    bool,
    &'static str,
    &'static str,
    i64,
);

#[rustfmt::skip]
const OFFSETS: &[OffsetRow] = &[
    ("2027-01-17", -5, "0111110", true, true, "2027-01-12", "2026-05-13", -167),
    ("2026-04-15", -250, "1010101", true, true, "2025-01-19", "2026-04-22", 4),
    ("2026-02-13", 61, "0111110", false, true, "2026-05-09", "2025-09-26", -100),
    ("2026-07-01", -250, "0011100", false, false, "2024-11-22", "2027-05-24", 141),
    ("2027-01-06", -1, "1111100", true, true, "2027-01-05", "2026-10-31", -42),
    ("2026-11-15", -250, "1111110", true, false, "2026-01-20", "2026-01-21", -248),
    ("2025-10-20", -2, "1010101", true, false, "2025-10-17", "2025-11-03", 8),
    ("2026-11-01", -10, "0011100", true, true, "2026-10-09", "2026-03-22", -93),
    ("2025-11-21", -23, "1111100", false, false, "2025-10-21", "2025-03-02", -190),
    ("2026-09-19", 61, "1010101", false, true, "2027-01-04", "2027-09-17", 207),
    ("2026-08-29", -61, "1010101", true, true, "2026-05-06", "2027-08-02", 183),
    ("2026-05-03", -5, "1111111", false, false, "2026-04-28", "2026-01-04", -119),
    ("2026-05-19", -61, "0011100", false, false, "2025-12-26", "2025-08-11", -120),
    ("2026-11-12", 5, "0000001", false, true, "2026-12-20", "2026-05-24", -24),
    ("2026-09-25", 5, "0011100", false, true, "2026-10-08", "2025-09-23", -158),
    ("2026-11-30", 5, "0111110", false, true, "2026-12-08", "2026-08-11", -79),
    ("2026-03-06", -10, "1111110", true, true, "2026-02-23", "2026-03-06", 0),
    ("2027-01-16", -250, "0000001", false, false, "2022-04-03", "2027-10-14", 39),
    ("2027-01-04", 10, "1111111", true, false, "2027-01-14", "2026-09-17", -104),
    ("2026-04-06", -250, "0011100", true, true, "2024-08-14", "2026-05-11", 15),
    ("2026-10-24", -250, "0111110", true, true, "2025-10-29", "2026-01-11", -201),
    ("2025-11-16", 0, "1111111", false, true, "2025-11-16", "2025-07-08", -131),
    ("2026-04-21", -2, "1010101", true, true, "2026-04-19", "2026-11-26", 117),
    ("2026-03-25", 1, "1111111", true, true, "2026-03-26", "2026-02-03", -49),
    ("2026-01-10", -250, "1111110", false, false, "2025-03-25", "2026-05-05", 98),
    ("2026-10-15", -1, "1111111", false, true, "2026-10-14", "2027-03-05", 138),
    ("2027-01-06", -1, "0111110", true, false, "2027-01-05", "2027-07-27", 143),
    ("2026-10-09", -2, "0011100", false, false, "2026-10-07", "2025-12-10", -131),
    ("2026-12-24", 61, "0011100", false, false, "2027-05-14", "2026-06-07", -86),
    ("2026-12-14", 61, "1010101", true, false, "2027-04-07", "2027-07-29", 123),
    ("2026-07-31", 2, "1111111", true, false, "2026-08-02", "2025-10-01", -293),
    ("2025-10-26", 5, "1111100", false, false, "2025-11-03", "2025-04-25", -130),
    ("2026-01-29", -1, "0011100", true, true, "2026-01-28", "2026-07-08", 65),
    ("2025-12-05", 2, "0111110", true, false, "2025-12-09", "2026-11-10", 238),
    ("2026-03-22", 250, "1010101", true, false, "2027-06-23", "2026-08-12", 79),
    ("2026-05-16", -61, "1111100", false, true, "2026-02-20", "2027-05-25", 261),
    ("2026-06-10", -250, "0011100", true, false, "2024-10-16", "2025-08-29", -118),
    ("2026-12-15", -2, "0000001", true, false, "2026-12-06", "2025-12-05", -54),
    ("2027-02-10", -250, "1111100", true, false, "2026-02-10", "2028-01-21", 236),
    ("2026-03-21", 0, "0011100", true, false, "2026-03-25", "2025-06-26", -111),
    ("1990-01-01", 25000, "1111100", true, false, "2089-12-01", "2199-12-31", 52507),
    ("2199-06-01", -40000, "1111100", true, false, "2039-05-06", "1901-01-01", -74777),
];

/// Custom holidays used by the rows of [`OFFSETS`] marked `true`: a run of three days
/// around a weekend, one on a Saturday (ignored), Christmas Eve, and New Year's Eve.
const CUSTOM: &[&str] = &[
    "2026-06-05",
    "2026-06-08",
    "2026-06-09",
    "2026-12-24",
    "2026-12-26",
    "2026-12-31",
];

#[test]
fn offsets_and_counts_match_numpy() {
    let custom: Vec<Date> = CUSTOM.iter().map(|d| d.parse().unwrap()).collect();
    for &(start, n, weekmask, us, with_custom, offset, end, count) in OFFSETS {
        let holidays = if us {
            HolidaySet::UsFederal
        } else {
            HolidaySet::None
        };
        let custom: &[Date] = if with_custom { &custom } else { &[] };
        let cal = calendar(weekmask, holidays, custom, "UTC");
        let start: Date = start.parse().unwrap();
        let end: Date = end.parse().unwrap();
        let expected: Date = offset.parse().unwrap();
        assert_eq!(
            cal.business_day_offset(start, n),
            expected,
            "offset {start} {n} {weekmask} {us} {with_custom}"
        );
        assert_eq!(
            cal.business_day_count(start, end),
            count,
            "count {start} {end} {weekmask} {us} {with_custom}"
        );
    }
}

/// pandas `USFederalHolidayCalendar` observed dates by year.
#[rustfmt::skip]
const US_FEDERAL: &[(i16, &[&str])] = &[
    (2020, &["2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25"]),
    (2021, &["2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"]),
    (2022, &["2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26"]),
    (2023, &["2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25"]),
    (2024, &["2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25"]),
    (2025, &["2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"]),
    (2026, &["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"]),
    (2027, &["2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"]),
    (2028, &["2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25"]),
    (2029, &["2029-01-01", "2029-01-15", "2029-02-19", "2029-05-28", "2029-06-19", "2029-07-04", "2029-09-03", "2029-10-08", "2029-11-12", "2029-11-22", "2029-12-25"]),
    (2030, &["2030-01-01", "2030-01-21", "2030-02-18", "2030-05-27", "2030-06-19", "2030-07-04", "2030-09-02", "2030-10-14", "2030-11-11", "2030-11-28", "2030-12-25"]),
];

#[test]
fn us_federal_holidays_match_pandas() {
    for &(year, expected) in US_FEDERAL {
        let got: Vec<String> = us_federal_holidays(year)
            .iter()
            .map(|h| h.observed.to_string())
            .collect();
        assert_eq!(got, expected, "{year}");
    }
}

#[test]
fn saturday_new_year_is_listed_in_the_year_before_and_known_to_the_calendar() {
    let list_2021 = us_federal_holidays(2021);
    let last = list_2021.last().unwrap();
    assert_eq!(last.holiday, UsFederalHoliday::NewYearsDay);
    assert_eq!(last.observed, date(2021, 12, 31));
    assert_eq!(last.actual, date(2022, 1, 1));
    assert!(last.is_moved());
    assert!(us_federal_holidays(2022)
        .iter()
        .all(|h| h.holiday != UsFederalHoliday::NewYearsDay));
    let cal = calendar("1111100", HolidaySet::UsFederal, &[], "America/Los_Angeles");
    assert!(!cal.is_business_day(date(2021, 12, 31)));
    assert!(cal.is_holiday(date(2021, 12, 31)));
    assert_eq!(
        cal.business_day_offset(date(2021, 12, 30), 1),
        date(2022, 1, 3)
    );
    assert_eq!(
        cal.business_day_offset(date(2022, 1, 3), -1),
        date(2021, 12, 30)
    );
}

#[test]
fn spot_checks_from_the_brief() {
    let cal = calendar("1111100", HolidaySet::UsFederal, &[], "America/Los_Angeles");
    for (holiday, weekday) in [
        (date(2026, 11, 26), jiff::civil::Weekday::Thursday),
        (date(2026, 12, 25), jiff::civil::Weekday::Friday),
        (date(2027, 1, 1), jiff::civil::Weekday::Friday),
        (date(2026, 7, 3), jiff::civil::Weekday::Friday),
        (date(2021, 12, 31), jiff::civil::Weekday::Friday),
    ] {
        assert_eq!(holiday.weekday(), weekday);
        assert!(cal.is_holiday(holiday), "{holiday}");
        assert!(!cal.is_business_day(holiday), "{holiday}");
    }
    assert!(cal.is_business_day(date(2026, 7, 6)));
    assert!(!cal.is_holiday(date(2026, 7, 4)));
}

#[test]
fn far_years_are_computed_by_rule() {
    let cal = calendar("1111100", HolidaySet::UsFederal, &[], "UTC");
    // 2100-12-25 is a Saturday: observed Friday 2100-12-24.
    assert!(cal.is_holiday(date(2100, 12, 24)));
    // 1776-07-04 was a Thursday.
    assert!(cal.is_holiday(date(1776, 7, 4)));
    // 9999-12-31 is a Friday; New Year 10000 is a Saturday, observed that day.
    assert!(cal.is_holiday(date(9999, 12, 31)));
    assert_eq!(
        cal.business_day_offset(date(9999, 12, 30), 0),
        date(9999, 12, 30)
    );
    assert!(cal
        .checked_business_day_offset(date(9999, 12, 30), 1)
        .is_err());
    assert!(cal
        .checked_business_day_offset(date(-9999, 1, 4), -5)
        .is_err());
}

/// `cpor deadline` and `cpor holidays`: output formats and errors.
mod cli {
    use std::process::{Command, Output};

    fn cpor(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_cpor"))
            .args(args)
            .output()
            .expect("run cpor")
    }

    fn stdout(output: &Output) -> String {
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn stderr(output: &Output) -> String {
        String::from_utf8_lossy(&output.stderr).into_owned()
    }

    #[test]
    fn deadline_text_and_json() {
        let output = cpor(&["deadline", "--from", "2026-11-20", "--business-days", "4"]);
        assert!(output.status.success());
        assert_eq!(
            stdout(&output),
            "Due end of Friday 2026-11-27 (deadline 2026-11-28T00:00:00-08:00[America/Los_Angeles])\n"
        );
        let output = cpor(&[
            "--json",
            "deadline",
            "--from",
            "2026-11-20T15:00:00-08:00",
            "--business-days",
            "5",
        ]);
        assert!(output.status.success());
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"date": "2026-11-30", "deadline": "2026-12-01T00:00:00-08:00"})
        );
    }

    #[test]
    fn deadline_options() {
        // Stockholm, calendar days across the spring-forward change.
        let output = cpor(&[
            "deadline",
            "--json",
            "--from",
            "2026-03-27",
            "--days",
            "2",
            "--tz",
            "Europe/Stockholm",
        ]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["deadline"], "2026-03-30T00:00:00+02:00");
        // A custom holiday and a Monday-to-Saturday week, without US holidays.
        let output = cpor(&[
            "deadline",
            "--json",
            "--from",
            "2026-11-25",
            "--business-days",
            "2",
            "--holidays",
            "none",
            "--holiday",
            "2026-11-27",
            "--weekmask",
            "1111110",
        ]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["date"], "2026-11-28");
        // A local time without an offset is read in --tz.
        let output = cpor(&[
            "deadline",
            "--json",
            "--from",
            "2026-12-31T23:30",
            "--days",
            "0",
            "--tz",
            "Asia/Tokyo",
        ]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["deadline"], "2027-01-01T00:00:00+09:00");
    }

    #[test]
    fn deadline_errors_exit_2_with_a_reason() {
        for (args, says) in [
            (
                &["deadline", "--from", "2026-02-30", "--days", "1"][..],
                "no such date",
            ),
            (
                &["deadline", "--from", "soon", "--days", "1"][..],
                "is not a date or an instant",
            ),
            (
                &[
                    "deadline",
                    "--from",
                    "2026-11-20",
                    "--days",
                    "1",
                    "--tz",
                    "Mars/Base",
                ][..],
                "not a known IANA time zone",
            ),
            (
                &[
                    "deadline",
                    "--from",
                    "2026-11-20",
                    "--days",
                    "1",
                    "--weekmask",
                    "0000000",
                ][..],
                "Weekmask “0000000” is not valid",
            ),
            (
                &[
                    "deadline",
                    "--from",
                    "2026-11-20",
                    "--days",
                    "1",
                    "--holiday",
                    "11/26/2026",
                ][..],
                "YYYY-MM-DD",
            ),
            (
                &["deadline", "--from", "9999-12-20", "--business-days", "100"][..],
                "outside the supported years",
            ),
        ] {
            let output = cpor(args);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            assert!(
                stderr(&output).starts_with("cpor: "),
                "{args:?}: {}",
                stderr(&output)
            );
            assert!(
                stderr(&output).contains(says),
                "{args:?}: {}",
                stderr(&output)
            );
        }
        // Exactly one of --business-days and --days.
        assert!(!cpor(&["deadline", "--from", "2026-11-20"]).status.success());
        assert!(!cpor(&[
            "deadline",
            "--from",
            "2026-11-20",
            "--days",
            "1",
            "--business-days",
            "1"
        ])
        .status
        .success());
    }

    #[test]
    fn holidays_lists() {
        let output = cpor(&["holidays", "--calendar", "us", "--year", "2021", "--json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let dates = json["dates"].as_array().unwrap();
        assert_eq!(dates.len(), 12);
        assert_eq!(dates[11], "2021-12-31");
        let output = cpor(&["holidays", "--year", "2026"]);
        let text = stdout(&output);
        assert_eq!(text.lines().count(), 11);
        assert!(text.contains(
            "2026-07-03 Friday    Independence Day (observed; falls on Saturday 2026-07-04)"
        ));
        assert!(text.contains("2026-11-26 Thursday  Thanksgiving Day\n"));
        let output = cpor(&["holidays", "--calendar", "none", "--year", "2026", "--json"]);
        assert_eq!(stdout(&output).trim(), r#"{"dates":[]}"#);
    }
}

//! The national holiday sets against an independent list: the Python `holidays` package
//! (version in the fixture), written to `tests/fixtures/holidays-golden.json` by
//! `scripts/holidays-golden.py`. The tests read the fixture; they do not run Python.
//!
//! Sweden, Germany and the Netherlands are compared date for date, every year from the
//! package's first year for the country's current rules to 2100. China is compared for
//! every published year shipped: the declared working days exactly, and whether each day
//! of the year is a business day (Monday to Friday) — the package lists a period's
//! statutory days and weekday substitutes, the notices (and our data) the whole period
//! with its weekend, so the day lists differ only on weekends.

use std::collections::{BTreeMap, BTreeSet};

use claim_rules::calendar::{BusinessCalendar, CalendarError, Weekmask};
use claim_rules::holidays::{coverage, holidays_in_year, Coverage};
use claim_rules::policy::HolidaySet;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    holidays_version: String,
    sets: BTreeMap<String, SetFixture>,
}

#[derive(Deserialize)]
struct SetFixture {
    days_off: BTreeMap<i16, Vec<Date>>,
    #[serde(default)]
    working_days: BTreeMap<i16, Vec<Date>>,
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/holidays-golden.json")).expect("fixture is JSON")
}

fn set_named(name: &str) -> HolidaySet {
    match name {
        "Sweden" => HolidaySet::Sweden,
        "Germany" => HolidaySet::Germany,
        "Netherlands" => HolidaySet::Netherlands,
        "China" => HolidaySet::China,
        other => panic!("the fixture names an unknown set {other}"),
    }
}

#[test]
fn rule_based_sets_match_the_reference_date_for_date() {
    let fixture = fixture();
    assert_eq!(fixture.holidays_version, "0.108");
    for name in ["Sweden", "Germany", "Netherlands"] {
        let set = set_named(name);
        let years = &fixture.sets[name].days_off;
        assert!(years.len() >= 100, "{name}: {} years", years.len());
        assert!(years.contains_key(&2100), "{name}");
        for (&year, expected) in years {
            let got: BTreeSet<Date> = holidays_in_year(set, year)
                .unwrap()
                .days_off
                .iter()
                .map(|day| day.date)
                .collect();
            let expected: BTreeSet<Date> = expected.iter().copied().collect();
            assert_eq!(got, expected, "{name} {year}");
        }
    }
}

#[test]
fn china_matches_the_reference_on_every_day_of_every_published_year() {
    let fixture = fixture();
    let china = &fixture.sets["China"];
    let Coverage::PublishedYears { first, last } = coverage(HolidaySet::China) else {
        panic!("China is published year by year");
    };
    let shipped: Vec<i16> = (first..=last).collect();
    let reference_years: Vec<i16> = china.days_off.keys().copied().collect();
    assert_eq!(
        shipped, reference_years,
        "every shipped year has a reference"
    );
    let calendar = BusinessCalendar::new(Weekmask::default(), HolidaySet::China, [], TimeZone::UTC);
    for year in first..=last {
        let ours = holidays_in_year(HolidaySet::China, year).unwrap();
        let reference_off: BTreeSet<Date> = china.days_off[&year].iter().copied().collect();
        let reference_worked: BTreeSet<Date> = china
            .working_days
            .get(&year)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        let our_worked: BTreeSet<Date> = ours.working_days.iter().map(|day| day.date).collect();
        assert_eq!(our_worked, reference_worked, "working days of {year}");
        let our_off: BTreeSet<Date> = ours.days_off.iter().map(|day| day.date).collect();
        assert!(
            reference_off.is_subset(&our_off),
            "{year}: the reference has days off we do not: {:?}",
            reference_off.difference(&our_off).collect::<Vec<_>>()
        );
        let mut day = jiff::civil::date(year, 1, 1);
        while day.year() == year {
            let weekday = day.weekday().to_monday_zero_offset() < 5;
            let reference_business =
                reference_worked.contains(&day) || (weekday && !reference_off.contains(&day));
            assert_eq!(
                calendar.checked_is_business_day(day),
                Ok(reference_business),
                "{day}"
            );
            day = day.tomorrow().unwrap();
        }
    }
}

#[test]
fn china_refuses_every_year_it_has_no_calendar_for() {
    for year in [1949, 2000, 2027, 2100] {
        assert_eq!(
            holidays_in_year(HolidaySet::China, year),
            Err(CalendarError::YearNotPublished {
                set: HolidaySet::China,
                year,
                first: 2001,
                last: 2026
            })
        );
    }
}

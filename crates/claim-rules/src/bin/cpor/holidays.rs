//! `cpor holidays`: the days off (and declared working days) of a built-in calendar for
//! a year.

use std::process::ExitCode;

use claim_rules::holidays::{holidays_in_year, DayKind, Holiday, WorkingDay};
use claim_rules::policy::HolidaySet;

use crate::catalogue::Catalogue;
use crate::deadline::{weekday, HolidayChoice};
use crate::wording::Words;

/// Arguments of `cpor holidays`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The built-in holiday set.
    #[arg(long, value_enum, default_value_t = HolidayChoice::Us)]
    calendar: HolidayChoice,
    /// The year whose days off to list (a US holiday moved off a weekend is listed on
    /// the day it is observed: a Saturday New Year's Day on December 31 of the year
    /// before).
    #[arg(long, value_parser = clap::value_parser!(i16).range(-9999..=9999))]
    year: i16,
}

/// One line of the list: a day off or a working day.
enum Line<'a> {
    Off(&'a Holiday),
    Worked(&'a WorkingDay),
}

/// Run the command.
pub fn run(args: &Args, json: bool, catalogue: &Catalogue) -> Result<ExitCode, String> {
    let words = Words {
        catalogue: catalogue.clone(),
        zone: jiff::tz::TimeZone::UTC,
    };
    let year = holidays_in_year(HolidaySet::from(args.calendar), args.year)
        .map_err(|error| words.word(&words.calendar_error_message(&error)))?;
    if json {
        let dates: Vec<String> = year.days_off.iter().map(|h| h.date.to_string()).collect();
        let working: Vec<String> = year
            .working_days
            .iter()
            .map(|day| day.date.to_string())
            .collect();
        println!(
            "{}",
            serde_json::json!({ "dates": dates, "working_days": working })
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut lines: Vec<Line> = year.days_off.iter().map(Line::Off).collect();
    lines.extend(year.working_days.iter().map(Line::Worked));
    lines.sort_by_key(|line| match line {
        Line::Off(holiday) => holiday.date,
        Line::Worked(day) => day.date,
    });
    for line in lines {
        let (date, text) = match line {
            Line::Off(holiday) => (holiday.date, off_text(holiday, catalogue)),
            Line::Worked(day) => (
                day.date,
                catalogue.text(
                    "cli.holidays.working_day",
                    &[(
                        "holiday",
                        catalogue.text(&format!("holiday.{}", day.name.code()), &[]),
                    )],
                ),
            ),
        };
        println!("{date} {:<9} {text}", weekday(date.weekday(), catalogue));
    }
    Ok(ExitCode::SUCCESS)
}

fn off_text(holiday: &Holiday, catalogue: &Catalogue) -> String {
    let name = catalogue.text(&format!("holiday.{}", holiday.name.code()), &[]);
    let note = match holiday.kind {
        DayKind::OwnDate | DayKind::Period => return name,
        DayKind::DeFacto => catalogue.text("cli.holidays.de_facto", &[]),
        DayKind::Observed { .. } => {
            let own_weekday = weekday(holiday.own_weekday(), catalogue);
            match holiday.own_date() {
                Some(own) => catalogue.text(
                    "cli.holidays.observed",
                    &[("weekday", own_weekday), ("date", own.to_string())],
                ),
                // New Year's Day of the year 10000: no date to show, but still a day off.
                None => catalogue.text("cli.holidays.observed_after", &[("weekday", own_weekday)]),
            }
        }
    };
    format!("{name} {note}")
}

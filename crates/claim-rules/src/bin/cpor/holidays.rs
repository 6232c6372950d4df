//! `cpor holidays`: the days off (and declared working days) of a built-in calendar for
//! a year.

use std::process::ExitCode;

use claim_rules::holidays::{holidays_in_year, DayKind, Holiday, WorkingDay};
use claim_rules::policy::HolidaySet;

use crate::deadline::HolidayChoice;
use crate::names::{holiday_name, weekday_name};

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
pub fn run(args: &Args, json: bool) -> Result<ExitCode, String> {
    let year = holidays_in_year(HolidaySet::from(args.calendar), args.year)
        .map_err(|error| error.to_string())?;
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
            Line::Off(holiday) => (holiday.date, off_text(holiday)),
            Line::Worked(day) => (
                day.date,
                format!("working day (makes up for {})", holiday_name(day.name)),
            ),
        };
        println!("{date} {:<9} {text}", date.strftime("%A").to_string());
    }
    Ok(ExitCode::SUCCESS)
}

fn off_text(holiday: &Holiday) -> String {
    let name = holiday_name(holiday.name);
    match holiday.kind {
        DayKind::OwnDate | DayKind::Period => name.to_string(),
        DayKind::DeFacto => format!("{name} (de facto day off)"),
        DayKind::Observed { .. } => {
            let weekday = weekday_name(holiday.own_weekday());
            match holiday.own_date() {
                Some(own) => format!("{name} (observed; falls on {weekday} {own})"),
                // New Year's Day of the year 10000: no date to show, but still a day off.
                None => format!("{name} (observed; falls on the {weekday} after)"),
            }
        }
    }
}

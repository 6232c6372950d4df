//! `cpor holidays`: the holidays of a built-in calendar for a year.

use std::process::ExitCode;

use claim_rules::holidays::holidays_in_year;
use claim_rules::policy::HolidaySet;

use crate::catalogue::Catalogue;
use crate::deadline::{weekday, HolidayChoice};

/// Arguments of `cpor holidays`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The built-in holiday set.
    #[arg(long, value_enum, default_value_t = HolidayChoice::Us)]
    calendar: HolidayChoice,
    /// The year whose observed holidays to list (a Saturday New Year's Day is observed,
    /// and listed, on December 31 of the year before).
    #[arg(long, value_parser = clap::value_parser!(i16).range(-9999..=9999))]
    year: i16,
}

/// Run the command.
pub fn run(args: &Args, json: bool, catalogue: &Catalogue) -> Result<ExitCode, String> {
    let holidays = holidays_in_year(HolidaySet::from(args.calendar), args.year);
    if json {
        let dates: Vec<String> = holidays.iter().map(|h| h.observed.to_string()).collect();
        println!("{}", serde_json::json!({ "dates": dates }));
    } else {
        for holiday in &holidays {
            let moved = if holiday.is_moved() {
                format!(
                    " {}",
                    catalogue.text(
                        "cli.holidays.observed",
                        &[
                            ("weekday", weekday(holiday.actual.weekday(), catalogue)),
                            ("date", holiday.actual.to_string()),
                        ]
                    )
                )
            } else {
                String::new()
            };
            println!(
                "{} {:<9} {}{moved}",
                holiday.observed,
                weekday(holiday.observed.weekday(), catalogue),
                holiday.name()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `cpor deadline`: N business days or N calendar days after a date or an instant.

use std::process::ExitCode;

use claim_rules::calendar::{BusinessCalendar, CalendarError, Weekmask};
use claim_rules::policy::{CalendarSettings, HolidaySet};
use jiff::civil::{Date, DateTime, Weekday};
use jiff::{Timestamp, ToSpan};

use crate::catalogue::Catalogue;
use crate::wording::Words;

/// Arguments of `cpor deadline`.
#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("length")
        .required(true)
        .args(["business_days", "days"]),
))]
pub struct Args {
    /// The event: a date (YYYY-MM-DD, an event on that local date), an RFC 3339
    /// instant (2026-11-20T15:00:00-08:00) or a local date and time (2026-11-20T15:00,
    /// read in --tz).
    #[arg(long, value_name = "DATE|INSTANT")]
    from: String,
    /// Length of the clock in business days (numpy busday_offset, roll forward).
    #[arg(long, value_name = "N")]
    business_days: Option<u32>,
    /// Length of the clock in calendar days.
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// Built-in holidays: US federal holidays as observed, or none.
    #[arg(long, value_enum, default_value_t = HolidayChoice::Us)]
    holidays: HolidayChoice,
    /// An extra holiday (YYYY-MM-DD); repeat for several.
    #[arg(long = "holiday", value_name = "YYYY-MM-DD")]
    holiday: Vec<String>,
    /// Business weekdays, Monday first, as seven 0/1 digits.
    #[arg(long, value_name = "MASK", default_value = "1111100")]
    weekmask: String,
    /// IANA time zone in which days end (the app's default is America/Los_Angeles).
    #[arg(long, value_name = "ZONE", default_value = "America/Los_Angeles")]
    tz: String,
}

/// The built-in holiday sets, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HolidayChoice {
    /// US federal holidays as observed (Saturday → Friday, Sunday → Monday).
    Us,
    /// No built-in holidays.
    None,
}

impl From<HolidayChoice> for HolidaySet {
    fn from(choice: HolidayChoice) -> HolidaySet {
        match choice {
            HolidayChoice::Us => HolidaySet::UsFederal,
            HolidayChoice::None => HolidaySet::None,
        }
    }
}

/// When the clock starts: a whole local day, or an instant.
#[derive(Debug, Clone, Copy)]
enum Event {
    Date(Date),
    Instant(Timestamp),
}

/// Run the command.
pub fn run(args: &Args, json: bool, catalogue: &Catalogue) -> Result<ExitCode, String> {
    let words = Words {
        catalogue: catalogue.clone(),
        zone: jiff::tz::TimeZone::UTC,
    };
    let calendar_error = |option: &str, error: CalendarError| {
        catalogue.text(
            "cli.error.option",
            &[
                ("option", option.to_string()),
                ("reason", words.word(&words.calendar_error_message(&error))),
            ],
        )
    };
    let weekmask: Weekmask = args
        .weekmask
        .parse()
        .map_err(|error| calendar_error("--weekmask", error))?;
    let custom_holidays = args
        .holiday
        .iter()
        .map(|text| {
            parse_date(text, catalogue).map_err(|why| {
                catalogue.text(
                    "cli.error.option",
                    &[("option", format!("--holiday \"{text}\"")), ("reason", why)],
                )
            })
        })
        .collect::<Result<Vec<Date>, String>>()?;
    let settings = CalendarSettings {
        weekmask,
        holidays: args.holidays.into(),
        custom_holidays,
        time_zone: args.tz.clone(),
    };
    let calendar = BusinessCalendar::from_settings(&settings)
        .map_err(|error| calendar_error("--tz", error))?;

    let start = match parse_event(&args.from, &calendar, catalogue)? {
        Event::Date(date) => date,
        Event::Instant(at) => calendar.local_date(at),
    };
    let due = match (args.business_days, args.days) {
        (Some(n), _) => calendar.checked_business_day_offset(start, i64::from(n)),
        (None, Some(n)) => start
            .checked_add(i64::from(n).days())
            .map_err(|_| CalendarError::DateOutOfRange),
        // clap's required group makes this unreachable; say what to do anyway.
        (None, None) => return Err(catalogue.text("cli.error.length", &[])),
    }
    .map_err(|error| words.word(&words.calendar_error_message(&error)))?;
    let deadline = calendar
        .checked_end_of_day(due)
        .map_err(|error| words.word(&words.calendar_error_message(&error)))?
        .to_zoned(calendar.time_zone().clone());

    if json {
        let output = serde_json::json!({
            "date": due.to_string(),
            "deadline": deadline.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        });
        println!("{output}");
    } else {
        println!(
            "{}",
            catalogue.text(
                "cli.deadline.due",
                &[
                    ("weekday", weekday(due.weekday(), catalogue)),
                    ("date", due.to_string()),
                    ("deadline", deadline.to_string()),
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A weekday's name from the catalogue.
pub fn weekday(day: Weekday, catalogue: &Catalogue) -> String {
    let code = match day {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    };
    catalogue.text(&format!("cli.weekday.{code}"), &[])
}

/// A `YYYY-MM-DD` date, nothing more.
fn parse_date(text: &str, catalogue: &Catalogue) -> Result<Date, String> {
    let looks_like_date = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !looks_like_date {
        return Err(catalogue.text("cli.error.date_format", &[]));
    }
    text.parse::<Date>()
        .map_err(|_| catalogue.text("cli.error.no_such_date", &[]))
}

/// `--from`: a date, an instant with an offset, or a civil date-time read in the zone.
fn parse_event(
    text: &str,
    calendar: &BusinessCalendar,
    catalogue: &Catalogue,
) -> Result<Event, String> {
    let option_error = |reason: String| {
        catalogue.text(
            "cli.error.option",
            &[("option", format!("--from \"{text}\"")), ("reason", reason)],
        )
    };
    if text.len() == 10 {
        return parse_date(text, catalogue)
            .map(Event::Date)
            .map_err(option_error);
    }
    if let Ok(at) = text.parse::<Timestamp>() {
        return Ok(Event::Instant(at));
    }
    if let Ok(civil) = text.parse::<DateTime>() {
        // A local time in a DST gap or fold is read the usual way ("compatible"):
        // the later side of a gap, the earlier of a fold.
        return calendar
            .time_zone()
            .to_ambiguous_timestamp(civil)
            .compatible()
            .map(Event::Instant)
            .map_err(|error| option_error(error.to_string()));
    }
    Err(catalogue.text("cli.error.from", &[("text", text.to_string())]))
}

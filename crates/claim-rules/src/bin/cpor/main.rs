//! `cpor`: the CPOR rules on the command line. A thin shell over `claim-rules`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod catalogue;
mod check;
mod deadline;
mod file;
mod holidays;
mod ics;
mod merge;
mod scenario;
mod timeline;
mod wording;

use catalogue::Catalogue;

/// The CPOR rules on the command line: deadlines, holidays, checks of export files,
/// calendar files of running deadlines, and the training scenarios.
#[derive(Debug, Parser)]
#[command(name = "cpor", version, about)]
struct Cli {
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// The language of the text output (the words come from the app's catalogue).
    #[arg(long, global = true, value_enum, default_value_t = Lang::En)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

/// The languages `cpor` speaks: those whose catalogue is compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    /// English (`locales/en.json` and the tool's own `words.en.json`).
    En,
}

impl Lang {
    fn catalogue(self) -> Catalogue {
        match self {
            Lang::En => Catalogue::english(),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compute a deadline: N business days or N calendar days after a date or instant.
    Deadline(deadline::Args),
    /// List the days off (and declared working days) of a built-in calendar for a year.
    Holidays(holidays::Args),
    /// Validate an export file and show each claim's status, next deadline and problems.
    Check {
        /// The export file (JSON, format "cpor-desk").
        file: PathBuf,
        /// Evaluate deadlines at this instant (RFC 3339) instead of now.
        #[arg(long)]
        now: Option<jiff::Timestamp>,
    },
    /// Merge an export file into yours: a preview of each incoming claim, and with
    /// --out the merged export. Nothing of yours is ever lost.
    Merge(merge::Args),
    /// Show one claim's history and clocks from an export file.
    Timeline {
        /// The export file (JSON, format "cpor-desk").
        file: PathBuf,
        /// The claim's ID (a UUID, or a unique prefix of one).
        #[arg(long)]
        claim: String,
        /// Evaluate clocks at this instant (RFC 3339) instead of now.
        #[arg(long)]
        now: Option<jiff::Timestamp>,
    },
    /// The training scenarios: list them, or show one step by step.
    #[command(subcommand)]
    Scenario(scenario::Command),
    /// Write the running deadlines as an iCalendar file (.ics) for Outlook or Google Calendar.
    Ics(ics::Args),
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    let catalogue = cli.lang.catalogue();
    let result = match cli.command {
        Command::Deadline(args) => deadline::run(&args, cli.json, &catalogue),
        Command::Holidays(args) => holidays::run(&args, cli.json, &catalogue),
        Command::Check { file, now } => check::run(
            &file,
            cli.json,
            now.unwrap_or_else(jiff::Timestamp::now),
            &catalogue,
        ),
        Command::Merge(args) => merge::run(&args, cli.json, jiff::Timestamp::now(), &catalogue),
        Command::Timeline { file, claim, now } => timeline::run_at(
            &file,
            &claim,
            cli.json,
            now.unwrap_or_else(jiff::Timestamp::now),
            &catalogue,
        ),
        Command::Scenario(command) => scenario::run(&command, cli.json),
        Command::Ics(args) => ics::run(&args, cli.json, &catalogue),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("cpor: {message}");
            ExitCode::from(2)
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`cpor holidays … | head -1`)
/// would panic; like other command-line tools, end quietly instead.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; setting a
    // signal's disposition to its default has no other precondition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

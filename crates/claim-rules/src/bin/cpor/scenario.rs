//! `cpor scenario list` and `cpor scenario show NAME`: the training scenarios, played
//! through the rules step by step, from the same data the training screen uses.
//!
//! Every sentence comes from the `scenario` section: the scenarios' own texts (titles,
//! lessons, questions, …) from the app's `locales/en.json`, which the training screen
//! words them from too, and the tool's layout words (`scenario.cli.*`) from
//! `words.en.json`.

use std::fmt::Write as _;
use std::process::ExitCode;

use claim_rules::deadlines::{ClockState, Deadline, Rules};
use claim_rules::history::ActionKind;
use claim_rules::lifecycle::Phase;
use claim_rules::model::Actor;
use claim_rules::policy::HolidaySet;
use claim_rules::scenarios::{
    self, ClaimKey, Param, Remark, Replay, RoomQuestion, Scenario, ScenarioId, Step, StepEvent,
    StepResult, Verdict,
};
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::{json, Value};
use std::sync::OnceLock;

use crate::catalogue::Catalogue;
use crate::wording::Words;

/// What to do with the scenarios.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the training scenarios: name, number of steps, title.
    List,
    /// Play one scenario through the rules and print each step: its time, who does what,
    /// the resulting status and phase, the running deadlines, the lesson and the "ask the
    /// room" question.
    Show {
        /// The scenario's name, as `cpor scenario list` prints it.
        name: String,
    },
}

/// Run the command.
pub fn run(command: &Command, json: bool) -> Result<ExitCode, String> {
    let output = match command {
        Command::List => list(json)?,
        Command::Show { name } => {
            let id = ScenarioId::from_code(name.trim())
                .ok_or_else(|| text("cli.unknown_scenario", None, &[("name", name.clone())]))?;
            let scenario = scenarios::scenario(id);
            let replay = Replay::run(&scenario, &remark_words).map_err(|error| {
                text(
                    "cli.defective",
                    None,
                    &[
                        ("name", id.code().to_string()),
                        (
                            "problem",
                            format!("{} {error}", text(error.code(), None, &[])),
                        ),
                    ],
                )
            })?;
            if json {
                show_json(&replay)?
            } else {
                show_text(&replay)
            }
        }
    };
    print!("{output}");
    Ok(ExitCode::SUCCESS)
}

fn remark_words(remark: Remark) -> String {
    text(remark.code(), None, &[])
}

/// The catalogue text of `code` (in the `scenario` section), in its plural form for
/// `count` if given, with `{{ name }}` replaced by each parameter.
fn text(code: &str, count: Option<u32>, params: &[(&str, String)]) -> String {
    let key = match count {
        Some(1) => format!("scenario.{code}_one"),
        Some(_) => format!("scenario.{code}_other"),
        None => format!("scenario.{code}"),
    };
    // A missing text shows its key, so the gap is visible (a test keeps it from happening).
    let mut out = english().template(&key).map_or(key, str::to_string);
    for (name, value) in params {
        out = out.replace(&format!("{{{{ {name} }}}}"), value);
    }
    if let Some(count) = count {
        out = out.replace("{{ count }}", &count.to_string());
    }
    out
}

/// The English catalogue, read once.
fn english() -> &'static Catalogue {
    static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
    ENGLISH.get_or_init(Catalogue::english)
}

/// The rules' names (actions, phases, clocks, reasons) as the other subcommands word them.
fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words::english(jiff::tz::TimeZone::UTC))
}

/// The text of a code with the rules' typed parameters.
fn say(code: &str, params: &[(&'static str, Param)]) -> String {
    let count = params.iter().find_map(|(_, param)| match param {
        Param::Count(count) => Some(*count),
        Param::Date(_) | Param::Dates(_) | Param::Time(_) | Param::Claim(_) => None,
    });
    let words: Vec<(&str, String)> = params
        .iter()
        .map(|(name, param)| (*name, param_text(param)))
        .collect();
    text(code, count, &words)
}

fn param_text(param: &Param) -> String {
    match param {
        Param::Date(date) => day(*date),
        Param::Dates(dates) => dates
            .iter()
            .map(|date| day(*date))
            .collect::<Vec<_>>()
            .join(", "),
        Param::Time(time) => time.strftime("%H:%M").to_string(),
        Param::Count(count) => count.to_string(),
        Param::Claim(key) => text(key.code(), None, &[]),
    }
}

fn day(date: Date) -> String {
    date.strftime("%a %Y-%m-%d").to_string()
}

fn local(rules: &Rules, at: Timestamp) -> String {
    at.to_zoned(rules.calendar().time_zone().clone())
        .strftime("%a %Y-%m-%d %H:%M %Z")
        .to_string()
}

fn last_day(rules: &Rules, due: Timestamp) -> Option<Date> {
    if due == Timestamp::MAX {
        return None;
    }
    rules.calendar().local_date(due).yesterday().ok()
}

fn list(json: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rows = Vec::new();
    for scenario in scenarios::all() {
        let id = scenario.id;
        if json {
            rows.push(json!({
                "name": id.code(),
                "title": text(id.title_code(), None, &[]),
                "description": text(id.description_code(), None, &[]),
                "steps": scenario.steps.len(),
                "claims": scenario.claims.iter().map(|claim| claim_key(claim.key)).collect::<Vec<_>>(),
                "asks_the_room": scenario.asks_the_room(),
            }));
        } else {
            let steps = u32::try_from(scenario.steps.len()).unwrap_or(u32::MAX);
            let ask = if scenario.asks_the_room() {
                text("cli.asks_the_room", None, &[])
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{:<23} {:<9} {:<15} {}",
                id.code(),
                text("cli.steps", Some(steps), &[]),
                ask,
                text(id.title_code(), None, &[])
            );
        }
    }
    if json {
        out = pretty(&Value::Array(rows))?;
    }
    Ok(out)
}

fn pretty(value: &Value) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|text| format!("{text}\n"))
        .map_err(|error| error.to_string())
}

fn claim_key(key: ClaimKey) -> &'static str {
    match key {
        ClaimKey::Ours => "ours",
        ClaimKey::Competitor => "competitor",
        ClaimKey::Restarted => "restarted",
    }
}

fn actor_name(actor: Actor) -> String {
    words().actor(actor)
}

/// What the step does, as a short name.
fn action_name(step: &Step) -> String {
    match &step.event {
        StepEvent::Act { action, .. } => words().action(action.kind()),
        StepEvent::StartNewClaim { .. } => words().action(ActionKind::RestartedAs),
        StepEvent::DeadlinePasses { .. } => step
            .event
            .deadline_code()
            .map(|code| text(code, None, &[]))
            .unwrap_or_default(),
    }
}

fn calendar_line(scenario: &Scenario) -> String {
    let settings = &scenario.policy.calendar;
    let zone = ("time_zone", settings.time_zone.clone());
    let standard = settings.weekmask == claim_rules::calendar::Weekmask::default()
        && settings.custom_holidays.is_empty();
    match (standard, settings.holidays) {
        (true, HolidaySet::UsFederal) => text("cli.calendar_us_federal", None, &[zone]),
        (true, HolidaySet::None) => text("cli.calendar_no_holidays", None, &[zone]),
        (
            true,
            set @ (HolidaySet::Sweden
            | HolidaySet::Germany
            | HolidaySet::Netherlands
            | HolidaySet::China),
        ) => text(
            "cli.calendar_holidays",
            None,
            &[
                zone,
                (
                    "holidays",
                    english().text(&format!("holiday_set.{}", set.code()), &[]),
                ),
            ],
        ),
        (false, _) => text(
            "cli.calendar_custom",
            None,
            &[zone, ("weekmask", settings.weekmask.to_string())],
        ),
    }
}

/// The phase's name; for a rejection, why and whether it is final.
fn phase_text(phase: &Phase) -> String {
    match phase {
        Phase::Rejected {
            reason: Some(reason),
            disputable_until,
        } => {
            let code = match disputable_until {
                Some(_) => "cli.rejected",
                None => "cli.rejected_final",
            };
            text(code, None, &[("reason", words().rejection_reason(reason))])
        }
        Phase::Draft
        | Phase::AwaitingReview
        | Phase::UnderReview
        | Phase::PartnerActionRequired { .. }
        | Phase::ConsentPeriod { .. }
        | Phase::Official { .. }
        | Phase::Rejected { reason: None, .. }
        | Phase::Disputed => words().phase(phase),
    }
}

fn deadline_line(clock: &Deadline, rules: &Rules, at: Timestamp) -> String {
    let name = ("clock", words().clock(clock.kind));
    let last = (
        "last_day",
        last_day(rules, clock.due).map(day).unwrap_or_default(),
    );
    match clock.state(at) {
        ClockState::Paused { .. } => text("cli.deadline_paused", None, &[name]),
        ClockState::Overdue { .. } => text("cli.deadline_overdue", None, &[name, last]),
        ClockState::Running
        | ClockState::Met { .. }
        | ClockState::Missed { .. }
        | ClockState::Closed { .. }
        | ClockState::Stopped { .. } => text("cli.deadline", None, &[name, last]),
    }
}

fn show_text(replay: &Replay) -> String {
    let scenario = replay.scenario();
    let rules = replay.rules();
    let id = scenario.id;
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", text(id.title_code(), None, &[]), id.code());
    let _ = writeln!(out, "{}", text(id.description_code(), None, &[]));
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", calendar_line(scenario));
    let _ = writeln!(
        out,
        "{}",
        text("cli.start", None, &[("at", local(rules, replay.start()))])
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", text("cli.claims_at_start", None, &[]));
    for claim in replay.claims_at_start() {
        let fields = &claim.claim.fields;
        let _ = writeln!(
            out,
            "  {}",
            text(
                "cli.claim",
                None,
                &[
                    ("role", text(claim.key.code(), None, &[])),
                    ("name", fields.name.clone()),
                    ("partner_id", fields.partner_id.clone()),
                    ("domain", fields.customer_domain.clone()),
                    ("tenant_id", fields.tenant_id.clone()),
                ],
            )
        );
    }
    let total = replay.steps().len();
    for (index, (step, result)) in scenario.steps.iter().zip(replay.steps()).enumerate() {
        let _ = writeln!(out);
        let when = match &step.event {
            StepEvent::Act { at, .. } | StepEvent::StartNewClaim { at, .. } => {
                format!("  ({})", say(at.code(), &at.params()))
            }
            StepEvent::DeadlinePasses { .. } => String::new(),
        };
        let _ = writeln!(
            out,
            "{}  {}{when}",
            text(
                "cli.step",
                None,
                &[
                    ("number", (index + 1).to_string()),
                    ("total", total.to_string())
                ]
            ),
            local(rules, result.at)
        );
        let _ = writeln!(
            out,
            "  {}",
            text(
                "cli.does",
                None,
                &[
                    ("role", text(step.claim.code(), None, &[])),
                    ("actor", actor_name(step.event.actor())),
                    ("action", action_name(step)),
                ],
            )
        );
        write_result(&mut out, result, rules);
        let _ = writeln!(out, "  {}:", text("cli.lesson", None, &[]));
        let _ = writeln!(
            out,
            "    {}",
            say(step.lesson.code(), &step.lesson.params())
        );
        if let Some(question) = replay.ask_the_room(index) {
            write_question(&mut out, &question);
        }
    }
    let _ = writeln!(out);
    let end = replay.end();
    let _ = writeln!(
        out,
        "{}",
        text("cli.end", None, &[("at", local(rules, end))])
    );
    for claim in replay.claims_at(end) {
        let phase = claim_rules::lifecycle::phase(&claim.claim, end, rules);
        let _ = writeln!(
            out,
            "  {}",
            text(
                "cli.ending",
                None,
                &[
                    ("role", text(claim.key.code(), None, &[])),
                    ("status", words().status(claim.claim.status)),
                    ("phase", phase_text(&phase)),
                ],
            )
        );
    }
    out
}

fn write_result(out: &mut String, result: &StepResult, rules: &Rules) {
    let _ = writeln!(
        out,
        "  {}",
        text(
            "cli.now",
            None,
            &[
                ("status", words().status(result.status)),
                ("phase", phase_text(&result.phase)),
            ],
        )
    );
    if result.running.is_empty() {
        let _ = writeln!(out, "  {}", text("cli.running_none", None, &[]));
    } else {
        let _ = writeln!(out, "  {}:", text("cli.running", None, &[]));
        for clock in &result.running {
            let _ = writeln!(out, "    {}", deadline_line(clock, rules, result.at));
        }
    }
}

fn write_question(out: &mut String, question: &RoomQuestion) {
    let _ = writeln!(
        out,
        "  {}: {}",
        text("cli.ask", None, &[]),
        text(question.code(), None, &[])
    );
    for (letter, choice) in ['A', 'B', 'C'].into_iter().zip(question.choices) {
        let (verdict, why) = match choice.verdict {
            Verdict::Right => (
                text("cli.right", None, &[]),
                say(question.why.code(), &question.why.params()),
            ),
            Verdict::Wrong(miscount) => (
                text("cli.wrong", None, &[]),
                say(miscount.code(), &miscount.params()),
            ),
        };
        let _ = writeln!(
            out,
            "    {letter}  {}  {verdict}: {why}",
            day(choice.last_day)
        );
    }
}

fn params_json(params: &[(&'static str, Param)]) -> Value {
    Value::Object(
        params
            .iter()
            .map(|(name, param)| {
                let value = match param {
                    Param::Claim(key) => json!(claim_key(*key)),
                    Param::Date(_) | Param::Dates(_) | Param::Time(_) | Param::Count(_) => {
                        json!(param)
                    }
                };
                ((*name).to_string(), value)
            })
            .collect(),
    )
}

fn worded(code: &str, params: &[(&'static str, Param)]) -> Value {
    json!({
        "code": format!("scenario.{code}"),
        "params": params_json(params),
        "text": say(code, params),
    })
}

fn question_json(question: &RoomQuestion) -> Value {
    let choices: Vec<Value> = question
        .choices
        .iter()
        .map(|choice| match choice.verdict {
            Verdict::Right => json!({
                "last_day": choice.last_day,
                "right": true,
            }),
            Verdict::Wrong(miscount) => json!({
                "last_day": choice.last_day,
                "right": false,
                "mistake": worded(miscount.code(), &miscount.params()),
            }),
        })
        .collect();
    json!({
        "question": worded(question.code(), &[]),
        "clock": question.clock,
        "started_at": question.started_at,
        "deadline": question.deadline,
        "choices": choices,
        "why": worded(question.why.code(), &question.why.params()),
    })
}

fn show_json(replay: &Replay) -> Result<String, String> {
    let scenario = replay.scenario();
    let rules = replay.rules();
    let id = scenario.id;
    let steps: Vec<Value> = scenario
        .steps
        .iter()
        .zip(replay.steps())
        .enumerate()
        .map(|(index, (step, result))| {
            let when = match &step.event {
                StepEvent::Act { at, .. } | StepEvent::StartNewClaim { at, .. } => {
                    worded(at.code(), &at.params())
                }
                StepEvent::DeadlinePasses { .. } => Value::Null,
            };
            let running: Vec<Value> = result
                .running
                .iter()
                .map(|clock| {
                    json!({
                        "clock": clock.kind,
                        "started_at": clock.started_at,
                        "due": clock.due,
                        "last_day": last_day(rules, clock.due),
                        "state": clock.state(result.at).code(),
                    })
                })
                .collect();
            json!({
                "number": index + 1,
                "at": result.at,
                "when": when,
                "claim": claim_key(step.claim),
                "actor": step.event.actor(),
                "action": step.event.action_kind(),
                "deadline": match step.event {
                    StepEvent::DeadlinePasses { clock } => Some(clock),
                    StepEvent::Act { .. } | StepEvent::StartNewClaim { .. } => None,
                },
                "status": result.status,
                "phase": result.phase,
                "running": running,
                "lesson": worded(step.lesson.code(), &step.lesson.params()),
                "ask_the_room": replay.ask_the_room(index).as_ref().map(question_json),
            })
        })
        .collect();
    let end = replay.end();
    let endings: Vec<Value> = replay
        .claims_at(end)
        .iter()
        .map(|claim| {
            json!({
                "claim": claim_key(claim.key),
                "id": claim.claim.id,
                "status": claim.claim.status,
                "phase": claim_rules::lifecycle::phase(&claim.claim, end, rules),
            })
        })
        .collect();
    let claims: Vec<Value> = replay
        .claims_at_start()
        .iter()
        .map(|claim| {
            json!({
                "claim": claim_key(claim.key),
                "id": claim.claim.id,
                "fields": claim.claim.fields,
                "poe": claim.claim.poe,
            })
        })
        .collect();
    pretty(&json!({
        "name": id.code(),
        "title": worded(id.title_code(), &[]),
        "description": worded(id.description_code(), &[]),
        "policy": scenario.policy,
        "start": replay.start(),
        "claims": claims,
        "steps": steps,
        "end": end,
        "endings": endings,
    }))
}

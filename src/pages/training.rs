//! The training screen: the scenarios, and a scenario played on the simulated clock —
//! the clock's controls, the step's lesson, "ask the room", and the scenario's claims with
//! their countdowns and timelines, each open on the normal claim page to take over.
//!
//! Everything shown is asked of the rules at the simulated time (the replay for the
//! script, `lifecycle`/`deadlines` for the claims); nothing here decides a rule.

use std::sync::Arc;

use claim_rules::deadlines::{self, ClockKind};
use claim_rules::lifecycle::{self, PhaseKind};
use claim_rules::model::Claim;
use claim_rules::scenarios::{
    self, ClaimKey, Replay, ScenarioError, ScenarioId, StepEvent, Verdict,
};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::Speed;
use crate::components::countdown::Countdown;
use crate::components::status::{PhaseBadge, StatusBadge};
use crate::components::timeline::Timeline;
use crate::i18n::rules::{action_name, actor_name, clock_name, phase_name, status_name};
use crate::i18n::scenario as words;
use crate::i18n::time::{due_text, instant_text};
use crate::i18n::{tr, use_i18n, I18n};
use crate::route::{Route, Workspace};
use crate::training::{use_training, Training};

/// Everything under the training routes: the training workspace's state as the app state
/// (so the claim page and its actions work on training claims only), and the band that
/// says it is training.
#[component]
pub fn TrainingScope(children: Children) -> impl IntoView {
    let training = use_training();
    // Provided on an owner of their own: on the route's owner they would outlive the
    // training screen and the real dashboard would then find the training state.
    view! {
        <Provider value=training.state>
            <Provider value=Workspace::Training>
                <div class="training-scope" class:large-type=move || training.large_type.get()>
                    <TrainingBand />
                    {children()}
                </div>
            </Provider>
        </Provider>
    }
}

/// The band on every training screen.
#[component]
fn TrainingBand() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="training-band" role="note" data-testid="training-band">
            <strong>{move || tr!(i18n, training.band_title)}</strong>
            <span>{move || tr!(i18n, training.band)}</span>
            <a class="training-band-back" href=Route::Training.href()>{move || tr!(i18n, training.to_scenarios)}</a>
            <a class="training-band-leave" href=Route::Dashboard.href()>{move || tr!(i18n, training.leave)}</a>
        </div>
    }
}

/// The training screen: the scenario list, or the scenario being played.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let training = use_training();
    move || match training.scenario.get() {
        None => ScenarioList().into_any(),
        Some(_) => Player().into_any(),
    }
}

/// The scenarios, to start one; and resetting the training claims.
#[component]
fn ScenarioList() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let reset = RwSignal::new(None::<bool>);
    let count = move || training.state.claims.with(Vec::len);
    view! {
        <section class="training-home">
            <h1>{move || tr!(i18n, training.title)}</h1>
            <p class="lead">{move || tr!(i18n, training.intro)}</p>
            <ol class="scenario-list">
                {ScenarioId::ALL.into_iter().map(|id| {
                    let scenario = scenarios::scenario(id);
                    let steps = scenario.steps.len() as i64;
                    let asks = scenario.asks_the_room();
                    view! {
                        <li class="card scenario-card" data-scenario=id.code()>
                            <h2>{move || words::title(&i18n, id)}</h2>
                            <p>{move || words::description(&i18n, id)}</p>
                            <p class="scenario-meta">
                                <span class="tag">{move || tr!(i18n, training.steps, count = steps)}</span>
                                {asks.then(|| view! { <span class="tag">{move || tr!(i18n, training.asks_the_room)}</span> })}
                            </p>
                            <button class="primary" on:click=move |_| training.start(id)>
                                {move || tr!(i18n, training.start)}
                                <span class="visually-hidden">": " {move || words::title(&i18n, id)}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <section class="card training-reset">
                <h2>{move || tr!(i18n, training.reset_title)}</h2>
                <p>{move || tr!(i18n, training.reset_hint, count = count() as i64)}</p>
                <button id="training-reset" on:click=move |_| reset.set(Some(training.reset().is_ok()))>
                    {move || tr!(i18n, training.reset)}
                </button>
                {move || reset.get().map(|done| if done {
                    view! { <p class="banner ok" role="status">{move || tr!(i18n, training.reset_done)}</p> }.into_any()
                } else {
                    view! { <p class="banner error" role="alert">{move || tr!(i18n, training.reset_failed)}</p> }.into_any()
                })}
            </section>
        </section>
    }
}

/// The scenario's replay, when it plays (reactive).
fn replay_of(training: &Training) -> Option<Arc<Result<Replay, ScenarioError>>> {
    training.replay()
}

/// A scenario being played.
#[component]
fn Player() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    // Space plays or pauses, → and ← step, unless the trainer is typing in a field.
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let typing = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || element
                        .closest("[contenteditable]")
                        .ok()
                        .flatten()
                        .is_some()
            });
        if typing {
            return;
        }
        match event.key().as_str() {
            " " => {
                event.prevent_default();
                training.toggle_play();
            }
            "ArrowRight" => {
                event.prevent_default();
                training.next_step();
            }
            "ArrowLeft" => {
                event.prevent_default();
                training.previous_step();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let id = move || training.scenario.get();
    let body = move || match replay_of(&training) {
        None => ().into_any(),
        Some(played) => match played.as_ref() {
            Err(error) => {
                let problem = words::error(&i18n, error);
                view! { <p class="banner error" role="alert">{move || tr!(i18n, training.defective, problem = problem.clone())}</p> }.into_any()
            }
            Ok(_) => view! {
                <ClockPanel />
                <div class="training-layout">
                    <div class="training-main">
                        <StepPanel />
                        <AskTheRoom />
                        <ScenarioClaims />
                    </div>
                    <aside class="training-side">
                        <ScriptList />
                    </aside>
                </div>
            }
            .into_any(),
        },
    };
    view! {
        <section class="training-player">
            <div class="page-title">
                <h1>{move || id().map(|id| words::title(&i18n, id))}</h1>
                <div class="training-options">
                    <label class="check">
                        <input type="checkbox" id="training-large-type" prop:checked=move || training.large_type.get()
                            on:change=move |event| training.large_type.set(event_target_checked(&event)) />
                        {move || tr!(i18n, training.large_type)}
                    </label>
                    <button class="secondary" id="training-choose" on:click=move |_| training.stop()>{move || tr!(i18n, training.choose_another)}</button>
                </div>
            </div>
            <p class="lead">{move || id().map(|id| words::description(&i18n, id))}</p>
            {body}
        </section>
    }
}

/// The simulated clock: its time, play/pause, speeds, steps and jumps.
#[component]
fn ClockPanel() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let state = training.state;
    let clock = training.clock;
    let zone = move || state.time_zone();
    let jump_text = RwSignal::new(String::new());
    let jump_problem = RwSignal::new(false);
    let progress = move || {
        let played = replay_of(&training)?;
        let replay = played.as_ref().as_ref().ok()?;
        Some((replay.steps_done_at(state.now.get()), replay.steps().len()))
    };
    let at_start = move || progress().is_some_and(|(done, _)| done == 0);
    let at_end = move || progress().is_some_and(|(done, total)| done >= total);
    let jump = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let zone = state.time_zone_untracked();
        let at = jump_text
            .get_untracked()
            .parse::<DateTime>()
            .ok()
            .and_then(|local| {
                TimeZone::get(&zone)
                    .ok()
                    .and_then(|tz| local.to_zoned(tz).ok())
            })
            .map(|zoned| zoned.timestamp());
        match at {
            Some(at) => {
                jump_problem.set(false);
                training.go_to(at);
            }
            None => jump_problem.set(true),
        }
    };
    view! {
        <section class="card clock-panel" aria-labelledby="clock-panel-title">
            <h2 id="clock-panel-title" class="visually-hidden">{move || tr!(i18n, training.clock)}</h2>
            <div class="clock-now">
                <span class="clock-now-label">{move || tr!(i18n, training.clock)}</span>
                <time id="training-now" class="clock-now-time">{move || i18n.weekday_date_time(state.now.get(), &zone())}</time>
                <span id="training-progress" class="clock-progress">{move || progress().map(|(done, total)| tr!(i18n, training.progress, done = done as i64, total = total as i64))}</span>
            </div>
            <div class="clock-buttons" role="group" aria-label=move || tr!(i18n, training.controls)>
                <button id="training-start" on:click=move |_| training.to_start()>{move || tr!(i18n, training.to_start)}</button>
                <button id="training-previous" disabled=at_start on:click=move |_| training.previous_step()>{move || tr!(i18n, training.previous_step)}</button>
                <button id="training-play" class="primary" aria-pressed=move || clock.is_playing().to_string() on:click=move |_| training.toggle_play()>
                    {move || if clock.is_playing() { tr!(i18n, training.pause) } else { tr!(i18n, training.play) }}
                </button>
                <button id="training-next" disabled=at_end on:click=move |_| training.next_step()>{move || tr!(i18n, training.next_step)}</button>
                <button id="training-next-event" on:click=move |_| { training.next_event(); }>{move || tr!(i18n, training.next_event)}</button>
            </div>
            <div class="clock-settings">
                <fieldset class="speeds">
                    <legend>{move || tr!(i18n, training.speed)}</legend>
                    {Speed::ALL.into_iter().map(|speed| view! {
                        <label class="check">
                            <input type="radio" name="training-speed" id=format!("speed-{}", speed.code()) prop:checked=move || clock.speed() == speed
                                on:change=move |_| clock.set_speed(speed) />
                            {move || speed_name(&i18n, speed)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <form class="jump" on:submit=jump>
                    <label for="training-jump">{move || tr!(i18n, training.jump_label, zone = zone())}</label>
                    <input id="training-jump" type="datetime-local" aria-invalid=move || jump_problem.get().to_string()
                        aria-describedby="training-jump-problem"
                        prop:value=move || jump_text.get() on:input=move |event| jump_text.set(event_target_value(&event)) />
                    <button type="submit">{move || tr!(i18n, training.jump)}</button>
                    <Show when=move || jump_problem.get()>
                        <p id="training-jump-problem" class="field-error" role="alert">{move || tr!(i18n, training.jump_invalid)}</p>
                    </Show>
                </form>
            </div>
            <p class="small muted keyboard-hint">{move || tr!(i18n, training.keyboard_hint)}</p>
        </section>
    }
}

fn speed_name(i18n: &I18n, speed: Speed) -> String {
    match speed {
        Speed::RealTime => tr!(i18n, training.speed_real_time),
        Speed::HourPerSecond => tr!(i18n, training.speed_hour),
        Speed::DayPerSecond => tr!(i18n, training.speed_day),
    }
}

/// Who does what in a step ("Reviewer: Request information"), or which deadline passes.
fn step_title(i18n: &I18n, event: &StepEvent) -> String {
    match event {
        StepEvent::DeadlinePasses { clock } => words::deadline_passes(i18n, *clock),
        StepEvent::Act { .. } | StepEvent::StartNewClaim { .. } => match event.action_kind() {
            Some(kind) => tr!(
                i18n,
                training.step_by,
                actor = actor_name(i18n, event.actor()),
                action = action_name(i18n, kind)
            ),
            None => actor_name(i18n, event.actor()),
        },
    }
}

/// The last step done: who did what, and the rule in play.
#[component]
fn StepPanel() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let state = training.state;
    move || {
        let played = replay_of(&training)?;
        let replay = played.as_ref().as_ref().ok()?;
        let zone = state.time_zone();
        let now = state.now.get();
        let done = replay.steps_done_at(now);
        let total = replay.steps().len();
        let taken_over = training.taken_over();
        let over = taken_over.then(|| view! { <p class="banner warning taken-over" role="status">{move || tr!(i18n, training.taken_over)}</p> });
        let Some(last) = done.checked_sub(1) else {
            return Some(
                view! {
                    <section class="card step-panel" aria-live="polite">
                        {over}
                        <p class="step-count">{tr!(i18n, training.not_started)}</p>
                    </section>
                }
                .into_any(),
            );
        };
        let step = replay.scenario().steps.get(last)?;
        let result = replay.steps().get(last)?;
        let role = words::claim_role(&i18n, step.claim);
        let title = step_title(&i18n, &step.event);
        let lesson = words::lesson(&i18n, &step.lesson, &zone);
        let at = instant_text(&i18n, result.at, &zone);
        let finished =
            (done == total).then(|| view! { <p class="muted">{tr!(i18n, training.finished)}</p> });
        Some(view! {
            <section class="card step-panel" aria-live="polite" data-step=done>
                {over}
                <p class="step-count">{tr!(i18n, training.step_of, number = done as i64, total = total as i64)} " · " <time>{at}</time></p>
                <h2 class="step-title">{tr!(i18n, training.step_on, role = role, what = title)}</h2>
                <p class="lesson">{lesson}</p>
                {finished}
            </section>
        }.into_any())
    }
}

/// "Ask the room" about the next step's deadline, before the clock reveals it.
#[component]
fn AskTheRoom() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let state = training.state;
    move || {
        let played = replay_of(&training)?;
        let replay = played.as_ref().as_ref().ok()?;
        let next = replay.steps_done_at(state.now.get());
        let step = replay.scenario().steps.get(next)?;
        let question = replay.ask_the_room(next)?;
        let zone = state.time_zone();
        let revealed = training.revealed.with(|r| r.contains(&next));
        let reveal = move || training.revealed.update(|r| r.push(next));
        let choices = question
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let letter = ["A", "B", "C"].get(index).copied().unwrap_or_default();
                let date = words::day(&i18n, choice.last_day, &zone);
                let verdict = revealed.then(|| match &choice.verdict {
                    Verdict::Right => {
                        view! { <span class="verdict right">{tr!(i18n, training.right)}</span> }
                            .into_any()
                    }
                    Verdict::Wrong(miscount) => view! {
                        <span class="verdict wrong">{tr!(i18n, training.wrong)}</span>
                        <span class="verdict-why">{words::mistake(&i18n, miscount)}</span>
                    }
                    .into_any(),
                });
                let kind = match (revealed, choice.verdict) {
                    (false, _) => "open",
                    (true, Verdict::Right) => "right",
                    (true, Verdict::Wrong(_)) => "wrong",
                };
                view! {
                    <li class="room-choice" data-verdict=kind>
                        <span class="room-letter">{letter}</span>
                        <span class="room-date">{date}</span>
                        {verdict}
                    </li>
                }
            })
            .collect_view();
        let why = revealed
            .then(|| view! { <p class="room-why">{words::why(&i18n, &question.why, &zone)}</p> });
        Some(view! {
            <section class="card ask-room" aria-live="polite">
                <h2>{tr!(i18n, training.ask_title)}</h2>
                <p class="room-context">{tr!(i18n, training.ask_next, what = step_title(&i18n, &step.event))}</p>
                <p class="room-question">{words::question(&i18n, &question)}</p>
                <ol class="room-choices">{choices}</ol>
                {why}
                {(!revealed).then(|| view! { <button id="training-reveal" on:click=move |_| reveal()>{tr!(i18n, training.reveal)}</button> })}
            </section>
        })
    }
}

/// Which of the scenario's claims `claim` is (none for a claim the trainer started).
fn key_of(id: ScenarioId, claim: &Claim) -> Option<ClaimKey> {
    ClaimKey::ALL.into_iter().find(|key| key.id(id) == claim.id)
}

/// The workspace's claims at the simulated time: status, live deadlines, timeline.
#[component]
fn ScenarioClaims() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let state = training.state;
    // Redrawn when the claims change, the language changes, or the clock passes a minute
    // (at a day per second, every tick); the countdowns follow the clock on their own.
    let minute = Memo::new(move |_| state.now.get().as_second() / 60);
    move || {
        minute.track();
        i18n.locale();
        let id = training.scenario.get()?;
        let now = state.now.get_untracked();
        let rules = state.rules();
        let zone = state.time_zone();
        let mut claims: Vec<(Option<ClaimKey>, Claim)> = state.claims.with(|claims| {
            claims
                .iter()
                .map(|claim| (key_of(id, claim), lifecycle::advance(claim, now, &rules)))
                .collect()
        });
        claims.sort_by_key(|(key, claim)| (key.is_none(), *key, claim.created_at));
        let cards = claims.into_iter().map(|(key, claim)| {
            let phase = lifecycle::phase(&claim, now, &rules);
            let status = claim.status;
            // The phase is shown where it says more than the status.
            let show_phase = status_name(&i18n, status) != phase_name(&i18n, PhaseKind::from(&phase));
            let mut live: Vec<_> = deadlines::deadlines(&claim, &rules).into_iter().filter(|clock| clock.is_live(now)).collect();
            live.sort_by(deadlines::attention_order);
            let clocks = live.into_iter().map(|clock| {
                let kind: ClockKind = clock.kind;
                let due = (clock.due < Timestamp::MAX).then(|| due_text(&i18n, clock.due, &zone));
                view! {
                    <li class="clock" data-clock=kind.code() data-partner-acts=kind.partner_acts().then_some("true")>
                        <span class="clock-name">{clock_name(&i18n, kind)}</span>
                        <Countdown deadline=clock />
                        <span class="clock-due small">{due}</span>
                    </li>
                }
            }).collect_view();
            let role = key.map(|key| words::claim_role(&i18n, key));
            let name = claim.fields.name.clone();
            let href = Route::TrainingClaim(claim.id).href();
            view! {
                <article class="card training-claim" data-claim-key=key.map(|key| key.code()) data-status=status.code()>
                    <header class="training-claim-head">
                        <h3>{role.clone().unwrap_or_else(|| name.clone())}</h3>
                        {role.is_some().then(|| view! { <span class="muted">{name.clone()}</span> })}
                        <StatusBadge status />
                        {show_phase.then(|| view! { <PhaseBadge phase /> })}
                    </header>
                    <ul class="clock-list training-clocks">{clocks}</ul>
                    <div class="training-timeline"><Timeline claim=claim.clone() now /></div>
                    <a class="button" href=href>{tr!(i18n, training.open_claim)}</a>
                </article>
            }
        }).collect_view();
        Some(view! {
            <section class="training-claims" aria-labelledby="training-claims-title">
                <h2 id="training-claims-title">{tr!(i18n, training.claims)}</h2>
                {cards}
            </section>
        })
    }
}

/// The script: every step, when, and which are done.
#[component]
fn ScriptList() -> impl IntoView {
    let i18n = use_i18n();
    let training = use_training();
    let state = training.state;
    move || {
        let played = replay_of(&training)?;
        let replay = played.as_ref().as_ref().ok()?;
        let zone = state.time_zone();
        let done = replay.steps_done_at(state.now.get());
        let items = replay.scenario().steps.iter().zip(replay.steps()).enumerate().map(|(index, (step, result))| {
            let state_code = if index < done { "done" } else if index == done { "next" } else { "later" };
            let at = instant_text(&i18n, result.at, &zone);
            let when = words::step_when(&i18n, &step.event, &zone);
            view! {
                <li class="script-step" data-state=state_code aria-current=(index + 1 == done).then_some("step")>
                    <span class="script-what">{words::claim_role(&i18n, step.claim)} " · " {step_title(&i18n, &step.event)}</span>
                    <span class="script-when small muted"><time>{at}</time>{when.map(|w| format!(" ({w})"))}</span>
                </li>
            }
        }).collect_view();
        let end = replay.end();
        Some(view! {
            <section class="card script" aria-labelledby="script-title">
                <h2 id="script-title">{tr!(i18n, training.script)}</h2>
                <ol class="script-steps">{items}</ol>
                <p class="small muted">{tr!(i18n, training.script_end, end = instant_text(&i18n, end, &zone))}</p>
            </section>
        })
    }
}

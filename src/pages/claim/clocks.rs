//! The claim's clocks: every live one with its countdown and deadline, and the ones that
//! have ended with how they ended.

use claim_rules::deadlines::{self, Deadline};
use jiff::Timestamp;
use leptos::prelude::*;

use super::{time_zone, use_claim};
use crate::components::calendar_download::CalendarDownload;
use crate::components::countdown::Countdown;
use crate::i18n::rules::{self, clock_name};
use crate::i18n::time::{due_text, started_text};
use crate::i18n::{tr, use_i18n};
use crate::state::use_app;

/// The clocks section.
#[component]
pub fn Clocks() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    // Which clocks are live changes only with the claim (windows close by a system
    // transition, which changes the claim); the countdowns tick on their own.
    let split = Memo::new(move |_| {
        let now = state.now.get_untracked();
        let clocks = context
            .claim
            .with(|claim| {
                claim
                    .as_ref()
                    .map(|claim| deadlines::deadlines(claim, &state.rules()))
            })
            .unwrap_or_default();
        let (mut live, ended): (Vec<Deadline>, Vec<Deadline>) =
            clocks.into_iter().partition(|clock| clock.is_live(now));
        live.sort_by(deadlines::attention_order);
        (live, ended)
    });
    view! {
        <div class="clocks">
            {move || {
                let (live, _) = split.get();
                if live.is_empty() {
                    view! { <p class="muted">{move || tr!(i18n, claim.clocks.none_running)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="clock-list">{live.into_iter().map(|clock| view! { <LiveClock clock /> }).collect_view()}</ul>
                        <CalendarDownload claim=context.id />
                    }.into_any()
                }
            }}
            {move || {
                let (_, ended) = split.get();
                (!ended.is_empty()).then(|| {
                    let count = ended.len();
                    view! {
                        <details class="ended-clocks">
                            <summary>{move || tr!(i18n, claim.clocks.earlier, count = i18n.number(count as i64))}</summary>
                            <ul>{ended.into_iter().map(|clock| view! { <EndedClock clock /> }).collect_view()}</ul>
                        </details>
                    }
                })
            }}
        </div>
    }
}

/// A running, paused or overdue clock.
#[component]
fn LiveClock(clock: Deadline) -> impl IntoView {
    let i18n = use_i18n();
    let kind = clock.kind;
    let due = clock.due;
    let started = (clock.started_at, clock.started_by);
    let due_text = move || (due < Timestamp::MAX).then(|| due_text(&i18n, due, &time_zone()));
    let partner_acts = kind.partner_acts();
    let who = move || {
        if partner_acts {
            tr!(i18n, claim.clocks.you_act)
        } else {
            tr!(i18n, claim.clocks.microsoft_acts)
        }
    };
    view! {
        <li class="clock" data-clock=kind.code() data-partner-acts=kind.partner_acts().then_some("true")>
            <div class="clock-head">
                <span class="clock-name">{move || clock_name(&i18n, kind)}</span>
                <span class="clock-who">{who}</span>
            </div>
            <Countdown deadline=clock />
            <p class="clock-due">{due_text}</p>
            <p class="clock-started small muted">{move || started_text(&i18n, started.0, started.1, &time_zone())}</p>
        </li>
    }
}

/// A clock that has ended.
#[component]
fn EndedClock(clock: Deadline) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind = clock.kind;
    let text = move || {
        let zone = time_zone();
        let ended = rules::clock_state(&i18n, &clock.state(state.now.get_untracked()), &zone);
        if clock.due < Timestamp::MAX {
            tr!(
                i18n,
                claim.clocks.ended,
                state = ended,
                due = due_text(&i18n, clock.due, &zone)
            )
        } else {
            ended
        }
    };
    view! {
        <li class="ended-clock" data-clock=kind.code()>
            <span>{move || tr!(i18n, common.labelled, label = clock_name(&i18n, kind), value = text())}</span>
        </li>
    }
}

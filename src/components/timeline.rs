//! The timeline picture of a claim: a horizontal time axis from creation to a little past
//! the latest of now and the last deadline; coloured bands for the statuses the claim was
//! in (from its history); one row per clock from its start to its deadline; and a "now"
//! line. Labels are plain SVG text. The same facts are listed as text for screen readers
//! (visually hidden), and the picture scrolls sideways on narrow screens.

use claim_rules::deadlines::{self, ClockState, Deadline, Rules};
use claim_rules::lifecycle::{self, PhaseKind};
use claim_rules::model::Claim;
use jiff::{SignedDuration, Timestamp};
use leptos::prelude::*;

use crate::i18n::rules::{self, clock_name, phase_name, status_name};
use crate::i18n::time::{due_text, started_text};
use crate::i18n::{tr, use_i18n, I18n};
use crate::state::use_app;

const WIDTH: f64 = 720.0;
const LEFT: f64 = 12.0;
const RIGHT: f64 = 12.0;
const AXIS_Y: f64 = 28.0;
const BAND_TOP: f64 = 40.0;
const BAND_HEIGHT: f64 = 30.0;
const ROWS_TOP: f64 = 96.0;
const ROW_HEIGHT: f64 = 34.0;

/// The axis: which instants map to the left and right edges.
#[derive(Debug, Clone, Copy)]
struct Axis {
    start: Timestamp,
    end: Timestamp,
}

impl Axis {
    fn of(claim: &Claim, clocks: &[Deadline], now: Timestamp) -> Axis {
        let first = claim
            .history
            .first()
            .map_or(claim.created_at, |entry| entry.at.min(claim.created_at));
        let last_entry = claim.history.last().map_or(first, |entry| entry.at);
        let last_due = clocks
            .iter()
            .map(|clock| clock.due)
            .filter(|due| *due < Timestamp::MAX)
            .max()
            .unwrap_or(first);
        let latest = now.max(last_due).max(last_entry);
        let span = latest
            .duration_since(first)
            .max(SignedDuration::from_hours(72));
        let margin =
            SignedDuration::from_secs(span.as_secs() / 16).max(SignedDuration::from_hours(12));
        let start = first
            .checked_sub(SignedDuration::from_hours(6))
            .unwrap_or(first);
        let end = first
            .checked_add(span)
            .and_then(|t| t.checked_add(margin))
            .unwrap_or(latest);
        Axis { start, end }
    }

    fn x(&self, at: Timestamp) -> f64 {
        let total = self.end.duration_since(self.start).as_secs_f64().max(1.0);
        let part = at
            .duration_since(self.start)
            .as_secs_f64()
            .clamp(0.0, total);
        LEFT + part / total * (WIDTH - LEFT - RIGHT)
    }

    fn days(&self) -> i64 {
        self.end.duration_since(self.start).as_secs() / 86_400
    }
}

/// Day ticks at local midnights, at most about nine of them.
fn ticks(axis: &Axis, rules: &Rules) -> Vec<Timestamp> {
    let step = [1, 2, 3, 7, 14, 30, 61, 91, 182, 365]
        .into_iter()
        .find(|step| axis.days() / step <= 9)
        .unwrap_or(730);
    let zone = rules.calendar().time_zone().clone();
    let mut date = rules.calendar().local_date(axis.start);
    let mut ticks = Vec::new();
    while ticks.len() < 40 {
        let Ok(next) = date.checked_add(jiff::Span::new().days(step)) else {
            break;
        };
        date = next;
        let Ok(at) = date.to_zoned(zone.clone()).map(|zoned| zoned.timestamp()) else {
            break;
        };
        if at >= axis.end {
            break;
        }
        ticks.push(at);
    }
    ticks
}

/// A clock's look: a class for colour plus the words for its state.
fn clock_class(state: &ClockState) -> &'static str {
    match state {
        ClockState::Running => "running",
        ClockState::Paused { .. } => "paused",
        ClockState::Overdue { .. } | ClockState::Missed { .. } => "overdue",
        ClockState::Met { .. } => "met",
        ClockState::Closed { .. } | ClockState::Stopped { .. } => "ended",
    }
}

/// A band is named by its status, except the official phase of `Approved`, which the
/// rules tell apart from the consent period.
fn band_name(i18n: &I18n, kind: PhaseKind) -> String {
    match kind {
        PhaseKind::Official => phase_name(i18n, PhaseKind::Official),
        PhaseKind::Draft
        | PhaseKind::AwaitingReview
        | PhaseKind::UnderReview
        | PhaseKind::PartnerActionRequired
        | PhaseKind::ConsentPeriod
        | PhaseKind::Rejected
        | PhaseKind::Disputed => status_name(i18n, kind.status()),
    }
}

/// The band's look (`data-status`): its status's code, or `official`.
fn band_code(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Official => kind.code(),
        PhaseKind::Draft
        | PhaseKind::AwaitingReview
        | PhaseKind::UnderReview
        | PhaseKind::PartnerActionRequired
        | PhaseKind::ConsentPeriod
        | PhaseKind::Rejected
        | PhaseKind::Disputed => kind.status().code(),
    }
}

/// Roughly how wide a label is in the picture's units: wide (CJK) characters take about
/// twice the room of Latin ones.
fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 13.0 } else { 7.2 })
        .sum()
}

/// The timeline picture of `claim` (already advanced to `now`) at `now`, in the language of
/// the moment (the claim page redraws it when the language changes).
#[component]
pub fn Timeline(claim: Claim, now: Timestamp) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let claim_id = claim.id;
    let rules = state.rules();
    let zone = rules.policy().calendar.time_zone.clone();
    let clocks = deadlines::deadlines(&claim, &rules);
    let axis = Axis::of(&claim, &clocks, now);
    let bands = lifecycle::phase_spans(&claim, now);
    let height = ROWS_TOP + ROW_HEIGHT * clocks.len() as f64 + 8.0;
    let view_box = format!("0 0 {WIDTH} {height}");

    let tick_views = ticks(&axis, &rules)
        .into_iter()
        .map(|at| {
            let x = axis.x(at);
            view! {
                <g class="tl-tick">
                    <line x1=x x2=x y1=AXIS_Y y2=height - 4.0 />
                    <text x=x + 3.0 y=AXIS_Y - 8.0>{i18n.short_date(at, &zone)}</text>
                </g>
            }
        })
        .collect_view();

    let band_views = bands
        .iter()
        .map(|band| {
            let (x1, x2) = (axis.x(band.from), axis.x(band.to));
            let width = (x2 - x1).max(2.0);
            let name = band_name(&i18n, band.kind);
            let fits = width > label_width(&name) + 10.0;
            let status = band_code(band.kind);
            view! {
                <g class="tl-band" data-status=status>
                    <title>{name.clone()}</title>
                    <rect x=x1 y=BAND_TOP width=width height=BAND_HEIGHT rx=3 />
                    {fits.then(|| view! { <text x=x1 + 6.0 y=BAND_TOP + 20.0>{name}</text> })}
                </g>
            }
        })
        .collect_view();

    let clock_views = clocks
        .iter()
        .enumerate()
        .map(|(row, clock)| {
            let y = ROWS_TOP + ROW_HEIGHT * row as f64 + 22.0;
            let x1 = axis.x(clock.started_at);
            let finite = clock.due < Timestamp::MAX;
            let x_due = if finite { axis.x(clock.due) } else { WIDTH - RIGHT };
            let clock_state = clock.state(now);
            let class = clock_class(&clock_state);
            let end_x = clock.end.map(|end| axis.x(end.at));
            // A deadline is the end of its last day: the rules say which day that is.
            let last_day = clock
                .last_day(rules.calendar())
                .and_then(|day| day.at(12, 0, 0, 0).to_zoned(rules.calendar().time_zone().clone()).ok());
            let label = match last_day {
                Some(noon) => tr!(i18n, timeline.clock_label, clock = clock_name(&i18n, clock.kind), due = i18n.short_date(noon.timestamp(), &zone)),
                None if finite => tr!(i18n, timeline.clock_label, clock = clock_name(&i18n, clock.kind), due = i18n.short_date(clock.due, &zone)),
                None => clock_name(&i18n, clock.kind),
            };
            let anchor_end = x1 > WIDTH * 0.62;
            let (label_x, anchor) = if anchor_end { (x_due.max(x1), "end") } else { (x1, "start") };
            let diamond = format!("M{x_due} {} l5 5 -5 5 -5 -5z", y - 5.0);
            view! {
                <g class="tl-clock" data-clock-state=class data-partner-acts=clock.kind.partner_acts().then_some("true")>
                    <title>{tr!(i18n, timeline.clock_title, label = label.clone(), state = rules::clock_state(&i18n, &clock_state, &zone))}</title>
                    <text x=label_x y=y - 9.0 text-anchor=anchor>{label}</text>
                    <line class="tl-span" x1=x1 x2=x_due y1=y y2=y />
                    <circle cx=x1 cy=y r=3 />
                    {finite.then(|| view! { <path class="tl-due" d=diamond.clone() /> })}
                    {end_x.map(|x| view! { <line class="tl-end" x1=x x2=x y1=y - 7.0 y2=y + 7.0 /> })}
                </g>
            }
        })
        .collect_view();

    let mut legend_kinds: Vec<PhaseKind> = Vec::new();
    for band in &bands {
        if !legend_kinds.contains(&band.kind) {
            legend_kinds.push(band.kind);
        }
    }
    let legend = legend_kinds
        .into_iter()
        .map(|kind| {
            let status = band_code(kind);
            view! { <li data-status=status><span class="swatch" aria-hidden="true"></span>{band_name(&i18n, kind)}</li> }
        })
        .collect_view();

    let now_x = axis.x(now);
    let now_anchor = if now_x > WIDTH - 60.0 { "end" } else { "start" };
    let now_label_x = if now_x > WIDTH - 60.0 {
        now_x - 4.0
    } else {
        now_x + 4.0
    };

    let phase_items = bands
        .iter()
        .map(|band| {
            view! {
                <li>{tr!(i18n, timeline.phase_item, phase = band_name(&i18n, band.kind), from = i18n.date_time(band.from, &zone), to = i18n.date_time(band.to, &zone))}</li>
            }
        })
        .collect_view();
    let clock_items = clocks
        .iter()
        .map(|clock| {
            let state = rules::clock_state(&i18n, &clock.state(now), &zone);
            let name = clock_name(&i18n, clock.kind);
            let started = started_text(&i18n, clock.started_at, clock.started_by, &zone);
            let text = if clock.due < Timestamp::MAX {
                tr!(
                    i18n,
                    timeline.clock_item,
                    clock = name,
                    started,
                    due = due_text(&i18n, clock.due, &zone),
                    state
                )
            } else {
                tr!(i18n, timeline.clock_item_open, clock = name, started, state)
            };
            view! { <li>{text}</li> }
        })
        .collect_view();

    // A page may show several timelines (training shows one per claim): the IDs the
    // picture's name points to are the claim's own.
    let title_id = format!("timeline-title-{}", claim_id);
    let desc_id = format!("timeline-desc-{}", claim_id);
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <div class="timeline">
            <div class="timeline-scroll" tabindex="0" role="group" aria-label=move || tr!(i18n, timeline.scroll)>
                <svg class="timeline-svg" viewBox=view_box role="img" aria-labelledby=labelled_by preserveAspectRatio="xMinYMin meet">
                    <title id=title_id>{tr!(i18n, timeline.title)}</title>
                    <desc id=desc_id>{tr!(i18n, timeline.description)}</desc>
                    <line class="tl-axis" x1=LEFT x2=WIDTH - RIGHT y1=AXIS_Y y2=AXIS_Y />
                    {tick_views}
                    {band_views}
                    {clock_views}
                    <g class="tl-now">
                        <line x1=now_x x2=now_x y1=AXIS_Y - 4.0 y2=height - 2.0 />
                        <text x=now_label_x y=BAND_TOP + BAND_HEIGHT + 16.0 text-anchor=now_anchor>{tr!(i18n, timeline.now)}</text>
                    </g>
                </svg>
            </div>
            <ul class="timeline-legend" aria-label=move || tr!(i18n, timeline.legend)>
                {legend}
                <li class="legend-now"><span class="swatch" aria-hidden="true"></span>{tr!(i18n, timeline.now)}</li>
            </ul>
            <div class="visually-hidden">
                <h3>{tr!(i18n, timeline.phases)}</h3>
                <ul>{phase_items}</ul>
                <h3>{tr!(i18n, timeline.deadlines)}</h3>
                <ul>{clock_items}</ul>
            </div>
        </div>
    }
}

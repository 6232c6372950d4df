//! The claim page (`#/claim/<id>`): status and phase, live countdowns, the timeline
//! picture, the actions the acting role may take (and why others are not possible), the
//! details with their locks, PoE, comments and the full history.
//!
//! Everything shown is asked of the rules at the app clock's time: the claim is advanced
//! to `now` before it is shown, and every change goes through [`AppState::perform`].

mod acting;
mod actions;
mod clocks;
mod comments;
mod details;
mod history;
mod poe;

use claim_rules::lifecycle::{self, Action, PhaseKind};
use claim_rules::model::{Actor, Claim};
use jiff::Timestamp;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::status::{PhaseBadge, StatusBadge};
use crate::components::timeline::Timeline;
use crate::i18n::rules::{phase_name, status_name};
use crate::i18n::time::viewer_zone_differs;
use crate::i18n::{intl::zone_place, print, rules, tr, use_i18n, I18n};
use crate::route::{workspace, Route, Workspace};
use crate::state::{use_app, AppState, ChangeError, Persisted};

/// What every part of the claim page shares: the claim (advanced to now), who is acting
/// and the effective time of what they record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClaimContext {
    /// The claim's ID.
    pub id: Uuid,
    /// The claim advanced to the app clock's time; `None` once it is gone.
    pub claim: Memo<Option<Claim>>,
    /// Who the user is recording as.
    pub actor: RwSignal<Actor>,
    /// The effective-time input as typed (`datetime-local`); empty means now.
    pub effective: RwSignal<String>,
}

impl ClaimContext {
    /// The effective time of an action recorded now: the typed time in the calendar's
    /// zone, or the clock's time. `Err` when the typed time cannot be read.
    pub fn effective_at(&self, state: &AppState) -> Result<Timestamp, Failure> {
        let typed = self.effective.get_untracked();
        let zone = state.rules_untracked().calendar().time_zone().clone();
        match acting::parse_effective(&typed, &zone) {
            None => Ok(state.clock.now()),
            Some(Ok(at)) => Ok(at),
            Some(Err(())) => Err(Failure::EffectiveTime),
        }
    }

    /// Ask the rules to record `action` by the acting role at the effective time, and
    /// store the result. `Err` says why not, to show beside the action.
    pub fn perform(&self, state: &AppState, action: Action) -> Result<Claim, Failure> {
        let at = self.effective_at(state)?;
        let actor = self.actor.get_untracked();
        state
            .perform(self.id, action, actor, at)
            .map_err(Failure::Change)
    }
}

/// Why something the user asked for on the claim page did not happen. Kept as a fact and
/// worded when shown ([`failure_text`]), so it follows a change of language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The typed effective time cannot be read.
    EffectiveTime,
    /// The rules refused, or storage did not take it.
    Change(ChangeError),
}

/// A failure in words (times in the calendar's `zone`).
pub(crate) fn failure_text(i18n: &I18n, failure: &Failure, zone: &str) -> String {
    match failure {
        Failure::EffectiveTime => tr!(i18n, claim.acting.effective_time_invalid),
        Failure::Change(error) => change_error_text(i18n, error, zone),
    }
}

/// A change that did not happen, in words (times in the calendar's `zone`).
pub(crate) fn change_error_text(i18n: &I18n, error: &ChangeError, zone: &str) -> String {
    match error {
        ChangeError::Refused(refusal) => rules::refusal(i18n, refusal, zone),
        ChangeError::ChangedElsewhere => tr!(i18n, claim.errors.changed_elsewhere),
        ChangeError::KeptAside => tr!(i18n, claim.errors.kept_aside),
        ChangeError::NotFound => tr!(i18n, claim.errors.not_found),
    }
}

/// The claim page's context.
pub(crate) fn use_claim() -> ClaimContext {
    expect_context::<ClaimContext>()
}

/// The time zone the claim page shows times in (reactive).
pub(crate) fn time_zone() -> String {
    use_app()
        .settings
        .with(|s| s.policy.calendar.time_zone.clone())
}

/// One claim.
#[component]
pub fn ClaimPage(id: Uuid) -> impl IntoView {
    let state = use_app();
    let claim = Memo::new(move |_| {
        let now = state.now.get();
        state
            .claim(id)
            .map(|stored| lifecycle::advance(&stored, now, &state.rules()))
    });
    let context = ClaimContext {
        id,
        claim,
        actor: RwSignal::new(Actor::Partner),
        effective: RwSignal::new(String::new()),
    };
    provide_context(context);
    let exists = Memo::new(move |_| claim.with(Option::is_some));
    view! {
        <Show when=move || exists.get() fallback=NotHere>
            <ClaimView />
        </Show>
    }
}

#[component]
fn NotHere() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="claim-missing">
            <h1>{move || tr!(i18n, claim.not_found_title)}</h1>
            <p>{move || tr!(i18n, claim.not_found_hint)}</p>
            {match workspace() {
                Workspace::Work => view! { <a href=Route::Dashboard.href()>{move || tr!(i18n, common.back_to_dashboard)}</a> }.into_any(),
                Workspace::Training => view! { <a href=Route::Training.href()>{move || tr!(i18n, training.back_to_training)}</a> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ClaimView() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    // The picture is redrawn when the claim changes and once a minute (its "now" line).
    let minute = Memo::new(move |_| state.now.get().as_second() / 60);
    let timeline = move || {
        minute.track();
        i18n.locale();
        context
            .claim
            .get()
            .map(|claim| view! { <Timeline claim now=state.now.get_untracked() /> })
    };
    view! {
        <article class="claim-page">
            <ClaimHeader />
            {move || match state.persisted(context.id) {
                Persisted::Stored => None,
                Persisted::Saving => Some(view! { <p class="persisted saving" role="status">{tr!(i18n, wizard.save_pending)}</p> }),
                Persisted::NotSaved => Some(view! { <p class="persisted not-saved" role="status">{tr!(i18n, store.claim_not_saved)}</p> }),
            }}
            <div class="claim-layout">
                <div class="claim-main">
                    <section class="claim-section sec-clocks" aria-labelledby="sec-clocks">
                        <h2 id="sec-clocks">{move || tr!(i18n, claim.section_clocks)}</h2>
                        <clocks::Clocks />
                    </section>
                    <section class="claim-section sec-timeline" aria-labelledby="sec-timeline">
                        <h2 id="sec-timeline">{move || tr!(i18n, claim.section_timeline)}</h2>
                        {timeline}
                    </section>
                    <section class="claim-section sec-details" aria-labelledby="sec-details">
                        <h2 id="sec-details">{move || tr!(i18n, claim.section_details)}</h2>
                        <details::Details />
                    </section>
                    <section class="claim-section sec-poe" aria-labelledby="sec-poe">
                        <h2 id="sec-poe">{move || tr!(i18n, claim.section_poe)}</h2>
                        <poe::PoeList />
                    </section>
                    <section class="claim-section sec-history" aria-labelledby="sec-history">
                        <h2 id="sec-history">{move || tr!(i18n, claim.section_history)}</h2>
                        <history::History />
                    </section>
                </div>
                <div class="claim-side">
                    <section class="claim-section sec-actions" aria-labelledby="sec-actions">
                        <h2 id="sec-actions">{move || tr!(i18n, claim.section_actions)}</h2>
                        <acting::ActingAs />
                        <actions::ActionsPanel />
                    </section>
                    <section class="claim-section sec-comments" aria-labelledby="sec-comments">
                        <h2 id="sec-comments">{move || tr!(i18n, claim.section_comments)}</h2>
                        <comments::Comments />
                    </section>
                </div>
            </div>
        </article>
    }
}

/// Name, status and phase, and the identifying facts.
#[component]
fn ClaimHeader() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let field = move |read: fn(&Claim) -> String| {
        move || {
            context
                .claim
                .with(|claim| claim.as_ref().map(read).unwrap_or_default())
        }
    };
    let name = move || {
        let name = field(|claim| claim.fields.name.trim().to_string())();
        if name.is_empty() {
            tr!(i18n, common.unnamed)
        } else {
            name
        }
    };
    let status = Memo::new(move |_| {
        context
            .claim
            .with(|claim| claim.as_ref().map(|claim| claim.status))
    });
    let phase = Memo::new(move |_| {
        context
            .claim
            .get()
            .map(|claim| lifecycle::phase(&claim, state.now.get(), &state.rules()))
    });
    let archived = Memo::new(move |_| {
        context
            .claim
            .with(|claim| claim.as_ref().is_some_and(|claim| claim.archived))
    });
    let stamp = move |read: fn(&Claim) -> Timestamp| {
        move || {
            context.claim.with(|claim| {
                claim
                    .as_ref()
                    .map(|claim| i18n.date_time(read(claim), &time_zone()))
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <header class="claim-head">
            <p class="crumb">{match workspace() {
                Workspace::Work => view! { <a href=Route::Dashboard.href()>{move || tr!(i18n, nav.dashboard)}</a> }.into_any(),
                Workspace::Training => view! { <a href=Route::Training.href()>{move || tr!(i18n, training.nav)}</a> }.into_any(),
            }}</p>
            <h1>{name}</h1>
            <div class="claim-badges">
                <span class="badge-label">{move || tr!(i18n, claim.label_status)}</span>
                {move || status.get().map(|status| view! { <StatusBadge status /> })}
                // The phase is shown where it says more than the status.
                {move || phase.get().filter(|phase| status.get().is_some_and(|status| status_name(&i18n, status) != phase_name(&i18n, PhaseKind::from(phase)))).map(|phase| view! {
                    <span class="badge-label">{move || tr!(i18n, claim.label_phase)}</span>
                    <PhaseBadge phase />
                })}
                <Show when=move || archived.get()>
                    <span class="archived-badge">{move || tr!(i18n, claim.archived)}</span>
                </Show>
            </div>
            {move || phase.get().and_then(|phase| rules::phase_detail(&i18n, &phase, &time_zone())).map(|text| view! { <p class="phase-detail">{text}</p> })}
            <dl class="claim-facts">
                <div><dt>{move || tr!(i18n, claim.details.customer_domain)}</dt><dd>{or_dash(field(|claim| claim.fields.customer_domain.clone()))}</dd></div>
                <div><dt>{move || tr!(i18n, claim.details.tenant_id)}</dt><dd class="mono">{or_dash(field(|claim| claim.fields.tenant_id.clone()))}</dd></div>
                <div><dt>{move || tr!(i18n, claim.label_created)}</dt><dd>{stamp(|claim| claim.created_at)}</dd></div>
                <div><dt>{move || tr!(i18n, claim.label_updated)}</dt><dd>{stamp(|claim| claim.updated_at)}</dd></div>
                <div><dt>{move || tr!(i18n, claim.label_claim_id)}</dt><dd class="mono small">{context.id.to_string()}</dd></div>
            </dl>
            <ZoneNote />
            <ClaimLinks />
            <p class="print-only print-stamp">{move || print::printed_text(&i18n, state.now.get(), &time_zone())}</p>
        </header>
    }
}

/// A dash for an empty value.
fn or_dash(
    read: impl Fn() -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        let value = read();
        if value.trim().is_empty() {
            tr!(i18n, common.not_set)
        } else {
            value
        }
    }
}

/// Words a text in the current language.
type Words = fn(&I18n) -> String;

/// Links to claims started from this one, or that this one was started from.
#[component]
fn ClaimLinks() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    move || {
        let links = context
            .claim
            .with(|claim| claim.as_ref().map(|claim| claim.links.clone()))
            .unwrap_or_default();
        let mut items: Vec<(Words, Uuid)> = Vec::new();
        if let Some(from) = links.started_from {
            items.push((|i18n| tr!(i18n, claim.link_started_from), from));
        }
        for id in links.restarted_as {
            items.push((|i18n| tr!(i18n, claim.link_restarted_as), id));
        }
        if let Some(copy_of) = links.conflict_copy_of {
            items.push((|i18n| tr!(i18n, claim.link_conflict_copy), copy_of));
        }
        (!items.is_empty()).then(|| {
            view! {
                <ul class="claim-links">
                    {items.into_iter().map(|(text, id)| view! {
                        <li>{move || text(&i18n)} " " <a href=Route::Claim(id).within(workspace()).href()>{id.to_string()}</a></li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// When the viewer's browser is in another zone than the calendar, say which zone the
/// page's times are in (the deadlines also give the viewer's own time).
#[component]
fn ZoneNote() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let zone = time_zone();
        viewer_zone_differs(&zone).map(|browser_zone| {
            view! {
                <p class="zone-note small muted">
                    {tr!(i18n, deadline.times_in_zone, place = zone_place(&zone), zone = zone.clone(), browser_zone)}
                </p>
            }
        })
    }
}

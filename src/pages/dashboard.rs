//! The dashboard: counts per status, what needs attention (nearest deadline first, the
//! partner's own deadlines before Microsoft's), and a searchable, filterable table.
//!
//! Every claim is asked of the rules at the app clock's minute (status after due system
//! transitions, clocks); the countdown texts then follow the clock every second. With a
//! thousand claims, typing in search only filters precomputed rows.

use std::collections::BTreeSet;

use claim_rules::deadlines::{self, Deadline};
use claim_rules::lifecycle;
use claim_rules::model::{Claim, Status};
use claim_rules::validation;
use jiff::Timestamp;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::countdown::countdown_text;
use crate::components::status::StatusBadge;
use crate::i18n::claim::{clock_name, status_name, ClaimText};
use crate::i18n::dashboard::DashboardText as D;
use crate::i18n::{rules, use_i18n, I18n};
use crate::route::Route;
use crate::state::use_app;

/// Rows shown before "Show more".
const PAGE: usize = 100;

/// One claim as the dashboard shows it, computed once per clock minute.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: Uuid,
    name: String,
    domain: String,
    area_activity: String,
    status: Status,
    archived: bool,
    next: Option<Deadline>,
    updated_at: Timestamp,
    competing: bool,
    /// Lower-case name, domain, tenant ID and MPN, for search.
    haystack: String,
    /// Opens in the wizard rather than on the claim page (the rules say: a draft).
    draft: bool,
}

impl Row {
    fn of(i18n: &I18n, claim: &Claim, next: Option<Deadline>, competing: bool) -> Row {
        let fields = &claim.fields;
        let area = fields
            .solution_area
            .map(rules::area_name)
            .unwrap_or_default();
        let activities: Vec<&str> = fields
            .activities
            .iter()
            .map(|a| i18n.t(ClaimText::Activity(*a)))
            .collect();
        Row {
            id: claim.id,
            name: fields.name.trim().to_string(),
            domain: fields.customer_domain.clone(),
            area_activity: [area.to_string(), activities.join(", ")]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · "),
            status: claim.status,
            archived: claim.archived,
            next,
            updated_at: claim.updated_at,
            competing,
            haystack: format!(
                "{}\n{}\n{}\n{}",
                fields.name, fields.customer_domain, fields.tenant_id, fields.partner_id
            )
            .to_lowercase(),
            draft: lifecycle::opens_in_wizard(claim),
        }
    }

    fn href(&self) -> String {
        if self.draft {
            Route::EditDraft(self.id).href()
        } else {
            Route::Claim(self.id).href()
        }
    }
}

/// The dashboard page.
#[component]
pub fn Dashboard() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let minute = Memo::new(move |_| {
        let now = state.now.get();
        now.as_second() / 60
    });
    let rows = Memo::new(move |_| {
        minute.track();
        let now = state.now.get_untracked();
        let rules = state.rules();
        state.claims.with(|claims| {
            let advanced: Vec<Claim> = claims
                .iter()
                .map(|claim| lifecycle::advance(claim, now, &rules))
                .collect();
            let competing: BTreeSet<Uuid> = validation::competing_claims(&advanced)
                .iter()
                .flat_map(|competition| competition.claims)
                .collect();
            advanced
                .iter()
                .map(|claim| {
                    Row::of(
                        &i18n,
                        claim,
                        deadlines::next_deadline(claim, &rules, now),
                        competing.contains(&claim.id),
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    let query = RwSignal::new(String::new());
    let statuses = RwSignal::new(BTreeSet::<Status>::new());
    let show_archived = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let filtered = Memo::new(move |_| {
        let needle = query.get().trim().to_lowercase();
        let wanted = statuses.get();
        let archived = show_archived.get();
        rows.with(|rows| {
            let mut list: Vec<Row> = rows
                .iter()
                .filter(|row| archived || !row.archived)
                .filter(|row| wanted.is_empty() || wanted.contains(&row.status))
                .filter(|row| needle.is_empty() || row.haystack.contains(&needle))
                .cloned()
                .collect();
            list.sort_by_key(|row| std::cmp::Reverse(row.updated_at));
            list
        })
    });

    view! {
        <div class="page-title">
            <h1>{move || i18n.t(D::Title)}</h1>
            <a class="button primary" href=Route::NewClaim.href()>{move || i18n.t(D::NewClaim)}</a>
        </div>
        <StatusCounts rows statuses />
        <NeedsAttention rows />
        <section aria-labelledby="all-claims-heading" class="card">
            <h2 id="all-claims-heading">{move || i18n.t(D::AllClaims)}</h2>
            <Show when=move || !state.claims.with(Vec::is_empty) fallback=move || view! {
                <div class="empty">
                    <p>{i18n.t(D::NoClaimsYet)}</p>
                    <p class="hint">{i18n.t(D::NoClaimsYetHint)}</p>
                </div>
            }>
                <div class="toolbar">
                    <label class="search">
                        <span class="label">{move || i18n.t(D::Search)}</span>
                        <input type="search" placeholder=move || i18n.t(D::SearchHint)
                            prop:value=move || query.get()
                            on:input=move |event| { query.set(event_target_value(&event)); shown.set(PAGE); } />
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || show_archived.get()
                            on:change=move |event| show_archived.set(event_target_checked(&event)) />
                        {move || i18n.t(D::ShowArchived)}
                    </label>
                    <Show when=move || !statuses.with(BTreeSet::is_empty) || !query.with(String::is_empty)>
                        <button type="button" class="link" on:click=move |_| { statuses.set(BTreeSet::new()); query.set(String::new()); }>
                            {move || i18n.t(D::ClearFilters)}
                        </button>
                    </Show>
                </div>
                <ClaimTable filtered shown />
            </Show>
        </section>
    }
}

/// Counts per status; each one toggles a status filter.
#[component]
fn StatusCounts(rows: Memo<Vec<Row>>, statuses: RwSignal<BTreeSet<Status>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-label=move || i18n.t(D::StatusCounts)>
            <ul class="status-counts">
                {Status::ALL.into_iter().map(|status| {
                    let count = move || rows.with(|rows| rows.iter().filter(|r| r.status == status && !r.archived).count());
                    let pressed = move || statuses.with(|s| s.contains(&status));
                    view! {
                        <li>
                            <button type="button" class="status-count" data-status=status.code()
                                aria-pressed=move || pressed().to_string()
                                title=move || i18n.t(D::FilterByStatus)
                                on:click=move |_| statuses.update(|s| { if !s.remove(&status) { s.insert(status); } })>
                                <span class="count">{move || i18n.number(count() as i64)}</span>
                                <span class="label">{move || status_name(&i18n, status)}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Claims with a live clock: the partner's own deadlines first, then by due time.
#[component]
fn NeedsAttention(rows: Memo<Vec<Row>>) -> impl IntoView {
    let i18n = use_i18n();
    let attention = Memo::new(move |_| {
        rows.with(|rows| {
            let mut list: Vec<Row> = rows
                .iter()
                .filter(|r| r.next.is_some() && !r.archived)
                .cloned()
                .collect();
            // The rules' order: the partner's own deadlines first, then the nearest.
            list.sort_by(|a, b| match (&a.next, &b.next) {
                (Some(a), Some(b)) => deadlines::attention_order(a, b),
                (a, b) => a.is_none().cmp(&b.is_none()),
            });
            list.truncate(10);
            list
        })
    });
    view! {
        <section aria-labelledby="attention-heading" class="card attention">
            <h2 id="attention-heading">{move || i18n.t(D::NeedsAttention)}</h2>
            <Show when=move || !attention.with(Vec::is_empty) fallback=move || view! { <p class="muted">{i18n.t(D::NeedsAttentionEmpty)}</p> }>
                <ol class="attention-list">
                    <For each=move || attention.get() key=|row| (row.id, row.next.as_ref().map(|n| (n.kind, n.due))) children=move |row| {
                        let next = row.next.clone();
                        let partner = next.as_ref().is_some_and(|n| n.kind.partner_acts());
                        view! {
                            <li class:partner-acts=partner>
                                <a href=row.href()>{display_name(&row)}</a>
                                <span class="muted">{row.domain.clone()}</span>
                                {partner.then(|| view! { <span class="tag">{i18n.t(D::PartnerMustAct)}</span> })}
                                {next.map(|deadline| view! {
                                    <span class="clock-name">{clock_name(&i18n, deadline.kind)}</span>
                                    <LiveCountdown deadline />
                                })}
                            </li>
                        }
                    } />
                </ol>
            </Show>
        </section>
    }
}

fn display_name(row: &Row) -> String {
    if row.name.is_empty() {
        use_i18n().t(D::Unnamed).to_string()
    } else {
        row.name.clone()
    }
}

/// A countdown text that follows the app clock.
#[component]
fn LiveCountdown(deadline: Deadline) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let text = move || {
        let now = state.now.get();
        let rules = state.rules();
        deadline.remaining(now, rules.calendar()).map(|remaining| {
            (
                remaining.overdue,
                countdown_text(&i18n, &remaining, deadline.kind, &rules),
            )
        })
    };
    view! {
        {move || text().map(|(overdue, words)| view! {
            <span class="countdown-text" class:overdue=overdue>{words}</span>
        })}
    }
}

#[component]
fn ClaimTable(filtered: Memo<Vec<Row>>, shown: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let zone = move || state.settings.with(|s| s.policy.calendar.time_zone.clone());
    view! {
        <Show when=move || !filtered.with(Vec::is_empty) fallback=move || view! { <p class="empty">{i18n.t(D::NoMatches)}</p> }>
            <div class="table-scroll">
                <table class="claims">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(D::ColName)}</th>
                        <th scope="col">{move || i18n.t(D::ColDomain)}</th>
                        <th scope="col">{move || i18n.t(D::ColAreaActivity)}</th>
                        <th scope="col">{move || i18n.t(D::ColStatus)}</th>
                        <th scope="col">{move || i18n.t(D::ColNextDeadline)}</th>
                        <th scope="col">{move || i18n.t(D::ColLastChange)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || filtered.with(|rows| rows.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                            key=|row| (row.id, row.status, row.updated_at, row.next.as_ref().map(|n| (n.kind, n.due)))
                            children=move |row| view! {
                                <tr data-claim-id=row.id.to_string()>
                                    <td>
                                        <a href=row.href()>{display_name(&row)}</a>
                                        {row.archived.then(|| view! { " " <span class="tag">{i18n.t(D::Archived)}</span> })}
                                        {row.competing.then(|| view! { " " <span class="tag warning">{i18n.t(D::Competing)}</span> })}
                                    </td>
                                    <td data-label=i18n.t(D::ColDomain)>{row.domain.clone()}</td>
                                    <td data-label=i18n.t(D::ColAreaActivity)>{row.area_activity.clone()}</td>
                                    <td data-label=i18n.t(D::ColStatus)><StatusBadge status=row.status /></td>
                                    <td data-label=i18n.t(D::ColNextDeadline)>{match row.next.clone() {
                                        Some(deadline) => view! {
                                            <span class="clock-name">{clock_name(&i18n, deadline.kind)}</span> " "
                                            <LiveCountdown deadline />
                                        }.into_any(),
                                        None => view! { <span class="muted">{i18n.t(D::NoRunningClock)}</span> }.into_any(),
                                    }}</td>
                                    <td data-label=i18n.t(D::ColLastChange)>{move || i18n.date(row.updated_at, &zone())}</td>
                                </tr>
                            } />
                    </tbody>
                </table>
            </div>
            <Show when=move || filtered.with(|rows| rows.len() > shown.get())>
                <p class="more">
                    {move || format!("{} {} {} {}", i18n.t(D::Showing), i18n.number(shown.get() as i64), i18n.t(D::Of), i18n.number(filtered.with(Vec::len) as i64))} " "
                    <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>{move || i18n.t(D::ShowMore)}</button>
                </p>
            </Show>
        </Show>
    }
}

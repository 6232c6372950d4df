//! The dashboard: counts per status, what needs attention (nearest deadline first, the
//! partner's own deadlines before Microsoft's), and a searchable, filterable table.
//!
//! Rows come from the claims' summaries: no full claim is read to list them. Every
//! claim is asked of the rules at the app clock's minute (status after due system
//! transitions, clocks); the countdown texts then follow the clock every second. With a
//! thousand claims, typing in search only filters precomputed rows, and the table builds
//! the rows it shows a screenful per frame ([`Paging`]).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use claim_rules::deadlines::{self, Deadline};
use claim_rules::model::{Activity, SolutionArea, Status};
use claim_rules::summary::{self, ClaimSummary};
use jiff::Timestamp;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::calendar_download::CalendarDownload;
use crate::components::countdown::countdown_text;
use crate::components::status::StatusBadge;
use crate::i18n::rules::{activity_name, area_name, clock_name, status_name};
use crate::i18n::{tr, use_i18n, I18n, InLocale, Locale};
use crate::route::Route;
use crate::state::use_app;

/// Rows shown before "Show more".
const PAGE: usize = 100;

/// Rows built per frame: more than a tall screen shows.
const CHUNK: usize = 25;

/// How many rows of the filtered list the table shows, and which it has built.
///
/// The table shows a page of rows (plus a page per "Show more"), but builds at most
/// [`CHUNK`] rows it did not show before until the next paint, then one more chunk after
/// each paint until the page is there. A keystroke that replaces every shown row then
/// builds and lays out a screenful, not a hundred rows, before its result is painted; the
/// rest, out of sight below it, follows within a few frames. Rows already shown are kept,
/// not counted: a keystroke that leaves them in place builds nothing.
#[derive(Clone, Copy)]
struct Paging {
    /// Rows the partner asked to see: a page, plus a page per "Show more".
    target: RwSignal<usize>,
    /// Changed after a paint, for the next chunk.
    chunks: RwSignal<u32>,
    /// The claims of the rows the table has, as of its last update.
    built: StoredValue<BTreeSet<Uuid>>,
    /// Counts the table's updates: a chunk scheduled before the latest one is not added.
    updates: StoredValue<u64>,
    /// Whether a chunk is scheduled.
    pending: StoredValue<bool>,
}

impl Paging {
    fn new() -> Paging {
        Paging {
            target: RwSignal::new(PAGE),
            chunks: RwSignal::new(0),
            built: StoredValue::new(BTreeSet::new()),
            updates: StoredValue::new(0),
            pending: StoredValue::new(false),
        }
    }

    /// The filter changed: one page again.
    fn refilter(self) {
        self.target.set(PAGE);
    }

    fn show_more(self) {
        self.target.update(|target| *target += PAGE);
    }

    /// The table is gone (nothing to list): the rows it had built are gone with it, and
    /// the next table builds its rows a chunk at a time again.
    fn forget_built(self) {
        self.built.set_value(BTreeSet::new());
    }

    /// The rows for the table now (tracking the target and the chunks): the longest
    /// beginning of the target's rows with at most [`CHUNK`] rows not built yet. If that
    /// is not all of them, the next chunk is scheduled.
    fn rows(self, filtered: &[Arc<Row>]) -> Vec<Arc<Row>> {
        self.chunks.track();
        let wanted = self.target.get().min(filtered.len());
        let shown = self.built.with_value(|built| {
            let mut new = 0;
            filtered[..wanted]
                .iter()
                .take_while(|row| {
                    if built.contains(&row.id) {
                        true
                    } else {
                        new += 1;
                        new <= CHUNK
                    }
                })
                .count()
        });
        let rows = filtered[..shown].to_vec();
        self.built
            .set_value(rows.iter().map(|row| row.id).collect());
        self.updates.update_value(|updates| *updates += 1);
        if shown < wanted {
            self.schedule_chunk();
        }
        rows
    }

    /// One more chunk after the next paint, unless one is scheduled.
    fn schedule_chunk(self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        let updates = self.updates.get_value();
        // A frame callback runs before that frame's paint; a timeout set from it, after.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if self.pending.try_set_value(false).is_some() {
                        return; // The page is gone.
                    }
                    if self.updates.try_get_value() == Some(updates) {
                        self.chunks
                            .try_update(|chunks| *chunks = chunks.wrapping_add(1));
                    } else {
                        // The table changed since (a new filtering built its first chunk):
                        // its next chunk comes after a paint too.
                        self.schedule_chunk();
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    }
}

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
    /// The language the row is worded in: part of the table's key, so a language change
    /// rebuilds the rows and their texts need not follow it one by one.
    locale: Locale,
}

/// "Solution area · activities" in words, worded once per combination: a thousand rows
/// share a handful, and each wording asks the browser's `Intl.ListFormat`.
#[derive(Default)]
struct AreaActivityWords(HashMap<(Option<SolutionArea>, BTreeSet<Activity>), String>);

impl AreaActivityWords {
    fn of(&mut self, i18n: &I18n, claim: &ClaimSummary) -> String {
        let key = (claim.solution_area, claim.activities.clone());
        self.0
            .entry(key)
            .or_insert_with(|| {
                let area = claim
                    .solution_area
                    .map(|a| area_name(i18n, a))
                    .unwrap_or_default();
                let activities: Vec<String> = claim
                    .activities
                    .iter()
                    .map(|a| activity_name(i18n, *a))
                    .collect();
                let activities = i18n.list(&activities);
                match (area.is_empty(), activities.is_empty()) {
                    (false, false) => tr!(i18n, dashboard.area_activity, area, activities),
                    (false, true) => area,
                    (true, _) => activities,
                }
            })
            .clone()
    }
}

impl Row {
    fn of(
        i18n: &I18n,
        words: &mut AreaActivityWords,
        claim: &ClaimSummary,
        next: Option<Deadline>,
        competing: bool,
    ) -> Row {
        let fields = claim;
        let area_activity = words.of(i18n, claim);
        Row {
            id: claim.id,
            name: fields.name.trim().to_string(),
            domain: fields.customer_domain.clone(),
            area_activity,
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
            draft: claim.opens_in_wizard(),
            locale: i18n.locale_untracked(),
        }
    }

    /// The claim's name, or "(unnamed draft)" in the row's language.
    fn display_name(&self) -> String {
        if self.name.is_empty() {
            tr!(InLocale(self.locale), common.unnamed)
        } else {
            self.name.clone()
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
        // The rows hold worded activities: new words when the language changes.
        i18n.locale();
        let now = state.now.get_untracked();
        let rules = state.rules();
        state.summaries.with(|claims| {
            let (advanced, next): (Vec<ClaimSummary>, Vec<Option<Deadline>>) = claims
                .iter()
                .map(|claim| claim.advanced_with_next(now, &rules))
                .unzip();
            let competing: BTreeSet<Uuid> = summary::competing_claims(&advanced)
                .iter()
                .flat_map(|competition| competition.claims)
                .collect();
            let mut words = AreaActivityWords::default();
            let mut rows: Vec<Arc<Row>> = advanced
                .iter()
                .zip(next)
                .map(|(claim, next)| {
                    let competing = competing.contains(&claim.id);
                    Arc::new(Row::of(&i18n, &mut words, claim, next, competing))
                })
                .collect();
            // Most recently changed first, once: filtering keeps the order.
            rows.sort_by_key(|row| std::cmp::Reverse(row.updated_at));
            rows
        })
    });

    let query = RwSignal::new(String::new());
    let statuses = RwSignal::new(BTreeSet::<Status>::new());
    let show_archived = RwSignal::new(false);
    let filtered = Memo::new(move |_| {
        let needle = query.get().trim().to_lowercase();
        let wanted = statuses.get();
        let archived = show_archived.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| archived || !row.archived)
                .filter(|row| wanted.is_empty() || wanted.contains(&row.status))
                .filter(|row| needle.is_empty() || row.haystack.contains(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let paging = Paging::new();

    view! {
        <div class="page-title">
            <h1>{move || tr!(i18n, dashboard.title)}</h1>
            <a class="button primary" href=Route::NewClaim.href()>{move || tr!(i18n, dashboard.new_claim)}</a>
        </div>
        <StatusCounts rows statuses paging />
        <NeedsAttention rows />
        <section aria-labelledby="all-claims-heading" class="card">
            <h2 id="all-claims-heading">{move || tr!(i18n, dashboard.all_claims)}</h2>
            <Show when=move || !state.summaries.with(Vec::is_empty) fallback=move || { paging.forget_built(); view! {
                <div class="empty">
                    <p>{move || tr!(i18n, dashboard.no_claims)}</p>
                    <p class="hint">{move || tr!(i18n, dashboard.no_claims_hint)}</p>
                </div>
            } }>
                <div class="toolbar">
                    <label class="search">
                        <span class="label">{move || tr!(i18n, dashboard.search)}</span>
                        <input type="search" placeholder=move || tr!(i18n, dashboard.search_hint)
                            prop:value=move || query.get()
                            on:input=move |event| { query.set(event_target_value(&event)); paging.refilter(); } />
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || show_archived.get()
                            on:change=move |event| { show_archived.set(event_target_checked(&event)); paging.refilter(); } />
                        {move || tr!(i18n, dashboard.show_archived)}
                    </label>
                    <Show when=move || !statuses.with(BTreeSet::is_empty) || !query.with(String::is_empty)>
                        <button type="button" class="link" on:click=move |_| { statuses.set(BTreeSet::new()); query.set(String::new()); paging.refilter(); }>
                            {move || tr!(i18n, dashboard.clear_filters)}
                        </button>
                    </Show>
                </div>
                <ClaimTable filtered paging />
            </Show>
        </section>
    }
}

/// Counts per status; each one toggles a status filter.
#[component]
fn StatusCounts(
    rows: Memo<Vec<Arc<Row>>>,
    statuses: RwSignal<BTreeSet<Status>>,
    paging: Paging,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-label=move || tr!(i18n, dashboard.status_counts)>
            <ul class="status-counts">
                {Status::ALL.into_iter().map(|status| {
                    let count = move || rows.with(|rows| rows.iter().filter(|r| r.status == status && !r.archived).count());
                    let pressed = move || statuses.with(|s| s.contains(&status));
                    view! {
                        <li>
                            <button type="button" class="status-count" data-status=status.code()
                                aria-pressed=move || pressed().to_string()
                                title=move || tr!(i18n, dashboard.filter_by_status)
                                on:click=move |_| { statuses.update(|s| { if !s.remove(&status) { s.insert(status); } }); paging.refilter(); }>
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
fn NeedsAttention(rows: Memo<Vec<Arc<Row>>>) -> impl IntoView {
    let i18n = use_i18n();
    let attention = Memo::new(move |_| {
        rows.with(|rows| {
            let mut list: Vec<Arc<Row>> = rows
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
            <h2 id="attention-heading">{move || tr!(i18n, dashboard.needs_attention)}</h2>
            <Show when=move || !attention.with(Vec::is_empty) fallback=move || view! { <p class="muted">{move || tr!(i18n, dashboard.needs_attention_empty)}</p> }>
                <ol class="attention-list">
                    <For each=move || attention.get() key=|row| (row.id, row.next.as_ref().map(|n| (n.kind, n.due)), row.locale) children=move |row| {
                        let next = row.next.clone();
                        let partner = next.as_ref().is_some_and(|n| n.kind.partner_acts());
                        view! {
                            <li class:partner-acts=partner>
                                <a href=row.href()>{row.display_name()}</a>
                                <span class="muted">{row.domain.clone()}</span>
                                {partner.then(|| view! { <span class="tag">{move || tr!(i18n, dashboard.your_action)}</span> })}
                                {next.map(|deadline| view! {
                                    <span class="clock-name">{move || clock_name(&i18n, deadline.kind)}</span>
                                    <LiveCountdown deadline />
                                })}
                            </li>
                        }
                    } />
                </ol>
                <CalendarDownload />
            </Show>
        </section>
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
fn ClaimTable(filtered: Memo<Vec<Arc<Row>>>, paging: Paging) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let zone = move || state.settings.with(|s| s.policy.calendar.time_zone.clone());
    let available = move || filtered.with(Vec::len);
    view! {
        <Show when=move || !filtered.with(Vec::is_empty) fallback=move || { paging.forget_built(); view! { <p class="empty">{move || tr!(i18n, dashboard.no_matches)}</p> } }>
            <div class="table-scroll">
                <table class="claims">
                    <thead><tr>
                        <th scope="col">{move || tr!(i18n, dashboard.col_name)}</th>
                        <th scope="col">{move || tr!(i18n, dashboard.col_domain)}</th>
                        <th scope="col">{move || tr!(i18n, dashboard.col_area_activity)}</th>
                        <th scope="col">{move || tr!(i18n, dashboard.col_status)}</th>
                        <th scope="col">{move || tr!(i18n, dashboard.col_next_deadline)}</th>
                        <th scope="col">{move || tr!(i18n, dashboard.col_last_change)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || filtered.with(|rows| paging.rows(rows))
                            key=|row| (row.id, row.status, row.updated_at, row.next.as_ref().map(|n| (n.kind, n.due)), row.locale)
                            children=move |row| {
                                // Plain texts in the row's language: the key rebuilds the row when it changes.
                                let words = InLocale(row.locale);
                                let updated_at = row.updated_at;
                                let archived = row.archived.then(|| tr!(words, dashboard.archived));
                                let competing = row.competing.then(|| tr!(words, dashboard.competing));
                                let (domain_label, area_label) = (tr!(words, dashboard.col_domain), tr!(words, dashboard.col_area_activity));
                                let (status_label, next_label) = (tr!(words, dashboard.col_status), tr!(words, dashboard.col_next_deadline));
                                let change_label = tr!(words, dashboard.col_last_change);
                                view! {
                                <tr data-claim-id=row.id.to_string()>
                                    <td>
                                        <a href=row.href()>{row.display_name()}</a>
                                        {archived.map(|tag| view! { " " <span class="tag">{tag}</span> })}
                                        {competing.map(|tag| view! { " " <span class="tag warning">{tag}</span> })}
                                    </td>
                                    <td data-label=domain_label>{row.domain.clone()}</td>
                                    <td data-label=area_label>{row.area_activity.clone()}</td>
                                    <td data-label=status_label><StatusBadge status=row.status /></td>
                                    <td data-label=next_label>{match row.next.clone() {
                                        Some(deadline) => view! {
                                            <span class="clock-name">{untrack(|| clock_name(&i18n, deadline.kind))}</span> " "
                                            <LiveCountdown deadline />
                                        }.into_any(),
                                        None => view! { <span class="muted">{tr!(words, common.not_set)}</span> }.into_any(),
                                    }}</td>
                                    <td data-label=change_label>{move || i18n.date(updated_at, &zone())}</td>
                                </tr>
                            } } />
                    </tbody>
                </table>
            </div>
            <Show when=move || paging.target.get() < available()>
                <p class="more">
                    {move || tr!(i18n, dashboard.showing, shown = i18n.number(paging.target.get().min(available()) as i64), total = i18n.number(available() as i64))} " "
                    <button type="button" on:click=move |_| paging.show_more()>{move || tr!(i18n, dashboard.show_more)}</button>
                </p>
            </Show>
        </Show>
    }
}

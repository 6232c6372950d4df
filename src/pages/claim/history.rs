//! The claim's full history: every entry with its time, actor, action, status change,
//! field changes (old → new, as plain text), comment and details.

use claim_rules::history::{EventDetail, FieldChange, HistoryEntry};
use claim_rules::model::{
    Activity, ClaimedProduct, Contact, PartnerContact, PoeChecklist, PoeDocument,
    RevenueAssociationDetails, SolutionArea,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{time_zone, use_claim};
use crate::components::status::StatusBadge;
use crate::i18n::rules::{self, action_name, actor_name, area_name, information_reason_name};
use crate::i18n::rules::{activities_text, products_text};
use crate::i18n::{tr, use_i18n, I18n};
use crate::route::{workspace, Route};

/// The history section, oldest entry first.
#[component]
pub fn History() -> impl IntoView {
    let context = use_claim();
    let entries = Memo::new(move |_| {
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| claim.history.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <ol class="history">
            {move || entries.get().into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
        </ol>
    }
}

/// One history entry, worded in the language of the moment.
#[component]
fn Entry(entry: HistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    move || entry_view(i18n, &entry)
}

fn entry_view(i18n: I18n, entry: &HistoryEntry) -> impl IntoView {
    let zone = time_zone();
    let recorded_later = entry.recorded_at.duration_since(entry.at).as_secs() > 60;
    let status_change = match entry.from {
        Some(from) if from != entry.to => view! {
            <span class="status-change"><StatusBadge status=from /> <span aria-hidden="true">" → "</span><span class="visually-hidden">" → "</span> <StatusBadge status=entry.to /></span>
        }
        .into_any(),
        Some(_) => ().into_any(),
        None => view! { <span class="status-change"><StatusBadge status=entry.to /></span> }.into_any(),
    };
    view! {
        <li class="history-entry" data-action=entry.action.code()>
            <div class="history-head">
                <time datetime=entry.at.to_string()>{i18n.date_time(entry.at, &zone)}</time>
                <span class="history-actor">{actor_name(&i18n, entry.actor)}</span>
                <strong class="history-action">{action_name(&i18n, entry.action)}</strong>
                {status_change}
            </div>
            {recorded_later.then(|| view! { <p class="small muted">{tr!(i18n, claim.history.recorded_at, time = i18n.date_time(entry.recorded_at, &zone))}</p> })}
            {entry.detail.as_ref().map(|detail| detail_view(&i18n, detail))}
            {(!entry.comment.trim().is_empty()).then(|| view! { <p class="history-comment">{entry.comment.clone()}</p> })}
            {(!entry.changes.is_empty()).then(|| view! {
                <details class="history-changes">
                    <summary>{tr!(i18n, claim.history.changes, count = i18n.number(entry.changes.len() as i64))}</summary>
                    <dl>{entry.changes.iter().map(|change| change_view(&i18n, change)).collect_view()}</dl>
                </details>
            })}
        </li>
    }
}

fn detail_view(i18n: &I18n, detail: &EventDetail) -> AnyView {
    match detail {
        EventDetail::InformationRequest { reasons, products_to_remove } => {
            let mut items: Vec<String> = reasons.iter().map(|reason| information_reason_name(i18n, *reason)).collect();
            if !products_to_remove.is_empty() {
                let products: Vec<String> = products_to_remove.iter().map(|product| product.display_name().to_string()).collect();
                items.push(tr!(i18n, common.labelled, label = tr!(i18n, claim.actions.products_to_remove), value = i18n.list(&products)));
            }
            view! { <ul class="history-detail">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
        }
        EventDetail::Rejection { reason } => view! { <p class="history-detail">{rules::rejection_reason(i18n, reason)}</p> }.into_any(),
        EventDetail::Dispute { justification, poe_added } => {
            let text = if poe_added.is_empty() {
                justification.clone()
            } else {
                let count = poe_added.len() as i64;
                tr!(i18n, claim.history.dispute_poe, count, n = i18n.number(count), justification = justification.clone())
            };
            view! { <p class="history-detail">{text}</p> }.into_any()
        }
        EventDetail::Link { claim } => view! {
            <p class="history-detail"><a href=Route::Claim(*claim).within(workspace()).href()>{claim.to_string()}</a></p>
        }
        .into_any(),
    }
}

fn change_view(i18n: &I18n, change: &FieldChange) -> impl IntoView {
    let (field, old, new) = change_parts(i18n, change);
    view! {
        <div class="change">
            <dt>{field}</dt>
            <dd>
                <span class="old">{old}</span>
                <span aria-hidden="true">" → "</span><span class="visually-hidden">" → "</span>
                <span class="new">{new}</span>
            </dd>
        </div>
    }
}

/// A field change as the history shows it: the field's name and its old and new values,
/// each worded for its kind of value (names of products and activities, contacts, …).
fn change_parts(i18n: &I18n, change: &FieldChange) -> (String, String, String) {
    let path = change.field.as_str();
    let both = |render: &dyn Fn(&Value) -> Option<String>| {
        (
            shown(i18n, render(&change.old), &change.old),
            shown(i18n, render(&change.new), &change.new),
        )
    };
    let (label, (old, new)) = match path {
        "fields.name" => (tr!(i18n, claim.details.name), both(&|v| typed::<String>(v))),
        "fields.partner_id" => (
            tr!(i18n, claim.details.partner_id),
            both(&|v| typed::<String>(v)),
        ),
        "fields.customer_domain" => (
            tr!(i18n, claim.details.customer_domain),
            both(&|v| typed::<String>(v)),
        ),
        "fields.tenant_id" => (
            tr!(i18n, claim.details.tenant_id),
            both(&|v| typed::<String>(v)),
        ),
        "fields.solution_area" => (
            tr!(i18n, claim.details.solution_area),
            both(&|v| {
                typed::<Option<SolutionArea>>(v)
                    .map(|area| area.map(|a| area_name(i18n, a)).unwrap_or_default())
            }),
        ),
        "fields.activities" => (
            tr!(i18n, claim.details.activities),
            both(&|v| typed::<Vec<Activity>>(v).map(|list| activities_text(i18n, &list))),
        ),
        "fields.products" => (
            tr!(i18n, claim.details.products),
            both(&|v| typed::<Vec<ClaimedProduct>>(v).map(|list| products_text(i18n, &list))),
        ),
        "fields.customer_contact" => (
            tr!(i18n, claim.details.customer_contact),
            both(&|v| typed::<Contact>(v).map(|c| joined(&[&c.name, &c.title, &c.email]))),
        ),
        "fields.technical_contact" => (
            tr!(i18n, claim.details.technical_contact),
            both(&|v| typed::<Contact>(v).map(|c| joined(&[&c.name, &c.title, &c.email]))),
        ),
        "fields.partner_contact" => (
            tr!(i18n, claim.details.partner_contact),
            both(&|v| typed::<PartnerContact>(v).map(|c| joined(&[&c.name, &c.email]))),
        ),
        "fields.revenue_association" => (
            tr!(i18n, claim.details.revenue_association),
            both(&|v| {
                typed::<RevenueAssociationDetails>(v).map(|r| {
                    joined(&[
                        &r.solution_seller_name,
                        &r.customer_name,
                        &r.isv_solution_name,
                    ])
                })
            }),
        ),
        "poe_checklist" => (
            tr!(i18n, claim.history.field.poe_checklist),
            both(&|v| typed::<PoeChecklist>(v).map(|c| checklist_text(i18n, &c))),
        ),
        "archived" => (
            tr!(i18n, claim.history.field.archived),
            both(&|v| {
                typed::<bool>(v).map(|flag| {
                    if flag {
                        tr!(i18n, claim.history.yes)
                    } else {
                        tr!(i18n, claim.history.no)
                    }
                })
            }),
        ),
        _ if path.starts_with("poe[") => (
            tr!(i18n, claim.history.field.poe),
            both(&|v| typed::<PoeDocument>(v).map(|d| d.file_name)),
        ),
        _ => (path.to_string(), both(&|_| None)),
    };
    (label, old, new)
}

/// A value read as `T`, when it is one.
fn typed<T: DeserializeOwned>(value: &Value) -> Option<T> {
    if value.is_null() {
        return None;
    }
    serde_json::from_value(value.clone()).ok()
}

/// The worded value, else the value as plain text; "(empty)" for nothing.
fn shown(i18n: &I18n, worded: Option<String>, value: &Value) -> String {
    let text = worded.unwrap_or_else(|| json_text(value));
    if text.trim().is_empty() {
        tr!(i18n, claim.history.empty_value)
    } else {
        text
    }
}

/// The non-empty parts of a record, one after the other.
fn joined(parts: &[&String]) -> String {
    parts
        .iter()
        .filter(|part| !part.trim().is_empty())
        .map(|part| part.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The ticked readiness checks, as a list.
fn checklist_text(i18n: &I18n, checklist: &PoeChecklist) -> String {
    let ticked: Vec<String> = [
        (
            checklist.about_this_claim,
            tr!(i18n, claim.history.checklist.about_this_claim),
        ),
        (
            checklist.customer_acknowledgment,
            tr!(i18n, claim.history.checklist.customer_acknowledgment),
        ),
        (
            checklist.dates_recent,
            tr!(i18n, claim.history.checklist.dates_recent),
        ),
        (
            checklist.solution_described,
            tr!(i18n, claim.history.checklist.solution_described),
        ),
        (
            checklist.products_named,
            tr!(i18n, claim.history.checklist.products_named),
        ),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    i18n.list(&ticked)
}

/// A JSON value as plain text, for a change the history cannot word: strings as they
/// are, lists joined, objects as their values.
fn json_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(json_text)
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => map
            .values()
            .map(json_text)
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

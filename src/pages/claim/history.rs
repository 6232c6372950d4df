//! The claim's full history: every entry with its time, actor, action, status change,
//! field changes (old → new, as plain text), comment and details.

use claim_rules::history::{EventDetail, FieldChange, HistoryEntry};
use leptos::prelude::*;
use serde_json::Value;

use super::{time_zone, use_claim};
use crate::components::status::StatusBadge;
use crate::i18n::claim::{self as texts, ClaimText};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;

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

#[component]
fn Entry(entry: HistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
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
                <span class="history-actor">{texts::actor_name(&i18n, entry.actor)}</span>
                <strong class="history-action">{texts::action_name(&i18n, entry.action)}</strong>
                {status_change}
            </div>
            {recorded_later.then(|| view! { <p class="small muted">{texts::recorded_at_text(&i18n, entry.recorded_at, &zone)}</p> })}
            {entry.detail.as_ref().map(|detail| detail_view(&i18n, detail))}
            {(!entry.comment.trim().is_empty()).then(|| view! { <p class="history-comment">{entry.comment.clone()}</p> })}
            {(!entry.changes.is_empty()).then(|| view! {
                <details class="history-changes">
                    <summary>{format!("{} ({})", i18n.t(ClaimText::HistoryChanges), entry.changes.len())}</summary>
                    <dl>{entry.changes.iter().map(|change| change_view(&i18n, change)).collect_view()}</dl>
                </details>
            })}
        </li>
    }
}

fn detail_view(i18n: &I18n, detail: &EventDetail) -> AnyView {
    match detail {
        EventDetail::InformationRequest { reasons, products_to_remove } => {
            let mut items: Vec<String> = reasons.iter().map(|reason| i18n.t(ClaimText::InformationReason(*reason)).to_string()).collect();
            if !products_to_remove.is_empty() {
                items.push(format!(
                    "{}: {}",
                    i18n.t(ClaimText::ProductsToRemoveLegend),
                    products_to_remove.iter().map(|product| product.display_name()).collect::<Vec<_>>().join(", ")
                ));
            }
            view! { <ul class="history-detail">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
        }
        EventDetail::Rejection { reason } => view! { <p class="history-detail">{texts::rejection_reason_text(i18n, reason)}</p> }.into_any(),
        EventDetail::Dispute { justification, poe_added } => {
            let mut text = justification.clone();
            if !poe_added.is_empty() {
                text = format!("{text} (+{} {})", poe_added.len(), i18n.t(ClaimText::SectionPoe));
            }
            view! { <p class="history-detail">{text}</p> }.into_any()
        }
        EventDetail::Link { claim } => view! {
            <p class="history-detail"><a href=Route::Claim(*claim).href()>{claim.to_string()}</a></p>
        }
        .into_any(),
    }
}

fn change_view(i18n: &I18n, change: &FieldChange) -> impl IntoView {
    let field = change
        .field
        .strip_prefix("fields.")
        .unwrap_or(&change.field)
        .replace(['_', '.'], " ");
    view! {
        <div class="change">
            <dt>{field}</dt>
            <dd>
                <span class="old">{json_text(i18n, &change.old)}</span>
                <span aria-hidden="true">" → "</span><span class="visually-hidden">" → "</span>
                <span class="new">{json_text(i18n, &change.new)}</span>
            </dd>
        </div>
    }
}

/// A JSON value as plain text: strings as they are, lists joined, objects as
/// `key: value` pairs, nothing as "(empty)".
fn json_text(i18n: &I18n, value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| json_text(i18n, item))
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => map
            .iter()
            .filter_map(|(key, value)| {
                let text = json_text(i18n, value);
                (!text.is_empty() && text != i18n.t(ClaimText::HistoryEmptyValue))
                    .then(|| format!("{key}: {text}"))
            })
            .collect::<Vec<_>>()
            .join("; "),
    };
    if text.trim().is_empty() {
        i18n.t(ClaimText::HistoryEmptyValue).to_string()
    } else {
        text
    }
}

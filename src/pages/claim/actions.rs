//! The actions panel: what the acting role may do now (each with a form for its
//! parameters), what it could do but the rules refuse now (with their reason), and the
//! rest under a disclosure. Drafts add "continue editing" and "delete".

use std::collections::BTreeSet;

use claim_rules::catalog::Product;
use claim_rules::history::{ActionKind, InformationReason};
use claim_rules::lifecycle::{self, Action, ActionAvailability, Refusal};
use claim_rules::model::{Actor, PoeDocument};
use leptos::prelude::*;

use super::{acting::parse_effective, failure_text, time_zone, use_claim, Failure};
use crate::components::poe::AddPoe;
use crate::i18n::rules::{
    action_name, actor_name, information_reason_name, PartnerReasonKind, ReviewerReasonKind,
};
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::route::{navigate, workspace, Route};
use crate::state::use_app;

/// Whether the panel offers this action (edits, PoE and comments have their own
/// sections; system transitions and creation are not actions).
fn shown_in_panel(kind: ActionKind) -> bool {
    match kind {
        ActionKind::Submit
        | ActionKind::StartReview
        | ActionKind::RequestInformation
        | ActionKind::Respond
        | ActionKind::Approve
        | ActionKind::Reject
        | ActionKind::CustomerDecline
        | ActionKind::RequestRejection
        | ActionKind::Dispute
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs => true,
        ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Comment
        | ActionKind::ConsentEnded
        | ActionKind::PartnerResponseExpired
        | ActionKind::StartedFrom => false,
    }
}

/// Refusals that only say "not in this status" or "not this role": listed under the
/// disclosure. Others (a closed window, missing items) are shown beside the action.
fn out_of_scope(refusal: &Refusal) -> bool {
    matches!(
        refusal.root_cause(),
        Refusal::WrongStatus { .. }
            | Refusal::WrongActor { .. }
            | Refusal::AlreadyArchived
            | Refusal::NotArchived
    )
}

/// The actions panel.
#[component]
pub fn ActionsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let availability = Memo::new(move |_| {
        let actor = context.actor.get();
        let now = state.now.get();
        context
            .claim
            .with(|claim| {
                claim
                    .as_ref()
                    .map(|claim| lifecycle::allowed_actions(claim, actor, now, &state.rules()))
            })
            .unwrap_or_default()
    });
    let open = RwSignal::new(None::<ActionKind>);
    // The action last recorded, worded when shown.
    let feedback = RwSignal::new(None::<ActionKind>);
    Effect::new(move |_| {
        context.actor.track();
        open.set(None);
    });
    let lists = move || {
        let all: Vec<ActionAvailability> = availability
            .get()
            .into_iter()
            .filter(|a| shown_in_panel(a.action))
            .collect();
        let allowed: Vec<ActionKind> = all
            .iter()
            .filter(|a| a.allowed.is_ok())
            .map(|a| a.action)
            .collect();
        let refused: Vec<(ActionKind, Refusal)> = all
            .into_iter()
            .filter_map(|a| a.allowed.err().map(|refusal| (a.action, refusal)))
            .collect();
        let (other, blocked): (Vec<_>, Vec<_>) = refused
            .into_iter()
            .partition(|(_, refusal)| out_of_scope(refusal));
        let nothing = allowed.is_empty() && blocked.is_empty();
        let other_count = other.len();
        view! {
            {nothing.then(|| view! { <p class="muted">{move || tr!(i18n, claim.actions.nothing_for_role)}</p> })}
            <ul class="action-list">
                {allowed.into_iter().map(|kind| view! { <ActionItem kind open feedback /> }).collect_view()}
                {blocked.into_iter().map(|(kind, refusal)| view! { <BlockedAction kind refusal /> }).collect_view()}
            </ul>
            {(other_count > 0).then(|| view! {
                <details class="not-now">
                    <summary>{move || tr!(i18n, claim.actions.not_available, count = i18n.number(other_count as i64))}</summary>
                    <ul>
                        {other.into_iter().map(|(kind, refusal)| view! {
                            <li data-action=kind.code()>
                                <strong>{move || tr!(i18n, common.label_colon, label = action_name(&i18n, kind))}</strong>
                                " " <span class="refusal">{move || rules::refusal(&i18n, &refusal, &time_zone())}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        }
    };
    // Continue editing and delete are for the partner, on claims the rules let be deleted.
    let is_partner_draft = Memo::new(move |_| {
        context.actor.get() == Actor::Partner
            && context.claim.with(|claim| {
                claim
                    .as_ref()
                    .is_some_and(|claim| lifecycle::can_delete(claim).is_ok())
            })
    });
    view! {
        <div class="actions">
            <p class="feedback" role="status">{move || feedback.get().map(|action| tr!(i18n, claim.actions.recorded, action = action_name(&i18n, action)))}</p>
            {lists}
            <Show when=move || is_partner_draft.get()>
                <DraftTools />
            </Show>
        </div>
    }
}

/// An action that is allowed: a button that opens its form.
#[component]
fn ActionItem(
    kind: ActionKind,
    open: RwSignal<Option<ActionKind>>,
    feedback: RwSignal<Option<ActionKind>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let is_open = move || open.get() == Some(kind);
    let form_id = format!("action-form-{}", kind.code());
    view! {
        <li class="action" data-action=kind.code() data-allowed="true">
            <button
                type="button"
                class="action-button"
                aria-expanded=move || if is_open() { "true" } else { "false" }
                aria-controls=form_id.clone()
                on:click=move |_| {
                    feedback.set(None);
                    open.update(|current| *current = if *current == Some(kind) { None } else { Some(kind) });
                }
            >
                {move || action_name(&i18n, kind)}
            </button>
            <div id=form_id>
                <Show when=is_open>
                    <ActionForm kind open feedback />
                </Show>
            </div>
        </li>
    }
}

/// An action the role could take, refused now, with the rules' reason.
#[component]
fn BlockedAction(kind: ActionKind, refusal: Refusal) -> impl IntoView {
    let i18n = use_i18n();
    let reason = if let Refusal::SubmitProblems { problems } = refusal.root_cause() {
        view! {
            <div class="refusal">
                <p>{move || tr!(i18n, claim.actions.fix_first)}</p>
                <ul>{problems.iter().cloned().map(|problem| view! { <li>{move || rules::problem(&i18n, &problem)}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    } else {
        let refusal = refusal.clone();
        view! { <p class="refusal">{move || rules::refusal(&i18n, &refusal, &time_zone())}</p> }
            .into_any()
    };
    let reason_id = format!("refusal-{}", kind.code());
    view! {
        <li class="action blocked" data-action=kind.code() data-allowed="false">
            <button type="button" class="action-button" aria-disabled="true" aria-describedby=reason_id.clone() disabled=true>
                <span aria-hidden="true">"⊘ "</span>
                {move || action_name(&i18n, kind)}
            </button>
            <div id=reason_id>{reason}</div>
        </li>
    }
}

/// The form of one action: its parameters, the effective time it will carry, and the
/// rules' refusal if it is refused.
#[component]
fn ActionForm(
    kind: ActionKind,
    open: RwSignal<Option<ActionKind>>,
    feedback: RwSignal<Option<ActionKind>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let reasons = RwSignal::new(BTreeSet::<InformationReason>::new());
    let comment = RwSignal::new(String::new());
    let remove = RwSignal::new(BTreeSet::<Product>::new());
    let reviewer_reason = RwSignal::new(None::<ReviewerReasonKind>);
    let partner_reason = RwSignal::new(None::<PartnerReasonKind>);
    let other = RwSignal::new(String::new());
    let poe = RwSignal::new(Vec::<PoeDocument>::new());
    let error = RwSignal::new(None::<Failure>);

    let build = move || -> Option<Action> {
        Some(match kind {
            ActionKind::Submit => Action::Submit,
            ActionKind::StartReview => Action::StartReview,
            ActionKind::RequestInformation => Action::RequestInformation {
                reasons: reasons.get_untracked().into_iter().collect(),
                comment: comment.get_untracked(),
                products_to_remove: remove.get_untracked().into_iter().collect(),
            },
            ActionKind::Respond => Action::Respond {
                comment: comment.get_untracked(),
            },
            ActionKind::Approve => Action::Approve,
            // No choice yet: an empty "other" lets the rules say a reason is needed.
            ActionKind::Reject => Action::Reject {
                reason: reviewer_reason
                    .get_untracked()
                    .unwrap_or(ReviewerReasonKind::Other)
                    .reason(other.get_untracked()),
            },
            ActionKind::CustomerDecline => Action::CustomerDecline,
            ActionKind::RequestRejection => Action::RequestRejection {
                reason: partner_reason
                    .get_untracked()
                    .unwrap_or(PartnerReasonKind::Other)
                    .reason(other.get_untracked()),
            },
            ActionKind::Dispute => Action::Dispute {
                justification: comment.get_untracked(),
                poe: poe.get_untracked(),
            },
            ActionKind::UpholdRejection => Action::UpholdRejection,
            ActionKind::OverturnRejection => Action::OverturnRejection,
            ActionKind::Archive => Action::Archive,
            ActionKind::Unarchive => Action::Unarchive,
            ActionKind::RestartedAs
            | ActionKind::Create
            | ActionKind::Edit
            | ActionKind::AddPoe
            | ActionKind::RemovePoe
            | ActionKind::Comment
            | ActionKind::ConsentEnded
            | ActionKind::PartnerResponseExpired
            | ActionKind::StartedFrom => return None,
        })
    };

    let here = workspace();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = if kind == ActionKind::RestartedAs {
            start_new_claim(&state, &context).map(|new_id| {
                navigate(Route::Claim(new_id).within(here));
            })
        } else {
            match build() {
                Some(action) => context.perform(&state, action).map(|_| ()),
                None => Ok(()),
            }
        };
        match result {
            Ok(()) => {
                error.set(None);
                feedback.set(Some(kind));
                open.set(None);
            }
            Err(failure) => error.set(Some(failure)),
        }
    };

    let when = move || {
        let typed = context.effective.get();
        let zone = jiff::tz::TimeZone::get(&time_zone()).unwrap_or(jiff::tz::TimeZone::UTC);
        match parse_effective(&typed, &zone) {
            Some(Ok(at)) => i18n.date_time(at, &time_zone()),
            None | Some(Err(())) => tr!(i18n, claim.actions.now),
        }
    };
    let prefix = format!("f-{}", kind.code());
    view! {
        <form class="action-form" on:submit=on_submit novalidate=true>
            {parameters(kind, &prefix, reasons, comment, remove, reviewer_reason, partner_reason, other, poe)}
            <p class="form-error" role="alert">{move || error.get().map(|failure| failure_text(&i18n, &failure, &time_zone()))}</p>
            <div class="form-buttons">
                <button type="submit" class="primary">{move || tr!(i18n, claim.actions.record_as, actor = actor_name(&i18n, context.actor.get()), when = when())}</button>
                <button type="button" class="secondary" on:click=move |_| open.set(None)>{move || tr!(i18n, common.cancel)}</button>
            </div>
        </form>
    }
}

/// The inputs an action needs.
#[allow(clippy::too_many_arguments)]
fn parameters(
    kind: ActionKind,
    prefix: &str,
    reasons: RwSignal<BTreeSet<InformationReason>>,
    comment: RwSignal<String>,
    remove: RwSignal<BTreeSet<Product>>,
    reviewer_reason: RwSignal<Option<ReviewerReasonKind>>,
    partner_reason: RwSignal<Option<PartnerReasonKind>>,
    other: RwSignal<String>,
    poe: RwSignal<Vec<PoeDocument>>,
) -> AnyView {
    let i18n = use_i18n();
    match kind {
        ActionKind::RequestInformation => view! {
            <fieldset class="checks">
                <legend>{move || tr!(i18n, claim.actions.reasons_legend)}</legend>
                {InformationReason::ALL.into_iter().map(|reason| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || reasons.with(|set| set.contains(&reason))
                            on:change=move |event| {
                                let checked = event_target_checked(&event);
                                reasons.update(|set| { if checked { set.insert(reason); } else { set.remove(&reason); } });
                            } />
                        <span>{move || information_reason_name(&i18n, reason)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <TextArea id=format!("{prefix}-comment") label=|i18n| tr!(i18n, claim.actions.comment) value=comment />
            <ProductsToRemove remove />
        }
        .into_any(),
        ActionKind::Respond => view! { <TextArea id=format!("{prefix}-comment") label=|i18n| tr!(i18n, claim.actions.respond_comment) value=comment /> }.into_any(),
        ActionKind::Reject => {
            let options = ReviewerReasonKind::ALL.to_vec();
            view! {
                <ReasonSelect id=format!("{prefix}-reason") options name=|i18n, reason: ReviewerReasonKind| reason.name(i18n) choice=reviewer_reason />
                <Show when=move || reviewer_reason.get() == Some(ReviewerReasonKind::Other)>
                    <TextArea id="f-reject-other".to_string() label=|i18n| tr!(i18n, claim.actions.other_reason) value=other />
                </Show>
            }
            .into_any()
        }
        ActionKind::RequestRejection => {
            let options = PartnerReasonKind::ALL.to_vec();
            view! {
                <ReasonSelect id=format!("{prefix}-reason") options name=|i18n, reason: PartnerReasonKind| reason.name(i18n) choice=partner_reason />
                <Show when=move || partner_reason.get() == Some(PartnerReasonKind::Other)>
                    <TextArea id="f-request-rejection-other".to_string() label=|i18n| tr!(i18n, claim.actions.other_reason) value=other />
                </Show>
            }
            .into_any()
        }
        ActionKind::Dispute => view! {
            <TextArea id=format!("{prefix}-justification") label=|i18n| tr!(i18n, claim.actions.justification) value=comment />
            <AddPoe input_id=format!("{prefix}-poe") label=|i18n| tr!(i18n, claim.actions.dispute_poe) on_added=move |document| { poe.update(|list| list.push(document)); true } />
        }
        .into_any(),
        ActionKind::Submit
        | ActionKind::StartReview
        | ActionKind::Approve
        | ActionKind::CustomerDecline
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Comment
        | ActionKind::ConsentEnded
        | ActionKind::PartnerResponseExpired
        | ActionKind::StartedFrom => ().into_any(),
    }
}

/// A labelled text area bound to `value`; `label` words the label.
#[component]
pub(super) fn TextArea(
    id: String,
    label: fn(&I18n) -> String,
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(&i18n)}</label>
            <textarea id=id rows="3" prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event))></textarea>
        </div>
    }
}

/// A labelled select of reasons; `name` words each.
#[component]
fn ReasonSelect<T>(
    id: String,
    options: Vec<T>,
    name: fn(&I18n, T) -> String,
    choice: RwSignal<Option<T>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let lookup = options.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{move || tr!(i18n, claim.actions.reason)}</label>
            <select id=id on:change=move |event| {
                let value = event_target_value(&event);
                choice.set(value.parse::<usize>().ok().and_then(|index| lookup.get(index)).copied());
            }>
                <option value="" selected=true>{move || tr!(i18n, claim.actions.choose_reason)}</option>
                {options.into_iter().enumerate().map(|(index, reason)| view! {
                    <option value=index.to_string()>{move || name(&i18n, reason)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Checkboxes of the claimed products, for the reviewer to ask to remove some.
#[component]
fn ProductsToRemove(remove: RwSignal<BTreeSet<Product>>) -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let products: Vec<Product> = context.claim.with_untracked(|claim| {
        claim
            .as_ref()
            .map(|claim| claim.fields.products.iter().map(|p| p.product).collect())
            .unwrap_or_default()
    });
    (!products.is_empty()).then(|| {
        view! {
            <fieldset class="checks">
                <legend>{move || tr!(i18n, claim.actions.products_to_remove)}</legend>
                {products.into_iter().map(|product| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || remove.with(|set| set.contains(&product))
                            on:change=move |event| {
                                let checked = event_target_checked(&event);
                                remove.update(|set| { if checked { set.insert(product); } else { set.remove(&product); } });
                            } />
                        <span>{product.display_name()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
        }
    })
}

/// Start a new draft from this rejected claim (the rules decide whether it may be), store
/// both, and return the new draft's ID.
fn start_new_claim(
    state: &crate::state::AppState,
    context: &super::ClaimContext,
) -> Result<uuid::Uuid, Failure> {
    let at = context.effective_at(state)?;
    let new_id = state
        .start_new_claim_from(context.id, at)
        .map_err(Failure::Change)?
        .id;
    Ok(new_id)
}

/// For a partner's draft: continue in the wizard, or delete it (after confirming).
#[component]
fn DraftTools() -> impl IntoView {
    let here = workspace();
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<Failure>);
    let delete = move |_| match state.delete(context.id) {
        Ok(()) => navigate(Route::Dashboard.within(here)),
        Err(problem) => error.set(Some(Failure::Change(problem))),
    };
    view! {
        <div class="draft-tools">
            <a class="button primary" href=Route::EditDraft(context.id).within(here).href()>{move || tr!(i18n, claim.actions.continue_editing)}</a>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="danger-outline" on:click=move |_| confirming.set(true)>{move || tr!(i18n, claim.actions.delete_draft)}</button>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="delete-question">
                    <p id="delete-question">{move || tr!(i18n, claim.actions.delete_confirm)}</p>
                    <button type="button" class="danger" on:click=delete>{move || tr!(i18n, claim.actions.delete_yes)}</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{move || tr!(i18n, common.cancel)}</button>
                </div>
            </Show>
            <p class="form-error" role="alert">{move || error.get().map(|failure| failure_text(&i18n, &failure, &time_zone()))}</p>
        </div>
    }
}

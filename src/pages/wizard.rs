//! The new-claim wizard, in Partner Center's order: partner and customer → solution area
//! and activity → products → contacts → proof of execution → review and submit.
//!
//! Drafts save as the partner types ([`draft`]); every field shows its messages beside it
//! (from `claim_rules::validation`); the review step lists what is still missing, each
//! item a button that opens the step and focuses the field. Any step can be opened
//! directly; the address (`#/claim/<id>/edit?step=…`) resumes the draft after a reload.

mod activity;
mod contacts;
mod draft;
mod evidence;
mod partner;
mod products;
mod review;
mod stepper;
mod steps;
mod text;

use claim_rules::lifecycle;
use leptos::prelude::*;
use uuid::Uuid;

use crate::clock::query_param;
use crate::components::conflict::ConflictChoice;
use crate::i18n::{tr, use_i18n};
use crate::route::{navigate, workspace, Route, Workspace};
use crate::state::{use_app, Persisted};
use draft::{Draft, SaveState};
use steps::Step;

/// The wizard for a new draft (`None`) or an existing one.
#[component]
pub fn Wizard(draft: Option<Uuid>) -> impl IntoView {
    let state = use_app();
    if let Some(id) = draft {
        // The rules say which claims the wizard edits (drafts); others open elsewhere.
        match state.claims.with_untracked(|claims| {
            claims
                .iter()
                .find(|c| c.id == id)
                .map(lifecycle::opens_in_wizard)
        }) {
            None => return view! { <NotADraft id found=false /> }.into_any(),
            Some(true) => {}
            Some(false) => return view! { <NotADraft id found=true /> }.into_any(),
        }
    }
    let draft = Draft::new(state, draft, step_in_address().unwrap_or(Step::Partner));
    provide_context(draft);
    Effect::new(move |_| {
        draft.step.track();
        draft.id.track();
        draft.show_address();
    });
    // Whatever is typed but not yet saved is saved when the wizard closes or the page is
    // left (a reload does not fire `change` on the focused field). On leaving, the change
    // is also rescued at once: the database write would not finish (the app's own rescue
    // listener ran before this one, without it).
    let app = use_app();
    let pagehide = window_event_listener_untyped("pagehide", move |_| {
        draft.flush();
        app.rescue_unsaved();
    });
    on_cleanup(move || {
        pagehide.remove();
        draft.flush();
    });
    view! {
        <div class="wizard">
            <WizardHeader />
            {move || draft.conflict.get().map(|(patches, conflicts)| view! {
                <div class="wizard-conflict">
                    <ConflictChoice
                        patches
                        conflicts
                        on_settle=Callback::new(move |(patches, choices)| draft.settle(patches, choices))
                        id_prefix="wizard-conflict"
                    />
                </div>
            })}
            <div class="wizard-body">
                <stepper::Stepper />
                <section class="wizard-step" aria-labelledby=stepper::STEP_TITLE_ID>
                    <stepper::StepHeading />
                    {move || match draft.step.get() {
                        Step::Partner => view! { <partner::PartnerStep /> }.into_any(),
                        Step::Activity => view! { <activity::ActivityStep /> }.into_any(),
                        Step::Products => view! { <products::ProductsStep /> }.into_any(),
                        Step::Contacts => view! { <contacts::ContactsStep /> }.into_any(),
                        Step::Poe => view! { <evidence::PoeStep /> }.into_any(),
                        Step::Review => view! { <review::ReviewStep /> }.into_any(),
                    }}
                    <stepper::StepNav />
                </section>
            </div>
        </div>
    }
    .into_any()
}

/// The wizard's state, from context.
fn use_draft() -> Draft {
    expect_context::<Draft>()
}

/// The step named in the address (`#/claim/<id>/edit?step=products`).
fn step_in_address() -> Option<Step> {
    let hash = window().location().hash().ok()?;
    let (_, query) = hash.split_once('?')?;
    Step::from_code(&query_param(query, "step")?)
}

/// The title, the save status and deleting the draft.
#[component]
fn WizardHeader() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let title = move || match draft.claim() {
        None => tr!(i18n, wizard.new_claim_title),
        Some(claim) if claim.fields.name.trim().is_empty() => tr!(i18n, wizard.untitled_draft),
        Some(claim) => claim.fields.name,
    };
    let delete_problem = RwSignal::new(None::<crate::state::ChangeError>);
    let here = workspace();
    let delete = move |_| {
        let confirmed = window()
            .confirm_with_message(&tr!(i18n, wizard.confirm_delete))
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        match draft.delete() {
            Ok(()) => navigate(Route::Dashboard.within(here)),
            Err(error) => delete_problem.set(Some(error)),
        }
    };
    view! {
        <header class="wizard-header">
            <div class="wizard-title">
                <p class="wizard-kicker">{move || tr!(i18n, wizard.kicker)}</p>
                <h1>{title}</h1>
            </div>
            <div class="wizard-tools">
                <SaveStatus />
                <Show when=move || draft.id.get().is_some()>
                    <button type="button" class="button secondary small danger" on:click=delete>
                        {move || tr!(i18n, wizard.delete_draft)}
                    </button>
                </Show>
            </div>
        </header>
        {move || delete_problem.get().map(|problem| view! { <p class="banner error" role="alert">{move || draft::describe_error_with(i18n, &problem, &draft.time_zone())}</p> })}
    }
}

/// "Saving…" / "All changes saved", told in words with a marker, never by colour alone.
#[component]
fn SaveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let state = use_app();
    // "Saved" only once the draft's write has reached storage.
    let stored = move || match draft.id.get() {
        None => Persisted::Stored,
        Some(id) => state.persisted(id),
    };
    let kind = move || match (draft.save.get(), stored()) {
        (SaveState::Empty, _) => "empty",
        (SaveState::Pending, _) | (SaveState::Saved, Persisted::Saving) => "pending",
        (SaveState::Saved, Persisted::Stored) => "saved",
        (SaveState::Failed(_), _) | (SaveState::Saved, Persisted::NotSaved) => "failed",
    };
    let text = move || match (draft.save.get(), stored()) {
        (SaveState::Empty, _) => tr!(i18n, wizard.save_empty),
        (SaveState::Pending, _) | (SaveState::Saved, Persisted::Saving) => {
            tr!(i18n, wizard.save_pending)
        }
        (SaveState::Saved, Persisted::Stored) => tr!(i18n, wizard.save_done),
        (SaveState::Saved, Persisted::NotSaved) => tr!(i18n, store.claim_not_saved),
        (SaveState::Failed(error), _) => {
            tr!(
                i18n,
                wizard.save_failed,
                why = draft::describe_error_with(i18n, &error, &draft.time_zone())
            )
        }
    };
    view! {
        <p class="save-status" data-state=kind role="status">
            <span class="save-marker" aria-hidden="true"></span>
            <span>{text}</span>
        </p>
    }
}

/// What the wizard shows for an address whose claim is not a draft (or does not exist).
#[component]
fn NotADraft(id: Uuid, found: bool) -> impl IntoView {
    let i18n = use_i18n();
    let here = workspace();
    view! {
        <div class="wizard-gone">
            <h1>{move || if found { tr!(i18n, wizard.not_a_draft_title) } else { tr!(i18n, wizard.no_draft_title) }}</h1>
            <p>{move || if found { tr!(i18n, wizard.not_a_draft_text) } else { tr!(i18n, wizard.no_draft_text) }}</p>
            <p class="actions">
                {found.then(|| view! { <a class="button" href=Route::Claim(id).within(here).href()>{move || tr!(i18n, wizard.open_claim)}</a> })}
                // New claims are real ones: training starts its claims from scenarios.
                {(here == Workspace::Work).then(|| view! { <a class="button secondary" href=Route::NewClaim.href()>{move || tr!(i18n, wizard.start_new)}</a> })}
            </p>
        </div>
    }
}

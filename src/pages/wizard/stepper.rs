//! Moving between steps: the stepper (an ordered list, the current step marked with
//! `aria-current="step"`), the step's heading, and Back / Next.

use claim_rules::validation;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::draft::Draft;
use super::steps::Step;
use super::use_draft;
use crate::i18n::{tr, use_i18n};

/// The element ID of the current step's heading (focused when the step changes).
pub const STEP_TITLE_ID: &str = "wizard-step-title";

/// Open `step` and move focus to `focus` (an element ID), or to the step's heading, so
/// keyboard and screen-reader users land where the new content starts.
pub fn go_to(draft: Draft, step: Step, focus: Option<String>) {
    draft.commit();
    draft.step.set(step);
    // The step's controls exist once the view has updated, which happens before the next
    // frame is drawn.
    request_animation_frame(move || {
        let target = focus
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| STEP_TITLE_ID.to_string());
        let element = document()
            .get_element_by_id(&target)
            .or_else(|| document().get_element_by_id(STEP_TITLE_ID));
        if let Some(element) =
            element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Per step: how many problems are shown for it, and whether it is complete (nothing in
/// it stops the claim from being submitted).
fn step_states(draft: Draft) -> Memo<Vec<(Step, usize, bool)>> {
    Memo::new(move |_| {
        let shown = draft.problems.get();
        let missing = validation::submit_problems(&draft.preview());
        Step::ALL
            .into_iter()
            .map(|step| {
                // On the step being filled in, its fields show their own messages once
                // left; counting them in the stepper while typing would only nag.
                let counted = step != draft.step.get() || draft.reveals_all();
                let count = if counted {
                    shown
                        .iter()
                        .filter(|problem| step.owns(&problem.field))
                        .count()
                } else {
                    0
                };
                let complete = step != Step::Review
                    && !missing.iter().any(|problem| step.owns(&problem.field));
                (step, count, complete)
            })
            .collect()
    })
}

/// The list of steps; each opens its step. On phones it shrinks to numbered buttons with
/// the current step's name.
#[component]
pub fn Stepper() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let states = step_states(draft);
    view! {
        <nav class="stepper" aria-label=move || tr!(i18n, wizard.steps_label)>
            <ol>
                {move || {
                    states
                        .get()
                        .into_iter()
                        .map(|(step, count, complete)| {
                            let current = move || draft.step.get() == step;
                            let attention = count > 0;
                            let done = complete && !attention;
                            let state_text = move || if count > 0 {
                                tr!(i18n, wizard.to_fix, count = count as i64, n = i18n.number(count as i64))
                            } else if complete {
                                tr!(i18n, wizard.complete)
                            } else {
                                String::new()
                            };
                            let marker = if count > 0 {
                                "!".to_string()
                            } else if complete {
                                "✓".to_string()
                            } else {
                                step.number().to_string()
                            };
                            view! {
                                <li
                                    class="stepper-item"
                                    class:current=current
                                    class:complete=done
                                    class:attention=attention
                                >
                                    <button
                                        type="button"
                                        aria-current=move || current().then_some("step")
                                        on:click=move |_| go_to(draft, step, None)
                                    >
                                        <span class="stepper-marker" aria-hidden="true">
                                            {marker}
                                        </span>
                                        <span class="stepper-text">
                                            <span class="stepper-label">
                                                <span class="sr-only">{move || tr!(i18n, wizard.step_number, n = i18n.number(step.number() as i64))} " "</span>
                                                {move || step.title(&i18n)}
                                            </span>
                                            <span class="stepper-state">{state_text}</span>
                                        </span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}

/// "Step 2 of 6" and the step's title; focusable so moving between steps can put focus here.
#[component]
pub fn StepHeading() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let position = move || {
        let step = draft.step.get();
        tr!(
            i18n,
            wizard.step_of,
            n = i18n.number(step.number() as i64),
            total = i18n.number(Step::ALL.len() as i64)
        )
    };
    view! {
        <p class="step-position">{position}</p>
        <h2 id=STEP_TITLE_ID tabindex="-1">
            {move || draft.step.get().title(&i18n)}
        </h2>
    }
}

/// Back and Next, naming the step each leads to.
#[component]
pub fn StepNav() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    view! {
        <div class="wizard-nav">
            {move || {
                draft.step.get().previous().map(|previous| {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| go_to(draft, previous, None)>
                            <span aria-hidden="true">"← "</span>
                            {move || tr!(i18n, wizard.back_to, step = previous.title(&i18n))}
                        </button>
                    }
                })
            }}
            <span class="wizard-nav-spacer"></span>
            {move || {
                draft.step.get().next().map(|next| {
                    view! {
                        <button type="button" class="button primary" on:click=move |_| go_to(draft, next, None)>
                            {move || tr!(i18n, wizard.next_to, step = next.title(&i18n))}
                            <span aria-hidden="true">" →"</span>
                        </button>
                    }
                })
            }}
        </div>
    }
}

//! The comment thread and the form to add to it (as the acting role).

use claim_rules::history::ActionKind;
use claim_rules::lifecycle::{self, Action};
use claim_rules::validation::{comment_length, comment_problems, COMMENT_MAX_CHARS};
use leptos::prelude::*;

use super::{failure_text, time_zone, use_claim, Failure};
use crate::i18n::rules::actor_name;
use crate::i18n::{rules, tr, use_i18n, I18n};
use crate::state::use_app;

/// The comments section.
#[component]
pub fn Comments() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let state = use_app();
    let comments = Memo::new(move |_| {
        context.claim.with(|claim| {
            claim
                .as_ref()
                .map(|claim| claim.comments.clone())
                .unwrap_or_default()
        })
    });
    let allowed = Memo::new(move |_| {
        let actor = context.actor.get();
        let now = state.now.get();
        context.claim.with(|claim| {
            claim.as_ref().map(|claim| {
                lifecycle::allowed_actions(claim, actor, now, &state.rules())
                    .into_iter()
                    .find(|availability| availability.action == ActionKind::Comment)
                    .map_or(Ok(()), |availability| availability.allowed)
            })
        })
    });
    let text = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let error = RwSignal::new(None::<Failure>);
    let problems = move || text.with(|text| comment_problems(text));
    // Counted as the rules count (trimmed), so the count and the refusal agree.
    let left = move || COMMENT_MAX_CHARS as i64 - text.with(|text| comment_length(text)) as i64;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        tried.set(true);
        if !problems().is_empty() {
            return;
        }
        match context.perform(
            &state,
            Action::Comment {
                text: text.get_untracked(),
            },
        ) {
            Ok(_) => {
                text.set(String::new());
                tried.set(false);
                error.set(None);
            }
            Err(failure) => error.set(Some(failure)),
        }
    };
    view! {
        <div class="comments">
            {move || {
                let comments = comments.get();
                if comments.is_empty() {
                    return view! { <p class="muted">{move || tr!(i18n, claim.comments.none)}</p> }.into_any();
                }
                view! {
                    <ol class="comment-list">
                        {comments.into_iter().map(|comment| view! {
                            <li class="comment" data-author=comment.author.code()>
                                <p class="comment-meta">
                                    <strong>{move || actor_name(&i18n, comment.author)}</strong>
                                    " · " <span>{move || i18n.date_time(comment.at, &time_zone())}</span>
                                </p>
                                <p class="comment-text">{comment.text.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {move || match allowed.get() {
                Some(Ok(())) => view! {
                    <form class="comment-form" on:submit=submit novalidate=true>
                        <label for="new-comment">{move || tr!(i18n, claim.comments.new)}</label>
                        <textarea
                            id="new-comment"
                            rows="3"
                            aria-describedby="new-comment-count new-comment-error"
                            aria-invalid=move || (tried.get() && !problems().is_empty()).then_some("true")
                            prop:value=move || text.get()
                            on:input=move |event| text.set(event_target_value(&event))
                        ></textarea>
                        <p id="new-comment-count" class="hint small" data-over=move || (left() < 0).then_some("true")>{move || chars_left_text(&i18n, left())}</p>
                        <p id="new-comment-error" class="field-error" role="alert">
                            {move || if tried.get() { rules::sentences(&i18n, problems().iter().map(|problem| rules::problem(&i18n, problem))) } else { String::new() }}
                            {move || error.get().map(|failure| failure_text(&i18n, &failure, &time_zone()))}
                        </p>
                        <button type="submit" class="primary">{move || tr!(i18n, claim.comments.add)}</button>
                    </form>
                }.into_any(),
                Some(Err(refusal)) => view! { <p class="refusal">{move || rules::refusal(&i18n, &refusal, &time_zone())}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

/// "3,990 characters left", or how many too many.
fn chars_left_text(i18n: &I18n, left: i64) -> String {
    if left >= 0 {
        tr!(
            i18n,
            claim.comments.chars_left,
            count = left,
            chars = i18n.number(left)
        )
    } else {
        tr!(
            i18n,
            claim.comments.chars_over,
            count = -left,
            chars = i18n.number(-left)
        )
    }
}

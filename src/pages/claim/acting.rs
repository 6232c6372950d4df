//! The "acting as" switch (partner, reviewer, customer) and the effective time of what is
//! recorded: the user records what happened in Partner Center, as whoever did it, when
//! it happened.

use claim_rules::model::Actor;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use leptos::prelude::*;

use super::{time_zone, use_claim};
use crate::i18n::rules::actor_name;
use crate::i18n::{tr, use_i18n};

/// The roles the user can record as, in the switch's order.
const ROLES: [Actor; 3] = [Actor::Partner, Actor::Reviewer, Actor::Customer];

/// Read a `datetime-local` value (`2026-11-20T10:00`) as a local time in `zone`.
/// `None` for an empty input (meaning now); `Some(Err(()))` when it cannot be read.
pub(super) fn parse_effective(typed: &str, zone: &TimeZone) -> Option<Result<Timestamp, ()>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    Some(
        typed
            .parse::<DateTime>()
            .ok()
            .and_then(|local| local.to_zoned(zone.clone()).ok())
            .map(|zoned| zoned.timestamp())
            .ok_or(()),
    )
}

fn role_code(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "partner",
        Actor::Reviewer => "reviewer",
        Actor::Customer => "customer",
        Actor::System => "system",
    }
}

/// The switch and the effective-time input.
#[component]
pub fn ActingAs() -> impl IntoView {
    let i18n = use_i18n();
    let context = use_claim();
    let invalid = move || {
        let typed = context.effective.get();
        let zone = TimeZone::get(&time_zone()).unwrap_or(TimeZone::UTC);
        matches!(parse_effective(&typed, &zone), Some(Err(())))
    };
    let roles = ROLES
        .into_iter()
        .map(|actor| {
            let id = format!("acting-{}", role_code(actor));
            view! {
                <label class="role-option" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name="acting-as"
                        value=role_code(actor)
                        prop:checked=move || context.actor.get() == actor
                        on:change=move |_| context.actor.set(actor)
                    />
                    <span>{move || actor_name(&i18n, actor)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="acting">
            <fieldset class="role-switch">
                <legend>{move || tr!(i18n, claim.acting.acting_as)}</legend>
                <div class="role-options">{roles}</div>
                <p class="hint small">{move || tr!(i18n, claim.acting.hint)}</p>
            </fieldset>
            <div class="effective">
                <label for="effective-at">{move || tr!(i18n, claim.acting.effective_time)}</label>
                <div class="effective-row">
                    <input
                        id="effective-at"
                        type="datetime-local"
                        aria-describedby="effective-hint effective-error"
                        aria-invalid=move || invalid().then_some("true")
                        prop:value=move || context.effective.get()
                        on:input=move |event| context.effective.set(event_target_value(&event))
                        on:change=move |event| context.effective.set(event_target_value(&event))
                    />
                    <button type="button" class="secondary" on:click=move |_| context.effective.set(String::new()) disabled=move || context.effective.with(String::is_empty)>
                        {move || tr!(i18n, claim.acting.use_current_time)}
                    </button>
                </div>
                <p id="effective-hint" class="hint small">{move || tr!(i18n, claim.acting.effective_time_hint, zone = time_zone())}</p>
                <p id="effective-error" class="field-error" role="alert">
                    {move || invalid().then(|| tr!(i18n, claim.acting.effective_time_invalid))}
                </p>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use jiff::tz::TimeZone;

    use wasm_bindgen_test::wasm_bindgen_test;

    use super::parse_effective;

    #[wasm_bindgen_test]
    fn effective_time_is_read_in_the_calendar_zone() {
        let zone = TimeZone::get("America/Los_Angeles").unwrap_or(TimeZone::UTC);
        let at = parse_effective("2026-11-20T10:00", &zone)
            .and_then(Result::ok)
            .map(|at| at.to_string());
        assert_eq!(at.as_deref(), Some("2026-11-20T18:00:00Z"));
        assert_eq!(parse_effective("  ", &zone), None);
        assert_eq!(parse_effective("2026-13-40T10:00", &zone), Some(Err(())));
    }
}

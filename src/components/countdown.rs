//! Live countdowns to a claim's deadlines.
//!
//! [`countdown_text`] turns the rules' [`Remaining`] into words: minutes and seconds when
//! under an hour, otherwise days and hours; business days first for clocks that count
//! them; "Overdue by …" past the deadline (said in words, not only by colour).
//! [`Countdown`] shows one clock at the app clock's time, refreshed every second.

use claim_rules::deadlines::{ClockKind, ClockState, Deadline, Remaining, Rules};
use leptos::prelude::*;

use crate::i18n::time as texts;
use crate::i18n::{rules, use_i18n, I18n};
use crate::state::use_app;

/// A countdown in words, for a clock of `kind` under `rules`:
/// "3 business days left (4d 5h)", "6d 2h left", "42m 7s left",
/// "Overdue by 1 business day (1d 3h)" (the spans in the language's own short units).
///
/// Under an hour the business days are left out (the seconds say it all).
pub fn countdown_text(
    i18n: &I18n,
    remaining: &Remaining,
    kind: ClockKind,
    rules: &Rules,
) -> String {
    let seconds = remaining.duration.as_secs();
    let main = i18n.span(seconds);
    let business = (seconds >= 3_600 && rules.counts_business_days(kind))
        .then(|| texts::business_days_text(i18n, remaining.business_days));
    if remaining.overdue {
        texts::countdown_overdue(i18n, main, business)
    } else {
        texts::countdown_left(i18n, main, business)
    }
}

/// A clock face (16×16 path).
const CLOCK_ICON: &str = "M8 1a7 7 0 110 14A7 7 0 018 1zm0 2a5 5 0 100 10A5 5 0 008 3zm-1 1.5h2v3.1l2.2 1.3-1 1.7L7 8.7z";
/// A warning triangle.
const WARNING_ICON: &str = "M8 1l7 13H1zM7 6v4h2V6zm0 5v2h2v-2z";
/// Two pause bars.
const PAUSE_ICON: &str = "M3 2h3.5v12H3zm6.5 0H13v12H9.5z";
/// A small dot.
const ENDED_ICON: &str = "M8 5a3 3 0 110 6 3 3 0 010-6z";

/// How urgent a live countdown is, for its look (`data-urgency`): the words say the same.
fn urgency(remaining: &Remaining) -> &'static str {
    if remaining.overdue {
        "overdue"
    } else if remaining.duration.as_secs() < 86_400 {
        "soon"
    } else {
        "running"
    }
}

/// One clock's countdown at the app clock's time, with an icon and a state in words;
/// overdue in red and said as "Overdue by …". Clocks that have ended show how they ended.
/// Clocks where the partner must act are marked (`data-partner-acts`).
#[component]
pub fn Countdown(deadline: Deadline) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind = deadline.kind;
    let view_now = move || {
        let now = state.now.get();
        let rules = state.rules();
        let zone = rules.policy().calendar.time_zone.clone();
        let clock_state = deadline.state(now);
        let remaining = deadline.remaining(now, rules.calendar());
        let (urgency, icon, text) = match (clock_state, remaining) {
            (ClockState::Paused { .. }, Some(remaining)) => {
                let left = countdown_text(&i18n, &remaining, kind, &rules);
                ("paused", PAUSE_ICON, texts::countdown_paused(&i18n, left))
            }
            (_, Some(remaining)) => {
                let icon = if remaining.overdue {
                    WARNING_ICON
                } else {
                    CLOCK_ICON
                };
                (
                    urgency(&remaining),
                    icon,
                    countdown_text(&i18n, &remaining, kind, &rules),
                )
            }
            (other, None) => (
                "ended",
                ENDED_ICON,
                rules::clock_state(&i18n, &other, &zone),
            ),
        };
        view! {
            <span class="countdown" data-urgency=urgency data-partner-acts=kind.partner_acts().then_some("true")>
                <svg class="countdown-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d=icon fill="currentColor" fill-rule="evenodd" />
                </svg>
                <span class="countdown-text">{text}</span>
            </span>
        }
    };
    view! { <span role="timer" class="countdown-wrap">{view_now}</span> }
}

#[cfg(test)]
mod tests {
    use claim_rules::deadlines::{ClockKind, Remaining, Rules};
    use claim_rules::policy::Policy;
    use jiff::{SignedDuration, Timestamp};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::countdown_text;
    use crate::i18n::{I18n, Locale};

    fn rules() -> Rules {
        Rules::new(Policy::default()).unwrap()
    }

    fn remaining(overdue: bool, business_days: i64, seconds: i64) -> Remaining {
        Remaining {
            overdue,
            business_days,
            duration: SignedDuration::from_secs(seconds),
            due: Timestamp::UNIX_EPOCH,
        }
    }

    #[wasm_bindgen_test]
    fn business_day_clocks_show_business_days_then_days_and_hours() {
        let i18n = I18n::new(Locale::en);
        let policy = rules();
        let text = countdown_text(
            &i18n,
            &remaining(false, 6, 10 * 86_400 + 14 * 3_600 + 59),
            ClockKind::PartnerResponse,
            &policy,
        );
        assert_eq!(text, "6 business days left (10d 14h)");
        let text = countdown_text(
            &i18n,
            &remaining(false, 1, 5 * 3_600),
            ClockKind::ReviewStart,
            &policy,
        );
        assert_eq!(text, "1 business day left (5h)");
    }

    #[wasm_bindgen_test]
    fn under_an_hour_shows_minutes_and_seconds() {
        let i18n = I18n::new(Locale::en);
        let text = countdown_text(
            &i18n,
            &remaining(false, 1, 42 * 60 + 7),
            ClockKind::PartnerResponse,
            &rules(),
        );
        assert_eq!(text, "42m 7s left");
        let text = countdown_text(
            &i18n,
            &remaining(true, 1, 59),
            ClockKind::ReviewDecision,
            &rules(),
        );
        assert_eq!(text, "Overdue by 0m 59s");
    }

    #[wasm_bindgen_test]
    fn overdue_is_said_in_words() {
        let i18n = I18n::new(Locale::en);
        let text = countdown_text(
            &i18n,
            &remaining(true, 2, 2 * 86_400 + 3_600),
            ClockKind::DisputeReview,
            &rules(),
        );
        assert_eq!(text, "Overdue by 2 business days (2d 1h)");
    }

    #[wasm_bindgen_test]
    fn calendar_day_clocks_show_days_and_hours_only() {
        let i18n = I18n::new(Locale::en);
        let policy = rules();
        let text = countdown_text(
            &i18n,
            &remaining(false, 21, 29 * 86_400 + 13 * 3_600),
            ClockKind::DisputeWindow,
            &policy,
        );
        assert_eq!(text, "29d 13h left");
    }

    #[wasm_bindgen_test]
    fn countdowns_follow_each_languages_plural_rules_and_units() {
        let policy = rules();
        let text = |locale, days, seconds| {
            countdown_text(
                &I18n::new(locale),
                &remaining(false, days, seconds),
                ClockKind::PartnerResponse,
                &policy,
            )
        };
        assert_eq!(text(Locale::de, 1, 5 * 3_600), "noch 1 Werktag (5 Std.)");
        assert_eq!(
            text(Locale::de, 3, 4 * 86_400),
            "noch 3 Werktage (4 Tg., 0 Std.)"
        );
        assert_eq!(text(Locale::sv, 1, 5 * 3_600), "1 arbetsdag kvar (5 tim)");
        assert_eq!(
            text(Locale::sv, 2, 2 * 86_400),
            "2 arbetsdagar kvar (2 d, 0 tim)"
        );
        assert_eq!(text(Locale::nl, 1, 5 * 3_600), "nog 1 werkdag (5 uur)");
        assert_eq!(
            text(Locale::zh_Hans, 2, 2 * 86_400 + 5 * 3_600),
            "剩余 2 个工作日（2天5小时）"
        );
    }
}

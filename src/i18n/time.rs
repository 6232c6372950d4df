//! Texts about time: deadlines, countdowns and the state of a clock.
//!
//! Deadlines count in the calendar's zone (the settings'), whatever the browser's zone. A
//! deadline at a local midnight reads as the end of the day before ("Due by end of Mon,
//! Nov 30, 2026"). When the viewer's browser is in a zone whose clocks read differently at
//! that instant, the text names the calendar's place and adds the viewer's own time: "Due
//! by end of Mon 30 Nov in Los Angeles (Tue 1 Dec, 09:00 your time)".

use std::sync::OnceLock;

use claim_rules::deadlines::day_ended_by;
use claim_rules::history::ActionKind;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::intl::{browser_time_zone, zone_place};
use super::rules::action_name;
use super::{tr, I18n};

/// The browser's zone, read once (it does not change while the page is open).
pub fn viewer_zone() -> Option<&'static str> {
    static ZONE: OnceLock<Option<String>> = OnceLock::new();
    ZONE.get_or_init(browser_time_zone).as_deref()
}

/// The viewer's zone, when its clocks read differently from `calendar_zone`'s at `at`.
pub fn differing_viewer_zone(at: Timestamp, calendar_zone: &str) -> Option<&'static str> {
    let viewer = viewer_zone()?;
    let (Ok(theirs), Ok(ours)) = (TimeZone::get(calendar_zone), TimeZone::get(viewer)) else {
        return None;
    };
    (theirs.to_datetime(at) != ours.to_datetime(at)).then_some(viewer)
}

/// Whether the viewer's clocks differ from the calendar zone's now (or, under daylight
/// saving, at some other time: then the page says which zone its times are in).
pub fn viewer_zone_differs(calendar_zone: &str) -> Option<&'static str> {
    let viewer = viewer_zone()?;
    let same_rules = TimeZone::get(calendar_zone)
        .ok()
        .zip(TimeZone::get(viewer).ok())
        .is_some_and(|(a, b)| a == b);
    (!same_rules && calendar_zone != viewer).then_some(viewer)
}

/// Whether `at` ends a local day in `time_zone` (a deadline, by the rules'
/// [`day_ended_by`]), and the instant to show for it: noon of the day that ends, so the
/// date shown is that day; otherwise `at` itself.
pub(crate) fn end_of_day_view(at: Timestamp, time_zone: &str) -> (bool, Timestamp) {
    let Ok(zone) = TimeZone::get(time_zone) else {
        return (false, at);
    };
    match day_ended_by(&zone, at).and_then(|day| day.at(12, 0, 0, 0).to_zoned(zone).ok()) {
        Some(noon) => (true, noon.timestamp()),
        None => (false, at),
    }
}

/// "Due by end of Mon, Nov 30, 2026" for a deadline at a local midnight, otherwise "Due
/// Mon, Nov 30, 2026, 3:00 PM"; with the viewer's own time where their zone differs.
pub fn due_text(i18n: &I18n, due: Timestamp, time_zone: &str) -> String {
    let (end_of_day, shown) = end_of_day_view(due, time_zone);
    match (end_of_day, differing_viewer_zone(due, time_zone)) {
        (true, None) => tr!(
            i18n,
            deadline.due_end_of_day,
            date = i18n.weekday_date(shown, time_zone)
        ),
        (false, None) => tr!(
            i18n,
            deadline.due_at,
            time = i18n.weekday_date_time(shown, time_zone)
        ),
        (true, Some(viewer)) => tr!(
            i18n,
            deadline.due_end_of_day_zoned,
            date = i18n.weekday_date(shown, time_zone),
            place = zone_place(time_zone),
            local = i18n.weekday_day_time(due, viewer)
        ),
        (false, Some(viewer)) => tr!(
            i18n,
            deadline.due_at_zoned,
            time = i18n.weekday_date_time(shown, time_zone),
            place = zone_place(time_zone),
            local = i18n.weekday_day_time(due, viewer)
        ),
    }
}

/// An instant standing on its own (a step of a training script), not after "until": the
/// midnight that ends a day reads as that day's end, in the calendar's zone.
pub fn instant_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    let (end_of_day, shown) = end_of_day_view(at, time_zone);
    if end_of_day {
        tr!(
            i18n,
            deadline.day_end,
            date = i18n.weekday_date(shown, time_zone)
        )
    } else {
        i18n.weekday_date_time(shown, time_zone)
    }
}

/// An instant as a deadline reads inside a sentence: "the end of Thu, Dec 31, 2026" at a
/// local midnight, otherwise its date and time; with the viewer's own time where their
/// zone differs.
pub fn deadline_instant_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    let (end_of_day, shown) = end_of_day_view(at, time_zone);
    match (end_of_day, differing_viewer_zone(at, time_zone)) {
        (true, None) => tr!(
            i18n,
            deadline.end_of_day,
            date = i18n.weekday_date(shown, time_zone)
        ),
        (false, None) => i18n.weekday_date_time(shown, time_zone),
        (true, Some(viewer)) => tr!(
            i18n,
            deadline.end_of_day_zoned,
            date = i18n.weekday_date(shown, time_zone),
            place = zone_place(time_zone),
            local = i18n.weekday_day_time(at, viewer)
        ),
        (false, Some(viewer)) => tr!(
            i18n,
            deadline.at_zoned,
            time = i18n.weekday_date_time(shown, time_zone),
            place = zone_place(time_zone),
            local = i18n.weekday_day_time(at, viewer)
        ),
    }
}

/// "3 business days" (one business day, …, by the language's plural rules).
pub fn business_days_text(i18n: &I18n, days: i64) -> String {
    tr!(
        i18n,
        countdown.business_days,
        count = days,
        days = i18n.number(days)
    )
}

/// A countdown before its deadline: `time` is the span ("2 d 5 h"), `business` the
/// business days left when the clock counts them.
pub fn countdown_left(i18n: &I18n, time: String, business: Option<String>) -> String {
    match business {
        Some(business) => tr!(i18n, countdown.left_business, business, time),
        None => tr!(i18n, countdown.left, time),
    }
}

/// A countdown past its deadline ("Overdue by …"), so lateness is said in words and not
/// only by colour.
pub fn countdown_overdue(i18n: &I18n, time: String, business: Option<String>) -> String {
    match business {
        Some(business) => tr!(i18n, countdown.overdue_business, business, time),
        None => tr!(i18n, countdown.overdue, time),
    }
}

/// A paused clock: what would be left if it resumed now.
pub fn countdown_paused(i18n: &I18n, left: String) -> String {
    tr!(i18n, countdown.paused, left)
}

/// "Started Nov 20, 2026, 10:00 AM (Start review)".
pub fn started_text(i18n: &I18n, at: Timestamp, by: ActionKind, time_zone: &str) -> String {
    tr!(
        i18n,
        claim.clocks.started,
        time = i18n.date_time(at, time_zone),
        action = action_name(i18n, by)
    )
}

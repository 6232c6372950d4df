//! The app-wide clock. Every question to the rules is asked "at" this clock's time.
//!
//! Normally it is the browser's time. A `now` query parameter (for example
//! `?now=2026-11-20T10:00:00Z`) starts it at that instant instead, and it then advances in
//! real time from there: tests and training use it to stand at any moment.

use jiff::{SignedDuration, Timestamp};

/// A `now` in the address that is not a time; the app uses the real time and says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockProblem {
    /// The value as given.
    pub value: String,
}

/// A clock: the browser's time shifted by a fixed offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppClock {
    offset: SignedDuration,
}

impl AppClock {
    /// The browser's own time.
    pub fn real() -> Self {
        AppClock {
            offset: SignedDuration::ZERO,
        }
    }

    /// A clock that reads `start` now and advances from there.
    pub fn starting_at(start: Timestamp) -> Self {
        AppClock {
            offset: start.duration_since(browser_now()),
        }
    }

    /// The clock set by the page's `now` query parameter, if there is a valid one.
    /// Returns the clock and, for an invalid value, the problem to show.
    pub fn from_query(search: &str) -> (Self, Option<ClockProblem>) {
        match query_param(search, "now") {
            None => (AppClock::real(), None),
            Some(value) => match value.parse::<Timestamp>() {
                Ok(start) => (AppClock::starting_at(start), None),
                Err(_) => (AppClock::real(), Some(ClockProblem { value })),
            },
        }
    }

    /// Whether the clock is shifted from real time.
    pub fn is_simulated(&self) -> bool {
        !self.offset.is_zero()
    }

    /// The current time on this clock.
    pub fn now(&self) -> Timestamp {
        browser_now()
            .checked_add(self.offset)
            .unwrap_or_else(|_| browser_now())
    }
}

/// The browser's current time.
pub fn browser_now() -> Timestamp {
    let millis = js_sys::Date::now() as i64;
    Timestamp::from_millisecond(millis).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The decoded value of `name` in a `?a=b&c=d` query string.
pub fn query_param(search: &str, name: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| {
            js_sys::decode_uri_component(value)
                .ok()
                .and_then(|decoded| decoded.as_string())
                .unwrap_or_else(|| value.to_string())
        })
    })
}

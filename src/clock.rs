//! The app-wide clock. Every question to the rules is asked "at" this clock's time.
//!
//! Normally it is the browser's time. A `now` query parameter (for example
//! `?now=2026-11-20T10:00:00Z`) starts it at that instant instead, and it then advances in
//! real time from there: tests use it to stand at any moment.
//!
//! The training workspace runs on a [`SimulatedClock`] instead: a trainer starts it at a
//! scenario's start, plays and pauses it, runs it faster than real time and jumps it to
//! any instant.

use jiff::{SignedDuration, Timestamp};
use leptos::prelude::*;

/// A `now` in the address that is not a time; the app uses the real time and says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockProblem {
    /// The value as given.
    pub value: String,
}

/// A clock: the browser's time shifted by a fixed offset, or a trainer's simulated clock.
#[derive(Debug, Clone, Copy)]
pub enum AppClock {
    /// The browser's time shifted by a fixed offset (zero: the real time).
    Offset(SignedDuration),
    /// The training workspace's clock, which the trainer controls.
    Simulated(SimulatedClock),
}

impl AppClock {
    /// The browser's own time.
    pub fn real() -> Self {
        AppClock::Offset(SignedDuration::ZERO)
    }

    /// A clock that reads `start` now and advances from there.
    pub fn starting_at(start: Timestamp) -> Self {
        AppClock::Offset(start.duration_since(browser_now()))
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
        match self {
            AppClock::Offset(offset) => !offset.is_zero(),
            AppClock::Simulated(_) => true,
        }
    }

    /// The current time on this clock.
    pub fn now(&self) -> Timestamp {
        match self {
            AppClock::Offset(offset) => browser_now()
                .checked_add(*offset)
                .unwrap_or_else(|_| browser_now()),
            AppClock::Simulated(clock) => clock.now(),
        }
    }
}

/// How fast a simulated clock runs while it plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speed {
    /// One second per second.
    RealTime,
    /// An hour per second.
    HourPerSecond,
    /// A day per second.
    DayPerSecond,
}

impl Speed {
    /// Every speed, slowest first.
    pub const ALL: [Speed; 3] = [Speed::RealTime, Speed::HourPerSecond, Speed::DayPerSecond];

    /// Simulated seconds per real second.
    pub fn factor(self) -> i64 {
        match self {
            Speed::RealTime => 1,
            Speed::HourPerSecond => 3_600,
            Speed::DayPerSecond => 86_400,
        }
    }

    /// A stable code (for element IDs, tests and the stored training session).
    pub fn code(self) -> &'static str {
        match self {
            Speed::RealTime => "real_time",
            Speed::HourPerSecond => "hour_per_second",
            Speed::DayPerSecond => "day_per_second",
        }
    }

    /// The speed of a [`Speed::code`].
    pub fn from_code(code: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|speed| speed.code() == code)
    }
}

/// Where a simulated clock stands: the simulated instant it read at a real instant, and
/// whether and how fast it runs from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Setting {
    at: Timestamp,
    since: Timestamp,
    playing: bool,
    speed: Speed,
}

impl Setting {
    fn now(&self, real: Timestamp) -> Timestamp {
        if !self.playing {
            return self.at;
        }
        let elapsed = real.duration_since(self.since);
        let simulated = elapsed
            .checked_mul(i32::try_from(self.speed.factor()).unwrap_or(i32::MAX))
            .unwrap_or(SignedDuration::MAX);
        self.at.checked_add(simulated).unwrap_or(Timestamp::MAX)
    }
}

/// The training workspace's clock: paused at its start until the trainer plays it. Its
/// setting is a signal, so controls that show it (play/pause, speed) follow it.
#[derive(Debug, Clone, Copy)]
pub struct SimulatedClock {
    setting: RwSignal<Setting>,
}

impl SimulatedClock {
    /// A paused clock reading `at`, at real-time speed.
    pub fn paused_at(at: Timestamp) -> Self {
        SimulatedClock {
            setting: RwSignal::new(Setting {
                at,
                since: browser_now(),
                playing: false,
                speed: Speed::RealTime,
            }),
        }
    }

    /// The simulated time now (not reactive: the app's `now` signal is).
    pub fn now(&self) -> Timestamp {
        self.setting.get_untracked().now(browser_now())
    }

    /// Whether it runs (reactive).
    pub fn is_playing(&self) -> bool {
        self.setting.with(|s| s.playing)
    }

    /// Whether it runs, without subscribing (for timers and event handlers).
    pub fn is_playing_untracked(&self) -> bool {
        self.setting.with_untracked(|s| s.playing)
    }

    /// Its speed (reactive).
    pub fn speed(&self) -> Speed {
        self.setting.with(|s| s.speed)
    }

    /// Its speed, without subscribing.
    pub fn speed_untracked(&self) -> Speed {
        self.setting.with_untracked(|s| s.speed)
    }

    /// Run or stop, from the time it reads now.
    pub fn set_playing(&self, playing: bool) {
        self.rebase(|s| s.playing = playing);
    }

    /// Run at `speed` from the time it reads now.
    pub fn set_speed(&self, speed: Speed) {
        self.rebase(|s| s.speed = speed);
    }

    /// Read `at` from now on (still playing or paused as it was).
    pub fn jump_to(&self, at: Timestamp) {
        self.rebase(|s| s.at = at);
    }

    fn rebase(&self, change: impl FnOnce(&mut Setting)) {
        let real = browser_now();
        self.setting.update(|s| {
            s.at = s.now(real);
            s.since = real;
            change(s);
        });
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

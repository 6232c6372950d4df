//! Deadlines: every clock of a claim (SPEC §4), derived from its history.
//!
//! A claim's clocks are not stored; they are recomputed from the history entries and the
//! [`Policy`] by [`deadlines`]. Each clock instance is a [`Deadline`]: what started it,
//! when it is due, and how it ended. [`Deadline::state`] evaluates it at an instant and
//! [`Deadline::remaining`] gives the countdown ("business days and hours left, or overdue
//! by").
//!
//! Rules of the clocks, as implemented:
//!
//! | clock | starts at | ends (awaited event) | also ends |
//! |---|---|---|---|
//! | review start | submit | start review | leaving `Submitted` otherwise (stopped) |
//! | review decision | start review, respond | request information, approve, reject | leaving `UnderReview` otherwise (stopped) |
//! | partner response | request information | respond | closes at its deadline (auto-reject); leaving `PartnerActionRequired` otherwise (stopped) |
//! | customer consent | approve, overturn | — | closes at its deadline (consent ended); leaving `Approved` (stopped) |
//! | dispute window | entering `Rejected` for a disputable reason, never disputed before | dispute | closes at its deadline; leaving `Rejected` otherwise (stopped) |
//! | dispute review | dispute | uphold, overturn | leaving `Disputed` otherwise (stopped) |
//! | decision target | submit | approve, reject | leaving review otherwise (stopped); **paused** while `PartnerActionRequired` |
//!
//! An awaited event before the due instant *meets* the clock; at or after it, the clock
//! was *missed* (deadlines are exclusive: due is the next day's 00:00).
//!
//! **Decision target pause.** When the claim enters `PartnerActionRequired` on local date
//! `p`, the clock records the business days left, counting `p` and the due date `D`
//! (numpy `busday_count(p, D + 1)`). When the partner responds on local date `q`, the new
//! due date is `busday_offset(q, left - 1, roll='forward')`, and the deadline is the end
//! of that day. Pausing and resuming on the same business day therefore leaves the
//! deadline unchanged; every business day spent waiting for the partner is added back.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::calendar::{BusinessCalendar, CalendarError};
use crate::history::{ActionKind, HistoryEntry};
use crate::model::{Claim, Status};
use crate::policy::{ConsentRule, Policy};

/// A policy together with the business calendar built from its settings: everything the
/// clocks need.
///
/// Building the calendar can fail (an unknown time zone, for example), so it is done
/// once, by the caller, with [`Rules::new`]; there is no silent fallback to another
/// calendar.
#[derive(Debug, Clone)]
pub struct Rules {
    policy: Policy,
    calendar: BusinessCalendar,
}

impl Rules {
    /// Build the rules for a policy, including its business calendar.
    ///
    /// # Errors
    ///
    /// The calendar settings are not valid (see [`CalendarError`]).
    pub fn new(policy: Policy) -> Result<Rules, CalendarError> {
        let calendar = BusinessCalendar::from_settings(&policy.calendar)?;
        Ok(Rules { policy, calendar })
    }

    /// The policy: clock lengths and the consent rule.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The business calendar every clock counts in.
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// Whether a clock of `kind` counts business days under this policy (every clock but
    /// the dispute window and a calendar-day consent period). Countdowns say "business
    /// days left" only for these.
    ///
    /// ```
    /// use claim_rules::deadlines::{ClockKind, Rules};
    /// use claim_rules::policy::Policy;
    ///
    /// let rules = Rules::new(Policy::default()).unwrap();
    /// assert!(rules.counts_business_days(ClockKind::PartnerResponse));
    /// assert!(!rules.counts_business_days(ClockKind::DisputeWindow));
    /// assert!(!rules.counts_business_days(ClockKind::CustomerConsent)); // 7 calendar days
    /// ```
    pub fn counts_business_days(&self, kind: ClockKind) -> bool {
        match kind {
            ClockKind::CustomerConsent => match self.policy.consent {
                ConsentRule::CalendarDays(_) => false,
                ConsentRule::BusinessDays(_) => true,
            },
            ClockKind::DisputeWindow => false,
            ClockKind::ReviewStart
            | ClockKind::ReviewDecision
            | ClockKind::PartnerResponse
            | ClockKind::DisputeReview
            | ClockKind::DecisionTarget => true,
        }
    }

    /// The deadline of a clock of `kind` started at `start` (without pauses).
    ///
    /// A deadline beyond the calendar's range (year 9999, only with absurd policy lengths)
    /// is [`Timestamp::MAX`]: never due.
    pub fn due(&self, kind: ClockKind, start: Timestamp) -> Timestamp {
        let policy = &self.policy;
        let calendar = &self.calendar;
        let business = |days: u32| calendar.checked_business_deadline(start, days);
        let due = match kind {
            ClockKind::ReviewStart => business(policy.review_start_business_days),
            ClockKind::ReviewDecision => business(policy.review_decision_business_days),
            ClockKind::PartnerResponse => business(policy.partner_response_business_days),
            ClockKind::CustomerConsent => match policy.consent {
                ConsentRule::CalendarDays(days) => calendar.checked_calendar_deadline(start, days),
                ConsentRule::BusinessDays(days) => business(days),
            },
            ClockKind::DisputeWindow => {
                calendar.checked_calendar_deadline(start, policy.dispute_window_days)
            }
            ClockKind::DisputeReview => business(policy.dispute_review_business_days),
            ClockKind::DecisionTarget => business(policy.decision_target_business_days),
        };
        due.unwrap_or(Timestamp::MAX)
    }
}

/// The clocks of SPEC §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ClockKind {
    /// From submission until a reviewer starts the review (overdue flag only).
    ReviewStart,
    /// From review start or resubmission until the reviewer decides (overdue flag only).
    ReviewDecision,
    /// From an information request until the partner responds; at its deadline the claim
    /// is rejected for no partner response.
    PartnerResponse,
    /// From approval (or overturn) until the consent period ends and the association is
    /// official.
    CustomerConsent,
    /// From a rejection until it can no longer be disputed.
    DisputeWindow,
    /// From a dispute until the reviewer decides it (overdue flag only).
    DisputeReview,
    /// From submission until a decision, paused while partner action is required
    /// (overdue flag only).
    DecisionTarget,
}

impl ClockKind {
    /// Every clock, in lifecycle order.
    pub const ALL: [ClockKind; 7] = [
        ClockKind::ReviewStart,
        ClockKind::ReviewDecision,
        ClockKind::PartnerResponse,
        ClockKind::CustomerConsent,
        ClockKind::DisputeWindow,
        ClockKind::DisputeReview,
        ClockKind::DecisionTarget,
    ];

    /// A stable machine code (snake case): the catalogue key `clock.<code>` names it.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    ///
    /// assert_eq!(ClockKind::DisputeWindow.code(), "dispute_window");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ClockKind::ReviewStart => "review_start",
            ClockKind::ReviewDecision => "review_decision",
            ClockKind::PartnerResponse => "partner_response",
            ClockKind::CustomerConsent => "customer_consent",
            ClockKind::DisputeWindow => "dispute_window",
            ClockKind::DisputeReview => "dispute_review",
            ClockKind::DecisionTarget => "decision_target",
        }
    }

    /// Whether this clock is a window that closes at its deadline (partner response,
    /// customer consent, dispute window), rather than a target that becomes overdue.
    pub fn is_window(self) -> bool {
        match self {
            ClockKind::PartnerResponse | ClockKind::CustomerConsent | ClockKind::DisputeWindow => {
                true
            }
            ClockKind::ReviewStart
            | ClockKind::ReviewDecision
            | ClockKind::DisputeReview
            | ClockKind::DecisionTarget => false,
        }
    }

    /// Whether the partner is the one who must (or may) act before this clock runs out.
    pub fn partner_acts(self) -> bool {
        match self {
            ClockKind::PartnerResponse | ClockKind::DisputeWindow => true,
            ClockKind::ReviewStart
            | ClockKind::ReviewDecision
            | ClockKind::CustomerConsent
            | ClockKind::DisputeReview
            | ClockKind::DecisionTarget => false,
        }
    }

    /// The statuses in which this clock keeps running; leaving them ends it.
    pub(crate) fn runs_in(self, status: Status) -> bool {
        match self {
            ClockKind::ReviewStart => status == Status::Submitted,
            ClockKind::ReviewDecision => status == Status::UnderReview,
            ClockKind::PartnerResponse => status == Status::PartnerActionRequired,
            ClockKind::CustomerConsent => status == Status::Approved,
            ClockKind::DisputeWindow => status == Status::Rejected,
            ClockKind::DisputeReview => status == Status::Disputed,
            ClockKind::DecisionTarget => matches!(
                status,
                Status::Submitted | Status::UnderReview | Status::PartnerActionRequired
            ),
        }
    }

    /// Whether `action` is the event this clock waits for.
    fn awaits(self, action: ActionKind) -> bool {
        match self {
            ClockKind::ReviewStart => action == ActionKind::StartReview,
            ClockKind::ReviewDecision => matches!(
                action,
                ActionKind::RequestInformation | ActionKind::Approve | ActionKind::Reject
            ),
            ClockKind::PartnerResponse => action == ActionKind::Respond,
            ClockKind::CustomerConsent => false,
            ClockKind::DisputeWindow => action == ActionKind::Dispute,
            ClockKind::DisputeReview => matches!(
                action,
                ActionKind::UpholdRejection | ActionKind::OverturnRejection
            ),
            ClockKind::DecisionTarget => {
                matches!(action, ActionKind::Approve | ActionKind::Reject)
            }
        }
    }

    /// The system transition that closes this window at its deadline, if any.
    pub fn expiry_transition(self) -> Option<ActionKind> {
        match self {
            ClockKind::PartnerResponse => Some(ActionKind::PartnerResponseExpired),
            ClockKind::CustomerConsent => Some(ActionKind::ConsentEnded),
            ClockKind::ReviewStart
            | ClockKind::ReviewDecision
            | ClockKind::DisputeWindow
            | ClockKind::DisputeReview
            | ClockKind::DecisionTarget => None,
        }
    }
}

/// How a clock ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EndKind {
    /// The event the clock waited for happened (met or missed, depending on when).
    Awaited,
    /// The window closed at its deadline (a system transition recorded it).
    Closed,
    /// Another event made the clock moot (for example the partner requested rejection).
    Stopped,
}

/// The history entry that ended a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockEnd {
    /// When the ending entry took effect.
    pub at: Timestamp,
    /// The ending entry's action.
    pub by: ActionKind,
    /// How the clock ended.
    pub kind: EndKind,
}

/// One pause of the decision target while partner action was required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockPause {
    /// When the pause began (the information request).
    pub paused_at: Timestamp,
    /// When it resumed (the partner's response); `None` while still paused or when the
    /// clock ended during the pause.
    pub resumed_at: Option<Timestamp>,
    /// Business days left at the pause, counting the pause day and the due day
    /// (negative or zero when already overdue).
    pub business_days_left: i64,
}

/// One clock instance of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Which clock.
    pub kind: ClockKind,
    /// When it started (the starting entry's effective time).
    pub started_at: Timestamp,
    /// The action that started it.
    pub started_by: ActionKind,
    /// When it is (or was) due, exclusive: the end of the last local day. For a paused
    /// clock, the due instant as it stood when the pause began; see [`Deadline::remaining`]
    /// for the projection.
    pub due: Timestamp,
    /// How it ended; `None` while it is still running (or overdue, or paused).
    pub end: Option<ClockEnd>,
    /// Pauses (decision target only), oldest first.
    pub pauses: Vec<ClockPause>,
}

/// The state of a clock at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockState {
    /// Counting down; due is still ahead.
    Running,
    /// Paused since the given instant (decision target while partner action is required).
    Paused {
        /// When the pause began.
        since: Timestamp,
    },
    /// Past due and still waiting for its event (review start, review decision, dispute
    /// review, decision target: Microsoft is late).
    Overdue {
        /// When it was due.
        due: Timestamp,
    },
    /// The awaited event happened before the deadline.
    Met {
        /// When it happened.
        at: Timestamp,
    },
    /// The awaited event happened, but at or after the deadline.
    Missed {
        /// When it happened.
        at: Timestamp,
        /// When it was due.
        due: Timestamp,
    },
    /// The window closed at its deadline (consent ended, dispute no longer possible,
    /// partner response deadline passed).
    Closed {
        /// When it closed.
        at: Timestamp,
    },
    /// Ended early by another event that made it moot.
    Stopped {
        /// When.
        at: Timestamp,
        /// By which action.
        by: ActionKind,
    },
}

impl ClockState {
    /// A stable machine code (snake case): the catalogue key `clock_state.<code>`.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockState;
    ///
    /// assert_eq!(ClockState::Running.code(), "running");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ClockState::Running => "running",
            ClockState::Paused { .. } => "paused",
            ClockState::Overdue { .. } => "overdue",
            ClockState::Met { .. } => "met",
            ClockState::Missed { .. } => "missed",
            ClockState::Closed { .. } => "closed",
            ClockState::Stopped { .. } => "stopped",
        }
    }

    /// Whether the clock is still live (running, paused or overdue).
    pub fn is_live(&self) -> bool {
        match self {
            ClockState::Running | ClockState::Paused { .. } | ClockState::Overdue { .. } => true,
            ClockState::Met { .. }
            | ClockState::Missed { .. }
            | ClockState::Closed { .. }
            | ClockState::Stopped { .. } => false,
        }
    }
}

/// A countdown: business days and time left until a deadline, or overdue by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remaining {
    /// Whether the deadline has passed.
    pub overdue: bool,
    /// Business days left counting today (when it is a business day) and the due day;
    /// when overdue, business days since the due day, counting today.
    pub business_days: i64,
    /// Time left until the deadline; when overdue, time since it. Never negative.
    pub duration: SignedDuration,
    /// The deadline the countdown runs to (for a paused clock: the deadline if it resumed
    /// now).
    pub due: Timestamp,
}

impl Deadline {
    /// The clock's state at `now`.
    ///
    /// `now` should not be before the claim's last history entry: the clock's end is
    /// taken from the whole history.
    pub fn state(&self, now: Timestamp) -> ClockState {
        if let Some(end) = self.end {
            return match end.kind {
                EndKind::Awaited if end.at < self.due => ClockState::Met { at: end.at },
                EndKind::Awaited => ClockState::Missed {
                    at: end.at,
                    due: self.due,
                },
                EndKind::Closed => ClockState::Closed { at: end.at },
                EndKind::Stopped => ClockState::Stopped {
                    at: end.at,
                    by: end.by,
                },
            };
        }
        if let Some(pause) = self.open_pause() {
            return ClockState::Paused {
                since: pause.paused_at,
            };
        }
        if now < self.due {
            ClockState::Running
        } else if self.kind.is_window() {
            ClockState::Closed { at: self.due }
        } else {
            ClockState::Overdue { due: self.due }
        }
    }

    /// The countdown at `now`, for live clocks (running, paused, overdue); `None` for
    /// clocks that have ended or windows that have closed.
    ///
    /// For a paused clock, the countdown runs to the deadline it would have if it resumed
    /// now: the business days left at the pause, counted from today.
    pub fn remaining(&self, now: Timestamp, calendar: &BusinessCalendar) -> Option<Remaining> {
        let due = match self.state(now) {
            ClockState::Running | ClockState::Overdue { .. } => self.due,
            ClockState::Paused { .. } => {
                let left = self.open_pause()?.business_days_left;
                resumed_due(calendar, now, left)
            }
            ClockState::Met { .. }
            | ClockState::Missed { .. }
            | ClockState::Closed { .. }
            | ClockState::Stopped { .. } => return None,
        };
        let today = calendar.local_date(now);
        // The deadline is the start of the day after the due day.
        let day_after_due = calendar.local_date(due);
        if now < due {
            Some(Remaining {
                overdue: false,
                business_days: calendar.business_day_count(today, day_after_due),
                duration: now.duration_until(due),
                due,
            })
        } else {
            let today_counts = i64::from(calendar.is_business_day(today));
            Some(Remaining {
                overdue: true,
                business_days: calendar.business_day_count(day_after_due, today) + today_counts,
                duration: now.duration_since(due),
                due,
            })
        }
    }

    /// Whether the clock is live at `now` (running, paused or overdue).
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.state(now).is_live()
    }

    /// The last local day of the clock in the calendar's zone: the day its deadline ends
    /// (a deadline is the first instant of the next day). `None` for a deadline that never
    /// comes ([`Timestamp::MAX`]).
    ///
    /// ```
    /// use claim_rules::deadlines::{deadlines, ClockKind, Rules};
    /// use claim_rules::policy::Policy;
    /// # use claim_rules::model::Status;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// let monday: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
    /// # let mut submitted = claim_rules::lifecycle::new_claim(uuid::Uuid::nil(), monday, Default::default());
    /// # submitted.history[0].to = Status::Submitted;
    /// # submitted.history[0].action = claim_rules::history::ActionKind::Submit;
    /// # submitted.status = Status::Submitted;
    /// let clocks = deadlines(&submitted, &rules);
    /// let review_start = clocks.iter().find(|c| c.kind == ClockKind::ReviewStart).unwrap();
    /// // Due at 2026-04-14T00:00 Los Angeles time: the last day is Monday 04-13.
    /// assert_eq!(review_start.last_day(rules.calendar()), Some(jiff::civil::date(2026, 4, 13)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_day(&self, calendar: &BusinessCalendar) -> Option<Date> {
        day_ended_by(calendar.time_zone(), self.due)
    }

    fn open_pause(&self) -> Option<&ClockPause> {
        self.pauses
            .last()
            .filter(|pause| pause.resumed_at.is_none() && self.end.is_none())
    }
}

/// The local day that `at` ends, when `at` is the first instant of a local day in
/// `zone` (a deadline: "by the end of that day"); `None` for an instant inside a day, and
/// for [`Timestamp::MAX`]. DST-correct: where a transition skips midnight, the day ends at
/// the first instant after the gap. Deadlines are exclusive instants, so this is how a
/// deadline is said as a date.
///
/// ```
/// use claim_rules::deadlines::day_ended_by;
/// use jiff::civil::date;
/// use jiff::tz::TimeZone;
///
/// let zone = TimeZone::get("America/Los_Angeles")?;
/// let midnight: jiff::Timestamp = "2026-11-21T00:00:00-08:00".parse()?;
/// assert_eq!(day_ended_by(&zone, midnight), Some(date(2026, 11, 20)));
/// let afternoon: jiff::Timestamp = "2026-11-20T15:00:00-08:00".parse()?;
/// assert_eq!(day_ended_by(&zone, afternoon), None);
/// // São Paulo skipped midnight on 2018-11-04: that day began at 01:00.
/// let zone = TimeZone::get("America/Sao_Paulo")?;
/// let after_gap: jiff::Timestamp = "2018-11-04T01:00:00-02:00".parse()?;
/// assert_eq!(day_ended_by(&zone, after_gap), Some(date(2018, 11, 3)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn day_ended_by(zone: &TimeZone, at: Timestamp) -> Option<Date> {
    if at == Timestamp::MAX {
        return None;
    }
    let before = at.checked_sub(SignedDuration::from_nanos(1)).ok()?;
    let day = before.to_zoned(zone.clone()).date();
    let next_day_start = day
        .tomorrow()
        .ok()?
        .to_zoned(zone.clone())
        .ok()?
        .start_of_day()
        .ok()?;
    (next_day_start.timestamp() == at).then_some(day)
}

/// The order of "needs attention": clocks the partner must act on before clocks where
/// Microsoft (or the customer) acts, then the nearest deadline first, then by clock.
/// Sort the live deadlines of several claims with it.
///
/// ```
/// use claim_rules::deadlines::{attention_order, ClockKind, Deadline};
/// use claim_rules::history::ActionKind;
///
/// let clock = |kind, due: &str| Deadline {
///     kind,
///     started_at: "2026-04-01T00:00:00Z".parse().unwrap(),
///     started_by: ActionKind::Submit,
///     due: due.parse().unwrap(),
///     end: None,
///     pauses: Vec::new(),
/// };
/// let mut list = vec![
///     clock(ClockKind::ReviewStart, "2026-04-08T07:00:00Z"),
///     clock(ClockKind::PartnerResponse, "2026-04-20T07:00:00Z"),
///     clock(ClockKind::DisputeWindow, "2026-04-10T07:00:00Z"),
/// ];
/// list.sort_by(attention_order);
/// let kinds: Vec<_> = list.iter().map(|clock| clock.kind).collect();
/// assert_eq!(kinds, [ClockKind::DisputeWindow, ClockKind::PartnerResponse, ClockKind::ReviewStart]);
/// ```
pub fn attention_order(a: &Deadline, b: &Deadline) -> std::cmp::Ordering {
    let key = |clock: &Deadline| (!clock.kind.partner_acts(), clock.due, clock.kind);
    key(a).cmp(&key(b))
}

/// The deadline of a paused clock if it resumed at `at`: `left` business days counting
/// the resume day.
/// Beyond the calendar's range it is [`Timestamp::MAX`]: never due.
fn resumed_due(calendar: &BusinessCalendar, at: Timestamp, left: i64) -> Timestamp {
    calendar
        .checked_business_day_offset(calendar.local_date(at), left.saturating_sub(1))
        .and_then(|due_date| calendar.checked_end_of_day(due_date))
        .unwrap_or(Timestamp::MAX)
}

/// Every clock of the claim, derived from its history, ordered by start (then by kind).
///
/// Clocks are listed whether they are still running or ended long ago; evaluate each with
/// [`Deadline::state`]. See the module documentation for when each clock starts and ends.
///
/// ```
/// use claim_rules::deadlines::{deadlines, ClockKind, ClockState, Rules};
/// use claim_rules::lifecycle::{apply, new_claim, Action};
/// use claim_rules::model::Actor;
/// use claim_rules::policy::Policy;
/// # use claim_rules::model::Status;
///
/// let rules = Rules::new(Policy::default())?;
/// let monday: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// # let mut submitted = new_claim(uuid::Uuid::nil(), monday, Default::default());
/// # submitted.history[0].to = Status::Submitted;
/// # submitted.history[0].action = claim_rules::history::ActionKind::Submit;
/// # submitted.status = Status::Submitted;
/// // `submitted` was submitted on Monday 2026-04-06 (Los Angeles time).
/// let clocks = deadlines(&submitted, &rules);
/// let review_start = clocks.iter().find(|c| c.kind == ClockKind::ReviewStart).unwrap();
/// // Five business days: due at the end of Monday 04-13.
/// assert_eq!(review_start.due, "2026-04-14T00:00:00-07:00".parse()?);
/// let friday: jiff::Timestamp = "2026-04-10T12:00:00-07:00".parse()?;
/// assert_eq!(review_start.state(friday), ClockState::Running);
/// let left = review_start.remaining(friday, rules.calendar()).unwrap();
/// assert_eq!((left.business_days, left.duration.as_hours()), (2, 84)); // Friday and Monday
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn deadlines(claim: &Claim, rules: &Rules) -> Vec<Deadline> {
    let mut tracker = ClockTracker::default();
    for entry in &claim.history {
        tracker.record(entry, rules);
    }
    tracker.finish()
}

/// The clocks of a history read one entry at a time: what [`deadlines`] computes, kept
/// up to date as entries are appended (the import replay asks it after every entry).
#[derive(Debug, Default)]
pub(crate) struct ClockTracker {
    clocks: Vec<Deadline>,
    // Indices of the clocks still running: each entry looks at these only, so a long
    // history costs time in proportion to its length, not to its length squared.
    open: Vec<usize>,
    disputed_before: bool,
}

impl ClockTracker {
    /// Take the next history entry into account.
    pub(crate) fn record(&mut self, entry: &HistoryEntry, rules: &Rules) {
        end_clocks(&mut self.clocks, &mut self.open, entry);
        pause_or_resume(&mut self.clocks, &self.open, entry, rules.calendar());
        for kind in clocks_started_by(entry, self.disputed_before) {
            self.open.push(self.clocks.len());
            self.clocks.push(Deadline {
                kind,
                started_at: entry.at,
                started_by: entry.action,
                due: rules.due(kind, entry.at),
                end: None,
                pauses: Vec::new(),
            });
        }
        if entry.action == ActionKind::Dispute {
            self.disputed_before = true;
        }
    }

    /// The clocks still running.
    pub(crate) fn open_clocks(&self) -> impl Iterator<Item = &Deadline> {
        self.open
            .iter()
            .filter_map(|&index| self.clocks.get(index))
            .filter(|clock| clock.end.is_none())
    }

    /// Every clock, in start order.
    pub(crate) fn finish(mut self) -> Vec<Deadline> {
        self.clocks
            .sort_by_key(|clock| (clock.started_at, clock.kind));
        self.clocks
    }
}

/// Like [`deadlines`], building the calendar from the policy first.
///
/// # Errors
///
/// The policy's calendar settings are not valid.
pub fn deadlines_for_policy(
    claim: &Claim,
    policy: &Policy,
) -> Result<Vec<Deadline>, CalendarError> {
    let rules = Rules::new(policy.clone())?;
    Ok(deadlines(claim, &rules))
}

/// The nearest live deadline at `now` that is not paused: the one a dashboard sorts by.
/// Overdue clocks come first (their due instant is earliest). `None` when no clock runs.
pub fn next_deadline(claim: &Claim, rules: &Rules, now: Timestamp) -> Option<Deadline> {
    nearest_live(deadlines(claim, rules), now)
}

/// [`next_deadline`] among a claim's `clocks` (its [`deadlines`]).
pub(crate) fn nearest_live(clocks: Vec<Deadline>, now: Timestamp) -> Option<Deadline> {
    clocks
        .into_iter()
        .filter(|clock| match clock.state(now) {
            ClockState::Running | ClockState::Overdue { .. } => true,
            ClockState::Paused { .. }
            | ClockState::Met { .. }
            | ClockState::Missed { .. }
            | ClockState::Closed { .. }
            | ClockState::Stopped { .. } => false,
        })
        .min_by_key(|clock| (clock.due, clock.kind))
}

/// The live clock of `kind` (not ended), if any: the latest one started.
pub fn open_clock(clocks: &[Deadline], kind: ClockKind) -> Option<&Deadline> {
    clocks
        .iter()
        .rev()
        .find(|clock| clock.kind == kind && clock.end.is_none())
}

fn end_clocks(clocks: &mut [Deadline], open: &mut Vec<usize>, entry: &HistoryEntry) {
    for &index in open.iter() {
        let Some(clock) = clocks.get_mut(index) else {
            continue;
        };
        let kind = if clock.kind.awaits(entry.action) {
            Some(EndKind::Awaited)
        } else if clock.kind.expiry_transition() == Some(entry.action) {
            Some(EndKind::Closed)
        } else if !clock.kind.runs_in(entry.to) {
            Some(EndKind::Stopped)
        } else {
            None
        };
        if let Some(kind) = kind {
            clock.end = Some(ClockEnd {
                at: entry.at,
                by: entry.action,
                kind,
            });
        }
    }
    open.retain(|&index| clocks.get(index).is_some_and(|clock| clock.end.is_none()));
}

fn pause_or_resume(
    clocks: &mut [Deadline],
    open: &[usize],
    entry: &HistoryEntry,
    calendar: &BusinessCalendar,
) {
    for &index in open {
        let Some(clock) = clocks
            .get_mut(index)
            .filter(|clock| clock.kind == ClockKind::DecisionTarget)
        else {
            continue;
        };
        let paused = clock
            .pauses
            .last()
            .is_some_and(|pause| pause.resumed_at.is_none());
        let waiting_for_partner = entry.to == Status::PartnerActionRequired;
        if waiting_for_partner && !paused {
            let left = calendar.business_day_count(
                calendar.local_date(entry.at),
                calendar.local_date(clock.due),
            );
            clock.pauses.push(ClockPause {
                paused_at: entry.at,
                resumed_at: None,
                business_days_left: left,
            });
        } else if !waiting_for_partner && paused {
            if let Some(pause) = clock.pauses.last_mut() {
                pause.resumed_at = Some(entry.at);
                clock.due = resumed_due(calendar, entry.at, pause.business_days_left);
            }
        }
    }
}

pub(crate) fn clocks_started_by(entry: &HistoryEntry, disputed_before: bool) -> Vec<ClockKind> {
    let mut started = match entry.action {
        ActionKind::Submit => vec![ClockKind::ReviewStart, ClockKind::DecisionTarget],
        ActionKind::StartReview | ActionKind::Respond => vec![ClockKind::ReviewDecision],
        ActionKind::RequestInformation => vec![ClockKind::PartnerResponse],
        ActionKind::Approve | ActionKind::OverturnRejection => vec![ClockKind::CustomerConsent],
        ActionKind::Dispute => vec![ClockKind::DisputeReview],
        ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Reject
        | ActionKind::CustomerDecline
        | ActionKind::ConsentEnded
        | ActionKind::PartnerResponseExpired
        | ActionKind::RequestRejection
        | ActionKind::UpholdRejection
        | ActionKind::Comment
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::StartedFrom => Vec::new(),
    };
    if entry.enters_rejected() && !disputed_before && rejection_is_disputable(entry) {
        started.push(ClockKind::DisputeWindow);
    }
    started
}

/// Whether the rejection this entry records can be disputed (by its recorded reason, or
/// by its action when the reason is missing).
pub(crate) fn rejection_is_disputable(entry: &HistoryEntry) -> bool {
    match entry.rejection_reason() {
        Some(reason) => reason.is_disputable(),
        None => !matches!(
            entry.action,
            ActionKind::RequestRejection | ActionKind::UpholdRejection
        ),
    }
}

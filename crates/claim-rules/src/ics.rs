//! iCalendar files (RFC 5545) of running deadlines, for Outlook, Google Calendar and
//! every other calendar that imports `.ics`.
//!
//! Two steps, so that the rules say *what* is due and the caller says it in words:
//!
//! 1. [`claim_events`] and [`running_events`] list the running clocks as typed
//!    [`DeadlineEvent`]s: which claim and clock, the due instant, who acts
//!    ([`DeadlineEvent::acting`]), what happens at expiry ([`AtExpiry`]) and when to remind
//!    ([`DeadlineEvent::reminder`]).
//! 2. The caller words each event (a summary and a description, in the user's language)
//!    and [`write_ics`] writes the file.
//!
//! What the file holds, per event:
//!
//! * `UID` — the claim's ID and the clock's code ([`DeadlineEvent::uid`]), stable, so
//!   importing a newer file updates the event instead of adding a second one. At most one
//!   clock of a kind runs at a time, so a later instance of the same clock (a second
//!   information request) replaces the earlier one. `SEQUENCE` is the claim's revision.
//! * `DTSTART`/`DTEND` — an hour ending exactly at the deadline, in the calendar's time
//!   zone (`TZID` with a `VTIMEZONE` written from the time zone database), so the event
//!   sits at the end of the due day; a local time that would be ambiguous (in a DST fold)
//!   is written in UTC instead, so every instant is exact.
//! * a `VALARM` reminder at [`REMINDER_TIME`] on the business day before the due day, as
//!   a trigger relative to the start (clients support that best).
//!
//! Text is escaped (`\`, `;`, `,`, newlines) and control characters are dropped; lines
//! are folded at 75 octets without splitting a UTF-8 character; every line ends in CRLF.
//!
//! ```
//! use claim_rules::deadlines::{ClockKind, Rules};
//! use claim_rules::ics::{claim_events, write_ics, WordedEvent};
//! use claim_rules::lifecycle::{apply, new_claim, Action};
//! use claim_rules::model::Actor;
//! use claim_rules::policy::Policy;
//! # use claim_rules::model::Status;
//! # use claim_rules::history::ActionKind;
//!
//! let rules = Rules::new(Policy::default())?;
//! let submitted_at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
//! # let mut claim = new_claim(uuid::Uuid::nil(), submitted_at, Default::default());
//! # claim.history[0].to = Status::Submitted;
//! # claim.history[0].action = ActionKind::Submit;
//! # claim.status = Status::Submitted;
//! // `claim` was submitted on Monday 2026-04-06: review start and decision target run.
//! let now: jiff::Timestamp = "2026-04-07T12:00:00Z".parse()?;
//! let events = claim_events(&claim, &rules, now);
//! assert_eq!(events.len(), 2);
//! let worded: Vec<WordedEvent> = events
//!     .into_iter()
//!     .map(|event| WordedEvent {
//!         summary: format!("Contoso: {} due", event.clock.code()),
//!         description: "A reviewer should act.".into(),
//!         event,
//!     })
//!     .collect();
//! let ics = write_ics("CPOR deadlines", rules.calendar().time_zone(), now, &worded);
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
//! assert!(ics.contains("DTEND;TZID=America/Los_Angeles:20260414T000000\r\n"));
//! assert!(ics.ends_with("END:VCALENDAR\r\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use jiff::civil::{DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

use crate::calendar::BusinessCalendar;
use crate::deadlines::{deadlines, ClockKind, ClockState, Rules};
use crate::lifecycle::advance;
use crate::model::{Actor, Claim};

/// The local time of day of the reminder, on the business day before the due day.
pub const REMINDER_TIME: Time = Time::constant(9, 0, 0, 0);

/// How long before the deadline each event starts: the event is the last hour before it.
pub const EVENT_LENGTH: SignedDuration = SignedDuration::from_hours(1);

/// The product identifier written as `PRODID`.
pub const PRODUCT_ID: &str = "-//CPOR Desk//Deadlines 1//EN";

/// What happens when a clock runs out (the caller words it in the event's description).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AtExpiry {
    /// Nothing changes: the clock is only flagged overdue (Microsoft is late).
    FlaggedOverdue,
    /// The claim is rejected automatically for no partner response.
    RejectedNoPartnerResponse,
    /// The consent period ends: the association is official and goes to incentive
    /// eligibility evaluation.
    AssociationOfficial,
    /// The rejection can no longer be disputed.
    DisputeNoLongerPossible,
}

impl AtExpiry {
    /// What happens when a clock of `kind` runs out.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::ics::AtExpiry;
    ///
    /// assert_eq!(AtExpiry::of(ClockKind::PartnerResponse), AtExpiry::RejectedNoPartnerResponse);
    /// assert_eq!(AtExpiry::of(ClockKind::ReviewStart), AtExpiry::FlaggedOverdue);
    /// ```
    pub fn of(kind: ClockKind) -> AtExpiry {
        match kind {
            ClockKind::PartnerResponse => AtExpiry::RejectedNoPartnerResponse,
            ClockKind::CustomerConsent => AtExpiry::AssociationOfficial,
            ClockKind::DisputeWindow => AtExpiry::DisputeNoLongerPossible,
            ClockKind::ReviewStart
            | ClockKind::ReviewDecision
            | ClockKind::DisputeReview
            | ClockKind::DecisionTarget => AtExpiry::FlaggedOverdue,
        }
    }

    /// A stable machine code (snake case).
    ///
    /// ```
    /// use claim_rules::ics::AtExpiry;
    ///
    /// assert_eq!(AtExpiry::AssociationOfficial.code(), "association_official");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            AtExpiry::FlaggedOverdue => "flagged_overdue",
            AtExpiry::RejectedNoPartnerResponse => "rejected_no_partner_response",
            AtExpiry::AssociationOfficial => "association_official",
            AtExpiry::DisputeNoLongerPossible => "dispute_no_longer_possible",
        }
    }
}

/// Who is expected to act before a clock of `kind` runs out: the partner (respond,
/// dispute), a Microsoft reviewer (start, decide) or the customer (decline or let the
/// consent period end).
///
/// ```
/// use claim_rules::deadlines::ClockKind;
/// use claim_rules::ics::acting_party;
/// use claim_rules::model::Actor;
///
/// assert_eq!(acting_party(ClockKind::PartnerResponse), Actor::Partner);
/// assert_eq!(acting_party(ClockKind::DisputeWindow), Actor::Partner);
/// assert_eq!(acting_party(ClockKind::CustomerConsent), Actor::Customer);
/// assert_eq!(acting_party(ClockKind::DecisionTarget), Actor::Reviewer);
/// ```
pub fn acting_party(kind: ClockKind) -> Actor {
    match kind {
        ClockKind::PartnerResponse | ClockKind::DisputeWindow => Actor::Partner,
        ClockKind::CustomerConsent => Actor::Customer,
        ClockKind::ReviewStart
        | ClockKind::ReviewDecision
        | ClockKind::DisputeReview
        | ClockKind::DecisionTarget => Actor::Reviewer,
    }
}

/// One running deadline, as a calendar event before it is worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineEvent {
    /// The claim's ID.
    pub claim_id: Uuid,
    /// The claim's revision, written as the event's `SEQUENCE`: it rises with every change
    /// to the claim, so calendars take a re-imported event as newer.
    pub sequence: u64,
    /// Which clock.
    pub clock: ClockKind,
    /// When the clock started.
    pub started_at: Timestamp,
    /// The deadline (exclusive: the first instant after the due day).
    pub due: Timestamp,
    /// When to remind: [`REMINDER_TIME`] on the business day before the due day; `None`
    /// only when that day is outside the supported years.
    pub reminder: Option<Timestamp>,
    /// Who is expected to act ([`acting_party`]).
    pub acting: Actor,
    /// What happens at the deadline.
    pub at_expiry: AtExpiry,
}

impl DeadlineEvent {
    /// The event's `UID`: the claim's ID and the clock's code, the same in every file
    /// written for this claim, so a re-import updates the event.
    ///
    /// ```
    /// # use claim_rules::deadlines::ClockKind;
    /// # use claim_rules::ics::{AtExpiry, DeadlineEvent};
    /// # use claim_rules::model::Actor;
    /// # let at: jiff::Timestamp = "2026-04-06T17:00:00Z".parse()?;
    /// let event = DeadlineEvent {
    ///     claim_id: "0a11ce00-0000-4000-8000-000000000001".parse()?,
    ///     sequence: 3,
    ///     clock: ClockKind::PartnerResponse,
    ///     started_at: at,
    ///     due: at,
    ///     reminder: None,
    ///     acting: Actor::Partner,
    ///     at_expiry: AtExpiry::RejectedNoPartnerResponse,
    /// };
    /// assert_eq!(event.uid(), "0a11ce00-0000-4000-8000-000000000001-partner_response@cpor-desk");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn uid(&self) -> String {
        format!("{}-{}@cpor-desk", self.claim_id, self.clock.code())
    }
}

/// The running deadlines of one claim at `now`, nearest first.
///
/// The claim is first advanced to `now` (due system transitions applied), so a window
/// that has just closed is gone and what it started (a dispute window after an automatic
/// rejection) is there. Only *running* clocks are listed: not paused ones (their deadline
/// is not known until they resume), not overdue ones (their deadline has passed), not
/// ended ones. Archived claims are listed like any other: asking for one claim is
/// explicit.
///
/// ```
/// use claim_rules::deadlines::{ClockKind, Rules};
/// use claim_rules::ics::claim_events;
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let now: jiff::Timestamp = "2026-04-06T17:00:00Z".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), now, Default::default());
/// assert!(claim_events(&draft, &rules, now).is_empty()); // drafts have no clocks
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn claim_events(claim: &Claim, rules: &Rules, now: Timestamp) -> Vec<DeadlineEvent> {
    let claim = advance(claim, now, rules);
    let mut events: Vec<DeadlineEvent> = deadlines(&claim, rules)
        .into_iter()
        .filter(|clock| clock.due < Timestamp::MAX)
        .filter(|clock| match clock.state(now) {
            ClockState::Running => true,
            ClockState::Paused { .. }
            | ClockState::Overdue { .. }
            | ClockState::Met { .. }
            | ClockState::Missed { .. }
            | ClockState::Closed { .. }
            | ClockState::Stopped { .. } => false,
        })
        .map(|clock| DeadlineEvent {
            claim_id: claim.id,
            sequence: claim.revision,
            clock: clock.kind,
            started_at: clock.started_at,
            due: clock.due,
            reminder: reminder_instant(rules.calendar(), clock.due),
            acting: acting_party(clock.kind),
            at_expiry: AtExpiry::of(clock.kind),
        })
        .collect();
    events.sort_by_key(|event| (event.due, event.clock));
    events
}

/// The running deadlines of every claim that is not archived, nearest first, each with
/// its claim (to word it). See [`claim_events`] for which clocks count.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::ics::running_events;
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let now: jiff::Timestamp = "2026-04-06T17:00:00Z".parse()?;
/// let drafts = [new_claim(uuid::Uuid::nil(), now, Default::default())];
/// assert!(running_events(&drafts, &rules, now).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn running_events<'a>(
    claims: impl IntoIterator<Item = &'a Claim>,
    rules: &Rules,
    now: Timestamp,
) -> Vec<(&'a Claim, DeadlineEvent)> {
    let mut events: Vec<(&Claim, DeadlineEvent)> = claims
        .into_iter()
        .filter(|claim| !claim.archived)
        .flat_map(|claim| {
            claim_events(claim, rules, now)
                .into_iter()
                .map(move |event| (claim, event))
        })
        .collect();
    events.sort_by_key(|(claim, event)| (event.due, claim.id, event.clock));
    events
}

/// The reminder for a deadline `due`: [`REMINDER_TIME`] in the calendar's zone on the
/// business day before the due day (the local day that ends at `due`). A due day that is
/// not a business day (a calendar-day clock ending on a Saturday) counts from the next
/// business day, as numpy's `busday_offset(…, -1, roll='forward')` does, so the reminder
/// falls on the last business day before it.
///
/// ```
/// use claim_rules::calendar::BusinessCalendar;
/// use claim_rules::ics::reminder_instant;
/// use claim_rules::policy::CalendarSettings;
///
/// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
/// // Due by the end of Monday 2026-04-13 (Los Angeles): remind on Friday 04-10 at 09:00.
/// let due = "2026-04-14T00:00:00-07:00".parse()?;
/// assert_eq!(reminder_instant(&calendar, due), Some("2026-04-10T09:00:00-07:00".parse()?));
/// // Due by the end of Saturday 05-09: remind on Friday 05-08.
/// let due = "2026-05-10T00:00:00-07:00".parse()?;
/// assert_eq!(reminder_instant(&calendar, due), Some("2026-05-08T09:00:00-07:00".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reminder_instant(calendar: &BusinessCalendar, due: Timestamp) -> Option<Timestamp> {
    let last_instant = due.checked_sub(SignedDuration::from_nanos(1)).ok()?;
    let due_day = calendar.local_date(last_instant);
    let day = calendar.checked_business_day_offset(due_day, -1).ok()?;
    calendar
        .time_zone()
        .to_ambiguous_timestamp(day.to_datetime(REMINDER_TIME))
        .compatible()
        .ok()
}

/// A deadline event with the caller's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordedEvent {
    /// The typed event.
    pub event: DeadlineEvent,
    /// The event's title (`SUMMARY`): the claim's name and what is due.
    pub summary: String,
    /// The event's description: who acts and what happens at expiry.
    pub description: String,
}

/// The `.ics` file of `events`: a `VCALENDAR` named `name`, times in `time_zone`,
/// stamped `generated_at` (`DTSTAMP`). See the module documentation for what each event
/// holds.
///
/// ```
/// use claim_rules::ics::write_ics;
/// use jiff::tz::TimeZone;
///
/// let now: jiff::Timestamp = "2026-04-06T17:00:00Z".parse()?;
/// let ics = write_ics("Deadlines; all", &TimeZone::get("Europe/Stockholm")?, now, &[]);
/// assert_eq!(
///     ics,
///     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CPOR Desk//Deadlines 1//EN\r\n\
///      CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Deadlines\\; all\r\n\
///      X-WR-TIMEZONE:Europe/Stockholm\r\nEND:VCALENDAR\r\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_ics(
    name: &str,
    time_zone: &TimeZone,
    generated_at: Timestamp,
    events: &[WordedEvent],
) -> String {
    let zone_name = time_zone.iana_name();
    let mut out = String::new();
    let mut line = |text: &str| out.push_str(&fold(text));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODUCT_ID}"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    if let Some(zone_name) = zone_name {
        line(&format!("X-WR-TIMEZONE:{}", escape_text(zone_name)));
    }
    let span = events
        .iter()
        .map(|worded| (event_start(&worded.event), worded.event.due))
        .reduce(|(start, end), (s, e)| (start.min(s), end.max(e)));
    if let (Some(zone_name), Some((start, end))) = (zone_name, span) {
        for text in vtimezone(zone_name, time_zone, start, end) {
            line(&text);
        }
    }
    for worded in events {
        for text in vevent(
            worded,
            zone_name.map(|name| (name, time_zone)),
            generated_at,
        ) {
            line(&text);
        }
    }
    line("END:VCALENDAR");
    out
}

fn event_start(event: &DeadlineEvent) -> Timestamp {
    event.due.checked_sub(EVENT_LENGTH).unwrap_or(event.due)
}

/// The unfolded lines of one `VEVENT`.
fn vevent(
    worded: &WordedEvent,
    zone: Option<(&str, &TimeZone)>,
    generated_at: Timestamp,
) -> Vec<String> {
    let event = &worded.event;
    let start = event_start(event);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", event.uid()),
        format!("DTSTAMP:{}", utc(generated_at)),
        format!("SEQUENCE:{}", event.sequence),
        date_time_property("DTSTART", start, zone),
        date_time_property("DTEND", event.due, zone),
        format!("SUMMARY:{}", escape_text(&worded.summary)),
        format!("DESCRIPTION:{}", escape_text(&worded.description)),
        // A deadline is not a meeting: it should not make the partner look busy.
        "TRANSP:TRANSPARENT".to_string(),
    ];
    if let Some(reminder) = event.reminder {
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", escape_text(&worded.summary)),
            format!("TRIGGER:{}", trigger(reminder.duration_since(start))),
            "END:VALARM".to_string(),
        ]);
    }
    lines.push("END:VEVENT".to_string());
    lines
}

/// `NAME;TZID=zone:local` when the local time names exactly this instant, otherwise
/// `NAME:…Z` (UTC), which is always exact.
fn date_time_property(name: &str, at: Timestamp, zone: Option<(&str, &TimeZone)>) -> String {
    if let Some((zone_name, time_zone)) = zone {
        let local = time_zone.to_datetime(at);
        // In a DST fold a local time names two instants and RFC 5545 reads it as the
        // first; write the second one in UTC.
        let reads_back = time_zone
            .to_ambiguous_timestamp(local)
            .compatible()
            .is_ok_and(|back| back == at);
        if reads_back {
            return format!(
                "{name};TZID={}:{}",
                parameter_value(zone_name),
                local_text(local)
            );
        }
    }
    format!("{name}:{}", utc(at))
}

/// A relative trigger (`-PT62H`, `-PT61H30M`): exact hours, minutes and seconds, so no
/// client reads nominal days across a DST change.
fn trigger(offset: SignedDuration) -> String {
    let seconds = offset.as_secs();
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut text = format!("{sign}PT");
    if hours > 0 {
        let _ = write!(text, "{hours}H");
    }
    if minutes > 0 {
        let _ = write!(text, "{minutes}M");
    }
    if secs > 0 || (hours == 0 && minutes == 0) {
        let _ = write!(text, "{secs}S");
    }
    text
}

/// The `VTIMEZONE` of `time_zone` from the observance in force at `start` through every
/// transition up to `end`, written from the time zone database as explicit observances
/// (one `STANDARD` or `DAYLIGHT` per transition).
fn vtimezone(
    zone_name: &str,
    time_zone: &TimeZone,
    start: Timestamp,
    end: Timestamp,
) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", escape_text(zone_name)),
    ];
    let first = time_zone.preceding(start).next();
    let later = time_zone
        .following(start)
        .take_while(|transition| transition.timestamp() <= end);
    let transitions: Vec<_> = first.into_iter().chain(later).collect();
    if transitions.is_empty() {
        // A zone without transitions (UTC, or one that stopped changing long ago).
        let info = time_zone.to_offset_info(start);
        let offset = offset_text(info.offset());
        lines.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".to_string(),
            format!("TZOFFSETFROM:{offset}"),
            format!("TZOFFSETTO:{offset}"),
            format!("TZNAME:{}", escape_text(info.abbreviation())),
            "END:STANDARD".to_string(),
        ]);
    }
    for transition in transitions {
        let at = transition.timestamp();
        let before = at
            .checked_sub(SignedDuration::from_secs(1))
            .map(|earlier| time_zone.to_offset(earlier))
            .unwrap_or(transition.offset());
        let kind = if transition.dst().is_dst() {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.extend([
            format!("BEGIN:{kind}"),
            // The onset is written in the local time in force before it (TZOFFSETFROM).
            format!("DTSTART:{}", local_text(before.to_datetime(at))),
            format!("TZOFFSETFROM:{}", offset_text(before)),
            format!("TZOFFSETTO:{}", offset_text(transition.offset())),
            format!("TZNAME:{}", escape_text(transition.abbreviation())),
            format!("END:{kind}"),
        ]);
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// `20261120T180000Z`.
fn utc(at: Timestamp) -> String {
    format!("{}Z", local_text(TimeZone::UTC.to_datetime(at)))
}

/// `20261120T100000` (written by hand: jiff's `strftime` would bring its whole formatter
/// into the app's download for these two shapes).
fn local_text(local: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    )
}

/// `+0100`, `-0800`, or `+013412` when the offset has seconds.
fn offset_text(offset: jiff::tz::Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if secs == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{secs:02}")
    }
}

/// A parameter value, quoted when it holds a character that would end it.
fn parameter_value(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if cleaned.contains([':', ';', ',']) {
        format!("\"{cleaned}\"")
    } else {
        cleaned
    }
}

/// A `TEXT` value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped
/// with a backslash, each line break (CRLF, CR or LF) as `\n`, and other control
/// characters (which `TEXT` may not hold) dropped; tabs are kept.
///
/// ```
/// use claim_rules::ics::escape_text;
///
/// assert_eq!(escape_text("Contoso, Ltd; EMEA"), "Contoso\\, Ltd\\; EMEA");
/// assert_eq!(escape_text("C:\\share"), "C:\\\\share");
/// assert_eq!(escape_text("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
/// assert_eq!(escape_text("bell\u{7}\ttab"), "bell\ttab");
/// ```
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded as RFC 5545 §3.1 says: no line longer than 75 octets
/// (without its CRLF), continuation lines starting with one space, never splitting a
/// UTF-8 character; every line ends in CRLF.
///
/// ```
/// use claim_rules::ics::fold;
///
/// assert_eq!(fold("SUMMARY:short"), "SUMMARY:short\r\n");
/// let long = format!("SUMMARY:{}", "x".repeat(100));
/// let folded = fold(&long);
/// let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
/// assert_eq!(lines[0].len(), 75);
/// assert_eq!(lines[1], format!(" {}", "x".repeat(33)));
/// // Unfolding (removing CRLF + space) gives the line back.
/// assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
/// // "ö" is two octets: it is never cut in half.
/// let swedish = format!("SUMMARY:{}", "ö".repeat(60));
/// assert!(fold(&swedish).split_terminator("\r\n").all(|line| line.len() <= 75));
/// ```
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{CalendarSettings, Policy};

    fn t(text: &str) -> Timestamp {
        text.parse().expect("test timestamp")
    }

    fn event(due: &str) -> DeadlineEvent {
        DeadlineEvent {
            claim_id: Uuid::from_u128(0x0a11_ce00_0000_4000_8000_0000_0000_0001),
            sequence: 2,
            clock: ClockKind::ReviewStart,
            started_at: t("2026-10-28T17:00:00Z"),
            due: t(due),
            reminder: None,
            acting: Actor::Reviewer,
            at_expiry: AtExpiry::FlaggedOverdue,
        }
    }

    fn lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split_terminator("\r\n")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn folding_keeps_every_line_within_75_octets_and_unfolds_to_the_original() {
        for text in [
            "a".repeat(74),
            "a".repeat(75),
            "a".repeat(76),
            "a".repeat(300),
            "é".repeat(80),
            "日本語".repeat(40),
            "🙂".repeat(40),
            format!("{}🙂{}", "a".repeat(73), "b".repeat(10)),
        ] {
            let line = format!("DESCRIPTION:{text}");
            let folded = fold(&line);
            assert!(folded.ends_with("\r\n"));
            for (index, physical) in folded.split_terminator("\r\n").enumerate() {
                assert!(
                    physical.len() <= 75,
                    "{physical:?} is {} octets",
                    physical.len()
                );
                assert!(index == 0 || physical.starts_with(' '));
                assert!(!physical.contains('\r') && !physical.contains('\n'));
            }
            assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        }
        // Exactly 75 octets: not folded.
        assert_eq!(fold(&"a".repeat(75)).matches("\r\n").count(), 1);
        assert_eq!(
            fold(&"a".repeat(76)),
            format!("{}\r\n a\r\n", "a".repeat(75))
        );
    }

    #[test]
    fn a_multi_octet_character_at_the_fold_moves_whole_to_the_next_line() {
        // 74 ASCII octets, then a 4-octet emoji that would cross octet 75.
        let line = format!("{}🙂", "a".repeat(74));
        assert_eq!(fold(&line), format!("{}\r\n 🙂\r\n", "a".repeat(74)));
    }

    #[test]
    fn user_text_is_escaped_in_summary_and_description() {
        let worded = WordedEvent {
            event: event("2026-11-05T08:00:00Z"),
            summary: "Contoso, Ltd; \\EMEA\\".into(),
            description: "Line one\r\nLine two\nend".into(),
        };
        let tz = TimeZone::get("America/Los_Angeles").unwrap();
        let ics = write_ics("x", &tz, t("2026-10-29T00:00:00Z"), &[worded]);
        let lines = lines(&ics);
        assert!(lines.contains(&"SUMMARY:Contoso\\, Ltd\\; \\\\EMEA\\\\".to_string()));
        assert!(lines.contains(&"DESCRIPTION:Line one\\nLine two\\nend".to_string()));
    }

    #[test]
    fn every_line_ends_in_crlf_and_no_bare_line_feed_remains() {
        let worded = WordedEvent {
            event: event("2026-11-05T08:00:00Z"),
            summary: "a\nb".repeat(40),
            description: "c\rd".repeat(40),
        };
        let tz = TimeZone::get("America/Los_Angeles").unwrap();
        let ics = write_ics("x\ny", &tz, t("2026-10-29T00:00:00Z"), &[worded]);
        assert!(ics.ends_with("\r\n"));
        let bytes = ics.as_bytes();
        for (index, byte) in bytes.iter().enumerate() {
            if *byte == b'\n' {
                assert_eq!(bytes[index - 1], b'\r', "bare LF at {index}");
            }
            if *byte == b'\r' {
                assert_eq!(bytes[index + 1], b'\n', "bare CR at {index}");
            }
        }
    }

    #[test]
    fn uids_are_stable_per_claim_and_clock_and_differ_between_clocks() {
        let a = event("2026-11-05T08:00:00Z");
        let mut later = a.clone();
        later.due = t("2026-11-20T08:00:00Z");
        later.sequence = 9;
        assert_eq!(a.uid(), later.uid());
        let mut other_clock = a.clone();
        other_clock.clock = ClockKind::DecisionTarget;
        assert_ne!(a.uid(), other_clock.uid());
        let mut other_claim = a.clone();
        other_claim.claim_id = Uuid::from_u128(7);
        assert_ne!(a.uid(), other_claim.uid());
        let unique: std::collections::BTreeSet<String> = ClockKind::ALL
            .iter()
            .map(|kind| {
                let mut e = a.clone();
                e.clock = *kind;
                e.uid()
            })
            .collect();
        assert_eq!(unique.len(), ClockKind::ALL.len());
    }

    #[test]
    fn the_deadline_is_written_in_the_zone_across_the_dst_change() {
        // Two deadlines around the change from PDT (UTC-7) to PST (UTC-8) on Sunday
        // 2026-11-01: the end of Friday 10-30 and the end of Wednesday 11-04.
        let tz = TimeZone::get("America/Los_Angeles").unwrap();
        let worded = |due: &str| WordedEvent {
            event: event(due),
            summary: "s".into(),
            description: "d".into(),
        };
        let events = [
            worded("2026-10-31T07:00:00Z"),
            worded("2026-11-05T08:00:00Z"),
        ];
        let ics = write_ics("x", &tz, t("2026-10-29T00:00:00Z"), &events);
        let lines = lines(&ics);
        for expected in [
            "DTSTART;TZID=America/Los_Angeles:20261030T230000",
            "DTEND;TZID=America/Los_Angeles:20261031T000000",
            "DTSTART;TZID=America/Los_Angeles:20261104T230000",
            "DTEND;TZID=America/Los_Angeles:20261105T000000",
        ] {
            assert!(
                lines.contains(&expected.to_string()),
                "{expected} in {lines:?}"
            );
        }
        // The VTIMEZONE holds the observance in force at the first event (PDT since
        // March) and the change to PST on 2026-11-01 at 02:00 PDT, and nothing else.
        let joined = lines.join("\n");
        let zone =
            &joined[joined.find("BEGIN:VTIMEZONE").unwrap()..joined.find("END:VTIMEZONE").unwrap()];
        assert_eq!(
            zone,
            "BEGIN:VTIMEZONE\nTZID:America/Los_Angeles\n\
             BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0800\nTZOFFSETTO:-0700\nTZNAME:PDT\nEND:DAYLIGHT\n\
             BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0700\nTZOFFSETTO:-0800\nTZNAME:PST\nEND:STANDARD\n"
        );
    }

    #[test]
    fn a_local_time_in_a_dst_fold_is_written_in_utc() {
        // 01:30 on 2026-11-01 happens twice in Los Angeles; the second one (PST) is written
        // in UTC so no reader takes it for the first.
        let tz = TimeZone::get("America/Los_Angeles").unwrap();
        let first = t("2026-11-01T01:30:00-07:00");
        let second = t("2026-11-01T01:30:00-08:00");
        let zone = Some(("America/Los_Angeles", &tz));
        assert_eq!(
            date_time_property("DTEND", first, zone),
            "DTEND;TZID=America/Los_Angeles:20261101T013000"
        );
        assert_eq!(
            date_time_property("DTEND", second, zone),
            "DTEND:20261101T093000Z"
        );
    }

    #[test]
    fn the_reminder_is_a_business_day_before_also_across_the_dst_change() {
        let calendar = BusinessCalendar::from_settings(&CalendarSettings::default()).unwrap();
        // Due by the end of Wednesday 2026-11-04 (PST): remind Tuesday 11-03 09:00 PST.
        let due = t("2026-11-05T08:00:00Z");
        assert_eq!(
            reminder_instant(&calendar, due),
            Some(t("2026-11-03T17:00:00Z"))
        );
        // Due by the end of Monday 2026-11-02, the first business day after the change:
        // the reminder is Friday 10-30 09:00 PDT.
        assert_eq!(
            reminder_instant(&calendar, t("2026-11-03T08:00:00Z")),
            Some(t("2026-10-30T16:00:00Z"))
        );
        // Due by the end of Thursday 2026-11-12: Wednesday 11-11 is Veterans Day, so the
        // reminder is on Tuesday 11-10.
        assert_eq!(
            reminder_instant(&calendar, t("2026-11-13T08:00:00Z")),
            Some(t("2026-11-10T17:00:00Z"))
        );
    }

    #[test]
    fn the_trigger_is_the_exact_time_from_start_to_reminder() {
        assert_eq!(trigger(SignedDuration::from_hours(-38)), "-PT38H");
        assert_eq!(trigger(SignedDuration::from_mins(-90)), "-PT1H30M");
        assert_eq!(trigger(SignedDuration::from_secs(-5)), "-PT5S");
        assert_eq!(trigger(SignedDuration::ZERO), "PT0S");
    }

    #[test]
    fn a_zone_without_transitions_gets_one_standard_observance() {
        let worded = WordedEvent {
            event: event("2026-11-05T08:00:00Z"),
            summary: "s".into(),
            description: "d".into(),
        };
        let ics = write_ics(
            "x",
            &TimeZone::get("UTC").unwrap(),
            t("2026-10-29T00:00:00Z"),
            &[worded],
        );
        let joined = lines(&ics).join("\n");
        assert!(joined.contains("BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0000\nTZNAME:UTC\nEND:STANDARD"), "{joined}");
        assert!(joined.contains("DTEND;TZID=UTC:20261105T080000"));
    }

    #[test]
    fn two_running_clocks_of_a_submitted_claim_in_a_dst_week() {
        use crate::history::{ActionKind, HistoryEntry};
        use crate::model::Status;

        let rules = Rules::new(Policy::default()).unwrap();
        let created = t("2026-10-28T16:00:00Z");
        let mut claim =
            crate::lifecycle::new_claim(Uuid::from_u128(1), created, Default::default());
        let submitted_at = t("2026-10-28T17:00:00Z"); // Wednesday 10:00 PDT
        claim.history.push(HistoryEntry {
            at: submitted_at,
            recorded_at: submitted_at,
            actor: Actor::Partner,
            action: ActionKind::Submit,
            from: Some(Status::Draft),
            to: Status::Submitted,
            changes: Vec::new(),
            comment: String::new(),
            detail: None,
        });
        claim.status = Status::Submitted;
        claim.revision = 2;
        let events = claim_events(&claim, &rules, t("2026-10-30T12:00:00Z"));
        let found: Vec<(ClockKind, Timestamp, Option<Timestamp>)> = events
            .iter()
            .map(|e| (e.clock, e.due, e.reminder))
            .collect();
        assert_eq!(
            found,
            [
                // End of Wednesday 11-04 PST; reminder Tuesday 11-03 09:00 PST.
                (
                    ClockKind::ReviewStart,
                    t("2026-11-05T08:00:00Z"),
                    Some(t("2026-11-03T17:00:00Z"))
                ),
                // Ten business days, skipping Veterans Day (Wednesday 11-11): end of
                // Thursday 11-12; reminder Tuesday 11-10.
                (
                    ClockKind::DecisionTarget,
                    t("2026-11-13T08:00:00Z"),
                    Some(t("2026-11-10T17:00:00Z"))
                ),
            ]
        );
        assert!(events
            .iter()
            .all(|e| e.sequence == 2 && e.acting == Actor::Reviewer));
        // Once the review-start deadline has passed it is overdue, not running: only the
        // decision target is left.
        let later = claim_events(&claim, &rules, t("2026-11-06T12:00:00Z"));
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].clock, ClockKind::DecisionTarget);
    }
}

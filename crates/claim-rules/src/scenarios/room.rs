//! "Ask the room": a deadline question with three candidate dates, the right one from
//! the rules and two typical miscounts.

use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use super::lesson::policy_length;
use super::{last_day, DayCount, Param};
use crate::calendar::BusinessCalendar;
use crate::deadlines::{ClockKind, Rules};
use crate::policy::HolidaySet;

/// A typical way of miscounting a deadline: why a wrong candidate date is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Miscount {
    /// Counted `days` calendar days where the clock counts business days.
    CalendarDays {
        /// The clock's length.
        days: u32,
    },
    /// Skipped the weekends but not the holidays.
    ForgotHolidays,
    /// Counted `days` business days where the clock counts calendar days.
    BusinessDays {
        /// The clock's length.
        days: u32,
    },
    /// Counted the day of the event itself as the first day.
    CountedEventDay,
    /// Took the day after the last day: the deadline is the end of the last day.
    DayAfterDeadline,
}

impl Miscount {
    /// A stable machine code (`mistake.<name>`); `CalendarDays` and `BusinessDays` take
    /// the days as `count`.
    ///
    /// ```
    /// use claim_rules::scenarios::Miscount;
    ///
    /// assert_eq!(Miscount::ForgotHolidays.code(), "mistake.forgot_holidays");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Miscount::CalendarDays { .. } => "mistake.calendar_days",
            Miscount::ForgotHolidays => "mistake.forgot_holidays",
            Miscount::BusinessDays { .. } => "mistake.business_days",
            Miscount::CountedEventDay => "mistake.counted_event_day",
            Miscount::DayAfterDeadline => "mistake.day_after_deadline",
        }
    }

    /// The parameters of its sentence: the days as `count`, where it has them.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        match self {
            Miscount::CalendarDays { days } | Miscount::BusinessDays { days } => {
                vec![("count", Param::Count(*days))]
            }
            Miscount::ForgotHolidays | Miscount::CountedEventDay | Miscount::DayAfterDeadline => {
                Vec::new()
            }
        }
    }
}

/// Why the right date is right.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Reasoning {
    /// `days` business days after `counted_from`, skipping weekends (no holiday in
    /// between).
    BusinessDays {
        /// The clock's length.
        days: u32,
        /// The local date of the event that started the clock.
        counted_from: Date,
    },
    /// `days` business days after `counted_from`, skipping weekends and `holidays`.
    BusinessDaysAndHolidays {
        /// The clock's length.
        days: u32,
        /// The local date of the event that started the clock.
        counted_from: Date,
        /// The holidays on business weekdays the count skips, in order.
        holidays: Vec<Date>,
    },
    /// `days` calendar days after `counted_from`.
    CalendarDays {
        /// The clock's length.
        days: u32,
        /// The local date of the event that started the clock.
        counted_from: Date,
    },
}

impl Reasoning {
    /// A stable machine code (`why.<name>`); the days are the catalogue's `count`.
    pub fn code(&self) -> &'static str {
        match self {
            Reasoning::BusinessDays { .. } => "why.business_days",
            Reasoning::BusinessDaysAndHolidays { .. } => "why.business_days_and_holidays",
            Reasoning::CalendarDays { .. } => "why.calendar_days",
        }
    }

    /// The parameters of its sentence: `count`, `counted_from` and, when holidays are
    /// skipped, `holidays`.
    ///
    /// ```
    /// use claim_rules::scenarios::{Param, Reasoning};
    /// use jiff::civil::date;
    ///
    /// let why = Reasoning::CalendarDays { days: 7, counted_from: date(2026, 4, 9) };
    /// assert_eq!(why.params(), [
    ///     ("count", Param::Count(7)),
    ///     ("counted_from", Param::Date(date(2026, 4, 9))),
    /// ]);
    /// ```
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        match self {
            Reasoning::BusinessDays { days, counted_from }
            | Reasoning::CalendarDays { days, counted_from } => vec![
                ("count", Param::Count(*days)),
                ("counted_from", Param::Date(*counted_from)),
            ],
            Reasoning::BusinessDaysAndHolidays {
                days,
                counted_from,
                holidays,
            } => vec![
                ("count", Param::Count(*days)),
                ("counted_from", Param::Date(*counted_from)),
                ("holidays", Param::Dates(holidays.clone())),
            ],
        }
    }
}

/// Whether a candidate date is the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Verdict {
    /// The deadline the rules compute.
    Right,
    /// Wrong, by this miscount.
    Wrong(Miscount),
}

/// One candidate answer: a last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Choice {
    /// The last day (the deadline is the end of it).
    pub last_day: Date,
    /// Right, or which miscount gives it.
    pub verdict: Verdict,
}

/// "By when must the partner respond?": three distinct candidate last days in date order,
/// exactly one of them right, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomQuestion {
    /// The clock asked about.
    pub clock: ClockKind,
    /// When it started.
    pub started_at: Timestamp,
    /// The deadline the rules compute (the end of the right last day).
    pub deadline: Timestamp,
    /// The candidates, earliest first.
    pub choices: [Choice; 3],
    /// Why the right one is right.
    pub why: Reasoning,
}

impl RoomQuestion {
    /// The question for a clock of `kind` started at `started_at` under `rules`; `None`
    /// only when its deadline is beyond the calendar's range.
    ///
    /// The wrong candidates are the first two miscounts, in this order, that give dates
    /// different from the right one and from each other — for a business-day clock:
    /// forgetting the holidays, counting calendar days, counting the event day, the day
    /// after; for a calendar-day clock: counting business days, counting the event day,
    /// the day after. The last two always differ, so there are always three dates.
    ///
    /// ```
    /// use claim_rules::deadlines::{ClockKind, Rules};
    /// use claim_rules::policy::Policy;
    /// use claim_rules::scenarios::{Miscount, RoomQuestion, Verdict};
    /// use jiff::civil::date;
    ///
    /// let rules = Rules::new(Policy::default())?; // US federal holidays, Los Angeles
    /// // Information requested on Wednesday 23 December 2026.
    /// let asked = RoomQuestion::for_clock(
    ///     &rules,
    ///     ClockKind::PartnerResponse,
    ///     "2026-12-23T11:00:00-08:00".parse()?,
    /// )
    /// .unwrap();
    /// assert_eq!(asked.code(), "question.partner_response");
    /// let days: Vec<_> = asked.choices.iter().map(|c| (c.last_day, c.verdict)).collect();
    /// assert_eq!(days, [
    ///     (date(2026, 12, 28), Verdict::Wrong(Miscount::CalendarDays { days: 5 })),
    ///     (date(2026, 12, 30), Verdict::Wrong(Miscount::ForgotHolidays)),
    ///     (date(2026, 12, 31), Verdict::Right),
    /// ]);
    /// assert_eq!(asked.why.code(), "why.business_days_and_holidays");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_clock(rules: &Rules, kind: ClockKind, started_at: Timestamp) -> Option<Self> {
        let calendar = rules.calendar();
        let deadline = rules.due(kind, started_at);
        let right = last_day(calendar, deadline)?;
        let from = calendar.local_date(started_at);
        let (days, count) = policy_length(rules.policy(), kind);
        let plus_days = |date: Date, n: i64| date.checked_add(jiff::Span::new().days(n)).ok();
        let business = |calendar: &BusinessCalendar, n: i64| {
            calendar.checked_business_day_offset(from, n).ok()
        };
        let n = i64::from(days);
        let candidates: Vec<(Miscount, Option<Date>)> = match count {
            DayCount::Business => {
                let weekends_only = BusinessCalendar::new(
                    calendar.weekmask(),
                    HolidaySet::None,
                    [],
                    calendar.time_zone().clone(),
                );
                vec![
                    (Miscount::ForgotHolidays, business(&weekends_only, n)),
                    (Miscount::CalendarDays { days }, plus_days(from, n)),
                    (Miscount::CountedEventDay, business(calendar, n - 1)),
                    (Miscount::DayAfterDeadline, business(calendar, n + 1)),
                ]
            }
            DayCount::Calendar => vec![
                (Miscount::BusinessDays { days }, business(calendar, n)),
                (Miscount::CountedEventDay, plus_days(from, n - 1)),
                (Miscount::DayAfterDeadline, plus_days(right, 1)),
            ],
        };
        let mut wrong: Vec<Choice> = Vec::with_capacity(2);
        for (miscount, date) in candidates {
            let Some(date) = date else { continue };
            if date != right && wrong.iter().all(|choice| choice.last_day != date) {
                wrong.push(Choice {
                    last_day: date,
                    verdict: Verdict::Wrong(miscount),
                });
            }
            if wrong.len() == 2 {
                break;
            }
        }
        let [first, second] = <[Choice; 2]>::try_from(wrong).ok()?;
        let mut choices = [
            first,
            second,
            Choice {
                last_day: right,
                verdict: Verdict::Right,
            },
        ];
        choices.sort_by_key(|choice| choice.last_day);
        let why = match count {
            DayCount::Calendar => Reasoning::CalendarDays {
                days,
                counted_from: from,
            },
            DayCount::Business => {
                let holidays = skipped_holidays(calendar, from, right);
                if holidays.is_empty() {
                    Reasoning::BusinessDays {
                        days,
                        counted_from: from,
                    }
                } else {
                    Reasoning::BusinessDaysAndHolidays {
                        days,
                        counted_from: from,
                        holidays,
                    }
                }
            }
        };
        Some(RoomQuestion {
            clock: kind,
            started_at,
            deadline,
            choices,
            why,
        })
    }

    /// The question's code (`question.<clock>`), for example
    /// `question.partner_response`: "By when must the partner respond?".
    pub fn code(&self) -> &'static str {
        match self.clock {
            ClockKind::ReviewStart => "question.review_start",
            ClockKind::ReviewDecision => "question.review_decision",
            ClockKind::PartnerResponse => "question.partner_response",
            ClockKind::CustomerConsent => "question.customer_consent",
            ClockKind::DisputeWindow => "question.dispute_window",
            ClockKind::DisputeReview => "question.dispute_review",
            ClockKind::DecisionTarget => "question.decision_target",
        }
    }

    /// The right choice.
    ///
    /// ```
    /// use claim_rules::deadlines::{ClockKind, Rules};
    /// use claim_rules::policy::Policy;
    /// use claim_rules::scenarios::RoomQuestion;
    /// use jiff::civil::date;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// // Approved on Thursday 9 April 2026: seven calendar days of consent.
    /// let asked =
    ///     RoomQuestion::for_clock(&rules, ClockKind::CustomerConsent, "2026-04-09T14:00:00-07:00".parse()?)
    ///         .unwrap();
    /// assert_eq!(asked.right().last_day, date(2026, 4, 16));
    /// assert_eq!(asked.why.code(), "why.calendar_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn right(&self) -> Choice {
        let [a, b, c] = self.choices;
        [a, b, c]
            .into_iter()
            .find(|choice| choice.verdict == Verdict::Right)
            .unwrap_or(c)
    }
}

/// Holidays on business weekdays after `from` up to and including `until`.
fn skipped_holidays(calendar: &BusinessCalendar, from: Date, until: Date) -> Vec<Date> {
    from.series(jiff::Span::new().days(1))
        .skip(1)
        .take_while(|date| *date <= until)
        .filter(|date| {
            calendar.weekmask().is_business(date.weekday()) && calendar.is_holiday(*date)
        })
        .collect()
}

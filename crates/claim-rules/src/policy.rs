//! Policy: the length of every clock, the consent rule and the business calendar.
//! Saved with the data and shown in the export.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{BusinessCalendar, CalendarError, Weekmask};

/// How long the customer's consent period lasts after approval (SPEC §4: the seeds
/// disagree; the default is seven calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentRule {
    /// N calendar days after approval (default 7).
    CalendarDays(u32),
    /// N business days after approval.
    BusinessDays(u32),
}

/// Which built-in holiday set the calendar uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HolidaySet {
    /// No built-in holidays.
    None,
    /// US federal holidays as observed.
    #[default]
    UsFederal,
}

/// The business calendar as the user configures it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSettings {
    /// Which weekdays are business days (default Monday–Friday).
    pub weekmask: Weekmask,
    /// The built-in holiday set.
    pub holidays: HolidaySet,
    /// The user's own holidays, added to the built-in set.
    #[serde(default)]
    pub custom_holidays: Vec<Date>,
    /// IANA time zone in which days end, for example `America/Los_Angeles`.
    pub time_zone: String,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        CalendarSettings {
            weekmask: Weekmask::default(),
            holidays: HolidaySet::UsFederal,
            custom_holidays: Vec::new(),
            time_zone: "America/Los_Angeles".to_string(),
        }
    }
}

/// Every clock length and the consent rule (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Business days from submission for a reviewer to start the review.
    pub review_start_business_days: u32,
    /// Business days from review start (or resubmission) for a decision.
    pub review_decision_business_days: u32,
    /// Business days the partner has to answer an information request.
    pub partner_response_business_days: u32,
    /// Length of the customer's consent period.
    pub consent: ConsentRule,
    /// Calendar days after a rejection during which it can be disputed.
    pub dispute_window_days: u32,
    /// Business days for a dispute to be reviewed.
    pub dispute_review_business_days: u32,
    /// Business days from submission to a decision, paused while partner action is required.
    pub decision_target_business_days: u32,
    /// The business calendar every clock counts in.
    pub calendar: CalendarSettings,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            review_start_business_days: 5,
            review_decision_business_days: 5,
            partner_response_business_days: 5,
            consent: ConsentRule::CalendarDays(7),
            dispute_window_days: 30,
            dispute_review_business_days: 5,
            decision_target_business_days: 10,
            calendar: CalendarSettings::default(),
        }
    }
}

/// Shortest clock a policy may set, in days (business or calendar).
pub const MIN_CLOCK_DAYS: u32 = 1;
/// Longest clock a policy may set, in days (business or calendar).
pub const MAX_CLOCK_DAYS: u32 = 365;

/// The lengths a clock of the policy may have, in days: what the settings form offers
/// and [`Policy::problems`] checks.
///
/// ```
/// use claim_rules::policy::clock_length_range;
///
/// assert_eq!(clock_length_range(), 1..=365);
/// assert!(!clock_length_range().contains(&0));
/// ```
pub fn clock_length_range() -> std::ops::RangeInclusive<u32> {
    MIN_CLOCK_DAYS..=MAX_CLOCK_DAYS
}

/// One problem with a policy: the setting it is about (a path as in the export:
/// `policy.review_start_business_days`, `calendar.time_zone`, …) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyProblem {
    /// Path of the setting.
    pub field: String,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: PolicyProblemKind,
}

impl PolicyProblem {
    /// The stable code: `length_out_of_range` (catalogue `policy.length_out_of_range`)
    /// or the calendar error's code (catalogue `calendar.<code>`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// What is wrong with a setting of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PolicyProblemKind {
    /// A clock length outside [`clock_length_range`].
    LengthOutOfRange {
        /// The length given.
        days: u32,
        /// The shortest allowed.
        min: u32,
        /// The longest allowed.
        max: u32,
    },
    /// The calendar cannot be built.
    Calendar {
        /// Why not.
        error: CalendarError,
    },
}

impl PolicyProblemKind {
    /// A stable machine code (snake case).
    pub fn code(&self) -> &'static str {
        match self {
            PolicyProblemKind::LengthOutOfRange { .. } => "length_out_of_range",
            PolicyProblemKind::Calendar { error } => error.code(),
        }
    }

    /// One problem of every kind (and every calendar error), for catalogue tests.
    pub fn samples() -> Vec<PolicyProblemKind> {
        let calendar = [
            CalendarError::InvalidWeekmask("0000000".to_string()),
            CalendarError::UnknownTimeZone("Mars/Olympus_Mons".to_string()),
            CalendarError::DateOutOfRange,
        ];
        let mut samples = vec![PolicyProblemKind::LengthOutOfRange {
            days: 0,
            min: MIN_CLOCK_DAYS,
            max: MAX_CLOCK_DAYS,
        }];
        samples.extend(
            calendar
                .into_iter()
                .map(|error| PolicyProblemKind::Calendar { error }),
        );
        samples
    }
}

impl Policy {
    /// Every problem with this policy: clock lengths outside [`clock_length_range`], and
    /// a calendar that cannot be built (unknown time zone). Field paths are as in the
    /// export (`policy.review_start_business_days`, `calendar.time_zone`, …).
    ///
    /// ```
    /// use claim_rules::policy::{Policy, PolicyProblemKind};
    ///
    /// assert!(Policy::default().problems().is_empty());
    /// let mut policy = Policy::default();
    /// policy.partner_response_business_days = 0;
    /// policy.calendar.time_zone = "Mars/Olympus_Mons".into();
    /// let problems = policy.problems();
    /// let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    /// assert_eq!(fields, ["policy.partner_response_business_days", "calendar.time_zone"]);
    /// assert_eq!(problems[0].kind, PolicyProblemKind::LengthOutOfRange { days: 0, min: 1, max: 365 });
    /// assert_eq!(problems[1].code(), "unknown_time_zone");
    /// ```
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let consent_days = match self.consent {
            ConsentRule::CalendarDays(days) | ConsentRule::BusinessDays(days) => days,
        };
        let lengths = [
            (
                "review_start_business_days",
                self.review_start_business_days,
            ),
            (
                "review_decision_business_days",
                self.review_decision_business_days,
            ),
            (
                "partner_response_business_days",
                self.partner_response_business_days,
            ),
            ("consent", consent_days),
            ("dispute_window_days", self.dispute_window_days),
            (
                "dispute_review_business_days",
                self.dispute_review_business_days,
            ),
            (
                "decision_target_business_days",
                self.decision_target_business_days,
            ),
        ];
        let mut problems: Vec<PolicyProblem> = lengths
            .into_iter()
            .filter(|(_, days)| !clock_length_range().contains(days))
            .map(|(name, days)| PolicyProblem {
                field: format!("policy.{name}"),
                kind: PolicyProblemKind::LengthOutOfRange {
                    days,
                    min: MIN_CLOCK_DAYS,
                    max: MAX_CLOCK_DAYS,
                },
            })
            .collect();
        if let Err(error) = BusinessCalendar::from_settings(&self.calendar) {
            let field = match error {
                CalendarError::InvalidWeekmask(_) => "calendar.weekmask",
                CalendarError::UnknownTimeZone(_) => "calendar.time_zone",
                CalendarError::DateOutOfRange => "calendar.custom_holidays",
            };
            problems.push(PolicyProblem {
                field: field.to_string(),
                kind: PolicyProblemKind::Calendar { error },
            });
        }
        problems
    }
}

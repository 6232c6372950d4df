//! Policy: the length of every clock, the consent rule and the business calendar.
//! Saved with the data and shown in the export.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::Weekmask;

/// How long the customer's consent period lasts after approval (SPEC §4: the seeds
/// disagree; the default is seven calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentRule {
    /// N calendar days after approval (default 7).
    CalendarDays(u32),
    /// N business days after approval.
    BusinessDays(u32),
}

/// Which built-in holiday set the calendar uses (see [`crate::holidays`]).
///
/// Stored and exported by variant name (`"UsFederal"`, `"China"`, …): settings and export
/// files written before the national sets existed hold `"None"` or `"UsFederal"` and
/// read as before.
///
/// ```
/// use claim_rules::policy::HolidaySet;
///
/// let old: HolidaySet = serde_json::from_str("\"UsFederal\"")?;
/// assert_eq!(old, HolidaySet::UsFederal);
/// assert_eq!(serde_json::to_string(&HolidaySet::Sweden)?, "\"Sweden\"");
/// assert_eq!(HolidaySet::ALL.len(), 6);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum HolidaySet {
    /// No built-in holidays.
    None,
    /// US federal holidays as observed.
    #[default]
    UsFederal,
    /// Swedish public holidays, and Midsummer Eve, Christmas Eve and New Year's Eve.
    Sweden,
    /// German nationwide public holidays.
    Germany,
    /// Dutch national holidays.
    Netherlands,
    /// The Chinese official calendar, published year by year: days off and weekend
    /// days declared working days; other years are refused.
    China,
}

impl HolidaySet {
    /// Every set, in the order a settings list shows them.
    pub const ALL: [HolidaySet; 6] = [
        HolidaySet::None,
        HolidaySet::UsFederal,
        HolidaySet::Sweden,
        HolidaySet::Germany,
        HolidaySet::Netherlands,
        HolidaySet::China,
    ];

    /// A stable machine code; the catalogue key is `holiday_set.<code>`.
    ///
    /// ```
    /// use claim_rules::policy::HolidaySet;
    ///
    /// assert_eq!(HolidaySet::Netherlands.code(), "nl");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            HolidaySet::None => "none",
            HolidaySet::UsFederal => "us",
            HolidaySet::Sweden => "se",
            HolidaySet::Germany => "de",
            HolidaySet::Netherlands => "nl",
            HolidaySet::China => "cn",
        }
    }
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

/// Longest clock a policy may set, in days (business or calendar).
pub const MAX_CLOCK_DAYS: u32 = 365;

impl Policy {
    /// Every problem with this policy: clock lengths outside 1–[`MAX_CLOCK_DAYS`] days, and
    /// a calendar that cannot be built (unknown time zone). Field paths are as in the
    /// export (`policy.review_start_business_days`, `calendar.time_zone`, …).
    ///
    /// ```
    /// use claim_rules::policy::Policy;
    ///
    /// assert!(Policy::default().problems().is_empty());
    /// let mut policy = Policy::default();
    /// policy.partner_response_business_days = 0;
    /// policy.calendar.time_zone = "Mars/Olympus_Mons".into();
    /// let fields: Vec<_> = policy.problems().into_iter().map(|p| p.field).collect();
    /// assert_eq!(fields, ["policy.partner_response_business_days", "calendar.time_zone"]);
    /// ```
    pub fn problems(&self) -> Vec<crate::validation::Problem> {
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
        let mut problems: Vec<crate::validation::Problem> = lengths
            .into_iter()
            .filter(|(_, days)| !(1..=MAX_CLOCK_DAYS).contains(days))
            .map(|(name, days)| crate::validation::Problem {
                field: format!("policy.{name}"),
                code: "policy.length_out_of_range".to_string(),
                params: vec![
                    ("days".to_string(), days.to_string()),
                    ("max".to_string(), MAX_CLOCK_DAYS.to_string()),
                ],
                message: format!(
                    "A clock must last between 1 and {MAX_CLOCK_DAYS} days; {days} is not allowed."
                ),
            })
            .collect();
        if let Err(error) = crate::calendar::BusinessCalendar::from_settings(&self.calendar) {
            let (field, code) = match error {
                crate::calendar::CalendarError::InvalidWeekmask(_) => {
                    ("calendar.weekmask", "calendar.invalid_weekmask")
                }
                crate::calendar::CalendarError::UnknownTimeZone(_) => {
                    ("calendar.time_zone", "calendar.unknown_time_zone")
                }
                crate::calendar::CalendarError::DateOutOfRange => {
                    ("calendar.custom_holidays", "calendar.date_out_of_range")
                }
                crate::calendar::CalendarError::YearNotPublished { .. } => {
                    ("calendar.holidays", "calendar.year_not_published")
                }
            };
            problems.push(crate::validation::Problem {
                field: field.to_string(),
                code: code.to_string(),
                params: Vec::new(),
                message: capitalize(&error.to_string()),
            });
        }
        problems
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

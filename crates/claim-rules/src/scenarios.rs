//! Training scenarios (SPEC §7): canned stories of the approval timeline, as data, and the
//! pure functions a training screen needs to play them on a simulated clock.
//!
//! A [`Scenario`] is a starting situation — one or more draft claims, ready to submit,
//! and the [`Policy`] with the business calendar it runs under — a start instant, and a
//! script of [`Step`]s: who acts, what, and when (relative to the start, in business or
//! calendar days and a local time of day in the calendar's zone), or the system when a
//! deadline passes. Every step carries a [`Lesson`]: a code with typed parameters (the
//! deadline it names, for example) that the language catalogues word under
//! `scenario.lesson.…`. The rules produce no sentence: titles, descriptions, lessons,
//! questions and the comments scripted actors write are all codes.
//!
//! [`Replay::run`] plays a script through the rules ([`lifecycle::apply`],
//! [`lifecycle::advance`], [`lifecycle::start_new_claim_from`]). A step the rules would
//! refuse is a defect in the scenario, reported as a [`ScenarioError`] naming the step.
//! So is narration that disagrees with the rules: a deadline a lesson names that is not
//! the one the rules compute, an automatic transition no step narrates, or a claim that
//! does not end in its stated status and phase. A replay then answers, at any simulated
//! instant, what the training screen shows:
//!
//! * [`Replay::claims_at`] — every scenario claim after the steps due by then, with the
//!   automatic transitions due by then applied exactly at their deadlines;
//! * [`Replay::next_event_after`] — the next scripted step or deadline ("step to the next
//!   event");
//! * [`Replay::claims_after`] — the claims right after step N ("back to step N");
//! * [`Replay::ask_the_room`] — a step's question with three candidate dates, which is
//!   right and why ([`RoomQuestion`]).
//!
//! Decisions where issue 9 and the SPEC are silent:
//!
//! * **Starting claims are complete drafts**, created at the start instant with their PoE
//!   added and the readiness checklist ticked, so the story begins where a partner opens
//!   Partner Center: at "submit".
//! * **Times.** A step's [`When`] is a number of business days (numpy
//!   `busday_offset(start date, n, roll='forward')`) or calendar days after the start's
//!   local date, at a local time of day in the calendar's zone. A system step has no time
//!   of its own: it happens at the deadline the rules compute for its clock.
//! * **Every automatic transition is a step.** The auto-rejection and the end of the
//!   consent period must be scripted as [`StepEvent::DeadlinePasses`], so the narration
//!   explains them; [`Replay::run`] refuses a script where the rules would apply one
//!   silently. Deadlines without a transition (an overdue review, a dispute window that
//!   closes) may be steps too.
//! * **Lessons name a deadline by its last day** (a local date): the deadline is the end
//!   of that day, as the SPEC defines it, and "by the end of Thursday 31 December" is how a
//!   trainer says it.
//! * **Scripted comments** are [`Remark`] codes; the caller words them when replaying
//!   (`words`), so a claim's comment thread reads in the trainer's language.
//! * **Claim and document IDs are fixed** per scenario, so the same scenario gives the same
//!   claims every time. Each scenario has its own customer tenant, so scenarios loaded
//!   side by side do not compete, except the two claims of [`ScenarioId::CompetingClaims`].
//! * **Ask the room** offers the right last day and two typical miscounts (calendar days
//!   instead of business days, forgetting a holiday, counting the event day, the day after
//!   the deadline), sorted by date; see [`RoomQuestion`].
//!
//! ```
//! use claim_rules::model::Status;
//! use claim_rules::scenarios::{self, Remark, Replay, ScenarioId};
//!
//! let scenario = scenarios::scenario(ScenarioId::InformationMissed);
//! // The screen words scripted comments from its catalogue; here, their codes.
//! let replay = Replay::run(&scenario, &|remark: Remark| remark.code().to_string())?;
//!
//! // Three days after the start, the reviewer has asked for information.
//! let wednesday: jiff::Timestamp = "2026-03-11T12:00:00-07:00".parse()?;
//! assert_eq!(replay.claims_at(wednesday)[0].claim.status, Status::PartnerActionRequired);
//! // Nobody responds: the next event is the automatic rejection at the deadline.
//! let next = replay.next_event_after(wednesday).unwrap();
//! assert_eq!(next.at, "2026-03-19T00:00:00-07:00".parse()?);
//! assert_eq!(replay.claims_at(next.at)[0].claim.status, Status::Rejected);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod lesson;
mod replay;
mod room;
mod script;

use jiff::civil::{self, Date};
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use crate::calendar::BusinessCalendar;
use crate::deadlines::{ClockKind, Rules};
use crate::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use crate::lifecycle::{self, Action, Phase};
use crate::model::{Actor, Claim, ClaimFields, PoeDocument, Status};
use crate::policy::Policy;

pub use lesson::{Lesson, Param};
pub use replay::{Event, NextEvent, Replay, ScenarioClaim, ScenarioError, StepProblem, StepResult};
pub use room::{Choice, Miscount, Reasoning, RoomQuestion, Verdict};
pub use script::{all, scenario};

/// The catalogue section every scenario code lives in: the key of a code `c` is
/// `scenario.c`.
pub const SECTION: &str = "scenario";

/// The scenarios, in teaching order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ScenarioId {
    /// Submitted, reviewed, approved; the consent period ends and the association is
    /// official.
    SmoothPath,
    /// An information request answered in time.
    InformationAnswered,
    /// An information request missed: auto-rejection at the deadline, dispute, overturn,
    /// a new consent period.
    InformationMissed,
    /// The customer declines during the consent period.
    CustomerDeclines,
    /// A partner-requested rejection for a wrong Partner ID (MPN), and a new claim
    /// started from it.
    WrongMpn,
    /// Two partners' competing claims on one tenant and workload.
    CompetingClaims,
    /// An information request on 23 December whose deadline skips Christmas.
    ChristmasDeadline,
    /// A dispute window that closes, and a new claim after it.
    DisputeWindowCloses,
}

impl ScenarioId {
    /// Every scenario, in teaching order.
    pub const ALL: [ScenarioId; 8] = [
        ScenarioId::SmoothPath,
        ScenarioId::InformationAnswered,
        ScenarioId::InformationMissed,
        ScenarioId::CustomerDeclines,
        ScenarioId::WrongMpn,
        ScenarioId::CompetingClaims,
        ScenarioId::ChristmasDeadline,
        ScenarioId::DisputeWindowCloses,
    ];

    /// A stable machine code (snake case): the name `cpor scenario show` takes.
    ///
    /// ```
    /// use claim_rules::scenarios::ScenarioId;
    ///
    /// assert_eq!(ScenarioId::ChristmasDeadline.code(), "christmas_deadline");
    /// assert_eq!(ScenarioId::from_code("christmas_deadline"), Some(ScenarioId::ChristmasDeadline));
    /// assert_eq!(ScenarioId::from_code("christmas"), None);
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ScenarioId::SmoothPath => "smooth_path",
            ScenarioId::InformationAnswered => "information_answered",
            ScenarioId::InformationMissed => "information_missed",
            ScenarioId::CustomerDeclines => "customer_declines",
            ScenarioId::WrongMpn => "wrong_mpn",
            ScenarioId::CompetingClaims => "competing_claims",
            ScenarioId::ChristmasDeadline => "christmas_deadline",
            ScenarioId::DisputeWindowCloses => "dispute_window_closes",
        }
    }

    /// The scenario whose [`ScenarioId::code`] is `code`.
    pub fn from_code(code: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|id| id.code() == code)
    }

    /// The code of the scenario's title (`title.<code>`).
    ///
    /// ```
    /// use claim_rules::scenarios::ScenarioId;
    ///
    /// assert_eq!(ScenarioId::SmoothPath.title_code(), "title.smooth_path");
    /// assert_eq!(ScenarioId::SmoothPath.description_code(), "description.smooth_path");
    /// ```
    pub fn title_code(self) -> &'static str {
        match self {
            ScenarioId::SmoothPath => "title.smooth_path",
            ScenarioId::InformationAnswered => "title.information_answered",
            ScenarioId::InformationMissed => "title.information_missed",
            ScenarioId::CustomerDeclines => "title.customer_declines",
            ScenarioId::WrongMpn => "title.wrong_mpn",
            ScenarioId::CompetingClaims => "title.competing_claims",
            ScenarioId::ChristmasDeadline => "title.christmas_deadline",
            ScenarioId::DisputeWindowCloses => "title.dispute_window_closes",
        }
    }

    /// The code of the scenario's short description (`description.<code>`).
    pub fn description_code(self) -> &'static str {
        match self {
            ScenarioId::SmoothPath => "description.smooth_path",
            ScenarioId::InformationAnswered => "description.information_answered",
            ScenarioId::InformationMissed => "description.information_missed",
            ScenarioId::CustomerDeclines => "description.customer_declines",
            ScenarioId::WrongMpn => "description.wrong_mpn",
            ScenarioId::CompetingClaims => "description.competing_claims",
            ScenarioId::ChristmasDeadline => "description.christmas_deadline",
            ScenarioId::DisputeWindowCloses => "description.dispute_window_closes",
        }
    }

    /// The scenario's number, 1-based in teaching order (used in its fixed IDs).
    fn number(self) -> u128 {
        match self {
            ScenarioId::SmoothPath => 1,
            ScenarioId::InformationAnswered => 2,
            ScenarioId::InformationMissed => 3,
            ScenarioId::CustomerDeclines => 4,
            ScenarioId::WrongMpn => 5,
            ScenarioId::CompetingClaims => 6,
            ScenarioId::ChristmasDeadline => 7,
            ScenarioId::DisputeWindowCloses => 8,
        }
    }
}

/// Which claim of a scenario a step acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ClaimKey {
    /// The claim of the partner the trainer plays ("our" claim).
    Ours,
    /// Another partner's claim on the same tenant and workload.
    Competitor,
    /// The new claim the partner starts from a rejected one.
    Restarted,
}

impl ClaimKey {
    /// Every key, in display order.
    pub const ALL: [ClaimKey; 3] = [ClaimKey::Ours, ClaimKey::Competitor, ClaimKey::Restarted];

    /// A stable machine code (`claim.<role>`), worded as the claim's role.
    ///
    /// ```
    /// use claim_rules::scenarios::ClaimKey;
    ///
    /// assert_eq!(ClaimKey::Competitor.code(), "claim.competitor");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ClaimKey::Ours => "claim.ours",
            ClaimKey::Competitor => "claim.competitor",
            ClaimKey::Restarted => "claim.restarted",
        }
    }

    /// The fixed ID of this claim in `scenario`.
    ///
    /// ```
    /// use claim_rules::scenarios::{ClaimKey, ScenarioId};
    ///
    /// let id = ClaimKey::Ours.id(ScenarioId::SmoothPath);
    /// assert_eq!(id.to_string(), "7ea10000-0000-4000-8000-000000010001");
    /// assert_ne!(id, ClaimKey::Ours.id(ScenarioId::WrongMpn));
    /// ```
    pub fn id(self, scenario: ScenarioId) -> Uuid {
        let key: u128 = match self {
            ClaimKey::Ours => 1,
            ClaimKey::Competitor => 2,
            ClaimKey::Restarted => 3,
        };
        Uuid::from_u128(0x7ea1_0000_0000_4000_8000_0000_0000_0000 | scenario.number() << 16 | key)
    }
}

/// Something a scripted actor writes: a comment, a reviewer's request, a dispute's
/// justification. The catalogue words it (`scenario.remark.…`); [`Replay::run`] asks the
/// caller for the words, so the claims' comments read in the trainer's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Remark {
    /// A reviewer: the PoE must carry the customer's signature or acknowledgment.
    SignatureMissing,
    /// The partner: the signed acknowledgment is attached.
    SignatureAdded,
    /// A reviewer: the PoE shows no dates.
    DatesMissing,
    /// The partner, disputing: the attached report shows the dates.
    DatedEvidence,
    /// A reviewer: the PoE does not name every claimed product.
    ProductsMissing,
    /// The partner: the updated PoE names every claimed product.
    ProductsNamed,
}

impl Remark {
    /// Every remark.
    pub const ALL: [Remark; 6] = [
        Remark::SignatureMissing,
        Remark::SignatureAdded,
        Remark::DatesMissing,
        Remark::DatedEvidence,
        Remark::ProductsMissing,
        Remark::ProductsNamed,
    ];

    /// A stable machine code (`remark.<name>`).
    ///
    /// ```
    /// use claim_rules::scenarios::Remark;
    ///
    /// assert_eq!(Remark::SignatureMissing.code(), "remark.signature_missing");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Remark::SignatureMissing => "remark.signature_missing",
            Remark::SignatureAdded => "remark.signature_added",
            Remark::DatesMissing => "remark.dates_missing",
            Remark::DatedEvidence => "remark.dated_evidence",
            Remark::ProductsMissing => "remark.products_missing",
            Remark::ProductsNamed => "remark.products_named",
        }
    }
}

/// A proof-of-execution document in a scenario. Training documents have no content:
/// the claim records a file name and size, and a fixed stand-in for the SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScriptDocument {
    /// Distinguishes the scenario's documents (part of the fixed ID).
    pub number: u8,
    /// The file name.
    pub file_name: &'static str,
    /// The size in bytes.
    pub size: u64,
}

impl ScriptDocument {
    /// The document as the rules record it, with its fixed ID in `scenario`. The
    /// lifecycle stamps `added_at` and `added_by` when the document is added.
    ///
    /// ```
    /// use claim_rules::scenarios::{ScenarioId, ScriptDocument};
    ///
    /// let document = ScriptDocument { number: 1, file_name: "usage-report.pdf", size: 52_000 };
    /// let poe = document.poe(ScenarioId::SmoothPath, "2026-04-06T16:00:00Z".parse()?);
    /// assert_eq!(poe.id.to_string(), "7ea1d0c0-0000-4000-8000-000000010001");
    /// assert_eq!(poe.sha256.len(), 64);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn poe(&self, scenario: ScenarioId, at: Timestamp) -> PoeDocument {
        let id = Uuid::from_u128(
            0x7ea1_d0c0_0000_4000_8000_0000_0000_0000
                | scenario.number() << 16
                | u128::from(self.number),
        );
        let hex = id.simple().to_string();
        PoeDocument {
            id,
            file_name: self.file_name.to_string(),
            media_type: "application/pdf".to_string(),
            size: self.size,
            sha256: format!("{hex}{hex}"),
            added_at: at,
            added_by: Actor::Partner,
            note: String::new(),
        }
    }
}

/// A claim as a scenario starts it: a draft with these fields and documents, created at
/// the start instant, its readiness checklist ticked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StartingClaim {
    /// Which claim.
    pub key: ClaimKey,
    /// Its fields.
    pub fields: ClaimFields,
    /// Its PoE documents.
    pub poe: Vec<ScriptDocument>,
}

/// What a scripted actor does: the [`Action`]s scenarios use, with [`Remark`] codes where
/// an action carries text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ScriptAction {
    /// The partner submits the draft.
    Submit,
    /// A reviewer starts the review.
    StartReview,
    /// A reviewer asks for more information.
    RequestInformation {
        /// At least one reason.
        reasons: Vec<InformationReason>,
        /// The reviewer's comment.
        remark: Remark,
    },
    /// The partner adds a PoE document.
    AddPoe(ScriptDocument),
    /// The partner responds and resubmits.
    Respond {
        /// The partner's reply.
        remark: Option<Remark>,
    },
    /// A reviewer approves.
    Approve,
    /// A reviewer rejects (a named reason: `Other` would need free text).
    Reject(ReviewerRejectionReason),
    /// The customer declines during the consent period.
    CustomerDecline,
    /// The partner requests rejection (a named reason).
    RequestRejection(PartnerRejectionReason),
    /// The partner disputes the rejection.
    Dispute {
        /// The business justification.
        remark: Option<Remark>,
        /// Updated PoE.
        poe: Vec<ScriptDocument>,
    },
    /// A reviewer upholds the rejection.
    UpholdRejection,
    /// A reviewer overturns the rejection.
    OverturnRejection,
    /// The partner changes the Partner ID (an edit).
    SetPartnerId(&'static str),
    /// A comment.
    Comment(Remark),
}

impl ScriptAction {
    /// The kind of history entry the action records.
    ///
    /// ```
    /// use claim_rules::history::ActionKind;
    /// use claim_rules::scenarios::ScriptAction;
    ///
    /// assert_eq!(ScriptAction::SetPartnerId("1234567").kind(), ActionKind::Edit);
    /// ```
    pub fn kind(&self) -> ActionKind {
        match self {
            ScriptAction::Submit => ActionKind::Submit,
            ScriptAction::StartReview => ActionKind::StartReview,
            ScriptAction::RequestInformation { .. } => ActionKind::RequestInformation,
            ScriptAction::AddPoe(_) => ActionKind::AddPoe,
            ScriptAction::Respond { .. } => ActionKind::Respond,
            ScriptAction::Approve => ActionKind::Approve,
            ScriptAction::Reject(_) => ActionKind::Reject,
            ScriptAction::CustomerDecline => ActionKind::CustomerDecline,
            ScriptAction::RequestRejection(_) => ActionKind::RequestRejection,
            ScriptAction::Dispute { .. } => ActionKind::Dispute,
            ScriptAction::UpholdRejection => ActionKind::UpholdRejection,
            ScriptAction::OverturnRejection => ActionKind::OverturnRejection,
            ScriptAction::SetPartnerId(_) => ActionKind::Edit,
            ScriptAction::Comment(_) => ActionKind::Comment,
        }
    }

    /// The lifecycle action, for `claim` in `scenario` at `at`, with remarks worded by
    /// `words`.
    ///
    /// ```
    /// use claim_rules::history::InformationReason;
    /// use claim_rules::lifecycle::{new_claim, Action};
    /// use claim_rules::scenarios::{Remark, ScenarioId, ScriptAction};
    ///
    /// let at: jiff::Timestamp = "2026-06-03T18:00:00Z".parse()?;
    /// let claim = new_claim(uuid::Uuid::nil(), at, Default::default());
    /// let request = ScriptAction::RequestInformation {
    ///     reasons: vec![InformationReason::MissingCustomerAcknowledgment],
    ///     remark: Remark::SignatureMissing,
    /// };
    /// let words = |_: Remark| "Bitte mit Unterschrift.".to_string();
    /// let Action::RequestInformation { comment, .. } =
    ///     request.action(ScenarioId::InformationAnswered, &claim, at, &words)
    /// else {
    ///     unreachable!()
    /// };
    /// assert_eq!(comment, "Bitte mit Unterschrift.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn action(
        &self,
        scenario: ScenarioId,
        claim: &Claim,
        at: Timestamp,
        words: &dyn Fn(Remark) -> String,
    ) -> Action {
        match self {
            ScriptAction::Submit => Action::Submit,
            ScriptAction::StartReview => Action::StartReview,
            ScriptAction::RequestInformation { reasons, remark } => Action::RequestInformation {
                reasons: reasons.clone(),
                comment: words(*remark),
                products_to_remove: Vec::new(),
            },
            ScriptAction::AddPoe(document) => Action::AddPoe(document.poe(scenario, at)),
            ScriptAction::Respond { remark } => Action::Respond {
                comment: remark.map(words).unwrap_or_default(),
            },
            ScriptAction::Approve => Action::Approve,
            ScriptAction::Reject(reason) => Action::Reject {
                reason: reason.clone(),
            },
            ScriptAction::CustomerDecline => Action::CustomerDecline,
            ScriptAction::RequestRejection(reason) => Action::RequestRejection {
                reason: reason.clone(),
            },
            ScriptAction::Dispute { remark, poe } => Action::Dispute {
                justification: remark.map(words).unwrap_or_default(),
                poe: poe
                    .iter()
                    .map(|document| document.poe(scenario, at))
                    .collect(),
            },
            ScriptAction::UpholdRejection => Action::UpholdRejection,
            ScriptAction::OverturnRejection => Action::OverturnRejection,
            ScriptAction::SetPartnerId(partner_id) => {
                let mut fields = claim.fields.clone();
                fields.partner_id = (*partner_id).to_string();
                Action::edit(fields)
            }
            ScriptAction::Comment(remark) => Action::Comment {
                text: words(*remark),
            },
        }
    }
}

/// How a step's days are counted from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DayCount {
    /// Business days of the scenario's calendar.
    Business,
    /// Calendar days.
    Calendar,
}

/// When a scripted action happens: `days` business or calendar days after the start's
/// local date, at `time` (local, in the calendar's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct When {
    /// Days after the start's local date (0: the start day).
    pub days: u32,
    /// How the days count.
    pub count: DayCount,
    /// The local time of day.
    pub time: civil::Time,
}

impl When {
    /// `days` business days after the start, at `hour:minute`.
    pub const fn business(days: u32, hour: i8, minute: i8) -> When {
        When {
            days,
            count: DayCount::Business,
            time: civil::time(hour, minute, 0, 0),
        }
    }

    /// `days` calendar days after the start, at `hour:minute`.
    pub const fn calendar(days: u32, hour: i8, minute: i8) -> When {
        When {
            days,
            count: DayCount::Calendar,
            time: civil::time(hour, minute, 0, 0),
        }
    }

    /// A stable machine code for how the time is stated: `when.same_day`,
    /// `when.business_days` or `when.calendar_days` (parameters: the days as `count`, the
    /// time of day).
    pub fn code(&self) -> &'static str {
        match (self.days, self.count) {
            (0, DayCount::Business | DayCount::Calendar) => "when.same_day",
            (_, DayCount::Business) => "when.business_days",
            (_, DayCount::Calendar) => "when.calendar_days",
        }
    }

    /// The parameters of its text: the days as `count` (unless it is the start day) and
    /// the `time` of day.
    ///
    /// ```
    /// use claim_rules::scenarios::{Param, When};
    ///
    /// let when = When::business(2, 11, 0);
    /// assert_eq!(when.code(), "when.business_days");
    /// assert_eq!(when.params(), [
    ///     ("count", Param::Count(2)),
    ///     ("time", Param::Time(jiff::civil::time(11, 0, 0, 0))),
    /// ]);
    /// ```
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        let time = ("time", Param::Time(self.time));
        match self.days {
            0 => vec![time],
            days => vec![("count", Param::Count(days)), time],
        }
    }

    /// The instant, counting from `start` in `calendar`; `None` when the local time does
    /// not exist or is out of range.
    ///
    /// ```
    /// use claim_rules::calendar::BusinessCalendar;
    /// use claim_rules::policy::CalendarSettings;
    /// use claim_rules::scenarios::When;
    ///
    /// let calendar = BusinessCalendar::from_settings(&CalendarSettings::default())?;
    /// // Wednesday 23 December 2026, 09:00 in Los Angeles.
    /// let start: jiff::Timestamp = "2026-12-23T09:00:00-08:00".parse()?;
    /// // Two business days later skips Christmas Day and the weekend: Monday 28th.
    /// let at = When::business(2, 10, 30).resolve(start, &calendar).unwrap();
    /// assert_eq!(at, "2026-12-28T10:30:00-08:00".parse()?);
    /// let at = When::calendar(2, 10, 30).resolve(start, &calendar).unwrap();
    /// assert_eq!(at, "2026-12-25T10:30:00-08:00".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, start: Timestamp, calendar: &BusinessCalendar) -> Option<Timestamp> {
        let start_date = calendar.local_date(start);
        let date = match self.count {
            DayCount::Business => calendar
                .checked_business_day_offset(start_date, i64::from(self.days))
                .ok()?,
            DayCount::Calendar => start_date
                .checked_add(jiff::Span::new().days(i64::from(self.days)))
                .ok()?,
        };
        local_instant(calendar, date.to_datetime(self.time))
    }
}

/// The instant of a local date and time in the calendar's zone (a time skipped by a DST
/// change is moved past the gap); `None` out of range.
fn local_instant(calendar: &BusinessCalendar, local: civil::DateTime) -> Option<Timestamp> {
    calendar
        .time_zone()
        .to_ambiguous_timestamp(local)
        .compatible()
        .ok()
}

/// What happens at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum StepEvent {
    /// A person acts on the step's claim.
    Act {
        /// Who.
        actor: Actor,
        /// What.
        action: ScriptAction,
        /// When.
        at: When,
    },
    /// The partner starts a new claim from the step's (rejected) claim.
    StartNewClaim {
        /// The key the new claim gets.
        new_claim: ClaimKey,
        /// When.
        at: When,
    },
    /// A deadline of the step's claim passes: the system applies its transition, if the
    /// clock has one (auto-rejection, end of consent), or the clock is just past due (an
    /// overdue review, a dispute window that closes). It happens at the deadline the
    /// rules compute.
    DeadlinePasses {
        /// The clock.
        clock: ClockKind,
    },
}

impl StepEvent {
    /// Who acts: the system for a deadline, the partner for a new claim.
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::history::ActionKind;
    /// use claim_rules::model::Actor;
    /// use claim_rules::scenarios::StepEvent;
    ///
    /// let consent = StepEvent::DeadlinePasses { clock: ClockKind::CustomerConsent };
    /// assert_eq!(consent.actor(), Actor::System);
    /// assert_eq!(consent.action_kind(), Some(ActionKind::ConsentEnded));
    /// // An overdue review is a deadline without a transition.
    /// let overdue = StepEvent::DeadlinePasses { clock: ClockKind::ReviewDecision };
    /// assert_eq!(overdue.action_kind(), None);
    /// ```
    pub fn actor(&self) -> Actor {
        match self {
            StepEvent::Act { actor, .. } => *actor,
            StepEvent::StartNewClaim { .. } => Actor::Partner,
            StepEvent::DeadlinePasses { .. } => Actor::System,
        }
    }

    /// The history entry the step records on its claim, if any (a deadline without a
    /// transition records none).
    pub fn action_kind(&self) -> Option<ActionKind> {
        match self {
            StepEvent::Act { action, .. } => Some(action.kind()),
            StepEvent::StartNewClaim { .. } => Some(ActionKind::RestartedAs),
            StepEvent::DeadlinePasses { clock } => clock.expiry_transition(),
        }
    }

    /// For a deadline, the code of its event (`deadline_passes.<clock>`).
    ///
    /// ```
    /// use claim_rules::deadlines::ClockKind;
    /// use claim_rules::scenarios::StepEvent;
    ///
    /// let event = StepEvent::DeadlinePasses { clock: ClockKind::PartnerResponse };
    /// assert_eq!(event.deadline_code(), Some("deadline_passes.partner_response"));
    /// ```
    pub fn deadline_code(&self) -> Option<&'static str> {
        match self {
            StepEvent::Act { .. } | StepEvent::StartNewClaim { .. } => None,
            StepEvent::DeadlinePasses { clock } => Some(match clock {
                ClockKind::ReviewStart => "deadline_passes.review_start",
                ClockKind::ReviewDecision => "deadline_passes.review_decision",
                ClockKind::PartnerResponse => "deadline_passes.partner_response",
                ClockKind::CustomerConsent => "deadline_passes.customer_consent",
                ClockKind::DisputeWindow => "deadline_passes.dispute_window",
                ClockKind::DisputeReview => "deadline_passes.dispute_review",
                ClockKind::DecisionTarget => "deadline_passes.decision_target",
            }),
        }
    }
}

/// One step of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The claim it acts on.
    pub claim: ClaimKey,
    /// What happens, and when.
    pub event: StepEvent,
    /// The rule in play, explained.
    pub lesson: Lesson,
    /// "Ask the room" before revealing this clock's deadline (a clock the step starts).
    pub ask: Option<ClockKind>,
}

/// The phase a claim ends in, as a scenario states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum EndPhase {
    /// A draft.
    Draft,
    /// Submitted, waiting for a reviewer.
    AwaitingReview,
    /// Under review.
    UnderReview,
    /// Waiting for the partner.
    PartnerActionRequired,
    /// Approved, in its consent period.
    ConsentPeriod,
    /// Approved, official.
    Official,
    /// Rejected for this reason, disputable or final.
    Rejected {
        /// Why.
        reason: crate::history::RejectionReason,
        /// Whether it can still be disputed.
        disputable: bool,
    },
    /// Disputed.
    Disputed,
}

impl EndPhase {
    /// Whether the rules' `phase` is this one.
    ///
    /// ```
    /// use claim_rules::lifecycle::Phase;
    /// use claim_rules::scenarios::EndPhase;
    ///
    /// assert!(EndPhase::Official.matches(&Phase::Official { since: None }));
    /// assert!(!EndPhase::ConsentPeriod.matches(&Phase::Official { since: None }));
    /// ```
    pub fn matches(&self, phase: &Phase) -> bool {
        match (self, phase) {
            (EndPhase::Draft, Phase::Draft)
            | (EndPhase::AwaitingReview, Phase::AwaitingReview)
            | (EndPhase::UnderReview, Phase::UnderReview)
            | (EndPhase::PartnerActionRequired, Phase::PartnerActionRequired { .. })
            | (EndPhase::ConsentPeriod, Phase::ConsentPeriod { .. })
            | (EndPhase::Official, Phase::Official { .. })
            | (EndPhase::Disputed, Phase::Disputed) => true,
            (
                EndPhase::Rejected { reason, disputable },
                Phase::Rejected {
                    reason: found,
                    disputable_until,
                },
            ) => found.as_ref() == Some(reason) && disputable_until.is_some() == *disputable,
            (
                EndPhase::Draft
                | EndPhase::AwaitingReview
                | EndPhase::UnderReview
                | EndPhase::PartnerActionRequired
                | EndPhase::ConsentPeriod
                | EndPhase::Official
                | EndPhase::Rejected { .. }
                | EndPhase::Disputed,
                _,
            ) => false,
        }
    }
}

/// How a claim ends when the script is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ending {
    /// The claim.
    pub claim: ClaimKey,
    /// Its final status.
    pub status: Status,
    /// Its final phase.
    pub phase: EndPhase,
}

/// A training scenario: the starting situation and the script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Which scenario.
    pub id: ScenarioId,
    /// The policy and calendar it runs under.
    pub policy: Policy,
    /// The start, local in the calendar's zone.
    pub start: civil::DateTime,
    /// The claims at the start (drafts ready to submit).
    pub claims: Vec<StartingClaim>,
    /// The script, in time order.
    pub steps: Vec<Step>,
    /// How each claim ends.
    pub endings: Vec<Ending>,
}

impl Scenario {
    /// The rules the scenario runs under.
    ///
    /// # Errors
    ///
    /// The policy's calendar cannot be built.
    ///
    /// ```
    /// use claim_rules::scenarios::{self, ScenarioId};
    ///
    /// let rules = scenarios::scenario(ScenarioId::ChristmasDeadline).rules()?;
    /// assert!(!rules.calendar().is_business_day(jiff::civil::date(2026, 12, 25)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rules(&self) -> Result<Rules, crate::calendar::CalendarError> {
        Rules::new(self.policy.clone())
    }

    /// Whether the scenario has at least one "ask the room" question.
    ///
    /// ```
    /// use claim_rules::scenarios::{self, ScenarioId};
    ///
    /// assert!(scenarios::scenario(ScenarioId::ChristmasDeadline).asks_the_room());
    /// ```
    pub fn asks_the_room(&self) -> bool {
        self.steps.iter().any(|step| step.ask.is_some())
    }
}

/// The last day of a deadline: the local day it is the end of.
fn last_day(calendar: &BusinessCalendar, due: Timestamp) -> Option<Date> {
    if due == Timestamp::MAX {
        return None;
    }
    calendar.local_date(due).yesterday().ok()
}

/// Build a starting claim: a draft with its documents added and its checklist ticked.
fn build_claim(
    scenario: ScenarioId,
    starting: &StartingClaim,
    at: Timestamp,
    rules: &Rules,
) -> Result<Claim, lifecycle::Refusal> {
    let mut claim = lifecycle::new_claim(starting.key.id(scenario), at, starting.fields.clone());
    for document in &starting.poe {
        let action = Action::AddPoe(document.poe(scenario, at));
        claim = lifecycle::apply(&claim, action, Actor::Partner, at, at, rules)?;
    }
    let checklist = crate::model::PoeChecklist {
        about_this_claim: true,
        customer_acknowledgment: true,
        dates_recent: true,
        solution_described: true,
        products_named: true,
    };
    lifecycle::apply(
        &claim,
        Action::SetPoeChecklist(checklist),
        Actor::Partner,
        at,
        at,
        rules,
    )
}

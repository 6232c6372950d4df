//! Texts of the claim page and of the components it shares with the dashboard (status
//! and phase badges, countdowns, the timeline).
//!
//! Fixed texts are [`ClaimText`] variants; names of the rules' closed sets (statuses,
//! actions, clocks, actors, reasons) are variants carrying the value, so one enum covers
//! every fixed text of the claim screens. Texts with parameters are the functions below
//! (`countdown_*`, `due_text`, …), each matching on the language.

use claim_rules::deadlines::{day_ended_by, ClockKind};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use claim_rules::lifecycle::{Phase, PhaseKind};
use claim_rules::model::{Activity, Actor, Status};
use jiff::Timestamp;

use super::{rules, I18n, Locale, Translate};

/// The kinds of reason a reviewer can reject for, without the text of `Other`: the
/// choices of the reject form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewerReasonKind {
    /// The PoE does not prove the activity.
    InsufficientPoe,
    /// The PoE lacks the customer's consent.
    CustomerConsentMissingInPoe,
    /// Claimed products are missing.
    MissingProducts,
    /// No PoE was available.
    PoeNotAvailable,
    /// Another reason, in the reviewer's words.
    Other,
}

impl ReviewerReasonKind {
    /// Every choice, in the order the form lists them.
    pub const ALL: [ReviewerReasonKind; 5] = [
        ReviewerReasonKind::InsufficientPoe,
        ReviewerReasonKind::CustomerConsentMissingInPoe,
        ReviewerReasonKind::MissingProducts,
        ReviewerReasonKind::PoeNotAvailable,
        ReviewerReasonKind::Other,
    ];

    /// The rules' reason for this choice; `other` is the text of `Other`.
    pub fn reason(self, other: String) -> ReviewerRejectionReason {
        match self {
            ReviewerReasonKind::InsufficientPoe => ReviewerRejectionReason::InsufficientPoe,
            ReviewerReasonKind::CustomerConsentMissingInPoe => {
                ReviewerRejectionReason::CustomerConsentMissingInPoe
            }
            ReviewerReasonKind::MissingProducts => ReviewerRejectionReason::MissingProducts,
            ReviewerReasonKind::PoeNotAvailable => ReviewerRejectionReason::PoeNotAvailable,
            ReviewerReasonKind::Other => ReviewerRejectionReason::Other(other),
        }
    }

    /// The choice a reason belongs to.
    pub fn of(reason: &ReviewerRejectionReason) -> Self {
        match reason {
            ReviewerRejectionReason::InsufficientPoe => ReviewerReasonKind::InsufficientPoe,
            ReviewerRejectionReason::CustomerConsentMissingInPoe => {
                ReviewerReasonKind::CustomerConsentMissingInPoe
            }
            ReviewerRejectionReason::MissingProducts => ReviewerReasonKind::MissingProducts,
            ReviewerRejectionReason::PoeNotAvailable => ReviewerReasonKind::PoeNotAvailable,
            ReviewerRejectionReason::Other(_) => ReviewerReasonKind::Other,
        }
    }
}

/// The kinds of reason a partner can request rejection for, without the text of `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerReasonKind {
    /// The claim used the wrong MPN / Partner ID.
    WrongMpn,
    /// The claim named the wrong activity.
    WrongActivity,
    /// The partner no longer works with the customer.
    NoLongerWorkingWithCustomer,
    /// Another reason, in the partner's words.
    Other,
}

impl PartnerReasonKind {
    /// Every choice, in the order the form lists them.
    pub const ALL: [PartnerReasonKind; 4] = [
        PartnerReasonKind::WrongMpn,
        PartnerReasonKind::WrongActivity,
        PartnerReasonKind::NoLongerWorkingWithCustomer,
        PartnerReasonKind::Other,
    ];

    /// The rules' reason for this choice; `other` is the text of `Other`.
    pub fn reason(self, other: String) -> PartnerRejectionReason {
        match self {
            PartnerReasonKind::WrongMpn => PartnerRejectionReason::WrongMpn,
            PartnerReasonKind::WrongActivity => PartnerRejectionReason::WrongActivity,
            PartnerReasonKind::NoLongerWorkingWithCustomer => {
                PartnerRejectionReason::NoLongerWorkingWithCustomer
            }
            PartnerReasonKind::Other => PartnerRejectionReason::Other(other),
        }
    }

    /// The choice a reason belongs to.
    pub fn of(reason: &PartnerRejectionReason) -> Self {
        match reason {
            PartnerRejectionReason::WrongMpn => PartnerReasonKind::WrongMpn,
            PartnerRejectionReason::WrongActivity => PartnerReasonKind::WrongActivity,
            PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                PartnerReasonKind::NoLongerWorkingWithCustomer
            }
            PartnerRejectionReason::Other(_) => PartnerReasonKind::Other,
        }
    }
}

/// Every fixed text of the claim page, and the names of the rules' closed sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimText {
    /// A status's name.
    Status(Status),
    /// An action's name (history lines, buttons).
    Action(ActionKind),
    /// A clock's name.
    Clock(ClockKind),
    /// Who acted, as a noun ("Partner").
    Actor(Actor),
    /// An information-request reason.
    InformationReason(InformationReason),
    /// A reviewer's rejection reason.
    ReviewerReason(ReviewerReasonKind),
    /// A partner's reason for requesting rejection.
    PartnerReason(PartnerReasonKind),
    /// An activity's name.
    Activity(Activity),
    NotFoundTitle,
    NotFoundHint,
    LabelStatus,
    LabelPhase,
    LabelClaimId,
    LabelCreated,
    LabelUpdated,
    Archived,
    ActingAs,
    ActingAsHint,
    EffectiveTime,
    EffectiveTimeNow,
    UseCurrentTime,
    EffectiveTimeInvalid,
    SectionClocks,
    SectionTimeline,
    SectionActions,
    SectionDetails,
    SectionPoe,
    SectionComments,
    SectionHistory,
    NoRunningClocks,
    EarlierClocks,
    PartnerMustAct,
    ReviewerActs,
    NotAvailableNow,
    NoActionsForRole,
    Record,
    Cancel,
    ReasonsLegend,
    CommentLabel,
    ProductsToRemoveLegend,
    ReasonLabel,
    ChooseReason,
    OtherReasonLabel,
    JustificationLabel,
    DisputePoeLabel,
    RespondCommentLabel,
    RespondHint,
    DeleteDraft,
    DeleteConfirm,
    DeleteYes,
    ContinueEditing,
    ErrorChangedElsewhere,
    ErrorKeptAside,
    ErrorNotFound,
    EditDetails,
    SaveDetails,
    DetailsSaved,
    LockedPrefix,
    FieldName,
    FieldPartnerId,
    FieldCustomerDomain,
    FieldTenantId,
    FieldSolutionArea,
    FieldActivities,
    FieldProducts,
    FieldPrograms,
    FieldCustomerContact,
    FieldTechnicalContact,
    FieldPartnerContact,
    FieldContactName,
    FieldContactTitle,
    FieldContactEmail,
    FieldRevenueAssociation,
    FieldSolutionSeller,
    FieldCustomerName,
    FieldIsvSolution,
    SeveralSubscriptions,
    SubscriptionId,
    NotSet,
    ChooseArea,
    PoeFileName,
    PoeMediaType,
    PoeSize,
    PoeAdded,
    PoeSha256,
    PoeNote,
    NoPoe,
    AddPoeFiles,
    AddPoeHint,
    RemovePoe,
    ReadingFiles,
    PoeChecklistTitle,
    NoComments,
    NewComment,
    AddComment,
    HistoryChanges,
    HistoryEmptyValue,
    TimelineTitle,
    TimelineDescription,
    TimelineNow,
    TimelineScroll,
    TimelinePhases,
    TimelineDeadlines,
    LinkStartedFrom,
    LinkRestartedAs,
    LinkConflictCopy,
    OpenLinkedClaim,
    NowShort,
    AllDetails,
    TimelineLegend,
    FieldContacts,
    SubmitFixFirst,
    ChooseFiles,
}

impl Translate for ClaimText {
    fn en(self) -> &'static str {
        match self {
            ClaimText::Status(status) => rules::status_name(status),
            ClaimText::Action(action) => rules::action_name(action),
            ClaimText::Clock(clock) => rules::clock_name(clock),
            ClaimText::Actor(actor) => rules::actor_name(actor),
            ClaimText::InformationReason(reason) => rules::information_reason_name(reason),
            ClaimText::ReviewerReason(reason) => {
                rules::reviewer_reason_name(&reason.reason(String::new()))
            }
            ClaimText::PartnerReason(reason) => {
                rules::partner_reason_name(&reason.reason(String::new()))
            }
            ClaimText::Activity(activity) => rules::activity_name(activity),
            ClaimText::NotFoundTitle => "This claim is not here",
            ClaimText::NotFoundHint => "It may have been deleted, or it is stored in another browser. Go back to the dashboard, or import an export file that holds it.",
            ClaimText::LabelStatus => "Status",
            ClaimText::LabelPhase => "Phase",
            ClaimText::LabelClaimId => "Claim ID",
            ClaimText::LabelCreated => "Created",
            ClaimText::LabelUpdated => "Last change",
            ClaimText::Archived => "Archived",
            ClaimText::ActingAs => "Acting as",
            ClaimText::ActingAsHint => "Record what happened in Partner Center as the one who did it.",
            ClaimText::EffectiveTime => "Effective date and time",
            ClaimText::EffectiveTimeNow => "Now (the current time)",
            ClaimText::UseCurrentTime => "Use the current time",
            ClaimText::EffectiveTimeInvalid => "Enter a complete date and time, for example 2026-11-20 10:00.",
            ClaimText::SectionClocks => "Deadlines",
            ClaimText::SectionTimeline => "Timeline",
            ClaimText::SectionActions => "Actions",
            ClaimText::SectionDetails => "Details",
            ClaimText::SectionPoe => "Proof of execution",
            ClaimText::SectionComments => "Comments",
            ClaimText::SectionHistory => "History",
            ClaimText::NoRunningClocks => "No clock is running.",
            ClaimText::EarlierClocks => "Earlier clocks",
            ClaimText::PartnerMustAct => "You act",
            ClaimText::ReviewerActs => "Microsoft acts",
            ClaimText::NotAvailableNow => "Not available now, and why",
            ClaimText::NoActionsForRole => "Nothing to do in this role right now.",
            ClaimText::Record => "Record",
            ClaimText::Cancel => "Cancel",
            ClaimText::ReasonsLegend => "Reasons (at least one)",
            ClaimText::CommentLabel => "Comment",
            ClaimText::ProductsToRemoveLegend => "Products to remove (optional)",
            ClaimText::ReasonLabel => "Reason",
            ClaimText::ChooseReason => "Choose a reason…",
            ClaimText::OtherReasonLabel => "Describe the reason",
            ClaimText::JustificationLabel => "Business justification",
            ClaimText::DisputePoeLabel => "Updated proof of execution (optional when you write a justification)",
            ClaimText::RespondCommentLabel => "Your reply (optional when you added PoE, edited or commented since the request)",
            ClaimText::RespondHint => "Resubmits the claim for review.",
            ClaimText::DeleteDraft => "Delete draft",
            ClaimText::DeleteConfirm => "Delete this draft for good? This cannot be undone.",
            ClaimText::DeleteYes => "Yes, delete it",
            ClaimText::ContinueEditing => "Continue editing",
            ClaimText::ErrorChangedElsewhere => "This claim was changed in another tab, so nothing was recorded. The page now shows the latest version; check it and try again.",
            ClaimText::ErrorKeptAside => "This claim's stored entry cannot be read, so it is kept aside untouched and nothing was recorded. Download it from the banner above.",
            ClaimText::ErrorNotFound => "This claim is no longer stored here; nothing was recorded.",
            ClaimText::EditDetails => "Edit details",
            ClaimText::SaveDetails => "Save changes",
            ClaimText::DetailsSaved => "Changes saved.",
            ClaimText::LockedPrefix => "Locked:",
            ClaimText::FieldName => "Claim name",
            ClaimText::FieldPartnerId => "Partner ID (MPN)",
            ClaimText::FieldCustomerDomain => "Customer domain",
            ClaimText::FieldTenantId => "Customer tenant ID",
            ClaimText::FieldSolutionArea => "Solution area",
            ClaimText::FieldActivities => "Activity",
            ClaimText::FieldProducts => "Products",
            ClaimText::FieldPrograms => "Programs",
            ClaimText::FieldCustomerContact => "Customer contact",
            ClaimText::FieldTechnicalContact => "Technical contact",
            ClaimText::FieldPartnerContact => "Partner contact",
            ClaimText::FieldContactName => "Name",
            ClaimText::FieldContactTitle => "Title",
            ClaimText::FieldContactEmail => "E-mail",
            ClaimText::FieldRevenueAssociation => "Revenue association",
            ClaimText::FieldSolutionSeller => "Dynamics solution seller",
            ClaimText::FieldCustomerName => "Customer name",
            ClaimText::FieldIsvSolution => "ISV product or solution",
            ClaimText::SeveralSubscriptions => "Customer has several subscriptions of this product",
            ClaimText::SubscriptionId => "Subscription ID",
            ClaimText::NotSet => "—",
            ClaimText::ChooseArea => "Choose an area…",
            ClaimText::PoeFileName => "File",
            ClaimText::PoeMediaType => "Type",
            ClaimText::PoeSize => "Size",
            ClaimText::PoeAdded => "Added",
            ClaimText::PoeSha256 => "SHA-256",
            ClaimText::PoeNote => "Note",
            ClaimText::NoPoe => "No proof of execution yet.",
            ClaimText::AddPoeFiles => "Add documents",
            ClaimText::AddPoeHint => "Only the file's name, type, size and SHA-256 fingerprint are recorded; the file stays on your computer.",
            ClaimText::RemovePoe => "Remove",
            ClaimText::ReadingFiles => "Reading files…",
            ClaimText::PoeChecklistTitle => "Readiness self-check",
            ClaimText::NoComments => "No comments yet.",
            ClaimText::NewComment => "New comment",
            ClaimText::AddComment => "Add comment",
            ClaimText::HistoryChanges => "Changes",
            ClaimText::HistoryEmptyValue => "(empty)",
            ClaimText::TimelineTitle => "Timeline of phases and deadlines",
            ClaimText::TimelineDescription => "Coloured bands show each status over time; each row below is a clock from its start to its deadline; the vertical line is now.",
            ClaimText::TimelineNow => "Now",
            ClaimText::TimelineScroll => "Timeline picture (scrolls sideways)",
            ClaimText::TimelinePhases => "Phases",
            ClaimText::TimelineDeadlines => "Deadlines",
            ClaimText::LinkStartedFrom => "Started from a rejected claim",
            ClaimText::LinkRestartedAs => "A new claim was started from this one",
            ClaimText::LinkConflictCopy => "Import conflict copy of another claim",
            ClaimText::OpenLinkedClaim => "Open",
            ClaimText::NowShort => "now",
            ClaimText::AllDetails => "All details",
            ClaimText::TimelineLegend => "Key",
            ClaimText::FieldContacts => "Contacts",
            ClaimText::SubmitFixFirst => "Fix these first:",
            ClaimText::ChooseFiles => "Choose files",
        }
    }
}

/// A status's name in the current language (the dashboard uses it too).
pub fn status_name(i18n: &I18n, status: Status) -> &'static str {
    i18n.t(ClaimText::Status(status))
}

/// An action's name in the current language.
pub fn action_name(i18n: &I18n, action: ActionKind) -> &'static str {
    i18n.t(ClaimText::Action(action))
}

/// A clock's name in the current language.
pub fn clock_name(i18n: &I18n, clock: ClockKind) -> &'static str {
    i18n.t(ClaimText::Clock(clock))
}

/// Who acted, in the current language.
pub fn actor_name(i18n: &I18n, actor: Actor) -> &'static str {
    i18n.t(ClaimText::Actor(actor))
}

/// A phase's name in the current language (without its dates).
pub fn phase_name(i18n: &I18n, phase: &Phase) -> &'static str {
    match i18n.locale() {
        Locale::En => rules::phase_name(PhaseKind::from(phase)),
    }
}

/// Why a claim was rejected, in the current language; reviewer and partner `Other`
/// reasons carry their author's text.
pub fn rejection_reason_text(i18n: &I18n, reason: &RejectionReason) -> String {
    match i18n.locale() {
        Locale::En => rules::rejection_reason(reason),
    }
}

/// A span of time as the countdowns show it: days and hours, or minutes and seconds when
/// under an hour ("2 d 5 h", "5 h", "42 min 7 s").
pub fn span_text(i18n: &I18n, seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (days, hours) = (seconds / 86_400, (seconds % 86_400) / 3_600);
    let (minutes, secs) = ((seconds % 3_600) / 60, seconds % 60);
    match i18n.locale() {
        Locale::En => {
            if seconds < 3_600 {
                format!("{minutes} min {secs} s")
            } else if days == 0 {
                format!("{hours} h")
            } else {
                format!("{days} d {hours} h")
            }
        }
    }
}

/// "3 business days" (singular for one).
pub fn business_days_text(i18n: &I18n, days: i64) -> String {
    match i18n.locale() {
        Locale::En => {
            if days == 1 {
                "1 business day".to_string()
            } else {
                format!("{days} business days")
            }
        }
    }
}

/// A countdown before its deadline: `main` is the days/hours (or minutes/seconds) text,
/// `business` the business days left when the clock counts them.
pub fn countdown_left(i18n: &I18n, main: &str, business: Option<&str>) -> String {
    match i18n.locale() {
        Locale::En => match business {
            Some(business) => format!("{business} left ({main})"),
            None => format!("{main} left"),
        },
    }
}

/// A countdown past its deadline ("Overdue by …"), so lateness is said in words and not
/// only by colour.
pub fn countdown_overdue(i18n: &I18n, main: &str, business: Option<&str>) -> String {
    match i18n.locale() {
        Locale::En => match business {
            Some(business) => format!("Overdue by {business} ({main})"),
            None => format!("Overdue by {main}"),
        },
    }
}

/// A paused clock: what would be left if it resumed now.
pub fn countdown_paused(i18n: &I18n, left: &str) -> String {
    match i18n.locale() {
        Locale::En => format!("Paused while the partner acts — {left} when resumed"),
    }
}

/// "Due by end of Mon, Nov 30, 2026" for a deadline at a local midnight (the end of the
/// previous day), otherwise "Due Mon, Nov 30, 2026, 3:00 PM".
pub fn due_text(i18n: &I18n, due: Timestamp, time_zone: &str) -> String {
    let (end_of_day, shown) = end_of_day_view(due, time_zone);
    match i18n.locale() {
        Locale::En => {
            if end_of_day {
                format!("Due by end of {}", weekday_date(i18n, shown, time_zone))
            } else {
                format!("Due {}", weekday_date_time(i18n, shown, time_zone))
            }
        }
    }
}

/// An instant as a deadline reads: "end of Thu, Dec 31, 2026" at a local midnight,
/// otherwise its date and time.
pub fn deadline_instant_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    let (end_of_day, shown) = end_of_day_view(at, time_zone);
    match i18n.locale() {
        Locale::En => {
            if end_of_day {
                format!("the end of {}", weekday_date(i18n, shown, time_zone))
            } else {
                weekday_date_time(i18n, shown, time_zone)
            }
        }
    }
}

/// Whether `at` ends a local day in `time_zone` (a deadline, by the rules'
/// [`day_ended_by`]), and the instant to show for it: noon of the day that ends, so the
/// date shown is that day; otherwise `at` itself.
fn end_of_day_view(at: Timestamp, time_zone: &str) -> (bool, Timestamp) {
    let Ok(zone) = jiff::tz::TimeZone::get(time_zone) else {
        return (false, at);
    };
    match day_ended_by(&zone, at).and_then(|day| day.at(12, 0, 0, 0).to_zoned(zone).ok()) {
        Some(noon) => (true, noon.timestamp()),
        None => (false, at),
    }
}

/// A clock that has ended or is not counting down, said in words.
pub fn clock_state_text(
    i18n: &I18n,
    state: &claim_rules::deadlines::ClockState,
    time_zone: &str,
) -> String {
    match i18n.locale() {
        Locale::En => rules::clock_state(i18n, state, time_zone),
    }
}

/// "Started {date} by {action}".
pub fn started_text(i18n: &I18n, at: Timestamp, by: ActionKind, time_zone: &str) -> String {
    match i18n.locale() {
        Locale::En => format!(
            "Started {} ({})",
            i18n.date_time(at, time_zone),
            action_name(i18n, by)
        ),
    }
}

/// "Recorded: Start review."
pub fn recorded_text(i18n: &I18n, action: ActionKind) -> String {
    match i18n.locale() {
        Locale::En => format!("Recorded: {}.", action_name(i18n, action)),
    }
}

/// The button that performs an action, naming who and when ("Record as Reviewer, now").
pub fn record_as_text(i18n: &I18n, actor: Actor, when: &str) -> String {
    match i18n.locale() {
        Locale::En => format!("Record as {}, {when}", actor_name(i18n, actor)),
    }
}

/// The note under the effective-time input: in which zone the time is read.
pub fn effective_time_hint(i18n: &I18n, time_zone: &str) -> String {
    match i18n.locale() {
        Locale::En => format!("Leave empty for now, or enter when it happened in Partner Center (time zone {time_zone})."),
    }
}

/// What a phase adds to its name: "the customer can decline until …", "official since
/// …", the rejection reason and until when it can be disputed.
pub fn phase_detail_text(i18n: &I18n, phase: &Phase, time_zone: &str) -> Option<String> {
    match i18n.locale() {
        Locale::En => rules::phase_detail(i18n, phase, time_zone),
    }
}

/// "Locked — Claim name, Customer domain: after submission …" (the reason is the rules').
pub fn locked_groups_text(i18n: &I18n, names: &str, reason: &str) -> String {
    match i18n.locale() {
        Locale::En => format!("Locked now — {names}: {reason}."),
    }
}

/// "{n} characters left" under a text area.
pub fn chars_left_text(i18n: &I18n, left: i64) -> String {
    match i18n.locale() {
        Locale::En => {
            if left >= 0 {
                format!("{} characters left", i18n.number(left))
            } else {
                format!("{} characters too many", i18n.number(-left))
            }
        }
    }
}

/// A file size: "12 KB", "1.4 MB".
pub fn size_text(i18n: &I18n, bytes: u64) -> String {
    match i18n.locale() {
        Locale::En => {
            if bytes < 1024 {
                format!("{bytes} B")
            } else if bytes < 1024 * 1024 {
                format!("{} KB", (bytes + 512) / 1024)
            } else {
                format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
            }
        }
    }
}

/// "by Partner, recorded {time}" for a history line whose recording differs from its
/// effective time.
pub fn recorded_at_text(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    match i18n.locale() {
        Locale::En => format!("recorded {}", i18n.date_time(at, time_zone)),
    }
}

/// A short date for timeline ticks ("Nov 20").
pub fn short_date(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    intl(
        i18n,
        at,
        time_zone,
        &[("month", "short"), ("day", "numeric")],
    )
}

/// A date with its weekday ("Mon, Nov 30, 2026").
pub fn weekday_date(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    intl(
        i18n,
        at,
        time_zone,
        &[
            ("weekday", "short"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
        ],
    )
}

/// A date and time with its weekday ("Mon, Nov 30, 2026, 3:00 PM").
pub fn weekday_date_time(i18n: &I18n, at: Timestamp, time_zone: &str) -> String {
    intl(
        i18n,
        at,
        time_zone,
        &[
            ("weekday", "short"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
        ],
    )
}

fn intl(i18n: &I18n, at: Timestamp, time_zone: &str, fields: &[(&str, &str)]) -> String {
    i18n.format_instant(at, time_zone, fields)
}

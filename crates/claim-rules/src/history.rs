//! A claim's history: one entry per action, append-only and ordered by effective time.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::catalog::Product;
use crate::model::{Actor, Status};

/// What happened, as recorded in a history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    /// The claim was created as a draft.
    Create,
    /// Fields were edited.
    Edit,
    /// A PoE document was added.
    AddPoe,
    /// A PoE document was removed (drafts only).
    RemovePoe,
    /// The partner submitted the claim.
    Submit,
    /// A reviewer started the review.
    StartReview,
    /// A reviewer asked the partner for more information.
    RequestInformation,
    /// The partner responded and resubmitted.
    Respond,
    /// A reviewer approved the claim; the consent period starts.
    Approve,
    /// A reviewer rejected the claim.
    Reject,
    /// The customer declined during the consent period.
    CustomerDecline,
    /// The consent period ended; the association is official and goes to incentive
    /// eligibility evaluation.
    ConsentEnded,
    /// The partner-response deadline passed without a response.
    PartnerResponseExpired,
    /// The partner asked for the claim to be rejected.
    RequestRejection,
    /// The partner disputed a rejection.
    Dispute,
    /// A reviewer upheld the rejection; final.
    UpholdRejection,
    /// A reviewer overturned the rejection; the claim is approved.
    OverturnRejection,
    /// A comment was added.
    Comment,
    /// The claim was archived (hidden, kept).
    Archive,
    /// The claim was brought back from the archive.
    Unarchive,
    /// A new draft was started from this rejected claim.
    RestartedAs,
    /// This draft was started from a rejected claim.
    StartedFrom,
}

impl ActionKind {
    /// Every action kind, in lifecycle order.
    pub const ALL: [ActionKind; 22] = [
        ActionKind::Create,
        ActionKind::Edit,
        ActionKind::AddPoe,
        ActionKind::RemovePoe,
        ActionKind::Submit,
        ActionKind::StartReview,
        ActionKind::RequestInformation,
        ActionKind::Respond,
        ActionKind::Approve,
        ActionKind::Reject,
        ActionKind::CustomerDecline,
        ActionKind::ConsentEnded,
        ActionKind::PartnerResponseExpired,
        ActionKind::RequestRejection,
        ActionKind::Dispute,
        ActionKind::UpholdRejection,
        ActionKind::OverturnRejection,
        ActionKind::Comment,
        ActionKind::Archive,
        ActionKind::Unarchive,
        ActionKind::RestartedAs,
        ActionKind::StartedFrom,
    ];

    /// A stable machine code (snake case): the catalogue key `action.<code>` names it.
    ///
    /// ```
    /// use claim_rules::history::ActionKind;
    ///
    /// assert_eq!(ActionKind::RequestInformation.code(), "request_information");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ActionKind::Create => "create",
            ActionKind::Edit => "edit",
            ActionKind::AddPoe => "add_poe",
            ActionKind::RemovePoe => "remove_poe",
            ActionKind::Submit => "submit",
            ActionKind::StartReview => "start_review",
            ActionKind::RequestInformation => "request_information",
            ActionKind::Respond => "respond",
            ActionKind::Approve => "approve",
            ActionKind::Reject => "reject",
            ActionKind::CustomerDecline => "customer_decline",
            ActionKind::ConsentEnded => "consent_ended",
            ActionKind::PartnerResponseExpired => "partner_response_expired",
            ActionKind::RequestRejection => "request_rejection",
            ActionKind::Dispute => "dispute",
            ActionKind::UpholdRejection => "uphold_rejection",
            ActionKind::OverturnRejection => "overturn_rejection",
            ActionKind::Comment => "comment",
            ActionKind::Archive => "archive",
            ActionKind::Unarchive => "unarchive",
            ActionKind::RestartedAs => "restarted_as",
            ActionKind::StartedFrom => "started_from",
        }
    }

    /// Whether only the rules themselves perform this action (when a deadline passes).
    pub fn is_system(self) -> bool {
        match self {
            ActionKind::ConsentEnded | ActionKind::PartnerResponseExpired => true,
            ActionKind::Create
            | ActionKind::Edit
            | ActionKind::AddPoe
            | ActionKind::RemovePoe
            | ActionKind::Submit
            | ActionKind::StartReview
            | ActionKind::RequestInformation
            | ActionKind::Respond
            | ActionKind::Approve
            | ActionKind::Reject
            | ActionKind::CustomerDecline
            | ActionKind::RequestRejection
            | ActionKind::Dispute
            | ActionKind::UpholdRejection
            | ActionKind::OverturnRejection
            | ActionKind::Comment
            | ActionKind::Archive
            | ActionKind::Unarchive
            | ActionKind::RestartedAs
            | ActionKind::StartedFrom => false,
        }
    }
}

/// Why a reviewer asked for more information (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InformationReason {
    /// No PoE at all.
    MissingAllPoe,
    /// The PoE lacks the customer's acknowledgment.
    MissingCustomerAcknowledgment,
    /// Dates are missing or old.
    MissingOrOldDates,
    /// The partner's solution or service is not described.
    MissingPartnerSolution,
    /// Claimed products are not shown in the PoE.
    MissingProducts,
}

impl InformationReason {
    /// Every reason, in Partner Center's order.
    pub const ALL: [InformationReason; 5] = [
        InformationReason::MissingAllPoe,
        InformationReason::MissingCustomerAcknowledgment,
        InformationReason::MissingOrOldDates,
        InformationReason::MissingPartnerSolution,
        InformationReason::MissingProducts,
    ];

    /// A stable machine code (snake case): the catalogue key `information_reason.<code>`
    /// names it.
    ///
    /// ```
    /// use claim_rules::history::InformationReason;
    ///
    /// assert_eq!(InformationReason::MissingOrOldDates.code(), "missing_or_old_dates");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            InformationReason::MissingAllPoe => "missing_all_poe",
            InformationReason::MissingCustomerAcknowledgment => "missing_customer_acknowledgment",
            InformationReason::MissingOrOldDates => "missing_or_old_dates",
            InformationReason::MissingPartnerSolution => "missing_partner_solution",
            InformationReason::MissingProducts => "missing_products",
        }
    }
}

/// Why a reviewer rejected a claim (SPEC §3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewerRejectionReason {
    /// The PoE does not prove the activity.
    InsufficientPoe,
    /// The PoE lacks the customer's consent.
    CustomerConsentMissingInPoe,
    /// Claimed products are missing.
    MissingProducts,
    /// No PoE was available.
    PoeNotAvailable,
    /// Another reason, in the reviewer's words.
    Other(String),
}

impl ReviewerRejectionReason {
    /// A stable machine code (snake case): the catalogue key `reviewer_reason.<code>`
    /// names the choice (`other` names the choice, not the reviewer's text).
    ///
    /// ```
    /// use claim_rules::history::ReviewerRejectionReason;
    ///
    /// assert_eq!(ReviewerRejectionReason::PoeNotAvailable.code(), "poe_not_available");
    /// assert_eq!(ReviewerRejectionReason::Other("late".into()).code(), "other");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ReviewerRejectionReason::InsufficientPoe => "insufficient_poe",
            ReviewerRejectionReason::CustomerConsentMissingInPoe => {
                "customer_consent_missing_in_poe"
            }
            ReviewerRejectionReason::MissingProducts => "missing_products",
            ReviewerRejectionReason::PoeNotAvailable => "poe_not_available",
            ReviewerRejectionReason::Other(_) => "other",
        }
    }
}

/// Why the partner asked for their own claim to be rejected (SPEC §3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerRejectionReason {
    /// The claim used the wrong MPN / Partner ID.
    WrongMpn,
    /// The claim named the wrong activity.
    WrongActivity,
    /// The partner no longer works with the customer.
    NoLongerWorkingWithCustomer,
    /// Another reason, in the partner's words.
    Other(String),
}

impl PartnerRejectionReason {
    /// A stable machine code (snake case): the catalogue key `partner_reason.<code>`
    /// names the choice (`other` names the choice, not the partner's text).
    ///
    /// ```
    /// use claim_rules::history::PartnerRejectionReason;
    ///
    /// assert_eq!(PartnerRejectionReason::WrongMpn.code(), "wrong_mpn");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PartnerRejectionReason::WrongMpn => "wrong_mpn",
            PartnerRejectionReason::WrongActivity => "wrong_activity",
            PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                "no_longer_working_with_customer"
            }
            PartnerRejectionReason::Other(_) => "other",
        }
    }
}

/// Why a claim is rejected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RejectionReason {
    /// A reviewer rejected it.
    Reviewer(ReviewerRejectionReason),
    /// The partner did not respond to an information request in time.
    NoPartnerResponse,
    /// The customer declined in the consent period.
    CustomerDeclined,
    /// The partner asked for it.
    PartnerRequested(PartnerRejectionReason),
    /// The rejection was upheld on dispute; final.
    DisputeUpheld,
}

/// Details that some actions carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventDetail {
    /// An information request's reasons and the products the reviewer asked to remove.
    InformationRequest {
        /// At least one reason.
        reasons: Vec<InformationReason>,
        /// Products the reviewer asked to remove.
        #[serde(default)]
        products_to_remove: Vec<Product>,
    },
    /// Why the claim was rejected.
    Rejection {
        /// The reason.
        reason: RejectionReason,
    },
    /// A dispute's business justification and the PoE documents added with it.
    Dispute {
        /// The partner's justification (may be empty when updated PoE was added).
        justification: String,
        /// Identifiers of PoE documents added with the dispute.
        #[serde(default)]
        poe_added: Vec<uuid::Uuid>,
    },
    /// The related claim (for `RestartedAs` / `StartedFrom`).
    Link {
        /// The other claim.
        claim: uuid::Uuid,
    },
}

/// One field's change: its path (as in the export format) and its old and new JSON values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Path of the field, for example `fields.customer_domain` or `fields.products`.
    pub field: String,
    /// The value before.
    pub old: serde_json::Value,
    /// The value after.
    pub new: serde_json::Value,
}

impl Eq for FieldChange {}

/// One action in a claim's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When the action took effect (for system transitions: the deadline).
    pub at: Timestamp,
    /// When it was recorded in this app.
    pub recorded_at: Timestamp,
    /// Who acted.
    pub actor: Actor,
    /// What was done.
    pub action: ActionKind,
    /// Status before (`None` for creation).
    pub from: Option<Status>,
    /// Status after.
    pub to: Status,
    /// Fields changed, old → new.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    /// The comment given with the action, if any.
    #[serde(default)]
    pub comment: String,
    /// Action-specific details.
    #[serde(default)]
    pub detail: Option<EventDetail>,
}

impl HistoryEntry {
    /// Whether this entry moved the claim into `Rejected` (from another status).
    pub fn enters_rejected(&self) -> bool {
        self.to == Status::Rejected && self.from != Some(Status::Rejected)
    }

    /// The rejection reason this entry records, if it records one.
    pub fn rejection_reason(&self) -> Option<&RejectionReason> {
        match &self.detail {
            Some(EventDetail::Rejection { reason }) => Some(reason),
            Some(
                EventDetail::InformationRequest { .. }
                | EventDetail::Dispute { .. }
                | EventDetail::Link { .. },
            )
            | None => None,
        }
    }
}

impl RejectionReason {
    /// A stable machine code (snake case): the catalogue key `rejection_reason.<code>`
    /// words it (with the reviewer's or partner's own reason as a parameter).
    ///
    /// ```
    /// use claim_rules::history::RejectionReason;
    ///
    /// assert_eq!(RejectionReason::NoPartnerResponse.code(), "no_partner_response");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RejectionReason::Reviewer(_) => "reviewer",
            RejectionReason::NoPartnerResponse => "no_partner_response",
            RejectionReason::CustomerDeclined => "customer_declined",
            RejectionReason::PartnerRequested(_) => "partner_requested",
            RejectionReason::DisputeUpheld => "dispute_upheld",
        }
    }

    /// Whether a rejection for this reason can be disputed: every reason except the
    /// partner's own request and an upheld dispute (which is final).
    pub fn is_disputable(&self) -> bool {
        match self {
            RejectionReason::Reviewer(_)
            | RejectionReason::NoPartnerResponse
            | RejectionReason::CustomerDeclined => true,
            RejectionReason::PartnerRequested(_) | RejectionReason::DisputeUpheld => false,
        }
    }
}

/// The entry that moved the claim into its current rejection: the last entry entering
/// `Rejected`. `None` when the history has no such entry.
pub fn last_rejection(history: &[HistoryEntry]) -> Option<&HistoryEntry> {
    history.iter().rev().find(|entry| entry.enters_rejected())
}

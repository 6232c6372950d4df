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
    /// A dispute was upheld; final.
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

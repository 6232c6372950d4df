//! What a person can do to a claim: [`Action`] and the history kind it records.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::Product;
use crate::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use crate::model::{ClaimFields, PoeChecklist, PoeDocument};

use super::FieldPatches;

/// Something a person does to a claim (SPEC §3). System transitions are not actions:
/// only [`advance`] applies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// The partner replaces the fields with these (in `Draft` any field; in `Submitted`
    /// and `PartnerActionRequired` only the Partner ID, products and contacts).
    ///
    /// Whatever the editor did not touch is set back to the editor's copy: prefer
    /// [`Action::Patch`] wherever the claim may have changed since the editor read it.
    Edit(Box<ClaimFields>),
    /// The partner changes the fields the patches name, each from the value it replaces
    /// (the same fields may change in the same statuses as with [`Action::Edit`], and it
    /// is recorded the same way). A patch whose replaced value is no longer the claim's
    /// is refused with [`Refusal::PatchConflict`](super::Refusal::PatchConflict); a patch
    /// whose value the claim already has is taken as done.
    Patch(FieldPatches),
    /// The partner adds a PoE document (`Draft`, `Submitted`, `PartnerActionRequired`).
    AddPoe(PoeDocument),
    /// The partner removes a PoE document, by its ID (`Draft` only).
    RemovePoe(Uuid),
    /// The partner updates the PoE readiness checklist (recorded as an `Edit`).
    SetPoeChecklist(PoeChecklist),
    /// The partner submits the draft; every submit rule must hold.
    Submit,
    /// A reviewer starts the review.
    StartReview,
    /// A reviewer asks the partner for more information.
    RequestInformation {
        /// At least one reason.
        reasons: Vec<InformationReason>,
        /// The reviewer's comment; required.
        comment: String,
        /// Claimed products the reviewer asks to remove (optional).
        products_to_remove: Vec<Product>,
    },
    /// The partner responds to an information request and resubmits.
    Respond {
        /// The partner's reply (optional when something else changed since the request).
        comment: String,
    },
    /// A reviewer approves; the consent period starts.
    Approve,
    /// A reviewer rejects.
    Reject {
        /// Why; `Other` needs a text.
        reason: ReviewerRejectionReason,
    },
    /// The customer declines during the consent period.
    CustomerDecline,
    /// The partner asks for the claim to be rejected.
    RequestRejection {
        /// Why; `Other` needs a text.
        reason: PartnerRejectionReason,
    },
    /// The partner disputes a rejection, with a justification, updated PoE, or both.
    Dispute {
        /// The business justification.
        justification: String,
        /// Updated PoE documents.
        poe: Vec<PoeDocument>,
    },
    /// A reviewer upholds the rejection; final.
    UpholdRejection,
    /// A reviewer overturns the rejection; the claim is approved and consent starts.
    OverturnRejection,
    /// Anyone adds a comment (reviewer and customer: not on drafts).
    Comment {
        /// The text: not empty, at most [`MAX_COMMENT_CHARS`] characters.
        text: String,
    },
    /// The partner hides the claim from the default view (kept).
    Archive,
    /// The partner brings the claim back from the archive.
    Unarchive,
}

impl Action {
    /// An edit replacing the fields with `fields`.
    pub fn edit(fields: ClaimFields) -> Action {
        Action::Edit(Box::new(fields))
    }

    /// The kind of history entry this action records.
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Edit(_) | Action::Patch(_) | Action::SetPoeChecklist(_) => ActionKind::Edit,
            Action::AddPoe(_) => ActionKind::AddPoe,
            Action::RemovePoe(_) => ActionKind::RemovePoe,
            Action::Submit => ActionKind::Submit,
            Action::StartReview => ActionKind::StartReview,
            Action::RequestInformation { .. } => ActionKind::RequestInformation,
            Action::Respond { .. } => ActionKind::Respond,
            Action::Approve => ActionKind::Approve,
            Action::Reject { .. } => ActionKind::Reject,
            Action::CustomerDecline => ActionKind::CustomerDecline,
            Action::RequestRejection { .. } => ActionKind::RequestRejection,
            Action::Dispute { .. } => ActionKind::Dispute,
            Action::UpholdRejection => ActionKind::UpholdRejection,
            Action::OverturnRejection => ActionKind::OverturnRejection,
            Action::Comment { .. } => ActionKind::Comment,
            Action::Archive => ActionKind::Archive,
            Action::Unarchive => ActionKind::Unarchive,
        }
    }
}

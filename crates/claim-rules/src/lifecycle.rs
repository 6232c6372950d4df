//! The claim lifecycle (SPEC §3): who may do what in which status, as pure functions.
//!
//! * [`new_claim`] creates a draft; [`start_new_claim_from`] starts a draft from a
//!   rejected claim; [`can_delete`] says whether a claim may be deleted.
//! * [`apply`] performs one [`Action`] by an [`Actor`] at an effective time, returning the
//!   changed claim or a typed [`Refusal`] that says why not and what would make it allowed.
//! * [`advance`] applies the system transitions whose deadlines have passed (partner
//!   response → rejected; consent period → official), stamped at the deadline.
//! * [`allowed_actions`] and [`field_lock`] tell the UI which buttons and fields to offer
//!   and why the others are unavailable; [`phase`] gives the finer view of the status.
//!
//! Every successful action appends exactly one [`HistoryEntry`], raises the revision by one
//! and sets `updated_at` to the time it was recorded. Before an action, [`apply`] first
//! advances the claim to the action's effective time, so a transition that was due earlier
//! happens first (and may be why the action is refused: see [`Refusal::OvertakenBySystem`]).
//!
//! Decisions this module takes where SPEC §3 leaves room:
//!
//! * **Removing PoE** is possible in `Draft` only: once submitted, Microsoft has the
//!   document, so the record keeps it; add a corrected document instead.
//! * **The PoE checklist** ([`Action::SetPoeChecklist`]) is editable when PoE can be added
//!   (`Draft`, `Submitted`, `PartnerActionRequired`) and is recorded as an `Edit` of
//!   `poe_checklist`. Ticking it alone does not count as a change for [`Action::Respond`].
//! * **Archiving** is possible in every status except `Draft` (delete drafts instead) and
//!   `PartnerActionRequired` (archiving would hide a running partner deadline). An
//!   information request brings an archived claim back (recorded as a change of
//!   `archived`). Archived claims accept every action as usual; archiving only hides.
//! * **Respond**'s own comment counts as "something changed since the request".
//! * **Starting a new claim** from a rejected one is possible once it can no longer be
//!   disputed: the dispute window closed, the dispute was upheld, the claim was disputed
//!   before, or it was rejected at the partner's own request (the usual way to fix a
//!   wrong MPN or activity). The new draft copies the fields and the PoE documents, not
//!   the checklist or the comments. Several new claims may be started from one.
//! * **Edits with no change** are refused ([`Refusal::NoChange`]) instead of adding an
//!   empty history entry. Fields are normalised ([`ClaimFields::normalize`]) before they
//!   are compared and stored.
//! * **PoE documents** added by an action get `added_at` = the effective time and
//!   `added_by` = the actor, whatever the caller put there.
//! * **System entries** (`PartnerResponseExpired`, `ConsentEnded`) are stamped with the
//!   deadline for both `at` and `recorded_at` (never before the previous entry), so
//!   advancing the same claim on two devices gives identical histories; `updated_at`
//!   becomes the later of its old value and the deadline.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::Product;
use crate::deadlines::{self, ClockKind, Rules};
use crate::history::{
    last_rejection, ActionKind, EventDetail, FieldChange, HistoryEntry, InformationReason,
    PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use crate::model::{
    Actor, Claim, ClaimFields, ClaimLinks, Comment, PoeChecklist, PoeDocument, Status,
};
use crate::validation::{self, Problem};

/// The longest comment (and dispute justification) the rules accept, in characters
/// (the same limit as [`validation::COMMENT_MAX_CHARS`]).
pub const MAX_COMMENT_CHARS: usize = validation::COMMENT_MAX_CHARS;

/// Create a new draft claim: revision 1, one `Create` history entry by the partner.
///
/// The fields are normalised ([`ClaimFields::normalize`]).
///
/// ```
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::model::{ClaimFields, Status};
///
/// let at: jiff::Timestamp = "2025-03-03T09:00:00Z".parse()?;
/// let claim = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
/// assert_eq!(claim.status, Status::Draft);
/// assert_eq!(claim.revision, 1);
/// assert_eq!(claim.history.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn new_claim(id: Uuid, at: Timestamp, fields: ClaimFields) -> Claim {
    let mut fields = fields;
    fields.normalize();
    Claim {
        id,
        revision: 1,
        created_at: at,
        updated_at: at,
        status: Status::Draft,
        archived: false,
        fields,
        poe: Vec::new(),
        poe_checklist: PoeChecklist::default(),
        comments: Vec::new(),
        links: ClaimLinks::default(),
        history: vec![HistoryEntry {
            at,
            recorded_at: at,
            actor: Actor::Partner,
            action: ActionKind::Create,
            from: None,
            to: Status::Draft,
            changes: Vec::new(),
            comment: String::new(),
            detail: None,
        }],
    }
}

/// Something a person does to a claim (SPEC §3). System transitions are not actions:
/// only [`advance`] applies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// The partner replaces the fields with these (in `Draft` any field; in `Submitted`
    /// and `PartnerActionRequired` only the Partner ID, products and contacts).
    Edit(Box<ClaimFields>),
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
            Action::Edit(_) | Action::SetPoeChecklist(_) => ActionKind::Edit,
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

/// The groups of claim details the partner edits, each locked or not by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EditableField {
    /// `fields.name`.
    Name,
    /// `fields.partner_id`.
    PartnerId,
    /// `fields.customer_domain`.
    CustomerDomain,
    /// `fields.tenant_id`.
    TenantId,
    /// `fields.solution_area`.
    SolutionArea,
    /// `fields.activities`.
    Activities,
    /// `fields.products`, with their subscription IDs.
    Products,
    /// `fields.customer_contact`, `fields.technical_contact`, `fields.partner_contact`.
    Contacts,
    /// `fields.revenue_association`.
    RevenueAssociation,
    /// PoE documents (adding; removing is for drafts only) and the readiness checklist.
    Poe,
}

impl EditableField {
    /// Every group, in the wizard's order.
    pub const ALL: [EditableField; 10] = [
        EditableField::Name,
        EditableField::PartnerId,
        EditableField::CustomerDomain,
        EditableField::TenantId,
        EditableField::SolutionArea,
        EditableField::Activities,
        EditableField::Products,
        EditableField::Contacts,
        EditableField::RevenueAssociation,
        EditableField::Poe,
    ];

    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            EditableField::Name => "name",
            EditableField::PartnerId => "partner_id",
            EditableField::CustomerDomain => "customer_domain",
            EditableField::TenantId => "tenant_id",
            EditableField::SolutionArea => "solution_area",
            EditableField::Activities => "activities",
            EditableField::Products => "products",
            EditableField::Contacts => "contacts",
            EditableField::RevenueAssociation => "revenue_association",
            EditableField::Poe => "poe",
        }
    }

    /// The group's name in plain English.
    pub fn display_name(self) -> &'static str {
        match self {
            EditableField::Name => "The claim name",
            EditableField::PartnerId => "The Partner ID",
            EditableField::CustomerDomain => "The customer domain",
            EditableField::TenantId => "The tenant ID",
            EditableField::SolutionArea => "The solution area",
            EditableField::Activities => "The activity",
            EditableField::Products => "The products",
            EditableField::Contacts => "The contacts",
            EditableField::RevenueAssociation => "The revenue-association details",
            EditableField::Poe => "The proof of execution",
        }
    }
}

/// Why a field group is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LockReason {
    /// After submission only the Partner ID, products, contacts and PoE may change; the
    /// rest identifies the claim.
    FixedAfterSubmit,
    /// A reviewer is reviewing the claim.
    UnderReview,
    /// The claim has been approved or rejected.
    Decided,
    /// A dispute of the rejection is being reviewed.
    Disputed,
}

impl LockReason {
    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            LockReason::FixedAfterSubmit => "fixed_after_submit",
            LockReason::UnderReview => "under_review",
            LockReason::Decided => "decided",
            LockReason::Disputed => "disputed",
        }
    }

    /// The explanation in plain English, with what to do instead.
    pub fn message(self) -> &'static str {
        match self {
            LockReason::FixedAfterSubmit => {
                "after submission only the Partner ID, the products (with subscription IDs), \
                 the contacts and the PoE can change. To change the customer, solution area, \
                 activity or name, request rejection and start a new claim from the rejected one"
            }
            LockReason::UnderReview => {
                "a reviewer is reviewing the claim; changes are possible again if the reviewer \
                 asks for more information"
            }
            LockReason::Decided => {
                "the claim has been decided. If it was rejected, dispute it or start a new \
                 claim from it"
            }
            LockReason::Disputed => "the dispute of the rejection is being reviewed",
        }
    }
}

/// Why an action is not allowed. Each variant has a stable [`Refusal::code`], parameters
/// for translations ([`Refusal::params`]) and an English [`Refusal::message`] saying why
/// and what would make the action allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The action is not possible in the claim's status.
    WrongStatus {
        /// The action.
        action: ActionKind,
        /// The claim's status.
        status: Status,
        /// The statuses the action is possible in.
        allowed_from: Vec<Status>,
    },
    /// This actor cannot perform the action.
    WrongActor {
        /// The action.
        action: ActionKind,
        /// Who tried.
        actor: Actor,
        /// Who can.
        allowed: Vec<Actor>,
    },
    /// An edit touches a locked field.
    FieldLocked {
        /// The locked field group.
        field: EditableField,
        /// The claim's status.
        status: Status,
        /// Why it is locked.
        why: LockReason,
    },
    /// A window the action depends on has closed.
    WindowClosed {
        /// The clock.
        clock: ClockKind,
        /// When it closed.
        closed_at: Timestamp,
    },
    /// The claim was disputed before; a claim is disputed at most once.
    AlreadyDisputed,
    /// The dispute was upheld; the rejection is final.
    DisputeFinal,
    /// The claim was rejected at the partner's own request, which cannot be disputed.
    RejectedAtPartnerRequest,
    /// A dispute needs a justification, updated PoE, or both.
    MissingJustification,
    /// A reason is required (at least one; `Other` needs a text).
    MissingReason {
        /// The action.
        action: ActionKind,
    },
    /// A comment is required.
    MissingComment {
        /// The action.
        action: ActionKind,
    },
    /// Nothing changed since the information request (no PoE, edit or comment).
    NothingChangedSinceRequest {
        /// When the information was requested.
        requested_at: Timestamp,
    },
    /// Submit rules do not hold.
    SubmitProblems(Vec<Problem>),
    /// The effective time is before the previous history entry.
    EffectiveTimeBeforePrevious {
        /// When the previous entry took effect.
        previous: Timestamp,
        /// The previous entry's action.
        previous_action: ActionKind,
    },
    /// The effective time is after the time of recording (in the future).
    EffectiveTimeInFuture {
        /// The requested effective time.
        effective_at: Timestamp,
        /// The time of recording ("now").
        recorded_at: Timestamp,
    },
    /// The text is longer than [`MAX_COMMENT_CHARS`].
    CommentTooLong {
        /// Its length in characters.
        length: usize,
        /// The maximum.
        max: usize,
    },
    /// The action would change nothing.
    NoChange {
        /// The action.
        action: ActionKind,
    },
    /// No PoE document has this ID.
    UnknownPoe {
        /// The ID.
        id: Uuid,
    },
    /// A PoE document with this ID is already attached.
    DuplicatePoe {
        /// The ID.
        id: Uuid,
    },
    /// The reviewer asked to remove a product the claim does not name.
    ProductNotClaimed {
        /// The product.
        product: Product,
    },
    /// The claim is already archived.
    AlreadyArchived,
    /// The claim is not archived.
    NotArchived,
    /// A new claim can be started from a rejected one only when it can no longer be
    /// disputed.
    DisputeStillPossible {
        /// When the dispute window closes.
        until: Timestamp,
    },
    /// The new claim's ID equals the original's.
    NewIdSameAsOriginal,
    /// Only drafts can be deleted.
    OnlyDraftsCanBeDeleted {
        /// The claim's status.
        status: Status,
    },
    /// A system transition that was due before the action's effective time happened
    /// first, and is why the action is refused.
    OvertakenBySystem {
        /// The system transition (`PartnerResponseExpired` or `ConsentEnded`).
        transition: ActionKind,
        /// When it took effect (its deadline).
        at: Timestamp,
        /// The refusal on the advanced claim.
        cause: Box<Refusal>,
    },
}

impl Refusal {
    /// A stable machine code, for translations and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::WrongStatus { .. } => "lifecycle.wrong_status",
            Refusal::WrongActor { .. } => "lifecycle.wrong_actor",
            Refusal::FieldLocked { .. } => "lifecycle.field_locked",
            Refusal::WindowClosed { .. } => "lifecycle.window_closed",
            Refusal::AlreadyDisputed => "lifecycle.already_disputed",
            Refusal::DisputeFinal => "lifecycle.dispute_final",
            Refusal::RejectedAtPartnerRequest => "lifecycle.rejected_at_partner_request",
            Refusal::MissingJustification => "lifecycle.missing_justification",
            Refusal::MissingReason { .. } => "lifecycle.missing_reason",
            Refusal::MissingComment { .. } => "lifecycle.missing_comment",
            Refusal::NothingChangedSinceRequest { .. } => "lifecycle.nothing_changed_since_request",
            Refusal::SubmitProblems(_) => "lifecycle.submit_problems",
            Refusal::EffectiveTimeBeforePrevious { .. } => {
                "lifecycle.effective_time_before_previous"
            }
            Refusal::EffectiveTimeInFuture { .. } => "lifecycle.effective_time_in_future",
            Refusal::CommentTooLong { .. } => "lifecycle.comment_too_long",
            Refusal::NoChange { .. } => "lifecycle.no_change",
            Refusal::UnknownPoe { .. } => "lifecycle.unknown_poe",
            Refusal::DuplicatePoe { .. } => "lifecycle.duplicate_poe",
            Refusal::ProductNotClaimed { .. } => "lifecycle.product_not_claimed",
            Refusal::AlreadyArchived => "lifecycle.already_archived",
            Refusal::NotArchived => "lifecycle.not_archived",
            Refusal::DisputeStillPossible { .. } => "lifecycle.dispute_still_possible",
            Refusal::NewIdSameAsOriginal => "lifecycle.new_id_same_as_original",
            Refusal::OnlyDraftsCanBeDeleted { .. } => "lifecycle.only_drafts_can_be_deleted",
            Refusal::OvertakenBySystem { .. } => "lifecycle.overtaken_by_system",
        }
    }

    /// Parameters for a translated message, as name/value pairs (codes for enums,
    /// RFC 3339 for instants).
    pub fn params(&self) -> Vec<(String, String)> {
        fn pair(name: &str, value: impl ToString) -> (String, String) {
            (name.to_string(), value.to_string())
        }
        match self {
            Refusal::WrongStatus {
                action,
                status,
                allowed_from,
            } => vec![
                pair("action", action.code()),
                pair("status", status_code(*status)),
                pair(
                    "allowed_from",
                    allowed_from
                        .iter()
                        .map(|status| status_code(*status))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ],
            Refusal::WrongActor {
                action,
                actor,
                allowed,
            } => vec![
                pair("action", action.code()),
                pair("actor", actor_code(*actor)),
                pair(
                    "allowed",
                    allowed
                        .iter()
                        .map(|actor| actor_code(*actor))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ],
            Refusal::FieldLocked { field, status, why } => vec![
                pair("field", field.code()),
                pair("status", status_code(*status)),
                pair("why", why.code()),
            ],
            Refusal::WindowClosed { clock, closed_at } => {
                vec![pair("clock", clock.code()), pair("closed_at", closed_at)]
            }
            Refusal::AlreadyDisputed
            | Refusal::DisputeFinal
            | Refusal::RejectedAtPartnerRequest
            | Refusal::MissingJustification
            | Refusal::AlreadyArchived
            | Refusal::NotArchived
            | Refusal::NewIdSameAsOriginal => Vec::new(),
            Refusal::MissingReason { action }
            | Refusal::MissingComment { action }
            | Refusal::NoChange { action } => vec![pair("action", action.code())],
            Refusal::NothingChangedSinceRequest { requested_at } => {
                vec![pair("requested_at", requested_at)]
            }
            Refusal::SubmitProblems(problems) => vec![
                pair("count", problems.len()),
                pair(
                    "codes",
                    problems
                        .iter()
                        .map(|problem| problem.code.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ],
            Refusal::EffectiveTimeBeforePrevious {
                previous,
                previous_action,
            } => vec![
                pair("previous", previous),
                pair("previous_action", previous_action.code()),
            ],
            Refusal::EffectiveTimeInFuture {
                effective_at,
                recorded_at,
            } => vec![
                pair("effective_at", effective_at),
                pair("recorded_at", recorded_at),
            ],
            Refusal::CommentTooLong { length, max } => {
                vec![pair("length", length), pair("max", max)]
            }
            Refusal::UnknownPoe { id } | Refusal::DuplicatePoe { id } => vec![pair("id", id)],
            Refusal::ProductNotClaimed { product } => {
                vec![pair("product", product.display_name())]
            }
            Refusal::DisputeStillPossible { until } => vec![pair("until", until)],
            Refusal::OnlyDraftsCanBeDeleted { status } => {
                vec![pair("status", status_code(*status))]
            }
            Refusal::OvertakenBySystem {
                transition,
                at,
                cause,
            } => vec![
                pair("transition", transition.code()),
                pair("at", at),
                pair("cause", cause.code()),
            ],
        }
    }

    /// The refusal in plain English: what is wrong and what would make it allowed.
    pub fn message(&self) -> String {
        match self {
            Refusal::WrongStatus {
                action,
                status,
                allowed_from,
            } => {
                let mut text = format!(
                    "{} is not possible while the claim is {}; it is possible only when the claim is {}.",
                    action.display_name(),
                    status_name(*status),
                    status_list(allowed_from),
                );
                if let Some(hint) = wrong_status_hint(*action, *status) {
                    text.push(' ');
                    text.push_str(hint);
                }
                text
            }
            Refusal::WrongActor {
                action,
                actor,
                allowed,
            } => format!(
                "{} is done by {}, not by {}.",
                action.display_name(),
                allowed
                    .iter()
                    .map(|actor| actor_name(*actor))
                    .collect::<Vec<_>>()
                    .join(" or "),
                actor_name(*actor),
            ),
            Refusal::FieldLocked { field, status, why } => format!(
                "{} can't be changed while the claim is {}: {}.",
                field.display_name(),
                status_name(*status),
                why.message(),
            ),
            Refusal::WindowClosed { clock, closed_at } => match clock {
                ClockKind::DisputeWindow => format!(
                    "The dispute window closed at {closed_at}; the rejection can no longer be \
                     disputed. Start a new claim from it instead."
                ),
                ClockKind::CustomerConsent => format!(
                    "The customer's consent period ended at {closed_at}; the association is \
                     official and can no longer be declined."
                ),
                ClockKind::PartnerResponse => format!(
                    "The partner response deadline passed at {closed_at}; the claim was \
                     rejected for no partner response."
                ),
                ClockKind::ReviewStart
                | ClockKind::ReviewDecision
                | ClockKind::DisputeReview
                | ClockKind::DecisionTarget => format!(
                    "The {} clock closed at {closed_at}.",
                    clock.display_name().to_lowercase()
                ),
            },
            Refusal::AlreadyDisputed => "The claim has been disputed before, and a claim can be \
                disputed only once. Start a new claim from it instead."
                .to_string(),
            Refusal::DisputeFinal => "The dispute was upheld, so the rejection is final and can't \
                be disputed again. Start a new claim from it instead."
                .to_string(),
            Refusal::RejectedAtPartnerRequest => "The claim was rejected at the partner's own \
                request, which can't be disputed. Start a new claim from it instead."
                .to_string(),
            Refusal::MissingJustification => "A dispute needs a business justification, updated \
                PoE, or both."
                .to_string(),
            Refusal::MissingReason { action } => {
                if *action == ActionKind::RequestInformation {
                    "Choose at least one reason for requesting information.".to_string()
                } else {
                    format!(
                        "{} needs a reason; when the reason is \"other\", describe it.",
                        action.display_name()
                    )
                }
            }
            Refusal::MissingComment { action } => format!(
                "{} needs a comment; write what the partner should do.",
                action.display_name()
            ),
            Refusal::NothingChangedSinceRequest { requested_at } => format!(
                "Nothing has changed since the information was requested at {requested_at}. \
                 Add PoE, edit a field, or write a comment (the response's own comment counts), \
                 then resubmit."
            ),
            Refusal::SubmitProblems(problems) => format!(
                "The claim can't be submitted yet; fix {} problem{} first: {}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                problems
                    .iter()
                    .map(|problem| problem.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Refusal::EffectiveTimeBeforePrevious {
                previous,
                previous_action,
            } => {
                let mut text = format!(
                    "An action can't take effect before the previous history entry ({}, at \
                     {previous}): history is kept in order. Use a time at or after {previous}.",
                    previous_action.display_name(),
                );
                if previous_action.is_system() {
                    text.push_str(
                        " That entry was recorded automatically when its deadline passed; \
                         anything that happened earlier should have been recorded before then.",
                    );
                }
                text
            }
            Refusal::EffectiveTimeInFuture {
                effective_at,
                recorded_at,
            } => format!(
                "The effective time {effective_at} is in the future (now is {recorded_at}); \
                 record what has happened, at a time up to now."
            ),
            Refusal::CommentTooLong { length, max } => {
                format!("The text has {length} characters; at most {max} are allowed. Shorten it.")
            }
            Refusal::NoChange { action } => format!(
                "{}: nothing would change, the new values equal the current ones.",
                action.display_name()
            ),
            Refusal::UnknownPoe { id } => {
                format!("No PoE document with ID {id} is attached to this claim.")
            }
            Refusal::DuplicatePoe { id } => format!(
                "A PoE document with ID {id} is already attached; give the new document its \
                 own ID."
            ),
            Refusal::ProductNotClaimed { product } => format!(
                "{} is not claimed, so it can't be asked to be removed.",
                product.display_name()
            ),
            Refusal::AlreadyArchived => "The claim is already archived.".to_string(),
            Refusal::NotArchived => "The claim is not archived.".to_string(),
            Refusal::DisputeStillPossible { until } => format!(
                "The rejection can still be disputed until {until}. Dispute it, or start a new \
                 claim once the dispute window has closed."
            ),
            Refusal::NewIdSameAsOriginal => {
                "The new claim needs an ID different from the original claim's.".to_string()
            }
            Refusal::OnlyDraftsCanBeDeleted { status } => format!(
                "Only drafts can be deleted; this claim is {}. Archive it instead: it is \
                 hidden but kept.",
                status_name(*status)
            ),
            Refusal::OvertakenBySystem {
                transition,
                at,
                cause,
            } => {
                let what = if *transition == ActionKind::PartnerResponseExpired {
                    format!(
                        "The partner response deadline passed at {at}, and the claim was \
                         automatically rejected (no partner response)."
                    )
                } else if *transition == ActionKind::ConsentEnded {
                    format!(
                        "The consent period ended at {at}, and the association became official."
                    )
                } else {
                    format!("{} took effect at {at}.", transition.display_name())
                };
                format!("{what} {}", cause.message())
            }
        }
    }

    /// The refusal itself, or the cause when a system transition overtook the action.
    pub fn root_cause(&self) -> &Refusal {
        if let Refusal::OvertakenBySystem { cause, .. } = self {
            cause.root_cause()
        } else {
            self
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Refusal {}

/// An extra sentence for some refused combinations. Hints are optional: combinations
/// without one get the generic sentence of [`Refusal::WrongStatus`] only.
fn wrong_status_hint(action: ActionKind, status: Status) -> Option<&'static str> {
    match (action, status) {
        (ActionKind::Archive, Status::Draft) => Some("Drafts are deleted rather than archived."),
        (ActionKind::Archive, Status::PartnerActionRequired) => Some(
            "Respond to the information request (or request rejection) first: archiving would \
             hide the partner response deadline.",
        ),
        (ActionKind::RemovePoe, _) => Some(
            "Once submitted, PoE stays on record as Microsoft received it; add a corrected \
             document instead.",
        ),
        (ActionKind::Comment, Status::Draft) => {
            Some("A draft has not been sent to Microsoft yet; only the partner comments on it.")
        }
        (ActionKind::Edit | ActionKind::AddPoe, Status::UnderReview) => Some(
            "Nothing can be changed while a reviewer reviews the claim; changes are possible \
             again if more information is requested.",
        ),
        (ActionKind::Edit | ActionKind::AddPoe, Status::Approved | Status::Rejected) => Some(
            "A decided claim can't be changed; if it was rejected, dispute it (with updated \
             PoE) or start a new claim from it.",
        ),
        (ActionKind::Edit | ActionKind::AddPoe, Status::Disputed) => {
            Some("The dispute is being reviewed; updated PoE goes with the dispute itself.")
        }
        (ActionKind::RestartedAs, _) => Some(
            "A new claim can be started only from a rejected claim that can no longer be disputed.",
        ),
        _ => None,
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Submitted => "Submitted",
        Status::UnderReview => "Under review",
        Status::PartnerActionRequired => "Partner action required",
        Status::Approved => "Approved",
        Status::Rejected => "Rejected",
        Status::Disputed => "Disputed",
    }
}

fn status_code(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Submitted => "Submitted",
        Status::UnderReview => "UnderReview",
        Status::PartnerActionRequired => "PartnerActionRequired",
        Status::Approved => "Approved",
        Status::Rejected => "Rejected",
        Status::Disputed => "Disputed",
    }
}

fn status_list(statuses: &[Status]) -> String {
    if statuses.is_empty() {
        return "(no status)".to_string();
    }
    statuses
        .iter()
        .map(|status| status_name(*status))
        .collect::<Vec<_>>()
        .join(", ")
}

fn actor_name(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "the partner",
        Actor::Reviewer => "a reviewer",
        Actor::Customer => "the customer",
        Actor::System => "the system",
    }
}

fn actor_code(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "Partner",
        Actor::Reviewer => "Reviewer",
        Actor::Customer => "Customer",
        Actor::System => "System",
    }
}

/// Who may perform an action kind.
pub fn actors_for(action: ActionKind) -> &'static [Actor] {
    match action {
        ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Submit
        | ActionKind::Respond
        | ActionKind::RequestRejection
        | ActionKind::Dispute
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::StartedFrom => &[Actor::Partner],
        ActionKind::StartReview
        | ActionKind::RequestInformation
        | ActionKind::Approve
        | ActionKind::Reject
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection => &[Actor::Reviewer],
        ActionKind::CustomerDecline => &[Actor::Customer],
        ActionKind::Comment => &[Actor::Partner, Actor::Reviewer, Actor::Customer],
        ActionKind::ConsentEnded | ActionKind::PartnerResponseExpired => &[Actor::System],
    }
}

/// The statuses in which `actor` may perform an action kind (before the other
/// conditions: windows, submit rules, …). `Create` and `StartedFrom` start claims and
/// have none.
pub fn statuses_for(action: ActionKind, actor: Actor) -> Vec<Status> {
    use Status::{
        Approved, Disputed, Draft, PartnerActionRequired, Rejected, Submitted, UnderReview,
    };
    match action {
        ActionKind::Create | ActionKind::StartedFrom => Vec::new(),
        ActionKind::Edit | ActionKind::AddPoe => vec![Draft, Submitted, PartnerActionRequired],
        ActionKind::RemovePoe | ActionKind::Submit => vec![Draft],
        ActionKind::StartReview => vec![Submitted],
        ActionKind::RequestInformation | ActionKind::Approve | ActionKind::Reject => {
            vec![UnderReview]
        }
        ActionKind::Respond | ActionKind::PartnerResponseExpired => vec![PartnerActionRequired],
        ActionKind::CustomerDecline | ActionKind::ConsentEnded => vec![Approved],
        ActionKind::RequestRejection => {
            vec![Submitted, UnderReview, PartnerActionRequired, Approved]
        }
        ActionKind::Dispute | ActionKind::RestartedAs => vec![Rejected],
        ActionKind::UpholdRejection | ActionKind::OverturnRejection => vec![Disputed],
        ActionKind::Comment => match actor {
            Actor::Partner => Status::ALL.to_vec(),
            Actor::Reviewer | Actor::Customer | Actor::System => Status::ALL
                .into_iter()
                .filter(|status| *status != Draft)
                .collect(),
        },
        ActionKind::Archive => vec![Submitted, UnderReview, Approved, Rejected, Disputed],
        ActionKind::Unarchive => Status::ALL.to_vec(),
    }
}

/// The action kinds an actor can perform on an existing claim, in lifecycle order: the
/// buttons the UI may show for that role. `RestartedAs` stands for "start a new claim
/// from this one" ([`start_new_claim_from`]). The system has none.
pub fn user_actions(actor: Actor) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|action| {
            !action.is_system()
                && !matches!(action, ActionKind::Create | ActionKind::StartedFrom)
                && actors_for(*action).contains(&actor)
        })
        .collect()
}

/// Whether an action kind is available, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionAvailability {
    /// The action kind.
    pub action: ActionKind,
    /// `Ok` when it is allowed now; otherwise why not.
    pub allowed: Result<(), Refusal>,
}

/// Every action kind `actor` can perform ([`user_actions`]), each with whether it is
/// allowed on the claim at `now` and, if not, why.
///
/// The claim is first advanced to `now`. Only conditions that do not depend on the
/// action's parameters are checked (status, actor, windows, archive flag, submit rules
/// for `Submit` and `Respond`); [`apply`] checks the rest. Deleting is answered by
/// [`can_delete`].
pub fn allowed_actions(
    claim: &Claim,
    actor: Actor,
    now: Timestamp,
    rules: &Rules,
) -> Vec<ActionAvailability> {
    let prepared = prepare(claim, now, now, rules);
    user_actions(actor)
        .into_iter()
        .map(|action| {
            let allowed = match &prepared {
                Err(refusal) => Err(refusal.clone()),
                Ok(advanced) => check_allowed(advanced, action, actor, now, rules)
                    .map_err(|refusal| explain(claim, advanced, refusal)),
            };
            ActionAvailability { action, allowed }
        })
        .collect()
}

/// Whether the partner may edit a field group of the claim at `now`, and if not, why
/// (a [`Refusal::FieldLocked`] for the UI to show next to the field).
///
/// Adding PoE and ticking the checklist count as the `Poe` group; removing PoE is
/// possible in drafts only.
pub fn field_lock(
    claim: &Claim,
    field: EditableField,
    now: Timestamp,
    rules: &Rules,
) -> Option<Refusal> {
    let status = advance(claim, now, rules).status;
    lock_reason(status, field).map(|why| Refusal::FieldLocked { field, status, why })
}

fn lock_reason(status: Status, field: EditableField) -> Option<LockReason> {
    match status {
        Status::Draft => None,
        Status::Submitted | Status::PartnerActionRequired => match field {
            EditableField::PartnerId
            | EditableField::Products
            | EditableField::Contacts
            | EditableField::Poe => None,
            EditableField::Name
            | EditableField::CustomerDomain
            | EditableField::TenantId
            | EditableField::SolutionArea
            | EditableField::Activities
            | EditableField::RevenueAssociation => Some(LockReason::FixedAfterSubmit),
        },
        Status::UnderReview => Some(LockReason::UnderReview),
        Status::Approved | Status::Rejected => Some(LockReason::Decided),
        Status::Disputed => Some(LockReason::Disputed),
    }
}

/// Whether the claim may be deleted: only drafts may; other claims can be archived.
pub fn can_delete(claim: &Claim) -> Result<(), Refusal> {
    match claim.status {
        Status::Draft => Ok(()),
        Status::Submitted
        | Status::UnderReview
        | Status::PartnerActionRequired
        | Status::Approved
        | Status::Rejected
        | Status::Disputed => Err(Refusal::OnlyDraftsCanBeDeleted {
            status: claim.status,
        }),
    }
}

/// Perform `action` by `actor`, taking effect at `effective_at` and recorded at
/// `recorded_at` ("now").
///
/// The effective time must not be before the previous history entry nor after
/// `recorded_at`. The claim is first advanced to `effective_at` ([`advance`]), so system
/// transitions due by then are applied first; the result is not advanced further (call
/// [`advance`] with the current time to show it). On success exactly one history entry is
/// appended for the action, the revision rises by one and `updated_at` becomes
/// `recorded_at`.
///
/// # Errors
///
/// A [`Refusal`] saying why the action is not allowed.
///
/// # Example
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{apply, new_claim, Action, Refusal};
/// use claim_rules::model::{Actor, ClaimFields, Status};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let monday: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), monday, ClaimFields::default());
///
/// // A reviewer cannot start reviewing a draft, and the refusal says why.
/// let refusal = apply(&draft, Action::StartReview, Actor::Reviewer, monday, monday, &rules)
///     .unwrap_err();
/// assert_eq!(refusal.code(), "lifecycle.wrong_status");
/// assert!(refusal.message().contains("only when the claim is Submitted"));
///
/// // The partner may comment on a draft: one more history entry, revision 2.
/// let comment = Action::Comment { text: "Waiting for the signed SOW.".into() };
/// let claim = apply(&draft, comment, Actor::Partner, monday, monday, &rules)?;
/// assert_eq!((claim.status, claim.revision, claim.history.len()), (Status::Draft, 2, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply(
    claim: &Claim,
    action: Action,
    actor: Actor,
    effective_at: Timestamp,
    recorded_at: Timestamp,
    rules: &Rules,
) -> Result<Claim, Refusal> {
    let advanced = prepare(claim, effective_at, recorded_at, rules)?;
    let stamp = Stamp {
        actor,
        at: effective_at,
        recorded_at,
    };
    check_allowed(&advanced, action.kind(), actor, effective_at, rules)
        .and_then(|()| perform(&advanced, action, stamp))
        .map_err(|refusal| explain(claim, &advanced, refusal))
}

/// Who did something, when it took effect and when it was recorded.
#[derive(Debug, Clone, Copy)]
struct Stamp {
    actor: Actor,
    at: Timestamp,
    recorded_at: Timestamp,
}

/// Check the times, then advance the claim to the effective time.
fn prepare(
    claim: &Claim,
    effective_at: Timestamp,
    recorded_at: Timestamp,
    rules: &Rules,
) -> Result<Claim, Refusal> {
    if effective_at > recorded_at {
        return Err(Refusal::EffectiveTimeInFuture {
            effective_at,
            recorded_at,
        });
    }
    if let Some(previous) = claim.history.last() {
        if effective_at < previous.at {
            return Err(Refusal::EffectiveTimeBeforePrevious {
                previous: previous.at,
                previous_action: previous.action,
            });
        }
    }
    Ok(advance(claim, effective_at, rules))
}

/// When advancing applied system transitions and the action is then refused for its
/// status or a closed window, say that the transition is why.
fn explain(original: &Claim, advanced: &Claim, refusal: Refusal) -> Refusal {
    let transition = advanced
        .history
        .get(original.history.len()..)
        .and_then(|added| added.last());
    match (transition, refusal) {
        (Some(entry), refusal @ (Refusal::WrongStatus { .. } | Refusal::WindowClosed { .. })) => {
            Refusal::OvertakenBySystem {
                transition: entry.action,
                at: entry.at,
                cause: Box::new(refusal),
            }
        }
        (_, refusal) => refusal,
    }
}

/// The conditions of an action kind that do not depend on its parameters.
fn check_allowed(
    claim: &Claim,
    action: ActionKind,
    actor: Actor,
    at: Timestamp,
    rules: &Rules,
) -> Result<(), Refusal> {
    let allowed = actors_for(action);
    if !allowed.contains(&actor) {
        return Err(Refusal::WrongActor {
            action,
            actor,
            allowed: allowed.to_vec(),
        });
    }
    let allowed_from = statuses_for(action, actor);
    if !allowed_from.contains(&claim.status) {
        return Err(Refusal::WrongStatus {
            action,
            status: claim.status,
            allowed_from,
        });
    }
    match action {
        ActionKind::Submit | ActionKind::Respond => {
            let problems = validation::submit_problems(claim);
            if problems.is_empty() {
                Ok(())
            } else {
                Err(Refusal::SubmitProblems(problems))
            }
        }
        ActionKind::CustomerDecline => consent_open(claim, at, rules),
        ActionKind::Dispute => dispute_window(claim, at, rules).map(|_| ()),
        ActionKind::RestartedAs => match dispute_window(claim, at, rules) {
            Ok(until) => Err(Refusal::DisputeStillPossible { until }),
            Err(_) => Ok(()),
        },
        ActionKind::Archive if claim.archived => Err(Refusal::AlreadyArchived),
        ActionKind::Unarchive if !claim.archived => Err(Refusal::NotArchived),
        ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::StartReview
        | ActionKind::RequestInformation
        | ActionKind::Approve
        | ActionKind::Reject
        | ActionKind::ConsentEnded
        | ActionKind::PartnerResponseExpired
        | ActionKind::RequestRejection
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection
        | ActionKind::Comment
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::StartedFrom => Ok(()),
    }
}

/// `Ok` while the customer's consent period is open at `at`.
fn consent_open(claim: &Claim, at: Timestamp, rules: &Rules) -> Result<(), Refusal> {
    let clocks = deadlines::deadlines(claim, rules);
    let consent = clocks
        .iter()
        .rev()
        .find(|clock| clock.kind == ClockKind::CustomerConsent);
    let closed_at = match consent {
        Some(clock) => match clock.end {
            None if at < clock.due => return Ok(()),
            None => clock.due,
            Some(end) => end.at,
        },
        None => claim
            .history
            .last()
            .map_or(claim.updated_at, |entry| entry.at),
    };
    Err(Refusal::WindowClosed {
        clock: ClockKind::CustomerConsent,
        closed_at,
    })
}

/// When the rejected claim can be disputed until, or why it cannot be disputed at `at`.
fn dispute_window(claim: &Claim, at: Timestamp, rules: &Rules) -> Result<Timestamp, Refusal> {
    let rejection = last_rejection(&claim.history);
    if let Some(entry) = rejection {
        match entry.rejection_reason() {
            Some(RejectionReason::PartnerRequested(_)) => {
                return Err(Refusal::RejectedAtPartnerRequest)
            }
            Some(RejectionReason::DisputeUpheld) => return Err(Refusal::DisputeFinal),
            Some(
                RejectionReason::Reviewer(_)
                | RejectionReason::NoPartnerResponse
                | RejectionReason::CustomerDeclined,
            ) => {}
            None if entry.action == ActionKind::RequestRejection => {
                return Err(Refusal::RejectedAtPartnerRequest)
            }
            None if entry.action == ActionKind::UpholdRejection => {
                return Err(Refusal::DisputeFinal)
            }
            None => {}
        }
    }
    if claim
        .history
        .iter()
        .any(|entry| entry.action == ActionKind::Dispute)
    {
        return Err(Refusal::AlreadyDisputed);
    }
    let Some(entry) = rejection else {
        // A claim recorded as rejected without the rejection in its history (damaged
        // data): there is no window to count from.
        return Err(Refusal::WindowClosed {
            clock: ClockKind::DisputeWindow,
            closed_at: claim.updated_at,
        });
    };
    let until = rules.due(ClockKind::DisputeWindow, entry.at);
    if at < until {
        Ok(until)
    } else {
        Err(Refusal::WindowClosed {
            clock: ClockKind::DisputeWindow,
            closed_at: until,
        })
    }
}

/// What an action records, besides who and when.
struct Outcome {
    to: Status,
    changes: Vec<FieldChange>,
    comment: String,
    detail: Option<EventDetail>,
}

impl Outcome {
    fn to(to: Status) -> Outcome {
        Outcome {
            to,
            changes: Vec::new(),
            comment: String::new(),
            detail: None,
        }
    }

    fn rejected(reason: RejectionReason) -> Outcome {
        Outcome {
            detail: Some(EventDetail::Rejection { reason }),
            ..Outcome::to(Status::Rejected)
        }
    }
}

/// Append the history entry for an action to `next` (already changed).
fn record(mut next: Claim, action: ActionKind, stamp: Stamp, outcome: Outcome) -> Claim {
    next.history.push(HistoryEntry {
        at: stamp.at,
        recorded_at: stamp.recorded_at,
        actor: stamp.actor,
        action,
        from: Some(next.status),
        to: outcome.to,
        changes: outcome.changes,
        comment: outcome.comment,
        detail: outcome.detail,
    });
    next.status = outcome.to;
    next.revision = next.revision.saturating_add(1);
    next.updated_at = stamp.recorded_at;
    next
}

fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn change<T: Serialize>(field: &str, old: &T, new: &T) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        old: json(old),
        new: json(new),
    }
}

/// The comment text as stored: trimmed, not empty, not too long.
fn comment_text(text: &str, action: ActionKind, required: bool) -> Result<String, Refusal> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(Refusal::MissingComment { action });
    }
    let length = text.chars().count();
    if length > MAX_COMMENT_CHARS {
        return Err(Refusal::CommentTooLong {
            length,
            max: MAX_COMMENT_CHARS,
        });
    }
    Ok(text.to_string())
}

/// Carry out an action whose kind-level conditions hold.
fn perform(claim: &Claim, action: Action, stamp: Stamp) -> Result<Claim, Refusal> {
    let kind = action.kind();
    let status = claim.status;
    let mut next = claim.clone();
    let outcome = match action {
        Action::Edit(fields) => {
            let mut fields = *fields;
            fields.normalize();
            let changes = field_changes(&claim.fields, &fields);
            if changes.is_empty() {
                return Err(Refusal::NoChange { action: kind });
            }
            if let Some((field, why)) = changes
                .iter()
                .find_map(|(field, _)| lock_reason(status, *field).map(|why| (*field, why)))
            {
                return Err(Refusal::FieldLocked { field, status, why });
            }
            next.fields = fields;
            Outcome {
                changes: changes.into_iter().map(|(_, change)| change).collect(),
                ..Outcome::to(status)
            }
        }
        Action::SetPoeChecklist(checklist) => {
            if checklist == claim.poe_checklist {
                return Err(Refusal::NoChange { action: kind });
            }
            if let Some(why) = lock_reason(status, EditableField::Poe) {
                return Err(Refusal::FieldLocked {
                    field: EditableField::Poe,
                    status,
                    why,
                });
            }
            next.poe_checklist = checklist;
            Outcome {
                changes: vec![change("poe_checklist", &claim.poe_checklist, &checklist)],
                ..Outcome::to(status)
            }
        }
        Action::AddPoe(document) => Outcome {
            changes: add_poe(&mut next, vec![document], stamp)?,
            ..Outcome::to(status)
        },
        Action::RemovePoe(id) => {
            let Some(index) = next.poe.iter().position(|document| document.id == id) else {
                return Err(Refusal::UnknownPoe { id });
            };
            let removed = next.poe.remove(index);
            Outcome {
                changes: vec![FieldChange {
                    field: format!("poe[{index}]"),
                    old: json(&removed),
                    new: serde_json::Value::Null,
                }],
                ..Outcome::to(status)
            }
        }
        Action::Submit => Outcome::to(Status::Submitted),
        Action::StartReview => Outcome::to(Status::UnderReview),
        Action::RequestInformation {
            reasons,
            comment,
            products_to_remove,
        } => {
            let mut reasons = reasons;
            reasons.sort();
            reasons.dedup();
            if reasons.is_empty() {
                return Err(Refusal::MissingReason { action: kind });
            }
            let comment = comment_text(&comment, kind, true)?;
            let mut products: Vec<Product> = Vec::new();
            for product in products_to_remove {
                if !claim
                    .fields
                    .products
                    .iter()
                    .any(|claimed| claimed.product == product)
                {
                    return Err(Refusal::ProductNotClaimed { product });
                }
                if !products.contains(&product) {
                    products.push(product);
                }
            }
            let mut changes = Vec::new();
            if next.archived {
                next.archived = false;
                changes.push(change("archived", &true, &false));
            }
            next.comments.push(Comment {
                author: stamp.actor,
                at: stamp.at,
                text: comment.clone(),
            });
            Outcome {
                to: Status::PartnerActionRequired,
                changes,
                comment,
                detail: Some(EventDetail::InformationRequest {
                    reasons,
                    products_to_remove: products,
                }),
            }
        }
        Action::Respond { comment } => {
            let comment = comment_text(&comment, kind, false)?;
            if comment.is_empty() {
                if let Some(requested_at) = unchanged_since_request(claim) {
                    return Err(Refusal::NothingChangedSinceRequest { requested_at });
                }
            } else {
                next.comments.push(Comment {
                    author: stamp.actor,
                    at: stamp.at,
                    text: comment.clone(),
                });
            }
            Outcome {
                comment,
                ..Outcome::to(Status::UnderReview)
            }
        }
        Action::Approve => Outcome::to(Status::Approved),
        Action::Reject { reason } => {
            if let ReviewerRejectionReason::Other(text) = &reason {
                if text.trim().is_empty() {
                    return Err(Refusal::MissingReason { action: kind });
                }
            }
            Outcome::rejected(RejectionReason::Reviewer(reason))
        }
        Action::CustomerDecline => Outcome::rejected(RejectionReason::CustomerDeclined),
        Action::RequestRejection { reason } => {
            if let PartnerRejectionReason::Other(text) = &reason {
                if text.trim().is_empty() {
                    return Err(Refusal::MissingReason { action: kind });
                }
            }
            Outcome::rejected(RejectionReason::PartnerRequested(reason))
        }
        Action::Dispute { justification, poe } => {
            let justification = comment_text(&justification, kind, false)?;
            if justification.is_empty() && poe.is_empty() {
                return Err(Refusal::MissingJustification);
            }
            let poe_added = poe.iter().map(|document| document.id).collect();
            let changes = add_poe(&mut next, poe, stamp)?;
            Outcome {
                to: Status::Disputed,
                changes,
                comment: justification.clone(),
                detail: Some(EventDetail::Dispute {
                    justification,
                    poe_added,
                }),
            }
        }
        Action::UpholdRejection => Outcome::rejected(RejectionReason::DisputeUpheld),
        Action::OverturnRejection => Outcome::to(Status::Approved),
        Action::Comment { text } => {
            let text = comment_text(&text, kind, true)?;
            next.comments.push(Comment {
                author: stamp.actor,
                at: stamp.at,
                text: text.clone(),
            });
            Outcome {
                comment: text,
                ..Outcome::to(status)
            }
        }
        Action::Archive => {
            next.archived = true;
            Outcome {
                changes: vec![change("archived", &false, &true)],
                ..Outcome::to(status)
            }
        }
        Action::Unarchive => {
            next.archived = false;
            Outcome {
                changes: vec![change("archived", &true, &false)],
                ..Outcome::to(status)
            }
        }
    };
    Ok(record(next, kind, stamp, outcome))
}

/// Attach PoE documents, stamped with the action's time and actor; one change each.
fn add_poe(
    next: &mut Claim,
    documents: Vec<PoeDocument>,
    stamp: Stamp,
) -> Result<Vec<FieldChange>, Refusal> {
    let mut changes = Vec::new();
    for mut document in documents {
        if next.poe.iter().any(|existing| existing.id == document.id) {
            return Err(Refusal::DuplicatePoe { id: document.id });
        }
        document.added_at = stamp.at;
        document.added_by = stamp.actor;
        changes.push(FieldChange {
            field: format!("poe[{}]", next.poe.len()),
            old: serde_json::Value::Null,
            new: json(&document),
        });
        next.poe.push(document);
    }
    Ok(changes)
}

/// `None` when the partner changed something since the last information request (added
/// PoE, edited a field other than the checklist, or commented); otherwise when the
/// information was requested.
fn unchanged_since_request(claim: &Claim) -> Option<Timestamp> {
    let start = claim
        .history
        .iter()
        .rposition(|entry| entry.action == ActionKind::RequestInformation);
    let requested_at = start
        .and_then(|index| claim.history.get(index))
        .map_or(claim.created_at, |entry| entry.at);
    let since = start.map_or(&claim.history[..], |index| {
        claim.history.get(index + 1..).unwrap_or(&[])
    });
    let changed = since.iter().any(|entry| {
        entry.actor == Actor::Partner
            && match entry.action {
                ActionKind::AddPoe | ActionKind::Comment => true,
                ActionKind::Edit => entry
                    .changes
                    .iter()
                    .any(|change| change.field != "poe_checklist"),
                ActionKind::Create
                | ActionKind::RemovePoe
                | ActionKind::Submit
                | ActionKind::StartReview
                | ActionKind::RequestInformation
                | ActionKind::Respond
                | ActionKind::Approve
                | ActionKind::Reject
                | ActionKind::CustomerDecline
                | ActionKind::ConsentEnded
                | ActionKind::PartnerResponseExpired
                | ActionKind::RequestRejection
                | ActionKind::Dispute
                | ActionKind::UpholdRejection
                | ActionKind::OverturnRejection
                | ActionKind::Archive
                | ActionKind::Unarchive
                | ActionKind::RestartedAs
                | ActionKind::StartedFrom => false,
            }
    });
    if changed {
        None
    } else {
        Some(requested_at)
    }
}

/// The changed fields, each with its group and its change (path `fields.<name>`).
fn field_changes(old: &ClaimFields, new: &ClaimFields) -> Vec<(EditableField, FieldChange)> {
    // Destructured so that a new field cannot be forgotten here.
    let ClaimFields {
        name,
        partner_id,
        customer_domain,
        tenant_id,
        solution_area,
        activities,
        products,
        customer_contact,
        technical_contact,
        partner_contact,
        revenue_association,
    } = old;
    let mut changes = Vec::new();
    let mut compare =
        |field: EditableField, path: &str, old: serde_json::Value, new: serde_json::Value| {
            if old != new {
                changes.push((
                    field,
                    FieldChange {
                        field: path.to_string(),
                        old,
                        new,
                    },
                ));
            }
        };
    compare(
        EditableField::Name,
        "fields.name",
        json(name),
        json(&new.name),
    );
    compare(
        EditableField::PartnerId,
        "fields.partner_id",
        json(partner_id),
        json(&new.partner_id),
    );
    compare(
        EditableField::CustomerDomain,
        "fields.customer_domain",
        json(customer_domain),
        json(&new.customer_domain),
    );
    compare(
        EditableField::TenantId,
        "fields.tenant_id",
        json(tenant_id),
        json(&new.tenant_id),
    );
    compare(
        EditableField::SolutionArea,
        "fields.solution_area",
        json(solution_area),
        json(&new.solution_area),
    );
    compare(
        EditableField::Activities,
        "fields.activities",
        json(activities),
        json(&new.activities),
    );
    compare(
        EditableField::Products,
        "fields.products",
        json(products),
        json(&new.products),
    );
    compare(
        EditableField::Contacts,
        "fields.customer_contact",
        json(customer_contact),
        json(&new.customer_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.technical_contact",
        json(technical_contact),
        json(&new.technical_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.partner_contact",
        json(partner_contact),
        json(&new.partner_contact),
    );
    compare(
        EditableField::RevenueAssociation,
        "fields.revenue_association",
        json(revenue_association),
        json(&new.revenue_association),
    );
    changes
}

/// Apply every system transition due at or before `now`, each stamped at its deadline
/// (`at` and `recorded_at`), by the system:
///
/// * `PartnerActionRequired` whose partner response deadline has passed → `Rejected`
///   (`PartnerResponseExpired`, reason [`RejectionReason::NoPartnerResponse`]);
/// * `Approved` whose consent period has ended → stays `Approved`, official
///   (`ConsentEnded`).
///
/// Transitions chain when one leads to another, in deadline order. Idempotent:
/// `advance(&advance(c, t, r), t, r) == advance(c, t, r)`. Each entry raises the revision
/// by one; `updated_at` becomes the later of its old value and the deadline.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::history::{ActionKind, InformationReason};
/// use claim_rules::lifecycle::{advance, apply, Action};
/// use claim_rules::model::{Actor, Claim, Status};
/// use claim_rules::policy::Policy;
/// # fn under_review() -> Claim {
/// #     let at: jiff::Timestamp = "2026-04-07T10:00:00-07:00".parse().unwrap();
/// #     let mut claim = claim_rules::lifecycle::new_claim(uuid::Uuid::nil(), at, Default::default());
/// #     claim.status = Status::UnderReview;
/// #     claim.history[0].to = Status::UnderReview;
/// #     claim
/// # }
///
/// let rules = Rules::new(Policy::default())?;
/// // Wednesday 2026-04-08: a reviewer asks for more information.
/// let wednesday: jiff::Timestamp = "2026-04-08T10:00:00-07:00".parse()?;
/// let request = Action::RequestInformation {
///     reasons: vec![InformationReason::MissingCustomerAcknowledgment],
///     comment: "The PoE needs the customer's signature.".into(),
///     products_to_remove: vec![],
/// };
/// let claim = apply(&under_review(), request, Actor::Reviewer, wednesday, wednesday, &rules)?;
///
/// // No response within 5 business days: rejected at the end of Wednesday 04-15.
/// let later: jiff::Timestamp = "2026-04-20T09:00:00-07:00".parse()?;
/// let advanced = advance(&claim, later, &rules);
/// assert_eq!(advanced.status, Status::Rejected);
/// let entry = advanced.history.last().unwrap();
/// assert_eq!(entry.action, ActionKind::PartnerResponseExpired);
/// assert_eq!(entry.at, "2026-04-16T00:00:00-07:00".parse()?);
/// assert_eq!(advance(&advanced, later, &rules), advanced);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn advance(claim: &Claim, now: Timestamp, rules: &Rules) -> Claim {
    let mut current = claim.clone();
    // Each transition ends a window that no later transition reopens; the bound only
    // guards against damaged data.
    for _ in 0..=ClockKind::ALL.len() {
        let clocks = deadlines::deadlines(&current, rules);
        let due = clocks
            .iter()
            .filter(|clock| clock.end.is_none() && clock.due <= now)
            .filter_map(|clock| {
                system_transition(clock.kind, current.status).map(|t| (clock.due, t))
            })
            .min_by_key(|(due, _)| *due);
        let Some((due, (action, outcome))) = due else {
            break;
        };
        let at = current
            .history
            .last()
            .map_or(due, |previous| previous.at.max(due));
        let updated_at = current.updated_at.max(at);
        let stamp = Stamp {
            actor: Actor::System,
            at,
            recorded_at: at,
        };
        current = record(current, action, stamp, outcome);
        current.updated_at = updated_at;
    }
    current
}

fn system_transition(clock: ClockKind, status: Status) -> Option<(ActionKind, Outcome)> {
    match clock {
        ClockKind::PartnerResponse if status == Status::PartnerActionRequired => Some((
            ActionKind::PartnerResponseExpired,
            Outcome::rejected(RejectionReason::NoPartnerResponse),
        )),
        ClockKind::CustomerConsent if status == Status::Approved => {
            Some((ActionKind::ConsentEnded, Outcome::to(Status::Approved)))
        }
        ClockKind::PartnerResponse
        | ClockKind::CustomerConsent
        | ClockKind::ReviewStart
        | ClockKind::ReviewDecision
        | ClockKind::DisputeWindow
        | ClockKind::DisputeReview
        | ClockKind::DecisionTarget => None,
    }
}

/// Start a new draft from a rejected claim that can no longer be disputed (the dispute
/// window closed, the dispute was upheld, it was disputed before, or it was rejected at
/// the partner's request).
///
/// Returns the original (advanced to `at`, with a `RestartedAs` entry and the link) and
/// the new draft (fields and PoE copied, revision 1, one `StartedFrom` entry, linked
/// back). `at` is both the effective and the recorded time.
///
/// # Errors
///
/// A [`Refusal`]: not rejected, not the partner, still disputable, `at` before the last
/// entry, or `new_id` equal to the original's.
pub fn start_new_claim_from(
    claim: &Claim,
    new_id: Uuid,
    actor: Actor,
    at: Timestamp,
    rules: &Rules,
) -> Result<(Claim, Claim), Refusal> {
    let advanced = prepare(claim, at, at, rules)?;
    check_allowed(&advanced, ActionKind::RestartedAs, actor, at, rules)
        .map_err(|refusal| explain(claim, &advanced, refusal))?;
    if new_id == claim.id {
        return Err(Refusal::NewIdSameAsOriginal);
    }
    let stamp = Stamp {
        actor,
        at,
        recorded_at: at,
    };
    let mut original = advanced;
    let old_links = original.links.restarted_as.clone();
    original.links.restarted_as.push(new_id);
    let link_change = change(
        "links.restarted_as",
        &old_links,
        &original.links.restarted_as,
    );
    let status = original.status;
    let original = record(
        original,
        ActionKind::RestartedAs,
        stamp,
        Outcome {
            changes: vec![link_change],
            detail: Some(EventDetail::Link { claim: new_id }),
            ..Outcome::to(status)
        },
    );

    let mut fields = claim.fields.clone();
    fields.normalize();
    let restarted = Claim {
        id: new_id,
        revision: 1,
        created_at: at,
        updated_at: at,
        status: Status::Draft,
        archived: false,
        fields,
        poe: original.poe.clone(),
        poe_checklist: PoeChecklist::default(),
        comments: Vec::new(),
        links: ClaimLinks {
            started_from: Some(claim.id),
            ..ClaimLinks::default()
        },
        history: vec![HistoryEntry {
            at,
            recorded_at: at,
            actor,
            action: ActionKind::StartedFrom,
            from: None,
            to: Status::Draft,
            changes: Vec::new(),
            comment: String::new(),
            detail: Some(EventDetail::Link { claim: claim.id }),
        }],
    };
    Ok((original, restarted))
}

/// A finer view of the status, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Being prepared (Partner Center: *Editing*).
    Draft,
    /// Submitted; waiting for a reviewer to start.
    AwaitingReview,
    /// A reviewer is reviewing it.
    UnderReview,
    /// Waiting for the partner to respond to an information request.
    PartnerActionRequired {
        /// The partner response deadline.
        respond_by: Option<Timestamp>,
    },
    /// Approved; the customer can still decline until the consent period ends.
    ConsentPeriod {
        /// When the consent period ends.
        until: Timestamp,
    },
    /// Approved and the consent period is over: the association is official and the
    /// claim goes to incentive eligibility evaluation.
    Official {
        /// When the consent period ended (`None` when the history does not say).
        since: Option<Timestamp>,
    },
    /// Rejected.
    Rejected {
        /// Why (`None` when the history does not say).
        reason: Option<RejectionReason>,
        /// Until when it can be disputed; `None` when it cannot (final).
        disputable_until: Option<Timestamp>,
    },
    /// Disputed; waiting for the dispute review.
    Disputed,
}

impl Phase {
    /// A stable machine code (snake case).
    pub fn code(&self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::AwaitingReview => "awaiting_review",
            Phase::UnderReview => "under_review",
            Phase::PartnerActionRequired { .. } => "partner_action_required",
            Phase::ConsentPeriod { .. } => "consent_period",
            Phase::Official { .. } => "official",
            Phase::Rejected { .. } => "rejected",
            Phase::Disputed => "disputed",
        }
    }

    /// The phase's name in plain English.
    pub fn display_name(&self) -> &'static str {
        match self {
            Phase::Draft => "Draft",
            Phase::AwaitingReview => "Awaiting review",
            Phase::UnderReview => "Under review",
            Phase::PartnerActionRequired { .. } => "Partner action required",
            Phase::ConsentPeriod { .. } => "Approved — consent period",
            Phase::Official { .. } => "Approved — official",
            Phase::Rejected { .. } => "Rejected",
            Phase::Disputed => "Disputed",
        }
    }
}

/// The claim's phase at `now` (after applying due system transitions).
pub fn phase(claim: &Claim, now: Timestamp, rules: &Rules) -> Phase {
    let claim = advance(claim, now, rules);
    let clocks = deadlines::deadlines(&claim, rules);
    match claim.status {
        Status::Draft => Phase::Draft,
        Status::Submitted => Phase::AwaitingReview,
        Status::UnderReview => Phase::UnderReview,
        Status::PartnerActionRequired => Phase::PartnerActionRequired {
            respond_by: deadlines::open_clock(&clocks, ClockKind::PartnerResponse)
                .map(|clock| clock.due),
        },
        Status::Approved => match deadlines::open_clock(&clocks, ClockKind::CustomerConsent) {
            Some(clock) => Phase::ConsentPeriod { until: clock.due },
            None => Phase::Official {
                since: claim
                    .history
                    .iter()
                    .rev()
                    .take_while(|entry| {
                        !matches!(
                            entry.action,
                            ActionKind::Approve | ActionKind::OverturnRejection
                        )
                    })
                    .find(|entry| entry.action == ActionKind::ConsentEnded)
                    .map(|entry| entry.at),
            },
        },
        Status::Rejected => Phase::Rejected {
            reason: last_rejection(&claim.history)
                .and_then(HistoryEntry::rejection_reason)
                .cloned(),
            disputable_until: dispute_window(&claim, now, rules).ok(),
        },
        Status::Disputed => Phase::Disputed,
    }
}

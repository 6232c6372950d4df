//! Why an action is not allowed: [`Refusal`], with a stable code and typed parameters,
//! and the [`RefusalHint`] that says what to do instead where the rules know better than
//! the generic words.

use jiff::Timestamp;
use serde::Serialize;
use strum::IntoEnumIterator;
use uuid::Uuid;

use crate::catalog::Product;
use crate::deadlines::ClockKind;
use crate::history::ActionKind;
use crate::model::{Actor, Contact, Status};
use crate::validation::{Problem, ProblemKind};

use super::patch::{FieldConflict, FieldValue, PatchField};
use super::permissions::{EditableField, LockReason};
use super::MAX_COMMENT_CHARS;

/// Why an action is not allowed. Each variant has a stable [`Refusal::code`] (the
/// catalogue key is `refusal.<code>`) and typed parameters; [`Refusal::hint`] adds what
/// to do instead where the rules know it. Serialised (for `cpor … --json`) as
/// `{"code": …, <parameters>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::EnumDiscriminants)]
#[strum_discriminants(name(RefusalCode), derive(strum::EnumIter, Hash))]
#[serde(tag = "code", rename_all = "snake_case")]
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
    /// The rejection was upheld on dispute; it is final.
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
    SubmitProblems {
        /// Every problem, in the form's order.
        problems: Vec<Problem>,
    },
    /// An edit of a submitted claim would break the rules its submission checked (an
    /// emptied product list, a Partner ID that is not a number, a product of the other
    /// solution area, …).
    EditProblems {
        /// The problems the edit would introduce, in the form's order.
        problems: Vec<Problem>,
    },
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
    /// The text is longer than [`MAX_COMMENT_CHARS`], counted by
    /// [`comment_length`](crate::validation::comment_length).
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
    /// Fields the patch changes were changed elsewhere (another tab or device) since the
    /// patch was made: nothing was changed; each conflict has both values for the user to
    /// choose ([`FieldPatches::resolve`](super::FieldPatches::resolve)).
    PatchConflict {
        /// Every conflicting field, in the patch's order (at least one).
        conflicts: Vec<FieldConflict>,
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
    /// A stable machine code (snake case), for example `wrong_status`.
    ///
    /// ```
    /// use claim_rules::lifecycle::Refusal;
    ///
    /// assert_eq!(Refusal::AlreadyArchived.code(), "already_archived");
    /// ```
    pub fn code(&self) -> &'static str {
        RefusalCode::from(self).code()
    }

    /// The refusal itself, or the cause when a system transition overtook the action.
    pub fn root_cause(&self) -> &Refusal {
        if let Refusal::OvertakenBySystem { cause, .. } = self {
            cause.root_cause()
        } else {
            self
        }
    }

    /// What to do instead, where the rules know more than the refusal's own words: why a
    /// draft is not archived, that PoE stays on record once submitted, that a closed
    /// dispute window leaves a new claim as the way on, … `None` when the refusal says it
    /// all. For [`Refusal::OvertakenBySystem`], the hint of its cause.
    ///
    /// ```
    /// use claim_rules::history::ActionKind;
    /// use claim_rules::lifecycle::{Refusal, RefusalHint};
    /// use claim_rules::model::Status;
    ///
    /// let refusal = Refusal::WrongStatus {
    ///     action: ActionKind::Archive,
    ///     status: Status::Draft,
    ///     allowed_from: vec![Status::Submitted],
    /// };
    /// assert_eq!(refusal.hint(), Some(RefusalHint::DeleteDraftInstead));
    /// assert_eq!(Refusal::NotArchived.hint(), None);
    /// ```
    pub fn hint(&self) -> Option<RefusalHint> {
        match self {
            Refusal::WrongStatus { action, status, .. } => wrong_status_hint(*action, *status),
            Refusal::WindowClosed { clock, .. } => match clock {
                ClockKind::DisputeWindow => Some(RefusalHint::StartNewClaim),
                ClockKind::CustomerConsent => Some(RefusalHint::AssociationOfficial),
                ClockKind::PartnerResponse => Some(RefusalHint::RejectedForNoResponse),
                ClockKind::ReviewStart
                | ClockKind::ReviewDecision
                | ClockKind::DisputeReview
                | ClockKind::DecisionTarget => None,
            },
            Refusal::EffectiveTimeBeforePrevious {
                previous_action, ..
            } => previous_action
                .is_system()
                .then_some(RefusalHint::RecordedAtDeadline),
            Refusal::OvertakenBySystem { cause, .. } => cause.hint(),
            Refusal::WrongActor { .. }
            | Refusal::FieldLocked { .. }
            | Refusal::AlreadyDisputed
            | Refusal::DisputeFinal
            | Refusal::RejectedAtPartnerRequest
            | Refusal::MissingJustification
            | Refusal::MissingReason { .. }
            | Refusal::MissingComment { .. }
            | Refusal::NothingChangedSinceRequest { .. }
            | Refusal::SubmitProblems { .. }
            | Refusal::EditProblems { .. }
            | Refusal::EffectiveTimeInFuture { .. }
            | Refusal::CommentTooLong { .. }
            | Refusal::NoChange { .. }
            | Refusal::UnknownPoe { .. }
            | Refusal::DuplicatePoe { .. }
            | Refusal::ProductNotClaimed { .. }
            | Refusal::AlreadyArchived
            | Refusal::NotArchived
            | Refusal::DisputeStillPossible { .. }
            | Refusal::NewIdSameAsOriginal
            | Refusal::OnlyDraftsCanBeDeleted { .. }
            | Refusal::PatchConflict { .. } => None,
        }
    }

    /// One refusal of every code, for catalogue tests (an overtaken action appears once
    /// per system transition). Each sample's `code()` is the code it stands for.
    ///
    /// ```
    /// use claim_rules::lifecycle::{Refusal, RefusalCode};
    ///
    /// let samples = Refusal::samples();
    /// assert!(RefusalCode::all().all(|code| samples.iter().any(|s| RefusalCode::from(s) == code)));
    /// ```
    pub fn samples() -> Vec<Refusal> {
        let at: Timestamp = Timestamp::from_second(1_780_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let id = Uuid::from_u128(0x6c1b_7c40_1d4e_4b7a_9f55_0a3c_2f4a_9d11);
        RefusalCode::all()
            .flat_map(|code| -> Vec<Refusal> {
                match code {
                    RefusalCode::WrongStatus => vec![Refusal::WrongStatus {
                        action: ActionKind::Submit,
                        status: Status::Submitted,
                        allowed_from: vec![Status::Draft],
                    }],
                    RefusalCode::WrongActor => vec![Refusal::WrongActor {
                        action: ActionKind::Approve,
                        actor: Actor::Partner,
                        allowed: vec![Actor::Reviewer],
                    }],
                    RefusalCode::FieldLocked => vec![Refusal::FieldLocked {
                        field: EditableField::Name,
                        status: Status::Submitted,
                        why: LockReason::FixedAfterSubmit,
                    }],
                    RefusalCode::WindowClosed => ClockKind::ALL
                        .into_iter()
                        .map(|clock| Refusal::WindowClosed {
                            clock,
                            closed_at: at,
                        })
                        .collect(),
                    RefusalCode::AlreadyDisputed => vec![Refusal::AlreadyDisputed],
                    RefusalCode::DisputeFinal => vec![Refusal::DisputeFinal],
                    RefusalCode::RejectedAtPartnerRequest => {
                        vec![Refusal::RejectedAtPartnerRequest]
                    }
                    RefusalCode::MissingJustification => vec![Refusal::MissingJustification],
                    RefusalCode::MissingReason => vec![Refusal::MissingReason {
                        action: ActionKind::RequestInformation,
                    }],
                    RefusalCode::MissingComment => vec![Refusal::MissingComment {
                        action: ActionKind::Comment,
                    }],
                    RefusalCode::NothingChangedSinceRequest => {
                        vec![Refusal::NothingChangedSinceRequest { requested_at: at }]
                    }
                    RefusalCode::SubmitProblems => [1, 2]
                        .into_iter()
                        .map(|count| Refusal::SubmitProblems {
                            problems: vec![Problem::new("poe", ProblemKind::PoeRequired); count],
                        })
                        .collect(),
                    RefusalCode::EditProblems => [1, 2]
                        .into_iter()
                        .map(|count| Refusal::EditProblems {
                            problems: vec![
                                Problem::new("products", ProblemKind::ProductsRequired);
                                count
                            ],
                        })
                        .collect(),
                    RefusalCode::EffectiveTimeBeforePrevious => {
                        [ActionKind::Submit, ActionKind::PartnerResponseExpired]
                            .into_iter()
                            .map(|previous_action| Refusal::EffectiveTimeBeforePrevious {
                                previous: at,
                                previous_action,
                            })
                            .collect()
                    }
                    RefusalCode::EffectiveTimeInFuture => vec![Refusal::EffectiveTimeInFuture {
                        effective_at: at,
                        recorded_at: at,
                    }],
                    RefusalCode::CommentTooLong => vec![Refusal::CommentTooLong {
                        length: MAX_COMMENT_CHARS + 1,
                        max: MAX_COMMENT_CHARS,
                    }],
                    RefusalCode::NoChange => vec![Refusal::NoChange {
                        action: ActionKind::Edit,
                    }],
                    RefusalCode::UnknownPoe => vec![Refusal::UnknownPoe { id }],
                    RefusalCode::DuplicatePoe => vec![Refusal::DuplicatePoe { id }],
                    RefusalCode::ProductNotClaimed => vec![Refusal::ProductNotClaimed {
                        product: Product::PowerApps,
                    }],
                    RefusalCode::AlreadyArchived => vec![Refusal::AlreadyArchived],
                    RefusalCode::NotArchived => vec![Refusal::NotArchived],
                    RefusalCode::DisputeStillPossible => {
                        vec![Refusal::DisputeStillPossible { until: at }]
                    }
                    RefusalCode::NewIdSameAsOriginal => vec![Refusal::NewIdSameAsOriginal],
                    RefusalCode::OnlyDraftsCanBeDeleted => {
                        vec![Refusal::OnlyDraftsCanBeDeleted {
                            status: Status::Submitted,
                        }]
                    }
                    RefusalCode::PatchConflict => {
                        let conflicts = [
                            FieldConflict {
                                field: PatchField::Name,
                                theirs: FieldValue::Name("Contoso renewal".into()),
                                yours: FieldValue::Name("Contoso 2026".into()),
                            },
                            FieldConflict {
                                field: PatchField::CustomerContact,
                                theirs: FieldValue::CustomerContact(Contact::default()),
                                yours: FieldValue::CustomerContact(Contact {
                                    name: "Ada Lovelace".into(),
                                    ..Contact::default()
                                }),
                            },
                        ];
                        [1, 2]
                            .into_iter()
                            .map(|count| Refusal::PatchConflict {
                                conflicts: conflicts.iter().take(count).cloned().collect(),
                            })
                            .collect()
                    }
                    RefusalCode::OvertakenBySystem => {
                        [ActionKind::PartnerResponseExpired, ActionKind::ConsentEnded]
                            .into_iter()
                            .map(|transition| Refusal::OvertakenBySystem {
                                transition,
                                at,
                                cause: Box::new(Refusal::WrongStatus {
                                    action: ActionKind::Respond,
                                    status: Status::Rejected,
                                    allowed_from: vec![Status::PartnerActionRequired],
                                }),
                            })
                            .collect()
                    }
                }
            })
            .collect()
    }
}

impl RefusalCode {
    /// The stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            RefusalCode::WrongStatus => "wrong_status",
            RefusalCode::WrongActor => "wrong_actor",
            RefusalCode::FieldLocked => "field_locked",
            RefusalCode::WindowClosed => "window_closed",
            RefusalCode::AlreadyDisputed => "already_disputed",
            RefusalCode::DisputeFinal => "dispute_final",
            RefusalCode::RejectedAtPartnerRequest => "rejected_at_partner_request",
            RefusalCode::MissingJustification => "missing_justification",
            RefusalCode::MissingReason => "missing_reason",
            RefusalCode::MissingComment => "missing_comment",
            RefusalCode::NothingChangedSinceRequest => "nothing_changed_since_request",
            RefusalCode::SubmitProblems => "submit_problems",
            RefusalCode::EditProblems => "edit_problems",
            RefusalCode::EffectiveTimeBeforePrevious => "effective_time_before_previous",
            RefusalCode::EffectiveTimeInFuture => "effective_time_in_future",
            RefusalCode::CommentTooLong => "comment_too_long",
            RefusalCode::NoChange => "no_change",
            RefusalCode::UnknownPoe => "unknown_poe",
            RefusalCode::DuplicatePoe => "duplicate_poe",
            RefusalCode::ProductNotClaimed => "product_not_claimed",
            RefusalCode::AlreadyArchived => "already_archived",
            RefusalCode::NotArchived => "not_archived",
            RefusalCode::DisputeStillPossible => "dispute_still_possible",
            RefusalCode::NewIdSameAsOriginal => "new_id_same_as_original",
            RefusalCode::OnlyDraftsCanBeDeleted => "only_drafts_can_be_deleted",
            RefusalCode::PatchConflict => "patch_conflict",
            RefusalCode::OvertakenBySystem => "overtaken_by_system",
        }
    }

    /// Every refusal code, derived from [`Refusal`]'s variants.
    pub fn all() -> impl Iterator<Item = RefusalCode> {
        RefusalCode::iter()
    }
}

/// For developers and logs: the code (the words are in the catalogues).
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "refusal.{}", self.code())
    }
}

impl std::error::Error for Refusal {}

/// What to do instead of a refused action: the catalogue key `refusal_hint.<code>` words
/// it, as a sentence after the refusal's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum RefusalHint {
    /// Drafts are deleted rather than archived.
    DeleteDraftInstead,
    /// Respond (or request rejection) first: archiving would hide the partner deadline.
    RespondFirst,
    /// Once submitted, PoE stays on record; add a corrected document instead.
    PoeStaysOnRecord,
    /// A draft has not been sent to Microsoft; only the partner comments on it.
    DraftNotSent,
    /// Nothing changes while a reviewer reviews; changes are possible again if more
    /// information is requested.
    WaitForReview,
    /// A decided claim does not change; dispute it or start a new claim.
    ClaimDecided,
    /// The dispute is under review; updated PoE goes with the dispute itself.
    DisputeUnderReview,
    /// A new claim can be started only from a rejected claim that can no longer be
    /// disputed.
    RestartOnlyWhenFinal,
    /// The rejection can no longer be disputed: start a new claim from it.
    StartNewClaim,
    /// The association is official and can no longer be declined.
    AssociationOfficial,
    /// The claim was rejected for no partner response.
    RejectedForNoResponse,
    /// The previous entry was recorded automatically at its deadline; what happened
    /// earlier should have been recorded before it.
    RecordedAtDeadline,
}

impl RefusalHint {
    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            RefusalHint::DeleteDraftInstead => "delete_draft_instead",
            RefusalHint::RespondFirst => "respond_first",
            RefusalHint::PoeStaysOnRecord => "poe_stays_on_record",
            RefusalHint::DraftNotSent => "draft_not_sent",
            RefusalHint::WaitForReview => "wait_for_review",
            RefusalHint::ClaimDecided => "claim_decided",
            RefusalHint::DisputeUnderReview => "dispute_under_review",
            RefusalHint::RestartOnlyWhenFinal => "restart_only_when_final",
            RefusalHint::StartNewClaim => "start_new_claim",
            RefusalHint::AssociationOfficial => "association_official",
            RefusalHint::RejectedForNoResponse => "rejected_for_no_response",
            RefusalHint::RecordedAtDeadline => "recorded_at_deadline",
        }
    }

    /// Every hint.
    pub fn all() -> impl Iterator<Item = RefusalHint> {
        RefusalHint::iter()
    }
}

/// The hint for an action refused in a status. Combinations without one get the refusal's
/// own words only.
fn wrong_status_hint(action: ActionKind, status: Status) -> Option<RefusalHint> {
    match action {
        ActionKind::Archive => match status {
            Status::Draft => Some(RefusalHint::DeleteDraftInstead),
            Status::PartnerActionRequired => Some(RefusalHint::RespondFirst),
            Status::Submitted
            | Status::UnderReview
            | Status::Approved
            | Status::Rejected
            | Status::Disputed => None,
        },
        ActionKind::RemovePoe => Some(RefusalHint::PoeStaysOnRecord),
        ActionKind::Comment => (status == Status::Draft).then_some(RefusalHint::DraftNotSent),
        ActionKind::Edit | ActionKind::AddPoe => match status {
            Status::UnderReview => Some(RefusalHint::WaitForReview),
            Status::Approved | Status::Rejected => Some(RefusalHint::ClaimDecided),
            Status::Disputed => Some(RefusalHint::DisputeUnderReview),
            Status::Draft | Status::Submitted | Status::PartnerActionRequired => None,
        },
        ActionKind::RestartedAs => Some(RefusalHint::RestartOnlyWhenFinal),
        ActionKind::Create
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
        | ActionKind::Unarchive
        | ActionKind::StartedFrom => None,
    }
}

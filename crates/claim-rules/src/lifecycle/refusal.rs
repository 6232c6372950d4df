//! Why an action is not allowed: [`Refusal`], with a stable code and typed parameters.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::Product;
use crate::deadlines::ClockKind;
use crate::history::ActionKind;
use crate::model::{Actor, Status};
use crate::validation::Problem;

use super::permissions::{EditableField, LockReason};

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
pub(super) fn wrong_status_hint(action: ActionKind, status: Status) -> Option<&'static str> {
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

pub(super) fn status_name(status: Status) -> &'static str {
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

pub(super) fn status_code(status: Status) -> &'static str {
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

pub(super) fn status_list(statuses: &[Status]) -> String {
    if statuses.is_empty() {
        return "(no status)".to_string();
    }
    statuses
        .iter()
        .map(|status| status_name(*status))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn actor_name(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "the partner",
        Actor::Reviewer => "a reviewer",
        Actor::Customer => "the customer",
        Actor::System => "the system",
    }
}

pub(super) fn actor_code(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => "Partner",
        Actor::Reviewer => "Reviewer",
        Actor::Customer => "Customer",
        Actor::System => "System",
    }
}

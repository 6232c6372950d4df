//! The claim lifecycle (SPEC §3): who may do what in which status, as pure functions.
//!
//! * [`new_claim`] creates a draft; [`start_new_claim_from`] starts a draft from a
//!   rejected claim; [`can_delete`] says whether a claim may be deleted.
//! * [`apply`] performs one [`Action`] by an [`Actor`] at an effective time, returning the
//!   changed claim or a typed [`Refusal`] that says why not and what would make it allowed.
//! * [`advance`] applies the system transitions whose deadlines have passed (partner
//!   response → rejected; consent period → official), stamped at the deadline.
//! * [`Action::Patch`] edits by [`FieldPatches`]: each field with the value it replaces,
//!   refused as a [`Refusal::PatchConflict`] (both values, for the user to choose) when
//!   the claim changed elsewhere meanwhile.
//! * [`allowed_actions`] and [`field_lock`] tell the UI which buttons and fields to offer
//!   and why the others are unavailable; [`phase`] gives the finer view of the status.
//!
//! Every successful action appends one [`HistoryEntry`] (or, for a partner's edit of a
//! draft within half an hour of the previous one, merges into it: [`merge_draft_edits`]),
//! raises the revision by one and sets `updated_at` to the time it was recorded. Before an action, [`apply`] first
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
//!   disputed: the dispute window closed, the rejection was upheld on dispute, the claim was disputed
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

mod action;
mod advance;
mod changes;
mod merge;
mod patch;
mod perform;
pub(crate) mod permissions;
mod phase;
mod refusal;
mod replay;
mod restart;

pub use action::Action;
pub use advance::advance;
pub(crate) use advance::advance_with_clocks;
pub use merge::{merge_draft_edits, DRAFT_EDIT_MERGE_WINDOW};
pub use patch::{FieldConflict, FieldPatch, FieldPatches, FieldValue, PatchField, Resolution};
pub use perform::apply;
pub use permissions::{
    actors_for, allowed_actions, can_delete, field_access, field_lock, opens_in_wizard,
    statuses_for, user_actions, ActionAvailability, EditableField, LockReason,
};
pub use phase::{evaluation_time, phase, phase_spans, BeforeHistory, Phase, PhaseKind, PhaseSpan};
pub use refusal::{Refusal, RefusalCode, RefusalHint};
pub use replay::{replay, replay_added, replay_transitions, ReplayProblem};
pub use restart::start_new_claim_from;

use jiff::Timestamp;
use uuid::Uuid;

use crate::history::{ActionKind, HistoryEntry};
use crate::model::{Actor, Claim, ClaimFields, ClaimLinks, PoeChecklist, Status};
use crate::validation;

/// The longest comment (and dispute justification) the rules accept, in characters as
/// [`validation::comment_length`] counts them (the same limit as
/// [`validation::COMMENT_MAX_CHARS`]).
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

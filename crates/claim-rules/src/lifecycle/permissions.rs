//! Who may do what, in which status, and which field groups are locked: the conditions
//! of an action that do not depend on its parameters.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::deadlines::{self, ClockKind, Rules};
use crate::history::{last_rejection, ActionKind, RejectionReason};
use crate::model::{Actor, Claim, Status};
use crate::validation;

use super::advance::advance;
use super::perform::{explain, prepare};
use super::Refusal;

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

    /// A stable machine code (snake case): the catalogue key `field.<code>` names it.
    ///
    /// ```
    /// use claim_rules::lifecycle::EditableField;
    ///
    /// assert_eq!(EditableField::RevenueAssociation.code(), "revenue_association");
    /// ```
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
    /// Every reason.
    pub const ALL: [LockReason; 4] = [
        LockReason::FixedAfterSubmit,
        LockReason::UnderReview,
        LockReason::Decided,
        LockReason::Disputed,
    ];

    /// A stable machine code (snake case): the catalogue key `lock.<code>` explains it,
    /// with what to do instead.
    ///
    /// ```
    /// use claim_rules::lifecycle::LockReason;
    ///
    /// assert_eq!(LockReason::FixedAfterSubmit.code(), "fixed_after_submit");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            LockReason::FixedAfterSubmit => "fixed_after_submit",
            LockReason::UnderReview => "under_review",
            LockReason::Decided => "decided",
            LockReason::Disputed => "disputed",
        }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

pub(super) fn lock_reason(status: Status, field: EditableField) -> Option<LockReason> {
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

/// Whether `actor` may edit each field group of the claim at `now`: `Ok` for the groups
/// that are open, otherwise why not — [`Refusal::WrongActor`] for anyone but the partner
/// (only the partner edits a claim), [`Refusal::FieldLocked`] for a group the status
/// locks. In [`EditableField::ALL`]'s order.
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{field_access, new_claim, EditableField, Refusal};
/// use claim_rules::model::Actor;
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), at, Default::default());
/// let partner = field_access(&draft, Actor::Partner, at, &rules);
/// assert!(partner.iter().all(|(_, access)| access.is_ok()));
/// let reviewer = field_access(&draft, Actor::Reviewer, at, &rules);
/// assert!(matches!(reviewer[0], (EditableField::Name, Err(Refusal::WrongActor { .. }))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn field_access(
    claim: &Claim,
    actor: Actor,
    now: Timestamp,
    rules: &Rules,
) -> Vec<(EditableField, Result<(), Refusal>)> {
    let status = advance(claim, now, rules).status;
    EditableField::ALL
        .into_iter()
        .map(|field| {
            let access = if actor != Actor::Partner {
                Err(Refusal::WrongActor {
                    action: ActionKind::Edit,
                    actor,
                    allowed: actors_for(ActionKind::Edit).to_vec(),
                })
            } else {
                match lock_reason(status, field) {
                    None => Ok(()),
                    Some(why) => Err(Refusal::FieldLocked { field, status, why }),
                }
            };
            (field, access)
        })
        .collect()
}

/// Whether the claim is edited in the new-claim wizard (it is a draft: every field is
/// open and submit rules are shown step by step) rather than on the claim page.
///
/// ```
/// use claim_rules::lifecycle::{new_claim, opens_in_wizard};
/// use claim_rules::model::Status;
///
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let mut claim = new_claim(uuid::Uuid::nil(), at, Default::default());
/// assert!(opens_in_wizard(&claim));
/// claim.status = Status::Submitted;
/// assert!(!opens_in_wizard(&claim));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn opens_in_wizard(claim: &Claim) -> bool {
    status_opens_in_wizard(claim.status)
}

/// [`opens_in_wizard`] for a claim in `status` (a summary knows only its status).
pub(crate) fn status_opens_in_wizard(status: Status) -> bool {
    match status {
        Status::Draft => true,
        Status::Submitted
        | Status::UnderReview
        | Status::PartnerActionRequired
        | Status::Approved
        | Status::Rejected
        | Status::Disputed => false,
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

/// The conditions of an action kind that do not depend on its parameters.
pub(super) fn check_allowed(
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
                Err(Refusal::SubmitProblems { problems })
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
pub(super) fn consent_open(claim: &Claim, at: Timestamp, rules: &Rules) -> Result<(), Refusal> {
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
pub(super) fn dispute_window(
    claim: &Claim,
    at: Timestamp,
    rules: &Rules,
) -> Result<Timestamp, Refusal> {
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

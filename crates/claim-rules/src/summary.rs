//! A claim's summary: the compact record a dashboard lists, filters, searches and sorts
//! on, and from which the rules still compute its status at any moment, its next
//! deadline and its competing claims — without the full claim.
//!
//! A full claim carries its whole history with every field change, comments and PoE
//! documents (about 10 KB for a claim taken through review). A list of ten thousand
//! claims needs a tenth of that. [`ClaimSummary::of`] keeps:
//!
//! * what the list shows and searches: name, partner ID, domain, tenant ID, area,
//!   activities, status, archived, created and updated times, and the revision;
//! * what competing claims are found by: the claimed products with their subscription IDs,
//!   and the links that make claims one claim's versions;
//! * its **clock history**: the history entries that start, end or pause a clock
//!   (SPEC §4), stripped of field changes, comments and details other than a rejection's
//!   reason, plus the last entry (system transitions are stamped no earlier than it).
//!
//! The summary holds no deadlines: they depend on the policy in force, which the partner
//! may change, and on the moment they are asked at. [`ClaimSummary::advanced`] and
//! [`ClaimSummary::next_deadline`] give exactly what [`lifecycle::advance`] and
//! [`deadlines::next_deadline`] give for the full claim.
//!
//! Decisions:
//!
//! * An entry is left out of the clock history when its action never concerns a clock
//!   (edits, PoE, comments, archiving, links), it keeps the status, and the entry
//!   before it left every clock it started running in that status. Such an entry
//!   changes no clock; every other entry is kept, so a damaged history gives the same
//!   clocks from the summary as from the claim.
//! * A summary is derived data: a store that finds one it cannot read, or one of
//!   another [`FORMAT`], rebuilds it from the claim instead of keeping it aside.

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::deadlines::{self, Deadline, Rules};
use crate::history::{ActionKind, EventDetail, HistoryEntry};
use crate::lifecycle;
use crate::model::{
    Activity, Claim, ClaimFields, ClaimLinks, ClaimedProduct, PoeChecklist, SolutionArea, Status,
};
use crate::validation::{self, Competition};

/// The summary's stored shape; rises whenever a field is added, removed or changes
/// meaning, so stores rebuild summaries of another format from their claims.
pub const FORMAT: u32 = 1;

/// A claim's compact record: see the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSummary {
    /// The claim's identifier.
    pub id: Uuid,
    /// The claim's revision; a store writes the summary with the claim it summarises.
    pub revision: u64,
    /// When the claim was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// Its status (as stored: ask [`ClaimSummary::advanced`] for the status at a moment).
    pub status: Status,
    /// Hidden from the default view.
    pub archived: bool,
    /// The partner's name for the claim.
    pub name: String,
    /// MPN / Partner ID.
    pub partner_id: String,
    /// The customer's domain.
    pub customer_domain: String,
    /// The customer's tenant ID.
    pub tenant_id: String,
    /// The solution area, once chosen.
    pub solution_area: Option<SolutionArea>,
    /// The activities.
    pub activities: BTreeSet<Activity>,
    /// The claimed products and subscription IDs: what competing claims share.
    pub products: Vec<ClaimedProduct>,
    /// Links to the claim's other versions, which never compete with it.
    pub links: ClaimLinks,
    /// The history entries that concern clocks, oldest first (see the module documentation).
    pub clock_history: Vec<HistoryEntry>,
}

impl ClaimSummary {
    /// The summary of `claim`.
    ///
    /// ```
    /// use claim_rules::lifecycle::new_claim;
    /// use claim_rules::model::ClaimFields;
    /// use claim_rules::summary::ClaimSummary;
    ///
    /// let fields = ClaimFields { name: "Contoso rollout".into(), ..ClaimFields::default() };
    /// let claim = new_claim(uuid::Uuid::nil(), "2026-04-06T09:00:00Z".parse()?, fields);
    /// let summary = ClaimSummary::of(&claim);
    /// assert_eq!(summary.name, "Contoso rollout");
    /// assert_eq!(summary.revision, claim.revision);
    /// assert_eq!(summary.clock_history.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(claim: &Claim) -> ClaimSummary {
        let fields = &claim.fields;
        ClaimSummary {
            id: claim.id,
            revision: claim.revision,
            created_at: claim.created_at,
            updated_at: claim.updated_at,
            status: claim.status,
            archived: claim.archived,
            name: fields.name.clone(),
            partner_id: fields.partner_id.clone(),
            customer_domain: fields.customer_domain.clone(),
            tenant_id: fields.tenant_id.clone(),
            solution_area: fields.solution_area,
            activities: fields.activities.clone(),
            products: fields.products.clone(),
            links: claim.links.clone(),
            clock_history: clock_history(&claim.history),
        }
    }

    /// The summary at `now`: the system transitions due by then applied, exactly as
    /// [`lifecycle::advance`] applies them to the full claim.
    ///
    /// ```
    /// use claim_rules::deadlines::Rules;
    /// use claim_rules::lifecycle::{advance, apply, new_claim, Action};
    /// use claim_rules::model::{Actor, ClaimFields, Status};
    /// use claim_rules::policy::Policy;
    /// use claim_rules::summary::ClaimSummary;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// let at: jiff::Timestamp = "2026-04-08T10:00:00-07:00".parse()?;
    /// let mut claim = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
    /// claim.status = Status::UnderReview; // as if submitted and under review
    /// claim.history[0].to = Status::UnderReview;
    /// let request = Action::RequestInformation {
    ///     reasons: vec![claim_rules::history::InformationReason::MissingAllPoe],
    ///     comment: "Please add the signed SOW.".into(),
    ///     products_to_remove: Vec::new(),
    /// };
    /// let claim = apply(&claim, request, Actor::Reviewer, at, at, &rules)?;
    ///
    /// // Nobody responded within five business days: rejected.
    /// let later: jiff::Timestamp = "2026-04-20T09:00:00-07:00".parse()?;
    /// let summary = ClaimSummary::of(&claim).advanced(later, &rules);
    /// assert_eq!(summary.status, Status::Rejected);
    /// assert_eq!(summary, ClaimSummary::of(&advance(&claim, later, &rules)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn advanced(&self, now: Timestamp, rules: &Rules) -> ClaimSummary {
        self.advanced_with_next(now, rules).0
    }

    /// [`ClaimSummary::advanced`] and the [`ClaimSummary::next_deadline`] of the result,
    /// from one pass over the clocks: what a list of claims asks of each one.
    ///
    /// ```
    /// use claim_rules::deadlines::{ClockKind, Rules};
    /// use claim_rules::lifecycle::{apply, new_claim, Action};
    /// use claim_rules::model::{Actor, ClaimFields, Status};
    /// use claim_rules::policy::Policy;
    /// use claim_rules::summary::ClaimSummary;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// let at: jiff::Timestamp = "2026-04-08T10:00:00-07:00".parse()?;
    /// let mut claim = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
    /// claim.status = Status::UnderReview; // as if submitted and under review
    /// claim.history[0].to = Status::UnderReview;
    /// let request = Action::RequestInformation {
    ///     reasons: vec![claim_rules::history::InformationReason::MissingAllPoe],
    ///     comment: "Please add the signed SOW.".into(),
    ///     products_to_remove: Vec::new(),
    /// };
    /// let summary = ClaimSummary::of(&apply(&claim, request, Actor::Reviewer, at, at, &rules)?);
    ///
    /// let (advanced, next) = summary.advanced_with_next(at, &rules);
    /// assert_eq!(advanced, summary.advanced(at, &rules));
    /// assert_eq!(next, advanced.next_deadline(&rules, at));
    /// // The partner has five business days to respond.
    /// assert_eq!(next.map(|clock| clock.kind), Some(ClockKind::PartnerResponse));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn advanced_with_next(
        &self,
        now: Timestamp,
        rules: &Rules,
    ) -> (ClaimSummary, Option<Deadline>) {
        let (advanced, clocks) = lifecycle::advance_with_clocks(&self.skeleton(), now, rules);
        let next = deadlines::nearest_live(clocks, now);
        if advanced.history.len() == self.clock_history.len() {
            return (self.clone(), next);
        }
        let summary = ClaimSummary {
            revision: advanced.revision,
            updated_at: advanced.updated_at,
            status: advanced.status,
            clock_history: clock_history(&advanced.history),
            ..self.clone()
        };
        (summary, next)
    }

    /// The nearest live deadline at `now` that is not paused, exactly as
    /// [`deadlines::next_deadline`] gives it for the full claim. Ask it of the
    /// [advanced](ClaimSummary::advanced) summary, as of an advanced claim.
    ///
    /// ```
    /// use claim_rules::deadlines::Rules;
    /// use claim_rules::lifecycle::new_claim;
    /// use claim_rules::model::ClaimFields;
    /// use claim_rules::policy::Policy;
    /// use claim_rules::summary::ClaimSummary;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// let at: jiff::Timestamp = "2026-04-06T09:00:00-07:00".parse()?;
    /// let draft = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
    /// // A draft has no running clock.
    /// assert_eq!(ClaimSummary::of(&draft).next_deadline(&rules, at), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_deadline(&self, rules: &Rules, now: Timestamp) -> Option<Deadline> {
        deadlines::next_deadline(&self.skeleton(), rules, now)
    }

    /// Whether the claim opens in the wizard, exactly as [`lifecycle::opens_in_wizard`]
    /// says for the full claim.
    ///
    /// ```
    /// use claim_rules::lifecycle::new_claim;
    /// use claim_rules::model::{ClaimFields, Status};
    /// use claim_rules::summary::ClaimSummary;
    ///
    /// let at: jiff::Timestamp = "2026-04-06T09:00:00-07:00".parse()?;
    /// let mut summary = ClaimSummary::of(&new_claim(uuid::Uuid::nil(), at, ClaimFields::default()));
    /// assert!(summary.opens_in_wizard());
    /// summary.status = Status::Submitted;
    /// assert!(!summary.opens_in_wizard());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opens_in_wizard(&self) -> bool {
        lifecycle::permissions::status_opens_in_wizard(self.status)
    }

    /// A claim carrying only what the summary knows, for the rules' functions of claims.
    /// It never leaves this module: its fields and history are incomplete.
    fn skeleton(&self) -> Claim {
        Claim {
            id: self.id,
            revision: self.revision,
            created_at: self.created_at,
            updated_at: self.updated_at,
            status: self.status,
            archived: self.archived,
            fields: ClaimFields {
                name: self.name.clone(),
                partner_id: self.partner_id.clone(),
                customer_domain: self.customer_domain.clone(),
                tenant_id: self.tenant_id.clone(),
                solution_area: self.solution_area,
                activities: self.activities.clone(),
                products: self.products.clone(),
                ..ClaimFields::default()
            },
            poe: Vec::new(),
            poe_checklist: PoeChecklist::default(),
            comments: Vec::new(),
            links: self.links.clone(),
            history: self.clock_history.clone(),
        }
    }
}

/// Every pair of summarised claims that compete, exactly as
/// [`validation::competing_claims`] finds them among the full claims. Pass the
/// [advanced](ClaimSummary::advanced) summaries, as the full claims would be advanced.
///
/// ```
/// use claim_rules::catalog::Product;
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::model::{ClaimFields, ClaimedProduct};
/// use claim_rules::summary::{competing_claims, ClaimSummary};
///
/// let fields = ClaimFields {
///     tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47".into(),
///     products: vec![ClaimedProduct::new(Product::ExchangeOnline)],
///     ..ClaimFields::default()
/// };
/// let at: jiff::Timestamp = "2026-04-06T09:00:00Z".parse()?;
/// let first = new_claim(uuid::Uuid::from_u128(1), at, fields.clone());
/// let second = new_claim(uuid::Uuid::from_u128(2), at, fields);
/// let pairs = competing_claims(&[ClaimSummary::of(&first), ClaimSummary::of(&second)]);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!(pairs[0].claims, [first.id, second.id]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn competing_claims(summaries: &[ClaimSummary]) -> Vec<Competition> {
    let skeletons: Vec<Claim> = summaries.iter().map(ClaimSummary::skeleton).collect();
    validation::competing_claims(&skeletons)
}

/// The entries of `history` that concern clocks, stripped of what clocks never read.
fn clock_history(history: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let last = history.len().saturating_sub(1);
    history
        .iter()
        .enumerate()
        .filter(|(index, entry)| {
            *index == last || *index == 0 || !changes_no_clock(entry, &history[index - 1])
        })
        .map(|(_, entry)| stripped(entry))
        .collect()
}

/// Whether `entry`, following `previous`, leaves every clock as it was: it is an action
/// no clock awaits, starts or closes with, it keeps the status, and every clock
/// `previous` started runs in that status (the decision target is not paused by it).
fn changes_no_clock(entry: &HistoryEntry, previous: &HistoryEntry) -> bool {
    let action_concerns_no_clock = match entry.action {
        ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Comment
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::StartedFrom => true,
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
        | ActionKind::OverturnRejection => false,
    };
    let status = entry.to;
    let keeps_status = entry.from == Some(status) && previous.to == status;
    let previous_clocks_run_on = deadlines::clocks_started_by(previous, false)
        .into_iter()
        .all(|kind| {
            kind.runs_in(status)
                && !(kind == deadlines::ClockKind::DecisionTarget
                    && status == Status::PartnerActionRequired)
        });
    action_concerns_no_clock && keeps_status && previous_clocks_run_on
}

/// The entry as clocks read it: no field changes, no comment, and of the details only a
/// rejection's reason (it decides whether the rejection can be disputed).
fn stripped(entry: &HistoryEntry) -> HistoryEntry {
    let detail = match &entry.detail {
        Some(detail @ EventDetail::Rejection { .. }) => Some(detail.clone()),
        Some(
            EventDetail::InformationRequest { .. }
            | EventDetail::Dispute { .. }
            | EventDetail::Link { .. },
        )
        | None => None,
    };
    HistoryEntry {
        changes: Vec::new(),
        comment: String::new(),
        detail,
        ..entry.clone()
    }
}

//! Claims driven through the lifecycle, shared by the lifecycle, deadline and property
//! tests through `#[path]`.
//!
//! The standard story happens in April 2026 in the default calendar (Los Angeles, PDT =
//! UTC-7, US federal holidays; none in April):
//! created and submitted Monday 2026-04-06, review started Tuesday 04-07, information
//! requested Wednesday 04-08 (partner response due at the end of Wednesday 04-15).
#![allow(dead_code)]

use claim_rules::catalog::Product;
use claim_rules::deadlines::Rules;
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, ReviewerRejectionReason,
};
use claim_rules::lifecycle::{self, Action, Refusal};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, PoeDocument,
    RevenueAssociationDetails, SolutionArea, Status,
};
use claim_rules::policy::Policy;
use jiff::Timestamp;
use uuid::Uuid;

pub const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// The default rules (policy and calendar).
pub fn rules() -> Rules {
    Rules::new(Policy::default()).expect("the default calendar is valid")
}

/// A timestamp from RFC 3339 text; local Los Angeles times in April carry `-07:00`.
pub fn t(text: &str) -> Timestamp {
    text.parse().expect("test timestamp")
}

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0a11_ce00_0000_4000_8000_0000_0000_0000 + n)
}

/// Fields that pass every submit rule: Microsoft 365, Usage, Exchange Online and Teams.
pub fn valid_fields() -> ClaimFields {
    ClaimFields {
        name: "Contoso Exchange rollout".into(),
        partner_id: "1234567".into(),
        customer_domain: "contoso.com".into(),
        tenant_id: TENANT.into(),
        solution_area: Some(SolutionArea::Microsoft365),
        activities: [Activity::Usage].into_iter().collect(),
        products: vec![
            ClaimedProduct::new(Product::ExchangeOnline),
            ClaimedProduct::new(Product::MicrosoftTeams),
        ],
        customer_contact: Contact {
            name: "Ana López".into(),
            title: "IT Director".into(),
            email: "ana.lopez@contoso.com".into(),
        },
        technical_contact: Contact::default(),
        partner_contact: PartnerContact {
            name: "Jonas Berg".into(),
            email: "jonas@fabrikam.se".into(),
        },
        revenue_association: RevenueAssociationDetails::default(),
    }
}

pub fn poe(n: u128) -> PoeDocument {
    PoeDocument {
        id: id(1000 + n),
        file_name: format!("signed-sow-{n}.pdf"),
        media_type: "application/pdf".into(),
        size: 48_213,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        // Deliberately odd: the lifecycle stamps the action's time and actor.
        added_at: t("2000-01-01T00:00:00Z"),
        added_by: Actor::Customer,
        note: String::new(),
    }
}

pub const CREATED: &str = "2026-04-06T09:00:00-07:00";
pub const SUBMITTED: &str = "2026-04-06T10:00:00-07:00";
pub const REVIEW_STARTED: &str = "2026-04-07T10:00:00-07:00";
pub const INFO_REQUESTED: &str = "2026-04-08T10:00:00-07:00";
/// End of Wednesday 2026-04-15: five business days after the information request.
pub const PARTNER_RESPONSE_DUE: &str = "2026-04-16T00:00:00-07:00";
pub const DECIDED: &str = "2026-04-09T10:00:00-07:00";

/// A claim moved through actions; every step must succeed.
#[derive(Debug, Clone)]
pub struct Flow {
    pub claim: Claim,
    pub rules: Rules,
}

impl Flow {
    /// A new draft with valid fields (no PoE yet).
    pub fn new_draft() -> Flow {
        Flow {
            claim: lifecycle::new_claim(id(1), t(CREATED), valid_fields()),
            rules: rules(),
        }
    }

    /// A draft with valid fields and one PoE document: ready to submit.
    pub fn ready_draft() -> Flow {
        Flow::new_draft().act(Actor::Partner, Action::AddPoe(poe(1)), CREATED)
    }

    pub fn submitted() -> Flow {
        Flow::ready_draft().act(Actor::Partner, Action::Submit, SUBMITTED)
    }

    pub fn under_review() -> Flow {
        Flow::submitted().act(Actor::Reviewer, Action::StartReview, REVIEW_STARTED)
    }

    pub fn awaiting_partner() -> Flow {
        Flow::under_review().act(Actor::Reviewer, request_information(), INFO_REQUESTED)
    }

    /// Approved on Thursday 2026-04-09; consent (7 calendar days) ends at the end of
    /// Thursday 04-16.
    pub fn approved() -> Flow {
        Flow::under_review().act(Actor::Reviewer, Action::Approve, DECIDED)
    }

    /// Rejected by a reviewer on Thursday 2026-04-09; the dispute window (30 calendar
    /// days) closes at the end of Saturday 05-09.
    pub fn rejected() -> Flow {
        Flow::under_review().act(
            Actor::Reviewer,
            Action::Reject {
                reason: ReviewerRejectionReason::InsufficientPoe,
            },
            DECIDED,
        )
    }

    /// Rejected at the partner's request on Thursday 2026-04-09.
    pub fn rejected_at_partner_request() -> Flow {
        Flow::under_review().act(
            Actor::Partner,
            Action::RequestRejection {
                reason: PartnerRejectionReason::WrongMpn,
            },
            DECIDED,
        )
    }

    /// Disputed on Friday 2026-04-10.
    pub fn disputed() -> Flow {
        Flow::rejected().act(
            Actor::Partner,
            Action::Dispute {
                justification: "The signed SOW names every product.".into(),
                poe: Vec::new(),
            },
            "2026-04-10T10:00:00-07:00",
        )
    }

    /// Perform an action effective and recorded at `at`; panics with the refusal.
    pub fn act(self, actor: Actor, action: Action, at: &str) -> Flow {
        let at = t(at);
        match lifecycle::apply(&self.claim, action.clone(), actor, at, at, &self.rules) {
            Ok(claim) => Flow { claim, ..self },
            Err(refusal) => panic!(
                "{actor:?} {action:?} at {at} refused on {:?}: {refusal:?}",
                self.claim.status,
            ),
        }
    }

    /// Try an action effective and recorded at `at`.
    pub fn try_act(&self, actor: Actor, action: Action, at: &str) -> Result<Claim, Refusal> {
        let at = t(at);
        lifecycle::apply(&self.claim, action, actor, at, at, &self.rules)
    }

    /// The refusal of an action that must be refused.
    pub fn refusal(&self, actor: Actor, action: Action, at: &str) -> Refusal {
        match self.try_act(actor, action.clone(), at) {
            Ok(claim) => panic!(
                "{actor:?} {action:?} was allowed on {:?}, giving {:?}",
                self.claim.status, claim.status
            ),
            Err(refusal) => refusal,
        }
    }

    pub fn advance(self, now: &str) -> Flow {
        let claim = lifecycle::advance(&self.claim, t(now), &self.rules);
        Flow { claim, ..self }
    }

    pub fn last_action(&self) -> ActionKind {
        self.claim.history.last().expect("history").action
    }

    pub fn status(&self) -> Status {
        self.claim.status
    }
}

pub fn request_information() -> Action {
    Action::RequestInformation {
        reasons: vec![InformationReason::MissingCustomerAcknowledgment],
        comment: "The PoE needs the customer's signature.".into(),
        products_to_remove: Vec::new(),
    }
}

/// The claim invariants every lifecycle result keeps.
pub fn assert_invariants(claim: &Claim) {
    let last = claim.history.last().expect("a claim has history");
    assert_eq!(claim.status, last.to, "status is the last entry's `to`");
    assert_eq!(
        claim.revision,
        claim.history.len() as u64,
        "revision counts the entries"
    );
    for pair in claim.history.windows(2) {
        assert!(pair[0].at <= pair[1].at, "history ordered: {pair:?}");
        assert_eq!(pair[1].from, Some(pair[0].to), "entries chain: {pair:?}");
    }
}

/// End of Thursday 2026-04-16: seven calendar days after the approval on 04-09.
pub const CONSENT_ENDS: &str = "2026-04-17T00:00:00-07:00";
/// End of Saturday 2026-05-09: thirty calendar days after the rejection on 04-09.
pub const DISPUTE_WINDOW_CLOSES: &str = "2026-05-10T00:00:00-07:00";

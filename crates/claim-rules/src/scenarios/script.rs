//! The scenarios themselves, as data.
//!
//! Every scenario runs under the default policy: Monday–Friday, US federal holidays as
//! observed, days ending in Los Angeles, 5 business days for the review and partner
//! clocks, 7 calendar days of consent, a 30-day dispute window. The customers are
//! Microsoft's fictitious companies, each with its own tenant; the partner the trainer
//! plays is Fabrikam, the competing partner Proseware.

use jiff::civil::{date, datetime};

use super::{
    ClaimKey, EndPhase, Ending, Lesson, Remark, Scenario, ScenarioId, ScriptAction, ScriptDocument,
    StartingClaim, Step, StepEvent, When,
};
use crate::catalog::Product;
use crate::deadlines::ClockKind;
use crate::history::{
    InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use crate::model::{
    Activity, Actor, ClaimFields, ClaimedProduct, Contact, PartnerContact, SolutionArea, Status,
};
use crate::policy::Policy;

/// Every scenario, in teaching order.
///
/// ```
/// use claim_rules::scenarios::{self, ScenarioId};
///
/// let ids: Vec<ScenarioId> = scenarios::all().iter().map(|scenario| scenario.id).collect();
/// assert_eq!(ids, ScenarioId::ALL);
/// ```
pub fn all() -> Vec<Scenario> {
    ScenarioId::ALL.into_iter().map(scenario).collect()
}

/// One scenario's data.
///
/// ```
/// use claim_rules::model::Actor;
/// use claim_rules::scenarios::{self, ScenarioId};
///
/// let scenario = scenarios::scenario(ScenarioId::InformationMissed);
/// // The partner never responds: the rejection is the system's.
/// assert!(scenario.steps.iter().any(|step| step.event.actor() == Actor::System));
/// ```
pub fn scenario(id: ScenarioId) -> Scenario {
    match id {
        ScenarioId::SmoothPath => smooth_path(),
        ScenarioId::InformationAnswered => information_answered(),
        ScenarioId::InformationMissed => information_missed(),
        ScenarioId::CustomerDeclines => customer_declines(),
        ScenarioId::WrongMpn => wrong_mpn(),
        ScenarioId::CompetingClaims => competing_claims(),
        ScenarioId::ChristmasDeadline => christmas_deadline(),
        ScenarioId::DisputeWindowCloses => dispute_window_closes(),
    }
}

/// Fabrikam's Partner ID: the partner the trainer plays.
const FABRIKAM: &str = "4455667";

/// A customer of a scenario.
struct Customer {
    domain: &'static str,
    tenant: &'static str,
    contact: (&'static str, &'static str, &'static str),
}

fn fields(
    name: &str,
    partner_id: &str,
    customer: &Customer,
    area: SolutionArea,
    activities: &[Activity],
    products: &[Product],
) -> ClaimFields {
    let (contact_name, title, email) = customer.contact;
    let partner_contact = if partner_id == FABRIKAM {
        PartnerContact {
            name: "Jonas Berg".into(),
            email: "jonas.berg@fabrikam.com".into(),
        }
    } else {
        PartnerContact {
            name: "Mei Chen".into(),
            email: "mei.chen@proseware.com".into(),
        }
    };
    ClaimFields {
        name: name.into(),
        partner_id: partner_id.into(),
        customer_domain: customer.domain.into(),
        tenant_id: customer.tenant.into(),
        solution_area: Some(area),
        activities: activities.iter().copied().collect(),
        products: products.iter().copied().map(ClaimedProduct::new).collect(),
        customer_contact: Contact {
            name: contact_name.into(),
            title: title.into(),
            email: email.into(),
        },
        technical_contact: Contact::default(),
        partner_contact,
        revenue_association: Default::default(),
    }
}

fn microsoft_365(name: &str, customer: &Customer, products: &[Product]) -> ClaimFields {
    fields(
        name,
        FABRIKAM,
        customer,
        SolutionArea::Microsoft365,
        &[Activity::Usage],
        products,
    )
}

const fn document(number: u8, file_name: &'static str, size: u64) -> ScriptDocument {
    ScriptDocument {
        number,
        file_name,
        size,
    }
}

fn ours(fields: ClaimFields, poe: ScriptDocument) -> StartingClaim {
    StartingClaim {
        key: ClaimKey::Ours,
        fields,
        poe: vec![poe],
    }
}

fn act(actor: Actor, action: ScriptAction, at: When, lesson: Lesson) -> Step {
    Step {
        claim: ClaimKey::Ours,
        event: StepEvent::Act { actor, action, at },
        lesson,
        ask: None,
    }
}

fn partner(action: ScriptAction, at: When, lesson: Lesson) -> Step {
    act(Actor::Partner, action, at, lesson)
}

fn reviewer(action: ScriptAction, at: When, lesson: Lesson) -> Step {
    act(Actor::Reviewer, action, at, lesson)
}

fn deadline(clock: ClockKind, lesson: Lesson) -> Step {
    Step {
        claim: ClaimKey::Ours,
        event: StepEvent::DeadlinePasses { clock },
        lesson,
        ask: None,
    }
}

impl Step {
    /// The same step on another claim.
    fn on(self, claim: ClaimKey) -> Step {
        Step { claim, ..self }
    }

    /// The same step, asking the room about `clock` first.
    fn asking(self, clock: ClockKind) -> Step {
        Step {
            ask: Some(clock),
            ..self
        }
    }
}

fn ending(claim: ClaimKey, status: Status, phase: EndPhase) -> Ending {
    Ending {
        claim,
        status,
        phase,
    }
}

fn official(claim: ClaimKey) -> Ending {
    ending(claim, Status::Approved, EndPhase::Official)
}

/// Monday 6 April 2026: submitted, reviewed, approved, official.
fn smooth_path() -> Scenario {
    let contoso = Customer {
        domain: "contoso.com",
        tenant: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        contact: ("Ana López", "CIO", "ana.lopez@contoso.com"),
    };
    Scenario {
        id: ScenarioId::SmoothPath,
        policy: Policy::default(),
        start: datetime(2026, 4, 6, 9, 0, 0, 0),
        claims: vec![ours(
            microsoft_365(
                "Contoso Exchange & Teams",
                &contoso,
                &[Product::ExchangeOnline, Product::MicrosoftTeams],
            ),
            document(1, "contoso-usage-report-signed.pdf", 184_320),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 4, 13),
                    decision_by: date(2026, 4, 20),
                },
            )
            .asking(ClockKind::ReviewStart),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 4, 14),
                },
            ),
            reviewer(
                ScriptAction::Approve,
                When::business(3, 14, 0),
                Lesson::Approved {
                    consent_until: date(2026, 4, 16),
                    days: 7,
                },
            )
            .asking(ClockKind::CustomerConsent),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2026, 4, 16),
                },
            ),
        ],
        endings: vec![official(ClaimKey::Ours)],
    }
}

/// Monday 1 June 2026: the reviewer asks for the customer's signature; the partner adds
/// it and responds two days later.
fn information_answered() -> Scenario {
    let tailspin = Customer {
        domain: "tailspintoys.com",
        tenant: "9c4e1b7a-2d35-4f60-8a1e-5b7c9d0e2f41",
        contact: ("Noah Fischer", "CTO", "noah.fischer@tailspintoys.com"),
    };
    Scenario {
        id: ScenarioId::InformationAnswered,
        policy: Policy::default(),
        start: datetime(2026, 6, 1, 9, 0, 0, 0),
        claims: vec![ours(
            microsoft_365(
                "Tailspin Teams & SharePoint",
                &tailspin,
                &[Product::MicrosoftTeams, Product::SharePointOnline],
            ),
            document(1, "tailspin-adoption-plan.pdf", 96_512),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 6, 8),
                    decision_by: date(2026, 6, 15),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 6, 9),
                },
            ),
            reviewer(
                ScriptAction::RequestInformation {
                    reasons: vec![InformationReason::MissingCustomerAcknowledgment],
                    remark: Remark::SignatureMissing,
                },
                When::business(2, 11, 0),
                Lesson::InformationRequested {
                    respond_by: date(2026, 6, 10),
                    days: 5,
                },
            )
            .asking(ClockKind::PartnerResponse),
            partner(
                ScriptAction::AddPoe(document(2, "tailspin-acknowledgment-signed.pdf", 41_984)),
                When::business(4, 10, 0),
                Lesson::PoeAddedWhileWaiting {
                    respond_by: date(2026, 6, 10),
                },
            ),
            partner(
                ScriptAction::Respond {
                    remark: Some(Remark::SignatureAdded),
                },
                When::business(4, 10, 30),
                Lesson::Responded {
                    decide_by: date(2026, 6, 12),
                    decision_by: date(2026, 6, 17),
                },
            ),
            reviewer(
                ScriptAction::Approve,
                When::business(7, 15, 0),
                Lesson::Approved {
                    consent_until: date(2026, 6, 17),
                    days: 7,
                },
            ),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2026, 6, 17),
                },
            ),
        ],
        endings: vec![official(ClaimKey::Ours)],
    }
}

/// Monday 9 March 2026: nobody answers the request; rejected at the deadline, disputed
/// the same day, overturned.
fn information_missed() -> Scenario {
    let wingtip = Customer {
        domain: "wingtiptoys.com",
        tenant: "1b8d3f6c-7e2a-4c95-b0d4-6a2e8f1c3d52",
        contact: ("Ingrid Svensson", "CIO", "ingrid.svensson@wingtiptoys.com"),
    };
    Scenario {
        id: ScenarioId::InformationMissed,
        policy: Policy::default(),
        start: datetime(2026, 3, 9, 9, 0, 0, 0),
        claims: vec![ours(
            microsoft_365(
                "Wingtip Intune & Defender",
                &wingtip,
                &[Product::MicrosoftIntune, Product::DefenderForEndpoint],
            ),
            document(1, "wingtip-deployment-summary.pdf", 73_728),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 3, 16),
                    decision_by: date(2026, 3, 23),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 3, 17),
                },
            ),
            reviewer(
                ScriptAction::RequestInformation {
                    reasons: vec![InformationReason::MissingOrOldDates],
                    remark: Remark::DatesMissing,
                },
                When::business(2, 11, 0),
                Lesson::InformationRequested {
                    respond_by: date(2026, 3, 18),
                    days: 5,
                },
            )
            .asking(ClockKind::PartnerResponse),
            deadline(
                ClockKind::PartnerResponse,
                Lesson::NoResponseRejected {
                    missed: date(2026, 3, 18),
                    dispute_until: date(2026, 4, 18),
                },
            )
            .asking(ClockKind::DisputeWindow),
            partner(
                ScriptAction::Dispute {
                    remark: Some(Remark::DatedEvidence),
                    poe: vec![document(2, "wingtip-usage-report-dated.pdf", 128_000)],
                },
                When::business(8, 10, 0),
                Lesson::Disputed {
                    review_by: date(2026, 3, 26),
                },
            ),
            reviewer(
                ScriptAction::OverturnRejection,
                When::business(12, 14, 0),
                Lesson::Overturned {
                    consent_until: date(2026, 4, 1),
                    days: 7,
                },
            ),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2026, 4, 1),
                },
            ),
        ],
        endings: vec![official(ClaimKey::Ours)],
    }
}

/// Monday 3 August 2026: approved on a Friday; the customer declines the next Tuesday.
fn customer_declines() -> Scenario {
    let litware = Customer {
        domain: "litware.com",
        tenant: "5e7a9c1d-3b4f-4a86-9d2e-7f1b3c5d7e63",
        contact: ("Pieter de Vries", "CIO", "pieter.devries@litware.com"),
    };
    Scenario {
        id: ScenarioId::CustomerDeclines,
        policy: Policy::default(),
        start: datetime(2026, 8, 3, 9, 0, 0, 0),
        claims: vec![ours(
            microsoft_365(
                "Litware Microsoft 365 Apps",
                &litware,
                &[Product::Microsoft365Apps, Product::ExchangeOnline],
            ),
            document(1, "litware-rollout-report.pdf", 110_592),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 8, 10),
                    decision_by: date(2026, 8, 17),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 8, 11),
                },
            ),
            reviewer(
                ScriptAction::Approve,
                When::business(4, 14, 0),
                Lesson::Approved {
                    consent_until: date(2026, 8, 14),
                    days: 7,
                },
            )
            .asking(ClockKind::CustomerConsent),
            act(
                Actor::Customer,
                ScriptAction::CustomerDecline,
                When::business(6, 11, 0),
                Lesson::CustomerDeclined {
                    dispute_until: date(2026, 9, 10),
                },
            ),
        ],
        endings: vec![ending(
            ClaimKey::Ours,
            Status::Rejected,
            EndPhase::Rejected {
                reason: RejectionReason::CustomerDeclined,
                disputable: true,
            },
        )],
    }
}

/// Monday 14 September 2026: under review, the partner sees the wrong Partner ID, asks
/// for rejection and starts again.
fn wrong_mpn() -> Scenario {
    let adatum = Customer {
        domain: "adatum.com",
        tenant: "7a2c4e6f-8b1d-4e37-a5c9-2d4f6b8a0c74",
        contact: ("Li Wei", "CIO", "li.wei@adatum.com"),
    };
    let mut claim = microsoft_365(
        "Adatum Teams & Purview",
        &adatum,
        &[Product::MicrosoftTeams, Product::MicrosoftPurview],
    );
    // Two digits swapped: another Fabrikam location's Partner ID.
    claim.partner_id = "4455676".into();
    Scenario {
        id: ScenarioId::WrongMpn,
        policy: Policy::default(),
        start: datetime(2026, 9, 14, 9, 0, 0, 0),
        claims: vec![ours(
            claim,
            document(1, "adatum-teams-adoption-signed.pdf", 143_360),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 9, 21),
                    decision_by: date(2026, 9, 28),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 9, 22),
                },
            ),
            partner(
                ScriptAction::RequestRejection(PartnerRejectionReason::WrongMpn),
                When::business(1, 15, 0),
                Lesson::RejectionRequested,
            ),
            Step {
                claim: ClaimKey::Ours,
                event: StepEvent::StartNewClaim {
                    new_claim: ClaimKey::Restarted,
                    at: When::business(2, 9, 0),
                },
                lesson: Lesson::NewClaimStarted,
                ask: None,
            },
            partner(
                ScriptAction::SetPartnerId(FABRIKAM),
                When::business(2, 9, 15),
                Lesson::PartnerIdCorrected,
            )
            .on(ClaimKey::Restarted),
            partner(
                ScriptAction::Submit,
                When::business(2, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 9, 23),
                    decision_by: date(2026, 9, 30),
                },
            )
            .on(ClaimKey::Restarted),
            reviewer(
                ScriptAction::StartReview,
                When::business(3, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 9, 24),
                },
            )
            .on(ClaimKey::Restarted),
            reviewer(
                ScriptAction::Approve,
                When::business(5, 14, 0),
                Lesson::Approved {
                    consent_until: date(2026, 9, 28),
                    days: 7,
                },
            )
            .on(ClaimKey::Restarted),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2026, 9, 28),
                },
            )
            .on(ClaimKey::Restarted),
        ],
        endings: vec![
            ending(
                ClaimKey::Ours,
                Status::Rejected,
                EndPhase::Rejected {
                    reason: RejectionReason::PartnerRequested(PartnerRejectionReason::WrongMpn),
                    disputable: false,
                },
            ),
            official(ClaimKey::Restarted),
        ],
    }
}

/// Monday 20 April 2026: Proseware and Fabrikam both claim Teams on Northwind's tenant.
fn competing_claims() -> Scenario {
    let northwind = Customer {
        domain: "northwindtraders.com",
        tenant: "2d6f8b0a-4c3e-4b18-8e7a-9c1d3e5f7a85",
        contact: ("Sara Okafor", "CIO", "sara.okafor@northwindtraders.com"),
    };
    let teams = [Product::MicrosoftTeams];
    let competitor = fields(
        "Northwind Teams",
        "7788990",
        &northwind,
        SolutionArea::Microsoft365,
        &[Activity::Usage],
        &teams,
    );
    Scenario {
        id: ScenarioId::CompetingClaims,
        policy: Policy::default(),
        start: datetime(2026, 4, 20, 9, 0, 0, 0),
        claims: vec![
            ours(
                microsoft_365("Northwind Teams rollout", &northwind, &teams),
                document(1, "northwind-teams-workshop.pdf", 65_536),
            ),
            StartingClaim {
                key: ClaimKey::Competitor,
                fields: competitor,
                poe: vec![document(2, "northwind-teams-usage-signed.pdf", 201_728)],
            },
        ],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 4, 27),
                    decision_by: date(2026, 5, 4),
                },
            )
            .on(ClaimKey::Competitor),
            partner(
                ScriptAction::Submit,
                When::business(1, 10, 0),
                Lesson::CompetingClaimSubmitted {
                    with: ClaimKey::Competitor,
                    review_start_by: date(2026, 4, 28),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(2, 9, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 4, 29),
                },
            )
            .on(ClaimKey::Competitor),
            reviewer(
                ScriptAction::StartReview,
                When::business(2, 9, 30),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 4, 29),
                },
            ),
            deadline(
                ClockKind::ReviewDecision,
                Lesson::ReviewOverdue {
                    was_due: date(2026, 4, 29),
                },
            ),
            reviewer(
                ScriptAction::Approve,
                When::business(9, 11, 0),
                Lesson::Approved {
                    consent_until: date(2026, 5, 8),
                    days: 7,
                },
            )
            .on(ClaimKey::Competitor),
            reviewer(
                ScriptAction::Reject(ReviewerRejectionReason::InsufficientPoe),
                When::business(9, 11, 30),
                Lesson::LostArbitration {
                    dispute_until: date(2026, 5, 31),
                },
            ),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2026, 5, 8),
                },
            )
            .on(ClaimKey::Competitor),
        ],
        endings: vec![
            ending(
                ClaimKey::Ours,
                Status::Rejected,
                EndPhase::Rejected {
                    reason: RejectionReason::Reviewer(ReviewerRejectionReason::InsufficientPoe),
                    disputable: true,
                },
            ),
            official(ClaimKey::Competitor),
        ],
    }
}

/// Monday 21 December 2026: information requested on Wednesday 23 December; Christmas
/// Day (Friday) and the weekend do not count, so the partner has until the end of
/// Thursday 31 December.
fn christmas_deadline() -> Scenario {
    let woodgrove = Customer {
        domain: "woodgrovebank.com",
        tenant: "8e0a2c4d-6f5b-4d29-b3e1-4a6c8e0b2d96",
        contact: ("Marie Dubois", "CIO", "marie.dubois@woodgrovebank.com"),
    };
    Scenario {
        id: ScenarioId::ChristmasDeadline,
        policy: Policy::default(),
        start: datetime(2026, 12, 21, 9, 0, 0, 0),
        claims: vec![ours(
            microsoft_365(
                "Woodgrove security rollout",
                &woodgrove,
                &[
                    Product::ExchangeOnline,
                    Product::MicrosoftIntune,
                    Product::DefenderForOffice365,
                ],
            ),
            document(1, "woodgrove-security-report.pdf", 158_720),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 12, 29),
                    decision_by: date(2027, 1, 6),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 12, 30),
                },
            ),
            reviewer(
                ScriptAction::RequestInformation {
                    reasons: vec![InformationReason::MissingProducts],
                    remark: Remark::ProductsMissing,
                },
                When::business(2, 11, 0),
                Lesson::InformationRequestedOverHoliday {
                    respond_by: date(2026, 12, 31),
                    days: 5,
                    holiday: date(2026, 12, 25),
                },
            )
            .asking(ClockKind::PartnerResponse),
            partner(
                ScriptAction::AddPoe(document(2, "woodgrove-security-report-v2.pdf", 162_816)),
                When::business(7, 16, 0),
                Lesson::PoeAddedWhileWaiting {
                    respond_by: date(2026, 12, 31),
                },
            ),
            partner(
                ScriptAction::Respond {
                    remark: Some(Remark::ProductsNamed),
                },
                When::business(7, 16, 30),
                Lesson::RespondedOnLastDay {
                    decide_by: date(2027, 1, 8),
                    decision_by: date(2027, 1, 13),
                },
            ),
            reviewer(
                ScriptAction::Approve,
                When::business(9, 10, 0),
                Lesson::Approved {
                    consent_until: date(2027, 1, 12),
                    days: 7,
                },
            ),
            deadline(
                ClockKind::CustomerConsent,
                Lesson::ConsentEnded {
                    last_day: date(2027, 1, 12),
                },
            ),
        ],
        endings: vec![official(ClaimKey::Ours)],
    }
}

/// Monday 6 July 2026: rejected for missing products; the partner lets the dispute window
/// close and starts a new claim with complete PoE.
fn dispute_window_closes() -> Scenario {
    let alpine = Customer {
        domain: "alpineskihouse.com",
        tenant: "4c8e0a2b-1d7f-4f5a-9b3c-8e0a2c4e6fa7",
        contact: ("Tomás Ruiz", "CFO", "tomas.ruiz@alpineskihouse.com"),
    };
    let mut claim = fields(
        "Alpine Ski House Dynamics 365 Sales",
        FABRIKAM,
        &alpine,
        SolutionArea::BusinessApplications,
        &[Activity::Presales, Activity::Usage],
        &[Product::Dynamics365Sales, Product::PowerBiPro],
    );
    claim.technical_contact = Contact {
        name: "Eva Novak".into(),
        title: "CTO".into(),
        email: "eva.novak@alpineskihouse.com".into(),
    };
    Scenario {
        id: ScenarioId::DisputeWindowCloses,
        policy: Policy::default(),
        start: datetime(2026, 7, 6, 9, 0, 0, 0),
        claims: vec![ours(
            claim,
            document(1, "alpine-sales-statement-of-work.pdf", 237_568),
        )],
        steps: vec![
            partner(
                ScriptAction::Submit,
                When::business(0, 9, 30),
                Lesson::Submitted {
                    review_start_by: date(2026, 7, 13),
                    decision_by: date(2026, 7, 20),
                },
            ),
            reviewer(
                ScriptAction::StartReview,
                When::business(1, 10, 0),
                Lesson::ReviewStarted {
                    decide_by: date(2026, 7, 14),
                },
            ),
            reviewer(
                ScriptAction::Reject(ReviewerRejectionReason::MissingProducts),
                When::business(3, 14, 0),
                Lesson::RejectedMissingProducts {
                    dispute_until: date(2026, 8, 8),
                    days: 30,
                },
            )
            .asking(ClockKind::DisputeWindow),
            deadline(
                ClockKind::DisputeWindow,
                Lesson::DisputeWindowClosed {
                    last_day: date(2026, 8, 8),
                },
            ),
            Step {
                claim: ClaimKey::Ours,
                event: StepEvent::StartNewClaim {
                    new_claim: ClaimKey::Restarted,
                    at: When::business(25, 9, 0),
                },
                lesson: Lesson::NewClaimAfterWindow,
                ask: None,
            },
            partner(
                ScriptAction::AddPoe(document(
                    2,
                    "alpine-sales-and-power-bi-usage-signed.pdf",
                    262_144,
                )),
                When::business(25, 9, 30),
                Lesson::PoeCompleted,
            )
            .on(ClaimKey::Restarted),
            partner(
                ScriptAction::Submit,
                When::business(25, 10, 0),
                Lesson::Submitted {
                    review_start_by: date(2026, 8, 17),
                    decision_by: date(2026, 8, 24),
                },
            )
            .on(ClaimKey::Restarted),
        ],
        endings: vec![
            ending(
                ClaimKey::Ours,
                Status::Rejected,
                EndPhase::Rejected {
                    reason: RejectionReason::Reviewer(ReviewerRejectionReason::MissingProducts),
                    disputable: false,
                },
            ),
            ending(
                ClaimKey::Restarted,
                Status::Submitted,
                EndPhase::AwaitingReview,
            ),
        ],
    }
}

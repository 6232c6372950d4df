//! PoE readiness: the partner's self-check of the proof of execution against the reasons
//! reviewers send claims back for (SPEC §2). Warnings only, never blockers.

use serde::Serialize;

use crate::history::InformationReason;
use crate::model::Claim;

/// One item of the PoE readiness checklist, in the order the app shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ReadinessCheck {
    /// PoE is attached and is about this customer and this claim.
    PoeAboutClaim,
    /// The PoE carries the customer's signature or acknowledgment.
    CustomerAcknowledgment,
    /// The PoE shows dates, and they are recent.
    DatesRecent,
    /// The PoE describes the partner's solution or service.
    SolutionDescribed,
    /// The PoE names every claimed product.
    ProductsNamed,
}

impl ReadinessCheck {
    /// The five checks, in display order.
    pub const ALL: [ReadinessCheck; 5] = [
        ReadinessCheck::PoeAboutClaim,
        ReadinessCheck::CustomerAcknowledgment,
        ReadinessCheck::DatesRecent,
        ReadinessCheck::SolutionDescribed,
        ReadinessCheck::ProductsNamed,
    ];

    /// Stable code of the check, for translation.
    pub fn code(self) -> &'static str {
        match self {
            ReadinessCheck::PoeAboutClaim => "readiness.poe_about_claim",
            ReadinessCheck::CustomerAcknowledgment => "readiness.customer_acknowledgment",
            ReadinessCheck::DatesRecent => "readiness.dates_recent",
            ReadinessCheck::SolutionDescribed => "readiness.solution_described",
            ReadinessCheck::ProductsNamed => "readiness.products_named",
        }
    }

    /// A short name for lists, for example "Customer acknowledgment".
    pub fn display_name(self) -> &'static str {
        match self {
            ReadinessCheck::PoeAboutClaim => "PoE attached and about this claim",
            ReadinessCheck::CustomerAcknowledgment => "Customer signature or acknowledgment",
            ReadinessCheck::DatesRecent => "Dates present and recent",
            ReadinessCheck::SolutionDescribed => "Partner solution/service described",
            ReadinessCheck::ProductsNamed => "Every claimed product named",
        }
    }

    /// The reviewer's information-request reason this check helps to avoid.
    pub fn prevents(self) -> InformationReason {
        match self {
            ReadinessCheck::PoeAboutClaim => InformationReason::MissingAllPoe,
            ReadinessCheck::CustomerAcknowledgment => {
                InformationReason::MissingCustomerAcknowledgment
            }
            ReadinessCheck::DatesRecent => InformationReason::MissingOrOldDates,
            ReadinessCheck::SolutionDescribed => InformationReason::MissingPartnerSolution,
            ReadinessCheck::ProductsNamed => InformationReason::MissingProducts,
        }
    }
}

/// Whether a readiness item is satisfied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ReadinessState {
    /// Checked and satisfied.
    Ok,
    /// Not yet satisfied: a reviewer would likely ask for more information.
    Warning,
}

/// One line of the readiness checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessItem {
    /// Which check.
    pub check: ReadinessCheck,
    /// Satisfied or not.
    pub state: ReadinessState,
    /// Stable code (same as [`ReadinessCheck::code`]).
    pub code: String,
    /// The information-request reason this check prevents.
    pub prevents: InformationReason,
    /// Parameters for the translated message (`products`: the claimed products' names).
    pub params: Vec<(String, String)>,
    /// What to check, in plain English; for a warning, also what the reviewer would ask.
    pub message: String,
}

/// The PoE readiness checklist for a claim: the five checks of SPEC §2, each `Ok` when
/// the claim has PoE and the partner ticked it in the claim's
/// [`PoeChecklist`](crate::model::PoeChecklist), otherwise `Warning`. Without any PoE
/// every item is a warning: there is nothing yet that could show it.
///
/// ```
/// use claim_rules::validation::{ReadinessCheck, ReadinessState};
/// # use claim_rules::validation::poe_readiness;
/// # let claim: claim_rules::model::Claim = serde_json::from_str(r#"{"id":"6c1b7c40-1d4e-4b7a-9f55-0a3c2f4a9d11","revision":1,
/// #   "created_at":"2025-03-03T09:00:00Z","updated_at":"2025-03-03T09:00:00Z","status":"Draft",
/// #   "fields":{"name":"","partner_id":"","customer_domain":"","tenant_id":"","solution_area":null,"activities":[],"products":[],
/// #   "customer_contact":{"name":"","title":"","email":""},"technical_contact":{"name":"","title":"","email":""},
/// #   "partner_contact":{"name":"","email":""},"revenue_association":{"solution_seller_name":"","customer_name":"","isv_solution_name":""}},
/// #   "history":[{"at":"2025-03-03T09:00:00Z","recorded_at":"2025-03-03T09:00:00Z","actor":"Partner","action":"Create","from":null,"to":"Draft"}]}"#).unwrap();
/// let items = poe_readiness(&claim);
/// assert_eq!(items.len(), 5);
/// assert_eq!(items[0].check, ReadinessCheck::PoeAboutClaim);
/// assert!(items.iter().all(|item| item.state == ReadinessState::Warning));
/// ```
pub fn poe_readiness(claim: &Claim) -> Vec<ReadinessItem> {
    let has_poe = !claim.poe.is_empty();
    let checklist = &claim.poe_checklist;
    let products: Vec<&str> = claim
        .fields
        .products
        .iter()
        .map(|claimed| claimed.product.display_name())
        .collect();
    let products = products.join(", ");
    ReadinessCheck::ALL
        .into_iter()
        .map(|check| {
            let ticked = match check {
                ReadinessCheck::PoeAboutClaim => checklist.about_this_claim,
                ReadinessCheck::CustomerAcknowledgment => checklist.customer_acknowledgment,
                ReadinessCheck::DatesRecent => checklist.dates_recent,
                ReadinessCheck::SolutionDescribed => checklist.solution_described,
                ReadinessCheck::ProductsNamed => checklist.products_named,
            };
            let state = if has_poe && ticked {
                ReadinessState::Ok
            } else {
                ReadinessState::Warning
            };
            let params = match check {
                ReadinessCheck::ProductsNamed => vec![("products".to_string(), products.clone())],
                _ => Vec::new(),
            };
            ReadinessItem {
                check,
                state,
                code: check.code().to_string(),
                prevents: check.prevents(),
                params,
                message: message(check, state, has_poe, &products),
            }
        })
        .collect()
}

fn message(check: ReadinessCheck, state: ReadinessState, has_poe: bool, products: &str) -> String {
    let what = match check {
        ReadinessCheck::PoeAboutClaim => "the PoE is about this customer and this work".to_string(),
        ReadinessCheck::CustomerAcknowledgment => {
            "the PoE carries the customer's signature or written acknowledgment".to_string()
        }
        ReadinessCheck::DatesRecent => "the PoE shows dates, and they are recent".to_string(),
        ReadinessCheck::SolutionDescribed => {
            "the PoE describes the solution or service you delivered".to_string()
        }
        ReadinessCheck::ProductsNamed if products.is_empty() => {
            "the PoE names every claimed product".to_string()
        }
        ReadinessCheck::ProductsNamed => {
            format!("the PoE names every claimed product ({products})")
        }
    };
    let reason = match check.prevents() {
        InformationReason::MissingAllPoe => "Missing all PoE",
        InformationReason::MissingCustomerAcknowledgment => "Missing customer acknowledgment",
        InformationReason::MissingOrOldDates => "Missing or old dates",
        InformationReason::MissingPartnerSolution => "Missing partner solution/service",
        InformationReason::MissingProducts => "Missing products",
    };
    match (state, has_poe) {
        (ReadinessState::Ok, _) => format!("Checked: {what}."),
        (ReadinessState::Warning, false) if check == ReadinessCheck::PoeAboutClaim => format!(
            "No PoE is attached yet. Attach a document about this customer and this work; without one, reviewers send the claim back with “{reason}”."
        ),
        (ReadinessState::Warning, false) => format!(
            "Once PoE is attached, check that {what}; otherwise reviewers are likely to send the claim back with “{reason}”."
        ),
        (ReadinessState::Warning, true) => format!(
            "Not checked yet: {what}. Check the PoE and tick this item; otherwise reviewers are likely to send the claim back with “{reason}”."
        ),
    }
}

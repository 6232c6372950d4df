//! PoE readiness: the partner's self-check of the proof of execution against the reasons
//! reviewers send claims back for (SPEC §2). Warnings only, never blockers.

use serde::Serialize;

use crate::catalog::Product;
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

    /// A stable machine code (snake case): the catalogue keys `readiness.<code>.label`
    /// (its short name) and `readiness.<code>.what` (what to check) word it.
    ///
    /// ```
    /// use claim_rules::validation::ReadinessCheck;
    ///
    /// assert_eq!(ReadinessCheck::DatesRecent.code(), "dates_recent");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ReadinessCheck::PoeAboutClaim => "poe_about_claim",
            ReadinessCheck::CustomerAcknowledgment => "customer_acknowledgment",
            ReadinessCheck::DatesRecent => "dates_recent",
            ReadinessCheck::SolutionDescribed => "solution_described",
            ReadinessCheck::ProductsNamed => "products_named",
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

/// What the partner is told about one check: the catalogue key
/// `readiness.advice.<code>` words it, with the check's "what to check" and the reason a
/// reviewer would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessAdvice {
    /// The partner ticked it and PoE is attached.
    Checked,
    /// No PoE at all: attach a document about this customer and this work.
    AttachPoe,
    /// Once PoE is attached, check this.
    CheckOnceAttached,
    /// PoE is attached but this is not ticked yet.
    NotChecked,
}

impl ReadinessAdvice {
    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            ReadinessAdvice::Checked => "checked",
            ReadinessAdvice::AttachPoe => "attach_poe",
            ReadinessAdvice::CheckOnceAttached => "check_once_attached",
            ReadinessAdvice::NotChecked => "not_checked",
        }
    }
}

/// One line of the readiness checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessItem {
    /// Which check.
    pub check: ReadinessCheck,
    /// Satisfied or not.
    pub state: ReadinessState,
    /// What to tell the partner about it.
    pub advice: ReadinessAdvice,
    /// The information-request reason this check prevents.
    pub prevents: InformationReason,
    /// The claimed products (for [`ReadinessCheck::ProductsNamed`]; empty for the others).
    pub products: Vec<Product>,
}

/// The PoE readiness checklist for a claim: the five checks of SPEC §2, each `Ok` when
/// the claim has PoE and the partner ticked it in the claim's
/// [`PoeChecklist`](crate::model::PoeChecklist), otherwise `Warning`. Without any PoE
/// every item is a warning: there is nothing yet that could show it.
///
/// ```
/// use claim_rules::validation::{ReadinessAdvice, ReadinessCheck, ReadinessState};
/// # use claim_rules::validation::poe_readiness;
/// # let at: jiff::Timestamp = "2025-03-03T09:00:00Z".parse().unwrap();
/// # let claim = claim_rules::lifecycle::new_claim(uuid::Uuid::nil(), at, Default::default());
/// let items = poe_readiness(&claim);
/// assert_eq!(items.len(), 5);
/// assert_eq!(items[0].check, ReadinessCheck::PoeAboutClaim);
/// assert_eq!(items[0].advice, ReadinessAdvice::AttachPoe);
/// assert_eq!(items[1].advice, ReadinessAdvice::CheckOnceAttached);
/// assert!(items.iter().all(|item| item.state == ReadinessState::Warning));
/// ```
pub fn poe_readiness(claim: &Claim) -> Vec<ReadinessItem> {
    let has_poe = !claim.poe.is_empty();
    let checklist = &claim.poe_checklist;
    let products: Vec<Product> = claim
        .fields
        .products
        .iter()
        .map(|claimed| claimed.product)
        .collect();
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
            let (state, advice) = match (has_poe, ticked) {
                (true, true) => (ReadinessState::Ok, ReadinessAdvice::Checked),
                (true, false) => (ReadinessState::Warning, ReadinessAdvice::NotChecked),
                (false, _) if check == ReadinessCheck::PoeAboutClaim => {
                    (ReadinessState::Warning, ReadinessAdvice::AttachPoe)
                }
                (false, _) => (ReadinessState::Warning, ReadinessAdvice::CheckOnceAttached),
            };
            ReadinessItem {
                check,
                state,
                advice,
                prevents: check.prevents(),
                products: match check {
                    ReadinessCheck::ProductsNamed => products.clone(),
                    ReadinessCheck::PoeAboutClaim
                    | ReadinessCheck::CustomerAcknowledgment
                    | ReadinessCheck::DatesRecent
                    | ReadinessCheck::SolutionDescribed => Vec::new(),
                },
            }
        })
        .collect()
}

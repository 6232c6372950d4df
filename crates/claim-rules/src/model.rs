//! The claim and its parts, as typed data with stable serde field names.
//!
//! Text fields hold what the partner typed (a draft may be incomplete or wrong);
//! [`crate::validation`] says what is wrong with them. Identifiers that the rules store
//! normalised (domain, tenant ID) are normalised by [`ClaimFields::normalize`].

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::Product;

/// The solution area a claim is filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SolutionArea {
    /// Microsoft 365 workloads (OSU-Microsoft 365).
    Microsoft365,
    /// Dynamics 365 and Power Platform (OSA Sell, OSU-Business Applications).
    BusinessApplications,
}

impl SolutionArea {
    /// Both areas, in display order.
    pub const ALL: [SolutionArea; 2] = [
        SolutionArea::Microsoft365,
        SolutionArea::BusinessApplications,
    ];

    /// Whether a claim in this area may name `activity` (SPEC §2: Microsoft 365 claims
    /// are for `Usage` only; Business Applications claims for any activity, with
    /// `RevenueAssociation` alone — a rule [`crate::validation`] checks on the whole set).
    ///
    /// ```
    /// use claim_rules::model::{Activity, SolutionArea};
    ///
    /// assert!(SolutionArea::Microsoft365.allows(Activity::Usage));
    /// assert!(!SolutionArea::Microsoft365.allows(Activity::Presales));
    /// assert!(SolutionArea::BusinessApplications.allows(Activity::RevenueAssociation));
    /// ```
    pub fn allows(self, activity: Activity) -> bool {
        match (self, activity) {
            (SolutionArea::Microsoft365, Activity::Usage) => true,
            (SolutionArea::Microsoft365, Activity::Presales | Activity::RevenueAssociation) => {
                false
            }
            (SolutionArea::BusinessApplications, _) => true,
        }
    }

    /// A stable machine code (snake case): the catalogue key `area.<code>` names it.
    ///
    /// ```
    /// use claim_rules::model::SolutionArea;
    ///
    /// assert_eq!(SolutionArea::BusinessApplications.code(), "business_applications");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            SolutionArea::Microsoft365 => "microsoft365",
            SolutionArea::BusinessApplications => "business_applications",
        }
    }
}

/// The activity the partner performed for the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Activity {
    /// Pre-sales work leading to a purchase (Business Applications only).
    Presales,
    /// Driving usage and deployment.
    Usage,
    /// Revenue association without incentive payment (Business Applications only, alone).
    RevenueAssociation,
}

impl Activity {
    /// Every activity, in display order.
    pub const ALL: [Activity; 3] = [
        Activity::Presales,
        Activity::Usage,
        Activity::RevenueAssociation,
    ];

    /// A stable machine code (snake case): the catalogue key `activity.<code>` names it.
    ///
    /// ```
    /// use claim_rules::model::Activity;
    ///
    /// assert_eq!(Activity::RevenueAssociation.code(), "revenue_association");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Activity::Presales => "presales",
            Activity::Usage => "usage",
            Activity::RevenueAssociation => "revenue_association",
        }
    }
}

/// An incentive program (or revenue association) that a claim leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Program {
    /// OSA Sell: Business Applications pre-sales.
    OsaSell,
    /// OSU-Business Applications: Business Applications usage.
    OsuBusinessApplications,
    /// OSU-Microsoft 365: Microsoft 365 usage.
    OsuMicrosoft365,
    /// Revenue association only; no incentive payment.
    RevenueAssociationOnly,
}

impl Program {
    /// Every program, in display order.
    pub const ALL: [Program; 4] = [
        Program::OsaSell,
        Program::OsuBusinessApplications,
        Program::OsuMicrosoft365,
        Program::RevenueAssociationOnly,
    ];

    /// A stable machine code (snake case): the catalogue key `program.<code>` names it.
    ///
    /// ```
    /// use claim_rules::model::Program;
    ///
    /// assert_eq!(Program::OsuMicrosoft365.code(), "osu_microsoft365");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Program::OsaSell => "osa_sell",
            Program::OsuBusinessApplications => "osu_business_applications",
            Program::OsuMicrosoft365 => "osu_microsoft365",
            Program::RevenueAssociationOnly => "revenue_association_only",
        }
    }
}

/// The programs a combination of area and activities leads to (SPEC §2 "Derived programs").
///
/// Combinations the rules do not allow (for example Microsoft 365 with `Presales`) lead to
/// no program for that activity; [`crate::validation`] reports them.
pub fn derived_programs(
    area: Option<SolutionArea>,
    activities: &BTreeSet<Activity>,
) -> Vec<Program> {
    let Some(area) = area else { return Vec::new() };
    activities
        .iter()
        .filter_map(|activity| match (area, activity) {
            (SolutionArea::BusinessApplications, Activity::Presales) => Some(Program::OsaSell),
            (SolutionArea::BusinessApplications, Activity::Usage) => {
                Some(Program::OsuBusinessApplications)
            }
            (SolutionArea::BusinessApplications, Activity::RevenueAssociation) => {
                Some(Program::RevenueAssociationOnly)
            }
            (SolutionArea::Microsoft365, Activity::Usage) => Some(Program::OsuMicrosoft365),
            (SolutionArea::Microsoft365, Activity::Presales | Activity::RevenueAssociation) => None,
        })
        .collect()
}

/// Claim status, as in Partner Center (`Draft` is Partner Center's *Editing*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Being prepared by the partner; not yet submitted.
    Draft,
    /// Submitted, waiting for a reviewer to start.
    Submitted,
    /// A reviewer is reviewing it.
    UnderReview,
    /// The reviewer asked the partner for more information.
    PartnerActionRequired,
    /// Approved; in its consent period until that ends, then official.
    Approved,
    /// Rejected (by a reviewer, the customer, the partner's request or the system).
    Rejected,
    /// The partner disputed a rejection; waiting for the dispute review.
    Disputed,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::UnderReview,
        Status::PartnerActionRequired,
        Status::Approved,
        Status::Rejected,
        Status::Disputed,
    ];

    /// A stable machine code (snake case), the one spelling of a status outside the
    /// stored data: the catalogue key `status.<code>`, CSS hooks, JSON reports.
    ///
    /// ```
    /// use claim_rules::model::Status;
    ///
    /// assert_eq!(Status::PartnerActionRequired.code(), "partner_action_required");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::UnderReview => "under_review",
            Status::PartnerActionRequired => "partner_action_required",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Disputed => "disputed",
        }
    }
}

/// Who performs an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Actor {
    /// The claiming partner (the app's user).
    Partner,
    /// A Microsoft reviewer (recorded from Partner Center, or simulated in training).
    Reviewer,
    /// The customer (consent decisions).
    Customer,
    /// The rules themselves: transitions when a deadline passes.
    System,
}

impl Actor {
    /// Every actor, the partner first.
    pub const ALL: [Actor; 4] = [
        Actor::Partner,
        Actor::Reviewer,
        Actor::Customer,
        Actor::System,
    ];

    /// A stable machine code (snake case): the catalogue key `actor.<code>`, CSS hooks.
    ///
    /// ```
    /// use claim_rules::model::Actor;
    ///
    /// assert_eq!(Actor::Reviewer.code(), "reviewer");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Actor::Partner => "partner",
            Actor::Reviewer => "reviewer",
            Actor::Customer => "customer",
            Actor::System => "system",
        }
    }
}

/// Whose contact a contact field is (the three contacts of a claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ContactRole {
    /// `fields.customer_contact`.
    Customer,
    /// `fields.technical_contact`.
    Technical,
    /// `fields.partner_contact`.
    Partner,
}

impl ContactRole {
    /// The three contacts, in the form's order.
    pub const ALL: [ContactRole; 3] = [
        ContactRole::Customer,
        ContactRole::Technical,
        ContactRole::Partner,
    ];

    /// A stable machine code (snake case): the catalogue key `contact.<code>` names it.
    ///
    /// ```
    /// use claim_rules::model::ContactRole;
    ///
    /// assert_eq!(ContactRole::Technical.code(), "technical");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ContactRole::Customer => "customer",
            ContactRole::Technical => "technical",
            ContactRole::Partner => "partner",
        }
    }

    /// The contact's path in the export JSON (`fields.technical_contact`).
    ///
    /// ```
    /// use claim_rules::model::ContactRole;
    ///
    /// assert_eq!(ContactRole::Partner.path(), "fields.partner_contact");
    /// ```
    pub fn path(self) -> &'static str {
        match self {
            ContactRole::Customer => "fields.customer_contact",
            ContactRole::Technical => "fields.technical_contact",
            ContactRole::Partner => "fields.partner_contact",
        }
    }
}

/// A person to contact, with a title (customer and technical contacts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// E-mail address.
    pub email: String,
}

impl Contact {
    /// Whether nothing but blanks was typed in any of its parts.
    ///
    /// ```
    /// use claim_rules::model::Contact;
    ///
    /// assert!(Contact { name: "  ".into(), ..Contact::default() }.is_empty());
    /// assert!(!Contact { title: "CTO".into(), ..Contact::default() }.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        [&self.name, &self.title, &self.email]
            .iter()
            .all(|part| part.trim().is_empty())
    }
}

/// The partner's own contact for this claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerContact {
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
}

/// Extra fields required when the activity is `RevenueAssociation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevenueAssociationDetails {
    /// Name of the Dynamics solution seller.
    pub solution_seller_name: String,
    /// Customer's name.
    pub customer_name: String,
    /// Name of the ISV product or solution.
    pub isv_solution_name: String,
}

/// One claimed product, with its subscription ID where one is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimedProduct {
    /// The product from the catalog.
    pub product: Product,
    /// The customer has several subscriptions of this product, so the claim must say which.
    #[serde(default)]
    pub several_subscriptions: bool,
    /// The subscription claimed (a GUID), when the customer has several.
    #[serde(default)]
    pub subscription_id: String,
}

impl ClaimedProduct {
    /// A product with no subscription detail.
    pub fn new(product: Product) -> Self {
        ClaimedProduct {
            product,
            several_subscriptions: false,
            subscription_id: String::new(),
        }
    }

    /// Whether the claim must name the subscription (SPEC §2): a Business Applications
    /// product the customer has several subscriptions of. Microsoft 365 workloads are
    /// claimed per workload, never per subscription.
    ///
    /// ```
    /// use claim_rules::catalog::Product;
    /// use claim_rules::model::ClaimedProduct;
    ///
    /// let mut apps = ClaimedProduct::new(Product::PowerApps);
    /// assert!(!apps.subscription_id_required());
    /// apps.several_subscriptions = true;
    /// assert!(apps.subscription_id_required());
    /// let teams = ClaimedProduct { several_subscriptions: true, ..ClaimedProduct::new(Product::MicrosoftTeams) };
    /// assert!(!teams.subscription_id_required());
    /// ```
    pub fn subscription_id_required(&self) -> bool {
        self.several_subscriptions && subscription_applies(self.product)
    }
}

/// Whether a product is claimed per subscription at all (Business Applications
/// products), so the form asks "several subscriptions?" and the subscription ID for it.
///
/// ```
/// use claim_rules::catalog::Product;
/// use claim_rules::model::subscription_applies;
///
/// assert!(subscription_applies(Product::Dynamics365Sales));
/// assert!(!subscription_applies(Product::ExchangeOnline));
/// ```
pub fn subscription_applies(product: Product) -> bool {
    match product.area() {
        SolutionArea::BusinessApplications => true,
        SolutionArea::Microsoft365 => false,
    }
}

/// The fields a partner fills in (SPEC §2), as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimFields {
    /// The partner's own name for the claim.
    pub name: String,
    /// MPN / Partner ID of the claiming location.
    pub partner_id: String,
    /// The customer's domain, for example `contoso.com`.
    pub customer_domain: String,
    /// The customer's Directory (tenant) ID, a GUID.
    pub tenant_id: String,
    /// The solution area; `None` until chosen.
    pub solution_area: Option<SolutionArea>,
    /// The activities performed.
    pub activities: BTreeSet<Activity>,
    /// The claimed products, in the order chosen.
    pub products: Vec<ClaimedProduct>,
    /// The customer's contact.
    pub customer_contact: Contact,
    /// The customer's technical contact; required when any Dynamics 365 product is claimed.
    pub technical_contact: Contact,
    /// The partner's contact.
    pub partner_contact: PartnerContact,
    /// Revenue-association extras.
    pub revenue_association: RevenueAssociationDetails,
}

impl ClaimFields {
    /// Store identifiers as the rules keep them: domain and tenant ID trimmed and
    /// lower-case, partner ID trimmed. Other text is kept as typed.
    pub fn normalize(&mut self) {
        self.customer_domain = self.customer_domain.trim().to_ascii_lowercase();
        self.tenant_id = self.tenant_id.trim().to_ascii_lowercase();
        self.partner_id = self.partner_id.trim().to_string();
        for product in &mut self.products {
            product.subscription_id = product.subscription_id.trim().to_ascii_lowercase();
        }
    }

    /// The programs this claim leads to.
    pub fn programs(&self) -> Vec<Program> {
        derived_programs(self.solution_area, &self.activities)
    }

    /// The claimed Dynamics 365 products, in the order chosen: the products that make a
    /// technical contact required (SPEC §2). Empty when none is claimed.
    ///
    /// ```
    /// use claim_rules::catalog::Product;
    /// use claim_rules::model::{ClaimFields, ClaimedProduct};
    ///
    /// let mut fields = ClaimFields::default();
    /// fields.products.push(ClaimedProduct::new(Product::PowerApps));
    /// assert!(fields.technical_contact_required_by().is_empty());
    /// fields.products.push(ClaimedProduct::new(Product::Dynamics365Sales));
    /// assert_eq!(fields.technical_contact_required_by(), [Product::Dynamics365Sales]);
    /// ```
    pub fn technical_contact_required_by(&self) -> Vec<Product> {
        let mut products: Vec<Product> = Vec::new();
        for claimed in &self.products {
            if claimed.product.is_dynamics_365() && !products.contains(&claimed.product) {
                products.push(claimed.product);
            }
        }
        products
    }

    /// Whether the technical contact belongs on this claim: it is required (a Dynamics
    /// 365 product is claimed), or something was typed in it, which must stay visible to
    /// be corrected or cleared.
    ///
    /// ```
    /// use claim_rules::model::ClaimFields;
    ///
    /// let mut fields = ClaimFields::default();
    /// assert!(!fields.technical_contact_applies());
    /// fields.technical_contact.name = "Ana".into();
    /// assert!(fields.technical_contact_applies());
    /// ```
    pub fn technical_contact_applies(&self) -> bool {
        !self.technical_contact_required_by().is_empty() || !self.technical_contact.is_empty()
    }

    /// Whether the revenue-association extras apply: the activity `RevenueAssociation`
    /// is chosen (they are then required to submit).
    ///
    /// ```
    /// use claim_rules::model::{Activity, ClaimFields};
    ///
    /// let mut fields = ClaimFields::default();
    /// assert!(!fields.revenue_association_applies());
    /// fields.activities.insert(Activity::RevenueAssociation);
    /// assert!(fields.revenue_association_applies());
    /// ```
    pub fn revenue_association_applies(&self) -> bool {
        self.activities.contains(&Activity::RevenueAssociation)
    }

    /// Whether the form asks for `product`'s subscription ("several subscriptions?" and
    /// the ID): a Business Applications product on a Business Applications claim. A
    /// product of the other area is shown only to be removed.
    ///
    /// ```
    /// use claim_rules::catalog::Product;
    /// use claim_rules::model::{ClaimFields, SolutionArea};
    ///
    /// let fields = ClaimFields {
    ///     solution_area: Some(SolutionArea::BusinessApplications),
    ///     ..ClaimFields::default()
    /// };
    /// assert!(fields.subscription_applies(Product::PowerApps));
    /// assert!(!fields.subscription_applies(Product::MicrosoftTeams));
    /// ```
    pub fn subscription_applies(&self, product: Product) -> bool {
        subscription_applies(product)
            && self.solution_area == Some(SolutionArea::BusinessApplications)
    }
}

/// A proof-of-execution document. The app records its metadata and hash; the file
/// itself stays with the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoeDocument {
    /// Stable identifier of this document within the claim.
    pub id: Uuid,
    /// File name as added.
    pub file_name: String,
    /// Media type, for example `application/pdf`.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// When it was added.
    pub added_at: Timestamp,
    /// Who added it.
    pub added_by: Actor,
    /// The partner's note about it.
    #[serde(default)]
    pub note: String,
}

/// The partner's self-check of the PoE against the reasons reviewers send claims back for
/// (SPEC §2 "PoE readiness checklist"). Unticked items give warnings, never blockers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoeChecklist {
    /// The PoE is about this customer and this claim.
    pub about_this_claim: bool,
    /// It carries the customer's signature or acknowledgment.
    pub customer_acknowledgment: bool,
    /// It shows dates, and they are recent.
    pub dates_recent: bool,
    /// It describes the partner's solution or service.
    pub solution_described: bool,
    /// It names every claimed product.
    pub products_named: bool,
}

/// A comment in the claim's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Who wrote it.
    pub author: Actor,
    /// When.
    pub at: Timestamp,
    /// The text as stored (trimmed), at most
    /// [`COMMENT_MAX_CHARS`](crate::validation::COMMENT_MAX_CHARS) characters.
    pub text: String,
}

/// Links between a rejected claim and the new claim started from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLinks {
    /// The rejected claim this one was started from.
    #[serde(default)]
    pub started_from: Option<Uuid>,
    /// New claims started from this one.
    #[serde(default)]
    pub restarted_as: Vec<Uuid>,
    /// For an import conflict kept as a copy: the local claim it diverged from.
    #[serde(default)]
    pub conflict_copy_of: Option<Uuid>,
}

/// A CPOR customer association claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable identifier.
    pub id: Uuid,
    /// Rises by one with every change.
    pub revision: u64,
    /// When the claim was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// Current status; always the `to` status of the last history entry.
    pub status: Status,
    /// Hidden from the default dashboard view, kept.
    #[serde(default)]
    pub archived: bool,
    /// What the partner filled in.
    pub fields: ClaimFields,
    /// Proof of execution.
    #[serde(default)]
    pub poe: Vec<PoeDocument>,
    /// The partner's PoE self-check.
    #[serde(default)]
    pub poe_checklist: PoeChecklist,
    /// The comment thread.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// Links to related claims.
    #[serde(default)]
    pub links: ClaimLinks,
    /// Every action taken, oldest first; append-only.
    pub history: Vec<crate::history::HistoryEntry>,
}

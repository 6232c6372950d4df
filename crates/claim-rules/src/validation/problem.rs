//! What a validation problem is: where ([`Problem::field`]) and what ([`ProblemKind`], a
//! stable code with typed parameters). The words live in the catalogues, under
//! `problem.<code>`.

use serde::Serialize;
use strum::IntoEnumIterator;

use crate::catalog::Product;
use crate::model::{Activity, ContactRole, SolutionArea};

use super::domain::DomainIssue;
use super::{
    COMMENT_MAX_CHARS, EMAIL_MAX_CHARS, NAME_MAX_CHARS, PARTNER_ID_MAX_DIGITS,
    PARTNER_ID_MIN_DIGITS,
};

/// One problem with a claim: the field it is about and what is wrong with it.
///
/// Serialised (for `cpor … --json`) as `{"field": …, "code": …, <parameters>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Path of the field, for example `fields.customer_domain` or
    /// `fields.products[1].subscription_id`.
    pub field: String,
    /// What is wrong, with its parameters.
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem about `field`.
    pub fn new(field: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            field: field.into(),
            kind,
        }
    }

    /// The stable code of its kind, for example `domain.label_too_long`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Whether this problem is about the field `path` or something inside it
    /// (`fields.products` covers `fields.products[2].subscription_id`); see
    /// [`path_is_within`].
    pub fn is_within(&self, path: &str) -> bool {
        path_is_within(&self.field, path)
    }
}

/// For developers and logs: the field and the code (the words are in the catalogues).
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.code())
    }
}

/// Whether the field path `field` is `path` itself or lies inside it: a member
/// (`path.x`) or an element (`path[3]`). `fields.product` is not inside `fields.products`.
///
/// ```
/// use claim_rules::validation::path_is_within;
///
/// assert!(path_is_within("fields.products[2].subscription_id", "fields.products"));
/// assert!(path_is_within("fields.customer_contact.email", "fields.customer_contact"));
/// assert!(path_is_within("fields.name", "fields.name"));
/// assert!(!path_is_within("fields.name_extra", "fields.name"));
/// ```
pub fn path_is_within(field: &str, path: &str) -> bool {
    match field.strip_prefix(path) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The problems about the field `path` or anything inside it, in their order, for
/// showing beside one field or one section of the form.
///
/// ```
/// use claim_rules::model::ClaimFields;
/// use claim_rules::validation::{field_problems, problems_for};
///
/// let fields = ClaimFields { customer_domain: "contoso".into(), ..Default::default() };
/// let problems = field_problems(&fields);
/// assert_eq!(problems_for(&problems, "fields.customer_domain").count(), 1);
/// assert_eq!(problems_for(&problems, "fields.tenant_id").count(), 0);
/// ```
pub fn problems_for<'a>(
    problems: &'a [Problem],
    path: &'a str,
) -> impl Iterator<Item = &'a Problem> + 'a {
    problems
        .iter()
        .filter(move |problem| problem.is_within(path))
}

/// A character that is not allowed where it was typed, as a message names it: blanks
/// and control characters by what they are, visible characters as themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum BadChar {
    /// A space.
    Space,
    /// A tab.
    Tab,
    /// Another blank character (no-break space, …).
    Blank,
    /// A control character, by its code point.
    Control(u32),
    /// A visible character.
    Visible(char),
}

impl BadChar {
    /// How `c` is named.
    ///
    /// ```
    /// use claim_rules::validation::BadChar;
    ///
    /// assert_eq!(BadChar::of(' '), BadChar::Space);
    /// assert_eq!(BadChar::of('\u{7}'), BadChar::Control(7));
    /// assert_eq!(BadChar::of('é'), BadChar::Visible('é'));
    /// ```
    pub fn of(c: char) -> BadChar {
        match c {
            ' ' => BadChar::Space,
            '\t' => BadChar::Tab,
            c if c.is_whitespace() => BadChar::Blank,
            c if c.is_control() => BadChar::Control(u32::from(c)),
            c => BadChar::Visible(c),
        }
    }

    /// A stable machine code (snake case): the catalogue key `character.<code>` names it
    /// (with the code point or the character as a parameter).
    pub fn code(self) -> &'static str {
        match self {
            BadChar::Space => "space",
            BadChar::Tab => "tab",
            BadChar::Blank => "blank",
            BadChar::Control(_) => "control",
            BadChar::Visible(_) => "visible",
        }
    }

    /// Every way of naming a character, once (for catalogue tests).
    pub fn samples() -> Vec<BadChar> {
        vec![
            BadChar::Space,
            BadChar::Tab,
            BadChar::Blank,
            BadChar::Control(7),
            BadChar::Visible('!'),
        ]
    }
}

/// Why text that should be a GUID is not one, when the rules can tell: the catalogue key
/// `guid_hint.<code>` says how to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GuidHint {
    /// A GUID in braces, `{…}`.
    Braces,
    /// 32 hexadecimal digits without hyphens.
    NoHyphens,
    /// It looks like a domain name.
    LooksLikeDomain,
}

impl GuidHint {
    /// Every hint, in a fixed order.
    pub const ALL: [GuidHint; 3] = [
        GuidHint::Braces,
        GuidHint::NoHyphens,
        GuidHint::LooksLikeDomain,
    ];

    /// A stable machine code (snake case).
    pub fn code(self) -> &'static str {
        match self {
            GuidHint::Braces => "braces",
            GuidHint::NoHyphens => "no_hyphens",
            GuidHint::LooksLikeDomain => "looks_like_domain",
        }
    }
}

/// One part of the revenue-association extras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueAssociationPart {
    /// `fields.revenue_association.solution_seller_name`.
    SolutionSellerName,
    /// `fields.revenue_association.customer_name`.
    CustomerName,
    /// `fields.revenue_association.isv_solution_name`.
    IsvSolutionName,
}

impl RevenueAssociationPart {
    /// The three parts, in the form's order.
    pub const ALL: [RevenueAssociationPart; 3] = [
        RevenueAssociationPart::SolutionSellerName,
        RevenueAssociationPart::CustomerName,
        RevenueAssociationPart::IsvSolutionName,
    ];

    /// A stable machine code (snake case): the catalogue key `revenue_part.<code>` names
    /// it; also its JSON member.
    pub fn code(self) -> &'static str {
        match self {
            RevenueAssociationPart::SolutionSellerName => "solution_seller_name",
            RevenueAssociationPart::CustomerName => "customer_name",
            RevenueAssociationPart::IsvSolutionName => "isv_solution_name",
        }
    }

    /// The part's path in the export JSON.
    pub fn path(self) -> String {
        format!("fields.revenue_association.{}", self.code())
    }
}

/// What is wrong with a field. Each kind has a stable dotted [`ProblemKind::code`] (the
/// catalogue key is `problem.<code>`) and carries what a message needs: lengths and
/// limits, the offending character, the domain label, the product, the contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::EnumDiscriminants)]
#[strum_discriminants(name(ProblemCode), derive(strum::EnumIter, Hash, PartialOrd, Ord))]
#[serde(tag = "code")]
pub enum ProblemKind {
    /// No claim name.
    #[serde(rename = "name.required")]
    NameRequired,
    /// The claim name is too long.
    #[serde(rename = "name.too_long")]
    NameTooLong {
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// No Partner ID.
    #[serde(rename = "partner_id.required")]
    PartnerIdRequired,
    /// The Partner ID holds something other than digits.
    #[serde(rename = "partner_id.not_digits")]
    PartnerIdNotDigits {
        /// The first such character.
        character: BadChar,
    },
    /// The Partner ID has too few or too many digits.
    #[serde(rename = "partner_id.length")]
    PartnerIdLength {
        /// Its number of digits.
        length: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// No customer domain.
    #[serde(rename = "domain.required")]
    DomainRequired,
    /// The customer domain looks like a URL (`https://…` or a path).
    #[serde(rename = "domain.url")]
    DomainUrl,
    /// The customer domain looks like an e-mail address.
    #[serde(rename = "domain.email_address")]
    DomainEmailAddress,
    /// The customer domain ends with a dot.
    #[serde(rename = "domain.trailing_dot")]
    DomainTrailingDot,
    /// The customer domain has two dots in a row, or a leading dot.
    #[serde(rename = "domain.empty_label")]
    DomainEmptyLabel,
    /// The customer domain has fewer than two labels.
    #[serde(rename = "domain.too_few_labels")]
    DomainTooFewLabels,
    /// A label of the customer domain contains a character other than `a-z 0-9 -`.
    #[serde(rename = "domain.label_invalid_char")]
    DomainLabelInvalidChar {
        /// The label, as typed.
        label: String,
        /// The first such character.
        character: BadChar,
    },
    /// A label of the customer domain starts or ends with a hyphen.
    #[serde(rename = "domain.label_hyphen_edge")]
    DomainLabelHyphenEdge {
        /// The label, as typed.
        label: String,
    },
    /// A label of the customer domain is too long.
    #[serde(rename = "domain.label_too_long")]
    DomainLabelTooLong {
        /// The label, as typed.
        label: String,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// The customer domain is too long.
    #[serde(rename = "domain.too_long")]
    DomainTooLong {
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// No tenant ID.
    #[serde(rename = "tenant_id.required")]
    TenantIdRequired,
    /// The tenant ID is not a GUID.
    #[serde(rename = "tenant_id.not_guid")]
    TenantIdNotGuid {
        /// How to fix it, when the rules can tell.
        hint: Option<GuidHint>,
    },
    /// The tenant ID is the all-zero GUID.
    #[serde(rename = "tenant_id.nil")]
    TenantIdNil,
    /// No solution area.
    #[serde(rename = "solution_area.required")]
    SolutionAreaRequired,
    /// No activity; the choices depend on the area (if one is chosen).
    #[serde(rename = "activity.required")]
    ActivityRequired {
        /// The chosen area.
        area: Option<SolutionArea>,
    },
    /// An activity the area does not allow.
    #[serde(rename = "activity.not_allowed_for_area")]
    ActivityNotAllowedForArea {
        /// The activity.
        activity: Activity,
        /// The chosen area.
        area: SolutionArea,
    },
    /// Revenue association combined with another activity.
    #[serde(rename = "activity.revenue_association_not_alone")]
    RevenueAssociationNotAlone,
    /// No product.
    #[serde(rename = "products.required")]
    ProductsRequired,
    /// A product of the other area.
    #[serde(rename = "products.wrong_area")]
    ProductWrongArea {
        /// The product.
        product: Product,
        /// The product's own area.
        product_area: SolutionArea,
        /// The claim's area.
        area: SolutionArea,
    },
    /// A product chosen twice.
    #[serde(rename = "products.duplicate")]
    ProductDuplicate {
        /// The product.
        product: Product,
    },
    /// No subscription ID for a product with several subscriptions.
    #[serde(rename = "subscription_id.required")]
    SubscriptionIdRequired {
        /// The product.
        product: Product,
    },
    /// The subscription ID is not a GUID.
    #[serde(rename = "subscription_id.not_guid")]
    SubscriptionIdNotGuid {
        /// The product.
        product: Product,
        /// How to fix it, when the rules can tell.
        hint: Option<GuidHint>,
    },
    /// The subscription ID is the all-zero GUID.
    #[serde(rename = "subscription_id.nil")]
    SubscriptionIdNil {
        /// The product.
        product: Product,
    },
    /// A contact has no name.
    #[serde(rename = "contact.name_required")]
    ContactNameRequired {
        /// Whose contact.
        contact: ContactRole,
    },
    /// A contact's name is too long.
    #[serde(rename = "contact.name_too_long")]
    ContactNameTooLong {
        /// Whose contact.
        contact: ContactRole,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// A contact has no title.
    #[serde(rename = "contact.title_required")]
    ContactTitleRequired {
        /// Whose contact.
        contact: ContactRole,
    },
    /// A contact's title is too long.
    #[serde(rename = "contact.title_too_long")]
    ContactTitleTooLong {
        /// Whose contact.
        contact: ContactRole,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// A contact has no e-mail address.
    #[serde(rename = "contact.email_required")]
    ContactEmailRequired {
        /// Whose contact.
        contact: ContactRole,
    },
    /// An e-mail address is too long.
    #[serde(rename = "email.too_long")]
    EmailTooLong {
        /// Whose contact.
        contact: ContactRole,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// An e-mail address holds a blank or special character.
    #[serde(rename = "email.invalid_char")]
    EmailInvalidChar {
        /// Whose contact.
        contact: ContactRole,
        /// The first such character.
        character: BadChar,
    },
    /// An e-mail address has no `@`.
    #[serde(rename = "email.missing_at")]
    EmailMissingAt {
        /// Whose contact.
        contact: ContactRole,
    },
    /// An e-mail address has more than one `@`.
    #[serde(rename = "email.several_at")]
    EmailSeveralAt {
        /// Whose contact.
        contact: ContactRole,
    },
    /// Nothing before the `@`.
    #[serde(rename = "email.local_part_empty")]
    EmailLocalPartEmpty {
        /// Whose contact.
        contact: ContactRole,
    },
    /// Nothing after the `@`.
    #[serde(rename = "email.domain_missing")]
    EmailDomainMissing {
        /// Whose contact.
        contact: ContactRole,
    },
    /// The part after the `@` is not a valid domain name.
    #[serde(rename = "email.domain_invalid")]
    EmailDomainInvalid {
        /// Whose contact.
        contact: ContactRole,
        /// The part after the `@`.
        domain: String,
        /// What is wrong with it.
        issue: DomainIssue,
    },
    /// A Dynamics 365 product is claimed and the technical contact is empty.
    #[serde(rename = "technical_contact.required")]
    TechnicalContactRequired {
        /// The claimed Dynamics 365 products.
        products: Vec<Product>,
    },
    /// A revenue-association part is empty while the activity is revenue association.
    #[serde(rename = "revenue_association.required")]
    RevenueAssociationRequired {
        /// Which part.
        part: RevenueAssociationPart,
    },
    /// A revenue-association part is too long.
    #[serde(rename = "revenue_association.too_long")]
    RevenueAssociationTooLong {
        /// Which part.
        part: RevenueAssociationPart,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// No PoE document.
    #[serde(rename = "poe.required")]
    PoeRequired,
    /// An empty comment.
    #[serde(rename = "comment.required")]
    CommentRequired,
    /// A comment that is too long.
    #[serde(rename = "comment.too_long")]
    CommentTooLong {
        /// Its length in characters, as counted by [`super::comment_length`].
        length: usize,
        /// The most allowed.
        max: usize,
    },
}

impl ProblemCode {
    /// The stable dotted code, for example `domain.invalid`.
    pub fn code(self) -> &'static str {
        match self {
            ProblemCode::NameRequired => "name.required",
            ProblemCode::NameTooLong => "name.too_long",
            ProblemCode::PartnerIdRequired => "partner_id.required",
            ProblemCode::PartnerIdNotDigits => "partner_id.not_digits",
            ProblemCode::PartnerIdLength => "partner_id.length",
            ProblemCode::DomainRequired => "domain.required",
            ProblemCode::DomainUrl => "domain.url",
            ProblemCode::DomainEmailAddress => "domain.email_address",
            ProblemCode::DomainTrailingDot => "domain.trailing_dot",
            ProblemCode::DomainEmptyLabel => "domain.empty_label",
            ProblemCode::DomainTooFewLabels => "domain.too_few_labels",
            ProblemCode::DomainLabelInvalidChar => "domain.label_invalid_char",
            ProblemCode::DomainLabelHyphenEdge => "domain.label_hyphen_edge",
            ProblemCode::DomainLabelTooLong => "domain.label_too_long",
            ProblemCode::DomainTooLong => "domain.too_long",
            ProblemCode::TenantIdRequired => "tenant_id.required",
            ProblemCode::TenantIdNotGuid => "tenant_id.not_guid",
            ProblemCode::TenantIdNil => "tenant_id.nil",
            ProblemCode::SolutionAreaRequired => "solution_area.required",
            ProblemCode::ActivityRequired => "activity.required",
            ProblemCode::ActivityNotAllowedForArea => "activity.not_allowed_for_area",
            ProblemCode::RevenueAssociationNotAlone => "activity.revenue_association_not_alone",
            ProblemCode::ProductsRequired => "products.required",
            ProblemCode::ProductWrongArea => "products.wrong_area",
            ProblemCode::ProductDuplicate => "products.duplicate",
            ProblemCode::SubscriptionIdRequired => "subscription_id.required",
            ProblemCode::SubscriptionIdNotGuid => "subscription_id.not_guid",
            ProblemCode::SubscriptionIdNil => "subscription_id.nil",
            ProblemCode::ContactNameRequired => "contact.name_required",
            ProblemCode::ContactNameTooLong => "contact.name_too_long",
            ProblemCode::ContactTitleRequired => "contact.title_required",
            ProblemCode::ContactTitleTooLong => "contact.title_too_long",
            ProblemCode::ContactEmailRequired => "contact.email_required",
            ProblemCode::EmailTooLong => "email.too_long",
            ProblemCode::EmailInvalidChar => "email.invalid_char",
            ProblemCode::EmailMissingAt => "email.missing_at",
            ProblemCode::EmailSeveralAt => "email.several_at",
            ProblemCode::EmailLocalPartEmpty => "email.local_part_empty",
            ProblemCode::EmailDomainMissing => "email.domain_missing",
            ProblemCode::EmailDomainInvalid => "email.domain_invalid",
            ProblemCode::TechnicalContactRequired => "technical_contact.required",
            ProblemCode::RevenueAssociationRequired => "revenue_association.required",
            ProblemCode::RevenueAssociationTooLong => "revenue_association.too_long",
            ProblemCode::PoeRequired => "poe.required",
            ProblemCode::CommentRequired => "comment.required",
            ProblemCode::CommentTooLong => "comment.too_long",
        }
    }

    /// Every problem code, derived from [`ProblemKind`]'s variants (so none can be
    /// forgotten), in declaration order.
    ///
    /// ```
    /// use claim_rules::validation::ProblemCode;
    ///
    /// let codes: Vec<&str> = ProblemCode::all().map(ProblemCode::code).collect();
    /// assert!(codes.contains(&"partner_id.length"));
    /// ```
    pub fn all() -> impl Iterator<Item = ProblemCode> {
        ProblemCode::iter()
    }
}

impl ProblemKind {
    /// How to fix a GUID that is not one, for the tenant ID and subscription IDs (the
    /// catalogue key `guid_hint.<code>` words it as a second sentence).
    ///
    /// ```
    /// use claim_rules::validation::{GuidHint, ProblemKind};
    ///
    /// let kind = ProblemKind::TenantIdNotGuid { hint: Some(GuidHint::NoHyphens) };
    /// assert_eq!(kind.guid_hint(), Some(GuidHint::NoHyphens));
    /// assert_eq!(ProblemKind::TenantIdNil.guid_hint(), None);
    /// ```
    pub fn guid_hint(&self) -> Option<GuidHint> {
        if let ProblemKind::TenantIdNotGuid { hint }
        | ProblemKind::SubscriptionIdNotGuid { hint, .. } = self
        {
            *hint
        } else {
            None
        }
    }

    /// The customer-domain problem for a domain issue.
    ///
    /// ```
    /// use claim_rules::validation::{DomainIssue, ProblemKind};
    ///
    /// assert_eq!(ProblemKind::domain(DomainIssue::TrailingDot).code(), "domain.trailing_dot");
    /// ```
    pub fn domain(issue: DomainIssue) -> ProblemKind {
        match issue {
            DomainIssue::Url => ProblemKind::DomainUrl,
            DomainIssue::EmailAddress => ProblemKind::DomainEmailAddress,
            DomainIssue::TrailingDot => ProblemKind::DomainTrailingDot,
            DomainIssue::EmptyLabel => ProblemKind::DomainEmptyLabel,
            DomainIssue::TooFewLabels => ProblemKind::DomainTooFewLabels,
            DomainIssue::LabelInvalidChar { label, character } => {
                ProblemKind::DomainLabelInvalidChar { label, character }
            }
            DomainIssue::LabelHyphenEdge { label } => ProblemKind::DomainLabelHyphenEdge { label },
            DomainIssue::LabelTooLong { label, length, max } => {
                ProblemKind::DomainLabelTooLong { label, length, max }
            }
            DomainIssue::TooLong { length, max } => ProblemKind::DomainTooLong { length, max },
        }
    }

    /// The stable dotted code, for example `partner_id.length`; the catalogue key is
    /// `problem.<code>`.
    ///
    /// ```
    /// use claim_rules::validation::ProblemKind;
    ///
    /// assert_eq!(ProblemKind::NameTooLong { length: 120, max: 100 }.code(), "name.too_long");
    /// ```
    pub fn code(&self) -> &'static str {
        ProblemCode::from(self).code()
    }

    /// One problem of every code (and every variant of the nested domain issues, GUID
    /// hints and characters, so each of their words is exercised): for catalogue tests,
    /// which check that every code has its words and every parameter they name exists.
    ///
    /// ```
    /// use claim_rules::validation::{ProblemCode, ProblemKind};
    ///
    /// let samples = ProblemKind::samples();
    /// assert!(ProblemCode::all().all(|code| samples.iter().any(|s| ProblemCode::from(s) == code)));
    /// ```
    pub fn samples() -> Vec<ProblemKind> {
        let contact = ContactRole::Technical;
        let product = Product::Dynamics365Sales;
        let hints = || {
            std::iter::once(None)
                .chain(GuidHint::ALL.into_iter().map(Some))
                .collect::<Vec<_>>()
        };
        ProblemCode::all()
            .flat_map(|code| -> Vec<ProblemKind> {
                match code {
                    ProblemCode::NameRequired => vec![ProblemKind::NameRequired],
                    ProblemCode::NameTooLong => vec![ProblemKind::NameTooLong {
                        length: 101,
                        max: NAME_MAX_CHARS,
                    }],
                    ProblemCode::PartnerIdRequired => vec![ProblemKind::PartnerIdRequired],
                    ProblemCode::PartnerIdNotDigits => BadChar::samples()
                        .into_iter()
                        .map(|character| ProblemKind::PartnerIdNotDigits { character })
                        .collect(),
                    ProblemCode::PartnerIdLength => vec![ProblemKind::PartnerIdLength {
                        length: 5,
                        min: PARTNER_ID_MIN_DIGITS,
                        max: PARTNER_ID_MAX_DIGITS,
                    }],
                    ProblemCode::DomainRequired => vec![ProblemKind::DomainRequired],
                    ProblemCode::DomainUrl
                    | ProblemCode::DomainEmailAddress
                    | ProblemCode::DomainTrailingDot
                    | ProblemCode::DomainEmptyLabel
                    | ProblemCode::DomainTooFewLabels
                    | ProblemCode::DomainLabelInvalidChar
                    | ProblemCode::DomainLabelHyphenEdge
                    | ProblemCode::DomainLabelTooLong
                    | ProblemCode::DomainTooLong => DomainIssue::samples()
                        .into_iter()
                        .map(ProblemKind::domain)
                        .filter(|kind| ProblemCode::from(kind) == code)
                        .collect(),
                    ProblemCode::TenantIdRequired => vec![ProblemKind::TenantIdRequired],
                    ProblemCode::TenantIdNotGuid => hints()
                        .into_iter()
                        .map(|hint| ProblemKind::TenantIdNotGuid { hint })
                        .collect(),
                    ProblemCode::TenantIdNil => vec![ProblemKind::TenantIdNil],
                    ProblemCode::SolutionAreaRequired => vec![ProblemKind::SolutionAreaRequired],
                    ProblemCode::ActivityRequired => std::iter::once(None)
                        .chain(SolutionArea::ALL.into_iter().map(Some))
                        .map(|area| ProblemKind::ActivityRequired { area })
                        .collect(),
                    ProblemCode::ActivityNotAllowedForArea => {
                        vec![ProblemKind::ActivityNotAllowedForArea {
                            activity: Activity::Presales,
                            area: SolutionArea::Microsoft365,
                        }]
                    }
                    ProblemCode::RevenueAssociationNotAlone => {
                        vec![ProblemKind::RevenueAssociationNotAlone]
                    }
                    ProblemCode::ProductsRequired => vec![ProblemKind::ProductsRequired],
                    ProblemCode::ProductWrongArea => vec![ProblemKind::ProductWrongArea {
                        product,
                        product_area: SolutionArea::BusinessApplications,
                        area: SolutionArea::Microsoft365,
                    }],
                    ProblemCode::ProductDuplicate => {
                        vec![ProblemKind::ProductDuplicate { product }]
                    }
                    ProblemCode::SubscriptionIdRequired => {
                        vec![ProblemKind::SubscriptionIdRequired { product }]
                    }
                    ProblemCode::SubscriptionIdNotGuid => hints()
                        .into_iter()
                        .map(|hint| ProblemKind::SubscriptionIdNotGuid { product, hint })
                        .collect(),
                    ProblemCode::SubscriptionIdNil => {
                        vec![ProblemKind::SubscriptionIdNil { product }]
                    }
                    ProblemCode::ContactNameRequired => ContactRole::ALL
                        .into_iter()
                        .map(|contact| ProblemKind::ContactNameRequired { contact })
                        .collect(),
                    ProblemCode::ContactNameTooLong => vec![ProblemKind::ContactNameTooLong {
                        contact,
                        length: 101,
                        max: NAME_MAX_CHARS,
                    }],
                    ProblemCode::ContactTitleRequired => {
                        vec![ProblemKind::ContactTitleRequired { contact }]
                    }
                    ProblemCode::ContactTitleTooLong => vec![ProblemKind::ContactTitleTooLong {
                        contact,
                        length: 101,
                        max: NAME_MAX_CHARS,
                    }],
                    ProblemCode::ContactEmailRequired => {
                        vec![ProblemKind::ContactEmailRequired { contact }]
                    }
                    ProblemCode::EmailTooLong => vec![ProblemKind::EmailTooLong {
                        contact,
                        length: 255,
                        max: EMAIL_MAX_CHARS,
                    }],
                    ProblemCode::EmailInvalidChar => vec![ProblemKind::EmailInvalidChar {
                        contact,
                        character: BadChar::Space,
                    }],
                    ProblemCode::EmailMissingAt => vec![ProblemKind::EmailMissingAt { contact }],
                    ProblemCode::EmailSeveralAt => vec![ProblemKind::EmailSeveralAt { contact }],
                    ProblemCode::EmailLocalPartEmpty => {
                        vec![ProblemKind::EmailLocalPartEmpty { contact }]
                    }
                    ProblemCode::EmailDomainMissing => {
                        vec![ProblemKind::EmailDomainMissing { contact }]
                    }
                    ProblemCode::EmailDomainInvalid => DomainIssue::samples()
                        .into_iter()
                        .map(|issue| ProblemKind::EmailDomainInvalid {
                            contact,
                            domain: "contoso".to_string(),
                            issue,
                        })
                        .collect(),
                    ProblemCode::TechnicalContactRequired => {
                        vec![ProblemKind::TechnicalContactRequired {
                            products: vec![product],
                        }]
                    }
                    ProblemCode::RevenueAssociationRequired => RevenueAssociationPart::ALL
                        .into_iter()
                        .map(|part| ProblemKind::RevenueAssociationRequired { part })
                        .collect(),
                    ProblemCode::RevenueAssociationTooLong => {
                        vec![ProblemKind::RevenueAssociationTooLong {
                            part: RevenueAssociationPart::CustomerName,
                            length: 101,
                            max: NAME_MAX_CHARS,
                        }]
                    }
                    ProblemCode::PoeRequired => vec![ProblemKind::PoeRequired],
                    ProblemCode::CommentRequired => vec![ProblemKind::CommentRequired],
                    ProblemCode::CommentTooLong => vec![ProblemKind::CommentTooLong {
                        length: COMMENT_MAX_CHARS + 1,
                        max: COMMENT_MAX_CHARS,
                    }],
                }
            })
            .collect()
    }
}

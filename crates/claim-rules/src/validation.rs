//! Validation: field rules, submit rules, PoE readiness warnings, competing claims.
//!
//! Every check returns **all** of its findings at once, in the order of Partner Center's
//! form (partner and customer → solution area and activity → products → contacts →
//! revenue-association extras → PoE), so the app can show each one beside its field and
//! the partner can fix everything in one pass.
//!
//! A [`Problem`] names the field by its path in the export JSON (for example
//! `fields.customer_domain`, `fields.products[2].subscription_id`,
//! `fields.customer_contact.email`, `poe`), carries a stable dotted `code` and `params`
//! for translation, and an English `message` that says what is wrong and what would be
//! right.
//!
//! Two levels:
//!
//! * [`field_problems`] — format problems of what has been typed, shown while drafting.
//!   An empty field is *not* a field problem (a draft may be incomplete).
//! * [`submit_problems`] — field problems plus everything required to submit.
//!
//! Decisions the SPEC leaves open:
//!
//! * Text is checked trimmed; lengths count Unicode scalar values (`char`s).
//! * Domains, tenant and subscription IDs are compared lower-cased, so `Contoso.COM` and
//!   upper-case GUIDs are accepted (they are stored lower-case by
//!   [`ClaimFields::normalize`]).
//! * A domain with a trailing dot (`contoso.com.`) is **rejected** with its own code
//!   (`domain.trailing_dot`): Partner Center expects the plain name, and the stored value
//!   then stays canonical without rewriting what the partner typed.
//! * GUIDs must be written `8-4-4-4-12`; braces, missing hyphens and the all-zero GUID
//!   are rejected with a message that says how to fix them.
//! * The Partner ID's length is only reported once it is made of digits only.
//! * Revenue-association extras follow the 1–100 character rule of the other names.
//!
//! PoE readiness lives in [`poe_readiness`] and competing claims in
//! [`competing_claims`]; both are warnings, never blockers.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalog::Product;
use crate::model::{Activity, Claim, ClaimFields, Contact, PartnerContact, SolutionArea};

mod competition;
mod groups;
mod readiness;

pub use competition::{competing_claims, Competition, Contested};
pub use groups::{competition_groups, CompetitionGroup};
pub use readiness::{poe_readiness, ReadinessCheck, ReadinessItem, ReadinessState};

/// Most characters in a claim name, contact name, title or revenue-association text.
pub const NAME_MAX_CHARS: usize = 100;
/// Fewest digits in a Partner ID.
pub const PARTNER_ID_MIN_DIGITS: usize = 6;
/// Most digits in a Partner ID.
pub const PARTNER_ID_MAX_DIGITS: usize = 10;
/// Most characters in a domain name.
pub const DOMAIN_MAX_CHARS: usize = 253;
/// Most characters in one label of a domain name.
pub const DOMAIN_LABEL_MAX_CHARS: usize = 63;
/// Most characters in an e-mail address.
pub const EMAIL_MAX_CHARS: usize = 254;
/// Most characters in one comment.
pub const COMMENT_MAX_CHARS: usize = 4000;

/// An example tenant ID shown in messages.
const GUID_EXAMPLE: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// One problem with a claim: where, a stable code, its parameters and an English message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path of the field, for example `fields.customer_domain` or `fields.products[1].subscription_id`.
    pub field: String,
    /// Stable machine code, for example `domain.label_too_long`.
    pub code: String,
    /// Parameters for the translated message, for example `[("max", "63")]`.
    pub params: Vec<(String, String)>,
    /// The message in plain English.
    pub message: String,
}

impl Problem {
    fn new(
        field: impl Into<String>,
        code: &str,
        params: &[(&str, String)],
        message: String,
    ) -> Self {
        Problem {
            field: field.into(),
            code: code.to_string(),
            params: params
                .iter()
                .map(|(key, value)| ((*key).to_string(), value.clone()))
                .collect(),
            message,
        }
    }

    /// The value of the parameter `key`, if the problem has it.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Whether this problem is about the field `path` or something inside it
    /// (`fields.products` covers `fields.products[2].subscription_id`).
    pub fn is_within(&self, path: &str) -> bool {
        match self.field.strip_prefix(path) {
            Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
            None => false,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
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

/// Whether the problem list is checked while drafting only, or for submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Drafting,
    Submit,
}

impl Level {
    fn requires(self) -> bool {
        self == Level::Submit
    }
}

/// Format problems of what has been typed, shown beside the fields while drafting.
/// Empty fields are not problems here; [`submit_problems`] reports what is missing.
///
/// ```
/// use claim_rules::model::ClaimFields;
/// use claim_rules::validation::field_problems;
///
/// let fields = ClaimFields { partner_id: "12345".into(), ..Default::default() };
/// let problems = field_problems(&fields);
/// assert_eq!(problems[0].code, "partner_id.length");
/// assert_eq!(problems[0].field, "fields.partner_id");
/// assert!(field_problems(&ClaimFields::default()).is_empty());
/// ```
pub fn field_problems(fields: &ClaimFields) -> Vec<Problem> {
    fields_problems(fields, Level::Drafting)
}

/// Every problem that stops this claim from being submitted (field rules and submit
/// rules): the field problems, every required field, at least one PoE document, a
/// technical contact when a Dynamics 365 product is claimed, the revenue-association
/// extras when the activity is `RevenueAssociation`, and a subscription ID for every
/// product flagged as one of several subscriptions.
///
/// The lifecycle uses it for *submit* and *respond*; an empty list means the claim may
/// be submitted.
pub fn submit_problems(claim: &Claim) -> Vec<Problem> {
    let mut problems = fields_problems(&claim.fields, Level::Submit);
    if claim.poe.is_empty() {
        problems.push(Problem::new(
            "poe",
            "poe.required",
            &[],
            "Add at least one proof-of-execution document (for example a signed statement of work or a customer e-mail confirming your work) before submitting.".to_string(),
        ));
    }
    problems
}

/// Problems with a comment's text: empty, or longer than [`COMMENT_MAX_CHARS`]. The
/// problems name the field `comment`.
///
/// ```
/// use claim_rules::validation::comment_problems;
///
/// assert!(comment_problems("Customer signed the SOW.").is_empty());
/// assert_eq!(comment_problems(&"x".repeat(4001))[0].code, "comment.too_long");
/// ```
pub fn comment_problems(text: &str) -> Vec<Problem> {
    let length = text.trim().chars().count();
    if length == 0 {
        vec![Problem::new(
            "comment",
            "comment.required",
            &[],
            "Write a comment before adding it.".to_string(),
        )]
    } else if text.chars().count() > COMMENT_MAX_CHARS {
        let length = text.chars().count();
        vec![Problem::new(
            "comment",
            "comment.too_long",
            &[
                ("max", COMMENT_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
            format!(
                "The comment has {length} characters; a comment may have at most {COMMENT_MAX_CHARS}. Shorten it or split it into several comments."
            ),
        )]
    } else {
        Vec::new()
    }
}

fn fields_problems(fields: &ClaimFields, level: Level) -> Vec<Problem> {
    let mut problems = Vec::new();
    name_problems(&fields.name, level, &mut problems);
    partner_id_problems(&fields.partner_id, level, &mut problems);
    customer_domain_problems(&fields.customer_domain, level, &mut problems);
    tenant_id_problems(&fields.tenant_id, level, &mut problems);
    area_and_activity_problems(fields, level, &mut problems);
    product_problems(fields, level, &mut problems);
    contact_problems(fields, level, &mut problems);
    revenue_association_problems(fields, level, &mut problems);
    problems
}

fn char_count(text: &str) -> usize {
    text.chars().count()
}

fn name_problems(name: &str, level: Level, problems: &mut Vec<Problem>) {
    let name = name.trim();
    let length = char_count(name);
    if length == 0 {
        if level.requires() {
            problems.push(Problem::new(
                "fields.name",
                "name.required",
                &[],
                "Give the claim a name (up to 100 characters) so you can find it again, for example the customer and the project.".to_string(),
            ));
        }
    } else if length > NAME_MAX_CHARS {
        problems.push(Problem::new(
            "fields.name",
            "name.too_long",
            &[
                ("max", NAME_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
            format!(
                "The claim name has {length} characters; it may have at most {NAME_MAX_CHARS}."
            ),
        ));
    }
}

fn partner_id_problems(partner_id: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.partner_id";
    let partner_id = partner_id.trim();
    if partner_id.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                "partner_id.required",
                &[],
                "Enter the Partner ID (MPN ID) of the claiming location: 6 to 10 digits, shown in Partner Center under Account settings → Legal info → Partner.".to_string(),
            ));
        }
        return;
    }
    if let Some(bad) = partner_id.chars().find(|c| !c.is_ascii_digit()) {
        problems.push(Problem::new(
            field,
            "partner_id.not_digits",
            &[("char", bad.to_string())],
            format!(
                "The Partner ID may only contain digits 0–9, but it contains {}; enter the 6 to 10 digit number, for example 1234567.",
                describe_char(bad)
            ),
        ));
        return;
    }
    let length = partner_id.len();
    if !(PARTNER_ID_MIN_DIGITS..=PARTNER_ID_MAX_DIGITS).contains(&length) {
        problems.push(Problem::new(
            field,
            "partner_id.length",
            &[
                ("min", PARTNER_ID_MIN_DIGITS.to_string()),
                ("max", PARTNER_ID_MAX_DIGITS.to_string()),
                ("length", length.to_string()),
            ],
            format!(
                "The Partner ID has {length} digits; it needs {PARTNER_ID_MIN_DIGITS} to {PARTNER_ID_MAX_DIGITS} digits."
            ),
        ));
    }
}

/// How a character is named in a message: visible characters in quotes, spaces and
/// invisible characters by name.
fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_whitespace() => "a blank character".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("“{c}”"),
    }
}

/// One thing wrong with a domain name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DomainIssue {
    /// It looks like a URL (`https://…` or a path).
    Url,
    /// It looks like an e-mail address.
    EmailAddress,
    /// It ends with a dot.
    TrailingDot,
    /// Two dots in a row, or a leading dot.
    EmptyLabel,
    /// Fewer than two labels.
    TooFewLabels,
    /// A label contains a character other than `a-z 0-9 -`.
    LabelInvalidChar { label: String, bad: char },
    /// A label starts or ends with a hyphen.
    LabelHyphenEdge { label: String },
    /// A label is longer than 63 characters.
    LabelTooLong { label: String, length: usize },
    /// The whole name is longer than 253 characters.
    TooLong { length: usize },
}

/// Everything wrong with a (trimmed, non-empty) domain name, compared lower-cased.
fn domain_issues(domain: &str) -> Vec<DomainIssue> {
    if domain.contains("://") || domain.contains('/') {
        return vec![DomainIssue::Url];
    }
    if domain.contains('@') {
        return vec![DomainIssue::EmailAddress];
    }
    let mut issues = Vec::new();
    let body = match domain.strip_suffix('.') {
        Some(body) => {
            issues.push(DomainIssue::TrailingDot);
            body
        }
        None => domain,
    };
    let labels: Vec<&str> = body.split('.').collect();
    if labels.iter().any(|label| label.is_empty()) {
        issues.push(DomainIssue::EmptyLabel);
    }
    if labels.iter().filter(|label| !label.is_empty()).count() < 2 && !labels.is_empty() {
        issues.push(DomainIssue::TooFewLabels);
    }
    for label in labels.iter().filter(|label| !label.is_empty()) {
        let lower = label.to_ascii_lowercase();
        if let Some(bad) = lower
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            issues.push(DomainIssue::LabelInvalidChar {
                label: (*label).to_string(),
                bad,
            });
        }
        if lower.starts_with('-') || lower.ends_with('-') {
            issues.push(DomainIssue::LabelHyphenEdge {
                label: (*label).to_string(),
            });
        }
        let length = char_count(label);
        if length > DOMAIN_LABEL_MAX_CHARS {
            issues.push(DomainIssue::LabelTooLong {
                label: (*label).to_string(),
                length,
            });
        }
    }
    let length = char_count(body);
    if length > DOMAIN_MAX_CHARS {
        issues.push(DomainIssue::TooLong { length });
    }
    issues
}

impl DomainIssue {
    fn code(&self) -> &'static str {
        match self {
            DomainIssue::Url => "domain.url",
            DomainIssue::EmailAddress => "domain.email_address",
            DomainIssue::TrailingDot => "domain.trailing_dot",
            DomainIssue::EmptyLabel => "domain.empty_label",
            DomainIssue::TooFewLabels => "domain.too_few_labels",
            DomainIssue::LabelInvalidChar { .. } => "domain.label_invalid_char",
            DomainIssue::LabelHyphenEdge { .. } => "domain.label_hyphen_edge",
            DomainIssue::LabelTooLong { .. } => "domain.label_too_long",
            DomainIssue::TooLong { .. } => "domain.too_long",
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            DomainIssue::Url
            | DomainIssue::EmailAddress
            | DomainIssue::TrailingDot
            | DomainIssue::EmptyLabel
            | DomainIssue::TooFewLabels => Vec::new(),
            DomainIssue::LabelInvalidChar { label, bad } => {
                vec![("label", label.clone()), ("char", bad.to_string())]
            }
            DomainIssue::LabelHyphenEdge { label } => vec![("label", label.clone())],
            DomainIssue::LabelTooLong { label, length } => vec![
                ("label", label.clone()),
                ("max", DOMAIN_LABEL_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
            DomainIssue::TooLong { length } => vec![
                ("max", DOMAIN_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
        }
    }

    /// The message, about "the customer domain" or "the e-mail domain".
    fn message(&self, subject: &str) -> String {
        match self {
            DomainIssue::Url => format!(
                "Enter only {subject}, like contoso.com, without “https://” or a path after a slash."
            ),
            DomainIssue::EmailAddress => format!(
                "Enter only {subject}, like contoso.com, not an e-mail address."
            ),
            DomainIssue::TrailingDot => format!(
                "Remove the dot at the end of {subject}: write contoso.com, not contoso.com."
            ),
            DomainIssue::EmptyLabel => format!(
                "{} has an empty part (two dots in a row, or a dot at the start); write it like contoso.com.",
                capitalize(subject)
            ),
            DomainIssue::TooFewLabels => format!(
                "{} needs at least two labels, like contoso.com.",
                capitalize(subject)
            ),
            DomainIssue::LabelInvalidChar { label, bad } => format!(
                "The part “{label}” of {subject} contains {}; use only letters a–z, digits 0–9 and hyphens (for an international name, use its xn-- form).",
                describe_char(*bad)
            ),
            DomainIssue::LabelHyphenEdge { label } => format!(
                "The part “{label}” of {subject} starts or ends with a hyphen; each part must start and end with a letter or digit."
            ),
            DomainIssue::LabelTooLong { label, length } => format!(
                "The part “{}” of {subject} has {length} characters; each part may have at most {DOMAIN_LABEL_MAX_CHARS}.",
                shorten(label, 20)
            ),
            DomainIssue::TooLong { length } => format!(
                "{} has {length} characters; a domain may have at most {DOMAIN_MAX_CHARS}.",
                capitalize(subject)
            ),
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first `max` characters of `text`, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if char_count(text) <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

/// Whether `domain` (trimmed, any case) is a valid DNS name by SPEC §2: at least two
/// labels, each 1–63 of `a-z 0-9 -` not starting or ending with `-`, at most 253 in all,
/// no trailing dot.
///
/// ```
/// use claim_rules::validation::is_valid_domain;
///
/// assert!(is_valid_domain("contoso.com"));
/// assert!(is_valid_domain("Sales.Contoso.COM"));
/// assert!(!is_valid_domain("contoso"));
/// assert!(!is_valid_domain("-contoso.com"));
/// assert!(!is_valid_domain("contoso.com."));
/// ```
pub fn is_valid_domain(domain: &str) -> bool {
    let domain = domain.trim();
    !domain.is_empty() && domain_issues(domain).is_empty()
}

fn customer_domain_problems(domain: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.customer_domain";
    let domain = domain.trim();
    if domain.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                "domain.required",
                &[],
                "Enter the customer's domain, like contoso.com.".to_string(),
            ));
        }
        return;
    }
    for issue in domain_issues(domain) {
        problems.push(Problem::new(
            field,
            issue.code(),
            &issue.params(),
            issue.message("the customer domain"),
        ));
    }
}

/// What is wrong with a GUID as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GuidIssue {
    /// Not `8-4-4-4-12` hex; the hint says how to fix it.
    NotGuid(GuidHint),
    /// The all-zero GUID.
    Nil,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GuidHint {
    Braces,
    NoHyphens,
    LooksLikeDomain,
    None,
}

fn is_guid_shape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            8 | 13 | 18 | 23 => *byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// Whether `text` (trimmed, any case) is a GUID written `8-4-4-4-12` in hexadecimal.
/// The all-zero GUID is a GUID here; [`submit_problems`] rejects it as a tenant or
/// subscription ID.
///
/// ```
/// use claim_rules::validation::is_guid;
///
/// assert!(is_guid("72f988bf-86f1-41af-91ab-2d7cd011db47"));
/// assert!(is_guid("72F988BF-86F1-41AF-91AB-2D7CD011DB47"));
/// assert!(!is_guid("{72f988bf-86f1-41af-91ab-2d7cd011db47}"));
/// assert!(!is_guid("72f988bf86f141af91ab2d7cd011db47"));
/// ```
pub fn is_guid(text: &str) -> bool {
    is_guid_shape(text.trim())
}

fn guid_issue(text: &str) -> Option<GuidIssue> {
    if is_guid_shape(text) {
        if text.bytes().all(|b| b == b'0' || b == b'-') {
            return Some(GuidIssue::Nil);
        }
        return None;
    }
    let hint = if text.starts_with('{')
        && text.ends_with('}')
        && is_guid_shape(&text[1..text.len() - 1])
    {
        GuidHint::Braces
    } else if text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        GuidHint::NoHyphens
    } else if text.contains('.') {
        GuidHint::LooksLikeDomain
    } else {
        GuidHint::None
    };
    Some(GuidIssue::NotGuid(hint))
}

fn guid_hint_sentence(hint: GuidHint) -> &'static str {
    match hint {
        GuidHint::Braces => " Leave out the braces { }.",
        GuidHint::NoHyphens => " Put hyphens between the groups.",
        GuidHint::LooksLikeDomain => " This looks like a domain name, not an ID.",
        GuidHint::None => "",
    }
}

fn tenant_id_problems(tenant_id: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.tenant_id";
    let tenant_id = tenant_id.trim();
    if tenant_id.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                "tenant_id.required",
                &[],
                format!("Enter the customer's tenant ID (Directory ID), a GUID like {GUID_EXAMPLE}; the customer finds it in the Microsoft Entra admin center under Overview."),
            ));
        }
        return;
    }
    match guid_issue(tenant_id) {
        None => {}
        Some(GuidIssue::Nil) => problems.push(Problem::new(
            field,
            "tenant_id.nil",
            &[],
            "The tenant ID is all zeros, which is not a real tenant; copy the customer's tenant ID from the Microsoft Entra admin center.".to_string(),
        )),
        Some(GuidIssue::NotGuid(hint)) => problems.push(Problem::new(
            field,
            "tenant_id.not_guid",
            &[("example", GUID_EXAMPLE.to_string())],
            format!(
                "The tenant ID must be a GUID of 32 hexadecimal digits grouped 8-4-4-4-12, like {GUID_EXAMPLE}.{}",
                guid_hint_sentence(hint)
            ),
        )),
    }
}

/// How an activity is named in messages.
fn activity_name(activity: Activity) -> &'static str {
    match activity {
        Activity::Presales => "Presales",
        Activity::Usage => "Usage",
        Activity::RevenueAssociation => "Revenue association",
    }
}

fn area_and_activity_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    if fields.solution_area.is_none() && level.requires() {
        problems.push(Problem::new(
            "fields.solution_area",
            "solution_area.required",
            &[],
            "Choose the solution area: Microsoft 365 or Business Applications.".to_string(),
        ));
    }
    let field = "fields.activities";
    if fields.activities.is_empty() {
        if level.requires() {
            let hint = match fields.solution_area {
                Some(SolutionArea::Microsoft365) => "for Microsoft 365 that is Usage",
                Some(SolutionArea::BusinessApplications) => {
                    "for Business Applications: Presales and/or Usage, or Revenue association alone"
                }
                None => "Presales, Usage or Revenue association",
            };
            problems.push(Problem::new(
                field,
                "activity.required",
                &[],
                format!("Choose the activity you performed ({hint})."),
            ));
        }
        return;
    }
    if let Some(area) = fields.solution_area {
        for activity in &fields.activities {
            if !area.allows(*activity) {
                problems.push(Problem::new(
                    field,
                    "activity.not_allowed_for_area",
                    &[
                        ("activity", activity_name(*activity).to_string()),
                        ("area", area.display_name().to_string()),
                    ],
                    format!(
                        "{} is not an activity for {} claims; Microsoft 365 claims are for Usage only.",
                        activity_name(*activity),
                        area.display_name()
                    ),
                ));
            }
        }
    }
    let revenue_association_allowed = fields.solution_area != Some(SolutionArea::Microsoft365);
    if revenue_association_allowed
        && fields.activities.contains(&Activity::RevenueAssociation)
        && fields.activities.len() > 1
    {
        problems.push(Problem::new(
            field,
            "activity.revenue_association_not_alone",
            &[],
            "Revenue association cannot be combined with Presales or Usage; choose Revenue association alone, or remove it.".to_string(),
        ));
    }
}

fn product_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    if fields.products.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                "fields.products",
                "products.required",
                &[],
                "Choose at least one product or workload that you worked on for the customer."
                    .to_string(),
            ));
        }
        return;
    }
    let mut seen: BTreeSet<Product> = BTreeSet::new();
    for (index, claimed) in fields.products.iter().enumerate() {
        let product = claimed.product;
        let name = product.display_name();
        if let Some(area) = fields.solution_area {
            if product.area() != area {
                problems.push(Problem::new(
                    format!("fields.products[{index}].product"),
                    "products.wrong_area",
                    &[
                        ("product", name.to_string()),
                        ("area", area.display_name().to_string()),
                    ],
                    format!(
                        "{name} is a {} product, so it cannot be claimed under {}; remove it or change the solution area.",
                        product.area().display_name(),
                        area.display_name()
                    ),
                ));
            }
        }
        if !seen.insert(product) {
            problems.push(Problem::new(
                format!("fields.products[{index}].product"),
                "products.duplicate",
                &[("product", name.to_string())],
                format!("{name} is chosen more than once; keep it once."),
            ));
        }
        subscription_problems(index, claimed, level, problems);
    }
}

fn subscription_problems(
    index: usize,
    claimed: &crate::model::ClaimedProduct,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    let field = format!("fields.products[{index}].subscription_id");
    let name = claimed.product.display_name();
    let subscription_id = claimed.subscription_id.trim();
    if subscription_id.is_empty() {
        let needed = claimed.several_subscriptions
            && claimed.product.area() == SolutionArea::BusinessApplications;
        if needed && level.requires() {
            problems.push(Problem::new(
                field,
                "subscription_id.required",
                &[("product", name.to_string())],
                format!(
                    "The customer has several {name} subscriptions, so enter the ID of the one you claim (a GUID like {GUID_EXAMPLE})."
                ),
            ));
        }
        return;
    }
    match guid_issue(subscription_id) {
        None => {}
        Some(GuidIssue::Nil) => problems.push(Problem::new(
            field,
            "subscription_id.nil",
            &[("product", name.to_string())],
            format!("The {name} subscription ID is all zeros, which is not a real subscription; copy its ID from the customer's admin center."),
        )),
        Some(GuidIssue::NotGuid(hint)) => problems.push(Problem::new(
            field,
            "subscription_id.not_guid",
            &[("product", name.to_string()), ("example", GUID_EXAMPLE.to_string())],
            format!(
                "The {name} subscription ID must be a GUID of 32 hexadecimal digits grouped 8-4-4-4-12, like {GUID_EXAMPLE}.{}",
                guid_hint_sentence(hint)
            ),
        )),
    }
}

/// Which contact a problem is about: its JSON member, the `contact` parameter and how
/// messages name it.
#[derive(Debug, Clone, Copy)]
struct ContactRole {
    member: &'static str,
    key: &'static str,
    label: &'static str,
}

const CUSTOMER_CONTACT: ContactRole = ContactRole {
    member: "customer_contact",
    key: "customer",
    label: "customer contact",
};
const TECHNICAL_CONTACT: ContactRole = ContactRole {
    member: "technical_contact",
    key: "technical",
    label: "technical contact",
};
const PARTNER_CONTACT: ContactRole = ContactRole {
    member: "partner_contact",
    key: "partner",
    label: "partner contact",
};

fn contact_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    contact_parts_problems(CUSTOMER_CONTACT, &fields.customer_contact, level, problems);

    let dynamics: Vec<&str> = fields
        .products
        .iter()
        .filter(|claimed| claimed.product.is_dynamics_365())
        .map(|claimed| claimed.product.display_name())
        .collect();
    let technical = &fields.technical_contact;
    let technical_empty = technical.name.trim().is_empty()
        && technical.title.trim().is_empty()
        && technical.email.trim().is_empty();
    let technical_required = level.requires() && !dynamics.is_empty();
    if technical_required && technical_empty {
        let products = dynamics.join(", ");
        problems.push(Problem::new(
            "fields.technical_contact",
            "technical_contact.required",
            &[("products", products.clone())],
            format!(
                "A Dynamics 365 product is claimed ({products}), so add the customer's technical contact: name, title and e-mail."
            ),
        ));
    } else {
        let level = if technical_required {
            Level::Submit
        } else {
            Level::Drafting
        };
        contact_parts_problems(TECHNICAL_CONTACT, technical, level, problems);
    }

    let partner: &PartnerContact = &fields.partner_contact;
    text_part_problems(PARTNER_CONTACT, "name", &partner.name, level, problems);
    email_part_problems(PARTNER_CONTACT, &partner.email, level, problems);
}

fn contact_parts_problems(
    role: ContactRole,
    contact: &Contact,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    text_part_problems(role, "name", &contact.name, level, problems);
    text_part_problems(role, "title", &contact.title, level, problems);
    email_part_problems(role, &contact.email, level, problems);
}

fn text_part_problems(
    role: ContactRole,
    part: &'static str,
    text: &str,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    let field = format!("fields.{}.{part}", role.member);
    let length = char_count(text.trim());
    if length == 0 {
        if level.requires() {
            problems.push(Problem::new(
                field,
                &format!("contact.{part}_required"),
                &[("contact", role.key.to_string())],
                format!("Enter the {}'s {part}.", role.label),
            ));
        }
    } else if length > NAME_MAX_CHARS {
        problems.push(Problem::new(
            field,
            &format!("contact.{part}_too_long"),
            &[
                ("contact", role.key.to_string()),
                ("max", NAME_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
            format!(
                "The {}'s {part} has {length} characters; it may have at most {NAME_MAX_CHARS}.",
                role.label
            ),
        ));
    }
}

fn email_part_problems(role: ContactRole, email: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = format!("fields.{}.email", role.member);
    let email = email.trim();
    if email.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                "contact.email_required",
                &[("contact", role.key.to_string())],
                format!(
                    "Enter the {}'s e-mail address, like name@contoso.com.",
                    role.label
                ),
            ));
        }
        return;
    }
    for issue in email_issues(email) {
        let mut params = vec![("contact", role.key.to_string())];
        params.extend(issue.params());
        problems.push(Problem::new(
            field.clone(),
            issue.code(),
            &params,
            issue.message(role.label),
        ));
    }
}

/// One thing wrong with an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EmailIssue {
    TooLong {
        length: usize,
    },
    InvalidChar {
        bad: char,
    },
    MissingAt,
    SeveralAt,
    LocalPartEmpty,
    DomainInvalid {
        domain: String,
        issue: Box<DomainIssue>,
    },
    DomainMissing,
}

/// Characters that cannot appear unquoted in an address (quoted local parts are not
/// accepted: no real contact address needs them).
fn is_forbidden_email_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '"' | '\\'
        )
}

fn email_issues(email: &str) -> Vec<EmailIssue> {
    let mut issues = Vec::new();
    let length = char_count(email);
    if length > EMAIL_MAX_CHARS {
        issues.push(EmailIssue::TooLong { length });
    }
    if let Some(bad) = email.chars().find(|c| is_forbidden_email_char(*c)) {
        issues.push(EmailIssue::InvalidChar { bad });
    }
    let at_count = email.matches('@').count();
    match at_count {
        0 => issues.push(EmailIssue::MissingAt),
        1 => {
            let (local, domain) = email.split_once('@').unwrap_or((email, ""));
            if local.is_empty() {
                issues.push(EmailIssue::LocalPartEmpty);
            }
            if domain.is_empty() {
                issues.push(EmailIssue::DomainMissing);
            } else if domain.chars().any(is_forbidden_email_char) {
                // Already reported as an invalid character.
            } else if let Some(issue) = domain_issues(domain).into_iter().next() {
                issues.push(EmailIssue::DomainInvalid {
                    domain: domain.to_string(),
                    issue: Box::new(issue),
                });
            }
        }
        _ => issues.push(EmailIssue::SeveralAt),
    }
    issues
}

impl EmailIssue {
    fn code(&self) -> &'static str {
        match self {
            EmailIssue::TooLong { .. } => "email.too_long",
            EmailIssue::InvalidChar { .. } => "email.invalid_char",
            EmailIssue::MissingAt => "email.missing_at",
            EmailIssue::SeveralAt => "email.several_at",
            EmailIssue::LocalPartEmpty => "email.local_part_empty",
            EmailIssue::DomainMissing => "email.domain_missing",
            EmailIssue::DomainInvalid { .. } => "email.domain_invalid",
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            EmailIssue::TooLong { length } => vec![
                ("max", EMAIL_MAX_CHARS.to_string()),
                ("length", length.to_string()),
            ],
            EmailIssue::InvalidChar { bad } => vec![("char", bad.to_string())],
            EmailIssue::MissingAt
            | EmailIssue::SeveralAt
            | EmailIssue::LocalPartEmpty
            | EmailIssue::DomainMissing => Vec::new(),
            EmailIssue::DomainInvalid { domain, issue } => {
                let mut params = vec![
                    ("domain", domain.clone()),
                    ("reason", issue.code().to_string()),
                ];
                params.extend(issue.params());
                params
            }
        }
    }

    fn message(&self, contact: &str) -> String {
        match self {
            EmailIssue::TooLong { length } => format!(
                "The {contact}'s e-mail address has {length} characters; an address may have at most {EMAIL_MAX_CHARS}."
            ),
            EmailIssue::InvalidChar { bad } => format!(
                "The {contact}'s e-mail address contains {}; write a single address like name@contoso.com.",
                describe_char(*bad)
            ),
            EmailIssue::MissingAt => format!(
                "The {contact}'s e-mail address has no @; write it like name@contoso.com."
            ),
            EmailIssue::SeveralAt => format!(
                "The {contact}'s e-mail address has more than one @; enter a single address like name@contoso.com."
            ),
            EmailIssue::LocalPartEmpty => format!(
                "The {contact}'s e-mail address has nothing before the @; write it like name@contoso.com."
            ),
            EmailIssue::DomainMissing => format!(
                "The {contact}'s e-mail address has nothing after the @; write it like name@contoso.com."
            ),
            EmailIssue::DomainInvalid { issue, .. } => {
                let detail = issue.message("the part after the @");
                let mut chars = detail.chars();
                let detail: String = match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => detail,
                };
                format!("In the {contact}'s e-mail address, {detail}")
            }
        }
    }
}

/// Whether `email` (trimmed) passes the pragmatic e-mail check: at most 254 characters,
/// no blanks or special characters, exactly one `@` with something before it and a valid
/// domain (see [`is_valid_domain`]) after it.
///
/// ```
/// use claim_rules::validation::is_valid_email;
///
/// assert!(is_valid_email("ana.lopez+cpor@Contoso.com"));
/// assert!(!is_valid_email("ana.lopez@contoso"));
/// assert!(!is_valid_email("ana@lopez@contoso.com"));
/// ```
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    !email.is_empty() && email_issues(email).is_empty()
}

/// The revenue-association extras: JSON member, code stem and how messages name it.
const REVENUE_ASSOCIATION_PARTS: [(&str, &str, &str); 3] = [
    (
        "solution_seller_name",
        "solution_seller_name",
        "the Dynamics solution seller's name",
    ),
    ("customer_name", "customer_name", "the customer's name"),
    (
        "isv_solution_name",
        "isv_solution_name",
        "the name of the ISV product or solution",
    ),
];

fn revenue_association_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    let details = &fields.revenue_association;
    let required = level.requires() && fields.activities.contains(&Activity::RevenueAssociation);
    let values = [
        &details.solution_seller_name,
        &details.customer_name,
        &details.isv_solution_name,
    ];
    for ((member, stem, label), value) in REVENUE_ASSOCIATION_PARTS.iter().zip(values) {
        let field = format!("fields.revenue_association.{member}");
        let length = char_count(value.trim());
        if length == 0 {
            if required {
                problems.push(Problem::new(
                    field,
                    &format!("revenue_association.{stem}_required"),
                    &[],
                    format!("The activity is Revenue association, so enter {label}."),
                ));
            }
        } else if length > NAME_MAX_CHARS {
            problems.push(Problem::new(
                field,
                &format!("revenue_association.{stem}_too_long"),
                &[
                    ("max", NAME_MAX_CHARS.to_string()),
                    ("length", length.to_string()),
                ],
                format!(
                    "{} has {length} characters; it may have at most {NAME_MAX_CHARS}.",
                    capitalize(label)
                ),
            ));
        }
    }
}

/// Every problem code this module can produce, for the app's translation tables and
/// for tests that make sure each one is documented and translated.
pub const PROBLEM_CODES: &[&str] = &[
    "name.required",
    "name.too_long",
    "partner_id.required",
    "partner_id.not_digits",
    "partner_id.length",
    "domain.required",
    "domain.url",
    "domain.email_address",
    "domain.trailing_dot",
    "domain.empty_label",
    "domain.too_few_labels",
    "domain.label_invalid_char",
    "domain.label_hyphen_edge",
    "domain.label_too_long",
    "domain.too_long",
    "tenant_id.required",
    "tenant_id.not_guid",
    "tenant_id.nil",
    "solution_area.required",
    "activity.required",
    "activity.not_allowed_for_area",
    "activity.revenue_association_not_alone",
    "products.required",
    "products.wrong_area",
    "products.duplicate",
    "subscription_id.required",
    "subscription_id.not_guid",
    "subscription_id.nil",
    "contact.name_required",
    "contact.name_too_long",
    "contact.title_required",
    "contact.title_too_long",
    "contact.email_required",
    "email.too_long",
    "email.invalid_char",
    "email.missing_at",
    "email.several_at",
    "email.local_part_empty",
    "email.domain_missing",
    "email.domain_invalid",
    "technical_contact.required",
    "revenue_association.solution_seller_name_required",
    "revenue_association.solution_seller_name_too_long",
    "revenue_association.customer_name_required",
    "revenue_association.customer_name_too_long",
    "revenue_association.isv_solution_name_required",
    "revenue_association.isv_solution_name_too_long",
    "poe.required",
    "comment.required",
    "comment.too_long",
];

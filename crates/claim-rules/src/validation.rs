//! Validation: field rules, submit rules, PoE readiness warnings, competing claims.
//!
//! Every check returns **all** of its findings at once, in the order of Partner Center's
//! form (partner and customer → solution area and activity → products → contacts →
//! revenue-association extras → PoE), so the app can show each one beside its field and
//! the partner can fix everything in one pass.
//!
//! A [`Problem`] names the field by its path in the export JSON (for example
//! `fields.customer_domain`, `fields.products[2].subscription_id`,
//! `fields.customer_contact.email`, `poe`) and says what is wrong as a [`ProblemKind`]:
//! a stable dotted code with typed parameters (lengths, the offending character, the
//! product, the contact). The rules produce no sentence: the catalogues word each code
//! (`problem.<code>`), saying what is wrong and what would be right.
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
//!   are rejected, with a [`GuidHint`] saying how to fix them where the rules can tell.
//! * A comment's length is counted trimmed ([`comment_length`]), as it is stored, by the
//!   rules and by every form alike.
//! * The Partner ID's length is only reported once it is made of digits only.
//! * Revenue-association extras follow the 1–100 character rule of the other names.
//!
//! PoE readiness lives in [`poe_readiness`] and competing claims in
//! [`competing_claims`]; both are warnings, never blockers.

mod activity;
mod comment;
mod competition;
mod contacts;
mod domain;
mod guid;
mod identity;
mod problem;
mod products;
mod readiness;
mod revenue;

use crate::model::{Claim, ClaimFields};

pub use comment::{comment_length, comment_problems};
pub use competition::{competing_claims, Competition, CompetitionKind, Contested};
pub use contacts::is_valid_email;
pub use domain::{is_valid_domain, DomainIssue, DomainIssueCode};
pub use guid::is_guid;
pub use problem::{
    path_is_within, problems_for, BadChar, GuidHint, Problem, ProblemCode, ProblemKind,
    RevenueAssociationPart,
};
pub use readiness::{
    poe_readiness, ReadinessAdvice, ReadinessCheck, ReadinessItem, ReadinessState,
};

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
/// Most characters in one comment, counted by [`comment_length`].
pub const COMMENT_MAX_CHARS: usize = 4000;

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
/// use claim_rules::validation::{field_problems, ProblemKind};
///
/// let fields = ClaimFields { partner_id: "12345".into(), ..Default::default() };
/// let problems = field_problems(&fields);
/// assert_eq!(problems[0].kind, ProblemKind::PartnerIdLength { length: 5, min: 6, max: 10 });
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
///
/// ```
/// use claim_rules::lifecycle::new_claim;
/// use claim_rules::validation::{submit_problems, ProblemKind};
///
/// let at: jiff::Timestamp = "2025-03-03T09:00:00Z".parse()?;
/// let draft = new_claim(uuid::Uuid::nil(), at, Default::default());
/// let problems = submit_problems(&draft);
/// assert_eq!(problems[0].kind, ProblemKind::NameRequired);
/// assert_eq!(problems.last().map(|p| &p.kind), Some(&ProblemKind::PoeRequired));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn submit_problems(claim: &Claim) -> Vec<Problem> {
    let mut problems = fields_problems(&claim.fields, Level::Submit);
    if claim.poe.is_empty() {
        problems.push(Problem::new("poe", ProblemKind::PoeRequired));
    }
    problems
}

fn fields_problems(fields: &ClaimFields, level: Level) -> Vec<Problem> {
    let mut problems = Vec::new();
    identity::name_problems(&fields.name, level, &mut problems);
    identity::partner_id_problems(&fields.partner_id, level, &mut problems);
    domain::customer_domain_problems(&fields.customer_domain, level, &mut problems);
    guid::tenant_id_problems(&fields.tenant_id, level, &mut problems);
    activity::area_and_activity_problems(fields, level, &mut problems);
    products::product_problems(fields, level, &mut problems);
    contacts::contact_problems(fields, level, &mut problems);
    revenue::revenue_association_problems(fields, level, &mut problems);
    problems
}

fn char_count(text: &str) -> usize {
    text.chars().count()
}

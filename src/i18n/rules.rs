//! The rules' outcomes in words: every refusal, validation problem, import problem,
//! readiness advice, competing-claims warning, calendar and policy problem, and the
//! names of the rules' closed sets (statuses, actors, actions, clocks, phases, …).
//!
//! One place words each outcome: an exhaustive `match`, one arm per variant, each arm a
//! compile-checked catalogue call (`tr!`) naming its key (the outcome's section and
//! stable code) and its arguments, in the active language. A new variant in the rules
//! does not compile here until it has words. Numbers, lists and instants are formatted
//! for the language through the browser's `Intl`; deadlines in the calendar's zone, with
//! the viewer's own time where it differs.

use claim_rules::calendar::CalendarError;
use claim_rules::catalog::Product;
use claim_rules::deadlines::{ClockKind, ClockState};
use claim_rules::export::{ImportProblem, ImportProblemKind, JsonKind};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use claim_rules::import::{ImportItem, ImportKind};
use claim_rules::lifecycle::{
    EditableField, FieldValue, LockReason, PatchField, Phase, PhaseKind, Refusal, RefusalHint,
};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimedProduct, ContactRole, Program, SolutionArea, Status,
};
use claim_rules::policy::{HolidaySet, PolicyProblem, PolicyProblemKind};
use claim_rules::validation::{
    BadChar, Competition, CompetitionKind, Contested, DomainIssue, GuidHint, Problem, ProblemKind,
    ReadinessAdvice, ReadinessCheck, ReadinessItem, RevenueAssociationPart,
};
use jiff::Timestamp;
use uuid::Uuid;

use super::time::deadline_instant_text;
use super::{tr, I18n};

/// A number as the current language writes it ("4,000", "4.000", "4 000").
fn n(i18n: &I18n, value: impl TryInto<i64>) -> String {
    i18n.number(value.try_into().unwrap_or(i64::MAX))
}

/// Whole sentences one after the other, as the language sets them (a space between
/// them, none in Chinese).
pub fn sentences(i18n: &I18n, sentences: impl IntoIterator<Item = String>) -> String {
    sentences
        .into_iter()
        .reduce(|first, second| tr!(i18n, common.sentences, first, second))
        .unwrap_or_default()
}

/// Items joined as an "or" list in the current language ("A, B or C").
fn either(i18n: &I18n, items: &[String]) -> String {
    i18n.list_or(items)
}

fn products(i18n: &I18n, products: &[Product]) -> String {
    let names: Vec<String> = products
        .iter()
        .map(|product| product.display_name().to_string())
        .collect();
    i18n.list(&names)
}

// ---- names of the rules' closed sets ---------------------------------------------

/// A status's name.
pub fn status_name(i18n: &I18n, status: Status) -> String {
    match status {
        Status::Draft => tr!(i18n, status.draft),
        Status::Submitted => tr!(i18n, status.submitted),
        Status::UnderReview => tr!(i18n, status.under_review),
        Status::PartnerActionRequired => tr!(i18n, status.partner_action_required),
        Status::Approved => tr!(i18n, status.approved),
        Status::Rejected => tr!(i18n, status.rejected),
        Status::Disputed => tr!(i18n, status.disputed),
    }
}

/// Who acted.
pub fn actor_name(i18n: &I18n, actor: Actor) -> String {
    match actor {
        Actor::Partner => tr!(i18n, actor.partner),
        Actor::Reviewer => tr!(i18n, actor.reviewer),
        Actor::Customer => tr!(i18n, actor.customer),
        Actor::System => tr!(i18n, actor.system),
    }
}

/// An action's name (buttons, history lines).
pub fn action_name(i18n: &I18n, action: ActionKind) -> String {
    match action {
        ActionKind::Create => tr!(i18n, action.create),
        ActionKind::Edit => tr!(i18n, action.edit),
        ActionKind::AddPoe => tr!(i18n, action.add_poe),
        ActionKind::RemovePoe => tr!(i18n, action.remove_poe),
        ActionKind::Submit => tr!(i18n, action.submit),
        ActionKind::StartReview => tr!(i18n, action.start_review),
        ActionKind::RequestInformation => tr!(i18n, action.request_information),
        ActionKind::Respond => tr!(i18n, action.respond),
        ActionKind::Approve => tr!(i18n, action.approve),
        ActionKind::Reject => tr!(i18n, action.reject),
        ActionKind::CustomerDecline => tr!(i18n, action.customer_decline),
        ActionKind::ConsentEnded => tr!(i18n, action.consent_ended),
        ActionKind::PartnerResponseExpired => tr!(i18n, action.partner_response_expired),
        ActionKind::RequestRejection => tr!(i18n, action.request_rejection),
        ActionKind::Dispute => tr!(i18n, action.dispute),
        ActionKind::UpholdRejection => tr!(i18n, action.uphold_rejection),
        ActionKind::OverturnRejection => tr!(i18n, action.overturn_rejection),
        ActionKind::Comment => tr!(i18n, action.comment),
        ActionKind::Archive => tr!(i18n, action.archive),
        ActionKind::Unarchive => tr!(i18n, action.unarchive),
        ActionKind::RestartedAs => tr!(i18n, action.restarted_as),
        ActionKind::StartedFrom => tr!(i18n, action.started_from),
    }
}

/// A clock's name.
pub fn clock_name(i18n: &I18n, clock: ClockKind) -> String {
    match clock {
        ClockKind::ReviewStart => tr!(i18n, clock.review_start),
        ClockKind::ReviewDecision => tr!(i18n, clock.review_decision),
        ClockKind::PartnerResponse => tr!(i18n, clock.partner_response),
        ClockKind::CustomerConsent => tr!(i18n, clock.customer_consent),
        ClockKind::DisputeWindow => tr!(i18n, clock.dispute_window),
        ClockKind::DisputeReview => tr!(i18n, clock.dispute_review),
        ClockKind::DecisionTarget => tr!(i18n, clock.decision_target),
    }
}

/// A phase's name.
pub fn phase_name(i18n: &I18n, phase: PhaseKind) -> String {
    match phase {
        PhaseKind::Draft => tr!(i18n, phase.draft),
        PhaseKind::AwaitingReview => tr!(i18n, phase.awaiting_review),
        PhaseKind::UnderReview => tr!(i18n, phase.under_review),
        PhaseKind::PartnerActionRequired => tr!(i18n, phase.partner_action_required),
        PhaseKind::ConsentPeriod => tr!(i18n, phase.consent_period),
        PhaseKind::Official => tr!(i18n, phase.official),
        PhaseKind::Rejected => tr!(i18n, phase.rejected),
        PhaseKind::Disputed => tr!(i18n, phase.disputed),
    }
}

/// An activity's name.
pub fn activity_name(i18n: &I18n, activity: Activity) -> String {
    match activity {
        Activity::Presales => tr!(i18n, activity.presales),
        Activity::Usage => tr!(i18n, activity.usage),
        Activity::RevenueAssociation => tr!(i18n, activity.revenue_association),
    }
}

/// A solution area's name.
pub fn area_name(i18n: &I18n, area: SolutionArea) -> String {
    match area {
        SolutionArea::Microsoft365 => tr!(i18n, area.microsoft365),
        SolutionArea::BusinessApplications => tr!(i18n, area.business_applications),
    }
}

/// A program's name.
pub fn program_name(i18n: &I18n, program: Program) -> String {
    match program {
        Program::OsaSell => tr!(i18n, program.osa_sell),
        Program::OsuBusinessApplications => tr!(i18n, program.osu_business_applications),
        Program::OsuMicrosoft365 => tr!(i18n, program.osu_microsoft365),
        Program::RevenueAssociationOnly => tr!(i18n, program.revenue_association_only),
    }
}

/// An information-request reason.
pub fn information_reason_name(i18n: &I18n, reason: InformationReason) -> String {
    match reason {
        InformationReason::MissingAllPoe => tr!(i18n, information_reason.missing_all_poe),
        InformationReason::MissingCustomerAcknowledgment => {
            tr!(i18n, information_reason.missing_customer_acknowledgment)
        }
        InformationReason::MissingOrOldDates => tr!(i18n, information_reason.missing_or_old_dates),
        InformationReason::MissingPartnerSolution => {
            tr!(i18n, information_reason.missing_partner_solution)
        }
        InformationReason::MissingProducts => tr!(i18n, information_reason.missing_products),
    }
}

/// A reviewer's rejection reason as a choice (`Other` names the choice, not the text).
pub fn reviewer_reason_name(i18n: &I18n, reason: &ReviewerRejectionReason) -> String {
    match reason {
        ReviewerRejectionReason::InsufficientPoe => tr!(i18n, reviewer_reason.insufficient_poe),
        ReviewerRejectionReason::CustomerConsentMissingInPoe => {
            tr!(i18n, reviewer_reason.customer_consent_missing_in_poe)
        }
        ReviewerRejectionReason::MissingProducts => tr!(i18n, reviewer_reason.missing_products),
        ReviewerRejectionReason::PoeNotAvailable => tr!(i18n, reviewer_reason.poe_not_available),
        ReviewerRejectionReason::Other(_) => tr!(i18n, reviewer_reason.other),
    }
}

/// A partner's reason for requesting rejection as a choice.
pub fn partner_reason_name(i18n: &I18n, reason: &PartnerRejectionReason) -> String {
    match reason {
        PartnerRejectionReason::WrongMpn => tr!(i18n, partner_reason.wrong_mpn),
        PartnerRejectionReason::WrongActivity => tr!(i18n, partner_reason.wrong_activity),
        PartnerRejectionReason::NoLongerWorkingWithCustomer => {
            tr!(i18n, partner_reason.no_longer_working_with_customer)
        }
        PartnerRejectionReason::Other(_) => tr!(i18n, partner_reason.other),
    }
}

/// A field group's name.
pub fn field_name(i18n: &I18n, field: EditableField) -> String {
    match field {
        EditableField::Name => tr!(i18n, field.name),
        EditableField::PartnerId => tr!(i18n, field.partner_id),
        EditableField::CustomerDomain => tr!(i18n, field.customer_domain),
        EditableField::TenantId => tr!(i18n, field.tenant_id),
        EditableField::SolutionArea => tr!(i18n, field.solution_area),
        EditableField::Activities => tr!(i18n, field.activities),
        EditableField::Products => tr!(i18n, field.products),
        EditableField::Contacts => tr!(i18n, field.contacts),
        EditableField::RevenueAssociation => tr!(i18n, field.revenue_association),
        EditableField::Poe => tr!(i18n, field.poe),
    }
}

/// The claimed activities as a list in the current language.
pub fn activities_text(i18n: &I18n, activities: &[Activity]) -> String {
    let names: Vec<String> = activities.iter().map(|a| activity_name(i18n, *a)).collect();
    i18n.list(&names)
}

/// The claimed products (with the subscription claimed, where named) as a list.
pub fn products_text(i18n: &I18n, products: &[ClaimedProduct]) -> String {
    let names: Vec<String> = products
        .iter()
        .map(|product| {
            if product.subscription_id.is_empty() {
                product.product.display_name().to_string()
            } else {
                tr!(
                    i18n,
                    claim.details.product_with_subscription,
                    product = product.product.display_name(),
                    id = product.subscription_id.clone()
                )
            }
        })
        .collect();
    i18n.list(&names)
}

/// One field's value as the details list shows it (a conflict shows both sides so);
/// an empty value is "Not set".
pub fn field_value_text(i18n: &I18n, value: &FieldValue) -> String {
    let parts = |parts: &[&String]| {
        parts
            .iter()
            .filter(|part| !part.trim().is_empty())
            .map(|part| part.to_string())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let text = match value {
        FieldValue::Name(text)
        | FieldValue::PartnerId(text)
        | FieldValue::CustomerDomain(text)
        | FieldValue::TenantId(text) => text.clone(),
        FieldValue::SolutionArea(area) => area.map(|a| area_name(i18n, a)).unwrap_or_default(),
        FieldValue::Activities(activities) => {
            let list: Vec<Activity> = activities.iter().copied().collect();
            activities_text(i18n, &list)
        }
        FieldValue::Products(products) => products_text(i18n, products),
        FieldValue::CustomerContact(contact) | FieldValue::TechnicalContact(contact) => {
            parts(&[&contact.name, &contact.title, &contact.email])
        }
        FieldValue::PartnerContact(contact) => parts(&[&contact.name, &contact.email]),
        FieldValue::RevenueAssociation(details) => parts(&[
            &details.solution_seller_name,
            &details.customer_name,
            &details.isv_solution_name,
        ]),
    };
    if text.trim().is_empty() {
        tr!(i18n, common.not_set)
    } else {
        text
    }
}

/// One field a patch changes (a conflict names each).
pub fn patch_field_name(i18n: &I18n, field: PatchField) -> String {
    match field {
        PatchField::Name => tr!(i18n, patch_field.name),
        PatchField::PartnerId => tr!(i18n, patch_field.partner_id),
        PatchField::CustomerDomain => tr!(i18n, patch_field.customer_domain),
        PatchField::TenantId => tr!(i18n, patch_field.tenant_id),
        PatchField::SolutionArea => tr!(i18n, patch_field.solution_area),
        PatchField::Activities => tr!(i18n, patch_field.activities),
        PatchField::Products => tr!(i18n, patch_field.products),
        PatchField::CustomerContact => tr!(i18n, patch_field.customer_contact),
        PatchField::TechnicalContact => tr!(i18n, patch_field.technical_contact),
        PatchField::PartnerContact => tr!(i18n, patch_field.partner_contact),
        PatchField::RevenueAssociation => tr!(i18n, patch_field.revenue_association),
    }
}

/// Why a field group is locked, with what to do instead.
pub fn lock_text(i18n: &I18n, why: LockReason) -> String {
    match why {
        LockReason::FixedAfterSubmit => tr!(i18n, lock.fixed_after_submit),
        LockReason::UnderReview => tr!(i18n, lock.under_review),
        LockReason::Decided => tr!(i18n, lock.decided),
        LockReason::Disputed => tr!(i18n, lock.disputed),
    }
}

fn contact_name(i18n: &I18n, contact: ContactRole) -> String {
    match contact {
        ContactRole::Customer => tr!(i18n, contact.customer),
        ContactRole::Technical => tr!(i18n, contact.technical),
        ContactRole::Partner => tr!(i18n, contact.partner),
    }
}

fn revenue_part_name(i18n: &I18n, part: RevenueAssociationPart) -> String {
    match part {
        RevenueAssociationPart::SolutionSellerName => tr!(i18n, revenue_part.solution_seller_name),
        RevenueAssociationPart::CustomerName => tr!(i18n, revenue_part.customer_name),
        RevenueAssociationPart::IsvSolutionName => tr!(i18n, revenue_part.isv_solution_name),
    }
}

fn json_kind_name(i18n: &I18n, kind: JsonKind) -> String {
    match kind {
        JsonKind::Null => tr!(i18n, json_kind.null),
        JsonKind::Boolean => tr!(i18n, json_kind.boolean),
        JsonKind::Number => tr!(i18n, json_kind.number),
        JsonKind::String => tr!(i18n, json_kind.string),
        JsonKind::List => tr!(i18n, json_kind.list),
        JsonKind::Object => tr!(i18n, json_kind.object),
    }
}

fn character(i18n: &I18n, character: BadChar) -> String {
    match character {
        BadChar::Space => tr!(i18n, character.space),
        BadChar::Tab => tr!(i18n, character.tab),
        BadChar::Blank => tr!(i18n, character.blank),
        BadChar::Control(code_point) => tr!(
            i18n,
            character.control,
            code_point = format!("{code_point:04X}")
        ),
        BadChar::Visible(c) => tr!(i18n, character.visible, character = c.to_string()),
    }
}

fn guid_hint(i18n: &I18n, hint: GuidHint) -> String {
    match hint {
        GuidHint::Braces => tr!(i18n, guid_hint.braces),
        GuidHint::NoHyphens => tr!(i18n, guid_hint.no_hyphens),
        GuidHint::LooksLikeDomain => tr!(i18n, guid_hint.looks_like_domain),
    }
}

// ---- choices of the forms and import labels ----------------------------------------

/// The kinds of reason a reviewer can reject for, without the text of `Other`: the
/// choices of the reject form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewerReasonKind {
    /// The PoE does not prove the activity.
    InsufficientPoe,
    /// The PoE lacks the customer's consent.
    CustomerConsentMissingInPoe,
    /// Claimed products are missing.
    MissingProducts,
    /// No PoE was available.
    PoeNotAvailable,
    /// Another reason, in the reviewer's words.
    Other,
}

impl ReviewerReasonKind {
    /// Every choice, in the order the form lists them.
    pub const ALL: [ReviewerReasonKind; 5] = [
        ReviewerReasonKind::InsufficientPoe,
        ReviewerReasonKind::CustomerConsentMissingInPoe,
        ReviewerReasonKind::MissingProducts,
        ReviewerReasonKind::PoeNotAvailable,
        ReviewerReasonKind::Other,
    ];

    /// The rules' reason for this choice; `other` is the text of `Other`.
    pub fn reason(self, other: String) -> ReviewerRejectionReason {
        match self {
            ReviewerReasonKind::InsufficientPoe => ReviewerRejectionReason::InsufficientPoe,
            ReviewerReasonKind::CustomerConsentMissingInPoe => {
                ReviewerRejectionReason::CustomerConsentMissingInPoe
            }
            ReviewerReasonKind::MissingProducts => ReviewerRejectionReason::MissingProducts,
            ReviewerReasonKind::PoeNotAvailable => ReviewerRejectionReason::PoeNotAvailable,
            ReviewerReasonKind::Other => ReviewerRejectionReason::Other(other),
        }
    }

    /// The choice's name.
    pub fn name(self, i18n: &I18n) -> String {
        reviewer_reason_name(i18n, &self.reason(String::new()))
    }
}

/// The kinds of reason a partner can request rejection for, without the text of `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerReasonKind {
    /// The claim used the wrong MPN / Partner ID.
    WrongMpn,
    /// The claim named the wrong activity.
    WrongActivity,
    /// The partner no longer works with the customer.
    NoLongerWorkingWithCustomer,
    /// Another reason, in the partner's words.
    Other,
}

impl PartnerReasonKind {
    /// Every choice, in the order the form lists them.
    pub const ALL: [PartnerReasonKind; 4] = [
        PartnerReasonKind::WrongMpn,
        PartnerReasonKind::WrongActivity,
        PartnerReasonKind::NoLongerWorkingWithCustomer,
        PartnerReasonKind::Other,
    ];

    /// The rules' reason for this choice; `other` is the text of `Other`.
    pub fn reason(self, other: String) -> PartnerRejectionReason {
        match self {
            PartnerReasonKind::WrongMpn => PartnerRejectionReason::WrongMpn,
            PartnerReasonKind::WrongActivity => PartnerRejectionReason::WrongActivity,
            PartnerReasonKind::NoLongerWorkingWithCustomer => {
                PartnerRejectionReason::NoLongerWorkingWithCustomer
            }
            PartnerReasonKind::Other => PartnerRejectionReason::Other(other),
        }
    }

    /// The choice's name.
    pub fn name(self, i18n: &I18n) -> String {
        partner_reason_name(i18n, &self.reason(String::new()))
    }
}

/// Programs as a list in the current language ("OSA Sell and OSU-Business Applications").
pub fn program_list(i18n: &I18n, programs: &[Program]) -> String {
    let names: Vec<String> = programs.iter().map(|p| program_name(i18n, *p)).collect();
    i18n.list(&names)
}

/// What an import would do with a claim, as a short label.
pub fn import_kind_name(i18n: &I18n, kind: ImportKind) -> String {
    match kind {
        ImportKind::New => tr!(i18n, vocab.import_kind.new),
        ImportKind::Updated => tr!(i18n, vocab.import_kind.updated),
        ImportKind::Identical => tr!(i18n, vocab.import_kind.identical),
        ImportKind::AlreadyNewer => tr!(i18n, vocab.import_kind.already_newer),
        ImportKind::Conflicting => tr!(i18n, vocab.import_kind.conflicting),
        ImportKind::AlreadyCopied => tr!(i18n, vocab.import_kind.already_copied),
    }
}

/// "2 New", "1 Conflicting": how many claims an import would treat one way.
pub fn import_count_text(i18n: &I18n, kind: ImportKind, count: usize) -> String {
    let count = count as i64;
    match kind {
        ImportKind::New => tr!(i18n, transfer.count.new, count, n = i18n.number(count)),
        ImportKind::Updated => tr!(i18n, transfer.count.updated, count, n = i18n.number(count)),
        ImportKind::Identical => {
            tr!(
                i18n,
                transfer.count.identical,
                count,
                n = i18n.number(count)
            )
        }
        ImportKind::AlreadyNewer => {
            tr!(
                i18n,
                transfer.count.already_newer,
                count,
                n = i18n.number(count)
            )
        }
        ImportKind::Conflicting => {
            tr!(
                i18n,
                transfer.count.conflicting,
                count,
                n = i18n.number(count)
            )
        }
        ImportKind::AlreadyCopied => {
            tr!(
                i18n,
                transfer.count.already_copied,
                count,
                n = i18n.number(count)
            )
        }
    }
}

// ---- validation ------------------------------------------------------------------

fn domain_issue(i18n: &I18n, issue: &DomainIssue) -> String {
    match issue {
        DomainIssue::Url => tr!(i18n, domain_issue.url),
        DomainIssue::EmailAddress => tr!(i18n, domain_issue.email_address),
        DomainIssue::TrailingDot => tr!(i18n, domain_issue.trailing_dot),
        DomainIssue::EmptyLabel => tr!(i18n, domain_issue.empty_label),
        DomainIssue::TooFewLabels => tr!(i18n, domain_issue.too_few_labels),
        DomainIssue::LabelInvalidChar {
            label,
            character: c,
        } => tr!(
            i18n,
            domain_issue.label_invalid_char,
            label = label.clone(),
            character = character(i18n, *c)
        ),
        DomainIssue::LabelHyphenEdge { label } => {
            tr!(i18n, domain_issue.label_hyphen_edge, label = label.clone())
        }
        DomainIssue::LabelTooLong { label, length, max } => tr!(
            i18n,
            domain_issue.label_too_long,
            label = label.clone(),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        DomainIssue::TooLong { length, max } => tr!(
            i18n,
            domain_issue.too_long,
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
    }
}

/// A validation problem in words (a GUID hint follows as its own sentence).
pub fn problem(i18n: &I18n, problem: &Problem) -> String {
    let words = problem_kind(i18n, &problem.kind);
    match problem.kind.guid_hint() {
        Some(hint) => sentences(i18n, [words, guid_hint(i18n, hint)]),
        None => words,
    }
}

fn problem_kind(i18n: &I18n, kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::NameRequired => tr!(i18n, problem.name.required),
        ProblemKind::NameTooLong { length, max } => {
            tr!(
                i18n,
                problem.name.too_long,
                length = n(i18n, *length),
                max = n(i18n, *max)
            )
        }
        ProblemKind::PartnerIdRequired => tr!(i18n, problem.partner_id.required),
        ProblemKind::PartnerIdNotDigits { character: c } => tr!(
            i18n,
            problem.partner_id.not_digits,
            character = character(i18n, *c)
        ),
        ProblemKind::PartnerIdLength { length, min, max } => tr!(
            i18n,
            problem.partner_id.length,
            length = n(i18n, *length),
            min = n(i18n, *min),
            max = n(i18n, *max)
        ),
        ProblemKind::DomainRequired => tr!(i18n, problem.domain.required),
        ProblemKind::DomainUrl => tr!(i18n, problem.domain.url),
        ProblemKind::DomainEmailAddress => tr!(i18n, problem.domain.email_address),
        ProblemKind::DomainTrailingDot => tr!(i18n, problem.domain.trailing_dot),
        ProblemKind::DomainEmptyLabel => tr!(i18n, problem.domain.empty_label),
        ProblemKind::DomainTooFewLabels => tr!(i18n, problem.domain.too_few_labels),
        ProblemKind::DomainLabelInvalidChar {
            label,
            character: c,
        } => tr!(
            i18n,
            problem.domain.label_invalid_char,
            label = label.clone(),
            character = character(i18n, *c)
        ),
        ProblemKind::DomainLabelHyphenEdge { label } => tr!(
            i18n,
            problem.domain.label_hyphen_edge,
            label = label.clone()
        ),
        ProblemKind::DomainLabelTooLong { label, length, max } => tr!(
            i18n,
            problem.domain.label_too_long,
            label = shorten(label, 20),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ProblemKind::DomainTooLong { length, max } => {
            tr!(
                i18n,
                problem.domain.too_long,
                length = n(i18n, *length),
                max = n(i18n, *max)
            )
        }
        ProblemKind::TenantIdRequired => tr!(i18n, problem.tenant_id.required),
        ProblemKind::TenantIdNotGuid { .. } => tr!(i18n, problem.tenant_id.not_guid),
        ProblemKind::TenantIdNil => tr!(i18n, problem.tenant_id.nil),
        ProblemKind::SolutionAreaRequired => tr!(i18n, problem.solution_area.required),
        ProblemKind::ActivityRequired { area } => {
            let choices = match area {
                Some(SolutionArea::Microsoft365) => tr!(i18n, activity_choices.microsoft365),
                Some(SolutionArea::BusinessApplications) => {
                    tr!(i18n, activity_choices.business_applications)
                }
                None => tr!(i18n, activity_choices.any),
            };
            tr!(i18n, problem.activity.required, choices)
        }
        ProblemKind::ActivityNotAllowedForArea { activity, area } => tr!(
            i18n,
            problem.activity.not_allowed_for_area,
            activity = activity_name(i18n, *activity),
            area = area_name(i18n, *area)
        ),
        ProblemKind::RevenueAssociationNotAlone => {
            tr!(i18n, problem.activity.revenue_association_not_alone)
        }
        ProblemKind::ProductsRequired => tr!(i18n, problem.products.required),
        ProblemKind::ProductWrongArea {
            product,
            product_area,
            area,
        } => tr!(
            i18n,
            problem.products.wrong_area,
            product = product.display_name(),
            product_area = area_name(i18n, *product_area),
            area = area_name(i18n, *area)
        ),
        ProblemKind::ProductDuplicate { product } => tr!(
            i18n,
            problem.products.duplicate,
            product = product.display_name()
        ),
        ProblemKind::SubscriptionIdRequired { product } => tr!(
            i18n,
            problem.subscription_id.required,
            product = product.display_name()
        ),
        ProblemKind::SubscriptionIdNotGuid { product, .. } => tr!(
            i18n,
            problem.subscription_id.not_guid,
            product = product.display_name()
        ),
        ProblemKind::SubscriptionIdNil { product } => tr!(
            i18n,
            problem.subscription_id.nil,
            product = product.display_name()
        ),
        ProblemKind::ContactNameRequired { contact } => tr!(
            i18n,
            problem.contact.name_required,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::ContactNameTooLong {
            contact,
            length,
            max,
        } => tr!(
            i18n,
            problem.contact.name_too_long,
            contact = contact_name(i18n, *contact),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ProblemKind::ContactTitleRequired { contact } => tr!(
            i18n,
            problem.contact.title_required,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::ContactTitleTooLong {
            contact,
            length,
            max,
        } => tr!(
            i18n,
            problem.contact.title_too_long,
            contact = contact_name(i18n, *contact),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ProblemKind::ContactEmailRequired { contact } => tr!(
            i18n,
            problem.contact.email_required,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::EmailTooLong {
            contact,
            length,
            max,
        } => tr!(
            i18n,
            problem.email.too_long,
            contact = contact_name(i18n, *contact),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ProblemKind::EmailInvalidChar {
            contact,
            character: c,
        } => tr!(
            i18n,
            problem.email.invalid_char,
            contact = contact_name(i18n, *contact),
            character = character(i18n, *c)
        ),
        ProblemKind::EmailMissingAt { contact } => tr!(
            i18n,
            problem.email.missing_at,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::EmailSeveralAt { contact } => tr!(
            i18n,
            problem.email.several_at,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::EmailLocalPartEmpty { contact } => tr!(
            i18n,
            problem.email.local_part_empty,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::EmailDomainMissing { contact } => tr!(
            i18n,
            problem.email.domain_missing,
            contact = contact_name(i18n, *contact)
        ),
        ProblemKind::EmailDomainInvalid {
            contact,
            domain,
            issue,
        } => tr!(
            i18n,
            problem.email.domain_invalid,
            contact = contact_name(i18n, *contact),
            domain = domain.clone(),
            issue = domain_issue(i18n, issue)
        ),
        ProblemKind::TechnicalContactRequired { products: claimed } => tr!(
            i18n,
            problem.technical_contact.required,
            products = products(i18n, claimed)
        ),
        ProblemKind::RevenueAssociationRequired { part } => tr!(
            i18n,
            problem.revenue_association.required,
            part = revenue_part_name(i18n, *part)
        ),
        ProblemKind::RevenueAssociationTooLong { part, length, max } => tr!(
            i18n,
            problem.revenue_association.too_long,
            part = revenue_part_name(i18n, *part),
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ProblemKind::PoeRequired => tr!(i18n, problem.poe.required),
        ProblemKind::CommentRequired => tr!(i18n, problem.comment.required),
        ProblemKind::CommentTooLong { length, max } => {
            tr!(
                i18n,
                problem.comment.too_long,
                length = n(i18n, *length),
                max = n(i18n, *max)
            )
        }
    }
}

/// The first `max` characters of `text`, with an ellipsis when cut (a 64-character
/// domain label would swamp its message).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

/// A policy problem (settings).
pub fn policy_problem(i18n: &I18n, problem: &PolicyProblem) -> String {
    policy_problem_kind(i18n, &problem.kind)
}

/// What is wrong with one setting of a policy.
fn policy_problem_kind(i18n: &I18n, kind: &PolicyProblemKind) -> String {
    match kind {
        PolicyProblemKind::LengthOutOfRange { days, min, max } => tr!(
            i18n,
            policy.length_out_of_range,
            days = n(i18n, *days),
            min = n(i18n, *min),
            max = n(i18n, *max)
        ),
        PolicyProblemKind::Calendar { error } => calendar_error(i18n, error),
    }
}

/// Why a calendar cannot be built.
pub fn calendar_error(i18n: &I18n, error: &CalendarError) -> String {
    match error {
        CalendarError::InvalidWeekmask(weekmask) => {
            tr!(i18n, calendar.invalid_weekmask, weekmask = weekmask.clone())
        }
        CalendarError::UnknownTimeZone(zone) => {
            tr!(i18n, calendar.unknown_time_zone, time_zone = zone.clone())
        }
        CalendarError::DateOutOfRange => tr!(i18n, calendar.date_out_of_range),
        CalendarError::YearNotPublished {
            set,
            year,
            first,
            last,
        } => tr!(
            i18n,
            calendar.year_not_published,
            set = holiday_set_name(i18n, *set),
            year = year,
            first = first,
            last = last
        ),
    }
}

/// A built-in holiday set's name.
pub fn holiday_set_name(i18n: &I18n, set: HolidaySet) -> String {
    match set {
        HolidaySet::None => tr!(i18n, holiday_set.none),
        HolidaySet::UsFederal => tr!(i18n, holiday_set.us),
        HolidaySet::Sweden => tr!(i18n, holiday_set.se),
        HolidaySet::Germany => tr!(i18n, holiday_set.de),
        HolidaySet::Netherlands => tr!(i18n, holiday_set.nl),
        HolidaySet::China => tr!(i18n, holiday_set.cn),
    }
}

// ---- readiness and competition ---------------------------------------------------

/// A readiness check's short name.
pub fn readiness_label(i18n: &I18n, check: ReadinessCheck) -> String {
    match check {
        ReadinessCheck::PoeAboutClaim => tr!(i18n, readiness.poe_about_claim.label),
        ReadinessCheck::CustomerAcknowledgment => {
            tr!(i18n, readiness.customer_acknowledgment.label)
        }
        ReadinessCheck::DatesRecent => tr!(i18n, readiness.dates_recent.label),
        ReadinessCheck::SolutionDescribed => tr!(i18n, readiness.solution_described.label),
        ReadinessCheck::ProductsNamed => tr!(i18n, readiness.products_named.label),
    }
}

/// What to check for a readiness item, and what the reviewer would ask otherwise.
pub fn readiness_advice(i18n: &I18n, item: &ReadinessItem) -> String {
    let what = match item.check {
        ReadinessCheck::PoeAboutClaim => tr!(i18n, readiness.poe_about_claim.what),
        ReadinessCheck::CustomerAcknowledgment => {
            tr!(i18n, readiness.customer_acknowledgment.what)
        }
        ReadinessCheck::DatesRecent => tr!(i18n, readiness.dates_recent.what),
        ReadinessCheck::SolutionDescribed => tr!(i18n, readiness.solution_described.what),
        ReadinessCheck::ProductsNamed if item.products.is_empty() => {
            tr!(i18n, readiness.products_named.what)
        }
        ReadinessCheck::ProductsNamed => tr!(
            i18n,
            readiness.products_named.what_with_products,
            products = products(i18n, &item.products)
        ),
    };
    let reason = information_reason_name(i18n, item.prevents);
    match item.advice {
        ReadinessAdvice::Checked => tr!(i18n, readiness.advice.checked, what),
        ReadinessAdvice::AttachPoe => tr!(i18n, readiness.advice.attach_poe, reason),
        ReadinessAdvice::CheckOnceAttached => {
            tr!(i18n, readiness.advice.check_once_attached, what, reason)
        }
        ReadinessAdvice::NotChecked => tr!(i18n, readiness.advice.not_checked, what, reason),
    }
}

fn contested(i18n: &I18n, item: &Contested) -> String {
    match item {
        Contested::Workload { product } => {
            tr!(i18n, contested.workload, product = product.display_name())
        }
        Contested::Subscription {
            product,
            subscription_id: Some(id),
        } => tr!(
            i18n,
            contested.subscription,
            product = product.display_name(),
            subscription_id = id.clone()
        ),
        Contested::Subscription {
            product,
            subscription_id: None,
        } => tr!(
            i18n,
            contested.subscription_unidentified,
            product = product.display_name()
        ),
    }
}

/// A competing-claims warning; `name_of` finds a claim's name by its ID.
pub fn competition(
    i18n: &I18n,
    competition: &Competition,
    name_of: impl Fn(Uuid) -> Option<String>,
) -> String {
    let label = |id: Uuid| match name_of(id).filter(|name| !name.trim().is_empty()) {
        Some(name) => name.trim().to_string(),
        None => tr!(i18n, competition.unnamed_claim, short_id = short_id(id)),
    };
    let claim_a = label(competition.claims[0]);
    let claim_b = label(competition.claims[1]);
    let items: Vec<String> = competition
        .contested
        .iter()
        .map(|item| contested(i18n, item))
        .collect();
    let contested = i18n.list(&items);
    let tenant_id = &competition.tenant_id;
    match competition.kind {
        CompetitionKind::Workload => {
            tr!(
                i18n,
                competition.workload,
                claim_a,
                claim_b,
                contested,
                tenant_id
            )
        }
        CompetitionKind::Subscription => {
            tr!(
                i18n,
                competition.subscription,
                claim_a,
                claim_b,
                contested,
                tenant_id
            )
        }
        CompetitionKind::WorkloadAndSubscription => tr!(
            i18n,
            competition.workload_and_subscription,
            claim_a,
            claim_b,
            contested,
            tenant_id
        ),
    }
}

fn short_id(id: Uuid) -> String {
    id.simple().to_string().chars().take(8).collect()
}

// ---- lifecycle -------------------------------------------------------------------

/// Why a claim was rejected (the reviewer's or partner's own words for "Other").
pub fn rejection_reason(i18n: &I18n, reason: &RejectionReason) -> String {
    match reason {
        RejectionReason::Reviewer(reviewer) => {
            let named = match reviewer {
                ReviewerRejectionReason::Other(text) => text.trim().to_string(),
                ReviewerRejectionReason::InsufficientPoe
                | ReviewerRejectionReason::CustomerConsentMissingInPoe
                | ReviewerRejectionReason::MissingProducts
                | ReviewerRejectionReason::PoeNotAvailable => reviewer_reason_name(i18n, reviewer),
            };
            tr!(i18n, rejection_reason.reviewer, reason = named)
        }
        RejectionReason::NoPartnerResponse => tr!(i18n, rejection_reason.no_partner_response),
        RejectionReason::CustomerDeclined => tr!(i18n, rejection_reason.customer_declined),
        RejectionReason::PartnerRequested(partner) => {
            let named = match partner {
                PartnerRejectionReason::Other(text) => text.trim().to_string(),
                PartnerRejectionReason::WrongMpn
                | PartnerRejectionReason::WrongActivity
                | PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                    partner_reason_name(i18n, partner)
                }
            };
            tr!(i18n, rejection_reason.partner_requested, reason = named)
        }
        RejectionReason::DisputeUpheld => tr!(i18n, rejection_reason.dispute_upheld),
    }
}

/// What a phase adds to its name: the dates and reasons that matter in it.
pub fn phase_detail(i18n: &I18n, phase: &Phase, zone: &str) -> Option<String> {
    let deadline = |at: Timestamp| deadline_instant_text(i18n, at, zone);
    match phase {
        Phase::ConsentPeriod { until } => Some(tr!(
            i18n,
            phase_detail.consent_period,
            until = deadline(*until)
        )),
        Phase::Official { since: Some(since) } => Some(tr!(
            i18n,
            phase_detail.official,
            since = i18n.date_time(*since, zone)
        )),
        Phase::Official { since: None } => Some(tr!(i18n, phase_detail.official_undated)),
        Phase::PartnerActionRequired {
            respond_by: Some(until),
        } => Some(tr!(
            i18n,
            phase_detail.partner_action_required,
            until = deadline(*until)
        )),
        Phase::Rejected {
            reason,
            disputable_until,
        } => {
            let reason = reason.as_ref().map_or_else(
                || status_name(i18n, Status::Rejected),
                |reason| rejection_reason(i18n, reason),
            );
            Some(match disputable_until {
                Some(until) => tr!(
                    i18n,
                    phase_detail.rejected_disputable,
                    reason,
                    until = deadline(*until)
                ),
                None => tr!(i18n, phase_detail.rejected_final, reason),
            })
        }
        Phase::Draft
        | Phase::AwaitingReview
        | Phase::UnderReview
        | Phase::PartnerActionRequired { respond_by: None }
        | Phase::Disputed => None,
    }
}

/// A clock that has ended or is not counting down, in words.
pub fn clock_state(i18n: &I18n, state: &ClockState, zone: &str) -> String {
    let at = |ts: Timestamp| i18n.date_time(ts, zone);
    match state {
        ClockState::Running => tr!(i18n, clock_state.running),
        ClockState::Paused { since } => tr!(i18n, clock_state.paused, since = at(*since)),
        ClockState::Overdue { due } => tr!(i18n, clock_state.overdue, due = at(*due)),
        ClockState::Met { at: when } => tr!(i18n, clock_state.met, at = at(*when)),
        ClockState::Missed { at: when, .. } => tr!(i18n, clock_state.missed, at = at(*when)),
        ClockState::Closed { at: when } => tr!(i18n, clock_state.closed, at = at(*when)),
        ClockState::Stopped { at: when, by } => tr!(
            i18n,
            clock_state.stopped,
            at = at(*when),
            by = action_name(i18n, *by)
        ),
    }
}

fn hint(i18n: &I18n, hint: RefusalHint) -> String {
    match hint {
        RefusalHint::DeleteDraftInstead => tr!(i18n, refusal_hint.delete_draft_instead),
        RefusalHint::RespondFirst => tr!(i18n, refusal_hint.respond_first),
        RefusalHint::PoeStaysOnRecord => tr!(i18n, refusal_hint.poe_stays_on_record),
        RefusalHint::DraftNotSent => tr!(i18n, refusal_hint.draft_not_sent),
        RefusalHint::WaitForReview => tr!(i18n, refusal_hint.wait_for_review),
        RefusalHint::ClaimDecided => tr!(i18n, refusal_hint.claim_decided),
        RefusalHint::DisputeUnderReview => tr!(i18n, refusal_hint.dispute_under_review),
        RefusalHint::RestartOnlyWhenFinal => tr!(i18n, refusal_hint.restart_only_when_final),
        RefusalHint::StartNewClaim => tr!(i18n, refusal_hint.start_new_claim),
        RefusalHint::AssociationOfficial => tr!(i18n, refusal_hint.association_official),
        RefusalHint::RejectedForNoResponse => tr!(i18n, refusal_hint.rejected_for_no_response),
        RefusalHint::RecordedAtDeadline => tr!(i18n, refusal_hint.recorded_at_deadline),
    }
}

/// A refusal in words, followed by what to do instead where the rules know it.
pub fn refusal(i18n: &I18n, refusal: &Refusal, zone: &str) -> String {
    let words = refusal_words(i18n, refusal, zone);
    match refusal.hint() {
        Some(next) => sentences(i18n, [words, hint(i18n, next)]),
        None => words,
    }
}

fn transition(i18n: &I18n, transition: ActionKind, at: Timestamp, zone: &str) -> String {
    let at = deadline_instant_text(i18n, at, zone);
    match transition {
        ActionKind::PartnerResponseExpired => {
            tr!(i18n, transition.partner_response_expired, at)
        }
        ActionKind::ConsentEnded => tr!(i18n, transition.consent_ended, at),
        ActionKind::Create
        | ActionKind::Edit
        | ActionKind::AddPoe
        | ActionKind::RemovePoe
        | ActionKind::Submit
        | ActionKind::StartReview
        | ActionKind::RequestInformation
        | ActionKind::Respond
        | ActionKind::Approve
        | ActionKind::Reject
        | ActionKind::CustomerDecline
        | ActionKind::RequestRejection
        | ActionKind::Dispute
        | ActionKind::UpholdRejection
        | ActionKind::OverturnRejection
        | ActionKind::Comment
        | ActionKind::Archive
        | ActionKind::Unarchive
        | ActionKind::RestartedAs
        | ActionKind::StartedFrom => tr!(
            i18n,
            transition.other,
            action = action_name(i18n, transition),
            at
        ),
    }
}

fn refusal_words(i18n: &I18n, refusal: &Refusal, zone: &str) -> String {
    let at = |ts: Timestamp| i18n.date_time(ts, zone);
    let deadline = |ts: Timestamp| deadline_instant_text(i18n, ts, zone);
    match refusal {
        Refusal::WrongStatus {
            action,
            status,
            allowed_from,
        } => tr!(
            i18n,
            refusal.wrong_status,
            action = action_name(i18n, *action),
            status = status_name(i18n, *status),
            allowed_from = either(
                i18n,
                &allowed_from
                    .iter()
                    .map(|status| status_name(i18n, *status))
                    .collect::<Vec<_>>()
            )
        ),
        Refusal::WrongActor {
            action,
            actor,
            allowed,
        } => tr!(
            i18n,
            refusal.wrong_actor,
            action = action_name(i18n, *action),
            actor = actor_name(i18n, *actor),
            allowed = either(
                i18n,
                &allowed
                    .iter()
                    .map(|actor| actor_name(i18n, *actor))
                    .collect::<Vec<_>>()
            )
        ),
        Refusal::FieldLocked { field, status, why } => tr!(
            i18n,
            refusal.field_locked,
            field = field_name(i18n, *field),
            status = status_name(i18n, *status),
            why = lock_text(i18n, *why)
        ),
        Refusal::WindowClosed { clock, closed_at } => tr!(
            i18n,
            refusal.window_closed,
            clock = clock_name(i18n, *clock),
            closed_at = deadline(*closed_at)
        ),
        Refusal::AlreadyDisputed => tr!(i18n, refusal.already_disputed),
        Refusal::DisputeFinal => tr!(i18n, refusal.dispute_final),
        Refusal::RejectedAtPartnerRequest => tr!(i18n, refusal.rejected_at_partner_request),
        Refusal::MissingJustification => tr!(i18n, refusal.missing_justification),
        Refusal::MissingReason { action } => tr!(
            i18n,
            refusal.missing_reason,
            action = action_name(i18n, *action)
        ),
        Refusal::MissingComment { action } => tr!(
            i18n,
            refusal.missing_comment,
            action = action_name(i18n, *action)
        ),
        Refusal::NothingChangedSinceRequest { requested_at } => tr!(
            i18n,
            refusal.nothing_changed_since_request,
            requested_at = at(*requested_at)
        ),
        Refusal::EditProblems { problems } => tr!(
            i18n,
            refusal.edit_problems,
            count = i64::try_from(problems.len()).unwrap_or(i64::MAX)
        ),
        Refusal::SubmitProblems { problems } => tr!(
            i18n,
            refusal.submit_problems,
            count = i64::try_from(problems.len()).unwrap_or(i64::MAX)
        ),
        Refusal::EffectiveTimeBeforePrevious {
            previous,
            previous_action,
        } => tr!(
            i18n,
            refusal.effective_time_before_previous,
            previous = at(*previous),
            previous_action = action_name(i18n, *previous_action)
        ),
        Refusal::EffectiveTimeInFuture {
            effective_at,
            recorded_at,
        } => tr!(
            i18n,
            refusal.effective_time_in_future,
            effective_at = at(*effective_at),
            recorded_at = at(*recorded_at)
        ),
        Refusal::CommentTooLong { length, max } => {
            tr!(
                i18n,
                refusal.comment_too_long,
                length = n(i18n, *length),
                max = n(i18n, *max)
            )
        }
        Refusal::NoChange { action } => {
            tr!(i18n, refusal.no_change, action = action_name(i18n, *action))
        }
        Refusal::UnknownPoe { id } => tr!(i18n, refusal.unknown_poe, id = id.to_string()),
        Refusal::DuplicatePoe { id } => tr!(i18n, refusal.duplicate_poe, id = id.to_string()),
        Refusal::ProductNotClaimed { product } => tr!(
            i18n,
            refusal.product_not_claimed,
            product = product.display_name()
        ),
        Refusal::AlreadyArchived => tr!(i18n, refusal.already_archived),
        Refusal::NotArchived => tr!(i18n, refusal.not_archived),
        Refusal::DisputeStillPossible { until } => tr!(
            i18n,
            refusal.dispute_still_possible,
            until = deadline(*until)
        ),
        Refusal::NewIdSameAsOriginal => tr!(i18n, refusal.new_id_same_as_original),
        Refusal::OnlyDraftsCanBeDeleted { status } => tr!(
            i18n,
            refusal.only_drafts_can_be_deleted,
            status = status_name(i18n, *status)
        ),
        Refusal::PatchConflict { conflicts } => {
            let fields: Vec<String> = conflicts
                .iter()
                .map(|conflict| patch_field_name(i18n, conflict.field))
                .collect();
            tr!(
                i18n,
                refusal.patch_conflict,
                count = i64::try_from(conflicts.len()).unwrap_or(i64::MAX),
                fields = i18n.list(&fields)
            )
        }
        Refusal::OvertakenBySystem {
            transition: system,
            at: when,
            cause,
        } => tr!(
            i18n,
            refusal.overtaken_by_system,
            transition = transition(i18n, *system, *when, zone),
            cause = refusal_words(i18n, cause, zone)
        ),
    }
}

// ---- export and import -----------------------------------------------------------

/// An import problem in words (its JSON path is shown beside it).
pub fn import_problem(i18n: &I18n, problem: &ImportProblem, zone: &str) -> String {
    let at = |ts: Timestamp| i18n.date_time(ts, zone);
    match &problem.kind {
        ImportProblemKind::FileTooLarge { bytes, max_bytes } => tr!(
            i18n,
            import_problem.file.too_large,
            size_mb = i18n.decimal(*bytes as f64 / (1024.0 * 1024.0)),
            max_mb = n(i18n, max_bytes / (1024 * 1024))
        ),
        ImportProblemKind::FileNotUtf8 { offset } => tr!(
            i18n,
            import_problem.file.not_utf8,
            offset = n(i18n, *offset)
        ),
        ImportProblemKind::JsonSyntax { line, column } => tr!(
            i18n,
            import_problem.json.syntax,
            line = n(i18n, *line),
            column = n(i18n, *column)
        ),
        ImportProblemKind::JsonEof { line, column } => tr!(
            i18n,
            import_problem.json.eof,
            line = n(i18n, *line),
            column = n(i18n, *column)
        ),
        ImportProblemKind::DocumentNotObject { found } => tr!(
            i18n,
            import_problem.document.not_object,
            found = json_kind_name(i18n, *found)
        ),
        ImportProblemKind::FormatMissing => tr!(i18n, import_problem.format.missing),
        ImportProblemKind::FormatWrong { found } => {
            tr!(i18n, import_problem.format.wrong, found = found.clone())
        }
        ImportProblemKind::FormatNotString { found } => tr!(
            i18n,
            import_problem.format.not_string,
            found = json_kind_name(i18n, *found)
        ),
        ImportProblemKind::VersionMissing { supported } => {
            tr!(i18n, import_problem.version.missing, supported = supported)
        }
        ImportProblemKind::VersionInvalid { found, supported } => tr!(
            i18n,
            import_problem.version.invalid,
            found = json_kind_name(i18n, *found),
            supported = supported
        ),
        ImportProblemKind::VersionTooNewLarge { version, supported } => tr!(
            i18n,
            import_problem.version.too_new_large,
            version = version.clone(),
            supported = supported
        ),
        ImportProblemKind::PolicyInvalid { problem } => tr!(
            i18n,
            import_problem.policy.invalid,
            problem = policy_problem_kind(i18n, problem)
        ),
        ImportProblemKind::HistoryRefused { action, refusal } => tr!(
            i18n,
            import_problem.history.refused,
            action = action_name(i18n, *action),
            refusal = self::refusal(i18n, refusal, zone)
        ),
        ImportProblemKind::HistorySystemNotDue { action, due } => tr!(
            i18n,
            import_problem.history.system_not_due,
            action = action_name(i18n, *action),
            due = deadline_instant_text(i18n, *due, zone)
        ),
        ImportProblemKind::HistorySystemWithoutDeadline { action } => tr!(
            i18n,
            import_problem.history.system_without_deadline,
            action = action_name(i18n, *action)
        ),
        ImportProblemKind::HistorySystemMissing { transition, due } => tr!(
            i18n,
            import_problem.history.system_missing,
            transition = action_name(i18n, *transition),
            due = deadline_instant_text(i18n, *due, zone)
        ),
        ImportProblemKind::HistoryEntryDiffers { action, member } => tr!(
            i18n,
            import_problem.history.entry_differs,
            action = action_name(i18n, *action),
            member = member.clone()
        ),
        ImportProblemKind::HistoryPatchMismatch { field } => tr!(
            i18n,
            import_problem.history.patch_mismatch,
            field = field.clone()
        ),
        ImportProblemKind::ClaimDiffersFromHistory { member } => tr!(
            i18n,
            import_problem.claim.differs_from_history,
            member = member.clone()
        ),
        ImportProblemKind::PoeSha256Invalid { length } => tr!(
            i18n,
            import_problem.poe.sha256_invalid,
            length = n(i18n, *length)
        ),
        ImportProblemKind::CommentTooLong { length, max } => tr!(
            i18n,
            import_problem.comment.too_long,
            length = n(i18n, *length),
            max = n(i18n, *max)
        ),
        ImportProblemKind::VersionTooNew { version, supported } => tr!(
            i18n,
            import_problem.version.too_new,
            version = version,
            supported = supported
        ),
        ImportProblemKind::MigrationMissing { version } => {
            tr!(i18n, import_problem.migration.missing, version = version)
        }
        ImportProblemKind::MigrationNotObject { version, found } => tr!(
            i18n,
            import_problem.migration.not_object,
            version = version,
            found = json_kind_name(i18n, *found)
        ),
        ImportProblemKind::MemberMissing { name } => {
            tr!(i18n, import_problem.member.missing, name = name.clone())
        }
        ImportProblemKind::MemberInvalid { detail } => {
            tr!(i18n, import_problem.member.invalid, detail = detail.clone())
        }
        ImportProblemKind::MemberWrongKind { found, expected } => tr!(
            i18n,
            import_problem.member.wrong_kind,
            found = json_kind_name(i18n, *found),
            expected = json_kind_name(i18n, *expected)
        ),
        ImportProblemKind::MemberUnknownValue { found, allowed } => tr!(
            i18n,
            import_problem.member.unknown_value,
            found = found.clone(),
            allowed = i18n.list_or(allowed)
        ),
        ImportProblemKind::MemberNotList { found } => tr!(
            i18n,
            import_problem.member.not_list,
            found = json_kind_name(i18n, *found)
        ),
        ImportProblemKind::ClaimNotObject { found } => tr!(
            i18n,
            import_problem.claim.not_object,
            found = json_kind_name(i18n, *found)
        ),
        ImportProblemKind::UnknownTimeZone { time_zone } => tr!(
            i18n,
            import_problem.calendar.unknown_time_zone,
            time_zone = time_zone.clone()
        ),
        ImportProblemKind::TooManyClaims { count, max } => tr!(
            i18n,
            import_problem.claims.too_many,
            count = n(i18n, *count),
            max = n(i18n, *max)
        ),
        ImportProblemKind::DuplicateClaimId { id, first_index } => tr!(
            i18n,
            import_problem.claim.duplicate_id,
            id = id.to_string(),
            first_index = n(i18n, *first_index)
        ),
        ImportProblemKind::HistoryEmpty => tr!(i18n, import_problem.history.empty),
        ImportProblemKind::HistoryFirstNotCreate { action } => tr!(
            i18n,
            import_problem.history.first_not_create,
            action = action_name(i18n, *action)
        ),
        ImportProblemKind::HistoryFirstHasFrom { from } => tr!(
            i18n,
            import_problem.history.first_has_from,
            from = status_name(i18n, *from)
        ),
        ImportProblemKind::HistoryFromMismatch { from, previous_to } => tr!(
            i18n,
            import_problem.history.from_mismatch,
            from = from.map_or_else(
                || tr!(i18n, claim_label.no_status),
                |from| status_name(i18n, from)
            ),
            previous_to = status_name(i18n, *previous_to)
        ),
        ImportProblemKind::HistoryOutOfOrder {
            at: when,
            previous_at,
        } => tr!(
            i18n,
            import_problem.history.out_of_order,
            at = at(*when),
            previous_at = at(*previous_at)
        ),
        ImportProblemKind::StatusNotLastHistory { status, last_to } => tr!(
            i18n,
            import_problem.status.not_last_history,
            status = status_name(i18n, *status),
            last_to = status_name(i18n, *last_to)
        ),
        ImportProblemKind::RevisionTooLow { revision, entries } => tr!(
            i18n,
            import_problem.revision.too_low,
            revision = n(i18n, *revision),
            entries = n(i18n, *entries)
        ),
    }
}

/// The name an incoming claim kept as a copy gets ("Contoso (imported copy)"): the rules
/// store the name the app gives them.
pub fn copy_name(i18n: &I18n, name: &str) -> String {
    tr!(i18n, import_kind.copy_name, name = name.trim())
}

/// How a claim is named inside a sentence: its name in quotes, or "Claim 1a2b3c4d".
pub fn claim_label(i18n: &I18n, claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        tr!(i18n, claim_label.unnamed, short_id = short_id(claim.id))
    } else {
        tr!(i18n, claim_label.named, name)
    }
}

/// What an import will do with one incoming claim.
pub fn import_item(i18n: &I18n, item: &ImportItem) -> String {
    let name = claim_label(i18n, &item.incoming);
    match item.kind {
        ImportKind::New => tr!(i18n, import_kind.new, name),
        ImportKind::Updated => tr!(
            i18n,
            import_kind.updated,
            name,
            incoming_entries = n(i18n, item.incoming.history.len()),
            local_entries = n(i18n, item.local_entries.unwrap_or_default())
        ),
        ImportKind::Identical => tr!(i18n, import_kind.identical, name),
        ImportKind::AlreadyNewer => tr!(i18n, import_kind.already_newer, name),
        ImportKind::Conflicting => tr!(
            i18n,
            import_kind.conflicting,
            name,
            copy_name = copy_name(i18n, &item.incoming.fields.name)
        ),
        ImportKind::AlreadyCopied => tr!(i18n, import_kind.already_copied, name),
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::i18n::Locale;

    #[wasm_bindgen_test]
    fn words_come_from_the_active_catalogue() {
        let english = I18n::new(Locale::en);
        assert_eq!(status_name(&english, Status::UnderReview), "Under review");
        assert_eq!(
            problem(
                &english,
                &Problem::new(
                    "fields.tenant_id",
                    ProblemKind::TenantIdNotGuid {
                        hint: Some(GuidHint::Braces)
                    }
                )
            ),
            "The tenant ID must be a GUID of 32 hexadecimal digits grouped 8-4-4-4-12, like \
             72f988bf-86f1-41af-91ab-2d7cd011db47. Leave out the braces { }."
        );
        assert_eq!(copy_name(&english, " Contoso "), "Contoso (imported copy)");
        let german = I18n::new(Locale::de);
        assert_ne!(
            status_name(&german, Status::UnderReview),
            status_name(&english, Status::UnderReview)
        );
    }
}

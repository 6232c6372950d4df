//! The rules' outcomes in words: every refusal, validation problem, import problem,
//! readiness advice, competing-claims warning, calendar and policy problem, and the
//! names of the rules' closed sets (statuses, actors, actions, clocks, phases, …).
//!
//! Each outcome is worded by an exhaustive `match`, one arm per variant, each arm naming
//! its catalogue key and its arguments, so that a new variant in the rules cannot be
//! forgotten here and each arm can become a compile-checked `t_string!` call. The words
//! come from `locales/en.json` (compiled in), the same catalogue the `cpor` tool uses.
//! Instants are shown in the calendar's zone through the browser's `Intl`.

use std::collections::HashMap;
use std::sync::OnceLock;

use claim_rules::calendar::CalendarError;
use claim_rules::catalog::Product;
use claim_rules::deadlines::{ClockKind, ClockState};
use claim_rules::export::{ImportProblem, ImportProblemKind, JsonKind};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use claim_rules::import::{ImportItem, ImportKind};
use claim_rules::lifecycle::{EditableField, LockReason, Phase, PhaseKind, Refusal, RefusalHint};
use claim_rules::model::{Activity, Actor, Claim, ContactRole, Program, SolutionArea, Status};
use claim_rules::policy::{PolicyProblem, PolicyProblemKind};
use claim_rules::validation::{
    BadChar, Competition, CompetitionKind, Contested, DomainIssue, GuidHint, Problem, ProblemKind,
    ReadinessAdvice, ReadinessCheck, ReadinessItem, RevenueAssociationPart,
};
use jiff::Timestamp;
use uuid::Uuid;

use super::time::deadline_instant_text;
use super::I18n;

/// The English catalogue, shared with `cpor`.
const ENGLISH: &str = include_str!("../../locales/en.json");

/// Every text of the catalogue by its dotted key.
fn catalogue() -> &'static HashMap<String, String> {
    static TEXTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = HashMap::new();
        // The file is compiled in and checked by the tests below and by `cpor`'s.
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(ENGLISH) {
            flatten("", &value, &mut texts);
        }
        texts
    })
}

fn flatten(prefix: &str, value: &serde_json::Value, texts: &mut HashMap<String, String>) {
    match value {
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, member, texts);
            }
        }
        serde_json::Value::String(text) => {
            texts.insert(prefix.to_string(), text.clone());
        }
        serde_json::Value::Null
        | serde_json::Value::Bool(_)
        | serde_json::Value::Number(_)
        | serde_json::Value::Array(_) => {}
    }
}

/// The text of `key` without arguments; a missing key shows as itself, so a gap is
/// visible rather than silent.
pub fn text(key: &'static str) -> &'static str {
    catalogue().get(key).map_or(key, String::as_str)
}

/// The text of `key` with each `{{ name }}` replaced by its argument.
pub fn word(key: &'static str, args: &[(&str, String)]) -> String {
    substitute(text(key), args)
}

/// The `_one` or `_other` form (English plural rules) chosen by `count`, which is also
/// the `{{ count }}` argument.
pub fn word_count(
    one: &'static str,
    other: &'static str,
    count: i64,
    args: &[(&str, String)],
) -> String {
    let mut args = args.to_vec();
    args.push(("count", count.to_string()));
    word(if count == 1 { one } else { other }, &args)
}

fn substitute(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + end + 4]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Items joined as a list: "a, b and c" (`and`), "a, b or c" (`or`).
fn list(items: Vec<String>, and: bool) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let items = rest.join(text("list.separator"));
            let key = if and { "list.and" } else { "list.or" };
            word(key, &[("items", items), ("last", last.clone())])
        }
    }
}

fn products(products: &[Product]) -> String {
    list(
        products
            .iter()
            .map(|product| product.display_name().to_string())
            .collect(),
        true,
    )
}

// ---- names of the rules' closed sets ---------------------------------------------

/// A status's name.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Draft => text("status.draft"),
        Status::Submitted => text("status.submitted"),
        Status::UnderReview => text("status.under_review"),
        Status::PartnerActionRequired => text("status.partner_action_required"),
        Status::Approved => text("status.approved"),
        Status::Rejected => text("status.rejected"),
        Status::Disputed => text("status.disputed"),
    }
}

/// Who acted.
pub fn actor_name(actor: Actor) -> &'static str {
    match actor {
        Actor::Partner => text("actor.partner"),
        Actor::Reviewer => text("actor.reviewer"),
        Actor::Customer => text("actor.customer"),
        Actor::System => text("actor.system"),
    }
}

/// An action's name (buttons, history lines).
pub fn action_name(action: ActionKind) -> &'static str {
    match action {
        ActionKind::Create => text("action.create"),
        ActionKind::Edit => text("action.edit"),
        ActionKind::AddPoe => text("action.add_poe"),
        ActionKind::RemovePoe => text("action.remove_poe"),
        ActionKind::Submit => text("action.submit"),
        ActionKind::StartReview => text("action.start_review"),
        ActionKind::RequestInformation => text("action.request_information"),
        ActionKind::Respond => text("action.respond"),
        ActionKind::Approve => text("action.approve"),
        ActionKind::Reject => text("action.reject"),
        ActionKind::CustomerDecline => text("action.customer_decline"),
        ActionKind::ConsentEnded => text("action.consent_ended"),
        ActionKind::PartnerResponseExpired => text("action.partner_response_expired"),
        ActionKind::RequestRejection => text("action.request_rejection"),
        ActionKind::Dispute => text("action.dispute"),
        ActionKind::UpholdRejection => text("action.uphold_rejection"),
        ActionKind::OverturnRejection => text("action.overturn_rejection"),
        ActionKind::Comment => text("action.comment"),
        ActionKind::Archive => text("action.archive"),
        ActionKind::Unarchive => text("action.unarchive"),
        ActionKind::RestartedAs => text("action.restarted_as"),
        ActionKind::StartedFrom => text("action.started_from"),
    }
}

/// A clock's name.
pub fn clock_name(clock: ClockKind) -> &'static str {
    match clock {
        ClockKind::ReviewStart => text("clock.review_start"),
        ClockKind::ReviewDecision => text("clock.review_decision"),
        ClockKind::PartnerResponse => text("clock.partner_response"),
        ClockKind::CustomerConsent => text("clock.customer_consent"),
        ClockKind::DisputeWindow => text("clock.dispute_window"),
        ClockKind::DisputeReview => text("clock.dispute_review"),
        ClockKind::DecisionTarget => text("clock.decision_target"),
    }
}

/// A phase's name.
pub fn phase_name(phase: PhaseKind) -> &'static str {
    match phase {
        PhaseKind::Draft => text("phase.draft"),
        PhaseKind::AwaitingReview => text("phase.awaiting_review"),
        PhaseKind::UnderReview => text("phase.under_review"),
        PhaseKind::PartnerActionRequired => text("phase.partner_action_required"),
        PhaseKind::ConsentPeriod => text("phase.consent_period"),
        PhaseKind::Official => text("phase.official"),
        PhaseKind::Rejected => text("phase.rejected"),
        PhaseKind::Disputed => text("phase.disputed"),
    }
}

/// An activity's name.
pub fn activity_name(activity: Activity) -> &'static str {
    match activity {
        Activity::Presales => text("activity.presales"),
        Activity::Usage => text("activity.usage"),
        Activity::RevenueAssociation => text("activity.revenue_association"),
    }
}

/// A solution area's name.
pub fn area_name(area: SolutionArea) -> &'static str {
    match area {
        SolutionArea::Microsoft365 => text("area.microsoft365"),
        SolutionArea::BusinessApplications => text("area.business_applications"),
    }
}

/// A program's name.
pub fn program_name(program: Program) -> &'static str {
    match program {
        Program::OsaSell => text("program.osa_sell"),
        Program::OsuBusinessApplications => text("program.osu_business_applications"),
        Program::OsuMicrosoft365 => text("program.osu_microsoft365"),
        Program::RevenueAssociationOnly => text("program.revenue_association_only"),
    }
}

/// An information-request reason.
pub fn information_reason_name(reason: InformationReason) -> &'static str {
    match reason {
        InformationReason::MissingAllPoe => text("information_reason.missing_all_poe"),
        InformationReason::MissingCustomerAcknowledgment => {
            text("information_reason.missing_customer_acknowledgment")
        }
        InformationReason::MissingOrOldDates => text("information_reason.missing_or_old_dates"),
        InformationReason::MissingPartnerSolution => {
            text("information_reason.missing_partner_solution")
        }
        InformationReason::MissingProducts => text("information_reason.missing_products"),
    }
}

/// A reviewer's rejection reason as a choice (`Other` names the choice, not the text).
pub fn reviewer_reason_name(reason: &ReviewerRejectionReason) -> &'static str {
    match reason {
        ReviewerRejectionReason::InsufficientPoe => text("reviewer_reason.insufficient_poe"),
        ReviewerRejectionReason::CustomerConsentMissingInPoe => {
            text("reviewer_reason.customer_consent_missing_in_poe")
        }
        ReviewerRejectionReason::MissingProducts => text("reviewer_reason.missing_products"),
        ReviewerRejectionReason::PoeNotAvailable => text("reviewer_reason.poe_not_available"),
        ReviewerRejectionReason::Other(_) => text("reviewer_reason.other"),
    }
}

/// A partner's reason for requesting rejection as a choice.
pub fn partner_reason_name(reason: &PartnerRejectionReason) -> &'static str {
    match reason {
        PartnerRejectionReason::WrongMpn => text("partner_reason.wrong_mpn"),
        PartnerRejectionReason::WrongActivity => text("partner_reason.wrong_activity"),
        PartnerRejectionReason::NoLongerWorkingWithCustomer => {
            text("partner_reason.no_longer_working_with_customer")
        }
        PartnerRejectionReason::Other(_) => text("partner_reason.other"),
    }
}

/// A field group's name.
pub fn field_name(field: EditableField) -> &'static str {
    match field {
        EditableField::Name => text("field.name"),
        EditableField::PartnerId => text("field.partner_id"),
        EditableField::CustomerDomain => text("field.customer_domain"),
        EditableField::TenantId => text("field.tenant_id"),
        EditableField::SolutionArea => text("field.solution_area"),
        EditableField::Activities => text("field.activities"),
        EditableField::Products => text("field.products"),
        EditableField::Contacts => text("field.contacts"),
        EditableField::RevenueAssociation => text("field.revenue_association"),
        EditableField::Poe => text("field.poe"),
    }
}

/// Why a field group is locked, with what to do instead.
pub fn lock_text(why: LockReason) -> &'static str {
    match why {
        LockReason::FixedAfterSubmit => text("lock.fixed_after_submit"),
        LockReason::UnderReview => text("lock.under_review"),
        LockReason::Decided => text("lock.decided"),
        LockReason::Disputed => text("lock.disputed"),
    }
}

fn contact_name(contact: ContactRole) -> String {
    match contact {
        ContactRole::Customer => text("contact.customer"),
        ContactRole::Technical => text("contact.technical"),
        ContactRole::Partner => text("contact.partner"),
    }
    .to_string()
}

fn revenue_part_name(part: RevenueAssociationPart) -> String {
    match part {
        RevenueAssociationPart::SolutionSellerName => text("revenue_part.solution_seller_name"),
        RevenueAssociationPart::CustomerName => text("revenue_part.customer_name"),
        RevenueAssociationPart::IsvSolutionName => text("revenue_part.isv_solution_name"),
    }
    .to_string()
}

fn json_kind_name(kind: JsonKind) -> String {
    match kind {
        JsonKind::Null => text("json_kind.null"),
        JsonKind::Boolean => text("json_kind.boolean"),
        JsonKind::Number => text("json_kind.number"),
        JsonKind::String => text("json_kind.string"),
        JsonKind::List => text("json_kind.list"),
        JsonKind::Object => text("json_kind.object"),
    }
    .to_string()
}

fn character(character: BadChar) -> String {
    match character {
        BadChar::Space => text("character.space").to_string(),
        BadChar::Tab => text("character.tab").to_string(),
        BadChar::Blank => text("character.blank").to_string(),
        BadChar::Control(code_point) => word(
            "character.control",
            &[("code_point", format!("{code_point:04X}"))],
        ),
        BadChar::Visible(c) => word("character.visible", &[("character", c.to_string())]),
    }
}

fn guid_hint(hint: GuidHint) -> &'static str {
    match hint {
        GuidHint::Braces => text("guid_hint.braces"),
        GuidHint::NoHyphens => text("guid_hint.no_hyphens"),
        GuidHint::LooksLikeDomain => text("guid_hint.looks_like_domain"),
    }
}

// ---- validation ------------------------------------------------------------------

fn domain_issue(issue: &DomainIssue) -> String {
    match issue {
        DomainIssue::Url => word("domain_issue.url", &[]),
        DomainIssue::EmailAddress => word("domain_issue.email_address", &[]),
        DomainIssue::TrailingDot => word("domain_issue.trailing_dot", &[]),
        DomainIssue::EmptyLabel => word("domain_issue.empty_label", &[]),
        DomainIssue::TooFewLabels => word("domain_issue.too_few_labels", &[]),
        DomainIssue::LabelInvalidChar {
            label,
            character: c,
        } => word(
            "domain_issue.label_invalid_char",
            &[("label", label.clone()), ("character", character(*c))],
        ),
        DomainIssue::LabelHyphenEdge { label } => word(
            "domain_issue.label_hyphen_edge",
            &[("label", label.clone())],
        ),
        DomainIssue::LabelTooLong { label, length, max } => word(
            "domain_issue.label_too_long",
            &[
                ("label", label.clone()),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        DomainIssue::TooLong { length, max } => word(
            "domain_issue.too_long",
            &[("length", length.to_string()), ("max", max.to_string())],
        ),
    }
}

/// A validation problem in words (a GUID hint follows as its own sentence).
pub fn problem(problem: &Problem) -> String {
    let words = problem_kind(&problem.kind);
    match problem.kind.guid_hint() {
        Some(hint) => format!("{words} {}", guid_hint(hint)),
        None => words,
    }
}

fn length_max(length: usize, max: usize) -> [(&'static str, String); 2] {
    [("length", length.to_string()), ("max", max.to_string())]
}

fn problem_kind(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::NameRequired => word("problem.name.required", &[]),
        ProblemKind::NameTooLong { length, max } => {
            word("problem.name.too_long", &length_max(*length, *max))
        }
        ProblemKind::PartnerIdRequired => word("problem.partner_id.required", &[]),
        ProblemKind::PartnerIdNotDigits { character: c } => word(
            "problem.partner_id.not_digits",
            &[("character", character(*c))],
        ),
        ProblemKind::PartnerIdLength { length, min, max } => word(
            "problem.partner_id.length",
            &[
                ("length", length.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::DomainRequired => word("problem.domain.required", &[]),
        ProblemKind::DomainUrl => word("problem.domain.url", &[]),
        ProblemKind::DomainEmailAddress => word("problem.domain.email_address", &[]),
        ProblemKind::DomainTrailingDot => word("problem.domain.trailing_dot", &[]),
        ProblemKind::DomainEmptyLabel => word("problem.domain.empty_label", &[]),
        ProblemKind::DomainTooFewLabels => word("problem.domain.too_few_labels", &[]),
        ProblemKind::DomainLabelInvalidChar {
            label,
            character: c,
        } => word(
            "problem.domain.label_invalid_char",
            &[("label", label.clone()), ("character", character(*c))],
        ),
        ProblemKind::DomainLabelHyphenEdge { label } => word(
            "problem.domain.label_hyphen_edge",
            &[("label", label.clone())],
        ),
        ProblemKind::DomainLabelTooLong { label, length, max } => word(
            "problem.domain.label_too_long",
            &[
                ("label", shorten(label, 20)),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::DomainTooLong { length, max } => {
            word("problem.domain.too_long", &length_max(*length, *max))
        }
        ProblemKind::TenantIdRequired => word("problem.tenant_id.required", &[]),
        ProblemKind::TenantIdNotGuid { .. } => word("problem.tenant_id.not_guid", &[]),
        ProblemKind::TenantIdNil => word("problem.tenant_id.nil", &[]),
        ProblemKind::SolutionAreaRequired => word("problem.solution_area.required", &[]),
        ProblemKind::ActivityRequired { area } => {
            let choices = match area {
                Some(SolutionArea::Microsoft365) => text("activity_choices.microsoft365"),
                Some(SolutionArea::BusinessApplications) => {
                    text("activity_choices.business_applications")
                }
                None => text("activity_choices.any"),
            };
            word(
                "problem.activity.required",
                &[("choices", choices.to_string())],
            )
        }
        ProblemKind::ActivityNotAllowedForArea { activity, area } => word(
            "problem.activity.not_allowed_for_area",
            &[
                ("activity", activity_name(*activity).to_string()),
                ("area", area_name(*area).to_string()),
            ],
        ),
        ProblemKind::RevenueAssociationNotAlone => {
            word("problem.activity.revenue_association_not_alone", &[])
        }
        ProblemKind::ProductsRequired => word("problem.products.required", &[]),
        ProblemKind::ProductWrongArea {
            product,
            product_area,
            area,
        } => word(
            "problem.products.wrong_area",
            &[
                ("product", product.display_name().to_string()),
                ("product_area", area_name(*product_area).to_string()),
                ("area", area_name(*area).to_string()),
            ],
        ),
        ProblemKind::ProductDuplicate { product } => word(
            "problem.products.duplicate",
            &[("product", product.display_name().to_string())],
        ),
        ProblemKind::SubscriptionIdRequired { product } => word(
            "problem.subscription_id.required",
            &[("product", product.display_name().to_string())],
        ),
        ProblemKind::SubscriptionIdNotGuid { product, .. } => word(
            "problem.subscription_id.not_guid",
            &[("product", product.display_name().to_string())],
        ),
        ProblemKind::SubscriptionIdNil { product } => word(
            "problem.subscription_id.nil",
            &[("product", product.display_name().to_string())],
        ),
        ProblemKind::ContactNameRequired { contact } => word(
            "problem.contact.name_required",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::ContactNameTooLong {
            contact,
            length,
            max,
        } => word(
            "problem.contact.name_too_long",
            &[
                ("contact", contact_name(*contact)),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::ContactTitleRequired { contact } => word(
            "problem.contact.title_required",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::ContactTitleTooLong {
            contact,
            length,
            max,
        } => word(
            "problem.contact.title_too_long",
            &[
                ("contact", contact_name(*contact)),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::ContactEmailRequired { contact } => word(
            "problem.contact.email_required",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::EmailTooLong {
            contact,
            length,
            max,
        } => word(
            "problem.email.too_long",
            &[
                ("contact", contact_name(*contact)),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::EmailInvalidChar {
            contact,
            character: c,
        } => word(
            "problem.email.invalid_char",
            &[
                ("contact", contact_name(*contact)),
                ("character", character(*c)),
            ],
        ),
        ProblemKind::EmailMissingAt { contact } => word(
            "problem.email.missing_at",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::EmailSeveralAt { contact } => word(
            "problem.email.several_at",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::EmailLocalPartEmpty { contact } => word(
            "problem.email.local_part_empty",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::EmailDomainMissing { contact } => word(
            "problem.email.domain_missing",
            &[("contact", contact_name(*contact))],
        ),
        ProblemKind::EmailDomainInvalid {
            contact,
            domain,
            issue,
        } => word(
            "problem.email.domain_invalid",
            &[
                ("contact", contact_name(*contact)),
                ("domain", domain.clone()),
                ("issue", domain_issue(issue)),
            ],
        ),
        ProblemKind::TechnicalContactRequired { products: claimed } => word(
            "problem.technical_contact.required",
            &[("products", products(claimed))],
        ),
        ProblemKind::RevenueAssociationRequired { part } => word(
            "problem.revenue_association.required",
            &[("part", revenue_part_name(*part))],
        ),
        ProblemKind::RevenueAssociationTooLong { part, length, max } => word(
            "problem.revenue_association.too_long",
            &[
                ("part", revenue_part_name(*part)),
                ("length", length.to_string()),
                ("max", max.to_string()),
            ],
        ),
        ProblemKind::PoeRequired => word("problem.poe.required", &[]),
        ProblemKind::CommentRequired => word("problem.comment.required", &[]),
        ProblemKind::CommentTooLong { length, max } => {
            word("problem.comment.too_long", &length_max(*length, *max))
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
pub fn policy_problem(problem: &PolicyProblem) -> String {
    match &problem.kind {
        PolicyProblemKind::LengthOutOfRange { days, min, max } => word(
            "policy.length_out_of_range",
            &[
                ("days", days.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
        ),
        PolicyProblemKind::Calendar { error } => calendar_error(error),
    }
}

/// Why a calendar cannot be built.
pub fn calendar_error(error: &CalendarError) -> String {
    match error {
        CalendarError::InvalidWeekmask(weekmask) => word(
            "calendar.invalid_weekmask",
            &[("weekmask", weekmask.clone())],
        ),
        CalendarError::UnknownTimeZone(zone) => {
            word("calendar.unknown_time_zone", &[("time_zone", zone.clone())])
        }
        CalendarError::DateOutOfRange => word("calendar.date_out_of_range", &[]),
    }
}

// ---- readiness and competition ---------------------------------------------------

/// A readiness check's short name.
pub fn readiness_label(check: ReadinessCheck) -> &'static str {
    match check {
        ReadinessCheck::PoeAboutClaim => text("readiness.poe_about_claim.label"),
        ReadinessCheck::CustomerAcknowledgment => text("readiness.customer_acknowledgment.label"),
        ReadinessCheck::DatesRecent => text("readiness.dates_recent.label"),
        ReadinessCheck::SolutionDescribed => text("readiness.solution_described.label"),
        ReadinessCheck::ProductsNamed => text("readiness.products_named.label"),
    }
}

/// What to check for a readiness item, and what the reviewer would ask otherwise.
pub fn readiness_advice(item: &ReadinessItem) -> String {
    let what = match item.check {
        ReadinessCheck::PoeAboutClaim => text("readiness.poe_about_claim.what").to_string(),
        ReadinessCheck::CustomerAcknowledgment => {
            text("readiness.customer_acknowledgment.what").to_string()
        }
        ReadinessCheck::DatesRecent => text("readiness.dates_recent.what").to_string(),
        ReadinessCheck::SolutionDescribed => text("readiness.solution_described.what").to_string(),
        ReadinessCheck::ProductsNamed if item.products.is_empty() => {
            text("readiness.products_named.what").to_string()
        }
        ReadinessCheck::ProductsNamed => word(
            "readiness.products_named.what_with_products",
            &[("products", products(&item.products))],
        ),
    };
    let reason = information_reason_name(item.prevents).to_string();
    match item.advice {
        ReadinessAdvice::Checked => word("readiness.advice.checked", &[("what", what)]),
        ReadinessAdvice::AttachPoe => word("readiness.advice.attach_poe", &[("reason", reason)]),
        ReadinessAdvice::CheckOnceAttached => word(
            "readiness.advice.check_once_attached",
            &[("what", what), ("reason", reason)],
        ),
        ReadinessAdvice::NotChecked => word(
            "readiness.advice.not_checked",
            &[("what", what), ("reason", reason)],
        ),
    }
}

fn contested(item: &Contested) -> String {
    match item {
        Contested::Workload { product } => word(
            "contested.workload",
            &[("product", product.display_name().to_string())],
        ),
        Contested::Subscription {
            product,
            subscription_id: Some(id),
        } => word(
            "contested.subscription",
            &[
                ("product", product.display_name().to_string()),
                ("subscription_id", id.clone()),
            ],
        ),
        Contested::Subscription {
            product,
            subscription_id: None,
        } => word(
            "contested.subscription_unidentified",
            &[("product", product.display_name().to_string())],
        ),
    }
}

/// A competing-claims warning; `name_of` finds a claim's name by its ID.
pub fn competition(competition: &Competition, name_of: impl Fn(Uuid) -> Option<String>) -> String {
    let label = |id: Uuid| match name_of(id).filter(|name| !name.trim().is_empty()) {
        Some(name) => name.trim().to_string(),
        None => word("competition.unnamed_claim", &[("short_id", short_id(id))]),
    };
    let args = [
        ("claim_a", label(competition.claims[0])),
        ("claim_b", label(competition.claims[1])),
        (
            "contested",
            list(competition.contested.iter().map(contested).collect(), true),
        ),
        ("tenant_id", competition.tenant_id.clone()),
    ];
    match competition.kind {
        CompetitionKind::Workload => word("competition.workload", &args),
        CompetitionKind::Subscription => word("competition.subscription", &args),
        CompetitionKind::WorkloadAndSubscription => {
            word("competition.workload_and_subscription", &args)
        }
    }
}

fn short_id(id: Uuid) -> String {
    id.simple().to_string().chars().take(8).collect()
}

// ---- lifecycle -------------------------------------------------------------------

/// Why a claim was rejected (the reviewer's or partner's own words for "Other").
pub fn rejection_reason(reason: &RejectionReason) -> String {
    match reason {
        RejectionReason::Reviewer(reviewer) => {
            let named = match reviewer {
                ReviewerRejectionReason::Other(text) => text.trim().to_string(),
                ReviewerRejectionReason::InsufficientPoe
                | ReviewerRejectionReason::CustomerConsentMissingInPoe
                | ReviewerRejectionReason::MissingProducts
                | ReviewerRejectionReason::PoeNotAvailable => {
                    reviewer_reason_name(reviewer).to_string()
                }
            };
            word("rejection_reason.reviewer", &[("reason", named)])
        }
        RejectionReason::NoPartnerResponse => word("rejection_reason.no_partner_response", &[]),
        RejectionReason::CustomerDeclined => word("rejection_reason.customer_declined", &[]),
        RejectionReason::PartnerRequested(partner) => {
            let named = match partner {
                PartnerRejectionReason::Other(text) => text.trim().to_string(),
                PartnerRejectionReason::WrongMpn
                | PartnerRejectionReason::WrongActivity
                | PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                    partner_reason_name(partner).to_string()
                }
            };
            word("rejection_reason.partner_requested", &[("reason", named)])
        }
        RejectionReason::DisputeUpheld => word("rejection_reason.dispute_upheld", &[]),
    }
}

/// What a phase adds to its name: the dates and reasons that matter in it.
pub fn phase_detail(i18n: &I18n, phase: &Phase, zone: &str) -> Option<String> {
    let deadline = |at: Timestamp| deadline_instant_text(i18n, at, zone);
    match phase {
        Phase::ConsentPeriod { until } => Some(word(
            "phase_detail.consent_period",
            &[("until", deadline(*until))],
        )),
        Phase::Official { since: Some(since) } => Some(word(
            "phase_detail.official",
            &[("since", i18n.date_time(*since, zone))],
        )),
        Phase::Official { since: None } => Some(word("phase_detail.official_undated", &[])),
        Phase::PartnerActionRequired {
            respond_by: Some(until),
        } => Some(word(
            "phase_detail.partner_action_required",
            &[("until", deadline(*until))],
        )),
        Phase::Rejected {
            reason,
            disputable_until,
        } => {
            let reason = reason.as_ref().map_or_else(
                || status_name(Status::Rejected).to_string(),
                rejection_reason,
            );
            Some(match disputable_until {
                Some(until) => word(
                    "phase_detail.rejected_disputable",
                    &[("reason", reason), ("until", deadline(*until))],
                ),
                None => word("phase_detail.rejected_final", &[("reason", reason)]),
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
        ClockState::Running => word("clock_state.running", &[]),
        ClockState::Paused { since } => word("clock_state.paused", &[("since", at(*since))]),
        ClockState::Overdue { due } => word("clock_state.overdue", &[("due", at(*due))]),
        ClockState::Met { at: when } => word("clock_state.met", &[("at", at(*when))]),
        ClockState::Missed { at: when, .. } => word("clock_state.missed", &[("at", at(*when))]),
        ClockState::Closed { at: when } => word("clock_state.closed", &[("at", at(*when))]),
        ClockState::Stopped { at: when, by } => word(
            "clock_state.stopped",
            &[("at", at(*when)), ("by", action_name(*by).to_string())],
        ),
    }
}

fn hint(hint: RefusalHint) -> &'static str {
    match hint {
        RefusalHint::DeleteDraftInstead => text("refusal_hint.delete_draft_instead"),
        RefusalHint::RespondFirst => text("refusal_hint.respond_first"),
        RefusalHint::PoeStaysOnRecord => text("refusal_hint.poe_stays_on_record"),
        RefusalHint::DraftNotSent => text("refusal_hint.draft_not_sent"),
        RefusalHint::WaitForReview => text("refusal_hint.wait_for_review"),
        RefusalHint::ClaimDecided => text("refusal_hint.claim_decided"),
        RefusalHint::DisputeUnderReview => text("refusal_hint.dispute_under_review"),
        RefusalHint::RestartOnlyWhenFinal => text("refusal_hint.restart_only_when_final"),
        RefusalHint::StartNewClaim => text("refusal_hint.start_new_claim"),
        RefusalHint::AssociationOfficial => text("refusal_hint.association_official"),
        RefusalHint::RejectedForNoResponse => text("refusal_hint.rejected_for_no_response"),
        RefusalHint::RecordedAtDeadline => text("refusal_hint.recorded_at_deadline"),
    }
}

/// A refusal in words, followed by what to do instead where the rules know it.
pub fn refusal(i18n: &I18n, refusal: &Refusal, zone: &str) -> String {
    let words = refusal_words(i18n, refusal, zone);
    match refusal.hint() {
        Some(next) => format!("{words} {}", hint(next)),
        None => words,
    }
}

fn transition(i18n: &I18n, transition: ActionKind, at: Timestamp, zone: &str) -> String {
    let at = deadline_instant_text(i18n, at, zone);
    match transition {
        ActionKind::PartnerResponseExpired => {
            word("transition.partner_response_expired", &[("at", at)])
        }
        ActionKind::ConsentEnded => word("transition.consent_ended", &[("at", at)]),
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
        | ActionKind::StartedFrom => word(
            "transition.other",
            &[("action", action_name(transition).to_string()), ("at", at)],
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
        } => word(
            "refusal.wrong_status",
            &[
                ("action", action_name(*action).to_string()),
                ("status", status_name(*status).to_string()),
                (
                    "allowed_from",
                    list(
                        allowed_from
                            .iter()
                            .map(|status| status_name(*status).to_string())
                            .collect(),
                        false,
                    ),
                ),
            ],
        ),
        Refusal::WrongActor {
            action,
            actor,
            allowed,
        } => word(
            "refusal.wrong_actor",
            &[
                ("action", action_name(*action).to_string()),
                ("actor", actor_name(*actor).to_string()),
                (
                    "allowed",
                    list(
                        allowed
                            .iter()
                            .map(|actor| actor_name(*actor).to_string())
                            .collect(),
                        false,
                    ),
                ),
            ],
        ),
        Refusal::FieldLocked { field, status, why } => word(
            "refusal.field_locked",
            &[
                ("field", field_name(*field).to_string()),
                ("status", status_name(*status).to_string()),
                ("why", lock_text(*why).to_string()),
            ],
        ),
        Refusal::WindowClosed { clock, closed_at } => word(
            "refusal.window_closed",
            &[
                ("clock", clock_name(*clock).to_string()),
                ("closed_at", deadline(*closed_at)),
            ],
        ),
        Refusal::AlreadyDisputed => word("refusal.already_disputed", &[]),
        Refusal::DisputeFinal => word("refusal.dispute_final", &[]),
        Refusal::RejectedAtPartnerRequest => word("refusal.rejected_at_partner_request", &[]),
        Refusal::MissingJustification => word("refusal.missing_justification", &[]),
        Refusal::MissingReason { action } => word(
            "refusal.missing_reason",
            &[("action", action_name(*action).to_string())],
        ),
        Refusal::MissingComment { action } => word(
            "refusal.missing_comment",
            &[("action", action_name(*action).to_string())],
        ),
        Refusal::NothingChangedSinceRequest { requested_at } => word(
            "refusal.nothing_changed_since_request",
            &[("requested_at", at(*requested_at))],
        ),
        Refusal::SubmitProblems { problems } => word_count(
            "refusal.submit_problems_one",
            "refusal.submit_problems_other",
            problems.len() as i64,
            &[],
        ),
        Refusal::EffectiveTimeBeforePrevious {
            previous,
            previous_action,
        } => word(
            "refusal.effective_time_before_previous",
            &[
                ("previous", at(*previous)),
                ("previous_action", action_name(*previous_action).to_string()),
            ],
        ),
        Refusal::EffectiveTimeInFuture {
            effective_at,
            recorded_at,
        } => word(
            "refusal.effective_time_in_future",
            &[
                ("effective_at", at(*effective_at)),
                ("recorded_at", at(*recorded_at)),
            ],
        ),
        Refusal::CommentTooLong { length, max } => {
            word("refusal.comment_too_long", &length_max(*length, *max))
        }
        Refusal::NoChange { action } => word(
            "refusal.no_change",
            &[("action", action_name(*action).to_string())],
        ),
        Refusal::UnknownPoe { id } => word("refusal.unknown_poe", &[("id", id.to_string())]),
        Refusal::DuplicatePoe { id } => word("refusal.duplicate_poe", &[("id", id.to_string())]),
        Refusal::ProductNotClaimed { product } => word(
            "refusal.product_not_claimed",
            &[("product", product.display_name().to_string())],
        ),
        Refusal::AlreadyArchived => word("refusal.already_archived", &[]),
        Refusal::NotArchived => word("refusal.not_archived", &[]),
        Refusal::DisputeStillPossible { until } => word(
            "refusal.dispute_still_possible",
            &[("until", deadline(*until))],
        ),
        Refusal::NewIdSameAsOriginal => word("refusal.new_id_same_as_original", &[]),
        Refusal::OnlyDraftsCanBeDeleted { status } => word(
            "refusal.only_drafts_can_be_deleted",
            &[("status", status_name(*status).to_string())],
        ),
        Refusal::OvertakenBySystem {
            transition: system,
            at: when,
            cause,
        } => word(
            "refusal.overtaken_by_system",
            &[
                ("transition", transition(i18n, *system, *when, zone)),
                ("cause", refusal_words(i18n, cause, zone)),
            ],
        ),
    }
}

// ---- export and import -----------------------------------------------------------

/// An import problem in words (its JSON path is shown beside it).
pub fn import_problem(i18n: &I18n, problem: &ImportProblem, zone: &str) -> String {
    let at = |ts: Timestamp| i18n.date_time(ts, zone);
    match &problem.kind {
        ImportProblemKind::FileTooLarge { bytes, max_bytes } => word(
            "import_problem.file.too_large",
            &[
                (
                    "size_mb",
                    format!("{:.1}", *bytes as f64 / (1024.0 * 1024.0)),
                ),
                ("max_mb", (max_bytes / (1024 * 1024)).to_string()),
            ],
        ),
        ImportProblemKind::FileNotUtf8 { offset } => word(
            "import_problem.file.not_utf8",
            &[("offset", offset.to_string())],
        ),
        ImportProblemKind::JsonSyntax { line, column } => word(
            "import_problem.json.syntax",
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        ImportProblemKind::JsonEof { line, column } => word(
            "import_problem.json.eof",
            &[("line", line.to_string()), ("column", column.to_string())],
        ),
        ImportProblemKind::DocumentNotObject { found } => word(
            "import_problem.document.not_object",
            &[("found", json_kind_name(*found))],
        ),
        ImportProblemKind::FormatMissing => word("import_problem.format.missing", &[]),
        ImportProblemKind::FormatWrong { found } => {
            word("import_problem.format.wrong", &[("found", found.clone())])
        }
        ImportProblemKind::FormatNotString { found } => word(
            "import_problem.format.not_string",
            &[("found", json_kind_name(*found))],
        ),
        ImportProblemKind::VersionMissing { supported } => word(
            "import_problem.version.missing",
            &[("supported", supported.to_string())],
        ),
        ImportProblemKind::VersionInvalid { found, supported } => word(
            "import_problem.version.invalid",
            &[
                ("found", json_kind_name(*found)),
                ("supported", supported.to_string()),
            ],
        ),
        ImportProblemKind::VersionTooNew { version, supported } => word(
            "import_problem.version.too_new",
            &[
                ("version", version.to_string()),
                ("supported", supported.to_string()),
            ],
        ),
        ImportProblemKind::MigrationMissing { version } => word(
            "import_problem.migration.missing",
            &[("version", version.to_string())],
        ),
        ImportProblemKind::MigrationNotObject { version, found } => word(
            "import_problem.migration.not_object",
            &[
                ("version", version.to_string()),
                ("found", json_kind_name(*found)),
            ],
        ),
        ImportProblemKind::MemberMissing { name } => {
            word("import_problem.member.missing", &[("name", name.clone())])
        }
        ImportProblemKind::MemberInvalid { detail } => word(
            "import_problem.member.invalid",
            &[("detail", detail.clone())],
        ),
        ImportProblemKind::MemberNotList { found } => word(
            "import_problem.member.not_list",
            &[("found", json_kind_name(*found))],
        ),
        ImportProblemKind::ClaimNotObject { found } => word(
            "import_problem.claim.not_object",
            &[("found", json_kind_name(*found))],
        ),
        ImportProblemKind::UnknownTimeZone { time_zone } => word(
            "import_problem.calendar.unknown_time_zone",
            &[("time_zone", time_zone.clone())],
        ),
        ImportProblemKind::TooManyClaims { count, max } => word(
            "import_problem.claims.too_many",
            &[("count", count.to_string()), ("max", max.to_string())],
        ),
        ImportProblemKind::DuplicateClaimId { id, first_index } => word(
            "import_problem.claim.duplicate_id",
            &[
                ("id", id.to_string()),
                ("first_index", first_index.to_string()),
            ],
        ),
        ImportProblemKind::HistoryEmpty => word("import_problem.history.empty", &[]),
        ImportProblemKind::HistoryFirstNotCreate { action } => word(
            "import_problem.history.first_not_create",
            &[("action", action_name(*action).to_string())],
        ),
        ImportProblemKind::HistoryFirstHasFrom { from } => word(
            "import_problem.history.first_has_from",
            &[("from", status_name(*from).to_string())],
        ),
        ImportProblemKind::HistoryFromMismatch { from, previous_to } => word(
            "import_problem.history.from_mismatch",
            &[
                (
                    "from",
                    from.map_or(text("claim_label.no_status"), status_name)
                        .to_string(),
                ),
                ("previous_to", status_name(*previous_to).to_string()),
            ],
        ),
        ImportProblemKind::HistoryOutOfOrder {
            at: when,
            previous_at,
        } => word(
            "import_problem.history.out_of_order",
            &[("at", at(*when)), ("previous_at", at(*previous_at))],
        ),
        ImportProblemKind::StatusNotLastHistory { status, last_to } => word(
            "import_problem.status.not_last_history",
            &[
                ("status", status_name(*status).to_string()),
                ("last_to", status_name(*last_to).to_string()),
            ],
        ),
        ImportProblemKind::RevisionTooLow { revision, entries } => word(
            "import_problem.revision.too_low",
            &[
                ("revision", revision.to_string()),
                ("entries", entries.to_string()),
            ],
        ),
    }
}

/// The name an incoming claim kept as a copy gets ("Contoso (imported copy)"): the rules
/// store the name the app gives them.
pub fn copy_name(_i18n: &I18n, name: &str) -> String {
    word(
        "import_kind.copy_name",
        &[("name", name.trim().to_string())],
    )
}

/// How a claim is named inside a sentence: its name in quotes, or "Claim 1a2b3c4d".
pub fn claim_label(claim: &Claim) -> String {
    let name = claim.fields.name.trim();
    if name.is_empty() {
        word("claim_label.unnamed", &[("short_id", short_id(claim.id))])
    } else {
        word("claim_label.named", &[("name", name.to_string())])
    }
}

/// What an import will do with one incoming claim.
pub fn import_item(item: &ImportItem) -> String {
    let name = ("name", claim_label(&item.incoming));
    match item.kind {
        ImportKind::New => word("import_kind.new", &[name]),
        ImportKind::Updated => word(
            "import_kind.updated",
            &[
                name,
                ("incoming_entries", item.incoming.history.len().to_string()),
                (
                    "local_entries",
                    item.local_entries.unwrap_or_default().to_string(),
                ),
            ],
        ),
        ImportKind::Identical => word("import_kind.identical", &[name]),
        ImportKind::AlreadyNewer => word("import_kind.already_newer", &[name]),
        ImportKind::Conflicting => word(
            "import_kind.conflicting",
            &[
                name,
                (
                    "copy_name",
                    copy_name(
                        &I18n::new(crate::i18n::Locale::en),
                        &item.incoming.fields.name,
                    ),
                ),
            ],
        ),
        ImportKind::AlreadyCopied => word("import_kind.already_copied", &[name]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_from_the_catalogue() {
        assert_eq!(status_name(Status::UnderReview), "Under review");
        assert_eq!(
            problem(&Problem::new(
                "fields.tenant_id",
                ProblemKind::TenantIdNotGuid {
                    hint: Some(GuidHint::Braces)
                }
            )),
            "The tenant ID must be a GUID of 32 hexadecimal digits grouped 8-4-4-4-12, like \
             72f988bf-86f1-41af-91ab-2d7cd011db47. Leave out the braces { }."
        );
        assert_eq!(
            word_count(
                "refusal.submit_problems_one",
                "refusal.submit_problems_other",
                2,
                &[]
            ),
            "The claim can't be submitted yet; fix 2 problems first."
        );
        assert_eq!(
            copy_name(&I18n::new(crate::i18n::Locale::en), " Contoso "),
            "Contoso (imported copy)"
        );
    }
}

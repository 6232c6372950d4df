//! Every outcome of the rules in words: one exhaustive `match` per outcome type, each arm
//! naming its catalogue key and arguments. Enum parameters are themselves words of the
//! catalogue; instants are shown in the calendar's time zone.
//!
//! Some outcomes (refusals, import previews) are not printed by any subcommand yet; they
//! are worded here all the same, so the catalogue test covers every outcome and the
//! subcommands to come find their words ready.
#![cfg_attr(not(test), allow(dead_code))]

use claim_rules::calendar::CalendarError;
use claim_rules::catalog::Product;
use claim_rules::deadlines::{ClockKind, ClockState};
use claim_rules::export::{ImportProblemKind, JsonKind};
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use claim_rules::import::{ImportItem, ImportKind};
use claim_rules::lifecycle::{
    BeforeHistory, EditableField, LockReason, PatchField, Phase, Refusal, RefusalHint,
};
use claim_rules::model::{Activity, Actor, Claim, ContactRole, SolutionArea, Status};
use claim_rules::policy::PolicyProblemKind;
use claim_rules::validation::{
    BadChar, Competition, Contested, DomainIssue, ProblemKind, ReadinessAdvice, ReadinessCheck,
    ReadinessItem, RevenueAssociationPart,
};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use uuid::Uuid;

use crate::catalogue::{Catalogue, Message};

/// A catalogue and the time zone instants are shown in.
#[derive(Debug, Clone)]
pub struct Words {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// The calendar's zone (UTC when the file's zone is unknown).
    pub zone: TimeZone,
}

impl Words {
    /// English, showing instants in `zone`.
    pub fn english(zone: TimeZone) -> Words {
        Words {
            catalogue: Catalogue::english(),
            zone,
        }
    }

    /// A message in words.
    pub fn word(&self, message: &Message) -> String {
        self.catalogue.word(message)
    }

    /// The text of a key without arguments.
    pub fn key(&self, key: &str) -> String {
        self.catalogue.text(key, &[])
    }

    /// A key with arguments.
    pub fn text(&self, key: &str, args: &[(&'static str, String)]) -> String {
        self.catalogue.text(key, args)
    }

    /// An instant in the calendar's zone, "2026-11-30 17:00 PST"; "never" for a deadline
    /// beyond the calendar's range.
    pub fn instant(&self, at: Timestamp) -> String {
        if at == Timestamp::MAX {
            return self.key("cli.never");
        }
        at.to_zoned(self.zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string()
    }

    /// A list joined with "and".
    pub fn and_list(&self, items: Vec<String>) -> String {
        self.catalogue.list(&items, "and")
    }

    /// A list joined with "or".
    pub fn or_list(&self, items: Vec<String>) -> String {
        self.catalogue.list(&items, "or")
    }

    pub fn status(&self, status: Status) -> String {
        self.key(&format!("status.{}", status.code()))
    }

    pub fn actor(&self, actor: Actor) -> String {
        self.key(&format!("actor.{}", actor.code()))
    }

    pub fn action(&self, action: ActionKind) -> String {
        self.key(&format!("action.{}", action.code()))
    }

    pub fn clock(&self, clock: ClockKind) -> String {
        self.key(&format!("clock.{}", clock.code()))
    }

    pub fn phase(&self, phase: &Phase) -> String {
        self.key(&format!("phase.{}", phase.code()))
    }

    pub fn activity(&self, activity: Activity) -> String {
        self.key(&format!("activity.{}", activity.code()))
    }

    pub fn area(&self, area: SolutionArea) -> String {
        self.key(&format!("area.{}", area.code()))
    }

    pub fn information_reason(&self, reason: InformationReason) -> String {
        self.key(&format!("information_reason.{}", reason.code()))
    }

    pub fn field(&self, field: EditableField) -> String {
        self.key(&format!("field.{}", field.code()))
    }

    pub fn patch_field(&self, field: PatchField) -> String {
        self.key(&format!("patch_field.{}", field.code()))
    }

    pub fn lock(&self, why: LockReason) -> String {
        self.key(&format!("lock.{}", why.code()))
    }

    fn contact(&self, contact: ContactRole) -> String {
        self.key(&format!("contact.{}", contact.code()))
    }

    fn json_kind(&self, kind: JsonKind) -> String {
        self.key(&format!("json_kind.{}", kind.code()))
    }

    fn revenue_part(&self, part: RevenueAssociationPart) -> String {
        self.key(&format!("revenue_part.{}", part.code()))
    }

    fn products(&self, products: &[Product]) -> String {
        self.and_list(
            products
                .iter()
                .map(|product| product.display_name().to_string())
                .collect(),
        )
    }

    /// A character named in a message.
    pub fn character(&self, character: BadChar) -> String {
        let key = format!("character.{}", character.code());
        match character {
            BadChar::Space | BadChar::Tab | BadChar::Blank => self.key(&key),
            BadChar::Control(code_point) => {
                self.text(&key, &[("code_point", format!("{code_point:04X}"))])
            }
            BadChar::Visible(c) => self.text(&key, &[("character", c.to_string())]),
        }
    }

    /// Why a domain is not valid, as a clause inside an e-mail problem.
    pub fn domain_issue_message(&self, issue: &DomainIssue) -> Message {
        let message = Message::new(format!("domain_issue.{}", issue.code()));
        match issue {
            DomainIssue::Url
            | DomainIssue::EmailAddress
            | DomainIssue::TrailingDot
            | DomainIssue::EmptyLabel
            | DomainIssue::TooFewLabels => message,
            DomainIssue::LabelInvalidChar { label, character } => message
                .arg("label", label)
                .arg("character", self.character(*character)),
            DomainIssue::LabelHyphenEdge { label } => message.arg("label", label),
            DomainIssue::LabelTooLong { label, length, max } => message
                .arg("label", label)
                .arg("length", length)
                .arg("max", max),
            DomainIssue::TooLong { length, max } => message.arg("length", length).arg("max", max),
        }
    }

    /// A validation problem's message (without the GUID hint; see [`Words::problem`]).
    pub fn problem_message(&self, kind: &ProblemKind) -> Message {
        let message = Message::new(format!("problem.{}", kind.code()));
        match kind {
            ProblemKind::NameRequired
            | ProblemKind::PartnerIdRequired
            | ProblemKind::DomainRequired
            | ProblemKind::DomainUrl
            | ProblemKind::DomainEmailAddress
            | ProblemKind::DomainTrailingDot
            | ProblemKind::DomainEmptyLabel
            | ProblemKind::DomainTooFewLabels
            | ProblemKind::TenantIdRequired
            | ProblemKind::TenantIdNotGuid { .. }
            | ProblemKind::TenantIdNil
            | ProblemKind::SolutionAreaRequired
            | ProblemKind::RevenueAssociationNotAlone
            | ProblemKind::ProductsRequired
            | ProblemKind::PoeRequired
            | ProblemKind::CommentRequired => message,
            ProblemKind::NameTooLong { length, max }
            | ProblemKind::DomainTooLong { length, max }
            | ProblemKind::CommentTooLong { length, max } => {
                message.arg("length", length).arg("max", max)
            }
            ProblemKind::PartnerIdNotDigits { character } => {
                message.arg("character", self.character(*character))
            }
            ProblemKind::PartnerIdLength { length, min, max } => message
                .arg("length", length)
                .arg("min", min)
                .arg("max", max),
            ProblemKind::DomainLabelInvalidChar { label, character } => message
                .arg("label", label)
                .arg("character", self.character(*character)),
            ProblemKind::DomainLabelHyphenEdge { label } => message.arg("label", label),
            ProblemKind::DomainLabelTooLong { label, length, max } => message
                .arg("label", label)
                .arg("length", length)
                .arg("max", max),
            ProblemKind::ActivityRequired { area } => {
                let choices = match area {
                    Some(area) => format!("activity_choices.{}", area.code()),
                    None => "activity_choices.any".to_string(),
                };
                message.arg("choices", self.key(&choices))
            }
            ProblemKind::ActivityNotAllowedForArea { activity, area } => message
                .arg("activity", self.activity(*activity))
                .arg("area", self.area(*area)),
            ProblemKind::ProductWrongArea {
                product,
                product_area,
                area,
            } => message
                .arg("product", product.display_name())
                .arg("product_area", self.area(*product_area))
                .arg("area", self.area(*area)),
            ProblemKind::ProductDuplicate { product }
            | ProblemKind::SubscriptionIdRequired { product }
            | ProblemKind::SubscriptionIdNotGuid { product, .. }
            | ProblemKind::SubscriptionIdNil { product } => {
                message.arg("product", product.display_name())
            }
            ProblemKind::ContactNameRequired { contact }
            | ProblemKind::ContactTitleRequired { contact }
            | ProblemKind::ContactEmailRequired { contact }
            | ProblemKind::EmailMissingAt { contact }
            | ProblemKind::EmailSeveralAt { contact }
            | ProblemKind::EmailLocalPartEmpty { contact }
            | ProblemKind::EmailDomainMissing { contact } => {
                message.arg("contact", self.contact(*contact))
            }
            ProblemKind::ContactNameTooLong {
                contact,
                length,
                max,
            }
            | ProblemKind::ContactTitleTooLong {
                contact,
                length,
                max,
            }
            | ProblemKind::EmailTooLong {
                contact,
                length,
                max,
            } => message
                .arg("contact", self.contact(*contact))
                .arg("length", length)
                .arg("max", max),
            ProblemKind::EmailInvalidChar { contact, character } => message
                .arg("contact", self.contact(*contact))
                .arg("character", self.character(*character)),
            ProblemKind::EmailDomainInvalid {
                contact,
                domain,
                issue,
            } => message
                .arg("contact", self.contact(*contact))
                .arg("domain", domain)
                .arg("issue", self.word(&self.domain_issue_message(issue))),
            ProblemKind::TechnicalContactRequired { products } => {
                message.arg("products", self.products(products))
            }
            ProblemKind::RevenueAssociationRequired { part } => {
                message.arg("part", self.revenue_part(*part))
            }
            ProblemKind::RevenueAssociationTooLong { part, length, max } => message
                .arg("part", self.revenue_part(*part))
                .arg("length", length)
                .arg("max", max),
        }
    }

    /// A validation problem in words, with the GUID hint as a second sentence.
    pub fn problem(&self, kind: &ProblemKind) -> String {
        let text = self.word(&self.problem_message(kind));
        match kind.guid_hint() {
            Some(hint) => format!("{text} {}", self.key(&format!("guid_hint.{}", hint.code()))),
            None => text,
        }
    }

    /// A refusal's own message (see [`Words::refusal`] for the hint).
    pub fn refusal_message(&self, refusal: &Refusal) -> Message {
        let message = Message::new(format!("refusal.{}", refusal.code()));
        match refusal {
            Refusal::WrongStatus {
                action,
                status,
                allowed_from,
            } => {
                let allowed = if allowed_from.is_empty() {
                    self.key("claim_label.no_status")
                } else {
                    self.or_list(allowed_from.iter().map(|s| self.status(*s)).collect())
                };
                message
                    .arg("action", self.action(*action))
                    .arg("status", self.status(*status))
                    .arg("allowed_from", allowed)
            }
            Refusal::WrongActor {
                action,
                actor,
                allowed,
            } => message
                .arg("action", self.action(*action))
                .arg("actor", self.actor(*actor))
                .arg(
                    "allowed",
                    self.or_list(allowed.iter().map(|a| self.actor(*a)).collect()),
                ),
            Refusal::FieldLocked { field, status, why } => message
                .arg("field", self.field(*field))
                .arg("status", self.status(*status))
                .arg("why", self.lock(*why)),
            Refusal::WindowClosed { clock, closed_at } => message
                .arg("clock", self.clock(*clock))
                .arg("closed_at", self.instant(*closed_at)),
            Refusal::AlreadyDisputed
            | Refusal::DisputeFinal
            | Refusal::RejectedAtPartnerRequest
            | Refusal::MissingJustification
            | Refusal::AlreadyArchived
            | Refusal::NotArchived
            | Refusal::NewIdSameAsOriginal => message,
            Refusal::MissingReason { action }
            | Refusal::MissingComment { action }
            | Refusal::NoChange { action } => message.arg("action", self.action(*action)),
            Refusal::NothingChangedSinceRequest { requested_at } => {
                message.arg("requested_at", self.instant(*requested_at))
            }
            Refusal::SubmitProblems { problems } | Refusal::EditProblems { problems } => {
                message.count(problems.len() as i64)
            }
            Refusal::EffectiveTimeBeforePrevious {
                previous,
                previous_action,
            } => message
                .arg("previous", self.instant(*previous))
                .arg("previous_action", self.action(*previous_action)),
            Refusal::EffectiveTimeInFuture {
                effective_at,
                recorded_at,
            } => message
                .arg("effective_at", self.instant(*effective_at))
                .arg("recorded_at", self.instant(*recorded_at)),
            Refusal::CommentTooLong { length, max } => {
                message.arg("length", length).arg("max", max)
            }
            Refusal::UnknownPoe { id } | Refusal::DuplicatePoe { id } => message.arg("id", id),
            Refusal::ProductNotClaimed { product } => {
                message.arg("product", product.display_name())
            }
            Refusal::DisputeStillPossible { until } => message.arg("until", self.instant(*until)),
            Refusal::OnlyDraftsCanBeDeleted { status } => {
                message.arg("status", self.status(*status))
            }
            Refusal::PatchConflict { conflicts } => message.count(conflicts.len() as i64).arg(
                "fields",
                self.and_list(
                    conflicts
                        .iter()
                        .map(|conflict| self.patch_field(conflict.field))
                        .collect(),
                ),
            ),
            Refusal::OvertakenBySystem {
                transition,
                at,
                cause,
            } => message
                .arg(
                    "transition",
                    self.word(&self.transition_message(*transition, *at)),
                )
                .arg("cause", self.word(&self.refusal_message(cause))),
        }
    }

    /// What a system transition did, as the first sentence of an overtaken action.
    pub fn transition_message(&self, transition: ActionKind, at: Timestamp) -> Message {
        let at = self.instant(at);
        match transition {
            ActionKind::PartnerResponseExpired | ActionKind::ConsentEnded => {
                Message::new(format!("transition.{}", transition.code())).arg("at", at)
            }
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
            | ActionKind::StartedFrom => Message::new("transition.other")
                .arg("action", self.action(transition))
                .arg("at", at),
        }
    }

    /// A refusal in words, with what to do instead where the rules know it.
    pub fn refusal(&self, refusal: &Refusal) -> String {
        let text = self.word(&self.refusal_message(refusal));
        match refusal.hint() {
            Some(hint) => format!("{text} {}", self.hint(hint)),
            None => text,
        }
    }

    pub fn hint(&self, hint: RefusalHint) -> String {
        self.key(&format!("refusal_hint.{}", hint.code()))
    }

    /// An import problem's message.
    pub fn import_problem_message(&self, kind: &ImportProblemKind) -> Message {
        let message = Message::new(format!("import_problem.{}", kind.code()));
        match kind {
            ImportProblemKind::FileTooLarge { bytes, max_bytes } => message
                .arg(
                    "size_mb",
                    format!("{:.1}", *bytes as f64 / (1024.0 * 1024.0)),
                )
                .arg("max_mb", max_bytes / (1024 * 1024)),
            ImportProblemKind::FileNotUtf8 { offset } => message.arg("offset", offset),
            ImportProblemKind::JsonSyntax { line, column }
            | ImportProblemKind::JsonEof { line, column } => {
                message.arg("line", line).arg("column", column)
            }
            ImportProblemKind::DocumentNotObject { found }
            | ImportProblemKind::FormatNotString { found }
            | ImportProblemKind::MemberNotList { found }
            | ImportProblemKind::ClaimNotObject { found } => {
                message.arg("found", self.json_kind(*found))
            }
            ImportProblemKind::FormatMissing | ImportProblemKind::HistoryEmpty => message,
            ImportProblemKind::FormatWrong { found } => message.arg("found", found),
            ImportProblemKind::VersionMissing { supported } => message.arg("supported", supported),
            ImportProblemKind::VersionInvalid { found, supported } => message
                .arg("found", self.json_kind(*found))
                .arg("supported", supported),
            ImportProblemKind::VersionTooNewLarge { version, supported } => {
                message.arg("version", version).arg("supported", supported)
            }
            ImportProblemKind::VersionTooNew { version, supported } => {
                message.arg("version", version).arg("supported", supported)
            }
            ImportProblemKind::MigrationMissing { version } => message.arg("version", version),
            ImportProblemKind::MigrationNotObject { version, found } => message
                .arg("version", version)
                .arg("found", self.json_kind(*found)),
            ImportProblemKind::MemberMissing { name } => message.arg("name", name),
            ImportProblemKind::MemberInvalid { detail } => message.arg("detail", detail),
            ImportProblemKind::MemberWrongKind { found, expected } => message
                .arg("found", self.json_kind(*found))
                .arg("expected", self.json_kind(*expected)),
            ImportProblemKind::MemberUnknownValue { found, allowed } => message
                .arg("found", found)
                .arg("allowed", self.or_list(allowed.clone())),
            ImportProblemKind::UnknownTimeZone { time_zone } => message.arg("time_zone", time_zone),
            ImportProblemKind::TooManyClaims { count, max } => {
                message.arg("count", count).arg("max", max)
            }
            ImportProblemKind::DuplicateClaimId { id, first_index } => {
                message.arg("id", id).arg("first_index", first_index)
            }
            ImportProblemKind::HistoryFirstNotCreate { action } => {
                message.arg("action", self.action(*action))
            }
            ImportProblemKind::HistoryFirstHasFrom { from } => {
                message.arg("from", self.status(*from))
            }
            ImportProblemKind::HistoryFromMismatch { from, previous_to } => message
                .arg(
                    "from",
                    from.map_or_else(|| self.key("claim_label.no_status"), |s| self.status(s)),
                )
                .arg("previous_to", self.status(*previous_to)),
            ImportProblemKind::HistoryOutOfOrder { at, previous_at } => message
                .arg("at", self.instant(*at))
                .arg("previous_at", self.instant(*previous_at)),
            ImportProblemKind::StatusNotLastHistory { status, last_to } => message
                .arg("status", self.status(*status))
                .arg("last_to", self.status(*last_to)),
            ImportProblemKind::RevisionTooLow { revision, entries } => {
                message.arg("revision", revision).arg("entries", entries)
            }
            ImportProblemKind::PolicyInvalid { problem } => {
                message.arg("problem", self.word(&self.policy_problem_message(problem)))
            }
            ImportProblemKind::HistoryRefused { action, refusal } => message
                .arg("action", self.action(*action))
                .arg("refusal", self.refusal(refusal)),
            ImportProblemKind::HistorySystemNotDue { action, due } => message
                .arg("action", self.action(*action))
                .arg("due", self.instant(*due)),
            ImportProblemKind::HistorySystemWithoutDeadline { action } => {
                message.arg("action", self.action(*action))
            }
            ImportProblemKind::HistorySystemMissing { transition, due } => message
                .arg("transition", self.action(*transition))
                .arg("due", self.instant(*due)),
            ImportProblemKind::HistoryEntryDiffers { action, member } => message
                .arg("action", self.action(*action))
                .arg("member", member),
            ImportProblemKind::HistoryPatchMismatch { field } => message.arg("field", field),
            ImportProblemKind::ClaimDiffersFromHistory { member } => message.arg("member", member),
            ImportProblemKind::PoeSha256Invalid { length } => message.arg("length", length),
            ImportProblemKind::CommentTooLong { length, max } => {
                message.arg("length", length).arg("max", max)
            }
        }
    }

    /// Why a claim cannot be shown at a time before its history ends.
    pub fn before_history_message(&self, before: &BeforeHistory) -> Message {
        Message::new(format!("evaluation.{}", before.code()))
            .arg("now", self.instant(before.now))
            .arg("last_at", self.instant(before.last_at))
            .arg("last_action", self.action(before.last_action))
    }

    /// A policy problem's message.
    pub fn policy_problem_message(&self, kind: &PolicyProblemKind) -> Message {
        match kind {
            PolicyProblemKind::LengthOutOfRange { days, min, max } => {
                Message::new("policy.length_out_of_range")
                    .arg("days", days)
                    .arg("min", min)
                    .arg("max", max)
            }
            PolicyProblemKind::Calendar { error } => self.calendar_error_message(error),
        }
    }

    /// A calendar error's message.
    pub fn calendar_error_message(&self, error: &CalendarError) -> Message {
        let message = Message::new(format!("calendar.{}", error.code()));
        match error {
            CalendarError::InvalidWeekmask(weekmask) => message.arg("weekmask", weekmask),
            CalendarError::UnknownTimeZone(zone) => message.arg("time_zone", zone),
            CalendarError::DateOutOfRange => message,
            CalendarError::YearNotPublished {
                set,
                year,
                first,
                last,
            } => message
                .arg(
                    "set",
                    self.text(&format!("holiday_set.{}", set.code()), &[]),
                )
                .arg("year", year)
                .arg("first", first)
                .arg("last", last),
        }
    }

    /// A readiness item's advice.
    pub fn readiness_message(&self, item: &ReadinessItem) -> Message {
        let check = item.check.code();
        let what = match item.check {
            ReadinessCheck::ProductsNamed if !item.products.is_empty() => self.text(
                &format!("readiness.{check}.what_with_products"),
                &[("products", self.products(&item.products))],
            ),
            ReadinessCheck::PoeAboutClaim
            | ReadinessCheck::CustomerAcknowledgment
            | ReadinessCheck::DatesRecent
            | ReadinessCheck::SolutionDescribed
            | ReadinessCheck::ProductsNamed => self.key(&format!("readiness.{check}.what")),
        };
        let message = Message::new(format!("readiness.advice.{}", item.advice.code()));
        match item.advice {
            ReadinessAdvice::Checked => message.arg("what", what),
            ReadinessAdvice::AttachPoe => {
                message.arg("reason", self.information_reason(item.prevents))
            }
            ReadinessAdvice::CheckOnceAttached | ReadinessAdvice::NotChecked => message
                .arg("what", what)
                .arg("reason", self.information_reason(item.prevents)),
        }
    }

    /// A readiness check's short name.
    pub fn readiness_label(&self, check: ReadinessCheck) -> String {
        self.key(&format!("readiness.{}.label", check.code()))
    }

    /// A competing-claims warning; `name_of` finds a claim's name by ID.
    pub fn competition_message(
        &self,
        competition: &Competition,
        name_of: impl Fn(Uuid) -> Option<String>,
    ) -> Message {
        let label = |id: Uuid| match name_of(id).filter(|name| !name.trim().is_empty()) {
            Some(name) => name.trim().to_string(),
            None => self.text("competition.unnamed_claim", &[("short_id", short_id(id))]),
        };
        let contested = competition
            .contested
            .iter()
            .map(|item| self.word(&self.contested_message(item)))
            .collect();
        Message::new(format!("competition.{}", competition.kind.code()))
            .arg("claim_a", label(competition.claims[0]))
            .arg("claim_b", label(competition.claims[1]))
            .arg("contested", self.and_list(contested))
            .arg("tenant_id", &competition.tenant_id)
    }

    pub fn contested_message(&self, contested: &Contested) -> Message {
        let message = Message::new(format!("contested.{}", contested.code()))
            .arg("product", contested.product().display_name());
        match contested {
            Contested::Workload { .. }
            | Contested::Subscription {
                subscription_id: None,
                ..
            } => message,
            Contested::Subscription {
                subscription_id: Some(id),
                ..
            } => message.arg("subscription_id", id),
        }
    }

    /// What an import will do with one incoming claim.
    pub fn import_item_message(&self, item: &ImportItem, copy_name: &str) -> Message {
        let message = Message::new(format!("import_kind.{}", item.kind.code()))
            .arg("name", self.claim_label(&item.incoming));
        match item.kind {
            ImportKind::New
            | ImportKind::Identical
            | ImportKind::AlreadyNewer
            | ImportKind::AlreadyCopied => message,
            ImportKind::Updated => message
                .arg("incoming_entries", item.incoming.history.len())
                .arg("local_entries", item.local_entries.unwrap_or(0)),
            ImportKind::Conflicting => message.arg("copy_name", copy_name),
        }
    }

    /// How a claim is named in a sentence: its name in quotes, or "Claim 1a2b3c4d".
    pub fn claim_label(&self, claim: &Claim) -> String {
        let name = claim.fields.name.trim();
        if name.is_empty() {
            self.text("claim_label.unnamed", &[("short_id", short_id(claim.id))])
        } else {
            self.text("claim_label.named", &[("name", name.to_string())])
        }
    }

    /// Why a claim was rejected.
    pub fn rejection_reason(&self, reason: &RejectionReason) -> String {
        self.word(&self.rejection_reason_message(reason))
    }

    /// Why a claim was rejected, as a message: the reviewer's or partner's choice named
    /// from the catalogue, or their own words for "Other".
    pub fn rejection_reason_message(&self, reason: &RejectionReason) -> Message {
        let message = Message::new(format!("rejection_reason.{}", reason.code()));
        match reason {
            RejectionReason::Reviewer(reviewer) => {
                let named = match reviewer {
                    ReviewerRejectionReason::Other(text) => text.trim().to_string(),
                    ReviewerRejectionReason::InsufficientPoe
                    | ReviewerRejectionReason::CustomerConsentMissingInPoe
                    | ReviewerRejectionReason::MissingProducts
                    | ReviewerRejectionReason::PoeNotAvailable => {
                        self.key(&format!("reviewer_reason.{}", reviewer.code()))
                    }
                };
                message.arg("reason", named)
            }
            RejectionReason::PartnerRequested(partner) => {
                let named = match partner {
                    PartnerRejectionReason::Other(text) => text.trim().to_string(),
                    PartnerRejectionReason::WrongMpn
                    | PartnerRejectionReason::WrongActivity
                    | PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                        self.key(&format!("partner_reason.{}", partner.code()))
                    }
                };
                message.arg("reason", named)
            }
            RejectionReason::NoPartnerResponse
            | RejectionReason::CustomerDeclined
            | RejectionReason::DisputeUpheld => message,
        }
    }

    /// A clock's state (for clocks that ended or do not count down).
    pub fn clock_state_message(&self, state: &ClockState) -> Message {
        let message = Message::new(format!("clock_state.{}", state.code()));
        match state {
            ClockState::Running => message,
            ClockState::Paused { since } => message.arg("since", self.instant(*since)),
            ClockState::Overdue { due } => message.arg("due", self.instant(*due)),
            ClockState::Met { at } | ClockState::Missed { at, .. } | ClockState::Closed { at } => {
                message.arg("at", self.instant(*at))
            }
            ClockState::Stopped { at, by } => message
                .arg("at", self.instant(*at))
                .arg("by", self.action(*by)),
        }
    }

    /// What a phase adds to its name (dates, reason), if anything.
    pub fn phase_detail_message(&self, phase: &Phase) -> Option<Message> {
        match phase {
            Phase::ConsentPeriod { until } => {
                Some(Message::new("phase_detail.consent_period").arg("until", self.instant(*until)))
            }
            Phase::Official { since: Some(since) } => {
                Some(Message::new("phase_detail.official").arg("since", self.instant(*since)))
            }
            Phase::Official { since: None } => Some(Message::new("phase_detail.official_undated")),
            Phase::PartnerActionRequired {
                respond_by: Some(until),
            } => Some(
                Message::new("phase_detail.partner_action_required")
                    .arg("until", self.instant(*until)),
            ),
            Phase::Rejected {
                reason,
                disputable_until,
            } => {
                let reason = reason
                    .as_ref()
                    .map(|reason| self.rejection_reason(reason))
                    .unwrap_or_else(|| self.status(Status::Rejected));
                Some(match disputable_until {
                    Some(until) => Message::new("phase_detail.rejected_disputable")
                        .arg("reason", reason)
                        .arg("until", self.instant(*until)),
                    None => Message::new("phase_detail.rejected_final").arg("reason", reason),
                })
            }
            Phase::Draft
            | Phase::AwaitingReview
            | Phase::UnderReview
            | Phase::PartnerActionRequired { respond_by: None }
            | Phase::Disputed => None,
        }
    }
}

/// The first eight hex digits of an ID.
pub fn short_id(id: Uuid) -> String {
    id.simple().to_string().chars().take(8).collect()
}

#[cfg(test)]
mod tests {
    //! The catalogue and the outcomes agree: every code of every outcome has its words in
    //! `locales/en.json`, every `{{ placeholder }}` of those words is an argument the
    //! outcome supplies, and every key of the rules' sections is used by some outcome.

    use std::collections::BTreeSet;

    use claim_rules::lifecycle::{PhaseKind, RefusalHint};
    use claim_rules::model::Program;
    use claim_rules::validation::{CompetitionKind, Contested, GuidHint, ReadinessState};
    use strum::IntoEnumIterator;

    use super::*;
    use crate::catalogue::placeholders;

    /// Every message the outcomes produce, from one sample of each kind.
    fn all_messages(words: &Words) -> Vec<Message> {
        let at: Timestamp = "2026-11-20T15:00:00Z".parse().unwrap();
        let mut messages = Vec::new();
        for kind in ProblemKind::samples() {
            messages.push(words.problem_message(&kind));
            if let ProblemKind::EmailDomainInvalid { issue, .. } = &kind {
                messages.push(words.domain_issue_message(issue));
            }
        }
        for refusal in Refusal::samples() {
            messages.push(words.refusal_message(&refusal));
            if let Refusal::OvertakenBySystem { transition, at, .. } = &refusal {
                messages.push(words.transition_message(*transition, *at));
            }
        }
        messages.push(words.transition_message(ActionKind::Submit, at));
        for kind in ImportProblemKind::samples() {
            messages.push(words.import_problem_message(&kind));
        }
        for kind in PolicyProblemKind::samples() {
            messages.push(words.policy_problem_message(&kind));
        }
        for state in [
            ClockState::Running,
            ClockState::Paused { since: at },
            ClockState::Overdue { due: at },
            ClockState::Met { at },
            ClockState::Missed { at, due: at },
            ClockState::Closed { at },
            ClockState::Stopped {
                at,
                by: ActionKind::RequestRejection,
            },
        ] {
            messages.push(words.clock_state_message(&state));
        }
        for phase in [
            Phase::ConsentPeriod { until: at },
            Phase::Official { since: Some(at) },
            Phase::Official { since: None },
            Phase::PartnerActionRequired {
                respond_by: Some(at),
            },
            Phase::Rejected {
                reason: Some(RejectionReason::DisputeUpheld),
                disputable_until: None,
            },
            Phase::Rejected {
                reason: None,
                disputable_until: Some(at),
            },
        ] {
            messages.extend(words.phase_detail_message(&phase));
        }
        for reason in [
            RejectionReason::NoPartnerResponse,
            RejectionReason::CustomerDeclined,
            RejectionReason::DisputeUpheld,
            RejectionReason::Reviewer(ReviewerRejectionReason::MissingProducts),
            RejectionReason::Reviewer(ReviewerRejectionReason::Other("late".to_string())),
            RejectionReason::PartnerRequested(PartnerRejectionReason::WrongMpn),
        ] {
            messages.push(words.rejection_reason_message(&reason));
        }
        let claim = claim_rules::lifecycle::new_claim(Uuid::nil(), at, Default::default());
        for check in ReadinessCheck::ALL {
            for advice in ReadinessAdvice::iter() {
                for products in [Vec::new(), vec![Product::PowerApps]] {
                    let item = ReadinessItem {
                        check,
                        state: ReadinessState::Warning,
                        advice,
                        prevents: check.prevents(),
                        products,
                    };
                    messages.push(words.readiness_message(&item));
                }
            }
        }
        for kind in CompetitionKind::iter() {
            let competition = Competition {
                claims: [Uuid::nil(), Uuid::max()],
                tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47".to_string(),
                contested: vec![
                    Contested::Workload {
                        product: Product::MicrosoftTeams,
                    },
                    Contested::Subscription {
                        product: Product::PowerApps,
                        subscription_id: Some("x".to_string()),
                    },
                    Contested::Subscription {
                        product: Product::PowerApps,
                        subscription_id: None,
                    },
                ],
                kind,
            };
            messages.push(words.competition_message(&competition, |_| None));
            for contested in &competition.contested {
                messages.push(words.contested_message(contested));
            }
        }
        for kind in ImportKind::ALL {
            let item = ImportItem {
                kind,
                incoming: claim.clone(),
                local: None,
                local_entries: Some(1),
            };
            messages.push(words.import_item_message(&item, "copy"));
        }
        messages
    }

    /// Keys of the enum names and other texts worded directly, without arguments.
    fn name_keys() -> Vec<String> {
        let mut keys = Vec::new();
        let mut add = |section: &str, code: &str| keys.push(format!("{section}.{code}"));
        Status::ALL.iter().for_each(|s| add("status", s.code()));
        Actor::ALL.iter().for_each(|a| add("actor", a.code()));
        ActionKind::ALL.iter().for_each(|a| add("action", a.code()));
        ClockKind::ALL.iter().for_each(|c| add("clock", c.code()));
        PhaseKind::all().for_each(|p| add("phase", p.code()));
        Activity::ALL.iter().for_each(|a| add("activity", a.code()));
        SolutionArea::ALL.iter().for_each(|a| {
            add("area", a.code());
            add("activity_choices", a.code());
        });
        add("activity_choices", "any");
        Program::ALL.iter().for_each(|p| add("program", p.code()));
        InformationReason::ALL
            .iter()
            .for_each(|r| add("information_reason", r.code()));
        for reason in [
            ReviewerRejectionReason::InsufficientPoe,
            ReviewerRejectionReason::CustomerConsentMissingInPoe,
            ReviewerRejectionReason::MissingProducts,
            ReviewerRejectionReason::PoeNotAvailable,
            ReviewerRejectionReason::Other(String::new()),
        ] {
            add("reviewer_reason", reason.code());
        }
        for reason in [
            PartnerRejectionReason::WrongMpn,
            PartnerRejectionReason::WrongActivity,
            PartnerRejectionReason::NoLongerWorkingWithCustomer,
            PartnerRejectionReason::Other(String::new()),
        ] {
            add("partner_reason", reason.code());
        }
        ReadinessCheck::ALL.iter().for_each(|c| {
            add("readiness", &format!("{}.label", c.code()));
            add("readiness", &format!("{}.what", c.code()));
        });
        add("readiness", "products_named.what_with_products");
        LockReason::ALL.iter().for_each(|l| add("lock", l.code()));
        EditableField::ALL
            .iter()
            .for_each(|f| add("field", f.code()));
        ContactRole::ALL
            .iter()
            .for_each(|c| add("contact", c.code()));
        RevenueAssociationPart::ALL
            .iter()
            .for_each(|p| add("revenue_part", p.code()));
        BadChar::samples()
            .iter()
            .for_each(|c| add("character", c.code()));
        GuidHint::ALL
            .iter()
            .for_each(|h| add("guid_hint", h.code()));
        RefusalHint::all().for_each(|h| add("refusal_hint", h.code()));
        JsonKind::iter().for_each(|k| add("json_kind", k.code()));
        for key in [
            "claim_label.named",
            "claim_label.unnamed",
            "claim_label.no_status",
            "competition.unnamed_claim",
            "import_kind.copy_name",
            "list.and",
            "list.or",
            "list.separator",
        ] {
            keys.push(key.to_string());
        }
        keys
    }

    #[test]
    fn every_outcome_has_its_words_and_every_placeholder_is_supplied() {
        let words = Words::english(TimeZone::UTC);
        let mut failures = Vec::new();
        for message in all_messages(&words) {
            let mut forms = vec![words.catalogue.template_for(&message)];
            if message.count.is_some() {
                for form in ["one", "other"] {
                    forms.push(words.catalogue.template(&format!("{}_{form}", message.key)));
                }
            }
            for template in forms {
                let Some(template) = template else {
                    failures.push(format!("no words for {}", message.key));
                    continue;
                };
                for name in placeholders(template) {
                    if !message.args.iter().any(|(arg, _)| *arg == name) {
                        failures.push(format!("{}: {{{{ {name} }}}} is not supplied", message.key));
                    }
                }
            }
        }
        for key in name_keys() {
            match words.catalogue.template(&key) {
                None => failures.push(format!("no words for {key}")),
                Some(template) => {
                    // Enum names are worded without arguments (the few with one are
                    // checked through their messages above).
                    let allowed = [
                        "name",
                        "short_id",
                        "items",
                        "last",
                        "products",
                        "code_point",
                        "character",
                    ];
                    for name in placeholders(template) {
                        if !allowed.contains(&name.as_str()) {
                            failures.push(format!("{key}: unexpected {{{{ {name} }}}}"));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_key_of_the_rules_sections_is_used() {
        let words = Words::english(TimeZone::UTC);
        let mut used: BTreeSet<String> = name_keys().into_iter().collect();
        for message in all_messages(&words) {
            used.insert(message.key.clone());
        }
        let catalogue: serde_json::Value =
            serde_json::from_str(include_str!("../../../../../locales/en.json")).unwrap();
        let mut unused = Vec::new();
        for section in RULES_SECTIONS {
            let mut keys = Vec::new();
            collect_keys(section, &catalogue[*section], &mut keys);
            assert!(!keys.is_empty(), "section {section} is missing");
            for key in keys {
                let base = key
                    .strip_suffix("_one")
                    .or_else(|| key.strip_suffix("_other"))
                    .unwrap_or(&key);
                if !used.contains(base) {
                    unused.push(key.clone());
                }
            }
        }
        assert!(unused.is_empty(), "unused keys: {unused:?}");
    }

    /// The catalogue sections that word the rules' outcomes and names (the app's own
    /// texts live in other sections; the tool's own, `cli` and `list`, in
    /// `words.en.json`).
    const RULES_SECTIONS: &[&str] = &[
        "status",
        "actor",
        "action",
        "transition",
        "clock",
        "clock_state",
        "phase",
        "phase_detail",
        "activity",
        "activity_choices",
        "area",
        "program",
        "information_reason",
        "reviewer_reason",
        "partner_reason",
        "rejection_reason",
        "readiness",
        "lock",
        "field",
        "contact",
        "revenue_part",
        "character",
        "guid_hint",
        "domain_issue",
        "problem",
        "refusal",
        "refusal_hint",
        "json_kind",
        "import_problem",
        "import_kind",
        "claim_label",
        "competition",
        "contested",
        "calendar",
        "policy",
    ];

    fn collect_keys(prefix: &str, value: &serde_json::Value, keys: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    collect_keys(&format!("{prefix}.{key}"), member, keys);
                }
            }
            _ => keys.push(prefix.to_string()),
        }
    }

    #[test]
    fn a_refusal_reads_as_a_sentence_with_its_hint() {
        let words = Words::english(TimeZone::get("America/Los_Angeles").unwrap());
        let refusal = Refusal::WrongStatus {
            action: ActionKind::Archive,
            status: Status::Draft,
            allowed_from: vec![Status::Submitted, Status::UnderReview],
        };
        assert_eq!(
            words.refusal(&refusal),
            "Archive is not possible while the claim is Draft; it is possible only when the \
             claim is Submitted or Under review. Drafts are deleted rather than archived."
        );
        let problem = ProblemKind::TenantIdNotGuid {
            hint: Some(GuidHint::Braces),
        };
        assert!(words
            .problem(&problem)
            .ends_with("Leave out the braces { }."));
        let closed = Refusal::WindowClosed {
            clock: ClockKind::DisputeWindow,
            closed_at: "2026-12-01T08:00:00Z".parse().unwrap(),
        };
        assert_eq!(
            words.refusal(&closed),
            "The Dispute window deadline passed at 2026-12-01 00:00 PST. The rejection can no longer be \
             disputed; start a new claim from it instead."
        );
    }
}

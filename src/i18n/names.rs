//! The names of the rules' closed sets in the current language: statuses, phases,
//! actions, clocks, actors, reasons, activities, programs, import classes. One exhaustive
//! `match` per set, each arm naming its catalogue key, so a new variant in the rules is a
//! compile error here until it has words.

use claim_rules::deadlines::ClockKind;
use claim_rules::history::{
    ActionKind, InformationReason, PartnerRejectionReason, RejectionReason, ReviewerRejectionReason,
};
use claim_rules::import::ImportKind;
use claim_rules::lifecycle::Phase;
use claim_rules::model::{Activity, Actor, Program, SolutionArea, Status};

use super::{tr, I18n};

/// A status's name (Partner Center's, where it has one).
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

/// A phase's name, without its dates.
pub fn phase_name(i18n: &I18n, phase: &Phase) -> String {
    match phase {
        Phase::Draft => tr!(i18n, phase.draft),
        Phase::AwaitingReview => tr!(i18n, phase.awaiting_review),
        Phase::UnderReview => tr!(i18n, phase.under_review),
        Phase::PartnerActionRequired { .. } => tr!(i18n, phase.partner_action_required),
        Phase::ConsentPeriod { .. } => tr!(i18n, phase.consent_period),
        Phase::Official { .. } => tr!(i18n, phase.official),
        Phase::Rejected { .. } => tr!(i18n, phase.rejected),
        Phase::Disputed => tr!(i18n, phase.disputed),
    }
}

/// The name of the official phase of an approved claim (the timeline's band).
pub fn official_phase_name(i18n: &I18n) -> String {
    tr!(i18n, phase.official)
}

/// An action's name (history lines, buttons).
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

/// Who acted, as a noun ("Partner").
pub fn actor_name(i18n: &I18n, actor: Actor) -> String {
    match actor {
        Actor::Partner => tr!(i18n, actor.partner),
        Actor::Reviewer => tr!(i18n, actor.reviewer),
        Actor::Customer => tr!(i18n, actor.customer),
        Actor::System => tr!(i18n, actor.system),
    }
}

/// An information-request reason, in Partner Center's words.
pub fn information_reason_name(i18n: &I18n, reason: InformationReason) -> String {
    match reason {
        InformationReason::MissingAllPoe => tr!(i18n, information_reason.missing_all_poe),
        InformationReason::MissingCustomerAcknowledgment => {
            tr!(i18n, information_reason.missing_customer_acknowledgment)
        }
        InformationReason::MissingOrOldDates => {
            tr!(i18n, information_reason.missing_or_old_dates)
        }
        InformationReason::MissingPartnerSolution => {
            tr!(i18n, information_reason.missing_partner_solution)
        }
        InformationReason::MissingProducts => tr!(i18n, information_reason.missing_products),
    }
}

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
        match self {
            ReviewerReasonKind::InsufficientPoe => {
                tr!(i18n, reviewer_reason.insufficient_poe)
            }
            ReviewerReasonKind::CustomerConsentMissingInPoe => {
                tr!(i18n, reviewer_reason.customer_consent_missing_in_poe)
            }
            ReviewerReasonKind::MissingProducts => {
                tr!(i18n, reviewer_reason.missing_products)
            }
            ReviewerReasonKind::PoeNotAvailable => {
                tr!(i18n, reviewer_reason.poe_not_available)
            }
            ReviewerReasonKind::Other => tr!(i18n, reviewer_reason.other),
        }
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
        match self {
            PartnerReasonKind::WrongMpn => tr!(i18n, partner_reason.wrong_mpn),
            PartnerReasonKind::WrongActivity => tr!(i18n, partner_reason.wrong_activity),
            PartnerReasonKind::NoLongerWorkingWithCustomer => {
                tr!(i18n, partner_reason.no_longer_working_with_customer)
            }
            PartnerReasonKind::Other => tr!(i18n, partner_reason.other),
        }
    }
}

/// Why a claim was rejected; reviewer and partner `Other` reasons carry their author's
/// text.
pub fn rejection_reason_text(i18n: &I18n, reason: &RejectionReason) -> String {
    match reason {
        RejectionReason::Reviewer(reason) => {
            let reason = match reason {
                ReviewerRejectionReason::InsufficientPoe => {
                    ReviewerReasonKind::InsufficientPoe.name(i18n)
                }
                ReviewerRejectionReason::CustomerConsentMissingInPoe => {
                    ReviewerReasonKind::CustomerConsentMissingInPoe.name(i18n)
                }
                ReviewerRejectionReason::MissingProducts => {
                    ReviewerReasonKind::MissingProducts.name(i18n)
                }
                ReviewerRejectionReason::PoeNotAvailable => {
                    ReviewerReasonKind::PoeNotAvailable.name(i18n)
                }
                ReviewerRejectionReason::Other(text) => text.trim().to_string(),
            };
            tr!(i18n, rejection_reason.reviewer, reason)
        }
        RejectionReason::PartnerRequested(reason) => {
            let reason = match reason {
                PartnerRejectionReason::WrongMpn => PartnerReasonKind::WrongMpn.name(i18n),
                PartnerRejectionReason::WrongActivity => {
                    PartnerReasonKind::WrongActivity.name(i18n)
                }
                PartnerRejectionReason::NoLongerWorkingWithCustomer => {
                    PartnerReasonKind::NoLongerWorkingWithCustomer.name(i18n)
                }
                PartnerRejectionReason::Other(text) => text.trim().to_string(),
            };
            tr!(i18n, rejection_reason.partner_requested, reason)
        }
        RejectionReason::NoPartnerResponse => tr!(i18n, rejection_reason.no_partner_response),
        RejectionReason::CustomerDeclined => tr!(i18n, rejection_reason.customer_declined),
        RejectionReason::DisputeUpheld => tr!(i18n, rejection_reason.dispute_upheld),
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

/// A solution area's name (Microsoft's, the same in every language).
pub fn area_name(i18n: &I18n, area: SolutionArea) -> String {
    match area {
        SolutionArea::Microsoft365 => tr!(i18n, area.microsoft365),
        SolutionArea::BusinessApplications => tr!(i18n, area.business_applications),
    }
}

/// A program's name: Microsoft's own for the incentive programs (they stay as they are
/// in every language); ours for a revenue association without incentive.
pub fn program_name(i18n: &I18n, program: Program) -> String {
    match program {
        Program::OsaSell => tr!(i18n, program.osa_sell),
        Program::OsuBusinessApplications => tr!(i18n, program.osu_business_applications),
        Program::OsuMicrosoft365 => tr!(i18n, program.osu_microsoft365),
        Program::RevenueAssociationOnly => tr!(i18n, program.revenue_association_only),
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

//! The questions the app asks the rules instead of deciding them itself: which fields
//! apply, who may edit what now, what opens in the wizard, the phases of a claim's life,
//! the day a deadline ends, the order of "needs attention", the clock-length limits and
//! how a comment's length is counted.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::catalog::Product;
use claim_rules::deadlines::{attention_order, day_ended_by, deadlines, ClockKind};
use claim_rules::lifecycle::{
    field_access, opens_in_wizard, phase_spans, EditableField, LockReason, PhaseKind, Refusal,
};
use claim_rules::model::{Activity, Actor, ClaimFields, ClaimedProduct, SolutionArea, Status};
use claim_rules::policy::{clock_length_range, Policy, PolicyProblemKind};
use claim_rules::validation::{comment_length, comment_problems, path_is_within};
use fixtures::*;
use jiff::civil::date;
use jiff::tz::TimeZone;

const LATER: &str = "2026-04-09T12:00:00-07:00";

#[test]
fn the_technical_contact_applies_when_a_dynamics_product_is_claimed_or_it_was_typed() {
    let mut fields = valid_fields();
    assert!(fields.technical_contact_required_by().is_empty());
    assert!(!fields.technical_contact_applies());
    fields.products.extend([
        ClaimedProduct::new(Product::Dynamics365Sales),
        ClaimedProduct::new(Product::PowerBiPro),
        ClaimedProduct::new(Product::Dynamics365Finance),
    ]);
    assert_eq!(
        fields.technical_contact_required_by(),
        [Product::Dynamics365Sales, Product::Dynamics365Finance]
    );
    assert!(fields.technical_contact_applies());

    let mut typed = valid_fields();
    typed.technical_contact.email = " li.wei@contoso.com ".into();
    assert!(typed.technical_contact_applies(), "typed in: kept visible");
    typed.technical_contact.email = "   ".into();
    assert!(!typed.technical_contact_applies(), "blanks are nothing");
}

#[test]
fn revenue_association_extras_apply_with_that_activity_only() {
    let mut fields = valid_fields();
    assert!(!fields.revenue_association_applies());
    fields.activities = [Activity::RevenueAssociation].into_iter().collect();
    assert!(fields.revenue_association_applies());
}

#[test]
fn subscriptions_are_asked_for_business_applications_products_on_such_claims() {
    let fields = ClaimFields {
        solution_area: Some(SolutionArea::BusinessApplications),
        ..valid_fields()
    };
    assert!(fields.subscription_applies(Product::PowerApps));
    assert!(!fields.subscription_applies(Product::ExchangeOnline));
    let m365 = valid_fields();
    assert_eq!(m365.solution_area, Some(SolutionArea::Microsoft365));
    assert!(!m365.subscription_applies(Product::PowerApps), "wrong area");
    let none = ClaimFields::default();
    assert!(
        !none.subscription_applies(Product::PowerApps),
        "no area yet"
    );

    let mut claimed = ClaimedProduct::new(Product::PowerApps);
    assert!(!claimed.subscription_id_required());
    claimed.several_subscriptions = true;
    assert!(claimed.subscription_id_required());
}

#[test]
fn the_partner_edits_open_groups_and_others_edit_nothing() {
    let draft = Flow::new_draft();
    let access = field_access(
        &draft.claim,
        Actor::Partner,
        draft.claim.updated_at,
        &rules(),
    );
    assert_eq!(access.len(), EditableField::ALL.len());
    assert!(access.iter().all(|(_, allowed)| allowed.is_ok()));

    let submitted = Flow::submitted();
    let access = field_access(&submitted.claim, Actor::Partner, t(LATER), &rules());
    let open: Vec<EditableField> = access
        .iter()
        .filter(|(_, allowed)| allowed.is_ok())
        .map(|(field, _)| *field)
        .collect();
    assert_eq!(
        open,
        [
            EditableField::PartnerId,
            EditableField::Products,
            EditableField::Contacts,
            EditableField::Poe
        ]
    );
    assert_eq!(
        access[0].1,
        Err(Refusal::FieldLocked {
            field: EditableField::Name,
            status: Status::Submitted,
            why: LockReason::FixedAfterSubmit
        })
    );

    for actor in [Actor::Reviewer, Actor::Customer, Actor::System] {
        let access = field_access(&submitted.claim, actor, t(LATER), &rules());
        assert!(access.iter().all(|(_, allowed)| matches!(
            allowed,
            Err(Refusal::WrongActor { allowed, .. }) if allowed == &[Actor::Partner]
        )));
    }

    // Under review everything is locked, for the partner too.
    let under_review = Flow::under_review();
    let access = field_access(&under_review.claim, Actor::Partner, t(LATER), &rules());
    assert!(access.iter().all(|(_, allowed)| matches!(
        allowed,
        Err(Refusal::FieldLocked {
            why: LockReason::UnderReview,
            ..
        })
    )));
}

#[test]
fn only_drafts_open_in_the_wizard() {
    assert!(opens_in_wizard(&Flow::new_draft().claim));
    assert!(!opens_in_wizard(&Flow::submitted().claim));
    assert!(!opens_in_wizard(&Flow::rejected().claim));
}

#[test]
fn phase_spans_follow_the_history_and_tell_official_from_consent() {
    let approved = Flow::approved();
    let after_consent = t("2026-04-20T09:00:00-07:00");
    let claim = approved.clone().advance("2026-04-20T09:00:00-07:00").claim;
    let spans = phase_spans(&claim, after_consent);
    let kinds: Vec<PhaseKind> = spans.iter().map(|span| span.kind).collect();
    assert_eq!(
        kinds,
        [
            PhaseKind::Draft,
            PhaseKind::AwaitingReview,
            PhaseKind::UnderReview,
            PhaseKind::ConsentPeriod,
            PhaseKind::Official
        ]
    );
    // Each span ends where the next begins; the last one runs to now.
    for pair in spans.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
    assert_eq!(spans[3].from, t(DECIDED));
    assert_eq!(spans[4].from, t(CONSENT_ENDS));
    assert_eq!(spans[4].to, after_consent);
    // Comments and edits do not start a new span.
    let commented = approved.act(
        Actor::Partner,
        claim_rules::lifecycle::Action::Comment {
            text: "Thanks!".into(),
        },
        LATER,
    );
    assert_eq!(phase_spans(&commented.claim, t(LATER)).len(), 4);
}

#[test]
fn a_deadline_ends_its_last_local_day() {
    let zone = TimeZone::get("America/Los_Angeles").expect("zone");
    assert_eq!(
        day_ended_by(&zone, t(PARTNER_RESPONSE_DUE)),
        Some(date(2026, 4, 15))
    );
    assert_eq!(day_ended_by(&zone, t(LATER)), None);
    assert_eq!(day_ended_by(&zone, jiff::Timestamp::MAX), None);
    // The same instant is not a midnight in Stockholm.
    let stockholm = TimeZone::get("Europe/Stockholm").expect("zone");
    assert_eq!(day_ended_by(&stockholm, t(PARTNER_RESPONSE_DUE)), None);

    let flow = Flow::awaiting_partner();
    let clocks = deadlines(&flow.claim, &flow.rules);
    let response = clocks
        .iter()
        .find(|clock| clock.kind == ClockKind::PartnerResponse)
        .expect("clock");
    assert_eq!(
        response.last_day(flow.rules.calendar()),
        Some(date(2026, 4, 15))
    );
}

#[test]
fn needs_attention_puts_the_partners_deadlines_first_then_the_nearest() {
    let partner = Flow::awaiting_partner();
    let reviewer = Flow::submitted();
    let mut clocks: Vec<_> = deadlines(&reviewer.claim, &reviewer.rules)
        .into_iter()
        .chain(deadlines(&partner.claim, &partner.rules))
        .filter(|clock| clock.end.is_none())
        .collect();
    clocks.sort_by(attention_order);
    assert_eq!(clocks[0].kind, ClockKind::PartnerResponse);
    assert!(clocks[1..]
        .windows(2)
        .all(|pair| pair[0].due <= pair[1].due));
}

#[test]
fn clock_lengths_are_limited_to_one_to_365_days() {
    assert_eq!(clock_length_range(), 1..=365);
    let mut policy = Policy {
        dispute_window_days: 366,
        ..Policy::default()
    };
    assert_eq!(
        policy.problems()[0].kind,
        PolicyProblemKind::LengthOutOfRange {
            days: 366,
            min: 1,
            max: 365
        }
    );
    policy.dispute_window_days = *clock_length_range().end();
    assert!(policy.problems().is_empty());
}

#[test]
fn a_problem_belongs_to_a_field_and_what_is_inside_it() {
    assert!(path_is_within(
        "fields.products[0].product",
        "fields.products"
    ));
    assert!(path_is_within(
        "fields.products[0].product",
        "fields.products[0]"
    ));
    assert!(!path_is_within("fields.products[10]", "fields.products[1]"));
    assert!(!path_is_within("fields.partner_contact", "fields.partner"));
}

#[test]
fn a_comment_is_counted_as_stored_by_the_rules_and_the_forms_alike() {
    let text = format!("{} ", "x".repeat(4000));
    assert_eq!(comment_length(&text), 4000);
    assert!(comment_problems(&text).is_empty());
    let flow = Flow::submitted().act(
        Actor::Partner,
        claim_rules::lifecycle::Action::Comment { text },
        LATER,
    );
    assert_eq!(flow.claim.comments[0].text.chars().count(), 4000);
}

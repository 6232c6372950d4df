//! A realistic claim for the benchmarks: one a partner took through its whole life.
//! Shared by the store benchmark (`store.rs`, in the browser) and the claims generator
//! (`crates/claim-rules/examples/realistic_export.rs`, which writes export files for
//! `tests/bench/speed.mjs`).

use claim_rules::catalog::Product;
use claim_rules::deadlines::Rules;
use claim_rules::history::InformationReason;
use claim_rules::lifecycle::{self, Action};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimedProduct, Contact, PartnerContact, PoeDocument,
    SolutionArea,
};
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

fn later(at: Timestamp, hours: i64) -> Timestamp {
    at.checked_add(SignedDuration::from_hours(hours))
        .unwrap_or(at)
}

fn poe(n: u128, name: &str) -> PoeDocument {
    PoeDocument {
        id: Uuid::from_u128(n),
        file_name: format!("{name}.pdf"),
        media_type: "application/pdf".into(),
        size: 482_113,
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        added_at: Timestamp::UNIX_EPOCH,
        added_by: Actor::Partner,
        note: "Signed by the customer's IT director.".into(),
    }
}

/// A claim taken through its whole life as a partner would: drafted in four edits, two
/// PoE documents, submitted, an information request answered, approved, consent ended;
/// three comments along the way. 15 history entries.
pub fn realistic(n: u128, rules: &Rules) -> Claim {
    let start: Timestamp = "2026-03-02T09:00:00-08:00"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let id = Uuid::from_u128(0x0b00_0000_0000_4000_8000_0000_0000_0000 + n);
    let name = format!("Contoso Exchange and Teams rollout {n}");
    let mut claim = lifecycle::new_claim(
        id,
        start,
        ClaimFields {
            name: name.clone(),
            ..ClaimFields::default()
        },
    );
    let mut fields = claim.fields.clone();
    let mut at = start;
    let mut step = |claim: &mut Claim, actor: Actor, action: Action, hours: i64| {
        at = later(at, hours);
        if let Ok(next) = lifecycle::apply(claim, action, actor, at, at, rules) {
            *claim = next;
        }
    };
    fields.partner_id = format!("{}", 4_000_000 + n);
    fields.customer_domain = format!("customer{n}.contoso.com");
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.tenant_id = Uuid::from_u128(0x72f9_88bf_86f1_41af_91ab_0000_0000_0000 + n).to_string();
    fields.solution_area = Some(SolutionArea::Microsoft365);
    fields.activities = [Activity::Usage].into_iter().collect();
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.products = vec![
        ClaimedProduct::new(Product::ExchangeOnline),
        ClaimedProduct::new(Product::MicrosoftTeams),
    ];
    step(&mut claim, Actor::Partner, Action::edit(fields.clone()), 1);
    fields.customer_contact = Contact {
        name: "Ana López".into(),
        title: "IT Director".into(),
        email: format!("ana.lopez@customer{n}.contoso.com"),
    };
    fields.partner_contact = PartnerContact {
        name: "Jonas Berg".into(),
        email: "jonas.berg@fabrikam.se".into(),
    };
    step(&mut claim, Actor::Partner, Action::edit(fields), 1);
    step(
        &mut claim,
        Actor::Partner,
        Action::AddPoe(poe(n * 2, "signed-sow")),
        1,
    );
    step(
        &mut claim,
        Actor::Partner,
        Action::AddPoe(poe(n * 2 + 1, "deployment-report")),
        1,
    );
    let comment = |text: &str| Action::Comment { text: text.into() };
    step(
        &mut claim,
        Actor::Partner,
        comment("Checked against the PoE checklist; ready to submit."),
        1,
    );
    step(&mut claim, Actor::Partner, Action::Submit, 1);
    step(&mut claim, Actor::Reviewer, Action::StartReview, 24);
    step(
        &mut claim,
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingCustomerAcknowledgment],
            comment: "The statement of work needs the customer's signature.".into(),
            products_to_remove: Vec::new(),
        },
        24,
    );
    step(
        &mut claim,
        Actor::Partner,
        comment("Asked Ana for a signed copy."),
        2,
    );
    step(
        &mut claim,
        Actor::Partner,
        Action::Respond {
            comment: "Signed statement of work attached.".into(),
        },
        24,
    );
    step(&mut claim, Actor::Reviewer, Action::Approve, 48);
    step(
        &mut claim,
        Actor::Partner,
        comment("Approved; consent period running."),
        1,
    );
    lifecycle::advance(&claim, later(at, 24 * 30), rules)
}

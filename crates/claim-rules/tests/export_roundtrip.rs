//! Property: export → JSON → parse gives back any claims the model can hold, or refuses
//! a claim (by its path) whose history does not account for it; never something else.

use std::collections::BTreeSet;

use claim_rules::catalog::Product;
use claim_rules::export::{export, parse};
use claim_rules::history::{ActionKind, FieldChange, HistoryEntry};
use claim_rules::model::{
    Activity, Actor, Claim, ClaimFields, ClaimLinks, ClaimedProduct, Comment, Contact,
    PartnerContact, PoeChecklist, PoeDocument, RevenueAssociationDetails, SolutionArea, Status,
};
use claim_rules::policy::Policy;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use uuid::Uuid;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 .@-]{0,20}",
        any::<String>(),
        Just("Çà va — 你好 \"quoted\" \\ \n\t".to_string()),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // 2001 … 2100, any nanosecond.
    (1_000_000_000i64..4_102_444_800, 0i32..1_000_000_000).prop_map(|(seconds, nanos)| {
        Timestamp::new(seconds, nanos).unwrap_or(Timestamp::UNIX_EPOCH)
    })
}

fn uuid() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

fn contact() -> impl Strategy<Value = Contact> {
    (text(), text(), text()).prop_map(|(name, title, email)| Contact { name, title, email })
}

fn fields() -> impl Strategy<Value = ClaimFields> {
    (
        (text(), text(), text(), text()),
        proptest::option::of(pick(&SolutionArea::ALL)),
        proptest::collection::btree_set(pick(&Activity::ALL), 0..3),
        proptest::collection::vec(
            (pick(&Product::ALL), any::<bool>(), text()).prop_map(|(product, several, id)| {
                ClaimedProduct {
                    product,
                    several_subscriptions: several,
                    subscription_id: id,
                }
            }),
            0..4,
        ),
        (contact(), contact(), text(), text()),
        (text(), text(), text()),
    )
        .prop_map(
            |((name, partner_id, domain, tenant), area, activities, products, contacts, extras)| {
                let activities: BTreeSet<Activity> = activities;
                let (customer_contact, technical_contact, partner_name, partner_email) = contacts;
                ClaimFields {
                    name,
                    partner_id,
                    customer_domain: domain,
                    tenant_id: tenant,
                    solution_area: area,
                    activities,
                    products,
                    customer_contact,
                    technical_contact,
                    partner_contact: PartnerContact {
                        name: partner_name,
                        email: partner_email,
                    },
                    revenue_association: RevenueAssociationDetails {
                        solution_seller_name: extras.0,
                        customer_name: extras.1,
                        isv_solution_name: extras.2,
                    },
                }
            },
        )
}

const ACTIONS: [ActionKind; 6] = [
    ActionKind::Edit,
    ActionKind::Submit,
    ActionKind::StartReview,
    ActionKind::Approve,
    ActionKind::Comment,
    ActionKind::Reject,
];
const ACTORS: [Actor; 4] = [
    Actor::Partner,
    Actor::Reviewer,
    Actor::Customer,
    Actor::System,
];

/// A claim whose history is consistent: Create first, chained statuses, time order.
fn claim() -> impl Strategy<Value = Claim> {
    (
        uuid(),
        timestamp(),
        fields(),
        proptest::collection::vec(
            (
                0i64..10_000_000,
                pick(&ACTIONS),
                pick(&ACTORS),
                pick(&Status::ALL),
                text(),
            ),
            0..5,
        ),
        proptest::collection::vec((uuid(), text(), any::<u64>(), text()), 0..3),
        proptest::collection::vec(text(), 0..3),
        (any::<[bool; 6]>(), 0u64..5, proptest::option::of(uuid())),
    )
        .prop_map(
            |(id, created, fields, steps, poe, comments, (flags, extra_revision, link))| {
                let mut history = vec![HistoryEntry {
                    at: created,
                    recorded_at: created,
                    actor: Actor::Partner,
                    action: ActionKind::Create,
                    from: None,
                    to: Status::Draft,
                    changes: vec![],
                    comment: String::new(),
                    detail: None,
                }];
                let mut when = created;
                for (seconds, action, actor, to, comment) in steps {
                    when = when
                        .checked_add(SignedDuration::from_secs(seconds))
                        .unwrap_or(when);
                    let from = history.last().map(|entry| entry.to);
                    history.push(HistoryEntry {
                        at: when,
                        recorded_at: when,
                        actor,
                        action,
                        from,
                        to,
                        changes: vec![FieldChange {
                            field: "fields.name".into(),
                            old: serde_json::Value::String(comment.clone()),
                            new: serde_json::json!({"n": [1, 2.5, null, true]}),
                        }],
                        comment,
                        detail: None,
                    });
                }
                let status = history.last().map_or(Status::Draft, |entry| entry.to);
                Claim {
                    id,
                    revision: history.len() as u64 + extra_revision,
                    created_at: created,
                    updated_at: when,
                    status,
                    archived: flags[0],
                    fields,
                    poe: poe
                        .into_iter()
                        .map(|(id, file_name, size, note)| PoeDocument {
                            id,
                            file_name,
                            media_type: "application/pdf".into(),
                            size,
                            sha256: "ab".repeat(32),
                            added_at: created,
                            added_by: Actor::Partner,
                            note,
                        })
                        .collect(),
                    poe_checklist: PoeChecklist {
                        about_this_claim: flags[1],
                        customer_acknowledgment: flags[2],
                        dates_recent: flags[3],
                        solution_described: flags[4],
                        products_named: flags[5],
                    },
                    comments: comments
                        .into_iter()
                        .map(|text| Comment {
                            author: Actor::Reviewer,
                            at: when,
                            text,
                        })
                        .collect(),
                    links: ClaimLinks {
                        started_from: link,
                        restarted_as: link.into_iter().collect(),
                        conflict_copy_of: None,
                    },
                    history,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_parse_is_the_identity(
        claims in proptest::collection::vec(claim(), 0..6),
        exported_at in timestamp(),
        app_version in text(),
    ) {
        // Claim IDs are unique in a document.
        let mut seen = std::collections::HashSet::new();
        let claims: Vec<Claim> = claims.into_iter().filter(|claim| seen.insert(claim.id)).collect();
        let document = export(&claims, &Policy::default(), exported_at, &app_version);
        let text = document.to_json_pretty().map_err(|e| TestCaseError::fail(e.to_string()))?;
        // A claim whose history does not account for it is refused, by its path; anything
        // accepted reads back as written (fields as the app stores them).
        match parse(&text) {
            Ok(parsed) => {
                let mut expected = document;
                for claim in &mut expected.claims {
                    claim.fields.normalize();
                }
                prop_assert_eq!(parsed, expected);
            }
            Err(problems) => {
                prop_assert!(problems.iter().all(|problem| problem.path.starts_with("$.claims[")), "{problems:?}");
            }
        }
    }
}

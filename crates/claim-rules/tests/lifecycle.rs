//! Every transition and every refusal of SPEC §3.

#[path = "lifecycle_fixtures.rs"]
mod fixtures;

use claim_rules::catalog::Product;
use claim_rules::deadlines::ClockKind;
use claim_rules::history::{
    ActionKind, EventDetail, FieldChange, InformationReason, PartnerRejectionReason,
    RejectionReason, ReviewerRejectionReason,
};
use claim_rules::lifecycle::{
    self, allowed_actions, can_delete, field_lock, new_claim, phase, start_new_claim_from,
    user_actions, Action, EditableField, LockReason, Phase, Refusal, RefusalCode, RefusalHint,
    MAX_COMMENT_CHARS,
};
use claim_rules::model::{
    Activity, Actor, ClaimFields, ClaimedProduct, Contact, PoeChecklist, RevenueAssociationDetails,
    SolutionArea, Status,
};
use claim_rules::validation::ProblemKind;
use fixtures::*;
use serde_json::json;

const LATER: &str = "2026-04-09T12:00:00-07:00";

fn edited(change: impl FnOnce(&mut ClaimFields)) -> Action {
    let mut fields = valid_fields();
    change(&mut fields);
    Action::edit(fields)
}

fn comment(text: &str) -> Action {
    Action::Comment { text: text.into() }
}

// ---------------------------------------------------------------- create

#[test]
fn create_makes_a_normalised_draft_with_one_entry() {
    let mut fields = valid_fields();
    fields.customer_domain = " Contoso.COM ".into();
    fields.tenant_id = TENANT.to_uppercase();
    let claim = new_claim(id(7), t(CREATED), fields);
    assert_eq!(claim.id, id(7));
    assert_eq!(claim.status, Status::Draft);
    assert_eq!(claim.revision, 1);
    assert_eq!(claim.created_at, t(CREATED));
    assert_eq!(claim.updated_at, t(CREATED));
    assert_eq!(claim.fields.customer_domain, "contoso.com");
    assert_eq!(claim.fields.tenant_id, TENANT);
    let entry = &claim.history[0];
    assert_eq!(claim.history.len(), 1);
    assert_eq!(
        (entry.actor, entry.action, entry.from, entry.to),
        (Actor::Partner, ActionKind::Create, None, Status::Draft)
    );
    assert_invariants(&claim);
}

// ---------------------------------------------------------------- edit

#[test]
fn partner_edits_every_field_of_a_draft() {
    let flow = Flow::new_draft().act(
        Actor::Partner,
        Action::edit(ClaimFields {
            name: "Fabrikam Dynamics".into(),
            partner_id: "7654321".into(),
            customer_domain: "fabrikam.com".into(),
            tenant_id: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0".into(),
            solution_area: Some(SolutionArea::BusinessApplications),
            activities: [Activity::RevenueAssociation].into_iter().collect(),
            products: vec![ClaimedProduct::new(Product::Dynamics365Sales)],
            customer_contact: Contact {
                name: "Bo".into(),
                title: "CIO".into(),
                email: "bo@fabrikam.com".into(),
            },
            technical_contact: Contact {
                name: "Cy".into(),
                title: "Architect".into(),
                email: "cy@fabrikam.com".into(),
            },
            partner_contact: valid_fields().partner_contact,
            revenue_association: RevenueAssociationDetails {
                solution_seller_name: "Seller".into(),
                customer_name: "Fabrikam".into(),
                isv_solution_name: "ISV app".into(),
            },
        }),
        LATER,
    );
    let entry = flow.claim.history.last().expect("entry");
    let paths: Vec<&str> = entry
        .changes
        .iter()
        .map(|change| change.field.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "fields.name",
            "fields.partner_id",
            "fields.customer_domain",
            "fields.tenant_id",
            "fields.solution_area",
            "fields.activities",
            "fields.products",
            "fields.customer_contact",
            "fields.technical_contact",
            "fields.revenue_association",
        ]
    );
    assert_eq!(
        (entry.action, entry.from, entry.to),
        (ActionKind::Edit, Some(Status::Draft), Status::Draft)
    );
    assert_eq!(flow.claim.fields.name, "Fabrikam Dynamics");
    assert_eq!(flow.claim.revision, 2);
    assert_eq!(flow.claim.updated_at, t(LATER));
    assert_invariants(&flow.claim);
}

#[test]
fn an_edit_records_each_changed_field_old_and_new() {
    let flow = Flow::new_draft().act(
        Actor::Partner,
        edited(|fields| fields.partner_id = "7654321".into()),
        LATER,
    );
    assert_eq!(
        flow.claim.history[1].changes,
        [FieldChange {
            field: "fields.partner_id".into(),
            old: json!("1234567"),
            new: json!("7654321"),
        }]
    );
}

#[test]
fn an_edit_that_changes_nothing_is_refused() {
    let flow = Flow::new_draft();
    let refusal = flow.refusal(Actor::Partner, Action::edit(valid_fields()), LATER);
    assert_eq!(
        refusal,
        Refusal::NoChange {
            action: ActionKind::Edit
        }
    );
    // Normalisation happens before comparing: case and blanks of the domain are no change.
    let refusal = flow.refusal(
        Actor::Partner,
        edited(|fields| fields.customer_domain = " CONTOSO.com".into()),
        LATER,
    );
    assert_eq!(refusal.code(), "no_change");
}

#[test]
fn partner_edits_partner_id_products_and_contacts_after_submit() {
    for flow in [Flow::submitted(), Flow::awaiting_partner()] {
        let status = flow.status();
        let flow = flow.act(
            Actor::Partner,
            edited(|fields| {
                fields.partner_id = "7654321".into();
                fields.products = vec![ClaimedProduct {
                    product: Product::ExchangeOnline,
                    several_subscriptions: true,
                    subscription_id: "0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0".into(),
                }];
                fields.customer_contact.name = "Ana María López".into();
                fields.technical_contact.name = "Tech".into();
                fields.partner_contact.email = "jonas.berg@fabrikam.se".into();
            }),
            LATER,
        );
        assert_eq!(flow.status(), status);
        assert_eq!(flow.last_action(), ActionKind::Edit);
        assert_eq!(
            flow.claim.fields.products[0].subscription_id,
            "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
        );
        assert_eq!(flow.claim.history.last().expect("entry").changes.len(), 5);
        assert_invariants(&flow.claim);
    }
}

#[test]
fn other_fields_are_locked_after_submit_and_the_lock_is_explained() {
    type Change = fn(&mut ClaimFields);
    let locked: [(EditableField, Change); 6] = [
        (EditableField::Name, |f| f.name = "Renamed".into()),
        (EditableField::CustomerDomain, |f| {
            f.customer_domain = "fabrikam.com".into()
        }),
        (EditableField::TenantId, |f| {
            f.tenant_id = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0".into()
        }),
        (EditableField::SolutionArea, |f| {
            f.solution_area = Some(SolutionArea::BusinessApplications)
        }),
        (EditableField::Activities, |f| {
            f.activities.insert(Activity::Presales);
        }),
        (EditableField::RevenueAssociation, |f| {
            f.revenue_association.customer_name = "Contoso".into()
        }),
    ];
    for flow in [Flow::submitted(), Flow::awaiting_partner()] {
        for (field, change) in locked {
            let refusal = flow.refusal(Actor::Partner, edited(change), LATER);
            assert_eq!(
                refusal,
                Refusal::FieldLocked {
                    field,
                    status: flow.status(),
                    why: LockReason::FixedAfterSubmit
                }
            );
            assert_eq!(refusal.hint(), None, "the lock reason says what to do");
        }
        // A locked field in the same edit as an allowed one refuses the whole edit.
        let refusal = flow.refusal(
            Actor::Partner,
            edited(|f| {
                f.partner_id = "7654321".into();
                f.name = "Renamed".into();
            }),
            LATER,
        );
        assert_eq!(refusal.code(), "field_locked");
    }
}

#[test]
fn field_lock_explains_each_field_group_in_each_status() {
    let open = [
        EditableField::PartnerId,
        EditableField::Products,
        EditableField::Contacts,
        EditableField::Poe,
    ];
    let cases = [
        (Flow::new_draft(), None),
        (Flow::submitted(), Some(LockReason::FixedAfterSubmit)),
        (Flow::awaiting_partner(), Some(LockReason::FixedAfterSubmit)),
        (Flow::under_review(), Some(LockReason::UnderReview)),
        (Flow::approved(), Some(LockReason::Decided)),
        (Flow::rejected(), Some(LockReason::Decided)),
        (Flow::disputed(), Some(LockReason::Disputed)),
    ];
    for (flow, reason) in cases {
        for field in EditableField::ALL {
            let lock = field_lock(
                &flow.claim,
                field,
                t("2026-04-10T12:00:00-07:00"),
                &flow.rules,
            );
            let expected = match reason {
                Some(LockReason::FixedAfterSubmit) if open.contains(&field) => None,
                other => other,
            };
            assert_eq!(
                lock,
                expected.map(|why| Refusal::FieldLocked {
                    field,
                    status: flow.status(),
                    why
                }),
                "{field:?} in {:?}",
                flow.status()
            );
        }
    }
    // Locks are evaluated after due transitions: past the partner response deadline the
    // claim is rejected.
    let flow = Flow::awaiting_partner();
    let lock = field_lock(
        &flow.claim,
        EditableField::Products,
        t(PARTNER_RESPONSE_DUE),
        &flow.rules,
    );
    assert!(matches!(
        lock,
        Some(Refusal::FieldLocked {
            status: Status::Rejected,
            why: LockReason::Decided,
            ..
        })
    ));
}

#[test]
fn editing_under_review_or_after_a_decision_is_refused() {
    for flow in [
        Flow::under_review(),
        Flow::approved(),
        Flow::rejected(),
        Flow::disputed(),
    ] {
        let at = "2026-04-10T12:00:00-07:00";
        let refusal = flow.refusal(
            Actor::Partner,
            edited(|f| f.partner_id = "7654321".into()),
            at,
        );
        assert_eq!(
            refusal,
            Refusal::WrongStatus {
                action: ActionKind::Edit,
                status: flow.status(),
                allowed_from: vec![
                    Status::Draft,
                    Status::Submitted,
                    Status::PartnerActionRequired
                ],
            }
        );
        let refusal = flow.refusal(Actor::Partner, Action::AddPoe(poe(9)), at);
        assert_eq!(refusal.code(), "wrong_status");
    }
}

#[test]
fn only_the_partner_edits() {
    for actor in [Actor::Reviewer, Actor::Customer, Actor::System] {
        let refusal =
            Flow::new_draft().refusal(actor, edited(|f| f.partner_id = "7654321".into()), LATER);
        assert_eq!(
            refusal,
            Refusal::WrongActor {
                action: ActionKind::Edit,
                actor,
                allowed: vec![Actor::Partner]
            }
        );
    }
}

// ---------------------------------------------------------------- PoE

#[test]
fn partner_adds_poe_in_draft_submitted_and_partner_action_required() {
    for flow in [
        Flow::new_draft(),
        Flow::submitted(),
        Flow::awaiting_partner(),
    ] {
        let before = flow.claim.poe.len();
        let status = flow.status();
        let flow = flow.act(Actor::Partner, Action::AddPoe(poe(5)), LATER);
        assert_eq!(flow.status(), status);
        assert_eq!(flow.claim.poe.len(), before + 1);
        let entry = flow.claim.history.last().expect("entry");
        assert_eq!(entry.action, ActionKind::AddPoe);
        assert_eq!(entry.changes[0].field, format!("poe[{before}]"));
        assert_eq!(entry.changes[0].old, serde_json::Value::Null);
        assert_invariants(&flow.claim);
    }
}

#[test]
fn added_poe_is_stamped_with_the_actions_time_and_actor() {
    let flow = Flow::new_draft().act(Actor::Partner, Action::AddPoe(poe(5)), LATER);
    let document = &flow.claim.poe[0];
    assert_eq!(document.added_at, t(LATER));
    assert_eq!(document.added_by, Actor::Partner);
}

#[test]
fn poe_can_be_removed_from_drafts_only() {
    let flow = Flow::ready_draft().act(Actor::Partner, Action::RemovePoe(poe(1).id), LATER);
    assert!(flow.claim.poe.is_empty());
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(entry.action, ActionKind::RemovePoe);
    assert_eq!(entry.changes[0].field, "poe[0]");
    assert_eq!(entry.changes[0].new, serde_json::Value::Null);

    for flow in [Flow::submitted(), Flow::awaiting_partner()] {
        let refusal = flow.refusal(Actor::Partner, Action::RemovePoe(poe(1).id), LATER);
        assert_eq!(
            refusal,
            Refusal::WrongStatus {
                action: ActionKind::RemovePoe,
                status: flow.status(),
                allowed_from: vec![Status::Draft]
            }
        );
        assert_eq!(refusal.hint(), Some(RefusalHint::PoeStaysOnRecord));
    }
}

#[test]
fn removing_unknown_poe_or_adding_a_duplicate_is_refused() {
    let flow = Flow::ready_draft();
    assert_eq!(
        flow.refusal(Actor::Partner, Action::RemovePoe(id(4242)), LATER),
        Refusal::UnknownPoe { id: id(4242) }
    );
    assert_eq!(
        flow.refusal(Actor::Partner, Action::AddPoe(poe(1)), LATER),
        Refusal::DuplicatePoe { id: poe(1).id }
    );
}

#[test]
fn the_poe_checklist_is_recorded_as_an_edit() {
    let checklist = PoeChecklist {
        customer_acknowledgment: true,
        ..PoeChecklist::default()
    };
    for flow in [
        Flow::new_draft(),
        Flow::submitted(),
        Flow::awaiting_partner(),
    ] {
        let flow = flow.act(Actor::Partner, Action::SetPoeChecklist(checklist), LATER);
        assert_eq!(flow.claim.poe_checklist, checklist);
        let entry = flow.claim.history.last().expect("entry");
        assert_eq!(entry.action, ActionKind::Edit);
        assert_eq!(entry.changes[0].field, "poe_checklist");
        assert_eq!(
            flow.refusal(Actor::Partner, Action::SetPoeChecklist(checklist), LATER),
            Refusal::NoChange {
                action: ActionKind::Edit
            }
        );
    }
    let refusal =
        Flow::under_review().refusal(Actor::Partner, Action::SetPoeChecklist(checklist), LATER);
    assert_eq!(refusal.code(), "wrong_status");
}

// ---------------------------------------------------------------- delete

#[test]
fn only_drafts_can_be_deleted() {
    assert_eq!(can_delete(&Flow::new_draft().claim), Ok(()));
    for flow in [
        Flow::submitted(),
        Flow::under_review(),
        Flow::awaiting_partner(),
        Flow::approved(),
        Flow::rejected(),
        Flow::disputed(),
    ] {
        let refusal = can_delete(&flow.claim).expect_err("not deletable");
        assert_eq!(
            refusal,
            Refusal::OnlyDraftsCanBeDeleted {
                status: flow.status()
            }
        );
        assert_eq!(refusal.code(), "only_drafts_can_be_deleted");
    }
}

// ---------------------------------------------------------------- submit

#[test]
fn submit_moves_a_ready_draft_to_submitted() {
    let flow = Flow::ready_draft().act(Actor::Partner, Action::Submit, SUBMITTED);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        (entry.actor, entry.action, entry.from, entry.to),
        (
            Actor::Partner,
            ActionKind::Submit,
            Some(Status::Draft),
            Status::Submitted
        )
    );
    assert_eq!(entry.at, t(SUBMITTED));
    assert_invariants(&flow.claim);
}

#[test]
fn submit_is_refused_with_the_submit_problems() {
    let refusal = Flow::new_draft().refusal(Actor::Partner, Action::Submit, SUBMITTED);
    let Refusal::SubmitProblems { problems } = &refusal else {
        panic!("expected submit problems, got {refusal:?}");
    };
    assert!(problems
        .iter()
        .any(|problem| problem.kind == ProblemKind::PoeRequired));
    assert_eq!(refusal.code(), "submit_problems");
}

#[test]
fn submit_is_for_the_partner_and_drafts_only() {
    let refusal = Flow::ready_draft().refusal(Actor::Reviewer, Action::Submit, SUBMITTED);
    assert_eq!(refusal.code(), "wrong_actor");
    let refusal = Flow::submitted().refusal(Actor::Partner, Action::Submit, LATER);
    assert_eq!(
        refusal,
        Refusal::WrongStatus {
            action: ActionKind::Submit,
            status: Status::Submitted,
            allowed_from: vec![Status::Draft]
        }
    );
}

// ---------------------------------------------------------------- start review

#[test]
fn a_reviewer_starts_the_review_of_a_submitted_claim() {
    let flow = Flow::submitted().act(Actor::Reviewer, Action::StartReview, REVIEW_STARTED);
    assert_eq!(flow.status(), Status::UnderReview);
    assert_eq!(flow.last_action(), ActionKind::StartReview);
    assert_invariants(&flow.claim);
}

#[test]
fn start_review_needs_a_reviewer_and_a_submitted_claim() {
    assert_eq!(
        Flow::submitted()
            .refusal(Actor::Partner, Action::StartReview, REVIEW_STARTED)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::under_review().refusal(Actor::Reviewer, Action::StartReview, LATER),
        Refusal::WrongStatus {
            action: ActionKind::StartReview,
            status: Status::UnderReview,
            allowed_from: vec![Status::Submitted]
        }
    );
}

// ---------------------------------------------------------------- request information

#[test]
fn a_reviewer_requests_information() {
    let flow = Flow::under_review().act(
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: vec![
                InformationReason::MissingProducts,
                InformationReason::MissingAllPoe,
                InformationReason::MissingProducts,
            ],
            comment: "  Name the products in the PoE.  ".into(),
            products_to_remove: vec![Product::MicrosoftTeams],
        },
        INFO_REQUESTED,
    );
    assert_eq!(flow.status(), Status::PartnerActionRequired);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(entry.comment, "Name the products in the PoE.");
    assert_eq!(
        entry.detail,
        Some(EventDetail::InformationRequest {
            reasons: vec![
                InformationReason::MissingAllPoe,
                InformationReason::MissingProducts
            ],
            products_to_remove: vec![Product::MicrosoftTeams],
        })
    );
    let thread = flow.claim.comments.last().expect("comment");
    assert_eq!(thread.author, Actor::Reviewer);
    assert_eq!(thread.text, "Name the products in the PoE.");
    assert_invariants(&flow.claim);
}

#[test]
fn request_information_needs_a_reason_and_a_comment() {
    let flow = Flow::under_review();
    let refusal = flow.refusal(
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: Vec::new(),
            comment: "Please fix.".into(),
            products_to_remove: Vec::new(),
        },
        INFO_REQUESTED,
    );
    assert_eq!(
        refusal,
        Refusal::MissingReason {
            action: ActionKind::RequestInformation
        }
    );
    let refusal = flow.refusal(
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingOrOldDates],
            comment: "   ".into(),
            products_to_remove: Vec::new(),
        },
        INFO_REQUESTED,
    );
    assert_eq!(
        refusal,
        Refusal::MissingComment {
            action: ActionKind::RequestInformation
        }
    );
}

#[test]
fn request_information_can_only_ask_to_remove_claimed_products() {
    let refusal = Flow::under_review().refusal(
        Actor::Reviewer,
        Action::RequestInformation {
            reasons: vec![InformationReason::MissingProducts],
            comment: "Remove Viva.".into(),
            products_to_remove: vec![Product::MicrosoftViva],
        },
        INFO_REQUESTED,
    );
    assert_eq!(
        refusal,
        Refusal::ProductNotClaimed {
            product: Product::MicrosoftViva
        }
    );
}

#[test]
fn request_information_is_for_a_reviewer_under_review() {
    assert_eq!(
        Flow::under_review()
            .refusal(Actor::Partner, request_information(), INFO_REQUESTED)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::submitted()
            .refusal(Actor::Reviewer, request_information(), INFO_REQUESTED)
            .code(),
        "wrong_status"
    );
}

#[test]
fn an_information_request_brings_an_archived_claim_back() {
    let flow = Flow::under_review()
        .act(Actor::Partner, Action::Archive, REVIEW_STARTED)
        .act(Actor::Reviewer, request_information(), INFO_REQUESTED);
    assert!(!flow.claim.archived);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        entry.changes,
        [FieldChange {
            field: "archived".into(),
            old: json!(true),
            new: json!(false)
        }]
    );
}

// ---------------------------------------------------------------- respond

#[test]
fn the_partner_responds_with_a_comment() {
    let flow = Flow::awaiting_partner().act(
        Actor::Partner,
        Action::Respond {
            comment: "Signed version attached in Partner Center.".into(),
        },
        LATER,
    );
    assert_eq!(flow.status(), Status::UnderReview);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        (entry.action, entry.from),
        (ActionKind::Respond, Some(Status::PartnerActionRequired))
    );
    assert_eq!(entry.comment, "Signed version attached in Partner Center.");
    assert_eq!(
        flow.claim.comments.last().expect("comment").author,
        Actor::Partner
    );
    assert_invariants(&flow.claim);
}

#[test]
fn the_partner_responds_without_comment_after_adding_poe_editing_or_commenting() {
    let changes = [
        Action::AddPoe(poe(2)),
        edited(|f| f.partner_id = "7654321".into()),
        comment("We will send the signed SOW."),
    ];
    for change in changes {
        let flow = Flow::awaiting_partner()
            .act(Actor::Partner, change, "2026-04-09T09:00:00-07:00")
            .act(
                Actor::Partner,
                Action::Respond {
                    comment: String::new(),
                },
                LATER,
            );
        assert_eq!(flow.status(), Status::UnderReview);
    }
}

#[test]
fn respond_needs_something_changed_since_the_request() {
    let flow = Flow::awaiting_partner();
    let respond = Action::Respond {
        comment: "  ".into(),
    };
    assert_eq!(
        flow.refusal(Actor::Partner, respond.clone(), LATER),
        Refusal::NothingChangedSinceRequest {
            requested_at: t(INFO_REQUESTED)
        }
    );
    // Ticking the self-check is not a change the reviewer can see.
    let flow = flow.act(
        Actor::Partner,
        Action::SetPoeChecklist(PoeChecklist {
            customer_acknowledgment: true,
            ..PoeChecklist::default()
        }),
        "2026-04-09T09:00:00-07:00",
    );
    assert_eq!(
        flow.refusal(Actor::Partner, respond.clone(), LATER).code(),
        "nothing_changed_since_request"
    );
    // A reviewer's comment is not the partner's change either.
    let flow = flow.act(
        Actor::Reviewer,
        comment("Any news?"),
        "2026-04-09T10:00:00-07:00",
    );
    assert_eq!(
        flow.refusal(Actor::Partner, respond, LATER).code(),
        "nothing_changed_since_request"
    );
}

#[test]
fn changes_before_an_earlier_request_do_not_count_for_a_later_one() {
    let flow = Flow::awaiting_partner()
        .act(
            Actor::Partner,
            Action::AddPoe(poe(2)),
            "2026-04-08T11:00:00-07:00",
        )
        .act(
            Actor::Partner,
            Action::Respond {
                comment: String::new(),
            },
            "2026-04-08T12:00:00-07:00",
        )
        .act(
            Actor::Reviewer,
            request_information(),
            "2026-04-08T13:00:00-07:00",
        );
    assert_eq!(
        flow.refusal(
            Actor::Partner,
            Action::Respond {
                comment: String::new()
            },
            LATER
        ),
        Refusal::NothingChangedSinceRequest {
            requested_at: t("2026-04-08T13:00:00-07:00")
        }
    );
}

#[test]
fn respond_needs_the_submit_rules() {
    let flow = Flow::awaiting_partner().act(
        Actor::Partner,
        edited(|f| f.products.clear()),
        "2026-04-09T09:00:00-07:00",
    );
    let refusal = flow.refusal(
        Actor::Partner,
        Action::Respond {
            comment: "Removed the products.".into(),
        },
        LATER,
    );
    let Refusal::SubmitProblems { problems } = refusal else {
        panic!("expected submit problems, got {refusal:?}");
    };
    assert!(problems
        .iter()
        .any(|problem| problem.field == "fields.products"));
}

#[test]
fn respond_is_for_the_partner_when_action_is_required() {
    let respond = Action::Respond {
        comment: "Done.".into(),
    };
    assert_eq!(
        Flow::awaiting_partner()
            .refusal(Actor::Reviewer, respond.clone(), LATER)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::under_review().refusal(Actor::Partner, respond, LATER),
        Refusal::WrongStatus {
            action: ActionKind::Respond,
            status: Status::UnderReview,
            allowed_from: vec![Status::PartnerActionRequired]
        }
    );
}

#[test]
fn a_response_after_the_deadline_is_refused_because_the_claim_was_auto_rejected() {
    let flow = Flow::awaiting_partner();
    let refusal = flow.refusal(
        Actor::Partner,
        Action::Respond {
            comment: "Sorry, late.".into(),
        },
        "2026-04-16T09:00:00-07:00",
    );
    assert_eq!(
        refusal,
        Refusal::OvertakenBySystem {
            transition: ActionKind::PartnerResponseExpired,
            at: t(PARTNER_RESPONSE_DUE),
            cause: Box::new(Refusal::WrongStatus {
                action: ActionKind::Respond,
                status: Status::Rejected,
                allowed_from: vec![Status::PartnerActionRequired]
            }),
        }
    );
    assert_eq!(refusal.hint(), None, "{refusal}");
    assert_eq!(refusal.root_cause().code(), "wrong_status");
}

#[test]
fn a_response_recorded_late_but_effective_before_the_deadline_counts() {
    let flow = Flow::awaiting_partner();
    let claim = lifecycle::apply(
        &flow.claim,
        Action::Respond {
            comment: "Sent on time, recorded later.".into(),
        },
        Actor::Partner,
        t("2026-04-15T23:59:59-07:00"),
        t("2026-04-20T09:00:00-07:00"),
        &flow.rules,
    )
    .expect("on time");
    assert_eq!(claim.status, Status::UnderReview);
    let entry = claim.history.last().expect("entry");
    assert_eq!(entry.at, t("2026-04-15T23:59:59-07:00"));
    assert_eq!(entry.recorded_at, t("2026-04-20T09:00:00-07:00"));
    assert_eq!(claim.updated_at, t("2026-04-20T09:00:00-07:00"));
}

// ---------------------------------------------------------------- approve / reject

#[test]
fn a_reviewer_approves() {
    let flow = Flow::under_review().act(Actor::Reviewer, Action::Approve, DECIDED);
    assert_eq!(flow.status(), Status::Approved);
    assert_eq!(
        phase(&flow.claim, t(DECIDED), &flow.rules),
        Phase::ConsentPeriod {
            until: t(CONSENT_ENDS)
        }
    );
    assert_invariants(&flow.claim);
}

#[test]
fn a_reviewer_rejects_with_a_reason() {
    for reason in [
        ReviewerRejectionReason::InsufficientPoe,
        ReviewerRejectionReason::CustomerConsentMissingInPoe,
        ReviewerRejectionReason::MissingProducts,
        ReviewerRejectionReason::PoeNotAvailable,
        ReviewerRejectionReason::Other("Duplicate of another claim".into()),
    ] {
        let flow = Flow::under_review().act(
            Actor::Reviewer,
            Action::Reject {
                reason: reason.clone(),
            },
            DECIDED,
        );
        assert_eq!(flow.status(), Status::Rejected);
        assert_eq!(
            flow.claim.history.last().expect("entry").detail,
            Some(EventDetail::Rejection {
                reason: RejectionReason::Reviewer(reason)
            })
        );
    }
}

#[test]
fn reject_with_other_needs_a_text() {
    assert_eq!(
        Flow::under_review().refusal(
            Actor::Reviewer,
            Action::Reject {
                reason: ReviewerRejectionReason::Other(" ".into())
            },
            DECIDED
        ),
        Refusal::MissingReason {
            action: ActionKind::Reject
        }
    );
}

#[test]
fn approve_and_reject_need_a_reviewer_and_a_review() {
    let reject = Action::Reject {
        reason: ReviewerRejectionReason::InsufficientPoe,
    };
    for action in [Action::Approve, reject] {
        assert_eq!(
            Flow::under_review()
                .refusal(Actor::Partner, action.clone(), DECIDED)
                .code(),
            "wrong_actor"
        );
        for flow in [Flow::submitted(), Flow::awaiting_partner()] {
            assert_eq!(
                flow.refusal(Actor::Reviewer, action.clone(), DECIDED),
                Refusal::WrongStatus {
                    action: action.kind(),
                    status: flow.status(),
                    allowed_from: vec![Status::UnderReview]
                }
            );
        }
    }
}

// ---------------------------------------------------------------- system transitions

#[test]
fn the_partner_response_deadline_rejects_the_claim_at_the_deadline() {
    let flow = Flow::awaiting_partner();
    let before = flow.clone().advance("2026-04-15T23:59:59-07:00");
    assert_eq!(before.claim, flow.claim, "nothing due yet");

    let flow = flow.advance("2026-04-20T08:00:00-07:00");
    assert_eq!(flow.status(), Status::Rejected);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        (entry.actor, entry.action, entry.from, entry.to),
        (
            Actor::System,
            ActionKind::PartnerResponseExpired,
            Some(Status::PartnerActionRequired),
            Status::Rejected
        )
    );
    assert_eq!(entry.at, t(PARTNER_RESPONSE_DUE));
    assert_eq!(entry.recorded_at, t(PARTNER_RESPONSE_DUE));
    assert_eq!(
        entry.detail,
        Some(EventDetail::Rejection {
            reason: RejectionReason::NoPartnerResponse
        })
    );
    assert_eq!(flow.claim.updated_at, t(PARTNER_RESPONSE_DUE));
    assert_invariants(&flow.claim);
}

#[test]
fn the_end_of_the_consent_period_makes_the_association_official() {
    let flow = Flow::approved().advance(CONSENT_ENDS);
    assert_eq!(flow.status(), Status::Approved);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(
        (entry.actor, entry.action, entry.from, entry.to),
        (
            Actor::System,
            ActionKind::ConsentEnded,
            Some(Status::Approved),
            Status::Approved
        )
    );
    assert_eq!(entry.at, t(CONSENT_ENDS));
    assert_eq!(
        phase(&flow.claim, t(CONSENT_ENDS), &flow.rules),
        Phase::Official {
            since: Some(t(CONSENT_ENDS))
        }
    );
    assert_invariants(&flow.claim);
}

#[test]
fn system_transitions_are_idempotent_and_never_user_actions() {
    let flow = Flow::awaiting_partner();
    let now = t("2026-05-01T00:00:00Z");
    let once = lifecycle::advance(&flow.claim, now, &flow.rules);
    let twice = lifecycle::advance(&once, now, &flow.rules);
    assert_eq!(once, twice);
    assert!(user_actions(Actor::System).is_empty());
    for actor in [Actor::Partner, Actor::Reviewer, Actor::Customer] {
        let kinds = user_actions(actor);
        assert!(!kinds.contains(&ActionKind::PartnerResponseExpired));
        assert!(!kinds.contains(&ActionKind::ConsentEnded));
    }
}

// ---------------------------------------------------------------- customer decline

#[test]
fn the_customer_declines_during_the_consent_period() {
    let flow = Flow::approved().act(
        Actor::Customer,
        Action::CustomerDecline,
        "2026-04-16T23:59:59-07:00",
    );
    assert_eq!(flow.status(), Status::Rejected);
    assert_eq!(
        flow.claim.history.last().expect("entry").detail,
        Some(EventDetail::Rejection {
            reason: RejectionReason::CustomerDeclined
        })
    );
    assert_invariants(&flow.claim);
}

#[test]
fn the_customer_cannot_decline_after_the_consent_period() {
    let flow = Flow::approved();
    // Not yet advanced: the consent end is applied first and explains the refusal.
    let refusal = flow.refusal(Actor::Customer, Action::CustomerDecline, CONSENT_ENDS);
    let window_closed = Refusal::WindowClosed {
        clock: ClockKind::CustomerConsent,
        closed_at: t(CONSENT_ENDS),
    };
    assert_eq!(
        refusal,
        Refusal::OvertakenBySystem {
            transition: ActionKind::ConsentEnded,
            at: t(CONSENT_ENDS),
            cause: Box::new(window_closed.clone())
        }
    );
    // Already advanced: the closed window itself.
    let flow = flow.advance(CONSENT_ENDS);
    assert_eq!(
        flow.refusal(
            Actor::Customer,
            Action::CustomerDecline,
            "2026-04-20T09:00:00-07:00"
        ),
        window_closed
    );
    assert_eq!(window_closed.hint(), Some(RefusalHint::AssociationOfficial));
}

#[test]
fn only_the_customer_declines_and_only_approved_claims() {
    assert_eq!(
        Flow::approved()
            .refusal(Actor::Partner, Action::CustomerDecline, LATER)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::under_review()
            .refusal(Actor::Customer, Action::CustomerDecline, LATER)
            .code(),
        "wrong_status"
    );
}

// ---------------------------------------------------------------- request rejection

#[test]
fn the_partner_requests_rejection_from_every_open_status() {
    for flow in [
        Flow::submitted(),
        Flow::under_review(),
        Flow::awaiting_partner(),
        Flow::approved(),
    ] {
        for reason in [
            PartnerRejectionReason::WrongMpn,
            PartnerRejectionReason::WrongActivity,
            PartnerRejectionReason::NoLongerWorkingWithCustomer,
            PartnerRejectionReason::Other("Customer merged".into()),
        ] {
            let next = flow.clone().act(
                Actor::Partner,
                Action::RequestRejection {
                    reason: reason.clone(),
                },
                "2026-04-10T09:00:00-07:00",
            );
            assert_eq!(next.status(), Status::Rejected);
            assert_eq!(
                next.claim.history.last().expect("entry").detail,
                Some(EventDetail::Rejection {
                    reason: RejectionReason::PartnerRequested(reason)
                })
            );
        }
    }
}

#[test]
fn request_rejection_is_refused_from_draft_rejected_and_disputed() {
    let action = Action::RequestRejection {
        reason: PartnerRejectionReason::WrongMpn,
    };
    for flow in [Flow::new_draft(), Flow::rejected(), Flow::disputed()] {
        assert_eq!(
            flow.refusal(Actor::Partner, action.clone(), "2026-04-10T12:00:00-07:00"),
            Refusal::WrongStatus {
                action: ActionKind::RequestRejection,
                status: flow.status(),
                allowed_from: vec![
                    Status::Submitted,
                    Status::UnderReview,
                    Status::PartnerActionRequired,
                    Status::Approved
                ]
            }
        );
    }
    assert_eq!(
        Flow::submitted()
            .refusal(Actor::Reviewer, action, LATER)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::submitted().refusal(
            Actor::Partner,
            Action::RequestRejection {
                reason: PartnerRejectionReason::Other(String::new())
            },
            LATER
        ),
        Refusal::MissingReason {
            action: ActionKind::RequestRejection
        }
    );
}

// ---------------------------------------------------------------- dispute

fn dispute(justification: &str, poe: Vec<claim_rules::model::PoeDocument>) -> Action {
    Action::Dispute {
        justification: justification.into(),
        poe,
    }
}

#[test]
fn the_partner_disputes_a_rejection_with_a_justification() {
    let flow = Flow::rejected().act(
        Actor::Partner,
        dispute("The SOW is signed by the CIO.", Vec::new()),
        "2026-04-10T10:00:00-07:00",
    );
    assert_eq!(flow.status(), Status::Disputed);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(entry.comment, "The SOW is signed by the CIO.");
    assert_eq!(
        entry.detail,
        Some(EventDetail::Dispute {
            justification: "The SOW is signed by the CIO.".into(),
            poe_added: Vec::new()
        })
    );
    assert_invariants(&flow.claim);
}

#[test]
fn the_partner_disputes_with_updated_poe_only() {
    let flow = Flow::rejected().act(
        Actor::Partner,
        dispute("", vec![poe(2), poe(3)]),
        "2026-04-10T10:00:00-07:00",
    );
    assert_eq!(flow.status(), Status::Disputed);
    assert_eq!(flow.claim.poe.len(), 3);
    let entry = flow.claim.history.last().expect("entry");
    assert_eq!(entry.changes.len(), 2);
    assert_eq!(
        entry.detail,
        Some(EventDetail::Dispute {
            justification: String::new(),
            poe_added: vec![poe(2).id, poe(3).id]
        })
    );
    assert!(flow.claim.poe[1..]
        .iter()
        .all(|document| document.added_at == t("2026-04-10T10:00:00-07:00")));
}

#[test]
fn a_dispute_needs_a_justification_or_poe() {
    assert_eq!(
        Flow::rejected().refusal(Actor::Partner, dispute("  ", Vec::new()), LATER),
        Refusal::MissingJustification
    );
    assert_eq!(
        Flow::rejected().refusal(Actor::Partner, dispute("", vec![poe(1)]), LATER),
        Refusal::DuplicatePoe { id: poe(1).id }
    );
}

#[test]
fn a_dispute_is_refused_once_the_window_has_closed() {
    let flow = Flow::rejected();
    flow.clone().act(
        Actor::Partner,
        dispute("Just in time.", Vec::new()),
        "2026-05-09T23:59:59-07:00",
    );
    let refusal = flow.refusal(
        Actor::Partner,
        dispute("Too late.", Vec::new()),
        DISPUTE_WINDOW_CLOSES,
    );
    assert_eq!(
        refusal,
        Refusal::WindowClosed {
            clock: ClockKind::DisputeWindow,
            closed_at: t(DISPUTE_WINDOW_CLOSES)
        }
    );
    assert_eq!(refusal.hint(), Some(RefusalHint::StartNewClaim));
}

#[test]
fn a_rejection_at_the_partners_request_cannot_be_disputed() {
    assert_eq!(
        Flow::rejected_at_partner_request().refusal(
            Actor::Partner,
            dispute("Changed my mind.", Vec::new()),
            LATER
        ),
        Refusal::RejectedAtPartnerRequest
    );
}

#[test]
fn a_claim_is_disputed_at_most_once() {
    let flow = Flow::disputed()
        .act(
            Actor::Reviewer,
            Action::OverturnRejection,
            "2026-04-13T10:00:00-07:00",
        )
        .act(
            Actor::Customer,
            Action::CustomerDecline,
            "2026-04-14T10:00:00-07:00",
        );
    assert_eq!(flow.status(), Status::Rejected);
    assert_eq!(
        flow.refusal(
            Actor::Partner,
            dispute("Again.", Vec::new()),
            "2026-04-15T10:00:00-07:00"
        ),
        Refusal::AlreadyDisputed
    );
}

#[test]
fn an_upheld_rejection_is_final() {
    let flow = Flow::disputed().act(
        Actor::Reviewer,
        Action::UpholdRejection,
        "2026-04-13T10:00:00-07:00",
    );
    assert_eq!(
        flow.refusal(
            Actor::Partner,
            dispute("Again.", Vec::new()),
            "2026-04-14T10:00:00-07:00"
        ),
        Refusal::DisputeFinal
    );
}

#[test]
fn rejections_by_the_system_and_the_customer_can_be_disputed() {
    let flow = Flow::awaiting_partner()
        .advance("2026-04-16T09:00:00-07:00")
        .act(
            Actor::Partner,
            dispute("We did respond by e-mail.", Vec::new()),
            "2026-04-16T09:00:00-07:00",
        );
    assert_eq!(flow.status(), Status::Disputed);
    let flow = Flow::approved()
        .act(
            Actor::Customer,
            Action::CustomerDecline,
            "2026-04-10T10:00:00-07:00",
        )
        .act(
            Actor::Partner,
            dispute("The customer's admin confirmed.", Vec::new()),
            "2026-04-11T10:00:00-07:00",
        );
    assert_eq!(flow.status(), Status::Disputed);
}

#[test]
fn dispute_is_for_the_partner_on_rejected_claims() {
    assert_eq!(
        Flow::rejected()
            .refusal(Actor::Reviewer, dispute("x", Vec::new()), LATER)
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        Flow::approved()
            .refusal(Actor::Partner, dispute("x", Vec::new()), LATER)
            .code(),
        "wrong_status"
    );
}

// ---------------------------------------------------------------- uphold / overturn

#[test]
fn a_reviewer_upholds_the_rejection() {
    let flow = Flow::disputed().act(
        Actor::Reviewer,
        Action::UpholdRejection,
        "2026-04-13T10:00:00-07:00",
    );
    assert_eq!(flow.status(), Status::Rejected);
    assert_eq!(
        flow.claim.history.last().expect("entry").detail,
        Some(EventDetail::Rejection {
            reason: RejectionReason::DisputeUpheld
        })
    );
    assert_eq!(
        phase(&flow.claim, t("2026-04-13T10:00:00-07:00"), &flow.rules),
        Phase::Rejected {
            reason: Some(RejectionReason::DisputeUpheld),
            disputable_until: None
        }
    );
    assert_invariants(&flow.claim);
}

#[test]
fn a_reviewer_overturns_the_rejection_and_consent_starts() {
    let flow = Flow::disputed().act(
        Actor::Reviewer,
        Action::OverturnRejection,
        "2026-04-13T10:00:00-07:00",
    );
    assert_eq!(flow.status(), Status::Approved);
    assert_eq!(
        phase(&flow.claim, t("2026-04-13T10:00:00-07:00"), &flow.rules),
        Phase::ConsentPeriod {
            until: t("2026-04-21T00:00:00-07:00")
        }
    );
    assert_invariants(&flow.claim);
}

#[test]
fn uphold_and_overturn_are_for_a_reviewer_on_disputed_claims() {
    for action in [Action::UpholdRejection, Action::OverturnRejection] {
        assert_eq!(
            Flow::disputed()
                .refusal(Actor::Partner, action.clone(), "2026-04-13T10:00:00-07:00")
                .code(),
            "wrong_actor"
        );
        assert_eq!(
            Flow::rejected().refusal(Actor::Reviewer, action.clone(), LATER),
            Refusal::WrongStatus {
                action: action.kind(),
                status: Status::Rejected,
                allowed_from: vec![Status::Disputed]
            }
        );
    }
}

// ---------------------------------------------------------------- start a new claim

#[test]
fn a_new_claim_starts_from_a_rejection_whose_dispute_window_closed() {
    let flow = Flow::rejected();
    let (original, restarted) = start_new_claim_from(
        &flow.claim,
        id(2),
        Actor::Partner,
        t(DISPUTE_WINDOW_CLOSES),
        &flow.rules,
    )
    .expect("allowed");
    assert_eq!(original.links.restarted_as, vec![id(2)]);
    assert_eq!(original.status, Status::Rejected);
    let entry = original.history.last().expect("entry");
    assert_eq!(entry.action, ActionKind::RestartedAs);
    assert_eq!(entry.detail, Some(EventDetail::Link { claim: id(2) }));
    assert_eq!(original.revision, flow.claim.revision + 1);
    assert_invariants(&original);

    assert_eq!(restarted.id, id(2));
    assert_eq!(restarted.status, Status::Draft);
    assert_eq!(restarted.revision, 1);
    assert_eq!(restarted.fields, flow.claim.fields);
    assert_eq!(restarted.poe, flow.claim.poe);
    assert_eq!(restarted.poe_checklist, PoeChecklist::default());
    assert!(restarted.comments.is_empty());
    assert_eq!(restarted.links.started_from, Some(flow.claim.id));
    let entry = &restarted.history[0];
    assert_eq!(
        (entry.action, entry.from, entry.to),
        (ActionKind::StartedFrom, None, Status::Draft)
    );
    assert_eq!(
        entry.detail,
        Some(EventDetail::Link {
            claim: flow.claim.id
        })
    );
    assert_invariants(&restarted);
}

#[test]
fn a_new_claim_starts_from_an_upheld_or_partner_requested_rejection_at_once() {
    let upheld = Flow::disputed().act(
        Actor::Reviewer,
        Action::UpholdRejection,
        "2026-04-13T10:00:00-07:00",
    );
    let requested = Flow::rejected_at_partner_request();
    for flow in [upheld, requested] {
        let (original, restarted) = start_new_claim_from(
            &flow.claim,
            id(3),
            Actor::Partner,
            t("2026-04-14T10:00:00-07:00"),
            &flow.rules,
        )
        .expect("allowed");
        assert_eq!(original.links.restarted_as, vec![id(3)]);
        assert_eq!(restarted.links.started_from, Some(id(1)));
    }
}

#[test]
fn a_new_claim_is_refused_while_the_rejection_can_be_disputed() {
    let flow = Flow::rejected();
    let refusal = start_new_claim_from(
        &flow.claim,
        id(2),
        Actor::Partner,
        t("2026-05-09T23:59:59-07:00"),
        &flow.rules,
    )
    .expect_err("still disputable");
    assert_eq!(
        refusal,
        Refusal::DisputeStillPossible {
            until: t(DISPUTE_WINDOW_CLOSES)
        }
    );
}

#[test]
fn a_new_claim_needs_the_partner_a_rejected_claim_and_a_new_id() {
    let flow = Flow::rejected_at_partner_request();
    let at = t("2026-04-14T10:00:00-07:00");
    assert_eq!(
        start_new_claim_from(&flow.claim, id(2), Actor::Reviewer, at, &flow.rules)
            .expect_err("reviewer")
            .code(),
        "wrong_actor"
    );
    assert_eq!(
        start_new_claim_from(&flow.claim, flow.claim.id, Actor::Partner, at, &flow.rules),
        Err(Refusal::NewIdSameAsOriginal)
    );
    let approved = Flow::approved();
    assert_eq!(
        start_new_claim_from(&approved.claim, id(2), Actor::Partner, at, &approved.rules)
            .expect_err("approved")
            .code(),
        "wrong_status"
    );
}

// ---------------------------------------------------------------- comment

#[test]
fn anyone_comments_on_a_claim_that_is_not_a_draft() {
    let mut flow = Flow::submitted();
    for actor in [Actor::Partner, Actor::Reviewer, Actor::Customer] {
        flow = flow.act(actor, comment(&format!("From {actor:?}")), LATER);
        let entry = flow.claim.history.last().expect("entry");
        assert_eq!(
            (entry.actor, entry.action, entry.to),
            (actor, ActionKind::Comment, Status::Submitted)
        );
        assert_eq!(entry.comment, format!("From {actor:?}"));
        let thread = flow.claim.comments.last().expect("comment");
        assert_eq!((thread.author, thread.at), (actor, t(LATER)));
    }
    assert_invariants(&flow.claim);
}

#[test]
fn only_the_partner_comments_on_a_draft() {
    let flow = Flow::new_draft();
    flow.clone()
        .act(Actor::Partner, comment("Note to self"), LATER);
    for actor in [Actor::Reviewer, Actor::Customer] {
        let refusal = flow.refusal(actor, comment("Hello"), LATER);
        assert_eq!(refusal.code(), "wrong_status");
        assert_eq!(refusal.hint(), Some(RefusalHint::DraftNotSent), "{refusal}");
    }
    assert_eq!(
        flow.refusal(Actor::System, comment("Beep"), LATER).code(),
        "wrong_actor"
    );
}

#[test]
fn a_comment_is_not_empty_and_at_most_4000_characters() {
    let flow = Flow::submitted();
    assert_eq!(
        flow.refusal(Actor::Partner, comment(" \n "), LATER),
        Refusal::MissingComment {
            action: ActionKind::Comment
        }
    );
    let longest = "å".repeat(MAX_COMMENT_CHARS);
    flow.clone().act(Actor::Partner, comment(&longest), LATER);
    assert_eq!(
        flow.refusal(Actor::Partner, comment(&format!("{longest}x")), LATER),
        Refusal::CommentTooLong {
            length: MAX_COMMENT_CHARS + 1,
            max: MAX_COMMENT_CHARS
        }
    );
}

// ---------------------------------------------------------------- archive

#[test]
fn the_partner_archives_and_unarchives() {
    for flow in [
        Flow::submitted(),
        Flow::under_review(),
        Flow::approved(),
        Flow::rejected(),
        Flow::disputed(),
    ] {
        let at = "2026-04-10T12:00:00-07:00";
        let status = flow.status();
        let flow = flow.act(Actor::Partner, Action::Archive, at);
        assert!(flow.claim.archived);
        assert_eq!(flow.status(), status);
        assert_eq!(
            flow.refusal(Actor::Partner, Action::Archive, at),
            Refusal::AlreadyArchived
        );
        let flow = flow.act(Actor::Partner, Action::Unarchive, at);
        assert!(!flow.claim.archived);
        assert_eq!(
            flow.refusal(Actor::Partner, Action::Unarchive, at),
            Refusal::NotArchived
        );
        assert_invariants(&flow.claim);
    }
}

#[test]
fn drafts_and_claims_awaiting_the_partner_are_not_archived() {
    let refusal = Flow::new_draft().refusal(Actor::Partner, Action::Archive, LATER);
    assert_eq!(refusal.code(), "wrong_status");
    assert_eq!(
        refusal.hint(),
        Some(RefusalHint::DeleteDraftInstead),
        "{refusal}"
    );
    let refusal = Flow::awaiting_partner().refusal(Actor::Partner, Action::Archive, LATER);
    assert_eq!(refusal.code(), "wrong_status");
    assert_eq!(refusal.hint(), Some(RefusalHint::RespondFirst), "{refusal}");
    assert_eq!(
        Flow::submitted()
            .refusal(Actor::Reviewer, Action::Archive, LATER)
            .code(),
        "wrong_actor"
    );
}

// ---------------------------------------------------------------- effective time

#[test]
fn an_action_cannot_take_effect_before_the_previous_entry() {
    let flow = Flow::submitted();
    let refusal = flow.refusal(
        Actor::Reviewer,
        Action::StartReview,
        "2026-04-06T09:59:59-07:00",
    );
    assert_eq!(
        refusal,
        Refusal::EffectiveTimeBeforePrevious {
            previous: t(SUBMITTED),
            previous_action: ActionKind::Submit
        }
    );
    // At the same instant is fine.
    flow.act(Actor::Reviewer, Action::StartReview, SUBMITTED);
}

#[test]
fn an_action_before_a_system_entry_is_explained() {
    let flow = Flow::awaiting_partner().advance("2026-04-20T00:00:00-07:00");
    let refusal = flow.refusal(
        Actor::Partner,
        Action::Respond {
            comment: "Backdated".into(),
        },
        "2026-04-15T12:00:00-07:00",
    );
    assert_eq!(
        refusal,
        Refusal::EffectiveTimeBeforePrevious {
            previous: t(PARTNER_RESPONSE_DUE),
            previous_action: ActionKind::PartnerResponseExpired
        }
    );
    assert_eq!(
        refusal.hint(),
        Some(RefusalHint::RecordedAtDeadline),
        "{refusal}"
    );
}

#[test]
fn an_action_cannot_take_effect_in_the_future() {
    let flow = Flow::submitted();
    let refusal = lifecycle::apply(
        &flow.claim,
        Action::StartReview,
        Actor::Reviewer,
        t("2026-04-08T10:00:00-07:00"),
        t("2026-04-08T09:59:59-07:00"),
        &flow.rules,
    )
    .expect_err("future");
    assert_eq!(
        refusal,
        Refusal::EffectiveTimeInFuture {
            effective_at: t("2026-04-08T10:00:00-07:00"),
            recorded_at: t("2026-04-08T09:59:59-07:00")
        }
    );
}

#[test]
fn each_action_appends_exactly_one_entry_stamped_with_both_times() {
    let flow = Flow::submitted();
    let claim = lifecycle::apply(
        &flow.claim,
        Action::StartReview,
        Actor::Reviewer,
        t("2026-04-07T10:00:00-07:00"),
        t("2026-04-08T15:00:00-07:00"),
        &flow.rules,
    )
    .expect("allowed");
    assert_eq!(claim.history.len(), flow.claim.history.len() + 1);
    assert_eq!(
        claim.history[..flow.claim.history.len()],
        flow.claim.history[..]
    );
    let entry = claim.history.last().expect("entry");
    assert_eq!(entry.at, t("2026-04-07T10:00:00-07:00"));
    assert_eq!(entry.recorded_at, t("2026-04-08T15:00:00-07:00"));
    assert_eq!(claim.updated_at, t("2026-04-08T15:00:00-07:00"));
    assert_eq!(claim.revision, flow.claim.revision + 1);
}

// ---------------------------------------------------------------- allowed actions

fn availability(
    flow: &Flow,
    actor: Actor,
    now: &str,
) -> Vec<(ActionKind, Result<(), &'static str>)> {
    allowed_actions(&flow.claim, actor, t(now), &flow.rules)
        .into_iter()
        .map(|item| (item.action, item.allowed.map_err(|refusal| refusal.code())))
        .collect()
}

#[test]
fn allowed_actions_for_the_partner_on_a_draft() {
    let got = availability(&Flow::new_draft(), Actor::Partner, LATER);
    let wrong_status = Err("wrong_status");
    assert_eq!(
        got,
        vec![
            (ActionKind::Edit, Ok(())),
            (ActionKind::AddPoe, Ok(())),
            (ActionKind::RemovePoe, Ok(())),
            (ActionKind::Submit, Err("submit_problems")),
            (ActionKind::Respond, wrong_status),
            (ActionKind::RequestRejection, wrong_status),
            (ActionKind::Dispute, wrong_status),
            (ActionKind::Comment, Ok(())),
            (ActionKind::Archive, wrong_status),
            (ActionKind::Unarchive, Err("not_archived")),
            (ActionKind::RestartedAs, wrong_status),
        ]
    );
    let ready = availability(&Flow::ready_draft(), Actor::Partner, LATER);
    assert!(ready.contains(&(ActionKind::Submit, Ok(()))));
}

#[test]
fn allowed_actions_for_the_reviewer_and_the_customer() {
    let got = availability(&Flow::under_review(), Actor::Reviewer, LATER);
    let wrong_status = Err("wrong_status");
    assert_eq!(
        got,
        vec![
            (ActionKind::StartReview, wrong_status),
            (ActionKind::RequestInformation, Ok(())),
            (ActionKind::Approve, Ok(())),
            (ActionKind::Reject, Ok(())),
            (ActionKind::UpholdRejection, wrong_status),
            (ActionKind::OverturnRejection, wrong_status),
            (ActionKind::Comment, Ok(())),
        ]
    );
    let got = availability(&Flow::approved(), Actor::Customer, LATER);
    assert_eq!(
        got,
        vec![
            (ActionKind::CustomerDecline, Ok(())),
            (ActionKind::Comment, Ok(())),
        ]
    );
    let got = availability(&Flow::approved(), Actor::Customer, CONSENT_ENDS);
    assert_eq!(
        got[0],
        (ActionKind::CustomerDecline, Err("overtaken_by_system"))
    );
    assert!(allowed_actions(&Flow::approved().claim, Actor::System, t(LATER), &rules()).is_empty());
}

#[test]
fn allowed_actions_past_the_response_deadline_explain_the_auto_rejection() {
    let flow = Flow::awaiting_partner();
    let items = allowed_actions(
        &flow.claim,
        Actor::Partner,
        t("2026-04-17T09:00:00-07:00"),
        &flow.rules,
    );
    let respond = items
        .iter()
        .find(|item| item.action == ActionKind::Respond)
        .expect("respond listed");
    let refusal = respond.allowed.clone().expect_err("refused");
    assert!(matches!(
        refusal,
        Refusal::OvertakenBySystem {
            transition: ActionKind::PartnerResponseExpired,
            ..
        }
    ));
    // Disputing the automatic rejection is possible.
    let dispute = items
        .iter()
        .find(|item| item.action == ActionKind::Dispute)
        .expect("dispute listed");
    assert_eq!(dispute.allowed, Ok(()));
}

#[test]
fn allowed_actions_explain_why_restarting_waits_for_the_dispute_window() {
    let flow = Flow::rejected();
    let items = allowed_actions(&flow.claim, Actor::Partner, t(LATER), &flow.rules);
    let restart = items
        .iter()
        .find(|item| item.action == ActionKind::RestartedAs)
        .expect("restart listed");
    assert_eq!(
        restart.allowed,
        Err(Refusal::DisputeStillPossible {
            until: t(DISPUTE_WINDOW_CLOSES)
        })
    );
    let items = allowed_actions(
        &flow.claim,
        Actor::Partner,
        t(DISPUTE_WINDOW_CLOSES),
        &flow.rules,
    );
    let by_kind = |kind| {
        items
            .iter()
            .find(|item| item.action == kind)
            .map(|item| item.allowed.clone())
    };
    assert_eq!(by_kind(ActionKind::RestartedAs), Some(Ok(())));
    assert_eq!(
        by_kind(ActionKind::Dispute),
        Some(Err(Refusal::WindowClosed {
            clock: ClockKind::DisputeWindow,
            closed_at: t(DISPUTE_WINDOW_CLOSES)
        }))
    );
}

// ---------------------------------------------------------------- phase

#[test]
fn the_phase_follows_the_lifecycle() {
    let now = |flow: &Flow, at: &str| phase(&flow.claim, t(at), &flow.rules);
    assert_eq!(now(&Flow::new_draft(), LATER), Phase::Draft);
    assert_eq!(now(&Flow::submitted(), LATER), Phase::AwaitingReview);
    assert_eq!(now(&Flow::under_review(), LATER), Phase::UnderReview);
    assert_eq!(
        now(&Flow::awaiting_partner(), LATER),
        Phase::PartnerActionRequired {
            respond_by: Some(t(PARTNER_RESPONSE_DUE))
        }
    );
    assert_eq!(
        now(&Flow::awaiting_partner(), PARTNER_RESPONSE_DUE),
        Phase::Rejected {
            reason: Some(RejectionReason::NoPartnerResponse),
            // The automatic rejection takes effect at 00:00 on 04-16, a local date
            // of its own: 30 days later is 05-16.
            disputable_until: Some(t("2026-05-17T00:00:00-07:00"))
        }
    );
    assert_eq!(
        now(&Flow::approved(), LATER),
        Phase::ConsentPeriod {
            until: t(CONSENT_ENDS)
        }
    );
    assert_eq!(
        now(&Flow::approved(), "2026-06-01T00:00:00Z"),
        Phase::Official {
            since: Some(t(CONSENT_ENDS))
        }
    );
    assert_eq!(
        now(&Flow::rejected(), LATER),
        Phase::Rejected {
            reason: Some(RejectionReason::Reviewer(
                ReviewerRejectionReason::InsufficientPoe
            )),
            disputable_until: Some(t(DISPUTE_WINDOW_CLOSES))
        }
    );
    assert_eq!(
        now(&Flow::rejected(), DISPUTE_WINDOW_CLOSES),
        Phase::Rejected {
            reason: Some(RejectionReason::Reviewer(
                ReviewerRejectionReason::InsufficientPoe
            )),
            disputable_until: None
        }
    );
    assert_eq!(now(&Flow::disputed(), LATER), Phase::Disputed);
}

// ---------------------------------------------------------------- refusals

#[test]
fn every_refusal_code_is_unique_and_serialises_with_its_parameters() {
    let samples = Refusal::samples();
    let mut codes: Vec<&str> = samples.iter().map(Refusal::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), RefusalCode::all().count(), "codes are unique");
    for refusal in &samples {
        assert!(
            refusal
                .code()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{refusal}"
        );
        assert_eq!(refusal.to_string(), format!("refusal.{}", refusal.code()));
        let json = serde_json::to_value(refusal).expect("serialises");
        assert_eq!(json["code"], refusal.code(), "{json}");
    }
    let locked = Refusal::FieldLocked {
        field: EditableField::Name,
        status: Status::Submitted,
        why: LockReason::FixedAfterSubmit,
    };
    assert_eq!(
        serde_json::to_value(&locked).expect("serialises"),
        json!({"code": "field_locked", "field": "Name", "status": "Submitted", "why": "FixedAfterSubmit"})
    );
}

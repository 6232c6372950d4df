//! Every validation rule of SPEC §2, each with its boundary values.

#[path = "fixtures/claims.rs"]
mod claims;

use claim_rules::catalog::Product;
use claim_rules::model::ContactRole;
use claim_rules::model::{Activity, ClaimFields, ClaimedProduct, Contact, SolutionArea};
use claim_rules::validation::RevenueAssociationPart;
use claim_rules::validation::{
    comment_length, comment_problems, field_problems, is_guid, is_valid_domain, is_valid_email,
    problems_for, submit_problems, BadChar, DomainIssue, GuidHint, Problem, ProblemCode,
    ProblemKind,
};
use claims::*;

/// The problems of `fields` (drafting level) about `path`.
fn at_field(fields: &ClaimFields, path: &str) -> Vec<Problem> {
    problems_for(&field_problems(fields), path)
        .cloned()
        .collect()
}

/// The codes of the submit problems of a ready draft with these fields, about `path`.
fn submit_codes(fields: ClaimFields, path: &str) -> Vec<String> {
    let mut claim = ready_draft(1);
    claim.fields = fields;
    problems_for(&submit_problems(&claim), path)
        .map(|problem| problem.code().to_string())
        .collect()
}

fn codes(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(Problem::code).collect()
}

fn with(change: impl FnOnce(&mut ClaimFields)) -> ClaimFields {
    let mut fields = valid_fields();
    change(&mut fields);
    fields
}

#[test]
fn a_complete_claim_has_no_problems() {
    assert_eq!(submit_problems(&ready_draft(1)), Vec::<Problem>::new());
    assert!(field_problems(&valid_fields()).is_empty());
    assert!(field_problems(&valid_m365_fields()).is_empty());
    let mut m365 = ready_draft(2);
    m365.fields = valid_m365_fields();
    assert!(submit_problems(&m365).is_empty());
}

#[test]
fn an_empty_draft_has_no_field_problems_but_every_required_problem() {
    assert!(field_problems(&ClaimFields::default()).is_empty());
    let claim = draft(1, ClaimFields::default());
    let problems = submit_problems(&claim);
    let expected = [
        ("fields.name", "name.required"),
        ("fields.partner_id", "partner_id.required"),
        ("fields.customer_domain", "domain.required"),
        ("fields.tenant_id", "tenant_id.required"),
        ("fields.solution_area", "solution_area.required"),
        ("fields.activities", "activity.required"),
        ("fields.products", "products.required"),
        ("fields.customer_contact.name", "contact.name_required"),
        ("fields.customer_contact.title", "contact.title_required"),
        ("fields.customer_contact.email", "contact.email_required"),
        ("fields.partner_contact.name", "contact.name_required"),
        ("fields.partner_contact.email", "contact.email_required"),
        ("poe", "poe.required"),
    ];
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|problem| (problem.field.as_str(), problem.code()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn every_problem_is_reported_at_once() {
    let fields = ClaimFields {
        name: "x".repeat(101),
        partner_id: "12a".into(),
        customer_domain: "contoso".into(),
        tenant_id: "not-a-guid".into(),
        ..valid_fields()
    };
    let problems = field_problems(&fields);
    assert_eq!(
        codes(&problems),
        [
            "name.too_long",
            "partner_id.not_digits",
            "domain.too_few_labels",
            "tenant_id.not_guid"
        ]
    );
}

#[test]
fn every_code_is_derived_from_the_kinds_and_serialises_with_its_parameters() {
    let mut claim = draft(
        1,
        ClaimFields {
            name: "x".repeat(101),
            partner_id: "1".into(),
            customer_domain: "-bad_.com.".into(),
            tenant_id: "{72f988bf-86f1-41af-91ab-2d7cd011db47}".into(),
            solution_area: Some(SolutionArea::Microsoft365),
            activities: [Activity::Presales, Activity::RevenueAssociation]
                .into_iter()
                .collect(),
            products: vec![
                ClaimedProduct::new(Product::Dynamics365Sales),
                ClaimedProduct::new(Product::Dynamics365Sales),
            ],
            ..ClaimFields::default()
        },
    );
    claim.fields.customer_contact.email = "a b@@x".into();
    let problems = submit_problems(&claim);
    assert!(problems.len() > 10);
    let all: Vec<&str> = ProblemCode::all().map(ProblemCode::code).collect();
    for problem in &problems {
        assert!(all.contains(&problem.code()), "{problem}");
        let json = serde_json::to_value(problem).expect("serialises");
        assert_eq!(json["code"], problem.code());
        assert_eq!(json["field"], problem.field.as_str());
    }
    let label_too_long = Problem::new(
        "fields.customer_domain",
        ProblemKind::DomainLabelTooLong {
            label: "x".repeat(64),
            length: 64,
            max: 63,
        },
    );
    assert_eq!(
        serde_json::to_value(&label_too_long).expect("serialises"),
        serde_json::json!({
            "field": "fields.customer_domain",
            "code": "domain.label_too_long",
            "label": "x".repeat(64),
            "length": 64,
            "max": 63
        })
    );
    // Codes are unique, and every code has a sample of its kind.
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
    let samples = ProblemKind::samples();
    for code in ProblemCode::all() {
        assert!(samples.iter().any(|kind| ProblemCode::from(kind) == code));
    }
}

// ---- name -------------------------------------------------------------------------

#[test]
fn name_is_1_to_100_characters_trimmed() {
    let ok = with(|f| f.name = "n".repeat(100));
    assert!(at_field(&ok, "fields.name").is_empty());
    let ok_padded = with(|f| f.name = format!("  {}  ", "n".repeat(100)));
    assert!(at_field(&ok_padded, "fields.name").is_empty());
    let ok_unicode = with(|f| f.name = "é".repeat(100));
    assert!(at_field(&ok_unicode, "fields.name").is_empty());

    let long = with(|f| f.name = "n".repeat(101));
    let problems = at_field(&long, "fields.name");
    assert_eq!(codes(&problems), ["name.too_long"]);
    assert_eq!(
        problems[0].kind,
        ProblemKind::NameTooLong {
            length: 101,
            max: 100
        }
    );

    let blank = with(|f| f.name = "   ".into());
    assert!(at_field(&blank, "fields.name").is_empty());
    assert_eq!(submit_codes(blank, "fields.name"), ["name.required"]);
}

// ---- partner ID -------------------------------------------------------------------

#[test]
fn partner_id_is_6_to_10_digits() {
    for ok in ["123456", "1234567890", " 1234567 "] {
        assert!(
            at_field(&with(|f| f.partner_id = ok.into()), "fields.partner_id").is_empty(),
            "{ok}"
        );
    }
    for (bad, length) in [("12345", 5), ("12345678901", 11)] {
        let problems = at_field(&with(|f| f.partner_id = bad.into()), "fields.partner_id");
        assert_eq!(codes(&problems), ["partner_id.length"], "{bad}");
        assert_eq!(
            problems[0].kind,
            ProblemKind::PartnerIdLength {
                length,
                min: 6,
                max: 10
            }
        );
    }
    for bad in ["12345a", "1234-567", "١٢٣٤٥٦٧", "123 4567"] {
        let problems = at_field(&with(|f| f.partner_id = bad.into()), "fields.partner_id");
        assert_eq!(codes(&problems), ["partner_id.not_digits"], "{bad}");
    }
    assert_eq!(
        submit_codes(with(|f| f.partner_id = String::new()), "fields.partner_id"),
        ["partner_id.required"]
    );
}

// ---- customer domain --------------------------------------------------------------

fn domain_codes(domain: &str) -> Vec<String> {
    at_field(
        &with(|f| f.customer_domain = domain.into()),
        "fields.customer_domain",
    )
    .into_iter()
    .map(|problem| problem.code().to_string())
    .collect()
}

#[test]
fn domain_accepts_ordinary_names_in_any_case() {
    for ok in [
        "contoso.com",
        "Contoso.COM",
        "sales.emea.contoso.co.uk",
        "con-toso.com",
        "123.example",
        "a.b",
        "xn--mller-kva.de",
        " contoso.com ",
    ] {
        assert!(domain_codes(ok).is_empty(), "{ok}: {:?}", domain_codes(ok));
        assert!(is_valid_domain(ok), "{ok}");
    }
}

#[test]
fn domain_needs_two_labels() {
    assert_eq!(domain_codes("contoso"), ["domain.too_few_labels"]);
    let problems = at_field(
        &with(|f| f.customer_domain = "contoso".into()),
        "fields.customer_domain",
    );
    assert_eq!(problems[0].kind, ProblemKind::DomainTooFewLabels);
}

#[test]
fn domain_labels_are_at_most_63_characters() {
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    assert!(domain_codes(&format!("{label63}.com")).is_empty());
    assert_eq!(
        domain_codes(&format!("{label64}.com")),
        ["domain.label_too_long"]
    );
    let problems = at_field(
        &with(|f| f.customer_domain = format!("{label64}.com")),
        "fields.customer_domain",
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::DomainLabelTooLong {
            label: label64,
            length: 64,
            max: 63
        }
    );
}

#[test]
fn domain_is_at_most_253_characters() {
    // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253
    let name253 = format!("{0}.{0}.{0}.{1}", "a".repeat(63), "b".repeat(61));
    assert_eq!(name253.len(), 253);
    assert!(domain_codes(&name253).is_empty());
    let name254 = format!("{0}.{0}.{0}.{1}", "a".repeat(63), "b".repeat(62));
    assert_eq!(domain_codes(&name254), ["domain.too_long"]);
    let problems = at_field(
        &with(|f| f.customer_domain = name254.clone()),
        "fields.customer_domain",
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::DomainTooLong {
            length: 254,
            max: 253
        }
    );
}

#[test]
fn domain_labels_do_not_start_or_end_with_a_hyphen() {
    assert_eq!(domain_codes("-contoso.com"), ["domain.label_hyphen_edge"]);
    assert_eq!(domain_codes("contoso-.com"), ["domain.label_hyphen_edge"]);
    assert_eq!(domain_codes("contoso.-com"), ["domain.label_hyphen_edge"]);
    let problems = at_field(
        &with(|f| f.customer_domain = "contoso-.com".into()),
        "fields.customer_domain",
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::DomainLabelHyphenEdge {
            label: "contoso-".into()
        }
    );
}

#[test]
fn domain_labels_hold_only_letters_digits_and_hyphens() {
    assert_eq!(domain_codes("cont_oso.com"), ["domain.label_invalid_char"]);
    assert_eq!(domain_codes("müller.de"), ["domain.label_invalid_char"]);
    assert_eq!(domain_codes("contoso .com"), ["domain.label_invalid_char"]);
    let problems = at_field(
        &with(|f| f.customer_domain = "bad_label.com".into()),
        "fields.customer_domain",
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::DomainLabelInvalidChar {
            label: "bad_label".into(),
            character: BadChar::Visible('_')
        }
    );
    let space = at_field(
        &with(|f| f.customer_domain = "con toso.com".into()),
        "fields.customer_domain",
    );
    assert_eq!(
        space[0].kind,
        ProblemKind::DomainLabelInvalidChar {
            label: "con toso".into(),
            character: BadChar::Space
        }
    );
}

#[test]
fn domain_reports_each_bad_label() {
    assert_eq!(
        domain_codes("-a.b_c.com"),
        ["domain.label_hyphen_edge", "domain.label_invalid_char"]
    );
}

#[test]
fn domain_rejects_empty_labels_trailing_dots_urls_and_addresses() {
    assert_eq!(domain_codes("contoso..com"), ["domain.empty_label"]);
    assert_eq!(domain_codes(".contoso.com"), ["domain.empty_label"]);
    assert_eq!(domain_codes("contoso.com."), ["domain.trailing_dot"]);
    assert!(!is_valid_domain("contoso.com."));
    assert_eq!(domain_codes("https://contoso.com"), ["domain.url"]);
    assert_eq!(domain_codes("contoso.com/sales"), ["domain.url"]);
    assert_eq!(domain_codes("ana@contoso.com"), ["domain.email_address"]);
    assert_eq!(
        submit_codes(
            with(|f| f.customer_domain = " ".into()),
            "fields.customer_domain"
        ),
        ["domain.required"]
    );
}

// ---- tenant ID and GUIDs ----------------------------------------------------------

fn tenant_codes(tenant: &str) -> Vec<String> {
    at_field(&with(|f| f.tenant_id = tenant.into()), "fields.tenant_id")
        .into_iter()
        .map(|problem| problem.code().to_string())
        .collect()
}

#[test]
fn tenant_id_is_a_guid_in_either_case() {
    for ok in [
        TENANT,
        "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
        "72f988BF-86f1-41AF-91ab-2d7cd011db47",
        " 72f988bf-86f1-41af-91ab-2d7cd011db47 ",
    ] {
        assert!(tenant_codes(ok).is_empty(), "{ok}");
        assert!(is_guid(ok), "{ok}");
    }
}

#[test]
fn tenant_id_variants_that_are_not_8_4_4_4_12_are_rejected_with_a_hint() {
    let cases = [
        (
            "{72f988bf-86f1-41af-91ab-2d7cd011db47}",
            Some(GuidHint::Braces),
        ),
        (
            "72f988bf86f141af91ab2d7cd011db47",
            Some(GuidHint::NoHyphens),
        ),
        ("contoso.onmicrosoft.com", Some(GuidHint::LooksLikeDomain)),
        ("72f988bf-86f1-41af-91ab-2d7cd011db4", None),
        ("72f988bf-86f1-41af-91ab-2d7cd011db477", None),
        ("72f988b-f86f1-41af-91ab-2d7cd011db47", None),
        ("72f988bg-86f1-41af-91ab-2d7cd011db47", None),
        ("urn:uuid:72f988bf-86f1-41af-91ab-2d7cd011db47", None),
    ];
    for (bad, hint) in cases {
        let problems = at_field(&with(|f| f.tenant_id = bad.into()), "fields.tenant_id");
        assert_eq!(codes(&problems), ["tenant_id.not_guid"], "{bad}");
        assert_eq!(
            problems[0].kind,
            ProblemKind::TenantIdNotGuid { hint },
            "{bad}"
        );
        assert!(!is_guid(bad), "{bad}");
    }
}

#[test]
fn the_all_zero_guid_is_not_a_tenant() {
    assert_eq!(
        tenant_codes("00000000-0000-0000-0000-000000000000"),
        ["tenant_id.nil"]
    );
    assert_eq!(
        submit_codes(with(|f| f.tenant_id = String::new()), "fields.tenant_id"),
        ["tenant_id.required"]
    );
}

// ---- solution area and activity ---------------------------------------------------

#[test]
fn solution_area_and_activity_are_required() {
    assert_eq!(
        submit_codes(with(|f| f.solution_area = None), "fields.solution_area"),
        ["solution_area.required"]
    );
    assert_eq!(
        submit_codes(with(|f| f.activities.clear()), "fields.activities"),
        ["activity.required"]
    );
}

#[test]
fn microsoft_365_allows_usage_only() {
    for activity in [Activity::Presales, Activity::RevenueAssociation] {
        let mut fields = valid_m365_fields();
        fields.activities.insert(activity);
        let problems = at_field(&fields, "fields.activities");
        assert_eq!(
            codes(&problems),
            ["activity.not_allowed_for_area"],
            "{activity:?}"
        );
        assert_eq!(
            problems[0].kind,
            ProblemKind::ActivityNotAllowedForArea {
                activity,
                area: SolutionArea::Microsoft365
            }
        );
    }
}

#[test]
fn business_applications_allows_presales_and_usage_or_revenue_association_alone() {
    let both = with(|f| f.activities = [Activity::Presales, Activity::Usage].into_iter().collect());
    assert!(at_field(&both, "fields.activities").is_empty());
    let presales = with(|f| f.activities = [Activity::Presales].into_iter().collect());
    assert!(at_field(&presales, "fields.activities").is_empty());
    let mut alone = with(|f| f.activities = [Activity::RevenueAssociation].into_iter().collect());
    assert!(at_field(&alone, "fields.activities").is_empty());
    alone.activities.insert(Activity::Usage);
    assert_eq!(
        codes(&at_field(&alone, "fields.activities")),
        ["activity.revenue_association_not_alone"]
    );
}

// ---- products and subscriptions ---------------------------------------------------

#[test]
fn products_are_required_and_from_the_chosen_area() {
    assert_eq!(
        submit_codes(with(|f| f.products.clear()), "fields.products"),
        ["products.required"]
    );
    let fields = with(|f| {
        f.products
            .push(ClaimedProduct::new(Product::ExchangeOnline))
    });
    let problems = at_field(&fields, "fields.products");
    assert_eq!(codes(&problems), ["products.wrong_area"]);
    assert_eq!(problems[0].field, "fields.products[1].product");
    assert_eq!(
        problems[0].kind,
        ProblemKind::ProductWrongArea {
            product: Product::ExchangeOnline,
            product_area: SolutionArea::Microsoft365,
            area: SolutionArea::BusinessApplications
        }
    );
    // Without an area there is nothing to compare with yet.
    let no_area = with(|f| {
        f.solution_area = None;
        f.products
            .push(ClaimedProduct::new(Product::ExchangeOnline));
    });
    assert!(at_field(&no_area, "fields.products").is_empty());
}

#[test]
fn a_product_is_claimed_once() {
    let fields = with(|f| {
        f.products.push(ClaimedProduct::new(Product::PowerBiPro));
        f.products.push(ClaimedProduct::new(Product::PowerApps));
    });
    let problems = at_field(&fields, "fields.products");
    assert_eq!(codes(&problems), ["products.duplicate"]);
    assert_eq!(problems[0].field, "fields.products[2].product");
}

#[test]
fn subscription_id_is_required_for_a_product_with_several_subscriptions() {
    let fields = with(|f| {
        f.products.push(ClaimedProduct {
            product: Product::PowerBiPro,
            several_subscriptions: true,
            subscription_id: String::new(),
        })
    });
    assert!(
        at_field(&fields, "fields.products").is_empty(),
        "not a drafting problem"
    );
    let mut claim = ready_draft(1);
    claim.fields = fields;
    let problems = submit_problems(&claim);
    assert_eq!(codes(&problems), ["subscription_id.required"]);
    assert_eq!(problems[0].field, "fields.products[1].subscription_id");
    assert_eq!(
        problems[0].kind,
        ProblemKind::SubscriptionIdRequired {
            product: Product::PowerBiPro
        }
    );

    claim.fields.products[1].subscription_id = SUBSCRIPTION.to_uppercase();
    assert!(submit_problems(&claim).is_empty());
}

#[test]
fn subscription_id_must_be_a_guid_when_given() {
    for (bad, code) in [
        ("sub-123", "subscription_id.not_guid"),
        (
            "{0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0}",
            "subscription_id.not_guid",
        ),
        (
            "00000000-0000-0000-0000-000000000000",
            "subscription_id.nil",
        ),
    ] {
        let fields = with(|f| f.products[0].subscription_id = bad.into());
        let problems = at_field(&fields, "fields.products[0]");
        assert_eq!(codes(&problems), [code], "{bad}");
        assert_eq!(problems[0].field, "fields.products[0].subscription_id");
    }
}

#[test]
fn microsoft_365_workloads_need_no_subscription_id() {
    let mut claim = ready_draft(1);
    claim.fields = valid_m365_fields();
    claim.fields.products[0].several_subscriptions = true;
    assert!(submit_problems(&claim).is_empty());
}

// ---- contacts and e-mail ----------------------------------------------------------

#[test]
fn contact_name_and_title_are_1_to_100_characters() {
    let ok = with(|f| {
        f.customer_contact.name = "n".repeat(100);
        f.customer_contact.title = "t".repeat(100);
    });
    assert!(at_field(&ok, "fields.customer_contact").is_empty());
    let long = with(|f| {
        f.customer_contact.name = "n".repeat(101);
        f.customer_contact.title = "t".repeat(101);
        f.partner_contact.name = "p".repeat(101);
    });
    let problems = field_problems(&long);
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.field.as_str(), p.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("fields.customer_contact.name", "contact.name_too_long"),
            ("fields.customer_contact.title", "contact.title_too_long"),
            ("fields.partner_contact.name", "contact.name_too_long"),
        ]
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::ContactNameTooLong {
            contact: ContactRole::Customer,
            length: 101,
            max: 100
        }
    );
    assert!(matches!(
        problems[2].kind,
        ProblemKind::ContactNameTooLong {
            contact: ContactRole::Partner,
            ..
        }
    ));
}

fn email_codes(email: &str) -> Vec<String> {
    at_field(
        &with(|f| f.customer_contact.email = email.into()),
        "fields.customer_contact.email",
    )
    .into_iter()
    .map(|problem| problem.code().to_string())
    .collect()
}

#[test]
fn e_mail_addresses_pass_a_pragmatic_check() {
    for ok in [
        "ana@contoso.com",
        "Ana.Lopez+cpor@Sales.Contoso.COM",
        "o'brien@contoso.ie",
        " ana@contoso.com ",
    ] {
        assert!(email_codes(ok).is_empty(), "{ok}: {:?}", email_codes(ok));
        assert!(is_valid_email(ok), "{ok}");
    }
    let cases = [
        ("ana.contoso.com", "email.missing_at"),
        ("ana@lopez@contoso.com", "email.several_at"),
        ("@contoso.com", "email.local_part_empty"),
        ("ana@", "email.domain_missing"),
        ("ana@contoso", "email.domain_invalid"),
        ("ana@-contoso.com", "email.domain_invalid"),
        ("ana@contoso.com.", "email.domain_invalid"),
    ];
    for (bad, code) in cases {
        assert_eq!(email_codes(bad), [code], "{bad}");
        assert!(!is_valid_email(bad), "{bad}");
    }
    assert_eq!(email_codes("ana lopez@contoso.com"), ["email.invalid_char"]);
    assert_eq!(email_codes("<ana@contoso.com>"), ["email.invalid_char"]);
    assert_eq!(
        email_codes("ana@contoso.com; bo@contoso.com"),
        ["email.invalid_char", "email.several_at"]
    );
    let problems = at_field(
        &with(|f| f.customer_contact.email = "ana@contoso".into()),
        "fields.customer_contact.email",
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::EmailDomainInvalid {
            contact: ContactRole::Customer,
            domain: "contoso".into(),
            issue: DomainIssue::TooFewLabels
        }
    );
}

#[test]
fn e_mail_addresses_are_at_most_254_characters() {
    // local part 64 + "@" + domain 189 = 254
    let domain = format!(
        "{}.{}.{}.com",
        "d".repeat(63),
        "d".repeat(63),
        "d".repeat(57)
    );
    let ok = format!("{}@{domain}", "a".repeat(64));
    assert_eq!(ok.len(), 254);
    assert!(email_codes(&ok).is_empty(), "{:?}", email_codes(&ok));
    let long = format!("{}@{domain}", "a".repeat(65));
    assert_eq!(email_codes(&long), ["email.too_long"]);
}

#[test]
fn contact_parts_are_required_to_submit() {
    let fields = with(|f| f.customer_contact = Contact::default());
    assert_eq!(
        submit_codes(fields, "fields.customer_contact"),
        [
            "contact.name_required",
            "contact.title_required",
            "contact.email_required"
        ]
    );
    let fields = with(|f| f.partner_contact.email = String::new());
    assert_eq!(
        submit_codes(fields, "fields.partner_contact"),
        ["contact.email_required"]
    );
}

#[test]
fn technical_contact_is_required_when_a_dynamics_365_product_is_claimed() {
    let dynamics = with(|f| {
        f.products
            .push(ClaimedProduct::new(Product::Dynamics365Sales))
    });
    let mut claim = ready_draft(1);
    claim.fields = dynamics.clone();
    let problems = submit_problems(&claim);
    assert_eq!(codes(&problems), ["technical_contact.required"]);
    assert_eq!(problems[0].field, "fields.technical_contact");
    assert_eq!(
        problems[0].kind,
        ProblemKind::TechnicalContactRequired {
            products: vec![Product::Dynamics365Sales]
        }
    );

    // Partly filled in: each missing part.
    claim.fields.technical_contact.name = "Li Wei".into();
    assert_eq!(
        codes(&submit_problems(&claim)),
        ["contact.title_required", "contact.email_required"]
    );
    assert_eq!(
        submit_problems(&claim)[0].field,
        "fields.technical_contact.title"
    );

    claim.fields.technical_contact = Contact {
        name: "Li Wei".into(),
        title: "CRM lead".into(),
        email: "li.wei@contoso.com".into(),
    };
    assert!(submit_problems(&claim).is_empty());
}

#[test]
fn technical_contact_is_optional_otherwise_but_checked_when_typed() {
    let mut claim = ready_draft(1);
    claim.fields.products = vec![ClaimedProduct::new(Product::PowerApps)];
    assert!(submit_problems(&claim).is_empty());
    claim.fields.technical_contact.email = "li.wei".into();
    let problems = submit_problems(&claim);
    assert_eq!(codes(&problems), ["email.missing_at"]);
    assert_eq!(problems[0].field, "fields.technical_contact.email");
}

// ---- revenue association, PoE, comments -------------------------------------------

#[test]
fn revenue_association_needs_its_extras() {
    let fields = with(|f| f.activities = [Activity::RevenueAssociation].into_iter().collect());
    assert!(at_field(&fields, "fields.revenue_association").is_empty());
    let mut claim = ready_draft(1);
    claim.fields = fields.clone();
    let kinds: Vec<(String, ProblemKind)> =
        problems_for(&submit_problems(&claim), "fields.revenue_association")
            .map(|problem| (problem.field.clone(), problem.kind.clone()))
            .collect();
    let expected: Vec<(String, ProblemKind)> = RevenueAssociationPart::ALL
        .into_iter()
        .map(|part| {
            (
                part.path(),
                ProblemKind::RevenueAssociationRequired { part },
            )
        })
        .collect();
    assert_eq!(kinds, expected);
    let mut filled = fields;
    filled.revenue_association.solution_seller_name = "Fabrikam".into();
    filled.revenue_association.customer_name = "Contoso".into();
    filled.revenue_association.isv_solution_name = "s".repeat(101);
    let mut claim = ready_draft(1);
    claim.fields = filled.clone();
    assert_eq!(
        problems_for(&submit_problems(&claim), "fields.revenue_association")
            .map(|problem| problem.kind.clone())
            .collect::<Vec<_>>(),
        [ProblemKind::RevenueAssociationTooLong {
            part: RevenueAssociationPart::IsvSolutionName,
            length: 101,
            max: 100
        }]
    );
    filled.revenue_association.isv_solution_name = "s".repeat(100);
    assert!(submit_codes(filled, "").is_empty());
    // Not required for other activities.
    assert!(submit_codes(valid_fields(), "fields.revenue_association").is_empty());
}

#[test]
fn at_least_one_poe_document_is_required() {
    let claim = draft(1, valid_fields());
    let problems = submit_problems(&claim);
    assert_eq!(codes(&problems), ["poe.required"]);
    assert_eq!(problems[0].field, "poe");
}

#[test]
fn comments_are_1_to_4000_characters() {
    assert!(comment_problems(&"c".repeat(4000)).is_empty());
    let problems = comment_problems(&"c".repeat(4001));
    assert_eq!(codes(&problems), ["comment.too_long"]);
    assert_eq!(
        problems[0].kind,
        ProblemKind::CommentTooLong {
            length: 4001,
            max: 4000
        }
    );
    assert_eq!(codes(&comment_problems("  ")), ["comment.required"]);
    // Counted trimmed, as stored: 4,000 characters and a trailing space are fine.
    assert!(comment_problems(&format!("{} ", "c".repeat(4000))).is_empty());
    assert_eq!(comment_length(&format!(" {} ", "c".repeat(4000))), 4000);
}

#[test]
fn problems_for_selects_a_field_and_what_is_inside_it() {
    let problems = vec![
        Problem::new(
            "fields.products[1].subscription_id",
            ProblemKind::SubscriptionIdRequired {
                product: Product::PowerApps,
            },
        ),
        Problem::new("fields.name", ProblemKind::NameRequired),
    ];
    assert_eq!(problems_for(&problems, "fields.products").count(), 1);
    assert_eq!(problems_for(&problems, "fields.products[1]").count(), 1);
    assert_eq!(problems_for(&problems, "fields.products[10]").count(), 0);
    assert_eq!(problems_for(&problems, "fields.nam").count(), 0);
    assert_eq!(problems_for(&problems, "fields").count(), 2);
}

//! The wizard's steps, in Partner Center's order, and where each field lives: which step
//! shows it and the ID of its control, so a problem can link straight to it.

use claim_rules::catalog::Product;
use claim_rules::model::{Activity, ClaimFields, SolutionArea};
use claim_rules::validation::path_is_within;

use crate::i18n::{tr, I18n};

/// A step of the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Claim name, partner ID, customer domain and tenant ID.
    Partner,
    /// Solution area and activities.
    Activity,
    /// Products, with subscription IDs where needed.
    Products,
    /// Customer, technical and partner contacts; revenue-association details.
    Contacts,
    /// Proof of execution and the readiness checklist.
    Poe,
    /// Everything at a glance, what is missing, and submit.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Partner,
        Step::Activity,
        Step::Products,
        Step::Contacts,
        Step::Poe,
        Step::Review,
    ];

    /// The step's name in the address (`?step=`).
    pub fn code(self) -> &'static str {
        match self {
            Step::Partner => "partner",
            Step::Activity => "activity",
            Step::Products => "products",
            Step::Contacts => "contacts",
            Step::Poe => "poe",
            Step::Review => "review",
        }
    }

    /// The step named `code` in the address, if any.
    pub fn from_code(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.code() == code)
    }

    /// The step's title.
    pub fn title(self, i18n: &I18n) -> String {
        match self {
            Step::Partner => tr!(i18n, wizard.step.partner),
            Step::Activity => tr!(i18n, wizard.step.activity),
            Step::Products => tr!(i18n, wizard.step.products),
            Step::Contacts => tr!(i18n, wizard.step.contacts),
            Step::Poe => tr!(i18n, wizard.step.poe),
            Step::Review => tr!(i18n, wizard.step.review),
        }
    }

    /// Position, counting from 1.
    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|step| *step == self)
            .map_or(1, |index| index + 1)
    }

    /// The step before this one.
    pub fn previous(self) -> Option<Step> {
        Step::ALL.get(self.number().checked_sub(2)?).copied()
    }

    /// The step after this one.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// Whether a problem about the field `path` is fixed on this step.
    pub fn owns(self, path: &str) -> bool {
        target(path, &ClaimFields::default()).0 == self
    }
}

/// The element ID of a simple field's control: `fields.customer_contact.email` →
/// `wiz-customer_contact-email`.
pub fn element_id(path: &str) -> String {
    let path = path.strip_prefix("fields.").unwrap_or(path);
    format!("wiz-{}", path.replace('.', "-"))
}

/// The element ID of an area's radio button.
pub fn area_id(area: SolutionArea) -> String {
    format!("wiz-solution_area-{area:?}")
}

/// The element ID of an activity's checkbox.
pub fn activity_id(activity: Activity) -> String {
    format!("wiz-activities-{activity:?}")
}

/// The element ID of a product's checkbox.
pub fn product_id(product: Product) -> String {
    format!("wiz-products-{product:?}")
}

/// The element ID of a product's "several subscriptions" checkbox.
pub fn several_id(product: Product) -> String {
    format!("wiz-products-{product:?}-several")
}

/// The element ID of a product's subscription ID input.
pub fn subscription_id(product: Product) -> String {
    format!("wiz-products-{product:?}-subscription_id")
}

/// The element ID of the PoE file input.
pub const POE_INPUT_ID: &str = "wiz-poe-files";

/// The step and control where the problem about `path` is fixed.
pub fn target(path: &str, fields: &ClaimFields) -> (Step, String) {
    let within = |prefix: &str| path_is_within(path, prefix);
    if within("fields.name")
        || within("fields.partner_id")
        || within("fields.customer_domain")
        || within("fields.tenant_id")
    {
        return (Step::Partner, element_id(path));
    }
    if within("fields.solution_area") {
        let area = fields.solution_area.unwrap_or(SolutionArea::Microsoft365);
        return (Step::Activity, area_id(area));
    }
    if within("fields.activities") {
        let activity = fields
            .activities
            .iter()
            .next()
            .copied()
            .unwrap_or(Activity::Usage);
        return (Step::Activity, activity_id(activity));
    }
    if within("fields.products") {
        return (Step::Products, product_target(path, fields));
    }
    if path == "fields.technical_contact" {
        return (Step::Contacts, element_id("fields.technical_contact.name"));
    }
    if within("fields.customer_contact")
        || within("fields.technical_contact")
        || within("fields.partner_contact")
        || within("fields.revenue_association")
    {
        return (Step::Contacts, element_id(path));
    }
    if within("poe") {
        return (Step::Poe, POE_INPUT_ID.to_string());
    }
    (Step::Review, String::new())
}

/// `fields.products[2].subscription_id` → that product's subscription input;
/// `fields.products` → the area's first product.
fn product_target(path: &str, fields: &ClaimFields) -> String {
    let index = path
        .strip_prefix("fields.products[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse::<usize>().ok());
    match index.and_then(|index| fields.products.get(index)) {
        Some(claimed) if path.ends_with(".subscription_id") => subscription_id(claimed.product),
        Some(claimed) => product_id(claimed.product),
        None => {
            let first = fields
                .solution_area
                .and_then(|area| Product::of_area(area).next());
            first.map(product_id).unwrap_or_default()
        }
    }
}

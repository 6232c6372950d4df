//! The claimed products and their subscription IDs.

use std::collections::BTreeSet;

use crate::catalog::Product;
use crate::model::{ClaimFields, ClaimedProduct};

use super::guid::{guid_issue, GuidIssue};
use super::problem::{Problem, ProblemKind};
use super::Level;

pub(super) fn product_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    if fields.products.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                "fields.products",
                ProblemKind::ProductsRequired,
            ));
        }
        return;
    }
    let mut seen: BTreeSet<Product> = BTreeSet::new();
    for (index, claimed) in fields.products.iter().enumerate() {
        let product = claimed.product;
        if let Some(area) = fields.solution_area {
            if product.area() != area {
                problems.push(Problem::new(
                    format!("fields.products[{index}].product"),
                    ProblemKind::ProductWrongArea {
                        product,
                        product_area: product.area(),
                        area,
                    },
                ));
            }
        }
        if !seen.insert(product) {
            problems.push(Problem::new(
                format!("fields.products[{index}].product"),
                ProblemKind::ProductDuplicate { product },
            ));
        }
        subscription_problems(index, claimed, level, problems);
    }
}

fn subscription_problems(
    index: usize,
    claimed: &ClaimedProduct,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    let field = format!("fields.products[{index}].subscription_id");
    let product = claimed.product;
    let subscription_id = claimed.subscription_id.trim();
    if subscription_id.is_empty() {
        if claimed.subscription_id_required() && level.requires() {
            problems.push(Problem::new(
                field,
                ProblemKind::SubscriptionIdRequired { product },
            ));
        }
        return;
    }
    match guid_issue(subscription_id) {
        None => {}
        Some(GuidIssue::Nil) => problems.push(Problem::new(
            field,
            ProblemKind::SubscriptionIdNil { product },
        )),
        Some(GuidIssue::NotGuid(hint)) => problems.push(Problem::new(
            field,
            ProblemKind::SubscriptionIdNotGuid { product, hint },
        )),
    }
}

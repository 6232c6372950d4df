//! The revenue-association extras (SPEC §2), required when the activity is revenue
//! association. They follow the 1–100 character rule of the other names.

use crate::model::ClaimFields;

use super::problem::{Problem, ProblemKind, RevenueAssociationPart};
use super::{char_count, Level, NAME_MAX_CHARS};

pub(super) fn revenue_association_problems(
    fields: &ClaimFields,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    let details = &fields.revenue_association;
    let required = level.requires() && fields.revenue_association_applies();
    for part in RevenueAssociationPart::ALL {
        let value = match part {
            RevenueAssociationPart::SolutionSellerName => &details.solution_seller_name,
            RevenueAssociationPart::CustomerName => &details.customer_name,
            RevenueAssociationPart::IsvSolutionName => &details.isv_solution_name,
        };
        let length = char_count(value.trim());
        if length == 0 {
            if required {
                problems.push(Problem::new(
                    part.path(),
                    ProblemKind::RevenueAssociationRequired { part },
                ));
            }
        } else if length > NAME_MAX_CHARS {
            problems.push(Problem::new(
                part.path(),
                ProblemKind::RevenueAssociationTooLong {
                    part,
                    length,
                    max: NAME_MAX_CHARS,
                },
            ));
        }
    }
}

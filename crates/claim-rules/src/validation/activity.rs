//! The solution area and the activities.

use crate::model::{Activity, ClaimFields, SolutionArea};

use super::problem::{Problem, ProblemKind};
use super::Level;

pub(super) fn area_and_activity_problems(
    fields: &ClaimFields,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    if fields.solution_area.is_none() && level.requires() {
        problems.push(Problem::new(
            "fields.solution_area",
            ProblemKind::SolutionAreaRequired,
        ));
    }
    let field = "fields.activities";
    if fields.activities.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                ProblemKind::ActivityRequired {
                    area: fields.solution_area,
                },
            ));
        }
        return;
    }
    if let Some(area) = fields.solution_area {
        for activity in &fields.activities {
            if !area.allows(*activity) {
                problems.push(Problem::new(
                    field,
                    ProblemKind::ActivityNotAllowedForArea {
                        activity: *activity,
                        area,
                    },
                ));
            }
        }
    }
    // Microsoft 365 with revenue association is already "not allowed for the area".
    let revenue_association_allowed = fields.solution_area != Some(SolutionArea::Microsoft365);
    if revenue_association_allowed
        && fields.activities.contains(&Activity::RevenueAssociation)
        && fields.activities.len() > 1
    {
        problems.push(Problem::new(field, ProblemKind::RevenueAssociationNotAlone));
    }
}

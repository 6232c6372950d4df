//! The claim's name and the Partner ID.

use super::problem::{BadChar, Problem, ProblemKind};
use super::{char_count, Level, NAME_MAX_CHARS, PARTNER_ID_MAX_DIGITS, PARTNER_ID_MIN_DIGITS};

pub(super) fn name_problems(name: &str, level: Level, problems: &mut Vec<Problem>) {
    let length = char_count(name.trim());
    if length == 0 {
        if level.requires() {
            problems.push(Problem::new("fields.name", ProblemKind::NameRequired));
        }
    } else if length > NAME_MAX_CHARS {
        problems.push(Problem::new(
            "fields.name",
            ProblemKind::NameTooLong {
                length,
                max: NAME_MAX_CHARS,
            },
        ));
    }
}

/// The Partner ID's length is only reported once it is made of digits only: a letter
/// is the thing to fix first.
pub(super) fn partner_id_problems(partner_id: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.partner_id";
    let partner_id = partner_id.trim();
    if partner_id.is_empty() {
        if level.requires() {
            problems.push(Problem::new(field, ProblemKind::PartnerIdRequired));
        }
        return;
    }
    if let Some(bad) = partner_id.chars().find(|c| !c.is_ascii_digit()) {
        problems.push(Problem::new(
            field,
            ProblemKind::PartnerIdNotDigits {
                character: BadChar::of(bad),
            },
        ));
        return;
    }
    let length = partner_id.len();
    if !(PARTNER_ID_MIN_DIGITS..=PARTNER_ID_MAX_DIGITS).contains(&length) {
        problems.push(Problem::new(
            field,
            ProblemKind::PartnerIdLength {
                length,
                min: PARTNER_ID_MIN_DIGITS,
                max: PARTNER_ID_MAX_DIGITS,
            },
        ));
    }
}

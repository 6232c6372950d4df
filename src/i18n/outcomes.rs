//! The rules' outcomes in words: refusals, validation problems, readiness checks, lock
//! reasons, competing claims, import classes and import problems.
//!
//! Every screen words an outcome through here, never by reading the rules' own text, so
//! the rules can return typed codes and this module (with `locales/*.json`) alone decides
//! the words. Until the rules return typed outcomes for all of these, the functions below
//! pass on the rules' English sentence.

use claim_rules::export::ImportProblem;
use claim_rules::import::ImportItem;
use claim_rules::lifecycle::{LockReason, Refusal};
use claim_rules::validation::{Competition, Problem, ReadinessItem};

use super::I18n;

/// Why the rules refused an action.
pub fn refusal_text(_i18n: &I18n, refusal: &Refusal) -> String {
    refusal.message()
}

/// A validation problem of a field or of the whole claim.
pub fn problem_text(_i18n: &I18n, problem: &Problem) -> String {
    problem.message.clone()
}

/// What a readiness check asks of the PoE (and, unticked, what a reviewer would ask).
pub fn readiness_text(_i18n: &I18n, item: &ReadinessItem) -> String {
    item.message.clone()
}

/// Why a field group is locked now.
pub fn lock_reason_text(_i18n: &I18n, why: LockReason) -> String {
    why.message().to_string()
}

/// A warning about two claims competing for the same workload or subscription.
pub fn competition_text(_i18n: &I18n, competition: &Competition) -> String {
    competition.message.clone()
}

/// What an import would do with one incoming claim.
pub fn import_item_text(_i18n: &I18n, item: &ImportItem) -> String {
    item.message.clone()
}

/// Why an import file was refused, at one JSON path.
pub fn import_problem_text(_i18n: &I18n, problem: &ImportProblem) -> String {
    problem.message.clone()
}

//! The rules' outcomes in words: validation problems, readiness checks, lock reasons,
//! competing claims, import classes and policy problems.
//!
//! Every screen words an outcome through here or [`super::rules`], never by reading the
//! rules' own data as text.

use claim_rules::import::ImportItem;
use claim_rules::lifecycle::LockReason;
use claim_rules::policy::PolicyProblem;
use claim_rules::validation::{Competition, Problem, ReadinessItem};
use uuid::Uuid;

use super::{rules, I18n};

/// A validation problem of a field or of the whole claim.
pub fn problem_text(_i18n: &I18n, problem: &Problem) -> String {
    rules::problem(problem)
}

/// What a readiness check asks of the PoE (and, unticked, what a reviewer would ask).
pub fn readiness_text(_i18n: &I18n, item: &ReadinessItem) -> String {
    rules::readiness_advice(item)
}

/// Why a field group is locked now.
pub fn lock_reason_text(_i18n: &I18n, why: LockReason) -> String {
    rules::lock_text(why).to_string()
}

/// A warning about two claims competing for the same workload or subscription;
/// `name_of` finds a claim's name by its ID.
pub fn competition_text(
    _i18n: &I18n,
    competition: &Competition,
    name_of: impl Fn(Uuid) -> Option<String>,
) -> String {
    rules::competition(competition, name_of)
}

/// What an import would do with one incoming claim.
pub fn import_item_text(_i18n: &I18n, item: &ImportItem) -> String {
    rules::import_item(item)
}

/// A problem of the settings' policy.
pub fn policy_problem_text(_i18n: &I18n, problem: &PolicyProblem) -> String {
    rules::policy_problem(problem)
}

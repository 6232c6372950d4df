//! Validation: field rules, submit rules, PoE readiness warnings, competing claims.
//!
//! SKELETON: the agreed signatures; the rules are being written.

use serde::{Deserialize, Serialize};

use crate::model::Claim;

/// One problem with a claim: where, a stable code, its parameters and an English message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path of the field, for example `fields.customer_domain` or `fields.products[1].subscription_id`.
    pub field: String,
    /// Stable machine code, for example `domain.label_too_long`.
    pub code: String,
    /// Parameters for the translated message, for example `[("max", "63")]`.
    pub params: Vec<(String, String)>,
    /// The message in plain English.
    pub message: String,
}

/// Every problem that stops this claim from being submitted (field rules and submit rules).
pub fn submit_problems(claim: &Claim) -> Vec<Problem> {
    let _ = claim;
    Vec::new()
}

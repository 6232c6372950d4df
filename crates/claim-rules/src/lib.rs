//! # claim-rules
//!
//! The rules of CPOR (Claiming Partner of Record) customer association claims, as pure
//! functions of data: the claim model, validation, the lifecycle state machine, the
//! business-day calendar and deadlines, history, and the export format. It knows nothing
//! of browsers, storage or clocks: callers pass the current time in.
//!
//! It speaks in codes, not sentences: every outcome (a [`lifecycle::Refusal`], a
//! [`validation::Problem`], an [`export::ImportProblem`], a readiness item, a lock
//! reason, a competing-claims warning, a calendar or policy problem) is an enum with
//! typed parameters and a stable `code()`, and every closed set (statuses, actors,
//! actions, clocks, phases, …) has a `code()` too. The words live in the catalogues
//! (`locales/<lang>.json`), keyed by the outcome's section and code; the app and the
//! `cpor` tool word them.
//!
//! ```
//! use claim_rules::validation::{field_problems, ProblemKind};
//!
//! let fields = claim_rules::model::ClaimFields {
//!     partner_id: "12a".into(),
//!     ..Default::default()
//! };
//! let problem = &field_problems(&fields)[0];
//! assert_eq!(problem.code(), "partner_id.not_digits"); // catalogue key: problem.partner_id.not_digits
//! assert!(matches!(problem.kind, ProblemKind::PartnerIdNotDigits { .. }));
//! ```

pub mod calendar;
pub mod catalog;
pub mod deadlines;
pub mod export;
pub mod history;
pub mod holidays;
pub mod import;
pub mod lifecycle;
pub mod model;
pub mod policy;
pub mod validation;

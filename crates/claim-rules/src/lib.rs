//! # claim-rules
//!
//! The rules of CPOR (Claiming Partner of Record) customer association claims, as pure
//! functions of data: the claim model, validation, the lifecycle state machine, the
//! business-day calendar and deadlines, history, and the export format. It knows nothing
//! of browsers, storage or clocks: callers pass the current time in.

pub mod calendar;
pub mod catalog;
pub mod deadlines;
pub mod export;
pub mod history;
pub mod holidays;
pub mod ics;
pub mod import;
pub mod lifecycle;
pub mod model;
pub mod policy;
pub mod validation;

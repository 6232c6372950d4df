//! Status and phase badges: the name in words with an icon, so status is never told by
//! colour alone. Used by the claim page and the dashboard.

use claim_rules::lifecycle::{Phase, PhaseKind};
use claim_rules::model::Status;
use leptos::prelude::*;

use crate::i18n::rules::{phase_name, status_name};
use crate::i18n::use_i18n;

/// The icon drawn for a status: a 16×16 SVG path (decorative; the badge's words carry the
/// meaning).
fn status_icon_path(status: Status) -> &'static str {
    match status {
        // pencil
        Status::Draft => "M3 13l1-3 7-7 2 2-7 7-3 1z",
        // arrow up into a tray
        Status::Submitted => "M8 2l4 4H9.5v5h-3V6H4zM2 12h12v2H2z",
        // magnifier
        Status::UnderReview => {
            "M7 2a5 5 0 014 8l3 3-1.4 1.4-3-3A5 5 0 117 2zm0 2a3 3 0 100 6 3 3 0 000-6z"
        }
        // exclamation in a triangle
        Status::PartnerActionRequired => "M8 1l7 13H1zM7 6v4h2V6zm0 5v2h2v-2z",
        // check mark
        Status::Approved => "M2 8.5l1.5-1.5L6.5 10l6-6L14 5.5 6.5 13z",
        // cross
        Status::Rejected => {
            "M3.5 2L8 6.5 12.5 2 14 3.5 9.5 8l4.5 4.5-1.5 1.5L8 9.5 3.5 14 2 12.5 6.5 8 2 3.5z"
        }
        // two opposed arrows (a dispute)
        Status::Disputed => "M1 5l3-3v2h8v2H4v2zm14 6l-3 3v-2H4v-2h8V8z",
    }
}

/// The decorative icon of a status.
#[component]
pub fn StatusIcon(status: Status) -> impl IntoView {
    view! {
        <svg class="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=status_icon_path(status) fill="currentColor" />
        </svg>
    }
}

/// A claim's status: icon and name, coloured by status (`data-status`).
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="status-badge" data-status=status.code()>
            <StatusIcon status />
            <span class="status-name">{move || status_name(&i18n, status)}</span>
        </span>
    }
}

/// A claim's phase (a finer view of the status: consent period or official, …): icon and
/// name, coloured by its status. `data-phase` holds the phase's code.
#[component]
pub fn PhaseBadge(phase: Phase) -> impl IntoView {
    let i18n = use_i18n();
    let status = phase.status();
    let code = phase.code();
    view! {
        <span class="status-badge phase-badge" data-status=status.code() data-phase=code>
            <StatusIcon status />
            <span class="status-name">{move || phase_name(&i18n, PhaseKind::from(&phase))}</span>
        </span>
    }
}

//! Texts of the dashboard.

use super::Translate;

/// Fixed texts of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashboardText {
    Title,
    NewClaim,
    StatusCounts,
    FilterByStatus,
    NeedsAttention,
    NeedsAttentionEmpty,
    PartnerMustAct,
    AllClaims,
    Search,
    SearchHint,
    ShowArchived,
    ClearFilters,
    NoClaimsYet,
    NoClaimsYetHint,
    NoMatches,
    ColName,
    ColDomain,
    ColAreaActivity,
    ColStatus,
    ColNextDeadline,
    ColLastChange,
    NoRunningClock,
    Unnamed,
    Archived,
    ShowMore,
    Showing,
    Of,
    Competing,
}

impl Translate for DashboardText {
    fn en(self) -> &'static str {
        match self {
            DashboardText::Title => "Claims",
            DashboardText::NewClaim => "New claim",
            DashboardText::StatusCounts => "Claims by status",
            DashboardText::FilterByStatus => "Show only claims with this status",
            DashboardText::NeedsAttention => "Needs attention",
            DashboardText::NeedsAttentionEmpty => {
                "No deadlines are running. Nothing needs your attention right now."
            }
            DashboardText::PartnerMustAct => "Your action",
            DashboardText::AllClaims => "All claims",
            DashboardText::Search => "Search",
            DashboardText::SearchHint => "Name, customer domain, tenant ID or MPN",
            DashboardText::ShowArchived => "Show archived claims",
            DashboardText::ClearFilters => "Clear filters",
            DashboardText::NoClaimsYet => "No claims yet.",
            DashboardText::NoClaimsYetHint => {
                "Start a new claim to draft it offline, or import an export file."
            }
            DashboardText::NoMatches => "No claims match the search and filters.",
            DashboardText::ColName => "Name",
            DashboardText::ColDomain => "Customer domain",
            DashboardText::ColAreaActivity => "Area and activity",
            DashboardText::ColStatus => "Status",
            DashboardText::ColNextDeadline => "Next deadline",
            DashboardText::ColLastChange => "Last change",
            DashboardText::NoRunningClock => "—",
            DashboardText::Unnamed => "(unnamed draft)",
            DashboardText::Archived => "archived",
            DashboardText::ShowMore => "Show more",
            DashboardText::Showing => "Showing",
            DashboardText::Of => "of",
            DashboardText::Competing => "Competing claim",
        }
    }
}

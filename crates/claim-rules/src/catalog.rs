//! The product catalog: every product a CPOR claim can name, grouped by solution area.
//!
//! The catalog is versioned with the rules ([`CATALOG_VERSION`]); products are stored by
//! their stable identifier (the enum variant name) and shown by display name.

use serde::{Deserialize, Serialize};

use crate::model::SolutionArea;

/// Version of the product catalog below; rises when products are added or renamed.
pub const CATALOG_VERSION: u32 = 1;

/// A product (Microsoft 365 workload or Business Applications product) from the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Product {
    // Microsoft 365 workloads
    ExchangeOnline,
    SharePointOnline,
    OneDriveForBusiness,
    MicrosoftTeams,
    Microsoft365Apps,
    MicrosoftIntune,
    MicrosoftEntraIdP1P2,
    DefenderForOffice365,
    DefenderForEndpoint,
    MicrosoftPurview,
    WindowsEnterprise,
    MicrosoftViva,
    // Business Applications
    Dynamics365Sales,
    Dynamics365CustomerService,
    Dynamics365FieldService,
    Dynamics365Finance,
    Dynamics365SupplyChainManagement,
    Dynamics365BusinessCentral,
    Dynamics365Commerce,
    Dynamics365HumanResources,
    Dynamics365ProjectOperations,
    Dynamics365CustomerInsights,
    PowerApps,
    PowerAutomate,
    PowerBiPro,
    PowerBiPremium,
    PowerPages,
    CopilotStudio,
}

impl Product {
    /// Every product in the catalog, Microsoft 365 workloads first, in display order.
    pub const ALL: [Product; 28] = [
        Product::ExchangeOnline,
        Product::SharePointOnline,
        Product::OneDriveForBusiness,
        Product::MicrosoftTeams,
        Product::Microsoft365Apps,
        Product::MicrosoftIntune,
        Product::MicrosoftEntraIdP1P2,
        Product::DefenderForOffice365,
        Product::DefenderForEndpoint,
        Product::MicrosoftPurview,
        Product::WindowsEnterprise,
        Product::MicrosoftViva,
        Product::Dynamics365Sales,
        Product::Dynamics365CustomerService,
        Product::Dynamics365FieldService,
        Product::Dynamics365Finance,
        Product::Dynamics365SupplyChainManagement,
        Product::Dynamics365BusinessCentral,
        Product::Dynamics365Commerce,
        Product::Dynamics365HumanResources,
        Product::Dynamics365ProjectOperations,
        Product::Dynamics365CustomerInsights,
        Product::PowerApps,
        Product::PowerAutomate,
        Product::PowerBiPro,
        Product::PowerBiPremium,
        Product::PowerPages,
        Product::CopilotStudio,
    ];

    /// The name Partner Center shows for this product.
    pub fn display_name(self) -> &'static str {
        match self {
            Product::ExchangeOnline => "Exchange Online",
            Product::SharePointOnline => "SharePoint Online",
            Product::OneDriveForBusiness => "OneDrive for Business",
            Product::MicrosoftTeams => "Microsoft Teams",
            Product::Microsoft365Apps => "Microsoft 365 Apps",
            Product::MicrosoftIntune => "Microsoft Intune",
            Product::MicrosoftEntraIdP1P2 => "Microsoft Entra ID P1/P2",
            Product::DefenderForOffice365 => "Microsoft Defender for Office 365",
            Product::DefenderForEndpoint => "Microsoft Defender for Endpoint",
            Product::MicrosoftPurview => "Microsoft Purview",
            Product::WindowsEnterprise => "Windows Enterprise",
            Product::MicrosoftViva => "Microsoft Viva",
            Product::Dynamics365Sales => "Dynamics 365 Sales",
            Product::Dynamics365CustomerService => "Dynamics 365 Customer Service",
            Product::Dynamics365FieldService => "Dynamics 365 Field Service",
            Product::Dynamics365Finance => "Dynamics 365 Finance",
            Product::Dynamics365SupplyChainManagement => "Dynamics 365 Supply Chain Management",
            Product::Dynamics365BusinessCentral => "Dynamics 365 Business Central",
            Product::Dynamics365Commerce => "Dynamics 365 Commerce",
            Product::Dynamics365HumanResources => "Dynamics 365 Human Resources",
            Product::Dynamics365ProjectOperations => "Dynamics 365 Project Operations",
            Product::Dynamics365CustomerInsights => "Dynamics 365 Customer Insights",
            Product::PowerApps => "Power Apps",
            Product::PowerAutomate => "Power Automate",
            Product::PowerBiPro => "Power BI Pro",
            Product::PowerBiPremium => "Power BI Premium",
            Product::PowerPages => "Power Pages",
            Product::CopilotStudio => "Copilot Studio",
        }
    }

    /// The solution area whose claims may name this product.
    pub fn area(self) -> SolutionArea {
        match self {
            Product::ExchangeOnline
            | Product::SharePointOnline
            | Product::OneDriveForBusiness
            | Product::MicrosoftTeams
            | Product::Microsoft365Apps
            | Product::MicrosoftIntune
            | Product::MicrosoftEntraIdP1P2
            | Product::DefenderForOffice365
            | Product::DefenderForEndpoint
            | Product::MicrosoftPurview
            | Product::WindowsEnterprise
            | Product::MicrosoftViva => SolutionArea::Microsoft365,
            Product::Dynamics365Sales
            | Product::Dynamics365CustomerService
            | Product::Dynamics365FieldService
            | Product::Dynamics365Finance
            | Product::Dynamics365SupplyChainManagement
            | Product::Dynamics365BusinessCentral
            | Product::Dynamics365Commerce
            | Product::Dynamics365HumanResources
            | Product::Dynamics365ProjectOperations
            | Product::Dynamics365CustomerInsights
            | Product::PowerApps
            | Product::PowerAutomate
            | Product::PowerBiPro
            | Product::PowerBiPremium
            | Product::PowerPages
            | Product::CopilotStudio => SolutionArea::BusinessApplications,
        }
    }

    /// Whether this is a Dynamics 365 product (claiming one requires a technical contact).
    pub fn is_dynamics_365(self) -> bool {
        matches!(
            self,
            Product::Dynamics365Sales
                | Product::Dynamics365CustomerService
                | Product::Dynamics365FieldService
                | Product::Dynamics365Finance
                | Product::Dynamics365SupplyChainManagement
                | Product::Dynamics365BusinessCentral
                | Product::Dynamics365Commerce
                | Product::Dynamics365HumanResources
                | Product::Dynamics365ProjectOperations
                | Product::Dynamics365CustomerInsights
        )
    }

    /// The products of one solution area, in display order.
    pub fn of_area(area: SolutionArea) -> impl Iterator<Item = Product> {
        Product::ALL.into_iter().filter(move |p| p.area() == area)
    }
}

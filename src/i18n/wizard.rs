//! Texts of the new-claim wizard ([`WizardText`]), the form field component
//! ([`FieldText`]) and the proof-of-execution component ([`PoeText`]).
//!
//! Texts with parameters hold `{name}` placeholders, filled by [`fill`], so a translation
//! can put the parameters where its grammar needs them.

use super::Translate;

/// Fill the `{name}` placeholders of a text with `params`.
///
/// ```
/// use cpor_desk::i18n::wizard::fill;
///
/// assert_eq!(fill("Step {n} of {total}", &[("n", "2"), ("total", "6")]), "Step 2 of 6");
/// ```
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    params
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Texts of the form field components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldText {
    /// Read out before a field's message, so it is not told by colour alone.
    Problem,
}

impl Translate for FieldText {
    fn en(self) -> &'static str {
        match self {
            FieldText::Problem => "Problem:",
        }
    }
}

/// Texts of adding and listing proof-of-execution files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoeText {
    StaysOnComputer,
    NoteLabel,
    NoteHint,
    ChooseFiles,
    DropHint,
    /// `{name}`.
    Reading,
    /// `{names}`.
    Added,
    /// `{name}`, `{error}`.
    CouldNotRead,
    NoneYet,
    ListLabel,
    /// `{size}`.
    Bytes,
    Remove,
    MediaType,
    Size,
    AddedAt,
    Sha256,
    Note,
}

impl Translate for PoeText {
    fn en(self) -> &'static str {
        match self {
            PoeText::StaysOnComputer => "The file stays on your computer; CPOR Desk records its name, type, size and fingerprint (SHA-256), so you can show later exactly which file you sent.",
            PoeText::NoteLabel => "Note (optional)",
            PoeText::NoteHint => "Saved with the files you add next, for example “SOW signed by the customer, 3 March”.",
            PoeText::ChooseFiles => "Add files",
            PoeText::DropHint => "You can also drop files here.",
            PoeText::Reading => "Reading {name}…",
            PoeText::Added => "Added: {names}.",
            PoeText::CouldNotRead => "{name} could not be read ({error}). Check that the file is still there and try again.",
            PoeText::NoneYet => "No files added yet.",
            PoeText::ListLabel => "Proof-of-execution files",
            PoeText::Bytes => "{size} bytes",
            PoeText::Remove => "Remove",
            PoeText::MediaType => "Type",
            PoeText::Size => "Size",
            PoeText::AddedAt => "Added",
            PoeText::Sha256 => "SHA-256",
            PoeText::Note => "Note",
        }
    }
}

/// Texts of the new-claim wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardText {
    // Header and saving
    Kicker,
    NewClaimTitle,
    UntitledDraft,
    DeleteDraft,
    ConfirmDelete,
    SaveEmpty,
    SavePending,
    SaveDone,
    SaveFailed,
    ChangedElsewhere,
    KeptAside,
    DraftGone,
    NotADraftTitle,
    NotADraftText,
    NoDraftTitle,
    NoDraftText,
    OpenClaim,
    StartNew,
    // Steps
    StepsLabel,
    StepPartner,
    StepActivity,
    StepProducts,
    StepContacts,
    StepPoe,
    StepReview,
    /// `{n}`, `{total}`.
    StepOf,
    /// `{count}`.
    ToFix,
    Complete,
    /// `{step}`.
    BackTo,
    /// `{step}`.
    NextTo,
    // Partner and customer
    PartnerIntro,
    ClaimName,
    ClaimNameHint,
    PartnerGroup,
    PartnerId,
    PartnerIdHint,
    CustomerGroup,
    CustomerDomain,
    CustomerDomainHint,
    TenantId,
    TenantIdHint,
    // Area and activity
    ActivityIntro,
    SolutionArea,
    AreaMicrosoft365,
    AreaBusinessApplications,
    ChooseAreaFirst,
    Activity,
    ActivityHint,
    ActivityPresales,
    ActivityPresalesText,
    ActivityUsage,
    ActivityUsageText,
    ActivityRevenue,
    ActivityRevenueText,
    NotForArea,
    LeadsTo,
    NoProgramYet,
    ClaimLeadsTo,
    Programs,
    // Products
    ProductsIntro,
    ChooseAreaForProducts,
    GoToArea,
    ProductsHintMicrosoft365,
    ProductsHintBusinessApplications,
    NeedsTechnicalContact,
    SeveralSubscriptions,
    SubscriptionId,
    SubscriptionIdHint,
    // Contacts
    ContactsIntro,
    CustomerContact,
    CustomerContactHint,
    TechnicalContact,
    /// `{products}`.
    TechnicalContactWhy,
    TechnicalContactNotNeeded,
    NoTechnicalContactNeeded,
    PartnerContact,
    PartnerContactHint,
    ContactName,
    ContactTitle,
    ContactEmail,
    RevenueGroup,
    RevenueGroupHint,
    SolutionSellerName,
    RevenueCustomerName,
    IsvSolutionName,
    // Proof of execution
    PoeIntro,
    PoeFiles,
    ReadinessTitle,
    ReadinessHint,
    ReadyOk,
    ReadyWarning,
    CheckAboutClaim,
    CheckAcknowledgment,
    CheckDates,
    CheckSolution,
    CheckProducts,
    // Review
    ReviewIntro,
    ReadyTitle,
    ReadyText,
    /// `{count}`.
    MissingTitle,
    WarningsTitle,
    WarningsHint,
    CompetingClaim,
    Change,
    NotFilledIn,
    SubmitHint,
    Submit,
}

impl Translate for WizardText {
    fn en(self) -> &'static str {
        match self {
            WizardText::Kicker => "Claim draft",
            WizardText::NewClaimTitle => "New claim",
            WizardText::UntitledDraft => "Untitled draft",
            WizardText::DeleteDraft => "Delete draft",
            WizardText::ConfirmDelete => "Delete this draft? Its fields and PoE records are removed from this browser.",
            WizardText::SaveEmpty => "Saved automatically as you type",
            WizardText::SavePending => "Saving…",
            WizardText::SaveDone => "All changes saved",
            WizardText::SaveFailed => "Not saved:",
            WizardText::ChangedElsewhere => "This draft was changed in another tab, so its saved version is shown now. Check the fields and type your change again.",
            WizardText::KeptAside => "The stored draft cannot be read, so it is kept aside and not overwritten. Download it from the banner above.",
            WizardText::DraftGone => "This draft no longer exists (it may have been deleted in another tab).",
            WizardText::NotADraftTitle => "This claim is no longer a draft",
            WizardText::NotADraftText => "It has been submitted, so the wizard cannot change it. Its page shows what can still change, and why the rest is locked.",
            WizardText::NoDraftTitle => "There is no draft at this address",
            WizardText::NoDraftText => "It may have been deleted, or the address is incomplete.",
            WizardText::OpenClaim => "Open the claim",
            WizardText::StartNew => "Start a new claim",
            WizardText::StepsLabel => "Steps of the claim",
            WizardText::StepPartner => "Partner and customer",
            WizardText::StepActivity => "Solution area and activity",
            WizardText::StepProducts => "Products",
            WizardText::StepContacts => "Contacts",
            WizardText::StepPoe => "Proof of execution",
            WizardText::StepReview => "Review and submit",
            WizardText::StepOf => "Step {n} of {total}",
            WizardText::ToFix => "{count} to fix",
            WizardText::Complete => "Complete",
            WizardText::BackTo => "Back: {step}",
            WizardText::NextTo => "Next: {step}",
            WizardText::PartnerIntro => "Who claims, and for which customer. Every field is needed to submit; you can leave and come back at any time.",
            WizardText::ClaimName => "Claim name",
            WizardText::ClaimNameHint => "Your own name for the claim, to find it again; for example the customer and the project.",
            WizardText::PartnerGroup => "Partner",
            WizardText::PartnerId => "Partner ID (MPN ID)",
            WizardText::PartnerIdHint => "6 to 10 digits: the Partner ID of the location that claims, from Partner Center's account settings.",
            WizardText::CustomerGroup => "Customer",
            WizardText::CustomerDomain => "Customer domain",
            WizardText::CustomerDomainHint => "The customer's domain name, like contoso.com.",
            WizardText::TenantId => "Customer tenant ID",
            WizardText::TenantIdHint => "The customer's Directory (tenant) ID: 32 hexadecimal digits grouped 8-4-4-4-12.",
            WizardText::ActivityIntro => "The solution area decides which products and activities you can claim; the activity decides the incentive program.",
            WizardText::SolutionArea => "Solution area",
            WizardText::AreaMicrosoft365 => "Microsoft 365 workloads, such as Exchange Online, Microsoft Teams and Microsoft Intune.",
            WizardText::AreaBusinessApplications => "Dynamics 365 and Power Platform, such as Dynamics 365 Sales, Power Apps and Power BI.",
            WizardText::ChooseAreaFirst => "Choose a solution area to see its activities.",
            WizardText::Activity => "Activity",
            WizardText::ActivityHint => "What you did for the customer. Only the activities this solution area allows are offered.",
            WizardText::ActivityPresales => "Presales",
            WizardText::ActivityPresalesText => "You helped the customer decide to buy: for example a demo, a proof of concept or a licensing proposal that led to the purchase.",
            WizardText::ActivityUsage => "Usage",
            WizardText::ActivityUsageText => "You drove deployment and active use of products the customer has: for example setup, migration, adoption or training.",
            WizardText::ActivityRevenue => "Revenue association",
            WizardText::ActivityRevenueText => "The customer's revenue is associated with you without an incentive payment, for example as the Dynamics solution seller of an ISV solution. It cannot be combined with another activity.",
            WizardText::NotForArea => "Not an activity for this solution area: untick it.",
            WizardText::LeadsTo => "Leads to:",
            WizardText::NoProgramYet => "Choose a solution area and an activity to see which program the claim leads to.",
            WizardText::ClaimLeadsTo => "This claim leads to:",
            WizardText::Programs => "Programs",
            WizardText::ProductsIntro => "The products or workloads you worked on for this customer.",
            WizardText::ChooseAreaForProducts => "Choose a solution area first: it decides which products can be claimed.",
            WizardText::GoToArea => "Choose the solution area",
            WizardText::ProductsHintMicrosoft365 => "Tick every workload you worked on.",
            WizardText::ProductsHintBusinessApplications => "Tick every product you worked on. If the customer has several subscriptions of a product, say so and enter the one you claim.",
            WizardText::NeedsTechnicalContact => "Needs the customer's technical contact",
            WizardText::SeveralSubscriptions => "The customer has several subscriptions of this product",
            WizardText::SubscriptionId => "Subscription ID",
            WizardText::SubscriptionIdHint => "The ID of the subscription you claim: 32 hexadecimal digits grouped 8-4-4-4-12.",
            WizardText::ContactsIntro => "Who the reviewer can ask about this claim.",
            WizardText::CustomerContact => "Customer contact",
            WizardText::CustomerContactHint => "A person at the customer who can confirm your work.",
            WizardText::TechnicalContact => "Customer's technical contact",
            WizardText::TechnicalContactWhy => "Needed because you claim a Dynamics 365 product ({products}): the customer's person responsible for the technical side.",
            WizardText::TechnicalContactNotNeeded => "No Dynamics 365 product is claimed, so this contact is not needed; clear the fields if you do not want to send it.",
            WizardText::NoTechnicalContactNeeded => "A technical contact is needed only when you claim a Dynamics 365 product; this claim names none.",
            WizardText::PartnerContact => "Your contact",
            WizardText::PartnerContactHint => "The person at your company the reviewer can ask about this claim.",
            WizardText::ContactName => "Name",
            WizardText::ContactTitle => "Job title",
            WizardText::ContactEmail => "E-mail",
            WizardText::RevenueGroup => "Revenue association details",
            WizardText::RevenueGroupHint => "Needed for the Revenue association activity.",
            WizardText::SolutionSellerName => "Dynamics solution seller name",
            WizardText::RevenueCustomerName => "Customer name",
            WizardText::IsvSolutionName => "ISV product or solution name",
            WizardText::PoeIntro => "Proof of execution (PoE) shows the reviewer that you did the work: for example a statement of work signed by the customer, or the customer's e-mail confirming it.",
            WizardText::PoeFiles => "Files",
            WizardText::ReadinessTitle => "Readiness checklist",
            WizardText::ReadinessHint => "Check your PoE against the reasons reviewers send claims back for, and tick what it shows. These are warnings, not blockers.",
            WizardText::ReadyOk => "Done.",
            WizardText::ReadyWarning => "To check.",
            WizardText::CheckAboutClaim => "PoE is attached and about this customer and this work",
            WizardText::CheckAcknowledgment => "It carries the customer's signature or acknowledgment",
            WizardText::CheckDates => "It shows dates, and they are recent",
            WizardText::CheckSolution => "It describes your solution or service",
            WizardText::CheckProducts => "It names every claimed product",
            WizardText::ReviewIntro => "Check the claim before you submit it in Partner Center.",
            WizardText::ReadyTitle => "Ready to submit",
            WizardText::ReadyText => "Every required field is filled in and valid.",
            WizardText::MissingTitle => "Still needed before you can submit ({count})",
            WizardText::WarningsTitle => "Worth checking",
            WizardText::WarningsHint => "These do not stop you from submitting, but reviewers may send the claim back for them.",
            WizardText::CompetingClaim => "Competing claim.",
            WizardText::Change => "Change",
            WizardText::NotFilledIn => "Not filled in",
            WizardText::SubmitHint => "Submit the claim in Partner Center with these details, then record it here: CPOR Desk starts the review deadlines from now.",
            WizardText::Submit => "Submit claim",
        }
    }
}

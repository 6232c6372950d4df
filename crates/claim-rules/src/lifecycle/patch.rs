//! Edits as field patches: each changed field named with the value it replaces, so an
//! edit made on an older copy of a claim (another tab, another device) cannot silently
//! undo a change it never saw.
//!
//! [`FieldPatches::between`] builds a patch from the fields a form started from and the
//! fields it ends with; [`Action::Patch`](super::Action::Patch) applies it. A patch whose
//! `old` is no longer the claim's value is refused as a whole with
//! [`Refusal::PatchConflict`](super::Refusal::PatchConflict), which names every such field
//! with the stored value ("theirs") and the patch's ("yours");
//! [`FieldPatches::resolve`] turns the user's choice into the patch to apply next.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{
    Activity, ClaimFields, ClaimedProduct, Contact, PartnerContact, RevenueAssociationDetails,
    SolutionArea,
};

use super::permissions::EditableField;

/// One field of [`ClaimFields`] a patch can change (the history path `fields.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatchField {
    /// `fields.name`.
    Name,
    /// `fields.partner_id`.
    PartnerId,
    /// `fields.customer_domain`.
    CustomerDomain,
    /// `fields.tenant_id`.
    TenantId,
    /// `fields.solution_area`.
    SolutionArea,
    /// `fields.activities`.
    Activities,
    /// `fields.products`.
    Products,
    /// `fields.customer_contact`.
    CustomerContact,
    /// `fields.technical_contact`.
    TechnicalContact,
    /// `fields.partner_contact`.
    PartnerContact,
    /// `fields.revenue_association`.
    RevenueAssociation,
}

impl PatchField {
    /// Every field, in the form's order.
    pub const ALL: [PatchField; 11] = [
        PatchField::Name,
        PatchField::PartnerId,
        PatchField::CustomerDomain,
        PatchField::TenantId,
        PatchField::SolutionArea,
        PatchField::Activities,
        PatchField::Products,
        PatchField::CustomerContact,
        PatchField::TechnicalContact,
        PatchField::PartnerContact,
        PatchField::RevenueAssociation,
    ];

    /// A stable machine code (snake case): the member's name in `fields`.
    ///
    /// ```
    /// use claim_rules::lifecycle::PatchField;
    ///
    /// assert_eq!(PatchField::CustomerContact.code(), "customer_contact");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            PatchField::Name => "name",
            PatchField::PartnerId => "partner_id",
            PatchField::CustomerDomain => "customer_domain",
            PatchField::TenantId => "tenant_id",
            PatchField::SolutionArea => "solution_area",
            PatchField::Activities => "activities",
            PatchField::Products => "products",
            PatchField::CustomerContact => "customer_contact",
            PatchField::TechnicalContact => "technical_contact",
            PatchField::PartnerContact => "partner_contact",
            PatchField::RevenueAssociation => "revenue_association",
        }
    }

    /// The path a history entry's change records for this field.
    ///
    /// ```
    /// use claim_rules::lifecycle::PatchField;
    ///
    /// assert_eq!(PatchField::TenantId.path(), "fields.tenant_id");
    /// ```
    pub fn path(self) -> &'static str {
        match self {
            PatchField::Name => "fields.name",
            PatchField::PartnerId => "fields.partner_id",
            PatchField::CustomerDomain => "fields.customer_domain",
            PatchField::TenantId => "fields.tenant_id",
            PatchField::SolutionArea => "fields.solution_area",
            PatchField::Activities => "fields.activities",
            PatchField::Products => "fields.products",
            PatchField::CustomerContact => "fields.customer_contact",
            PatchField::TechnicalContact => "fields.technical_contact",
            PatchField::PartnerContact => "fields.partner_contact",
            PatchField::RevenueAssociation => "fields.revenue_association",
        }
    }

    /// The group that locks or unlocks this field ([`field_lock`](super::field_lock)).
    ///
    /// ```
    /// use claim_rules::lifecycle::{EditableField, PatchField};
    ///
    /// assert_eq!(PatchField::PartnerContact.group(), EditableField::Contacts);
    /// ```
    pub fn group(self) -> EditableField {
        match self {
            PatchField::Name => EditableField::Name,
            PatchField::PartnerId => EditableField::PartnerId,
            PatchField::CustomerDomain => EditableField::CustomerDomain,
            PatchField::TenantId => EditableField::TenantId,
            PatchField::SolutionArea => EditableField::SolutionArea,
            PatchField::Activities => EditableField::Activities,
            PatchField::Products => EditableField::Products,
            PatchField::CustomerContact
            | PatchField::TechnicalContact
            | PatchField::PartnerContact => EditableField::Contacts,
            PatchField::RevenueAssociation => EditableField::RevenueAssociation,
        }
    }

    /// This field's value in `fields`.
    ///
    /// ```
    /// use claim_rules::lifecycle::{FieldValue, PatchField};
    /// use claim_rules::model::ClaimFields;
    ///
    /// let fields = ClaimFields { name: "Contoso".into(), ..ClaimFields::default() };
    /// assert_eq!(PatchField::Name.value_in(&fields), FieldValue::Name("Contoso".into()));
    /// ```
    pub fn value_in(self, fields: &ClaimFields) -> FieldValue {
        match self {
            PatchField::Name => FieldValue::Name(fields.name.clone()),
            PatchField::PartnerId => FieldValue::PartnerId(fields.partner_id.clone()),
            PatchField::CustomerDomain => {
                FieldValue::CustomerDomain(fields.customer_domain.clone())
            }
            PatchField::TenantId => FieldValue::TenantId(fields.tenant_id.clone()),
            PatchField::SolutionArea => FieldValue::SolutionArea(fields.solution_area),
            PatchField::Activities => FieldValue::Activities(fields.activities.clone()),
            PatchField::Products => FieldValue::Products(fields.products.clone()),
            PatchField::CustomerContact => {
                FieldValue::CustomerContact(fields.customer_contact.clone())
            }
            PatchField::TechnicalContact => {
                FieldValue::TechnicalContact(fields.technical_contact.clone())
            }
            PatchField::PartnerContact => {
                FieldValue::PartnerContact(fields.partner_contact.clone())
            }
            PatchField::RevenueAssociation => {
                FieldValue::RevenueAssociation(fields.revenue_association.clone())
            }
        }
    }
}

/// One field's value, typed, so both sides of a conflict can be shown as the form shows
/// them. Serialised as `{"field": <code>, "value": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum FieldValue {
    /// The claim's name.
    Name(String),
    /// The Partner ID.
    PartnerId(String),
    /// The customer's domain.
    CustomerDomain(String),
    /// The customer's tenant ID.
    TenantId(String),
    /// The solution area.
    SolutionArea(Option<SolutionArea>),
    /// The activities.
    Activities(BTreeSet<Activity>),
    /// The claimed products.
    Products(Vec<ClaimedProduct>),
    /// The customer's contact.
    CustomerContact(Contact),
    /// The customer's technical contact.
    TechnicalContact(Contact),
    /// The partner's contact.
    PartnerContact(PartnerContact),
    /// The revenue-association extras.
    RevenueAssociation(RevenueAssociationDetails),
}

impl FieldValue {
    /// The field this value belongs to.
    ///
    /// ```
    /// use claim_rules::lifecycle::{FieldValue, PatchField};
    ///
    /// assert_eq!(FieldValue::TenantId(String::new()).field(), PatchField::TenantId);
    /// ```
    pub fn field(&self) -> PatchField {
        match self {
            FieldValue::Name(_) => PatchField::Name,
            FieldValue::PartnerId(_) => PatchField::PartnerId,
            FieldValue::CustomerDomain(_) => PatchField::CustomerDomain,
            FieldValue::TenantId(_) => PatchField::TenantId,
            FieldValue::SolutionArea(_) => PatchField::SolutionArea,
            FieldValue::Activities(_) => PatchField::Activities,
            FieldValue::Products(_) => PatchField::Products,
            FieldValue::CustomerContact(_) => PatchField::CustomerContact,
            FieldValue::TechnicalContact(_) => PatchField::TechnicalContact,
            FieldValue::PartnerContact(_) => PatchField::PartnerContact,
            FieldValue::RevenueAssociation(_) => PatchField::RevenueAssociation,
        }
    }

    /// Put this value into `fields`.
    ///
    /// ```
    /// use claim_rules::lifecycle::FieldValue;
    /// use claim_rules::model::ClaimFields;
    ///
    /// let mut fields = ClaimFields::default();
    /// FieldValue::PartnerId("4455667".into()).set_in(&mut fields);
    /// assert_eq!(fields.partner_id, "4455667");
    /// ```
    pub fn set_in(self, fields: &mut ClaimFields) {
        match self {
            FieldValue::Name(value) => fields.name = value,
            FieldValue::PartnerId(value) => fields.partner_id = value,
            FieldValue::CustomerDomain(value) => fields.customer_domain = value,
            FieldValue::TenantId(value) => fields.tenant_id = value,
            FieldValue::SolutionArea(value) => fields.solution_area = value,
            FieldValue::Activities(value) => fields.activities = value,
            FieldValue::Products(value) => fields.products = value,
            FieldValue::CustomerContact(value) => fields.customer_contact = value,
            FieldValue::TechnicalContact(value) => fields.technical_contact = value,
            FieldValue::PartnerContact(value) => fields.partner_contact = value,
            FieldValue::RevenueAssociation(value) => fields.revenue_association = value,
        }
    }

    /// The value as the rules store it ([`ClaimFields::normalize`]): a domain typed in
    /// capitals is the same domain.
    fn normalized(&self) -> FieldValue {
        let mut fields = ClaimFields::default();
        self.clone().set_in(&mut fields);
        fields.normalize();
        self.field().value_in(&fields)
    }

    /// Whether two values are the same once stored.
    fn same_as(&self, other: &FieldValue) -> bool {
        self.normalized() == other.normalized()
    }
}

/// One field's change: the value it replaces and the value it sets. [`FieldPatch::field`]
/// is the field of `new`; a patch whose `old` is of another field can never match the
/// claim and is refused as a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPatch {
    /// The value the editor started from.
    pub old: FieldValue,
    /// The value the editor sets.
    pub new: FieldValue,
}

impl FieldPatch {
    /// The field the patch sets.
    ///
    /// ```
    /// use claim_rules::lifecycle::{FieldPatch, FieldValue, PatchField};
    ///
    /// let patch = FieldPatch {
    ///     old: FieldValue::Name("Contoso".into()),
    ///     new: FieldValue::Name("Contoso renewal".into()),
    /// };
    /// assert_eq!(patch.field(), PatchField::Name);
    /// ```
    pub fn field(&self) -> PatchField {
        self.new.field()
    }
}

/// A set of field patches, applied in order by
/// [`Action::Patch`](super::Action::Patch).
///
/// ```
/// use claim_rules::lifecycle::{FieldPatches, PatchField};
/// use claim_rules::model::ClaimFields;
///
/// let before = ClaimFields { name: "Contoso".into(), ..ClaimFields::default() };
/// let after = ClaimFields { customer_domain: "contoso.com".into(), ..before.clone() };
/// let patches = FieldPatches::between(&before, &after);
/// assert_eq!(patches.fields(), [PatchField::CustomerDomain]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPatches(pub Vec<FieldPatch>);

impl FieldPatches {
    /// The patches that turn `old` into `new`: one per field that differs, in the form's
    /// order (none when they are equal).
    ///
    /// ```
    /// use claim_rules::lifecycle::{FieldPatch, FieldPatches, FieldValue};
    /// use claim_rules::model::ClaimFields;
    ///
    /// let read = ClaimFields::default();
    /// let typed = ClaimFields { partner_id: "4455667".into(), ..read.clone() };
    /// assert_eq!(FieldPatches::between(&read, &typed).0, [FieldPatch {
    ///     old: FieldValue::PartnerId(String::new()),
    ///     new: FieldValue::PartnerId("4455667".into()),
    /// }]);
    /// assert!(FieldPatches::between(&read, &read).is_empty());
    /// ```
    pub fn between(old: &ClaimFields, new: &ClaimFields) -> FieldPatches {
        FieldPatches(
            PatchField::ALL
                .into_iter()
                .filter_map(|field| {
                    let (old, new) = (field.value_in(old), field.value_in(new));
                    (old != new).then_some(FieldPatch { old, new })
                })
                .collect(),
        )
    }

    /// Whether there is no patch at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields patched, in order.
    pub fn fields(&self) -> Vec<PatchField> {
        self.0.iter().map(FieldPatch::field).collect()
    }

    /// The patches after the user chose how to settle `conflict`: taking theirs drops the
    /// patch of that field (the stored value stays); taking yours patches the stored
    /// value ("theirs" becomes the value replaced) to yours. Apply the result to the
    /// claim as stored now; if that field changed yet again, it conflicts again, so
    /// nothing is overwritten unseen.
    ///
    /// ```
    /// use claim_rules::deadlines::Rules;
    /// use claim_rules::lifecycle::{apply, new_claim, Action, FieldPatches, Refusal, Resolution};
    /// use claim_rules::model::{Actor, ClaimFields};
    /// use claim_rules::policy::Policy;
    ///
    /// let rules = Rules::new(Policy::default())?;
    /// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
    /// let opened = new_claim(uuid::Uuid::nil(), at, ClaimFields { name: "Contoso".into(), ..ClaimFields::default() });
    /// let rename = |name: &str| {
    ///     let after = ClaimFields { name: name.into(), ..opened.fields.clone() };
    ///     Action::Patch(FieldPatches::between(&opened.fields, &after))
    /// };
    /// // Tab A renames the claim; tab B, still showing the opened copy, renames it too.
    /// let stored = apply(&opened, rename("Contoso A"), Actor::Partner, at, at, &rules)?;
    /// let Err(Refusal::PatchConflict { conflicts }) =
    ///     apply(&stored, rename("Contoso B"), Actor::Partner, at, at, &rules)
    /// else {
    ///     panic!("a conflict");
    /// };
    /// let Action::Patch(mine) = rename("Contoso B") else { unreachable!() };
    /// // B keeps its own name after seeing both.
    /// let settled = mine.resolve(&conflicts[0], Resolution::TakeYours);
    /// let saved = apply(&stored, Action::Patch(settled), Actor::Partner, at, at, &rules)?;
    /// assert_eq!(saved.fields.name, "Contoso B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(self, conflict: &FieldConflict, resolution: Resolution) -> FieldPatches {
        let patches = self
            .0
            .into_iter()
            .filter_map(|patch| {
                if patch.field() != conflict.field {
                    return Some(patch);
                }
                match resolution {
                    Resolution::TakeTheirs => None,
                    Resolution::TakeYours => Some(FieldPatch {
                        old: conflict.theirs.clone(),
                        new: patch.new,
                    }),
                }
            })
            .collect();
        FieldPatches(patches)
    }

    /// The fields whose patch would change `fields` (not already at the patch's value).
    pub(super) fn changing<'a>(
        &'a self,
        fields: &'a ClaimFields,
    ) -> impl Iterator<Item = PatchField> + 'a {
        self.0
            .iter()
            .filter(|patch| !patch.field().value_in(fields).same_as(&patch.new))
            .map(FieldPatch::field)
    }

    /// `fields` with the patches applied in order, or every field whose stored value is
    /// neither the patch's `old` nor already its `new`.
    ///
    /// A form holding a working copy uses it to carry what was typed over onto a claim
    /// another tab changed meanwhile: the fields it did not touch take the other tab's
    /// values.
    ///
    /// ```
    /// use claim_rules::lifecycle::{FieldPatches, PatchField};
    /// use claim_rules::model::ClaimFields;
    ///
    /// let read = ClaimFields { name: "Contoso".into(), ..ClaimFields::default() };
    /// let typed = ClaimFields { partner_id: "4455667".into(), ..read.clone() };
    /// let elsewhere = ClaimFields { name: "Contoso renewal".into(), ..read.clone() };
    /// let mine = FieldPatches::between(&read, &typed);
    /// let both = mine.apply_to(&elsewhere).unwrap_or_default();
    /// assert_eq!((both.name.as_str(), both.partner_id.as_str()), ("Contoso renewal", "4455667"));
    ///
    /// // The same field changed on both sides is a conflict naming it.
    /// let renamed = FieldPatches::between(&read, &ClaimFields { name: "Fabrikam".into(), ..read.clone() });
    /// let conflicts = renamed.apply_to(&elsewhere).err().unwrap_or_default();
    /// assert_eq!(conflicts.iter().map(|c| c.field).collect::<Vec<_>>(), [PatchField::Name]);
    /// ```
    pub fn apply_to(&self, fields: &ClaimFields) -> Result<ClaimFields, Vec<FieldConflict>> {
        let mut patched = fields.clone();
        let mut conflicts = Vec::new();
        for patch in &self.0 {
            let field = patch.field();
            let current = field.value_in(&patched);
            if patch.old.field() == field && current.same_as(&patch.old) {
                patch.new.clone().set_in(&mut patched);
            } else if current.same_as(&patch.new) {
                // The same change already made elsewhere: nothing to refuse.
            } else {
                conflicts.push(FieldConflict {
                    field,
                    theirs: current,
                    yours: patch.new.clone(),
                });
            }
        }
        if conflicts.is_empty() {
            Ok(patched)
        } else {
            Err(conflicts)
        }
    }
}

/// A field changed elsewhere since the patch was made: both values, for the user to
/// choose ([`FieldPatches::resolve`]).
///
/// ```
/// use claim_rules::deadlines::Rules;
/// use claim_rules::lifecycle::{apply, new_claim, Action, FieldPatches, FieldValue, PatchField, Refusal};
/// use claim_rules::model::{Actor, ClaimFields};
/// use claim_rules::policy::Policy;
///
/// let rules = Rules::new(Policy::default())?;
/// let at: jiff::Timestamp = "2026-04-06T10:00:00-07:00".parse()?;
/// let read = new_claim(uuid::Uuid::nil(), at, ClaimFields::default());
/// let domain = |domain: &str| {
///     let after = ClaimFields { customer_domain: domain.into(), ..read.fields.clone() };
///     Action::Patch(FieldPatches::between(&read.fields, &after))
/// };
/// let stored = apply(&read, domain("contoso.com"), Actor::Partner, at, at, &rules)?;
/// let refusal = apply(&stored, domain("fabrikam.com"), Actor::Partner, at, at, &rules).unwrap_err();
/// let Refusal::PatchConflict { conflicts } = refusal else { panic!("a conflict") };
/// assert_eq!(conflicts[0].field, PatchField::CustomerDomain);
/// assert_eq!(conflicts[0].theirs, FieldValue::CustomerDomain("contoso.com".into()));
/// assert_eq!(conflicts[0].yours, FieldValue::CustomerDomain("fabrikam.com".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldConflict {
    /// The field.
    pub field: PatchField,
    /// The value stored now (changed elsewhere).
    pub theirs: FieldValue,
    /// The value the patch sets.
    pub yours: FieldValue,
}

/// How the user settles a [`FieldConflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Keep the stored value.
    TakeTheirs,
    /// Replace the stored value with the patch's.
    TakeYours,
}

impl Resolution {
    /// Both choices.
    pub const ALL: [Resolution; 2] = [Resolution::TakeTheirs, Resolution::TakeYours];

    /// A stable machine code (snake case).
    ///
    /// ```
    /// use claim_rules::lifecycle::Resolution;
    ///
    /// assert_eq!(Resolution::TakeYours.code(), "take_yours");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Resolution::TakeTheirs => "take_theirs",
            Resolution::TakeYours => "take_yours",
        }
    }
}

//! The field changes an edit records, each with the field group it belongs to.

use crate::history::FieldChange;
use crate::model::ClaimFields;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::perform::json;
use super::permissions::EditableField;

/// The changed fields, each with its group and its change (path `fields.<name>`).
pub(super) fn field_changes(
    old: &ClaimFields,
    new: &ClaimFields,
) -> Vec<(EditableField, FieldChange)> {
    // Destructured so that a new field cannot be forgotten here.
    let ClaimFields {
        name,
        partner_id,
        customer_domain,
        tenant_id,
        solution_area,
        activities,
        products,
        customer_contact,
        technical_contact,
        partner_contact,
        revenue_association,
    } = old;
    let mut changes = Vec::new();
    let mut compare = |field: EditableField, path: &str, change: Option<(Value, Value)>| {
        if let Some((old, new)) = change {
            changes.push((
                field,
                FieldChange {
                    field: path.to_string(),
                    old,
                    new,
                },
            ));
        }
    };
    compare(EditableField::Name, "fields.name", differ(name, &new.name));
    compare(
        EditableField::PartnerId,
        "fields.partner_id",
        differ(partner_id, &new.partner_id),
    );
    compare(
        EditableField::CustomerDomain,
        "fields.customer_domain",
        differ(customer_domain, &new.customer_domain),
    );
    compare(
        EditableField::TenantId,
        "fields.tenant_id",
        differ(tenant_id, &new.tenant_id),
    );
    compare(
        EditableField::SolutionArea,
        "fields.solution_area",
        differ(solution_area, &new.solution_area),
    );
    compare(
        EditableField::Activities,
        "fields.activities",
        differ(activities, &new.activities),
    );
    compare(
        EditableField::Products,
        "fields.products",
        differ(products, &new.products),
    );
    compare(
        EditableField::Contacts,
        "fields.customer_contact",
        differ(customer_contact, &new.customer_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.technical_contact",
        differ(technical_contact, &new.technical_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.partner_contact",
        differ(partner_contact, &new.partner_contact),
    );
    compare(
        EditableField::RevenueAssociation,
        "fields.revenue_association",
        differ(revenue_association, &new.revenue_association),
    );
    changes
}

/// Both values as JSON when they differ. Written as JSON only then: an edit compares
/// every field, and most are unchanged (the types' equality is their JSON's: derived,
/// over strings, enums, lists and ordered sets).
fn differ<T: PartialEq + Serialize>(old: &T, new: &T) -> Option<(Value, Value)> {
    (old != new).then(|| (json(old), json(new)))
}

/// Set `field` (a name as in `fields.<name>`) of `fields` to `value` read as its type, if
/// `expected` is `None` or the field's JSON now; `false` when the name is no field's,
/// the field is not `expected`, or `value` does not read as the field's type (nothing is
/// set then).
///
/// The replay's typed route: reading one field's JSON as its type gives what reading it
/// within the whole `ClaimFields` gives (no field has serde attributes of its own).
pub(super) fn set_field(
    fields: &mut ClaimFields,
    field: &str,
    expected: Option<&Value>,
    value: &Value,
) -> bool {
    // Destructured so that a new field cannot be forgotten here.
    let ClaimFields {
        name,
        partner_id,
        customer_domain,
        tenant_id,
        solution_area,
        activities,
        products,
        customer_contact,
        technical_contact,
        partner_contact,
        revenue_association,
    } = fields;
    match field {
        "name" => set(name, expected, value),
        "partner_id" => set(partner_id, expected, value),
        "customer_domain" => set(customer_domain, expected, value),
        "tenant_id" => set(tenant_id, expected, value),
        "solution_area" => set(solution_area, expected, value),
        "activities" => set(activities, expected, value),
        "products" => set(products, expected, value),
        "customer_contact" => set(customer_contact, expected, value),
        "technical_contact" => set(technical_contact, expected, value),
        "partner_contact" => set(partner_contact, expected, value),
        "revenue_association" => set(revenue_association, expected, value),
        _ => false,
    }
}

fn set<T: Serialize + DeserializeOwned>(
    slot: &mut T,
    expected: Option<&Value>,
    value: &Value,
) -> bool {
    if expected.is_some_and(|expected| json(slot) != *expected) {
        return false;
    }
    match T::deserialize(value) {
        Ok(read) => {
            *slot = read;
            true
        }
        Err(_) => false,
    }
}

//! The field changes an edit records, each with the field group it belongs to.

use crate::history::FieldChange;
use crate::model::ClaimFields;

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
    let mut compare =
        |field: EditableField, path: &str, old: serde_json::Value, new: serde_json::Value| {
            if old != new {
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
    compare(
        EditableField::Name,
        "fields.name",
        json(name),
        json(&new.name),
    );
    compare(
        EditableField::PartnerId,
        "fields.partner_id",
        json(partner_id),
        json(&new.partner_id),
    );
    compare(
        EditableField::CustomerDomain,
        "fields.customer_domain",
        json(customer_domain),
        json(&new.customer_domain),
    );
    compare(
        EditableField::TenantId,
        "fields.tenant_id",
        json(tenant_id),
        json(&new.tenant_id),
    );
    compare(
        EditableField::SolutionArea,
        "fields.solution_area",
        json(solution_area),
        json(&new.solution_area),
    );
    compare(
        EditableField::Activities,
        "fields.activities",
        json(activities),
        json(&new.activities),
    );
    compare(
        EditableField::Products,
        "fields.products",
        json(products),
        json(&new.products),
    );
    compare(
        EditableField::Contacts,
        "fields.customer_contact",
        json(customer_contact),
        json(&new.customer_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.technical_contact",
        json(technical_contact),
        json(&new.technical_contact),
    );
    compare(
        EditableField::Contacts,
        "fields.partner_contact",
        json(partner_contact),
        json(&new.partner_contact),
    );
    compare(
        EditableField::RevenueAssociation,
        "fields.revenue_association",
        json(revenue_association),
        json(&new.revenue_association),
    );
    changes
}

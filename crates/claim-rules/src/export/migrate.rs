//! Migrations of older export documents, one function per version step.
//!
//! Each step takes the document as JSON of version N and returns it as version N + 1.
//! Steps are tolerant: what they do not recognise they leave alone, and the version-1
//! validation in [`super::parse`] then reports it with its path.

use serde_json::{Map, Value};

use super::{ImportProblem, ImportProblemKind, JsonKind, FORMAT_VERSION};

/// Bring a document of format version `from_version` up to [`FORMAT_VERSION`], step by
/// step. A document already at the current version is returned unchanged.
///
/// ```
/// use claim_rules::export::migrate;
/// use serde_json::json;
///
/// let old = json!({"format": "cpor-desk", "version": 0, "exportedAt": "2024-11-04T10:00:00Z",
///                  "appVersion": "0.0.3", "policy": {"calendar": {"time_zone": "UTC"}}, "claims": []});
/// let new = migrate(old, 0).unwrap();
/// assert_eq!(new["version"], 1);
/// assert_eq!(new["exported_at"], "2024-11-04T10:00:00Z");
/// assert_eq!(new["calendar"]["time_zone"], "UTC");
/// ```
pub fn migrate(value: Value, from_version: u32) -> Result<Value, Vec<ImportProblem>> {
    if from_version > FORMAT_VERSION {
        return Err(vec![ImportProblem::new(
            "$.version",
            ImportProblemKind::VersionTooNew {
                version: u64::from(from_version),
                supported: FORMAT_VERSION,
            },
        )]);
    }
    let mut value = value;
    let mut version = from_version;
    while version < FORMAT_VERSION {
        value = match version {
            0 => v0_to_v1(value)?,
            _ => {
                return Err(vec![ImportProblem::new(
                    "$.version",
                    ImportProblemKind::MigrationMissing { version },
                )])
            }
        };
        version += 1;
    }
    Ok(value)
}

fn rename(object: &mut Map<String, Value>, old: &str, new: &str) {
    if !object.contains_key(new) {
        if let Some(value) = object.remove(old) {
            object.insert(new.to_string(), value);
        }
    }
}

/// Version 0 (pre-release) → version 1; see the [module documentation](super) for what
/// changed.
fn v0_to_v1(value: Value) -> Result<Value, Vec<ImportProblem>> {
    let Value::Object(mut root) = value else {
        return Err(vec![ImportProblem::new(
            "$",
            ImportProblemKind::MigrationNotObject {
                version: 0,
                found: JsonKind::of(&value),
            },
        )]);
    };
    rename(&mut root, "exportedAt", "exported_at");
    rename(&mut root, "appVersion", "app_version");
    if !root.contains_key("calendar") {
        let calendar = match root.get_mut("policy") {
            Some(Value::Object(policy)) => policy.remove("calendar"),
            _ => None,
        };
        if let Some(calendar) = calendar {
            root.insert("calendar".to_string(), calendar);
        }
    }
    if let Some(Value::Array(claims)) = root.get_mut("claims") {
        for claim in claims.iter_mut() {
            if let Value::Object(claim) = claim {
                claim_v0_to_v1(claim);
            }
        }
    }
    root.insert("version".to_string(), Value::from(1));
    Ok(Value::Object(root))
}

fn claim_v0_to_v1(claim: &mut Map<String, Value>) {
    if let Some(Value::Object(fields)) = claim.get_mut("fields") {
        if !fields.contains_key("activities") {
            let activities = match fields.remove("activity") {
                None | Some(Value::Null) => Value::Array(Vec::new()),
                Some(Value::String(activity)) => Value::Array(vec![Value::String(activity)]),
                // Something else: keep it where version 1 looks, to be reported there.
                Some(other) => other,
            };
            fields.insert("activities".to_string(), activities);
        }
        if let Some(Value::Array(products)) = fields.get_mut("products") {
            for product in products.iter_mut() {
                if let Value::String(name) = product {
                    let mut object = Map::new();
                    object.insert("product".to_string(), Value::String(std::mem::take(name)));
                    object.insert("several_subscriptions".to_string(), Value::Bool(false));
                    object.insert("subscription_id".to_string(), Value::String(String::new()));
                    *product = Value::Object(object);
                }
            }
        }
    }
    let mut entries = 0;
    if let Some(Value::Array(history)) = claim.get_mut("history") {
        entries = history.len();
        for entry in history.iter_mut() {
            if let Value::Object(entry) = entry {
                if !entry.contains_key("recorded_at") {
                    if let Some(at) = entry.get("at").cloned() {
                        entry.insert("recorded_at".to_string(), at);
                    }
                }
            }
        }
    }
    if !claim.contains_key("revision") {
        claim.insert("revision".to_string(), Value::from(entries));
    }
}

//! The export format (SPEC §5): one JSON document that moves, backs up and shares claims.
//!
//! # Format version 1
//!
//! ```json
//! {
//!   "format": "cpor-desk",
//!   "version": 1,
//!   "exported_at": "2025-03-03T09:00:00Z",
//!   "app_version": "0.1.0",
//!   "policy": { "review_start_business_days": 5, …, "consent": { "CalendarDays": 7 } },
//!   "calendar": { "weekmask": "1111100", "holidays": "UsFederal", "custom_holidays": [], "time_zone": "America/Los_Angeles" },
//!   "claims": [ { "id": "…", "revision": 3, …, "history": [ … ] } ]
//! }
//! ```
//!
//! `policy` holds the clock lengths and the consent rule ([`ExportedPolicy`]) and
//! `calendar` the business calendar ([`CalendarSettings`]) as separate top-level objects,
//! although [`Policy`] holds the calendar inside it. Each claim is a
//! [`Claim`] with its serde field names.
//!
//! # Reading a file
//!
//! [`parse`] validates **the whole file** before returning anything, and reports every
//! problem it finds at once, each naming its JSON path (`$.claims[3].fields.tenant_id`)
//! with a readable message ([`ImportProblem`]): text that is not JSON (with line and
//! column), a wrong format tag, a missing or too-new version, missing or ill-typed
//! members (each claim is read on its own, so one bad claim does not hide the others),
//! duplicate claim IDs, and histories that contradict themselves. Older versions are
//! first brought up to date by [`migrate`].
//!
//! # Version 0
//!
//! Version 1 is the first public format. "Version 0" is the pre-release development
//! format, which early testers may still have files of. It differed from version 1 in:
//!
//! * top level: `exportedAt` and `appVersion` (camelCase), and the calendar nested
//!   inside `policy` as `policy.calendar` (no top-level `calendar`);
//! * claims: `revision` could be absent (it is then the number of history entries);
//! * claim fields: one `activity` (a string or `null`) instead of the `activities` list,
//!   and `products` as a list of product names (`["PowerApps"]`) instead of objects
//!   with `product`, `several_subscriptions` and `subscription_id`;
//! * history entries: no `recorded_at` (it is taken to be the entry's `at`).
//!
//! `tests/fixtures/export-v0.json` is such a file; the tests migrate it.

use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::history::ActionKind;
use crate::model::Claim;
use crate::policy::{CalendarSettings, ConsentRule, Policy};

mod migrate;

pub use migrate::migrate;

/// The `format` tag of every export document.
pub const FORMAT_TAG: &str = "cpor-desk";
/// The format version this code writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// Largest text [`parse`] accepts, in bytes (50 MB).
pub const MAX_TEXT_BYTES: usize = 50 * 1024 * 1024;
/// Most claims [`parse`] accepts in one document.
pub const MAX_CLAIMS: usize = 100_000;

/// The policy as exported: every clock length and the consent rule, without the
/// calendar (which is exported on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedPolicy {
    /// Business days from submission for a reviewer to start the review.
    pub review_start_business_days: u32,
    /// Business days from review start (or resubmission) for a decision.
    pub review_decision_business_days: u32,
    /// Business days the partner has to answer an information request.
    pub partner_response_business_days: u32,
    /// Length of the customer's consent period.
    pub consent: ConsentRule,
    /// Calendar days after a rejection during which it can be disputed.
    pub dispute_window_days: u32,
    /// Business days for a dispute to be reviewed.
    pub dispute_review_business_days: u32,
    /// Business days from submission to a decision, paused while partner action is required.
    pub decision_target_business_days: u32,
}

impl From<&Policy> for ExportedPolicy {
    fn from(policy: &Policy) -> Self {
        ExportedPolicy {
            review_start_business_days: policy.review_start_business_days,
            review_decision_business_days: policy.review_decision_business_days,
            partner_response_business_days: policy.partner_response_business_days,
            consent: policy.consent,
            dispute_window_days: policy.dispute_window_days,
            dispute_review_business_days: policy.dispute_review_business_days,
            decision_target_business_days: policy.decision_target_business_days,
        }
    }
}

impl ExportedPolicy {
    /// The full policy, with `calendar` put back inside.
    pub fn with_calendar(&self, calendar: CalendarSettings) -> Policy {
        Policy {
            review_start_business_days: self.review_start_business_days,
            review_decision_business_days: self.review_decision_business_days,
            partner_response_business_days: self.partner_response_business_days,
            consent: self.consent,
            dispute_window_days: self.dispute_window_days,
            dispute_review_business_days: self.dispute_review_business_days,
            decision_target_business_days: self.decision_target_business_days,
            calendar,
        }
    }
}

/// An export document, format version [`FORMAT_VERSION`]. Build one with [`export`];
/// read one with [`parse`] (there is deliberately no `Deserialize`: every file goes
/// through validation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportDocument {
    /// Always [`FORMAT_TAG`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] (older files are migrated when parsed).
    pub version: u32,
    /// When the document was written.
    pub exported_at: Timestamp,
    /// Version of the app that wrote it.
    pub app_version: String,
    /// Clock lengths and the consent rule.
    pub policy: ExportedPolicy,
    /// The business calendar.
    pub calendar: CalendarSettings,
    /// The claims, in the order given.
    pub claims: Vec<Claim>,
}

impl ExportDocument {
    /// The full policy (clock lengths, consent rule and calendar) saved in the document.
    pub fn policy(&self) -> Policy {
        self.policy.with_calendar(self.calendar.clone())
    }

    /// The document as indented JSON.
    ///
    /// Serialising these types does not fail in practice (every map key is a string);
    /// the error is passed on rather than hidden.
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// An export document of `claims` under `policy`, stamped `exported_at` by app version
/// `app_version`.
///
/// ```
/// use claim_rules::export::{export, parse, FORMAT_VERSION};
/// use claim_rules::policy::Policy;
///
/// let at: jiff::Timestamp = "2025-03-03T09:00:00Z".parse().unwrap();
/// let document = export(&[], &Policy::default(), at, "0.1.0");
/// assert_eq!(document.version, FORMAT_VERSION);
/// let text = document.to_json_pretty().unwrap();
/// assert_eq!(parse(&text).unwrap(), document);
/// ```
pub fn export(
    claims: &[Claim],
    policy: &Policy,
    exported_at: Timestamp,
    app_version: &str,
) -> ExportDocument {
    ExportDocument {
        format: FORMAT_TAG.to_string(),
        version: FORMAT_VERSION,
        exported_at,
        app_version: app_version.to_string(),
        policy: ExportedPolicy::from(policy),
        calendar: policy.calendar.clone(),
        claims: claims.to_vec(),
    }
}

/// [`ExportDocument::to_json_pretty`] as a function.
pub fn to_json_pretty(document: &ExportDocument) -> Result<String, serde_json::Error> {
    document.to_json_pretty()
}

/// One problem found in an import file: where (a JSON path from the root `$`), a stable
/// code, and a readable message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    /// JSON path, for example `$.claims[3].fields.tenant_id` or `$` for the whole file.
    pub path: String,
    /// Stable machine code, for example `history.out_of_order` (see [`IMPORT_PROBLEM_CODES`]).
    pub code: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl ImportProblem {
    fn new(path: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        ImportProblem {
            path: path.into(),
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every code an [`ImportProblem`] can carry.
pub const IMPORT_PROBLEM_CODES: &[&str] = &[
    "file.too_large",
    "file.not_utf8",
    "json.syntax",
    "document.not_object",
    "format.missing",
    "format.wrong",
    "version.missing",
    "version.invalid",
    "version.too_new",
    "migration.failed",
    "member.missing",
    "member.invalid",
    "calendar.unknown_time_zone",
    "claims.too_many",
    "claim.duplicate_id",
    "history.empty",
    "history.first_not_create",
    "history.from_mismatch",
    "history.out_of_order",
    "status.not_last_history",
    "revision.too_low",
];

/// Read an export document from its text, validating the whole file first.
///
/// Returns every problem found, each naming its JSON path, or the document (migrated
/// to [`FORMAT_VERSION`] if it was older). Nothing is applied anywhere: this is a pure
/// function of the text.
///
/// ```
/// use claim_rules::export::parse;
///
/// let problems = parse(r#"{"format": "cpor-desk", "version": 99}"#).unwrap_err();
/// assert_eq!(problems[0].path, "$.version");
/// assert_eq!(problems[0].code, "version.too_new");
///
/// let problems = parse("{\n  \"format\": \"cpor-desk\",\n  \"version\": 1,\n}").unwrap_err();
/// assert_eq!(problems[0].code, "json.syntax");
/// assert!(problems[0].message.contains("line 4"));
/// ```
pub fn parse(text: &str) -> Result<ExportDocument, Vec<ImportProblem>> {
    if text.len() > MAX_TEXT_BYTES {
        return parse_too_large(text.len());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_value(value),
        Err(error) => Err(vec![syntax_problem(&error)]),
    }
}

/// [`parse`] for the raw bytes of a file: refuses more than [`MAX_TEXT_BYTES`] and text
/// that is not UTF-8 (saying where), then parses.
///
/// ```
/// use claim_rules::export::parse_bytes;
///
/// let problems = parse_bytes(b"{\"format\": \"cpor-desk\xff\"}").unwrap_err();
/// assert_eq!(problems[0].code, "file.not_utf8");
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<ExportDocument, Vec<ImportProblem>> {
    if bytes.len() > MAX_TEXT_BYTES {
        return parse_too_large(bytes.len());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(error) => Err(vec![ImportProblem::new(
            "$",
            "file.not_utf8",
            format!(
                "The file is not UTF-8 text (the byte at offset {} cannot be read); CPOR Desk exports are UTF-8 JSON. Was another file chosen, or was it re-saved in another encoding?",
                error.valid_up_to()
            ),
        )]),
    }
}

fn parse_too_large(length: usize) -> Result<ExportDocument, Vec<ImportProblem>> {
    Err(vec![ImportProblem::new(
        "$",
        "file.too_large",
        format!(
            "The file is {:.1} MB; CPOR Desk reads export files of at most {} MB. Export fewer claims per file.",
            length as f64 / (1024.0 * 1024.0),
            MAX_TEXT_BYTES / (1024 * 1024)
        ),
    )])
}

fn syntax_problem(error: &serde_json::Error) -> ImportProblem {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = if error.is_eof() {
        format!("The file is not complete JSON: it ends too early (line {line}, column {column}: {detail}). Was it cut off while copying?")
    } else {
        format!("The file is not valid JSON: {detail} at line {line}, column {column}.")
    };
    ImportProblem::new("$", "json.syntax", message)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// [`parse`] for a document already read as JSON.
pub fn parse_value(value: Value) -> Result<ExportDocument, Vec<ImportProblem>> {
    let Value::Object(root) = value else {
        return Err(vec![ImportProblem::new(
            "$",
            "document.not_object",
            format!(
                "The file holds {}, but a CPOR Desk export is one JSON object starting {{\"format\": \"cpor-desk\", \"version\": {FORMAT_VERSION}, …}}.",
                json_kind(&value)
            ),
        )]);
    };
    let version = envelope(&root)?;
    let root = if version < FORMAT_VERSION {
        match migrate(Value::Object(root), version)? {
            Value::Object(root) => root,
            other => {
                return Err(vec![ImportProblem::new(
                    "$",
                    "migration.failed",
                    format!(
                    "Updating the file from format version {version} gave {} instead of an object.",
                    json_kind(&other)
                ),
                )])
            }
        }
    } else {
        root
    };
    document_from_object(&root)
}

/// Check the format tag and version; return the version.
fn envelope(root: &Map<String, Value>) -> Result<u32, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    match root.get("format") {
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(Value::String(tag)) => problems.push(ImportProblem::new(
            "$.format",
            "format.wrong",
            format!(
                "This is not a CPOR Desk export: its format is “{tag}”, expected “{FORMAT_TAG}”."
            ),
        )),
        Some(other) => problems.push(ImportProblem::new(
            "$.format",
            "format.wrong",
            format!(
                "The format must be the string “{FORMAT_TAG}”, but it is {}.",
                json_kind(other)
            ),
        )),
        None => problems.push(ImportProblem::new(
            "$.format",
            "format.missing",
            format!("This is not a CPOR Desk export: it has no \"format\": \"{FORMAT_TAG}\"."),
        )),
    }
    let version = match root.get("version") {
        Some(Value::Number(number)) => match number.as_u64() {
            Some(version) if version > u64::from(FORMAT_VERSION) => {
                problems.push(ImportProblem::new(
                    "$.version",
                    "version.too_new",
                    format!("The file has format version {version}, written by a newer CPOR Desk; this app reads versions up to {FORMAT_VERSION}. Update the app, then import again."),
                ));
                None
            }
            Some(version) => u32::try_from(version).ok(),
            None => {
                problems.push(ImportProblem::new(
                    "$.version",
                    "version.invalid",
                    format!("The format version must be a whole number from 0 to {FORMAT_VERSION}, but it is {number}."),
                ));
                None
            }
        },
        Some(other) => {
            problems.push(ImportProblem::new(
                "$.version",
                "version.invalid",
                format!("The format version must be a whole number from 0 to {FORMAT_VERSION}, but it is {}.", json_kind(other)),
            ));
            None
        }
        None => {
            problems.push(ImportProblem::new(
                "$.version",
                "version.missing",
                format!("The file has no format version; a CPOR Desk export has \"version\": {FORMAT_VERSION}."),
            ));
            None
        }
    };
    match version {
        Some(version) if problems.is_empty() => Ok(version),
        _ => Err(problems),
    }
}

/// Render a serde path below `base`: `fields.products[2]` → `base.fields.products[2]`.
fn join_path(base: &str, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut joined = base.to_string();
    for segment in path {
        match segment {
            Segment::Seq { index } => joined.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                joined.push('.');
                joined.push_str(key);
            }
            Segment::Enum { variant } => {
                joined.push('.');
                joined.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    joined
}

/// Deserialize `value` (found at `path`) as `T`; on failure, record where and why.
fn read_at<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    problems: &mut Vec<ImportProblem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(read) => Some(read),
        Err(error) => {
            problems.push(problem_from_serde(path, &error));
            None
        }
    }
}

fn problem_from_serde(
    base: &str,
    error: &serde_path_to_error::Error<serde_json::Error>,
) -> ImportProblem {
    let path = join_path(base, error.path());
    let inner = error.inner().to_string();
    if let Some(name) = inner
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return ImportProblem::new(
            format!("{path}.{name}"),
            "member.missing",
            format!("The required member “{name}” is missing."),
        );
    }
    ImportProblem::new(path, "member.invalid", format!("Invalid value: {inner}."))
}

/// Whether a member is required or has a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Optional,
}

/// Read member `key` of `object` (at `base`) as `T`.
fn member<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    base: &str,
    presence: Presence,
    problems: &mut Vec<ImportProblem>,
) -> Option<T> {
    let path = format!("{base}.{key}");
    match object.get(key) {
        Some(value) => read_at(value, &path, problems),
        None => {
            if presence == Presence::Required {
                problems.push(ImportProblem::new(
                    path,
                    "member.missing",
                    format!("The required member “{key}” is missing."),
                ));
            }
            None
        }
    }
}

/// Read member `key` of `object` as a list, each element as `T` on its own so that every
/// bad element is reported.
fn list_member<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    base: &str,
    presence: Presence,
    problems: &mut Vec<ImportProblem>,
) {
    let path = format!("{base}.{key}");
    match object.get(key) {
        Some(Value::Array(elements)) => {
            for (index, element) in elements.iter().enumerate() {
                let _ = read_at::<T>(element, &format!("{path}[{index}]"), problems);
            }
        }
        Some(other) => problems.push(ImportProblem::new(
            path,
            "member.invalid",
            format!(
                "Invalid value: expected a list, found {}.",
                json_kind(other)
            ),
        )),
        None => {
            if presence == Presence::Required {
                problems.push(ImportProblem::new(
                    path,
                    "member.missing",
                    format!("The required member “{key}” is missing."),
                ));
            }
        }
    }
}

fn document_from_object(root: &Map<String, Value>) -> Result<ExportDocument, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let exported_at =
        member::<Timestamp>(root, "exported_at", "$", Presence::Required, &mut problems);
    let app_version = member::<String>(root, "app_version", "$", Presence::Required, &mut problems);
    let policy = member::<ExportedPolicy>(root, "policy", "$", Presence::Required, &mut problems);
    let calendar =
        member::<CalendarSettings>(root, "calendar", "$", Presence::Required, &mut problems);
    if let Some(calendar) = &calendar {
        if jiff::tz::db().get(&calendar.time_zone).is_err() {
            problems.push(ImportProblem::new(
                "$.calendar.time_zone",
                "calendar.unknown_time_zone",
                format!(
                    "The time zone “{}” is not a known IANA time zone; use a name such as America/Los_Angeles or Europe/Stockholm.",
                    calendar.time_zone
                ),
            ));
        }
    }
    let claims = claims_member(root, &mut problems);
    match (exported_at, app_version, policy, calendar, claims) {
        (Some(exported_at), Some(app_version), Some(policy), Some(calendar), Some(claims))
            if problems.is_empty() =>
        {
            Ok(ExportDocument {
                format: FORMAT_TAG.to_string(),
                version: FORMAT_VERSION,
                exported_at,
                app_version,
                policy,
                calendar,
                claims,
            })
        }
        _ => Err(problems),
    }
}

fn claims_member(
    root: &Map<String, Value>,
    problems: &mut Vec<ImportProblem>,
) -> Option<Vec<Claim>> {
    let elements = match root.get("claims") {
        Some(Value::Array(elements)) => elements,
        Some(other) => {
            problems.push(ImportProblem::new(
                "$.claims",
                "member.invalid",
                format!(
                    "Invalid value: expected a list of claims, found {}.",
                    json_kind(other)
                ),
            ));
            return None;
        }
        None => {
            problems.push(ImportProblem::new(
                "$.claims",
                "member.missing",
                "The required member “claims” is missing (an export with no claims has \"claims\": []).",
            ));
            return None;
        }
    };
    if elements.len() > MAX_CLAIMS {
        problems.push(ImportProblem::new(
            "$.claims",
            "claims.too_many",
            format!(
                "The file has {} claims; CPOR Desk imports at most {MAX_CLAIMS} at a time. Export fewer claims per file.",
                elements.len()
            ),
        ));
        return None;
    }
    let before = problems.len();
    let mut claims = Vec::with_capacity(elements.len());
    let mut first_index_of_id = std::collections::HashMap::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        let base = format!("$.claims[{index}]");
        let Some(claim) = read_claim(element, &base, problems) else {
            continue;
        };
        if let Some(first) = first_index_of_id.insert(claim.id, index) {
            // Keep pointing at the first occurrence for later duplicates.
            first_index_of_id.insert(claim.id, first);
            problems.push(ImportProblem::new(
                format!("{base}.id"),
                "claim.duplicate_id",
                format!(
                    "Claim ID {} is used twice: here and at $.claims[{first}]. Each claim needs its own ID.",
                    claim.id
                ),
            ));
        }
        consistency_problems(&claim, &base, problems);
        claims.push(claim);
    }
    (problems.len() == before).then_some(claims)
}

/// Read one claim; when it does not read as a whole, read it member by member to report
/// every bad member rather than the first.
fn read_claim(value: &Value, base: &str, problems: &mut Vec<ImportProblem>) -> Option<Claim> {
    let whole_error = match serde_path_to_error::deserialize::<_, Claim>(value) {
        Ok(claim) => return Some(claim),
        Err(error) => problem_from_serde(base, &error),
    };
    let Value::Object(object) = value else {
        problems.push(ImportProblem::new(
            base,
            "member.invalid",
            format!(
                "Invalid value: expected a claim object, found {}.",
                json_kind(value)
            ),
        ));
        return None;
    };
    let before = problems.len();
    member_problems(object, base, problems);
    if problems.len() == before {
        problems.push(whole_error);
    }
    None
}

/// Every member problem of a claim object, member by member (lists element by element).
fn member_problems(object: &Map<String, Value>, base: &str, problems: &mut Vec<ImportProblem>) {
    use crate::history::HistoryEntry;
    use crate::model::{
        Activity, ClaimLinks, ClaimedProduct, Comment, Contact, PartnerContact, PoeChecklist,
        PoeDocument, RevenueAssociationDetails, SolutionArea, Status,
    };
    use Presence::{Optional, Required};

    let _ = member::<uuid::Uuid>(object, "id", base, Required, problems);
    let _ = member::<u64>(object, "revision", base, Required, problems);
    let _ = member::<Timestamp>(object, "created_at", base, Required, problems);
    let _ = member::<Timestamp>(object, "updated_at", base, Required, problems);
    let _ = member::<Status>(object, "status", base, Required, problems);
    let _ = member::<bool>(object, "archived", base, Optional, problems);
    match object.get("fields") {
        Some(Value::Object(fields)) => {
            let base = format!("{base}.fields");
            let base = base.as_str();
            for key in ["name", "partner_id", "customer_domain", "tenant_id"] {
                let _ = member::<String>(fields, key, base, Required, problems);
            }
            let _ =
                member::<Option<SolutionArea>>(fields, "solution_area", base, Optional, problems);
            list_member::<Activity>(fields, "activities", base, Required, problems);
            list_member::<ClaimedProduct>(fields, "products", base, Required, problems);
            let _ = member::<Contact>(fields, "customer_contact", base, Required, problems);
            let _ = member::<Contact>(fields, "technical_contact", base, Required, problems);
            let _ = member::<PartnerContact>(fields, "partner_contact", base, Required, problems);
            let _ = member::<RevenueAssociationDetails>(
                fields,
                "revenue_association",
                base,
                Required,
                problems,
            );
        }
        _ => {
            let _ = member::<crate::model::ClaimFields>(object, "fields", base, Required, problems);
        }
    }
    list_member::<PoeDocument>(object, "poe", base, Optional, problems);
    let _ = member::<PoeChecklist>(object, "poe_checklist", base, Optional, problems);
    list_member::<Comment>(object, "comments", base, Optional, problems);
    let _ = member::<ClaimLinks>(object, "links", base, Optional, problems);
    list_member::<HistoryEntry>(object, "history", base, Required, problems);
}

/// Problems of a claim that reads well but contradicts itself: its history must start
/// with `Create` (or `StartedFrom`, for a claim started from a rejected one), chain each entry's `from` to the previous `to`, run in time order and
/// end in the claim's status; the revision must be at least the number of entries.
fn consistency_problems(claim: &Claim, base: &str, problems: &mut Vec<ImportProblem>) {
    let history = &claim.history;
    let Some(first) = history.first() else {
        problems.push(ImportProblem::new(
            format!("{base}.history"),
            "history.empty",
            "The claim has no history; every claim's history starts with its creation.",
        ));
        return;
    };
    if !matches!(first.action, ActionKind::Create | ActionKind::StartedFrom) {
        problems.push(ImportProblem::new(
            format!("{base}.history[0].action"),
            "history.first_not_create",
            format!(
                "The first history entry is {:?}, but a claim's history starts with Create (or StartedFrom, for a claim started from a rejected one).",
                first.action
            ),
        ));
    }
    if let Some(from) = first.from {
        problems.push(ImportProblem::new(
            format!("{base}.history[0].from"),
            "history.from_mismatch",
            format!("The first history entry starts from {from:?}, but a new claim has no status before it (null)."),
        ));
    }
    for (index, pair) in history.windows(2).enumerate() {
        let (previous, entry) = (&pair[0], &pair[1]);
        let index = index + 1;
        if entry.from != Some(previous.to) {
            let from = entry
                .from
                .map_or_else(|| "null".to_string(), |status| format!("{status:?}"));
            problems.push(ImportProblem::new(
                format!("{base}.history[{index}].from"),
                "history.from_mismatch",
                format!(
                    "This entry starts from {from}, but the entry before it ended in {:?}.",
                    previous.to
                ),
            ));
        }
        if entry.at < previous.at {
            problems.push(ImportProblem::new(
                format!("{base}.history[{index}].at"),
                "history.out_of_order",
                format!(
                    "This entry took effect at {}, before the entry before it ({}); history must be in time order.",
                    entry.at, previous.at
                ),
            ));
        }
    }
    if let Some(last) = history.last() {
        if claim.status != last.to {
            problems.push(ImportProblem::new(
                format!("{base}.status"),
                "status.not_last_history",
                format!(
                    "The claim's status is {:?}, but its last history entry ends in {:?}; the status is always the last entry's.",
                    claim.status, last.to
                ),
            ));
        }
    }
    let entries = history.len() as u64;
    if claim.revision < entries {
        problems.push(ImportProblem::new(
            format!("{base}.revision"),
            "revision.too_low",
            format!(
                "The revision is {}, but the claim has {entries} history entries; the revision rises with every change, so it is at least {entries}.",
                claim.revision
            ),
        ));
    }
}

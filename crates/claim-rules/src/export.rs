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
//! with a typed kind ([`ImportProblem`], [`ImportProblemKind`]; the catalogues word it):
//! text that is not JSON (with line and column), a wrong format tag, a missing or too-new version, missing or ill-typed
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

use crate::calendar::CalendarError;
use crate::deadlines::Rules;
use crate::history::ActionKind;
use crate::lifecycle::{replay, Refusal};
use crate::model::{Claim, Status};
use crate::policy::{CalendarSettings, ConsentRule, Policy, PolicyProblemKind};

mod migrate;

pub use migrate::migrate;

/// The `format` tag of every export document.
pub const FORMAT_TAG: &str = "cpor-desk";
/// The format version this code writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// Largest text [`parse`] accepts, in bytes (200 MB: an export of some 29,000 realistic
/// claims, each with its whole history, PoE records and comments, takes about 7 KB).
pub const MAX_TEXT_BYTES: usize = 200 * 1024 * 1024;
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

/// One problem found in an import file: where (a JSON path from the root `$`) and what
/// ([`ImportProblemKind`], a stable code with typed parameters; the catalogue key is
/// `import_problem.<code>`). Serialised as `{"path": …, "code": …, <parameters>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// JSON path, for example `$.claims[3].fields.tenant_id` or `$` for the whole file.
    pub path: String,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ImportProblemKind,
}

impl ImportProblem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, kind: ImportProblemKind) -> Self {
        ImportProblem {
            path: path.into(),
            kind,
        }
    }

    /// The stable dotted code of its kind, for example `history.out_of_order`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// For developers and logs: the path and the code (the words are in the catalogues).
impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.code())
    }
}

/// What kind of JSON value was found where another was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// A list (array).
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of `value`.
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }

    /// A stable machine code (snake case): the catalogue key `json_kind.<code>` names
    /// it ("a list", "an object", …).
    pub fn code(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "boolean",
            JsonKind::Number => "number",
            JsonKind::String => "string",
            JsonKind::List => "list",
            JsonKind::Object => "object",
        }
    }
}

/// What is wrong with an import file, at one path. Each kind has a stable dotted
/// [`ImportProblemKind::code`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::EnumDiscriminants)]
#[strum_discriminants(name(ImportProblemCode), derive(strum::EnumIter, Hash))]
#[serde(tag = "code")]
pub enum ImportProblemKind {
    /// The file is larger than [`MAX_TEXT_BYTES`].
    #[serde(rename = "file.too_large")]
    FileTooLarge {
        /// Its size in bytes.
        bytes: u64,
        /// The largest accepted, in bytes.
        max_bytes: u64,
    },
    /// The file is not UTF-8 text.
    #[serde(rename = "file.not_utf8")]
    FileNotUtf8 {
        /// The offset of the first byte that cannot be read.
        offset: usize,
    },
    /// The text is not valid JSON.
    #[serde(rename = "json.syntax")]
    JsonSyntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
    },
    /// The JSON ends too early (the file was probably cut off).
    #[serde(rename = "json.eof")]
    JsonEof {
        /// Line where it ends, from 1.
        line: usize,
        /// Column where it ends.
        column: usize,
    },
    /// The document is not a JSON object.
    #[serde(rename = "document.not_object")]
    DocumentNotObject {
        /// What it is instead.
        found: JsonKind,
    },
    /// No `format` member.
    #[serde(rename = "format.missing")]
    FormatMissing,
    /// The `format` is another string than [`FORMAT_TAG`].
    #[serde(rename = "format.wrong")]
    FormatWrong {
        /// The format found.
        found: String,
    },
    /// The `format` is not a string.
    #[serde(rename = "format.not_string")]
    FormatNotString {
        /// What it is instead.
        found: JsonKind,
    },
    /// No `version` member.
    #[serde(rename = "version.missing")]
    VersionMissing {
        /// The newest version this code reads.
        supported: u32,
    },
    /// The `version` is not a whole number from 0.
    #[serde(rename = "version.invalid")]
    VersionInvalid {
        /// What it is instead.
        found: JsonKind,
        /// The newest version this code reads.
        supported: u32,
    },
    /// The file is newer than this code reads.
    #[serde(rename = "version.too_new")]
    VersionTooNew {
        /// The file's version.
        version: u64,
        /// The newest version this code reads.
        supported: u32,
    },
    /// The file's version is a whole number too large for 64 bits (far newer than this
    /// code reads, or damaged).
    #[serde(rename = "version.too_new_large")]
    VersionTooNewLarge {
        /// The version, in decimal digits.
        version: String,
        /// The newest version this code reads.
        supported: u32,
    },
    /// No migration leads from the file's version.
    #[serde(rename = "migration.missing")]
    MigrationMissing {
        /// The version with no migration.
        version: u32,
    },
    /// A migration met something that is not an object where one is expected.
    #[serde(rename = "migration.not_object")]
    MigrationNotObject {
        /// The version being migrated from.
        version: u32,
        /// What was found.
        found: JsonKind,
    },
    /// A required member is missing.
    #[serde(rename = "member.missing")]
    MemberMissing {
        /// Its name.
        name: String,
    },
    /// A member has a value of the wrong kind or shape. `detail` is the JSON reader's
    /// own technical description (for example `invalid type: string "x", expected
    /// u64`), shown as a quotation, not as words of the app.
    #[serde(rename = "member.invalid")]
    MemberInvalid {
        /// The reader's technical description.
        detail: String,
    },
    /// A member holds another kind of value than it takes (a number where a text
    /// belongs, for example).
    #[serde(rename = "member.wrong_kind")]
    MemberWrongKind {
        /// What the file holds.
        found: JsonKind,
        /// What the member takes.
        expected: JsonKind,
    },
    /// A member takes one of a fixed set of names (a status, a product, an action), and
    /// the file's is none of them.
    #[serde(rename = "member.unknown_value")]
    MemberUnknownValue {
        /// The name in the file.
        found: String,
        /// Every name the member takes, in the format's spelling.
        allowed: Vec<String>,
    },
    /// A member that must be a list is not.
    #[serde(rename = "member.not_list")]
    MemberNotList {
        /// What it is instead.
        found: JsonKind,
    },
    /// A claim is not a JSON object.
    #[serde(rename = "claim.not_object")]
    ClaimNotObject {
        /// What it is instead.
        found: JsonKind,
    },
    /// The calendar's time zone is not a known IANA name.
    #[serde(rename = "calendar.unknown_time_zone")]
    UnknownTimeZone {
        /// The name given.
        time_zone: String,
    },
    /// More claims than [`MAX_CLAIMS`].
    #[serde(rename = "claims.too_many")]
    TooManyClaims {
        /// How many the file has.
        count: usize,
        /// The most accepted at a time.
        max: usize,
    },
    /// Two claims share an ID.
    #[serde(rename = "claim.duplicate_id")]
    DuplicateClaimId {
        /// The ID.
        id: uuid::Uuid,
        /// Index of the first claim with it.
        first_index: usize,
    },
    /// A claim without history.
    #[serde(rename = "history.empty")]
    HistoryEmpty,
    /// The first history entry is not a creation.
    #[serde(rename = "history.first_not_create")]
    HistoryFirstNotCreate {
        /// The first entry's action.
        action: ActionKind,
    },
    /// The first history entry names a status before it.
    #[serde(rename = "history.first_has_from")]
    HistoryFirstHasFrom {
        /// The status it names.
        from: Status,
    },
    /// An entry does not start from the status the entry before it ended in.
    #[serde(rename = "history.from_mismatch")]
    HistoryFromMismatch {
        /// The status it starts from (`None`: none given).
        from: Option<Status>,
        /// The status the entry before it ended in.
        previous_to: Status,
    },
    /// An entry took effect before the entry before it.
    #[serde(rename = "history.out_of_order")]
    HistoryOutOfOrder {
        /// When it took effect.
        at: Timestamp,
        /// When the entry before it took effect.
        previous_at: Timestamp,
    },
    /// The claim's status is not its last entry's.
    #[serde(rename = "status.not_last_history")]
    StatusNotLastHistory {
        /// The claim's status.
        status: Status,
        /// The last entry's status.
        last_to: Status,
    },
    /// The revision is lower than the number of history entries.
    #[serde(rename = "revision.too_low")]
    RevisionTooLow {
        /// The claim's revision.
        revision: u64,
        /// How many history entries it has.
        entries: u64,
    },
    /// A setting of the file's policy or calendar cannot be used (a clock of 0 days, one
    /// of 4294967295 days, a weekmask without a working day, …).
    #[serde(rename = "policy.invalid")]
    PolicyInvalid {
        /// What is wrong with it.
        problem: PolicyProblemKind,
    },
    /// Replayed through the lifecycle, this history entry is refused: its actor may not
    /// take that action from that status at that time under the file's policy.
    #[serde(rename = "history.refused")]
    HistoryRefused {
        /// The entry's action.
        action: ActionKind,
        /// Why the rules refuse it.
        refusal: Refusal,
    },
    /// A system entry (partner response expired, consent ended) that is not exactly at
    /// its deadline.
    #[serde(rename = "history.system_not_due")]
    HistorySystemNotDue {
        /// The entry's action.
        action: ActionKind,
        /// When its deadline is due.
        due: Timestamp,
    },
    /// A system entry with no deadline behind it (none was running at that point).
    #[serde(rename = "history.system_without_deadline")]
    HistorySystemWithoutDeadline {
        /// The entry's action.
        action: ActionKind,
    },
    /// A deadline passed before this entry, and the system transition it causes is not
    /// recorded before it.
    #[serde(rename = "history.system_missing")]
    HistorySystemMissing {
        /// The transition that should come first.
        transition: ActionKind,
        /// Its deadline.
        due: Timestamp,
    },
    /// Replayed, this entry records something else than the file says (`member`: `to`,
    /// `detail`, `changes`, `comment`, `actor` or `action`).
    #[serde(rename = "history.entry_differs")]
    HistoryEntryDiffers {
        /// The entry's action.
        action: ActionKind,
        /// The member of the entry that differs.
        member: String,
    },
    /// An edit's change does not start from the value the field has at that point of the
    /// history (its `old` is not the current value), or names no editable field.
    #[serde(rename = "history.patch_mismatch")]
    HistoryPatchMismatch {
        /// The field's path, for example `fields.tenant_id`.
        field: String,
    },
    /// The claim's member is not what its history produces (a change no entry accounts
    /// for).
    #[serde(rename = "claim.differs_from_history")]
    ClaimDiffersFromHistory {
        /// The member, for example `fields`, `poe` or `comments`.
        member: String,
    },
    /// A PoE document's SHA-256 is not 64 hexadecimal digits.
    #[serde(rename = "poe.sha256_invalid")]
    PoeSha256Invalid {
        /// How many characters it has.
        length: usize,
    },
    /// A comment is longer than the rules accept.
    #[serde(rename = "comment.too_long")]
    CommentTooLong {
        /// Its length in characters.
        length: usize,
        /// The longest accepted.
        max: usize,
    },
}

impl ImportProblemCode {
    /// The stable dotted code.
    pub fn code(self) -> &'static str {
        match self {
            ImportProblemCode::FileTooLarge => "file.too_large",
            ImportProblemCode::FileNotUtf8 => "file.not_utf8",
            ImportProblemCode::JsonSyntax => "json.syntax",
            ImportProblemCode::JsonEof => "json.eof",
            ImportProblemCode::DocumentNotObject => "document.not_object",
            ImportProblemCode::FormatMissing => "format.missing",
            ImportProblemCode::FormatWrong => "format.wrong",
            ImportProblemCode::FormatNotString => "format.not_string",
            ImportProblemCode::VersionMissing => "version.missing",
            ImportProblemCode::VersionInvalid => "version.invalid",
            ImportProblemCode::VersionTooNew => "version.too_new",
            ImportProblemCode::VersionTooNewLarge => "version.too_new_large",
            ImportProblemCode::MigrationMissing => "migration.missing",
            ImportProblemCode::MigrationNotObject => "migration.not_object",
            ImportProblemCode::MemberMissing => "member.missing",
            ImportProblemCode::MemberInvalid => "member.invalid",
            ImportProblemCode::MemberWrongKind => "member.wrong_kind",
            ImportProblemCode::MemberUnknownValue => "member.unknown_value",
            ImportProblemCode::MemberNotList => "member.not_list",
            ImportProblemCode::ClaimNotObject => "claim.not_object",
            ImportProblemCode::UnknownTimeZone => "calendar.unknown_time_zone",
            ImportProblemCode::TooManyClaims => "claims.too_many",
            ImportProblemCode::DuplicateClaimId => "claim.duplicate_id",
            ImportProblemCode::HistoryEmpty => "history.empty",
            ImportProblemCode::HistoryFirstNotCreate => "history.first_not_create",
            ImportProblemCode::HistoryFirstHasFrom => "history.first_has_from",
            ImportProblemCode::HistoryFromMismatch => "history.from_mismatch",
            ImportProblemCode::HistoryOutOfOrder => "history.out_of_order",
            ImportProblemCode::StatusNotLastHistory => "status.not_last_history",
            ImportProblemCode::RevisionTooLow => "revision.too_low",
            ImportProblemCode::PolicyInvalid => "policy.invalid",
            ImportProblemCode::HistoryRefused => "history.refused",
            ImportProblemCode::HistorySystemNotDue => "history.system_not_due",
            ImportProblemCode::HistorySystemWithoutDeadline => "history.system_without_deadline",
            ImportProblemCode::HistorySystemMissing => "history.system_missing",
            ImportProblemCode::HistoryEntryDiffers => "history.entry_differs",
            ImportProblemCode::HistoryPatchMismatch => "history.patch_mismatch",
            ImportProblemCode::ClaimDiffersFromHistory => "claim.differs_from_history",
            ImportProblemCode::PoeSha256Invalid => "poe.sha256_invalid",
            ImportProblemCode::CommentTooLong => "comment.too_long",
        }
    }

    /// Every import problem code, derived from [`ImportProblemKind`]'s variants.
    ///
    /// ```
    /// use claim_rules::export::ImportProblemCode;
    ///
    /// assert!(ImportProblemCode::all().any(|code| code.code() == "history.out_of_order"));
    /// ```
    pub fn all() -> impl Iterator<Item = ImportProblemCode> {
        <ImportProblemCode as strum::IntoEnumIterator>::iter()
    }
}

impl ImportProblemKind {
    /// The stable dotted code, for example `json.syntax`.
    pub fn code(&self) -> &'static str {
        ImportProblemCode::from(self).code()
    }

    /// One problem of every code, for catalogue tests.
    ///
    /// ```
    /// use claim_rules::export::{ImportProblemCode, ImportProblemKind};
    ///
    /// let samples = ImportProblemKind::samples();
    /// assert!(ImportProblemCode::all().all(|code| samples.iter().any(|s| ImportProblemCode::from(s) == code)));
    /// ```
    pub fn samples() -> Vec<ImportProblemKind> {
        let at = Timestamp::UNIX_EPOCH;
        ImportProblemCode::all()
            .map(|code| match code {
                ImportProblemCode::FileTooLarge => ImportProblemKind::FileTooLarge {
                    bytes: 60 * 1024 * 1024,
                    max_bytes: MAX_TEXT_BYTES as u64,
                },
                ImportProblemCode::FileNotUtf8 => ImportProblemKind::FileNotUtf8 { offset: 12 },
                ImportProblemCode::JsonSyntax => {
                    ImportProblemKind::JsonSyntax { line: 4, column: 1 }
                }
                ImportProblemCode::JsonEof => ImportProblemKind::JsonEof { line: 9, column: 0 },
                ImportProblemCode::DocumentNotObject => ImportProblemKind::DocumentNotObject {
                    found: JsonKind::List,
                },
                ImportProblemCode::FormatMissing => ImportProblemKind::FormatMissing,
                ImportProblemCode::FormatWrong => ImportProblemKind::FormatWrong {
                    found: "other-app".to_string(),
                },
                ImportProblemCode::FormatNotString => ImportProblemKind::FormatNotString {
                    found: JsonKind::Number,
                },
                ImportProblemCode::VersionMissing => ImportProblemKind::VersionMissing {
                    supported: FORMAT_VERSION,
                },
                ImportProblemCode::VersionInvalid => ImportProblemKind::VersionInvalid {
                    found: JsonKind::String,
                    supported: FORMAT_VERSION,
                },
                ImportProblemCode::VersionTooNew => ImportProblemKind::VersionTooNew {
                    version: 99,
                    supported: FORMAT_VERSION,
                },
                ImportProblemCode::VersionTooNewLarge => ImportProblemKind::VersionTooNewLarge {
                    version: "18446744073709551616".to_string(),
                    supported: FORMAT_VERSION,
                },
                ImportProblemCode::MigrationMissing => {
                    ImportProblemKind::MigrationMissing { version: 0 }
                }
                ImportProblemCode::MigrationNotObject => ImportProblemKind::MigrationNotObject {
                    version: 0,
                    found: JsonKind::List,
                },
                ImportProblemCode::MemberMissing => ImportProblemKind::MemberMissing {
                    name: "claims".to_string(),
                },
                ImportProblemCode::MemberInvalid => ImportProblemKind::MemberInvalid {
                    detail: "invalid value: integer `-1`, expected u64".to_string(),
                },
                ImportProblemCode::MemberWrongKind => ImportProblemKind::MemberWrongKind {
                    found: JsonKind::Number,
                    expected: JsonKind::String,
                },
                ImportProblemCode::MemberUnknownValue => ImportProblemKind::MemberUnknownValue {
                    found: "Pending".to_string(),
                    allowed: vec!["Draft".to_string(), "Submitted".to_string()],
                },
                ImportProblemCode::MemberNotList => ImportProblemKind::MemberNotList {
                    found: JsonKind::Object,
                },
                ImportProblemCode::ClaimNotObject => ImportProblemKind::ClaimNotObject {
                    found: JsonKind::Number,
                },
                ImportProblemCode::UnknownTimeZone => ImportProblemKind::UnknownTimeZone {
                    time_zone: "Mars/Olympus_Mons".to_string(),
                },
                ImportProblemCode::TooManyClaims => ImportProblemKind::TooManyClaims {
                    count: MAX_CLAIMS + 1,
                    max: MAX_CLAIMS,
                },
                ImportProblemCode::DuplicateClaimId => ImportProblemKind::DuplicateClaimId {
                    id: uuid::Uuid::nil(),
                    first_index: 0,
                },
                ImportProblemCode::HistoryEmpty => ImportProblemKind::HistoryEmpty,
                ImportProblemCode::HistoryFirstNotCreate => {
                    ImportProblemKind::HistoryFirstNotCreate {
                        action: ActionKind::Submit,
                    }
                }
                ImportProblemCode::HistoryFirstHasFrom => ImportProblemKind::HistoryFirstHasFrom {
                    from: Status::Draft,
                },
                ImportProblemCode::HistoryFromMismatch => ImportProblemKind::HistoryFromMismatch {
                    from: Some(Status::Draft),
                    previous_to: Status::Submitted,
                },
                ImportProblemCode::HistoryOutOfOrder => ImportProblemKind::HistoryOutOfOrder {
                    at,
                    previous_at: at,
                },
                ImportProblemCode::StatusNotLastHistory => {
                    ImportProblemKind::StatusNotLastHistory {
                        status: Status::Draft,
                        last_to: Status::Submitted,
                    }
                }
                ImportProblemCode::RevisionTooLow => ImportProblemKind::RevisionTooLow {
                    revision: 1,
                    entries: 3,
                },
                ImportProblemCode::PolicyInvalid => ImportProblemKind::PolicyInvalid {
                    problem: PolicyProblemKind::LengthOutOfRange {
                        days: 0,
                        min: 1,
                        max: 365,
                    },
                },
                ImportProblemCode::HistoryRefused => ImportProblemKind::HistoryRefused {
                    action: ActionKind::Approve,
                    refusal: Refusal::WrongActor {
                        action: ActionKind::Approve,
                        actor: crate::model::Actor::Partner,
                        allowed: vec![crate::model::Actor::Reviewer],
                    },
                },
                ImportProblemCode::HistorySystemNotDue => ImportProblemKind::HistorySystemNotDue {
                    action: ActionKind::PartnerResponseExpired,
                    due: at,
                },
                ImportProblemCode::HistorySystemWithoutDeadline => {
                    ImportProblemKind::HistorySystemWithoutDeadline {
                        action: ActionKind::ConsentEnded,
                    }
                }
                ImportProblemCode::HistorySystemMissing => {
                    ImportProblemKind::HistorySystemMissing {
                        transition: ActionKind::PartnerResponseExpired,
                        due: at,
                    }
                }
                ImportProblemCode::HistoryEntryDiffers => ImportProblemKind::HistoryEntryDiffers {
                    action: ActionKind::Reject,
                    member: "detail".to_string(),
                },
                ImportProblemCode::HistoryPatchMismatch => {
                    ImportProblemKind::HistoryPatchMismatch {
                        field: "fields.tenant_id".to_string(),
                    }
                }
                ImportProblemCode::ClaimDiffersFromHistory => {
                    ImportProblemKind::ClaimDiffersFromHistory {
                        member: "fields".to_string(),
                    }
                }
                ImportProblemCode::PoeSha256Invalid => {
                    ImportProblemKind::PoeSha256Invalid { length: 2 }
                }
                ImportProblemCode::CommentTooLong => ImportProblemKind::CommentTooLong {
                    length: 5_000,
                    max: crate::validation::COMMENT_MAX_CHARS,
                },
            })
            .collect()
    }
}

/// Read an export document from its text, validating the whole file first.
///
/// Returns every problem found, each naming its JSON path, or the document (migrated
/// to [`FORMAT_VERSION`] if it was older). Nothing is applied anywhere: this is a pure
/// function of the text.
///
/// ```
/// use claim_rules::export::{parse, ImportProblemKind};
///
/// let problems = parse(r#"{"format": "cpor-desk", "version": 99}"#).unwrap_err();
/// assert_eq!(problems[0].path, "$.version");
/// assert_eq!(problems[0].kind, ImportProblemKind::VersionTooNew { version: 99, supported: 1 });
///
/// let problems = parse("{\n  \"format\": \"cpor-desk\",\n  \"version\": 1,\n}").unwrap_err();
/// assert_eq!(problems[0].kind, ImportProblemKind::JsonSyntax { line: 4, column: 1 });
/// ```
pub fn parse(text: &str) -> Result<ExportDocument, Vec<ImportProblem>> {
    if text.len() > MAX_TEXT_BYTES {
        return parse_too_large(text.len());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(read) = parse_current(text) {
        return read;
    }
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
/// assert_eq!(problems[0].code(), "file.not_utf8");
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<ExportDocument, Vec<ImportProblem>> {
    if bytes.len() > MAX_TEXT_BYTES {
        return parse_too_large(bytes.len());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(error) => Err(vec![ImportProblem::new(
            "$",
            ImportProblemKind::FileNotUtf8 {
                offset: error.valid_up_to(),
            },
        )]),
    }
}

fn parse_too_large(length: usize) -> Result<ExportDocument, Vec<ImportProblem>> {
    Err(vec![ImportProblem::new(
        "$",
        ImportProblemKind::FileTooLarge {
            bytes: length as u64,
            max_bytes: MAX_TEXT_BYTES as u64,
        },
    )])
}

fn syntax_problem(error: &serde_json::Error) -> ImportProblem {
    let (line, column) = (error.line(), error.column());
    let kind = if error.is_eof() {
        ImportProblemKind::JsonEof { line, column }
    } else {
        ImportProblemKind::JsonSyntax { line, column }
    };
    ImportProblem::new("$", kind)
}

/// A document of the current version that reads as a whole, read straight from its
/// text; `None` for anything else (another version, a member that does not read, JSON
/// that is not an object), which [`parse_value`] then reads member by member to report
/// every problem.
///
/// Reading through [`Value`] first costs about two thirds of the time of a large file,
/// and only a file with problems needs it. Whatever this accepts, [`parse_value`]
/// accepts too, with the same result; the checks after reading are shared.
fn parse_current(text: &str) -> Option<Result<ExportDocument, Vec<ImportProblem>>> {
    #[derive(Deserialize)]
    struct Current {
        format: String,
        version: u32,
        exported_at: Timestamp,
        app_version: String,
        policy: ExportedPolicy,
        calendar: CalendarSettings,
        claims: Vec<Claim>,
    }
    // A derived struct also reads from a JSON list; a document must be an object.
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let current: Current = serde_json::from_str(text).ok()?;
    if current.format != FORMAT_TAG
        || current.version != FORMAT_VERSION
        || current.claims.len() > MAX_CLAIMS
    {
        return None;
    }
    let mut problems = Vec::new();
    calendar_problems(
        Some(&current.policy),
        Some(&current.calendar),
        &mut problems,
    );
    let mut checks = ClaimChecks::with_capacity(current.claims.len());
    let claims = current
        .claims
        .into_iter()
        .enumerate()
        .map(|(index, claim)| checks.check(index, claim, &mut problems))
        .collect();
    Some(finish(
        DocumentMembers {
            exported_at: Some(current.exported_at),
            app_version: Some(current.app_version),
            policy: Some(current.policy),
            calendar: Some(current.calendar),
            claims: Some(claims),
        },
        problems,
    ))
}

/// [`parse`] for a document already read as JSON.
pub fn parse_value(value: Value) -> Result<ExportDocument, Vec<ImportProblem>> {
    let Value::Object(root) = value else {
        return Err(vec![ImportProblem::new(
            "$",
            ImportProblemKind::DocumentNotObject {
                found: JsonKind::of(&value),
            },
        )]);
    };
    let version = envelope(&root)?;
    let root = if version < FORMAT_VERSION {
        match migrate(Value::Object(root), version)? {
            Value::Object(root) => root,
            other => {
                return Err(vec![ImportProblem::new(
                    "$",
                    ImportProblemKind::MigrationNotObject {
                        version,
                        found: JsonKind::of(&other),
                    },
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
            ImportProblemKind::FormatWrong { found: tag.clone() },
        )),
        Some(other) => problems.push(ImportProblem::new(
            "$.format",
            ImportProblemKind::FormatNotString {
                found: JsonKind::of(other),
            },
        )),
        None => problems.push(ImportProblem::new(
            "$.format",
            ImportProblemKind::FormatMissing,
        )),
    }
    let invalid = |found: &Value| {
        ImportProblem::new(
            "$.version",
            ImportProblemKind::VersionInvalid {
                found: JsonKind::of(found),
                supported: FORMAT_VERSION,
            },
        )
    };
    let version = match root.get("version") {
        Some(value @ Value::Number(number)) => match number.as_u64() {
            Some(version) if version > u64::from(FORMAT_VERSION) => {
                problems.push(ImportProblem::new(
                    "$.version",
                    ImportProblemKind::VersionTooNew {
                        version,
                        supported: FORMAT_VERSION,
                    },
                ));
                None
            }
            Some(version) => u32::try_from(version).ok(),
            None => {
                // A whole number beyond 64 bits is read as a float; name it in digits
                // (18446744073709551616), never as 1.8446744073709552e19.
                let whole = number
                    .as_f64()
                    .filter(|float| float.is_finite() && *float >= 1.0 && float.fract() == 0.0);
                match whole {
                    Some(float) => problems.push(ImportProblem::new(
                        "$.version",
                        ImportProblemKind::VersionTooNewLarge {
                            version: format!("{float:.0}"),
                            supported: FORMAT_VERSION,
                        },
                    )),
                    None => problems.push(invalid(value)),
                }
                None
            }
        },
        Some(other) => {
            problems.push(invalid(other));
            None
        }
        None => {
            problems.push(ImportProblem::new(
                "$.version",
                ImportProblemKind::VersionMissing {
                    supported: FORMAT_VERSION,
                },
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
            ImportProblemKind::MemberMissing {
                name: name.to_string(),
            },
        );
    }
    ImportProblem::new(path, serde_problem(inner))
}

/// The reader's message as a typed problem where its shape is known, so it reads in the
/// user's language; otherwise the message itself, quoted. The shapes are serde's own
/// (`invalid type: …, expected …`, `unknown variant …, expected one of …`), fixed by the
/// locked serde version and pinned by the tests below.
fn serde_problem(detail: String) -> ImportProblemKind {
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            if let (Some(found), Some(expected)) = (found_kind(found), expected_kind(expected)) {
                return ImportProblemKind::MemberWrongKind { found, expected };
            }
        }
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        if let Some((found, expected)) = rest.split_once("`, expected ") {
            let allowed: Vec<String> = expected
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            if !allowed.is_empty() {
                return ImportProblemKind::MemberUnknownValue {
                    found: found.to_string(),
                    allowed,
                };
            }
        }
    }
    ImportProblemKind::MemberInvalid { detail }
}

/// The kind of value serde's `Unexpected` describes (`string "x"`, `integer `5``, …).
fn found_kind(found: &str) -> Option<JsonKind> {
    let word = |prefix: &str| found == prefix || found.starts_with(&format!("{prefix} "));
    if word("string") || word("character") {
        Some(JsonKind::String)
    } else if word("integer") || word("floating point") {
        Some(JsonKind::Number)
    } else if word("boolean") {
        Some(JsonKind::Boolean)
    } else if found == "null" || found == "unit value" {
        Some(JsonKind::Null)
    } else if found == "sequence" {
        Some(JsonKind::List)
    } else if found == "map" {
        Some(JsonKind::Object)
    } else {
        None
    }
}

/// The kind of value a type takes, from serde's `expected …` (`a string`, `u64`, `struct
/// ClaimFields`, …).
fn expected_kind(expected: &str) -> Option<JsonKind> {
    let number = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    if expected == "a string" || expected == "a borrowed string" || expected == "a char" {
        Some(JsonKind::String)
    } else if number.contains(&expected)
        || expected == "f32"
        || expected == "f64"
        || expected == "an integer"
        || expected == "a number"
    {
        Some(JsonKind::Number)
    } else if expected == "a boolean" {
        Some(JsonKind::Boolean)
    } else if expected == "a sequence" || expected.starts_with("a tuple") {
        Some(JsonKind::List)
    } else if expected == "a map" || expected.starts_with("struct ") {
        Some(JsonKind::Object)
    } else {
        None
    }
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
                    ImportProblemKind::MemberMissing {
                        name: key.to_string(),
                    },
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
            ImportProblemKind::MemberNotList {
                found: JsonKind::of(other),
            },
        )),
        None => {
            if presence == Presence::Required {
                problems.push(ImportProblem::new(
                    path,
                    ImportProblemKind::MemberMissing {
                        name: key.to_string(),
                    },
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
    calendar_problems(policy.as_ref(), calendar.as_ref(), &mut problems);
    let claims = claims_member(root, &mut problems);
    finish(
        DocumentMembers {
            exported_at,
            app_version,
            policy,
            calendar,
            claims,
        },
        problems,
    )
}

/// The members of a document, each as far as it read.
struct DocumentMembers {
    exported_at: Option<Timestamp>,
    app_version: Option<String>,
    policy: Option<ExportedPolicy>,
    calendar: Option<CalendarSettings>,
    claims: Option<Vec<Claim>>,
}

/// The calendar's time zone and the policy under it.
fn calendar_problems(
    policy: Option<&ExportedPolicy>,
    calendar: Option<&CalendarSettings>,
    problems: &mut Vec<ImportProblem>,
) {
    if let Some(calendar) = calendar {
        if jiff::tz::db().get(&calendar.time_zone).is_err() {
            problems.push(ImportProblem::new(
                "$.calendar.time_zone",
                ImportProblemKind::UnknownTimeZone {
                    time_zone: calendar.time_zone.clone(),
                },
            ));
        }
    }
    if let (Some(policy), Some(calendar)) = (policy, calendar) {
        policy_problems(&policy.with_calendar(calendar.clone()), problems);
    }
}

/// The document, when every member read and nothing was found wrong; the claims'
/// histories are replayed only then.
fn finish(
    members: DocumentMembers,
    mut problems: Vec<ImportProblem>,
) -> Result<ExportDocument, Vec<ImportProblem>> {
    let DocumentMembers {
        exported_at,
        app_version,
        policy,
        calendar,
        claims,
    } = members;
    if let (Some(policy), Some(calendar), Some(claims)) = (&policy, &calendar, &claims) {
        if problems.is_empty() {
            let policy = policy.with_calendar(calendar.clone());
            replay_problems(claims, &policy, &mut problems);
        }
    }
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

/// Every problem of the file's policy (the time zone is reported on its own).
fn policy_problems(policy: &Policy, problems: &mut Vec<ImportProblem>) {
    for problem in policy.problems() {
        if matches!(
            problem.kind,
            PolicyProblemKind::Calendar {
                error: CalendarError::UnknownTimeZone(_)
            }
        ) {
            continue;
        }
        problems.push(ImportProblem::new(
            format!("$.{}", problem.field),
            ImportProblemKind::PolicyInvalid {
                problem: problem.kind,
            },
        ));
    }
}

/// Replay every claim's history under the file's policy (see [`replay`]): the first
/// entry of each claim that breaks a rule.
/// Version 0 entries did not record their changes: a claim with such entries is replayed
/// for its transitions only (see [`replay`]).
fn replay_problems(claims: &[Claim], policy: &Policy, problems: &mut Vec<ImportProblem>) {
    let Ok(rules) = Rules::new(policy.clone()) else {
        return;
    };
    for (index, claim) in claims.iter().enumerate() {
        // A version 0 claim whose entries look like version 1's is replayed in full, as
        // it will be when it comes back in a version 1 file; [`replay`] itself replays
        // the transitions only of a claim with an entry only version 0 wrote.
        let replayed = replay(claim, &rules);
        if let Err(problem) = replayed {
            problems.push(ImportProblem::new(
                format!("$.claims[{index}].{}", problem.path),
                problem.kind,
            ));
        }
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
                ImportProblemKind::MemberNotList {
                    found: JsonKind::of(other),
                },
            ));
            return None;
        }
        None => {
            problems.push(ImportProblem::new(
                "$.claims",
                ImportProblemKind::MemberMissing {
                    name: "claims".to_string(),
                },
            ));
            return None;
        }
    };
    if elements.len() > MAX_CLAIMS {
        problems.push(ImportProblem::new(
            "$.claims",
            ImportProblemKind::TooManyClaims {
                count: elements.len(),
                max: MAX_CLAIMS,
            },
        ));
        return None;
    }
    let before = problems.len();
    let mut checks = ClaimChecks::with_capacity(elements.len());
    let mut claims = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        if let Some(claim) = read_claim(element, &format!("$.claims[{index}]"), problems) {
            claims.push(checks.check(index, claim, problems));
        }
    }
    (problems.len() == before).then_some(claims)
}

/// The checks of each claim that read, in file order: normalized, its ID not seen
/// before, its history not contradicting itself.
struct ClaimChecks {
    first_index_of_id: std::collections::HashMap<uuid::Uuid, usize>,
}

impl ClaimChecks {
    fn with_capacity(claims: usize) -> Self {
        ClaimChecks {
            first_index_of_id: std::collections::HashMap::with_capacity(claims),
        }
    }

    /// Check `claim`, found at `index` of the file's claims; return it normalized.
    fn check(
        &mut self,
        index: usize,
        mut claim: Claim,
        problems: &mut Vec<ImportProblem>,
    ) -> Claim {
        let base = format!("$.claims[{index}]");
        normalize_claim(&mut claim);
        if let Some(first) = self.first_index_of_id.insert(claim.id, index) {
            // Keep pointing at the first occurrence for later duplicates.
            self.first_index_of_id.insert(claim.id, first);
            problems.push(ImportProblem::new(
                format!("{base}.id"),
                ImportProblemKind::DuplicateClaimId {
                    id: claim.id,
                    first_index: first,
                },
            ));
        }
        consistency_problems(&claim, &base, problems);
        claim
    }
}

/// Imported fields are stored as the app stores what it is given: domains, tenant and
/// subscription IDs lower-cased, IDs trimmed; the history's changes of those fields the
/// same way, so that they still describe the stored values.
fn normalize_claim(claim: &mut Claim) {
    claim.fields.normalize();
    for entry in &mut claim.history {
        for change in &mut entry.changes {
            let normalize: fn(&mut Value) = match change.field.as_str() {
                "fields.customer_domain" | "fields.tenant_id" => lower_case_text,
                "fields.partner_id" => trim_text,
                "fields.products" => lower_case_subscriptions,
                _ => continue,
            };
            normalize(&mut change.old);
            normalize(&mut change.new);
        }
    }
}

fn lower_case_text(value: &mut Value) {
    if let Value::String(text) = value {
        *text = text.trim().to_ascii_lowercase();
    }
}

fn trim_text(value: &mut Value) {
    if let Value::String(text) = value {
        *text = text.trim().to_string();
    }
}

fn lower_case_subscriptions(value: &mut Value) {
    if let Value::Array(products) = value {
        for product in products {
            if let Some(id) = product.get_mut("subscription_id") {
                lower_case_text(id);
            }
        }
    }
}

/// Read one claim; when it does not read as a whole, read it member by member to report
/// every bad member rather than the first.
fn read_claim(value: &Value, base: &str, problems: &mut Vec<ImportProblem>) -> Option<Claim> {
    // The plain read first: tracking the path costs time on every claim of a large file,
    // and only a claim that does not read needs it.
    if let Ok(claim) = Claim::deserialize(value) {
        return Some(claim);
    }
    let whole_error = match serde_path_to_error::deserialize::<_, Claim>(value) {
        Ok(claim) => return Some(claim),
        Err(error) => problem_from_serde(base, &error),
    };
    let Value::Object(object) = value else {
        problems.push(ImportProblem::new(
            base,
            ImportProblemKind::ClaimNotObject {
                found: JsonKind::of(value),
            },
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
            ImportProblemKind::HistoryEmpty,
        ));
        return;
    };
    if !matches!(first.action, ActionKind::Create | ActionKind::StartedFrom) {
        problems.push(ImportProblem::new(
            format!("{base}.history[0].action"),
            ImportProblemKind::HistoryFirstNotCreate {
                action: first.action,
            },
        ));
    }
    if let Some(from) = first.from {
        problems.push(ImportProblem::new(
            format!("{base}.history[0].from"),
            ImportProblemKind::HistoryFirstHasFrom { from },
        ));
    }
    for (index, pair) in history.windows(2).enumerate() {
        let (previous, entry) = (&pair[0], &pair[1]);
        let index = index + 1;
        if entry.from != Some(previous.to) {
            problems.push(ImportProblem::new(
                format!("{base}.history[{index}].from"),
                ImportProblemKind::HistoryFromMismatch {
                    from: entry.from,
                    previous_to: previous.to,
                },
            ));
        }
        if entry.at < previous.at {
            problems.push(ImportProblem::new(
                format!("{base}.history[{index}].at"),
                ImportProblemKind::HistoryOutOfOrder {
                    at: entry.at,
                    previous_at: previous.at,
                },
            ));
        }
    }
    if let Some(last) = history.last() {
        if claim.status != last.to {
            problems.push(ImportProblem::new(
                format!("{base}.status"),
                ImportProblemKind::StatusNotLastHistory {
                    status: claim.status,
                    last_to: last.to,
                },
            ));
        }
    }
    for (index, document) in claim.poe.iter().enumerate() {
        let sha = &document.sha256;
        if sha.len() != 64 || !sha.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            problems.push(ImportProblem::new(
                format!("{base}.poe[{index}].sha256"),
                ImportProblemKind::PoeSha256Invalid {
                    length: sha.chars().count(),
                },
            ));
        }
    }
    let max = crate::validation::COMMENT_MAX_CHARS;
    let long_comments = claim
        .comments
        .iter()
        .map(|comment| (comment.text.as_str(), "comments"))
        .chain(
            history
                .iter()
                .map(|entry| (entry.comment.as_str(), "history")),
        );
    for (index, (text, list)) in long_comments.enumerate() {
        let length = crate::validation::comment_length(text);
        if length > max {
            let index = if list == "history" {
                index - claim.comments.len()
            } else {
                index
            };
            let member = if list == "history" {
                ".comment"
            } else {
                ".text"
            };
            problems.push(ImportProblem::new(
                format!("{base}.{list}[{index}]{member}"),
                ImportProblemKind::CommentTooLong { length, max },
            ));
        }
    }
    let entries = history.len() as u64;
    if claim.revision < entries {
        problems.push(ImportProblem::new(
            format!("{base}.revision"),
            ImportProblemKind::RevisionTooLow {
                revision: claim.revision,
                entries,
            },
        ));
    }
}

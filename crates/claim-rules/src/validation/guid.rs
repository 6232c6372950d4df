//! GUIDs: the tenant ID and subscription IDs.

use super::problem::{GuidHint, Problem, ProblemKind};
use super::Level;

/// What is wrong with a GUID as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GuidIssue {
    /// Not `8-4-4-4-12` hex; the hint says how to fix it, when the rules can tell.
    NotGuid(Option<GuidHint>),
    /// The all-zero GUID.
    Nil,
}

fn is_guid_shape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            8 | 13 | 18 | 23 => *byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// Whether `text` (trimmed, any case) is a GUID written `8-4-4-4-12` in hexadecimal.
/// The all-zero GUID is a GUID here; [`super::submit_problems`] rejects it as a tenant
/// or subscription ID.
///
/// ```
/// use claim_rules::validation::is_guid;
///
/// assert!(is_guid("72f988bf-86f1-41af-91ab-2d7cd011db47"));
/// assert!(is_guid("72F988BF-86F1-41AF-91AB-2D7CD011DB47"));
/// assert!(!is_guid("{72f988bf-86f1-41af-91ab-2d7cd011db47}"));
/// assert!(!is_guid("72f988bf86f141af91ab2d7cd011db47"));
/// ```
pub fn is_guid(text: &str) -> bool {
    is_guid_shape(text.trim())
}

pub(super) fn guid_issue(text: &str) -> Option<GuidIssue> {
    if is_guid_shape(text) {
        if text.bytes().all(|b| b == b'0' || b == b'-') {
            return Some(GuidIssue::Nil);
        }
        return None;
    }
    let hint = if text.starts_with('{')
        && text.ends_with('}')
        && text.get(1..text.len() - 1).is_some_and(is_guid_shape)
    {
        Some(GuidHint::Braces)
    } else if text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        Some(GuidHint::NoHyphens)
    } else if text.contains('.') {
        Some(GuidHint::LooksLikeDomain)
    } else {
        None
    };
    Some(GuidIssue::NotGuid(hint))
}

pub(super) fn tenant_id_problems(tenant_id: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.tenant_id";
    let tenant_id = tenant_id.trim();
    if tenant_id.is_empty() {
        if level.requires() {
            problems.push(Problem::new(field, ProblemKind::TenantIdRequired));
        }
        return;
    }
    match guid_issue(tenant_id) {
        None => {}
        Some(GuidIssue::Nil) => problems.push(Problem::new(field, ProblemKind::TenantIdNil)),
        Some(GuidIssue::NotGuid(hint)) => {
            problems.push(Problem::new(field, ProblemKind::TenantIdNotGuid { hint }))
        }
    }
}

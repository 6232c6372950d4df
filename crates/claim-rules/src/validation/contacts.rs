//! The customer, technical and partner contacts, and their e-mail addresses.

use crate::model::{ClaimFields, Contact, ContactRole};

use super::domain::{domain_issues, DomainIssue};
use super::problem::{BadChar, Problem, ProblemKind};
use super::{char_count, Level, EMAIL_MAX_CHARS, NAME_MAX_CHARS};

pub(super) fn contact_problems(fields: &ClaimFields, level: Level, problems: &mut Vec<Problem>) {
    contact_parts_problems(
        ContactRole::Customer,
        &fields.customer_contact,
        level,
        problems,
    );

    let dynamics = fields.technical_contact_required_by();
    let technical = &fields.technical_contact;
    let technical_required = level.requires() && !dynamics.is_empty();
    if technical_required && technical.is_empty() {
        problems.push(Problem::new(
            ContactRole::Technical.path(),
            ProblemKind::TechnicalContactRequired { products: dynamics },
        ));
    } else {
        // Typed in without being required: what is typed must still be right.
        let level = if technical_required {
            Level::Submit
        } else {
            Level::Drafting
        };
        contact_parts_problems(ContactRole::Technical, technical, level, problems);
    }

    let partner = &fields.partner_contact;
    name_problems(ContactRole::Partner, &partner.name, level, problems);
    email_problems(ContactRole::Partner, &partner.email, level, problems);
}

fn contact_parts_problems(
    role: ContactRole,
    contact: &Contact,
    level: Level,
    problems: &mut Vec<Problem>,
) {
    name_problems(role, &contact.name, level, problems);
    title_problems(role, &contact.title, level, problems);
    email_problems(role, &contact.email, level, problems);
}

fn name_problems(contact: ContactRole, text: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = format!("{}.name", contact.path());
    let length = char_count(text.trim());
    if length == 0 {
        if level.requires() {
            problems.push(Problem::new(
                field,
                ProblemKind::ContactNameRequired { contact },
            ));
        }
    } else if length > NAME_MAX_CHARS {
        problems.push(Problem::new(
            field,
            ProblemKind::ContactNameTooLong {
                contact,
                length,
                max: NAME_MAX_CHARS,
            },
        ));
    }
}

fn title_problems(contact: ContactRole, text: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = format!("{}.title", contact.path());
    let length = char_count(text.trim());
    if length == 0 {
        if level.requires() {
            problems.push(Problem::new(
                field,
                ProblemKind::ContactTitleRequired { contact },
            ));
        }
    } else if length > NAME_MAX_CHARS {
        problems.push(Problem::new(
            field,
            ProblemKind::ContactTitleTooLong {
                contact,
                length,
                max: NAME_MAX_CHARS,
            },
        ));
    }
}

fn email_problems(contact: ContactRole, email: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = format!("{}.email", contact.path());
    let email = email.trim();
    if email.is_empty() {
        if level.requires() {
            problems.push(Problem::new(
                field,
                ProblemKind::ContactEmailRequired { contact },
            ));
        }
        return;
    }
    for issue in email_issues(email) {
        problems.push(Problem::new(field.clone(), issue.problem(contact)));
    }
}

/// One thing wrong with an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EmailIssue {
    TooLong { length: usize },
    InvalidChar { bad: char },
    MissingAt,
    SeveralAt,
    LocalPartEmpty,
    DomainInvalid { domain: String, issue: DomainIssue },
    DomainMissing,
}

impl EmailIssue {
    fn problem(self, contact: ContactRole) -> ProblemKind {
        match self {
            EmailIssue::TooLong { length } => ProblemKind::EmailTooLong {
                contact,
                length,
                max: EMAIL_MAX_CHARS,
            },
            EmailIssue::InvalidChar { bad } => ProblemKind::EmailInvalidChar {
                contact,
                character: BadChar::of(bad),
            },
            EmailIssue::MissingAt => ProblemKind::EmailMissingAt { contact },
            EmailIssue::SeveralAt => ProblemKind::EmailSeveralAt { contact },
            EmailIssue::LocalPartEmpty => ProblemKind::EmailLocalPartEmpty { contact },
            EmailIssue::DomainInvalid { domain, issue } => ProblemKind::EmailDomainInvalid {
                contact,
                domain,
                issue,
            },
            EmailIssue::DomainMissing => ProblemKind::EmailDomainMissing { contact },
        }
    }
}

/// Characters that cannot appear unquoted in an address (quoted local parts are not
/// accepted: no real contact address needs them).
fn is_forbidden_email_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '"' | '\\'
        )
}

fn email_issues(email: &str) -> Vec<EmailIssue> {
    let mut issues = Vec::new();
    let length = char_count(email);
    if length > EMAIL_MAX_CHARS {
        issues.push(EmailIssue::TooLong { length });
    }
    if let Some(bad) = email.chars().find(|c| is_forbidden_email_char(*c)) {
        issues.push(EmailIssue::InvalidChar { bad });
    }
    match email.matches('@').count() {
        0 => issues.push(EmailIssue::MissingAt),
        1 => {
            let (local, domain) = email.split_once('@').unwrap_or((email, ""));
            if local.is_empty() {
                issues.push(EmailIssue::LocalPartEmpty);
            }
            if domain.is_empty() {
                issues.push(EmailIssue::DomainMissing);
            } else if domain.chars().any(is_forbidden_email_char) {
                // Already reported as an invalid character.
            } else if let Some(issue) = domain_issues(domain).into_iter().next() {
                issues.push(EmailIssue::DomainInvalid {
                    domain: domain.to_string(),
                    issue,
                });
            }
        }
        _ => issues.push(EmailIssue::SeveralAt),
    }
    issues
}

/// Whether `email` (trimmed) passes the pragmatic e-mail check: at most 254 characters,
/// no blanks or special characters, exactly one `@` with something before it and a valid
/// domain (see [`super::is_valid_domain`]) after it.
///
/// ```
/// use claim_rules::validation::is_valid_email;
///
/// assert!(is_valid_email("ana.lopez+cpor@Contoso.com"));
/// assert!(!is_valid_email("ana.lopez@contoso"));
/// assert!(!is_valid_email("ana@lopez@contoso.com"));
/// ```
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    !email.is_empty() && email_issues(email).is_empty()
}

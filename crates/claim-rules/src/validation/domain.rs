//! Domain names: the customer domain, and the part of an e-mail address after the `@`.

use serde::Serialize;
use strum::IntoEnumIterator;

use super::problem::{BadChar, Problem, ProblemKind};
use super::{char_count, Level, DOMAIN_LABEL_MAX_CHARS, DOMAIN_MAX_CHARS};

/// One thing wrong with a domain name. For the customer domain each issue is a problem
/// of its own ([`ProblemKind::domain`], code `domain.<code>`); for the part of an e-mail
/// address after the `@`, the catalogue key `domain_issue.<code>` words it inside
/// `problem.email.domain_invalid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::EnumDiscriminants)]
#[strum_discriminants(name(DomainIssueCode), derive(strum::EnumIter))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DomainIssue {
    /// It looks like a URL (`https://…` or a path).
    Url,
    /// It looks like an e-mail address.
    EmailAddress,
    /// It ends with a dot.
    TrailingDot,
    /// Two dots in a row, or a leading dot.
    EmptyLabel,
    /// Fewer than two labels.
    TooFewLabels,
    /// A label contains a character other than `a-z 0-9 -`.
    LabelInvalidChar {
        /// The label, as typed.
        label: String,
        /// The first such character.
        character: BadChar,
    },
    /// A label starts or ends with a hyphen.
    LabelHyphenEdge {
        /// The label, as typed.
        label: String,
    },
    /// A label is longer than [`DOMAIN_LABEL_MAX_CHARS`].
    LabelTooLong {
        /// The label, as typed.
        label: String,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// The whole name is longer than [`DOMAIN_MAX_CHARS`].
    TooLong {
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
}

impl DomainIssue {
    /// A stable machine code (snake case).
    ///
    /// ```
    /// use claim_rules::validation::DomainIssue;
    ///
    /// assert_eq!(DomainIssue::TrailingDot.code(), "trailing_dot");
    /// ```
    pub fn code(&self) -> &'static str {
        match DomainIssueCode::from(self) {
            DomainIssueCode::Url => "url",
            DomainIssueCode::EmailAddress => "email_address",
            DomainIssueCode::TrailingDot => "trailing_dot",
            DomainIssueCode::EmptyLabel => "empty_label",
            DomainIssueCode::TooFewLabels => "too_few_labels",
            DomainIssueCode::LabelInvalidChar => "label_invalid_char",
            DomainIssueCode::LabelHyphenEdge => "label_hyphen_edge",
            DomainIssueCode::LabelTooLong => "label_too_long",
            DomainIssueCode::TooLong => "too_long",
        }
    }

    /// One issue of every kind, for catalogue tests.
    ///
    /// ```
    /// use claim_rules::validation::DomainIssue;
    ///
    /// assert_eq!(DomainIssue::samples().len(), 9);
    /// ```
    pub fn samples() -> Vec<DomainIssue> {
        DomainIssueCode::iter()
            .map(|code| match code {
                DomainIssueCode::Url => DomainIssue::Url,
                DomainIssueCode::EmailAddress => DomainIssue::EmailAddress,
                DomainIssueCode::TrailingDot => DomainIssue::TrailingDot,
                DomainIssueCode::EmptyLabel => DomainIssue::EmptyLabel,
                DomainIssueCode::TooFewLabels => DomainIssue::TooFewLabels,
                DomainIssueCode::LabelInvalidChar => DomainIssue::LabelInvalidChar {
                    label: "con_toso".to_string(),
                    character: BadChar::Visible('_'),
                },
                DomainIssueCode::LabelHyphenEdge => DomainIssue::LabelHyphenEdge {
                    label: "-contoso".to_string(),
                },
                DomainIssueCode::LabelTooLong => DomainIssue::LabelTooLong {
                    label: "a".repeat(64),
                    length: 64,
                    max: DOMAIN_LABEL_MAX_CHARS,
                },
                DomainIssueCode::TooLong => DomainIssue::TooLong {
                    length: 254,
                    max: DOMAIN_MAX_CHARS,
                },
            })
            .collect()
    }
}

/// Everything wrong with a (trimmed, non-empty) domain name, compared lower-cased.
pub(super) fn domain_issues(domain: &str) -> Vec<DomainIssue> {
    if domain.contains("://") || domain.contains('/') {
        return vec![DomainIssue::Url];
    }
    if domain.contains('@') {
        return vec![DomainIssue::EmailAddress];
    }
    let mut issues = Vec::new();
    let body = match domain.strip_suffix('.') {
        Some(body) => {
            issues.push(DomainIssue::TrailingDot);
            body
        }
        None => domain,
    };
    let labels: Vec<&str> = body.split('.').collect();
    if labels.iter().any(|label| label.is_empty()) {
        issues.push(DomainIssue::EmptyLabel);
    }
    if labels.iter().filter(|label| !label.is_empty()).count() < 2 && !labels.is_empty() {
        issues.push(DomainIssue::TooFewLabels);
    }
    for label in labels.iter().filter(|label| !label.is_empty()) {
        let lower = label.to_ascii_lowercase();
        if let Some(bad) = lower
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            issues.push(DomainIssue::LabelInvalidChar {
                label: (*label).to_string(),
                character: BadChar::of(bad),
            });
        }
        if lower.starts_with('-') || lower.ends_with('-') {
            issues.push(DomainIssue::LabelHyphenEdge {
                label: (*label).to_string(),
            });
        }
        let length = char_count(label);
        if length > DOMAIN_LABEL_MAX_CHARS {
            issues.push(DomainIssue::LabelTooLong {
                label: (*label).to_string(),
                length,
                max: DOMAIN_LABEL_MAX_CHARS,
            });
        }
    }
    let length = char_count(body);
    if length > DOMAIN_MAX_CHARS {
        issues.push(DomainIssue::TooLong {
            length,
            max: DOMAIN_MAX_CHARS,
        });
    }
    issues
}

/// Whether `domain` (trimmed, any case) is a valid DNS name by SPEC §2: at least two
/// labels, each 1–63 of `a-z 0-9 -` not starting or ending with `-`, at most 253 in all,
/// no trailing dot.
///
/// ```
/// use claim_rules::validation::is_valid_domain;
///
/// assert!(is_valid_domain("contoso.com"));
/// assert!(is_valid_domain("Sales.Contoso.COM"));
/// assert!(!is_valid_domain("contoso"));
/// assert!(!is_valid_domain("-contoso.com"));
/// assert!(!is_valid_domain("contoso.com."));
/// ```
pub fn is_valid_domain(domain: &str) -> bool {
    let domain = domain.trim();
    !domain.is_empty() && domain_issues(domain).is_empty()
}

pub(super) fn customer_domain_problems(domain: &str, level: Level, problems: &mut Vec<Problem>) {
    let field = "fields.customer_domain";
    let domain = domain.trim();
    if domain.is_empty() {
        if level.requires() {
            problems.push(Problem::new(field, ProblemKind::DomainRequired));
        }
        return;
    }
    for issue in domain_issues(domain) {
        problems.push(Problem::new(field, ProblemKind::domain(issue)));
    }
}

//! Comments (and dispute justifications): one way of counting their length, used by the
//! rules and by every form that shows "characters left".

use super::problem::{Problem, ProblemKind};
use super::COMMENT_MAX_CHARS;

/// The length of a comment as the rules count it: characters (Unicode scalar values) of
/// the trimmed text, which is what is stored. Blanks around the text cost nothing.
///
/// ```
/// use claim_rules::validation::{comment_length, COMMENT_MAX_CHARS};
///
/// assert_eq!(comment_length("  Signed SOW attached. "), 20);
/// // 4,000 characters and a trailing space are within the limit.
/// let text = format!("{} ", "x".repeat(COMMENT_MAX_CHARS));
/// assert_eq!(comment_length(&text), COMMENT_MAX_CHARS);
/// ```
pub fn comment_length(text: &str) -> usize {
    text.trim().chars().count()
}

/// Problems with a comment's text: empty, or longer than [`COMMENT_MAX_CHARS`] as
/// counted by [`comment_length`]. The problems name the field `comment`.
///
/// ```
/// use claim_rules::validation::{comment_problems, ProblemKind};
///
/// assert!(comment_problems("Customer signed the SOW.").is_empty());
/// assert_eq!(comment_problems("  ")[0].kind, ProblemKind::CommentRequired);
/// assert_eq!(
///     comment_problems(&"x".repeat(4001))[0].kind,
///     ProblemKind::CommentTooLong { length: 4001, max: 4000 },
/// );
/// ```
pub fn comment_problems(text: &str) -> Vec<Problem> {
    let length = comment_length(text);
    if length == 0 {
        vec![Problem::new("comment", ProblemKind::CommentRequired)]
    } else if length > COMMENT_MAX_CHARS {
        vec![Problem::new(
            "comment",
            ProblemKind::CommentTooLong {
                length,
                max: COMMENT_MAX_CHARS,
            },
        )]
    } else {
        Vec::new()
    }
}

//! Texts of the new-version notice (a new build of the app is installed and waiting).

use super::Translate;

/// Fixed texts of the new-version notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateText {
    /// The notice.
    Ready,
    /// The button that switches to the new version.
    Reload,
    /// Shown after the button while the new version takes over.
    Reloading,
    /// Added when some changes exist only in this tab (storage failed): reloading would
    /// lose them.
    UnsavedFirst,
}

impl Translate for UpdateText {
    fn en(self) -> &'static str {
        match self {
            UpdateText::Ready => "A new version is ready.",
            UpdateText::Reload => "Reload",
            UpdateText::Reloading => "Reloading…",
            UpdateText::UnsavedFirst => "Some of your changes are only in this tab because browser storage failed: export your claims before reloading, or they will be lost.",
        }
    }
}

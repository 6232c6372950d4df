//! Languages: every user-facing string goes through [`I18n::t`] (fixed texts, keyed by
//! an enum per screen that implements [`Translate`]) or one of its formatting methods
//! (numbers, dates). Texts with parameters are methods on those enums' modules.
//!
//! Each screen keeps its texts in a submodule here (`i18n::dashboard`, …), so the whole
//! interface's wording can be read and translated in one folder.
//!
//! English is complete. Dates and numbers are formatted for the language by the browser's
//! `Intl`, so they follow the user's language without tables of our own.

pub mod claim;
pub mod rules;
pub mod wizard;

use jiff::Timestamp;
use leptos::prelude::*;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    /// English.
    #[default]
    En,
}

impl Locale {
    /// Every language, in the order the settings list them.
    pub const ALL: [Locale; 1] = [Locale::En];

    /// BCP 47 tag, for `lang=` and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
        }
    }
}

/// A set of fixed texts that can be shown in every language.
pub mod dashboard;
pub mod settings;
pub mod transfer;

/// A set of fixed texts that can be shown in every language.
pub trait Translate: Copy {
    /// The English text.
    fn en(self) -> &'static str;
}

/// The app's common fixed texts (header, banners, shared labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppName,
    NavDashboard,
    NavNewClaim,
    NavSettings,
    NavTransfer,
    SkipToContent,
    DashboardTitle,
    StatusCounts,
    AllClaims,
    NoClaimsYet,
    NoClaimsYetHint,
    ColName,
    ColDomain,
    ColAreaActivity,
    ColStatus,
    ColNextDeadline,
    ColLastChange,
    Unnamed,
    StorageUnavailable,
    UnreadableEntries,
    SimulatedClock,
    StorageFull,
    StorageWriteFailed,
    ExportNow,
    Dismiss,
    DownloadEntry,
    NotFoundTitle,
    BackToDashboard,
}

impl Translate for Text {
    fn en(self) -> &'static str {
        match self {
            Text::AppName => "CPOR Desk",
            Text::NavDashboard => "Dashboard",
            Text::NavNewClaim => "New claim",
            Text::NavSettings => "Settings",
            Text::NavTransfer => "Export & import",
            Text::SkipToContent => "Skip to content",
            Text::DashboardTitle => "Claims",
            Text::StatusCounts => "Claims by status",
            Text::AllClaims => "All claims",
            Text::NoClaimsYet => "No claims yet.",
            Text::NoClaimsYetHint => "Start a new claim to draft it offline, or import an export file.",
            Text::ColName => "Name",
            Text::ColDomain => "Customer domain",
            Text::ColAreaActivity => "Area and activity",
            Text::ColStatus => "Status",
            Text::ColNextDeadline => "Next deadline",
            Text::ColLastChange => "Last change",
            Text::Unnamed => "(unnamed draft)",
            Text::StorageUnavailable => "Browser storage is not available, so claims cannot be saved. Check that this site may store data.",
            Text::UnreadableEntries => "Some stored entries could not be read. They are kept untouched in storage; download them to recover what they hold.",
            Text::SimulatedClock => "Simulated clock",
            Text::StorageFull => "Browser storage is full, so your latest changes are only in this tab. Export your claims now to keep them, then free some space.",
            Text::StorageWriteFailed => "Your latest changes could not be saved to browser storage and are only in this tab. Export your claims now to keep them.",
            Text::ExportNow => "Export claims",
            Text::Dismiss => "Dismiss",
            Text::DownloadEntry => "Download",
            Text::NotFoundTitle => "There is no page at this address",
            Text::BackToDashboard => "Back to the dashboard",
        }
    }
}

/// The current language and the formatting that goes with it. Provided as context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// A translator starting in `locale`.
    pub fn new(locale: Locale) -> Self {
        I18n {
            locale: RwSignal::new(locale),
        }
    }

    /// The current language (reactive).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switch language.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// A fixed text in the current language (reactive).
    pub fn t<T: Translate>(&self, text: T) -> &'static str {
        match self.locale.get() {
            Locale::En => text.en(),
        }
    }

    /// An integer formatted for the current language.
    pub fn number(&self, value: i64) -> String {
        let format =
            js_sys::Intl::NumberFormat::new(&locales(self.locale.get()), &js_sys::Object::new());
        format
            .format()
            .call1(&format, &(value as f64).into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| value.to_string())
    }

    /// Date and time of an instant, in `time_zone`, formatted for the current language.
    pub fn date_time(&self, at: Timestamp, time_zone: &str) -> String {
        self.intl_date(at, time_zone, true)
    }

    /// The date of an instant, in `time_zone`, formatted for the current language.
    pub fn date(&self, at: Timestamp, time_zone: &str) -> String {
        self.intl_date(at, time_zone, false)
    }

    fn intl_date(&self, at: Timestamp, time_zone: &str, with_time: bool) -> String {
        let time: &[(&str, &str)] = if with_time {
            &[("timeStyle", "short")]
        } else {
            &[]
        };
        let fields: Vec<(&str, &str)> = [("dateStyle", "medium")]
            .into_iter()
            .chain(time.iter().copied())
            .collect();
        self.format_instant(at, time_zone, &fields)
    }

    /// An instant shown in `time_zone` with `Intl.DateTimeFormat` options `fields`
    /// (for example `[("weekday", "short"), ("day", "numeric")]`), in the current language.
    pub fn format_instant(
        &self,
        at: Timestamp,
        time_zone: &str,
        fields: &[(&str, &str)],
    ) -> String {
        let options = js_sys::Object::new();
        for (key, value) in fields.iter().chain([("timeZone", time_zone)].iter()) {
            let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&locales(self.locale.get()), &options);
        let date = js_sys::Date::new(&(at.as_millisecond() as f64).into());
        format
            .format()
            .call1(&format, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| at.to_string())
    }
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&locale.tag().into())
}

/// The translator from context.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Locale::En))
}

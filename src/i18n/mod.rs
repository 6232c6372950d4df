//! Languages. Every user-facing text is a key of the catalogues in `locales/*.json` (one
//! file per language), read with [`tr!`]: `tr!(i18n, dashboard.title)`,
//! `tr!(i18n, dashboard.showing, shown = …, total = …)`. `build.rs` turns the catalogues
//! into typed code (leptos_i18n), so an unknown key, a missing or a surplus parameter is a
//! compile error; plural forms (`_one`, `_other`) follow each language's rules (ICU4X).
//!
//! Dates, times, numbers, lists and durations are formatted by the browser's `Intl` for
//! the current language ([`intl`]). The rules' closed sets (statuses, actions, …) and
//! their outcomes (refusals, problems, import problems, …) are worded in [`rules`], one
//! exhaustive `match` per outcome; texts about time and deadlines in [`time`].
//!
//! The language is the one chosen in the header (stored with the settings), else the
//! browser's preferred language when it is one of the five ([`preferred_locale`]), else
//! English.

pub mod calendar_file;
pub mod intl;
pub mod print;
pub mod rules;
pub mod scenario;
pub mod time;

use leptos::prelude::*;

/// The code leptos_i18n generates from `locales/*.json` (see `build.rs`). The app reads
/// texts with `td_string!` only; the rest of what is generated goes unused.
#[allow(missing_docs, unused, clippy::all)]
mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}

#[doc(hidden)]
pub use catalogue::i18n::td_string;
pub use catalogue::i18n::Locale;

/// A text of the catalogues in the current language, as a `String` (reactive: read inside
/// a closure, it follows language changes).
///
/// ```ignore
/// tr!(i18n, dashboard.title)
/// tr!(i18n, dashboard.showing, shown = i18n.number(100), total = i18n.number(250))
/// tr!(i18n, countdown.business_days, count = days, days = i18n.number(days))
/// ```
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        ::std::string::ToString::to_string(&$crate::i18n::td_string!($i18n.locale(), $($key)+))
    };
}
pub(crate) use tr;

/// The ICU4X data the catalogues' plural forms need: plural rules of our five languages
/// only, baked by `build.rs`.
#[allow(missing_docs, clippy::all, unused_qualifications)]
mod icu_data {
    // The baked data names its types under `icu::plurals`; the app depends on the one
    // ICU component it uses, not on the whole `icu` crate.
    mod icu {
        pub use ::icu_plurals as plurals;
    }
    include!(concat!(env!("OUT_DIR"), "/baked_data/mod.rs"));

    /// Plural rules for en, sv, de, nl and zh-Hans.
    #[derive(leptos_i18n::custom_provider::IcuDataProvider)]
    pub struct PluralRules;
    impl_data_provider!(PluralRules);
}

/// Hand the baked plural rules to leptos_i18n (once; before any plural text is read).
fn install_icu_data() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| leptos_i18n::custom_provider::set_icu_data_provider(icu_data::PluralRules));
}

/// The interface languages, in the order the language switch lists them.
pub const LOCALES: [Locale; 5] = [
    Locale::en,
    Locale::sv,
    Locale::de,
    Locale::nl,
    Locale::zh_Hans,
];

/// A language's BCP 47 tag, for `lang=`, `Intl` and storage (`"en"`, `"zh-Hans"`).
pub fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::sv => "sv",
        Locale::de => "de",
        Locale::nl => "nl",
        Locale::zh_Hans => "zh-Hans",
    }
}

/// The language whose tag is exactly `tag`.
pub fn locale_of_tag(tag_text: &str) -> Option<Locale> {
    LOCALES.into_iter().find(|locale| tag(*locale) == tag_text)
}

/// A language's name in that language, as the switch shows it (the same in every
/// interface language, so it is not a catalogue text).
pub fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "English",
        Locale::sv => "Svenska",
        Locale::de => "Deutsch",
        Locale::nl => "Nederlands",
        Locale::zh_Hans => "中文（简体）",
    }
}

/// The first of the browser's preferred languages (`navigator.languages`, most preferred
/// first) that is one of ours, matched on the language alone: `sv-FI` is Swedish,
/// `de-AT` German, `nl-BE` Dutch, and any Chinese (`zh`, `zh-CN`, `zh-TW`, `zh-Hant`)
/// Simplified Chinese, the only Chinese we have. `None` when none matches.
///
/// ```
/// use cpor_desk::i18n::{preferred_locale, Locale};
///
/// let prefs = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
/// assert_eq!(preferred_locale(&prefs(&["fr-FR", "sv-FI", "en"])), Some(Locale::sv));
/// assert_eq!(preferred_locale(&prefs(&["zh-TW"])), Some(Locale::zh_Hans));
/// assert_eq!(preferred_locale(&prefs(&["fr", "es"])), None);
/// ```
pub fn preferred_locale(languages: &[String]) -> Option<Locale> {
    languages.iter().find_map(|tag_text| {
        let language = tag_text
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::en),
            "sv" => Some(Locale::sv),
            "de" => Some(Locale::de),
            "nl" => Some(Locale::nl),
            "zh" => Some(Locale::zh_Hans),
            _ => None,
        }
    })
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// The language a visitor who has not chosen one sees: the browser's, else English.
pub fn default_locale() -> Locale {
    preferred_locale(&browser_languages()).unwrap_or(Locale::en)
}

/// Storage form of the chosen language (`"de"`; absent or `null`: none chosen). An
/// unknown value reads as "none chosen" rather than making the whole settings entry
/// unreadable, and so does `"En"`, which the app wrote before it could speak anything
/// but English (nobody chose it).
pub mod stored_locale {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{locale_of_tag, tag, Locale};

    /// Write the tag, or `null`.
    pub fn serialize<S: Serializer>(
        locale: &Option<Locale>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match locale {
            Some(locale) => serializer.serialize_str(tag(*locale)),
            None => serializer.serialize_none(),
        }
    }

    /// Read a tag; anything else is `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Locale>, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(value.as_str().and_then(locale_of_tag))
    }
}

/// Texts in one given language, not following changes: `tr!(InLocale(locale), key)`. For
/// views that are rebuilt when the language changes (the dashboard's rows are keyed by
/// the language they were worded in), where a reactive text per cell would only cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InLocale(pub Locale);

impl InLocale {
    /// The language (what [`tr!`] reads).
    pub fn locale(&self) -> Locale {
        self.0
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
        install_icu_data();
        I18n {
            locale: RwSignal::new(locale),
        }
    }

    /// The current language (reactive).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The current language, without subscribing to changes.
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switch language.
    pub fn set_locale(&self, locale: Locale) {
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// The current language's BCP 47 tag (reactive).
    pub fn tag(&self) -> &'static str {
        tag(self.locale())
    }
}

/// The translator from context.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Locale::en))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{preferred_locale, Locale};
    use crate::state::Settings;

    fn languages(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|tag| tag.to_string()).collect()
    }

    #[wasm_bindgen_test]
    fn the_browsers_first_language_we_speak_wins() {
        assert_eq!(
            preferred_locale(&languages(&["sv-FI", "en"])),
            Some(Locale::sv)
        );
        assert_eq!(
            preferred_locale(&languages(&["fr", "de-AT", "en"])),
            Some(Locale::de)
        );
        assert_eq!(preferred_locale(&languages(&["nl-BE"])), Some(Locale::nl));
        for chinese in ["zh", "zh-CN", "zh-TW", "zh-Hant-HK", "zh_SG"] {
            assert_eq!(
                preferred_locale(&languages(&[chinese])),
                Some(Locale::zh_Hans),
                "{chinese}"
            );
        }
        assert_eq!(preferred_locale(&languages(&["EN-gb"])), Some(Locale::en));
        assert_eq!(preferred_locale(&languages(&["fr-FR", "es"])), None);
        assert_eq!(preferred_locale(&[]), None);
    }

    #[wasm_bindgen_test]
    fn the_stored_language_is_a_tag_and_anything_else_reads_as_not_chosen() {
        let read = |json: &str| serde_json::from_str::<Settings>(json).map(|s| s.locale);
        let policy = serde_json::to_string(&Settings::default().policy).unwrap_or_default();
        assert_eq!(
            read(&format!(r#"{{"policy":{policy},"locale":"de"}}"#)).ok(),
            Some(Some(Locale::de))
        );
        assert_eq!(
            read(&format!(r#"{{"policy":{policy},"locale":"zh-Hans"}}"#)).ok(),
            Some(Some(Locale::zh_Hans))
        );
        // Written before there was a choice: nobody chose English.
        assert_eq!(
            read(&format!(r#"{{"policy":{policy},"locale":"En"}}"#)).ok(),
            Some(None)
        );
        assert_eq!(
            read(&format!(r#"{{"policy":{policy},"locale":"fr"}}"#)).ok(),
            Some(None)
        );
        assert_eq!(read(&format!(r#"{{"policy":{policy}}}"#)).ok(), Some(None));
        let written = serde_json::to_string(&Settings {
            locale: Some(Locale::nl),
            ..Settings::default()
        })
        .unwrap_or_default();
        assert!(written.contains(r#""locale":"nl""#), "{written}");
    }
}

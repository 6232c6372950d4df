//! Formatting for the current language by the browser's `Intl`: numbers, lists, dates and
//! times in a given zone, and spans of time ("2 d 5 h"). The browser knows every
//! language's conventions, so the app carries no tables of its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::Timestamp;
use wasm_bindgen::{JsCast, JsValue};

use super::{tag, I18n, Locale};

/// `Intl` options as `(name, value)` pairs.
type Options<'a> = &'a [(&'a str, &'a str)];

fn options_object(options: Options) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in options {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// The tag `Intl` formats with: the browser's own tag when it prefers a variant of the
/// current language (`en-GB` writes "30 Nov", `de-AT` "Jänner", `sv-FI` …), else the
/// language's tag. Chinese variants other than Simplified Chinese ones keep `zh-Hans`,
/// so dates are written in the same script as the texts.
fn intl_tag(locale: Locale) -> String {
    static BROWSER: OnceLock<Vec<String>> = OnceLock::new();
    let languages = BROWSER.get_or_init(super::browser_languages);
    variant_of(locale, languages).unwrap_or_else(|| tag(locale).to_string())
}

/// The first of `languages` that is a variant of `locale`'s language.
fn variant_of(locale: Locale, languages: &[String]) -> Option<String> {
    languages
        .iter()
        .find(|candidate| {
            let lower = candidate.to_ascii_lowercase();
            let mut parts = lower.split(['-', '_']);
            let language = parts.next().unwrap_or_default();
            let rest: Vec<&str> = parts.collect();
            match locale {
                Locale::zh_Hans => {
                    language == "zh"
                        && (rest.contains(&"hans") || rest.contains(&"cn") || rest.contains(&"sg"))
                        && !rest.contains(&"hant")
                }
                Locale::en | Locale::sv | Locale::de | Locale::nl => language == tag(locale),
            }
        })
        .cloned()
}

/// Call a formatter's `format` (`Intl.*.prototype.format`) on `value`.
fn call_format(formatter: &JsValue, value: &JsValue) -> Option<String> {
    let format = js_sys::Reflect::get(formatter, &"format".into()).ok()?;
    format
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(formatter, value)
        .ok()?
        .as_string()
}

/// `new Intl[name](locales, options)` for the current language, when this browser has
/// `Intl[name]` (see [`formatter`]).
fn construct(name: &str, i18n: &I18n, options: Options) -> Option<JsValue> {
    formatter(name, &intl_tag(i18n.locale()), options)
}

// Formatters made so far, by constructor, language tag and options. Making an `Intl`
// formatter costs far more than formatting with one, and a dashboard row formats a date,
// a span and numbers, every countdown again each second: each formatter is made once.
// The set is small (five languages, a few zones, a few option sets); it is emptied if it
// ever grows past [`FORMATTERS_KEPT`].
thread_local! {
    static FORMATTERS: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

/// The most formatters kept at once.
const FORMATTERS_KEPT: usize = 256;

/// `new Intl[name]([tag], options)`, made once and then reused; `None` when this browser
/// has no `Intl[name]` (or refuses the options).
fn formatter(name: &str, tag: &str, options: Options) -> Option<JsValue> {
    let mut key = format!("{name}|{tag}");
    for (option, value) in options {
        key.push('|');
        key.push_str(option);
        key.push('=');
        key.push_str(value);
    }
    if let Some(found) = FORMATTERS.with(|kept| kept.borrow().get(&key).cloned()) {
        return Some(found);
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor = js_sys::Reflect::get(&intl, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let arguments = js_sys::Array::of2(&js_sys::Array::of1(&tag.into()), &options_object(options));
    let made = js_sys::Reflect::construct(&constructor, &arguments).ok()?;
    FORMATTERS.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() >= FORMATTERS_KEPT {
            kept.clear();
        }
        kept.insert(key, made.clone());
    });
    Some(made)
}

impl I18n {
    /// An integer formatted for the current language ("4,000", "4 000", "4.000").
    pub fn number(&self, value: i64) -> String {
        construct("NumberFormat", self, &[])
            .and_then(|format| call_format(&format, &(value as f64).into()))
            .unwrap_or_else(|| value.to_string())
    }

    /// A decimal number with one fraction digit ("1.4", "1,4").
    pub fn decimal(&self, value: f64) -> String {
        construct(
            "NumberFormat",
            self,
            &[
                ("minimumFractionDigits", "1"),
                ("maximumFractionDigits", "1"),
            ],
        )
        .and_then(|format| call_format(&format, &value.into()))
        .unwrap_or_else(|| format!("{value:.1}"))
    }

    /// Items joined as the current language joins a list ("A, B and C", "A、B和C").
    pub fn list(&self, items: &[String]) -> String {
        self.list_of(items, "conjunction", "long")
    }

    /// Items joined as alternatives ("A, B or C", "A、B或C").
    pub fn list_or(&self, items: &[String]) -> String {
        self.list_of(items, "disjunction", "long")
    }

    /// Items of a unit list joined ("2 d 5 h", "2 T, 5 Std.").
    fn unit_list(&self, items: &[String]) -> String {
        self.list_of(items, "unit", "narrow")
    }

    fn list_of(&self, items: &[String], kind: &str, style: &str) -> String {
        let array: js_sys::Array = items.iter().map(|item| JsValue::from_str(item)).collect();
        construct("ListFormat", self, &[("type", kind), ("style", style)])
            .and_then(|format| call_format(&format, &array))
            .unwrap_or_else(|| items.join(", "))
    }

    /// Date and time of an instant in `time_zone` ("Nov 20, 2026, 10:00 AM").
    pub fn date_time(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(
            at,
            time_zone,
            &[("dateStyle", "medium"), ("timeStyle", "short")],
        )
    }

    /// The date of an instant in `time_zone` ("Nov 20, 2026").
    pub fn date(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(at, time_zone, &[("dateStyle", "medium")])
    }

    /// A short date for timeline ticks ("Nov 20").
    pub fn short_date(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(at, time_zone, &[("month", "short"), ("day", "numeric")])
    }

    /// A date with its weekday ("Mon, Nov 30, 2026").
    pub fn weekday_date(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(
            at,
            time_zone,
            &[
                ("weekday", "short"),
                ("year", "numeric"),
                ("month", "short"),
                ("day", "numeric"),
            ],
        )
    }

    /// A date and time with its weekday ("Mon, Nov 30, 2026, 3:00 PM").
    pub fn weekday_date_time(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(
            at,
            time_zone,
            &[
                ("weekday", "short"),
                ("year", "numeric"),
                ("month", "short"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
            ],
        )
    }

    /// A weekday, date and time without the year, for "your time" beside a deadline
    /// ("Tue, Dec 1, 9:00 AM").
    pub fn weekday_day_time(&self, at: Timestamp, time_zone: &str) -> String {
        self.format_instant(
            at,
            time_zone,
            &[
                ("weekday", "short"),
                ("month", "short"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
            ],
        )
    }

    /// An instant shown in `time_zone` with `Intl.DateTimeFormat` options `fields`, in the
    /// current language.
    pub fn format_instant(&self, at: Timestamp, time_zone: &str, fields: Options) -> String {
        let options: Vec<(&str, &str)> = fields
            .iter()
            .copied()
            .chain([("timeZone", time_zone)])
            .collect();
        let date = js_sys::Date::new(&(at.as_millisecond() as f64).into());
        construct("DateTimeFormat", self, &options)
            .and_then(|format| call_format(&format, &date))
            .unwrap_or_else(|| at.to_string())
    }

    /// A span of time as countdowns show it: days and hours, or hours alone under a day,
    /// or minutes and seconds under an hour ("2 d 5 h", "5 h", "42 min 7 s"), in the
    /// current language's units (`Intl.DurationFormat`, or number units joined as a unit
    /// list where the browser lacks it).
    pub fn span(&self, seconds: i64) -> String {
        let seconds = seconds.max(0);
        let (days, hours) = (seconds / 86_400, (seconds % 86_400) / 3_600);
        let (minutes, secs) = ((seconds % 3_600) / 60, seconds % 60);
        let parts: Vec<(&str, i64)> = if seconds < 3_600 {
            vec![("minutes", minutes), ("seconds", secs)]
        } else if days == 0 {
            vec![("hours", hours)]
        } else {
            vec![("days", days), ("hours", hours)]
        };
        self.duration(&parts)
    }

    fn duration(&self, parts: &[(&str, i64)]) -> String {
        let record = js_sys::Object::new();
        for (unit, amount) in parts {
            let _ = js_sys::Reflect::set(&record, &(*unit).into(), &(*amount as f64).into());
        }
        // English reads "2d 5h" well; the other languages' narrow forms are clipped
        // abbreviations ("2 T, 5h"), their short ones what people write ("2 Tg., 5 Std.").
        let style = match self.locale() {
            Locale::en => "narrow",
            Locale::sv | Locale::de | Locale::nl | Locale::zh_Hans => "short",
        };
        // `display: always` keeps "0 s" in "5 min 0 s", so the text does not jump.
        let mut options = vec![("style", style)];
        for (unit, _) in parts {
            options.push((display_key(unit), "always"));
        }
        if let Some(text) = construct("DurationFormat", self, &options)
            .and_then(|format| call_format(&format, &record))
        {
            return text;
        }
        let units: Vec<String> = parts
            .iter()
            .map(|(unit, amount)| {
                let singular = unit.trim_end_matches('s');
                construct(
                    "NumberFormat",
                    self,
                    &[
                        ("style", "unit"),
                        ("unit", singular),
                        ("unitDisplay", style),
                    ],
                )
                .and_then(|format| call_format(&format, &(*amount as f64).into()))
                .unwrap_or_else(|| format!("{amount} {singular}"))
            })
            .collect();
        self.unit_list(&units)
    }
}

fn display_key(unit: &str) -> &'static str {
    match unit {
        "days" => "daysDisplay",
        "hours" => "hoursDisplay",
        "minutes" => "minutesDisplay",
        _ => "secondsDisplay",
    }
}

/// The browser's own time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
pub fn browser_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let resolved = format.resolved_options();
    js_sys::Reflect::get(&resolved, &"timeZone".into())
        .ok()?
        .as_string()
}

/// The place an IANA zone is named after, as people say it: `America/Los_Angeles` →
/// "Los Angeles", `America/Argentina/Buenos_Aires` → "Buenos Aires", `UTC` → "UTC".
pub fn zone_place(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{call_format, formatter, variant_of};
    use crate::i18n::Locale;

    #[wasm_bindgen_test]
    fn a_formatter_is_made_once_per_language_and_options() {
        let english = formatter("NumberFormat", "en", &[]);
        let again = formatter("NumberFormat", "en", &[]);
        let german = formatter("NumberFormat", "de", &[]);
        let (Some(english), Some(again), Some(german)) = (english, again, german) else {
            panic!("this browser has Intl.NumberFormat");
        };
        assert!(
            js_sys::Object::is(&english, &again),
            "the second ask reuses the first"
        );
        let text = |format| call_format(format, &4000.5.into());
        assert_eq!(text(&english).as_deref(), Some("4,000.5"));
        assert_eq!(text(&german).as_deref(), Some("4.000,5"));
        let zoned = |zone| {
            formatter(
                "DateTimeFormat",
                "en",
                &[("timeZone", zone), ("hour", "numeric")],
            )
        };
        let noon = js_sys::Date::new(&1_795_176_000_000.0.into()); // 2026-11-20T12:00:00Z
        let (Some(utc), Some(tokyo)) = (zoned("UTC"), zoned("Asia/Tokyo")) else {
            panic!("this browser has Intl.DateTimeFormat");
        };
        assert_eq!(call_format(&utc, &noon).as_deref(), Some("12 PM"));
        assert_eq!(call_format(&tokyo, &noon).as_deref(), Some("9 PM"));
        assert!(formatter("NoSuchFormat", "en", &[]).is_none());
    }

    #[wasm_bindgen_test]
    fn dates_follow_the_browsers_variant_of_the_language() {
        let prefs = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            variant_of(Locale::en, &prefs(&["en-GB", "de"])).as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            variant_of(Locale::de, &prefs(&["en-GB", "de-AT"])).as_deref(),
            Some("de-AT")
        );
        assert_eq!(variant_of(Locale::sv, &prefs(&["en-GB"])), None);
        assert_eq!(
            variant_of(Locale::zh_Hans, &prefs(&["zh-CN"])).as_deref(),
            Some("zh-CN")
        );
        assert_eq!(variant_of(Locale::zh_Hans, &prefs(&["zh-TW"])), None);
        assert_eq!(variant_of(Locale::zh_Hans, &prefs(&["zh-Hant-HK"])), None);
    }
}

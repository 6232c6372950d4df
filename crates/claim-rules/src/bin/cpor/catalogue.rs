//! The words of `cpor`: a catalogue in leptos_i18n's JSON format (the app's
//! `locales/<lang>.json`), looked up by dotted key, with `{{ name }}` substitution and
//! `_one`/`_other` plural forms chosen by the `count` argument.
//!
//! Only English ships with the tool ([`Catalogue::english`], compiled in): the rules'
//! sections of the app's `locales/en.json` (statuses, refusals, problems, …) and the
//! tool's own words in `words.en.json` (its messages, and how it joins lists), which the
//! app does not use. Any other catalogue in the same format can be read with
//! [`Catalogue::parse`].

use std::collections::HashMap;

use serde_json::Value;

/// The English catalogue, the same file the app words the rules' outcomes from.
const ENGLISH: &str = include_str!("../../../../../locales/en.json");

/// The tool's own English words (`cli.*`, `list.*`).
const ENGLISH_TOOL: &str = include_str!("words.en.json");

/// A message to word: a catalogue key and its arguments, already worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The dotted key, for example `refusal.wrong_status` (without a plural suffix).
    pub key: String,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, String)>,
    /// The number that chooses the plural form, when the key has plural forms.
    pub count: Option<i64>,
}

impl Message {
    /// A message without arguments.
    pub fn new(key: impl Into<String>) -> Message {
        Message {
            key: key.into(),
            args: Vec::new(),
            count: None,
        }
    }

    /// Add a named argument.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((name, value.to_string()));
        self
    }

    /// Choose the plural form by `count` (also available as `{{ count }}`).
    pub fn count(mut self, count: i64) -> Message {
        self.count = Some(count);
        self.args.push(("count", count.to_string()));
        self
    }
}

/// A catalogue: every text by its dotted key.
#[derive(Debug, Clone)]
pub struct Catalogue {
    texts: HashMap<String, String>,
}

impl Catalogue {
    /// The English catalogue.
    pub fn english() -> Catalogue {
        // The file is compiled in and checked by the tests below; an unreadable one would
        // show every text as its key rather than stop the tool.
        let mut catalogue = Catalogue::parse(ENGLISH).unwrap_or_else(|_| Catalogue {
            texts: HashMap::new(),
        });
        if let Ok(tool) = Catalogue::parse(ENGLISH_TOOL) {
            catalogue.texts.extend(tool.texts);
        }
        catalogue
    }

    /// A catalogue from its JSON text: nested objects of strings.
    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let value: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        let mut texts = HashMap::new();
        flatten("", &value, &mut texts)?;
        Ok(Catalogue { texts })
    }

    /// The template of `key` (exactly that key, no plural choice).
    pub fn template(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// The template a message uses: its key, or the plural form its count chooses.
    pub fn template_for(&self, message: &Message) -> Option<&str> {
        if let Some(count) = message.count {
            let form = if count == 1 { "one" } else { "other" };
            if let Some(template) = self.template(&format!("{}_{form}", message.key)) {
                return Some(template);
            }
        }
        self.template(&message.key)
    }

    /// The message in words. A key the catalogue lacks is shown as `[key]`, so a gap is
    /// visible rather than silent (the tests make sure there is none).
    pub fn word(&self, message: &Message) -> String {
        match self.template_for(message) {
            Some(template) => substitute(template, &message.args),
            None => format!("[{}]", message.key),
        }
    }

    /// Shorthand: the text of `key` with `args`.
    pub fn text(&self, key: &str, args: &[(&'static str, String)]) -> String {
        self.word(&Message {
            key: key.to_string(),
            args: args.to_vec(),
            count: None,
        })
    }

    /// A list in words: "a, b and c" (`list.and`) or "a, b or c" (`list.or`).
    pub fn list(&self, items: &[String], conjunction: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => {
                let separator = self.text("list.separator", &[]);
                self.text(
                    &format!("list.{conjunction}"),
                    &[("items", rest.join(&separator)), ("last", last.clone())],
                )
            }
        }
    }
}

fn flatten(prefix: &str, value: &Value, texts: &mut HashMap<String, String>) -> Result<(), String> {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, member, texts)?;
            }
            Ok(())
        }
        Value::String(text) => {
            texts.insert(prefix.to_string(), text.clone());
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) => Err(format!(
            "{prefix}: a catalogue holds only texts and objects"
        )),
    }
}

/// The names of the `{{ placeholders }}` of a template, in order.
#[cfg(test)]
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.push(after[..end].trim().to_string());
        rest = &after[end + 2..];
    }
    names
}

/// `template` with each `{{ name }}` replaced by its argument; unknown names are kept.
fn substitute(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_and_chooses_plural_forms() {
        let catalogue = Catalogue::parse(
            r#"{"a": {"b": "Hello {{ name }}, {{name}}!", "n_one": "{{ count }} claim", "n_other": "{{ count }} claims"}}"#,
        )
        .unwrap();
        assert_eq!(
            catalogue.text("a.b", &[("name", "Ana".to_string())]),
            "Hello Ana, Ana!"
        );
        assert_eq!(catalogue.word(&Message::new("a.n").count(1)), "1 claim");
        assert_eq!(catalogue.word(&Message::new("a.n").count(0)), "0 claims");
        assert_eq!(catalogue.word(&Message::new("a.missing")), "[a.missing]");
        assert_eq!(placeholders("{{ a }} and {{b}}"), ["a", "b"]);
    }

    #[test]
    fn the_english_catalogue_reads() {
        assert!(Catalogue::parse(ENGLISH).is_ok());
        assert!(Catalogue::parse(ENGLISH_TOOL).is_ok());
        let catalogue = Catalogue::english();
        assert_eq!(
            catalogue.template("status.under_review"),
            Some("Under review")
        );
        assert!(catalogue.template("cli.check.valid").is_some());
        let items = ["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(catalogue.list(&items, "and"), "A, B and C");
        assert_eq!(catalogue.list(&items[..1], "or"), "A");
    }

    #[test]
    fn a_catalogue_of_other_values_is_refused() {
        assert!(Catalogue::parse(r#"{"a": 1}"#).is_err());
        assert!(Catalogue::parse("not json").is_err());
    }
}

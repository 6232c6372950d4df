//! Generates the app's catalogue code and its ICU data from `locales/*.json`:
//!
//! * `$OUT_DIR/i18n/mod.rs` — leptos_i18n's typed keys: every `td_string!(locale, key, …)`
//!   in `src/` is checked against the catalogues when compiling (unknown key, missing or
//!   surplus interpolation).
//! * `$OUT_DIR/baked_data/mod.rs` — ICU4X plural rules for our five languages only (the
//!   crate's default would bake them for every locale in the world). The rules come from
//!   the Unicode CLDR JSON that npm's `cldr-core` package ships (`scripts/setup.sh`
//!   installs it with the other npm tools), so the build needs no network.

use std::error::Error;
use std::path::{Path, PathBuf};

use icu::locale::fallback::LocaleFallbacker;
use icu::plurals::provider::{PluralsCardinalV1, PluralsOrdinalV1};
use icu_provider::DataMarker;
use icu_provider_export::baked_exporter::{self, BakedExporter};
use icu_provider_export::{DataLocaleFamily, DeduplicationStrategy, ExportDriver};
use icu_provider_source::SourceDataProvider;
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// The interface languages: English is the default, the others follow the settings list.
const LOCALES: [&str; 5] = ["en", "sv", "de", "nl", "zh-Hans"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("cargo sets it")?);

    let locales_dir = out.join("locales");
    prepare_catalogues(&root.join("locales"), &locales_dir)?;
    let mut config = Config::new(LOCALES[0])?.locales_path(locales_dir.clone());
    for locale in &LOCALES[1..] {
        config = config.add_locale(locale)?;
    }
    // `interpolate_display`: texts with parameters can be had as strings (`td_string!`),
    // for attributes, titles and messages as well as for views.
    let config = config.parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();

    let cldr = root.join("node_modules");
    println!("cargo::rerun-if-changed=node_modules/cldr-core/package.json");
    if !cldr.join("cldr-core/supplemental/plurals.json").exists() {
        return Err(format!(
            "{} has no cldr-core: run scripts/setup.sh (it installs the npm packages, \
             among them the CLDR plural rules this build bakes in)",
            cldr.display()
        )
        .into());
    }
    let source = SourceDataProvider::new_custom().with_cldr(&cldr)?;
    let data_dir = out.join("baked_data");
    if data_dir.exists() {
        // The exporter wants an empty folder.
        std::fs::remove_dir_all(&data_dir)?;
    }
    let mut options = baked_exporter::Options::default();
    options.overwrite = true;
    options.use_internal_fallback = false;
    let exporter = BakedExporter::new(data_dir, options)?;
    // Our own driver: leptos_i18n_build 0.6.2's asks for calendar data when the catalogues
    // use plurals, and plural rules (cardinal and ordinal) are all the app needs.
    let locales = LOCALES
        .iter()
        .map(|locale| locale.parse::<DataLocaleFamily>())
        .collect::<Result<Vec<_>, _>>()?;
    ExportDriver::new(
        locales,
        DeduplicationStrategy::None.into(),
        LocaleFallbacker::try_new_unstable(&source)?,
    )
    .with_markers([PluralsCardinalV1::INFO, PluralsOrdinalV1::INFO])
    .export(&source, exporter)?;

    translations.generate_i18n_module(out.join("i18n"))?;
    Ok(())
}

/// Copy the catalogues to `to`, as leptos_i18n reads them. Our catalogues write every
/// plural form a language has as `name_<form>`, so Chinese, which has only "other", has
/// a lone `name_other`; leptos_i18n 0.6 takes a lone form for an ordinary key and would
/// fall back to English for it. The copy names such a key `name`, a text without forms.
fn prepare_catalogues(from: &Path, to: &Path) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(to)?;
    for locale in LOCALES {
        let file = format!("{locale}.json");
        println!("cargo::rerun-if-changed=locales/{file}");
        let text = std::fs::read_to_string(from.join(&file))?;
        let mut catalogue: serde_json::Value =
            serde_json::from_str(&text).map_err(|error| format!("locales/{file}: {error}"))?;
        merge_lone_other_forms(&mut catalogue);
        std::fs::write(to.join(&file), serde_json::to_string_pretty(&catalogue)?)?;
    }
    Ok(())
}

/// In every object, rename `name_other` to `name` when no other `name_<form>` is beside it.
fn merge_lone_other_forms(value: &mut serde_json::Value) {
    const FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let serde_json::Value::Object(map) = value else {
        return;
    };
    map.values_mut().for_each(merge_lone_other_forms);
    let lone: Vec<String> = map
        .keys()
        .filter_map(|key| key.strip_suffix("_other"))
        .filter(|base| {
            FORMS
                .iter()
                .filter(|form| **form != "other")
                .all(|form| !map.contains_key(&format!("{base}_{form}")))
        })
        .map(str::to_string)
        .collect();
    for base in lone {
        if let Some(text) = map.remove(&format!("{base}_other")) {
            map.insert(base, text);
        }
    }
}

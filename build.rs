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
use std::path::PathBuf;

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

    let mut config = Config::new(LOCALES[0])?;
    for locale in &LOCALES[1..] {
        config = config.add_locale(locale)?;
    }
    // `interpolate_display`: texts with parameters can be had as strings (`td_string!`),
    // for attributes, titles and messages as well as for views.
    let config = config.parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();

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

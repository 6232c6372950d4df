//! Writes an export file of N realistic claims (each taken through its whole life: 15
//! history entries, 2 PoE documents, 3 comments) to standard output, for the speed
//! benchmark (`tests/bench/speed.mjs`), which imports it into the release build.
//!
//! ```text
//! cargo run -q -p claim-rules --example realistic_export -- 1000 > claims-1000.json
//! ```

#[path = "../../../tests/bench/realistic.rs"]
mod realistic;

use claim_rules::deadlines::Rules;
use claim_rules::export;
use claim_rules::policy::Policy;
use jiff::Timestamp;

fn main() {
    let count: u128 = match std::env::args().nth(1).map(|arg| arg.parse()) {
        None => 1_000,
        Some(Ok(count)) => count,
        Some(Err(_)) => {
            eprintln!("usage: realistic_export [NUMBER OF CLAIMS]");
            std::process::exit(2);
        }
    };
    let policy = Policy::default();
    let rules = match Rules::new(policy.clone()) {
        Ok(rules) => rules,
        Err(error) => {
            eprintln!("realistic_export: the default policy has no calendar: {error:?}");
            std::process::exit(1);
        }
    };
    let claims: Vec<_> = (0..count)
        .map(|n| realistic::realistic(n, &rules))
        .collect();
    let exported_at: Timestamp = "2026-11-20T18:00:00Z"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let document = export::export(&claims, &policy, exported_at, "benchmark");
    match serde_json::to_string(&document) {
        Ok(text) => println!("{text}"),
        Err(error) => {
            eprintln!("realistic_export: {error}");
            std::process::exit(1);
        }
    }
}

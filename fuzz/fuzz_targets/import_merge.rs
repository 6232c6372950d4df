//! Import classification and merge on local and incoming claim lists derived from real
//! claims (histories cut or extended, revisions bumped, fields changed, IDs swapped): no
//! panic, no local claim lost, and importing the same file twice changes nothing more.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claim_rules_fuzz::check_import_merge(data);
});

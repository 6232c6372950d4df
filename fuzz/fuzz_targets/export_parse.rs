//! The export parser on arbitrary bytes: it never panics, and whatever it accepts it
//! writes back in a form it reads as the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claim_rules_fuzz::check_export_bytes(data);
});

//! `apply` with arbitrary actions by arbitrary actors at arbitrary times, and `advance`:
//! no panic, history append-only, status = the last entry's.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claim_rules_fuzz::check_apply_actions(data);
});

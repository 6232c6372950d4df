#!/usr/bin/env bash
# The store benchmark (tests/bench/store.rs) in headless Chromium. Prints its figures;
# asserts nothing about time.
#   tests/bench/store.sh
# Built like the release (opt-level z, no debug assertions) but without LTO, in its own
# target directory: `cargo test --release` with the release profile's panic=abort
# builds std twice under -Z build-std and fails.
set -euo pipefail
. "$(dirname "$0")/../../scripts/env.sh"
cd "$ROOT"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=900
export CARGO_PROFILE_DEV_OPT_LEVEL=z CARGO_PROFILE_DEV_DEBUG=0
export CARGO_PROFILE_DEV_DEBUG_ASSERTIONS=false CARGO_PROFILE_DEV_OVERFLOW_CHECKS=false
wasm_env cargo test -p cpor-desk --target wasm32-unknown-unknown --test bench_store \
  --target-dir "$ROOT/target/bench" -- --include-ignored --nocapture 2>&1 \
  | grep -vE '^\s*$|^\s+Compiling'

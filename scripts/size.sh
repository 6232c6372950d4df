#!/usr/bin/env bash
# Build the release app and print each shipped file's size: raw, gzip -9 and brotli (q11).
# With --by-crate, also where the wasm's bytes go (scripts/wasm-sizes.mjs), read from
# the names the compiler's output keeps (the shipped file, after wasm-opt, has none).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" build >&2
wasm_release_env trunk build --release >&2
node scripts/size.mjs dist
if [ "${1:-}" = --by-crate ]; then
  echo
  node scripts/wasm-sizes.mjs target/wasm32-unknown-unknown/release/cpor-desk.wasm 40
fi

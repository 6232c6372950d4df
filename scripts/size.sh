#!/usr/bin/env bash
# Build the release app and print each shipped file's size: raw, gzip -9 and brotli (q11).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" build >&2
wasm_release_env trunk build --release >&2
node scripts/size.mjs dist

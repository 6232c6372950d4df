#!/usr/bin/env bash
# Build the release app and serve it at http://127.0.0.1:8080/ (rebuilds on change).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" build
echo "CPOR Desk: building, then serving at http://127.0.0.1:8080/ (Ctrl-C to stop)"
wasm_release_env trunk serve --release

#!/usr/bin/env bash
# Build the release app without wasm-opt into target/dist-prof, so that CPU profiles
# name the Rust functions (tests/bench/profile.mjs, or Chromium's DevTools). Slower and
# larger than the shipped build: for finding where time goes, not for measuring it.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" build >&2
# Beside index.html: Trunk resolves the page's links from the page's folder.
page="$ROOT/index-prof.html"
trap 'rm -f "$page"' EXIT
sed 's/data-wasm-opt="z"/data-wasm-opt="0" data-keep-debug/' index.html > "$page"
grep -q 'data-wasm-opt="0"' "$page" || { echo "profile-build: index.html has no data-wasm-opt=\"z\" to replace" >&2; exit 1; }
wasm_release_env trunk build --release=true --dist target/dist-prof "$page"

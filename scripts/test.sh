#!/usr/bin/env bash
# Every test layer, each reported on one summary line at the end:
#   fmt, clippy       cargo fmt --check; cargo clippy -D warnings on both crates
#   catalogues        every key in every language, plural forms, parameters, no unused key
#   native            cargo test -p claim-rules (unit, doc and property tests)
#   browser           wasm-bindgen-test in headless Chromium (storage, components)
#   release, size     the release build; its gzip total against the ceiling in scripts/size.mjs
#   e2e               Playwright against the release build served on loopback
# Exits non-zero if any layer fails or runs no test.
set -uo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" test || { echo "setup failed"; exit 1; }

logs="$ROOT/target/test-logs"
mkdir -p "$logs"
declare -a summary=()
failed=0
total_passed=0
total_failed=0

# Sum the "test result: ok. N passed; M failed" lines of cargo test / wasm-bindgen-test.
count_cargo() {
  grep -aE '^test result: ' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' \
    | awk '{p+=$1; f+=$2} END {print p+0, f+0}'
}

record() { # layer status passed failed
  local layer=$1 status=$2 passed=${3:-} failures=${4:-}
  if [ -n "$passed" ]; then
    total_passed=$((total_passed + passed)); total_failed=$((total_failed + failures))
    if [ "$status" -ne 0 ] || [ "$failures" -ne 0 ] || [ "$passed" -eq 0 ]; then
      failed=1; summary+=("$layer: $passed passed, $failures failed (FAILED, log: target/test-logs/$layer.log)")
    else
      summary+=("$layer: $passed passed, $failures failed")
    fi
  elif [ "$status" -ne 0 ]; then
    failed=1; summary+=("$layer: FAILED (log: target/test-logs/$layer.log)")
  else
    summary+=("$layer: ok")
  fi
}

run() { # layer command...
  local layer=$1; shift
  echo "== $layer: $*"
  "$@" 2>&1 | tee "$logs/$layer.log"
  return "${PIPESTATUS[0]}"
}

run fmt cargo fmt --all --check; record fmt $?
run clippy cargo clippy --workspace --all-targets --quiet -- -D warnings; record clippy $?

run catalogues node scripts/check-catalogues.mjs; status=$?
read -r passed failures < <(grep -aE '^catalogues: ' "$logs/catalogues.log" \
  | sed -E 's/^catalogues: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/' | tail -1)
record catalogues $status "${passed:-0}" "${failures:-0}"

run native cargo test -p claim-rules; status=$?
read -r passed failures < <(count_cargo "$logs/native.log"); record native $status "$passed" "$failures"

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
run browser wasm_env cargo test -p cpor-desk --target wasm32-unknown-unknown; status=$?
read -r passed failures < <(count_cargo "$logs/browser.log"); record browser $status "$passed" "$failures"

run release wasm_release_env trunk build --release; status=$?; record release $status
if [ "$status" -eq 0 ]; then
  run size node scripts/size.mjs dist --check; record size $?
fi
rm -f target/e2e/results.json
run e2e npx playwright test -c tests/e2e/playwright.config.mjs; status=$?
read -r passed failures < <(node -e '
  try { const s = require(process.argv[1]).stats;
        console.log(s.expected + s.flaky, s.unexpected); } catch { console.log(0, 0); }' "$ROOT/target/e2e/results.json")
record e2e $status "$passed" "$failures"

echo
echo "== summary (screenshots: target/e2e/screenshots)"
printf '%s\n' "${summary[@]}"
echo "total: $total_passed passed, $total_failed failed"
exit $failed

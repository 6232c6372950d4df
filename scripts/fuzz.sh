#!/usr/bin/env bash
# Runs the cargo-fuzz (libFuzzer) targets of fuzz/, each for FUZZ_SECONDS (default 30).
#   scripts/fuzz.sh                       every target
#   FUZZ_SECONDS=600 scripts/fuzz.sh import_merge
# Builds with `--sanitizer none --debug-assertions`: claim-rules is safe Rust, so
# AddressSanitizer would find nothing the language does not already check, and runs
# several times slower; debug assertions make integer overflow a crash. cargo-fuzz passes
# unstable (-Z) flags to rustc: RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
# Corpora grow in fuzz/corpus/<target> (seeded from the test fixtures), crashes land in
# fuzz/artifacts/<target>; each run's statistics in target/fuzz-logs/<target>.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh" fuzz >/dev/null

seconds="${FUZZ_SECONDS:-30}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(export_parse import_merge apply_actions)
export RUSTC_BOOTSTRAP=1
mkdir -p target/fuzz-logs
status=0
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  if [ "$target" = export_parse ] && [ -z "$(ls -A "$corpus")" ]; then
    cp crates/claim-rules/tests/fixtures/export-v*.json "$corpus/"
  fi
  log="target/fuzz-logs/$target.log"
  echo "fuzz: $target for ${seconds}s"
  if cargo fuzz run --sanitizer none --debug-assertions "$target" "$corpus" -- \
      -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $target: $runs executions, no crash"
  else
    status=1
    echo "fuzz: $target FAILED; see $log and fuzz/artifacts/$target/"
    grep -E 'panicked|SUMMARY|Test unit written' "$log" | head -5 || true
  fi
done
exit $status

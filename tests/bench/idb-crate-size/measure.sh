#!/usr/bin/env bash
# What each IndexedDB crate adds to a release wasm, measured the way the app ships:
# cargo --release (opt-level z, LTO, one codegen unit, panic=abort) → wasm-bindgen
# --target web → wasm-opt -Oz → gzip -9. Prints one line per candidate with the added
# bytes over `baseline` (the same work on a Vec, no IndexedDB).
#   tests/bench/idb-crate-size/measure.sh [feature…]   (default: all five)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../../scripts/env.sh"
target="$ROOT/target/idb-crate-size"
out="$target/out"
mkdir -p "$out"
features=("$@")
[ ${#features[@]} -eq 0 ] && features=(baseline raw-web-sys indexed-db-futures idb rexie)

for feature in "${features[@]}"; do
  echo "building $feature…" >&2
  (cd "$here" && wasm_env cargo build --quiet --release --target wasm32-unknown-unknown \
     --features "$feature" --target-dir "$target/build")
  wasm-bindgen --target web --out-dir "$out/$feature" --out-name m \
    "$target/build/wasm32-unknown-unknown/release/idb_crate_size.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    "$out/$feature/m_bg.wasm" -o "$out/$feature/m_opt.wasm"
  gzip -9 -c "$out/$feature/m_opt.wasm" > "$out/$feature/m_opt.wasm.gz"
  gzip -9 -c "$out/$feature/m.js" > "$out/$feature/m.js.gz"
done

size() { stat -c %s "$1"; }
printf '%-20s %10s %10s %10s %10s %12s\n' crate wasm-opt gzip js+gzip "+gzip" "+(wasm+js)gz"
base_gz=$(size "$out/baseline/m_opt.wasm.gz" 2>/dev/null || echo 0)
base_js=$(size "$out/baseline/m.js.gz" 2>/dev/null || echo 0)
for feature in baseline raw-web-sys indexed-db-futures idb rexie; do
  [ -f "$out/$feature/m_opt.wasm.gz" ] || continue
  opt=$(size "$out/$feature/m_opt.wasm"); gz=$(size "$out/$feature/m_opt.wasm.gz")
  js=$(size "$out/$feature/m.js.gz")
  printf '%-20s %10d %10d %10d %10d %12d\n' "$feature" "$opt" "$gz" "$js" \
    $((gz - base_gz)) $((gz + js - base_gz - base_js))
done

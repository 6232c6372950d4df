#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) CPOR Desk needs, skipping what is
# already there. Idempotent: on a machine that has everything it only checks versions.
#   scripts/setup.sh build   — Rust for wasm32, Trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh test    — the above plus Chromium and chromedriver, Playwright,
#                              ical.js, poppler-utils (PDF tools)
#   scripts/setup.sh fuzz    — cargo-fuzz only (libFuzzer targets in fuzz/)
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"

want="${1:-build}"
TRUNK_VERSION=0.21.14
say() { printf 'setup: %s\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing ${missing[*]} and this is not a Debian-like system: install them yourself"; exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. Rust that can target wasm32.
if ! command -v cargo >/dev/null 2>&1 && [ ! -x /usr/bin/cargo ]; then
  say "no cargo found: installing Debian's Rust"
fi
if [ "$WASM_TOOLCHAIN" = rustup ]; then
  say "wasm32: rustup's wasm32-unknown-unknown target is installed; using it"
else
  say "wasm32: rustup has no wasm32 target here; using Debian's Rust with -Z build-std"
  # rust-web-clippy: clippy for the wasm-only code (`wasm_env cargo clippy --target …`).
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy
fi
command -v cargo >/dev/null 2>&1 || { say "cargo is not on PATH"; exit 1; }

# Fuzzing (`scripts/setup.sh fuzz`, used by `make fuzz`): cargo-fuzz, exactly this version.
CARGO_FUZZ_VERSION=0.13.2
if [ "$want" = fuzz ]; then
  if cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\$"; then
    say "cargo-fuzz $CARGO_FUZZ_VERSION present"
  else
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION with cargo (takes about 4 minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force --quiet
  fi
  # libfuzzer-sys compiles libFuzzer (C++) when a target is first built.
  command -v c++ >/dev/null 2>&1 || apt_install g++
  say "ready for fuzzing"
  exit 0
fi

# 2. Node.js and npm (for wasm-opt from binaryen and for Playwright).
if ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi

# 3. Trunk, exactly this version.
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION with cargo (takes about 6 minutes)"
  apt_install pkg-config libssl-dev
  # --force: cargo's own record may claim it is installed when the binary is gone.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force --quiet
  trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION" \
    || { say "trunk $TRUNK_VERSION is still not on PATH after installing"; exit 1; }
fi

# 4. wasm-bindgen-cli matching the exact pin in Cargo.lock.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$bindgen_version" ] || { say "wasm-bindgen not found in Cargo.lock"; exit 1; }
if wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$" \
    && wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "wasm-bindgen $bindgen_version present"
else
  say "installing wasm-bindgen-cli $bindgen_version with cargo (takes about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force --quiet
  wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$" \
    || { say "wasm-bindgen $bindgen_version is still not on PATH after installing"; exit 1; }
fi

# 5. npm packages: binaryen (wasm-opt; Debian's is too old), cldr-core (the CLDR plural
#    rules build.rs bakes into the app) and, for tests, Playwright and ical.js (an
#    independent iCalendar parser the calendar-file tests read .ics files with).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
    || [ ! -d node_modules/ical.js ] \
    || [ ! -f node_modules/cldr-core/supplemental/plurals.json ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json (binaryen, cldr-core, @playwright/test, ical.js)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
else
  say "npm packages present"
fi

# 6. Browser tests: Debian's Chromium and its driver (Playwright's own download fails here).
if [ "$want" = test ]; then
  # poppler-utils: pdfinfo, pdftotext and pdftoppm read the printed claim's PDF; a CJK
  # font, so Chinese renders in the browser tests' screenshots (not as boxes).
  apt_install chromium chromium-driver poppler-utils fonts-wqy-microhei
  say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
fi
say "ready (wasm toolchain: $WASM_TOOLCHAIN)"

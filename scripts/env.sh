# shellcheck shell=bash
# Sourced by the other scripts: decides which Rust toolchain builds for wasm32 and puts
# the project's tools first on PATH. Prints nothing; `scripts/setup.sh` explains.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:$PATH:$HOME/.cargo/bin"

# Two ways to build for wasm32: rustup's wasm32 target when it is installed, else
# Debian's Rust (rustc-web) building std from source with -Z build-std.
if command -v rustup >/dev/null 2>&1 \
    && rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
  WASM_TOOLCHAIN=rustup
else
  WASM_TOOLCHAIN=debian
fi
export WASM_TOOLCHAIN

# Run a command with the environment for wasm32 builds.
wasm_env() {
  if [ "$WASM_TOOLCHAIN" = debian ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  else
    "$@"
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else
    echo "setup: installing system packages needs root; running: sudo $*" >&2
    sudo "$@"
  fi
}

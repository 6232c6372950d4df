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

# Run a command with the environment for the shipped (release) wasm build: wasm_env plus
# flags that make the download smaller without changing what the app does (measured in
# the README's size table):
# * `--cfg erase_components`: Leptos gives every component an erased view type, so the
#   view code of a page is not monomorphised once per shape of its children;
# * on the std-from-source toolchain, panics abort at once (`-Cpanic=immediate-abort`)
#   and carry no file/line (`-Zlocation-detail=none`): on wasm32-unknown-unknown a panic
#   message reaches nobody (there is no stderr), so the formatting code is dead weight.
# Tests of components (`cargo test --target wasm32…`) keep panic messages: they run with
# plain wasm_env.
wasm_release_env() {
  local flags="--cfg erase_components"
  if [ "$WASM_TOOLCHAIN" = debian ]; then
    flags="$flags -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  fi
  RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$flags" wasm_env "$@"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else
    echo "setup: installing system packages needs root; running: sudo $*" >&2
    sudo "$@"
  fi
}

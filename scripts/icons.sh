#!/usr/bin/env bash
# Renders the app's PNG icons from their SVG sources in public/icons/ (the PNGs are
# committed, so building the app does not need this). Uses rsvg-convert from Debian's
# librsvg2-bin:  apt-get install librsvg2-bin
#   scripts/icons.sh
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
command -v rsvg-convert >/dev/null 2>&1 \
  || { echo "icons: rsvg-convert is missing; install Debian's librsvg2-bin"; exit 1; }
render() { # source size output
  rsvg-convert --width "$2" --height "$2" --output "$3" "$1"
  echo "icons: $3 (${2}x$2 from $1)"
}
# "any" icons: what the install prompt, the task bar and the tab show.
render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
# Maskable icons: Android and ChromeOS cut them to their own shape.
render maskable.svg 192 maskable-192.png
render maskable.svg 512 maskable-512.png
# iOS home screen (it adds its own rounded corners, so the full-bleed rendition).
render maskable.svg 180 apple-touch-icon.png

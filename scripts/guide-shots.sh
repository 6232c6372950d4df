#!/usr/bin/env bash
# Copies the screenshots the partner's guide (docs/guide.md) shows from the end-to-end
# tests' output (target/e2e/screenshots/, written by `make test`) into docs/guide/.
set -euo pipefail
cd "$(dirname "$0")/.."
shots=target/e2e/screenshots
mkdir -p docs/guide
while read -r from to; do
  if [ ! -f "$shots/$from" ]; then
    echo "guide-shots: $shots/$from is missing; run make test first" >&2
    exit 1
  fi
  cp "$shots/$from" "docs/guide/$to"
  echo "guide-shots: docs/guide/$to"
done <<'LIST'
lang-en-dashboard-1280.png dashboard.png
screen-en-wizard-review-1280.png wizard-review.png
lang-en-claim-running-1280.png claim.png
lang-en-settings-1280.png settings.png
screen-en-transfer-preview-1280.png transfer.png
training-en-ask-1280.png training.png
LIST

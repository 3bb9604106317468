#!/usr/bin/env bash
# The whole test suite: the workflow lint (actionlint on .github/workflows/), native Rust
# tests (engine and integration tests), the release build of the page, then the browser
# e2e suite in headless Chromium (node --test e2e/).
# Installs what is missing first (scripts/ensure-tools.sh). Any failure fails the script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { printf '\n== %s\n' "$*" >&2; }

step "tools"
bash scripts/ensure-tools.sh
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

# shellcheck and pyflakes are off: the lint must not depend on what else is on PATH.
step "actionlint .github/workflows/*.yml"
"$ACTIONLINT" -shellcheck= -pyflakes= .github/workflows/*.yml

step "cargo test (native)"
cargo test

step "trunk build --release --offline"
bash scripts/build.sh

step "e2e (headless Chromium)"
node --test e2e/

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

# The lints: formatting, and clippy natively and for the wasm target (the only way the UI,
# which compiles for wasm32 only, is linted). Cargo.toml's [lints] table denies unwrap,
# expect and unchecked indexing in the engine outside tests.
step "cargo fmt --check"
cargo fmt --check
step "cargo clippy --all-targets (native) -D warnings"
cargo clippy --all-targets -- -D warnings
step "cargo clippy --target wasm32-unknown-unknown -D warnings"
cargo clippy --target wasm32-unknown-unknown -- -D warnings

step "cargo test (native)"
cargo test

step "trunk build --release --offline"
bash scripts/build.sh

step "e2e (headless Chromium)"
node --test e2e/

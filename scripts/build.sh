#!/usr/bin/env bash
# Release build of the page into dist/ (assumes scripts/ensure-tools.sh ran).
# Trunk runs the hooks in Trunk.toml: scripts/build-echarts.mjs before, scripts/post-build.mjs
# after (inline loader -> file, relative URLs, CSP, sw.js).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

# `trunk build --offline` also runs cargo offline: fetch the wasm target's crates first
# (a no-op when they are in the cargo cache).
cargo fetch --target wasm32-unknown-unknown
trunk build --release --offline

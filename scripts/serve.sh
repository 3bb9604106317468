#!/usr/bin/env bash
# Builds the release page and serves it at http://127.0.0.1:8080 (PORT overrides the port).
# Extra arguments go to scripts/serve.mjs, e.g. `./scripts/serve.sh --base /codefit/`.
# Installs what is missing first (scripts/ensure-tools.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/ensure-tools.sh
bash scripts/build.sh
exec node scripts/serve.mjs --dir dist --host 127.0.0.1 --port "${PORT:-8080}" "$@"

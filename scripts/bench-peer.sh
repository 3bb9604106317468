#!/usr/bin/env bash
# Puts the peer page of the benchmark, gpu_poor (github.com/RahulSChand/gpu_poor, a React page
# whose deployed build is its docs/ folder), into the git-ignored .bench-tools/peers/gpu_poor/:
#
#   .bench-tools/peers/gpu_poor/docs/     the deployed page, served by the bench at /gpu_poor/
#   .bench-tools/peers/gpu_poor/source    "<commit> <commit date> <where it came from>"
#
# It is somebody else's page: it is only measured beside ours, never committed here nor
# shipped in dist/. Taken from a local bare mirror when there is one ($GPU_POOR_MIRROR,
# default /work/.mirror/RahulSChand+gpu_poor/repo), else from a shallow `git clone` of GitHub
# into a temporary directory. An existing copy of the same commit is kept. Exit status 1 (and
# no copy) when neither works; the bench then prints "peer not available" in the peer rows.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.bench-tools/peers/gpu_poor"
MIRROR="${GPU_POOR_MIRROR:-/work/.mirror/RahulSChand+gpu_poor/repo}"
URL="https://github.com/RahulSChand/gpu_poor"
log() { echo "bench-peer: $*" >&2; }

install_from() { # <git dir> <label>
  local git_dir="$1" label="$2" commit date tmp
  commit="$(git --git-dir="$git_dir" rev-parse HEAD)"
  date="$(git --git-dir="$git_dir" log -1 --format=%cs HEAD)"
  if [ -f "$DEST/docs/index.html" ] && [ "$(cut -d' ' -f1 "$DEST/source" 2>/dev/null)" = "$commit" ]; then
    log "gpu_poor $commit already in ${DEST#"$ROOT/"}/docs"
    return 0
  fi
  git --git-dir="$git_dir" cat-file -e "HEAD:docs/index.html" 2>/dev/null || { log "$label has no docs/index.html"; return 1; }
  tmp="$(mktemp -d)"
  git --git-dir="$git_dir" archive HEAD docs | tar -x -C "$tmp"
  rm -rf "$DEST"
  mkdir -p "$DEST"
  mv "$tmp/docs" "$DEST/docs"
  rmdir "$tmp"
  echo "$commit $date $label" >"$DEST/source"
  log "gpu_poor $commit ($date) from $label -> ${DEST#"$ROOT/"}/docs"
}

if [ -d "$MIRROR" ] && git --git-dir="$MIRROR" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  install_from "$MIRROR" "local mirror $MIRROR" && exit 0
fi
if [ -f "$DEST/docs/index.html" ] && [ -s "$DEST/source" ]; then
  log "no mirror; keeping the copy already there ($(cut -d' ' -f1 "$DEST/source"))"
  exit 0
fi
tmp_clone="$(mktemp -d)"
trap 'rm -rf "$tmp_clone"' EXIT
if GIT_TERMINAL_PROMPT=0 timeout 120 git clone --quiet --depth 1 "$URL" "$tmp_clone/gpu_poor" >&2; then
  install_from "$tmp_clone/gpu_poor/.git" "$URL" && exit 0
fi
log "gpu_poor is not available (no mirror at $MIRROR, and cloning $URL failed)"
exit 1

#!/usr/bin/env bash
# Browser check of the API docs: opens BASE_URL/docs (Swagger UI) and BASE_URL/redoc (ReDoc) in headless Chromium
# and fails unless the operations actually render (the DOM after scripts ran contains the API's paths). Saves the
# rendered DOM and a screenshot of each page under OUTDIR. Installs Debian's chromium when it is missing (as root,
# .ci/install-browser.sh).
#
#   .ci/browser-check.sh http://127.0.0.1:8080 target/browser-check
set -euo pipefail

BASE=${1:?usage: $0 BASE_URL OUTDIR}
OUT=${2:?usage: $0 BASE_URL OUTDIR}
BASE=${BASE%/}
mkdir -p "$OUT"

browser() {
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

[ -n "$(browser)" ] || bash "$(dirname "$0")/install-browser.sh"
CHROMIUM=$(browser)
[ -n "$CHROMIUM" ] || { echo "browser-check: chromium could not be installed" >&2; exit 1; }
echo "browser-check: $("$CHROMIUM" --version 2>/dev/null || echo chromium)"

PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-dev-shm-usage --hide-scrollbars
       --user-data-dir="$PROFILE" --window-size=1280,2400 --virtual-time-budget=20000)

# Paths that must be on each rendered page: both public and secured operations, from every tag.
NEEDLES=(/api/v1/referral-codes/lookup /api/v1/auth/token /api/v1/users/me/referral-stats /api/v1/referral-codes/{code})

render() { # render NAME PATH: dump the DOM after scripts ran, take a screenshot, check the paths are there
  local name=$1 path=$2 dom="$OUT/$1.html" missing=()
  timeout 180 "$CHROMIUM" "${FLAGS[@]}" --dump-dom "$BASE$path" >"$dom" 2>"$OUT/$name.chromium.log" || true
  timeout 180 "$CHROMIUM" "${FLAGS[@]}" --screenshot="$OUT/$name.png" "$BASE$path" >>"$OUT/$name.chromium.log" 2>&1 || true
  for needle in "${NEEDLES[@]}"; do
    grep -qF -- "$needle" "$dom" || missing+=("$needle")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "browser-check: $BASE$path did not render the operations (missing: ${missing[*]}); DOM in $dom" >&2
    return 1
  fi
  [ -s "$OUT/$name.png" ] || { echo "browser-check: no screenshot of $BASE$path" >&2; return 1; }
  echo "browser-check: $BASE$path renders the operations ($(wc -c <"$dom") bytes of DOM, screenshot $OUT/$name.png)"
}

status=0
render swagger-ui /docs/ || status=1
render redoc /redoc || status=1
exit $status

#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver when either is missing (as root, with apt). Used by .ci/run before
# the browser tests of ./mvnw verify (ReferrerPagesBrowserTest) and by .ci/browser-check.sh.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "install-browser: ${missing[*]} not installed and we are not root to install them" >&2
  exit 1
fi
echo "install-browser: installing Debian's ${missing[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

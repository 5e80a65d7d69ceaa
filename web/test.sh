#!/usr/bin/env bash
# The browser test (run by .ci/run after web/build.sh): installs Debian's Chromium and the test's
# npm packages (web/test/package-lock.json) when missing, then loads target/web in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
fi
command -v node >/dev/null || { echo "web test: Node.js is missing" >&2; exit 1; }
(cd web/test && npm ci --no-audit --no-fund --silent)
node web/test/test.mjs target/web

#!/usr/bin/env bash
# Tests the package on this machine: builds it, installs it with apt, then checks what it put in
# place: `csto-atlas --version` runs from /usr/bin, the launcher validates, the icons are there.
# Not part of every CI run (it installs into the system); run it by hand after packaging changes.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
command -v desktop-file-validate >/dev/null || { $sudo apt-get update -qq; $sudo apt-get install -y -qq desktop-file-utils; }
deb=$(packaging/deb.sh)
$sudo apt-get install -y -qq "./$deb"
/usr/bin/csto-atlas --version
desktop-file-validate /usr/share/applications/csto-atlas.desktop
test -f /usr/share/icons/hicolor/scalable/apps/csto-atlas.svg
test -f /usr/share/icons/hicolor/256x256/apps/csto-atlas.png
/usr/bin/csto-atlas list | head -n 3
echo "package ok: $deb"

#!/usr/bin/env bash
# Puts the launcher and the icons of an installed csto-atlas (`cargo install --path .`) where the
# desktop finds them, for the current user: ~/.local/share/applications and the hicolor icon theme.
# `--uninstall` removes them again.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor"
if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$apps/csto-atlas.desktop" "$icons/scalable/apps/csto-atlas.svg"
    for s in 16 32 48 64 128 256 512; do rm -f "$icons/${s}x${s}/apps/csto-atlas.png"; done
    echo "removed the launcher and icons"
    exit 0
fi
if ! command -v csto-atlas >/dev/null; then
    echo "csto-atlas is not on the PATH: run 'cargo install --path .' first (it installs to ~/.cargo/bin)" >&2
    exit 1
fi
install -Dm644 assets/csto-atlas.desktop "$apps/csto-atlas.desktop"
install -Dm644 assets/icons/csto-atlas.svg "$icons/scalable/apps/csto-atlas.svg"
for s in 16 32 48 64 128 256 512; do
    install -Dm644 "assets/icons/csto-atlas-$s.png" "$icons/${s}x${s}/apps/csto-atlas.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" || true
echo "installed the launcher ($apps/csto-atlas.desktop) and the icons"

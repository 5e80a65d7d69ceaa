#!/usr/bin/env bash
# Makes the web build's fonts (assets/fonts/web) from egui's own, at the version in Cargo.lock:
# every character each font has, without hinting instructions (egui hints them itself), and of
# the two emoji fonts only the symbol blocks and the few emoji that egui's widgets draw. Run it
# after an egui upgrade and commit the result; the builds themselves never run it. Needs
# fontTools (pip), installed at a pinned version into target/fonttools when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/fonttools
if [ ! -x "$venv/bin/pyftsubset" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet fonttools==4.69.1
fi
version=$(grep -A1 '^name = "epaint_default_fonts"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
cargo fetch --locked --quiet
src=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 1 -mindepth 1 -type d | head -1)/epaint_default_fonts-$version/fonts
out=assets/fonts/web
mkdir -p "$out"
# Symbols: punctuation, arrows, mathematical and technical signs, shapes, dingbats; and the
# emoji egui draws (theme 🌙, colour 🎨, debug 🐛, copy 📋, reset 🔄 🔃, and its demo's few).
symbols='U+2000-2BFF,U+1F319,U+1F3A8,U+1F41B,U+1F4CB,U+1F504,U+1F503,U+1F525,U+1F5B1,U+1F5BC,U+1F4BB,U+1F4CA,U+1F4CF,U+1F4E5,U+1F520,U+1F642,U+1F60A,U+1F44D'
subset() {
    "$venv/bin/pyftsubset" "$src/$1" --unicodes="$2" --no-hinting --output-file="$out/$1"
    echo "$out/$1: $(stat -c%s "$src/$1") -> $(stat -c%s "$out/$1") bytes"
}
subset Ubuntu-Light.ttf '*'
subset Hack-Regular.ttf '*'
subset NotoEmoji-Regular.ttf "$symbols"
subset emoji-icon-font.ttf "$symbols"
cp "$src/UFL.txt" "$src/OFL.txt" "$src/Hack-Regular.txt" "$src/emoji-icon-font-mit-license.txt" "$out/"

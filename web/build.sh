#!/usr/bin/env bash
# Builds the web version of the atlas into target/web/ (a static folder: serve it with any web
# server). Installs what it needs from the registries this machine reaches: the wasm32 target
# through rustup, and wasm-bindgen-cli from crates.io at exactly the version in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$version"; then
    # Not --locked: its lock file names a webpki-roots that the registry mirror here lacks.
    cargo install wasm-bindgen-cli --version "$version"
fi
cargo build --locked --profile web --target wasm32-unknown-unknown --bin csto-atlas
out=target/web
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out" --out-name csto-atlas \
    target/wasm32-unknown-unknown/web/csto-atlas.wasm
cp web/index.html "$out/"
cp assets/icons/csto-atlas-32.png "$out/favicon.png"
wasm="$out/csto-atlas_bg.wasm"
echo "web: $out ($(du -h "$wasm" | cut -f1) wasm, $(gzip -9c "$wasm" | wc -c | numfmt --to=iec) gzipped)"

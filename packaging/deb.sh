#!/usr/bin/env bash
# Builds a Debian package of the atlas (the binary, the launcher and the icons) with cargo-deb,
# installing cargo-deb from crates.io first when it is missing. Prints the package's path.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
    cargo install cargo-deb --locked --version "^3" >&2
fi
cargo deb >&2
ls -t target/debian/csto-atlas_*.deb | head -n1

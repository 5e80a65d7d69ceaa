#!/usr/bin/env bash
# Builds the fuzz target (fuzz/fuzz_targets/load_export.rs) and runs it for SECONDS (default 60)
# from fuzz/seeds, keeping what it finds in CORPUS (default: a temporary folder). The atlas's
# code is instrumented for coverage (fuzz/instrument.sh); its dependencies are the tests'
# build, so after `cargo test` this builds little. A crash leaves its input in target/fuzz/
# and fails the run. Usage: fuzz/run.sh [SECONDS] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
corpus=${2:-$(mktemp -d)}
mkdir -p "$corpus" target/fuzz
RUSTC_WORKSPACE_WRAPPER="$PWD/fuzz/instrument.sh" \
    cargo build --locked -p csto-atlas-fuzz --bin load_export
# -rss_limit_mb: a 2,000-body atlas lays out in well under 1 GB; more is a finding.
target/debug/load_export "$corpus" fuzz/seeds \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix=target/fuzz/ -print_final_stats=1

#!/bin/sh
# RUSTC_WORKSPACE_WRAPPER for fuzzing (fuzz/run.sh): the atlas's own code gets libFuzzer's
# coverage instrumentation, the flags cargo-fuzz passes; dependencies are built as the tests
# build them, uninstrumented, so CI builds them once for both.
rustc="$1"
shift
case " $* " in
*" --crate-name ___ "* | *" -vV "*) exec "$rustc" "$@" ;;
esac
exec "$rustc" "$@" \
    -Cpasses=sancov-module \
    -Cllvm-args=-sanitizer-coverage-level=4 \
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
    -Cllvm-args=-sanitizer-coverage-pc-table \
    -Cllvm-args=-sanitizer-coverage-trace-compares

#!/usr/bin/env bash
# Graphviz `dot` against our layout on the same synthetic atlases, side by side in one run.
# Usage: benches/vs_dot.sh [N...]   (default: 500 2000 5000)
#
# For each size: generate the atlas, export it as DOT, time `dot -Tplain` on it (the whole
# process: its layout is the work), then time our layout of the same atlas in-process (the
# `--timings` line of `csto-atlas export`) and our whole process (load, validate, layout, JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null
}
cargo build --release -q
bin=target/release/csto-atlas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 2000 5000)
now() { date +%s.%N; }
printf '%7s %10s %12s %12s %14s %12s\n' bodies "dot (s)" "layout (ms)" "process (s)" "dot / layout" "dot / process"
for n in "${sizes[@]}"; do
  "$bin" generate --bodies "$n" --out "$tmp/a.ron" 2>/dev/null
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.dot" 2>/dev/null
  # Edge labels off, as in a plain tree-with-cross-links comparison: dot turns each label into
  # extra nodes, and Graphviz 2.42 aborts ("trouble in init_rank") on some labelled graphs.
  sed -i 's/ \(\[style=dashed, constraint=false\), label="[^"]*"/ \1/' "$tmp/a.dot"
  t0=$(now)
  if ! dot -Tplain "$tmp/a.dot" >/dev/null 2>"$tmp/dot.err"; then
    echo "dot failed on $n bodies: $(head -c 200 "$tmp/dot.err")" >&2
    continue
  fi
  t1=$(now)
  t2=$(now)
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.json" --timings 2>"$tmp/timings"
  t3=$(now)
  layout_ms=$(sed -n 's/.*layout \([0-9.]*\) ms.*/\1/p' "$tmp/timings")
  python3 - "$n" "$t0" "$t1" "$t2" "$t3" "$layout_ms" <<'PY'
import sys
n = sys.argv[1]
t0, t1, t2, t3, layout_ms = map(float, sys.argv[2:])
dot_s, proc_s = t1 - t0, t3 - t2
print(f"{n:>7} {dot_s:10.3f} {layout_ms:12.2f} {proc_s:12.3f} {dot_s * 1000 / layout_ms:13.0f}x {dot_s / proc_s:11.0f}x")
PY
done

#!/usr/bin/env bash
# Graphviz `dot` against us on the same synthetic atlases, side by side in one run.
# Usage: benches/vs_dot.sh [N...]   (default: 500 2000 5000)
#
# For each size: generate the atlas and export it as DOT (the hierarchy, and the relations as
# `constraint=false` edges labelled with `xlabel`, which dot places after layout). Then, each a
# whole process timed from outside:
#   dot      `dot -Tsvg`: layout, every edge routed as a spline, the SVG written
#   ours     `csto-atlas export --routes` to JSON: load, validate, layout, every relation
#            routed around the boxes, the JSON written
# and beside them our layout alone (`--timings`: text, tidy tree and routing, in-process).
# BENCHMARKS.md's figures come from benches/whole.sh; this is the quick look at several sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null
}
cargo build --release --locked -q
bin=target/release/csto-atlas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 2000 5000)
now() { date +%s.%N; }
printf '%7s %12s %12s %14s %14s %13s\n' bodies "dot (s)" "ours (s)" "dot / ours" "layout (ms)" "dot / layout"
for n in "${sizes[@]}"; do
  "$bin" generate --bodies "$n" --out "$tmp/a.ron" 2>/dev/null
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.dot" 2>/dev/null
  t0=$(now)
  if ! dot -Tsvg "$tmp/a.dot" -o "$tmp/dot.svg" 2>"$tmp/dot.err"; then
    echo "dot failed on $n bodies: $(head -c 200 "$tmp/dot.err")" >&2
    continue
  fi
  t1=$(now)
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.json" --routes --timings 2>"$tmp/timings"
  t2=$(now)
  layout_ms=$(sed -n 's/.*layout \([0-9.]*\) ms.*/\1/p' "$tmp/timings")
  python3 - "$n" "$t0" "$t1" "$t2" "$layout_ms" <<'PY'
import sys
n = sys.argv[1]
t0, t1, t2, layout_ms = map(float, sys.argv[2:])
dot_s, ours_s = t1 - t0, t2 - t1
print(f"{n:>7} {dot_s:12.3f} {ours_s:12.3f} {dot_s / ours_s:13.1f}x {layout_ms:14.2f} {dot_s * 1000 / layout_ms:12.0f}x")
PY
done

#!/usr/bin/env bash
# Times Graphviz `dot` against our layout on the same synthetic atlases, side by side in one run.
# Usage: benches/vs_dot.sh [N...]   (default: 500 2000 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz
}
cargo build --release -q
bin=target/release/csto-atlas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 2000 5000)
printf '%8s %14s %14s %10s\n' bodies "dot (s)" "atlas (s)" ratio
for n in "${sizes[@]}"; do
  "$bin" generate --bodies "$n" --out "$tmp/a.ron" 2>/dev/null
  # The DOT export of the same graph: the hierarchy plus ~15% cross relations.
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.dot" 2>/dev/null
  t0=$(date +%s.%N); dot -Tplain "$tmp/a.dot" >/dev/null; t1=$(date +%s.%N)
  # Our layout of the same atlas, as the whole process: load, validate, layout, write JSON positions.
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.json" 2>/dev/null
  t2=$(date +%s.%N)
  "$bin" export --atlas "$tmp/a.ron" --out "$tmp/a.json" 2>/dev/null
  t3=$(date +%s.%N)
  python3 - "$n" "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
n, t0, t1, t2, t3 = sys.argv[1], *map(float, sys.argv[2:])
d, a = t1 - t0, t3 - t2
print(f"{n:>8} {d:14.3f} {a:14.3f} {d / a:9.0f}x")
PY
done

#!/usr/bin/env bash
# Whole-process runs: what a user waits for from the command line or the window's start,
# measured with `/usr/bin/time -v` (wall clock and peak memory) and kept in benches/runs/
# so that benches/report.py can write BENCHMARKS.md from them.
#
# Usage: benches/whole.sh [RUNS]     (default 5 runs of each; nothing else should be running)
# Needs: /usr/bin/time, graphviz (`dot`), Xvfb; installs what is missing on Debian/Ubuntu.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v dot >/dev/null || need+=(graphviz)
command -v Xvfb >/dev/null || need+=(xvfb)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
cargo build --release --locked -q
bin=$PWD/target/release/csto-atlas
out=benches/runs
mkdir -p "$out"
tmp=$(mktemp -d)
Xvfb :77 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

"$bin" generate --bodies 300 --out "$tmp/s300.ron" >/dev/null 2>&1
"$bin" generate --bodies 2000 --out "$tmp/s2000.ron" >/dev/null 2>&1
"$bin" generate --bodies 5000 --out "$tmp/s5000.ron" >/dev/null 2>&1
"$bin" export --atlas "$tmp/s2000.ron" --out "$tmp/s2000.dot" >/dev/null 2>&1

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src assets Cargo.lock || echo ' (with uncommitted changes)')"
  echo "cpu: $(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "rustc: $(rustc --version)"
  echo "graphviz: $(dot -V 2>&1)"
} > "$out/machine.txt"

# run NAME COMMAND...: RUNS timed runs (after one untimed, to warm the file cache), every
# `/usr/bin/time -v` report and the command's own stderr (e.g. --timings) in runs/NAME.txt.
run() {
  local name=$1
  shift
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; exit 1; }
  {
    echo "command: ${*/#$bin/csto-atlas}" | sed "s#$tmp/##g"
    for _ in $(seq "$runs"); do
      echo "--- run"
      /usr/bin/time -v "$@" 2>&1 >/dev/null | sed "s#$tmp/##g"
    done
  } > "$out/$name.txt"
  echo "$name: $(grep -c -- '--- run' "$out/$name.txt") runs" >&2
}

run cold-start-csto env DISPLAY=:77 "$bin" --screenshot "$tmp/shot.png" --size 1400x900
run cold-start-5000 env DISPLAY=:77 "$bin" --atlas "$tmp/s5000.ron" --screenshot "$tmp/shot.png" --size 1400x900
run png-csto-2x "$bin" export --out "$tmp/c.png" --scale 2 --timings
run png-2000 "$bin" export --atlas "$tmp/s2000.ron" --out "$tmp/s.png" --timings
run png-5000 "$bin" export --atlas "$tmp/s5000.ron" --out "$tmp/s.png" --timings
run json-2000 "$bin" export --atlas "$tmp/s2000.ron" --out "$tmp/s.json" --timings
run json-routes-2000 "$bin" export --atlas "$tmp/s2000.ron" --out "$tmp/s.json" --routes --timings
run svg-2000 "$bin" export --atlas "$tmp/s2000.ron" --out "$tmp/s.svg" --timings
run dot-svg-2000 dot -Tsvg "$tmp/s2000.dot" -o "$tmp/dot.svg"
run book-csto "$bin" export --book "$tmp/b.pdf"
run book-300 "$bin" export --atlas "$tmp/s300.ron" --book "$tmp/b.pdf"
echo "wrote $out/ (now run: python3 benches/report.py)" >&2

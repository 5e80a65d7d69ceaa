#!/usr/bin/env python3
"""Writes BENCHMARKS.md from measurements, so that no figure in it is typed by hand.

    python3 benches/report.py collect   # after `cargo bench`: criterion's results → benches/runs/criterion.json
    python3 benches/report.py web       # after web/test.sh: the page's size and first paints → benches/runs/web.json
    python3 benches/report.py           # BENCHMARKS.md from benches/goals.toml and benches/runs/

benches/runs/ holds what was measured: criterion.json (medians and their 95 % intervals),
machine.txt and one file per whole-process run of benches/whole.sh (`/usr/bin/time -v` reports).
"""

import datetime
import json
import pathlib
import re
import statistics
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
RUNS = ROOT / "benches" / "runs"
CRITERION = ROOT / "target" / "criterion"


def collect():
    """Criterion's latest estimate of every bench it has run, with the day it was measured,
    merged into the figures kept from earlier runs."""
    found = []
    for bench in sorted(CRITERION.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        median = json.loads((bench.parent / "estimates.json").read_text())["median"]
        day = datetime.date.fromtimestamp(bench.stat().st_mtime).isoformat()
        found.append({
            "id": meta["full_id"],
            "median_ns": median["point_estimate"],
            "low_ns": median["confidence_interval"]["lower_bound"],
            "high_ns": median["confidence_interval"]["upper_bound"],
            "measured": day,
        })
    if not found:
        sys.exit(f"no criterion results under {CRITERION}: run `cargo bench` first")
    # Benches not run this time keep their last figures (and the day they were measured).
    kept = RUNS / "criterion.json"
    if kept.exists():
        fresh = {f["id"] for f in found}
        found += [b for b in json.loads(kept.read_text()) if b["id"] not in fresh]
        found.sort(key=lambda b: b["id"])
    RUNS.mkdir(parents=True, exist_ok=True)
    (RUNS / "criterion.json").write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    print(f"collected {len(found)} benches into {RUNS / 'criterion.json'}")


def collect_web():
    """The web build's figures as web/test.sh measured them (target/web/figures.json)."""
    figures = ROOT / "target" / "web" / "figures.json"
    if not figures.exists():
        sys.exit(f"no {figures}: run web/build.sh and web/test.sh first")
    RUNS.mkdir(parents=True, exist_ok=True)
    (RUNS / "web.json").write_text(figures.read_text())
    print(f"copied {figures} to {RUNS / 'web.json'}")


def parse_run(path):
    """The command and, per run, wall seconds, peak kB and the command's own `timings:` line."""
    text = path.read_text()
    command = text.splitlines()[0].removeprefix("command: ")
    runs = []
    for chunk in text.split("--- run")[1:]:
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", chunk)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", chunk)
        status = re.search(r"Exit status: (\d+)", chunk)
        if not wall or not rss or (status and status.group(1) != "0"):
            sys.exit(f"{path}: a run without a clean /usr/bin/time -v report")
        hours, minutes, seconds = wall.groups()
        timings = re.search(r"^timings: (.*)$", chunk, re.M)
        runs.append({
            "wall": int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds),
            "rss_kb": int(rss.group(1)),
            "timings": timings.group(1) if timings else None,
        })
    return {"command": command, "runs": runs}


def parse_limit(text):
    """'15 ms' → (seconds, 'time'); '150 MB' → (bytes, 'memory')."""
    number, unit = text.split()
    scale = {"µs": (1e-6, "time"), "ms": (1e-3, "time"), "s": (1, "time"),
             "MB": (1e6, "memory"), "GB": (1e9, "memory")}[unit]
    return float(number) * scale[0], scale[1]


def show_time(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.3g} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s"


def show_bytes(n):
    return f"{n / 1e6:.0f} MB" if n < 1e9 else f"{n / 1e9:.2f} GB"


def find_bench(benches, name):
    """The bench named, or the one whose name is that followed by ' [N boxes]'."""
    for b in benches:
        if b["id"] == name or b["id"].startswith(name + " ["):
            return b
    return None


def measure(goal, benches, runs, web):
    """(the figure in the goal's unit, how it reads, where it comes from) or None."""
    if "bench" in goal:
        b = find_bench(benches, goal["bench"])
        if not b:
            return None
        where = f"`{b['id']}` (criterion, {b['measured']})"
        return b["median_ns"] / 1e9, show_time(b["median_ns"] / 1e9), where
    if "web" in goal:
        if not web:
            return None
        where = f"`web/test.sh` ({web['measured']})"
        if goal["web"] == "gzipped":
            return web["gzipped_bytes"], f"{web['gzipped_bytes'] / 1e6:.2f} MB ({web['wasm_bytes'] / 1e6:.1f} MB unpacked)", where
        paints = web["first_paint_s"]
        shown = f"{show_time(statistics.median(paints))} ({show_time(min(paints))}–{show_time(max(paints))}, {len(paints)} pages)"
        return statistics.median(paints), shown, where
    if "ratio" in goal:
        slow, fast = (runs.get(n) for n in goal["ratio"])
        if not slow or not fast:
            return None
        ratio = median_of(slow, "wall") / median_of(fast, "wall")
        return ratio, f"{ratio:.1f}×", f"runs `{goal['ratio'][0]}` / `{goal['ratio'][1]}`"
    run = runs.get(goal["run"])
    if not run:
        return None
    value = median_of(run, goal["of"])
    shown = show_time(value) if goal["of"] == "wall" else show_bytes(value)
    return value, shown, f"run `{goal['run']}` (median of {len(run['runs'])})"


def median_of(run, what):
    if what == "wall":
        return statistics.median(r["wall"] for r in run["runs"])
    return statistics.median(r["rss_kb"] for r in run["runs"]) * 1024


def goal_rows(goals, benches, runs, web):
    rows, met, unmet, missing = [], 0, 0, 0
    for goal in goals:
        if "max" in goal:
            limit, _ = parse_limit(goal["max"])
            limit_text = f"≤ {goal['max']}"
        else:
            limit, limit_text = float(goal["min"]), f"≥ {goal['min']}×"
        found = measure(goal, benches, runs, web)
        if found is None:
            verdict, shown, where = "not measured", "", ""
            missing += 1
        else:
            value, shown, where = found
            ok = value <= limit if "max" in goal else value >= limit
            verdict = "**met**" if ok else "**not met**"
            met, unmet = met + ok, unmet + (not ok)
        rows.append(f"| {goal['what']} | {goal['from']} | {limit_text} | {shown} | {verdict} | {where} |")
    return rows, met, unmet, missing


def main():
    goals = tomllib.loads((ROOT / "benches" / "goals.toml").read_text())["goal"]
    benches = json.loads((RUNS / "criterion.json").read_text()) if (RUNS / "criterion.json").exists() else []
    runs = {p.stem: parse_run(p) for p in sorted(RUNS.glob("*.txt")) if p.stem != "machine"}
    machine = (RUNS / "machine.txt").read_text().strip().splitlines() if (RUNS / "machine.txt").exists() else []
    web = json.loads((RUNS / "web.json").read_text()) if (RUNS / "web.json").exists() else None
    rows, met, unmet, missing = goal_rows(goals, benches, runs, web)
    out = [
        "# Benchmarks",
        "",
        "<!-- Written by benches/report.py: edit benches/goals.toml or re-measure, never this file. -->",
        "",
        f"Written on {datetime.date.today().isoformat()} by `benches/report.py` from criterion's results "
        "(`cargo bench`, then `python3 benches/report.py collect`) and the whole-process runs of "
        "`benches/whole.sh` (`/usr/bin/time -v`, kept in `benches/runs/`). Release build. The machine "
        "of the whole-process runs:",
        "",
        *[f"- {line}" for line in machine],
        "",
        f"## Goals: {met} met, {unmet} not met" + (f", {missing} not measured" if missing else ""),
        "",
        "Each goal is checked against one figure: a criterion median or the median of the runs "
        "of a whole process (`benches/goals.toml` says which).",
        "",
        "| goal | from | limit | measured | | source |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        "## Whole processes",
        "",
        "`benches/whole.sh`: each command once untimed (to warm the file cache), then timed with "
        "`/usr/bin/time -v`. Synthetic atlases come from `csto-atlas generate --bodies N` (seed 1). "
        "The window runs are under Xvfb with Mesa's software GL; `--screenshot` exits once the first "
        "frame with the chart is painted. *Own timings* is what `export --timings` printed in the "
        "median run (the `layout` figure includes routing the relations the picture draws).",
        "",
        "| run | command | wall, median (min–max) | peak memory, median | own timings |",
        "|---|---|---|---|---|",
    ]
    for name, run in runs.items():
        walls = sorted(r["wall"] for r in run["runs"])
        mid = sorted(run["runs"], key=lambda r: r["wall"])[len(walls) // 2]
        out.append(
            f"| `{name}` | `{run['command']}` | {show_time(statistics.median(walls))} "
            f"({show_time(walls[0])}–{show_time(walls[-1])}, {len(walls)} runs) | "
            f"{show_bytes(median_of(run, 'rss'))} | {mid['timings'] or ''} |"
        )
    if "dot-svg-2000" in runs:
        dot = median_of(runs["dot-svg-2000"], "wall")
        out += ["", "### Against Graphviz", "",
                "Graphviz `dot -Tsvg` lays out, routes every edge as a spline and writes an SVG of "
                "the 2,000-body atlas's DOT (our export: the hierarchy and the 300 relations, with "
                "their labels as `xlabel`s); beside it our whole processes on the same atlas:", ""]
        for name, what in [("json-routes-2000", "load, validate, lay out, route every relation, write JSON"),
                           ("json-2000", "load, validate, lay out without routing, write JSON"),
                           ("svg-2000", "load, validate, lay out, write the SVG picture with its text as outlines and no relation drawn")]:
            if name in runs:
                ours = median_of(runs[name], "wall")
                out.append(f"- `{name}`, {what}: {show_time(ours)}; `dot` takes **{dot / ours:.1f}×** "
                           "as long.")
        if "json-routes-2000" in runs:
            t = sorted(runs["json-routes-2000"]["runs"], key=lambda r: r["wall"])
            m = re.search(r"layout ([\d.]+) ms", t[len(t) // 2]["timings"] or "")
            if m:
                out.append(f"- Our layout alone (text, tidy tree, every relation routed; `--timings` of "
                           f"`json-routes-2000`): {m.group(1)} ms; `dot`'s whole process takes "
                           f"{dot * 1000 / float(m.group(1)):.0f}× as long.")
    out += ["", "## Every criterion bench", "",
            "Median time per iteration and its 95 % confidence interval. `ui-frame` benches run the "
            "window at 1,400 × 900 (egui's run and tessellation, no GPU); their names end with the "
            "number of boxes the view holds, so a folded chart's fast frame is not read as the whole "
            "chart's.", "",
            "| bench | median | 95 % interval | measured |", "|---|---|---|---|"]
    for b in benches:
        out.append(f"| `{b['id']}` | {show_time(b['median_ns'] / 1e9)} | "
                   f"{show_time(b['low_ns'] / 1e9)}–{show_time(b['high_ns'] / 1e9)} | {b['measured']} |")
    out += ["", "## Commands", "", "```sh",
            "cargo bench                          # every criterion bench (about 15 minutes)",
            "python3 benches/report.py collect    # keep their results in benches/runs/criterion.json",
            "benches/whole.sh 5                   # the whole-process runs (installs graphviz, Xvfb)",
            "python3 benches/report.py            # this file",
            "benches/vs_dot.sh 500 2000 5000      # a quick side-by-side with Graphviz at several sizes",
            "```", "",
            "What earlier rounds measured and changed, with their figures as they were then, is in "
            "[docs/benchmark-history.md](docs/benchmark-history.md).", ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(out))
    print(f"wrote BENCHMARKS.md: {met} goals met, {unmet} not met, {missing} not measured")


if __name__ == "__main__":
    {"collect": collect, "web": collect_web}.get(sys.argv[1] if sys.argv[1:] else "", main)()

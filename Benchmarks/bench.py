#!/usr/bin/env python3
"""Runs the orgnet benchmark and writes Benchmarks/RESULTS.md (called by Benchmarks/run.sh).

Every tool reads the same files, written once by `orgnet generate` (DOT for orgnet, GraphML for
the Python peers, an edge list beside them for networkit's fast reader). Algorithms are timed
inside each tool's process (`orgnet bench`, Benchmarks/peers.py); the render and CLI rows are
whole-process wall times. Each (tool, size) runs in a fresh process; its peak RSS is reported.

A call whose estimated time (extrapolated from the previous size: x n*m for betweenness and
closeness, x n for the linear measures) exceeds --budget seconds is skipped and shown as
"skipped (est. N s)"; at the largest size betweenness is also timed with --pivots sampled sources.
Above --peer-max-nodes (default 100,000) the peers are not run: their times are estimated the same
way and shown as "not run (est. N s)". Every orgnet call gets the input-limit flags for its size
(`--max-nodes`, `--max-ties`, `--max-bytes`), as any orgnet command reading such a file needs.

At every size from 100,000 nodes one more orgnet process loads the file and runs PageRank,
components and betweenness from 1,000 sampled sources (the "scale" rows: whole-process time and
peak RSS; target at 1,000,000 nodes: under 60 s and 4 GiB together), and one process per tool
measures peak memory (load, PageRank, components, shortest paths, 100-source betweenness).
Benchmarks/plot.py draws the scaling and memory plots from the raw numbers.

--smoke is the CI check: orgnet and igraph on 1,000 nodes (every measure), orgnet alone on 100,000
nodes (load and PageRank); it writes its tables to Benchmarks/data/smoke.md, fails unless every
table and row is there, and never looks at the speed.

The Python packages come from Benchmarks/requirements.txt in Benchmarks/.venv, created and
kept in step by scripts/golden/generate.py's ensure_venv (the one bootstrap of every script).
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts", "golden"))
import generate as golden  # noqa: E402  (ensure_venv: the one venv bootstrap of the scripts)
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import plot  # noqa: E402
ORGNET = os.environ.get("ORGNET_BIN") or os.path.join(ROOT, ".build-bench", "release", "orgnet")
if not os.path.exists(ORGNET):
    ORGNET = os.path.join(ROOT, ".build", "release", "orgnet")
PY = sys.executable
VENV = Path(ROOT) / "Benchmarks" / ".venv"
REQS = Path(ROOT) / "Benchmarks" / "requirements.txt"
SCALE_PIVOTS = 1000
SCALE_FROM = 100_000  # the scale rows (one process: load, pagerank, components, sampled betweenness)
PEERS = ["networkx", "igraph", "rustworkx", "networkit"]
TOOLS = ["orgnet"] + PEERS
MEASURES = ["load", "betweenness", "betweenness-sampled", "closeness", "pagerank", "components", "sssp"]
QUADRATIC = {"betweenness", "closeness"}
# Targets (orgnet / fastest peer), from the issue.
TARGETS = {"betweenness": 0.5, "betweenness-sampled": 0.5, "closeness": 0.5, "pagerank": 1.0, "sssp": 1.0,
           "load": 1.0, "components": None}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def version(cmd):
    """The first line a tool prints about its version (stdout, else stderr)."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
        return ((p.stdout.strip() or p.stderr.strip()).splitlines() or ["unknown"])[0]
    except OSError as e:
        return f"unknown ({e})"


def repeats_for(est):
    if est is None or est < 0.2:
        return 7
    if est < 2:
        return 5
    if est < 20:
        return 3
    return 1


def limit_flags(n):
    """The input limits a federation of n nodes needs (about 2.1 ties a node; the GraphML text,
    the largest of the three formats, is under 400 bytes a node), never below the defaults."""
    return ["--max-nodes", str(max(n, 20_000)), "--max-ties", str(max(3 * n, 100_000)),
            "--max-bytes", str(max(400 * n, 16 << 20))]


def run_tool(tool, files, plan, pivots, seed, timeout):
    spec = ",".join(f"{m}:{r}" for m, r in plan)
    if tool == "orgnet":
        cmd = [ORGNET, "bench", files["dot"], "--measures", spec, "--pivots", str(pivots), "--seed", str(seed),
               *limit_flags(files["n"])]
    else:
        cmd = [PY, os.path.join(ROOT, "Benchmarks", "peers.py"), tool, files["graphml"], "--measures", spec,
               "--pivots", str(pivots), "--seed", str(seed)]
    log("  $", " ".join(shlex.quote(c) for c in cmd))
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        log(p.stderr)
        raise RuntimeError(f"{tool} failed ({p.returncode})")
    out = json.loads(p.stdout[p.stdout.index("{"):])
    out["wall"] = time.time() - t0
    out["command"] = " ".join(shlex.quote(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c) for c in cmd)
    return out


def wall(cmd, runs):
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append(time.perf_counter() - t0)
    return ts


def fmt(t):
    if t is None:
        return "–"
    if isinstance(t, str):
        return t
    if t < 1e-3:
        return f"{t * 1e6:.0f} µs"
    if t < 1:
        return f"{t * 1e3:.1f} ms"
    return f"{t:.2f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", DEFAULT_SIZES))
    ap.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "1917")))
    ap.add_argument("--budget", type=float, default=float(os.environ.get("BENCH_BUDGET", "600")),
                    help="skip calls estimated to take longer (seconds; default 600)")
    ap.add_argument("--pivots", type=int, default=1000)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "RESULTS.md"))
    ap.add_argument("--measures", default=",".join(MEASURES), help="a subset of " + ",".join(MEASURES))
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-render", action="store_true")
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--peer-max-nodes", type=int, default=100_000,
                    help="run the peers up to this size; above it their times are estimated (default 100000)")
    ap.add_argument("--big-measures", help="the measures above --peer-max-nodes (default: --measures)")
    ap.add_argument("--skip-extra", action="store_true", help="leave out the compare/gallery rows")
    ap.add_argument("--smoke", action="store_true",
                    help="the CI check: orgnet and igraph on 1,000 nodes, orgnet alone on 100,000 (load, pagerank); "
                         "writes data/smoke.md and fails unless every table is there; never gates on speed")
    ap.add_argument("--rewrite", action="store_true", help="rewrite RESULTS.md from the last run's raw numbers")
    ap.add_argument("--raw", help="with --rewrite: the raw numbers file (default data/last-run.json)")
    a = ap.parse_args()
    if a.rewrite:
        return rewrite(a)
    golden.ensure_venv(Path(__file__).resolve(), VENV, REQS)
    if a.smoke:
        a.sizes, a.tools, a.peer_max_nodes, a.big_measures = "1000,100000", "orgnet,igraph", 1000, "load,pagerank"
        a.skip_memory = a.skip_render = a.skip_cli = a.skip_extra = True
        a.out = os.path.join(ROOT, "Benchmarks", "data", "smoke.md")
    if not a.skip_render and shutil.which("dot") is None:
        # Checked first, not when the render rows come after the long runs (Benchmarks/run.sh installs it).
        sys.exit("bench: the render rows need Graphviz's `dot` on PATH (apt-get install graphviz), or pass --skip-render")
    sizes = [int(s) for s in a.sizes.split(",")]
    tools = [t for t in a.tools.split(",") if t]
    data = os.path.join(ROOT, "Benchmarks", "data")
    os.makedirs(data, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)

    # 1. The files.
    files = {}
    for n in sizes + ([] if a.skip_render else [300]):
        base = os.path.join(data, f"federation-{n}-{a.seed}")
        files[n] = {"n": n, "dot": base + ".dot", "graphml": base + ".graphml", "edges": base + ".edges"}
        formats = [("dot", files[n]["dot"])]
        if n <= a.peer_max_nodes:  # the peers' files
            formats += [("graphml", files[n]["graphml"]), ("edgelist", files[n]["edges"])]
        for fmt_, path in formats:
            if os.path.exists(path) and os.path.getsize(path) > 0 and os.path.getmtime(path) > os.path.getmtime(ORGNET):
                continue  # written by this binary already (same --nodes and --seed give the same bytes)
            sh([ORGNET, "generate", "--nodes", str(n), "--seed", str(a.seed), "-T", fmt_, "-o", path, *limit_flags(n)])
    log(f"bench: generated federations of {', '.join(map(str, sizes))} nodes (seed {a.seed}) in {data}")

    # 2. Algorithms, per size and tool.
    results = {}    # (n, tool) -> the tool's JSON
    estimates = {}  # (n, tool, measure) -> "skipped (est. X s)"
    estimated_values = {}  # (n, tool, measure) -> seconds
    basis = {}      # tool -> measure -> (n, seconds): the last time measured or estimated
    for n in sizes:
        for tool in tools:
            plan = []
            known = basis.setdefault(tool, {})
            big = n > a.peer_max_nodes
            if big and tool != "orgnet":
                # Not run: every measure estimated from the previous size, as over the budget.
                for meas, (pn, pt) in list(known.items()):
                    if meas == "load-edgelist":
                        continue
                    est = pt * ((n / pn) ** 2 * 2 if meas in QUADRATIC else (n / pn) * 1.3)
                    estimates[(n, tool, meas)] = f"not run (est. {fmt(est)})"
                    estimated_values[(n, tool, meas)] = est
                    known[meas] = (n, est)
                continue
            wanted_measures = (a.big_measures if big and a.big_measures else a.measures).split(",")
            for meas in MEASURES:
                if meas not in wanted_measures:
                    continue
                if meas == "betweenness-sampled" and (n < 10_000 or tool == "rustworkx"):
                    continue
                est = None
                if meas in known:
                    pn, pt = known[meas]
                    # n*m grows as n^2 here; x2 for caches (igraph's betweenness grew 220x from 10k to 100k).
                    est = pt * ((n / pn) ** 2 * 2 if meas in QUADRATIC else (n / pn) * 1.3)
                elif meas == "betweenness-sampled" and "betweenness" in known:
                    pn, pt = known["betweenness"]  # k sources of a graph n/pn times larger
                    est = pt * (min(a.pivots, n) / pn) * (n / pn) * 1.3
                if est is not None and est > a.budget:
                    estimates[(n, tool, meas)] = f"skipped (est. {fmt(est)})"
                    estimated_values[(n, tool, meas)] = est
                    known[meas] = (n, est)
                    continue
                plan.append((meas, repeats_for(est)))
            if tool == "networkit":
                plan.append(("load-edgelist", 5))
            log(f"bench: {tool} on {n} nodes: {', '.join(f'{m}x{r}' for m, r in plan)}")
            r = run_tool(tool, files[n], plan, a.pivots, a.seed, timeout=max(3600, a.budget * 8))
            results[(n, tool)] = r
            med = {m: statistics.median(ts) for m, ts in r["times"].items()}
            for m, t in med.items():
                known[m] = (n, t)
            log("  " + ", ".join(f"{m} {fmt(t)}" for m, t in med.items()) + f"; peak RSS {r['maxrssKiB'] / 1024:.0f} MiB")

    # 3. Memory at every size: load + pagerank + components + sssp + 100-source betweenness, one
    #    process per tool (peers up to --peer-max-nodes); the table shows the largest size they share.
    memory_by_size = {}  # n -> tool -> KiB
    for n in ([] if a.skip_memory else sizes):
        for tool in tools:
            if tool != "orgnet" and n > a.peer_max_nodes:
                continue
            plan = [("load", 1), ("pagerank", 1), ("components", 1), ("sssp", 1)]
            if tool != "rustworkx":
                plan.append(("betweenness-sampled", 1))
            log(f"bench: memory, {tool} on {n} nodes")
            r = run_tool(tool, files[n], plan, 100, a.seed, timeout=3600)
            memory_by_size.setdefault(n, {})[tool] = r["maxrssKiB"]
    shared = [n for n in sizes if n in memory_by_size and len(memory_by_size[n]) == len(tools)]
    memory = memory_by_size[max(shared)] if shared else {}
    memory_cmd = "load, pagerank, components, sssp, betweenness from 100 sampled sources (rustworkx: no sampled betweenness)"

    # 3b. Scale rows: one orgnet process per size from 100,000 nodes doing load, PageRank, components
    #     and betweenness from 1,000 sampled sources; whole-process time and peak RSS.
    scale = {}  # n -> (seconds, KiB, command)
    for n in [n for n in sizes if n >= SCALE_FROM and "orgnet" in tools and not a.smoke]:
        plan = [("load", 1), ("pagerank", 1), ("components", 1), ("betweenness-sampled", 1)]
        log(f"bench: scale row, orgnet on {n} nodes")
        r = run_tool("orgnet", files[n], plan, SCALE_PIVOTS, a.seed, timeout=3600)
        scale[n] = (r["wall"], r["maxrssKiB"], r["command"], {m: ts[0] for m, ts in r["times"].items()})
        log(f"  {fmt(r['wall'])} whole process, peak RSS {r['maxrssKiB'] / 1024:.0f} MiB")

    # 4. Render overhead: orgnet render vs dot -Tsvg, whole process, same DOT file.
    render = {}
    if not a.skip_render:
        for n in [300, 1000]:
            if n not in files:
                base = os.path.join(data, f"federation-{n}-{a.seed}")
                files[n] = {"dot": base + ".dot"}
                sh([ORGNET, "generate", "--nodes", str(n), "--seed", str(a.seed), "-o", files[n]["dot"]])
            svg = os.path.join(data, f"render-{n}.svg")
            runs = 5 if n <= 300 else 3
            # --timeout: the layout's safety limit (30 s) is not what this row measures, and a loaded
            # machine took longer than that for 1,000 nodes (dot itself has no limit).
            o = wall([ORGNET, "render", files[n]["dot"], "-o", svg, "--timeout", "3600"], runs)
            d = wall(["dot", "-Tsvg", files[n]["dot"], "-o", svg], runs)
            render[n] = (statistics.median(o), statistics.median(d))
            log(f"bench: render {n} nodes: orgnet {fmt(render[n][0])}, dot {fmt(render[n][1])}")

    # 5. CLI latency on the built-in dataset.
    cli = None
    startup = None
    uncertainty = None
    if not a.skip_cli:
        month = os.path.join(data, "petrograd-1917-10.graphml")
        sh([ORGNET, "export", "1917-10", "-T", "graphml", "-o", month])
        o = wall([ORGNET, "centrality", "1917-10", "--measure", "betweenness"], 21)
        p = wall([PY, os.path.join(ROOT, "Benchmarks", "cli_networkx.py"), month], 7)
        cli = (statistics.median(o), statistics.median(p))
        log(f"bench: CLI orgnet {fmt(cli[0])}, python+networkx {fmt(cli[1])}")
        # Start-up share of the query: the same process doing nothing but print its version.
        v = wall([ORGNET, "--version"], 21)
        startup = (cli[0], statistics.median(v))
        log(f"bench: CLI query {fmt(startup[0])} against orgnet --version {fmt(startup[1])}")
        # Influence under uncertainty: 1,000 plausible Octobers, betweenness on each (issue 15).
        u = wall([ORGNET, "centrality", "1917-10", "--measure", "betweenness", "--samples", "1000", "--seed", "1"], 5)
        uncertainty = statistics.median(u)
        log(f"bench: 1,000 samples of October betweenness {fmt(uncertainty)}")

    # 6. compare and gallery on the built-in dataset, ties routed around the bodies (whole process).
    extra = {}
    if not a.skip_extra:
        for name, cmd, runs in [
                ("compare", [ORGNET, "compare", "1917-02", "1917-10", "-o", os.path.join(data, "compare.svg")], 3),
                ("gallery", [ORGNET, "gallery", "-o", os.path.join(data, "gallery")], 1)]:
            extra[name] = (statistics.median(wall(cmd, runs)), runs,
                           " ".join(shlex.quote(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c) for c in cmd))
            log(f"bench: {name} {fmt(extra[name][0])}")

    # Keep the raw numbers so RESULTS.md can be rewritten (--rewrite) after editing ANALYSIS.md.
    rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    raw = {"argv": sys.argv[1:], "rev": rev, "budget": a.budget, "pivots": a.pivots, "seed": a.seed, "sizes": sizes, "tools": tools, "started": started.isoformat(), "orgnet": ORGNET,
           "results": [[n, t, r] for (n, t), r in results.items()],
           "estimates": [[n, t, m, v] for (n, t, m), v in estimates.items()],
           "estimated_values": [[n, t, m, v] for (n, t, m), v in estimated_values.items()],
           "memory": memory, "memory_cmd": memory_cmd, "render": [[n, o, d] for n, (o, d) in render.items()], "cli": cli,
           "uncertainty": uncertainty, "startup": startup, "machine": machine(),
           "memory_by_size": [[n, t, v] for n, d in memory_by_size.items() for t, v in d.items()],
           "scale": [[n, *v] for n, v in scale.items()], "extra": extra}
    with open(os.path.join(data, "smoke-run.json" if a.smoke else "last-run.json"), "w") as f:
        json.dump(raw, f)
    write_results(a, sizes, tools, results, estimates, estimated_values, memory, memory_cmd, render, cli, started,
                  uncertainty=uncertainty, raw=raw)
    if a.smoke:
        check_smoke(a.out, results)


def check_smoke(path, results):
    """The smoke run's verdict: every process ran and the tables are written; speed is not looked at."""
    text = open(path).read()
    problems = []
    for n, tool, measures in [(1000, "orgnet", MEASURES[:1] + MEASURES[3:]), (1000, "igraph", MEASURES[:1] + MEASURES[3:]),
                              (100_000, "orgnet", ["load", "pagerank"])]:
        times = results.get((n, tool), {}).get("times", {})
        problems += [f"{tool} on {n:,} nodes: no {m} time" for m in measures + (["betweenness"] if n == 1000 else [])
                     if not times.get(m)]
    for heading in ["## 1,000 nodes", "## 100,000 nodes", "| pagerank |", "| load (DOT / GraphML) |", "## Targets"]:
        if heading not in text:
            problems.append(f"{os.path.relpath(path, ROOT)} has no '{heading}'")
    if problems:
        sys.exit("bench --smoke FAILED:\n  " + "\n  ".join(problems))
    log(f"bench --smoke: every process ran and {os.path.relpath(path, ROOT)} has its tables (speed not checked)")


def rewrite(a):
    """Rewrites RESULTS.md from Benchmarks/data/last-run.json (after editing ANALYSIS.md)."""
    global MACHINE, REV
    raw = json.load(open(a.raw or os.path.join(ROOT, "Benchmarks", "data", "last-run.json")))
    MACHINE = raw["machine"]
    REV = raw.get("rev")
    a.budget, a.pivots, a.seed = raw["budget"], raw["pivots"], raw["seed"]
    sys.argv = [sys.argv[0]] + raw["argv"]
    results = {(n, t): r for n, t, r in raw["results"]}
    estimates = {(n, t, m): v for n, t, m, v in raw["estimates"]}
    estimated_values = {(n, t, m): v for n, t, m, v in raw["estimated_values"]}
    render = {n: (o, d) for n, o, d in raw["render"]}
    started = datetime.datetime.fromisoformat(raw["started"])
    write_results(a, raw["sizes"], raw["tools"], results, estimates, estimated_values, raw["memory"], raw["memory_cmd"],
                  render, tuple(raw["cli"]) if raw["cli"] else None, started, uncertainty=raw.get("uncertainty"), raw=raw)


DEFAULT_SIZES = "1000,10000,100000"
MACHINE = None
REV = None  # the commit a rewritten run was measured at


def machine():
    if MACHINE:
        return MACHINE
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip(); break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"; break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return f"{cpu}, {os.cpu_count()} cores, {mem} RAM, {platform.system()} {platform.release()}; load average at the end {', '.join(f'{x:.2f}' for x in load)}"


def write_results(a, sizes, tools, results, estimates, estimated_values, memory, memory_cmd, render, cli, started,
                  uncertainty=None, raw=None):
    raw = raw or {}
    lines = []
    add = lines.append
    add("# orgnet benchmark results")
    add("")
    how_run = " ".join(sys.argv[1:])
    if "--sizes" not in how_run and sizes != [int(x) for x in DEFAULT_SIZES.split(",")]:
        how_run = (how_run + " " if how_run else "") + f"BENCH_SIZES={','.join(map(str, sizes))}"
    add(f"Written by `Benchmarks/run.sh` ({how_run or 'defaults'}) on "
        f"{started:%Y-%m-%d %H:%M} UTC. Median of the repeats; ratio = orgnet / fastest peer (lower is better).")
    add("")
    add(f"- **Machine**: {machine()}")
    swift = version(["swift", "--version"])
    rev = REV or subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    how = "swift build -c release --static-swift-stdlib --product orgnet" if ".build-bench" in ORGNET else "swift build -c release"
    add(f"- **orgnet**: {rev or 'unknown'} built with `{how}` ({swift})")
    vers = {r["tool"]: r.get("version", "") for r in results.values()}
    add(f"- **Peers**: Python {platform.python_version()}; " + ", ".join(f"{t} {vers.get(t, '?')}" for t in PEERS if t in tools)
        + f"; Graphviz `{version(['dot', '-V'])}`")
    add(f"- **Graphs**: `orgnet generate --nodes N --seed {a.seed}` (N = {', '.join(map(str, sizes))}); DOT for orgnet, "
        "GraphML for the peers (same nodes and ties); budget per call "
        f"{a.budget:.0f} s (calls estimated longer are skipped); sampled betweenness: {a.pivots} sources, seed {a.seed}")
    add("- **Commands**: `orgnet bench FILE.dot --measures ...` and `python Benchmarks/peers.py TOOL FILE.graphml --measures ...` "
        "(one process per tool and size, algorithms timed inside the process); the exact commands of this run are listed at the end.")
    add("")
    verdicts = []
    for n in sizes:
        r0 = results.get((n, tools[0]))
        if not r0:
            continue
        add(f"## {n:,} nodes ({r0['edges']:,} edges)")
        add("")
        add("| measure | " + " | ".join(tools) + " | fastest peer | ratio | target |")
        add("|---" * (len(tools) + 4) + "|")
        for meas in MEASURES + ["load-edgelist"]:
            row, peer_best = [], None
            any_value = False
            for t in tools:
                r = results.get((n, t))
                ts = r["times"].get(meas) if r else None
                if ts:
                    v = statistics.median(ts)
                    any_value = True
                    row.append(fmt(v))
                    if t != "orgnet" and meas != "load-edgelist" and (peer_best is None or v < peer_best[1]):
                        peer_best = (t, v)
                else:
                    row.append(estimates.get((n, t, meas), "n/a" if (t == "rustworkx" and meas == "betweenness-sampled") else "–"))
            if not any_value:
                continue
            o = results.get((n, "orgnet"), {}).get("times", {}).get(meas)
            ratio, target_text = "–", "–"
            target = TARGETS.get(meas)
            vs_estimate = False
            if o and peer_best is None:
                # No peer ran within the budget: compare with the lowest estimate, and say so.
                ests = [(t, v) for (nn, t, mm), v in estimated_values.items() if nn == n and mm == meas and t != "orgnet"]
                if ests:
                    peer_best = min(ests, key=lambda tv: tv[1])
                    vs_estimate = True
            if o and peer_best:
                rv = statistics.median(o) / peer_best[1]
                ratio = f"{rv:.2f}" + (" (vs est.)" if vs_estimate else "")
                if target is not None and (n >= 10_000 or target >= 1.0) and not (meas == "load" and n < max(sizes)):
                    ok = rv <= target
                    target_text = f"≤ {target} {'met' if ok else 'MISSED'}"
                    verdicts.append((f"{meas}, {n:,} nodes" + (" (peer estimated)" if vs_estimate else ""), rv, target, ok))
                elif target is not None:
                    target_text = f"(≤ {target})"
            label = {"load": "load (DOT / GraphML)", "load-edgelist": "load (edge list, networkit)",
                     "betweenness-sampled": f"betweenness, {a.pivots} sampled sources", "sssp": "shortest paths (1 source)",
                     "components": "weak components"}.get(meas, meas)
            add(f"| {label} | " + " | ".join(row) + f" | {peer_best[0] if peer_best else '–'} | {ratio} | {target_text} |")
        add("")
        add("Peak RSS of each process (MiB): " + ", ".join(
            f"{t} {results[(n, t)]['maxrssKiB'] / 1024:.0f}" for t in tools if (n, t) in results))
        add("")
    if memory:
        # The largest size every tool ran (the peers stop at --peer-max-nodes).
        counts = {}
        for n, _, _ in raw.get("memory_by_size") or []:
            counts[n] = counts.get(n, 0) + 1
        nmax = max((n for n, c in counts.items() if c == len(tools)), default=max(sizes))
        add(f"## Peak memory analysing the {nmax:,}-node graph")
        add("")
        add(f"One process per tool: {memory_cmd}. Max RSS (`getrusage`), MiB:")
        add("")
        add("| " + " | ".join(memory) + " | orgnet / networkx | target |")
        add("|---" * (len(memory) + 2) + "|")
        ratio = memory["orgnet"] / memory["networkx"] if "orgnet" in memory and "networkx" in memory else None
        ok = ratio is not None and ratio <= 0.5
        if ratio is not None:
            verdicts.append(("peak memory, 100k graph vs networkx", ratio, 0.5, ok))
        ratio_text = f"{ratio:.2f}" if ratio is not None else "–"
        add("| " + " | ".join(f"{v / 1024:.0f}" for v in memory.values()) + f" | {ratio_text} | ≤ 0.5 {('met' if ok else 'MISSED') if ratio is not None else ''} |")
        add("")
    if render:
        add("## Render overhead (whole process, SVG)")
        add("")
        add("| nodes | `orgnet render F.dot -o F.svg` | `dot -Tsvg F.dot -o F.svg` | ratio | target |")
        add("|---|---|---|---|---|")
        for n, (o, d) in sorted(render.items()):
            rv = o / d
            ok = rv <= 1.05
            verdicts.append((f"render, {n} nodes", rv, 1.05, ok))
            add(f"| {n} | {fmt(o)} | {fmt(d)} | {rv:.2f} | ≤ 1.05 {'met' if ok else 'MISSED'} |")
        add("")
    if cli:
        o, p = cli
        rv = o / p
        ok = rv <= 0.1 and o < 0.05
        verdicts.append(("CLI query on the built-in dataset", rv, 0.1, ok))
        add("## CLI latency on the built-in dataset (whole process)")
        add("")
        add("| `orgnet centrality 1917-10 --measure betweenness` | `python Benchmarks/cli_networkx.py petrograd-1917-10.graphml` | ratio | target |")
        add("|---|---|---|---|")
        add(f"| {fmt(o)} | {fmt(p)} | {rv:.3f} | ≤ 0.1 and < 50 ms: {'met' if ok else 'MISSED'} |")
        add("")
    if uncertainty is not None:
        ok = uncertainty < 2
        verdicts.append(("1,000 samples of October betweenness, seconds", uncertainty, 2, ok))
        add("## Influence under uncertainty (whole process)")
        add("")
        add("| `orgnet centrality 1917-10 --measure betweenness --samples 1000 --seed 1` | target |")
        add("|---|---|")
        add(f"| {fmt(uncertainty)} | < 2 s: {'met' if ok else 'MISSED'} |")
        add("")
    startup = raw.get("startup")
    if startup:
        q, v = startup
        rv = q / v
        ok = rv <= 2.5
        verdicts.append(("CLI query against orgnet --version", rv, 2.5, ok))
        add("## CLI start-up: `orgnet centrality 1917-10 --measure betweenness` against `orgnet --version`")
        add("")
        add("Whole process, medians of 21 runs each: how much of the query is the work, not the start-up.")
        add("")
        add("| query | `orgnet --version` | ratio | target |")
        add("|---|---|---|---|")
        add(f"| {fmt(q)} | {fmt(v)} | {rv:.2f} | ≤ 2.5: {'met' if ok else 'MISSED'} |")
        add("")
    extra = raw.get("extra") or {}
    if extra:
        add("## compare and gallery on the built-in dataset (whole process, ties routed around the bodies)")
        add("")
        add("| command | runs | median |")
        add("|---|---|---|")
        for name, (t, runs, cmd) in extra.items():
            add(f"| `{cmd}` | {runs} | {fmt(t)} |")
        add("")
    scale = {n: v for n, *v in raw.get("scale") or []}
    if scale:
        add(f"## Scale: load, PageRank, components and {SCALE_PIVOTS:,}-pivot betweenness in one orgnet process")
        add("")
        add("Whole-process time and peak RSS (`getrusage`); target at 1,000,000 nodes: under 60 s and 4 GiB together.")
        add("")
        add("| nodes | load | pagerank | components | betweenness, 1,000 sources | whole process | peak RSS | target |")
        add("|---|---|---|---|---|---|---|---|")
        for n, (w, kib, cmd, parts) in sorted(scale.items()):
            target = "–"
            if n == 1_000_000:
                ok = w < 60 and kib < 4 << 20
                target = f"< 60 s and 4 GiB: {'met' if ok else 'MISSED'}"
                verdicts.append(("1M nodes: load+pagerank+components+1,000-pivot betweenness, seconds", w, 60, w < 60))
                verdicts.append(("1M nodes: the same, peak RSS in GiB", kib / (1 << 20), 4, kib < 4 << 20))
            add(f"| {n:,} | " + " | ".join(fmt(parts.get(m)) for m in ["load", "pagerank", "components", "betweenness-sampled"])
                + f" | {fmt(w)} | {kib / 1024:.0f} MiB | {target} |")
        add("")
    mem_rows = {}
    for n, t, v in raw.get("memory_by_size") or []:
        mem_rows.setdefault(n, {})[t] = v
    if len(mem_rows) > 1:
        add("## Peak memory against nodes (MiB, one process per tool and size)")
        add("")
        add(f"{memory_cmd}. Peers only up to their largest size run.")
        add("")
        add("| nodes | " + " | ".join(tools) + " |")
        add("|---" * (len(tools) + 1) + "|")
        for n in sorted(mem_rows):
            add(f"| {n:,} | " + " | ".join(f"{mem_rows[n][t] / 1024:.0f}" if t in mem_rows[n] else "–" for t in tools) + " |")
        add("")
    if not a.smoke and len(sizes) > 1:
        slopes = plot.write_plots(raw or {}, os.path.join(ROOT, "Benchmarks"))
        if slopes:
            add("## How cost grows: fitted log-log slopes (time ∝ nodes^slope)")
            add("")
            add("![time against nodes](scaling.svg)")
            add("")
            add("![peak memory against nodes](memory.svg)")
            add("")
            add(plot.slope_table(slopes))
            add("")
    add("## Targets")
    add("")
    add("| target | ratio | limit | verdict |")
    add("|---|---|---|---|")
    for what, rv, lim, ok in verdicts:
        add(f"| {what} | {rv:.2f} | ≤ {lim} | {'met' if ok else f'**missed** ({rv / lim:.2f}x the limit)'} |")
    add("")
    analysis = os.path.join(ROOT, "Benchmarks", "ANALYSIS.md")
    if os.path.exists(analysis) and not a.smoke:
        add(open(analysis).read().rstrip())
        add("")
    add("## Commands of this run")
    add("")
    add("```")
    for (n, t), r in sorted(results.items()):
        add(r["command"])
    add("```")
    text = "\n".join(lines) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print(text)
    log(f"bench: wrote {os.path.relpath(a.out)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""CLI latency: `orgnet centrality 1917-10 --measure betweenness` against `orgnet --version`.

The query's wall time over the process's own start-up (the target is at most 2.5x, issue 17).
Runs are paired and interleaved (version, query, version, query, ... with the order alternating
pair by pair), so load from other processes on a shared machine falls on both sides alike; the
answer is the median wall time of each command and the median of the per-pair ratios.

    Benchmarks/cli-latency.py [--runs N] [--warmup N] [BINARY ...]      # default .build/release/orgnet
    Benchmarks/cli-latency.py --write BINARY                             # also updates RESULTS.md

With several binaries (e.g. a copy built before a change), each is measured the same way, the
binaries interleaved too. `--write` replaces the "CLI latency" section of Benchmarks/RESULTS.md
(adding it at the end when missing) and leaves the rest of the file as it is.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERY = ["centrality", "1917-10", "--measure", "betweenness"]
VERSION = ["--version"]
SECTION = "## CLI latency"


def wall(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[:400]}")
    return elapsed


def measure(binaries, runs, warmup):
    times = {b: {"version": [], "query": [], "ratio": []} for b in binaries}
    for b in binaries:
        for _ in range(warmup):
            wall([b] + VERSION)
            wall([b] + QUERY)
    for i in range(runs):
        for b in binaries:
            if i % 2 == 0:
                v = wall([b] + VERSION)
                q = wall([b] + QUERY)
            else:
                q = wall([b] + QUERY)
                v = wall([b] + VERSION)
            times[b]["version"].append(v)
            times[b]["query"].append(q)
            times[b]["ratio"].append(q / v)
    return times


def table(times, labels):
    lines = [
        "| binary | `orgnet --version` | `orgnet centrality 1917-10 --measure betweenness` | ratio (median of pairs) | target ≤ 2.5 |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for b, t in times.items():
        v, q, r = (statistics.median(t[k]) for k in ("version", "query", "ratio"))
        lines.append(f"| {labels[b]} | {v * 1000:.1f} ms | {q * 1000:.1f} ms | {r:.2f} | {'met' if r <= 2.5 else '**missed**'} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("binaries", nargs="*", default=[os.path.join(ROOT, ".build/release/orgnet")])
    ap.add_argument("--runs", type=int, default=41, help="pairs per binary (default 41)")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="replace the CLI latency section of Benchmarks/RESULTS.md")
    args = ap.parse_args()
    binaries = [os.path.abspath(b) for b in args.binaries]
    labels = {b: os.path.relpath(b, ROOT) if b.startswith(ROOT) else b for b in binaries}
    times = measure(binaries, args.runs, args.warmup)
    result = table(times, labels)
    print(result)
    if args.write:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        section = "\n".join([
            SECTION,
            "",
            "Whole-process wall time of one query on the built-in dataset against the process start-up",
            f"(`Benchmarks/cli-latency.py --write`: {args.runs} paired, interleaved runs per binary after",
            f"{args.warmup} warm-ups; medians; {platform.machine()}, {os.cpu_count()} cores, load average {load:.1f}",
            "at the start). The built-in datasets are compiled in as Swift values at build time",
            "(docs/design.md §8), so no YAML is parsed at start-up.",
            "",
            result,
            "",
        ])
        path = os.path.join(ROOT, "Benchmarks", "RESULTS.md")
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        start = text.find("\n" + SECTION + "\n")
        head, tail = text, ""
        if start >= 0:
            head, rest = text[:start], text[start + 1:]
            following = rest.find("\n## ", len(SECTION))
            tail = "\n" + rest[following + 1:] if following >= 0 else ""
        head = head.rstrip("\n")
        with open(path + ".tmp", "w", encoding="utf-8") as fh:
            fh.write((head + "\n\n" if head else "") + section + tail)
        os.replace(path + ".tmp", path)
        print(f"wrote the CLI latency section of {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draws how cost grows with the graph: Benchmarks/scaling.svg (time against nodes, log-log, one
panel per measure, one line per tool) and Benchmarks/memory.svg (peak RSS against nodes), with the
least-squares slope of log(time) on log(nodes) per tool and measure (1 = linear, 2 = quadratic).

    python3 Benchmarks/plot.py [RAW.json]     # default Benchmarks/data/last-run.json

Called by bench.py after every full run (and by --rewrite). Plain SVG written directly, no plotting
library: the benchmark venv needs nothing more. Only measured points enter a fit; estimates of
calls over the budget are drawn as hollow circles and left out of it.
"""
import json
import math
import os
import statistics
import sys

MEASURES = [("load", "load"), ("pagerank", "PageRank"), ("betweenness-sampled", "betweenness, 1,000 sampled sources"),
            ("betweenness", "exact betweenness"), ("closeness", "closeness")]
COLOURS = {"orgnet": "#d62728", "networkx": "#1f77b4", "igraph": "#2ca02c", "rustworkx": "#9467bd", "networkit": "#ff7f0e"}
W, H, PAD_L, PAD_B, PAD_T, PAD_R = 330, 260, 52, 40, 26, 26


def fit(points):
    """Slope of log(y) on log(x) by least squares; None with fewer than two sizes."""
    pts = [(math.log10(x), math.log10(y)) for x, y in points if y and y > 0]
    if len({x for x, _ in pts}) < 2:
        return None
    mx, my = statistics.mean(x for x, _ in pts), statistics.mean(y for _, y in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def series(raw):
    """measure -> tool -> ([(n, seconds) measured], [(n, seconds) estimated])."""
    out = {}
    for n, tool, r in raw.get("results", []):
        for m, ts in r.get("times", {}).items():
            if ts:
                out.setdefault(m, {}).setdefault(tool, ([], []))[0].append((n, statistics.median(ts)))
    for n, tool, m, v in raw.get("estimated_values", []):
        out.setdefault(m, {}).setdefault(tool, ([], []))[1].append((n, v))
    return out


def ticks(lo, hi):
    return [10 ** k for k in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]


def label(v, unit):
    if unit == "s":
        return f"{v * 1e3:g} ms" if v < 1 else f"{v:g} s"
    if unit == "MiB":
        return f"{v:g} MiB" if v < 1024 else f"{v / 1024:g} GiB"
    return f"{v:,.0f}" if v >= 1 else f"{v:g}"


def panel(x0, y0, title, data, unit):
    """One log-log panel at (x0, y0): data tool -> (measured, estimated)."""
    allpts = [p for m, e in data.values() for p in m + e if p[1] > 0]
    if not allpts:
        return [], {}
    xs = [p[0] for p in allpts]
    ys = [p[1] for p in allpts]
    xt, yt = ticks(min(xs), max(xs)), ticks(min(ys), max(ys))
    lx0, lx1 = math.log10(xt[0]), math.log10(xt[-1])
    ly0, ly1 = math.log10(yt[0]), math.log10(yt[-1])
    pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def X(v):
        return x0 + PAD_L + (math.log10(v) - lx0) / max(1e-9, lx1 - lx0) * pw

    def Y(v):
        return y0 + PAD_T + ph - (math.log10(v) - ly0) / max(1e-9, ly1 - ly0) * ph

    g = [f'<text x="{x0 + PAD_L}" y="{y0 + 16}" font-weight="bold">{title}</text>',
         f'<rect x="{x0 + PAD_L}" y="{y0 + PAD_T}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>']
    for v in xt:
        g.append(f'<line x1="{X(v):.1f}" y1="{y0 + PAD_T}" x2="{X(v):.1f}" y2="{y0 + PAD_T + ph}" stroke="#eee"/>')
        g.append(f'<text x="{X(v):.1f}" y="{y0 + PAD_T + ph + 14}" text-anchor="middle">{label(v, "n")}</text>')
    for v in yt:
        g.append(f'<line x1="{x0 + PAD_L}" y1="{Y(v):.1f}" x2="{x0 + PAD_L + pw}" y2="{Y(v):.1f}" stroke="#eee"/>')
        g.append(f'<text x="{x0 + PAD_L - 4}" y="{Y(v) + 4:.1f}" text-anchor="end">{label(v, unit)}</text>')
    g.append(f'<text x="{x0 + PAD_L + pw / 2}" y="{y0 + H - 6}" text-anchor="middle">nodes</text>')
    slopes = {}
    for tool, (meas, est) in data.items():
        c = COLOURS.get(tool, "#444")
        pts = sorted(p for p in meas if p[1] > 0)
        if len(pts) > 1:
            g.append(f'<polyline fill="none" stroke="{c}" stroke-width="1.6" points="'
                     + " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in pts) + '"/>')
        for x, y in pts:
            g.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3" fill="{c}"/>')
        for x, y in est:
            if y > 0:
                g.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3" fill="white" stroke="{c}"/>')
        slopes[tool] = fit(pts)
    # Legend with the slopes, top left inside the panel.
    ly = y0 + PAD_T + 12
    for tool, sl in slopes.items():
        g.append(f'<text x="{x0 + PAD_L + 6}" y="{ly}" fill="{COLOURS.get(tool, "#444")}">{tool}'
                 + (f" slope {sl:.2f}" if sl is not None else "") + "</text>")
        ly += 12
    return g, slopes


def svg(width, height, body, caption):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            'font-family="sans-serif" font-size="10">\n'
            f'<rect width="{width}" height="{height}" fill="white"/>\n'
            f'<text x="8" y="{height - 6}" fill="#555">{caption}</text>\n' + "\n".join(body) + "\n</svg>\n")


def write_plots(raw, outdir):
    """Writes scaling.svg and memory.svg into outdir; returns {measure: {tool: slope}}."""
    data = series(raw)
    body, slopes = [], {}
    cols = 3
    shown = [(m, t) for m, t in MEASURES if m in data]
    for i, (m, title) in enumerate(shown):
        g, sl = panel((i % cols) * W, (i // cols) * H, title, data[m], "s")
        body += g
        slopes[m] = sl
    if not shown:
        return {}
    rows = (len(shown) + cols - 1) // cols
    caption = ("Time against nodes, log-log (medians in-process; hollow: estimated, not run). "
               "Benchmarks/plot.py from " + (raw.get("rev") or "?") + ", " + (raw.get("started") or "")[:10])
    with open(os.path.join(outdir, "scaling.svg"), "w") as f:
        f.write(svg(cols * W, rows * H + 20, body, caption))
    mem = {}
    title = "peak memory (load, PageRank, components, BFS, 100-source betweenness)"
    for n, tool, kib in raw.get("memory_by_size", []):
        mem.setdefault(tool, ([], []))[0].append((n, kib / 1024))
    if not mem:  # a run without the memory processes: the peak RSS of each timing process
        title = "peak RSS of each timing process (the measures it ran)"
        for n, tool, r in raw.get("results", []):
            mem.setdefault(tool, ([], []))[0].append((n, r["maxrssKiB"] / 1024))
    if mem:
        g, sl = panel(0, 0, title, mem, "MiB")
        slopes["memory"] = sl
        with open(os.path.join(outdir, "memory.svg"), "w") as f:
            f.write(svg(W + 160, H + 20, g, "Peak RSS against nodes, log-log. Benchmarks/plot.py (" + title.split(" (")[0] + ")"))
    return slopes


def slope_table(slopes):
    """Markdown: one row per measure, one column per tool."""
    tools = [t for t in COLOURS if any(t in s for s in slopes.values())]
    names = dict(MEASURES) | {"memory": "peak memory"}
    lines = ["| measure | " + " | ".join(tools) + " |", "|---" * (len(tools) + 1) + "|"]
    for m, sl in slopes.items():
        lines.append(f"| {names.get(m, m)} | " + " | ".join(
            f"{sl[t]:.2f}" if sl.get(t) is not None else "–" for t in tools) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "data", "last-run.json")
    print(slope_table(write_plots(json.load(open(path)), here)))

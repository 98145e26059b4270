#!/usr/bin/env python3
"""Check orgnet's exports against networkx (and igraph for GraphML).

For every month of each dataset, runs the built `orgnet export` in each format (graphml, json,
csv, gexf, dot), loads the result in networkx (GraphML also in igraph; DOT through pydot,
`nx.nx_pydot.read_dot`), and compares node and edge counts, kinds and roles with
`orgnet info MONTH --format json`. DOT with `--positions` must pin every node (`pos="x,y!"`) and,
when Graphviz's `neato` is on PATH, `neato -n` must keep those positions. The whole-timeline GEXF is also
checked month by month through its spells. Prints `N passed, N failed`; exits 1 on any failure.

Usage:
  python3 scripts/interchange/check.py                  # Graphs/sample and Graphs/petrograd-1917 (when present)
  python3 scripts/interchange/check.py Graphs/sample    # given datasets only
  python3 scripts/interchange/check.py --no-build       # use the binary already built

The first run creates .venv-interchange/ (gitignored) and installs requirements.txt into it.
"""
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(ROOT, ".venv-interchange")


def ensure_venv():
    """Re-run this script inside .venv-interchange with the pinned requirements installed,
    reinstalled whenever requirements.txt changes (scripts/golden/generate.py's ensure_venv, the
    one venv bootstrap of the scripts)."""
    from pathlib import Path
    sys.path.insert(0, os.path.join(ROOT, "scripts", "golden"))
    import generate

    generate.ensure_venv(Path(__file__).resolve(), Path(VENV), Path(HERE) / "requirements.txt")


ensure_venv()

import igraph  # noqa: E402
import networkx as nx  # noqa: E402

passed = 0
failed = 0


def check(ok, label, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {label}" + (f": {detail}" if detail else ""), flush=True)


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def counter(values):
    return dict(collections.Counter(v for v in values if v is not None))


def check_month(binary, data, month, info, tmp):
    label = f"{os.path.basename(data.rstrip('/'))} {month}"
    want_nodes, want_edges = info["organizations"], info["ties"]
    want_kinds = {k["name"]: k["count"] for k in info["kinds"]}
    want_roles = {r["name"]: r["count"] for r in info["roles"]}

    # GraphML in networkx and igraph.
    path = os.path.join(tmp, f"{month}.graphml")
    run(binary, "export", month, "-T", "graphml", "--data", data, "-o", path)
    G = nx.read_graphml(path)
    check(G.is_directed(), f"{label} graphml directed")
    check(G.number_of_nodes() == want_nodes, f"{label} graphml nodes", f"{G.number_of_nodes()} != {want_nodes}")
    check(G.number_of_edges() == want_edges, f"{label} graphml edges", f"{G.number_of_edges()} != {want_edges}")
    check(counter(d.get("kind") for _, d in G.nodes(data=True)) == want_kinds, f"{label} graphml kinds")
    check(counter(d.get("role") for *_, d in G.edges(data=True)) == want_roles, f"{label} graphml roles")
    check(all(isinstance(d.get("weight", 0.0), float) for *_, d in G.edges(data=True)), f"{label} graphml weight is double")
    check(all(isinstance(d.get("influence"), bool) for *_, d in G.edges(data=True)), f"{label} graphml influence is boolean")
    check(all(d.get("status") in ("seed", "external", "assumption") for _, d in G.nodes(data=True)), f"{label} graphml status")
    g = igraph.Graph.Read_GraphML(path)
    check(g.is_directed() and g.vcount() == want_nodes and g.ecount() == want_edges, f"{label} igraph counts",
          f"{g.vcount()}/{g.ecount()} != {want_nodes}/{want_edges}")
    check(counter(g.es["role"] if g.ecount() else []) == want_roles, f"{label} igraph roles")
    check(sorted(g.vs["id"]) == sorted(G.nodes), f"{label} igraph ids")

    # node-link JSON, read with networkx's defaults (edges="edges").
    path = os.path.join(tmp, f"{month}.json")
    run(binary, "export", month, "-T", "json", "--data", data, "-o", path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    H = nx.node_link_graph(doc)
    check(H.is_directed(), f"{label} json directed")
    check(H.number_of_nodes() == want_nodes, f"{label} json nodes", f"{H.number_of_nodes()} != {want_nodes}")
    check(H.number_of_edges() == want_edges, f"{label} json edges", f"{H.number_of_edges()} != {want_edges}")
    check(counter(d.get("role") for *_, d in H.edges(data=True)) == want_roles, f"{label} json roles")
    check(doc["graph"].get("month") == month, f"{label} json month")

    # CSV tables, read with the csv module (pandas reads them the same way).
    folder = os.path.join(tmp, f"{month}-csv")
    run(binary, "export", month, "-T", "csv", "--data", data, "-o", folder)
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(folder, "ties.csv"), newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    check(len(nodes) == want_nodes, f"{label} csv nodes", f"{len(nodes)} != {want_nodes}")
    check(len(ties) == want_edges, f"{label} csv ties", f"{len(ties)} != {want_edges}")
    check(counter(r["kind"] for r in nodes) == want_kinds, f"{label} csv kinds")
    check(counter(r["role"] for r in ties) == want_roles, f"{label} csv roles")

    # GEXF of that month.
    path = os.path.join(tmp, f"{month}.gexf")
    run(binary, "export", month, "-T", "gexf", "--data", data, "-o", path)
    X = nx.read_gexf(path)
    check(X.number_of_nodes() == want_nodes, f"{label} gexf nodes", f"{X.number_of_nodes()} != {want_nodes}")
    check(X.number_of_edges() == want_edges, f"{label} gexf edges", f"{X.number_of_edges()} != {want_edges}")

    check_dot(binary, data, month, label, want_nodes, want_edges, want_roles, doc, tmp)


def unquote(v):
    return v[1:-1] if isinstance(v, str) and len(v) >= 2 and v[0] == v[-1] == '"' else v


def read_dot(path):
    """nx_pydot.read_dot with pydot's quotes taken off attribute names and values
    (orgnet's DOT quotes every id and value, and pydot keeps the quotes)."""
    G = nx.nx_pydot.read_dot(path)
    for _, d in G.nodes(data=True):
        clean = {unquote(k): unquote(v) for k, v in d.items()}
        d.clear()
        d.update(clean)
    for *_, d in G.edges(data=True):
        clean = {unquote(k): unquote(v) for k, v in d.items()}
        d.clear()
        d.update(clean)
    return G


def check_dot(binary, data, month, label, want_nodes, want_edges, want_roles, doc, tmp):
    """The picture's DOT through pydot: same organizations and ties (authority ties are written
    upwards with dir=back, so read back they point the tie's way) and roles from the edge classes."""
    path = os.path.join(tmp, f"{month}.dot")
    run(binary, "export", month, "-T", "dot", "--data", data, "-o", path)
    D = read_dot(path)
    check(D.is_directed(), f"{label} dot directed")
    check(D.number_of_nodes() == want_nodes, f"{label} dot nodes", f"{D.number_of_nodes()} != {want_nodes}")
    check(D.number_of_edges() == want_edges, f"{label} dot edges", f"{D.number_of_edges()} != {want_edges}")
    roles = [next((c[5:] for c in unquote(d.get("class", "")).split() if c.startswith("role-")), None)
             for *_, d in D.edges(data=True)]
    check(counter(roles) == want_roles, f"{label} dot roles", f"{counter(roles)} != {want_roles}")
    pairs = sorted((v, u) if unquote(d.get("dir")) == "back" else (u, v) for u, v, d in D.edges(data=True))
    json_pairs = sorted((e["source"], e["target"]) for e in doc["edges"])
    check(pairs == json_pairs, f"{label} dot ties match json")

    path = os.path.join(tmp, f"{month}-pos.dot")
    run(binary, "export", month, "-T", "dot", "--positions", "--data", data, "-o", path)
    P = read_dot(path)
    pins = {n: unquote(d.get("pos", "")) for n, d in P.nodes(data=True)}
    check(len(pins) == want_nodes and all(p.endswith("!") for p in pins.values()), f"{label} dot --positions pins every node")
    if shutil.which("neato"):
        # Graphviz's JSON (pydot loses the attributes of nodes declared inside clusters).
        out = subprocess.run(["neato", "-n", "-Tjson", path], check=True, capture_output=True, text=True).stdout
        laid = {o["name"]: o.get("pos", "") for o in json.loads(out).get("objects", []) if "nodes" not in o}

        def xy(p):
            try:
                return tuple(round(float(c), 1) for c in p.rstrip("!").split(",")[:2])
            except ValueError:
                return None
        moved = [n for n, p in pins.items() if xy(laid.get(n, "")) != xy(p)]
        check(not moved, f"{label} neato -n keeps the positions", f"moved: {moved[:5]}")


def alive(spells, day):
    if not spells:
        return True
    for start, end in spells:
        if (start in (None, "None") or start <= day) and (end in (None, "None") or day <= end):
            return True
    return False


def check_timeline_gexf(binary, data, months, infos, tmp):
    name = os.path.basename(data.rstrip("/"))
    path = os.path.join(tmp, "timeline.gexf")
    run(binary, "export", "-T", "gexf", "--data", data, "-o", path)
    X = nx.read_gexf(path)
    check(X.graph.get("mode") == "dynamic", f"{name} gexf mode dynamic")
    for month in months:
        day = month + "-15"
        nodes = {n for n, d in X.nodes(data=True) if alive(d.get("spells"), day)}
        edges = [(u, v) for u, v, d in X.edges(data=True)
                 if alive(d.get("spells"), day) and u in nodes and v in nodes]
        info = infos[month]
        check(len(nodes) == info["organizations"], f"{name} {month} gexf timeline nodes", f"{len(nodes)} != {info['organizations']}")
        check(len(edges) == info["ties"], f"{name} {month} gexf timeline edges", f"{len(edges)} != {info['ties']}")
    path = os.path.join(tmp, "timeline.json")
    run(binary, "export", "--all", "-T", "json", "--data", data, "-o", path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    J = nx.node_link_graph(doc)
    check(J.number_of_nodes() == X.number_of_nodes(), f"{name} json --all nodes", f"{J.number_of_nodes()} != {X.number_of_nodes()}")
    check(J.number_of_edges() == X.number_of_edges(), f"{name} json --all edges", f"{J.number_of_edges()} != {X.number_of_edges()}")
    check(doc["graph"]["months"] == months, f"{name} json --all months")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--no-build" not in sys.argv:
        subprocess.check_call(["swift", "build", "--product", "orgnet"], cwd=ROOT)
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    binary = os.path.join(bin_dir, "orgnet")
    datasets = args or [p for p in (os.path.join(ROOT, "Graphs", "sample"), os.path.join(ROOT, "Graphs", "petrograd-1917"))
                        if os.path.exists(os.path.join(p, "dataset.yaml"))]
    for data in datasets:
        months = json.loads(run(binary, "months", "--data", data, "--format", "json"))["months"]
        infos = {}
        with tempfile.TemporaryDirectory(prefix="orgnet-check-") as tmp:
            for month in months:
                infos[month] = json.loads(run(binary, "info", month, "--data", data, "--format", "json"))
                try:
                    check_month(binary, data, month, infos[month], tmp)
                except Exception as e:  # a crash or an unreadable export is a failure, not an abort
                    check(False, f"{data} {month}", repr(e))
            try:
                check_timeline_gexf(binary, data, months, infos, tmp)
            except Exception as e:
                check(False, f"{data} timeline", repr(e))
        print(f"{os.path.basename(data.rstrip('/'))}: {len(months)} months checked", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

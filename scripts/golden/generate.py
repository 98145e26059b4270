#!/usr/bin/env python3
"""Regenerate GraphKit's golden files from networkx.

One command:  python3 scripts/golden/generate.py [--output DIR]

Creates `.venv-golden/` at the repository root on first run (ignored by git), installs the pinned
`requirements.txt` into it, re-executes itself inside the venv, then for every
`Tests/GraphKitTests/Golden/graphs/<name>.json` writes `Tests/GraphKitTests/Golden/expected/<name>.json`
(or `DIR/<name>.json` with `--output DIR`: CI regenerates into a scratch folder and compares it with
the committed files by value, `compare.py`, since BLAS kernels differ in the last bits per CPU).
The input format is documented in `Tests/GraphKitTests/Golden/README.md`.

All per-node results are arrays in the order of the input's "nodes" list; nodes are referred to by
their INDEX in that list everywhere in the expected files.
"""
import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-golden"
REQS = Path(__file__).resolve().parent / "requirements.txt"
GOLDEN = ROOT / "Tests" / "GraphKitTests" / "Golden"
LOUVAIN_SEEDS = [1, 2, 3, 4, 5, 42]


def ensure_venv(script=__file__, venv=VENV, reqs=REQS):
    """Re-exec `script` inside `venv` (.venv-golden) with the pinned `reqs` installed.

    The sibling scripts (corpus.py, corpus_igraph.py) call it with their own path (and venv)."""
    py = venv / "bin" / "python3"
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    if not py.exists():
        print(f"creating {venv}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
    stamp = venv / ".requirements-installed"
    if not stamp.exists() or stamp.read_text() != reqs.read_text():
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-r", str(reqs)])
        stamp.write_text(reqs.read_text())
    os.execv(str(py), [str(py), str(script), *sys.argv[1:]])


def load(path):
    import networkx as nx

    spec = json.loads(path.read_text())
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    ids = spec["nodes"]
    index = {}
    for i, v in enumerate(ids):
        key = json.dumps(v)
        if key in index:
            raise SystemExit(f"{path.name}: duplicate node id {v!r}")
        index[key] = i
    G.add_nodes_from(range(len(ids)))
    for e in spec["edges"]:
        u, v = index[json.dumps(e[0])], index[json.dumps(e[1])]
        w = float(e[2]) if len(e) > 2 else 1.0
        # networkx keeps the attribute dict of the first insertion and updates it: last weight wins.
        G.add_edge(u, v, weight=w)
    return G


def arr(d, n):
    return [float(d[i]) for i in range(n)]


def guarded(f):
    import networkx as nx

    try:
        return f()
    except nx.PowerIterationFailedConvergence:
        return {"error": "failedToConverge"}


def dist_list(d, n):
    return [float(d[i]) if i in d else None for i in range(n)]


def expected_for(G):
    import networkx as nx
    import numpy as np

    n = len(G)
    directed = G.is_directed()
    weighted = any(d["weight"] != 1.0 for _, _, d in G.edges(data=True))
    out = {"networkx": nx.__version__, "nodeCount": n, "directed": directed, "edgeCount": G.number_of_edges()}
    out["edges"] = sorted([[u, v, d["weight"]] if directed else [min(u, v), max(u, v), d["weight"]]
                           for u, v, d in G.edges(data=True)])

    out["degree"] = arr(dict(G.degree()), n)
    out["degree_weighted"] = arr(dict(G.degree(weight="weight")), n)
    out["degree_centrality"] = arr(nx.degree_centrality(G), n)
    if directed:
        out["in_degree"] = arr(dict(G.in_degree()), n)
        out["out_degree"] = arr(dict(G.out_degree()), n)
        out["in_degree_centrality"] = arr(nx.in_degree_centrality(G), n)
        out["out_degree_centrality"] = arr(nx.out_degree_centrality(G), n)

    bc = nx.betweenness_centrality
    out["betweenness"] = {
        "normalized": arr(bc(G), n),
        "unnormalized": arr(bc(G, normalized=False), n),
        "weighted": arr(bc(G, weight="weight"), n),
        "endpoints": arr(bc(G, endpoints=True), n),
        "endpoints_unnormalized": arr(bc(G, endpoints=True, normalized=False), n),
    }
    if n >= 4:
        import random

        k = max(2, n // 3)
        sources = random.Random(7).sample(list(G.nodes()), k)  # what py_random_state(7) draws
        out["betweenness"]["sampled"] = {
            "sources": sources,
            "normalized": arr(bc(G, k=k, seed=7), n),
            "unnormalized": arr(bc(G, k=k, seed=7, normalized=False), n),
            "endpoints": arr(bc(G, k=k, seed=7, endpoints=True), n),
        }
    def ebc(**kw):
        r = nx.edge_betweenness_centrality(G, **kw)
        return sorted([[u, v, float(x)] if directed else [min(u, v), max(u, v), float(x)] for (u, v), x in r.items()])
    out["edge_betweenness"] = {"normalized": ebc(), "unnormalized": ebc(normalized=False), "weighted": ebc(weight="weight")}

    out["closeness"] = arr(nx.closeness_centrality(G), n)
    out["closeness_no_wf"] = arr(nx.closeness_centrality(G, wf_improved=False), n)
    out["closeness_weighted"] = arr(nx.closeness_centrality(G, distance="weight"), n)
    out["harmonic"] = arr(nx.harmonic_centrality(G), n)
    out["harmonic_weighted"] = arr(nx.harmonic_centrality(G, distance="weight"), n)

    out["pagerank"] = guarded(lambda: arr(nx.pagerank(G), n))
    out["pagerank_unweighted"] = guarded(lambda: arr(nx.pagerank(G, weight=None), n))
    pers = [float((i % 3) + 1) if i % 4 else 0.0 for i in range(n)]
    out["pagerank_personalized"] = {
        "personalization": pers,
        "values": guarded(lambda: arr(nx.pagerank(G, personalization={i: pers[i] for i in range(n)}), n)),
    }
    out["eigenvector"] = guarded(lambda: arr(nx.eigenvector_centrality(G), n))
    out["eigenvector_weighted"] = guarded(lambda: arr(nx.eigenvector_centrality(G, weight="weight"), n))
    out["katz"] = guarded(lambda: arr(nx.katz_centrality(G), n))
    out["katz_weighted"] = guarded(lambda: arr(nx.katz_centrality(G, weight="weight", alpha=0.05), n))

    # HITS: only comparable when the top singular value of A is simple.
    A = nx.to_numpy_array(G, nodelist=range(n), weight="weight")
    s = np.linalg.svd(A, compute_uv=False)
    unique = bool(len(s) > 1 and s[0] > 0 and (s[0] - s[1]) > 1e-3 * s[0])
    # A fixed ARPACK start vector keeps the output byte-for-byte reproducible across runs.
    start = {v: 1.0 for v in range(n)}
    hubs, auth = nx.hits(G, max_iter=10000, tol=1e-12, nstart=start) if unique else ({}, {})
    out["hits"] = {"unique": unique, "hubs": arr(hubs, n) if unique else [], "authorities": arr(auth, n) if unique else []}

    src = max(range(n), key=lambda v: (G.out_degree(v) if directed else G.degree(v), -v))
    order = list(nx.bfs_tree(G, src))
    sink = order[-1] if len(order) > 1 else None
    out["pair"] = {"source": src, "sink": sink}
    out["shortest_paths"] = [
        {"source": s_, "lengths": dist_list(nx.single_source_shortest_path_length(G, s_), n),
         "weighted_lengths": dist_list(nx.single_source_dijkstra_path_length(G, s_), n),
         "descendants": sorted(nx.descendants(G, s_)), "ancestors": sorted(nx.ancestors(G, s_))}
        for s_ in sorted({0, src, n - 1})
    ]
    if sink is not None:
        # Keep the enumeration small on big graphs (e.g. whole-city months): shrink the cutoff
        # until at most MAX_PATHS paths remain.
        import itertools
        MAX_PATHS = 5000
        base = nx.shortest_path_length(G, src, sink)
        for cutoff in (base + 2, base + 1, base):
            paths = list(itertools.islice(nx.all_simple_paths(G, src, sink, cutoff=cutoff), MAX_PATHS + 1))
            if len(paths) <= MAX_PATHS:
                break
        paths = sorted(paths)
        out["simple_paths"] = {"cutoff": cutoff, "paths": paths}
        def yen(weight):
            res = []
            for p in nx.shortest_simple_paths(G, src, sink, weight=weight):
                res.append(float(nx.path_weight(G, p, "weight")) if weight else float(len(p) - 1))
                if len(res) == 6:
                    break
            return res
        out["k_shortest"] = {"k": 6, "lengths": yen(None), "weighted_lengths": yen("weight")}
        H = G.copy()
        for u, v, d in H.edges(data=True):
            d["capacity"] = d["weight"]
        value, (S, T) = nx.minimum_cut(H, src, sink)
        out["max_flow"] = {"value": float(value), "source_side": sorted(S)}

    out["weak_components"] = sorted(sorted(c) for c in (nx.weakly_connected_components(G) if directed else nx.connected_components(G)))
    out["strong_components"] = sorted(sorted(c) for c in (nx.strongly_connected_components(G) if directed else nx.connected_components(G)))
    U = G.to_undirected()
    out["articulation_points"] = sorted(nx.articulation_points(U))
    out["bridges"] = sorted(sorted(e) for e in nx.bridges(U))

    if G.number_of_edges() > 0:
        mods = []
        for seed in LOUVAIN_SEEDS:
            part = nx.community.louvain_communities(G, seed=seed)
            mods.append((nx.community.modularity(G, part), sorted(sorted(c) for c in part)))
        best = max(mods)
        out["louvain"] = {"seeds": LOUVAIN_SEEDS, "modularities": [m for m, _ in mods],
                          "best_partition": best[1], "best_modularity": best[0]}
        comps = out["weak_components"]
        out["modularity_components"] = {"partition": comps, "value": nx.community.modularity(G, comps),
                                        "resolution_0_5": nx.community.modularity(G, comps, resolution=0.5)}
    return out


def main():
    ensure_venv()
    graphs = sorted((GOLDEN / "graphs").glob("*.json"))
    if not graphs:
        raise SystemExit("no graphs in " + str(GOLDEN / "graphs"))
    out_dir = GOLDEN / "expected"
    if "--output" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--output") + 1]).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in graphs:
        G = load(path)
        data = expected_for(G)
        data["name"] = path.stem
        target = out_dir / path.name
        target.write_text(json.dumps(data, indent=1, sort_keys=True, allow_nan=False) + "\n")
        print(f"{path.name}: {len(G)} nodes, {G.number_of_edges()} edges -> {target}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times one peer library on one graph, inside its own process (no interpreter start-up counted).

    peers.py TOOL GRAPHML --measures load:5,pagerank:5,betweenness:1 [--pivots 1000 --seed 1]

TOOL is networkx, igraph, rustworkx or networkit. Every tool reads the same GraphML file written
by `orgnet generate` (nodes u0..u{n-1} in index order, directed). Prints one JSON object:
{"tool", "file", "nodes", "edges", "times": {measure: [seconds...]}, "checks", "maxrssKiB", ...}.

Measures and the calls timed (time.perf_counter around the call only):
  load                 networkx read_graphml; igraph Graph.Read_GraphML; rustworkx read_graphml;
                       networkit graphio.GraphMLReader
  load-edgelist        networkit only: graphio.EdgeListReader on the edge list beside the GraphML
  betweenness          exact, all sources, normalized
  betweenness-sampled  --pivots sources: networkx k=, igraph sources=, networkit EstimateBetweenness
                       (rustworkx has no sampled betweenness)
  closeness            networkx/rustworkx: distances TO the node, Wasserman-Faust; igraph mode="in";
                       networkit GENERALIZED (distances FROM the node)
  pagerank             alpha 0.85; networkx/rustworkx tol 1e-6 (networkx's rule); igraph PRPACK
                       (exact solve); networkit tol 1e-6 (its own L2 rule)
  components           weakly connected components
  sssp                 unweighted single-source shortest path lengths from the last node u{n-1}
"""
import argparse
import json
import os
import resource
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("graphml")
    ap.add_argument("--measures", default="load")
    ap.add_argument("--pivots", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    wanted = []
    for item in a.measures.split(","):
        name, _, rep = item.partition(":")
        wanted.append((name.strip(), int(rep) if rep else 1))

    tool = a.tool
    path = a.graphml
    edgelist = os.path.splitext(path)[0] + ".edges"
    version = ""
    if tool == "networkx":
        import networkx as nx
        version = nx.__version__
        load = lambda: nx.read_graphml(path)
    elif tool == "igraph":
        import igraph as ig
        version = ig.__version__
        load = lambda: ig.Graph.Read_GraphML(path)
    elif tool == "rustworkx":
        import rustworkx as rx
        version = rx.__version__
        load = lambda: rx.read_graphml(path)[0]
    elif tool == "networkit":
        import networkit as nk
        version = nk.__version__
        nk.engineering.setLogLevel("ERROR") if hasattr(nk, "engineering") else None
        load = lambda: nk.graphio.GraphMLReader().read(path)
    else:
        sys.exit(f"unknown tool {tool}")

    G = load()
    if tool == "networkx":
        n, m = G.number_of_nodes(), G.number_of_edges()
        last = f"u{n - 1}"
    elif tool == "igraph":
        n, m = G.vcount(), G.ecount()
        last = n - 1
    elif tool == "rustworkx":
        n, m = G.num_nodes(), G.num_edges()
        last = n - 1
    else:
        n, m = G.numberOfNodes(), G.numberOfEdges()
        last = n - 1
    k = min(a.pivots, n)

    def run(measure):
        nonlocal G
        if measure == "load":
            G = load(); return None
        if tool == "networkx":
            if measure == "betweenness": return max(nx.betweenness_centrality(G).values())
            if measure == "betweenness-sampled": return max(nx.betweenness_centrality(G, k=k, seed=a.seed).values())
            if measure == "closeness": return max(nx.closeness_centrality(G).values())
            if measure == "pagerank": return max(nx.pagerank(G).values())
            if measure == "components": return len(list(nx.weakly_connected_components(G)))
            if measure == "sssp": return len(nx.single_source_shortest_path_length(G, last))
        if tool == "igraph":
            if measure == "betweenness": return max(G.betweenness(directed=True))
            if measure == "betweenness-sampled":
                import random
                src = random.Random(a.seed).sample(range(n), k)
                return max(G.betweenness(directed=True, sources=src))
            if measure == "closeness": return max(G.closeness(mode="in"))
            if measure == "pagerank": return max(G.pagerank())
            if measure == "components": return len(G.connected_components(mode="weak"))
            if measure == "sssp": return sum(1 for d in G.distances(source=last, mode="out")[0] if d != float("inf"))
        if tool == "rustworkx":
            if measure == "betweenness": return max(rx.digraph_betweenness_centrality(G).values())
            if measure == "betweenness-sampled": raise NotImplementedError
            if measure == "closeness": return max(rx.closeness_centrality(G).values())
            if measure == "pagerank": return max(rx.pagerank(G).values())
            if measure == "components": return len(rx.weakly_connected_components(G))
            if measure == "sssp": return sum(len(layer) for layer in rx.bfs_layers(G, [last]))
        if tool == "networkit":
            if measure == "load-edgelist":
                G = nk.graphio.EdgeListReader(" ", 0, "#", directed=True).read(edgelist); return None
            if measure == "betweenness":
                b = nk.centrality.Betweenness(G, normalized=True); b.run(); return max(b.scores())
            if measure == "betweenness-sampled":
                b = nk.centrality.EstimateBetweenness(G, k, normalized=True, parallel=True); b.run(); return max(b.scores())
            if measure == "closeness":
                c = nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.GENERALIZED); c.run(); return max(c.scores())
            if measure == "pagerank":
                p = nk.centrality.PageRank(G, 0.85, 1e-6); p.run(); return max(p.scores())
            if measure == "components":
                c = nk.components.WeaklyConnectedComponents(G); c.run(); return c.numberOfComponents()
            if measure == "sssp":
                b = nk.distance.BFS(G, last, False); b.run(); return sum(1 for d in b.getDistances() if d < 1e300)
        raise NotImplementedError

    times, checks, missing = {}, {}, []
    for measure, reps in wanted:
        ts = []
        try:
            for r in range(reps):
                if measure.startswith("load"):
                    G = None  # release the previous graph outside the timing, as orgnet bench does
                t0 = time.perf_counter()
                v = run(measure)
                ts.append(time.perf_counter() - t0)
        except NotImplementedError:
            missing.append(measure); continue
        times[measure] = ts
        if v is not None:
            checks[measure] = float(v)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tool": tool, "version": version, "file": path, "nodes": n, "edges": m, "times": times,
                      "checks": checks, "missing": missing, "maxrssKiB": rss, "cores": os.cpu_count()}))


if __name__ == "__main__":
    main()

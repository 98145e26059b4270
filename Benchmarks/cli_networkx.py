#!/usr/bin/env python3
"""The Python + networkx twin of `orgnet centrality 1917-10 --measure betweenness`.

Reads the month exported by `orgnet export 1917-10 -T graphml`, keeps the delegation and
authority ties (parallel ties collapse, as in orgnet), and prints every organization ranked by
normalized betweenness, highest first. Timed whole-process by Benchmarks/bench.py (interpreter
start-up and `import networkx` included, as a user of such a script pays them).
"""
import sys

import networkx as nx

G = nx.read_graphml(sys.argv[1])
H = nx.DiGraph()
H.add_nodes_from(G.nodes)
for u, v, d in G.edges(data=True):
    if d.get("role") in ("delegation", "authority"):
        H.add_edge(u, v)
bc = nx.betweenness_centrality(H)
print("betweenness")
for rank, (node, score) in enumerate(sorted(bc.items(), key=lambda kv: (-kv[1], kv[0])), 1):
    print(f"{rank:>3}  {G.nodes[node].get('name', node)}  {node}  {score:.6f}")

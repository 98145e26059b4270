#!/usr/bin/env python3
"""Writes GraphKit's hand-made golden INPUT graphs (run once; outputs are committed).
Uses only the standard library. Other inputs (e.g. Petrograd months) are dropped in by hand."""
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "Tests" / "GraphKitTests" / "Golden" / "graphs"


def write(name, directed, nodes, edges, comment):
    OUT.mkdir(parents=True, exist_ok=True)
    doc = {"comment": comment, "directed": directed, "nodes": nodes, "edges": edges}
    (OUT / f"{name}.json").write_text(json.dumps(doc, indent=1) + "\n")


write("directed_small", True, list(range(8)),
      [[0, 1], [0, 2], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [4, 6], [6, 7], [1, 6]],
      "small directed graph: one 3-cycle, one 3-cycle downstream, a tail")

# Zachary's karate club (1977), 34 nodes, 78 edges, undirected.
karate = [(0,1),(0,2),(0,3),(0,4),(0,5),(0,6),(0,7),(0,8),(0,10),(0,11),(0,12),(0,13),(0,17),(0,19),(0,21),(0,31),
          (1,2),(1,3),(1,7),(1,13),(1,17),(1,19),(1,21),(1,30),(2,3),(2,7),(2,8),(2,9),(2,13),(2,27),(2,28),(2,32),
          (3,7),(3,12),(3,13),(4,6),(4,10),(5,6),(5,10),(5,16),(6,16),(8,30),(8,32),(8,33),(9,33),(13,33),(14,32),
          (14,33),(15,32),(15,33),(18,32),(18,33),(19,33),(20,32),(20,33),(22,32),(22,33),(23,25),(23,27),(23,29),
          (23,32),(23,33),(24,25),(24,27),(24,31),(25,31),(26,29),(26,33),(27,33),(28,31),(28,33),(29,32),(29,33),
          (30,32),(30,33),(31,32),(31,33),(32,33)]
write("karate_undirected", False, list(range(34)), [list(e) for e in karate],
      "Zachary karate club, undirected, unweighted")

rng = random.Random(11)
wd = []
for u in range(12):
    for v in range(12):
        if u != v and rng.random() < 0.22:
            wd.append([f"n{u}", f"n{v}", rng.choice([1, 2, 3, 4, 5, 0.5, 1.5])])
write("weighted_directed", True, [f"n{i}" for i in range(12)], wd,
      "random directed graph with weights in {0.5,...,5} (exactly representable, so ties are exact)")

write("disconnected_undirected", False, list(range(11)),
      [[0, 1, 2], [1, 2, 1], [2, 0, 1], [2, 3, 3], [3, 4, 1], [5, 6, 1], [6, 7, 2], [7, 8, 1], [8, 5, 1], [5, 7, 1]],
      "two weighted components and isolated nodes 9 and 10")

write("self_loops_directed", True, ["a", "b", "c", "d", "e", "f"],
      [["a", "a", 2], ["a", "b"], ["b", "c"], ["c", "c"], ["c", "a"], ["c", "d", 3], ["d", "e"], ["e", "e", 4],
       ["e", "f"], ["f", "d"]],
      "directed graph with self-loops (a self-loop adds 1 to in- and out-degree)")

write("parallel_edges_undirected", False, list(range(7)),
      [[0, 1, 5], [1, 0, 2], [0, 1, 3], [1, 2], [2, 3, 4], [3, 2, 1], [3, 4], [4, 5, 2], [4, 5, 2], [5, 6],
       [6, 3, 7], [3, 6, 2], [1, 1, 1], [1, 1, 3]],
      "undirected graph listing some edges several times, in both orientations; the last weight wins")

write("parallel_edges_directed", True, list(range(5)),
      [[0, 1, 4], [0, 1, 1], [1, 0, 2], [1, 2, 2], [1, 2, 6], [2, 3], [3, 4, 2], [4, 0], [3, 4, 1]],
      "directed graph with repeated arcs; u->v and v->u stay distinct; the last weight wins")

# Synthetic federation: a hierarchy of councils. Units delegate up (weight = delegates), the
# council above holds authority down, and a few cross liaisons link peers.
rng = random.Random(1917)
nodes, edges = ["central"], []
levels = [["central"]]
for depth, fan in enumerate([4, 4, 0]):
    nxt = []
    for parent in levels[-1]:
        for c in range(fan if depth < 2 else rng.choice([2, 3])):
            name = f"{parent}.{c}" if parent != "central" else f"district{c}"
            nodes.append(name)
            nxt.append(name)
            edges.append([name, parent, rng.choice([1, 2, 3, 5])])  # delegation up
            if rng.random() < 0.7:
                edges.append([parent, name, 1])  # authority down
    levels.append(nxt)
for _ in range(10):
    a, b = rng.sample(nodes[1:], 2)
    edges.append([a, b, 1])
write("federation_synthetic", True, nodes, edges,
      f"synthetic federation of {len(nodes)} councils: delegation up, authority down, 10 cross liaisons")
print(len(nodes), "federation nodes")

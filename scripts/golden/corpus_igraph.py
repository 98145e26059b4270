#!/usr/bin/env python3
"""Writes the igraph-made corpus file Tests/Corpus/external/igraph-directed.graphml with igraph itself.

    python3 scripts/golden/corpus_igraph.py

Creates `.venv-igraph/` (ignored by git) with the pinned scripts/golden/igraph-requirements.txt and
re-executes inside it. The graph is a seeded directed Erdos-Renyi graph with a `name` per vertex and
an integer `weight` per edge, saved with igraph's own `write_graphml` (the file an igraph user brings).
networkx's answers for it come from corpus.py like every other corpus file.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the venv re-exec, here with igraph's own venv)

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-igraph"
REQS = Path(__file__).resolve().parent / "igraph-requirements.txt"
TARGET = ROOT / "Tests" / "Corpus" / "external" / "igraph-directed.graphml"


def main():
    generate.ensure_venv(Path(__file__).resolve(), VENV, REQS)
    import random

    import igraph as ig

    random.seed(11)
    g = ig.Graph.Erdos_Renyi(n=30, m=75, directed=True, loops=False)
    g.vs["name"] = [f"v{i:02d}" for i in range(g.vcount())]
    g.es["weight"] = [1 + (i * 7) % 4 for i in range(g.ecount())]
    g.write_graphml(str(TARGET))
    print(f"{TARGET}: {g.vcount()} vertices, {g.ecount()} edges (igraph {ig.__version__})")


if __name__ == "__main__":
    main()

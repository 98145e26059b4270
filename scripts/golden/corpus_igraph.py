#!/usr/bin/env python3
"""Writes the igraph-made corpus file Tests/Corpus/external/igraph-directed.graphml with igraph itself.

    python3 scripts/golden/corpus_igraph.py

Creates `.venv-igraph/` (ignored by git) with the pinned scripts/golden/igraph-requirements.txt and
re-executes inside it. The graph is a seeded directed Erdos-Renyi graph with a `name` per vertex and
an integer `weight` per edge, saved with igraph's own `write_graphml` (the file an igraph user brings).
networkx's answers for it come from corpus.py like every other corpus file.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-igraph"
REQS = Path(__file__).resolve().parent / "igraph-requirements.txt"
TARGET = ROOT / "Tests" / "Corpus" / "external" / "igraph-directed.graphml"


def ensure_venv():
    py = VENV / "bin" / "python3"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not py.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    stamp = VENV / ".requirements-installed"
    if not stamp.exists() or stamp.read_text() != REQS.read_text():
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-r", str(REQS)])
        stamp.write_text(REQS.read_text())
    os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


def main():
    ensure_venv()
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

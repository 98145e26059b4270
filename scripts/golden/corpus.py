#!/usr/bin/env python3
"""networkx's answers for the external corpus (Tests/Corpus/external/), and the corpus files networkx writes.

    python3 scripts/golden/corpus.py            # expected/*.json for every corpus file
    python3 scripts/golden/corpus.py --write    # (re)write the networkx-made corpus files first
    python3 scripts/golden/corpus.py --output DIR   # expected files into DIR (CI compares by value)

Runs in the same pinned venv as generate.py (`.venv-golden/`, scripts/golden/requirements.txt).
Each corpus file is read with networkx's OWN reader for its format (read_gml, read_gexf,
read_graphml, node_link_graph, and for a CSV edge list the rows as DiGraph and as Graph), and
`expected/<file>.json` records, per node id (as text): betweenness (normalized), betweenness with
weights as distances, closeness, PageRank unweighted (weight=None, orgnet's default) and weighted.
"""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the pinned venv and its re-exec)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Tests" / "Corpus" / "external"


def write_networkx_files():
    """The corpus files written by networkx itself (its own example graphs)."""
    import networkx as nx

    G = nx.karate_club_graph()  # undirected, integer 'weight' on edges, 'club' on nodes
    G.graph.pop("name", None)
    nx.write_graphml(G, CORPUS / "networkx-karate.graphml")
    F = nx.florentine_families_graph()  # undirected, node ids are family names
    nx.write_gexf(F, CORPUS / "networkx-florentine.gexf")
    L = nx.les_miserables_graph()  # undirected, weighted co-appearances
    data = nx.node_link_data(L, edges="edges")
    (CORPUS / "networkx-lesmis.json").write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    D = nx.gn_graph(25, seed=7)  # a directed growing-network graph, for the CSV edge list
    with open(CORPUS / "edgelist-gn25.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Weight"])
        for i, (u, v) in enumerate(D.edges()):
            w.writerow([f"n{u}", f"n{v}", 1 + i % 3])


def read_csv(path, directed):
    import networkx as nx

    G = nx.DiGraph() if directed else nx.Graph()
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = [h.strip().lower() for h in rows[0]]
    s, t = header.index("source"), header.index("target")
    w = header.index("weight") if "weight" in header else None
    for r in rows[1:]:
        G.add_edge(r[s].strip(), r[t].strip(), weight=float(r[w]) if w is not None and r[w].strip() else 1.0)
    return G


def read(path):
    """[(suffix, graph)] as networkx reads the file."""
    import networkx as nx

    ext = path.suffix.lower()
    if ext == ".gml":
        return [("", nx.read_gml(path, label="id"))]
    if ext == ".gexf":
        import io

        from networkx.readwrite.gexf import GEXF

        text = path.read_text()
        version = "1.3" if "gexf.net/1.3" in text[:2000] else "1.1draft" if "1.1draft" in text[:2000] else "1.2draft"
        # Gephi writes the 1.3 namespace as http://www.gexf.net/1.3, networkx expects http://gexf.net/1.3:
        # the same schema, so the namespace is aligned before networkx's reader sees the file.
        if version == "1.3":
            text = text.replace("http://www.gexf.net/1.3", GEXF.versions["1.3"]["NS_GEXF"])
        return [("", nx.read_gexf(io.BytesIO(text.encode()), version=version))]
    if ext == ".graphml":
        return [("", nx.read_graphml(path))]
    if ext == ".json":
        return [("", nx.node_link_graph(json.loads(path.read_text()), edges="edges"))]
    if ext == ".csv":
        return [("", read_csv(path, True)), (".undirected", read_csv(path, False))]
    return []


def expected(G):
    import networkx as nx

    def keyed(d):
        return {str(k): float(v) for k, v in d.items()}

    for _, _, d in G.edges(data=True):
        d["weight"] = float(d.get("weight", 1.0))
    return {
        "networkx": nx.__version__,
        "directed": G.is_directed(),
        "nodes": len(G),
        "edges": G.number_of_edges(),
        "betweenness": keyed(nx.betweenness_centrality(G)),
        "betweenness_weighted": keyed(nx.betweenness_centrality(G, weight="weight")),
        "closeness": keyed(nx.closeness_centrality(G)),
        "pagerank": keyed(nx.pagerank(G, weight=None)),
        "pagerank_weighted": keyed(nx.pagerank(G, weight="weight")),
    }


def main():
    generate.ensure_venv(Path(__file__).resolve())
    if "--write" in sys.argv:
        write_networkx_files()
    out_dir = CORPUS / "expected"
    if "--output" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--output") + 1]).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(CORPUS.iterdir()):
        for suffix, G in read(path) if path.is_file() else []:
            target = out_dir / (path.name + suffix + ".json")
            data = expected(G)
            data["file"] = path.name
            target.write_text(json.dumps(data, indent=1, sort_keys=True, allow_nan=False) + "\n")
            print(f"{path.name}{suffix}: {len(G)} nodes, {G.number_of_edges()} edges -> {target}")


if __name__ == "__main__":
    main()

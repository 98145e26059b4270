#!/usr/bin/env python3
"""Write the Petrograd months as golden-file inputs for the networkx cross-check.

For every month of the built-in dataset this runs the built `orgnet export MONTH -T json`
(networkx node-link data), keeps the ties the influence measures use by default (delegation
and authority: the `influence` flag), and writes Tests/GraphKitTests/Golden/graphs/
petrograd-1917-MONTH.json in the golden input format (nodes in orgnet's index order, edges
[source, target, weight] with weight 1 where the tie has none). Then run generate.py.

Usage: python3 scripts/golden/export-petrograd.py [path/to/orgnet]
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "GraphKitTests", "Golden", "graphs")


def main() -> int:
    orgnet = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "orgnet")
    months = subprocess.run([orgnet, "months"], check=True, capture_output=True, text=True).stdout.split()
    for month in months:
        data = json.loads(subprocess.run([orgnet, "export", month, "-T", "json"], check=True,
                                         capture_output=True, text=True).stdout)
        nodes = [n["id"] for n in data["nodes"]]
        links = data.get("edges", data.get("links", []))
        edges = [[e["source"], e["target"], e.get("weight") or 1] for e in links if e.get("influence")]
        graph = {"comment": f"Petrograd 1917 dataset, {month}: delegation and authority ties "
                            "(orgnet's default influence network); written by export-petrograd.py",
                 "directed": True, "nodes": nodes, "edges": edges}
        path = os.path.join(OUT, f"petrograd-1917-{month}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as fh:
            json.dump(graph, fh, indent=1)
            fh.write("\n")
        os.replace(path + ".tmp", path)
        print(f"{os.path.relpath(path, ROOT)}: {len(nodes)} nodes, {len(edges)} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Compare two sets of networkx golden files by value, within the Swift tests' tolerances.

    python3 scripts/golden/compare.py COMMITTED_DIR REGENERATED_DIR

Why not `git diff`: numpy and scipy pick BLAS/LAPACK kernels per CPU, so networkx's answers
differ in the last bits from one machine to the next (HITS 0.1464466094067262 against
0.14644660940672619, -7.5e-17 against -6.0e-17). The committed files are compared with freshly
regenerated ones the way `Tests/GraphKitTests/GoldenSupport.swift` compares orgnet with them:

- a number passes when |a - b| / max(1, |b|) <= tolerance: 1e-6 for the iterative measures
  (PageRank, eigenvector, Katz, HITS), 1e-9 for everything else;
- magnitudes below 1e-12 count as zero (round-off around zero has no sign and no digits);
- integers (node indices, counts, paths) must be equal; booleans and strings too;
- the structure must be the same: the same files, the same keys, the same list lengths.

Prints the worst difference per file and exits 0 when every file is within tolerance, 1 when a
value is beyond it or the structure changed, 2 on a usage error.
"""
import json
import math
import sys
from pathlib import Path

EXACT = 1e-9
ITERATIVE = 1e-6
ZERO = 1e-12
ITERATIVE_KEYS = {"pagerank", "pagerank_unweighted", "pagerank_weighted", "pagerank_personalized", "eigenvector",
                  "eigenvector_weighted", "katz", "katz_weighted", "hits"}


def tolerance_for(top_key):
    """The tolerance of one top-level key of an expected file."""
    return ITERATIVE if top_key in ITERATIVE_KEYS else EXACT


class Comparison:
    """Walks two JSON values side by side, recording structural changes and the worst error."""

    def __init__(self):
        self.problems = []
        self.worst = 0.0
        self.worst_at = None

    def walk(self, a, b, path, tol):
        if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str) or a is None or b is None:
            if a != b:
                self.problems.append(f"{path}: {a!r} became {b!r}")
            return
        if isinstance(a, dict) and isinstance(b, dict):
            if set(a) != set(b):
                gone, new = sorted(set(a) - set(b)), sorted(set(b) - set(a))
                self.problems.append(f"{path}: keys changed (missing {gone}, new {new})")
            for k in sorted(set(a) & set(b)):
                self.walk(a[k], b[k], f"{path}.{k}" if path else k, tol if path else tolerance_for(k))
            return
        if isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                self.problems.append(f"{path}: length {len(a)} became {len(b)}")
                return
            for i, (x, y) in enumerate(zip(a, b)):
                self.walk(x, y, f"{path}[{i}]", tol)
            return
        if isinstance(a, int) and isinstance(b, int):
            if a != b:
                self.problems.append(f"{path}: {a} became {b}")
            return
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            x, y = float(a), float(b)
            if abs(x) < ZERO:
                x = 0.0
            if abs(y) < ZERO:
                y = 0.0
            if x == y:
                return
            if math.isnan(x) or math.isnan(y) or math.isinf(x) or math.isinf(y):
                self.problems.append(f"{path}: {a!r} became {b!r}")
                return
            err = abs(x - y) / max(1.0, abs(x))
            if err > self.worst:
                self.worst, self.worst_at = err, path
            if err > tol:
                self.problems.append(f"{path}: {a!r} became {b!r} (error {err:.3g} > {tol:g})")
            return
        self.problems.append(f"{path}: {type(a).__name__} became {type(b).__name__}")


def compare_dirs(committed, regenerated, out=sys.stdout):
    """Compares every *.json of the two folders; returns the number of failing files."""
    names_a = {p.name for p in committed.glob("*.json")}
    names_b = {p.name for p in regenerated.glob("*.json")}
    failures = 0
    for name in sorted(names_a ^ names_b):
        where = "only committed" if name in names_a else "only regenerated"
        print(f"FAIL  {name}: {where}", file=out)
        failures += 1
    for name in sorted(names_a & names_b):
        c = Comparison()
        c.walk(json.loads((committed / name).read_text()), json.loads((regenerated / name).read_text()), "", EXACT)
        worst = f"worst relative difference {c.worst:.3g}" + (f" at {c.worst_at}" if c.worst_at else "")
        if c.problems:
            failures += 1
            print(f"FAIL  {name}: {len(c.problems)} difference(s) beyond tolerance or in structure; {worst}", file=out)
            for p in c.problems[:10]:
                print(f"        {p}", file=out)
        else:
            print(f"ok    {name}: {worst}", file=out)
    total = len(names_a | names_b)
    print(f"{total - failures} passed, {failures} failed", file=out)
    return failures


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    committed, regenerated = Path(argv[1]), Path(argv[2])
    for d in (committed, regenerated):
        if not d.is_dir():
            print(f"compare.py: {d}: not a folder", file=sys.stderr)
            return 2
    return 1 if compare_dirs(committed, regenerated) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

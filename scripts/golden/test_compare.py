#!/usr/bin/env python3
"""Tests of compare.py on perturbed copies of the committed golden files (no networkx needed).

    python3 scripts/golden/test_compare.py

- every float moved by a relative 1e-15 (last-bit noise, as another CPU's BLAS gives): passes;
- values below 1e-12 changed arbitrarily (round-off around zero): passes;
- for every top-level key holding floats, one value moved by 10x that key's tolerance: fails;
- a key removed, a list shortened, an integer changed: fails.
"""
import copy
import io
import json
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compare  # noqa: E402

EXPECTED = HERE.parents[1] / "Tests" / "GraphKitTests" / "Golden" / "expected"


def map_floats(value, f, path=""):
    """A copy of `value` with every float x replaced by f(path, x)."""
    if isinstance(value, dict):
        return {k: map_floats(v, f, f"{path}.{k}" if path else k) for k, v in value.items()}
    if isinstance(value, list):
        return [map_floats(v, f, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, float):
        return f(path, value)
    return value


def first_float_path(value, path=""):
    """The path of the first float of magnitude >= 0.01 in `value`, or None."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return path if isinstance(value, float) and abs(value) >= 0.01 else None
    for k, v in items:
        sub = f"{path}.{k}" if isinstance(k, str) and path else (k if isinstance(k, str) else f"{path}[{k}]")
        found = first_float_path(v, sub)
        if found is not None:
            return found
    return None


class CompareTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = {p.name: json.loads(p.read_text()) for p in sorted(EXPECTED.glob("*.json"))}
        assert len(cls.files) >= 10, f"expected the committed goldens in {EXPECTED}"

    def run_compare(self, mutate):
        """Writes the committed files and a mutated copy into scratch folders; returns (failures, output)."""
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for name, data in self.files.items():
                (Path(a) / name).write_text(json.dumps(data))
                (Path(b) / name).write_text(json.dumps(mutate(name, copy.deepcopy(data))))
            out = io.StringIO()
            return compare.compare_dirs(Path(a), Path(b), out), out.getvalue()

    def test_identical_files_pass(self):
        failures, out = self.run_compare(lambda _, d: d)
        self.assertEqual(failures, 0, out)

    def test_last_bit_noise_passes(self):
        failures, out = self.run_compare(lambda _, d: map_floats(d, lambda p, x: x * (1 + 1e-15) + 1e-15))
        self.assertEqual(failures, 0, out)
        self.assertIn(f"{len(self.files)} passed, 0 failed", out)

    def test_round_off_around_zero_passes(self):
        failures, out = self.run_compare(lambda _, d: map_floats(d, lambda p, x: -x * 3.7 if abs(x) < 1e-12 else x))
        self.assertEqual(failures, 0, out)

    def test_ten_times_each_keys_tolerance_fails(self):
        checked = 0
        for name, data in self.files.items():
            for key, value in data.items():
                target = first_float_path(value, key)
                if target is None:
                    continue
                tol = compare.tolerance_for(key)

                def mutate(n, d, target=target, tol=tol, name=name):
                    if n != name:
                        return d
                    return map_floats(d, lambda p, x: x + 10 * tol * max(1.0, abs(x)) if p == target else x)

                failures, out = self.run_compare(mutate)
                self.assertEqual(failures, 1, f"{name} {target} moved by 10x {tol}: {out}")
                self.assertIn(f"FAIL  {name}", out)
                checked += 1
            break  # one file exercises every key; the others have the same keys
        self.assertGreaterEqual(checked, 10)
        self.assertIn("pagerank", self.files[next(iter(self.files))])

    def test_structural_changes_fail(self):
        name = next(iter(self.files))

        def drop_key(n, d):
            if n == name:
                d.pop("closeness")
            return d

        def shorten(n, d):
            if n == name:
                d["harmonic"] = d["harmonic"][:-1]
            return d

        def change_int(n, d):
            if n == name:
                d["nodeCount"] += 1
            return d

        for mutate, what in ((drop_key, "keys changed"), (shorten, "length"), (change_int, "nodeCount")):
            failures, out = self.run_compare(mutate)
            self.assertEqual(failures, 1, out)
            self.assertIn(what, out)


if __name__ == "__main__":
    unittest.main(verbosity=1)

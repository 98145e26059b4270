#!/usr/bin/env bash
# The smoke benchmark CI runs (.ci/run): orgnet and igraph on a 1,000-node federation (every
# measure), orgnet alone on 100,000 nodes (load and PageRank, with the input-limit flags that size
# needs). It checks that every process runs and that the tables are written (Benchmarks/data/smoke.md);
# it never gates on speed. Uses the binary CI already built (ORGNET_BIN, default .build/debug/orgnet;
# built if missing) and the benchmark venv (Benchmarks/.venv, created on first use by bench.py).
# About 1-3 minutes including the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ORGNET_BIN:-$PWD/.build/debug/orgnet}
if [[ ! -x $bin ]]; then
  echo "smoke: building $bin" >&2
  swift build >&2
fi
export ORGNET_BIN=$bin
exec python3 Benchmarks/bench.py --smoke "$@"

#!/usr/bin/env bash
# The orgnet benchmark: builds release, sets up the peers (networkx, igraph, rustworkx, networkit)
# in Benchmarks/.venv, generates federations of 1k/10k/100k nodes and times every tool on the same
# files, then writes Benchmarks/RESULTS.md. Works from a fresh clone on Debian/Ubuntu.
#
#   Benchmarks/run.sh                 # everything (about an hour on 2 quiet cores)
#   BENCH_SIZES=1000,10000 Benchmarks/run.sh
#   BENCH_BUDGET=120 Benchmarks/run.sh   # skip any call estimated to take longer (default 600 s)
#   Benchmarks/run.sh --sizes 1000,10000,100000,300000,1000000   # the scaling rows (peers estimated above 100k)
#
# Options are passed to bench.py (--help).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh
sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
want=()
command -v dot >/dev/null 2>&1 || want+=(graphviz)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || want+=(python3-venv)
if [[ ${#want[@]} -gt 0 ]]; then
  echo "bench: installing ${want[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >&2
fi

# The binary measured (Benchmarks/build.sh: release, static Swift runtime, own build folder).
ORGNET_BIN=$(Benchmarks/build.sh)
export ORGNET_BIN

# bench.py creates Benchmarks/.venv with the pinned peers (requirements.txt) on first use and
# re-executes itself inside it (scripts/golden/generate.py's ensure_venv, the scripts' one bootstrap).
exec python3 Benchmarks/bench.py "$@"

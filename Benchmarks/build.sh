#!/usr/bin/env bash
# Builds the orgnet binary the benchmark measures and prints its path: release, with the Swift
# runtime linked statically (start-up 9 ms instead of 13 ms: no dynamic loading of
# libswiftCore/Foundation), in its own build folder. Only the orgnet product: a plain
# `swift build` also builds Tests/TestSupport, which imports Testing, a module the static
# runtime does not have (that is how `make bench` broke on a fresh clone in round four).
# Benchmarks/run.sh and .ci/run (the benchmark build step) both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "bench: swift build -c release --static-swift-stdlib --product orgnet --scratch-path .build-bench" >&2
swift build -c release --static-swift-stdlib --product orgnet --scratch-path .build-bench >&2
echo "$PWD/.build-bench/release/orgnet"

#!/usr/bin/env bash
# Builds the kernel before/after harness against GraphKit's sources and runs it on a federation:
#   Benchmarks/kernel-ab/run.sh 10000 exact 3
#   Benchmarks/kernel-ab/run.sh 1000000 sampled 1
# (needs a built orgnet for `orgnet generate`: swift build). Benchmarks/ANALYSIS.md, third pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
nodes=$1 mode=$2 rounds=${3:-3}
work=.build/kernel-ab
mkdir -p "$work"
file="$work/federation-$nodes.edges"
[[ -s $file ]] || .build/debug/orgnet generate --nodes "$nodes" --seed 1917 -T edgelist -o "$file" \
    --max-nodes "$nodes" --max-ties $((nodes * 3)) --max-bytes $((nodes * 40 + 1000000))
swiftc -O -wmo -parse-as-library -module-name GraphKit Sources/GraphKit/*.swift -emit-library -static \
    -o "$work/libGraphKit.a" -emit-module -emit-module-path "$work/GraphKit.swiftmodule" -enable-testing
swiftc -O -I "$work" Benchmarks/kernel-ab/main.swift "$work/libGraphKit.a" -o "$work/kernel-ab"
"$work/kernel-ab" "$file" "$mode" "$rounds"

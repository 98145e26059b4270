// The before/after harness of issue 18's third pass: both unweighted Brandes kernels of GraphKit
// (one search at a time, and 32 at a time) on one federation, alternating, in one process.
// Not part of the package; run.sh compiles it with GraphKit's sources (swiftc -O -wmo, the flags
// of the release build). Usage: kernel-ab FILE.edges exact|sampled|firstN ROUNDS
@testable import GraphKit
import Foundation

let args = CommandLine.arguments
guard args.count == 4, let rounds = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: kernel-ab FILE.edges exact|sampled|firstN ROUNDS\n".utf8))
    exit(64)
}
let text = try String(contentsOfFile: args[1], encoding: .utf8)
var n = 0
var edges: [(Int, Int)] = []
for line in text.split(separator: "\n") {
    let fields = line.split(separator: " ")
    if line.hasPrefix("#") { n = Int(fields[2])!; continue }  // "# nodes N ties M"
    edges.append((Int(fields[0])!, Int(fields[1])!))
}
let graph = try Graph(nodeCount: n, unweightedEdges: edges, directed: true)
var sources = Array(0..<n)
if args[2].hasPrefix("first") { sources = Array(0..<Int(args[2].dropFirst(5))!) }
if args[2] == "sampled" {  // 1,000 pivots drawn as betweennessCentrality(sampleSize:seed:) draws them
    var rng = SplitMix64(seed: 1917)
    var pool = Array(0..<n)
    for i in 0..<1000 { pool.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
    sources = Array(pool[0..<1000])
}
var last: [Bool: [Double]] = [:]
for round in 0..<rounds {
    for batched in [false, true] {
        let start = DispatchTime.now().uptimeNanoseconds
        last[batched] = graph.unweightedBetweennessSums(
            sources: sources, endpoints: false, live: [], serial: false, relabel: true, fold: true, batched: batched)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("round \(round) \(batched ? "32 at a time" : "one at a time"): \(String(format: "%.3f", seconds)) s")
    }
}
let one = last[false]!, batch = last[true]!
let worst = zip(one, batch).map { abs($0 - $1) / max(1e-300, max(abs($0), abs($1))) }.max() ?? 0
print("largest relative difference between the kernels: \(worst)")

import TestSupport
import Testing

@testable import GraphKit

/// Masked measures against the same measures on the subgraph rebuilt from scratch: a mask must
/// change nothing but which nodes and edges exist.
@Suite("masks equal rebuilt subgraphs")
struct MaskTests {
    /// A random graph with `n` nodes, about `m` edges (weights 1...4 when `weighted`), and a random
    /// mask keeping each node with probability 0.85 and each edge with probability 0.7.
    func randomCase(_ seed: UInt64, directed: Bool, weighted: Bool) throws -> (Graph, GraphMask) {
        var rng = SplitMix64(seed: seed)
        let n = 3 + Int(rng.next() % 9)
        let m = Int(rng.next() % UInt64(n * 2 + 1))
        var edges: [Edge] = []
        for _ in 0..<m {
            let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
            edges.append(Edge(a, b, weight: weighted ? Double(1 + rng.next() % 4) : 1))
        }
        let g = try Graph(nodeCount: n, edges: edges, directed: directed)
        let nodes = (0..<n).map { _ in rng.next() % 100 < 85 }
        let kept = (0..<g.edgeCount).map { _ in rng.next() % 100 < 70 }
        return (g, GraphMask(nodes: nodes, edges: kept))
    }

    /// The masked subgraph built the slow way: kept nodes renumbered in order, live edges only.
    func rebuilt(_ g: Graph, _ mask: GraphMask) throws -> (Graph, [Int]) {
        let kept = (0..<g.nodeCount).filter { mask.nodes[$0] }
        var index = [Int](repeating: -1, count: g.nodeCount)
        for (i, v) in kept.enumerated() { index[v] = i }
        var edges: [Edge] = []
        for e in 0..<g.edgeCount where mask.edges[e] {
            let s = Int(g.edgeSources[e]), t = Int(g.edgeTargets[e])
            if index[s] >= 0 && index[t] >= 0 { edges.append(Edge(index[s], index[t], weight: g.edgeWeights[e])) }
        }
        return (try Graph(nodeCount: kept.count, edges: edges, directed: g.isDirected), kept)
    }

    /// The rebuilt subgraph's values spread back over the parent's nodes, 0 for removed ones.
    func spread(_ values: [Double], _ kept: [Int], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        for (i, v) in kept.enumerated() { out[v] = values[i] }
        return out
    }

    @Test(arguments: [false, true])
    func measuresMatchRebuiltSubgraph(directed: Bool) throws {
        for seed in UInt64(1)...120 {
            for weighted in [false, true] {
                let (g, mask) = try randomCase(
                    seed &* 7919 &+ (weighted ? 1 : 0), directed: directed, weighted: weighted)
                let (h, kept) = try rebuilt(g, mask)
                let n = g.nodeCount
                let what = "seed \(seed) directed \(directed) weighted \(weighted)"
                for normalized in [true, false] {
                    expectClose(
                        try g.betweennessCentrality(normalized: normalized, weighted: weighted, mask: mask),
                        spread(try h.betweennessCentrality(normalized: normalized, weighted: weighted), kept, n),
                        exact, "betweenness \(what)")
                    expectClose(
                        try g.betweennessCentrality(
                            normalized: normalized, weighted: weighted, mask: mask, serial: true),
                        spread(try h.betweennessCentrality(normalized: normalized, weighted: weighted), kept, n),
                        exact, "serial betweenness \(what)")
                }
                expectClose(
                    try g.closenessCentrality(weighted: weighted, mask: mask),
                    spread(try h.closenessCentrality(weighted: weighted), kept, n), exact, "closeness \(what)")
                expectClose(
                    try g.harmonicCentrality(weighted: weighted, mask: mask),
                    spread(try h.harmonicCentrality(weighted: weighted), kept, n), exact, "harmonic \(what)")
                if h.nodeCount > 0 {
                    expectClose(
                        try g.pageRank(weighted: weighted, mask: mask),
                        spread(try h.pageRank(weighted: weighted), kept, n), exact, "pagerank \(what)")
                }
                expectClose(
                    g.degreeCentrality(mask: mask), spread(h.degreeCentrality(), kept, n), exact, "degree \(what)")
                expectClose(
                    g.degrees(weighted: weighted, mask: mask), spread(h.degrees(weighted: weighted), kept, n),
                    exact, "weighted degree \(what)")
                if directed {
                    expectClose(
                        try g.inDegreeCentrality(mask: mask), spread(try h.inDegreeCentrality(), kept, n), exact,
                        "in-degree \(what)")
                    expectClose(
                        try g.outDegreeCentrality(mask: mask), spread(try h.outDegreeCentrality(), kept, n), exact,
                        "out-degree \(what)")
                }
                #expect(
                    g.articulationPoints(mask: mask) == h.articulationPoints().map { kept[$0] },
                    "articulation points \(what)")
                // A path exists in the mask exactly when the rebuilt subgraph has every step.
                for s in 0..<n {
                    for t in 0..<n where s != t {
                        let chain = [s, t]
                        let inH =
                            mask.nodes[s] && mask.nodes[t]
                            && h.hasEdge(from: kept.firstIndex(of: s)!, to: kept.firstIndex(of: t)!)
                        #expect(g.pathExists(chain, mask: mask) == inH, "path \(s)->\(t) \(what)")
                    }
                }
            }
        }
    }

    @Test func fullMaskChangesNothing() throws {
        let (g, _) = try randomCase(99, directed: true, weighted: false)
        let all = GraphMask(g)
        #expect(try g.betweennessCentrality(mask: all) == (try g.betweennessCentrality()))
        #expect(try g.pageRank(mask: all) == (try g.pageRank()))
        #expect(g.articulationPoints(mask: all) == g.articulationPoints())
    }

    @Test(.tags(.concurrency)) func parallelMapKeepsIndexOrder() {
        let values = parallelMap(1000) { i in i * i }
        #expect(values == (0..<1000).map { $0 * $0 })
    }
}

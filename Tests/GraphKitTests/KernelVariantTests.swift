import Testing

@testable import GraphKit

/// The unweighted all-sources kernels renumber large graphs for locality and fold single-neighbour
/// sources into their neighbour (UnweightedKernels.swift). The goldens are small graphs, run with
/// folding but never renumbered; here every combination is checked on graphs big enough to hold
/// many foldable nodes against a textbook Brandes and BFS written out below.
@Suite("unweighted kernel variants")
struct KernelVariantTests {
    /// A federation-like random graph: a tree with edges up (always) and down (mostly), plus
    /// random cross ties, so that many nodes have a single neighbour in one direction or both.
    func federation(_ n: Int, directed: Bool, seed: UInt64) throws -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int)] = []
        for v in 1..<n {
            let parent = Int(rng.next() % UInt64(max(1, v / 4)))
            edges.append((v, parent))
            if rng.next() % 5 != 0 { edges.append((parent, v)) }
        }
        for _ in 0..<(n / 8) {
            let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
            if a != b { edges.append((a, b)) }
        }
        return try Graph(nodeCount: n, unweightedEdges: edges, directed: directed)
    }

    /// Brandes (2001) as printed: predecessor lists, a stack, one search per source; unscaled.
    func referenceBetweenness(_ g: Graph, sources: [Int], endpoints: Bool, live: [Bool]) -> [Double] {
        let n = g.nodeCount
        var bc = [Double](repeating: 0, count: n)
        for s in sources {
            var dist = [Int](repeating: -1, count: n), sigma = [Double](repeating: 0, count: n)
            var preds = [[Int]](repeating: [], count: n), stack: [Int] = []
            dist[s] = 0; sigma[s] = 1
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                stack.append(v)
                for p in g.outOffsets[v]..<g.outOffsets[v + 1] where live.isEmpty || live[Int(g.outEdgeIDs[p])] {
                    let w = Int(g.outTargets[p])
                    if dist[w] < 0 { dist[w] = dist[v] + 1; queue.append(w) }
                    if dist[w] == dist[v] + 1 { sigma[w] += sigma[v]; preds[w].append(v) }
                }
            }
            var delta = [Double](repeating: 0, count: n)
            if endpoints { bc[s] += Double(stack.count - 1) }
            while let w = stack.popLast() {
                for v in preds[w] { delta[v] += sigma[v] / sigma[w] * (1 + delta[w]) }
                if w != s { bc[w] += endpoints ? delta[w] + 1 : delta[w] }
            }
        }
        return bc
    }

    /// Reached count and distance sum into every node by one BFS over in-edges (`incoming`) each.
    func referenceDistanceSums(_ g: Graph, incoming: Bool, live: [Bool]) -> [[Int]] {
        let offs = incoming ? g.inOffsets : g.outOffsets
        let tgts = incoming ? g.inTargets : g.outTargets
        let eids = incoming ? g.inEdgeIDs : g.outEdgeIDs
        return (0..<g.nodeCount).map { u in
            var dist = [Int](repeating: -1, count: g.nodeCount)
            dist[u] = 0
            var queue = [u], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for p in offs[v]..<offs[v + 1] where live.isEmpty || live[Int(eids[p])] {
                    let w = Int(tgts[p])
                    if dist[w] < 0 { dist[w] = dist[v] + 1; queue.append(w) }
                }
            }
            return [queue.count, queue.reduce(0) { $0 + dist[$1] }]
        }
    }

    @Test(arguments: [false, true])
    func betweennessVariantsAgree(directed: Bool) throws {
        let g = try federation(600, directed: directed, seed: directed ? 7 : 8)
        // Switch off every 9th edge and node 5 (and the edges at it), as GraphMask does.
        var mask = GraphMask(g)
        for e in stride(from: 0, to: g.edgeCount, by: 9) { mask.edges[e] = false }
        mask.nodes[5] = false
        let masked = g.liveEdges(mask)
        let activeSources = (0..<g.nodeCount).filter { $0 != 5 }
        let cases: [(sources: [Int], live: [Bool])] = [
            (Array(0..<g.nodeCount), []), (activeSources, masked), (Array(stride(from: 3, to: 600, by: 7)), []),
        ]
        var folded = 0
        for c in cases {
            for endpoints in [false, true] {
                let expected = referenceBetweenness(g, sources: c.sources, endpoints: endpoints, live: c.live)
                for relabel in [false, true] {
                    for fold in [false, true] {
                        for batched in [false, true] {
                            let got = g.unweightedBetweennessSums(
                                sources: c.sources, endpoints: endpoints, live: c.live, serial: false,
                                relabel: relabel, fold: fold, batched: batched)
                            expectClose(
                                got, expected, exact,
                                "relabel \(relabel) fold \(fold) batched \(batched) endpoints \(endpoints)")
                        }
                    }
                }
            }
            let plan = g.localAdjacency(live: c.live, relabel: false).brandesPlan(sources: c.sources, fold: true)
            folded += plan.folded.count
        }
        // The graphs must exercise folding, or the comparison above proves little.
        #expect(folded > 100)
    }

    /// The batched kernel on searches hundreds of levels deep, many batches in one thread's scratch
    /// (a long path with a few side ties): each batch must start from a clean scratch, whatever
    /// depth the last one reached (a source of one batch left at level 300 by the one before
    /// once gave a pair of nodes twice).
    @Test(arguments: [false, true])
    func batchedBetweennessOnDeepSearches(directed: Bool) throws {
        let n = 400
        var edges = (1..<n).flatMap { [($0 - 1, $0), ($0, $0 - 1)] }
        edges += [(0, 7), (50, 53), (200, 190)]
        let g = try Graph(nodeCount: n, unweightedEdges: edges, directed: directed)
        for sources in [Array(0..<n), [0, 1, 399, 200]] {
            for endpoints in [false, true] {
                let expected = referenceBetweenness(g, sources: sources, endpoints: endpoints, live: [])
                let got = g.unweightedBetweennessSums(
                    sources: sources, endpoints: endpoints, live: [], serial: true, relabel: true, fold: true,
                    batched: true)
                expectClose(got, expected, exact, "path of \(n), \(sources.count) sources, endpoints \(endpoints)")
            }
        }
    }

    /// The batched kernel where the searches of a batch move together, so that the entries of a
    /// level hold 16 to 32 searches and take the whole-row paths (`addRowDense`,
    /// `dependenciesDense`): 32 shops that each send to both district soviets of their half, the
    /// districts to a city council and a committee, both to a congress, and a chain below with a
    /// diamond (several shortest paths, so ratios other than 1). Few sources fold here, and the
    /// batch of the shops alone is 32 searches that meet level by level.
    @Test(arguments: [false, true])
    func batchedBetweennessWithSearchesMovingTogether(directed: Bool) throws {
        let shops = 32, districts = [32, 33, 34, 35], council = 36, committee = 37, congress = 38
        var edges: [(Int, Int)] = []
        for shop in 0..<shops {
            let half = shop < shops / 2 ? 0 : 2
            edges += [(shop, districts[half]), (shop, districts[half + 1]), (districts[half], shop)]
        }
        for district in districts { edges += [(district, council), (district, committee), (council, district)] }
        edges += [(council, congress), (committee, congress), (congress, 39), (39, 40), (39, 41), (40, 42), (41, 42)]
        edges += (42..<60).map { ($0, $0 + 1) }
        let g = try Graph(nodeCount: 61, unweightedEdges: edges, directed: directed)
        for sources in [Array(0..<shops), Array(0..<61), Array(8..<40)] {
            for endpoints in [false, true] {
                let expected = referenceBetweenness(g, sources: sources, endpoints: endpoints, live: [])
                for fold in [false, true] {
                    let got = g.unweightedBetweennessSums(
                        sources: sources, endpoints: endpoints, live: [], serial: true, relabel: true, fold: fold,
                        batched: true)
                    expectClose(got, expected, exact, "\(sources.count) sources, fold \(fold), endpoints \(endpoints)")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func distanceSumVariantsAreIdentical(directed: Bool) throws {
        let g = try federation(700, directed: directed, seed: directed ? 9 : 10)
        var mask = GraphMask(g)
        for e in stride(from: 0, to: g.edgeCount, by: 11) { mask.edges[e] = false }
        for live in [[], g.liveEdges(mask)] {
            let expected = referenceDistanceSums(g, incoming: directed, live: live)
            for relabel in [false, true] {
                for fold in [false, true] {
                    let got = g.unweightedDistanceSums(
                        incoming: directed, live: live, serial: false, relabel: relabel, fold: fold)
                    #expect(got.map { [$0.reached, $0.total] } == expected, "relabel \(relabel) fold \(fold)")
                }
            }
        }
    }
}

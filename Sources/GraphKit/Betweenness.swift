import Foundation

/// Per-source scratch space for Brandes' algorithm, reused across sources so the hot loop does not
/// allocate. Resetting touches only the nodes reached by the previous source.
struct BrandesScratch {
    var dist: [Double]
    var sigma: [Double]
    var delta: [Double]
    var order: [Int32]
    var heap = MinHeap()

    init(_ n: Int) {
        dist = [Double](repeating: .infinity, count: n)
        sigma = [Double](repeating: 0, count: n)
        delta = [Double](repeating: 0, count: n)
        order = []
        order.reserveCapacity(n)
    }

    mutating func reset() {
        for v in order { let i = Int(v); dist[i] = .infinity; sigma[i] = 0; delta[i] = 0 }
        order.removeAll(keepingCapacity: true)
    }
}

extension Graph {
    /// Runs the forward phase of Brandes' algorithm from `s`: fills `order` (non-decreasing distance),
    /// `dist` and `sigma` (number of shortest paths). Unweighted BFS or Dijkstra.
    /// `live` (empty = every edge) switches edges off (see ``GraphMask``).
    func brandesForward(_ s: Int, weighted: Bool, live: [Bool] = [], _ x: inout BrandesScratch) {
        x.dist[s] = 0
        x.sigma[s] = 1
        if !weighted || outWeights == nil {
            x.order.append(Int32(s))
            var head = 0
            while head < x.order.count {
                let v = Int(x.order[head]); head += 1
                let dv = x.dist[v] + 1
                let sv = x.sigma[v]
                for p in outOffsets[v]..<outOffsets[v + 1] {
                    if !live.isEmpty && !live[Int(outEdgeIDs[p])] { continue }
                    let w = Int(outTargets[p])
                    if x.dist[w] == .infinity { x.dist[w] = dv; x.order.append(Int32(w)) }
                    if x.dist[w] == dv { x.sigma[w] += sv }
                }
            }
        } else {
            // networkx `_single_source_dijkstra_path_basic`; `dist` holds the tentative ("seen")
            // distance, a node is final once appended to `order`. `delta` marks finality (-1).
            let wts = outWeights!
            x.heap.removeAll()
            x.heap.push(0, s)
            while !x.heap.isEmpty {
                let (d, v) = x.heap.pop()
                if x.delta[v] < 0 || d > x.dist[v] { continue }
                x.delta[v] = -1
                x.order.append(Int32(v))
                let sv = x.sigma[v]
                for p in outOffsets[v]..<outOffsets[v + 1] {
                    if !live.isEmpty && !live[Int(outEdgeIDs[p])] { continue }
                    let w = Int(outTargets[p])
                    if x.delta[w] < 0 { continue }
                    let nd = d + wts[p]
                    if nd < x.dist[w] {
                        x.dist[w] = nd; x.sigma[w] = sv; x.heap.push(nd, w)
                    } else if nd == x.dist[w] {
                        x.sigma[w] += sv
                    }
                }
            }
            for v in x.order { x.delta[Int(v)] = 0 }
        }
    }

    /// Whether in-slot `p` of node `w` (edge `v -> w`) lies on a shortest path from the last source;
    /// `inW` is ``inWeights`` (empty when unweighted), hoisted out of the hot loop by the caller.
    @inline(__always)
    static func isShortestPathPredecessor(
        _ v: Int, slot p: Int, of w: Int, weighted: Bool, inW: [Double],
        _ x: borrowing BrandesScratch
    ) -> Bool {
        let dv = x.dist[v]
        if dv == .infinity { return false }
        if weighted { return v != w && dv + inW[p] == x.dist[w] }
        return dv + 1 == x.dist[w]
    }

    /// Betweenness centrality of every node (networkx `betweenness_centrality`).
    ///
    /// The betweenness of `v` is the sum over pairs `s != v != t` of `sigma(s, t | v) / sigma(s, t)`,
    /// the fraction of shortest `s`-`t` paths through `v`. Computed with Brandes' algorithm: one
    /// BFS (or Dijkstra when `weighted`) per source and a dependency accumulation in reverse order.
    ///
    /// Normalization and scaling follow networkx 3.6 `_rescale` exactly. With all sources, `N = n - 1`
    /// (`n` with `endpoints`): normalized values are multiplied by `1 / (N (N - 1))`; unnormalized
    /// undirected values are halved (each pair is seen from both ends). With `k` sampled sources
    /// (`sources:` or `sampleSize:`), values are extrapolated by `N / k`; without endpoints, sampled
    /// sources themselves are scaled by `1 / (k - 1)` instead of `1 / k` (they cannot be interior to
    /// their own paths).
    ///
    /// Sources are processed in parallel over all cores (`DispatchQueue.concurrentPerform`), each
    /// chunk accumulating into its own flat array, merged at the end.
    ///
    /// - Parameters:
    ///   - normalized: divide as described above (networkx default `true`).
    ///   - weighted: use weights as edge lengths (networkx `weight="weight"`); default BFS.
    ///   - endpoints: count the path endpoints too (networkx `endpoints=True`).
    ///   - sources: explicit pivot sources (networkx `k` with the sampled nodes given); `nil` = all.
    ///   - mask: compute on the masked subgraph (``GraphMask``) without rebuilding it; switched-off
    ///     nodes score 0 and the normalization uses the number of nodes switched on.
    ///   - serial: run on the calling thread (for measures computed inside a parallel loop).
    /// - Throws: ``GraphError/negativeWeight(source:target:weight:)``, ``GraphError/nodeOutOfRange(node:nodeCount:)``.
    /// - Complexity: O(n m) unweighted, O(n m + n^2 log n) weighted; O(k m) with `k` sources.
    ///
    /// References: Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math.
    /// Sociol. 25(2). Brandes, U. (2008). On variants of shortest-path betweenness centrality and
    /// their generic computation. Social Networks 30(2) (endpoints, edge betweenness, sampling).
    /// Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40.
    public func betweennessCentrality(
        normalized: Bool = true, weighted: Bool = false, endpoints: Bool = false,
        sources: [Int]? = nil, mask: GraphMask? = nil,
        serial: Bool = false
    ) throws(GraphError) -> [Double] {
        if weighted { try checkNonNegativeWeights() }
        let live = liveEdges(mask)
        let srcs: [Int]
        if let sources {
            for s in sources { try check(s) }
            srcs = sources
        } else {
            srcs = mask.map { m in (0..<nodeCount).filter { m.nodes[$0] } } ?? Array(0..<nodeCount)
        }
        let n = nodeCount
        let graph = self
        let useWeights = weighted && outWeights != nil
        let inW = inWeights ?? []
        var bc: [Double]
        if !useWeights {
            let large = n >= Graph.relabelMinimumNodes
            bc = unweightedBetweennessSums(
                sources: srcs, endpoints: endpoints, live: live, serial: serial,
                relabel: large, fold: true,
                batched: large && Graph.batchedBrandesFits(nodes: n, serial: serial))
            let sampled = sources.map { Set($0) }
            rescaleBetweenness(
                &bc, normalized: normalized, endpoints: endpoints, sampled: sampled,
                sampleCount: sources?.count, activeCount: mask?.activeNodeCount ?? n)
            return bc
        }
        let partials = parallelChunks(srcs.count, serial: serial) { range -> [Double] in
            var bc = [Double](repeating: 0, count: n)
            var x = BrandesScratch(n)
            for i in range {
                let s = srcs[i]
                graph.brandesForward(s, weighted: useWeights, live: live, &x)
                if endpoints { bc[s] += Double(x.order.count - 1) }
                var j = x.order.count - 1
                while j >= 0 {
                    let w = Int(x.order[j]); j -= 1
                    let coeff = (1 + x.delta[w]) / x.sigma[w]
                    for p in graph.inOffsets[w]..<graph.inOffsets[w + 1] {
                        if !live.isEmpty && !live[Int(graph.inEdgeIDs[p])] { continue }
                        let v = Int(graph.inTargets[p])
                        if Graph.isShortestPathPredecessor(v, slot: p, of: w, weighted: useWeights, inW: inW, x) {
                            x.delta[v] += x.sigma[v] * coeff
                        }
                    }
                    if w != s { bc[w] += endpoints ? x.delta[w] + 1 : x.delta[w] }
                }
                x.reset()
            }
            return bc
        }
        bc = [Double](repeating: 0, count: n)
        for part in partials { for v in 0..<n { bc[v] += part[v] } }
        let sampled = sources.map { Set($0) }
        rescaleBetweenness(
            &bc, normalized: normalized, endpoints: endpoints, sampled: sampled,
            sampleCount: sources?.count, activeCount: mask?.activeNodeCount ?? n)
        return bc
    }

    /// Unscaled unweighted betweenness from `sources` (Brandes sums, original numbering) over the
    /// edges in `live`, by the kernels of UnweightedKernels.swift: on the renumbered adjacency
    /// with `relabel`, with single-neighbour sources folded into their neighbour with `fold`
    /// (``LocalAdjacency/brandesPlan(sources:fold:)``). Both change only the order in which the
    /// floating-point sums are formed (a few ulps); tests compare the four combinations.
    /// With `batched`, 32 searches run at once (BatchedBrandes.swift), again the same sums in
    /// another order.
    func unweightedBetweennessSums(
        sources: [Int], endpoints: Bool, live: [Bool], serial: Bool, relabel: Bool, fold: Bool,
        batched: Bool = false
    ) -> [Double] {
        let n = nodeCount
        let adj = localAdjacency(live: live, relabel: relabel)
        let plan = adj.brandesPlan(sources: sources, fold: fold)
        let partials: [[Double]]
        if batched {
            let width = LocalAdjacency.brandesBatchWidth
            let count = plan.sources.count
            partials = parallelChunks((count + width - 1) / width, serial: serial) { batches -> [Double] in
                var bc = [Double](repeating: 0, count: n)
                let scratch = LocalAdjacency.BatchedBrandesScratch(nodeCount: n)
                bc.withUnsafeMutableBufferPointer { B in
                    for k in batches {
                        let batch = k * width..<min((k + 1) * width, count)
                        adj.brandesBatch(
                            plan: plan, batch: batch, endpoints: endpoints, into: B.baseAddress!, scratch: scratch)
                    }
                }
                return bc
            }
        } else {
            partials = parallelChunks(plan.sources.count, serial: serial) { range -> [Double] in
                var bc = [Double](repeating: 0, count: n)
                adj.brandes(plan: plan, range: range, endpoints: endpoints, into: &bc)
                return bc
            }
        }
        var bc = [Double](repeating: 0, count: n)
        for part in partials { for v in 0..<n { bc[v] += part[v] } }
        return adj.toOriginalOrder(bc)
    }

    /// Whether the batched Brandes kernel's scratch (``LocalAdjacency/batchedBrandesScratchBytes(nodes:)``
    /// per thread) stays within 2 GiB for `nodes` nodes: up to about 7 million nodes on one
    /// thread, 3.5 million on two; larger graphs search one source at a time.
    static func batchedBrandesFits(nodes: Int, serial: Bool) -> Bool {
        let threads = serial ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        return LocalAdjacency.batchedBrandesScratchBytes(nodes: nodes) * threads <= 2 << 30
    }

    /// Betweenness with `k` pivots drawn uniformly without replacement by a seeded generator
    /// (networkx `betweenness_centrality(k=, seed=)`: same scaling, different random stream).
    /// - Complexity: O(k m) unweighted.
    public func betweennessCentrality(
        sampleSize k: Int, seed: UInt64, normalized: Bool = true,
        weighted: Bool = false, endpoints: Bool = false
    ) throws(GraphError) -> [Double] {
        guard k >= 1, k <= nodeCount else { throw .invalidArgument("sampleSize must be in 1...nodeCount") }
        if k == nodeCount {
            return try betweennessCentrality(normalized: normalized, weighted: weighted, endpoints: endpoints)
        }
        var rng = SplitMix64(seed: seed)
        var pool = Array(0..<nodeCount)
        for i in 0..<k { pool.swapAt(i, i + Int(rng.next() % UInt64(nodeCount - i))) }
        return try betweennessCentrality(
            normalized: normalized, weighted: weighted, endpoints: endpoints,
            sources: Array(pool[0..<k]))
    }

    /// networkx 3.6 `_rescale` for node betweenness.
    private func rescaleBetweenness(
        _ bc: inout [Double], normalized: Bool, endpoints: Bool,
        sampled: Set<Int>?, sampleCount: Int?, activeCount: Int
    ) {
        let n = nodeCount
        let bigN = Double(endpoints ? activeCount : activeCount - 1)
        if bigN < 2 { return }
        let k = sampleCount.map(Double.init)
        let kSource = k ?? bigN
        let correction: Double = isDirected ? 1 : 2
        if k == nil || endpoints {
            let scale = normalized ? 1 / (kSource * (bigN - 1)) : bigN / (kSource * correction)
            if scale != 1 { for v in 0..<n { bc[v] *= scale } }
            return
        }
        let scaleSource =
            kSource > 1 ? (normalized ? 1 / ((kSource - 1) * (bigN - 1)) : bigN / ((kSource - 1) * correction)) : .nan
        let scaleOther = normalized ? 1 / (kSource * (bigN - 1)) : bigN / (kSource * correction)
        for v in 0..<n { bc[v] *= (sampled?.contains(v) ?? false) ? scaleSource : scaleOther }
    }

    /// Edge betweenness centrality (networkx `edge_betweenness_centrality`): for each edge, the sum
    /// over pairs of the fraction of shortest paths using it. Normalized (default) by
    /// `1 / (n (n - 1))`; unnormalized undirected values are halved. With `sources`, scaled by
    /// `n / k` as networkx's sampled version.
    ///
    /// Returns one value per canonical edge (aligned with ``edgeSources``/``edgeTargets``).
    /// - Complexity: O(n m) unweighted; parallel over sources.
    ///
    /// Reference: Brandes, U. (2008). On variants of shortest-path betweenness centrality.
    /// Girvan, M. & Newman, M. E. J. (2002). Community structure in social and biological networks.
    public func edgeBetweennessCentrality(
        normalized: Bool = true, weighted: Bool = false,
        sources: [Int]? = nil
    ) throws(GraphError) -> [EdgeValue] {
        if weighted { try checkNonNegativeWeights() }
        if let sources { for s in sources { try check(s) } }
        let srcs = sources ?? Array(0..<nodeCount)
        let n = nodeCount, m = edgeCount
        let graph = self
        let useWeights = weighted && outWeights != nil
        let inW = inWeights ?? []
        let partials = parallelChunks(srcs.count) { range -> [Double] in
            var eb = [Double](repeating: 0, count: m)
            var x = BrandesScratch(n)
            for i in range {
                let s = srcs[i]
                graph.brandesForward(s, weighted: useWeights, &x)
                var j = x.order.count - 1
                while j >= 0 {
                    let w = Int(x.order[j]); j -= 1
                    let coeff = (1 + x.delta[w]) / x.sigma[w]
                    for p in graph.inOffsets[w]..<graph.inOffsets[w + 1] {
                        let v = Int(graph.inTargets[p])
                        if Graph.isShortestPathPredecessor(v, slot: p, of: w, weighted: useWeights, inW: inW, x) {
                            let c = x.sigma[v] * coeff
                            eb[Int(graph.inEdgeIDs[p])] += c
                            x.delta[v] += c
                        }
                    }
                }
                x.reset()
            }
            return eb
        }
        var eb = [Double](repeating: 0, count: m)
        for part in partials { for e in 0..<m { eb[e] += part[e] } }
        let bigN = Double(n)
        if bigN >= 2 {
            let kSource = Double(srcs.count)
            let scale = normalized ? 1 / (kSource * (bigN - 1)) : bigN / (kSource * (isDirected ? 1 : 2))
            for e in 0..<m { eb[e] *= scale }
        }
        return (0..<m).map { EdgeValue(source: Int(edgeSources[$0]), target: Int(edgeTargets[$0]), value: eb[$0]) }
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood 2014, "SplitMix") so sampled measures are
/// reproducible across runs and platforms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

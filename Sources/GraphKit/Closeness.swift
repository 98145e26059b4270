extension Graph {
    /// Runs a BFS/Dijkstra from `s` following `incoming` edges when requested, leaving distances in
    /// `x.dist` and the reached nodes in `x.order`.
    /// `live` (empty = every edge) switches edges off (see ``GraphMask``).
    func distanceSearch(_ s: Int, weighted: Bool, incoming: Bool, live: [Bool] = [], _ x: inout BrandesScratch) {
        let offs = incoming ? inOffsets : outOffsets
        let tgts = incoming ? inTargets : outTargets
        let eids = incoming ? inEdgeIDs : outEdgeIDs
        x.dist[s] = 0
        if !weighted || outWeights == nil {
            x.order.append(Int32(s))
            var head = 0
            while head < x.order.count {
                let v = Int(x.order[head]); head += 1
                let dv = x.dist[v] + 1
                for p in offs[v]..<offs[v + 1] {
                    if !live.isEmpty && !live[Int(eids[p])] { continue }
                    let w = Int(tgts[p])
                    if x.dist[w] == .infinity { x.dist[w] = dv; x.order.append(Int32(w)) }
                }
            }
        } else {
            let wts = (incoming ? inWeights : outWeights)!
            x.heap.removeAll()
            x.heap.push(0, s)
            while !x.heap.isEmpty {
                let (d, v) = x.heap.pop()
                if x.sigma[v] != 0 || d > x.dist[v] { continue }
                x.sigma[v] = 1 // finalized marker
                x.order.append(Int32(v))
                for p in offs[v]..<offs[v + 1] {
                    if !live.isEmpty && !live[Int(eids[p])] { continue }
                    let w = Int(tgts[p])
                    let nd = d + wts[p]
                    if x.sigma[w] == 0 && nd < x.dist[w] { x.dist[w] = nd; x.heap.push(nd, w) }
                }
            }
        }
    }

    /// Evaluates `body(node, scratch)` for every node in parallel, with per-chunk scratch space.
    func perNodeParallel(serial: Bool = false, _ body: @Sendable (Int, inout BrandesScratch) -> Double) -> [Double] {
        let n = nodeCount
        let parts = parallelChunks(n, serial: serial) { range -> [Double] in
            var x = BrandesScratch(n)
            var out = [Double](); out.reserveCapacity(range.count)
            for v in range { out.append(body(v, &x)); x.reset() }
            return out
        }
        return parts.flatMap { $0 }
    }

    /// Closeness centrality of every node (networkx `closeness_centrality`, `wf_improved=True`).
    ///
    /// `C(u) = (r - 1) / sum_v d(v, u) * (r - 1) / (n - 1)`, where `r` is the number of nodes that can
    /// REACH `u` (including `u`) and `d(v, u)` the distance from `v` to `u`. For directed graphs this is
    /// the incoming distance, as networkx (which runs on `G.reverse()`); use `reversed()` for
    /// outgoing closeness. The second factor is the Wasserman-Faust improvement for disconnected
    /// graphs (`wfImproved: false` drops it). Nodes nothing reaches get 0.
    ///
    /// - Parameters:
    ///   - weighted: use weights as distances (networkx `distance="weight"`).
    ///   - mask: compute on the masked subgraph (``GraphMask``); `n` is then the number of nodes
    ///     switched on, and switched-off nodes score 0.
    ///   - serial: run on the calling thread (for measures computed inside a parallel loop).
    /// - Throws: ``GraphError/negativeWeight(source:target:weight:)``.
    /// - Complexity: O(n m) unweighted, O(n (m + n) log n) weighted; parallel over nodes.
    ///
    /// References: Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    /// Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications. CUP.
    public func closenessCentrality(
        weighted: Bool = false, wfImproved: Bool = true, mask: GraphMask? = nil,
        serial: Bool = false
    ) throws(GraphError) -> [Double] {
        if weighted { try checkNonNegativeWeights() }
        let live = liveEdges(mask)
        let n = mask?.activeNodeCount ?? nodeCount
        let graph = self
        let incoming = isDirected
        if !weighted || outWeights == nil {
            // Integer sums of integer distances: the same values as the generic loop below.
            let sums = unweightedDistanceSums(
                incoming: incoming, live: live, serial: serial,
                relabel: nodeCount >= Graph.relabelMinimumNodes, fold: true)
            return sums.map { r -> Double in
                let total = Double(r.total), reached = Double(r.reached)
                guard total > 0, n > 1 else { return 0 }
                var c = (reached - 1) / total
                if wfImproved { c *= (reached - 1) / Double(n - 1) }
                return c
            }
        }
        return perNodeParallel(serial: serial) { u, x in
            graph.distanceSearch(u, weighted: weighted, incoming: incoming, live: live, &x)
            var total = 0.0
            for v in x.order { total += x.dist[Int(v)] }
            let reached = Double(x.order.count)
            guard total > 0, n > 1 else { return 0 }
            var c = (reached - 1) / total
            if wfImproved { c *= (reached - 1) / Double(n - 1) }
            return c
        }
    }

    /// For every node (original numbering): the number of nodes that reach it along the edges in
    /// `live` (itself included) and the sum of their distances, searching `incoming` edges or
    /// outgoing ones, 64 sources at a time
    /// (``LocalAdjacency/distanceSumsBitParallel(sources:_:offsets:targets:)``), in the
    /// renumbered adjacency with `relabel`.
    ///
    /// With `fold`, a node `u` folded into `p` (``LocalAdjacency/foldTarget(_:offsets:targets:)``
    /// along the search direction: `p` is the only node with a step to `u`, and `u` steps to `p`)
    /// is not searched from: every node reaching `u` other than `u` does so through `p`, one step
    /// further, so `u` is reached by as many nodes as `p` (`u` among them) and its distance sum is
    /// `p`'s plus one per node reaching `p`, less the two for `u` itself (`u` is at distance 1 from
    /// `p` and 0 from itself). Integers throughout: the results do not depend on either option.
    func unweightedDistanceSums(
        incoming: Bool, live: [Bool], serial: Bool, relabel: Bool, fold: Bool
    ) -> [(reached: Int, total: Int)] {
        let n = nodeCount
        if n == 0 { return [] }
        let adj = localAdjacency(live: live, relabel: relabel)
        let offs = incoming ? adj.inOffsets : adj.outOffsets
        let tgts = incoming ? adj.inTargets : adj.outTargets
        var into = [Int](repeating: -1, count: n)
        var searched: [Int32] = []
        offs.withUnsafeBufferPointer { off in
            tgts.withUnsafeBufferPointer { T in
                for u in 0..<n {
                    into[u] = fold ? LocalAdjacency.foldTarget(u, offsets: off, targets: T) : -1
                    if into[u] < 0 { searched.append(Int32(u)) }
                }
            }
        }
        let sources = searched
        let parts = parallelChunks((sources.count + 63) / 64, serial: serial) { range in
            LocalAdjacency.distanceSumsBitParallel(
                sources: sources, range.lowerBound * 64..<min(range.upperBound * 64, sources.count),
                offsets: offs, targets: tgts)
        }
        var byNew = [(reached: Int, total: Int)](repeating: (1, 0), count: n)
        var k = 0
        for part in parts {
            for r in part { byNew[Int(sources[k])] = r; k += 1 }
        }
        for u in 0..<n where into[u] >= 0 {
            let r = byNew[into[u]]
            byNew[u] = (r.reached, r.total + r.reached - 2)
        }
        return adj.toOriginalOrder(byNew)
    }

    /// Harmonic centrality of every node (networkx `harmonic_centrality`):
    /// `H(u) = sum_{v != u} 1 / d(v, u)`, with `1 / inf = 0`. As in networkx, distances are measured
    /// FROM every other node TO `u` in directed graphs (the same direction as closeness). Not
    /// normalized (divide by `n - 1` for a [0, 1] scale).
    ///
    /// - Parameters:
    ///   - weighted: use weights as distances (networkx `distance="weight"`).
    ///   - mask: compute on the masked subgraph (``GraphMask``); switched-off nodes score 0.
    ///   - serial: run on the calling thread.
    /// - Throws: ``GraphError/negativeWeight(source:target:weight:)``.
    /// - Complexity: O(n m) unweighted; parallel over nodes.
    ///
    /// References: Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285.
    /// Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics 10.
    public func harmonicCentrality(
        weighted: Bool = false, mask: GraphMask? = nil,
        serial: Bool = false
    ) throws(GraphError) -> [Double] {
        if weighted { try checkNonNegativeWeights() }
        let live = liveEdges(mask)
        let graph = self
        let incoming = isDirected
        return perNodeParallel(serial: serial) { u, x in
            graph.distanceSearch(u, weighted: weighted, incoming: incoming, live: live, &x)
            var h = 0.0
            for v in x.order { let d = x.dist[Int(v)]; if d != 0 { h += 1 / d } }
            return h
        }
    }
}

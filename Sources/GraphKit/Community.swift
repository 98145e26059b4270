/// Weighted adjacency used between Louvain levels (self-loops hold intra-community weight).
private struct LevelGraph {
    var n: Int
    /// Neighbour lists without self-loops: for directed graphs out- and in-weights are summed.
    var nbrOffsets: [Int]
    var nbrTargets: [Int32]
    var nbrWeights: [Double]
    /// Weighted degree (undirected, self-loop twice) or out/in weighted degree (directed).
    var outDegree: [Double]
    var inDegree: [Double]
    /// Edges of this level (source, target, weight); undirected edges once.
    var edges: [(Int, Int, Double)]
}

extension Graph {
    /// Modularity of a partition (networkx `community.modularity`).
    ///
    /// `Q = sum_c [ L_c / m - gamma * d_c^out d_c^in / m^2 ]` for directed graphs and
    /// `Q = sum_c [ L_c / m - gamma * (d_c / 2m)^2 ]` for undirected ones, where `L_c` is the total
    /// weight of edges inside community `c`, `d_c` the total (weighted) degree of its nodes and `m`
    /// the total edge weight.
    ///
    /// - Parameters:
    ///   - communities: a partition of `0..<nodeCount` (every node exactly once).
    ///   - resolution: `gamma` (default 1). - weighted: use weights (networkx default `weight="weight"`).
    /// - Throws: ``GraphError/invalidArgument(_:)`` if `communities` is not a partition or the graph
    ///   has no edge weight.
    /// - Complexity: O(n + m).
    ///
    /// References: Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS 103.
    /// Leicht, E. A. & Newman, M. E. J. (2008). Community structure in directed networks. PRL 100.
    /// Reichardt, J. & Bornholdt, S. (2006) (resolution).
    public func modularity(of communities: [[Int]], resolution: Double = 1, weighted: Bool = true) throws(GraphError)
        -> Double
    {
        var label = [Int](repeating: -1, count: nodeCount)
        for (c, members) in communities.enumerated() {
            for v in members {
                try check(v)
                guard label[v] < 0 else { throw .invalidArgument("node \(v) is in two communities") }
                label[v] = c
            }
        }
        guard !label.contains(-1) else { throw .invalidArgument("communities do not cover every node") }
        let w: (Int) -> Double = { e in weighted ? self.edgeWeights[e] : 1 }
        var inside = [Double](repeating: 0, count: communities.count)
        var dout = [Double](repeating: 0, count: communities.count)
        var din = [Double](repeating: 0, count: communities.count)
        var total = 0.0
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e]), x = w(e)
            total += x
            if label[u] == label[v] { inside[label[u]] += x }
            dout[label[u]] += x
            din[label[v]] += x
        }
        guard total != 0 else { throw .invalidArgument("modularity is undefined without edge weight") }
        var q = 0.0
        if isDirected {
            let norm = 1 / (total * total)
            for c in 0..<communities.count { q += inside[c] / total - resolution * dout[c] * din[c] * norm }
        } else {
            let norm = 1 / (4 * total * total)
            for c in 0..<communities.count {
                let d = dout[c] + din[c]
                q += inside[c] / total - resolution * d * d * norm
            }
        }
        return q
    }

    /// Communities by the Louvain method (networkx `community.louvain_communities`).
    ///
    /// Level by level: visit nodes in a seeded random order and move each to the neighbouring
    /// community with the largest positive modularity gain until no move helps; then aggregate each
    /// community into one node and repeat while modularity improves by more than `threshold`.
    /// The gain formulas are networkx's (directed graphs use Dugué & Perez 2015's directed
    /// modularity). The seeded generator is ``SplitMix64``, not Python's, so partitions differ from
    /// networkx's for the same seed; modularity values are comparable. Deterministic per seed.
    ///
    /// - Parameters:
    ///   - resolution: `gamma` (default 1); < 1 favours larger communities.
    ///   - threshold: minimum modularity gain per level (default 1e-7).
    ///   - seed: the shuffle seed. - weighted: use edge weights (networkx default `weight="weight"`).
    /// - Returns: communities, each sorted, ordered by their smallest node.
    /// - Complexity: O(m) per pass, typically O(m log n) overall.
    ///
    /// Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast
    /// unfolding of communities in large networks. J. Stat. Mech. P10008.
    public func louvainCommunities(
        resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0,
        weighted: Bool = true
    ) -> [[Int]] {
        let n = nodeCount
        var partition = (0..<n).map { [$0] } // original nodes per current-level node
        if edgeCount == 0 { return partition }
        var rng = SplitMix64(seed: seed)
        var level = makeLevel(
            n: n,
            edges: (0..<edgeCount).map {
                (Int(edgeSources[$0]), Int(edgeTargets[$0]), weighted ? edgeWeights[$0] : 1)
            })
        let m = level.edges.reduce(0) { $0 + $1.2 }
        if m == 0 { return partition }
        var mod = levelModularity(level, labels: Array(0..<n), m: m, resolution: resolution)
        while true {
            let (labels, moved) = oneLevel(level, m: m, resolution: resolution, rng: &rng)
            if !moved { break }
            // Renumber communities densely in order of first appearance.
            var dense = [Int](repeating: -1, count: level.n)
            var count = 0
            for v in 0..<level.n where dense[labels[v]] < 0 { dense[labels[v]] = count; count += 1 }
            let lab = labels.map { dense[$0] }
            var merged = [[Int]](repeating: [], count: count)
            for v in 0..<level.n { merged[lab[v]].append(contentsOf: partition[v]) }
            let newMod = levelModularity(level, labels: lab, m: m, resolution: resolution)
            partition = merged
            if newMod - mod <= threshold { break }
            mod = newMod
            var agg: [Int: Double] = [:]
            var order: [Int] = []
            for (u, v, w) in level.edges {
                var a = lab[u], b = lab[v]
                if !isDirected && a > b { swap(&a, &b) }
                let key = a * count + b
                if agg[key] == nil { order.append(key) }
                agg[key, default: 0] += w
            }
            level = makeLevel(n: count, edges: order.map { ($0 / count, $0 % count, agg[$0]!) })
        }
        return partition.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    private func makeLevel(n: Int, edges: [(Int, Int, Double)]) -> LevelGraph {
        var outDeg = [Double](repeating: 0, count: n), inDeg = [Double](repeating: 0, count: n)
        var count = [Int](repeating: 0, count: n + 1)
        for (u, v, w) in edges {
            if isDirected { outDeg[u] += w; inDeg[v] += w } else { outDeg[u] += w; outDeg[v] += w }
            if u != v { count[u + 1] += 1; count[v + 1] += 1 }
        }
        if !isDirected { inDeg = outDeg }
        for v in 0..<n { count[v + 1] += count[v] }
        var pos = count
        var tg = [Int32](repeating: 0, count: count[n]), wt = [Double](repeating: 0, count: count[n])
        for (u, v, w) in edges where u != v {
            tg[pos[u]] = Int32(v); wt[pos[u]] = w; pos[u] += 1
            tg[pos[v]] = Int32(u); wt[pos[v]] = w; pos[v] += 1
        }
        return LevelGraph(
            n: n, nbrOffsets: count, nbrTargets: tg, nbrWeights: wt,
            outDegree: outDeg, inDegree: inDeg, edges: edges)
    }

    private func levelModularity(_ g: LevelGraph, labels: [Int], m: Double, resolution: Double) -> Double {
        var inside = [Double](repeating: 0, count: g.n), dout = inside, din = inside
        for (u, v, w) in g.edges where labels[u] == labels[v] { inside[labels[u]] += w }
        for v in 0..<g.n { dout[labels[v]] += g.outDegree[v]; din[labels[v]] += g.inDegree[v] }
        var q = 0.0
        for c in 0..<g.n {
            if isDirected {
                q += inside[c] / m - resolution * dout[c] * din[c] / (m * m)
            } else {
                q += inside[c] / m - resolution * dout[c] * dout[c] / (4 * m * m)
            }
        }
        return q
    }

    /// networkx `_one_level`: local moves until none improves modularity. Returns community labels.
    private func oneLevel(
        _ g: LevelGraph, m: Double, resolution: Double,
        rng: inout SplitMix64
    ) -> ([Int], Bool) {
        var com = Array(0..<g.n)
        var totOut = g.outDegree, totIn = g.inDegree
        var order = Array(0..<g.n)
        order.shuffle(using: &rng)
        var w2c = [Double](repeating: 0, count: g.n)
        var touched: [Int] = []
        var isTouched = [Bool](repeating: false, count: g.n)
        var improvement = false
        var moves = 1
        let m2 = m * m
        while moves > 0 {
            moves = 0
            for u in order {
                let own = com[u]
                touched.removeAll(keepingCapacity: true)
                for p in g.nbrOffsets[u]..<g.nbrOffsets[u + 1] {
                    let c = com[Int(g.nbrTargets[p])]
                    if !isTouched[c] { isTouched[c] = true; touched.append(c) }
                    w2c[c] += g.nbrWeights[p]
                }
                let dOut = g.outDegree[u], dIn = g.inDegree[u]
                var best = own, bestGain = 0.0
                let removeCost: Double
                if isDirected {
                    totOut[own] -= dOut; totIn[own] -= dIn
                    removeCost = -w2c[own] / m + resolution * (dOut * totIn[own] + dIn * totOut[own]) / m2
                } else {
                    totOut[own] -= dOut
                    removeCost = -w2c[own] / m + resolution * (totOut[own] * dOut) / (2 * m2)
                }
                for c in touched {
                    let gain =
                        isDirected
                        ? removeCost + w2c[c] / m - resolution * (dOut * totIn[c] + dIn * totOut[c]) / m2
                        : removeCost + w2c[c] / m - resolution * (totOut[c] * dOut) / (2 * m2)
                    if gain > bestGain { bestGain = gain; best = c }
                }
                totOut[best] += dOut
                if isDirected { totIn[best] += dIn }
                for c in touched { w2c[c] = 0; isTouched[c] = false }
                if best != own { com[u] = best; improvement = true; moves += 1 }
            }
        }
        if !isDirected { totIn = totOut }
        return (com, improvement)
    }
}

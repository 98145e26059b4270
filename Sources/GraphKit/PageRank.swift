extension Graph {
    /// PageRank of every node (networkx `pagerank`, which runs `_pagerank_scipy`).
    ///
    /// The stationary distribution of a random surfer who follows an out-edge with probability
    /// `alpha` (chosen proportionally to edge weight) and otherwise jumps to a node drawn from the
    /// personalization vector. Dangling nodes (no out-edges, or zero out-weight) jump according to
    /// `dangling` (default: the personalization vector). Undirected graphs count each edge in both
    /// directions; a self-loop counts once in its node's out-weight.
    ///
    /// Iteration exactly as networkx: start uniform, `x' = alpha (x P + sum(x[dangling]) d) + (1 - alpha) p`,
    /// stop as soon as the L1 change `sum |x' - x| < n * tolerance` and return `x'` un-renormalized.
    /// This stopping rule stops early: values differ from the exact solution by up to ~1e-5, so only
    /// compare with other tools at that precision.
    ///
    /// - Parameters:
    ///   - alpha: damping factor (default 0.85).
    ///   - personalization: teleport weights per node (normalized to sum 1); `nil` = uniform.
    ///   - dangling: out-weights used by dangling nodes (normalized); `nil` = personalization.
    ///   - weighted: weight transitions by edge weight (networkx `weight="weight"`, the default).
    ///   - maxIterations: default 100. - tolerance: default 1e-6.
    ///   - mask: compute on the masked subgraph (``GraphMask``): switched-off nodes score 0, take
    ///     no teleport or dangling mass, and `n` is the number of nodes switched on. Not combined
    ///     with `personalization`/`dangling`.
    /// - Throws: ``GraphError/failedToConverge(iterations:)``, ``GraphError/invalidArgument(_:)`` for
    ///   vectors of the wrong length or zero sum.
    /// - Complexity: O(maxIterations (n + m)).
    ///
    /// Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation
    /// ranking: bringing order to the Web. Stanford InfoLab.
    public func pageRank(
        alpha: Double = 0.85, personalization: [Double]? = nil, dangling: [Double]? = nil,
        weighted: Bool = true, maxIterations: Int = 100,
        tolerance: Double = 1e-6, mask: GraphMask? = nil
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        if n == 0 { return [] }
        let live = liveEdges(mask)
        if mask != nil && (personalization != nil || dangling != nil) {
            throw .invalidArgument("a mask cannot be combined with personalization or dangling weights")
        }
        let on = mask?.nodes ?? [Bool](repeating: true, count: n)
        let edgeOn = live.isEmpty ? [Bool](repeating: true, count: edgeCount) : live
        let active = mask?.activeNodeCount ?? n
        if active == 0 { return [Double](repeating: 0, count: n) }
        var uniform = [Double](repeating: 0, count: n)
        for v in 0..<n where on[v] { uniform[v] = 1 / Double(active) }
        func normalizedVector(_ v: [Double]?, _ name: String) throws(GraphError) -> [Double] {
            guard let v else { return uniform }
            guard v.count == n else { throw .invalidArgument("\(name) must have one value per node") }
            let s = v.reduce(0, +)
            guard s != 0 else { throw .invalidArgument("\(name) must not sum to zero") }
            return v.map { $0 / s }
        }
        let p = try normalizedVector(personalization, "personalization")
        let dw = dangling == nil ? p : try normalizedVector(dangling, "dangling")
        let useW = weighted && outWeights != nil
        // Inverse out-weight per node (0 for dangling nodes); switched-off nodes and edges count nothing.
        var invOut = [Double](repeating: 0, count: n)
        var danglingNodes: [Int] = []
        for v in 0..<n {
            if !on[v] { continue }
            var s = 0.0
            for q in outOffsets[v]..<outOffsets[v + 1] {
                if edgeOn[Int(outEdgeIDs[q])] { s += useW ? outWeights![q] : 1 }
            }
            if s != 0 { invOut[v] = 1 / s } else { danglingNodes.append(v) }
        }
        // Fresh buffers: `x` must not share storage with `p`/`dw` (they may be `uniform` itself).
        var x = (0..<n).map { uniform[$0] }
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(0, maxIterations) {
            var danglingSum = 0.0
            for v in danglingNodes { danglingSum += x[v] }
            var err = 0.0
            for j in 0..<n {
                var value = 0.0
                if on[j] {
                    var s = 0.0
                    for q in inOffsets[j]..<inOffsets[j + 1] {
                        if edgeOn[Int(inEdgeIDs[q])] {
                            let i = Int(inTargets[q])
                            s += x[i] * (useW ? inWeights![q] : 1) * invOut[i]
                        }
                    }
                    value = alpha * (s + danglingSum * dw[j]) + (1 - alpha) * p[j]
                }
                next[j] = value
                err += abs(value - x[j])
            }
            swap(&x, &next)
            if err < Double(active) * tolerance { return x }
        }
        throw .failedToConverge(iterations: maxIterations)
    }
}

extension Graph {
    /// Eigenvector centrality of every node (networkx 3.x `eigenvector_centrality`).
    ///
    /// The principal eigenvector of `A^T` (a node is central when central nodes point to it): for
    /// directed graphs this is "left" / in-edge eigenvector centrality. Computed exactly as networkx:
    /// power iteration on `A^T + I` (the shift guarantees convergence on bipartite graphs without
    /// changing the eigenvector), starting from the uniform vector, normalizing to unit Euclidean
    /// norm after every step, stopping when the L1 change is below `n * tolerance`.
    ///
    /// - Parameters:
    ///   - weighted: use edge weights (networkx default `weight=None`, i.e. unweighted).
    ///   - maxIterations: default 100. - tolerance: default 1e-6.
    /// - Throws: ``GraphError/emptyGraph``, ``GraphError/failedToConverge(iterations:)``.
    /// - Complexity: O(maxIterations (n + m)).
    ///
    /// References: Bonacich, P. (1987). Power and centrality: a family of measures. AJS 92(5).
    /// Bonacich, P. (1972). Factoring and weighting approaches to status scores. J. Math. Sociol. 2.
    public func eigenvectorCentrality(
        weighted: Bool = false, maxIterations: Int = 100,
        tolerance: Double = 1e-6
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { throw .emptyGraph }
        let useW = weighted && inWeights != nil
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(0, maxIterations) {
            var sq = 0.0
            for j in 0..<n {
                var s = x[j]
                for q in inOffsets[j]..<inOffsets[j + 1] {
                    s += x[Int(inTargets[q])] * (useW ? inWeights![q] : 1)
                }
                next[j] = s
                sq += s * s
            }
            var norm = sq.squareRoot()
            if norm == 0 { norm = 1 }
            var err = 0.0
            for j in 0..<n { next[j] /= norm; err += abs(next[j] - x[j]) }
            swap(&x, &next)
            if err < Double(n) * tolerance { return x }
        }
        throw .failedToConverge(iterations: maxIterations)
    }
}

/// Hub and authority scores from ``Graph/hits(maxIterations:tolerance:)``.
public struct HITSScores: Sendable, Hashable {
    /// Hub score per node (sums to 1): good hubs point to good authorities.
    public var hubs: [Double]
    /// Authority score per node (sums to 1): good authorities are pointed to by good hubs.
    public var authorities: [Double]
}

extension Graph {
    /// HITS hubs and authorities (networkx `hits`, `normalized=True`).
    ///
    /// Authorities are the principal eigenvector of `A^T A` (the principal right singular vector of
    /// the adjacency matrix `A`), hubs `h = A a`; both are normalized to sum 1. networkx computes the
    /// singular vector with ARPACK (`scipy.sparse.linalg.svds`); GraphKit uses power iteration
    /// `a <- A^T (A a)` from the uniform vector until the L1 change of the sum-normalized vector is
    /// below `tolerance`. When the top singular value is repeated the answer depends on the start
    /// vector and the two tools may legitimately disagree. Undirected graphs use the symmetric
    /// adjacency (hubs = authorities). Edge weights are used when present, as networkx's
    /// `adjacency_matrix` does.
    ///
    /// - Parameters: maxIterations: default 10,000 (power iteration converges like (sigma2/sigma1)^2 per
    ///   step); tolerance: default 1e-12.
    /// - Throws: ``GraphError/failedToConverge(iterations:)``.
    /// - Complexity: O(maxIterations (n + m)).
    ///
    /// Reference: Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment.
    /// Journal of the ACM 46(5).
    public func hits(maxIterations: Int = 10_000, tolerance: Double = 1e-12) throws(GraphError) -> HITSScores {
        let n = nodeCount
        if n == 0 { return HITSScores(hubs: [], authorities: []) }
        var a = [Double](repeating: 1 / Double(n), count: n)
        var h = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        func hubsFrom(_ a: [Double], into h: inout [Double]) {
            for i in 0..<n {
                var s = 0.0
                for q in outOffsets[i]..<outOffsets[i + 1] { s += outWeight(q) * a[Int(outTargets[q])] }
                h[i] = s
            }
        }
        for _ in 0..<max(0, maxIterations) {
            hubsFrom(a, into: &h)
            var total = 0.0
            for j in 0..<n {
                var s = 0.0
                for q in inOffsets[j]..<inOffsets[j + 1] { s += inWeight(q) * h[Int(inTargets[q])] }
                next[j] = s
                total += s
            }
            if total == 0 { throw .failedToConverge(iterations: maxIterations) }
            var err = 0.0
            for j in 0..<n { next[j] /= total; err += abs(next[j] - a[j]) }
            swap(&a, &next)
            if err < tolerance {
                hubsFrom(a, into: &h)
                let hs = h.reduce(0, +)
                return HITSScores(hubs: h.map { $0 / hs }, authorities: a)
            }
        }
        throw .failedToConverge(iterations: maxIterations)
    }
}

extension Graph {
    /// Katz centrality of every node (networkx `katz_centrality`).
    ///
    /// `x_i = alpha * sum_j A_ji x_j + beta`: every node gets a base score `beta` plus `alpha` times
    /// the scores of the nodes pointing to it (walks of length k are attenuated by `alpha^k`).
    /// Power iteration from the zero vector, stopping when the L1 change is below
    /// `n * tolerance`; with `normalized` the result is scaled to unit Euclidean norm. Converges
    /// only if `alpha < 1 / lambda_max`.
    ///
    /// - Parameters:
    ///   - alpha: attenuation factor (default 0.1). - beta: base score (default 1).
    ///   - weighted: use edge weights (networkx default `weight=None`).
    ///   - maxIterations: default 1000. - tolerance: default 1e-6.
    /// - Throws: ``GraphError/failedToConverge(iterations:)``.
    /// - Complexity: O(maxIterations (n + m)).
    ///
    /// Reference: Katz, L. (1953). A new status index derived from sociometric analysis.
    /// Psychometrika 18(1).
    public func katzCentrality(
        alpha: Double = 0.1, beta: Double = 1, weighted: Bool = false,
        normalized: Bool = true, maxIterations: Int = 1000,
        tolerance: Double = 1e-6
    ) throws(GraphError) -> [Double] {
        let n = nodeCount
        if n == 0 { return [] }
        let useW = weighted && inWeights != nil
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(0, maxIterations) {
            var err = 0.0
            for j in 0..<n {
                var s = 0.0
                for q in inOffsets[j]..<inOffsets[j + 1] {
                    s += x[Int(inTargets[q])] * (useW ? inWeights![q] : 1)
                }
                let v = alpha * s + beta
                next[j] = v
                err += abs(v - x[j])
            }
            swap(&x, &next)
            if err < Double(n) * tolerance {
                if normalized {
                    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    let scale = norm == 0 ? 1 : 1 / norm
                    return x.map { $0 * scale }
                }
                return x
            }
        }
        throw .failedToConverge(iterations: maxIterations)
    }
}

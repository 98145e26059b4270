extension Graph {
    /// The out-degree of every node: the number of edges leaving it, or with `weighted` the sum of
    /// their weights (networkx `G.out_degree(weight=...)`). For undirected graphs this is
    /// ``degrees(weighted:)``.
    /// - Complexity: O(n + m).
    public func outDegrees(weighted: Bool = false) -> [Double] {
        guard isDirected else { return degrees(weighted: weighted) }
        return (0..<nodeCount).map { v in sumSlots(outOffsets[v]..<outOffsets[v + 1], outWeights, weighted) }
    }

    /// The in-degree of every node: the number of edges entering it, or with `weighted` the sum of
    /// their weights (networkx `G.in_degree(weight=...)`). For undirected graphs this is
    /// ``degrees(weighted:)``.
    /// - Complexity: O(n + m).
    public func inDegrees(weighted: Bool = false) -> [Double] {
        guard isDirected else { return degrees(weighted: weighted) }
        return (0..<nodeCount).map { v in sumSlots(inOffsets[v]..<inOffsets[v + 1], inWeights, weighted) }
    }

    /// The (total) degree of every node, networkx `G.degree(weight=...)`.
    ///
    /// Directed graphs: in-degree + out-degree (a self-loop counts once in each, so 2).
    /// Undirected graphs: the number of incident edges, a self-loop counting twice (its weight twice
    /// when weighted), as in networkx.
    /// - Complexity: O(n + m).
    public func degrees(weighted: Bool = false) -> [Double] {
        if isDirected {
            return (0..<nodeCount).map { v in
                sumSlots(outOffsets[v]..<outOffsets[v + 1], outWeights, weighted)
                    + sumSlots(inOffsets[v]..<inOffsets[v + 1], inWeights, weighted)
            }
        }
        return (0..<nodeCount).map { v in
            var d = 0.0
            for p in outOffsets[v]..<outOffsets[v + 1] {
                let w = weighted ? outWeight(p) : 1
                d += Int(outTargets[p]) == v ? 2 * w : w
            }
            return d
        }
    }

    /// Degree centrality, networkx `degree_centrality`: the degree divided by `n - 1`, the largest
    /// possible degree in a simple graph (values can exceed 1 with self-loops). For directed graphs
    /// the degree is in + out. A graph with at most one node gives 1 for every node, as networkx.
    ///
    /// Reference: Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    /// - Complexity: O(n + m).
    public func degreeCentrality() -> [Double] {
        normalizedDegree(degrees())
    }

    /// In-degree centrality, networkx `in_degree_centrality`: in-degree / (n - 1).
    /// - Throws: ``GraphError/invalidArgument(_:)`` for an undirected graph (networkx raises
    ///   `NetworkXNotImplemented`).
    /// - Complexity: O(n + m).
    public func inDegreeCentrality() throws(GraphError) -> [Double] {
        guard isDirected else { throw .invalidArgument("in-degree centrality needs a directed graph") }
        return normalizedDegree(inDegrees())
    }

    /// Out-degree centrality, networkx `out_degree_centrality`: out-degree / (n - 1).
    /// - Throws: ``GraphError/invalidArgument(_:)`` for an undirected graph.
    /// - Complexity: O(n + m).
    public func outDegreeCentrality() throws(GraphError) -> [Double] {
        guard isDirected else { throw .invalidArgument("out-degree centrality needs a directed graph") }
        return normalizedDegree(outDegrees())
    }

    private func normalizedDegree(_ d: [Double]) -> [Double] {
        if nodeCount <= 1 { return [Double](repeating: 1, count: nodeCount) }
        let s = 1.0 / Double(nodeCount - 1)
        return d.map { $0 * s }
    }

    private func sumSlots(_ r: Range<Int>, _ w: [Double]?, _ weighted: Bool) -> Double {
        guard weighted, let w else { return Double(r.count) }
        var s = 0.0
        for p in r { s += w[p] }
        return s
    }
}

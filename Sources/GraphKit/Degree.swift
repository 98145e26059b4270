extension Graph {
    /// The out-degree of every node: the number of edges leaving it, or with `weighted` the sum of
    /// their weights (networkx `G.out_degree(weight=...)`). For undirected graphs this is
    /// ``degrees(weighted:)``.
    /// - Complexity: O(n + m).
    /// With `mask`, only live edges count (see ``GraphMask``).
    public func outDegrees(weighted: Bool = false, mask: GraphMask? = nil) -> [Double] {
        guard isDirected else { return degrees(weighted: weighted, mask: mask) }
        let live = liveEdges(mask)
        return (0..<nodeCount).map { v in
            sumSlots(outOffsets[v]..<outOffsets[v + 1], outWeights, weighted, live, outEdgeIDs)
        }
    }

    /// The in-degree of every node: the number of edges entering it, or with `weighted` the sum of
    /// their weights (networkx `G.in_degree(weight=...)`). For undirected graphs this is
    /// ``degrees(weighted:)``.
    /// - Complexity: O(n + m).
    /// With `mask`, only live edges count (see ``GraphMask``).
    public func inDegrees(weighted: Bool = false, mask: GraphMask? = nil) -> [Double] {
        guard isDirected else { return degrees(weighted: weighted, mask: mask) }
        let live = liveEdges(mask)
        return (0..<nodeCount).map { v in
            sumSlots(inOffsets[v]..<inOffsets[v + 1], inWeights, weighted, live, inEdgeIDs)
        }
    }

    /// The (total) degree of every node, networkx `G.degree(weight=...)`.
    ///
    /// Directed graphs: in-degree + out-degree (a self-loop counts once in each, so 2).
    /// Undirected graphs: the number of incident edges, a self-loop counting twice (its weight twice
    /// when weighted), as in networkx. With `mask`, only live edges count (see ``GraphMask``).
    /// - Complexity: O(n + m).
    public func degrees(weighted: Bool = false, mask: GraphMask? = nil) -> [Double] {
        let live = liveEdges(mask)
        if isDirected {
            return (0..<nodeCount).map { v in
                sumSlots(outOffsets[v]..<outOffsets[v + 1], outWeights, weighted, live, outEdgeIDs)
                    + sumSlots(inOffsets[v]..<inOffsets[v + 1], inWeights, weighted, live, inEdgeIDs)
            }
        }
        return (0..<nodeCount).map { v in
            var d = 0.0
            for p in outOffsets[v]..<outOffsets[v + 1] where live.isEmpty || live[Int(outEdgeIDs[p])] {
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
    /// With `mask`, the masked subgraph's degree centrality (`n` = nodes switched on; switched-off
    /// nodes score 0).
    public func degreeCentrality(mask: GraphMask? = nil) -> [Double] {
        normalizedDegree(degrees(mask: mask), mask)
    }

    /// In-degree centrality, networkx `in_degree_centrality`: in-degree / (n - 1).
    /// - Throws: ``GraphError/invalidArgument(_:)`` for an undirected graph (networkx raises
    ///   `NetworkXNotImplemented`).
    /// - Complexity: O(n + m).
    public func inDegreeCentrality(mask: GraphMask? = nil) throws(GraphError) -> [Double] {
        guard isDirected else { throw .invalidArgument("in-degree centrality needs a directed graph") }
        return normalizedDegree(inDegrees(mask: mask), mask)
    }

    /// Out-degree centrality, networkx `out_degree_centrality`: out-degree / (n - 1).
    /// - Throws: ``GraphError/invalidArgument(_:)`` for an undirected graph.
    /// - Complexity: O(n + m).
    public func outDegreeCentrality(mask: GraphMask? = nil) throws(GraphError) -> [Double] {
        guard isDirected else { throw .invalidArgument("out-degree centrality needs a directed graph") }
        return normalizedDegree(outDegrees(mask: mask), mask)
    }

    /// Divides by `n - 1` (`n` = nodes switched on); a graph of at most one node gives 1 per node.
    func normalizedDegree(_ d: [Double], _ mask: GraphMask?) -> [Double] {
        let n = mask?.activeNodeCount ?? nodeCount
        let on = { (v: Int) in mask?.nodes[v] ?? true }
        if n <= 1 { return d.indices.map { on($0) ? 1 : 0 } }
        let s = 1.0 / Double(n - 1)
        return d.map { $0 * s }
    }

    private func sumSlots(_ r: Range<Int>, _ w: [Double]?, _ weighted: Bool, _ live: [Bool], _ ids: [Int32]) -> Double {
        if live.isEmpty {
            guard weighted, let w else { return Double(r.count) }
            var s = 0.0
            for p in r { s += w[p] }
            return s
        }
        var s = 0.0
        for p in r where live[Int(ids[p])] { s += weighted ? (w?[p] ?? 1) : 1 }
        return s
    }
}

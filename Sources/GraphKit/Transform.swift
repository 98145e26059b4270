/// A graph derived from another by removing or keeping nodes, with the index mappings between them.
public struct Subgraph: Sendable {
    /// The derived graph, over the nodes `0..<graph.nodeCount`.
    public let graph: Graph
    /// `originalNode[i]` is the node of the parent graph that became node `i`.
    public let originalNode: [Int]
    /// `newNode[v]` is the index node `v` of the parent graph has in `graph`, or `nil` if removed.
    public let newNode: [Int?]
}

extension Graph {
    /// The graph with every edge reversed (networkx `G.reverse()`); undirected graphs are returned
    /// unchanged.
    /// - Complexity: O(n + m log m).
    public func reversed() -> Graph {
        guard isDirected else { return self }
        var order = Array(0..<edgeCount)
        order.sort { a, b in
            edgeTargets[a] != edgeTargets[b] ? edgeTargets[a] < edgeTargets[b] : edgeSources[a] < edgeSources[b]
        }
        return Graph(
            canonicalSources: order.map { edgeTargets[$0] }, targets: order.map { edgeSources[$0] },
            weights: order.map { edgeWeights[$0] }, nodeCount: nodeCount, directed: true)
    }

    /// The undirected view (networkx `G.to_undirected()`): `u -> v` and `v -> u` become one edge.
    ///
    /// Weight rule (matches networkx, which re-adds edges in node order so the later update wins):
    /// for a reciprocal pair the weight of the edge whose source has the larger index is kept.
    /// - Complexity: O(n + m log m).
    public func undirected() -> Graph {
        guard isDirected else { return self }
        // Canonical edges are sorted by source, so feeding them in order makes the larger source last.
        // swiftlint:disable:next force_try
        return try! Graph(nodeCount: nodeCount, edges: edges, directed: false)
    }

    /// The subgraph induced by the nodes that are NOT in `nodes` (networkx
    /// `G.subgraph(set(G) - nodes)`), renumbered densely in increasing original order.
    /// Useful for what-if analyses ("what if this council were dissolved?").
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``.
    /// - Complexity: O(n + m).
    public func subgraph(removing nodes: some Sequence<Int>) throws(GraphError) -> Subgraph {
        var keep = [Bool](repeating: true, count: nodeCount)
        for v in nodes { try check(v); keep[v] = false }
        return induced(keep)
    }

    /// The subgraph induced by `nodes` (networkx `G.subgraph(nodes)`), renumbered densely in
    /// increasing original order.
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``.
    /// - Complexity: O(n + m).
    public func subgraph(keeping nodes: some Sequence<Int>) throws(GraphError) -> Subgraph {
        var keep = [Bool](repeating: false, count: nodeCount)
        for v in nodes { try check(v); keep[v] = true }
        return induced(keep)
    }

    /// The same node set with the given edges removed (missing edges are ignored); node indices are
    /// unchanged, so measures can be compared node by node.
    /// - Complexity: O(n + m).
    public func removingEdges(_ removed: [(source: Int, target: Int)]) -> Graph {
        var drop = [Bool](repeating: false, count: edgeCount)
        for (s, t) in removed {
            if let slot = slot(from: s, to: t) { drop[Int(outEdgeIDs[slot])] = true }
        }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        for e in 0..<edgeCount where !drop[e] {
            s.append(edgeSources[e]); t.append(edgeTargets[e]); w.append(edgeWeights[e])
        }
        return Graph(canonicalSources: s, targets: t, weights: w, nodeCount: nodeCount, directed: isDirected)
    }

    private func induced(_ keep: [Bool]) -> Subgraph {
        var newNode = [Int?](repeating: nil, count: nodeCount)
        var original: [Int] = []
        for v in 0..<nodeCount where keep[v] { newNode[v] = original.count; original.append(v) }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        for e in 0..<edgeCount {
            guard let a = newNode[Int(edgeSources[e])], let b = newNode[Int(edgeTargets[e])] else { continue }
            s.append(Int32(a)); t.append(Int32(b)); w.append(edgeWeights[e])
        }
        // Monotone renumbering keeps the canonical (source, target) order.
        let g = Graph(canonicalSources: s, targets: t, weights: w, nodeCount: original.count, directed: isDirected)
        return Subgraph(graph: g, originalNode: original, newNode: newNode)
    }
}

// PENDING (measures branch): stand-ins for GraphKit functions another branch is writing, with the
// same signatures, so OrgNet's path and brokerage code builds now. Delete this file at merge in
// favour of the real implementations (SimplePaths.swift, Biconnected.swift).
// These versions are deliberately simple (brute force) and only meant for small networks.

/// A path through a graph and its length (hop count, or total weight for weighted searches).
public struct WeightedPath: Sendable, Hashable {
    /// The nodes in order, starting at the source and ending at the target.
    public var nodes: [Int]
    /// The number of edges (unweighted) or the sum of their weights (weighted).
    public var length: Double
}

extension Graph {
    /// All simple paths from `source` to `target` with at most `cutoff` edges (networkx
    /// `all_simple_paths`), in depth-first order over sorted neighbour lists. PENDING stand-in.
    public func allSimplePaths(from source: Int, to target: Int, cutoff: Int? = nil) throws(GraphError) -> [[Int]] {
        try check(source); try check(target)
        let limit = cutoff ?? (nodeCount - 1)
        if source == target || limit < 1 { return [] }
        var onPath = [Bool](repeating: false, count: nodeCount)
        var path = [source]
        var cursor = [outOffsets[source]]
        onPath[source] = true
        var result: [[Int]] = []
        while let slot = cursor.last {
            let v = path[path.count - 1]
            if slot >= outOffsets[v + 1] || path.count - 1 >= limit {
                cursor.removeLast(); onPath[path.removeLast()] = false
                continue
            }
            cursor[cursor.count - 1] += 1
            let w = Int(outTargets[slot])
            if onPath[w] { continue }
            if w == target { result.append(path + [w]); continue }
            if path.count < limit { path.append(w); onPath[w] = true; cursor.append(outOffsets[w]) }
        }
        return result
    }

    /// The `k` shortest simple paths, shortest first (networkx `shortest_simple_paths`). PENDING
    /// stand-in: enumerates every simple path and sorts (stable, so equal lengths keep DFS order).
    public func kShortestSimplePaths(from source: Int, to target: Int, k: Int,
                                     weighted: Bool = false) throws(GraphError) -> [WeightedPath] {
        try check(source); try check(target)
        if weighted { try checkNonNegativeWeights() }
        guard k > 0, source != target else { return [] }
        let all = try allSimplePaths(from: source, to: target).map { nodes in
            WeightedPath(nodes: nodes, length: zip(nodes, nodes.dropFirst()).reduce(0.0) { acc, e in
                acc + (weighted ? (weight(from: e.0, to: e.1) ?? 1) : 1)
            })
        }
        let order = all.indices.sorted { all[$0].length != all[$1].length ? all[$0].length < all[$1].length : $0 < $1 }
        return order.prefix(k).map { all[$0] }
    }

    /// Articulation points of the undirected view (networkx `articulation_points`), sorted.
    /// PENDING stand-in: removes each node and counts components, O(n (n + m)).
    public func articulationPoints() -> [Int] {
        let u = undirected()
        let base = u.weaklyConnectedComponents().count
        return (0..<nodeCount).filter { v in
            // Removing a node of a component that splits into two or more pieces raises the count;
            // removing any other node leaves it equal or one lower.
            guard let sub = try? u.subgraph(removing: [v]) else { return false }
            return sub.graph.weaklyConnectedComponents().count > base
        }
    }

    /// Bridges of the undirected view (networkx `bridges`) as `(smaller, larger)` pairs, sorted.
    /// PENDING stand-in: removes each edge and counts components, O(m (n + m)).
    public func bridges() -> [(source: Int, target: Int)] {
        let u = undirected()
        let base = u.weaklyConnectedComponents().count
        var out: [(source: Int, target: Int)] = []
        for e in 0..<u.edgeCount where u.edgeSources[e] != u.edgeTargets[e] {
            let s = Int(u.edgeSources[e]), t = Int(u.edgeTargets[e])
            if u.removingEdges([(s, t)]).weaklyConnectedComponents().count > base { out.append((s, t)) }
        }
        return out
    }
}

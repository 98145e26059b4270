/// Which way a traversal follows the edges of a directed graph (ignored for undirected graphs).
public enum TraversalDirection: Sendable, Hashable {
    /// Follow edges from tail to head: distances FROM the source.
    case outgoing
    /// Follow edges from head to tail (the reversed graph): distances TO the source.
    case incoming
}

/// The result of a single-source shortest-path search: distances and one predecessor per node,
/// from which a shortest path to any reachable node can be rebuilt.
public struct ShortestPathTree: Sendable {
    /// The source node.
    public let source: Int
    /// The direction the search followed.
    public let direction: TraversalDirection
    /// `distances[v]`: the hop count (unweighted) or total weight (weighted) of a shortest path
    /// between the source and `v`; `.infinity` if `v` is unreachable.
    public let distances: [Double]
    /// `predecessors[v]`: the node before `v` on the recorded shortest path, `-1` for the source and
    /// for unreachable nodes. The first predecessor found is kept (BFS order, or the first strictly
    /// improving Dijkstra relaxation), as networkx's `single_source_shortest_path`.
    public let predecessors: [Int]

    /// Whether `node` was reached.
    public func isReachable(_ node: Int) -> Bool { distances[node].isFinite }

    /// The nodes reached from the source (including it), in increasing index order.
    public var reachableNodes: [Int] { distances.indices.filter { distances[$0].isFinite } }

    /// A shortest path between the source and `node` as a node list starting at the source (for
    /// ``TraversalDirection/incoming`` the list starts at the source too, and follows reversed edges),
    /// or `nil` when `node` is unreachable.
    /// - Complexity: O(path length).
    public func path(to node: Int) -> [Int]? {
        guard node >= 0, node < distances.count, distances[node].isFinite else { return nil }
        var out = [node]
        var v = node
        while predecessors[v] >= 0 { v = predecessors[v]; out.append(v) }
        return out.reversed()
    }
}

extension Graph {
    /// Single-source shortest paths: breadth-first search when `weighted` is false (networkx
    /// `single_source_shortest_path_length`), Dijkstra's algorithm with a binary heap otherwise
    /// (networkx `single_source_dijkstra`, `weight="weight"`).
    ///
    /// - Parameters:
    ///   - source: the start node.
    ///   - weighted: use edge weights as lengths (they must be non-negative).
    ///   - direction: `.incoming` measures distances TO `source` (search on the reversed graph).
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``, ``GraphError/negativeWeight(source:target:weight:)``.
    /// - Complexity: O(n + m) unweighted, O((n + m) log n) weighted.
    ///
    /// Reference: Dijkstra, E. W. (1959). A note on two problems in connexion with graphs.
    public func shortestPaths(
        from source: Int, weighted: Bool = false,
        direction: TraversalDirection = .outgoing
    ) throws(GraphError) -> ShortestPathTree {
        try check(source)
        if weighted { try checkNonNegativeWeights() }
        var dist = [Double](repeating: .infinity, count: nodeCount)
        var pred = [Int](repeating: -1, count: nodeCount)
        let incoming = direction == .incoming && isDirected
        let offs = incoming ? inOffsets : outOffsets
        let tgts = incoming ? inTargets : outTargets
        let wts = incoming ? inWeights : outWeights
        dist[source] = 0
        if !weighted || wts == nil {
            var queue = [Int32](); queue.reserveCapacity(nodeCount)
            queue.append(Int32(source))
            var head = 0
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                let dv = dist[v] + 1
                for p in offs[v]..<offs[v + 1] {
                    let w = Int(tgts[p])
                    if dist[w] == .infinity { dist[w] = dv; pred[w] = v; queue.append(Int32(w)) }
                }
            }
        } else {
            let wts = wts!
            var done = [Bool](repeating: false, count: nodeCount)
            var heap = MinHeap()
            heap.push(0, source)
            while !heap.isEmpty {
                let (d, v) = heap.pop()
                if done[v] { continue }
                done[v] = true
                for p in offs[v]..<offs[v + 1] {
                    let w = Int(tgts[p])
                    let nd = d + wts[p]
                    if !done[w] && nd < dist[w] { dist[w] = nd; pred[w] = v; heap.push(nd, w) }
                }
            }
        }
        return ShortestPathTree(source: source, direction: direction, distances: dist, predecessors: pred)
    }

    /// One shortest path from `source` to `target` (networkx `shortest_path`), or `nil` if `target`
    /// is unreachable. Among several shortest paths the one found first is returned; networkx's
    /// bidirectional search may pick another of the same length.
    /// - Complexity: as ``shortestPaths(from:weighted:direction:)``.
    public func shortestPath(from source: Int, to target: Int, weighted: Bool = false) throws(GraphError) -> [Int]? {
        try check(target)
        return try shortestPaths(from: source, weighted: weighted).path(to: target)
    }

    /// The length of a shortest path from `source` to `target` (networkx `shortest_path_length`), or
    /// `nil` if unreachable.
    /// - Complexity: as ``shortestPaths(from:weighted:direction:)``.
    public func shortestPathLength(from source: Int, to target: Int, weighted: Bool = false) throws(GraphError)
        -> Double?
    {
        try check(target)
        let d = try shortestPaths(from: source, weighted: weighted).distances[target]
        return d.isFinite ? d : nil
    }
}

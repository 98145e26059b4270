/// A path through a graph and its length (hop count, or total weight for weighted searches).
public struct WeightedPath: Sendable, Hashable {
    /// The nodes in order, starting at the source and ending at the target.
    public var nodes: [Int]
    /// The number of edges (unweighted) or the sum of their weights (weighted).
    public var length: Double
}

extension Graph {
    /// All simple paths (no repeated node) from `source` to `target` with at most `cutoff` edges
    /// (networkx `all_simple_paths(G, source, target, cutoff=)`; `nil` = no limit). Paths are
    /// returned in depth-first order over sorted neighbour lists. Iterative DFS, no recursion.
    ///
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``.
    /// - Complexity: O(number of paths * path length) output-sensitive, worst case exponential;
    ///   use a cutoff on large graphs.
    ///
    /// Reference: Sedgewick, R. (2001). Algorithms in C, Part 5: Graph Algorithms (simple path
    /// enumeration by backtracking DFS).
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
            if w == target {
                result.append(path + [w])
                continue
            }
            if path.count < limit {
                path.append(w); onPath[w] = true; cursor.append(outOffsets[w])
            }
        }
        return result
    }

    /// Shortest path avoiding blocked nodes and canonical edges; BFS or Dijkstra.
    private func restrictedShortestPath(
        _ s: Int, _ t: Int, weighted: Bool, blockedNodes: [Bool],
        blockedEdges: Set<Int32>
    ) -> WeightedPath? {
        var dist = [Double](repeating: .infinity, count: nodeCount)
        var pred = [Int](repeating: -1, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var heap = MinHeap()
        dist[s] = 0
        heap.push(0, s)
        while !heap.isEmpty {
            let (d, v) = heap.pop()
            if done[v] { continue }
            done[v] = true
            if v == t { break }
            for p in outOffsets[v]..<outOffsets[v + 1] {
                let w = Int(outTargets[p])
                if blockedNodes[w] || done[w] || blockedEdges.contains(outEdgeIDs[p]) { continue }
                let nd = d + (weighted ? outWeight(p) : 1)
                if nd < dist[w] { dist[w] = nd; pred[w] = v; heap.push(nd, w) }
            }
        }
        guard dist[t].isFinite else { return nil }
        var nodes = [t]
        var v = t
        while pred[v] >= 0 { v = pred[v]; nodes.append(v) }
        return WeightedPath(nodes: nodes.reversed(), length: dist[t])
    }

    /// The `k` shortest simple paths from `source` to `target` in order of increasing length
    /// (networkx `shortest_simple_paths`, taking the first `k`). Ties may be ordered differently
    /// from networkx; lengths agree.
    ///
    /// Yen's algorithm: each next path deviates from an earlier one at a spur node, with the root
    /// prefix's nodes and the edges already used after that prefix removed.
    ///
    /// - Parameter weighted: use weights as lengths (must be non-negative).
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``, ``GraphError/negativeWeight(source:target:weight:)``.
    /// - Complexity: O(k n (m + n log n)).
    ///
    /// Reference: Yen, J. Y. (1971). Finding the K shortest loopless paths in a network.
    /// Management Science 17(11).
    public func kShortestSimplePaths(
        from source: Int, to target: Int, k: Int,
        weighted: Bool = false
    ) throws(GraphError) -> [WeightedPath] {
        try check(source); try check(target)
        if weighted { try checkNonNegativeWeights() }
        guard k > 0, source != target else { return [] }
        let noNodes = [Bool](repeating: false, count: nodeCount)
        guard
            let first = restrictedShortestPath(
                source, target, weighted: weighted, blockedNodes: noNodes, blockedEdges: [])
        else { return [] }
        var found = [first]
        var seen: Set<[Int]> = [first.nodes]
        var candidates: [WeightedPath] = []
        while found.count < k {
            let last = found[found.count - 1].nodes
            var blockedNodes = noNodes
            var rootLength = 0.0
            for i in 0..<(last.count - 1) {
                let spur = last[i]
                let root = Array(last[0...i])
                var blockedEdges = Set<Int32>()
                for p in found where p.nodes.count > i + 1 && Array(p.nodes[0...i]) == root {
                    if let slot = slot(from: p.nodes[i], to: p.nodes[i + 1]) { blockedEdges.insert(outEdgeIDs[slot]) }
                }
                if let spurPath = restrictedShortestPath(
                    spur, target, weighted: weighted,
                    blockedNodes: blockedNodes, blockedEdges: blockedEdges)
                {
                    let nodes = root + spurPath.nodes.dropFirst()
                    if !seen.contains(nodes) {
                        seen.insert(nodes)
                        candidates.append(WeightedPath(nodes: nodes, length: rootLength + spurPath.length))
                    }
                }
                blockedNodes[spur] = true
                rootLength += weighted ? (weight(from: spur, to: last[i + 1]) ?? 0) : 1
            }
            guard
                let best = candidates.indices.min(by: { a, b in
                    candidates[a].length != candidates[b].length
                        ? candidates[a].length < candidates[b].length
                        : candidates[a].nodes.lexicographicallyPrecedes(candidates[b].nodes)
                })
            else { break }
            found.append(candidates.remove(at: best))
        }
        return found
    }
}

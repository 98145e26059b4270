extension Graph {
    /// Iterative Hopcroft-Tarjan DFS over the undirected view; returns discovery times, low-links
    /// and the DFS tree parent edge of every node. The neighbours of `v` are its out-neighbours
    /// then (directed graphs) its in-neighbours, over live edges only (`live` empty = all, see
    /// ``GraphMask``); a neighbour seen twice (`u -> v` and `v -> u`) is one undirected edge, and
    /// the parent is skipped however often it appears, as in a simple graph.
    private func lowLinks(live: [Bool] = []) -> (
        disc: [Int], low: [Int], parent: [Int], children: [Int], treeChildOf: [(Int, Int)]
    ) {
        let n = nodeCount
        var disc = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n), children = [Int](repeating: 0, count: n)
        var treeEdges: [(Int, Int)] = []
        var time = 0
        // `slot` runs over the out-slots, then over the in-slots shifted by the out-slot count.
        var stack: [(v: Int, slot: Int)] = []
        let outEnd = outOffsets.last ?? 0
        func neighbour(_ v: Int, _ slot: Int) -> (w: Int, live: Bool)? {
            if slot < outOffsets[v + 1] {
                return (Int(outTargets[slot]), live.isEmpty || live[Int(outEdgeIDs[slot])])
            }
            guard isDirected else { return nil }
            let q = slot - outEnd
            guard q >= inOffsets[v], q < inOffsets[v + 1] else { return nil }
            return (Int(inTargets[q]), live.isEmpty || live[Int(inEdgeIDs[q])])
        }
        for root in 0..<n where disc[root] < 0 {
            disc[root] = time; low[root] = time; time += 1
            stack.append((root, outOffsets[root]))
            while let top = stack.last {
                let v = top.v
                var slot = top.slot
                if slot == outOffsets[v + 1] && isDirected { slot = inOffsets[v] + outEnd }
                if let (w, isLive) = neighbour(v, slot) {
                    stack[stack.count - 1].slot = slot + 1
                    if !isLive || w == v { continue } // switched off; self-loops never matter
                    if disc[w] < 0 {
                        parent[w] = v; children[v] += 1
                        disc[w] = time; low[w] = time; time += 1
                        treeEdges.append((v, w))
                        stack.append((w, outOffsets[w]))
                    } else if w != parent[v] {
                        low[v] = min(low[v], disc[w])
                    }
                } else {
                    stack.removeLast()
                    if let p = stack.last { low[p.v] = min(low[p.v], low[v]) }
                }
            }
        }
        return (disc, low, parent, children, treeEdges)
    }

    /// Articulation points (cut vertices) of the undirected view (networkx `articulation_points`
    /// on `G.to_undirected()`): nodes whose removal increases the number of connected components.
    /// Sorted. Iterative DFS, safe on deep graphs. With `mask`, those of the masked subgraph
    /// (``GraphMask``) without rebuilding it.
    /// - Complexity: O(n + m).
    ///
    /// Reference: Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
    /// manipulation. Communications of the ACM 16(6). Tarjan, R. E. (1972).
    public func articulationPoints(mask: GraphMask? = nil) -> [Int] {
        let (disc, low, parent, children, tree) = lowLinks(live: liveEdges(mask))
        var cut = [Bool](repeating: false, count: nodeCount)
        for (v, w) in tree where parent[v] >= 0 && low[w] >= disc[v] { cut[v] = true }
        for v in 0..<nodeCount where parent[v] < 0 && children[v] >= 2 { cut[v] = true }
        return (0..<nodeCount).filter { cut[$0] }
    }

    /// Bridges of the undirected view (networkx `bridges` on `G.to_undirected()`): edges whose
    /// removal increases the number of connected components, as `(smaller, larger)` pairs, sorted.
    /// Self-loops are never bridges. Parallel edges were collapsed at construction, as in networkx's
    /// simple graphs.
    /// - Complexity: O(n + m).
    ///
    /// Reference: Tarjan, R. E. (1974). A note on finding the bridges of a graph. IPL 2(6).
    public func bridges() -> [(source: Int, target: Int)] {
        let (disc, low, _, _, tree) = lowLinks()
        return tree.filter { low[$0.1] > disc[$0.0] }
            .map { (source: min($0.0, $0.1), target: max($0.0, $0.1)) }
            .sorted { $0.source != $1.source ? $0.source < $1.source : $0.target < $1.target }
    }
}

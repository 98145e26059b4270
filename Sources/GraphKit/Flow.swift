/// A minimum `s`-`t` cut: the maximum flow value and the node partition that realizes it.
public struct MinimumCut: Sendable, Hashable {
    /// The maximum flow value = the capacity of the minimum cut.
    public var value: Double
    /// Nodes on the source side, sorted. As networkx `minimum_cut`, this is the LARGEST source side:
    /// the complement of the nodes that can still reach the sink in the residual network (unique for
    /// every maximum flow).
    public var sourceSide: [Int]
    /// Nodes on the sink side, sorted.
    public var sinkSide: [Int]
    /// The edges crossing from the source side to the sink side, as canonical edge ids.
    public var cutEdges: [Int]
}

extension Graph {
    /// Maximum flow from `source` to `sink` with edge weights as capacities (1 for unweighted
    /// graphs), returning the flow value and the minimum cut (networkx `minimum_cut` with
    /// `capacity="weight"`; undirected edges carry flow either way up to their capacity).
    ///
    /// Edmonds-Karp: augment along shortest residual paths found by BFS (iterative, no recursion).
    ///
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)``, ``GraphError/negativeWeight(source:target:weight:)``,
    ///   ``GraphError/invalidArgument(_:)`` when `source == sink`.
    /// - Complexity: O(n m^2).
    ///
    /// References: Edmonds, J. & Karp, R. M. (1972). Theoretical improvements in algorithmic
    /// efficiency for network flow problems. JACM 19(2). Ford, L. R. & Fulkerson, D. R. (1956).
    public func minimumCut(from source: Int, to sink: Int) throws(GraphError) -> MinimumCut {
        try check(source); try check(sink)
        guard source != sink else { throw .invalidArgument("source and sink must differ") }
        try checkNonNegativeWeights()
        let n = nodeCount
        // Residual arcs: 2 per edge (forward, backward), arc a ^ 1 is a's partner.
        var head = [Int](), cap = [Double](), next = [Int](), first = [Int](repeating: -1, count: n)
        func addArc(_ u: Int, _ v: Int, _ c: Double) {
            head.append(v); cap.append(c); next.append(first[u]); first[u] = head.count - 1
        }
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e]), w = edgeWeights[e]
            if u == v { continue }
            addArc(u, v, w); addArc(v, u, isDirected ? 0 : w)
        }
        var value = 0.0
        var predArc = [Int](repeating: -1, count: n)
        var queue = [Int](); queue.reserveCapacity(n)
        while true {
            for i in 0..<n { predArc[i] = -1 }
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            predArc[source] = -2
            var qh = 0
            while qh < queue.count && predArc[sink] == -1 {
                let u = queue[qh]; qh += 1
                var a = first[u]
                while a >= 0 {
                    let v = head[a]
                    if cap[a] > 0 && predArc[v] == -1 { predArc[v] = a; queue.append(v) }
                    a = next[a]
                }
            }
            if predArc[sink] == -1 { break }
            var bottleneck = Double.infinity
            var v = sink
            while v != source { let a = predArc[v]; bottleneck = min(bottleneck, cap[a]); v = head[a ^ 1] }
            v = sink
            while v != source { let a = predArc[v]; cap[a] -= bottleneck; cap[a ^ 1] += bottleneck; v = head[a ^ 1] }
            value += bottleneck
        }
        // Sink side: nodes that can reach the sink through residual arcs (reverse BFS).
        var reachesSink = [Bool](repeating: false, count: n)
        reachesSink[sink] = true
        queue.removeAll(keepingCapacity: true)
        queue.append(sink)
        var qh = 0
        while qh < queue.count {
            let v = queue[qh]; qh += 1
            var a = first[v]
            while a >= 0 {
                // a: v -> u; its partner a^1: u -> v has residual cap[a^1].
                let u = head[a]
                if !reachesSink[u] && cap[a ^ 1] > 0 { reachesSink[u] = true; queue.append(u) }
                a = next[a]
            }
        }
        let sourceSide = (0..<n).filter { !reachesSink[$0] }
        let sinkSide = (0..<n).filter { reachesSink[$0] }
        var cutEdges: [Int] = []
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            if !reachesSink[u] && reachesSink[v] || (!isDirected && reachesSink[u] && !reachesSink[v]) {
                cutEdges.append(e)
            }
        }
        return MinimumCut(value: value, sourceSide: sourceSide, sinkSide: sinkSide, cutEdges: cutEdges)
    }

    /// The maximum flow value from `source` to `sink` (networkx `maximum_flow_value`), capacities =
    /// weights. See ``minimumCut(from:to:)``.
    /// - Complexity: O(n m^2).
    public func maximumFlowValue(from source: Int, to sink: Int) throws(GraphError) -> Double {
        try minimumCut(from: source, to: sink).value
    }
}

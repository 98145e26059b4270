/// An immutable graph over the node indices `0..<nodeCount`, stored in compressed sparse row (CSR)
/// form for both out- and in-adjacency.
///
/// Semantics follow networkx's simple graphs (`nx.DiGraph` when directed, `nx.Graph` otherwise):
///
/// - **Parallel edges collapse, last weight wins.** Adding `u -> v` twice to a networkx `DiGraph`
///   updates the edge's attribute dictionary, so the weight given last is kept. GraphKit applies the
///   same rule in input order. In an undirected graph `(u, v)` and `(v, u)` are the same edge.
/// - **Self-loops are kept.** A self-loop appears once in its node's adjacency list (as in
///   networkx's `G[n]`), adds 2 to the degree of an undirected graph, and adds 1 to both the
///   in- and out-degree of a directed graph.
/// - Neighbour lists are sorted by node index; the canonical edge list is sorted by
///   `(source, target)`, with `source <= target` for undirected graphs.
///
/// For undirected graphs the in-adjacency arrays are the out-adjacency arrays (copy-on-write shares
/// the storage). `outWeights`/`inWeights` are `nil` when every weight is 1, which is numerically the
/// same as networkx's default weight of 1.
///
/// Construction is O((n + m) log m) (one sort of the edge list); memory is O(n + m).
public struct Graph: Sendable {
    /// The number of nodes; nodes are the indices `0..<nodeCount`.
    public let nodeCount: Int
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// The number of distinct edges after collapsing parallel edges.
    public var edgeCount: Int { edgeSources.count }

    /// Canonical edge list, tails: edge `e` is `edgeSources[e] -> edgeTargets[e]`.
    public let edgeSources: [Int32]
    /// Canonical edge list, heads.
    public let edgeTargets: [Int32]
    /// Canonical edge list, weights (all 1 for unweighted graphs).
    public let edgeWeights: [Double]

    /// CSR out-adjacency: the out-neighbours of `v` are `outTargets[outOffsets[v]..<outOffsets[v+1]]`.
    public let outOffsets: [Int]
    /// CSR out-adjacency targets.
    public let outTargets: [Int32]
    /// The canonical edge id of each out-adjacency slot.
    public let outEdgeIDs: [Int32]
    /// Weights aligned with `outTargets`, or `nil` when the graph is unweighted.
    public let outWeights: [Double]?

    /// CSR in-adjacency: the in-neighbours of `v` are `inTargets[inOffsets[v]..<inOffsets[v+1]]`.
    public let inOffsets: [Int]
    /// CSR in-adjacency sources ("targets" of the reversed graph).
    public let inTargets: [Int32]
    /// The canonical edge id of each in-adjacency slot.
    public let inEdgeIDs: [Int32]
    /// Weights aligned with `inTargets`, or `nil` when the graph is unweighted.
    public let inWeights: [Double]?

    /// Whether any edge has a weight other than 1.
    public var isWeighted: Bool { outWeights != nil }

    /// Builds a graph from an edge list.
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes (isolated nodes are simply indices without edges).
    ///   - edges: the edges, in order; a repeated pair keeps the weight given last (networkx rule).
    ///   - directed: `true` for a `DiGraph`, `false` for a `Graph`.
    /// - Throws: ``GraphError/nodeOutOfRange(node:nodeCount:)`` for a bad endpoint,
    ///   ``GraphError/invalidWeight(source:target:weight:)`` for a NaN or infinite weight.
    /// - Complexity: O((n + m) log m).
    public init(nodeCount: Int, edges: [Edge], directed: Bool) throws(GraphError) {
        guard nodeCount >= 0 else { throw .invalidArgument("nodeCount must be non-negative") }
        for e in edges {
            if e.source < 0 || e.source >= nodeCount { throw .nodeOutOfRange(node: e.source, nodeCount: nodeCount) }
            if e.target < 0 || e.target >= nodeCount { throw .nodeOutOfRange(node: e.target, nodeCount: nodeCount) }
            if !e.weight.isFinite { throw .invalidWeight(source: e.source, target: e.target, weight: e.weight) }
        }
        // Canonical keys; stable sort keeps input order within a key so the last one wins.
        var keyed: [(s: Int, t: Int, order: Int)] = []
        keyed.reserveCapacity(edges.count)
        for (i, e) in edges.enumerated() {
            if directed || e.source <= e.target {
                keyed.append((e.source, e.target, i))
            } else {
                keyed.append((e.target, e.source, i))
            }
        }
        keyed.sort { a, b in a.s != b.s ? a.s < b.s : (a.t != b.t ? a.t < b.t : a.order < b.order) }
        var srcs: [Int32] = [], tgts: [Int32] = [], wts: [Double] = []
        srcs.reserveCapacity(keyed.count); tgts.reserveCapacity(keyed.count); wts.reserveCapacity(keyed.count)
        var i = 0
        while i < keyed.count {
            var j = i
            while j + 1 < keyed.count && keyed[j + 1].s == keyed[i].s && keyed[j + 1].t == keyed[i].t { j += 1 }
            srcs.append(Int32(keyed[i].s)); tgts.append(Int32(keyed[i].t)); wts.append(edges[keyed[j].order].weight)
            i = j + 1
        }
        self.init(canonicalSources: srcs, targets: tgts, weights: wts, nodeCount: nodeCount, directed: directed)
    }

    /// Builds a graph from `(source, target, weight)` tuples; see ``init(nodeCount:edges:directed:)``.
    public init(nodeCount: Int, edges: [(source: Int, target: Int, weight: Double)], directed: Bool) throws(GraphError)
    {
        try self.init(
            nodeCount: nodeCount, edges: edges.map { Edge($0.source, $0.target, weight: $0.weight) }, directed: directed
        )
    }

    /// Builds an unweighted graph from `(source, target)` pairs; see ``init(nodeCount:edges:directed:)``.
    public init(nodeCount: Int, unweightedEdges: [(Int, Int)], directed: Bool) throws(GraphError) {
        try self.init(nodeCount: nodeCount, edges: unweightedEdges.map { Edge($0.0, $0.1) }, directed: directed)
    }

    /// Internal initializer from an already canonical (sorted, de-duplicated) edge list.
    init(canonicalSources srcs: [Int32], targets tgts: [Int32], weights wts: [Double], nodeCount n: Int, directed: Bool)
    {
        nodeCount = n
        isDirected = directed
        edgeSources = srcs
        edgeTargets = tgts
        edgeWeights = wts
        let weighted = wts.contains { $0 != 1 }
        let m = srcs.count
        // Out-adjacency.
        var outDeg = [Int](repeating: 0, count: n + 1)
        for e in 0..<m {
            outDeg[Int(srcs[e]) + 1] += 1
            if !directed && srcs[e] != tgts[e] { outDeg[Int(tgts[e]) + 1] += 1 }
        }
        for v in 0..<n { outDeg[v + 1] += outDeg[v] }
        let slots = outDeg[n]
        var pos = outDeg
        var oT = [Int32](repeating: 0, count: slots), oE = [Int32](repeating: 0, count: slots)
        var oW = weighted ? [Double](repeating: 0, count: slots) : []
        // Two passes for undirected graphs so neighbour lists stay sorted: the reverse half of
        // edges (s, t) with s < t lands in t's list in increasing s, before t's own edges.
        if directed {
            for e in 0..<m {
                let s = Int(srcs[e]); let p = pos[s]; pos[s] += 1
                oT[p] = tgts[e]; oE[p] = Int32(e); if weighted { oW[p] = wts[e] }
            }
        } else {
            for e in 0..<m {
                let s = Int(srcs[e]), t = Int(tgts[e])
                // Edges are sorted by (s, t): all edges (s', t) with s' < t precede (t, x).
                if s != t {
                    let q = pos[t]; pos[t] += 1
                    oT[q] = Int32(s); oE[q] = Int32(e); if weighted { oW[q] = wts[e] }
                }
                let p = pos[s]; pos[s] += 1
                oT[p] = Int32(t); oE[p] = Int32(e); if weighted { oW[p] = wts[e] }
            }
        }
        outOffsets = outDeg
        outTargets = oT
        outEdgeIDs = oE
        outWeights = weighted ? oW : nil
        if !directed {
            inOffsets = outDeg; inTargets = oT; inEdgeIDs = oE; inWeights = outWeights
            return
        }
        var inDeg = [Int](repeating: 0, count: n + 1)
        for e in 0..<m { inDeg[Int(tgts[e]) + 1] += 1 }
        for v in 0..<n { inDeg[v + 1] += inDeg[v] }
        var ipos = inDeg
        var iT = [Int32](repeating: 0, count: m), iE = [Int32](repeating: 0, count: m)
        var iW = weighted ? [Double](repeating: 0, count: m) : []
        for e in 0..<m {
            let t = Int(tgts[e]); let p = ipos[t]; ipos[t] += 1
            iT[p] = srcs[e]; iE[p] = Int32(e); if weighted { iW[p] = wts[e] }
        }
        inOffsets = inDeg
        inTargets = iT
        inEdgeIDs = iE
        inWeights = weighted ? iW : nil
    }

    /// The canonical edges as ``Edge`` values (sorted by `(source, target)`).
    /// - Complexity: O(m).
    public var edges: [Edge] {
        (0..<edgeCount).map { Edge(Int(edgeSources[$0]), Int(edgeTargets[$0]), weight: edgeWeights[$0]) }
    }

    /// The out-neighbours of `node` (all neighbours for undirected graphs), sorted.
    /// - Complexity: O(1) (a slice of the CSR array).
    public func successors(of node: Int) -> ArraySlice<Int32> {
        outTargets[outOffsets[node]..<outOffsets[node + 1]]
    }

    /// The in-neighbours of `node` (all neighbours for undirected graphs), sorted.
    /// - Complexity: O(1).
    public func predecessors(of node: Int) -> ArraySlice<Int32> {
        inTargets[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// The weight of out-adjacency slot `slot` (1 for unweighted graphs).
    @inline(__always) func outWeight(_ slot: Int) -> Double { outWeights?[slot] ?? 1 }
    /// The weight of in-adjacency slot `slot` (1 for unweighted graphs).
    @inline(__always) func inWeight(_ slot: Int) -> Double { inWeights?[slot] ?? 1 }

    /// Whether the edge `source -> target` exists (either direction for undirected graphs).
    /// - Complexity: O(log deg(source)) by binary search in the sorted neighbour list.
    public func hasEdge(from source: Int, to target: Int) -> Bool {
        slot(from: source, to: target) != nil
    }

    /// The weight of `source -> target`, or `nil` if there is no such edge.
    /// - Complexity: O(log deg(source)).
    public func weight(from source: Int, to target: Int) -> Double? {
        guard let s = slot(from: source, to: target) else { return nil }
        return outWeight(s)
    }

    /// The out-adjacency slot of `source -> target`, by binary search.
    func slot(from source: Int, to target: Int) -> Int? {
        guard source >= 0, source < nodeCount else { return nil }
        var lo = outOffsets[source], hi = outOffsets[source + 1]
        let t = Int32(target)
        while lo < hi {
            let mid = (lo + hi) / 2
            if outTargets[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < outOffsets[source + 1] && outTargets[lo] == t ? lo : nil
    }

    /// Checks that `node` is a valid index.
    func check(_ node: Int) throws(GraphError) {
        if node < 0 || node >= nodeCount { throw .nodeOutOfRange(node: node, nodeCount: nodeCount) }
    }

    /// Whether every weight is non-negative (needed by Dijkstra-based measures).
    func checkNonNegativeWeights() throws(GraphError) {
        for e in 0..<edgeCount where edgeWeights[e] < 0 {
            throw .negativeWeight(source: Int(edgeSources[e]), target: Int(edgeTargets[e]), weight: edgeWeights[e])
        }
    }
}

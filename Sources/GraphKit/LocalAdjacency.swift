/// A copy of a graph's unweighted adjacency with the nodes renumbered for memory locality, for
/// the all-sources loops (Brandes betweenness, closeness) on large graphs.
///
/// The new numbering is breadth-first order over the undirected neighbourhood, each component
/// started from its node of highest degree (the first step of Cuthill & McKee (1969). Reducing the
/// bandwidth of sparse symmetric matrices. Proc. 24th ACM National Conference). Neighbours then
/// get nearby numbers, so the per-node arrays a search reads at random (distances, path counts,
/// dependencies, bit-parallel frontiers) are read from fewer cache lines, and the 64 sources
/// of one bit-parallel batch are neighbours, whose searches share most of their edge scans.
/// Only the edges switched on (`live`, see ``GraphMask``) are copied, so the kernels over it
/// need no mask test. Neighbour lists are sorted by new number.
///
/// Results computed on it are per new number; ``old`` maps them back.
struct LocalAdjacency: Sendable {
    /// The original node of each new number.
    let old: [Int32]
    /// The new number of each original node.
    let new: [Int32]
    /// Out-neighbours in new numbers: those of `v` are `outTargets[outOffsets[v]..<outOffsets[v + 1]]`.
    let outOffsets: [Int]
    let outTargets: [Int32]
    /// In-neighbours in new numbers (the same arrays as the out-neighbours when undirected).
    let inOffsets: [Int]
    let inTargets: [Int32]

    /// The values of `byNew` (one per new number) in the original node order.
    func toOriginalOrder<T>(_ byNew: [T]) -> [T] {
        var out = byNew
        for i in 0..<byNew.count { out[Int(old[i])] = byNew[i] }
        return out
    }
}

extension Graph {
    /// Graphs with at least this many nodes are renumbered (``LocalAdjacency``) before the
    /// all-sources loops; smaller ones fit the first-level cache as they are, and a measure run
    /// many times on a small graph (uncertainty samples) should not pay for the copy.
    static let relabelMinimumNodes = 2048

    /// The graph's adjacency with only the edges in `live` (empty = every edge), renumbered in
    /// breadth-first order (see ``LocalAdjacency``) with `relabel`, else in the original numbering
    /// and neighbour order (the kernels over it then visit nodes exactly as over the graph).
    func localAdjacency(live: [Bool] = [], relabel: Bool) -> LocalAdjacency {
        let n = nodeCount
        let masked = !live.isEmpty
        var old = [Int32](); old.reserveCapacity(n)
        var new = [Int32](repeating: -1, count: n)
        if !relabel {
            for v in 0..<n { old.append(Int32(v)); new[v] = Int32(v) }
        }
        func degree(_ v: Int) -> Int {
            (outOffsets[v + 1] - outOffsets[v]) + (isDirected ? inOffsets[v + 1] - inOffsets[v] : 0)
        }
        let starts =
            !relabel
            ? []
            : (0..<n).sorted { a, b in
                let da = degree(a), db = degree(b)
                return da != db ? da > db : a < b
            }
        for s in relabel ? starts : [] where new[s] < 0 {
            new[s] = Int32(old.count); old.append(Int32(s))
            var head = old.count - 1
            while head < old.count {
                let v = Int(old[head]); head += 1
                for p in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[p])
                    if new[w] < 0 { new[w] = Int32(old.count); old.append(Int32(w)) }
                }
                if isDirected {
                    for p in inOffsets[v]..<inOffsets[v + 1] {
                        let w = Int(inTargets[p])
                        if new[w] < 0 { new[w] = Int32(old.count); old.append(Int32(w)) }
                    }
                }
            }
        }
        func renumber(_ offs: [Int], _ tgts: [Int32], _ eids: [Int32]) -> ([Int], [Int32]) {
            var o = [Int](repeating: 0, count: n + 1)
            var t = [Int32](); t.reserveCapacity(tgts.count)
            for u in 0..<n {
                let v = Int(old[u])
                let first = t.count
                for p in offs[v]..<offs[v + 1] where !masked || live[Int(eids[p])] {
                    t.append(new[Int(tgts[p])])
                }
                if relabel { t[first..<t.count].sort() }
                o[u + 1] = t.count
            }
            return (o, t)
        }
        let (oo, ot) = renumber(outOffsets, outTargets, outEdgeIDs)
        let (io, it) = isDirected ? renumber(inOffsets, inTargets, inEdgeIDs) : (oo, ot)
        return LocalAdjacency(old: old, new: new, outOffsets: oo, outTargets: ot, inOffsets: io, inTargets: it)
    }
}

extension LocalAdjacency {
    /// The node `u` can be folded into when the all-sources loops search along `offsets`/`targets`
    /// (out-neighbours for Brandes, the search direction for closeness), or -1.
    ///
    /// `u` folds into `p` when `p` is its only neighbour, `p` is not `u`, the edge runs back
    /// from `p` to `u` (`u` is among `p`'s neighbours, so `u` is at distance 1 from `p`), and
    /// `p` has another neighbour (so `p` is never folded itself, and two nodes tied only to each
    /// other stay as they are). Every search from `u` then steps to `p` and continues as the
    /// search from `p` does, with `u` as a leaf: its results follow from `p`'s (the degree-1
    /// reduction of Baglioni, Geraci, Pellegrini & Lastres (2012). Fast exact computation of
    /// betweenness centrality in social networks. ASONAM; here for directed graphs too).
    static func foldTarget(_ u: Int, offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>) -> Int {
        guard offsets[u + 1] - offsets[u] == 1 else { return -1 }
        let p = Int(targets[offsets[u]])
        guard p != u, offsets[p + 1] - offsets[p] >= 2 else { return -1 }
        var lo = offsets[p], hi = offsets[p + 1]
        // Neighbour lists are sorted when relabelled; the original lists are sorted too (Graph).
        while lo < hi {
            let mid = (lo + hi) / 2
            let t = Int(targets[mid])
            if t == u { return p }
            if t < u { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }
}

/// Hot loops of the unweighted all-sources measures (Brandes betweenness, closeness), written over
/// raw buffers: `Int32` distances (-1 = unreached), no bounds or uniqueness checks in the inner
/// loops, per-chunk scratch reset only where the last search reached. Brandes visits nodes and
/// edges in exactly the order of the generic code (``Graph/brandesForward(_:weighted:_:)`` and the
/// dependency accumulation), so every floating-point sum is formed in the same order as networkx's.
///
/// On the 10k-node synthetic federation (2 cores, `orgnet bench`): exact betweenness 1.46 s -> 0.53 s,
/// closeness 0.68 s -> 0.17 s against the generic loops, which check bounds and uniqueness on every access to the scratch
/// arrays they hold `inout`; Benchmarks/ANALYSIS.md has the later steps.
extension Graph {
    /// Brandes' algorithm from each of `sources[range]` (BFS), adding dependencies into `bc`
    /// (networkx `_accumulate_basic`, or `_accumulate_endpoints` with `endpoints`). `live` (empty =
    /// every edge) switches edges off (see ``GraphMask``); the checks are skipped without a mask.
    func unweightedBrandes(
        sources: [Int], range: Range<Int>, endpoints: Bool, live: [Bool] = [],
        into bc: inout [Double]
    ) {
        let masked = !live.isEmpty
        let n = nodeCount
        var dist = [Int32](repeating: -1, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: max(1, n))
        outOffsets.withUnsafeBufferPointer { oOff in
            outTargets.withUnsafeBufferPointer { oT in
                inOffsets.withUnsafeBufferPointer { iOff in
                    inTargets.withUnsafeBufferPointer { iT in
                        outEdgeIDs.withUnsafeBufferPointer { oE in
                            inEdgeIDs.withUnsafeBufferPointer { iE in
                                live.withUnsafeBufferPointer { L in
                                    dist.withUnsafeMutableBufferPointer { D in
                                        sigma.withUnsafeMutableBufferPointer { S in
                                            delta.withUnsafeMutableBufferPointer { DL in
                                                order.withUnsafeMutableBufferPointer { O in
                                                    bc.withUnsafeMutableBufferPointer { B in
                                                        for i in range {
                                                            let s = sources[i]
                                                            D[s] = 0; S[s] = 1; O[0] = Int32(s)
                                                            var head = 0, tail = 1
                                                            while head < tail {
                                                                let v = Int(O[head]); head += 1
                                                                let dv = D[v] &+ 1
                                                                let sv = S[v]
                                                                var p = oOff[v]
                                                                let end = oOff[v + 1]
                                                                while p < end {
                                                                    if masked && !L[Int(oE[p])] { p += 1; continue }
                                                                    let w = Int(oT[p]); p += 1
                                                                    let dw = D[w]
                                                                    if dw < 0 {
                                                                        D[w] = dv; S[w] = sv;
                                                                        O[tail] = Int32(truncatingIfNeeded: w);
                                                                        tail += 1
                                                                    } else if dw == dv {
                                                                        S[w] += sv
                                                                    }
                                                                }
                                                            }
                                                            if endpoints { B[s] += Double(tail - 1) }
                                                            // Reverse order; the source (order[0]) has no predecessors and gets no dependency.
                                                            var j = tail - 1
                                                            while j > 0 {
                                                                let w = Int(O[j]); j -= 1
                                                                let dPred = D[w] &- 1
                                                                let coeff = (1 + DL[w]) / S[w]
                                                                var p = iOff[w]
                                                                let end = iOff[w + 1]
                                                                while p < end {
                                                                    if masked && !L[Int(iE[p])] { p += 1; continue }
                                                                    let v = Int(iT[p]); p += 1
                                                                    if D[v] == dPred { DL[v] += S[v] * coeff }
                                                                }
                                                                B[w] += endpoints ? DL[w] + 1 : DL[w]
                                                            }
                                                            for k in 0..<tail {
                                                                let v = Int(O[k]); D[v] = -1; S[v] = 0; DL[v] = 0
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// For each node `u` in `range`: the number of nodes that reach it (itself included) and the sum
    /// of their distances, by BFS over in-edges (`incoming`) or out-edges, 64 searches at a time:
    /// multi-source BFS with bit-parallel frontiers (MS-BFS: Then, Kaufmann, Chirigati, Hoang-Vu,
    /// Pham, Kemper, Neumann & Vo (2014). The more the merrier: efficient multi-source graph
    /// traversal. PVLDB 8(4)). 64 searches run together, one bit each: a node's `seen`, `frontier`
    /// and `next` are 64-bit words, and one pass over a frontier node's edges advances every search
    /// that reached it at this level (`next[w] |= frontier[v] & ~seen[w]`). The searches from
    /// nearby sources share most of their edge scans, so the edges are read a few times per level
    /// instead of once per search.
    ///
    /// Distances are levels, the sums integers: the results are exactly those of one search at a
    /// time (the level-synchronous bitmap BFS this replaced; closeness at 10k nodes 3-4x faster,
    /// Benchmarks/ANALYSIS.md). `live` (empty = every edge) switches edges off (see ``GraphMask``).
    func unweightedDistanceSumsBitParallel(
        _ range: Range<Int>, incoming: Bool,
        live: [Bool] = []
    ) -> [(reached: Int, total: Int)] {
        let masked = !live.isEmpty
        let n = nodeCount
        // seen and next of a node side by side (one cache line for both), frontier apart.
        var state = [UInt64](repeating: 0, count: max(2, 2 * n))
        var front = [UInt64](repeating: 0, count: max(1, n))
        var current = [Int32](repeating: 0, count: max(1, n))
        var touched = [Int32](repeating: 0, count: max(1, n))
        var out: [(reached: Int, total: Int)] = []
        out.reserveCapacity(range.count)
        let offs = incoming ? inOffsets : outOffsets
        let tgts = incoming ? inTargets : outTargets
        let eids = incoming ? inEdgeIDs : outEdgeIDs
        offs.withUnsafeBufferPointer { off in
            tgts.withUnsafeBufferPointer { T in
                eids.withUnsafeBufferPointer { E in
                    live.withUnsafeBufferPointer { L in
                        state.withUnsafeMutableBufferPointer { S in
                            front.withUnsafeMutableBufferPointer { F in
                                current.withUnsafeMutableBufferPointer { C in
                                    touched.withUnsafeMutableBufferPointer { TO in
                                        var reached = [Int](repeating: 1, count: 64)
                                        var total = [Int](repeating: 0, count: 64)
                                        var lo = range.lowerBound
                                        while lo < range.upperBound {
                                            let hi = min(lo + 64, range.upperBound)
                                            var nc = 0
                                            for u in lo..<hi {
                                                let bit: UInt64 = 1 << UInt64(u - lo)
                                                S[2 * u] |= bit
                                                if F[u] == 0 { C[nc] = Int32(u); nc += 1 }
                                                F[u] |= bit
                                            }
                                            for b in 0..<64 { reached[b] = 1; total[b] = 0 }
                                            var level = 0
                                            while nc > 0 {
                                                level += 1
                                                var nt = 0
                                                for i in 0..<nc {
                                                    let v = Int(C[i])
                                                    let f = F[v]
                                                    F[v] = 0
                                                    var p = off[v]
                                                    let end = off[v + 1]
                                                    while p < end {
                                                        if masked && !L[Int(E[p])] { p += 1; continue }
                                                        let w = Int(T[p]); p += 1
                                                        let add = f & ~S[2 * w]
                                                        if add != 0 {
                                                            if S[2 * w + 1] == 0 {
                                                                TO[nt] = Int32(truncatingIfNeeded: w); nt += 1
                                                            }
                                                            S[2 * w + 1] |= add
                                                        }
                                                    }
                                                }
                                                nc = 0
                                                for i in 0..<nt {
                                                    let w = Int(TO[i])
                                                    let new = S[2 * w + 1]
                                                    S[2 * w + 1] = 0
                                                    S[2 * w] |= new
                                                    F[w] = new
                                                    C[nc] = Int32(truncatingIfNeeded: w); nc += 1
                                                    var bits = new
                                                    while bits != 0 {
                                                        let b = bits.trailingZeroBitCount
                                                        reached[b] += 1; total[b] &+= level
                                                        bits &= bits &- 1
                                                    }
                                                }
                                            }
                                            for u in lo..<hi { out.append((reached[u - lo], total[u - lo])) }
                                            // 2n words per 64 searches; next and frontier are all 0 here
                                            S.update(repeating: 0)
                                            lo = hi
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

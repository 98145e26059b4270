/// Hot loops of the unweighted all-sources measures (Brandes betweenness, closeness), written over
/// raw buffers of a ``LocalAdjacency`` (only the edges switched on, renumbered for locality on
/// large graphs): `Int32` distances (-1 = unreached), no bounds or uniqueness checks in the inner
/// loops, per-chunk scratch reset only where the last search reached.
///
/// Sources with a single neighbour are folded into it (``LocalAdjacency/foldTarget(_:offsets:targets:)``):
/// their searches are the neighbour's plus one step, so their results are derived from its search
/// instead of searching again. On the synthetic federation about three sources in five fold.
///
/// Measured on the 3,000-node federation (callgrind instructions of the kernel, exact betweenness):
/// 673 M without folding or renumbering, 258 M with folding (renumbering changes no instruction
/// counts, only locality); closeness 131 M -> 42 M. On the 10k federation (2 shared cores, load
/// average 14-15, medians of 3 alternating runs): exact betweenness 6.40 s -> 2.31 s, of which
/// renumbering about 2.15 s -> 1.77 s; closeness 0.65 s -> 0.29 s. Earlier steps (generic loops to
/// raw buffers: betweenness 1.46 s -> 0.53 s, closeness 0.68 s -> 0.17 s on an idle machine; the
/// bit-parallel closeness) are in Benchmarks/ANALYSIS.md.
extension LocalAdjacency {
    /// The searches the Brandes loop runs for a list of sources (``brandesPlan(sources:fold:)``).
    struct BrandesPlan: Sendable {
        /// The nodes searched from (new numbers), in increasing order.
        var sources: [Int32] = []
        /// How often each of `sources` was itself asked for (0 when only folded sources need it).
        var own: [Double] = []
        /// The folded sources of `sources[i]`: `folded[foldStart[i]..<foldStart[i + 1]]`, one entry
        /// per time each was asked for.
        var foldStart: [Int] = [0]
        var folded: [Int32] = []
    }

    /// The searches that give Brandes' dependencies for `sources` (original numbers): one per
    /// distinct source, except that a source folded into a neighbour `p`
    /// (``foldTarget(_:offsets:targets:)`` along out-edges, with `fold`) is served by `p`'s search.
    ///
    /// Why that is exact: `s`'s only out-edge goes to `p`, so the shortest paths from `s` to any
    /// `t != s` are `s -> p` followed by the shortest `p`-`t` paths (none of which passes `s`, whose
    /// only way on is back to `p`). Hence `delta_s(v) = delta_p(v)` for every `v` other than `s`, `p`
    /// (the pair `(p, s)` has no interior node: `s` is at distance 1 from `p`), and `delta_s(p)`
    /// counts every node `p` reaches other than `p` and `s`.
    func brandesPlan(sources: [Int], fold: Bool) -> BrandesPlan {
        let n = old.count
        var own = [Double](repeating: 0, count: n)
        var foldCount = [Int](repeating: 0, count: n)
        var pairs: [(p: Int32, s: Int32)] = []
        outOffsets.withUnsafeBufferPointer { off in
            outTargets.withUnsafeBufferPointer { T in
                for s0 in sources {
                    let s = Int(new[s0])
                    let p = fold ? LocalAdjacency.foldTarget(s, offsets: off, targets: T) : -1
                    if p >= 0 {
                        foldCount[p] += 1; pairs.append((Int32(p), Int32(s)))
                    } else {
                        own[s] += 1
                    }
                }
            }
        }
        var plan = BrandesPlan()
        var index = [Int](repeating: -1, count: n)
        for u in 0..<n where own[u] > 0 || foldCount[u] > 0 {
            index[u] = plan.sources.count
            plan.sources.append(Int32(u)); plan.own.append(own[u])
            plan.foldStart.append(plan.foldStart[plan.foldStart.count - 1] + foldCount[u])
        }
        plan.folded = [Int32](repeating: 0, count: pairs.count)
        var next = Array(plan.foldStart.dropLast())
        for (p, s) in pairs {
            let i = index[Int(p)]
            plan.folded[next[i]] = s; next[i] += 1
        }
        return plan
    }

    /// Brandes' algorithm (BFS) from each of `plan.sources[range]`, adding the dependencies of the
    /// source and of the sources folded into it into `bc` (new numbers; networkx
    /// `_accumulate_basic`, or `_accumulate_endpoints` with `endpoints`).
    ///
    /// A search from `p` serving `a` requests for `p` and `f` folded sources adds
    /// `(a + f) delta_p(v)` to every other node `v` and `f (r - 2)` to `p`, `r` being the number of
    /// nodes `p` reaches, itself included (``brandesPlan(sources:fold:)``); with endpoints every
    /// reached node gets `a + f` more, `p` gets `a (r - 1)` and each folded source `r - 2` (its
    /// `r - 1` targets, less the one it was counted as a target of itself).
    func brandes(plan: BrandesPlan, range: Range<Int>, endpoints: Bool, into bc: inout [Double]) {
        let n = old.count
        var dist = [Int32](repeating: -1, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: max(1, n))
        outOffsets.withUnsafeBufferPointer { oOff in
            outTargets.withUnsafeBufferPointer { oT in
                inOffsets.withUnsafeBufferPointer { iOff in
                    inTargets.withUnsafeBufferPointer { iT in
                        dist.withUnsafeMutableBufferPointer { D in
                            sigma.withUnsafeMutableBufferPointer { S in
                                delta.withUnsafeMutableBufferPointer { DL in
                                    order.withUnsafeMutableBufferPointer { O in
                                        bc.withUnsafeMutableBufferPointer { B in
                                            for i in range {
                                                let s = Int(plan.sources[i])
                                                let a = plan.own[i]
                                                let f = plan.foldStart[i + 1] - plan.foldStart[i]
                                                let weight = a + Double(f)
                                                D[s] = 0; S[s] = 1; O[0] = Int32(s)
                                                var head = 0, tail = 1
                                                while head < tail {
                                                    let v = Int(O[head]); head += 1
                                                    let dv = D[v] &+ 1
                                                    let sv = S[v]
                                                    var p = oOff[v]
                                                    let end = oOff[v + 1]
                                                    while p < end {
                                                        let w = Int(oT[p]); p += 1
                                                        let dw = D[w]
                                                        if dw < 0 {
                                                            D[w] = dv; S[w] = sv
                                                            O[tail] = Int32(truncatingIfNeeded: w)
                                                            tail += 1
                                                        } else if dw == dv {
                                                            S[w] += sv
                                                        }
                                                    }
                                                }
                                                let reached = Double(tail)
                                                if endpoints {
                                                    B[s] += a * (reached - 1) + Double(f) * (reached - 1)
                                                    for k in plan.foldStart[i]..<plan.foldStart[i + 1] {
                                                        B[Int(plan.folded[k])] += reached - 2
                                                    }
                                                } else if f > 0 {
                                                    B[s] += Double(f) * (reached - 2)
                                                }
                                                // Reverse order; the source (order[0]) has no predecessors and gets no dependency.
                                                var j = tail - 1
                                                while j > 0 {
                                                    let w = Int(O[j]); j -= 1
                                                    let dPred = D[w] &- 1
                                                    let coeff = (1 + DL[w]) / S[w]
                                                    var p = iOff[w]
                                                    let end = iOff[w + 1]
                                                    while p < end {
                                                        let v = Int(iT[p]); p += 1
                                                        if D[v] == dPred { DL[v] += S[v] * coeff }
                                                    }
                                                    B[w] += weight * (endpoints ? DL[w] + 1 : DL[w])
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

    /// For each node `sources[k]`, `k` in `range`: the number of nodes that reach it (itself
    /// included) and the sum of their distances, by BFS over `offsets`/`targets` (in-edges or
    /// out-edges), 64 searches at a time: multi-source BFS with bit-parallel frontiers (MS-BFS:
    /// Then, Kaufmann, Chirigati, Hoang-Vu, Pham, Kemper, Neumann & Vo (2014). The more the merrier:
    /// efficient multi-source graph traversal. PVLDB 8(4)). 64 searches run together, one bit each:
    /// a node's `seen`, `frontier` and `next` are 64-bit words, and one pass over a frontier node's
    /// edges advances every search that reached it at this level (`next[w] |= frontier[v] & ~seen[w]`).
    /// The searches from nearby sources (consecutive in the locality numbering) share most of their
    /// edge scans, so the edges are read a few times per level instead of once per search.
    ///
    /// Distances are levels, the sums integers: the results are exactly those of one search at a
    /// time (the level-synchronous bitmap BFS this replaced; closeness at 10k nodes 3-4x faster,
    /// Benchmarks/ANALYSIS.md).
    static func distanceSumsBitParallel(
        sources: [Int32], _ range: Range<Int>, offsets: [Int], targets: [Int32]
    ) -> [(reached: Int, total: Int)] {
        let n = offsets.count - 1
        // seen and next of a node side by side (one cache line for both), frontier apart.
        var state = [UInt64](repeating: 0, count: max(2, 2 * n))
        var front = [UInt64](repeating: 0, count: max(1, n))
        var current = [Int32](repeating: 0, count: max(1, n))
        var touched = [Int32](repeating: 0, count: max(1, n))
        var out: [(reached: Int, total: Int)] = []
        out.reserveCapacity(range.count)
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { T in
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
                                    for k in lo..<hi {
                                        let u = Int(sources[k])
                                        let bit: UInt64 = 1 << UInt64(k - lo)
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
                                    for k in lo..<hi { out.append((reached[k - lo], total[k - lo])) }
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
        return out
    }
}

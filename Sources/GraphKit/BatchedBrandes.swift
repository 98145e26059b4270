import Foundation

/// Brandes' unweighted betweenness for 32 sources at once: the multi-source BFS with bit-parallel
/// frontiers of ``LocalAdjacency/distanceSumsBitParallel(sources:_:offsets:targets:)`` (Then et
/// al., PVLDB 2014) for the levels, with the path counts and dependencies of the 32 searches kept
/// side by side per node (docs/design.md §5, Benchmarks/ANALYSIS.md "Issue 18, third pass").
///
/// Why it is faster than 32 single searches: one search at a time reads every edge twice and, on
/// a large graph, misses the cache on nearly every read of the distance and path count of the
/// node at the far end (1M-node federation: about 27 ns an edge visit). Here an edge is read once
/// per distinct level at which the batch's searches meet its tail (about 2 on the 10k federation,
/// not 32), and the per-search work on it touches one row of 32 path counts, fetched once. No
/// distance is stored per search: the searches that reach a node at a level are one word of bits
/// (an *entry*), and the backward pass keeps each node's word of the level below. Rows are read
/// level by level in node order (the renumbering of ``LocalAdjacency`` puts neighbours close).
///
/// Measured (Benchmarks/ANALYSIS.md, third pass; quiet machine, 2 cores): exact betweenness of
/// the 10k federation 0.38 s -> 0.17 s; 6,400 sources on the 100k federation 9.2 s -> 5.2 s;
/// 1,000 sampled sources on the 1M federation 44 s -> 24 s; 1,000 sampled sources at 100k, where
/// one search's arrays fit the shared cache and the sampled sources share little, about even.
/// 32 searches a batch rather than 64: the same speed on one core, and on two the rows of both
/// threads (256 bytes a node) stay in the 8 MiB shared cache at 10k, at half the memory (64 was
/// measured again in the fourth pass: between 0.09 and 0.16 s at 10k from run to run, and slower
/// at 20k and 100k). Fourth pass: the next level and its path counts in one sweep, and whole-row
/// additions for entries of at least ``denseEntrySearches`` searches: 10k exact 0.158 s -> 0.121 s
/// in the full benchmark run.
///
/// The numbers are Brandes' (2001): `sigma_s(w)` is the sum of `sigma_s(v)` over the edges
/// `v -> w` with `d_s(w) = d_s(v) + 1`, and `delta_s(v) = sigma_s(v) * sum_w (1 + delta_s(w)) /
/// sigma_s(w)` over the same edges. The sums are formed in another order than one search at a
/// time does (a few ulps apart; the tests compare both with a textbook Brandes).

extension LocalAdjacency {
    /// Sources searched together: one bit of a 64-bit word each (32 of them: see above).
    static let brandesBatchWidth = 32

    /// Bytes of scratch memory one thread of the batched kernel needs for `nodes` nodes: a path
    /// count per node and search of a batch (8 bytes), and four words per node.
    static func batchedBrandesScratchBytes(nodes: Int) -> Int { nodes * (brandesBatchWidth * 8 + 32) }

    /// Per-thread memory of ``brandesBatch(plan:batch:endpoints:into:scratch:)``, allocated once
    /// for many batches (zeroed by `calloc`, so untouched pages cost nothing) and reset after each
    /// batch only where its searches reached.
    final class BatchedBrandesScratch {
        let nodeCount: Int
        /// Row `v` (one value per search of a batch): `sigma_s(v)`; once `v`'s level is done in the backward
        /// pass, `(1 + delta_s(v)) / sigma_s(v)`, what its predecessors need.
        let paths: UnsafeMutablePointer<Double>
        /// `2v`: the searches that have reached `v`; `2v + 1`: those reaching it at the next level.
        let seenNext: UnsafeMutablePointer<UInt64>
        /// In the backward pass: the searches reaching `v` at level `belowLevel[v]` (the last level
        /// done at which any reached it; 0 before any).
        let belowMask: UnsafeMutablePointer<UInt64>
        let belowLevel: UnsafeMutablePointer<Int32>
        /// The nodes any search of the batch reached (to reset).
        let reachedNodes: UnsafeMutablePointer<Int32>
        /// Bit `w` set when `w` is found at the next level: read in node order, so that each level's
        /// entries are in node order and the rows they touch lie close in memory.
        let foundBits: UnsafeMutablePointer<UInt64>
        /// Per search of the batch: its weight and a running sum; the bit-sliced reached counts.
        let weight: UnsafeMutablePointer<Double>
        let sum: UnsafeMutablePointer<Double>
        let counters: UnsafeMutablePointer<UInt64>
        /// The lane selectors of ``LocalAdjacency/addRowDense(_:into:_:lanes:)``: entry `i` has all
        /// bits of lane 0 set when bit 0 of `i` is, and of lane 1 when bit 1 is.
        let lanes: UnsafeMutablePointer<SIMD2<UInt64>>
        /// The levels: entry `e` says the searches `entryMask[e]` reach `entryNode[e]` at level `L`,
        /// for `levelStart[L] <= e < levelStart[L + 1]`.
        var entryNode: [Int32] = []
        var entryMask: [UInt64] = []
        var levelStart: [Int] = []

        init(nodeCount n: Int) {
            nodeCount = n
            func zeroed<T>(_ count: Int, _: T.Type) -> UnsafeMutablePointer<T> {
                guard let raw = calloc(max(1, count), MemoryLayout<T>.stride) else {
                    fatalError("out of memory: \(count) values for the batched betweenness kernel")
                }
                return raw.bindMemory(to: T.self, capacity: max(1, count))
            }
            paths = zeroed(n * LocalAdjacency.brandesBatchWidth, Double.self)
            seenNext = zeroed(2 * n, UInt64.self)
            belowMask = zeroed(n, UInt64.self)
            belowLevel = zeroed(n, Int32.self)
            reachedNodes = zeroed(n, Int32.self)
            foundBits = zeroed((n + 63) / 64, UInt64.self)
            weight = zeroed(LocalAdjacency.brandesBatchWidth, Double.self)
            sum = zeroed(LocalAdjacency.brandesBatchWidth, Double.self)
            counters = zeroed(LocalAdjacency.counterWords, UInt64.self)
            lanes = zeroed(4, SIMD2<UInt64>.self)
            for i in 0..<4 { lanes[i] = SIMD2(i & 1 == 0 ? 0 : ~0, i & 2 == 0 ? 0 : ~0) }
        }

        deinit {
            free(paths); free(seenNext); free(belowMask); free(belowLevel)
            free(reachedNodes); free(foundBits); free(weight); free(sum); free(counters); free(lanes)
        }
    }

    /// `to[b] += from[b]` for each search `b` in `searches`: a path count passed one level on in the
    /// forward pass, a dependency ratio pulled one level up in the backward pass.
    @inline(__always)
    static func addRow(_ from: UnsafePointer<Double>, into to: UnsafeMutablePointer<Double>, _ searches: UInt64) {
        var bits = searches
        while bits != 0 {
            let b = bits.trailingZeroBitCount
            to[b] += from[b]
            bits &= bits &- 1
        }
    }

    /// An entry whose word has at least this many searches has its rows added as whole vectors
    /// (``addRowDense(_:into:_:lanes:)``), with fewer bit by bit (``addRow(_:into:_:)``): half the
    /// batch. On the 10k federation most of the work is in entries of 29 to 32 searches (searches
    /// from neighbouring sources move together); 8 and 16 measured alike (ANALYSIS.md, fourth pass).
    static let denseEntrySearches = 16

    /// `to[b] += from[b]` for each search `b` in `searches`, by ``addRowDense(_:into:_:lanes:)`` for
    /// an entry of at least ``denseEntrySearches`` searches (`dense`), else bit by bit: the one
    /// choice both passes make, with the same sums either way.
    @inline(__always)
    static func addRow(
        _ from: UnsafePointer<Double>, into to: UnsafeMutablePointer<Double>, _ searches: UInt64, dense: Bool,
        lanes: UnsafePointer<SIMD2<UInt64>>
    ) {
        if dense { addRowDense(from, into: to, searches, lanes: lanes) } else { addRow(from, into: to, searches) }
    }

    /// `value` with the lanes outside `keep` cleared to `+0.0` (bitwise, so a NaN or infinity
    /// there goes too).
    @inline(__always)
    static func masked(_ value: SIMD2<Double>, _ keep: SIMD2<UInt64>) -> SIMD2<Double> {
        unsafeBitCast(unsafeBitCast(value, to: SIMD2<UInt64>.self) & keep, to: SIMD2<Double>.self)
    }

    /// `to[b] += from[b]` for each search `b` in `searches`, two lanes at a time over the whole row:
    /// the lanes outside `searches` add `+0.0` (their bits are cleared, not multiplied, so any value
    /// there is left alone), which leaves every sum exactly what ``addRow(_:into:_:)`` forms.
    @inline(__always)
    static func addRowDense(
        _ from: UnsafePointer<Double>, into to: UnsafeMutablePointer<Double>, _ searches: UInt64,
        lanes: UnsafePointer<SIMD2<UInt64>>
    ) {
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
        var bits = searches
        for pair in 0..<brandesBatchWidth / 2 {
            let keep = lanes[Int(bits & 3)]
            bits >>= 2
            let sum =
                target.load(fromByteOffset: 16 * pair, as: SIMD2<Double>.self)
                + masked(source.load(fromByteOffset: 16 * pair, as: SIMD2<Double>.self), keep)
            target.storeBytes(of: sum, toByteOffset: 16 * pair, as: SIMD2<Double>.self)
        }
    }

    /// The backward step of one entry, two lanes at a time over the whole row: for each search `b`
    /// of `mine`, `delta = sigma * acc[b]` (Brandes' dependency of the node), the weighted sum of the
    /// deltas returned, `row[b]` turned into `(1 + delta) / sigma` and `acc[b]` reset. Lanes outside
    /// `mine` are selected away bit by bit (their row values belong to other levels and are kept; a
    /// division by a lane that holds 0 is computed and discarded). The same numbers as the bit-by-bit
    /// loop, the weighted deltas summed in another order.
    @inline(__always)
    static func dependenciesDense(
        row: UnsafeMutablePointer<Double>, acc: UnsafeMutablePointer<Double>, weight: UnsafePointer<Double>,
        _ mine: UInt64, endpoints: Bool, lanes: UnsafePointer<SIMD2<UInt64>>
    ) -> Double {
        let paths = UnsafeMutableRawPointer(row), sums = UnsafeMutableRawPointer(acc)
        let weights = UnsafeRawPointer(weight)
        let one = SIMD2<Double>(1, 1)
        var total = SIMD2<Double>(0, 0)
        var bits = mine
        for pair in 0..<brandesBatchWidth / 2 {
            let keep = lanes[Int(bits & 3)]
            bits >>= 2
            let sigma = paths.load(fromByteOffset: 16 * pair, as: SIMD2<Double>.self)
            let product = sigma * sums.load(fromByteOffset: 16 * pair, as: SIMD2<Double>.self)
            let delta = masked(product, keep)
            sums.storeBytes(of: SIMD2<Double>(0, 0), toByteOffset: 16 * pair, as: SIMD2<Double>.self)
            let w = masked(weights.load(fromByteOffset: 16 * pair, as: SIMD2<Double>.self), keep)
            total += w * (endpoints ? delta + one : delta)
            let ratio = unsafeBitCast((one + delta) / sigma, to: SIMD2<UInt64>.self)
            let kept = unsafeBitCast(sigma, to: SIMD2<UInt64>.self)
            paths.storeBytes(
                of: unsafeBitCast((ratio & keep) | (kept & ~keep), to: SIMD2<Double>.self),
                toByteOffset: 16 * pair, as: SIMD2<Double>.self)
        }
        return total[0] + total[1]
    }

    /// Words of the bit-sliced reached counters: counts up to 2^32.
    static let counterWords = 32

    /// Brandes from `plan.sources[batch]` (at most ``brandesBatchWidth``), all at once, adding into `bc` (new
    /// numbers) exactly what ``brandes(plan:range:endpoints:into:)`` adds for the same range, in
    /// another order.
    func brandesBatch(
        plan: BrandesPlan, batch: Range<Int>, endpoints: Bool, into bc: UnsafeMutablePointer<Double>,
        scratch x: BatchedBrandesScratch
    ) {
        let width = LocalAdjacency.brandesBatchWidth
        precondition(batch.count <= width && x.nodeCount == old.count)
        let paths = x.paths, seenNext = x.seenNext, belowMask = x.belowMask, belowLevel = x.belowLevel
        var reachedCount = 0
        // The entry lists are taken out of the scratch for the batch (and put back at the end):
        // as local variables they need no run-time exclusivity check on each access.
        var entryNode: [Int32] = [], entryMask: [UInt64] = [], levelStart: [Int] = []
        swap(&entryNode, &x.entryNode); swap(&entryMask, &x.entryMask); swap(&levelStart, &x.levelStart)
        defer { swap(&entryNode, &x.entryNode); swap(&entryMask, &x.entryMask); swap(&levelStart, &x.levelStart) }
        entryNode.removeAll(keepingCapacity: true)
        entryMask.removeAll(keepingCapacity: true)
        levelStart.removeAll(keepingCapacity: true)
        levelStart.append(0)
        for i in batch {
            let b = i - batch.lowerBound
            let s = Int(plan.sources[i])
            x.weight[b] = plan.own[i] + Double(plan.foldStart[i + 1] - plan.foldStart[i])
            seenNext[2 * s] |= 1 << UInt64(b)
            paths[s * width + b] = 1
            x.reachedNodes[reachedCount] = Int32(s); reachedCount += 1
            entryNode.append(Int32(s)); entryMask.append(1 << UInt64(b))
        }
        levelStart.append(entryNode.count)
        // How many nodes besides its source each search reached, bit-sliced: search b's count is
        // the number whose binary digit i is bit b of counters[i].
        let counters = x.counters
        counters.update(repeating: 0, count: LocalAdjacency.counterWords)
        outOffsets.withUnsafeBufferPointer { off in
            outTargets.withUnsafeBufferPointer { T in
                // Forward: one level of all the searches at a time.
                var level = 0
                while levelStart[level + 1] > levelStart[level] {
                    let lo = levelStart[level], hi = levelStart[level + 1]
                    let foundBits = x.foundBits
                    var firstWord = Int.max, lastWord = -1
                    entryNode.withUnsafeBufferPointer { E in
                        entryMask.withUnsafeBufferPointer { M in
                            // Which searches reach which node first at the next level, and their path
                            // counts. A search of `f` reaches `w` first at the next level exactly when it
                            // has not reached `w` before (`seen` changes only after the level), so the edge
                            // is on its shortest paths and passes `v`'s count on, in the same sweep.
                            for e in lo..<hi {
                                let v = Int(E[e]), f = M[e]
                                let from = paths + v * width
                                let dense = f.nonzeroBitCount >= LocalAdjacency.denseEntrySearches
                                var p = off[v]
                                let end = off[v + 1]
                                while p < end {
                                    let w = Int(T[p]); p += 1
                                    let add = f & ~seenNext[2 * w]
                                    if add != 0 {
                                        if seenNext[2 * w + 1] == 0 {
                                            let word = w >> 6
                                            foundBits[word] |= 1 << UInt64(w & 63)
                                            firstWord = min(firstWord, word); lastWord = max(lastWord, word)
                                        }
                                        seenNext[2 * w + 1] |= add
                                        LocalAdjacency.addRow(
                                            from, into: paths + w * width, add, dense: dense, lanes: x.lanes)
                                    }
                                }
                            }
                        }
                    }
                    var word = firstWord
                    while word <= lastWord {
                        var found = foundBits[word]
                        foundBits[word] = 0
                        word += 1
                        while found != 0 {
                            let w = (word - 1) << 6 | found.trailingZeroBitCount
                            found &= found &- 1
                            let new = seenNext[2 * w + 1]
                            seenNext[2 * w + 1] = 0
                            if seenNext[2 * w] == 0 {
                                x.reachedNodes[reachedCount] = Int32(truncatingIfNeeded: w); reachedCount += 1
                            }
                            seenNext[2 * w] |= new
                            entryNode.append(Int32(truncatingIfNeeded: w)); entryMask.append(new)
                            // Count the node for each search of `new`: add 1 in the bit-sliced counters
                            // (word i holds digit i of all the counts; ripple-carry, about 2 words a node).
                            var carry = new, i = 0
                            while carry != 0 {
                                let c = counters[i] & carry
                                counters[i] ^= carry
                                carry = c; i += 1
                            }
                        }
                    }
                    levelStart.append(entryNode.count)
                    level += 1
                }
                // Backward: dependencies pulled from the level below, deepest level first. Level 0
                // holds the sources, which get no dependency of their own search.
                let deepest = levelStart.count - 3
                let acc = x.sum
                entryNode.withUnsafeBufferPointer { E in
                    entryMask.withUnsafeBufferPointer { M in
                        var level = deepest
                        while level >= 1 {
                            let below = Int32(level + 1)
                            let lo = levelStart[level], hi = levelStart[level + 1]
                            for e in lo..<hi {
                                let v = Int(E[e]), mine = M[e]
                                // acc is all zeros here: each lane is reset where it is read below
                                // (and only the lanes of `mine` are ever added to).
                                let dense = mine.nonzeroBitCount >= LocalAdjacency.denseEntrySearches
                                if level < deepest {
                                    var p = off[v]
                                    let end = off[v + 1]
                                    while p < end {
                                        let w = Int(T[p]); p += 1
                                        if belowLevel[w] == below {
                                            LocalAdjacency.addRow(
                                                paths + w * width, into: acc, mine & belowMask[w], dense: dense,
                                                lanes: x.lanes)
                                        }
                                    }
                                }
                                let mineRow = paths + v * width
                                if dense {
                                    bc[v] += LocalAdjacency.dependenciesDense(
                                        row: mineRow, acc: acc, weight: x.weight, mine, endpoints: endpoints,
                                        lanes: x.lanes)
                                } else {
                                    var added = 0.0
                                    var bits = mine
                                    while bits != 0 {
                                        let b = bits.trailingZeroBitCount
                                        let sigma = mineRow[b]
                                        let delta = sigma * acc[b]
                                        acc[b] = 0
                                        added += x.weight[b] * (endpoints ? delta + 1 : delta)
                                        mineRow[b] = (1 + delta) / sigma
                                        bits &= bits &- 1
                                    }
                                    bc[v] += added
                                }
                            }
                            // This level is the level below for the next one up.
                            for e in lo..<hi {
                                let v = Int(E[e])
                                belowMask[v] = M[e]; belowLevel[v] = Int32(level)
                            }
                            level -= 1
                        }
                    }
                }
            }
        }
        // What the searches give the sources and the sources folded into them (see brandes).
        for i in batch {
            let b = UInt64(i - batch.lowerBound)
            let s = Int(plan.sources[i])
            let a = plan.own[i]
            let f = Double(plan.foldStart[i + 1] - plan.foldStart[i])
            var count = 1
            for k in 0..<LocalAdjacency.counterWords where (counters[k] >> b) & 1 != 0 { count += 1 << k }
            let reached = Double(count)
            if endpoints {
                bc[s] += a * (reached - 1) + f * (reached - 1)
                for k in plan.foldStart[i]..<plan.foldStart[i + 1] { bc[Int(plan.folded[k])] += reached - 2 }
            } else if f > 0 {
                bc[s] += f * (reached - 2)
            }
        }
        for k in 0..<reachedCount {
            let v = Int(x.reachedNodes[k])
            seenNext[2 * v] = 0
            // 0 is never a level below (the backward pass asks for levels 2 and up), and a source
            // of the next batch must not find the level this batch left.
            belowLevel[v] = 0
            (paths + v * width).update(repeating: 0, count: width)
        }
    }
}

/// Voting power when part of a council's seats is unrecorded: exact bounds of each party's
/// Banzhaf and Shapley-Shubik index over every way the unknown seats could be held.
///
/// The players are the recorded parties with `known` seats each. `unknown` seats belong to one of
/// them or to nobody (an unaligned remainder that joins no coalition but counts in the total the
/// quota is taken from); `fixed` seats are known to belong to no player (`other`, `nonparty`).
/// A split `x` (`x_i >= 0`, `sum x_i <= unknown`) gives the weighted game `[q; known_i + x_i]`.
///
/// Banzhaf (1965, *Weighted voting doesn't work*, Rutgers Law Review 19) and Shapley & Shubik (1954,
/// *A method for evaluating the distribution of power in a committee system*, APSR 48) indices
/// depend only on which coalitions win, so the many splits collapse into few distinct games.
/// ``bounds()`` enumerates those games without visiting splits: a depth-first search decides, one
/// coalition `S` at a time (smallest first), whether it wins (`x(S) >= q - known(S)`) or loses
/// (`x(S) <= q - known(S) - 1`), and keeps a branch only when some integer split satisfies every
/// decision so far (an exact integer feasibility test: bounds propagation on the subset-sum
/// constraints with branching by halving a domain). Every leaf is one distinct game reachable by
/// an integer split, every such game is a leaf, and the bounds are the minimum and maximum over
/// the leaves: exact, in time growing with the number of distinct games (thousands at most for six
/// parties), not with the number of splits (`C(unknown + n, n)`: 10^13 for 6 parties and 457 seats).
/// ``boundsByEnumeration()`` visits every split; the tests prove the two agree.
public struct PartialCouncil: Sendable, Hashable {
    /// Seats of each recorded party (the players).
    public let known: [Int]
    /// Seats whose holder is unrecorded.
    public let unknown: Int
    /// Seats known to belong to no player (`other`, `nonparty`).
    public let fixed: Int
    /// Votes needed to carry a decision, out of ``total``.
    public let quota: Int

    /// The most players ``bounds()`` accepts (the games are tables of `2^n` coalitions).
    public static let maxPlayers = 10
    /// The most splits ``boundsByEnumeration()`` visits (it refuses larger councils).
    public static let maxEnumeratedSplits = 2_000_000

    /// - Throws: a usage error for a negative count or a quota outside `1...total`.
    public init(known: [Int], unknown: Int, fixed: Int = 0, quota: Int) throws(OrgNetError) {
        guard known.allSatisfy({ $0 >= 0 }), unknown >= 0, fixed >= 0 else {
            throw OrgNetError(.usage, "seat counts must not be negative")
        }
        let total = known.reduce(0, +) + unknown + fixed
        guard quota >= 1, quota <= total else {
            throw OrgNetError(.usage, "the quota \(quota) must be between 1 and the total seats \(total)")
        }
        self.known = known
        self.unknown = unknown
        self.fixed = fixed
        self.quota = quota
    }

    /// All seats: known, unknown and fixed.
    public var total: Int { known.reduce(0, +) + unknown + fixed }

    /// Lower and upper bounds of each player's index.
    public struct Bounds: Sendable, Hashable {
        public var banzhafMin: [Double]
        public var banzhafMax: [Double]
        public var shapleyShubikMin: [Double]
        public var shapleyShubikMax: [Double]
        /// Distinct games (sets of winning coalitions) the bounds were taken over.
        public var games: Int
    }

    /// The exact bounds, over the distinct games (see the type's description).
    /// - Throws: a usage error with more than ``maxPlayers`` players.
    public func bounds() throws(OrgNetError) -> Bounds {
        let n = known.count
        guard n <= Self.maxPlayers else {
            throw OrgNetError(.usage, "power bounds over unknown seats handle at most \(Self.maxPlayers) parties, not \(n)")
        }
        var acc = Accumulator(players: n)
        guard n > 0 else { return acc.bounds }
        // Coalitions by size, smallest first, so a coalition's subsets are decided before it.
        let order = (1..<(1 << n)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
        let weightOf = (0..<(1 << n)).map { s in (0..<n).reduce(0) { s & (1 << $1) != 0 ? $0 + known[$1] : $0 } }
        var wins = [Bool](repeating: false, count: 1 << n)
        var constraints: [Constraint] = [Constraint(mask: (1 << n) - 1, lo: 0, hi: unknown)]
        let start = [Int](repeating: 0, count: n)

        func search(_ depth: Int, _ witness: [Int]) {
            if depth == order.count { acc.add(game: wins); return }
            let s = order[depth]
            let need = quota - weightOf[s]                // x(S) >= need wins
            let witnessWins = sum(witness, s) >= need
            let forcedWin = (0..<n).contains { s & (1 << $0) != 0 && s != (1 << $0) && wins[s & ~(1 << $0)] }
            for decision in [witnessWins, !witnessWins] {
                if !decision && forcedWin { continue }
                let c = decision ? Constraint(mask: s, lo: max(0, need), hi: unknown)
                                 : Constraint(mask: s, lo: 0, hi: need - 1)
                if c.lo > c.hi { continue }
                constraints.append(c)
                let found = decision == witnessWins ? witness
                    : Self.feasible(constraints, lo: start, hi: [Int](repeating: unknown, count: n))
                if let found {
                    wins[s] = decision
                    search(depth + 1, found)
                }
                constraints.removeLast()
            }
            wins[s] = false
        }
        search(0, start)
        return acc.bounds
    }

    /// The bounds by visiting every split (for checking ``bounds()``).
    /// - Throws: a usage error when there are more than ``maxEnumeratedSplits`` splits or ``maxPlayers`` players.
    public func boundsByEnumeration() throws(OrgNetError) -> Bounds {
        let n = known.count
        guard n <= Self.maxPlayers else { throw OrgNetError(.usage, "at most \(Self.maxPlayers) parties") }
        // C(unknown + n, n) splits, computed without overflow.
        var splits = 1.0
        for j in 0..<n { splits = splits * Double(unknown + n - j) / Double(j + 1) }
        guard splits <= Double(Self.maxEnumeratedSplits) else {
            throw OrgNetError(.usage, "\(Int(splits)) splits are too many to enumerate (at most \(Self.maxEnumeratedSplits))")
        }
        var acc = Accumulator(players: n)
        var seen = Set<[Bool]>()
        var x = [Int](repeating: 0, count: n)
        func visit(_ i: Int, _ left: Int) {
            if i == n {
                let w = zip(known, x).map { $0 + $1 }
                let game = (0..<(1 << n)).map { s in (0..<n).reduce(0) { s & (1 << $1) != 0 ? $0 + w[$1] : $0 } >= quota }
                if seen.insert(game).inserted { acc.add(game: game) }
                return
            }
            for v in 0...left { x[i] = v; visit(i + 1, left - v) }
            x[i] = 0
        }
        visit(0, unknown)
        return acc.bounds
    }

    /// Banzhaf (normalized) and Shapley-Shubik indices of a game given by its winning coalitions
    /// (`wins[S]` for every bit set `S` of the `n` players): swings are the coalitions `S` without
    /// `i` that lose while `S + i` wins; Shapley-Shubik weighs each by `|S|! (n - 1 - |S|)! / n!`.
    /// All zero when no coalition wins.
    public static func indices(wins: [Bool], players n: Int) -> (banzhaf: [Double], shapleyShubik: [Double]) {
        var factor = [Double](repeating: 0, count: max(n, 1))     // s! (n-1-s)! / n! = 1 / (n C(n-1, s))
        for s in 0..<n {
            var binom = 1.0
            for j in 0..<s { binom = binom * Double(n - 1 - j) / Double(j + 1) }
            factor[s] = 1 / (Double(n) * binom)
        }
        var swings = [Double](repeating: 0, count: n), ss = [Double](repeating: 0, count: n)
        for s in 0..<(1 << n) where !wins[s] {
            for i in 0..<n where s & (1 << i) == 0 && wins[s | (1 << i)] {
                swings[i] += 1
                ss[i] += factor[s.nonzeroBitCount]
            }
        }
        let total = swings.reduce(0, +)
        return (total > 0 ? swings.map { $0 / total } : swings, ss)
    }

    // MARK: - Search internals

    /// `lo <= x(mask) <= hi`.
    struct Constraint: Hashable {
        var mask: Int
        var lo: Int
        var hi: Int
    }

    private func sum(_ x: [Int], _ mask: Int) -> Int {
        x.indices.reduce(0) { mask & (1 << $1) != 0 ? $0 + x[$1] : $0 }
    }

    /// An integer point with `lo <= x <= hi` satisfying every constraint, or nil when none exists:
    /// bounds propagation to a fixpoint, then branching on the widest domain (halves), depth first.
    static func feasible(_ constraints: [Constraint], lo: [Int], hi: [Int]) -> [Int]? {
        var lo = lo, hi = hi
        let n = lo.count
        var changed = true
        while changed {
            changed = false
            for c in constraints {
                var sLo = 0, sHi = 0
                for i in 0..<n where c.mask & (1 << i) != 0 { sLo += lo[i]; sHi += hi[i] }
                if sLo > c.hi || sHi < c.lo { return nil }
                for i in 0..<n where c.mask & (1 << i) != 0 {
                    let newLo = c.lo - (sHi - hi[i]), newHi = c.hi - (sLo - lo[i])
                    if newLo > lo[i] { sLo += newLo - lo[i]; lo[i] = newLo; changed = true }
                    if newHi < hi[i] { sHi -= hi[i] - newHi; hi[i] = newHi; changed = true }
                    if lo[i] > hi[i] { return nil }
                }
            }
        }
        guard let v = (0..<n).max(by: { hi[$0] - lo[$0] < hi[$1] - lo[$1] }), hi[v] > lo[v] else { return lo }
        let mid = (lo[v] + hi[v]) / 2
        var h = hi
        h[v] = mid
        if let x = feasible(constraints, lo: lo, hi: h) { return x }
        var l = lo
        l[v] = mid + 1
        return feasible(constraints, lo: l, hi: hi)
    }

    /// Running minimum and maximum of the indices over the games seen.
    private struct Accumulator {
        var bounds: Bounds
        let n: Int
        init(players: Int) {
            n = players
            bounds = Bounds(banzhafMin: .init(repeating: .infinity, count: players), banzhafMax: .init(repeating: -.infinity, count: players),
                            shapleyShubikMin: .init(repeating: .infinity, count: players), shapleyShubikMax: .init(repeating: -.infinity, count: players),
                            games: 0)
        }
        mutating func add(game: [Bool]) {
            let (bz, ss) = PartialCouncil.indices(wins: game, players: n)
            for i in 0..<n {
                bounds.banzhafMin[i] = min(bounds.banzhafMin[i], bz[i])
                bounds.banzhafMax[i] = max(bounds.banzhafMax[i], bz[i])
                bounds.shapleyShubikMin[i] = min(bounds.shapleyShubikMin[i], ss[i])
                bounds.shapleyShubikMax[i] = max(bounds.shapleyShubikMax[i], ss[i])
            }
            bounds.games += 1
        }
    }
}

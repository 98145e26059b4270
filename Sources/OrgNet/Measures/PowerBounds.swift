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
    /// The most linear relaxations ``bounds()`` solves before it refuses rather than run for
    /// minutes (measured: 4 parties sharing 460 unknown seats need 85, 5 sharing 200 need 204,
    /// 6 sharing 100 fit the budget (105 games); 6 sharing 460 need more than 5,000).
    public static let maxRelaxations = 1_500
    /// The most splits ``boundsByEnumeration()`` visits (it refuses larger councils).
    public static let maxEnumeratedSplits = 2_000_000

    /// - Throws: a usage error for a negative count or a quota outside `1...total`.
    public init(known: [Int], unknown: Int, fixed: Int = 0, quota: Int) throws(OrgNetError) {
        guard known.allSatisfy({ $0 >= 0 }), unknown >= 0, fixed >= 0 else {
            throw OrgNetError(.invalidArgument, "seat counts must not be negative")
        }
        let total = known.reduce(0, +) + unknown + fixed
        guard quota >= 1, quota <= total else {
            throw OrgNetError(.invalidArgument, "the quota \(quota) must be between 1 and the total seats \(total)")
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
    /// - Throws: a usage error with more than ``maxPlayers`` players, or when the search needs more
    ///   than `maxRelaxations` linear relaxations (it refuses rather than guess).
    /// - Parameter maxRelaxations: the work budget (see ``maxRelaxations``).
    public func bounds(maxRelaxations: Int = PartialCouncil.maxRelaxations) throws(OrgNetError) -> Bounds {
        let n = known.count
        guard n <= Self.maxPlayers else {
            throw OrgNetError(
                .invalidArgument, "power bounds over unknown seats handle at most \(Self.maxPlayers) parties, not \(n)")
        }
        var acc = Accumulator(players: n)
        guard n > 0 else { return acc.bounds }
        var budget = maxRelaxations, overBudget = false
        // Coalitions by size, smallest first, so a coalition's subsets are decided before it.
        let order = (1..<(1 << n)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
        let weightOf = (0..<(1 << n)).map { s in (0..<n).reduce(0) { s & (1 << $1) != 0 ? $0 + known[$1] : $0 } }
        var wins = [Bool](repeating: false, count: 1 << n)
        var constraints: [Constraint] = [Constraint(mask: (1 << n) - 1, lo: 0, hi: unknown)]
        let start = [Int](repeating: 0, count: n)

        func search(_ depth: Int, _ witness: [Int]) {
            if overBudget { return }
            if depth == order.count { acc.add(game: wins); return }
            let s = order[depth]
            let need = quota - weightOf[s] // x(S) >= need wins
            let witnessWins = sum(witness, s) >= need
            let forcedWin = (0..<n).contains { s & (1 << $0) != 0 && s != (1 << $0) && wins[s & ~(1 << $0)] }
            for decision in [witnessWins, !witnessWins] {
                if !decision && forcedWin { continue }
                let c =
                    decision
                    ? Constraint(mask: s, lo: max(0, need), hi: unknown)
                    : Constraint(mask: s, lo: 0, hi: need - 1)
                if c.lo > c.hi { continue }
                constraints.append(c)
                var found: [Int]? = witness
                if decision != witnessWins {
                    found = Self.feasible(
                        constraints, lo: start, hi: [Int](repeating: unknown, count: n), budget: &budget)
                    if budget < 0 { overBudget = true; return }
                }
                if let found {
                    wins[s] = decision
                    search(depth + 1, found)
                }
                constraints.removeLast()
            }
            wins[s] = false
        }
        search(0, start)
        guard !overBudget else {
            throw OrgNetError(
                .invalidArgument,
                "\(n) parties sharing \(unknown) unknown seats give too many distinct games to bound exactly "
                    + "(more than \(maxRelaxations) linear relaxations solved); give fewer parties or a fuller composition"
            )
        }
        return acc.bounds
    }

    /// The bounds by visiting every split (for checking ``bounds()``).
    /// - Throws: a usage error when there are more than ``maxEnumeratedSplits`` splits or ``maxPlayers`` players.
    public func boundsByEnumeration() throws(OrgNetError) -> Bounds {
        let n = known.count
        guard n <= Self.maxPlayers else { throw OrgNetError(.invalidArgument, "at most \(Self.maxPlayers) parties") }
        // C(unknown + n, n) splits, computed without overflow.
        var splits = 1.0
        for j in 0..<n { splits = splits * Double(unknown + n - j) / Double(j + 1) }
        guard splits <= Double(Self.maxEnumeratedSplits) else {
            throw OrgNetError(
                .invalidArgument,
                "\(Int(splits)) splits are too many to enumerate (at most \(Self.maxEnumeratedSplits))")
        }
        var acc = Accumulator(players: n)
        var seen = Set<[Bool]>()
        var x = [Int](repeating: 0, count: n)
        func visit(_ i: Int, _ left: Int) {
            if i == n {
                let w = zip(known, x).map { $0 + $1 }
                let game = (0..<(1 << n)).map { s in (0..<n).reduce(0) { s & (1 << $1) != 0 ? $0 + w[$1] : $0 } >= quota
                }
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
        var factor = [Double](repeating: 0, count: max(n, 1)) // s! (n-1-s)! / n! = 1 / (n C(n-1, s))
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
    /// branch and bound. A node is dropped when its linear relaxation has no real solution
    /// (``relaxationFeasible(_:lo:hi:)``); a rounded relaxed solution that satisfies everything
    /// is returned; otherwise bounds propagation, then branching on the widest domain (halves).
    static func feasible(_ constraints: [Constraint], lo: [Int], hi: [Int], budget: inout Int) -> [Int]? {
        var lo = lo, hi = hi
        let n = lo.count
        func satisfies(_ x: [Int]) -> Bool {
            constraints.allSatisfy { c in
                let s = (0..<n).reduce(0) { c.mask & (1 << $1) != 0 ? $0 + x[$1] : $0 }
                return s >= c.lo && s <= c.hi
            }
        }
        budget -= 1
        guard budget >= 0, let relaxed = relaxationFeasible(constraints, lo: lo, hi: hi) else { return nil }
        let rounded = relaxed.map { Int($0.rounded()) }
        if rounded.allSatisfy({ $0 >= 0 }), satisfies(rounded) { return rounded }
        // A few rounds only: on a thin infeasible region propagation creeps one seat per round,
        // where the relaxation or a halving ends it at once.
        var changed = true, rounds = 0
        while changed && rounds < 4 {
            changed = false
            rounds += 1
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
        guard let v = (0..<n).max(by: { hi[$0] - lo[$0] < hi[$1] - lo[$1] }), hi[v] > lo[v] else {
            return satisfies(lo) ? lo : nil
        }
        let mid = (lo[v] + hi[v]) / 2
        var h = hi
        h[v] = mid
        if let x = feasible(constraints, lo: lo, hi: h, budget: &budget) { return x }
        guard budget >= 0 else { return nil }
        var l = lo
        l[v] = mid + 1
        return feasible(constraints, lo: l, hi: hi, budget: &budget)
    }

    /// A real point with `lo <= x <= hi` satisfying every constraint, or nil when there is none:
    /// phase I of the simplex method (Dantzig) on `y = x - lo`, one artificial variable per row,
    /// Bland's rule against cycling. The rows are few (at most `2^n + n`), the coefficients 0 or 1.
    static func relaxationFeasible(_ constraints: [Constraint], lo: [Int], hi: [Int]) -> [Double]? {
        let n = lo.count
        // Rows: (coefficients over y, right-hand side, is "<=").
        var rows: [([Double], Double, Bool)] = []
        let total = hi.reduce(0, +) + lo.reduce(0, +)
        for c in constraints {
            let a = (0..<n).map { c.mask & (1 << $0) != 0 ? 1.0 : 0.0 }
            let shift = Double((0..<n).reduce(0) { c.mask & (1 << $1) != 0 ? $0 + lo[$1] : $0 })
            if c.hi < total { rows.append((a, Double(c.hi) - shift, true)) }
            if c.lo > 0 { rows.append((a, Double(c.lo) - shift, false)) }
        }
        for i in 0..<n { rows.append(((0..<n).map { $0 == i ? 1.0 : 0.0 }, Double(hi[i] - lo[i]), true)) }
        // A "<=" row with a non-negative right-hand side starts with its slack in the basis; the
        // others need an artificial variable.
        let m = rows.count
        let needsArtificial = rows.map { !($0.2 && $0.1 >= 0) }
        var artificialColumn = [Int](repeating: -1, count: m)
        var next = n + m
        for r in 0..<m where needsArtificial[r] { artificialColumn[r] = next; next += 1 }
        let cols = next
        var t = [[Double]](repeating: [Double](repeating: 0, count: cols + 1), count: m)
        var basis = [Int](repeating: 0, count: m)
        for (r, row) in rows.enumerated() {
            let sign = row.1 < 0 ? -1.0 : 1.0
            for j in 0..<n { t[r][j] = sign * row.0[j] }
            t[r][n + r] = sign * (row.2 ? 1 : -1)
            t[r][cols] = sign * row.1
            if needsArtificial[r] {
                t[r][artificialColumn[r]] = 1; basis[r] = artificialColumn[r]
            } else {
                basis[r] = n + r
            }
        }
        let eps = 1e-9
        // Reduced costs of minimizing the sum of the artificial variables.
        var cost = [Double](repeating: 0, count: cols + 1)
        for r in 0..<m where needsArtificial[r] {
            for j in 0...cols where j < n + m || j == cols { cost[j] -= t[r][j] }
        }
        for _ in 0..<(50 * cols) {
            guard let e = (0..<(n + m)).first(where: { cost[$0] < -eps }) else { break }
            var leave = -1
            var best = Double.infinity
            for r in 0..<m where t[r][e] > eps {
                let ratio = t[r][cols] / t[r][e]
                if ratio < best - eps || (abs(ratio - best) <= eps && leave >= 0 && basis[r] < basis[leave]) {
                    best = ratio; leave = r
                }
            }
            guard leave >= 0 else { break } // unbounded cannot happen: the sum of artificials is >= 0
            let p = t[leave][e]
            for j in 0...cols { t[leave][j] /= p }
            for r in 0..<m where r != leave && t[r][e] != 0 {
                let f = t[r][e]
                for j in 0...cols { t[r][j] -= f * t[leave][j] }
            }
            let f = cost[e]
            for j in 0...cols { cost[j] -= f * t[leave][j] }
            basis[leave] = e
        }
        // The artificial sum is -cost[cols]; zero means the rows are satisfiable.
        guard -cost[cols] <= 1e-7 else { return nil }
        var y = [Double](repeating: 0, count: n)
        for r in 0..<m where basis[r] < n { y[basis[r]] = t[r][cols] }
        return (0..<n).map { Double(lo[$0]) + y[$0] }
    }

    /// Running minimum and maximum of the indices over the games seen.
    private struct Accumulator {
        var bounds: Bounds
        let n: Int
        init(players: Int) {
            n = players
            bounds = Bounds(
                banzhafMin: .init(repeating: .infinity, count: players),
                banzhafMax: .init(repeating: -.infinity, count: players),
                shapleyShubikMin: .init(repeating: .infinity, count: players),
                shapleyShubikMax: .init(repeating: -.infinity, count: players),
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

import Foundation

/// A weighted voting game `[q; w_1, ..., w_n]`: a coalition wins when its weights sum to at least
/// the quota `q`. In a council the players are party blocs voting together, the weights their seats.
public struct WeightedVotingGame: Sendable, Hashable {
    /// Non-negative integer weights (seats), one per player.
    public let weights: [Int]
    /// The winning threshold: a coalition wins when its weight is at least `quota`.
    public let quota: Int

    /// - Throws: a usage error for a negative weight or a quota outside `1...sum(weights)`.
    public init(weights: [Int], quota: Int) throws(OrgNetError) {
        guard weights.allSatisfy({ $0 >= 0 }) else { throw OrgNetError(.usage, "voting weights must not be negative") }
        let total = weights.reduce(0, +)
        guard quota >= 1, quota <= total else {
            throw OrgNetError(.usage, "the quota \(quota) must be between 1 and the total weight \(total)")
        }
        self.weights = weights
        self.quota = quota
    }

    /// The total weight.
    public var total: Int { weights.reduce(0, +) }

    /// Swings of each player: the coalitions `S` of the others with `q - w_i <= w(S) < q`, where
    /// joining turns a losing coalition into a winning one.
    ///
    /// Computed exactly by generating functions (Brams & Affuso 1976; Bilbao, Fernández, Jiménez
    /// Losada & López 2000, *Generating functions for computing power indices efficiently*, TOP 8):
    /// the coefficient of `x^k` in `prod_{j != i} (1 + x^{w_j})` counts the coalitions of the
    /// others of weight `k`. O(n^2 q) time with Doubles (exact up to 2^53 coalitions).
    public func swings() -> [Double] {
        let n = weights.count
        return (0..<n).map { i in
            let c = coalitionCounts(excluding: i)
            let lo = max(0, quota - weights[i])
            return lo < quota ? (lo..<quota).reduce(0.0) { $0 + c[$1] } : 0
        }
    }

    /// The normalized Banzhaf index: each player's swings over the sum of all swings
    /// (Banzhaf 1965, *Weighted voting doesn't work*, Rutgers Law Review 19). All zero when no one
    /// ever swings.
    public func banzhaf() -> [Double] {
        let s = swings()
        let sum = s.reduce(0, +)
        return sum > 0 ? s.map { $0 / sum } : s.map { _ in 0 }
    }

    /// The Shapley-Shubik index: the share of the `n!` orders of arrival in which the player is
    /// pivotal (Shapley & Shubik 1954, *A method for evaluating the distribution of power in a
    /// committee system*, APSR 48). By generating functions in two variables (size and weight):
    /// `SS_i = sum_{s, k : q - w_i <= k < q} c_i(s, k) * s! (n - 1 - s)! / n!`, where `c_i(s, k)` counts
    /// the coalitions of `s` other players of weight `k`. O(n^3 q). Sums to 1 when some coalition wins.
    public func shapleyShubik() -> [Double] {
        let n = weights.count
        // s! (n-1-s)! / n! = 1 / (n * C(n-1, s)).
        func factor(_ s: Int) -> Double {
            var binom = 1.0
            for j in 0..<s { binom = binom * Double(n - 1 - j) / Double(j + 1) }
            return 1 / (Double(n) * binom)
        }
        return (0..<n).map { i in
            guard weights[i] > 0 else { return 0 }
            let lo = max(0, quota - weights[i])
            // c[s][k], k < quota only (heavier coalitions already win).
            var c = [[Double]](repeating: [Double](repeating: 0, count: quota), count: n)
            c[0][0] = 1
            var members = 0
            for j in 0..<n where j != i {
                let w = weights[j]
                members += 1
                for s in stride(from: members, through: 1, by: -1) where w < quota {
                    for k in stride(from: quota - 1, through: w, by: -1) { c[s][k] += c[s - 1][k - w] }
                }
            }
            var total = 0.0
            for s in 0..<n { for k in lo..<quota { total += c[s][k] * factor(s) } }
            return total
        }
    }

    /// Coefficients of `prod_{j != i} (1 + x^{w_j})` below the quota.
    private func coalitionCounts(excluding i: Int) -> [Double] {
        var c = [Double](repeating: 0, count: quota)
        c[0] = 1
        for (j, w) in weights.enumerated() where j != i && w < quota {
            for k in stride(from: quota - 1, through: w, by: -1) { c[k] += c[k - w] }
        }
        return c
    }
}

/// How many votes carry a council decision.
public enum Quota: Sendable, Hashable, CustomStringConvertible {
    /// More than half: `floor(total / 2) + 1`.
    case simpleMajority
    /// At least this fraction of the seats: `ceil(fraction * total)`, e.g. 2/3.
    case fraction(Double)
    /// An absolute number of votes.
    case votes(Int)

    /// Parses `majority`, a number of votes (`326`), a fraction (`2/3`) or a decimal below 1 (`0.6`).
    public init(parsing text: String) throws(OrgNetError) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "majority" || t == "simple" { self = .simpleMajority; return }
        if let n = Int(t) { self = .votes(n); return }
        let parts = t.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b > 0, a > 0, a <= b {
            self = .fraction(a / b); return
        }
        if let f = Double(t), f > 0, f <= 1 { self = .fraction(f); return }
        throw OrgNetError(.usage, "'\(text)' is not a quota; expected majority, a number of votes, 2/3 or 0.6")
    }

    /// The votes needed out of `total`.
    public func votes(of total: Int) -> Int {
        switch self {
        case .simpleMajority: return total / 2 + 1
        case .fraction(let f): return max(1, Int((f * Double(total) - 1e-9).rounded(.up)))
        case .votes(let n): return n
        }
    }

    public var description: String {
        switch self {
        case .simpleMajority: return "simple majority"
        case .fraction(let f): return "\(f) of the votes"
        case .votes(let n): return "\(n) votes"
        }
    }
}

/// The voting power of the party blocs of a council at a month.
public struct CouncilPower: Sendable, Hashable, Codable {
    public struct Bloc: Sendable, Hashable, Codable {
        /// The party id (`other`, `unknown`, `nonparty` are blocs too: they are assumed to vote together).
        public var party: String
        public var name: String
        public var seats: Int
        public var seatShare: Double
        public var banzhaf: Double
        public var shapleyShubik: Double
    }
    /// The council's id and name.
    public var council: String
    public var name: String
    /// The month of the composition used (carried forward to the month asked for).
    public var compositionMonth: String
    /// `delegates`, `seats` or `members`.
    public var quantity: String
    public var totalSeats: Int
    public var quota: Int
    /// Blocs, most seats first.
    public var blocs: [Bloc]
}

extension Snapshot {
    /// The observed quantities whose party composition describes who votes in a council:
    /// delegates (congresses, soviets), seats (dumas, assemblies) and members (committees).
    public static let councilQuantities: Set<String> = ["delegates", "seats", "members"]

    /// Banzhaf and Shapley-Shubik power of the party blocs of `council`: the latest composition of
    /// its `delegates`, `seats` or `members` at or before the snapshot's month (the observation's value is the
    /// total; seats its composition leaves unassigned form an `unknown` bloc). Counts are rounded to
    /// whole seats.
    /// - Throws: a usage error when the body has no composition by then.
    public func votingPower(of council: String, quota: Quota = .simpleMajority) throws(OrgNetError) -> CouncilPower {
        let t = timeline
        guard let obs = t.latestComposition(of: council, at: month, quantities: Self.councilQuantities) else {
            let councils = Set(t.observations.filter {
                if case .organization = $0.subject { return !$0.composition.isEmpty && Self.councilQuantities.contains($0.quantity) }
                return false
            }.map(\.subject.id)).sorted()
            throw OrgNetError(.usage, "\(council) has no party composition of its delegates, seats or members" + (month.map { " by \($0)" } ?? ""),
                              hints: councils.isEmpty ? [] : ["councils with compositions: " + councils.joined(separator: ", ")])
        }
        var seats: [(String, Int)] = obs.composition.map { ($0.party, Int($0.count.rounded())) }.filter { $0.1 > 0 }
        let assigned = seats.reduce(0) { $0 + $1.1 }
        let total = max(assigned, Int(obs.value.rounded()))
        if total > assigned {
            if let i = seats.firstIndex(where: { $0.0 == "unknown" }) { seats[i].1 += total - assigned }
            else { seats.append(("unknown", total - assigned)) }
        }
        seats.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let game = try WeightedVotingGame(weights: seats.map(\.1), quota: quota.votes(of: total))
        let bz = game.banzhaf(), ss = game.shapleyShubik()
        return CouncilPower(
            council: council, name: t.organization(council)?.name ?? council, compositionMonth: obs.month.description,
            quantity: obs.quantity, totalSeats: total, quota: game.quota,
            blocs: seats.indices.map { i in
                .init(party: seats[i].0, name: t.party(seats[i].0)?.name ?? seats[i].0, seats: seats[i].1,
                      seatShare: Double(seats[i].1) / Double(total), banzhaf: bz[i], shapleyShubik: ss[i])
            })
    }
}

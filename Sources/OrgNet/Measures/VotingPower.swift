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
        guard weights.allSatisfy({ $0 >= 0 }) else {
            throw OrgNetError(.invalidArgument, "voting weights must not be negative")
        }
        let total = weights.reduce(0, +)
        guard quota >= 1, quota <= total else {
            throw OrgNetError(.invalidArgument, "the quota \(quota) must be between 1 and the total weight \(total)")
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
        throw OrgNetError(
            .invalidArgument, "'\(text)' is not a quota; expected majority, a number of votes, 2/3 or 0.6")
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

/// The voting power of the recorded parties of a council at a month.
///
/// Unknown seats (the composition's `unknown`, and seats it leaves unassigned) are never a voting
/// bloc: they could belong to any recorded party or to nobody. With unknown seats the point values
/// are nil and only exact bounds are given (``PartialCouncil``); without them the bounds equal the
/// point values. `other` and `nonparty` seats are members of none of the named parties: they count
/// in the total the quota is taken from but join no coalition.
public struct CouncilPower: Sendable, Hashable, Codable {
    /// One recorded party (a player of the game).
    public struct Row: Sendable, Hashable, Codable {
        public var party: String
        public var name: String
        /// Its recorded seats (at least this many; unknown seats may add to them).
        public var seats: Int
        /// Banzhaf index (normalized, Banzhaf 1965); nil when unknown seats exist.
        public var banzhaf: Double?
        public var banzhafMin: Double
        public var banzhafMax: Double
        /// Shapley-Shubik index (Shapley & Shubik 1954); nil when unknown seats exist.
        public var shapleyShubik: Double?
        public var shapleyShubikMin: Double
        public var shapleyShubikMax: Double
        /// With `--samples` (``Snapshot/votingPower(of:quota:model:sampling:)``): the lower and
        /// upper percentiles of the sampled lower and upper bounds, and the sampled median (nil
        /// when some sample leaves seats unknown); nil without samples.
        public var banzhafLow: Double? = nil, banzhafHigh: Double? = nil, banzhafMedian: Double? = nil
        /// The same for Shapley-Shubik.
        public var shapleyShubikLow: Double? = nil, shapleyShubikHigh: Double? = nil, shapleyShubikMedian: Double? = nil
        /// The range of Banzhaf ranks over the samples (nil when some sample leaves seats unknown).
        public var rankLow: Int? = nil, rankHigh: Int? = nil

        /// Writes unknown point values as `null` (not left out), so every row has every key; the
        /// sampled keys appear (with `null` where unknown) only when the power was sampled.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(party, forKey: .party)
            try c.encode(name, forKey: .name)
            try c.encode(seats, forKey: .seats)
            try c.encode(banzhaf, forKey: .banzhaf)
            try c.encode(banzhafMin, forKey: .banzhafMin)
            try c.encode(banzhafMax, forKey: .banzhafMax)
            try c.encode(shapleyShubik, forKey: .shapleyShubik)
            try c.encode(shapleyShubikMin, forKey: .shapleyShubikMin)
            try c.encode(shapleyShubikMax, forKey: .shapleyShubikMax)
            if banzhafLow != nil {
                try c.encode(banzhafLow, forKey: .banzhafLow)
                try c.encode(banzhafHigh, forKey: .banzhafHigh)
                try c.encode(banzhafMedian, forKey: .banzhafMedian)
                try c.encode(shapleyShubikLow, forKey: .shapleyShubikLow)
                try c.encode(shapleyShubikHigh, forKey: .shapleyShubikHigh)
                try c.encode(shapleyShubikMedian, forKey: .shapleyShubikMedian)
                try c.encode(rankLow, forKey: .rankLow)
                try c.encode(rankHigh, forKey: .rankHigh)
            }
        }
    }
    /// The council's id and name.
    public var council: String
    public var name: String
    /// The month of the composition used (carried forward to ``month``).
    public var compositionMonth: String
    /// The month asked for (nil for a network without months).
    public var month: String?
    /// `seats`, `members` (or the retired `delegates`).
    public var quantity: String
    public var totalSeats: Int
    /// Seats whose holder the composition does not record.
    public var unknownSeats: Int
    /// Seats of members of none of the named parties (`other`, `nonparty`): no bloc.
    public var unalignedSeats: Int
    public var quota: Int
    /// Distinct games (sets of winning coalitions) the bounds range over (1 without unknown seats).
    public var games: Int
    /// The recorded parties, most seats first.
    public var parties: [Row]
    /// With `--samples`: how many, the seed, the interval in percent, and how many samples left
    /// seats unknown (and so gave bounds, not a point). Nil (left out of JSON) without samples.
    public var samples: Int? = nil, seed: UInt64? = nil, interval: Double? = nil, samplesWithUnknownSeats: Int? = nil

    /// True when the composition is older than the month asked for.
    public var isCarriedForward: Bool { month.map { $0 != compositionMonth } ?? false }
}

extension Snapshot {
    /// The observed quantities whose party composition describes who votes in a council
    /// (``Timeline/seatQuantities``).
    public static var councilQuantities: Set<String> { Timeline.seatQuantities }

    /// Banzhaf and Shapley-Shubik power of the recorded parties of `council`: the latest
    /// composition of its seats (``Timeline/seatQuantities``) at or before the snapshot's month
    /// (the observation's value is the total). Counts are rounded to whole seats. Unknown seats
    /// give bounds, never a bloc (``CouncilPower``, ``PartialCouncil``).
    /// - Throws: a usage error when the body has no composition by then, or more than
    ///   ``PartialCouncil/maxPlayers`` parties share unknown seats.
    public func votingPower(of council: String, quota: Quota = .simpleMajority) throws(OrgNetError) -> CouncilPower {
        let t = timeline
        guard let obs = t.latestComposition(of: council, at: month, quantities: Self.councilQuantities) else {
            // Only bodies whose composition is in effect at the asked month (the rule of the
            // guard above), so that every name offered answers the same question.
            let councils = Set(
                t.observations.filter {
                    if case .organization = $0.subject {
                        return !$0.composition.isEmpty && Self.councilQuantities.contains($0.quantity)
                    }
                    return false
                }.map(\.subject.id)
            ).subtracting([council]).sorted().filter {
                t.latestComposition(of: $0, at: month, quantities: Self.councilQuantities) != nil
            }
            // Say why when an older composition exists but a newer count of the body replaced it.
            var why = ""
            let asked = month
            if let old = t.observations(of: council).last(where: { obs in
                !obs.composition.isEmpty && Self.councilQuantities.contains(obs.quantity)
                    && (asked.map { obs.month <= $0 } ?? true)
            }), let newer = t.latest(old.quantity, of: council, at: month), newer.month > old.month {
                why =
                    "; the last one (\(old.month)) described \(Int(old.value.rounded())) \(old.quantity), and \(newer.month) records "
                    + "\(newer.approximate ? "about " : "")\(Int(newer.value.rounded())) with no party breakdown"
            }
            throw OrgNetError(
                .invalidArgument,
                "\(council) has no party composition of its seats or members" + (month.map { " by \($0)" } ?? "") + why,
                hints: councils.isEmpty
                    ? []
                    : [
                        "bodies with a party composition of their seats or members" + (month.map { " by \($0)" } ?? "")
                            + ": "
                            + councils.joined(separator: ", ")
                    ])
        }
        var parties: [(String, Int)] = []
        var unaligned = 0, unknownListed = 0
        for pc in obs.composition {
            let n = Int(pc.count.rounded())
            switch pc.party {
            case "unknown": unknownListed += n
            case "other", "nonparty": unaligned += n
            default: if n > 0 { parties.append((pc.party, n)) }
            }
        }
        let recorded = parties.reduce(0) { $0 + $1.1 } + unaligned
        let total = max(recorded + unknownListed, Int(obs.value.rounded()))
        let unknown = total - recorded
        parties.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let partial = try PartialCouncil(
            known: parties.map(\.1), unknown: unknown, fixed: unaligned, quota: quota.votes(of: total))
        let point: (banzhaf: [Double], shapleyShubik: [Double])?
        let bounds: PartialCouncil.Bounds
        if unknown == 0 {
            // One game: the generating-function indices (any number of parties).
            let p: (banzhaf: [Double], shapleyShubik: [Double])
            if let game = try? WeightedVotingGame(weights: partial.known, quota: partial.quota) {
                p = (game.banzhaf(), game.shapleyShubik())
            } else { // the parties together cannot reach the quota: nobody has power
                p = (partial.known.map { _ in 0 }, partial.known.map { _ in 0 })
            }
            point = p
            bounds = .init(
                banzhafMin: p.banzhaf, banzhafMax: p.banzhaf, shapleyShubikMin: p.shapleyShubik,
                shapleyShubikMax: p.shapleyShubik, games: 1)
        } else {
            point = nil
            bounds = try partial.bounds()
        }
        return CouncilPower(
            council: council, name: t.organization(council)?.name ?? council,
            compositionMonth: obs.month.description, month: month?.description, quantity: obs.quantity,
            totalSeats: total, unknownSeats: unknown, unalignedSeats: unaligned, quota: partial.quota,
            games: bounds.games,
            parties: parties.indices.map { i in
                .init(
                    party: parties[i].0, name: t.party(parties[i].0)?.name ?? parties[i].0, seats: parties[i].1,
                    banzhaf: point?.banzhaf[i], banzhafMin: bounds.banzhafMin[i], banzhafMax: bounds.banzhafMax[i],
                    shapleyShubik: point?.shapleyShubik[i], shapleyShubikMin: bounds.shapleyShubikMin[i],
                    shapleyShubikMax: bounds.shapleyShubikMax[i])
            })
    }
}

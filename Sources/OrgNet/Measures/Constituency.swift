/// How a body that delegates to several bodies passes its constituency on.
public enum ConstituencyRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The constituency is divided among the receiving bodies in proportion to the delegates sent
    /// (``Snapshot/delegationSplits()``: known numbers, the rest by ``UnweighedRule``). People are conserved: a worker is counted
    /// once, fractionally, in each body her chains reach, and the shares of a body's constituency
    /// passed upward sum to it.
    case split
    /// Every receiving body counts the whole constituency (a worker is represented in each body she
    /// sends delegates to). A body counts each base body reaching it once, however many chains
    /// lead from it (union, not sum: a diamond does not double count).
    case duplicate
}

/// One body's constituency.
public struct Constituency: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// People the body's own observation says it represents (`workers` + `soldiers`, the latest
    /// at or before the month), if any.
    public var observed: Double?
    /// People reaching it through delegation chains under the rule, nil for a body no observed
    /// body delegates to.
    public var computed: Double?
    /// The constituency used: the observation when there is one, else the computed value.
    public var people: Double? { observed ?? computed }
    /// Base bodies (with an observation) whose people reach this body.
    public var bases: [String]
    /// Bodies this one delegates to that no weight is known for (``DelegationSplit``).
    public var unweighed: [String]
    /// The rule that weighed them (nil when every receiver has a weight).
    public var unweighedRule: UnweighedRule?
}

/// How a receiver of a body's delegates is weighed when neither its tie's weight nor a
/// `delegates_sent` observation on its tie is known.
public enum UnweighedRule: String, Sendable, Hashable, Codable {
    /// The sender's total `delegates_sent` less the known weights, divided equally among the
    /// unweighed receivers (exact when there is one).
    case remainder = "remainder of delegates_sent"
    /// The mean of the sender's known weights (the sender's total is unknown).
    case meanOfKnown = "mean of known weights"
    /// No weight is known at all: equal shares.
    case equal = "equal shares"
}

/// How a body's delegates are divided among the bodies it delegates to.
public struct DelegationSplit: Sendable, Hashable {
    /// One receiver and the delegates assumed sent to it.
    public struct Part: Sendable, Hashable {
        public var receiver: String
        public var delegates: Double
        /// True when the number is known (a tie weight, a `delegates_sent` observation on the tie,
        /// or the exact remainder of the sender's total), false when ``DelegationSplit/rule`` set it.
        public var known: Bool
    }
    public var sender: String
    public var parts: [Part]
    /// The rule used for the receivers without a known number, nil when all are known.
    public var rule: UnweighedRule?

    /// The fraction of the sender's constituency passed to `receiver` (equal shares when all weights are zero).
    public func share(of receiver: String) -> Double {
        let total = parts.reduce(0) { $0 + $1.delegates }
        guard let part = parts.first(where: { $0.receiver == receiver }) else { return 0 }
        return total > 0 ? part.delegates / total : 1 / Double(parts.count)
    }
}

extension Snapshot {
    /// People a body represents by its own observation: `workers` + `soldiers`, the latest at or before the month.
    public func peopleObserved(_ id: String) -> Double? {
        let w = timeline.latest("workers", of: id, at: month)?.value
        let s = timeline.latest("soldiers", of: id, at: month)?.value
        if w == nil && s == nil { return nil }
        return (w ?? 0) + (s ?? 0)
    }

    /// Delegates known to travel on a delegation tie: its weight, else a `delegates_sent`
    /// observation on the tie (latest at or before the month).
    public func delegatesKnown(on tie: Tie) -> Double? {
        tie.weight
            ?? timeline.observations(of: tie.id).last { obs in
                obs.subject == .tie(tie.id) && obs.quantity == "delegates_sent"
                    && (month.map { obs.month <= $0 } ?? true)
            }?.value
    }

    /// Delegates a body sends in total: its own `delegates_sent` observation (never a receiving
    /// body's `seats`).
    public func delegatesSent(by id: String) -> Double? {
        timeline.observations(of: id).last { obs in
            obs.subject == .organization(id) && obs.quantity == "delegates_sent"
                && (month.map { obs.month <= $0 } ?? true)
        }?.value
    }

    /// How every delegating body divides its delegates among its receivers (delegation ties of
    /// this snapshot, first tie per pair): known numbers (``delegatesKnown(on:)``) where there are
    /// any; the others by ``UnweighedRule``: the remainder of the sender's ``delegatesSent(by:)``
    /// when that is known, else the mean of the known numbers, else equal shares.
    public func delegationSplits() -> [String: DelegationSplit] {
        var order: [String] = []
        var byPair: [String: [(String, Double?)]] = [:]
        for t in ties
        where t.role == .delegation && t.from != t.to && index(of: t.from) != nil && index(of: t.to) != nil {
            if byPair[t.from] == nil { order.append(t.from) }
            if byPair[t.from, default: []].contains(where: { $0.0 == t.to }) { continue }
            byPair[t.from, default: []].append((t.to, delegatesKnown(on: t)))
        }
        var result: [String: DelegationSplit] = [:]
        for u in order {
            let list = byPair[u]!
            let known = list.compactMap(\.1)
            let missing = list.count - known.count
            var fill = 1.0, rule: UnweighedRule?, exact = false
            if missing > 0 {
                if let total = delegatesSent(by: u) {
                    fill = max(0, total - known.reduce(0, +)) / Double(missing)
                    rule = .remainder
                    exact = missing == 1
                } else if !known.isEmpty {
                    fill = known.reduce(0, +) / Double(known.count)
                    rule = .meanOfKnown
                } else {
                    rule = .equal
                }
            }
            result[u] = DelegationSplit(
                sender: u,
                parts: list.map { .init(receiver: $0.0, delegates: $0.1 ?? fill, known: $0.1 != nil || exact) },
                rule: exact ? nil : rule)
        }
        return result
    }

    /// How many workers or soldiers each body represents through delegation chains.
    ///
    /// Rule for every body `v`, in delegation order (senders before receivers):
    /// - a body with its own `workers`/`soldiers` observation represents that many people, and its
    ///   chains upward start from it (an observed figure already includes whatever delegates to it);
    /// - otherwise, under ``ConstituencyRule/split``: `C(v) = sum_u C(u) * w(u->v) / sum_x w(u->x)`
    ///   over the bodies `u` delegating to `v` (weights = delegates sent, ``delegationSplits()``: known
    ///   where the tie's weight or `delegates_sent` is recorded, otherwise by ``UnweighedRule``);
    ///   under ``ConstituencyRule/duplicate``: the people of the distinct base bodies whose chains
    ///   reach `v`.
    /// Only delegation ties count.
    /// - Throws: a bad-data error when delegation ties form a cycle among bodies without observations.
    public func constituencies(rule: ConstituencyRule) throws(OrgNetError) -> [Constituency] {
        let n = organizations.count
        var incoming = [[Int]](repeating: [], count: n)
        var seen = Set<[Int]>()
        for t in ties where t.role == .delegation {
            guard let a = index(of: t.from), let b = index(of: t.to), a != b, seen.insert([a, b]).inserted else {
                continue
            }
            incoming[b].append(a)
        }
        let splits = delegationSplits()
        let observed = organizations.map { peopleObserved($0.id) }
        var value = [Double?](repeating: nil, count: n)
        var bases = [Set<Int>](repeating: [], count: n)
        /// What the chains below `v` give: the constituency its senders pass up, and their bases.
        func fromSenders(_ v: Int) -> (value: Double?, bases: Set<Int>) {
            var sum = 0.0, reached = false
            var b = Set<Int>()
            for u in incoming[v] {
                guard let cu = value[u] else { continue }
                reached = true
                b.formUnion(bases[u])
                sum += cu * splits[organizations[u].id]!.share(of: organizations[v].id)
            }
            return (reached ? (rule == .split ? sum : b.reduce(0.0) { $0 + observed[$1]! }) : nil, b)
        }
        for v in try delegationOrder(senders: incoming, stopAt: { observed[$0] != nil }) {
            if let own = observed[v] {
                value[v] = own; bases[v] = [v]
            } else {
                (value[v], bases[v]) = fromSenders(v)
            }
        }
        return (0..<n).map { v in
            // For an observed body, what the chains below it would give, beside the observation.
            let computedValue = observed[v] != nil ? fromSenders(v).value : value[v]
            let split = splits[organizations[v].id]
            return Constituency(
                id: organizations[v].id, name: organizations[v].name, observed: observed[v],
                computed: computedValue, bases: bases[v].map { organizations[$0].id }.sorted(),
                unweighed: split?.parts.filter { !$0.known }.map(\.receiver) ?? [], unweighedRule: split?.rule)
        }
    }
}

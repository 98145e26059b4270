/// How a body that delegates to several bodies passes its constituency on.
public enum ConstituencyRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The constituency is divided among the receiving bodies in proportion to the delegates sent
    /// (tie weights; equally when a weight is missing). People are conserved: a worker is counted
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
}

extension Snapshot {
    /// People a body represents by its own observation: `workers` + `soldiers`, the latest at or before the month.
    public func peopleObserved(_ id: String) -> Double? {
        let w = timeline.latest("workers", of: id, at: month)?.value
        let s = timeline.latest("soldiers", of: id, at: month)?.value
        if w == nil && s == nil { return nil }
        return (w ?? 0) + (s ?? 0)
    }

    /// How many workers or soldiers each body represents through delegation chains.
    ///
    /// Rule for every body `v`, in delegation order (senders before receivers):
    /// - a body with its own `workers`/`soldiers` observation represents that many people, and its
    ///   chains upward start from it (an observed figure already includes whatever delegates to it);
    /// - otherwise, under ``ConstituencyRule/split``: `C(v) = sum_u C(u) * w(u->v) / sum_x w(u->x)`
    ///   over the bodies `u` delegating to `v` (weights = delegates sent, all 1 when one is missing);
    ///   under ``ConstituencyRule/duplicate``: the people of the distinct base bodies whose chains
    ///   reach `v`.
    /// Only delegation ties count.
    /// - Throws: a bad-data error when delegation ties form a cycle among bodies without observations.
    public func constituencies(rule: ConstituencyRule) throws(OrgNetError) -> [Constituency] {
        let n = organizations.count
        var incoming = [[Int]](repeating: [], count: n)
        var outWeights = [[Int: Double]](repeating: [:], count: n)
        var anyMissing = [Bool](repeating: false, count: n)
        for t in ties where t.role == .delegation {
            guard let a = index(of: t.from), let b = index(of: t.to), a != b else { continue }
            if outWeights[a][b] == nil { incoming[b].append(a) }
            outWeights[a][b] = t.weight ?? 1
            if t.weight == nil { anyMissing[a] = true }
        }
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
                let ws = outWeights[u]
                let share = anyMissing[u] ? 1 / Double(ws.count) : ws[v]! / ws.values.reduce(0, +)
                sum += cu * (share.isFinite ? share : 1 / Double(ws.count))
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
            return Constituency(id: organizations[v].id, name: organizations[v].name, observed: observed[v],
                                computed: computedValue, bases: bases[v].map { organizations[$0].id }.sorted())
        }
    }
}

/// How a delegating body chooses the delegates it sends up.
public enum DelegationRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Delegates are split among parties in proportion to the body's composition.
    case proportional
    /// All delegates go to the body's largest party (winner-take-all; a tie for first splits them equally).
    case winnerTakeAll = "winner-take-all"
}

/// The party composition expected at a body from the base, beside the recorded one.
public struct PropagatedComposition: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Expected delegates by party under proportional delegation, largest first.
    public var proportional: [PartyCount]
    /// Expected delegates by party under winner-take-all delegation, largest first.
    public var winnerTakeAll: [PartyCount]
    /// The recorded composition (latest at or before the month, carried forward), if any.
    public var recorded: [PartyCount]?
    /// The month of the recorded composition.
    public var recordedMonth: String?
}

extension Snapshot {
    /// The composition expected at every body that receives delegation ties, built from the base.
    ///
    /// The base is the set of bodies no delegation tie reaches; their party shares are their recorded
    /// compositions (latest at or before the month; a base body without one counts as `unknown`).
    /// Every other body's expected composition is computed from its senders only, ignoring what is
    /// recorded for it, in delegation order: a sender `u` sends `w(u->v)` delegates
    /// (``delegationSplits()``: the tie weight or a `delegates_sent` observation, else by
    /// ``UnweighedRule``), divided among parties
    /// - proportionally: `w * share_p(u)`;
    /// - winner-take-all: all `w` to `u`'s largest party (split equally on a tie for first).
    /// Each rule propagates its own shares upward. The recorded composition is given beside it,
    /// e.g. for a congress, to compare the mechanism with the outcome.
    /// - Throws: a bad-data error for a delegation cycle.
    public func propagatedCompositions() throws(OrgNetError) -> [PropagatedComposition] {
        let n = organizations.count
        var incoming = [[(Int, Double)]](repeating: [], count: n)
        let splits = delegationSplits()
        for t in ties where t.role == .delegation {
            guard let a = index(of: t.from), let b = index(of: t.to), a != b,
                let part = splits[t.from]?.parts.first(where: { $0.receiver == t.to }),
                !incoming[b].contains(where: { $0.0 == a })
            else { continue }
            incoming[b].append((a, part.delegates))
        }
        /// A body's recorded composition: of its seats, or of the delegates it sends (never a
        /// party-member count, which is not a composition).
        func recorded(_ v: Int) -> Observation? {
            timeline.latestComposition(
                of: organizations[v].id, at: month, quantities: Timeline.seatQuantities.union(["delegates_sent"]))
        }
        func shares(_ c: [String: Double]) -> [String: Double] {
            let s = c.values.reduce(0, +)
            return s > 0 ? c.mapValues { $0 / s } : ["unknown": 1]
        }
        var prop = [[String: Double]?](repeating: nil, count: n)
        var wta = [[String: Double]?](repeating: nil, count: n)
        var expected = [([String: Double], [String: Double])?](repeating: nil, count: n)
        for v in try delegationOrder(senders: incoming.map { $0.map(\.0) }) {
            if incoming[v].isEmpty {
                var c: [String: Double] = [:]
                for pc in recorded(v)?.composition ?? [] { c[pc.party, default: 0] += pc.count }
                let sh = shares(c)
                prop[v] = sh; wta[v] = sh
                continue
            }
            var p: [String: Double] = [:], w: [String: Double] = [:]
            for (u, sent) in incoming[v] {
                for (party, share) in prop[u]! { p[party, default: 0] += sent * share }
                let su = wta[u]!
                let best = su.values.max() ?? 0
                let winners = su.filter { $0.value == best }.map(\.key)
                for party in winners { w[party, default: 0] += sent / Double(winners.count) }
            }
            prop[v] = shares(p); wta[v] = shares(w)
            // Keep absolute expected delegates for the report.
            expected[v] = (p, w)
        }
        func sorted(_ c: [String: Double]) -> [PartyCount] {
            c.map { PartyCount(party: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.party < $1.party
            }
        }
        return (0..<n).compactMap { v in
            guard let (p, w) = expected[v] else { return nil }
            let r = recorded(v)
            return PropagatedComposition(
                id: organizations[v].id, name: organizations[v].name, proportional: sorted(p),
                winnerTakeAll: sorted(w),
                recorded: r.map {
                    sorted(Dictionary($0.composition.map { ($0.party, $0.count) }, uniquingKeysWith: +))
                },
                recordedMonth: r?.month.description)
        }
    }
}

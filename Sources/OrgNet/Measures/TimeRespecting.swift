import Foundation

/// Time-respecting paths: chains of ties that existed in EVERY month they are asked to span.
///
/// A chain counts only if each of its bodies and ties is alive in each month of the span (an
/// organization's or tie's lifetime contains the whole span). That is a path in the network formed
/// by the intersection of the span's monthly snapshots, which ``Timeline/persistentSnapshot(months:)``
/// builds; GraphKit then finds the paths. This is the strict ("persistent") reading of a time-respecting
/// path: a delegation chain that could carry a mandate from bottom to top at any moment of the span.
/// (Holme & Saramäki 2012, *Temporal networks*, Physics Reports 519, define the looser journeys
/// whose ties follow each other in time; the persistent chain is the right notion for standing
/// delegation, where every link must hold at once.)
extension Timeline {
    /// The months of a span `M1..M2` (both ends must be snapshot months, M1 <= M2), or a single month.
    public func months(spanning text: String) throws(OrgNetError) -> [Month] {
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2 else {
            throw OrgNetError(.invalidArgument, "'\(text)' is not a span; expected M1..M2 (YYYY-MM..YYYY-MM)")
        }
        let first = try month(named: parts[0])
        let last = parts.count == 2 ? try month(named: parts[1]) : first
        guard first <= last else { throw OrgNetError(.invalidArgument, "the span \(text) ends before it starts") }
        return months.filter { $0 >= first && $0 <= last }
    }

    /// The network of everything alive in every one of `months`: organizations and ties whose
    /// lifetimes contain each month. Its `month` is the first month, its label `M1..M2`;
    /// observations are those of the first month.
    /// - Throws: a usage error when `months` is empty (a span of no months has no network; it never
    ///   means the whole timeline, which is ``wholeNetwork()``).
    public func persistentSnapshot(months: [Month]) throws(OrgNetError) -> Snapshot {
        guard let first = months.first, let last = months.last else {
            throw OrgNetError(.invalidArgument, "no months given; a persistent snapshot spans at least one month")
        }
        let orgs = organizations.filter { o in months.allSatisfy { o.lifetime.contains($0) } }
        let alive = Set(orgs.map(\.id))
        let ties = ties.filter { t in
            alive.contains(t.from) && alive.contains(t.to) && months.allSatisfy { t.lifetime.contains($0) }
        }
        return Snapshot(
            timeline: self, month: first, label: first == last ? first.description : "\(first)..\(last)",
            organizations: orgs, ties: ties, observations: observations.filter { $0.month == first })
    }

    /// Time-respecting paths from one organization to another across `months`: the paths of
    /// ``persistentSnapshot(months:)`` over the ties whose role `roles` keeps (`.all`, or `.only`
    /// a set: an empty set keeps no tie).
    /// - Throws: a usage error when `months` is empty or an end does not exist through the whole span.
    public func timeRespectingPaths(
        from: String, to: String, months: [Month], roles: RoleFilter,
        weighted: Bool = false, _ query: PathQuery = .shortest
    ) throws(OrgNetError) -> [[String]] {
        let s = try persistentSnapshot(months: months)
        return try s.network(roles: roles, weighted: weighted).paths(from: from, to: to, query)
    }
}

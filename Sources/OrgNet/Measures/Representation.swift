/// How fairly a council's seats follow the people its constituencies represent.
public struct RepresentationBias: Sendable, Hashable, Codable {
    /// One constituency: a body delegating to the council.
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        /// People represented (see ``basis``), nil when unknown.
        public var represented: Double?
        /// Delegates sent to the council when known: the tie's weight, a `delegates_sent`
        /// observation on the tie, or the sender's `delegates_sent` less what it is known to send
        /// elsewhere when the council is its only receiver without a number. Never the council's
        /// own `seats`.
        public var delegates: Double?
        /// Delegates per 1,000 represented (only when ``basis`` is people).
        public var perThousand: Double?
    }
    public var council: String
    public var name: String
    /// `people` (workers + soldiers through delegation chains) or `share` (the `share` observations,
    /// shares of workers 0-1), whichever every counted constituency has.
    public var basis: String
    public var rule: ConstituencyRule
    public var rows: [Row]
    /// Loosemore-Hanby and Gallagher indices over the rows with both numbers (nil with fewer than two).
    public var loosemoreHanby: Double?
    public var gallagher: Double?
    /// Constituencies left out of the indices for lack of a number.
    public var excluded: [String]
    /// The same indices among the constituencies of one kind (e.g. the workers' plant groups
    /// apart from the garrison), for every kind with at least two counted constituencies when
    /// the council has constituencies of more than one kind: a comparison like for like, as the
    /// essay's big-against-small-plants figure is.
    public var byKind: [KindIndices] = []
    /// With `--samples` (``Snapshot/representationBias(of:rule:model:sampling:)``): the samples in
    /// which the indices are defined, and the lower percentile, upper percentile and median of
    /// each index over them. Nil (left out of JSON) without samples.
    public var samplesCounted: Int? = nil
    /// Loosemore-Hanby over the samples.
    public var loosemoreHanbyLow: Double? = nil, loosemoreHanbyHigh: Double? = nil, loosemoreHanbyMedian: Double? = nil
    /// Gallagher over the samples.
    public var gallagherLow: Double? = nil, gallagherHigh: Double? = nil, gallagherMedian: Double? = nil

    /// Loosemore-Hanby and Gallagher among the constituencies of one kind.
    public struct KindIndices: Sendable, Hashable, Codable {
        /// The kind's id and name.
        public var kind: String
        public var name: String
        /// The constituencies counted.
        public var constituencies: [String]
        public var loosemoreHanby: Double
        public var gallagher: Double
    }
}

extension Snapshot {
    /// Delegates per 1,000 represented for each body delegating to `council`, and the council's
    /// Loosemore-Hanby and Gallagher indices (``Disproportionality``): "votes" are the people each
    /// constituency represents (``constituencies(rule:)``), "seats" its delegates.
    /// `constituencies` passes ``constituencies(rule:)`` when the caller has computed them already
    /// (one computation for every council of a month).
    public func representationBias(
        of council: String, rule: ConstituencyRule = .split,
        constituencies known: [Constituency]? = nil
    ) throws(OrgNetError) -> RepresentationBias {
        guard index(of: council) != nil else {
            throw OrgNetError(.invalidArgument, "\(council) does not exist in \(label)")
        }
        let list: [Constituency]
        if let known { list = known } else { list = try constituencies(rule: rule) }
        let cons = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        var senders: [String] = []
        var sent: [String: Double?] = [:]
        let splits = delegationSplits()
        for t in ties where t.role == .delegation && t.to == council && t.from != council && sent[t.from] == nil {
            senders.append(t.from)
            let part = splits[t.from]?.parts.first { $0.receiver == council }
            sent[t.from] = .some(part.flatMap { $0.known ? $0.delegates : nil })
        }
        let people = senders.map { cons[$0]?.people }
        let shares = senders.map { timeline.latest("share", of: $0, at: month)?.value }
        let useShares = !senders.isEmpty && people.contains(where: { $0 == nil }) && shares.allSatisfy { $0 != nil }
        let represented = useShares ? shares : people
        let rows = senders.indices.map { i -> RepresentationBias.Row in
            let d = sent[senders[i]] ?? nil
            let r = represented[i]
            let per: Double? = (!useShares && r != nil && d != nil && r! > 0) ? d! / r! * 1000 : nil
            return .init(
                id: senders[i], name: organization(senders[i])?.name ?? senders[i], represented: r, delegates: d,
                perThousand: per)
        }
        let counted = rows.filter { $0.represented != nil && $0.delegates != nil }
        var lh: Double?, g: Double?
        if counted.count >= 2 {
            let v = counted.map { $0.represented! }, s = counted.map { $0.delegates! }
            lh = try? Disproportionality.loosemoreHanby(votes: v, seats: s)
            g = try? Disproportionality.gallagher(votes: v, seats: s)
        }
        var byKind: [RepresentationBias.KindIndices] = []
        let kindOf = { (id: String) in self.organization(id)?.kind ?? "" }
        let kinds = Set(counted.map { kindOf($0.id) })
        if kinds.count > 1 {
            for kind in kinds.sorted() {
                let group = counted.filter { kindOf($0.id) == kind }
                guard group.count >= 2 else { continue }
                let v = group.map { $0.represented! }, s = group.map { $0.delegates! }
                guard let l = try? Disproportionality.loosemoreHanby(votes: v, seats: s),
                    let gg = try? Disproportionality.gallagher(votes: v, seats: s)
                else { continue }
                byKind.append(
                    .init(
                        kind: kind, name: timeline.kind(kind)?.name ?? kind, constituencies: group.map(\.id),
                        loosemoreHanby: l, gallagher: gg))
            }
        }
        return RepresentationBias(
            council: council, name: organization(council)?.name ?? council,
            basis: useShares ? "share" : "people", rule: rule, rows: rows,
            loosemoreHanby: lh, gallagher: g,
            excluded: rows.filter { $0.represented == nil || $0.delegates == nil }.map(\.id),
            byKind: byKind)
    }

    /// Bodies receiving delegation ties from at least two bodies: the councils whose representation can be compared.
    public var councils: [String] {
        var senders: [String: Set<String>] = [:]
        for t in ties where t.role == .delegation && t.from != t.to { senders[t.to, default: []].insert(t.from) }
        return organizations.map(\.id).filter { (senders[$0]?.count ?? 0) >= 2 }
    }
}

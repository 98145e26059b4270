import GraphKit

/// What changed between two snapshots: organizations and ties added and removed, attributes and
/// observed values changed, and how a centrality measure's scores and ranks moved.
///
/// Elements are matched by id, so the two snapshots may come from one timeline (two months) or
/// from two networks (e.g. two DOT files). Observed values (members, delegates, compositions...)
/// are compared as each side's dataset knew them at its month: the latest observation at or before
/// the month, carried forward (``Timeline/latest(_:of:at:)``).
public struct SnapshotDiff: Sendable, Encodable {
    /// An organization named in a diff.
    public struct OrganizationRef: Sendable, Hashable, Encodable {
        public var id: String
        public var name: String
        public var kind: String
        public var parent: String?
    }

    /// A tie named in a diff.
    public struct TieRef: Sendable, Hashable, Encodable {
        public var id: String
        public var from: String
        public var to: String
        public var role: String
        public var weight: Double?
    }

    /// Elements present on one side only.
    public struct Elements: Sendable, Encodable {
        public var organizations: [OrganizationRef] = []
        public var ties: [TieRef] = []
        public var isEmpty: Bool { organizations.isEmpty && ties.isEmpty }
    }

    /// A value on one side of a change.
    public enum Value: Sendable, Hashable, Encodable, CustomStringConvertible {
        case text(String)
        case number(Double, approximate: Bool)
        /// Counts by party id, in the dataset's order.
        case composition([PartyCount])

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .text(let s):
                var c = encoder.singleValueContainer(); try c.encode(s)
            case .number(let v, _):
                var c = encoder.singleValueContainer(); try c.encode(v)
            case .composition(let parts):
                var c = encoder.container(keyedBy: AnyKey.self)
                for p in parts { try c.encode(p.count, forKey: AnyKey(p.party)) }
            }
        }

        public var description: String {
            switch self {
            case .text(let s): return s
            case .number(let v, let approx): return (approx ? "~" : "") + NumberText.decimal(v, maxDecimals: 3)
            case .composition(let parts):
                return parts.map { "\($0.party) \(NumberText.decimal($0.count, maxDecimals: 3))" }.joined(
                    separator: ", ")
            }
        }
    }

    /// One changed field of an element.
    public struct Change: Sendable, Hashable, Encodable {
        /// `name`, `kind`, `parent`, `aggregate`, `attribute:KEY`, an observed quantity (`delegates`,
        /// `workers`...), `composition` (with ``quantity``), `leading_party`; for ties `role`, `weight`.
        public var field: String
        /// For `composition`: the quantity whose composition changed (e.g. `delegates`).
        public var quantity: String?
        /// Nil when the element had no value before (e.g. first observed).
        public var before: Value?
        public var after: Value?

        enum CodingKeys: String, CodingKey { case field, quantity, before, after }
        /// Writes `before`/`after` as `null` when absent (a value that appeared or disappeared).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(field, forKey: .field)
            try c.encodeIfPresent(quantity, forKey: .quantity)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)
        }
    }

    /// An element present on both sides with at least one change.
    public struct Changed: Sendable, Encodable {
        /// `organization` or `tie`.
        public var element: String
        public var id: String
        public var name: String
        public var changes: [Change]
    }

    /// How one organization's score and rank moved.
    public struct Shift: Sendable, Hashable, Encodable {
        public var id: String
        public var name: String
        /// Nil when the organization did not exist on that side.
        public var before: Double?
        public var after: Double?
        /// `after - before`, a missing side counting as 0.
        public var delta: Double
        public var rankBefore: Int?
        public var rankAfter: Int?
        /// With `--samples` (``addSampledShifts(_:model:options:)``): the lower and upper
        /// percentiles and the median of the shift over plausible networks. Nil (left out of JSON)
        /// without samples.
        public var low: Double? = nil, high: Double? = nil, median: Double? = nil
    }

    /// The labels of the two sides (months, or network names).
    public var before: String
    public var after: String
    /// The measure of ``shifts``.
    public var measure: String
    /// On the later side only.
    public var added: Elements
    /// On the earlier side only.
    public var removed: Elements
    /// On both sides, with changes; organizations first.
    public var changed: [Changed]
    /// Every organization of either side, largest absolute change first.
    public var shifts: [Shift]
    /// With `--samples`: how many, the seed and the interval in percent (nil without).
    public var samples: Int? = nil, seed: UInt64? = nil, interval: Double? = nil

    /// Compares `a` (earlier) with `b` (later), with scores of `measure` (see ``ComparisonMeasures``).
    /// `scores` passes the two snapshots' scores when the caller has them already (a report
    /// diffing every pair of months computes each month's scores once, not once per pair).
    public init(
        _ a: Snapshot, _ b: Snapshot, measure: String = ComparisonMeasures.defaultName,
        scores: (before: [String: Double], after: [String: Double])? = nil
    ) throws(OrgNetError) {
        self.before = a.label
        self.after = b.label
        self.measure = try ComparisonMeasures.measure(named: measure)
        let levelOrder = { (s: Snapshot, o: Organization) -> Int in -(s.timeline.kind(o.kind)?.level.rank ?? 99) }
        func ref(_ o: Organization) -> OrganizationRef { .init(id: o.id, name: o.name, kind: o.kind, parent: o.parent) }
        func ref(_ t: Tie) -> TieRef {
            .init(id: t.id, from: t.from, to: t.to, role: t.role.rawValue, weight: t.weight)
        }
        func sortOrgs(_ orgs: [Organization], _ s: Snapshot) -> [Organization] {
            orgs.sorted { (levelOrder(s, $0), $0.name, $0.id) < (levelOrder(s, $1), $1.name, $1.id) }
        }

        let aOrgs = Set(a.organizations.map(\.id)), bOrgs = Set(b.organizations.map(\.id))
        let aTies = Dictionary(a.ties.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let bTies = Dictionary(b.ties.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        added = Elements(
            organizations: sortOrgs(b.organizations.filter { !aOrgs.contains($0.id) }, b).map(ref),
            ties: b.ties.filter { aTies[$0.id] == nil }.map(ref))
        removed = Elements(
            organizations: sortOrgs(a.organizations.filter { !bOrgs.contains($0.id) }, a).map(ref),
            ties: a.ties.filter { bTies[$0.id] == nil }.map(ref))

        var changed: [Changed] = []
        for o in sortOrgs(b.organizations.filter { aOrgs.contains($0.id) }, b) {
            guard let old = a.organization(o.id) else { continue }
            let changes = Self.organizationChanges(old, o, a, b)
            if !changes.isEmpty {
                changed.append(.init(element: "organization", id: o.id, name: o.name, changes: changes))
            }
        }
        for t in b.ties {
            guard let old = aTies[t.id] else { continue }
            var changes: [Change] = []
            if old.role != t.role {
                changes.append(.init(field: "role", before: .text(old.role.rawValue), after: .text(t.role.rawValue)))
            }
            if old.weight != t.weight {
                changes.append(
                    .init(
                        field: "weight", before: old.weight.map { .number($0, approximate: false) },
                        after: t.weight.map { .number($0, approximate: false) }))
            }
            let name = "\(b.organization(t.from)?.label ?? t.from) → \(b.organization(t.to)?.label ?? t.to)"
            if !changes.isEmpty { changed.append(.init(element: "tie", id: t.id, name: name, changes: changes)) }
        }
        self.changed = changed

        let sa: [String: Double], sb: [String: Double]
        if let scores {
            (sa, sb) = (scores.before, scores.after)
        } else {
            sa = try ComparisonMeasures.scores(self.measure, of: a)
            sb = try ComparisonMeasures.scores(self.measure, of: b)
        }
        let ra = ComparisonMeasures.ranks(sa), rb = ComparisonMeasures.ranks(sb)
        var shifts: [Shift] = []
        var seen = Set<String>()
        for o in b.organizations + a.organizations where seen.insert(o.id).inserted {
            let x = sa[o.id], y = sb[o.id]
            shifts.append(
                .init(
                    id: o.id, name: o.name, before: x, after: y, delta: (y ?? 0) - (x ?? 0),
                    rankBefore: ra[o.id], rankAfter: rb[o.id]))
        }
        self.shifts = shifts.sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.id < $1.id }
    }

    /// True when nothing was added, removed or changed (scores aside).
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    static func organizationChanges(_ old: Organization, _ new: Organization, _ a: Snapshot, _ b: Snapshot) -> [Change]
    {
        var out: [Change] = []
        func text(_ field: String, _ x: String?, _ y: String?) {
            if x != y { out.append(.init(field: field, before: x.map(Value.text), after: y.map(Value.text))) }
        }
        text("name", old.name, new.name)
        text("kind", old.kind, new.kind)
        text("parent", old.parent, new.parent)
        if old.aggregate != new.aggregate {
            out.append(
                .init(
                    field: "aggregate", before: old.aggregate.map { .number(Double($0), approximate: false) },
                    after: new.aggregate.map { .number(Double($0), approximate: false) }))
        }
        for key in Set(old.attributes.keys).union(new.attributes.keys).sorted() {
            text("attribute:" + key, old.attributes[key], new.attributes[key])
        }
        // Observed values, carried forward to each side's month.
        let ta = a.timeline, tb = b.timeline
        func quantities(_ t: Timeline, _ m: Month?) -> Set<String> {
            Set(
                t.observations.filter { obs in
                    obs.subject == .organization(new.id) && (m.map { obs.month <= $0 } ?? true)
                }.map(\.quantity))
        }
        for q in quantities(ta, a.month).union(quantities(tb, b.month)).sorted() {
            let x = ta.latest(q, of: new.id, at: a.month), y = tb.latest(q, of: new.id, at: b.month)
            if x?.value != y?.value || x?.approximate != y?.approximate {
                out.append(
                    .init(
                        field: q, before: x.map { .number($0.value, approximate: $0.approximate) },
                        after: y.map { .number($0.value, approximate: $0.approximate) }))
            }
            let cx = x?.composition ?? [], cy = y?.composition ?? []
            if Set(cx) != Set(cy) {
                out.append(
                    .init(
                        field: "composition", quantity: q, before: cx.isEmpty ? nil : .composition(cx),
                        after: cy.isEmpty ? nil : .composition(cy)))
            }
        }
        let px = ta.leadingParty(of: new.id, at: a.month), py = tb.leadingParty(of: new.id, at: b.month)
        if px?.id != py?.id { text("leading_party", px?.name, py?.name) }
        return out
    }

}

/// A JSON key made at run time (party ids of a composition).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension SnapshotDiff {
    /// Adds intervals to the score shifts: `a` and `b` (the two sides, as compared) drawn as
    /// plausible networks under `model` (``UncertainNetwork/shifts(_:before:after:options:)``, on
    /// the same influence network ``ComparisonMeasures/scores(_:of:)`` uses).
    public mutating func addSampledShifts(
        _ a: Snapshot, _ b: Snapshot, model: PresenceModel,
        options: SamplingOptions
    ) throws(OrgNetError) {
        // An empty side has no network to sample (its scores are none, as unsampled).
        guard let m = CentralityMeasure(rawValue: measure), !a.organizations.isEmpty, !b.organizations.isEmpty else {
            return
        }
        let sampled = try UncertainNetwork.shifts(
            m, before: UncertainNetwork(a.influenceNetwork(), model: model),
            after: UncertainNetwork(b.influenceNetwork(), model: model), options: options)
        for k in shifts.indices {
            guard let i = sampled[shifts[k].id] else { continue }
            (shifts[k].low, shifts[k].high, shifts[k].median) = (i.low, i.high, i.median)
        }
        (samples, seed, interval) = (options.samples, options.seed, options.interval)
    }
}

import Foundation
import GraphKit

/// How likely each recorded element is to be real: the model of plausible networks.
///
/// A recorded network is read as an *uncertain graph* (Potamias, Bonchi, Gionis & Kollios 2010,
/// "k-nearest neighbors in uncertain graphs", PVLDB 3(1)): every organization and tie exists
/// independently with a probability, and a measure's answer becomes a distribution over the
/// networks drawn from it. Borgatti, Carley & Krackhardt (2006, "On the robustness of centrality
/// measures under conditions of imperfect data", Social Networks 28(2)) show that centrality
/// rankings degrade gracefully but unevenly as ties and nodes go missing or are added in error;
/// Kossinets (2006, "Effects of missing data in social networks", Social Networks 28(3)) shows the
/// same for missing actors and boundary errors. Here the probabilities come from the data's own
/// confidence rather than from a blanket error rate:
///
/// - an element recorded with confidence high, medium or low exists with probability
///   ``high`` (0.95), ``medium`` (0.75) or ``low`` (0.5) by default; `presence:` in `dataset.yaml`
///   and `--presence high=…,medium=…,low=…` override them;
/// - an element with no confidence recorded is certain (probability 1);
/// - with ``withoutAssumptions``, elements whose status is `assumption` never exist;
/// - an organization or tie whose lifetime is dated only approximately or by assumption
///   (`precision: approximate` or `assumed`) exists in its first and its last month with
///   probability ``boundary`` (default 0.5, `presence: {boundary: …}`) times its confidence's
///   (``probability(_:lifetime:at:)``): the data says the dating is uncertain but not in which
///   direction, so the boundary month is even odds.
///
/// Disputed values (observations with `alternatives`) are drawn among their readings (see
/// ``Observation/readingProbabilities(_:)``): the recorded value with its confidence's probability,
/// the alternatives sharing the rest. They enter no centrality measure; `power` and `represent`
/// sample them.
///
/// An organization whose first or last month is uncertain states how uncertain through its
/// lifetime's precision (`approximate`, `assumed`): the data format has no number for it, so the
/// dataset-wide ``boundary`` applies to every such month (0 makes the boundary month absent, 1
/// present; `presence: {boundary: …}` or `--presence boundary=…`).
///
/// One draw per element and sample: whether element `e` exists in sample `i` of seed `s` is decided
/// by a uniform number that depends only on `(s, i, e's id)` (``UncertainNetwork/uniform(_:_:key:)``),
/// so the same tie is present or absent in every month of one sample (what `diff --samples` needs),
/// and a boundary month (lower probability) never keeps an element its other months drop.
public struct PresenceModel: Sendable, Hashable {
    /// Presence probability of a high-confidence element (default 0.95).
    public var high = 0.95
    /// Presence probability of a medium-confidence element (default 0.75).
    public var medium = 0.75
    /// Presence probability of a low-confidence element (default 0.5).
    public var low = 0.5
    /// Probability that an approximately dated organization exists in its first or last month.
    public var boundary = 0.5
    /// Drop every element whose status is `assumption`.
    public var withoutAssumptions = false

    /// The documented defaults.
    public init() {}

    /// The presence probability of an element with this provenance (1 with no confidence).
    public func probability(_ p: Provenance) -> Double {
        if withoutAssumptions && p.status == .assumption { return 0 }
        switch p.confidence {
        case .high: return high
        case .medium: return medium
        case .low: return low
        case nil: return 1
        }
    }

    /// The presence probability of an element in `month`: ``probability(_:)`` times ``boundary``
    /// when `month` is the first or last month of a lifetime dated only approximately or by
    /// assumption (organizations and ties alike). The one per-element number for pictures and
    /// reports (`render --uncertainty`) as for sampling.
    public func probability(_ p: Provenance, lifetime: Lifetime, at month: Month?) -> Double {
        var q = probability(p)
        if let month, lifetime.precision == .approximate || lifetime.precision == .assumed,
            lifetime.since == month || lifetime.until == month
        {
            q *= boundary
        }
        return q
    }

    /// The keys `presence:` and `--presence` accept.
    public static let keys = ["high", "medium", "low", "boundary"]

    /// Sets one probability by key.
    /// - Throws: a usage error for an unknown key or a value outside [0, 1].
    public mutating func set(_ key: String, _ value: Double, source: String) throws(OrgNetError) {
        guard value >= 0, value <= 1, value.isFinite else {
            throw OrgNetError(.invalidArgument, "\(source): \(key) must be a probability between 0 and 1; got \(value)")
        }
        switch key {
        case "high": high = value
        case "medium": medium = value
        case "low": low = value
        case "boundary": boundary = value
        default:
            throw OrgNetError(
                .invalidArgument, "\(source): unknown presence key '\(key)'",
                hints: ["keys: " + Self.keys.joined(separator: ", ")])
        }
    }
}

/// One element a conclusion may hang on: an organization or tie that might not exist.
public struct UncertainElement: Sendable, Hashable {
    /// What the element is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case organization, tie
    }
    /// The organization or tie id.
    public var id: String
    /// Organization or tie.
    public var kind: Kind
    /// Its status (seed, external, assumption).
    public var status: Status
    /// Its confidence (nil: none recorded, certain but for an uncertain boundary month).
    public var confidence: Confidence?
    /// Its presence probability under the model.
    public var probability: Double
    /// The element in words, e.g. "tie Putilov factory committee → Putilov works (authority, assumption, low)".
    public var words: String
}

/// A month's network with a presence probability for each node and edge, drawn as masks over the
/// ONE ``NetworkView`` graph (no graph is rebuilt per sample).
///
/// Parallel ties between the same pair are one edge (as in ``NetworkView``); the edge exists when
/// at least one of its ties does. Sample `i` of seed `s` draws from its own generator seeded by
/// `(s, i)` (``sampleSeed(_:_:)``), so the samples, and everything computed from them, are the
/// same whatever the number of cores and however the samples are split among them.
public struct UncertainNetwork: Sendable {
    /// The recorded network.
    public let view: NetworkView
    /// The model the probabilities come from.
    public let model: PresenceModel
    /// Presence probability of each node (organization), indexed like ``NetworkView/ids``.
    public let nodeProbability: [Double]
    /// The snapshot ties that are edges of the view, with their presence probabilities.
    public let ties: [(tie: Tie, edge: Int, probability: Double)]
    /// The draw keys of the nodes and ties (``elementKey(_:)`` of `org:ID`, `tie:ID`).
    let nodeKeys: [UInt64], tieKeys: [UInt64]

    /// Builds the model of a view.
    public init(_ view: NetworkView, model: PresenceModel) {
        self.view = view
        self.model = model
        let s = view.snapshot
        nodeProbability = s.organizations.map { model.probability($0.provenance, lifetime: $0.lifetime, at: s.month) }
        var ties: [(tie: Tie, edge: Int, probability: Double)] = []
        for t in s.ties where view.roles.contains(t.role) {
            guard let a = s.index(of: t.from), let b = s.index(of: t.to),
                let e = view.graph.edgeID(from: a, to: b)
            else { continue }
            ties.append((t, e, model.probability(t.provenance, lifetime: t.lifetime, at: s.month)))
        }
        self.ties = ties
        nodeKeys = s.organizations.map { Self.elementKey("org:" + $0.id) }
        tieKeys = ties.map { Self.elementKey("tie:" + $0.tie.id) }
    }

    /// The mask of the recorded network under the model: what certainly does not exist (assumptions
    /// dropped by ``PresenceModel/withoutAssumptions``, probability 0) is off, everything else on.
    public var recordedMask: GraphMask {
        mask { $0 > 0 }
    }

    /// A mask from a per-element rule over probabilities, in the fixed order nodes then ties.
    func mask(_ keep: (Double) -> Bool) -> GraphMask {
        let nodes = nodeProbability.map(keep)
        var edges = [Bool](repeating: false, count: view.graph.edgeCount)
        for t in ties where keep(t.probability) { edges[t.edge] = true }
        return GraphMask(nodes: nodes, edges: edges)
    }

    /// The generator seed of sample `i` of a run seeded `seed`: both mixed by the SplitMix64
    /// finalizer so neighbouring samples get unrelated streams.
    public static func sampleSeed(_ seed: UInt64, _ i: Int) -> UInt64 {
        var a = SplitMix64(seed: UInt64(truncatingIfNeeded: i))
        var b = SplitMix64(seed: seed ^ a.next())
        return b.next()
    }

    /// A stable 64-bit key of an element name (FNV-1a over its UTF-8 bytes): the same on every
    /// machine and run, unlike `Hasher`.
    public static func elementKey(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// The uniform number in [0, 1) that decides element `key` in sample `i` of seed `seed`:
    /// ``sampleSeed(_:_:)`` mixed with the key by the SplitMix64 finalizer.
    public static func uniform(_ seed: UInt64, _ i: Int, key: UInt64) -> Double {
        uniform(base: sampleSeed(seed, i), key: key)
    }

    /// The uniform number of `key` under a sample's ``sampleSeed(_:_:)`` (computed once per sample).
    static func uniform(base: UInt64, key: UInt64) -> Double {
        var g = SplitMix64(seed: base ^ key)
        return g.uniform()
    }

    /// Sample `i`: each node and tie kept with its probability, decided by its own uniform number
    /// (``uniform(_:_:key:)``). Certain elements draw nothing.
    public func sample(_ i: Int, seed: UInt64) -> GraphMask {
        let base = Self.sampleSeed(seed, i)
        func keep(_ p: Double, _ key: UInt64) -> Bool {
            if p >= 1 { return true }
            if p <= 0 { return false }
            return Self.uniform(base: base, key: key) < p
        }
        let nodes = nodeProbability.indices.map { keep(nodeProbability[$0], nodeKeys[$0]) }
        var edges = [Bool](repeating: false, count: view.graph.edgeCount)
        for (k, t) in ties.enumerated() where keep(t.probability, tieKeys[k]) { edges[t.edge] = true }
        return GraphMask(nodes: nodes, edges: edges)
    }

    /// The organizations and ties that might not exist (probability below 1 but above 0), in
    /// words, for sensitivity: flipping one means dropping it.
    public var uncertainElements: [UncertainElement] {
        let s = view.snapshot
        var out: [UncertainElement] = []
        for (i, o) in s.organizations.enumerated() where nodeProbability[i] < 1 && nodeProbability[i] > 0 {
            let p = o.provenance
            out.append(
                UncertainElement(
                    id: o.id, kind: .organization, status: p.status, confidence: p.confidence,
                    probability: nodeProbability[i],
                    words: "organization \(o.name) (\(p.status.rawValue), \(p.confidenceText))"))
        }
        for t in ties where t.probability < 1 && t.probability > 0 {
            let p = t.tie.provenance
            let from = s.timeline.organization(t.tie.from)?.name ?? t.tie.from
            let to = s.timeline.organization(t.tie.to)?.name ?? t.tie.to
            out.append(
                UncertainElement(
                    id: t.tie.id, kind: .tie, status: p.status, confidence: p.confidence,
                    probability: t.probability,
                    words: "tie \(from) → \(to) (\(t.tie.role.rawValue), \(p.status.rawValue), \(p.confidenceText))"))
        }
        return out
    }

    /// The recorded mask with one element switched off (an organization's node, or every edge
    /// made only of that tie: an edge another present tie also carries stays).
    public func recordedMask(dropping element: UncertainElement) -> GraphMask {
        var m = recordedMask
        switch element.kind {
        case .organization:
            if let i = view.node(element.id) { m.nodes[i] = false }
        case .tie:
            guard let mine = ties.first(where: { $0.tie.id == element.id }) else { break }
            let others = ties.contains { $0.edge == mine.edge && $0.tie.id != element.id && $0.probability > 0 }
            if !others { m.edges[mine.edge] = false }
        }
        return m
    }
}

extension SplitMix64 {
    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// Percentile summaries of sampled values.
public enum SampleSummary {
    /// The `q`-quantile (0...1) of sorted values, linearly interpolated between order statistics
    /// (Hyndman & Fan 1996 type 7, numpy's default).
    public static func quantile(sorted v: [Double], _ q: Double) -> Double {
        guard !v.isEmpty else { return .nan }
        let h = Double(v.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(v.count - 1, lo + 1)
        return v[lo] + (h - Double(lo)) * (v[hi] - v[lo])
    }

    /// The quantiles bounding a central interval of `percent` (90 → 0.05 and 0.95).
    public static func bounds(_ percent: Double) -> (low: Double, high: Double) {
        let tail = (1 - percent / 100) / 2
        return (tail, 1 - tail)
    }

    /// The central interval of `percent` and the median of some values (any order).
    public static func interval(_ values: [Double], _ percent: Double) -> (low: Double, high: Double, median: Double) {
        let v = values.sorted(), (ql, qh) = bounds(percent)
        return (quantile(sorted: v, ql), quantile(sorted: v, qh), quantile(sorted: v, 0.5))
    }

    /// The rank range of a central interval of `percent`: the order statistics just inside it
    /// (ranks are integers, so no interpolation), from ranks in any order.
    public static func rankRange(_ ranks: [Int], _ percent: Double) -> (low: Int, high: Int) {
        let r = ranks.sorted(), m = Double(r.count - 1), (ql, qh) = bounds(percent)
        return (r[Int((m * ql).rounded(.down))], r[Int((m * qh).rounded(.up))])
    }

    /// Competition ranks (1 + how many score strictly more) of every value of one sample.
    public static func competitionRanks(_ values: [Double]) -> [Int] {
        let sorted = values.sorted(by: >)
        return values.map { x in
            var lo = 0, hi = sorted.count
            while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] > x { lo = mid + 1 } else { hi = mid } }
            return lo + 1
        }
    }
}

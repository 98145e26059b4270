/// The centrality scores `diff`, `compare`, `trend` and `report` show, by organization id.
///
/// A thin layer over the influence measures (``CentralityMeasure`` on ``Snapshot/influenceNetwork(weighted:)``:
/// delegation and authority ties for datasets, every edge of a DOT file, unweighted, networkx's
/// normalizations), adding ranks and titles for the comparison pictures and tables.
public enum ComparisonMeasures {
    /// The measure names accepted by `--measure`.
    public static let names = CentralityMeasure.allCases.map(\.rawValue)
    /// The default measure.
    public static let defaultName = CentralityMeasure.betweenness.rawValue

    /// The measure a name (any case) stands for, or a usage error listing the names: the one
    /// place a measure name is read.
    public static func centralityMeasure(named name: String) throws(OrgNetError) -> CentralityMeasure {
        guard let measure = CentralityMeasure(rawValue: name.lowercased()) else {
            throw OrgNetError(
                .invalidArgument, "unknown measure '\(name)'", hints: ["measures: " + names.joined(separator: ", ")])
        }
        return measure
    }

    /// Checks a measure name (any case) and returns its canonical spelling, or throws a usage
    /// error listing the names (``centralityMeasure(named:)``).
    public static func measure(named name: String) throws(OrgNetError) -> String {
        try centralityMeasure(named: name).rawValue
    }

    /// A human title for a measure name, e.g. "Betweenness".
    public static func title(of name: String) -> String {
        switch name {
        case "pagerank": return "PageRank"
        case "in-degree": return "In-degree"
        case "out-degree": return "Out-degree"
        default: return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// The scores of every organization of `snapshot`, by organization id.
    public static func scores(_ name: String, of snapshot: Snapshot) throws(OrgNetError) -> [String: Double] {
        let measure = try centralityMeasure(named: name)
        if snapshot.organizations.isEmpty { return [:] }
        let view = snapshot.influenceNetwork()
        let values = try view.centralityValues(measure)
        var out: [String: Double] = [:]
        for (i, id) in view.ids.enumerated() { out[id] = values[i] }
        return out
    }

    /// Competition ranks (1 = highest score; equal scores share a rank: 1, 2, 2, 4), by organization id.
    public static func ranks(_ scores: [String: Double]) -> [String: Int] {
        let sorted = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var out: [String: Int] = [:]
        var previous: Double? = nil
        var rank = 0
        for (i, (id, v)) in sorted.enumerated() {
            if previous == nil || abs(v - previous!) > 1e-12 { rank = i + 1; previous = v }
            out[id] = rank
        }
        return out
    }
}

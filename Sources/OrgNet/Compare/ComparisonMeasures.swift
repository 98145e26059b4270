import GraphKit

/// The centrality scores `diff`, `compare`, `trend` and `report` show, computed on a snapshot.
///
/// A deliberately small adapter: one snapshot becomes a GraphKit ``Graph`` (organizations are nodes
/// in ``Snapshot/organizations`` order; ties of the chosen roles are edges, unweighted), and one
/// GraphKit function runs on it. The shared influence measures (`orgnet centrality`) will replace
/// this type; keep its surface small.
///
/// Roles: delegation and authority ties by default (the roles the influence measures understand).
/// A network whose ties carry neither role (e.g. a DOT file without `role` attributes) uses all ties.
/// Definitions and normalisation follow networkx's defaults (GraphKit documents each function).
public enum ComparisonMeasures {
    /// The measure names accepted by `--measure`.
    public static let names = ["betweenness", "degree", "in-degree", "out-degree", "pagerank", "closeness", "harmonic"]
    /// The default measure.
    public static let defaultName = "betweenness"
    /// The tie roles used by default.
    public static let defaultRoles: Set<Role> = [.delegation, .authority]

    /// Checks a measure name (any case), or throws a usage error listing the names.
    public static func measure(named name: String) throws(OrgNetError) -> String {
        let n = name.lowercased()
        guard names.contains(n) else {
            throw OrgNetError(.usage, "unknown measure '\(name)'", hints: ["measures: " + names.joined(separator: ", ")])
        }
        return n
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
    public static func scores(_ name: String, of snapshot: Snapshot,
                              roles: Set<Role> = defaultRoles) throws(OrgNetError) -> [String: Double] {
        let measure = try measure(named: name)
        let orgs = snapshot.organizations
        if orgs.isEmpty { return [:] }
        var used = snapshot.ties.filter { roles.contains($0.role) }
        if used.isEmpty { used = snapshot.ties }
        var edges: [(Int, Int)] = []
        for tie in used {
            if let a = snapshot.index(of: tie.from), let b = snapshot.index(of: tie.to) { edges.append((a, b)) }
        }
        let values: [Double]
        do throws(GraphError) {
            let g = try Graph(nodeCount: orgs.count, unweightedEdges: edges, directed: snapshot.timeline.isDirected)
            switch measure {
            case "betweenness": values = try g.betweennessCentrality()
            case "degree": values = g.degreeCentrality()
            case "in-degree": values = g.isDirected ? try g.inDegreeCentrality() : g.degreeCentrality()
            case "out-degree": values = g.isDirected ? try g.outDegreeCentrality() : g.degreeCentrality()
            case "pagerank": values = try g.pageRank(weighted: false)
            case "closeness": values = try g.closenessCentrality()
            default: values = try g.harmonicCentrality()
            }
        } catch {
            throw OrgNetError(.internalError, "\(measure) failed: \(error.description)")
        }
        var out: [String: Double] = [:]
        for (i, o) in orgs.enumerated() { out[o.id] = values[i] }
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

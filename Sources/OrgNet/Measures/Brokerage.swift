import GraphKit

/// Gould & Fernandez's five brokerage roles (Gould, R. V. & Fernandez, R. M. 1989, *Structures of
/// mediation: a formal approach to brokerage in transaction networks*, Sociological Methodology 19).
///
/// `b` brokers the ordered pair `(a, c)` when `a -> b -> c` and there is no tie `a -> c` (a, b, c
/// distinct). With `g(x)` the group of `x`:
public enum BrokerageRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// `g(a) = g(b) = g(c)`: a broker inside one group (w_I).
    case coordinator
    /// `g(a) = g(c) != g(b)`: an outsider mediating within another group (w_O).
    case itinerant
    /// `g(a) = g(b) != g(c)`: speaks for its own group to another (b_IO).
    case representative
    /// `g(a) != g(b) = g(c)`: controls what enters its group (b_OI).
    case gatekeeper
    /// all three groups differ (b_O).
    case liaison

    /// The role of `b` in `a -> b -> c` given the three groups.
    public static func of(_ a: String, _ b: String, _ c: String) -> BrokerageRole {
        if a == b { return b == c ? .coordinator : .representative }
        if b == c { return .gatekeeper }
        return a == c ? .itinerant : .liaison
    }
}

/// A node attribute that partitions organizations into groups for brokerage.
public enum GroupAttribute: String, Sendable, Hashable, CaseIterable, Codable {
    /// The leading party (``Timeline/leadingParty(of:at:)``); `none` without one.
    case party
    /// The organization's kind.
    case kind
}

/// One organization's brokerage counts.
public struct BrokerageScore: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var group: String
    public var coordinator: Int
    public var itinerant: Int
    public var representative: Int
    public var gatekeeper: Int
    public var liaison: Int
    public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }

    public func count(_ role: BrokerageRole) -> Int {
        switch role {
        case .coordinator: coordinator
        case .itinerant: itinerant
        case .representative: representative
        case .gatekeeper: gatekeeper
        case .liaison: liaison
        }
    }
}

extension NetworkView {
    /// The group of every node under an attribute.
    public func groups(by attribute: GroupAttribute) -> [String] {
        snapshot.organizations.map { o in
            switch attribute {
            case .party: snapshot.timeline.leadingParty(of: o.id, at: snapshot.month)?.id ?? "none"
            case .kind: o.kind
            }
        }
    }

    /// Gould-Fernandez brokerage counts of every node, in node order (see ``BrokerageRole``).
    /// Undirected networks count each edge in both directions, so each unordered pair is brokered twice.
    /// - Complexity: O(sum_b indeg(b) * outdeg(b) * log deg).
    public func brokerage(by attribute: GroupAttribute) -> [BrokerageScore] {
        let g = groups(by: attribute)
        return (0..<graph.nodeCount).map { b in
            var c = [BrokerageRole: Int]()
            for a32 in graph.predecessors(of: b) {
                let a = Int(a32)
                if a == b { continue }
                for c32 in graph.successors(of: b) {
                    let x = Int(c32)
                    if x == b || x == a || graph.hasEdge(from: a, to: x) { continue }
                    c[BrokerageRole.of(g[a], g[b], g[x]), default: 0] += 1
                }
            }
            return BrokerageScore(
                id: ids[b], name: snapshot.organizations[b].name, group: g[b],
                coordinator: c[.coordinator] ?? 0, itinerant: c[.itinerant] ?? 0,
                representative: c[.representative] ?? 0, gatekeeper: c[.gatekeeper] ?? 0,
                liaison: c[.liaison] ?? 0)
        }
    }

    /// Bodies whose removal splits the (undirected view of the) network: GraphKit articulation points, as ids.
    public func articulationPoints() -> [String] { graph.articulationPoints().map { ids[$0] } }

    /// Ties whose removal splits the undirected view: GraphKit bridges, as id pairs in tie direction
    /// where the network is directed.
    public func bridges() -> [(from: String, to: String)] {
        graph.bridges().map { e in
            if graph.isDirected && !graph.hasEdge(from: e.source, to: e.target) {
                return (ids[e.target], ids[e.source])
            }
            return (ids[e.source], ids[e.target])
        }
    }
}

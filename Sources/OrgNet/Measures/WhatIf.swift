import GraphKit

/// What changes when bodies or ties are removed from a snapshot.
public struct WhatIfReport: Sendable, Hashable, Codable {
    public struct Pair: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
    }
    public struct Shift: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var before: Double
        public var after: Double
        public var change: Double { after - before }
    }
    /// Organizations removed.
    public var removedOrganizations: [String]
    /// Ties removed, as from/to pairs.
    public var removedTies: [Pair]
    /// Ordered pairs of remaining bodies (u != v) where v is reachable from u, before and after.
    public var reachableBefore: Int
    public var reachableAfter: Int
    /// The pairs of remaining bodies that lose reachability.
    public var lost: [Pair]
    /// The measure whose shifts are reported.
    public var measure: CentralityMeasure
    /// Remaining bodies, largest absolute change first.
    public var shifts: [Shift]
}

extension NetworkView {
    /// Removes organizations and ties and reports reachability lost between the remaining bodies
    /// and the shift of a centrality measure on them (both computed by GraphKit on the view before
    /// and after; removed bodies simply disappear, networkx `G.subgraph(set(G) - removed)`).
    /// - Parameters:
    ///   - organizations: ids to remove (each must be in the snapshot).
    ///   - ties: `(from, to)` pairs of ties to remove (they must be edges of the view).
    /// - Throws: usage errors for unknown ids or ties; measure errors as ``centralityValues(_:raw:)``.
    public func whatIf(
        removing organizations: [String], ties: [(from: String, to: String)] = [],
        measure: CentralityMeasure = .betweenness
    ) throws(OrgNetError) -> WhatIfReport {
        let removed = try organizations.map { id throws(OrgNetError) in try requireNode(id) }
        var edgePairs: [(source: Int, target: Int)] = []
        for t in ties {
            let a = try requireNode(t.from), b = try requireNode(t.to)
            guard graph.hasEdge(from: a, to: b) else {
                throw OrgNetError(
                    .invalidArgument, "there is no tie \(t.from) -> \(t.to) among the ties used in \(snapshot.label)")
            }
            edgePairs.append((a, b))
        }
        let before = try centralityValues(measure)
        let cut = graph.removingEdges(edgePairs)
        let sub: Subgraph
        do throws(GraphError) { sub = try cut.subgraph(removing: removed) } catch {
            throw OrgNetError(error, context: "whatif")
        }
        let afterView = NetworkView(
            snapshot: snapshot, graph: sub.graph, ids: sub.originalNode.map { ids[$0] },
            roles: roles, weighted: weighted)
        let after = try afterView.centralityValues(measure)
        // Reachability among the remaining nodes.
        var lost: [WhatIfReport.Pair] = []
        var rb = 0, ra = 0
        do throws(GraphError) {
            for (i, v) in sub.originalNode.enumerated() {
                let reachBefore = Set(try graph.descendants(of: v))
                let reachAfter = Set(try sub.graph.descendants(of: i).map { sub.originalNode[$0] })
                for w in sub.originalNode where w != v {
                    let b = reachBefore.contains(w), a = reachAfter.contains(w)
                    if b { rb += 1 }
                    if a { ra += 1 }
                    if b && !a { lost.append(.init(from: ids[v], to: ids[w])) }
                }
            }
        } catch { throw OrgNetError(error, context: "whatif") }
        let shifts = sub.originalNode.enumerated().map { i, v in
            WhatIfReport.Shift(id: ids[v], name: snapshot.organizations[v].name, before: before[v], after: after[i])
        }.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.id < $1.id }
        return WhatIfReport(
            removedOrganizations: removed.map { ids[$0] },
            removedTies: edgePairs.map { .init(from: ids[$0.source], to: ids[$0.target]) },
            reachableBefore: rb, reachableAfter: ra, lost: lost, measure: measure, shifts: shifts)
    }
}

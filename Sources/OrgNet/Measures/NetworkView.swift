import Foundation
import GraphKit

/// A snapshot seen as a GraphKit ``Graph``: the ONE place where organizations become node indices
/// and ties become edges. Every influence measure starts here.
///
/// - Nodes are the snapshot's ``Snapshot/organizations`` in order (node `i` is `ids[i]`, the same
///   index as ``Snapshot/index(of:)``); organizations without ties are isolated nodes.
/// - Edges are the ties whose role `roles` keeps (``RoleFilter``: `.all`, or `.only` a set of roles). Ties are directed
///   (`from -> to`) unless the timeline is undirected; a tie declared undirected
///   (``Tie/undirected``) in a directed timeline is an edge each way.
/// - Parallel ties between the same pair collapse into one edge, the weight given last winning,
///   as networkx's `DiGraph`/`Graph` (so a delegation and an authority tie `a -> b` are one edge).
/// - With `weighted`, an edge's weight is the tie's `weight` (e.g. delegates sent), 1 when unknown;
///   without it every edge weighs 1.
public struct NetworkView: Sendable {
    /// The snapshot the view was built from.
    public let snapshot: Snapshot
    /// The graph over `0..<ids.count`.
    public let graph: Graph
    /// `ids[i]`: the organization id of node `i`.
    public let ids: [String]
    /// The tie roles kept.
    public let roles: RoleFilter
    /// Whether edges carry tie weights.
    public let weighted: Bool

    /// The node index of an organization id, nil when it is not in the snapshot.
    public func node(_ id: String) -> Int? { snapshot.index(of: id) }

    /// The node index of an organization that must be in the snapshot (a usage error otherwise).
    public func requireNode(_ id: String) throws(OrgNetError) -> Int {
        guard let i = node(id) else {
            let when = "in \(snapshot.label)"
            let life = snapshot.timeline.organization(id)?.lifetime.text
            throw OrgNetError(
                .invalidArgument, "\(id) does not exist \(when)" + (life.map { " (it exists \($0))" } ?? ""))
        }
        return i
    }
}

extension Timeline {
    /// The roles influence measures use when none are given: those the dataset declares
    /// (``declaredInfluenceRoles``, `influence_roles:` in dataset.yaml); else delegation and
    /// authority for datasets that have such ties; else every tie (`.all`): a network read from
    /// another tool's file, whose edges usually carry no role (``usesAllTiesByDefault``).
    public var defaultInfluenceRoles: RoleFilter {
        if let declaredInfluenceRoles { return .only(declaredInfluenceRoles) }
        if isSingleSnapshot || usesAllTiesByDefault { return .all }
        return .only(Role.influence)
    }

    /// True when the influence measures fall back to every tie because the network has ties but
    /// none of delegation or authority (and declares no influence roles): commands say so.
    public var usesAllTiesByDefault: Bool {
        declaredInfluenceRoles == nil && !ties.isEmpty && !ties.contains { Role.influence.contains($0.role) }
    }
}

extension Snapshot {
    /// The timeline's default influence roles (``Timeline/defaultInfluenceRoles``).
    public var defaultInfluenceRoles: RoleFilter { timeline.defaultInfluenceRoles }

    /// The snapshot as a graph with the default roles (``defaultInfluenceRoles``); see ``NetworkView``.
    public func influenceNetwork(weighted: Bool = false) -> NetworkView {
        network(roles: defaultInfluenceRoles, weighted: weighted)
    }

    /// The snapshot as a graph keeping exactly the ties whose role `roles` keeps; see ``NetworkView``.
    /// - Parameters:
    ///   - roles: `.all` for every tie, or `.only(roles)` (an array literal such as `[.delegation]`);
    ///     an empty set keeps no tie (a graph of isolated nodes), it never means "all".
    ///   - weighted: use tie weights (1 when a tie has none) instead of 1 for every edge.
    public func network(roles: RoleFilter, weighted: Bool = false) -> NetworkView {
        var edges: [Edge] = []
        edges.reserveCapacity(ties.count)
        for t in ties where roles.contains(t.role) {
            guard let a = index(of: t.from), let b = index(of: t.to) else { continue }
            edges.append(Edge(a, b, weight: weighted ? (t.weight ?? 1) : 1))
            // A tie declared undirected in a directed network runs both ways.
            if t.undirected && timeline.isDirected { edges.append(Edge(b, a, weight: weighted ? (t.weight ?? 1) : 1)) }
        }
        // Indices come from this snapshot and weights from a validated dataset (finite numbers),
        // so construction cannot fail; if it ever did, that is a bug, and the trap names the cause.
        let graph: Graph
        do {
            graph = try Graph(nodeCount: organizations.count, edges: edges, directed: timeline.isDirected)
        } catch {
            preconditionFailure("the influence network of \(timeline.origin) could not be built: \(error)")
        }
        return NetworkView(snapshot: self, graph: graph, ids: organizations.map(\.id), roles: roles, weighted: weighted)
    }
}

extension OrgNetError {
    /// A GraphKit failure seen from orgnet: bad arguments are usage errors, the rest internal.
    init(_ e: GraphError, context: String) {
        switch e {
        case .invalidArgument, .nodeOutOfRange: self.init(.invalidArgument, "\(context): \(e.description)")
        case .negativeWeight, .invalidWeight: self.init(.badData, "\(context): \(e.description)")
        case .failedToConverge, .emptyGraph: self.init(.noResult, "\(context): \(e.description)")
        }
    }
}

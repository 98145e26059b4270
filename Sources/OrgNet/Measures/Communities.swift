import GraphKit

/// A partition of a snapshot's bodies into communities.
public struct CommunityPartition: Sendable, Hashable, Codable {
    /// Communities as organization ids, largest first.
    public var communities: [[String]]
    /// Newman-Girvan modularity of the partition (undirected view).
    public var modularity: Double
}

extension NetworkView {
    /// Louvain communities (GraphKit; Blondel et al. 2008) of the undirected view, with tie
    /// weights when the view is weighted, and their modularity.
    public func communities(resolution: Double = 1) throws(OrgNetError) -> CommunityPartition {
        guard resolution > 0 else { throw OrgNetError(.usage, "the resolution must be positive") }
        let parts = graph.louvainCommunities(weighted: weighted, resolution: resolution)
        return CommunityPartition(communities: parts.map { $0.map { ids[$0] } },
                                  modularity: graph.modularity(of: parts, weighted: weighted, resolution: resolution))
    }
}

import GraphKit

/// A partition of a snapshot's bodies into communities.
public struct CommunityPartition: Sendable, Hashable, Codable {
    /// Communities as organization ids, largest first.
    public var communities: [[String]]
    /// Newman-Girvan modularity of the partition (undirected view).
    public var modularity: Double
}

extension NetworkView {
    /// Louvain communities (GraphKit; Blondel et al. 2008, networkx's `louvain_communities`
    /// semantics, deterministic for a seed), with tie weights when the view is weighted, and
    /// their modularity (Newman 2006; directed modularity for directed views, as networkx).
    public func communities(resolution: Double = 1, seed: UInt64 = 0) throws(OrgNetError) -> CommunityPartition {
        guard resolution > 0 else { throw OrgNetError(.invalidArgument, "the resolution must be positive") }
        let parts = graph.louvainCommunities(resolution: resolution, seed: seed, weighted: weighted)
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.first ?? 0) < ($1.first ?? 0) }
        let q: Double
        do { q = try graph.modularity(of: parts, resolution: resolution, weighted: weighted) } catch {
            throw OrgNetError(.internalError, "modularity: \(error)")
        }
        return CommunityPartition(communities: parts.map { $0.map { ids[$0] } }, modularity: q)
    }
}

import GraphKit

/// Which paths ``NetworkView/paths(from:to:_:)`` looks for.
public enum PathQuery: Sendable, Hashable {
    /// One shortest path (fewest ties, or least total weight in a weighted view; networkx `shortest_path`).
    case shortest
    /// Every simple path with at most `maxLength` ties (networkx `all_simple_paths(cutoff=)`), in
    /// depth-first order; `nil` = no limit (exponential on large networks).
    case all(maxLength: Int?)
    /// The `k` shortest simple paths, shortest first (Yen 1971; networkx `shortest_simple_paths`).
    case kShortest(Int)
}

extension NetworkView {
    /// Paths between two organizations as lists of ids, following tie direction (both ways in an
    /// undirected network). Empty when there is none.
    /// - Throws: a usage error when an organization is not in the snapshot or a limit is not positive.
    public func paths(from: String, to: String, _ query: PathQuery = .shortest) throws(OrgNetError) -> [[String]] {
        let s = try requireNode(from), t = try requireNode(to)
        do throws(GraphError) {
            let found: [[Int]]
            switch query {
            case .shortest:
                found = try graph.shortestPath(from: s, to: t, weighted: weighted).map { [$0] } ?? []
            case .all(let maxLength):
                if let maxLength, maxLength < 1 {
                    throw GraphError.invalidArgument("the maximum length must be at least 1")
                }
                found = try graph.allSimplePaths(from: s, to: t, cutoff: maxLength)
            case .kShortest(let k):
                if k < 1 { throw GraphError.invalidArgument("k must be at least 1") }
                found = try graph.kShortestSimplePaths(from: s, to: t, k: k, weighted: weighted).map(\.nodes)
            }
            return found.map { $0.map { ids[$0] } }
        } catch {
            throw OrgNetError(error, context: "path")
        }
    }
}

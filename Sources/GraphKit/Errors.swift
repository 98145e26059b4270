/// The errors GraphKit's throwing APIs report.
///
/// Every throwing function in GraphKit uses typed throws (`throws(GraphError)`), so callers can
/// switch over the cases exhaustively.
public enum GraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A node index was outside `0..<nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// An edge weight was NaN or infinite.
    case invalidWeight(source: Int, target: Int, weight: Double)
    /// An algorithm that needs non-negative weights (Dijkstra, flows) met a negative one.
    case negativeWeight(source: Int, target: Int, weight: Double)
    /// A power iteration (PageRank, eigenvector, Katz, HITS) did not meet its tolerance within
    /// `iterations` steps; networkx raises `PowerIterationFailedConvergence` in the same situation.
    case failedToConverge(iterations: Int)
    /// The graph has no nodes and the measure is undefined for it (networkx `NetworkXPointlessConcept`).
    case emptyGraph
    /// An argument was invalid; the message says which and why.
    case invalidArgument(String)

    /// A human-readable description of the error.
    public var description: String {
        switch self {
        case let .nodeOutOfRange(node, count): "node \(node) is out of range 0..<\(count)"
        case let .invalidWeight(s, t, w): "edge \(s)->\(t) has invalid weight \(w)"
        case let .negativeWeight(s, t, w): "edge \(s)->\(t) has negative weight \(w)"
        case let .failedToConverge(n): "power iteration failed to converge within \(n) iterations"
        case .emptyGraph: "the measure is undefined for a graph without nodes"
        case let .invalidArgument(m): "invalid argument: \(m)"
        }
    }
}

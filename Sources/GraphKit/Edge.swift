/// A weighted edge between two node indices, as given to ``Graph/init(nodeCount:edges:directed:)``.
///
/// In an undirected graph `source` and `target` are interchangeable.
public struct Edge: Sendable, Hashable {
    /// The tail node index (`0..<nodeCount`).
    public var source: Int
    /// The head node index (`0..<nodeCount`).
    public var target: Int
    /// The edge weight; `1` when unspecified (networkx's default for a missing `weight` attribute).
    public var weight: Double

    /// Creates an edge `source -> target` with the given weight (default 1).
    public init(_ source: Int, _ target: Int, weight: Double = 1) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}

/// A value attached to one edge of a graph, e.g. an edge betweenness score.
public struct EdgeValue: Sendable, Hashable {
    /// The edge's tail (for undirected graphs the smaller endpoint).
    public var source: Int
    /// The edge's head (for undirected graphs the larger endpoint).
    public var target: Int
    /// The value.
    public var value: Double

    /// Creates an edge value.
    public init(source: Int, target: Int, value: Double) {
        self.source = source
        self.target = target
        self.value = value
    }
}

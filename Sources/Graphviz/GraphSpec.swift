/// A graph as plain Swift values: what orgnet hands to Graphviz, and what it reads back from DOT.
///
/// `GraphSpec` is the only currency between the `Graphviz` module and the rest of orgnet:
/// no C pointer ever leaves the module. It mirrors DOT's structure (graph, node and edge
/// attributes, nested subgraphs, clusters) closely enough that any DOT file round-trips
/// through it, and it is a value, so it can be validated and rewritten before layout
/// (see ``SpecValidator``) without touching the C library.
public struct GraphSpec: Sendable, Hashable {
    /// The graph's name (`digraph NAME { ... }`); may be empty.
    public var name: String
    /// `digraph` when true, `graph` when false.
    public var isDirected: Bool
    /// `strict` graphs hold at most one edge between two nodes.
    public var isStrict: Bool
    /// Graph attributes (`rankdir`, `label`, ...).
    public var attributes: Attributes
    /// Defaults applied to every node (`node [...]`).
    public var nodeDefaults: Attributes
    /// Defaults applied to every edge (`edge [...]`).
    public var edgeDefaults: Attributes
    /// Nodes in declaration order. Ids are unique.
    public var nodes: [Node]
    /// Edges in declaration order; tails and heads name ids in ``nodes``.
    public var edges: [Edge]
    /// Top-level subgraphs. A subgraph whose name starts with `cluster` is drawn as a box.
    public var subgraphs: [Subgraph]

    /// Makes a spec; every part defaults to empty (an anonymous, non-strict digraph).
    public init(
        name: String = "",
        isDirected: Bool = true,
        isStrict: Bool = false,
        attributes: Attributes = [:],
        nodeDefaults: Attributes = [:],
        edgeDefaults: Attributes = [:],
        nodes: [Node] = [],
        edges: [Edge] = [],
        subgraphs: [Subgraph] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }

    /// A node: its DOT name and its own attributes (defaults not folded in).
    public struct Node: Sendable, Hashable {
        /// The node's DOT name, unique in the graph.
        public var id: String
        /// The node's own attributes.
        public var attributes: Attributes
        /// Makes a node.
        public init(id: String, attributes: Attributes = [:]) {
            self.id = id
            self.attributes = attributes
        }
    }

    /// An edge from `tail` to `head` (for undirected graphs the order is the file's).
    public struct Edge: Sendable, Hashable {
        /// The id of the node the edge leaves.
        public var tail: String
        /// The id of the node the edge enters.
        public var head: String
        /// DOT's edge key, when the file named one; parallel edges otherwise stay distinct.
        public var key: String?
        /// The edge's own attributes.
        public var attributes: Attributes
        /// Makes an edge.
        public init(tail: String, head: String, key: String? = nil, attributes: Attributes = [:]) {
            self.tail = tail
            self.head = head
            self.key = key
            self.attributes = attributes
        }
    }

    /// A subgraph: a named group of nodes with attributes, possibly nested.
    public struct Subgraph: Sendable, Hashable {
        /// The subgraph's name; empty for an anonymous subgraph (`{ rank=same; a; b }`).
        public var name: String
        /// The subgraph's graph attributes (`label`, `rank`, `color`, ...).
        public var attributes: Attributes
        /// Ids of the nodes declared in this subgraph (including those of nested subgraphs).
        public var nodeIDs: [String]
        /// Nested subgraphs.
        public var subgraphs: [Subgraph]
        /// Makes a subgraph.
        public init(name: String, attributes: Attributes = [:], nodeIDs: [String] = [], subgraphs: [Subgraph] = []) {
            self.name = name
            self.attributes = attributes
            self.nodeIDs = nodeIDs
            self.subgraphs = subgraphs
        }
        /// Graphviz draws a subgraph as a cluster box when its name starts with `cluster`.
        public var isCluster: Bool { name.hasPrefix("cluster") }
    }
}

/// One attribute value. Graphviz treats HTML-like labels (`<...>`) differently from quoted
/// strings, and the difference must survive (see docs/design.md §2: a plain label equal to an
/// HTML label's text is confused with it unless created with `agstrdup_html`).
public enum AttributeValue: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// An ordinary string value, escaped when written as DOT.
    case text(String)
    /// An HTML-like label body, written between `<` and `>`.
    case html(String)

    /// A string literal is a ``text(_:)`` value.
    public init(stringLiteral value: String) { self = .text(value) }

    /// The raw string, without DOT quoting or HTML brackets.
    public var string: String {
        switch self {
        case .text(let s), .html(let s): return s
        }
    }

    /// The raw string (``string``).
    public var description: String { string }
}

/// Attributes of a graph, node, edge or subgraph, by name.
public typealias Attributes = [String: AttributeValue]

import Dispatch
import Foundation

/// Which nodes and edges of a ``Graph`` are switched on: the graph seen as one of its subgraphs
/// without building that subgraph.
///
/// Sampling plausible networks from an uncertain graph (Potamias, Bonchi, Gionis & Kollios 2010,
/// "k-nearest neighbors in uncertain graphs", PVLDB 3(1)) draws thousands of subgraphs of one
/// recorded network. Rebuilding a CSR graph per draw costs a sort and several allocations; a mask
/// over the ONE CSR structure costs two flag arrays, and the measures below skip switched-off
/// edges and nodes inside their loops.
///
/// Semantics: the masked graph is the subgraph whose nodes are those with `nodes[v]` set and whose
/// edges are those with `edges[e]` set (canonical edge ids, as ``Graph/edgeSources``) AND both
/// endpoints on. Every masked measure equals the same measure on that subgraph rebuilt with
/// ``Graph/subgraph(keeping:)`` (its normalizations use the number of nodes switched on), with
/// switched-off nodes scored 0.
public struct GraphMask: Sendable, Hashable {
    /// `nodes[v]`: whether node `v` is present.
    public var nodes: [Bool]
    /// `edges[e]`: whether canonical edge `e` is present (it also needs both endpoints present).
    public var edges: [Bool]

    /// Everything switched on.
    public init(_ graph: Graph) {
        nodes = [Bool](repeating: true, count: graph.nodeCount)
        edges = [Bool](repeating: true, count: graph.edgeCount)
    }

    /// A mask from explicit flags (one per node, one per canonical edge).
    public init(nodes: [Bool], edges: [Bool]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The number of nodes switched on.
    public var activeNodeCount: Int { nodes.reduce(0) { $0 + ($1 ? 1 : 0) } }
}

extension Graph {
    /// Per canonical edge: present in the masked graph (its flag and both endpoints on); empty for
    /// no mask, which the kernels read as "every edge". A mask made for another graph (wrong
    /// number of flags) is a programming error and traps.
    func liveEdges(_ mask: GraphMask?) -> [Bool] {
        guard let mask else { return [] }
        precondition(
            mask.nodes.count == nodeCount && mask.edges.count == edgeCount,
            "a mask needs one flag per node and one per edge of its graph")
        return (0..<edgeCount).map { e in
            mask.edges[e] && mask.nodes[Int(edgeSources[e])] && mask.nodes[Int(edgeTargets[e])]
        }
    }

    /// The canonical edge id of `source -> target` (either direction in an undirected graph), or
    /// `nil` when there is no such edge; the index masks use (``GraphMask/edges``).
    /// - Complexity: O(log deg(source)).
    public func edgeID(from source: Int, to target: Int) -> Int? {
        slot(from: source, to: target).map { Int(outEdgeIDs[$0]) }
    }

    /// Whether the chain of nodes `path` exists in the masked graph: every node on and every
    /// consecutive pair joined by a live edge (either direction in an undirected graph).
    /// - Complexity: O(length log deg).
    public func pathExists(_ path: [Int], mask: GraphMask?) -> Bool {
        for v in path where v < 0 || v >= nodeCount || !(mask?.nodes[v] ?? true) { return false }
        for i in path.indices.dropLast() {
            guard let s = slot(from: path[i], to: path[i + 1]) else { return false }
            if let mask, !mask.edges[Int(outEdgeIDs[s])] { return false }
        }
        return true
    }
}

/// Runs `body(i)` for every `i` in `0..<count` concurrently on all cores and returns the results
/// in index order. Each index is computed independently, so the result does not depend on the
/// number of cores or on how indices are chunked (only on `body` being a function of `i`).
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    parallelChunks(count) { range in range.map(body) }.flatMap { $0 }
}

/// A partition of the nodes into components.
public struct Components: Sendable, Hashable {
    /// `label[v]` is the component index of node `v`, in `0..<count`.
    public let label: [Int]
    /// The members of each component, each sorted increasingly; components are ordered by their
    /// smallest node.
    public let members: [[Int]]
    /// The number of components.
    public var count: Int { members.count }

    /// Builds the canonical form (components ordered by smallest member) from arbitrary labels.
    init(rawLabels: [Int]) {
        var remap = [Int: Int]()
        var label = [Int](repeating: 0, count: rawLabels.count)
        var members: [[Int]] = []
        for v in 0..<rawLabels.count {
            if let c = remap[rawLabels[v]] {
                label[v] = c; members[c].append(v)
            } else {
                remap[rawLabels[v]] = members.count; label[v] = members.count; members.append([v])
            }
        }
        self.label = label
        self.members = members
    }
}

extension Graph {
    /// Weakly connected components (networkx `weakly_connected_components`; for undirected graphs
    /// `connected_components`): maximal node sets connected when edge directions are ignored.
    /// Iterative BFS, so deep graphs cannot overflow the stack.
    /// - Complexity: O(n + m).
    public func weaklyConnectedComponents() -> Components {
        var label = [Int](repeating: -1, count: nodeCount)
        var queue = [Int](); queue.reserveCapacity(nodeCount)
        var c = 0
        for s in 0..<nodeCount where label[s] < 0 {
            label[s] = c
            queue.removeAll(keepingCapacity: true)
            queue.append(s)
            var head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for p in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[p]); if label[w] < 0 { label[w] = c; queue.append(w) }
                }
                if isDirected {
                    for p in inOffsets[v]..<inOffsets[v + 1] {
                        let w = Int(inTargets[p]); if label[w] < 0 { label[w] = c; queue.append(w) }
                    }
                }
            }
            c += 1
        }
        return Components(rawLabels: label)
    }

    /// Strongly connected components (networkx `strongly_connected_components`): maximal node sets
    /// in which every node reaches every other. For undirected graphs these are the connected
    /// components. Tarjan's algorithm with an explicit stack (no recursion).
    /// - Complexity: O(n + m).
    ///
    /// Reference: Tarjan, R. E. (1972). Depth-first search and linear graph algorithms. SIAM J.
    /// Comput. 1(2).
    public func stronglyConnectedComponents() -> Components {
        guard isDirected else { return weaklyConnectedComponents() }
        let n = nodeCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var comp = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var call: [(v: Int, slot: Int)] = []
        var next = 0, c = 0
        for root in 0..<n where index[root] < 0 {
            call.append((root, outOffsets[root]))
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let top = call.last {
                let v = top.v
                if top.slot < outOffsets[v + 1] {
                    call[call.count - 1].slot += 1
                    let w = Int(outTargets[top.slot])
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        call.append((w, outOffsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    call.removeLast()
                    if let parent = call.last { low[parent.v] = min(low[parent.v], low[v]) }
                    if low[v] == index[v] {
                        while true {
                            let w = stack.removeLast(); onStack[w] = false; comp[w] = c
                            if w == v { break }
                        }
                        c += 1
                    }
                }
            }
        }
        return Components(rawLabels: comp)
    }

    /// Whether the graph is (weakly, for directed graphs) connected. The empty graph is not.
    /// - Complexity: O(n + m).
    public var isConnected: Bool { nodeCount > 0 && weaklyConnectedComponents().count == 1 }

    /// Nodes reachable from `node` by a directed path, excluding `node` (networkx `descendants`),
    /// sorted. For undirected graphs: the rest of the node's component.
    /// - Complexity: O(n + m).
    public func descendants(of node: Int) throws(GraphError) -> [Int] {
        try shortestPaths(from: node).reachableNodes.filter { $0 != node }
    }

    /// Nodes from which `node` is reachable, excluding `node` (networkx `ancestors`), sorted.
    /// - Complexity: O(n + m).
    public func ancestors(of node: Int) throws(GraphError) -> [Int] {
        try shortestPaths(from: node, direction: .incoming).reachableNodes.filter { $0 != node }
    }
}

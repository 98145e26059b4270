import Testing

@testable import GraphKit

/// Small cases whose answers are worked out by hand.
@Suite("hand-checked cases")
struct HandCheckedTests {
    func path(_ n: Int, directed: Bool = false) throws -> Graph {
        try Graph(nodeCount: n, unweightedEdges: (0..<(n - 1)).map { ($0, $0 + 1) }, directed: directed)
    }

    func star(_ n: Int) throws -> Graph {
        try Graph(nodeCount: n, unweightedEdges: (1..<n).map { (0, $0) }, directed: false)
    }

    @Test func pathBetweenness() throws {
        let g = try path(5)
        // Pairs through node 1: {0}x{2,3,4} = 3; node 2: {0,1}x{3,4} = 4.
        #expect(try g.betweennessCentrality(normalized: false) == [0, 3, 4, 3, 0])
        expectClose(try g.betweennessCentrality(), [0, 0.5, 4.0 / 6, 0.5, 0], exact, "normalized by (n-1)(n-2)/2")
        // Directed path: only forward pairs, unnormalized the same counts.
        #expect(try path(5, directed: true).betweennessCentrality(normalized: false) == [0, 3, 4, 3, 0])
        // Endpoints: node 0 is an endpoint of 4 paths.
        #expect(try g.betweennessCentrality(normalized: false, endpoints: true) == [4, 7, 8, 7, 4])
    }

    @Test func edgeBetweennessOfTreeIsSideProduct() throws {
        let g = try path(4)
        let eb = try g.edgeBetweennessCentrality(normalized: false)
        #expect(eb.map(\.value) == [3, 4, 3])
    }

    @Test func starCloseness() throws {
        let n = 6
        let c = try star(n).closenessCentrality()
        #expect(c[0] == 1)
        expectClose(Array(c[1...]), [Double](repeating: 5.0 / 9.0, count: n - 1), exact, "leaf: 5 / (1 + 2*4)")
        let h = try star(n).harmonicCentrality()
        #expect(h[0] == 5)
        #expect(h[1] == 1 + 4 * 0.5)
    }

    @Test func closenessUsesIncomingDistance() throws {
        let g = try path(3, directed: true) // 0 -> 1 -> 2
        let c = try g.closenessCentrality()
        #expect(c[0] == 0) // nothing reaches 0
        #expect(c[1] == 1 * 0.5) // reached by 0 at distance 1, WF factor 1/2
        #expect(c[2] == (2.0 / 3.0) * 1) // reached by 0 (2) and 1 (1)
        #expect(try g.reversed().closenessCentrality()[0] == 2.0 / 3.0)
        #expect(try g.harmonicCentrality() == [0, 1, 1.5])
    }

    @Test func pageRankCycleIsUniformAndFailsWithOneIteration() throws {
        let cycle = try Graph(nodeCount: 4, unweightedEdges: [(0, 1), (1, 2), (2, 3), (3, 0)], directed: true)
        expectClose(try cycle.pageRank(), [0.25, 0.25, 0.25, 0.25], exact, "uniform")
        let g = try path(4, directed: true)
        #expect(throws: GraphError.failedToConverge(iterations: 1)) { try g.pageRank(maxIterations: 1) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [0, 0, 0, 0]) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [1]) }
        let pr = try g.pageRank()
        #expect(abs(pr.reduce(0, +) - 1) < 1e-6)
        #expect(pr == pr.sorted(), "rank grows along the path")
    }

    @Test func katzAndEigenvectorConvergenceFailures() throws {
        let g = try Graph(nodeCount: 3, unweightedEdges: [(0, 1), (1, 2), (2, 0)], directed: true)
        #expect(throws: GraphError.failedToConverge(iterations: 1000)) { try g.katzCentrality(alpha: 1.5) }
        expectClose(try g.katzCentrality(), [Double](repeating: 1 / 3.0.squareRoot(), count: 3), exact, "symmetric")
        #expect(throws: GraphError.emptyGraph) {
            try Graph(nodeCount: 0, edges: [Edge](), directed: true).eigenvectorCentrality()
        }
        expectClose(
            try g.eigenvectorCentrality(), [Double](repeating: 1 / 3.0.squareRoot(), count: 3), exact, "symmetric")
    }

    @Test func hitsOnOutStar() throws {
        let g = try Graph(nodeCount: 3, unweightedEdges: [(0, 1), (0, 2)], directed: true)
        let h = try g.hits()
        expectClose(h.hubs, [1, 0, 0], exact, "hubs")
        expectClose(h.authorities, [0, 0.5, 0.5], exact, "authorities")
    }

    @Test func constructionRules() throws {
        #expect(throws: GraphError.nodeOutOfRange(node: 3, nodeCount: 3)) {
            try Graph(nodeCount: 3, edges: [Edge(0, 3)], directed: true)
        }
        #expect(throws: GraphError.self) { try Graph(nodeCount: 2, edges: [Edge(0, 1, weight: .nan)], directed: true) }
        // Last weight wins; (1, 0) is the same undirected edge.
        let u = try Graph(
            nodeCount: 2, edges: [Edge(0, 1, weight: 5), Edge(1, 0, weight: 2), Edge(1, 1, weight: 3)], directed: false)
        #expect(u.edgeCount == 2)
        #expect(u.weight(from: 1, to: 0) == 2)
        #expect(u.degrees() == [1, 3], "self-loop adds 2")
        #expect(u.degrees(weighted: true) == [2, 8])
        let d = try Graph(
            nodeCount: 2, edges: [Edge(0, 1, weight: 5), Edge(1, 0, weight: 2), Edge(0, 1, weight: 7), Edge(1, 1)],
            directed: true)
        #expect(d.edgeCount == 3)
        #expect(d.weight(from: 0, to: 1) == 7)
        #expect(d.inDegrees() == [1, 2] && d.outDegrees() == [1, 2])
        // Undirected view: the reciprocal pair keeps the weight of the edge from the larger source.
        #expect(d.undirected().weight(from: 0, to: 1) == 2)
        #expect(d.reversed().weight(from: 1, to: 0) == 7)
        #expect(Array(d.reversed().successors(of: 0)) == [1])
    }

    @Test func subgraphRemovingNodes() throws {
        let g = try star(5)
        let s = try g.subgraph(removing: [0])
        #expect(s.graph.nodeCount == 4 && s.graph.edgeCount == 0)
        #expect(s.originalNode == [1, 2, 3, 4] && s.newNode[0] == nil && s.newNode[2] == 1)
        let k = try path(4).subgraph(keeping: [1, 2, 3])
        #expect(k.graph.edges == [Edge(0, 1), Edge(1, 2)])
        #expect(try path(4).removingEdges([(source: 2, target: 1)]).weaklyConnectedComponents().count == 2)
        #expect(throws: GraphError.self) { try g.subgraph(removing: [9]) }
    }

    @Test func dijkstraRejectsNegativeWeights() throws {
        let g = try Graph(nodeCount: 2, edges: [Edge(0, 1, weight: -1)], directed: true)
        #expect(throws: GraphError.negativeWeight(source: 0, target: 1, weight: -1)) {
            try g.shortestPaths(from: 0, weighted: true)
        }
        #expect(throws: GraphError.self) { try g.betweennessCentrality(weighted: true) }
        #expect(try g.shortestPaths(from: 0).distances == [0, 1])
    }

    @Test func weightedShortestPathPrefersLightDetour() throws {
        let g = try Graph(
            nodeCount: 3, edges: [Edge(0, 2, weight: 5), Edge(0, 1, weight: 1), Edge(1, 2, weight: 1)], directed: true)
        #expect(try g.shortestPath(from: 0, to: 2, weighted: true) == [0, 1, 2])
        #expect(try g.shortestPath(from: 0, to: 2) == [0, 2])
        #expect(try g.shortestPathLength(from: 2, to: 0) == nil)
        let yen = try g.kShortestSimplePaths(from: 0, to: 2, k: 5, weighted: true)
        #expect(yen.map(\.nodes) == [[0, 1, 2], [0, 2]] && yen.map(\.length) == [2, 5])
    }

    @Test func maxFlowClassicExample() throws {
        // CLRS Figure 26.1: maximum flow 23.
        let e: [Edge] = [
            Edge(0, 1, weight: 16), Edge(0, 2, weight: 13), Edge(2, 1, weight: 4), Edge(1, 3, weight: 12),
            Edge(3, 2, weight: 9), Edge(2, 4, weight: 14), Edge(4, 3, weight: 7), Edge(3, 5, weight: 20),
            Edge(4, 5, weight: 4),
        ]
        let g = try Graph(nodeCount: 6, edges: e, directed: true)
        #expect(try g.maximumFlowValue(from: 0, to: 5) == 23)
        #expect(throws: GraphError.self) { try g.minimumCut(from: 1, to: 1) }
    }

    @Test func articulationAndBridgesOnBowtie() throws {
        // Two triangles sharing node 2, plus a pendant 5 on node 4.
        let g = try Graph(
            nodeCount: 6, unweightedEdges: [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5)], directed: false)
        #expect(g.articulationPoints() == [2, 4])
        #expect(g.bridges().map { [$0.source, $0.target] } == [[4, 5]])
    }

    @Test func louvainFindsTwoCliques() throws {
        var edges: [(Int, Int)] = []
        for a in 0..<5 { for b in (a + 1)..<5 { edges.append((a, b)); edges.append((a + 5, b + 5)) } }
        edges.append((0, 5))
        let g = try Graph(nodeCount: 10, unweightedEdges: edges, directed: false)
        #expect(g.louvainCommunities(seed: 9) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
        #expect(throws: GraphError.self) { try g.modularity(of: [[0, 1]]) }
    }

    @Test func samplingAndParallelMergeAreConsistent() throws {
        let g = try Graph(
            nodeCount: 40, unweightedEdges: (0..<40).flatMap { [($0, ($0 * 7 + 3) % 40), ($0, ($0 + 1) % 40)] },
            directed: true)
        let all = try g.betweennessCentrality()
        expectClose(
            try g.betweennessCentrality(sources: Array((0..<40).reversed())), all, exact, "source order does not matter"
        )
        expectClose(try g.betweennessCentrality(sampleSize: 40, seed: 1), all, exact, "k = n is exact")
        let a = try g.betweennessCentrality(sampleSize: 10, seed: 42)
        #expect(a == (try g.betweennessCentrality(sampleSize: 10, seed: 42)), "deterministic per seed")
        #expect(a != (try g.betweennessCentrality(sampleSize: 10, seed: 43)))
    }
}

/// 100k-node graphs: every traversal must be iterative.
@Suite("deep graphs do not overflow the stack")
struct DeepGraphTests {
    static let n = 100_000

    @Test func chain() throws {
        let n = Self.n
        let g = try Graph(nodeCount: n, unweightedEdges: (0..<(n - 1)).map { ($0, $0 + 1) }, directed: true)
        #expect(g.stronglyConnectedComponents().count == n)
        #expect(g.weaklyConnectedComponents().count == 1)
        #expect(g.articulationPoints().count == n - 2)
        #expect(g.bridges().count == n - 1)
        #expect(try g.allSimplePaths(from: 0, to: n - 1).first?.count == n)
        #expect(try g.descendants(of: 0).count == n - 1)
        #expect(try g.ancestors(of: n - 1).count == n - 1)
        #expect(try g.shortestPaths(from: 0, weighted: true).distances[n - 1] == Double(n - 1))
        #expect(try g.maximumFlowValue(from: 0, to: n - 1) == 1)
    }

    @Test func cycleIsOneStrongComponent() throws {
        let n = Self.n
        let g = try Graph(nodeCount: n, unweightedEdges: (0..<n).map { ($0, ($0 + 1) % n) }, directed: true)
        let scc = g.stronglyConnectedComponents()
        #expect(scc.count == 1 && scc.members[0].count == n)
        expectClose(try g.pageRank(), [Double](repeating: 1 / Double(n), count: n), 1e-9, "uniform on a cycle")
    }

    @Test func binaryTreeSampledBetweennessAndLouvain() throws {
        let n = Self.n
        let g = try Graph(nodeCount: n, unweightedEdges: (1..<n).map { (($0 - 1) / 2, $0) }, directed: false)
        let bc = try g.betweennessCentrality(sampleSize: 8, seed: 3)
        #expect(bc.count == n && bc[0] > 0)
        #expect(g.articulationPoints().count == n / 2, "every internal node of the tree")
        let communities = g.louvainCommunities(seed: 1)
        #expect(try g.modularity(of: communities) > 0.9)
    }
}

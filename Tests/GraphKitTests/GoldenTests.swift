import Foundation
import TestSupport
import Testing

@testable import GraphKit

/// Cross-checks against networkx 3.6.1, parameterized over every file in Golden/graphs.
/// Regenerate expectations with `python3 scripts/golden/generate.py`.
@Suite("networkx goldens", .tags(.golden))
struct GoldenTests {
    @Test("golden inventory is present")
    func inventory() {
        #expect(Golden.names.count >= 7)
        for name in Golden.names {
            let url = Golden.root.appendingPathComponent("expected/\(name).json")
            #expect(
                FileManager.default.fileExists(atPath: url.path), "missing expected/\(name).json; run the generator")
        }
    }

    @Test("graph structure and parallel-edge collapsing", arguments: Golden.names)
    func structure(name: String) throws {
        let (g, x) = try Golden.load(name)
        #expect(g.nodeCount == x["nodeCount"].int)
        #expect(g.edgeCount == x["edgeCount"].int)
        let expectedEdges = x["edges"].array.map { [Double($0[0].int!), Double($0[1].int!), $0[2].double!] }
        let actual = g.edges.map { [Double($0.source), Double($0.target), $0.weight] }
        #expect(actual == expectedEdges)
    }

    @Test("degrees and degree centrality", arguments: Golden.names)
    func degree(name: String) throws {
        let (g, x) = try Golden.load(name)
        expectClose(g.degrees(), x["degree"].doubles, exact, "degree")
        expectClose(g.degrees(weighted: true), x["degree_weighted"].doubles, exact, "weighted degree")
        expectClose(g.degreeCentrality(), x["degree_centrality"].doubles, exact, "degree centrality")
        if g.isDirected {
            expectClose(g.inDegrees(), x["in_degree"].doubles, exact, "in-degree")
            expectClose(g.outDegrees(), x["out_degree"].doubles, exact, "out-degree")
            expectClose(try g.inDegreeCentrality(), x["in_degree_centrality"].doubles, exact, "in-degree centrality")
            expectClose(try g.outDegreeCentrality(), x["out_degree_centrality"].doubles, exact, "out-degree centrality")
        } else {
            #expect(throws: GraphError.self) { try g.inDegreeCentrality() }
        }
    }

    @Test("betweenness (Brandes), all variants", arguments: Golden.names)
    func betweenness(name: String) throws {
        let (g, x) = try Golden.load(name)
        let b = x["betweenness"]
        expectClose(try g.betweennessCentrality(), b["normalized"].doubles, exact, "normalized")
        expectClose(try g.betweennessCentrality(normalized: false), b["unnormalized"].doubles, exact, "unnormalized")
        expectClose(try g.betweennessCentrality(weighted: true), b["weighted"].doubles, exact, "weighted")
        expectClose(try g.betweennessCentrality(endpoints: true), b["endpoints"].doubles, exact, "endpoints")
        expectClose(
            try g.betweennessCentrality(normalized: false, endpoints: true), b["endpoints_unnormalized"].doubles, exact,
            "endpoints unnormalized")
        let s = b["sampled"]
        if s.exists {
            let sources = s["sources"].ints
            expectClose(try g.betweennessCentrality(sources: sources), s["normalized"].doubles, exact, "sampled")
            expectClose(
                try g.betweennessCentrality(normalized: false, sources: sources), s["unnormalized"].doubles, exact,
                "sampled unnormalized")
            expectClose(
                try g.betweennessCentrality(endpoints: true, sources: sources), s["endpoints"].doubles, exact,
                "sampled endpoints")
        }
    }

    @Test("edge betweenness", arguments: Golden.names)
    func edgeBetweenness(name: String) throws {
        let (g, x) = try Golden.load(name)
        for (key, normalized, weighted) in [
            ("normalized", true, false), ("unnormalized", false, false), ("weighted", true, true),
        ] {
            let expected = x["edge_betweenness"][key].array
            let actual = try g.edgeBetweennessCentrality(normalized: normalized, weighted: weighted)
            #expect(
                actual.map { [$0.source, $0.target] } == expected.map { [$0[0].int!, $0[1].int!] }, "\(key) edge set")
            expectClose(actual.map(\.value), expected.map { $0[2].double! }, exact, "edge betweenness \(key)")
        }
    }

    @Test("closeness (incoming, Wasserman-Faust) and harmonic", arguments: Golden.names)
    func closeness(name: String) throws {
        let (g, x) = try Golden.load(name)
        expectClose(try g.closenessCentrality(), x["closeness"].doubles, exact, "closeness")
        expectClose(
            try g.closenessCentrality(wfImproved: false), x["closeness_no_wf"].doubles, exact, "closeness no WF")
        expectClose(
            try g.closenessCentrality(weighted: true), x["closeness_weighted"].doubles, exact, "weighted closeness")
        expectClose(try g.harmonicCentrality(), x["harmonic"].doubles, exact, "harmonic")
        expectClose(
            try g.harmonicCentrality(weighted: true), x["harmonic_weighted"].doubles, exact, "weighted harmonic")
    }

    /// Compares an iterative measure, or expects the same convergence failure networkx reported.
    func checkIterative(_ expected: JSON, _ what: String, _ compute: () throws(GraphError) -> [Double]) {
        if expected.isError {
            #expect(throws: GraphError.self, "\(what): networkx failed to converge") { try compute() }
        } else {
            do { expectClose(try compute(), expected.doubles, iterative, what) } catch {
                Issue.record("\(what) threw \(error)")
            }
        }
    }

    @Test("PageRank (networkx stopping rule)", arguments: Golden.names)
    func pagerank(name: String) throws {
        let (g, x) = try Golden.load(name)
        checkIterative(x["pagerank"], "pagerank") { () throws(GraphError) in try g.pageRank() }
        checkIterative(x["pagerank_unweighted"], "pagerank unweighted") { () throws(GraphError) in
            try g.pageRank(weighted: false)
        }
        let p = x["pagerank_personalized"]
        checkIterative(p["values"], "pagerank personalized") { () throws(GraphError) in
            try g.pageRank(personalization: p["personalization"].doubles)
        }
    }

    @Test("eigenvector, Katz, HITS", arguments: Golden.names)
    func spectral(name: String) throws {
        let (g, x) = try Golden.load(name)
        checkIterative(x["eigenvector"], "eigenvector") { () throws(GraphError) in try g.eigenvectorCentrality() }
        checkIterative(x["eigenvector_weighted"], "eigenvector weighted") { () throws(GraphError) in
            try g.eigenvectorCentrality(weighted: true)
        }
        checkIterative(x["katz"], "katz") { () throws(GraphError) in try g.katzCentrality() }
        checkIterative(x["katz_weighted"], "katz weighted") { () throws(GraphError) in
            try g.katzCentrality(alpha: 0.05, weighted: true)
        }
        if x["hits"]["unique"].bool == true {
            let h = try g.hits()
            expectClose(h.hubs, x["hits"]["hubs"].doubles, iterative, "hubs")
            expectClose(h.authorities, x["hits"]["authorities"].doubles, iterative, "authorities")
        }
    }

    @Test("shortest path lengths, ancestors, descendants", arguments: Golden.names)
    func shortestPaths(name: String) throws {
        let (g, x) = try Golden.load(name)
        for sp in x["shortest_paths"].array {
            let s = sp["source"].int!
            let bfs = try g.shortestPaths(from: s)
            let dij = try g.shortestPaths(from: s, weighted: true)
            let inf = Double.infinity
            expectClose(bfs.distances, sp["lengths"].optionalDoubles.map { $0 ?? inf }, exact, "BFS from \(s)")
            expectClose(
                dij.distances, sp["weighted_lengths"].optionalDoubles.map { $0 ?? inf }, exact, "Dijkstra from \(s)")
            // Every reconstructed path is a real path of the recorded length.
            for t in 0..<g.nodeCount where dij.isReachable(t) {
                let path = try #require(dij.path(to: t))
                #expect(path.first == s && path.last == t)
                var len = 0.0
                for (a, b) in zip(path, path.dropFirst()) { len += try #require(g.weight(from: a, to: b)) }
                #expect(abs(len - dij.distances[t]) < exact)
                #expect(bfs.path(to: t)?.count == Int(bfs.distances[t]) + 1)
            }
            #expect(try g.descendants(of: s) == sp["descendants"].ints)
            #expect(try g.ancestors(of: s) == sp["ancestors"].ints)
        }
    }

    @Test("connected components", arguments: Golden.names)
    func components(name: String) throws {
        let (g, x) = try Golden.load(name)
        #expect(g.weaklyConnectedComponents().members == x["weak_components"].intLists)
        #expect(g.stronglyConnectedComponents().members.sorted { $0[0] < $1[0] } == x["strong_components"].intLists)
    }
}

@Suite("networkx goldens: paths, cuts, communities", .tags(.golden))
struct GoldenStructureTests {
    @Test("all simple paths with cutoff", arguments: Golden.names)
    func simplePaths(name: String) throws {
        let (g, x) = try Golden.load(name)
        guard let sink = x["pair"]["sink"].int else { return }
        let source = x["pair"]["source"].int!
        let paths = try g.allSimplePaths(from: source, to: sink, cutoff: x["simple_paths"]["cutoff"].int!)
        #expect(paths.sorted { $0.lexicographicallyPrecedes($1) } == x["simple_paths"]["paths"].intLists)
    }

    @Test("k shortest simple paths (Yen)", arguments: Golden.names)
    func yen(name: String) throws {
        let (g, x) = try Golden.load(name)
        guard let sink = x["pair"]["sink"].int else { return }
        let source = x["pair"]["source"].int!
        let k = x["k_shortest"]["k"].int!
        for (key, weighted) in [("lengths", false), ("weighted_lengths", true)] {
            let paths = try g.kShortestSimplePaths(from: source, to: sink, k: k, weighted: weighted)
            expectClose(paths.map(\.length), x["k_shortest"][key].doubles, exact, "Yen \(key)")
            #expect(Set(paths.map(\.nodes)).count == paths.count, "paths are distinct")
            for p in paths {
                #expect(Set(p.nodes).count == p.nodes.count, "path is simple")
                #expect(p.nodes.first == source && p.nodes.last == sink)
            }
        }
    }

    @Test("max flow and min cut (capacity = weight)", arguments: Golden.names)
    func flow(name: String) throws {
        let (g, x) = try Golden.load(name)
        guard let sink = x["pair"]["sink"].int else { return }
        let cut = try g.minimumCut(from: x["pair"]["source"].int!, to: sink)
        #expect(abs(cut.value - x["max_flow"]["value"].double!) < exact)
        #expect(cut.sourceSide == x["max_flow"]["source_side"].ints)
        let crossing = cut.cutEdges.reduce(0.0) { $0 + g.edgeWeights[$1] }
        #expect(abs(crossing - cut.value) < exact, "cut capacity equals flow value")
    }

    @Test("articulation points and bridges", arguments: Golden.names)
    func biconnected(name: String) throws {
        let (g, x) = try Golden.load(name)
        #expect(g.articulationPoints() == x["articulation_points"].ints)
        #expect(g.bridges().map { [$0.source, $0.target] } == x["bridges"].intLists)
    }

    @Test("modularity and Louvain", arguments: Golden.names)
    func communities(name: String) throws {
        let (g, x) = try Golden.load(name)
        guard x["louvain"].exists else { return }
        let comps = x["modularity_components"]
        let partition = comps["partition"].intLists
        #expect(abs(try g.modularity(of: partition) - comps["value"].double!) < exact)
        #expect(abs(try g.modularity(of: partition, resolution: 0.5) - comps["resolution_0_5"].double!) < exact)
        let best = x["louvain"]["best_partition"].intLists
        #expect(abs(try g.modularity(of: best) - x["louvain"]["best_modularity"].double!) < exact)
        let worstNX = x["louvain"]["modularities"].doubles.min()!
        for seed: UInt64 in [1, 2, 3] {
            let ours = g.louvainCommunities(seed: seed)
            #expect(ours.flatMap { $0 }.sorted() == Array(0..<g.nodeCount), "a partition")
            #expect(ours == g.louvainCommunities(seed: seed), "deterministic per seed")
            let q = try g.modularity(of: ours)
            #expect(q >= worstNX - 0.02, "Louvain modularity \(q) vs networkx \(worstNX)")
        }
    }
}

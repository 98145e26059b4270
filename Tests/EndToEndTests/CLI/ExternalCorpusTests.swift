import Foundation
import TestSupport
import Testing

/// Networks written by other tools (Tests/Corpus/external, origins in its README): every command
/// reads them directly, and `orgnet centrality` gives networkx's numbers for them, as networkx's own
/// readers see the same files (expected/*.json, written by scripts/golden/corpus.py).
@Suite(.tags(.golden)) struct ExternalCorpusTests {
    static let corpus = CLI.repositoryRoot.appendingPathComponent("Tests/Corpus/external")

    /// (file, extra arguments, expected file)
    static let cases: [(String, [String], String)] = [
        ("newman-karate.gml", [], "newman-karate.gml.json"),
        ("gephi-lesmiserables.gexf", [], "gephi-lesmiserables.gexf.json"),
        ("networkx-florentine.gexf", [], "networkx-florentine.gexf.json"),
        ("networkx-karate.graphml", [], "networkx-karate.graphml.json"),
        ("igraph-directed.graphml", [], "igraph-directed.graphml.json"),
        ("networkx-lesmis.json", [], "networkx-lesmis.json.json"),
        ("edgelist-gn25.csv", [], "edgelist-gn25.csv.json"),
        ("edgelist-gn25.csv", ["--undirected"], "edgelist-gn25.csv.undirected.json"),
    ]

    /// (orgnet arguments, key in the expected file, tolerance: PageRank stops at networkx's tol 1e-6)
    static let measures: [([String], String, Double)] = [
        (["--measure", "betweenness"], "betweenness", 1e-9),
        (["--measure", "betweenness", "--weighted"], "betweenness_weighted", 1e-9),
        (["--measure", "closeness"], "closeness", 1e-9),
        (["--measure", "pagerank"], "pagerank", 1e-6),
        (["--measure", "pagerank", "--weighted"], "pagerank_weighted", 1e-6),
    ]

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("expected/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: 0..<cases.count)
    func centralityMatchesNetworkx(_ index: Int) async throws {
        let (file, extra, expectedName) = Self.cases[index]
        let expected = try Self.expected(expectedName)
        let path = Self.corpus.appendingPathComponent(file).path
        for (args, key, tolerance) in Self.measures {
            let want = try #require(expected[key] as? [String: Double], "\(key) missing")
            let r = try await CLI.run(["centrality", path] + args + extra + ["--format", "json"])
            #expect(r.status == 0, "\(file) \(args): \(r.stderr)")
            // The fallback to every tie is said once, on stderr.
            #expect(
                r.stderr.components(separatedBy: "has no delegation or authority ties; using all").count == 2,
                "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
            let scores = try #require(json["scores"] as? [[String: Any]])
            let got = Dictionary(
                uniqueKeysWithValues: scores.map { ($0["id"] as! String, ($0["score"] as! NSNumber).doubleValue) })
            #expect(got.count == want.count, "\(file): \(got.count) nodes, networkx \(want.count)")
            for (id, value) in want {
                #expect(
                    abs((got[id] ?? .nan) - value) <= tolerance,
                    "\(file) \(key) \(id): \(got[id] ?? .nan) vs networkx \(value)")
            }
        }
    }

    static var files: [String] { Array(Set(cases.map(\.0))).sorted() }

    @Test(arguments: files)
    func everyCommandTakesTheFile(_ file: String) async throws {
        let path = Self.corpus.appendingPathComponent(file).path
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let info = try await CLI.run(["info", path, "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        let organizations = try #require(
            (try JSONSerialization.jsonObject(with: info.stdoutData) as? [String: Any])?["organizations"] as? Int)
        let svg = folder.appendingPathComponent("out.svg").path
        let render = try await CLI.run(["render", path, "-o", svg])
        #expect(render.status == 0, "\(render.stderr)")
        // Every organization is drawn (one <g id="org-..."> group each).
        let drawn = (try? String(contentsOfFile: svg, encoding: .utf8)) ?? ""
        #expect(
            drawn.components(separatedBy: "<g id=\"org").count - 1 == organizations, "render drew \(drawn.count) bytes")
        let diff = try await CLI.run(["diff", path, path])
        #expect(diff.status == 0, "\(diff.stderr)")
        let graphml = folder.appendingPathComponent("out.graphml").path
        let export = try await CLI.run(["export", path, "-T", "graphml", "-o", graphml])
        #expect(export.status == 0, "\(export.stderr)")
        // What was exported reads back as the same network size.
        let a = try await CLI.run(["info", path, "--format", "json"]),
            b = try await CLI.run(["info", graphml, "--format", "json"])
        let ja = try JSONSerialization.jsonObject(with: a.stdoutData) as? [String: Any]
        let jb = try JSONSerialization.jsonObject(with: b.stdoutData) as? [String: Any]
        #expect(ja?["organizations"] as? Int != nil)
        #expect(ja?["organizations"] as? Int == jb?["organizations"] as? Int, "\(b.stderr)")
        #expect(ja?["ties"] as? Int == jb?["ties"] as? Int)
    }

    @Test func dataOptionTakesAnyNetworkFile() async throws {
        let path = Self.corpus.appendingPathComponent("newman-karate.gml").path
        let r = try await CLI.run([
            "centrality", "--data", path, "--measure", "degree", "--top", "1", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"id\" : \"34\""))
    }

    @Test func formatIsToldFromContentOrFrom() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The GML file without its extension is still recognised by its content...
        let renamed = folder.appendingPathComponent("karate-network")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("newman-karate.gml"), to: renamed)
        let r = try await CLI.run(["info", renamed.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"organizations\" : 34"))
        // ... and --from names the format outright: read as DOT, it is a DOT syntax error.
        let asDOT = try await CLI.run(["info", renamed.path, "--from", "dot"])
        #expect(asDOT.status == 65, "\(asDOT.stderr)")
    }

    @Test func aRoleFilterThatLeavesNoTieSaysSo() async throws {
        let path = Self.corpus.appendingPathComponent("networkx-karate.graphml").path
        let r = try await CLI.run(["centrality", path, "--roles", "delegation", "--measure", "betweenness"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("every score is 0"), "\(r.stderr)")
    }
}

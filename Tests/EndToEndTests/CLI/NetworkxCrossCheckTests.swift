import Foundation
import TestSupport
import Testing

/// `orgnet centrality` on every Petrograd month against networkx's answers for the same graph
/// (Tests/GraphKitTests/Golden, written by scripts/golden/export-petrograd.py + generate.py).
@Suite(.tags(.golden)) struct NetworkxCrossCheckTests {
    static let golden = CLI.repositoryRoot.appendingPathComponent("Tests/GraphKitTests/Golden")

    static var months: [String] {
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: golden.appendingPathComponent("graphs").path)) ?? []
        return files.filter { $0.hasPrefix("petrograd-1917-") }.map {
            String($0.dropFirst("petrograd-1917-".count).dropLast(5))
        }.sorted()
    }

    /// (orgnet measure, key path in the expected file, tolerance)
    static let measures: [(String, [String], Double)] = [
        ("betweenness", ["betweenness", "normalized"], 1e-9),
        ("closeness", ["closeness"], 1e-9),
        ("harmonic", ["harmonic"], 1e-9),
        ("pagerank", ["pagerank_unweighted"], 1e-6),
        ("in-degree", ["in_degree_centrality"], 1e-9),
    ]

    @Test func everyPetrogradMonthHasAGoldenFile() {
        #expect(Self.months.count == 13)
    }

    @Test(arguments: months)
    func centralityMatchesNetworkx(_ month: String) async throws {
        let graphData = try Data(contentsOf: Self.golden.appendingPathComponent("graphs/petrograd-1917-\(month).json"))
        let expectedData = try Data(
            contentsOf: Self.golden.appendingPathComponent("expected/petrograd-1917-\(month).json"))
        let graph = try #require(try JSONSerialization.jsonObject(with: graphData) as? [String: Any])
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let nodes = try #require(graph["nodes"] as? [String])
        for (measure, path, tolerance) in Self.measures {
            var value: Any? = expected
            for key in path { value = (value as? [String: Any])?[key] }
            let want = try #require(value as? [Double], "\(path) missing")
            let r = try await CLI.run(["centrality", month, "--measure", measure, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
            let scores = try #require(json["scores"] as? [[String: Any]])
            let got = Dictionary(
                uniqueKeysWithValues: scores.map { ($0["id"] as! String, ($0["score"] as! NSNumber).doubleValue) })
            #expect(got.count == nodes.count)
            for (i, id) in nodes.enumerated() {
                #expect(
                    abs((got[id] ?? .nan) - want[i]) <= tolerance,
                    "\(month) \(measure) \(id): \(got[id] ?? .nan) vs networkx \(want[i])")
            }
        }
    }
}

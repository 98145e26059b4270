import Foundation
import Testing

/// `orgnet generate` and the hidden `orgnet bench`, end to end.
@Suite struct GenerateCommandTests {
    @Test func sameSeedSameBytes() async throws {
        let a = try await CLI.run(["generate", "--nodes", "300", "--seed", "5"])
        let b = try await CLI.run(["generate", "--nodes", "300", "--seed", "5"])
        let c = try await CLI.run(["generate", "--nodes", "300", "--seed", "6"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(a.stdout.contains("digraph federation {"))
        #expect(a.stderr.isEmpty, "no progress on stderr when it is not a terminal")
    }

    @Test func formatsFollowTheExtension() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await CLI.run(["generate", "--nodes", "200", "-o", "f.graphml"], in: dir).status == 0)
        let graphml = try String(contentsOf: dir.appendingPathComponent("f.graphml"), encoding: .utf8)
        #expect(graphml.contains("<graphml"))
        #expect(try await CLI.run(["generate", "--nodes", "200", "-o", "f.dot"], in: dir).status == 0)
        let info = try await CLI.run(["info", "f.dot", "--format", "json"], in: dir)
        #expect(info.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: info.stdoutData) as? [String: Any])
        #expect(json["organizations"] as? Int == 200)
        #expect(try await CLI.run(["generate", "--nodes", "200", "-T", "yaml", "-o", "fed"], in: dir).status == 0)
        let months = try await CLI.run(["months", "--data", "fed"], in: dir)
        #expect(months.stdout == "1917-10\n")
        let central = try await CLI.run(
            ["centrality", "--data", "fed", "--measure", "betweenness", "--top", "1", "--format", "json"], in: dir)
        #expect(central.status == 0)
    }

    @Test func usageErrors() async throws {
        #expect(try await CLI.run(["generate", "--nodes", "0"]).status == 64)
        #expect(try await CLI.run(["generate", "--nodes", "10", "-T", "yaml"]).status == 64)
        #expect(try await CLI.run(["generate", "--nodes", "10", "-T", "png"]).status == 64)
    }

    @Test func benchPrintsTimings() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await CLI.run(["generate", "--nodes", "400", "-o", "f.dot"], in: dir).status == 0)
        let r = try await CLI.run(
            [
                "bench", "f.dot", "--measures",
                "load:2,betweenness,closeness,pagerank,components,sssp,betweenness-sampled", "--pivots", "50",
            ], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let times = try #require(json["times"] as? [String: [Double]])
        #expect(times["load"]?.count == 2)
        #expect(
            Set(times.keys) == [
                "load", "betweenness", "closeness", "pagerank", "components", "sssp", "betweenness-sampled",
            ])
        #expect(json["nodes"] as? Int == 400)
    }

    /// A benchmark graph over the default 20,000-node limit: `generate` and `bench` refuse it with the
    /// readers' message (and nothing written), and take the same `--max-nodes` as every reading command.
    @Test func benchAndGenerateTakeTheInputLimits() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try await CLI.run(["generate", "--nodes", "20500", "-o", "big.dot"], in: dir)
        #expect(refused.status == 64)
        #expect(
            refused.stderr.contains("20500 bodies; the limit is 20000 (--max-nodes raises it)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("big.dot").path))
        #expect(
            try await CLI.run(["generate", "--nodes", "20500", "--max-nodes", "20500", "-o", "big.dot"], in: dir).status
                == 0)
        let without = try await CLI.run(["bench", "big.dot", "--measures", "components"], in: dir)
        #expect(without.status == 65)
        #expect(without.stderr.contains("big.dot"), "\(without.stderr)")
        #expect(without.stderr.contains("the limit is 20000 (--max-nodes raises it)"), "\(without.stderr)")
        let with = try await CLI.run(["bench", "big.dot", "--measures", "components", "--max-nodes", "20500"], in: dir)
        #expect(with.status == 0, "\(with.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: with.stdoutData) as? [String: Any])
        #expect(json["nodes"] as? Int == 20500)
        #expect(try await CLI.run(["bench", "big.dot", "--max-nodes", "0"], in: dir).status == 64)
    }
}

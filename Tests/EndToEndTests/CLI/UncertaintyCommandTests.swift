import Foundation
import TestSupport
import Testing

/// End-to-end tests of influence under uncertainty: `centrality --samples` and `sensitivity`.
@Suite(.tags(.uncertainty)) struct UncertaintyCommandTests {
    func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], "\(r.stdout)\n\(r.stderr)")
    }

    @Test func sampledCentralityJSONShape() async throws {
        let args = [
            "centrality", "1917-10", "--measure", "betweenness", "--samples", "200", "--seed", "5", "--format", "json",
        ]
        let r = try await CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r)
        #expect(j["samples"] as? Int == 200 && j["seed"] as? Int == 5 && j["interval"] as? Double == 90)
        let scores = try #require(j["scores"] as? [[String: Any]])
        #expect(!scores.isEmpty)
        let plain = try json(
            try await CLI.run(["centrality", "1917-10", "--measure", "betweenness", "--format", "json"]))
        let plainScores = try #require(plain["scores"] as? [[String: Any]])
        for (s, p) in zip(scores, plainScores) {
            #expect(s["id"] as? String == p["id"] as? String, "same order as the point estimates")
            #expect(s["score"] as? Double == p["score"] as? Double, "score stays the recorded network's value")
            let low = try #require(s["low"] as? Double), high = try #require(s["high"] as? Double)
            let median = try #require(s["median"] as? Double)
            #expect(low <= median && median <= high)
            let rl = try #require(s["rankLow"] as? Int), rh = try #require(s["rankHigh"] as? Int)
            #expect(rl >= 1 && rl <= rh && rh <= scores.count)
        }
        // Same seed, byte-identical output; another seed, other samples.
        #expect(try await CLI.run(args).stdout == r.stdout)
        var other = args
        other[other.firstIndex(of: "5")!] = "6"
        #expect(try await CLI.run(other).stdout != r.stdout)
    }

    @Test func sampledCentralityRefusesBadSettings() async throws {
        for bad in [
            ["--samples", "0"], ["--samples", "10", "--interval", "100"], ["--samples", "10", "--presence", "low=2"],
            ["--samples", "10", "--presence", "high"],
            ["--samples", "10", "--without", "seeds"], ["--samples", "10", "--measure", "katz"],
        ] {
            let r = try await CLI.run(["centrality", "1917-10"] + bad)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
    }

    @Test func withoutAssumptionsChangesThePointEstimate() async throws {
        let base = ["centrality", "1917-10", "--measure", "pagerank", "--samples", "20", "--format", "json"]
        let all = try #require(try json(try await CLI.run(base))["scores"] as? [[String: Any]])
        let sure = try #require(
            try json(try await CLI.run(base + ["--without", "assumptions"]))["scores"] as? [[String: Any]])
        #expect(all.map { $0["score"] as? Double } != sure.map { $0["score"] as? Double })
    }

    @Test func sensitivityJSONShape() async throws {
        let r = try await CLI.run(["sensitivity", "1917-10", "--measure", "pagerank", "--top", "5", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r)
        #expect(j["measure"] as? String == "pagerank" && j["month"] as? String == "1917-10")
        let top = try #require(j["top"] as? [String])
        #expect(top.count == 5)
        let plain = try #require(
            try json(
                try await CLI.run([
                    "centrality", "1917-10", "--measure", "pagerank", "--top", "5",
                    "--format", "json",
                ]))["scores"] as? [[String: Any]])
        #expect(top == plain.compactMap { $0["id"] as? String })
        let elements = try #require(j["elements"] as? [[String: Any]])
        #expect(!elements.isEmpty)
        let effects = elements.compactMap { $0["effect"] as? Double }
        #expect(effects.count == elements.count && effects == effects.sorted(by: >))
        for e in elements {
            #expect(["organization", "tie"].contains(e["kind"] as? String))
            #expect(e["status"] as? String == "assumption" || e["confidence"] as? String == "low")
            #expect(e["changesTop"] is Bool && e["id"] is String)
        }
        let table = try await CLI.run(["sensitivity", "1917-10", "--measure", "pagerank", "--top", "5"])
        #expect(table.stdout.contains("tie ") && table.stdout.contains(" → "))
    }
}

import Foundation
import TestSupport
import Testing

/// End-to-end tests of `--samples` on `power`, `represent` and `diff`, and of users' own
/// networks without confidence (certain: sampling changes nothing).
@Suite(.tags(.uncertainty)) struct SampledAnswersCommandTests {
    func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], "\(r.stdout)\n\(r.stderr)")
    }

    /// Runs twice: same bytes (determinism per seed), exit 0.
    func twice(_ args: [String]) async throws -> CLI.Result {
        let a = try await CLI.run(args), b = try await CLI.run(args)
        #expect(a.status == 0, "\(args): \(a.stderr)")
        #expect(a.stdout == b.stdout, "\(args): two runs with one seed differ")
        return a
    }

    @Test func sampledPowerJSONShape() async throws {
        let args = ["power", "ps-ec", "--month", "1917-09", "--samples", "300", "--seed", "4", "--format", "json"]
        let j = try json(try await twice(args))
        #expect(j["samples"] as? Int == 300 && j["seed"] as? Int == 4 && j["interval"] as? Double == 90)
        #expect(j["samplesWithUnknownSeats"] as? Int == 0)
        let plain = try json(try await CLI.run(["power", "ps-ec", "--month", "1917-09", "--format", "json"]))
        #expect(plain["samples"] == nil)
        let rows = try #require(j["parties"] as? [[String: Any]]),
            plainRows = try #require(plain["parties"] as? [[String: Any]])
        #expect(rows.count == plainRows.count && !rows.isEmpty)
        #expect(plainRows.allSatisfy { $0["banzhafLow"] == nil }, "the sampled keys appear only with --samples")
        for (r, p) in zip(rows, plainRows) {
            #expect(r["party"] as? String == p["party"] as? String)
            #expect(
                r["banzhaf"] as? Double == p["banzhaf"] as? Double,
                "the point estimate stays the recorded composition's")
            for index in ["banzhaf", "shapleyShubik"] {
                let low = try #require(r[index + "Low"] as? Double), high = try #require(r[index + "High"] as? Double)
                let median = try #require(r[index + "Median"] as? Double)
                #expect(0 <= low && low <= median && median <= high && high <= 1)
            }
            let rl = try #require(r["rankLow"] as? Int), rh = try #require(r["rankHigh"] as? Int)
            #expect(1 <= rl && rl <= rh)
        }
    }

    @Test func sampledPowerOverUnknownSeatsGivesRangesNotPoints() async throws {
        // The Second Congress's recorded composition names only the Bolsheviks: 250 seats unknown.
        let j = try json(
            try await twice(["power", "second congress", "--month", "1917-10", "--samples", "100", "--format", "json"]))
        #expect(j["samplesWithUnknownSeats"] as? Int == 100)
        let rows = try #require(j["parties"] as? [[String: Any]])
        for r in rows {
            #expect(r["banzhafMedian"] is NSNull && r["rankLow"] is NSNull && r["banzhaf"] is NSNull, "\(r)")
            #expect(r["banzhafLow"] is Double && r["banzhafHigh"] is Double)
        }
    }

    @Test func sampledRepresentJSONShape() async throws {
        let args = [
            "represent", "1917-10", "--council", "petrograd-soviet", "--samples", "200", "--seed", "3", "--format",
            "json",
        ]
        let j = try json(try await twice(args))
        #expect(j["samples"] as? Int == 200 && j["seed"] as? Int == 3)
        let bias = try #require((j["bias"] as? [[String: Any]])?.first)
        let plain = try #require(
            (try json(
                try await CLI.run(["represent", "1917-10", "--council", "petrograd-soviet", "--format", "json"]))[
                    "bias"]
                as? [[String: Any]])?.first)
        #expect(plain["loosemoreHanbyLow"] == nil && plain["samplesCounted"] == nil)
        #expect(bias["loosemoreHanby"] as? Double == plain["loosemoreHanby"] as? Double)
        #expect(bias["samplesCounted"] as? Int == 200)
        for index in ["loosemoreHanby", "gallagher"] {
            let low = try #require(bias[index + "Low"] as? Double), high = try #require(bias[index + "High"] as? Double)
            let median = try #require(bias[index + "Median"] as? Double)
            #expect(0 <= low && low <= median && median <= high && high <= 1)
        }
        // The big plants' disputed headcount moves the index: the interval is not a point.
        #expect((bias["loosemoreHanbyLow"] as? Double)! < (bias["loosemoreHanbyHigh"] as? Double)!)
    }

    @Test func sampledDiffJSONShape() async throws {
        let args = ["diff", "1917-06", "1917-10", "--samples", "100", "--seed", "2", "--format", "json"]
        let j = try json(try await twice(args))
        #expect(j["samples"] as? Int == 100 && j["interval"] as? Double == 90)
        let shifts = try #require(j["shifts"] as? [[String: Any]])
        let plain = try #require(
            try json(try await CLI.run(["diff", "1917-06", "1917-10", "--format", "json"]))["shifts"]
                as? [[String: Any]])
        #expect(plain.allSatisfy { $0["low"] == nil })
        #expect(shifts.map { $0["id"] as? String } == plain.map { $0["id"] as? String }, "same shifts, same order")
        for (s, p) in zip(shifts, plain) {
            #expect(s["delta"] as? Double == p["delta"] as? Double)
            let low = try #require(s["low"] as? Double), high = try #require(s["high"] as? Double)
            let median = try #require(s["median"] as? Double)
            #expect(low <= median && median <= high)
        }
        #expect(shifts.contains { ($0["low"] as! Double) < ($0["high"] as! Double) }, "October rests on uncertain ties")
    }

    @Test func sampledFlagsAreCentralitysAndChecked() async throws {
        for command in [
            ["power", "ps-ec", "--month", "1917-09"], ["represent", "1917-10"], ["diff", "1917-06", "1917-10"],
        ] {
            let r = try await CLI.run(command + ["--samples", "0"])
            #expect(r.status == 64, "\(command): \(r.stderr)")
            let help = try await CLI.run([command[0], "--help"])
            for flag in ["--samples", "--seed", "--interval", "--presence", "--without"] {
                #expect(help.stdout.contains(flag), "\(command[0]) --help lacks \(flag)")
            }
        }
    }

    /// Zachary's karate club, first ties (as an edge list with no confidence): a user's own
    /// network is certain, so every sampled interval collapses onto the recorded score.
    @Test(arguments: ["net.csv", "net.gml", "net.dot"])
    func ownNetworkWithoutConfidenceIsCertain(_ name: String) async throws {
        let edges = [
            (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (1, 11), (1, 12), (1, 13), (1, 14),
            (2, 3), (2, 4), (2, 8), (2, 14), (3, 4), (3, 8), (3, 9), (3, 10), (3, 14), (4, 8), (4, 13), (4, 14),
            (5, 7), (5, 11), (6, 7), (6, 11), (6, 17), (7, 17), (9, 31), (9, 33), (9, 34), (10, 34), (14, 34),
        ]
        let text: String
        switch name {
        case "net.csv": text = "Source,Target\n" + edges.map { "\($0.0),\($0.1)\n" }.joined()
        case "net.gml":
            let ids = Set(edges.flatMap { [$0.0, $0.1] }).sorted()
            text =
                "graph [\n" + ids.map { "  node [ id \($0) ]\n" }.joined()
                + edges.map { "  edge [ source \($0.0) target \($0.1) ]\n" }.joined() + "]\n"
        default: text = "graph {\n" + edges.map { "  \"\($0.0)\" -- \"\($0.1)\";\n" }.joined() + "}\n"
        }
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let r = try await CLI.run([
            "centrality", path, "--measure", "betweenness", "--samples", "50", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let scores = try #require(try json(r)["scores"] as? [[String: Any]])
        #expect(scores.count == 18)
        for s in scores {
            let score = try #require(s["score"] as? Double)
            #expect(
                s["low"] as? Double == score && s["high"] as? Double == score && s["median"] as? Double == score, "\(s)"
            )
        }
        #expect(scores.contains { ($0["score"] as? Double ?? 0) > 0 })
        // The same file saying one tie is of low confidence is no longer certain.
        if name == "net.dot" {
            let stated = text.replacingOccurrences(of: "\"1\" -- \"2\";", with: "\"1\" -- \"2\" [confidence=low];")
                .replacingOccurrences(of: "\"1\" -- \"3\";", with: "\"1\" -- \"3\" [confidence=low];")
            let p2 = folder.appendingPathComponent("stated.dot").path
            try Data(stated.utf8).write(to: URL(fileURLWithPath: p2))
            let s2 = try #require(
                try json(
                    try await CLI.run([
                        "centrality", p2, "--measure", "betweenness", "--samples", "200",
                        "--format", "json",
                    ]))["scores"] as? [[String: Any]])
            #expect(s2.contains { ($0["low"] as! Double) < ($0["high"] as! Double) })
        }
    }
}

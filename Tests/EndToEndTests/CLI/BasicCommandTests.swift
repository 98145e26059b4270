import Foundation
import Testing

@Suite struct BasicCommandTests {
    @Test func monthsListsOnePerLine() async throws {
        let r = try await CLI.run(["months", "--data", CLI.sample])
        #expect(r.status == 0)
        #expect(r.stdout == "1917-02\n1917-03\n1917-04\n")
    }

    @Test func monthsAsJSON() async throws {
        let r = try await CLI.run(["months", "--data", CLI.sample, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        #expect(json?["months"] as? [String] == ["1917-02", "1917-03", "1917-04"])
        #expect(json?["dataset"] as? String == "sample")
    }

    @Test func infoCountsKindsAndRoles() async throws {
        let r = try await CLI.run(["info", "1917-02", "--data", CLI.sample, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["organizations"] as? Int == 3)
        #expect(json["snapshot"] as? String == "1917-02")
        let roles = try #require(json["roles"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: roles.map { ($0["name"] as! String, $0["count"] as! Int) })
        #expect(counts == ["delegation": 3, "authority": 1])
    }

    @Test func infoTableIsReadable() async throws {
        let r = try await CLI.run(["info", "--data", CLI.sample])
        #expect(r.status == 0)
        #expect(r.stdout.contains("April 1917"))
        #expect(r.stdout.contains("7 organizations, 8 ties"))
    }

    @Test func showGivesJSONWithSourcesAndTies() async throws {
        let r = try await CLI.run(["show", "works-a", "--month", "1917-04", "--data", CLI.sample, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["id"] as? String == "works-a")
        #expect(json["kind"] as? String == "factory")
        #expect(
            (json["sources"] as? [[String: Any]])?.first?["title"] as? String == "Notes invented for the test suite")
        let ties = try #require(json["ties"] as? [[String: Any]])
        #expect(ties.count == 2)
        let obs = try #require(json["observations"] as? [[String: Any]])
        // Works A's own observation (its deputies are recorded on its tie to the city soviet).
        let workers = try #require(obs.first { $0["quantity"] as? String == "workers" })
        #expect(workers["value"] as? Double == 3000)
    }

    @Test func unknownMonthIsUsageErrorListingMonths() async throws {
        let r = try await CLI.run(["info", "1917-09", "--data", CLI.sample])
        #expect(r.status == 64)
        #expect(r.stderr.contains("1917-02 1917-03 1917-04"))
        #expect(r.stdout.isEmpty)
    }

    @Test func ambiguousOrganizationListsCandidates() async throws {
        let r = try await CLI.run(["show", "works", "--data", CLI.sample])
        #expect(r.status == 64)
        #expect(r.stderr.contains("works-a-fc"))
    }

    @Test func missingFileIsExit66() async throws {
        let r = try await CLI.run(["info", "/no/such/graph.dot"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/no/such/graph.dot"))
    }

    @Test func badDatasetIsExit65WithFileAndLine() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try
            "id: x\nmonths: [1917-02]\norganizations:\n  - {id: a, name: A, kind: nope, status: seed, confidence: high}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try await CLI.run(["info", "--data", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.yaml:4:"))
        #expect(r.stderr.contains("unknown kind 'nope'"))
    }

    @Test func helpTeachesWithExamples() async throws {
        let r = try await CLI.run(["help", "show"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("orgnet show putilov-works --month 1917-10"))
    }
}

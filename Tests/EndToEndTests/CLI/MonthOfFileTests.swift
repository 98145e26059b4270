import Foundation
import Testing

/// `--month` on a FILE argument: a dynamic file's snapshot (dates or numeric time), and a clear
/// refusal for a static file; `orgnet months FILE` lists the slices.
@Suite struct MonthOfFileTests {
    static func example(_ name: String) -> String {
        CLI.repositoryRoot.appendingPathComponent("docs/examples/\(name)").path
    }

    @Test func monthsListsTheTimesOfANumericGEXF() async throws {
        let r = try await CLI.run(["months", Self.example("rounds.gexf")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "1\n1.5\n2\n2.5\n3\n")
        let json = try await CLI.run(["months", "--data", Self.example("rounds.gexf"), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["calendar"] as? String == "numeric")
        #expect(object["months"] as? [String] == ["1", "1.5", "2", "2.5", "3"])
    }

    /// At time 2 the file has nodes a, b, d, e and edges a-b, a-d, e-d (intervals include both ends).
    @Test func monthPicksATimeOfTheFile() async throws {
        let r = try await CLI.run(["info", Self.example("rounds.gexf"), "--month", "2", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(object["organizations"] as? Int == 4 && object["ties"] as? Int == 3)
        #expect(object["snapshot"] as? String == "2")
        let c = try await CLI.run([
            "centrality", Self.example("rounds.gexf"), "--month", "3", "--measure", "degree", "--format", "json",
        ])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("\"month\" : \"3\"") || c.stdout.contains("\"month\":\"3\""))
    }

    @Test func aTimeTheFileDoesNotNameIsAUsageErrorListingTheTimes() async throws {
        let r = try await CLI.run(["info", Self.example("rounds.gexf"), "--month", "2.2"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("1 1.5 2 2.5 3"))
    }

    @Test func monthPicksAMonthOfADatedGEXF() async throws {
        let r = try await CLI.run(["info", Self.example("letters.gexf"), "--month", "1848-02", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(object["organizations"] as? Int == 3) // dmitri and elena start in March
    }

    @Test func monthOnAStaticFileIsRefused() async throws {
        let r = try await CLI.run(["centrality", Self.example("letters.graphml"), "--month", "1848-02"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("static network"))
    }
}

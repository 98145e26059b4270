import Foundation
import TestSupport
import Testing

/// `orgnet export` then `orgnet import` gives back the same months and the same network, through
/// the command line (the models themselves are compared in OrgNetIOTests, ModelRoundTripTests).
@Suite(.tags(.roundTrip)) struct ExportImportRoundTripTests {
    /// (export arguments, file name)
    static let cases: [([String], String)] = [
        (["--all", "-T", "gexf"], "p.gexf"),
        (["--all", "-T", "json"], "p.json"),
        (["--all", "-T", "csv"], "tables"),
    ]

    @Test(arguments: 0..<cases.count)
    func theSameMonthsAndNetworkComeBack(_ index: Int) async throws {
        let (args, name) = Self.cases[index]
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = folder.appendingPathComponent(name).path
        let dataset = folder.appendingPathComponent("dataset").path
        let export = try await CLI.run(["export"] + args + ["-o", exported])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try await CLI.run(["import", exported, "-o", dataset])
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try await CLI.run(["months"]), back = try await CLI.run(["months", "--data", dataset])
        #expect(back.stdout == original.stdout, "\(back.stderr)")
        #expect(original.stdout.split(separator: "\n").count == 13)
        for month in ["1917-02", "1917-10", "1922-01"] {
            let a = try await CLI.run(["diff", month, "\(month)", "--format", "json"])
            let b = try await CLI.run(["info", month, "--data", dataset, "--format", "json"])
            let c = try await CLI.run(["info", month, "--format", "json"])
            #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
            #expect(
                b.stdout.replacingOccurrences(of: "\"dataset\"", with: "")
                    == c.stdout.replacingOccurrences(of: "\"dataset\"", with: ""),
                "\(name) \(month): the imported month differs")
        }
    }

    /// A one-month GraphML or node-link JSON export carries the observations in effect that month (also those
    /// counted earlier and carried forward), so `export → import → diff` against the original
    /// month is empty: no organization, tie or observation added, removed or changed.
    @Test(arguments: ["1917-02", "1917-10"], ["graphml", "json"])
    func aMonthComesBackWithoutDifferences(_ month: String, _ format: String) async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = folder.appendingPathComponent("m.\(format)").path
        let dataset = folder.appendingPathComponent("dataset").path
        let export = try await CLI.run(["export", month, "-T", format, "-o", exported])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try await CLI.run(["import", exported, "-o", dataset])
        #expect(imported.status == 0, "\(imported.stderr)")
        let diff = try await CLI.run(["diff", month, dataset, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changed = try #require(json["changed"] as? [Any])
        #expect(changed.isEmpty, "\(month): \(changed.count) changed after the round trip: \(diff.stdout.prefix(600))")
        for side in ["added", "removed"] {
            let lists = try #require(json[side] as? [String: [Any]])
            #expect(lists.values.allSatisfy { $0.isEmpty }, "\(month): \(side) \(lists)")
        }
    }
}

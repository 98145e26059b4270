import Foundation
import Testing

/// The command-line conventions of issue 14: flags as Graphviz users type them, formats from
/// the -o extension, `-` for standard input and output, status lines on standard error, finding
/// organizations and commands by approximate names, and overwrites only when asked.
@Suite struct ConventionTests {
    static let examples = CLI.repositoryRoot.appendingPathComponent("docs/examples")

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func joinedDashTIsTheSameAsSeparate() async throws {
        let joined = try await CLI.run(["render", "--data", CLI.sample, "-Tpng", "-o", "-"])
        let separate = try await CLI.run(["render", "--data", CLI.sample, "-T", "png", "-o", "-"])
        let long = try await CLI.run(["render", "--data", CLI.sample, "--to", "png", "-o", "-"])
        #expect(joined.status == 0, "\(joined.stderr)")
        // PNG signature: 0x89 'P' 'N' 'G'.
        #expect(Array(joined.stdoutData.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(joined.stdoutData == separate.stdoutData)
        #expect(joined.stdoutData == long.stdoutData)
        let export = try await CLI.run(["export", "1917-04", "-Tgraphml", "--data", CLI.sample])
        #expect(export.status == 0)
        #expect(export.stdout.contains("<graphml"))
    }

    @Test func formatFollowsTheOutputExtension() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [([String], String, String)] = [
            (["render", "--data", CLI.sample, "-o", "m.pdf"], "m.pdf", "%PDF"),
            (["render", "--data", CLI.sample, "-o", "m.gv"], "m.gv", "digraph"),
            (["export", "1917-04", "--data", CLI.sample, "-o", "m.gexf"], "m.gexf", "<gexf"),
            (["export", "1917-04", "--data", CLI.sample, "-o", "m.json"], "m.json", "\"nodes\""),
            (["export", "1917-04", "--data", CLI.sample, "-o", "edges.csv"], "edges.csv", "Source,Target,"),
            (["compare", "1917-02", "1917-04", "--data", CLI.sample, "-o", "c.svg"], "c.svg", "<svg"),
            (
                ["trend", "--metric", "degree", "--org", "works-a", "--data", CLI.sample, "-o", "t.csv"], "t.csv",
                "month"
            ),
            (
                ["trend", "--metric", "degree", "--org", "works-a", "--data", CLI.sample, "-o", "t.svg"], "t.svg",
                "<svg"
            ),
            (["generate", "--nodes", "5", "-o", "g.graphml"], "g.graphml", "<graphml"),
        ]
        for (args, file, marker) in runs {
            let r = try await CLI.run(args, in: dir)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect(String(decoding: data, as: UTF8.self).contains(marker), "\(args) wrote no \(marker)")
        }
    }

    @Test func edgeListHasOneRowPerTie() async throws {
        let r = try await CLI.run(["export", "1917-04", "-T", "edgelist", "--data", CLI.sample])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("Source,Target,Id,Role") == true)
        // The sample's April 1917 has 8 ties (Graphs/sample/ties.yaml: all but none end before April).
        #expect(lines.count == 1 + 8)
        #expect(lines.contains { $0.hasPrefix("works-a,city-soviet,") })
    }

    @Test func unknownExtensionIsRefusedAndNothingIsWritten() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [[String]] = [
            ["render", "--data", CLI.sample, "-o", "x.jpg"],
            ["export", "1917-04", "--data", CLI.sample, "-o", "x.jpg"],
            ["compare", "1917-02", "1917-04", "--data", CLI.sample, "-o", "x.png"],
            ["trend", "--metric", "degree", "--org", "works-a", "--data", CLI.sample, "-o", "x.jpg"],
            ["generate", "--nodes", "5", "-o", "x.svg"],
            ["render", "--data", CLI.sample, "-T", "jpg", "-o", "x.svg"],
        ]
        for args in runs {
            let r = try await CLI.run(args, in: dir)
            #expect(r.status == 64, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("orgnet: "), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("formats: "), "\(args) lists the formats: \(r.stderr)")
        }
        #expect(CLI.contents(of: dir).isEmpty, "nothing written under a wrong name")
    }

    @Test func dashReadsStandardInput() async throws {
        let dot = try Data(contentsOf: Self.examples.appendingPathComponent("graph.dot"))
        let fromFile = try await CLI.run([
            "info", Self.examples.appendingPathComponent("graph.dot").path, "--format", "json",
        ])
        let piped = try await CLI.run(["info", "-", "--from", "dot", "--format", "json"], stdin: dot)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("\"organizations\" : 5"))
        #expect(fromFile.stdout.contains("\"organizations\" : 5"))
        let yaml = try Data(contentsOf: Self.examples.appendingPathComponent("tiny.yaml"))
        let data = try await CLI.run(["months", "--data", "-", "--from", "yaml"], stdin: yaml)
        #expect(data.status == 0, "\(data.stderr)")
        #expect(data.stdout == "1917-09\n1917-10\n")
        let svg = try await CLI.run(["render", "-", "--from", "dot", "-o", "-"], stdin: dot)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
        let unnamed = try await CLI.run(["info", "-"], stdin: dot)
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr.contains("--from"))
    }

    @Test func orgsListsIdsNamesKindsAndLifetimes() async throws {
        let r = try await CLI.run(["orgs", "--data", CLI.sample, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        struct Row: Decodable {
            let id: String; let name: String; let kind: String; let since: String?; let until: String?
        }
        let rows = try JSONDecoder().decode([Row].self, from: r.stdoutData)
        #expect(rows.count == 7, "the sample holds 7 organizations")
        let fc = try #require(rows.first { $0.id == "works-a-fc" })
        #expect(fc.name == "Works A factory committee" && fc.kind == "factory_committee" && fc.since == "1917-03")
        let feb = try await CLI.run(["orgs", "1917-02", "--kind", "factory", "--data", CLI.sample, "--format", "csv"])
        #expect(feb.status == 0)
        #expect(
            feb.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) } == ["works-a"],
            "works-b exists only from 1917-03")
        let bad = try await CLI.run(["orgs", "--kind", "bakery", "--data", CLI.sample])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("factory_committee"))
    }

    @Test func unknownOrganizationPointsToOrgsWithFoldedSuggestions() async throws {
        let kron = try await CLI.run(["show", "kronshtadt"])
        #expect(kron.status == 64)
        #expect(kron.stderr.contains("kronstadt-soviet"))
        #expect(kron.stderr.contains("orgnet orgs"))
        let putilof = try await CLI.run(["show", "putilof", "--format", "json"])
        #expect(putilof.status == 0, "\(putilof.stderr)")
        #expect(putilof.stdout.contains("putilov-works"))
    }

    @Test func secondCongressIsTheCongressItself() async throws {
        let r = try await CLI.run(["path", "putilov", "second congress", "--month", "1917-10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"congress-2\""))
    }

    @Test func mistypedCommandGetsASuggestion() async throws {
        let r = try await CLI.run(["rendr", "1917-10"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean 'render'"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func completionsOfferMonthsAndOrganizationIds() async throws {
        // What the generated scripts call: `orgnet ---completion CMD -- ARG WORD-INDEX CURSOR PREFIX`.
        let orgs = try await CLI.run(["---completion", "show", "--", "positional@0", "1", "4", "kron"])
        #expect(orgs.status == 0)
        #expect(orgs.stdout.split(separator: "\n").contains("kronstadt-soviet"), "\(orgs.stdout)")
        let months = try await CLI.run(["---completion", "info", "--", "positional@0", "1", "6", "1917-1"])
        #expect(months.stdout.split(separator: "\n").map(String.init) == ["1917-10", "1917-11"], "\(months.stdout)")
        let bash = try await CLI.run(["--generate-completion-script", "bash"])
        #expect(
            bash.stdout.contains("sfdp") && bash.stdout.contains("edgelist"), "layouts and -T formats complete by value"
        )
    }

    @Test func misspeltMonthIsAUsageErrorListingTheMonths() async throws {
        let r = try await CLI.run(["info", "1917-1"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("1917-10") && r.stderr.contains("1917-02"))
    }

    @Test func importRefusesToReplaceADatasetWithoutForce() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await CLI.run(["export", "1917-04", "--data", CLI.sample, "-o", "s.graphml"], in: dir).status == 0)
        let first = try await CLI.run(["import", "s.graphml", "-o", "ds"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.contains("wrote ds"))
        let marker = dir.appendingPathComponent("ds/marker.txt")
        try Data("mine".utf8).write(to: marker)
        let again = try await CLI.run(["import", "s.graphml", "-o", "ds"], in: dir)
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(FileManager.default.fileExists(atPath: marker.path), "the existing dataset is untouched")
        let forced = try await CLI.run(["import", "s.graphml", "-o", "ds", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "replaced")
        let graphml = try Data(contentsOf: dir.appendingPathComponent("s.graphml"))
        let piped = try await CLI.run(["import", "-", "--from", "graphml", "-o", "piped"], in: dir, stdin: graphml)
        #expect(piped.status == 0, "\(piped.stderr)")
        let deprecated = try await CLI.run(["import", "s.graphml", "-T", "graphml", "-o", "old"], in: dir)
        #expect(deprecated.status == 0)
        #expect(deprecated.stderr.contains("deprecated"))
    }

    @Test func pluralsAndOneLineTableRows() async throws {
        let r = try await CLI.run(["orgs", "--data", CLI.sample])
        #expect(r.stderr.contains("7 organizations in sample"))
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("digraph { a [label=\"two\nlines\"]; a -> b; }".utf8).write(to: dir.appendingPathComponent("nl.dot"))
        let t = try await CLI.run(["orgs", "nl.dot"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        // Header, rule, and one line per node: a name with a line break stays on its row.
        #expect(t.stdout.split(separator: "\n").count == 4, "\(t.stdout)")
        let one = try await CLI.run(["orgs", "1917-02", "--kind", "factory", "--data", CLI.sample])
        #expect(one.stderr.contains("1 organization in sample"))
    }
}

import Foundation
import TestSupport
import Testing

/// Every `orgnet` line of the README's "Your own network" block runs (exit 0) on the files of
/// docs/examples/, in a scratch folder (paths rewritten to the repository's).
@Suite(.tags(.docs)) struct OwnNetworkExamplesTests {
    static func exampleLines() throws -> [String] {
        let readme = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Your own network").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        }.filter { $0.hasPrefix("orgnet ") }
    }

    @Test func theSectionHasOneExamplePerFormat() throws {
        let lines = try Self.exampleLines().joined(separator: "\n")
        for ext in [".gml", ".graphml", ".gexf", ".json", ".csv", ".dot"] {
            #expect(
                lines.contains("docs/examples/letters\(ext)") || lines.contains("docs/examples/latin1\(ext)"),
                "no \(ext) example")
        }
    }

    @Test func everyExampleRuns() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = CLI.repositoryRoot.appendingPathComponent("docs/examples").path + "/"
        for line in try Self.exampleLines() {
            let args = line.split(separator: " ").dropFirst().map {
                $0.replacingOccurrences(of: "docs/examples/", with: examples)
            }
            let r = try await CLI.run(args, in: folder)
            #expect(r.status == 0, "\(line): \(r.stderr)")
        }
        // The Latin-1 file was drawn with its accents as Graphviz reads them.
        let svg = (try? String(contentsOf: folder.appendingPathComponent("latin1.svg"), encoding: .utf8)) ?? ""
        #expect(svg.contains("Zürich") && svg.contains("Köln"))
    }
}

import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts `<g>` elements whose class list includes a given class, with a real XML parser.
final class SVGGroups: NSObject, XMLParserDelegate {
    var classes: [[String]] = []
    var ids: [String] = []
    var titles = 0
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "g" {
            classes.append((attributes["class"] ?? "").split(separator: " ").map(String.init))
            ids.append(attributes["id"] ?? "")
        }
    }
    static func parse(_ data: Data) -> SVGGroups? {
        let delegate = SVGGroups()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() ? delegate : nil
    }
    func count(_ cls: String) -> Int { classes.filter { $0.contains(cls) }.count }
}

@Suite struct RenderCommandTests {
    @Test func rendersSampleToValidSVGWithOneNodeGroupPerOrganization() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["render", "--data", CLI.sample], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote sample-1917-04.svg"), "status lines go to standard error")
        #expect(r.stdout.isEmpty, "standard output carries only data")
        let svg = try Data(contentsOf: dir.appendingPathComponent("sample-1917-04.svg"))
        let groups = try #require(SVGGroups.parse(svg), "the SVG does not parse as XML")
        // 7 organizations in April; the legend is a node too but carries class `legend`, not `org`.
        #expect(groups.count("org") == 7)
        #expect(groups.count("node") == 7, "one node group per organization, nothing else")
        #expect(groups.count("tie") == 8)
        #expect(groups.ids.contains("org-works-a"))
        #expect(groups.count("district") == 2)
    }

    @Test func everyNodeAndEdgeHasATooltipWithItsSource() async throws {
        let r = try await CLI.run(["render", "1917-03", "--data", CLI.sample, "-o", "-"])
        #expect(r.status == 0)
        // Graphviz writes tooltips as xlink:title on the element's anchor.
        let titles = r.stdout.components(separatedBy: "xlink:title=\"").dropFirst()
        let sourced = titles.filter { $0.contains("Source: Notes invented for the test suite") }
        #expect(sourced.count >= 6 + 7, "expected a sourced tooltip per organization and tie")
    }

    @Test(arguments: [("png", [0x89, 0x50, 0x4e, 0x47]), ("pdf", [0x25, 0x50, 0x44, 0x46])])
    func formatFollowsTheExtension(_ ext: String, _ magic: [UInt8]) async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "out.\(ext)"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: dir.appendingPathComponent("out.\(ext)"))
        #expect(Array(bytes.prefix(4)) == magic)
    }

    @Test func dotWithPositionsAndPlainDot() async throws {
        let positioned = try await CLI.run(["render", "--data", CLI.sample, "-T", "dot", "-o", "-"])
        #expect(positioned.stdout.contains("pos=\""))
        let plain = try await CLI.run(["render", "--data", CLI.sample, "-T", "canon", "-o", "-"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("pos=\"") && plain.stdout.contains("works-a"))
        let json = try await CLI.run(["render", "--data", CLI.sample, "-T", "json", "-o", "-"])
        #expect((try? JSONSerialization.jsonObject(with: json.stdoutData)) != nil)
    }

    @Test func rendersADOTFileAsWritten() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "digraph G { a -> b -> c; a [shape=box, color=red]; }".write(
            to: dir.appendingPathComponent("g.dot"), atomically: true, encoding: .utf8)
        let r = try await CLI.run(["render", "g.dot", "--layout", "neato"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let groups = try #require(SVGGroups.parse(try Data(contentsOf: dir.appendingPathComponent("g.svg"))))
        #expect(groups.count("node") == 3)
    }

    @Test func badDOTIsExit65WithLineAndNoOutput() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "digraph G {\n  a -> b;\n  b -> ;\n}\n".write(
            to: dir.appendingPathComponent("bad.dot"), atomically: true, encoding: .utf8)
        let r = try await CLI.run(["render", "bad.dot", "-o", "out.svg"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.dot:3"))
        #expect(!r.stderr.contains("Error:"), "raw Graphviz noise leaked: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.dot"])
    }

    @Test func twoGraphsInOneFileAreRefused() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "digraph A { a -> b }\ndigraph B { c -> d }\n".write(
            to: dir.appendingPathComponent("two.dot"), atomically: true, encoding: .utf8)
        let r = try await CLI.run(["render", "two.dot"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("two.dot"))
    }

    @Test func unwritableOutputIsExit73() async throws {
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "/nonexistent-folder/x.svg"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("/nonexistent-folder/x.svg"))
    }

    @Test func unknownFormatAndLayoutAreUsageErrors() async throws {
        let f = try await CLI.run(["render", "--data", CLI.sample, "-T", "gif", "-o", "-"])
        #expect(f.status == 64)
        #expect(f.stderr.contains("svg, png, pdf"))
        let l = try await CLI.run(["render", "--data", CLI.sample, "--layout", "spring", "-o", "-"])
        #expect(l.status == 64)
    }
}

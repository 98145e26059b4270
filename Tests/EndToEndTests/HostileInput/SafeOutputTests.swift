import Foundation
import TestSupport
import Testing

/// Names, labels and attributes from data never put active content into SVG or HTML. Each test
/// pushes hostile strings through a command and checks every output file with ``SafeOutput``
/// (an XML parser walking all elements and attributes). To cover a new command (compare,
/// gallery, report), add its arguments to ``SafeOutputTests/commands``.
@Suite("Safe output", .tags(.hostileInput))
struct SafeOutputTests {
    static let hostileYAML = Orgnet.corpus.appendingPathComponent("yaml-script-in-names.yaml").path
    static let hostileDOT = Orgnet.corpus.appendingPathComponent("dot-script-in-labels.dot").path
    static let linksDOT = Orgnet.corpus.appendingPathComponent("dot-links-and-urls.dot").path

    /// Command lines writing into `out/`, each with the output files it must produce.
    static let commands: [(args: [String], outputs: [String])] = [
        (["render", hostileYAML, "-o", "out/yaml.svg"], ["yaml.svg"]),
        (["render", hostileDOT, "-o", "out/dot.svg"], ["dot.svg"]),
        (["render", linksDOT, "-o", "out/links.svg"], ["links.svg"]),
        (["render", hostileDOT, linksDOT, "-o", "out"], ["dot-script-in-labels.svg", "dot-links-and-urls.svg"]),
        (["render", hostileDOT, "-T", "json", "-o", "out/dot.json"], ["dot.json"]),
        (["export", hostileYAML, "-T", "graphml", "-o", "out/yaml.graphml"], ["yaml.graphml"]),
        (["export", hostileYAML, "-T", "gexf", "-o", "out/yaml.gexf"], ["yaml.gexf"]),
        (["export", hostileDOT, "-T", "graphml", "-o", "out/dot.graphml"], ["dot.graphml"]),
        (["compare", "1917-02", "1917-02", "--data", hostileYAML, "-o", "out/compare.svg"], ["compare.svg"]),
        (["gallery", "--data", hostileYAML, "-o", "out"], ["1917-02.svg", "filmstrip.svg", "index.html"]),
        (
            ["trend", "--metric", "seats", "--org", "works", "--data", hostileYAML, "-o", "out/trend.svg"],
            ["trend.svg"]
        ),
        (["report", "--data", hostileYAML, "-o", "out"], ["charts", "index.html", "svg"]),
    ]

    @Test(arguments: 0..<commands.count)
    func hostileStringsComeOutInert(_ index: Int) async throws {
        let (args, outputs) = Self.commands[index]
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let r = try await Orgnet.run(args, in: dir)
        expectContained(r, args.joined(separator: " "))
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(Orgnet.contents(of: dir.appendingPathComponent("out")) == outputs.sorted())
        // Folders (the report's svg/ and charts/) are checked file by file.
        let out = dir.appendingPathComponent("out")
        let files = outputs.flatMap { name -> [String] in
            var isDir: ObjCBool = false
            let path = out.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                return [name]
            }
            return Orgnet.contents(of: out.appendingPathComponent(name)).map { name + "/" + $0 }
        }
        #expect(files.count >= outputs.count)
        for name in files {
            let url = out.appendingPathComponent(name)
            let findings = try SafeOutput.check(fileAt: url)
            let text = try String(contentsOf: url, encoding: .utf8)
            if args[0] == "report" && name == "index.html" {
                // The report's own two scripts (its data as JSON, its slider code) and nothing the
                // data brought: the page holds exactly two <script elements and no raw markup of
                // the hostile strings.
                #expect(findings.map(\.description) == ["<script> element", "<script> element"], "\(findings)")
                #expect(text.components(separatedBy: "<script").count - 1 == 2)
                #expect(text.contains("<script type=\"application/json\" id=\"orgnet-data\">"))
                #expect(!text.contains("<img src=x") && !text.contains("</text><script>"))
            } else {
                #expect(findings.isEmpty, "\(name): \(findings)")
                if !name.hasSuffix(".json") { #expect(!text.contains("<script"), "\(name): an unescaped <script") }
            }
            #expect(!text.localizedCaseInsensitiveContains("xlink:href=\"javascript"), "\(name)")
            #expect(
                !text.contains("evil.css") && !text.contains("/etc/passwd"), "\(name): an external resource survived")
        }
    }

    @Test func userLinksAreDroppedFromSVG() async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Orgnet.run(["render", Self.linksDOT, "-o", "links.svg"], in: dir)
        #expect(r.status == 0)
        let svg = try String(contentsOf: dir.appendingPathComponent("links.svg"), encoding: .utf8)
        #expect(!svg.contains("xlink:href"), "no user link reaches the SVG")
        #expect(!svg.contains("<image"), "no user image reaches the SVG")
        #expect(!svg.contains("xml-stylesheet"))
    }

    @Test func theCheckerIsNotVacuous() {
        let bad = """
            <?xml version="1.0"?><?xml-stylesheet href="x.css"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <script>alert(1)</script><a xlink:href=" javascript:alert(2)"><text onclick="x">t</text></a>
            <image href="data:image/svg+xml,..."/><foreignObject/></svg>
            """
        let findings = SafeOutput.check(Data(bad.utf8), strictXML: true)
        #expect(findings.count == 6, "\(findings)")
        #expect(!SafeOutput.check(Data("<svg><a></svg>".utf8), strictXML: true).isEmpty, "malformed XML is a finding")
        let html = "<html><body><div><img src=x onerror=alert(1)><a href='JaVa\tScript:x'>y</a><p>ok</p></body></html>"
        #expect(SafeOutput.check(Data(html.utf8), strictXML: false).count >= 2)
        #expect(
            SafeOutput.check(
                Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lt;script&gt;</text></svg>".utf8),
                strictXML: true
            ).isEmpty)
    }
}

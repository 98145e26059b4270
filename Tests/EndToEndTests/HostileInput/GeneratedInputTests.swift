import Foundation
import TestSupport
import Testing

/// Inputs too big to commit, generated deterministically into a temporary folder: a 10 MB
/// label, very many nodes, deep nesting far past the limits, a file past the byte limit.
@Suite("Generated hostile inputs and limits", .tags(.hostileInput))
struct GeneratedInputTests {
    /// Writes `text` into a fresh folder, runs `orgnet arguments + [file]`, and checks the refusal.
    func refuse(
        _ name: String, _ content: Data, extra: [String] = [], status: Int32 = 65,
        mentions: [String], line: Int? = nil
    ) async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name)
        try content.write(to: input)
        let outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let r = try await Orgnet.run(
            ["render", input.path, "-o", outDir.appendingPathComponent("x.svg").path] + extra, in: dir)
        expectContained(r, name)
        #expect(r.status == status, "\(name): exit \(r.status): \(r.stderr)")
        let named = "orgnet: \(input.path)" + (line.map { ":\($0)" } ?? "")
        #expect(r.stderr.hasPrefix(named), "\(name): \(r.stderr.prefix(300))")
        for m in mentions { #expect(r.stderr.contains(m), "\(name): should mention \(m): \(r.stderr.prefix(300))") }
        #expect(Orgnet.contents(of: outDir).isEmpty)
    }

    static let tenMB = 10 << 20

    @Test func tenMegabyteLabelInDOT() async throws {
        let label = String(repeating: "x", count: Self.tenMB)
        try await refuse(
            "label.dot", Data("digraph {\n a [label=\"\(label)\"];\n a -> b;\n}\n".utf8),
            mentions: ["a string is 10485761 bytes long", "the limit is 10000", "--max-label"], line: 2)
    }

    @Test func tenMegabyteNameInYAML() async throws {
        let name = String(repeating: "y", count: Self.tenMB)
        let yaml =
            "id: big\nmonths: [1917-02]\nkinds: [{id: factory}]\norganizations:\n  - {id: a, name: \"\(name)\", kind: factory, status: seed, confidence: low}\n"
        try await refuse("label.yaml", Data(yaml.utf8), mentions: ["10485760 characters", "--max-label"], line: 5)
    }

    @Test func fileOverTheByteLimit() async throws {
        let body = (0..<2000).map { "n\($0) -> n\($0 + 1);" }.joined(separator: "\n")
        try await refuse(
            "big.dot", Data("digraph {\n\(body)\n}\n".utf8), extra: ["--max-bytes", "1000"],
            mentions: ["bytes", "the limit is 1000", "--max-bytes"])
    }

    @Test func bigGraphIsDrawnWithSfdpNotHung() async throws {
        // 2,000 nodes: past the size where dot takes minutes (Rendering.dotLayoutNodeLimit), so the
        // render switches to sfdp, says so on stderr, and finishes well within the time limit.
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = (0..<2000).map { "n\($0) -> n\(($0 * 7 + 1) % 2000);" }.joined(separator: "\n")
        try Data("digraph {\n\(body)\n}\n".utf8).write(to: dir.appendingPathComponent("many.dot"))
        let r = try await Orgnet.run(["render", "many.dot", "-o", "many.svg"], in: dir, timeout: 60)
        expectContained(r, "many.dot")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2000 nodes") && r.stderr.contains("drawing with sfdp"))
        #expect(Orgnet.contents(of: dir) == ["many.dot", "many.svg"])
    }

    @Test func tooManyNodesByFlag() async throws {
        let body = (0..<50).map { "n\($0) -> n\($0 + 1);" }.joined(separator: "\n")
        try await refuse(
            "fifty.dot", Data("digraph {\n\(body)\n}\n".utf8), extra: ["--max-nodes", "10"],
            mentions: ["51 nodes", "the limit is 10", "--max-nodes"])
    }

    @Test func tooManyTiesByFlag() async throws {
        let body = (0..<50).map { "n\($0) -> n\($0 + 1);" }.joined(separator: "\n")
        try await refuse(
            "ties.dot", Data("digraph {\n\(body)\n}\n".utf8), extra: ["--max-ties", "10"],
            mentions: ["50 edges", "--max-ties"])
    }

    @Test func deepNestingFarPastTheLimit() async throws {
        let depth = 100_000
        let dot =
            "digraph {\n" + String(repeating: "subgraph {", count: depth) + " a; "
            + String(repeating: "}", count: depth) + "\n}\n"
        try await refuse("deep.dot", Data(dot.utf8), mentions: ["nest", "the limit is 100"], line: 2)
        let yaml =
            "id: deep\nmonths: [1917-02]\ndescription: " + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "\n"
        try await refuse("deep.yaml", Data(yaml.utf8), mentions: ["nest", "the limit is 64"], line: 3)
    }

    @Test func manyYAMLOrganizationsByFlag() async throws {
        var yaml = "id: many\nmonths: [1917-02]\nkinds: [{id: factory}]\norganizations:\n"
        for i in 0..<30 { yaml += "  - {id: o\(i), name: O\(i), kind: factory, status: seed, confidence: low}\n" }
        try await refuse(
            "many.yaml", Data(yaml.utf8), extra: ["--max-nodes", "20"], mentions: ["30 organizations", "--max-nodes"])
    }

    @Test func raisingTheLimitAccepts() async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("long.dot")
        try Data("digraph { a [label=\"\(String(repeating: "z", count: 20_000))\"] }\n".utf8).write(to: input)
        let refused = try await Orgnet.run(["render", input.path, "-o", "a.svg"], in: dir)
        #expect(refused.status == 65 && refused.stderr.contains("--max-label"))
        let accepted = try await Orgnet.run(["render", input.path, "-o", "a.svg", "--max-label", "30000"], in: dir)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}

import Foundation
import Testing

/// The libraries know nothing of the command line (docs/design.md §1): no library source names
/// a flag in its code or text; the CLI (`Sources/orgnet`) phrases remedies as flags.
@Suite struct LibraryBoundaryTests {
    /// The library modules whose sources are scanned.
    static let libraries = ["OrgNet", "OrgNetIO", "OrgNetRender", "GraphKit", "Graphviz"]

    /// Flags a library may pass on purpose: the layout worker's own protocol with the child it starts.
    static let allowed: [String: Set<String>] = ["OrgNetRender/LayoutWorker.swift": ["--format", "--layout"]]

    /// Every `--name` outside comments, as (file relative to Sources, line number, flag).
    static func flagsNamed(in text: String) -> [(line: Int, flag: String)] {
        var found: [(Int, String)] = []
        let pattern = try! Regex(#"(?<![A-Za-z0-9_-])--[a-z][a-z0-9-]*"#)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            for match in code.matches(of: pattern) { found.append((i + 1, String(code[match.range]))) }
        }
        return found
    }

    @Test func theScanFindsAFlagInAMessage() {
        let sample = """
            /// `--max-nodes` in a doc comment is fine.
            throw OrgNetError(.badData, "too big; --max-nodes raises it")
            let x = a - -b
            """
        #expect(Self.flagsNamed(in: sample).map(\.flag) == ["--max-nodes"])
        #expect(Self.flagsNamed(in: sample).map(\.line) == [2])
    }

    @Test func noLibrarySourceNamesAFlag() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        var offences: [String] = []
        var scanned = 0
        for library in Self.libraries {
            let folder = sources.appendingPathComponent(library)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                scanned += 1
                let relative = "\(library)/\(file)"
                for (line, flag) in Self.flagsNamed(in: text) where !(Self.allowed[relative]?.contains(flag) ?? false) {
                    offences.append("Sources/\(relative):\(line): \(flag)")
                }
            }
        }
        #expect(scanned > 50, "the scan found only \(scanned) library sources")
        #expect(offences.isEmpty, "library sources name command-line flags (move the wording to ExitStatus in Sources/orgnet):\n\(offences.joined(separator: "\n"))")
    }
}

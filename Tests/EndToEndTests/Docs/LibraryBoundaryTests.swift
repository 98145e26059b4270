import Foundation
import TestSupport
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
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = Array(line.trimmingCharacters(in: .whitespaces))
            if code.starts(with: ["/", "/"]) { continue }
            var k = 0
            while k + 2 < code.count {
                // `--` then a lower-case letter, not inside a longer word (`a--b`, `---`).
                if code[k] == "-", code[k + 1] == "-", code[k + 2].isLowercase, code[k + 2].isASCII,
                    k == 0 || !isWordCharacter(code[k - 1])
                {
                    var end = k + 2
                    while end < code.count, code[end].isASCII,
                        code[end].isLowercase || code[end].isNumber || code[end] == "-"
                    { end += 1 }
                    found.append((i + 1, String(code[k..<end])))
                    k = end
                } else {
                    k += 1
                }
            }
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
        let sources = repositoryRoot.appendingPathComponent("Sources")
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
        #expect(
            offences.isEmpty,
            "library sources name command-line flags (move the wording to ExitStatus in Sources/orgnet):\n\(offences.joined(separator: "\n"))"
        )
    }
}

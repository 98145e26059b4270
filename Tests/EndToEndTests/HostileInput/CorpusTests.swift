import Foundation
import TestSupport
import Testing

/// One committed hostile input and what `orgnet` must make of it (`Tests/Hostile/expected.tsv`).
struct CorpusCase: CustomTestStringConvertible, Sendable {
    var file: String
    var status: Int32
    var line: Int?
    var testDescription: String { "\(file) → \(status)" }
    var path: String { Orgnet.corpus.appendingPathComponent(file).path }

    static let all: [CorpusCase] = {
        let url = Orgnet.corpus.appendingPathComponent("expected.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { row in
            if row.hasPrefix("#") { return nil }
            let f = row.split(separator: "\t").map(String.init)
            guard f.count >= 3, let status = Int32(f[1]) else { return nil }
            return CorpusCase(file: f[0], status: status, line: Int(f[2]))
        }
    }()
    static var failing: [CorpusCase] { all.filter { $0.status != 0 } }
}

@Suite("Hostile-input corpus", .tags(.hostileInput))
struct CorpusTests {
    @Test("the corpus holds at least 60 files, every one listed with its expectation")
    func corpusIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Orgnet.corpus.path).filter {
            $0 != "expected.tsv"
        }
        #expect(files.count >= 60)
        #expect(Set(files) == Set(CorpusCase.all.map(\.file)), "every corpus file needs a row in expected.tsv")
    }

    @Test(
        "render: exit status, message naming the file (and line), no output left on failure", arguments: CorpusCase.all)
    func render(_ c: CorpusCase) async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.svg")
        let r = try await Orgnet.run(["render", c.path, "-o", out.path], in: dir)
        expectContained(r, c.file)
        #expect(r.status == c.status, "\(c.file): exit \(r.status), stderr: \(r.stderr)")
        if c.status == 0 {
            #expect(Orgnet.contents(of: dir) == ["out.svg"])
            let findings = try SafeOutput.check(fileAt: out)
            #expect(findings.isEmpty, "\(c.file): active content in the SVG: \(findings)")
        } else {
            let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
            let named = "orgnet: \(c.path)" + (c.line.map { ":\($0)" } ?? "")
            #expect(first.hasPrefix(named), "\(c.file): message should start with '\(named)': \(first)")
            #expect(Orgnet.contents(of: dir).isEmpty, "\(c.file): left behind \(Orgnet.contents(of: dir))")
        }
    }

    @Test("export reads the same inputs the same way and leaves nothing behind", arguments: CorpusCase.failing)
    func export(_ c: CorpusCase) async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Orgnet.run(
            ["export", c.path, "-T", "json", "-o", dir.appendingPathComponent("out.json").path], in: dir)
        expectContained(r, c.file)
        #expect(r.status == c.status, "\(c.file): exit \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.contains(c.path))
        #expect(Orgnet.contents(of: dir).isEmpty)
    }
}

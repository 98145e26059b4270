import Foundation
import TestSupport
import Testing

/// Every documented example runs (issue 14): each line beginning with `orgnet` in the help of
/// every command (the discussion texts `--help` prints, read whole from
/// `--experimental-dump-help` so that no wrapping splits a line), and in the fenced code blocks
/// of README.md and docs/*.md, is run by `/bin/sh` in a temporary folder holding a copy of
/// `Graphs/` and of the files of `docs/examples/`. It must exit 0, or the status its trailing
/// comment documents ("exit 64", "exits 64"). Examples of one help or one document run in order
/// in one folder, so an example may use a file an earlier one wrote. Nothing is skipped: an
/// example naming a file that neither docs/examples nor an earlier example provides fails.
@Suite(.tags(.docs)) struct ExamplesTests {
    struct Example: CustomStringConvertible, Sendable {
        var source: String
        var line: String
        var expected: Int32
        var description: String { "\(source): \(line)" }
    }

    /// One help text or document: its examples, in order.
    struct Source: CustomStringConvertible, Sendable {
        var name: String
        var examples: [Example]
        var description: String { name }
    }

    /// The command part of an example line: the text before a comment (two or more spaces
    /// outside quotes, or ` #`), and the exit status the comment documents (0 when none).
    static func parse(_ raw: String) -> (command: String, expected: Int32) {
        var line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("$ ") { line.removeFirst(2) }
        var quote: Character?
        var cut = line.endIndex
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == " " {
                let next = line.index(after: i)
                if next < line.endIndex, line[next] == " " || line[next] == "#" { cut = i; break }
            }
            i = line.index(after: i)
        }
        let comment = String(line[cut...])
        var expected: Int32 = 0
        if let r = comment.range(of: #"exits? (status )?(\d+)"#, options: .regularExpression),
            let n = Int32(comment[r].split(separator: " ").last ?? "")
        {
            expected = n
        }
        return (String(line[..<cut]).trimmingCharacters(in: .whitespaces), expected)
    }

    static func isExample(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("orgnet ") || t == "orgnet" || t.hasPrefix("$ orgnet")
    }

    /// The help texts of the tool and of every command, from the parser's own description.
    static func helpSources() async throws -> [Source] {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["--experimental-dump-help"], in: dir)
        guard let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any],
            let root = json["command"] as? [String: Any]
        else { return [] }
        var out: [Source] = []
        func visit(_ command: [String: Any], path: String) {
            let name = path.isEmpty ? "orgnet --help" : "orgnet \(path) --help"
            // Examples are indented under "Examples:"; a sentence of prose may begin with "orgnet".
            let lines = ((command["discussion"] as? String) ?? "").components(separatedBy: "\n")
                .filter { $0.hasPrefix(" ") && isExample($0) }
            let examples = lines.map { line in
                let p = parse(line)
                return Example(source: name, line: p.command, expected: p.expected)
            }
            if !examples.isEmpty { out.append(Source(name: name, examples: examples)) }
            for sub in (command["subcommands"] as? [[String: Any]]) ?? [] {
                guard let n = sub["commandName"] as? String else { continue }
                visit(sub, path: path.isEmpty ? n : path + " " + n)
            }
        }
        visit(root, path: "")
        return out
    }

    /// README.md and docs/*.md: example lines inside fenced code blocks.
    static func documentSources() -> [Source] {
        let root = CLI.repositoryRoot
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        let files = ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return files.compactMap { file in
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else {
                return nil
            }
            var fenced = false
            var examples: [Example] = []
            for line in text.components(separatedBy: "\n") {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
                if fenced, isExample(line) {
                    let p = parse(line)
                    examples.append(Example(source: file, line: p.command, expected: p.expected))
                }
            }
            return examples.isEmpty ? nil : Source(name: file, examples: examples)
        }
    }

    /// Every source of examples: the help texts (from the built binary), then the documents.
    static func sources() async throws -> [Source] { try await helpSources() + documentSources() }

    @Test func examplesAreFound() async throws {
        // The help of render and export and the README carry examples: finding none means the
        // extraction broke, not that everything passed.
        let sources = try await Self.sources()
        let names = Set(sources.map(\.name))
        #expect(
            names.isSuperset(of: [
                "orgnet render --help", "orgnet export --help", "orgnet import --help", "README.md",
                "docs/command-line.md",
            ]), "\(names.sorted())")
        #expect(sources.reduce(0) { $0 + $1.examples.count } > 60)
    }

    /// A folder with copies of Graphs/, of docs/examples/'s files (at the top, as help examples name
    /// them, and under docs/examples/, as the README's "Your own network" names them), and a HOME
    /// inside it (the completion examples write under ~).
    static func workFolder() throws -> URL {
        let dir = try CLI.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(
            at: CLI.repositoryRoot.appendingPathComponent("Graphs"), to: dir.appendingPathComponent("Graphs"))
        let examples = CLI.repositoryRoot.appendingPathComponent("docs/examples")
        for name in try fm.contentsOfDirectory(atPath: examples.path) {
            try fm.copyItem(at: examples.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try fm.createDirectory(at: dir.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try fm.copyItem(at: examples, to: dir.appendingPathComponent("docs/examples"))
        for sub in [".local/share/bash-completion/completions", ".zfunc", ".config/fish/completions"] {
            try fm.createDirectory(at: dir.appendingPathComponent("home/" + sub), withIntermediateDirectories: true)
        }
        return dir
    }

    @Test(arguments: try await sources())
    func everyExampleRuns(_ source: Source) throws {
        let dir = try Self.workFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = CLI.binary.deletingLastPathComponent().path
        for example in source.examples {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", example.line]
            p.currentDirectoryURL = dir
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
            env["HOME"] = dir.appendingPathComponent("home").path
            p.environment = env
            let err = Pipe()
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            p.standardInput = FileHandle.nullDevice
            let done = DispatchSemaphore(value: 0)
            p.terminationHandler = { _ in done.signal() }
            try p.run()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            if done.wait(timeout: .now() + 300) == .timedOut {
                p.terminate()
                Issue.record("\(example) did not finish in 300 s")
                continue
            }
            p.waitUntilExit()
            #expect(
                p.terminationStatus == example.expected,
                "\(example): exit \(p.terminationStatus), expected \(example.expected)\n\(String(decoding: stderr.suffix(2000), as: UTF8.self))"
            )
        }
    }
}

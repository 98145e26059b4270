import Foundation
import TestSupport
import Testing

/// The hostile-input tests' view of runs of the built binary (see ``OrgnetProcess``).
enum Orgnet {
    typealias Result = OrgnetProcess.Result
    static var repositoryRoot: URL { TestSupport.repositoryRoot }
    static var corpus: URL { repositoryRoot.appendingPathComponent("Tests/Hostile") }
    static var binary: URL { OrgnetProcess.binary }

    /// Runs `orgnet arguments` in `directory`; kills it after `timeout` seconds.
    static func run(
        _ arguments: [String], in directory: URL, timeout: Double = 90,
        environment: [String: String] = [:]
    ) async throws -> Result {
        try await OrgnetProcess.run(arguments, in: directory, timeout: timeout, environment: environment)
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL { try OrgnetProcess.temporaryFolder(prefix: "orgnet-hostile") }

    /// Everything in `folder`, hidden files included (temporary files start with a dot).
    static func contents(of folder: URL) -> [String] { OrgnetProcess.contents(of: folder) }
}

/// Expectations every run on hostile input must meet, whatever the exit status.
func expectContained(_ r: Orgnet.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!r.timedOut, "\(what): timed out", sourceLocation: sourceLocation)
    #expect(r.exited, "\(what): killed by signal \(r.status)", sourceLocation: sourceLocation)
    // Graphviz's own messages are captured and rephrased, never printed raw.
    #expect(
        !r.stderr.contains("Error:") && !r.stderr.contains("Warning:"), "\(what): raw Graphviz noise: \(r.stderr)",
        sourceLocation: sourceLocation)
    #expect(
        !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Backtrace"),
        "\(what): a Swift trap: \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
}

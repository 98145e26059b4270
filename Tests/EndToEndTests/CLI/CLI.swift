import Foundation
import TestSupport

/// The CLI tests' view of a run of the built binary (see ``OrgnetProcess``): text output.
enum CLI {
    static var repositoryRoot: URL { TestSupport.repositoryRoot }
    static var binary: URL { OrgnetProcess.binary }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// Runs `orgnet` with arguments in `directory` (the temporary folder by default).
    static func run(
        _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
        environment: [String: String] = [:]
    ) async throws -> Result {
        let r = try await OrgnetProcess.run(
            arguments, in: directory ?? FileManager.default.temporaryDirectory,
            stdin: stdin, environment: environment)
        return Result(
            status: r.exited && !r.timedOut ? r.status : -1, stdout: String(decoding: r.stdout, as: UTF8.self),
            stderr: r.stderr, stdoutData: r.stdout)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL { try OrgnetProcess.temporaryFolder(prefix: "orgnet-cli") }

    /// Everything in `folder`, hidden files included, sorted.
    static func contents(of folder: URL) -> [String] { OrgnetProcess.contents(of: folder) }

    static var sample: String { sampleDatasetPath }
}

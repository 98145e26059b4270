import Foundation
import Testing

/// Runs the built `orgnet` binary with a time limit and captures what it prints (a minimal
/// copy of `Tests/CLITests/CLI.swift`'s runner, plus the limit: a hang is a failure, not a stall).
enum Orgnet {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Hostile")

    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("orgnet")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/orgnet")
    }

    struct Result {
        var status: Int32
        /// False when a signal ended the process.
        var exited: Bool
        var timedOut: Bool
        var stdout: Data
        var stderr: String
    }

    /// Runs `orgnet arguments` in `directory`; kills it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL, timeout: Double = 90,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let box = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { box.set(err: err.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { box.set(out: out.fileHandleForReading.readDataToEndOfFile()) }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, exited: process.terminationReason == .exit, timedOut: timedOut,
                      stdout: box.out, stderr: String(decoding: box.err, as: UTF8.self))
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var _out = Data(), _err = Data()
        func set(out: Data) { lock.lock(); _out = out; lock.unlock() }
        func set(err: Data) { lock.lock(); _err = err; lock.unlock() }
        var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
        var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Everything in `folder`, hidden files included (temporary files start with a dot).
    static func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// Expectations every run on hostile input must meet, whatever the exit status.
func expectContained(_ r: Orgnet.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!r.timedOut, "\(what): timed out", sourceLocation: sourceLocation)
    #expect(r.exited, "\(what): killed by signal \(r.status)", sourceLocation: sourceLocation)
    // Graphviz's own messages are captured and rephrased, never printed raw.
    #expect(!r.stderr.contains("Error:") && !r.stderr.contains("Warning:"), "\(what): raw Graphviz noise: \(r.stderr)",
            sourceLocation: sourceLocation)
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Backtrace"),
            "\(what): a Swift trap: \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
}

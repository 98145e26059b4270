import Foundation
import Subprocess

/// Runs the built `orgnet` binary as a user would and captures what it prints: the one process
/// runner of the end-to-end suites (EndToEndTests), on swift-subprocess as the layout worker is.
///
/// The binary is the one `swift build` put beside the test bundle (`.build/debug/orgnet`);
/// `make test` builds it first. A run has a time limit, so a hang is a failure, not a stall: the
/// child is killed (SIGKILL) and the result says `timedOut`.
///
/// The runner is `async`, and so are the tests that call it: a run suspends its test instead of
/// blocking a thread. swift-subprocess starts an unstructured task on the global executor for
/// every run, so a synchronous runner (a cooperative thread waiting on a semaphore) let parallel
/// tests fill Swift Testing's pool on a two-core machine and hang; awaiting the run leaves the
/// pool free (docs/design.md §7).
public enum OrgnetProcess {
    /// The built `orgnet` executable.
    public static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // swiftpm-testing-helper or the .xctest bundle: walk up to the folder holding `orgnet`.
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("orgnet")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/orgnet")
    }

    /// What a run came to.
    public struct Result: Sendable {
        /// The exit status, or the signal number when a signal ended the process.
        public var status: Int32
        /// False when a signal ended the process.
        public var exited: Bool
        /// True when the run was killed at its time limit.
        public var timedOut: Bool
        /// Everything the run wrote on standard output.
        public var stdout: Data
        /// Everything the run wrote on standard error, as text.
        public var stderr: String
    }

    /// Most bytes collected from either output (more is an error of the run, never silently cut).
    static let outputLimit = 1 << 30

    /// Runs `orgnet arguments` in `directory` with `stdin` as its input (none: an empty, closed
    /// input) and `environment` added to this process's environment; kills it after `timeout`
    /// seconds. Throws when the binary cannot be started.
    public static func run(
        _ arguments: [String], in directory: URL, stdin: Data? = nil, timeout: Double = 120,
        environment: [String: String] = [:]
    ) async throws -> Result {
        var changes: [Environment.Key: String?] = [:]
        for (key, value) in environment { changes[Environment.Key(stringLiteral: key)] = value }
        let childEnvironment = Environment.inherit.updating(changes)
        let input = Array(stdin ?? Data())
        let executable = binary.path
        let killer = Killer()
        let finished = try await withThrowingTaskGroup(of: ExecutionResult<Void, BytesOutput, BytesOutput>?.self) {
            group in
            group.addTask {
                try await Subprocess.run(
                    .path(.init(executable)), arguments: Arguments(arguments), environment: childEnvironment,
                    workingDirectory: .init(directory.path),
                    input: .array(input), output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit)
                ) { execution in
                    killer.arm(execution)
                }
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1e9))
                if !Task.isCancelled { killer.fire() }
                return nil
            }
            var finished: ExecutionResult<Void, BytesOutput, BytesOutput>?
            while let next = try await group.next() {
                if let next {
                    finished = next
                    group.cancelAll()
                }
            }
            return finished
        }
        guard let finished else { throw CancellationError() }
        let status: Int32, exited: Bool
        switch finished.terminationStatus {
        case .exited(let code): (status, exited) = (Int32(code), true)
        case .signaled(let signal): (status, exited) = (Int32(signal), false)
        }
        return Result(
            status: status, exited: exited, timedOut: killer.fired && !exited,
            stdout: Data(finished.standardOutput), stderr: String(decoding: finished.standardError, as: UTF8.self))
    }

    /// Kills the child at the time limit: the execution is recorded when it starts, and the
    /// timer's `fire` sends it SIGKILL (also when the timer fires before the child has started).
    private final class Killer: @unchecked Sendable {
        private let lock = NSLock()
        private var execution: Execution<ArrayInput, BytesOutput, BytesOutput>?
        private var _fired = false

        func arm(_ e: Execution<ArrayInput, BytesOutput, BytesOutput>) {
            lock.lock()
            execution = e
            let late = _fired
            lock.unlock()
            if late { try? e.send(signal: .kill) }
        }

        func fire() {
            lock.lock()
            _fired = true
            let e = execution
            lock.unlock()
            if let e { try? e.send(signal: .kill) }
        }

        var fired: Bool { lock.lock(); defer { lock.unlock() }; return _fired }
    }

    /// A fresh temporary folder; the caller removes it.
    public static func temporaryFolder(prefix: String = "orgnet-test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Everything in `folder`, hidden files included (temporary files start with a dot), sorted.
    public static func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

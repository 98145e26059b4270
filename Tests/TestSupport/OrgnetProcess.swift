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
///
/// Two rules keep the time limit honest now that waiting tests no longer hold threads:
/// - At most ``concurrentRuns`` processes run at once (twice the cores); a run's clock starts
///   when it gets its slot, so a limit measures the run, not the queue before it.
/// - Each run is the leader of its own process group, and the time limit kills the group, so a
///   child that orgnet started (the layout worker) dies with it and the pipes close at once.
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
        await slots.acquire()
        defer { slots.release() }
        let platform: PlatformOptions = {
            var options = PlatformOptions()
            options.processGroupID = 0 // its own group, led by the child: the kill reaches its children
            return options
        }()
        let killer = Killer()
        let finished = try await withThrowingTaskGroup(of: ExecutionResult<Void, BytesOutput, BytesOutput>?.self) {
            group in
            group.addTask {
                try await Subprocess.run(
                    .path(.init(executable)), arguments: Arguments(arguments), environment: childEnvironment,
                    workingDirectory: .init(directory.path), platformOptions: platform,
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

    /// How many runs may have a process at once: twice the cores, so that the runs of parallel
    /// tests keep the machine busy without slowing one another past their time limits.
    public static let concurrentRuns = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)

    private static let slots = RunSlots(concurrentRuns)

    /// A counting semaphore for async callers: `acquire` suspends (never blocks a thread) until
    /// one of `count` slots is free; waiters are served first come, first served.
    private final class RunSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var free: Int
        private var waiters: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func acquire() async {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                lock.lock()
                if free > 0 {
                    free -= 1
                    lock.unlock()
                    waiter.resume()
                } else {
                    waiters.append(waiter)
                    lock.unlock()
                }
            }
        }

        func release() {
            lock.lock()
            if waiters.isEmpty {
                free += 1
                lock.unlock()
            } else {
                let next = waiters.removeFirst()
                lock.unlock()
                next.resume() // the slot passes straight to the next waiter
            }
        }
    }

    /// Kills the child at the time limit: the execution is recorded when it starts, and the
    /// timer's `fire` sends SIGKILL to its process group (also when the timer fires before the child has started).
    private final class Killer: @unchecked Sendable {
        private let lock = NSLock()
        private var execution: Execution<ArrayInput, BytesOutput, BytesOutput>?
        private var _fired = false

        func arm(_ e: Execution<ArrayInput, BytesOutput, BytesOutput>) {
            lock.lock()
            execution = e
            let late = _fired
            lock.unlock()
            if late { try? e.send(signal: .kill, toProcessGroup: true) }
        }

        func fire() {
            lock.lock()
            _fired = true
            let e = execution
            lock.unlock()
            if let e { try? e.send(signal: .kill, toProcessGroup: true) }
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

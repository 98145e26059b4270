import Foundation
import Subprocess

/// Runs a program to its end with swift-subprocess: input written, standard output and standard
/// error collected, killed at a time limit (the layout worker's parent, ``LayoutWorker``).
///
/// The API is synchronous because its caller is (a render call). swift-subprocess is
/// asynchronous, so the call blocks its thread while the child runs, and the run's jobs execute
/// *on the blocked thread* (a task executor of its own, ``BlockingExecutor``). One piece still
/// needs the global cooperative pool: swift-subprocess starts an unstructured task for every run
/// (its cleanup handler), which does not inherit the executor preference. So call this from a
/// thread outside the cooperative pool, as the `orgnet` tool does (its main thread), or with fewer
/// concurrent callers than the pool has threads; callers filling the pool wait for ever.
enum ChildProcess {
    /// What a run came to.
    struct Outcome: Sendable {
        /// The exit status, or the signal number when a signal ended the process.
        var status: Int32
        /// False when a signal ended the process.
        var exited: Bool
        /// True when the run was killed at its time limit.
        var timedOut: Bool
        /// Everything written on standard output.
        var standardOutput: [UInt8]
        /// Everything written on standard error.
        var standardError: [UInt8]
    }

    /// Most bytes collected from either output (larger output is an error, never silently cut).
    static let outputLimit = 1 << 30

    /// Runs `executable arguments...` in `directory` (the current one when nil) with `environment`
    /// added to this process's environment, writes `input` to its standard input (none: an empty,
    /// closed input) and collects both outputs. A run still going after `timeout` seconds is killed
    /// (SIGKILL) and reported with `timedOut`. Throws when the program cannot be started.
    static func run(
        _ executable: String, arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], input: [UInt8] = [],
        timeout: Double
    ) throws -> Outcome {
        try BlockingExecutor.run {
            try await runAsync(
                executable, arguments: arguments, in: directory, environment: environment,
                input: input, timeout: timeout)
        }
    }

    private static func runAsync(
        _ executable: String, arguments: [String], in directory: String?,
        environment: [String: String], input: [UInt8],
        timeout: Double
    ) async throws -> Outcome {
        var changes: [Environment.Key: String?] = [:]
        for (key, value) in environment { changes[Environment.Key(stringLiteral: key)] = value }
        let childEnvironment = Environment.inherit.updating(changes)
        let killer = Killer()
        let result = try await withThrowingTaskGroup(of: ExecutionResult<Void, BytesOutput, BytesOutput>?.self) {
            group in
            group.addTask {
                try await Subprocess.run(
                    .path(.init(executable)), arguments: Arguments(arguments),
                    environment: childEnvironment,
                    workingDirectory: directory.map { .init($0) },
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
        guard let result else { throw CancellationError() }
        let status: Int32, exited: Bool
        switch result.terminationStatus {
        case .exited(let code): (status, exited) = (Int32(code), true)
        #if !os(Windows)
            case .signaled(let signal): (status, exited) = (Int32(signal), false)
        #endif
        }
        return Outcome(
            status: status, exited: exited, timedOut: killer.fired && !exited,
            standardOutput: result.standardOutput, standardError: result.standardError)
    }

    /// Kills the child at the time limit: the running execution is recorded when it starts, and
    /// the timer's `fire` sends SIGKILL to it (through a process descriptor on Linux, so a
    /// reused process id is never hit).
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
}

/// Runs an asynchronous operation to its end on the calling thread (see ``ChildProcess``).
///
/// A task executor whose jobs are run by the thread that called ``run(_:)``: the operation's
/// task prefers it, and so do its child tasks, so the operation needs no other thread of the
/// cooperative pool.
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var done = false

    /// Runs `operation` and returns or throws what it does.
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let executor = BlockingExecutor()
        let box = ResultBox<T>()
        Task(executorPreference: executor) {
            do { box.set(.success(try await operation())) } catch { box.set(.failure(error)) }
            executor.finish()
        }
        executor.drain()
        return try box.get()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func finish() {
        condition.lock()
        done = true
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs as they come until the operation has finished and no job is left.
    private func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty && !done { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?
        func set(_ r: Result<T, any Error>) { lock.lock(); result = r; lock.unlock() }
        func get() throws -> T {
            lock.lock(); defer { lock.unlock() }
            return try result!.get()
        }
    }
}

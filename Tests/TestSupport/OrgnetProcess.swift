import Foundation

/// Runs the built `orgnet` binary as a user would and captures what it prints: the one process
/// runner of the test suites that drive the binary (CLITests, HostileInputTests).
///
/// The binary is the one `swift build` put beside the test bundle (`.build/debug/orgnet`);
/// `make test` builds it first. A run has a time limit, so a hang is a failure, not a stall.
///
/// This runner stays on Foundation's `Process`, not swift-subprocess: swift-subprocess is
/// asynchronous and starts an unstructured task on the global executor for every run, and the
/// suites call this runner synchronously from Swift Testing's cooperative threads, so two
/// parallel tests on a two-core machine blocked the whole pool and hung (seen here). Moving it
/// to swift-subprocess means making the suites' calls `async` (docs/design.md §7).
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

    /// Runs `orgnet arguments` in `directory` with `stdin` as its input; kills it after `timeout` seconds.
    public static func run(
        _ arguments: [String], in directory: URL, stdin: Data? = nil, timeout: Double = 120,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a large output cannot block the child.
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
        return Result(
            status: process.terminationStatus, exited: process.terminationReason == .exit, timedOut: timedOut,
            stdout: box.out, stderr: String(decoding: box.err, as: UTF8.self))
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var _out = Data(), _err = Data()
        func set(out: Data) { lock.lock(); _out = out; lock.unlock() }
        func set(err: Data) { lock.lock(); _err = err; lock.unlock() }
        var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
        var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
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

import Foundation
import Graphviz
import OrgNet

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where Graphviz lays out a graph: in this process, or in a child process that may crash or
/// hang without taking the caller down.
///
/// Graphviz 2.42/2.43 aborts or segfaults on some inputs (docs/design.md §2); ``SpecValidator``
/// rewrites the shapes we know, but a user's DOT file may hold shapes nobody has measured yet.
/// So user-supplied DOT is laid out by a child: the same executable started with
/// ``LayoutWorker/subcommand``, reading the validated DOT on stdin and writing the rendered bytes
/// on stdout, under a time limit. Built-in datasets, whose specs orgnet builds itself, render
/// in-process (``inProcess``), which is faster (no process start, one shared context).
public struct LayoutIsolation: Sendable, Hashable {
    /// How the layout runs.
    public enum Mode: Sendable, Hashable {
        /// Under ``GraphvizEngine``'s lock in this process.
        case inProcess
        /// In a child: `executable arguments... --format F --layout L`, DOT on stdin, bytes on stdout.
        case childProcess(executable: String, arguments: [String])
    }

    /// How the layout runs.
    public var mode: Mode
    /// Seconds the child may take before it is killed (ignored in-process).
    public var timeout: Double

    /// Makes an isolation setting.
    public init(mode: Mode, timeout: Double = LayoutIsolation.defaultTimeout) {
        self.mode = mode
        self.timeout = timeout
    }

    /// 30 seconds: dot draws 1,000-node federations in ~6 s here (docs/design.md §2).
    public static let defaultTimeout: Double = 30

    /// In this process.
    public static let inProcess = LayoutIsolation(mode: .inProcess)

    /// A child running this very executable with ``LayoutWorker/subcommand``; only meaningful in
    /// a program that answers that subcommand by calling ``LayoutWorker/serve(format:layout:)``
    /// (the `orgnet` tool does). The render blocks its thread while the child runs: call it from a
    /// thread outside Swift's cooperative pool (the main thread, as the tool does), and ignore
    /// SIGPIPE once at start-up.
    public static func currentExecutable(timeout: Double = defaultTimeout) -> LayoutIsolation {
        LayoutIsolation(
            mode: .childProcess(executable: LayoutWorker.currentExecutablePath, arguments: [LayoutWorker.subcommand]),
            timeout: timeout)
    }
}

/// Both ends of the layout child process (see ``LayoutIsolation``).
public enum LayoutWorker {
    /// The hidden subcommand that makes a program a layout worker.
    public static let subcommand = "_layout-worker"

    #if ORGNET_FAULT_INJECTION
        /// Test hook, honoured only by the worker and only in debug builds (`ORGNET_FAULT_INJECTION`,
        /// defined by Package.swift for the debug configuration; a release binary has no such
        /// variable, docs/design.md §2): `segv`, `raise`, `abort` or `hang` make the worker fail that
        /// way, so the parent's handling of crashes and hangs can be tested without a crashing input.
        static let faultVariable = "ORGNET_LAYOUT_WORKER_FAULT"
    #endif

    /// The running executable's path (`/proc/self/exe` resolved on Linux).
    public static var currentExecutablePath: String {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    // MARK: - The child

    /// The worker's whole life: reads DOT from stdin, renders it, writes the bytes to stdout.
    /// Returns the exit status (0, or 1 on failure). Errors go to stderr as one line,
    /// `orgnet-layout-error CODE LINE MESSAGE` (CODE is ``OrgNetError/Code/name``), which the parent turns back into an ``OrgNetError``.
    public static func serve(format: String, layout: String) -> Int32 {
        // A crash must not leave a core file in the user's folder, and a runaway layout must stop.
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &noCore)
        var memory = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &memory)

        func fail(_ code: OrgNetError.Code, _ message: String, line: Int? = nil) -> Int32 {
            let flat = message.replacingOccurrences(of: "\n", with: " ")
            FileHandle.standardError.write(Data("orgnet-layout-error \(code.name) \(line ?? 0) \(flat)\n".utf8))
            return 1
        }
        guard let fmt = OutputFormat(rawValue: format), let engine = LayoutEngine(rawValue: layout) else {
            return fail(.invalidArgument, "unknown format '\(format)' or layout '\(layout)'")
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        #if ORGNET_FAULT_INJECTION
            switch ProcessInfo.processInfo.environment[faultVariable] {
            case "segv": UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = 1 // a real fault, as Graphviz's
            case "raise": raise(SIGSEGV)
            case "abort": abort()
            case "hang": while true { sleep(1000) }
            default: break
            }
        #endif
        guard let text = String(data: input, encoding: .utf8) else { return fail(.badData, "the input is not UTF-8") }
        do {
            let spec = try GraphvizEngine.shared.parse(dot: text)
            let bytes = try GraphvizEngine.shared.renderResult(
                spec, layout: engine, format: fmt,
                validator: SpecValidator(limits: .unlimitedSize, rules: .untrustedInput)
            ).bytes
            writeAll(STDOUT_FILENO, bytes)
            return 0
        } catch {
            let e = error.orgNetError(file: "-")
            return fail(e.code, e.message, line: e.location?.line)
        }
    }

    // MARK: - The parent

    /// Lays out validated DOT `text` in a child process (``ChildProcess``); a crash, a hang past
    /// `timeout` or a failure becomes an ``OrgNetError`` naming `origin`.
    ///
    /// The child reads all of its input before it lays anything out, but a child that dies early
    /// would make the write of its input raise SIGPIPE: a program using child isolation ignores
    /// SIGPIPE once at start-up (the `orgnet` tool does); a library does not change process-wide
    /// signal handling for its caller.
    static func render(
        dot text: String, format: OutputFormat, layout: LayoutEngine, executable: String,
        arguments: [String], timeout: Double, origin: String
    ) throws(OrgNetError) -> [UInt8] {
        let name = (origin as NSString).lastPathComponent
        let outcome: ChildProcess.Outcome
        do {
            // The Swift runtime's crash backtracer would spend seconds symbolicating a Graphviz crash.
            outcome = try ChildProcess.run(
                executable, arguments: arguments + ["--format", format.rawValue, "--layout", layout.rawValue],
                environment: ["SWIFT_BACKTRACE": "enable=no"], input: Array(text.utf8), timeout: timeout)
        } catch {
            throw OrgNetError(
                .internalError, "cannot start the layout process \(executable): \(error)",
                at: .init(file: origin))
        }
        if outcome.timedOut {
            throw OrgNetError(
                .badData,
                "Graphviz did not finish laying out \(name) within \(Text.number(timeout)) s (the graph is too large or hangs \(layout.rawValue))",
                at: .init(file: origin), remedy: .raiseTimeout)
        }
        if !outcome.exited {
            throw OrgNetError(
                .internalError,
                "Graphviz crashed laying out \(name) (\(signalName(outcome.status))); the file was not drawn",
                at: .init(file: origin),
                hints: [
                    "Graphviz 2.42/2.43 crashes on some graph shapes; try another layout engine, or simplify clusters and rank groups"
                ],
                remedy: .chooseAnotherLayout)
        }
        if outcome.status == 0 { return outcome.standardOutput }
        // The worker's one structured line; anything else it printed is Graphviz noise, not shown.
        let lines = String(decoding: outcome.standardError, as: UTF8.self).split(separator: "\n")
        if let report = lines.last(where: { $0.hasPrefix("orgnet-layout-error ") }) {
            let parts = report.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4, let code = OrgNetError.Code(name: String(parts[1])), let line = Int(parts[2]) {
                throw OrgNetError(code, String(parts[3]), at: .init(file: origin, line: line > 0 ? line : nil))
            }
        }
        throw OrgNetError(
            .internalError, "the layout process failed on \(name) (exit status \(outcome.status))",
            at: .init(file: origin))
    }

    /// Writes every byte to a file descriptor, retrying short writes; stops quietly on EPIPE.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "SIGSEGV, segmentation fault"
        case SIGABRT: return "SIGABRT, aborted"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE, arithmetic error"
        case SIGILL: return "SIGILL"
        case SIGKILL: return "SIGKILL, killed (out of memory?)"
        default: return "signal \(signal)"
        }
    }
}

extension SpecValidator.Limits {
    /// No size limits: for the layout child, whose parent already applied the user's limits.
    static let unlimitedSize = SpecValidator.Limits(maxDotNodes: .max, maxNodes: .max, maxEdges: .max, maxBytes: .max)
}

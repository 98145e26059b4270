internal import CGraphviz
import Foundation

/// An error from the Graphviz module: what failed (``code``), Graphviz's own words
/// (``message``) and, for DOT syntax errors, the input line (``line``).
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is. Extensible: new codes can be added without breaking clients.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Makes a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The DOT text did not parse (cgraph reported a syntax error).
        public static let syntax = Code(rawValue: "syntax")
        /// The input held more than one graph (or text after the first graph).
        public static let multipleGraphs = Code(rawValue: "multipleGraphs")
        /// The input was empty, whitespace or comments only.
        public static let emptyInput = Code(rawValue: "emptyInput")
        /// The spec was refused by ``SpecValidator`` (too large, or not repairable).
        public static let unsafeSpec = Code(rawValue: "unsafeSpec")
        /// `gvLayout` failed.
        public static let layoutFailed = Code(rawValue: "layoutFailed")
        /// `gvRenderData` failed.
        public static let renderFailed = Code(rawValue: "renderFailed")
        /// Graphviz does not know the output format (plugin missing).
        public static let unknownFormat = Code(rawValue: "unknownFormat")
        /// Graphviz does not know the layout engine (plugin missing).
        public static let unknownLayout = Code(rawValue: "unknownLayout")
        /// The code's name.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A human-readable message, usually Graphviz's own text.
    public var message: String
    /// The 1-based input line for syntax errors, when Graphviz named one.
    public var line: Int?
    /// For `.unsafeSpec` refusals on size: which of ``SpecValidator/Limits`` was exceeded.
    public var exceededLimit: SizeLimit?
    /// For size refusals: the spec's size (nodes, edges or bytes).
    public var size: Int?
    /// For size refusals: the limit that size passed.
    public var limit: Int?

    /// The size limits a spec can exceed.
    public enum SizeLimit: String, Sendable, Hashable {
        case nodes, edges, bytes
    }

    /// Makes an error.
    public init(
        code: Code, message: String, line: Int? = nil, exceededLimit: SizeLimit? = nil,
        size: Int? = nil, limit: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.line = line
        self.exceededLimit = exceededLimit
        self.size = size
        self.limit = limit
    }

    /// `code: message (line N)`.
    public var description: String {
        var s = "\(code.rawValue): \(message)"
        if let line { s += " (line \(line))" }
        return s
    }
}

/// One message Graphviz reported (through cgraph's `agerr`) during an operation.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious Graphviz considered the message.
    public enum Severity: String, Sendable, Hashable {
        /// `Warning: ...`: the operation went on.
        case warning
        /// `Error: ...`: usually the operation failed.
        case error
    }
    /// How serious the message is.
    public var severity: Severity
    /// The message text without the `Error: `/`Warning: ` prefix, continuation lines joined with newlines.
    public var message: String
    /// The input line, when the message names one (`... in line 3 ...`).
    public var line: Int? { Diagnostic.lineNumber(in: message) }

    /// Makes a diagnostic.
    public init(severity: Severity, message: String) {
        self.severity = severity
        self.message = message
    }

    /// `warning: ...` / `error: ...`.
    public var description: String { "\(severity.rawValue): \(message)" }

    /// Splits the text cgraph handed to the error hook into messages. cgraph sends a
    /// message in pieces ("Error", ": ", "syntax error in line 3 near ';'\n") and
    /// continuation lines (`AGPREV`) without a prefix; they join the previous message.
    static func parse(_ text: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(rawLine)
            if line.hasPrefix("Error: ") {
                result.append(Diagnostic(severity: .error, message: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") {
                result.append(Diagnostic(severity: .warning, message: String(line.dropFirst(9))))
            } else if !result.isEmpty {
                result[result.count - 1].message += "\n" + line
            } else {
                result.append(Diagnostic(severity: .warning, message: line))
            }
        }
        return result
    }

    /// The number after `line ` in a cgraph message ("syntax error in line 3 near ';'").
    static func lineNumber(in message: String) -> Int? {
        guard let range = message.range(of: "in line ") else { return nil }
        let digits = message[range.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
        return Int(digits)
    }
}

/// Collects what cgraph reports through the error hook. The hook runs inside the
/// engine's lock, but the sink has its own lock so it never depends on that.
final class DiagnosticSink: @unchecked Sendable {
    static let shared = DiagnosticSink()
    private let lock = NSLock()
    private var text = ""

    func append(_ piece: String) {
        lock.lock()
        text += piece
        lock.unlock()
    }

    /// Returns everything collected since the last call and empties the buffer.
    func take() -> String {
        lock.lock()
        defer { lock.unlock() }
        let t = text
        text = ""
        return t
    }

    /// Installs the C hook: called once, by the engine, before the first Graphviz call.
    static func install() {
        orgnet_install_error_hook { piece in
            if let piece { DiagnosticSink.shared.append(String(cString: piece)) }
            return 0
        }
    }
}

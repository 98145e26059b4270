/// Every failure orgnet's libraries report: what went wrong, where, and what the caller could
/// change. The kinds are semantic; a library never chooses a process exit status or names a
/// command-line flag. The command-line tool maps each kind to its exit status and remedy to its
/// flag (`ExitStatus(for:)` in `Sources/orgnet`, docs/design.md §1).
public struct OrgNetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// An argument the caller gave is wrong: an unknown month, an unknown or ambiguous
        /// organization, a value out of range.
        case invalidArgument
        /// A file whose content is wrong (malformed YAML or DOT, an invalid dataset).
        case badData
        /// Input larger than a limit of ``InputLimits``: what was exceeded, the size found (nil
        /// when reading stopped at the limit, so the full size is unknown) and the limit.
        case limitExceeded(InputLimits.Kind, value: Int?, limit: Int)
        /// An input file or folder that does not exist or cannot be read.
        case missingInput
        /// A bug or an internal failure (e.g. Graphviz failed on a checked spec).
        case internalError
        /// An output that cannot be written.
        case cannotWrite
        /// Not a failure of the library: a query with no answer (e.g. no path).
        case noResult

        /// A stable one-word name (e.g. `badData`, `limitExceeded:nodes:25000:20000`), to pass a
        /// code between processes (the layout worker) and read it back with ``init(name:)``.
        public var name: String {
            switch self {
            case .invalidArgument: return "invalidArgument"
            case .badData: return "badData"
            case .limitExceeded(let kind, let value, let limit):
                return "limitExceeded:\(kind.rawValue):\(value.map(String.init) ?? "-"):\(limit)"
            case .missingInput: return "missingInput"
            case .internalError: return "internalError"
            case .cannotWrite: return "cannotWrite"
            case .noResult: return "noResult"
            }
        }

        /// The code a ``name`` stands for; nil for a name no code has.
        public init?(name: String) {
            switch name {
            case "invalidArgument": self = .invalidArgument
            case "badData": self = .badData
            case "missingInput": self = .missingInput
            case "internalError": self = .internalError
            case "cannotWrite": self = .cannotWrite
            case "noResult": self = .noResult
            default:
                let parts = name.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 4, parts[0] == "limitExceeded",
                    let kind = InputLimits.Kind(rawValue: String(parts[1])),
                    let limit = Int(parts[3])
                else { return nil }
                self = .limitExceeded(kind, value: Int(parts[2]), limit: limit)
            }
        }
    }

    /// What the caller could change to get past the failure, for a front end to phrase in its
    /// own terms (the command-line tool names the flag). Limits need none: the
    /// ``Code/limitExceeded(_:value:limit:)`` code says which limit to raise.
    public enum Remedy: String, Sendable, Hashable {
        /// Give the layout more time (``LayoutIsolation``'s timeout).
        case raiseTimeout
        /// Choose another Graphviz layout engine.
        case chooseAnotherLayout
        /// Read the file as undirected (``ReadOptions/undirected``).
        case readAsUndirected
        /// Name the input's format; it cannot be told from a file name (standard input).
        case nameFormat
        /// Name the month the file describes; the file does not say.
        case nameMonth
        /// Look the organization up in the list of every organization's id, name and kind.
        case listOrganizations
    }

    /// Where in a file the problem is; line and column are 1-based.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The file's path as the caller gave it (`-` for standard input).
        public var file: String
        /// The 1-based line, when known.
        public var line: Int?
        /// The 1-based column, when known.
        public var column: Int?
        /// Makes a location.
        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = column
        }
        /// `file:line:column`, leaving out what is unknown.
        public var description: String {
            var s = file
            if let line { s += ":\(line)"; if let column { s += ":\(column)" } }
            return s
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in a sentence.
    public var message: String
    /// Where, when the failure is about a file.
    public var location: Location?
    /// Extra lines for the reader (e.g. the list of valid months, the closest names).
    public var hints: [String]
    /// What the caller could change, when one thing would help.
    public var remedy: Remedy?

    /// Makes an error.
    public init(
        _ code: Code, _ message: String, at location: Location? = nil, hints: [String] = [],
        remedy: Remedy? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.hints = hints
        self.remedy = remedy
    }

    /// `file:line:column: message`, then the hints, one per line.
    public var description: String { describe(remedyText: nil) }

    /// ``description`` with a front end's wording of the remedy (e.g. a flag) after the message.
    public func describe(remedyText: String?) -> String {
        let text = remedyText.map { "\(message) (\($0))" } ?? message
        var s = location.map { "\($0): \(text)" } ?? text
        for hint in hints { s += "\n  " + hint }
        return s
    }
}

/// Every failure orgnet's library reports: what went wrong, where, and which exit status a
/// command-line tool should use for it (BSD sysexits, as Graphviz users expect).
public struct OrgNetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; its raw value is the sysexits exit status.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// EX_USAGE: a bad argument (unknown month, unknown or ambiguous organization).
        public static let usage = Code(rawValue: 64)
        /// EX_DATAERR: a file whose content is wrong (malformed YAML or DOT, invalid dataset).
        public static let badData = Code(rawValue: 65)
        /// EX_NOINPUT: an input file or folder that does not exist or cannot be read.
        public static let missingInput = Code(rawValue: 66)
        /// EX_SOFTWARE: a bug or an internal failure (e.g. Graphviz failed on a checked spec).
        public static let internalError = Code(rawValue: 70)
        /// EX_CANTCREAT: an output that cannot be written.
        public static let cannotWrite = Code(rawValue: 73)
        /// Not a failure of the tool: a query with no answer (e.g. no path). Exit status 1.
        public static let noResult = Code(rawValue: 1)
    }

    /// Where in a file the problem is; line and column are 1-based.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = column
        }
        /// `file:line:column`, leaving out what is unknown.
        public var description: String {
            var s = file
            if let line { s += ":\(line)" ; if let column { s += ":\(column)" } }
            return s
        }
    }

    public var code: Code
    public var message: String
    public var location: Location?
    /// Extra lines for the reader (e.g. the list of valid months, the closest names).
    public var hints: [String]
    /// For a refusal because the input passed a limit: which limit, the input's value and the
    /// limit, so that a front end can say how to raise it (the library names no flags).
    public var limitExceeded: LimitExceeded?

    /// A limit the input passed (see ``limitExceeded``).
    public struct LimitExceeded: Sendable, Hashable {
        /// Which limit.
        public enum Kind: String, Sendable, Hashable {
            /// Nodes (organizations) handed to layout.
            case layoutNodes
            /// Edges (ties) handed to layout.
            case layoutTies
            /// Bytes of DOT text handed to layout.
            case layoutBytes
            /// Seconds a layout in a child process may take.
            case layoutSeconds
        }
        /// Which limit.
        public var kind: Kind
        /// The input's value, when known (a layout that timed out has none).
        public var value: Double?
        /// The limit in force.
        public var limit: Double
        /// Makes the facts of a refusal.
        public init(_ kind: Kind, value: Double?, limit: Double) {
            self.kind = kind
            self.value = value
            self.limit = limit
        }
    }

    public init(_ code: Code, _ message: String, at location: Location? = nil, hints: [String] = [],
                limitExceeded: LimitExceeded? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hints = hints
        self.limitExceeded = limitExceeded
    }

    /// `file:line:column: message`, then the hints, one per line.
    public var description: String {
        var s = location.map { "\($0): \(message)" } ?? message
        for hint in hints { s += "\n  " + hint }
        return s
    }
}

import Foundation

/// Documented limits on what orgnet reads, so hostile or accidental input is refused with a
/// clear message instead of exhausting memory or time.
///
/// Every refusal is ``OrgNetError/Code/badData`` (exit 65) and names the limit and the
/// command-line flag that raises it (``flag(_:)``). The loaders read ``current`` unless given
/// limits explicitly; the command-line tool sets ``current`` once from its flags
/// (`--max-bytes`, `--max-nodes`, `--max-ties`, `--max-label`) before reading anything.
public struct InputLimits: Sendable, Hashable {
    /// Most bytes of one input file (DOT or YAML). `--max-bytes`.
    public var maxFileBytes: Int
    /// Most nodes (organizations) in one network. `--max-nodes`.
    public var maxNodes: Int
    /// Most edges (ties) in one network. `--max-ties`.
    public var maxTies: Int
    /// Most characters in one name, label or attribute value. `--max-label`.
    public var maxLabelLength: Int

    /// Makes limits; the defaults are ``default``'s.
    public init(maxFileBytes: Int = 16 << 20, maxNodes: Int = 20_000, maxTies: Int = 100_000,
                maxLabelLength: Int = 10_000) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxTies = maxTies
        self.maxLabelLength = maxLabelLength
    }

    /// 16 MiB per file, 20,000 nodes, 100,000 ties, 10,000 characters per label.
    public static let `default` = InputLimits()

    /// Nodes the `dot` layout accepts: 5,000 (over 60 s beyond ~2,000 on federations, docs/design.md §2)
    /// unless `--max-nodes` was given explicitly, which then applies to layout too.
    public var dotLayoutNodes: Int { maxNodes == Self.default.maxNodes ? 5_000 : maxNodes }

    /// Bytes of DOT text handed to layout: 1.5 MB (a 1.7 MB graph hung, docs/design.md §2) unless
    /// `--max-bytes` was given explicitly.
    public var layoutBytes: Int { maxFileBytes == Self.default.maxFileBytes ? 1_500_000 : maxFileBytes }

    /// Which limit was exceeded.
    public enum Kind: String, Sendable {
        case fileBytes, nodes, ties, labelLength
    }

    /// The command-line flag that raises a limit.
    public static func flag(_ kind: Kind) -> String {
        switch kind {
        case .fileBytes: return "--max-bytes"
        case .nodes: return "--max-nodes"
        case .ties: return "--max-ties"
        case .labelLength: return "--max-label"
        }
    }

    /// The error for `what` (e.g. "the file is 20000000 bytes") exceeding `limit`.
    public static func exceeded(_ kind: Kind, _ what: String, limit: Int, at location: OrgNetError.Location?) -> OrgNetError {
        OrgNetError(.badData, "\(what); the limit is \(limit) (\(flag(kind)) raises it)", at: location)
    }

    /// Checks a count or size against a limit.
    public func check(_ kind: Kind, _ value: Int, _ what: @autoclosure () -> String,
                      at location: OrgNetError.Location?) throws(OrgNetError) {
        let limit: Int
        switch kind {
        case .fileBytes: limit = maxFileBytes
        case .nodes: limit = maxNodes
        case .ties: limit = maxTies
        case .labelLength: limit = maxLabelLength
        }
        if value > limit { throw Self.exceeded(kind, what(), limit: limit, at: location) }
    }

    // MARK: - The process-wide setting

    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var value = InputLimits.default
    }
    private static let box = Box()

    /// The limits loaders use when not given any; set once by the command-line tool. Thread-safe.
    public static var current: InputLimits {
        get { box.lock.lock(); defer { box.lock.unlock() }; return box.value }
        set { box.lock.lock(); box.value = newValue; box.lock.unlock() }
    }
}

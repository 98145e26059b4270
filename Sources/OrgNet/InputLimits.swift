import Foundation

/// Documented limits on what orgnet reads, so hostile or accidental input is refused with a
/// clear message instead of exhausting memory or time.
///
/// Every refusal is ``OrgNetError/Code/limitExceeded(_:value:limit:)``, naming the limit. The
/// loaders take limits as a parameter (``default`` when not given); there is no process-wide
/// setting. The command-line tool makes its value from its flags and names the flag that raises
/// a limit in its message (docs/design.md §1).
public struct InputLimits: Sendable, Hashable {
    /// Most bytes of one input file (DOT or YAML). Raised from the command line.
    public var maxFileBytes: Int
    /// Most nodes (organizations) in one network. Raised from the command line.
    public var maxNodes: Int
    /// Most edges (ties) in one network. Raised from the command line.
    public var maxTies: Int
    /// Most characters in one name, label or attribute value. Raised from the command line.
    public var maxLabelLength: Int

    /// Makes limits; the defaults are ``default``'s.
    public init(
        maxFileBytes: Int = 16 << 20, maxNodes: Int = 20_000, maxTies: Int = 100_000,
        maxLabelLength: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxTies = maxTies
        self.maxLabelLength = maxLabelLength
    }

    /// 16 MiB per file, 20,000 nodes, 100,000 ties, 10,000 characters per label.
    public static let `default` = InputLimits()

    /// Nodes the `dot` layout accepts: 5,000 (over 60 s beyond ~2,000 on federations, docs/design.md §2)
    /// unless ``maxNodes`` was changed from the default, which then applies to layout too.
    public var dotLayoutNodes: Int { maxNodes == Self.default.maxNodes ? 5_000 : maxNodes }

    /// Bytes of DOT text handed to layout: 1.5 MB (a 1.7 MB graph hung, docs/design.md §2) unless
    /// ``maxFileBytes`` was changed from the default.
    public var layoutBytes: Int { maxFileBytes == Self.default.maxFileBytes ? 1_500_000 : maxFileBytes }

    /// Which limit was exceeded.
    public enum Kind: String, Sendable {
        case fileBytes, nodes, ties, labelLength
    }

    /// The error for `what` (e.g. "the file is 20000000 bytes") exceeding `limit`; `value` is the
    /// size found, when it is known.
    public static func exceeded(
        _ kind: Kind, _ what: String, value: Int? = nil, limit: Int,
        at location: OrgNetError.Location?
    ) -> OrgNetError {
        OrgNetError(.limitExceeded(kind, value: value, limit: limit), "\(what); the limit is \(limit)", at: location)
    }

    /// Checks a count or size against a limit.
    public func check(
        _ kind: Kind, _ value: Int, _ what: @autoclosure () -> String,
        at location: OrgNetError.Location?
    ) throws(OrgNetError) {
        let limit: Int
        switch kind {
        case .fileBytes: limit = maxFileBytes
        case .nodes: limit = maxNodes
        case .ties: limit = maxTies
        case .labelLength: limit = maxLabelLength
        }
        if value > limit { throw Self.exceeded(kind, what(), value: value, limit: limit, at: location) }
    }
}

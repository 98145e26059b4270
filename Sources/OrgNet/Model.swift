/// A body of the network: a factory committee, a soviet, a congress, a government...
///
/// Identity is the `id`; everything else may be refined between dataset versions.
public struct Organization: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A short label for pictures; ``label`` falls back to ``name``.
    public var short: String?
    /// A kind id declared by the dataset (see ``Kind``); DOT imports use the node's `kind` attribute.
    public var kind: String
    /// The containing district or body, an organization id.
    public var parent: String?
    public var lifetime: Lifetime
    /// When set, the node stands for this many bodies (e.g. ~40 shop committees).
    public var aggregate: Int?
    /// Free-form string attributes (delegation rules, DOT attributes of imported files).
    public var attributes: [String: String]
    public var provenance: Provenance

    public init(
        id: String, name: String, short: String? = nil, kind: String, parent: String? = nil,
        lifetime: Lifetime = Lifetime(), aggregate: Int? = nil, attributes: [String: String] = [:],
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.name = name
        self.short = short
        self.kind = kind
        self.parent = parent
        self.lifetime = lifetime
        self.aggregate = aggregate
        self.attributes = attributes
        self.provenance = provenance
    }

    /// The label to draw: the short name when there is one.
    public var label: String { short ?? name }
}

/// What a tie means. Delegation and authority are the roles the influence measures use by default;
/// datasets may declare their own tie kinds mapped onto these roles (see ``TieKind``).
public struct Role: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `from` sends delegates to `to` (weight: delegates sent).
    public static let delegation = Role("delegation")
    /// `from` directs `to`.
    public static let authority = Role("authority")
    /// `from` calls `to` into session (a congress, a conference): agenda-setting, not direction.
    /// A convened congress is sovereign over its convener, so this role is not in ``influence``.
    public static let convenes = Role("convenes")
    /// An informal working link.
    public static let liaison = Role("liaison")
    /// `from` is a member of `to`.
    public static let membership = Role("membership")
    /// `from` supports `to`, possibly conditionally (dual power's "insofar as").
    public static let support = Role("support")
    /// `from` is in open conflict with `to`.
    public static let conflict = Role("conflict")
    /// `from` is a part (section, organ) of `to`.
    public static let partOf = Role("part_of")
    /// `from` was absorbed into `to`.
    public static let merger = Role("merger")
    /// An edge of an imported DOT file that names no role.
    public static let other = Role("other")

    /// The roles the influence measures use by default (and that exports flag as `influence`).
    public static let influence: Set<Role> = [.delegation, .authority]

    /// The roles a dataset may use without declaring them.
    public static let builtIn: [Role] = [
        .delegation, .authority, .convenes, .liaison, .membership, .support,
        .conflict, .partOf, .merger, .other,
    ]

    public var description: String { rawValue }
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A directed tie between two organizations.
public struct Tie: Sendable, Hashable, Identifiable {
    public var id: String
    public var from: String
    public var to: String
    public var role: Role
    /// The dataset's own word for the tie, when it declared one (see ``TieKind``).
    public var kind: String?
    /// E.g. delegates sent. Nil when unknown.
    public var weight: Double?
    public var lifetime: Lifetime
    public var attributes: [String: String]
    public var provenance: Provenance
    /// Why an authority tie may run upward (from a lower kind level to a higher one) or inside a
    /// cycle of authority and delegation ties: the dataset's `upward: REASON`. ``DatasetChecker``
    /// reports such ties as errors unless this is set; a `note` does not count.
    public var upwardReason: String?
    /// True for a tie without a direction in a directed dataset (`undirected: true` in YAML): the
    /// measured network holds it both ways. (A whole dataset declares `directed: false` instead.)
    public var undirected = false

    public init(
        id: String, from: String, to: String, role: Role, kind: String? = nil, weight: Double? = nil,
        lifetime: Lifetime = Lifetime(), attributes: [String: String] = [:],
        provenance: Provenance = Provenance(), upwardReason: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.role = role
        self.kind = kind
        self.weight = weight
        self.lifetime = lifetime
        self.attributes = attributes
        self.provenance = provenance
        self.upwardReason = upwardReason
    }
}

/// A count by party within an observation, e.g. 8 Bolsheviks of 11 delegates.
public struct PartyCount: Sendable, Hashable, Codable {
    public var party: String
    public var count: Double
    public init(party: String, count: Double) {
        self.party = party
        self.count = count
    }
}

/// A disputed value's other readings, with their own sources.
public struct Alternative: Sendable, Hashable {
    public var value: Double?
    public var composition: [PartyCount]
    public var provenance: Provenance
    public init(value: Double?, composition: [PartyCount] = [], provenance: Provenance) {
        self.value = value
        self.composition = composition
        self.provenance = provenance
    }
}

/// A headcount given as a share of a parent organization's figure (e.g. the big plants' 87% of
/// the city's 400,000 workers); the loader computes the value from the parent's observation of
/// the same quantity at the month (or the latest earlier one).
public struct ShareOf: Sendable, Hashable, Codable {
    /// The fraction of the parent's value, 0-1.
    public var share: Double
    /// The parent organization's id.
    public var of: String
    public init(share: Double, of: String) {
        self.share = share
        self.of = of
    }
}

/// A number about an organization (or a tie) at a month: size, delegates, party composition.
///
/// Quantities with a fixed meaning: `delegates_sent` (on a tie, or on the sending body: the
/// delegates it sends), `seats` (on the receiving body: its seats or deputies), `party_members`
/// (a count of party members, never a composition of the body), `workers` and `soldiers`
/// (headcounts). The ambiguous `delegates` is refused by the loader.
public struct Observation: Sendable, Hashable {
    /// What the observation is about.
    public enum Subject: Sendable, Hashable, CustomStringConvertible {
        case organization(String)
        case tie(String)
        public var id: String {
            switch self {
            case .organization(let s), .tie(let s): return s
            }
        }
        public var description: String {
            switch self {
            case .organization(let s): return s
            case .tie(let s): return "tie:" + s
            }
        }
    }
    public var subject: Subject
    public var month: Month
    /// What is counted: workers, soldiers, members, delegates, seats, voters, bodies, population, share...
    public var quantity: String
    /// The point value (for disputed figures, the essay's).
    public var value: Double
    /// The source says "about".
    public var approximate: Bool
    /// Counts by party id, in the dataset's order.
    public var composition: [PartyCount]
    public var alternatives: [Alternative]
    public var provenance: Provenance
    /// Set when the dataset gave the value as `share:` of another organization's figure (`of:`);
    /// ``value`` is then the computed share × parent value, kept for provenance.
    public var shareOf: ShareOf?

    public init(
        subject: Subject, month: Month, quantity: String, value: Double, approximate: Bool = false,
        composition: [PartyCount] = [], alternatives: [Alternative] = [], provenance: Provenance = Provenance(),
        shareOf: ShareOf? = nil
    ) {
        self.subject = subject
        self.month = month
        self.quantity = quantity
        self.value = value
        self.approximate = approximate
        self.composition = composition
        self.alternatives = alternatives
        self.provenance = provenance
        self.shareOf = shareOf
    }

    /// The count for one party, nil when the composition does not name it.
    public func count(of party: String) -> Double? {
        composition.first { $0.party == party }?.count
    }

    /// The reference used by fact coverage files: `obs:ORG@YYYY-MM/QUANTITY`.
    public var reference: String { "obs:\(subject)@\(month)/\(quantity)" }
}

/// A political party (or bloc) named in compositions.
public struct Party: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A CSS colour for pictures, e.g. `#b2182b`.
    public var color: String?
    public init(id: String, name: String, color: String? = nil) {
        self.id = id
        self.name = name
        self.color = color
    }
}

/// An organization kind declared by a dataset, with the level it sits at.
public struct Kind: Sendable, Hashable, Identifiable {
    /// Where a kind sits in the federation, from the shop floor up; pictures rank by it.
    public enum Level: String, Sendable, Hashable, CaseIterable, Comparable {
        case base, factory, district, city, national, state, other
        public var rank: Int { Level.allCases.firstIndex(of: self)! }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
        /// The order of levels from the shop floor up, used when a dataset declares no `levels:`;
        /// `other` is unordered and never compared.
        public static let defaultOrder: [Level] = [.base, .factory, .district, .city, .national, .state]
    }
    public var id: String
    public var name: String
    public var level: Level
    public init(id: String, name: String, level: Level = .other) {
        self.id = id
        self.name = name
        self.level = level
    }
}

/// A dataset's own word for a tie, mapped onto a ``Role``.
public struct TieKind: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var role: Role
    public init(id: String, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// A work cited by the dataset.
public struct Source: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// `seed` for the essay the dataset comes from, `external` for the others.
    public var kind: Status
    public var author: String?
    public var url: String?
    /// What the source is and how it was used, in the dataset's words.
    public var note: String?
    public init(
        id: String, title: String, kind: Status = .external, author: String? = nil, url: String? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.author = author
        self.url = url
        self.note = note
    }
}

/// Where a fact of the seed's fact table is encoded, or why it is not.
public struct FactCoverage: Sendable, Hashable, Identifiable {
    public var id: String
    /// Organization ids, `tie:ID` or `obs:ORG@YYYY-MM/QUANTITY`.
    public var encoded: [String]
    public var reason: String?
    public init(id: String, encoded: [String] = [], reason: String? = nil) {
        self.id = id
        self.encoded = encoded
        self.reason = reason
    }
}

/// A sum the sources imply, checked by `orgnet check`: the parts should add up to the total
/// within a relative tolerance (e.g. 484 + 422 delegates of big and small plants against the
/// Soviet's ~900 workers' delegates).
public struct SumCheck: Sendable, Hashable, Identifiable {
    public var id: String
    /// A reference to a number: `obs:ORG@YYYY-MM/QUANTITY` (its value) or `tie:ID` (its weight).
    public var total: String
    public var parts: [String]
    /// Allowed relative difference, e.g. 0.05 for 5%.
    public var tolerance: Double
    public var note: String?
    public init(id: String, total: String, parts: [String], tolerance: Double, note: String? = nil) {
        self.id = id
        self.total = total
        self.parts = parts
        self.tolerance = tolerance
        self.note = note
    }
}

extension Timeline {
    /// The position of a kind's level in ``levels`` (0 = the shop floor), or nil when the kind is
    /// unknown, at level `other`, or at a level the dataset left out of its order: such kinds are
    /// never compared (``DatasetChecker``'s upward-authority rule skips them).
    public func levelRank(ofKind kind: String) -> Int? {
        guard let level = self.kind(kind)?.level, level != .other else { return nil }
        return levels.firstIndex(of: level)
    }
}

/// A dataset: organizations and ties with lifetimes, observations by month, and their sources.
///
/// A timeline is a value: load it once (``TimelineLoader``), then take ``snapshot(at:)`` for any
/// of its ``months``. A DOT file loads as a timeline with no months and a single snapshot.
public struct Timeline: Sendable {
    /// How the dataset's dates are reckoned.
    public enum Calendar: String, Sendable, Hashable, CaseIterable {
        /// Old Style, as used in Russia until February 1918 (13 days behind in 1917).
        case julian
        case gregorian
    }

    public var id: String
    public var title: String
    public var description: String
    public var calendar: Calendar
    /// The snapshot months, ascending. Empty for a network read from a DOT file.
    public var months: [Month]
    public var parties: [Party]
    public var kinds: [Kind]
    /// The order of kind levels from the shop floor up (the dataset's `levels:`); see ``Kind/Level/defaultOrder``.
    public var levels: [Kind.Level] = Kind.Level.defaultOrder
    /// Presence probabilities by confidence for the uncertainty model (the dataset's `presence:`;
    /// see ``PresenceModel``).
    public var presence = PresenceModel()
    public var tieKinds: [TieKind]
    public var sources: [Source]
    public var organizations: [Organization] { didSet { indexOrganizations() } }
    public var ties: [Tie] { didSet { indexTies() } }
    public var observations: [Observation] { didSet { indexObservations() } }
    public var facts: [FactCoverage]
    /// Sums the sources imply, checked by ``DatasetChecker``.
    public var sumChecks: [SumCheck]
    /// Where the timeline came from: a folder, a file, or "built-in".
    public var origin: String
    /// False only for undirected DOT graphs; dataset ties are always directed.
    public var isDirected: Bool
    /// Where each element was defined (`org:ID`, `tie:ID`, `obs:N`), for messages.
    public var locations: [String: OrgNetError.Location]
    /// The tie roles the dataset declares as carrying influence (`influence_roles:` in
    /// dataset.yaml); nil: the default (``defaultInfluenceRoles``).
    public var declaredInfluenceRoles: Set<Role>?
    /// The declared types of free-form attributes read from typed formats (GraphML keys, GEXF
    /// attributes, JSON and GML numbers), keyed `node:NAME` / `edge:NAME`: `long`, `double` or
    /// `boolean` (absent: text). Exports declare them again, so numbers stay numbers.
    public var attributeTypes: [String: String]
    /// The numeric time axis of a network read with numeric time (``TimeSlices``); nil for a
    /// calendar timeline. When set, ``months`` are stand-in keys and snapshots are labelled by time.
    public var timeSlices: TimeSlices? = nil

    // Lookup indexes, rebuilt whenever the arrays they index change.
    private var organizationIndex: [String: Int] = [:]
    private var tieIndex: [String: Int] = [:]
    /// Positions in ``observations`` by subject id, oldest month first (file order within a month).
    private var observationIndex: [String: [Int]] = [:]

    public init(
        id: String, title: String, description: String = "", calendar: Calendar = .gregorian,
        months: [Month], parties: [Party] = [], kinds: [Kind] = [], tieKinds: [TieKind] = [],
        sources: [Source] = [], organizations: [Organization], ties: [Tie],
        observations: [Observation] = [], facts: [FactCoverage] = [], sumChecks: [SumCheck] = [], origin: String,
        isDirected: Bool = true, locations: [String: OrgNetError.Location] = [:]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.calendar = calendar
        self.months = months
        self.parties = parties
        self.kinds = kinds
        self.tieKinds = tieKinds
        self.sources = sources
        self.organizations = organizations
        self.ties = ties
        self.observations = observations
        self.facts = facts
        self.sumChecks = sumChecks
        self.origin = origin
        self.isDirected = isDirected
        self.locations = locations
        self.declaredInfluenceRoles = nil
        self.attributeTypes = [:]
        indexOrganizations()
        indexTies()
        indexObservations()
    }

    // The first of a repeated id wins (one hash per element).
    private mutating func indexOrganizations() {
        let orgs = organizations
        organizationIndex = Dictionary(
            orgs.indices.lazy.map { (orgs[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func indexTies() {
        let all = ties
        tieIndex = Dictionary(all.indices.lazy.map { (all[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func indexObservations() {
        let obs = observations
        var index: [String: [Int]] = [:]
        for i in obs.indices { index[obs[i].subject.id, default: []].append(i) }
        for key in index.keys {
            // A stable sort by month keeps the file order of observations of the same month.
            index[key] = index[key]!.enumerated().sorted { a, b in
                let (ma, mb) = (obs[a.element].month, obs[b.element].month)
                return ma != mb ? ma < mb : a.offset < b.offset
            }.map(\.element)
        }
        observationIndex = index
    }

    /// The organization with this id.
    public func organization(_ id: String) -> Organization? {
        organizationIndex[id].map { organizations[$0] }
    }

    /// The tie with this id.
    public func tie(_ id: String) -> Tie? {
        tieIndex[id].map { ties[$0] }
    }

    public func party(_ id: String) -> Party? { parties.first { $0.id == id } }
    public func kind(_ id: String) -> Kind? { kinds.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The last month, or nil for a DOT network.
    public var latestMonth: Month? { months.last }

    /// The month the dataset names as the one to show first (`default_month` in `dataset.yaml`),
    /// or nil when it names none.
    public var defaultMonth: Month? = nil

    /// The month a command draws or measures when none is given: ``defaultMonth``, else ``latestMonth``.
    public var monthToShow: Month? { defaultMonth ?? latestMonth }

    /// True for a network read from a DOT file (one snapshot, no months).
    public var isSingleSnapshot: Bool { months.isEmpty }

    /// The network as of `month`: the organizations alive then, the ties alive then between them,
    /// and that month's observations. Get `month` from ``month(named:)`` (which refuses a month the
    /// timeline does not have) or from ``months``; the whole timeline is ``wholeNetwork()``.
    public func snapshot(at month: Month) -> Snapshot {
        let orgs = organizations.filter { $0.lifetime.contains(month) }
        let alive = Set(orgs.map(\.id))
        let ties = ties.filter { $0.lifetime.contains(month) && alive.contains($0.from) && alive.contains($0.to) }
        let obs = observations.filter { $0.month == month }
        if let timeSlices {
            // Not a calendar month: the snapshot carries the time as its label only.
            return Snapshot(
                timeline: self, month: nil, label: timeSlices.label(of: month), organizations: orgs,
                ties: ties, observations: obs)
        }
        return Snapshot(
            timeline: self, month: month, label: month.description, organizations: orgs,
            ties: ties, observations: obs)
    }

    /// Every organization, tie and observation of every month in one snapshot without a month:
    /// what a network read from a DOT file is (it has no ``months``), and the union of all months
    /// for a timeline that has them. Its ``Snapshot/label`` is the timeline's id.
    public func wholeNetwork() -> Snapshot {
        Snapshot(
            timeline: self, month: nil, label: id, organizations: organizations, ties: ties,
            observations: observations)
    }

    /// The snapshot a command shows when no month is given: ``monthToShow``'s, or
    /// ``wholeNetwork()`` for a network without months.
    public func snapshotToShow() -> Snapshot {
        monthToShow.map { snapshot(at: $0) } ?? wholeNetwork()
    }

    /// The month named by `text` (`YYYY-MM`), which must be one of ``months``: the way to turn
    /// what a user typed into a ``Month``. Text that is not a month, or a month the timeline has no
    /// snapshot for, throws a ``OrgNetError/Code/usage`` error whose ``OrgNetError/hints`` list
    /// the valid months, so a typo is never silently another month or the whole timeline.
    /// On a numeric time axis (``timeSlices``) `text` is one of its times instead.
    public func month(named text: String) throws(OrgNetError) -> Month {
        if let timeSlices {
            let listed = timeSlices.times.map(TimeSlices.text).joined(separator: " ")
            guard let key = timeSlices.key(named: text) else {
                throw OrgNetError(
                    .invalidArgument,
                    Double(text) == nil
                        ? "'\(text)' is not a time; \(id) has numeric time"
                        : "\(id) is not given at time \(text)",
                    hints: [
                        "times of \(id): " + listed,
                        "the network is known at these times only (intervals include both ends); between two of them it may differ from both",
                    ])
            }
            return key
        }
        guard let m = Month(text) else {
            throw OrgNetError(
                .invalidArgument, "'\(text)' is not a month; expected YYYY-MM",
                hints: ["months of \(id): " + months.map(\.description).joined(separator: " ")])
        }
        guard months.contains(m) else {
            throw OrgNetError(
                .invalidArgument, "\(id) has no snapshot for \(m)",
                hints: ["months of \(id): " + months.map(\.description).joined(separator: " ")])
        }
        return m
    }

    /// The observations of one organization or tie, oldest first (an index lookup, no scan).
    public func observations(of subjectID: String) -> [Observation] {
        (observationIndex[subjectID] ?? []).map { observations[$0] }
    }

    /// The latest of a subject's observations at or before `month` (all months for nil) that
    /// `matches`; the first in file order when a month has several.
    private func latestObservation(
        of subjectID: String, at month: Month?,
        where matches: (Observation) -> Bool
    ) -> Observation? {
        var best: Observation?
        for i in observationIndex[subjectID] ?? [] {
            let obs = observations[i]
            if let month, obs.month > month { break }
            if matches(obs), best.map({ $0.month < obs.month }) ?? true { best = obs }
        }
        return best
    }

    /// The latest observation of `quantity` for a subject at or before `month`, carried forward.
    public func latest(_ quantity: String, of subjectID: String, at month: Month) -> Observation? {
        latest(quantity, of: subjectID, at: Optional(month))
    }

    /// ``latest(_:of:at:)`` for a snapshot's month: nil (``wholeNetwork()``) reads every month.
    /// `package`, so that no public call takes an optional month that could mean "everything".
    package func latest(_ quantity: String, of subjectID: String, at month: Month?) -> Observation? {
        latestObservation(of: subjectID, at: month) { $0.quantity == quantity }
    }

    /// The latest observation with a party composition for a subject, at or before `month`, among
    /// the observations of `quantities` (e.g. ``seatQuantities`` for a council's seats; an empty set
    /// finds nothing, it never means "any quantity").
    ///
    /// A composition is carried forward only while nothing newer is known of the same count: a
    /// later observation of the same quantity without a composition (the Soviet's executive of 15
    /// in February, about 90 by June) means the body changed after the composition was recorded,
    /// so the old one no longer describes it and the answer is nil (unknown), not the stale one.
    public func latestComposition(of subjectID: String, at month: Month, quantities: Set<String>) -> Observation? {
        latestComposition(of: subjectID, at: Optional(month), quantities: quantities)
    }

    /// ``latestComposition(of:at:quantities:)`` for a snapshot's month: nil (``wholeNetwork()``)
    /// reads every month.
    package func latestComposition(of subjectID: String, at month: Month?, quantities: Set<String>) -> Observation? {
        guard
            let found = latestObservation(
                of: subjectID, at: month,
                where: { obs in
                    !obs.composition.isEmpty && quantities.contains(obs.quantity)
                })
        else { return nil }
        let newer = latestObservation(of: subjectID, at: month) {
            $0.quantity == found.quantity && $0.month > found.month
        }
        return newer == nil ? found : nil
    }

    /// The observed quantities whose value is the number of people seated in a body and whose
    /// composition says who holds those seats: `seats` (councils, dumas, congresses), `members`
    /// (committees) and the retired `delegates` (read as seats, for datasets written before
    /// `seats`/`delegates_sent` were separated). Never `party_members` (a party's membership in a
    /// body is not its composition), `delegates_sent` (what a body sends, not what it seats) or
    /// a sub-group's count such as `presidium` or `soldier_members`.
    public static let seatQuantities: Set<String> = ["seats", "members", "delegates"]

    /// The leading party of a body at `month` and why it leads (``Leadership``): the one rule
    /// behind every picture border, legend, tooltip, export, `brokers --by party` and diff.
    ///
    /// The body's latest composition of its seats (``seatQuantities``, carried forward) is read:
    /// - a named party with more than half of the body's seats (the observation's value, or the
    ///   composition's sum when larger) is a **majority** leader;
    /// - otherwise a named party is a **plurality** leader only when the composition covers the
    ///   whole body (its counts, `unknown` excluded, sum to the seats) and the party holds strictly
    ///   more than every other named party and than the `other` group (which may be one group);
    /// - otherwise there is no leader: the seats nobody recorded could change the order.
    /// `other`, `unknown` and `nonparty` never lead.
    public func leadership(of subjectID: String, at month: Month) -> Leadership? {
        leadership(of: subjectID, at: Optional(month))
    }

    /// ``leadership(of:at:)`` for a snapshot's month: nil (``wholeNetwork()``) reads every month.
    package func leadership(of subjectID: String, at month: Month?) -> Leadership? {
        guard let obs = latestComposition(of: subjectID, at: month, quantities: Self.seatQuantities) else { return nil }
        return Leadership.rule(composition: obs.composition, seats: obs.value).flatMap { top, kind in
            party(top.party).map {
                Leadership(
                    party: $0, kind: kind, seats: top.count,
                    total: max(obs.value, obs.composition.reduce(0) { $0 + $1.count }),
                    month: obs.month, quantity: obs.quantity)
            }
        }
    }

    /// The party of ``leadership(of:at:)``, for callers that need only the colour or the id.
    public func leadingParty(of subjectID: String, at month: Month) -> Party? {
        leadingParty(of: subjectID, at: Optional(month))
    }

    /// ``leadingParty(of:at:)`` for a snapshot's month: nil (``wholeNetwork()``) reads every month.
    package func leadingParty(of subjectID: String, at month: Month?) -> Party? {
        leadership(of: subjectID, at: month)?.party
    }

    /// The number a reference stands for: `obs:ORG@YYYY-MM/QUANTITY` (the observation's value)
    /// or `tie:ID` (the tie's weight). Nil when it resolves to nothing.
    public func number(at reference: String) -> Double? {
        if reference.hasPrefix("tie:") { return tie(String(reference.dropFirst(4)))?.weight }
        return observations.first { $0.reference == reference }?.value
    }

    /// The role a tie kind or role word stands for (declared tie kinds first, then built-in roles).
    public func role(for word: String) -> Role? {
        if let k = tieKinds.first(where: { $0.id == word }) { return k.role }
        let r = Role(word)
        return Role.builtIn.contains(r) ? r : nil
    }
}

/// The network at one month: what existed then, ready for measures and pictures.
public struct Snapshot: Sendable {
    /// The whole timeline, for parties, kinds and sources.
    public let timeline: Timeline
    /// Nil for a DOT network.
    public let month: Month?
    /// The month (`YYYY-MM`) or the network's name.
    public let label: String
    public let organizations: [Organization]
    public let ties: [Tie]
    public let observations: [Observation]
    private let index: [String: Int]

    init(
        timeline: Timeline, month: Month?, label: String, organizations: [Organization], ties: [Tie],
        observations: [Observation]
    ) {
        self.timeline = timeline
        self.month = month
        self.label = label
        self.organizations = organizations
        self.ties = ties
        self.observations = observations
        var idx: [String: Int] = [:]
        idx.reserveCapacity(organizations.count)
        for (i, o) in organizations.enumerated() { idx[o.id] = i }
        self.index = idx
    }

    /// The position of an organization in ``organizations`` (the node index used by measures).
    public func index(of id: String) -> Int? { index[id] }

    public func organization(_ id: String) -> Organization? { index[id].map { organizations[$0] } }

    /// This month's observations of a subject.
    public func observations(of id: String) -> [Observation] { observations.filter { $0.subject.id == id } }

    /// This month's observation of one quantity for a subject.
    public func observation(_ quantity: String, of id: String) -> Observation? {
        observations.first { $0.subject.id == id && $0.quantity == quantity }
    }

    /// Counts of organizations by kind, most common first (ties broken by kind id).
    public var organizationsByKind: [(kind: String, count: Int)] {
        Dictionary(grouping: organizations, by: \.kind).map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Counts of ties by role, most common first.
    public var tiesByRole: [(role: Role, count: Int)] {
        Dictionary(grouping: ties, by: \.role).map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}

/// Why a party leads a body: it holds a majority of the seats, or a plurality of a fully recorded
/// composition (``Timeline/leadership(of:at:)``).
public struct Leadership: Sendable, Hashable {
    /// How the party leads.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// More than half of the body's seats.
        case majority
        /// The most seats, where the recorded composition covers the whole body.
        case plurality
    }
    public var party: Party
    public var kind: Kind
    /// The leading party's seats and the body's seats.
    public var seats: Double
    public var total: Double
    /// The month and quantity of the composition read (it may be carried forward).
    public var month: Month
    public var quantity: String

    /// Parties that are not parties for leadership: a remainder, the unknown seats, non-party members.
    public static let notParties: Set<String> = ["other", "unknown", "nonparty"]

    /// The leading entry of a composition of a body of `seats` seats and how it leads, or nil
    /// (the rule of ``Timeline/leadership(of:at:)``, kept here so it can be tested on plain numbers).
    public static func rule(composition: [PartyCount], seats: Double) -> (PartyCount, Kind)? {
        let recorded = composition.filter { $0.party != "unknown" }.reduce(0) { $0 + $1.count }
        let total = max(seats, composition.reduce(0) { $0 + $1.count })
        let named = composition.filter { !notParties.contains($0.party) }.sorted { $0.count > $1.count }
        guard let top = named.first, top.count > 0 else { return nil }
        if top.count > total / 2 { return (top, .majority) }
        let other = composition.filter { $0.party == "other" }.reduce(0) { $0 + $1.count }
        let covers = abs(recorded - total) < 1e-9
        guard covers, named.count == 1 || named[1].count < top.count, other < top.count else { return nil }
        return (top, .plurality)
    }

    /// "Bolsheviks majority (399 of 649 seats, 1917-10)".
    public var description: String {
        func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        return "\(party.name) \(kind.rawValue) (\(n(seats)) of \(n(total)) \(quantity), \(month))"
    }
}

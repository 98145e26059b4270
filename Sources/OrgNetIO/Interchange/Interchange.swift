import Foundation
import GraphKit
import OrgNet

/// The exchange formats orgnet writes and reads, and the helpers they share: XML escaping,
/// citation text, ISO dates of months, identifiers for imported names, the provenance of imports.
///
/// Every writer produces the same attribute vocabulary (see `docs/interchange.md`):
/// organizations carry `name`, `short`, `kind`, `kind_name`, `kind_level`, `parent`, `since`, `until`,
/// `date`, `precision`, `aggregate`, `status`, `confidence`, `note`, `sources` and (for one month)
/// `leading_party`; ties carry `id`, `role`, `kind`, `kind_name`, `weight`, `influence`, `since`,
/// `until`, `date`, `precision`, `status`, `confidence`, `note` and `sources`.
public enum Interchange {
    /// The separator between citations in a one-string `sources` attribute.
    public static let citationSeparator = "; "

    /// Citations as one string: each as ``Citation/text`` (`ref, at [A17, A18]`), joined by `"; "`.
    public static func sourcesText(_ citations: [Citation]) -> String {
        citations.map(\.text).joined(separator: citationSeparator)
    }

    /// Parses ``sourcesText(_:)`` back into citations. Empty text gives no citations.
    /// (A locator that itself contains `"; "` cannot be told from two citations.)
    public static func citations(from text: String) -> [Citation] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        return trimmed.components(separatedBy: citationSeparator).compactMap { part -> Citation? in
            var s = part.trimmingCharacters(in: .whitespaces)
            guard !s.isEmpty else { return nil }
            var facts: [String] = []
            if s.hasSuffix("]"), let open = s.range(of: " [", options: .backwards) {
                facts = s[open.upperBound..<s.index(before: s.endIndex)]
                    .components(separatedBy: ", ").filter { !$0.isEmpty }
                s = String(s[..<open.lowerBound])
            } else if s.hasPrefix("["), s.hasSuffix("]") {
                return nil
            }
            if let comma = s.range(of: ", ") {
                return Citation(ref: String(s[..<comma.lowerBound]), at: String(s[comma.upperBound...]), facts: facts)
            }
            return Citation(ref: s, at: nil, facts: facts)
        }
    }

    /// Escapes text for XML character data and attribute values: `& < > " '`, line breaks and tabs
    /// as character references (so attribute values keep them), and characters XML 1.0 forbids
    /// replaced by U+FFFD.
    public static func xmlEscape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A number as short text that reads back exactly: `3` for whole numbers, `2.5` otherwise
    /// (``GraphKit/NumberText/exact(_:)``, the one number formatter).
    public static func numberText(_ value: Double) -> String { NumberText.exact(value) }

    /// The number of days of a month; the Julian calendar makes every fourth year a leap year.
    public static func days(in month: Month, calendar: Timeline.Calendar) -> Int {
        switch month.month {
        case 2:
            let y = month.year
            let leap = calendar == .julian ? y % 4 == 0 : (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-01`: where a lifetime starting in `month` starts.
    public static func firstDay(of month: Month) -> String { "\(month)-01" }

    /// `YYYY-MM-28..31`: where a lifetime ending in `month` ends.
    public static func lastDay(of month: Month, calendar: Timeline.Calendar) -> String {
        "\(month)-\(days(in: month, calendar: calendar))"
    }

    /// The months from `first` to `last`, both included.
    public static func months(from first: Month, through last: Month) -> [Month] {
        guard first <= last else { return [] }
        return (first.ordinal...last.ordinal).compactMap { Month(year: $0 / 12, month: $0 % 12 + 1) }
    }

    /// True when `text` is a valid dataset identifier (letters, digits, `-`, `_`, `.`; at most 200).
    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 200 && text.unicodeScalars.allSatisfy(isIdentifierScalar)
    }

    private static func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
            || "-_.".unicodeScalars.contains(c)
    }

    /// A dataset identifier made from any name: other characters become `_` (empty gives `_`).
    public static func identifier(from text: String) -> String {
        var s = String(String.UnicodeScalarView(text.unicodeScalars.map { isIdentifierScalar($0) ? $0 : "_" }))
        if s.isEmpty { s = "_" }
        return String(s.prefix(200))
    }

    /// The source entry that names an imported file; imported elements without provenance cite it.
    public static func importSource(for path: String) -> Source {
        let base = (path as NSString).lastPathComponent
        return Source(id: identifier(from: "import-" + base), title: "Imported from \(base)", kind: .external)
    }

    /// The provenance given to imported elements that carry none: external (the file is the
    /// source) and certain (no confidence recorded), citing the imported file.
    public static func importProvenance(_ source: Source) -> Provenance {
        Provenance(sources: [Citation(ref: source.id)], status: .external)
    }

    /// The observations in effect in a month's snapshot, for a one-month export: every
    /// observation of its organizations and ties dated up to the month, not only the month's own,
    /// so that a figure counted earlier and carried forward (a population counted in March, read
    /// in October) survives export and import, and the copy answers as the original does.
    /// Without a month (a network without months) the snapshot's own observations.
    public static func observationsInEffect(_ snapshot: Snapshot) -> [Observation] {
        guard let month = snapshot.month else { return snapshot.observations }
        let orgIDs = Set(snapshot.organizations.map(\.id)), tieIDs = Set(snapshot.ties.map(\.id))
        return snapshot.timeline.observations.filter {
            guard $0.month <= month else { return false }
            switch $0.subject {
            case .organization(let id): return orgIDs.contains(id)
            case .tie(let id): return tieIDs.contains(id)
            }
        }
    }

    /// One month's network as a timeline of that single month (for the whole-timeline writers):
    /// the snapshot's organizations and ties, the observations of that month, and the header.
    public static func timeline(of snapshot: Snapshot) -> Timeline {
        let t = snapshot.timeline
        guard let month = snapshot.month else { return t }
        let obs = observationsInEffect(snapshot)
        return Timeline(
            id: t.id, title: t.title, description: t.description, calendar: t.calendar, months: [month],
            parties: t.parties, kinds: t.kinds, tieKinds: t.tieKinds, sources: t.sources,
            organizations: snapshot.organizations, ties: snapshot.ties, observations: obs,
            facts: [], origin: t.origin, isDirected: t.isDirected)
    }

    /// The type to declare for free-form attribute `name` of `domain` (`node`/`edge`): the type the
    /// timeline records (``Timeline/attributeTypes``) when every value parses as it, else `string`.
    static func attributeType(_ name: String, domain: String, values: [String], in t: Timeline) -> String {
        guard let type = t.attributeTypes[domain + ":" + name] else { return "string" }
        let ok: (String) -> Bool
        switch type {
        case "long": ok = { Int64($0.trimmingCharacters(in: .whitespaces)) != nil }
        case "double": ok = { Double($0.trimmingCharacters(in: .whitespaces))?.isFinite ?? false }
        case "boolean": ok = { ["true", "false"].contains($0.lowercased()) }
        default: return "string"
        }
        return values.allSatisfy(ok) ? type : "string"
    }

    /// Declared types (`node:NAME`/`edge:NAME`) of the attributes that are free-form attributes of
    /// some organization or tie; keys that became orgnet's own fields (weight, aggregate, ...) drop out.
    static func freeFormTypes(_ types: [String: String], organizations: [Organization], ties: [Tie]) -> [String: String]
    {
        let names = Set(
            organizations.flatMap { $0.attributes.keys.map { "node:" + $0 } }
                + ties.flatMap { $0.attributes.keys.map { "edge:" + $0 } })
        return types.filter { names.contains($0.key) }
    }

    /// The type name of a typed format's attribute type as ``Timeline/attributeTypes`` records it.
    static func recordedType(_ declared: String) -> String? {
        switch declared.lowercased() {
        case "int", "long", "integer": return "long"
        case "float", "double": return "double"
        case "boolean": return "boolean"
        default: return nil
        }
    }

    /// The level of a kind, `other` when the timeline does not declare it.
    static func level(of kind: String, in t: Timeline) -> Kind.Level { t.kind(kind)?.level ?? .other }

    /// The display name of a tie kind.
    static func tieKindName(_ kind: String?, in t: Timeline) -> String? {
        guard let kind else { return nil }
        return t.tieKinds.first { $0.id == kind }?.name ?? kind
    }
}

/// Checks read-back values while building an imported timeline; collects what to declare.
struct ImportCollector {
    var file: String
    var source: Source
    var kinds: [Kind] = []
    var tieKinds: [TieKind] = []
    var parties: [Party] = []
    var sources: [Source] = []
    var orgIDs: [String: String] = [:] // name in file -> identifier
    var usedOrgIDs: Set<String> = []
    var usedTieIDs: Set<String> = []
    var usedImportSource = false

    init(file: String) {
        self.file = file
        self.source = Interchange.importSource(for: file)
    }

    /// A unique identifier for a name from the file.
    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var id = Interchange.identifier(from: base), n = 2
        while used.contains(id) { id = Interchange.identifier(from: base) + "_\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    mutating func declareKind(_ id: String, name: String?, level: String?) {
        guard !kinds.contains(where: { $0.id == id }) else { return }
        let lvl = level.flatMap(Kind.Level.init(rawValue:)) ?? .other
        kinds.append(
            Kind(
                id: id, name: (name?.isEmpty == false ? name! : id.replacingOccurrences(of: "_", with: " ")), level: lvl
            ))
    }

    mutating func declareTieKind(_ id: String, name: String?, role: Role) {
        guard !tieKinds.contains(where: { $0.id == id }) else { return }
        tieKinds.append(TieKind(id: id, name: name ?? id, role: role))
    }

    mutating func declareParty(_ id: String) {
        guard !parties.contains(where: { $0.id == id }) else { return }
        parties.append(Party(id: id, name: id.replacingOccurrences(of: "_", with: " ").capitalized))
    }

    /// Provenance read from `status`, `confidence`, `note` and `sources` text; without a status the
    /// element is external (the file is its source), without a confidence it is certain, and
    /// without sources it cites the imported file.
    mutating func provenance(
        status: String?, confidence: String?, note: String?, sources: String?,
        at location: OrgNetError.Location
    ) throws(OrgNetError) -> Provenance {
        var p = Provenance(status: .external)
        if let status, !status.isEmpty {
            guard let s = Status(rawValue: status) else {
                throw OrgNetError(
                    .badData, "status must be one of seed, external, assumption; got '\(status)'", at: location)
            }
            p.status = s
        }
        if let confidence, !confidence.isEmpty {
            guard let c = Confidence(rawValue: confidence) else {
                throw OrgNetError(
                    .badData, "confidence must be one of high, medium, low; got '\(confidence)'", at: location)
            }
            p.confidence = c
        }
        p.note = note?.isEmpty == false ? note : nil
        p.sources = Interchange.citations(from: sources ?? "")
        for c in p.sources {
            guard Interchange.isIdentifier(c.ref) else {
                throw OrgNetError(.badData, "source reference '\(c.ref.prefix(60))' is not an identifier", at: location)
            }
            if !hasSource(c.ref) {
                self.sources.append(Source(id: c.ref, title: c.ref, kind: .external))
            }
        }
        if p.sources.isEmpty {
            p.sources = [Citation(ref: source.id)]
            usedImportSource = true
        }
        return p
    }

    func hasSource(_ id: String) -> Bool { sources.contains { $0.id == id } || id == source.id }

    /// Parses a month field; empty is nil.
    func month(_ text: String?, _ what: String, at location: OrgNetError.Location) throws(OrgNetError) -> Month? {
        guard let text, !text.isEmpty else { return nil }
        guard let m = Month(text) else {
            throw OrgNetError(
                .badData, "\(what) must be a month YYYY-MM (or a date YYYY-MM-DD); got '\(text.prefix(40))'",
                at: location)
        }
        return m
    }

    /// Parses a number field; empty is nil.
    func number(_ text: String?, _ what: String, at location: OrgNetError.Location) throws(OrgNetError) -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let v = Double(text), v.isFinite, abs(v) <= 1e15 else {
            throw OrgNetError(.badData, "\(what) must be a number; got '\(text.prefix(40))'", at: location)
        }
        return v
    }

    /// Parses a lifetime from its fields.
    func lifetime(
        since: String?, until: String?, date: String?, precision: String?,
        at location: OrgNetError.Location
    ) throws(OrgNetError) -> Lifetime {
        var l = Lifetime(since: try month(since, "since", at: location), until: try month(until, "until", at: location))
        if let date, !date.isEmpty {
            guard Month(date) != nil else {
                throw OrgNetError(
                    .badData, "date must be YYYY-MM-DD or YYYY-MM; got '\(date.prefix(40))'", at: location)
            }
            l.date = date
        }
        if let precision, !precision.isEmpty {
            guard let p = Lifetime.Precision(rawValue: precision) else {
                throw OrgNetError(
                    .badData, "precision must be one of day, month, approximate, assumed; got '\(precision)'",
                    at: location)
            }
            l.precision = p
        }
        return l
    }

    /// Reads a role word: a built-in role, else a declared tie kind, else a new tie kind of role `other`.
    mutating func role(_ word: String?, kind: String?, kindName: String?, at location: OrgNetError.Location)
        throws(OrgNetError) -> (Role, String?)
    {
        let w = (word?.isEmpty ?? true) ? "other" : word!
        guard Interchange.isIdentifier(w) else {
            throw OrgNetError(
                .badData, "role '\(w.prefix(40))' may hold only letters, digits, '-', '_' and '.'", at: location)
        }
        var role = Role(w)
        var tieKind = kind?.isEmpty == false ? Interchange.identifier(from: kind!) : nil
        if !Role.builtIn.contains(role) {
            tieKind = tieKind ?? w
            role = .other
        }
        if let tk = tieKind {
            // A kind spelled like a role names no kind of its own, unless the dataset declares it
            // (Petrograd's tie kind `convenes` has the role `convenes`).
            if Role.builtIn.contains(Role(tk)), !tieKinds.contains(where: { $0.id == tk }), kindName == nil {
                return (role, nil)
            }
            declareTieKind(tk, name: kindName, role: role)
        }
        return (role, tieKind)
    }

    /// The declared sources: those referenced, plus the import source when used.
    var allSources: [Source] { sources + (usedImportSource ? [source] : []) }
}

import OrgNet

/// Writes loaded timelines as Swift source: initialiser calls with explicit types, one small
/// function per list, so the type checker never infers a large literal and the optimiser never
/// sees one huge function (docs/design.md §8 gives the compile-time and start-up measurements).
///
/// Every stored property of ``Timeline`` that a YAML dataset can set is written; the test
/// `EmbeddedDatasetTests` compares the result with the loader's, property by property (through
/// reflection, so a property added later and not written here fails it).
enum SwiftSource {
    /// The whole generated file for the datasets, in the order given.
    static func file(_ datasets: [(id: String, timeline: Timeline)]) -> String {
        var out = """
            // Generated at build time by orgnet-embed (the EmbedDatasets plugin) from Graphs/. Not committed;
            // edit the dataset's YAML and build again.
            import OrgNet

            extension BuiltInDatasets {
                /// The ids of the compiled-in datasets (their folder names under Graphs/).
                static let compiledIDs: [String] = [\(datasets.map { literal($0.id) }.joined(separator: ", "))]

                /// Builds a compiled-in dataset's timeline, or nil for an unknown id.
                static func compiledTimeline(_ id: String) -> Timeline? {
                    switch id {

            """
        for (n, d) in datasets.enumerated() { out += "        case \(literal(d.id)): return Dataset\(n).timeline()\n" }
        out += """
                    default: return nil
                    }
                }
            }

            private func month(_ year: Int, _ month: Int) -> Month { Month(year: year, month: month)! }

            """
        for (n, d) in datasets.enumerated() { out += dataset(n, d.timeline) }
        return out
    }

    /// How many elements one generated function builds: small functions keep -O compile time linear.
    static let chunk = 40

    static func dataset(_ n: Int, _ t: Timeline) -> String {
        let files = Array(Set(t.locations.values.map(\.file))).sorted()
        let fileIndex = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        var out = "\n/// The `\(t.origin)` dataset.\nprivate enum Dataset\(n) {\n"
        out += "    static func timeline() -> Timeline {\n"
        out +=
            "        var t = Timeline(id: \(literal(t.id)), title: \(literal(t.title)), description: \(literal(t.description)),\n"
        out +=
            "                         calendar: .\(ident(t.calendar.rawValue)), months: [\(t.months.map(month).joined(separator: ", "))],\n"
        out +=
            "                         parties: parties(), kinds: kinds(), tieKinds: tieKinds(), sources: sources(),\n"
        out += "                         organizations: organizations(), ties: ties(), observations: observations(),\n"
        out += "                         facts: facts(), sumChecks: sumChecks(), origin: \(literal(t.origin)),\n"
        out += "                         isDirected: \(t.isDirected), locations: locations())\n"
        out += "        t.levels = [\(t.levels.map { "." + ident($0.rawValue) }.joined(separator: ", "))]\n"
        out += "        t.defaultMonth = \(optional(t.defaultMonth, month))\n"
        out +=
            "        t.declaredInfluenceRoles = \(optional(t.declaredInfluenceRoles) { "Set<Role>([\($0.sorted().map(role).joined(separator: ", "))])" })\n"
        let p = t.presence
        out += "        var presence = PresenceModel()\n"
        out +=
            "        presence.high = \(double(p.high)); presence.medium = \(double(p.medium)); presence.low = \(double(p.low))\n"
        out +=
            "        presence.boundary = \(double(p.boundary)); presence.withoutAssumptions = \(p.withoutAssumptions)\n"
        out += "        t.presence = presence\n"
        let types = t.attributeTypes.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(literal($0.value))" }
        out += "        t.attributeTypes = [\(types.isEmpty ? ":" : types.joined(separator: ", "))]\n"
        out += "        return t\n    }\n"
        out += list("parties", "Party", t.parties.map(party))
        out += list("kinds", "Kind", t.kinds.map(kind))
        out += list("tieKinds", "TieKind", t.tieKinds.map(tieKind))
        out += list("sources", "Source", t.sources.map(source))
        out += list("organizations", "Organization", t.organizations.map(organization))
        out += list("ties", "Tie", t.ties.map(tie))
        out += list("observations", "Observation", t.observations.map(observation))
        out += list("facts", "FactCoverage", t.facts.map(fact))
        out += list("sumChecks", "SumCheck", t.sumChecks.map(sumCheck))
        // Locations: a table of file names, then (key, file index, line, column) rows.
        out += "    static let files: [String] = [\(files.map(literal).joined(separator: ", "))]\n"
        out += "    static func at(_ file: Int, _ line: Int?, _ column: Int?) -> OrgNetError.Location {\n"
        out += "        OrgNetError.Location(file: files[file], line: line, column: column)\n    }\n"
        let rows = t.locations.sorted { $0.key < $1.key }
        let chunks = stride(from: 0, to: rows.count, by: chunk).map { Array(rows[$0..<min($0 + chunk, rows.count)]) }
        out += "    static func locations() -> [String: OrgNetError.Location] {\n"
        out += "        var d: [String: OrgNetError.Location] = [:]\n        d.reserveCapacity(\(rows.count))\n"
        for i in chunks.indices { out += "        locations\(i)(&d)\n" }
        out += "        return d\n    }\n"
        for (i, rows) in chunks.enumerated() {
            out += "    static func locations\(i)(_ d: inout [String: OrgNetError.Location]) {\n"
            for (key, l) in rows {
                out +=
                    "        d[\(literal(key))] = at(\(fileIndex[l.file]!), \(optional(l.line, String.init)), \(optional(l.column, String.init)))\n"
            }
            out += "    }\n"
        }
        return out + "}\n"
    }

    /// `static func NAME() -> [TYPE]`, filled by functions of ``chunk`` appends each.
    static func list(_ name: String, _ type: String, _ items: [String]) -> String {
        let chunks = stride(from: 0, to: items.count, by: chunk).map { Array(items[$0..<min($0 + chunk, items.count)]) }
        var out =
            "    static func \(name)() -> [\(type)] {\n        var a: [\(type)] = []\n        a.reserveCapacity(\(items.count))\n"
        for i in chunks.indices { out += "        \(name)\(i)(&a)\n" }
        out += "        return a\n    }\n"
        for (i, items) in chunks.enumerated() {
            out += "    static func \(name)\(i)(_ a: inout [\(type)]) {\n"
            for item in items { out += "        a.append(\(item))\n" }
            out += "    }\n"
        }
        return out
    }

    // MARK: - Values

    static func party(_ p: Party) -> String {
        "Party(id: \(literal(p.id)), name: \(literal(p.name)), color: \(optional(p.color, literal)))"
    }

    static func kind(_ k: Kind) -> String {
        "Kind(id: \(literal(k.id)), name: \(literal(k.name)), level: .\(ident(k.level.rawValue)))"
    }

    static func tieKind(_ k: TieKind) -> String {
        "TieKind(id: \(literal(k.id)), name: \(literal(k.name)), role: \(role(k.role)))"
    }

    static func source(_ s: Source) -> String {
        "Source(id: \(literal(s.id)), title: \(literal(s.title)), kind: .\(ident(s.kind.rawValue)), "
            + "author: \(optional(s.author, literal)), url: \(optional(s.url, literal)), note: \(optional(s.note, literal)))"
    }

    static func organization(_ o: Organization) -> String {
        "Organization(id: \(literal(o.id)), name: \(literal(o.name)), short: \(optional(o.short, literal)), "
            + "kind: \(literal(o.kind)), parent: \(optional(o.parent, literal)), lifetime: \(lifetime(o.lifetime)), "
            + "aggregate: \(optional(o.aggregate, String.init)), attributes: \(attributes(o.attributes)), "
            + "provenance: \(provenance(o.provenance)))"
    }

    static func tie(_ t: Tie) -> String {
        let made =
            "Tie(id: \(literal(t.id)), from: \(literal(t.from)), to: \(literal(t.to)), role: \(role(t.role)), "
            + "kind: \(optional(t.kind, literal)), weight: \(optional(t.weight, double)), lifetime: \(lifetime(t.lifetime)), "
            + "attributes: \(attributes(t.attributes)), provenance: \(provenance(t.provenance)), "
            + "upwardReason: \(optional(t.upwardReason, literal)))"
        // `undirected` has no initialiser parameter: set it on a copy when the dataset does.
        return t.undirected ? "{ var tie: Tie = \(made); tie.undirected = true; return tie }()" : made
    }

    static func observation(_ o: Observation) -> String {
        let subject: String
        switch o.subject {
        case .organization(let id): subject = ".organization(\(literal(id)))"
        case .tie(let id): subject = ".tie(\(literal(id)))"
        }
        return "Observation(subject: \(subject), month: \(month(o.month)), quantity: \(literal(o.quantity)), "
            + "value: \(double(o.value)), approximate: \(o.approximate), composition: \(composition(o.composition)), "
            + "alternatives: [\(o.alternatives.map(alternative).joined(separator: ", "))], "
            + "provenance: \(provenance(o.provenance)), "
            + "shareOf: \(optional(o.shareOf) { "ShareOf(share: \(double($0.share)), of: \(literal($0.of)))" }))"
    }

    static func alternative(_ a: Alternative) -> String {
        "Alternative(value: \(optional(a.value, double)), composition: \(composition(a.composition)), "
            + "provenance: \(provenance(a.provenance)))"
    }

    static func composition(_ c: [PartyCount]) -> String {
        "[" + c.map { "PartyCount(party: \(literal($0.party)), count: \(double($0.count)))" }.joined(separator: ", ")
            + "]"
    }

    static func fact(_ f: FactCoverage) -> String {
        "FactCoverage(id: \(literal(f.id)), encoded: [\(f.encoded.map(literal).joined(separator: ", "))], "
            + "reason: \(optional(f.reason, literal)))"
    }

    static func sumCheck(_ c: SumCheck) -> String {
        "SumCheck(id: \(literal(c.id)), total: \(literal(c.total)), parts: [\(c.parts.map(literal).joined(separator: ", "))], "
            + "tolerance: \(double(c.tolerance)), note: \(optional(c.note, literal)))"
    }

    static func provenance(_ p: Provenance) -> String {
        let sources = p.sources.map { c in
            "Citation(ref: \(literal(c.ref)), at: \(optional(c.at, literal)), facts: [\(c.facts.map(literal).joined(separator: ", "))])"
        }
        return "Provenance(sources: [\(sources.joined(separator: ", "))], status: .\(ident(p.status.rawValue)), "
            + "confidence: \(p.confidence.map { ".\(ident($0.rawValue))" } ?? "nil"), note: \(optional(p.note, literal)))"
    }

    static func lifetime(_ l: Lifetime) -> String {
        "Lifetime(since: \(optional(l.since, month)), until: \(optional(l.until, month)), date: \(optional(l.date, literal)), "
            + "precision: .\(ident(l.precision.rawValue)))"
    }

    static func attributes(_ a: [String: String]) -> String {
        a.isEmpty
            ? "[:]"
            : "["
                + a.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(literal($0.value))" }.joined(
                    separator: ", ") + "]"
    }

    static func role(_ r: Role) -> String { "Role(rawValue: \(literal(r.rawValue)))" }

    static func month(_ m: Month) -> String { "month(\(m.year), \(m.month))" }

    // MARK: - Literals

    static func optional<T>(_ value: T?, _ write: (T) -> String) -> String { value.map(write) ?? "nil" }

    /// A Swift string literal for any text: quotes, backslashes and control characters escaped.
    static func literal(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f || scalar.properties.generalCategory == .format:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A literal that reads back as the same `Double` (Swift's shortest round-trip form).
    static func double(_ x: Double) -> String {
        if x.isNaN { return "Double.nan" }
        if x.isInfinite { return x < 0 ? "-Double.infinity" : "Double.infinity" }
        return "\(x)"
    }

    /// An enum case name, back-quoted so that any raw value that is a keyword still compiles.
    static func ident(_ name: String) -> String { "`\(name)`" }
}

import Foundation
import OrgNet

/// Reads a YAML timeline (a folder split by concern, or one file) into a ``Timeline``.
///
/// The format is documented in `Graphs/README.md`. Loading checks the schema and that every
/// reference resolves (kinds, parents, tie ends, parties, sources, observation subjects); every
/// error names `file:line:column`. Deeper consistency checks (lifetimes, cycles, sums) are
/// ``DatasetChecker``'s job, so that a dataset under repair can still be inspected.
public enum TimelineLoader {
    /// One YAML text and the path it is reported under.
    public struct File: Sendable {
        public var path: String
        public var text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Loads a dataset folder (must hold `dataset.yaml`) or a single YAML file (`-`: standard input).
    public static func load(path: String, limits: InputLimits = .default) throws(OrgNetError) -> Timeline {
        if path == "-" { return try load(files: [try read(path, limits: limits)], origin: path, limits: limits) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw OrgNetError(.missingInput, "no such file or folder", at: .init(file: path))
        }
        var files: [File] = []
        if isDirectory.boolValue {
            let header = (path as NSString).appendingPathComponent("dataset.yaml")
            guard FileManager.default.fileExists(atPath: header) else {
                throw OrgNetError(.missingInput, "a dataset folder needs a dataset.yaml", at: .init(file: path))
            }
            files.append(try read(header, limits: limits))
            let others = (FileManager.default.subpaths(atPath: path) ?? [])
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "dataset.yaml" }
                .sorted()
            for rel in others { files.append(try read((path as NSString).appendingPathComponent(rel), limits: limits)) }
        } else {
            files.append(try read(path, limits: limits))
        }
        return try load(files: files, origin: path, limits: limits)
    }

    private static func read(_ path: String, limits: InputLimits) throws(OrgNetError) -> File {
        let data = try InputFile.read(path, limit: limits.maxFileBytes, what: "a YAML file")
        return File(path: path, text: try InputFile.text(data, path: path, expected: "a YAML dataset"))
    }

    /// Loads a timeline from YAML texts; the first file holds the header.
    public static func load(files: [File], origin: String, limits: InputLimits = .default) throws(OrgNetError)
        -> Timeline
    {
        guard let first = files.first else {
            throw OrgNetError(.missingInput, "no dataset files", at: .init(file: origin))
        }
        var builder = Builder()
        for (n, file) in files.enumerated() {
            let doc = try YAMLValue.parse(file.text, file: file.path, limits: limits)
            var m = try doc.mapping("a dataset file")
            if n == 0 { try builder.readHeader(&m) }
            try builder.readLists(&m)
            let listKeys = ["sources", "organizations", "ties", "observations", "facts", "checks"]
            try m.finish(allowed: n == 0 ? Builder.headerKeys + listKeys : listKeys)
        }
        guard builder.id != nil else {
            throw OrgNetError(.badData, "the dataset header needs an 'id'", at: .init(file: first.path, line: 1))
        }
        let at = OrgNetError.Location(file: first.path)
        try limits.check(
            .nodes, builder.organizations.count, "the dataset has \(builder.organizations.count) organizations", at: at)
        try limits.check(.ties, builder.ties.count, "the dataset has \(builder.ties.count) ties", at: at)
        return try builder.build(origin: origin)
    }
}

/// Accumulates what the files say, then resolves references.
private struct Builder {
    static let headerKeys = [
        "id", "title", "description", "calendar", "months", "default_month", "parties", "kinds", "levels", "tie_kinds",
        "directed", "influence_roles", "presence",
    ]
    var id: String?
    var title = ""
    var description = ""
    var calendar = Timeline.Calendar.gregorian
    var months: [Month] = []
    var monthsLocation: OrgNetError.Location?
    var defaultMonth: Month?
    /// `directed: false` declares every tie undirected (networkx's `Graph`).
    var directed = true
    /// `influence_roles: [elects, delegation]`: the roles (or tie kinds) influence measures use by default.
    var influenceRoles: (words: [String], at: YAMLValue)?
    var parties: [Party] = []
    var kinds: [Kind] = []
    var levels: [Kind.Level] = Kind.Level.defaultOrder
    var presence = PresenceModel()
    var tieKinds: [TieKind] = []
    var sources: [Source] = []
    var organizations: [Organization] = []
    var ties: [Tie] = []
    var observations: [Observation] = []
    var facts: [FactCoverage] = []
    var sumChecks: [SumCheck] = []
    var locations: [String: OrgNetError.Location] = [:]
    /// The kinds of value each free-form attribute (`node:NAME`, `edge:NAME`) was written with.
    var attributeKinds: [String: Set<String>] = [:]
    /// Observations given as `share:` of another organization (index in ``observations``, where
    /// written); their values are computed in ``build(origin:)`` once every observation is read.
    var pendingShares: [(index: Int, at: OrgNetError.Location)] = []
    // Where each reference was written, checked once everything is read.
    var pendingRefs: [(kind: String, id: String, at: OrgNetError.Location, what: String)] = []

    mutating func readHeader(_ m: inout MappingReader) throws(OrgNetError) {
        id = try m.required("id").string("id")
        title = try m.optional("title")?.string("title") ?? id!
        description = try m.optional("description")?.string("description") ?? ""
        if let c = m.optional("calendar") { calendar = try c.enumeration("calendar", Timeline.Calendar.self) }
        if let d = m.optional("directed") { directed = try d.bool("directed") }
        if let r = m.optional("influence_roles") { influenceRoles = (try r.stringList("influence_roles"), r) }
        let ms = try m.required("months")
        monthsLocation = ms.location
        for item in try ms.list("months") {
            let month = try item.month("each month")
            if let last = months.last, month <= last {
                throw item.fail("months must ascend without repeats; \(month) comes after \(last)")
            }
            months.append(month)
        }
        if months.isEmpty { throw ms.fail("months must list at least one YYYY-MM") }
        if let d = m.optional("default_month") {
            let month = try d.month("default_month")
            guard months.contains(month) else {
                throw d.fail("default_month \(month) is not one of the dataset's months")
            }
            defaultMonth = month
        }
        for item in try m.optional("parties")?.list("parties") ?? [] {
            var r = try item.mapping("a party")
            let p = Party(
                id: try identifier(try r.required("id"), "party id"),
                name: try r.required("name").string("party name"),
                color: try r.optional("color")?.string("party color"))
            try r.finish(allowed: ["id", "name", "color"])
            if parties.contains(where: { $0.id == p.id }) { throw item.fail("party '\(p.id)' is declared twice") }
            parties.append(p)
        }
        for builtIn in ["other", "nonparty", "unknown"] where !parties.contains(where: { $0.id == builtIn }) {
            parties.append(Party(id: builtIn, name: builtIn.capitalized, color: nil))
        }
        for item in try m.optional("kinds")?.list("kinds") ?? [] {
            var r = try item.mapping("a kind")
            let k = Kind(
                id: try identifier(try r.required("id"), "kind id"),
                name: try r.optional("name")?.string("kind name") ?? "",
                level: try r.optional("level")?.enumeration("kind level", Kind.Level.self) ?? .other)
            try r.finish(allowed: ["id", "name", "level"])
            if kinds.contains(where: { $0.id == k.id }) { throw item.fail("kind '\(k.id)' is declared twice") }
            kinds.append(
                k.name.isEmpty ? Kind(id: k.id, name: k.id.replacingOccurrences(of: "_", with: " "), level: k.level) : k
            )
        }
        if let lv = m.optional("levels") {
            var order: [Kind.Level] = []
            for item in try lv.list("levels") {
                let level = try item.enumeration("level", Kind.Level.self)
                if level == .other { throw item.fail("'other' is unordered and may not appear in levels") }
                if order.contains(level) { throw item.fail("level '\(level.rawValue)' is listed twice in levels") }
                order.append(level)
            }
            if order.isEmpty {
                throw lv.fail(
                    "levels must list kind levels from the shop floor up, e.g. [base, factory, district, city, national, state]"
                )
            }
            levels = order
        }
        if let pr = m.optional("presence") {
            // Presence probabilities of the uncertainty model (see PresenceModel).
            var r = try pr.mapping("presence")
            for (key, value) in r.all() {
                do throws(OrgNetError) {
                    try presence.set(key, try value.double("presence \(key)"), source: "presence")
                } catch {
                    throw value.fail(error.message)
                }
            }
        }
        for item in try m.optional("tie_kinds")?.list("tie_kinds") ?? [] {
            var r = try item.mapping("a tie kind")
            let kid = try identifier(try r.required("id"), "tie kind id")
            let roleNode = try r.required("role")
            let role = Role(try roleNode.string("tie kind role"))
            guard Role.builtIn.contains(role) else {
                throw roleNode.fail(
                    "tie kind role must be one of \(Role.builtIn.map(\.rawValue).joined(separator: ", ")); got '\(role)'"
                )
            }
            tieKinds.append(TieKind(id: kid, name: try r.optional("name")?.string("tie kind name") ?? kid, role: role))
            try r.finish(allowed: ["id", "name", "role"])
        }
    }

    mutating func readLists(_ m: inout MappingReader) throws(OrgNetError) {
        for item in try m.optional("sources")?.list("sources") ?? [] { try readSource(item) }
        for item in try m.optional("organizations")?.list("organizations") ?? [] { try readOrganization(item) }
        for item in try m.optional("ties")?.list("ties") ?? [] { try readTie(item) }
        for item in try m.optional("observations")?.list("observations") ?? [] { try readObservation(item) }
        for item in try m.optional("facts")?.list("facts") ?? [] { try readFact(item) }
        for item in try m.optional("checks")?.list("checks") ?? [] { try readSumCheck(item) }
    }

    func identifier(_ v: YAMLValue, _ what: String) throws(OrgNetError) -> String {
        let s = try v.string(what)
        guard Interchange.isIdentifier(s) else {
            throw v.fail("\(what) '\(s.prefix(60))' may hold only letters, digits, '-', '_' and '.'")
        }
        return s
    }

    mutating func readSource(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("a source")
        let s = Source(
            id: try identifier(try r.required("id"), "source id"),
            title: try r.required("title").string("source title"),
            kind: try r.optional("kind")?.enumeration("source kind", Status.self) ?? .external,
            author: try r.optional("author")?.string("source author"),
            url: try r.optional("url")?.string("source url"),
            note: try r.optional("note")?.string("source note"))
        try r.finish(allowed: ["id", "title", "kind", "author", "url", "note"])
        if locations["source:" + s.id] != nil {
            throw item.fail("source '\(s.id)' is declared twice (first at \(locations["source:" + s.id]!))")
        }
        locations["source:" + s.id] = item.location
        sources.append(s)
    }

    /// A `sources:` list of citations; their refs are checked once all sources are read.
    mutating func citations(_ list: YAMLValue?) throws(OrgNetError) -> [Citation] {
        var out: [Citation] = []
        for c in try list?.list("sources") ?? [] {
            var cr = try c.mapping("a citation")
            let refNode = try cr.required("ref")
            let ref = try refNode.string("citation ref")
            pendingRefs.append(("source", ref, refNode.location, "citation"))
            out.append(
                Citation(
                    ref: ref, at: try cr.optional("at")?.string("citation 'at'"),
                    facts: try cr.optional("facts")?.stringList("citation facts") ?? []))
            try cr.finish(allowed: ["ref", "at", "facts"])
        }
        return out
    }

    mutating func provenance(_ r: inout MappingReader) throws(OrgNetError) -> Provenance {
        var p = Provenance()
        p.sources = try citations(r.optional("sources"))
        let statusNode = try r.required("status")
        p.status = try statusNode.enumeration("status", Status.self)
        // No confidence recorded means certain; the checker warns (the built-in dataset records one everywhere).
        p.confidence = try r.optional("confidence")?.enumeration("confidence", Confidence.self)
        p.note = try r.optional("note")?.string("note")
        return p
    }

    mutating func lifetime(_ r: inout MappingReader) throws(OrgNetError) -> Lifetime {
        var l = Lifetime()
        l.since = try r.optional("since")?.month("since")
        l.until = try r.optional("until")?.month("until")
        if let d = r.optional("date") {
            let text = try d.string("date")
            guard Month(text) != nil else { throw d.fail("date must be YYYY-MM-DD or YYYY-MM, got '\(text)'") }
            l.date = text
        }
        l.precision = try r.optional("precision")?.enumeration("precision", Lifetime.Precision.self) ?? .month
        return l
    }

    /// Free-form attributes; the types their values are written as (plain numbers, booleans)
    /// are gathered per `domain:NAME` for ``Timeline/attributeTypes``.
    mutating func attributes(_ v: YAMLValue?, domain: String) throws(OrgNetError) -> [String: String] {
        guard let v else { return [:] }
        var m = try v.mapping("attributes")
        var out: [String: String] = [:]
        for (k, val) in m.all() {
            out[k] = try val.string("attribute '\(k)'")
            attributeKinds[domain + ":" + k, default: []].insert(val.attributeType ?? "string")
        }
        return out
    }

    /// The type of each attribute from the kinds of its values: one kind is that type; whole and
    /// fractional numbers together are `double`; anything with text is text (no entry).
    var attributeTypes: [String: String] {
        var out: [String: String] = [:]
        for (key, kinds) in attributeKinds {
            if kinds.count == 1, let only = kinds.first, only != "string" {
                out[key] = only
            } else if kinds == ["long", "double"] {
                out[key] = "double"
            }
        }
        return out
    }

    mutating func readOrganization(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("an organization")
        let oid = try identifier(try r.required("id"), "organization id")
        let kindNode = try r.required("kind")
        let kind = try kindNode.string("kind")
        pendingRefs.append(("kind", kind, kindNode.location, "organization \(oid)"))
        var parent: String?
        if let p = r.optional("parent") {
            parent = try p.string("parent")
            pendingRefs.append(("organization", parent!, p.location, "parent of \(oid)"))
        }
        let aggregateNode = r.optional("aggregate")
        let aggregate = try aggregateNode?.int("aggregate")
        if let aggregate, aggregate < 1 { throw aggregateNode!.fail("aggregate must be 1 or more") }
        let o = Organization(
            id: oid, name: try r.required("name").string("name"),
            short: try r.optional("short")?.string("short"), kind: kind, parent: parent,
            lifetime: try lifetime(&r), aggregate: aggregate,
            attributes: try attributes(r.optional("attributes"), domain: "node"), provenance: try provenance(&r))
        try r.finish(allowed: [
            "id", "name", "short", "kind", "parent", "since", "until", "date", "precision",
            "aggregate", "attributes", "sources", "status", "confidence", "note",
        ])
        if let first = locations["org:" + oid] {
            throw item.fail("organization id '\(oid)' is used twice (first at \(first))")
        }
        locations["org:" + oid] = item.location
        organizations.append(o)
    }

    mutating func readTie(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("a tie")
        let fromNode = try r.required("from"), toNode = try r.required("to")
        let from = try fromNode.string("from"), to = try toNode.string("to")
        let tid = try r.optional("id").map { v throws(OrgNetError) in try identifier(v, "tie id") } ?? "\(from)->\(to)"
        pendingRefs.append(("organization", from, fromNode.location, "tie \(tid)"))
        pendingRefs.append(("organization", to, toNode.location, "tie \(tid)"))
        let roleNode = try r.required("role")
        let word = try roleNode.string("role")
        var kind: String?
        let role: Role
        if let tk = tieKinds.first(where: { $0.id == word }) {
            role = tk.role
            kind = tk.id
        } else if Role.builtIn.contains(Role(word)) {
            role = Role(word)
        } else {
            throw roleNode.fail(
                "role '\(word)' is neither a role (\(Role.builtIn.map(\.rawValue).joined(separator: ", "))) nor a tie kind declared in the header"
            )
        }
        let weightNode = r.optional("weight")
        let weight = try weightNode?.double("weight")
        if let weight, weight < 0 { throw weightNode!.fail("weight must not be negative") }
        var upward: String?
        if let u = r.optional("upward") {
            upward = try u.string("upward")
            if upward!.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw u.fail("upward needs a reason: why this authority tie runs upward or inside a cycle")
            }
        }
        var t = Tie(
            id: tid, from: from, to: to, role: role, kind: kind, weight: weight, lifetime: try lifetime(&r),
            attributes: try attributes(r.optional("attributes"), domain: "edge"), provenance: try provenance(&r),
            upwardReason: upward)
        t.undirected = try r.optional("undirected")?.bool("undirected") ?? false
        try r.finish(allowed: [
            "id", "from", "to", "role", "weight", "since", "until", "date", "precision",
            "attributes", "sources", "status", "confidence", "note", "upward", "undirected",
        ])
        if let first = locations["tie:" + tid] {
            throw item.fail("tie id '\(tid)' is used twice (first at \(first)); give one of them an explicit 'id'")
        }
        locations["tie:" + tid] = item.location
        ties.append(t)
    }

    func composition(_ v: YAMLValue?, _ what: String) throws(OrgNetError) -> [PartyCount] {
        guard let v else { return [] }
        var m = try v.mapping(what)
        var out: [PartyCount] = []
        for (party, count) in m.all() {
            let c = try count.double("count of '\(party)'")
            if c < 0 { throw count.fail("count of '\(party)' must not be negative") }
            out.append(PartyCount(party: party, count: c))
        }
        return out
    }

    mutating func readObservation(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("an observation")
        let subject: Observation.Subject
        if let o = r.optional("org") {
            subject = .organization(try o.string("org"))
            pendingRefs.append(("organization", subject.id, o.location, "observation"))
        } else if let t = r.optional("tie") {
            subject = .tie(try t.string("tie"))
            pendingRefs.append(("tie", subject.id, t.location, "observation"))
        } else {
            throw item.fail("an observation needs 'org' (an organization id) or 'tie' (a tie id)")
        }
        let month = try r.required("month").month("month")
        let quantityNode = try r.required("quantity")
        let quantity = try identifier(quantityNode, "quantity")
        if quantity == "delegates" {
            throw quantityNode.fail(
                "quantity 'delegates' is ambiguous and no longer accepted: write 'delegates_sent' (on a tie, or on the sending body: the delegates it sends) or 'seats' (on the receiving body: its seats or deputies)"
            )
        }
        let valueNode = r.optional("value"), shareNode = r.optional("share"), ofNode = r.optional("of")
        var value = 0.0
        var shareOf: ShareOf?
        switch (valueNode, shareNode) {
        case (let v?, nil):
            if let ofNode { throw ofNode.fail("'of' goes with 'share', not with 'value'") }
            value = try v.double("value")
        case (nil, let sh?):
            let share = try sh.double("share")
            guard share >= 0 && share <= 1 else { throw sh.fail("share must be a fraction from 0 to 1, got \(share)") }
            guard let ofNode else {
                throw sh.fail("share needs 'of': the organization whose \(quantity) it is a share of")
            }
            let parent = try ofNode.string("of")
            pendingRefs.append(("organization", parent, ofNode.location, "share of \(subject)"))
            shareOf = ShareOf(share: share, of: parent)
        case (_?, let sh?):
            throw sh.fail("an observation gives either 'value' or 'share' with 'of', not both")
        case (nil, nil):
            throw item.fail(
                "an observation needs 'value' (or 'share' and 'of' for a share of another organization's figure)")
        }
        let approximate = try r.optional("approximate")?.bool("approximate") ?? false
        let compositionNode = r.optional("composition")
        let comp = try composition(compositionNode, "composition")
        if quantity == "party_members" && !comp.isEmpty {
            throw compositionNode!.fail(
                "a party_members observation counts party members; it is not a composition of the body (remove 'composition', or record the body's seats or members by party instead)"
            )
        }
        var alternatives: [Alternative] = []
        for alt in try r.optional("alternatives")?.list("alternatives") ?? [] {
            var ar = try alt.mapping("an alternative")
            let v = try ar.optional("value")?.double("alternative value")
            let c = try composition(ar.optional("composition"), "alternative composition")
            var p = Provenance()
            if ar.keys.contains("status") {
                p = try provenance(&ar)
            } else {
                p.sources = try citations(ar.optional("sources"))
                p.status = .external
                p.confidence = .medium
                p.note = try ar.optional("note")?.string("note")
            }
            try ar.finish(allowed: ["value", "composition", "sources", "status", "confidence", "note"])
            alternatives.append(Alternative(value: v, composition: c, provenance: p))
        }
        let obs = Observation(
            subject: subject, month: month, quantity: quantity, value: value, approximate: approximate,
            composition: comp, alternatives: alternatives, provenance: try provenance(&r),
            shareOf: shareOf)
        try r.finish(allowed: [
            "org", "tie", "month", "quantity", "value", "share", "of", "approximate", "composition",
            "alternatives", "sources", "status", "confidence", "note",
        ])
        if shareOf != nil { pendingShares.append((observations.count, item.location)) }
        for pc in comp { pendingRefs.append(("party", pc.party, item.location, "composition")) }
        locations["obs:\(observations.count)"] = item.location
        locations[obs.reference] = locations[obs.reference] ?? item.location
        observations.append(obs)
    }

    mutating func readFact(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("a fact")
        let f = FactCoverage(
            id: try r.required("id").string("fact id"),
            encoded: try r.optional("encoded")?.stringList("encoded") ?? [],
            reason: try r.optional("reason")?.string("reason"))
        try r.finish(allowed: ["id", "encoded", "reason"])
        if f.encoded.isEmpty && f.reason == nil {
            throw item.fail("fact \(f.id) needs 'encoded' references or a 'reason'")
        }
        if let first = locations["fact:" + f.id] { throw item.fail("fact \(f.id) is listed twice (first at \(first))") }
        locations["fact:" + f.id] = item.location
        facts.append(f)
    }

    mutating func readSumCheck(_ item: YAMLValue) throws(OrgNetError) {
        var r = try item.mapping("a check")
        let cid = try identifier(try r.required("id"), "check id")
        let tolNode = r.optional("tolerance")
        let tolerance = try tolNode?.double("tolerance") ?? 0
        if tolerance < 0 || tolerance >= 1 {
            throw tolNode!.fail("tolerance is a fraction from 0 up to (not including) 1")
        }
        let check = SumCheck(
            id: cid, total: try r.required("total").string("total"),
            parts: try r.required("parts").stringList("parts"), tolerance: tolerance,
            note: try r.optional("note")?.string("note"))
        _ = r.optional("sources"); _ = r.optional("status"); _ = r.optional("confidence")
        try r.finish(allowed: ["id", "total", "parts", "tolerance", "note", "sources", "status", "confidence"])
        if let first = locations["check:" + cid] {
            throw item.fail("check \(cid) is declared twice (first at \(first))")
        }
        locations["check:" + cid] = item.location
        sumChecks.append(check)
    }

    /// Computes the values of observations given as shares: share × the parent's value of the same
    /// quantity at the month, or the latest earlier month (a parent may itself be a share, resolved
    /// first). Approximate when either figure is.
    mutating func resolveShares() throws(OrgNetError) {
        var unresolved = Set(pendingShares.map(\.index))
        var remaining = pendingShares
        while !remaining.isEmpty {
            var progress = false
            var still: [(index: Int, at: OrgNetError.Location)] = []
            for pending in remaining {
                let obs = observations[pending.index]
                let so = obs.shareOf!
                let candidates = observations.indices.filter {
                    observations[$0].subject == .organization(so.of) && observations[$0].quantity == obs.quantity
                        && observations[$0].month <= obs.month
                }
                guard let latestMonth = candidates.map({ observations[$0].month }).max() else {
                    throw OrgNetError(
                        .badData,
                        "share of \(so.of)'s \(obs.quantity): \(so.of) has no \(obs.quantity) observation at or before \(obs.month)",
                        at: pending.at)
                }
                let parentIndex = candidates.last { observations[$0].month == latestMonth }!
                if unresolved.contains(parentIndex) {
                    still.append(pending)
                    continue
                }
                let parent = observations[parentIndex]
                observations[pending.index].value = so.share * parent.value
                observations[pending.index].approximate = obs.approximate || parent.approximate
                unresolved.remove(pending.index)
                progress = true
            }
            if !progress {
                throw OrgNetError(
                    .badData, "observations given as shares refer to each other in a circle", at: still[0].at)
            }
            remaining = still
        }
    }

    mutating func build(origin: String) throws(OrgNetError) -> Timeline {
        let orgIDs = Set(organizations.map(\.id)), tieIDs = Set(ties.map(\.id))
        let kindIDs = Set(kinds.map(\.id)), partyIDs = Set(parties.map(\.id)), sourceIDs = Set(sources.map(\.id))
        for ref in pendingRefs {
            let known: Set<String>
            switch ref.kind {
            case "organization": known = orgIDs
            case "tie": known = tieIDs
            case "kind": known = kindIDs
            case "party": known = partyIDs
            default: known = sourceIDs
            }
            if !known.contains(ref.id) {
                let close = Suggestions.closest(to: ref.id, in: Array(known), limit: 3)
                let hint = close.isEmpty ? [] : ["did you mean: " + close.joined(separator: ", ")]
                throw OrgNetError(
                    .badData, "\(ref.what) names unknown \(ref.kind) '\(ref.id)'", at: ref.at, hints: hint)
            }
        }
        try resolveShares()
        var t = Timeline(
            id: id!, title: title, description: description, calendar: calendar, months: months,
            parties: parties, kinds: kinds, tieKinds: tieKinds, sources: sources,
            organizations: organizations, ties: ties, observations: observations, facts: facts,
            sumChecks: sumChecks, origin: origin, isDirected: directed, locations: locations)
        t.levels = levels
        t.defaultMonth = defaultMonth
        if let (words, node) = influenceRoles {
            var roles = Set<Role>()
            for w in words {
                guard let r = t.role(for: w) else {
                    throw node.fail(
                        "influence_roles names '\(w)', which is neither a role (\(Role.builtIn.map(\.rawValue).joined(separator: ", ")) nor a declared tie kind"
                    )
                }
                roles.insert(r)
            }
            t.declaredInfluenceRoles = roles
        }
        t.presence = presence
        t.attributeTypes = attributeTypes
        return t
    }
}

import Foundation
import OrgNet

/// A timeline as a folder of CSV tables (RFC 4180: comma-separated, fields with commas, quotes or
/// line breaks quoted, quotes doubled, CRLF line ends, a header row), for pandas and spreadsheets.
///
/// | file | rows |
/// | --- | --- |
/// | `nodes.csv` | one per organization |
/// | `ties.csv` | one per tie |
/// | `observations.csv` | tidy: one per observation × party of its composition (`alternative` 0 is the point value, 1... the disputed readings) |
/// | `sources.csv` | one per source |
/// | `dataset.csv`, `parties.csv`, `kinds.csv`, `tie_kinds.csv` | the header |
public enum CSVFolder {
    /// The column names of each table, in order.
    public static let columns: [String: [String]] = [
        "dataset.csv": ["field", "value"],
        "parties.csv": ["id", "name", "color"],
        "kinds.csv": ["id", "name", "level"],
        "tie_kinds.csv": ["id", "name", "role"],
        "sources.csv": ["id", "title", "kind", "author", "url"],
        "nodes.csv": [
            "id", "name", "short", "kind", "kind_name", "kind_level", "parent", "since", "until", "date", "precision",
            "aggregate", "status", "confidence", "note", "sources", "attributes",
        ],
        "ties.csv": [
            "id", "from", "to", "role", "kind", "weight", "since", "until", "date", "precision",
            "status", "confidence", "note", "sources", "attributes", "undirected",
        ],
        "observations.csv": [
            "observation", "alternative", "subject_type", "subject", "month", "quantity", "value", "approximate",
            "party", "count", "status", "confidence", "note", "sources", "share", "share_of",
        ],
    ]

    /// The order files are written in.
    public static let fileNames = [
        "dataset.csv", "parties.csv", "kinds.csv", "tie_kinds.csv", "sources.csv",
        "nodes.csv", "ties.csv", "observations.csv",
    ]

    /// One field, quoted when it holds a comma, a quote, a line break or edge spaces.
    public static func field(_ s: String) -> String {
        let needs =
            s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || s.first == " " || s.last == " "
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A table as RFC 4180 text: the header row, then the rows, each ended by CRLF.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The tables of a timeline, by file name.
    public static func files(for t: Timeline) -> [(name: String, text: String)] {
        let num = Interchange.numberText
        func attrs(_ a: [String: String]) -> String {
            guard !a.isEmpty,
                let d = try? JSONSerialization.data(withJSONObject: a, options: [.sortedKeys, .withoutEscapingSlashes])
            else { return "" }
            return String(decoding: d, as: UTF8.self)
        }
        func prov(_ p: Provenance) -> [String] {
            [p.status.rawValue, p.confidence?.rawValue ?? "", p.note ?? "", Interchange.sourcesText(p.sources)]
        }
        var tables: [String: [[String]]] = [:]
        tables["dataset.csv"] =
            [
                ["id", t.id], ["title", t.title], ["description", t.description],
                ["calendar", t.calendar.rawValue], ["months", t.months.map(\.description).joined(separator: " ")],
            ]
            + (t.isDirected ? [] : [["directed", "false"]])
            + (t.declaredInfluenceRoles.map {
                [["influence_roles", $0.map(\.rawValue).sorted().joined(separator: " ")]]
            } ?? [])
        tables["parties.csv"] = t.parties.map { [$0.id, $0.name, $0.color ?? ""] }
        tables["kinds.csv"] = t.kinds.map { [$0.id, $0.name, $0.level.rawValue] }
        tables["tie_kinds.csv"] = t.tieKinds.map { [$0.id, $0.name, $0.role.rawValue] }
        tables["sources.csv"] = t.sources.map { [$0.id, $0.title, $0.kind.rawValue, $0.author ?? "", $0.url ?? ""] }
        tables["nodes.csv"] = t.organizations.map { o in
            [
                o.id, o.name, o.short ?? "", o.kind, t.kind(o.kind)?.name ?? "",
                Interchange.level(of: o.kind, in: t).rawValue,
                o.parent ?? "", o.lifetime.since?.description ?? "", o.lifetime.until?.description ?? "",
                o.lifetime.date ?? "",
                o.lifetime.precision.rawValue, o.aggregate.map(String.init) ?? "",
            ] + prov(o.provenance) + [attrs(o.attributes)]
        }
        tables["ties.csv"] = t.ties.map { e in
            [
                e.id, e.from, e.to, e.role.rawValue, e.kind ?? "", e.weight.map(num) ?? "",
                e.lifetime.since?.description ?? "", e.lifetime.until?.description ?? "", e.lifetime.date ?? "",
                e.lifetime.precision.rawValue,
            ] + prov(e.provenance) + [attrs(e.attributes), e.undirected ? "true" : ""]
        }
        var obsRows: [[String]] = []
        for (i, o) in t.observations.enumerated() {
            let (type, subject): (String, String) = {
                switch o.subject {
                case .organization(let id): return ("org", id)
                case .tie(let id): return ("tie", id)
                }
            }()
            func rows(alternative: Int, value: Double?, approximate: Bool, composition: [PartyCount], p: Provenance) {
                let base = [
                    String(i + 1), String(alternative), type, subject, o.month.description, o.quantity,
                    value.map(num) ?? "", approximate ? "true" : "false",
                ]
                // A share of a parent's total (share/of in YAML) rides on the point value's rows.
                let share = alternative == 0 ? [o.shareOf.map { num($0.share) } ?? "", o.shareOf?.of ?? ""] : ["", ""]
                if composition.isEmpty {
                    obsRows.append(base + ["", ""] + prov(p) + share)
                } else {
                    for pc in composition { obsRows.append(base + [pc.party, num(pc.count)] + prov(p) + share) }
                }
            }
            rows(
                alternative: 0, value: o.value, approximate: o.approximate, composition: o.composition, p: o.provenance)
            for (j, a) in o.alternatives.enumerated() {
                rows(
                    alternative: j + 1, value: a.value, approximate: o.approximate, composition: a.composition,
                    p: a.provenance)
            }
        }
        tables["observations.csv"] = obsRows
        return fileNames.map { ($0, table(columns[$0]!, tables[$0] ?? [])) }
    }

    /// Writes the tables into `folder` (created when missing), each file atomically.
    public static func write(_ t: Timeline, to folder: String) throws(OrgNetError) {
        try OutputFile.makeFolder(folder)
        for f in files(for: t) {
            try OutputFile.write(text: f.text, to: (folder as NSString).appendingPathComponent(f.name))
        }
    }

    /// One parsed row: its fields by column name and the line it starts on.
    public struct Row: Sendable {
        /// Fields by column name (missing trailing fields are empty).
        public var fields: [String: String]
        /// The 1-based line where the row starts.
        public var line: Int
        /// The field of a column, nil when empty.
        public subscript(_ column: String) -> String? {
            guard let v = fields[column], !v.isEmpty else { return nil }
            return v
        }
    }

    /// Parses RFC 4180 text (CRLF or LF line ends, optional BOM) into records with their start lines.
    public static func records(_ text: String, file: String) throws(OrgNetError) -> [(fields: [String], line: Int)] {
        var out: [(fields: [String], line: Int)] = []
        var fields: [String] = [], field = "", inQuotes = false, afterQuote = false
        var line = 1, recordLine = 1, quoteLine = 1, any = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { out.append((fields, recordLine)) }
            fields = []; field = ""; any = false
        }
        while i < chars.count {
            let ch = chars[i]
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\""); i += 1
                    } else {
                        inQuotes = false; afterQuote = true
                    }
                } else {
                    if ch == "\n" { line += 1 }
                    field.unicodeScalars.append(ch)
                }
            } else {
                switch ch {
                case ",":
                    fields.append(field); field = ""; afterQuote = false; any = true
                case "\r":
                    if i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                    endRecord(); afterQuote = false; line += 1; recordLine = line
                case "\n":
                    endRecord(); afterQuote = false; line += 1; recordLine = line
                case "\"":
                    guard field.isEmpty && !afterQuote else {
                        throw OrgNetError(
                            .badData, "a quote inside an unquoted field; quote the whole field and double the quote",
                            at: .init(file: file, line: line))
                    }
                    inQuotes = true; quoteLine = line; any = true
                default:
                    if afterQuote {
                        throw OrgNetError(
                            .badData, "text after a closing quote; expected a comma or the end of the line",
                            at: .init(file: file, line: line))
                    }
                    field.unicodeScalars.append(ch); any = true
                }
            }
            i += 1
        }
        if inQuotes {
            throw OrgNetError(.badData, "a quoted field is never closed", at: .init(file: file, line: quoteLine))
        }
        if any || !field.isEmpty { endRecord() }
        return out
    }

    /// Parses a table with a header row into rows by column name. Missing `required` columns
    /// and rows with more fields than the header are errors naming the line.
    public static func rows(_ text: String, file: String, required: [String]) throws(OrgNetError) -> [Row] {
        let recs = try records(text, file: file)
        guard let header = recs.first else {
            if required.isEmpty { return [] }
            throw OrgNetError(
                .badData, "the table is empty; expected a header row with \(required.joined(separator: ", "))",
                at: .init(file: file, line: 1))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for r in required where !names.contains(r) {
            throw OrgNetError(
                .badData, "the header has no '\(r)' column; expected \(required.joined(separator: ", "))",
                at: .init(file: file, line: header.line))
        }
        return try recs.dropFirst().map { rec throws(OrgNetError) -> Row in
            guard rec.fields.count <= names.count else {
                throw OrgNetError(
                    .badData, "the row has \(rec.fields.count) fields; the header has \(names.count)",
                    at: .init(file: file, line: rec.line))
            }
            var d: [String: String] = [:]
            for (i, n) in names.enumerated() { d[n] = i < rec.fields.count ? rec.fields[i] : "" }
            return Row(fields: d, line: rec.line)
        }
    }

    /// Reads a folder written by ``write(_:to:)`` (only `nodes.csv` is required) into a timeline.
    /// Without `dataset.csv`, the months are those from the first to the last month named by
    /// lifetimes and observations.
    /// `limits` bounds each file's size.
    public static func read(folder: String, limits: InputLimits = .default) throws(OrgNetError) -> Timeline {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw OrgNetError(
                .missingInput, "no such folder; expected a folder holding nodes.csv", at: .init(file: folder))
        }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        func table(_ name: String, required: [String], optional: Bool = true) throws(OrgNetError) -> [Row] {
            let p = path(name)
            guard FileManager.default.fileExists(atPath: p) else {
                if optional { return [] }
                throw OrgNetError(.missingInput, "a CSV folder needs \(name)", at: .init(file: p))
            }
            let data = try InputFile.read(p, limit: limits.maxFileBytes, what: "a CSV file")
            return try rows(try InputFile.text(data, path: p, expected: "CSV text"), file: p, required: required)
        }
        var c = ImportCollector(file: folder)
        func loc(_ name: String, _ r: Row) -> OrgNetError.Location { .init(file: path(name), line: r.line) }
        func ident(_ v: String?, _ what: String, _ l: OrgNetError.Location) throws(OrgNetError) -> String {
            guard let v, !v.isEmpty else { throw OrgNetError(.badData, "\(what) is missing", at: l) }
            guard Interchange.isIdentifier(v) else {
                throw OrgNetError(
                    .badData, "\(what) '\(v.prefix(60))' may hold only letters, digits, '-', '_' and '.'", at: l)
            }
            return v
        }
        func attributes(_ text: String?, _ l: OrgNetError.Location) throws(OrgNetError) -> [String: String] {
            guard let text, !text.isEmpty else { return [:] }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw OrgNetError(
                    .badData, "attributes must be a JSON object of strings, e.g. {\"rule\": \"one per 1,000\"}", at: l)
            }
            var out: [String: String] = [:]
            for (k, v) in obj { out[k] = (v as? String) ?? "\(v)" }
            return out
        }

        var header: [String: String] = [:]
        for r in try table("dataset.csv", required: ["field", "value"]) {
            header[r["field"] ?? ""] = r.fields["value"] ?? ""
        }
        for r in try table("parties.csv", required: ["id", "name"]) {
            let l = loc("parties.csv", r)
            let id = try ident(r["id"], "party id", l)
            if !c.parties.contains(where: { $0.id == id }) {
                c.parties.append(Party(id: id, name: r["name"] ?? id, color: r["color"]))
            }
        }
        for r in try table("kinds.csv", required: ["id"]) {
            let l = loc("kinds.csv", r)
            let id = try ident(r["id"], "kind id", l)
            if let lv = r["level"], Kind.Level(rawValue: lv) == nil {
                throw OrgNetError(
                    .badData,
                    "kind level must be one of \(Kind.Level.allCases.map(\.rawValue).joined(separator: ", ")); got '\(lv.prefix(40))'",
                    at: l)
            }
            c.declareKind(id, name: r["name"], level: r["level"])
        }
        for r in try table("tie_kinds.csv", required: ["id", "role"]) {
            let l = loc("tie_kinds.csv", r)
            let id = try ident(r["id"], "tie kind id", l)
            let role = Role(r["role"] ?? "")
            guard Role.builtIn.contains(role) else {
                throw OrgNetError(.badData, "tie kind role '\(role)' is not a role", at: l)
            }
            c.declareTieKind(id, name: r["name"], role: role)
        }
        for r in try table("sources.csv", required: ["id", "title"]) {
            let l = loc("sources.csv", r)
            let id = try ident(r["id"], "source id", l)
            var kind = Status.external
            if let k = r["kind"] {
                guard let s = Status(rawValue: k) else {
                    throw OrgNetError(.badData, "source kind must be seed or external; got '\(k.prefix(40))'", at: l)
                }
                kind = s
            }
            guard !c.sources.contains(where: { $0.id == id }) else {
                throw OrgNetError(.badData, "source '\(id)' is listed twice", at: l)
            }
            c.sources.append(Source(id: id, title: r["title"] ?? id, kind: kind, author: r["author"], url: r["url"]))
        }

        let nodeRows = try table("nodes.csv", required: ["id"], optional: false)
        for r in nodeRows {
            let l = loc("nodes.csv", r)
            let id = try ident(r["id"], "node id", l)
            guard c.orgIDs[id] == nil else { throw OrgNetError(.badData, "node id '\(id)' is used twice", at: l) }
            c.orgIDs[id] = id
            c.usedOrgIDs.insert(id)
        }
        var organizations: [Organization] = []
        for r in nodeRows {
            let l = loc("nodes.csv", r)
            let kind = try ident(r["kind"] ?? "other", "kind", l)
            c.declareKind(kind, name: r["kind_name"], level: r["kind_level"])

            var aggregate: Int?
            if let a = r["aggregate"] {
                guard let n = Int(a), n >= 1 else {
                    throw OrgNetError(
                        .badData, "aggregate must be a whole number of 1 or more; got '\(a.prefix(40))'", at: l)
                }
                aggregate = n
            }
            organizations.append(
                Organization(
                    id: r["id"]!, name: r["name"] ?? r["id"]!, short: r["short"], kind: kind,
                    // a parent outside the table (another month) is left out
                    parent: r["parent"].flatMap { c.orgIDs[$0] },
                    lifetime: try c.lifetime(
                        since: r["since"], until: r["until"], date: r["date"], precision: r["precision"], at: l),
                    aggregate: aggregate, attributes: try attributes(r["attributes"], l),
                    provenance: try c.provenance(
                        status: r["status"], confidence: r["confidence"], note: r["note"], sources: r["sources"], at: l)
                ))
        }
        var ties: [Tie] = []
        for r in try table("ties.csv", required: ["from", "to"]) {
            let l = loc("ties.csv", r)
            guard let from = r["from"], c.orgIDs[from] != nil else {
                throw OrgNetError(
                    .badData, "tie from '\((r["from"] ?? "").prefix(60))' is not a node of nodes.csv", at: l)
            }
            guard let to = r["to"], c.orgIDs[to] != nil else {
                throw OrgNetError(.badData, "tie to '\((r["to"] ?? "").prefix(60))' is not a node of nodes.csv", at: l)
            }
            let (role, kind) = try c.role(r["role"], kind: r["kind"], kindName: nil, at: l)
            let weight = try c.number(r["weight"], "weight", at: l)
            if let weight, weight < 0 { throw OrgNetError(.badData, "weight must not be negative", at: l) }
            if let id = r["id"], c.usedTieIDs.contains(id) {
                throw OrgNetError(.badData, "tie id '\(id.prefix(60))' is used twice", at: l)
            }
            var tie = Tie(
                id: GraphML.tieID(r["id"], from: from, to: to, used: &c.usedTieIDs), from: from, to: to, role: role,
                kind: kind, weight: weight,
                lifetime: try c.lifetime(
                    since: r["since"], until: r["until"], date: r["date"], precision: r["precision"], at: l),
                attributes: try attributes(r["attributes"], l),
                provenance: try c.provenance(
                    status: r["status"], confidence: r["confidence"], note: r["note"], sources: r["sources"], at: l))
            tie.undirected = r["undirected"] == "true"
            ties.append(tie)
        }
        let tieIDs = Set(ties.map(\.id))

        var observations: [Observation] = []
        var current: (key: String, obs: Observation)?
        var currentAlt: (n: Int, alt: Alternative)?
        func flushAlt() {
            if let a = currentAlt, current != nil { current!.obs.alternatives.append(a.alt) }; currentAlt = nil
        }
        func flush() { flushAlt(); if let o = current { observations.append(o.obs) }; current = nil }
        for r in try table("observations.csv", required: ["subject", "month", "quantity"]) {
            let l = loc("observations.csv", r)
            let type = r["subject_type"] ?? "org"
            let sid = r["subject"] ?? ""
            let subject: Observation.Subject
            switch type {
            case "org":
                guard c.orgIDs[sid] != nil else {
                    throw OrgNetError(.badData, "observation subject '\(sid.prefix(60))' is not a node", at: l)
                }
                subject = .organization(sid)
            case "tie":
                guard tieIDs.contains(sid) else {
                    throw OrgNetError(.badData, "observation subject '\(sid.prefix(60))' is not a tie", at: l)
                }
                subject = .tie(sid)
            default:
                throw OrgNetError(.badData, "subject_type must be org or tie; got '\(type.prefix(40))'", at: l)
            }
            guard let month = try c.month(r["month"], "month", at: l) else {
                throw OrgNetError(.badData, "month is missing", at: l)
            }
            let quantity = try ident(r["quantity"], "quantity", l)
            let key = r["observation"] ?? "\(type):\(sid)@\(month)/\(quantity)"
            let alternative = Int(r["alternative"] ?? "0") ?? -1
            guard alternative >= 0 else {
                throw OrgNetError(.badData, "alternative must be 0 (the point value) or 1, 2, ...", at: l)
            }
            let value = try c.number(r["value"], "value", at: l)
            var approximate = false
            if let a = r["approximate"] {
                guard ["true", "false"].contains(a.lowercased()) else {
                    throw OrgNetError(.badData, "approximate must be true or false; got '\(a.prefix(40))'", at: l)
                }
                approximate = a.lowercased() == "true"
            }
            var part: PartyCount?
            if let p = r["party"] {
                let pid = try ident(p, "party", l)
                guard let n = try c.number(r["count"], "count", at: l), n >= 0 else {
                    throw OrgNetError(.badData, "count of '\(pid)' must be a number of 0 or more", at: l)
                }
                c.declareParty(pid)
                part = PartyCount(party: pid, count: n)
            }
            if current?.key != key {
                flush()
                guard alternative == 0 else {
                    throw OrgNetError(
                        .badData, "an alternative reading comes before its observation's point value (alternative 0)",
                        at: l)
                }
                guard let value else { throw OrgNetError(.badData, "value is missing", at: l) }
                let p = try c.provenance(
                    status: r["status"], confidence: r["confidence"], note: r["note"], sources: r["sources"], at: l)
                var shareOf: ShareOf?
                if let parent = r["share_of"], !parent.isEmpty {
                    guard let share = try c.number(r["share"], "share", at: l) else {
                        throw OrgNetError(.badData, "share_of needs a share", at: l)
                    }
                    shareOf = ShareOf(share: share, of: parent)
                }
                current = (
                    key,
                    Observation(
                        subject: subject, month: month, quantity: quantity, value: value,
                        approximate: approximate, provenance: p, shareOf: shareOf)
                )
            }
            if alternative == 0 {
                if let part { current!.obs.composition.append(part) }
            } else {
                if currentAlt?.n != alternative {
                    flushAlt()
                    let p = try c.provenance(
                        status: r["status"], confidence: r["confidence"], note: r["note"], sources: r["sources"], at: l)
                    currentAlt = (alternative, Alternative(value: value, provenance: p))
                }
                if let part { currentAlt!.alt.composition.append(part) }
            }
        }
        flush()

        var months: [Month] = []
        if let text = header["months"], !text.isEmpty {
            for word in text.split(separator: " ") {
                guard let m = Month(String(word)), months.last.map({ m > $0 }) ?? true else {
                    throw OrgNetError(
                        .badData, "months must be ascending YYYY-MM words; got '\(word.prefix(20))'",
                        at: .init(file: path("dataset.csv")))
                }
                months.append(m)
            }
        } else {
            let all =
                (organizations.flatMap { [$0.lifetime.since, $0.lifetime.until] }
                + ties.flatMap { [$0.lifetime.since, $0.lifetime.until] }).compactMap { $0 }
                + observations.map(\.month)
            guard let lo = all.min(), let hi = all.max() else {
                throw OrgNetError(
                    .badData, "no months: add dataset.csv with a 'months' row, or lifetimes or observations",
                    at: .init(file: folder))
            }
            months = Interchange.months(from: lo, through: hi)
        }
        let id =
            header["id"].map(Interchange.identifier(from:))
            ?? Interchange.identifier(from: (folder as NSString).lastPathComponent)
        var t = Timeline(
            id: id, title: header["title"] ?? id, description: header["description"] ?? "",
            calendar: header["calendar"].flatMap(Timeline.Calendar.init(rawValue:)) ?? .gregorian,
            months: months, parties: c.parties, kinds: c.kinds, tieKinds: c.tieKinds, sources: c.allSources,
            organizations: organizations, ties: ties, observations: observations, origin: folder,
            isDirected: header["directed"] != "false")
        if let words = header["influence_roles"]?.split(separator: " "), !words.isEmpty {
            var roles = Set<Role>()
            for w in words {
                guard let r = t.role(for: String(w)) else {
                    throw OrgNetError(
                        .badData, "influence_roles names '\(w.prefix(40))', which is neither a role nor a tie kind",
                        at: .init(file: folder))
                }
                roles.insert(r)
            }
            t.declaredInfluenceRoles = roles
        }
        return t
    }
}

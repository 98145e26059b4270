import Foundation
import OrgNet

/// GEXF 1.3: the whole timeline as a dynamic graph (`mode="dynamic" timeformat="date"`) that
/// Gephi's timeline plays, and networkx reads (`read_gexf`); and its importer.
///
/// Lifetimes become spells (since → the first day of its month, until → the last day; open ends
/// are left out). Observations become dynamic attributes valid for their month: `q.QUANTITY`
/// (the value) and `c.QUANTITY.PARTY` (the party's count in the composition, titled with the party
/// id alone when only one quantity has compositions). `leading_party` is a dynamic string over the
/// months of the timeline.
public enum GEXF {
    static let nodeStatic = [
        "short", "kind", "kind_name", "kind_level", "parent", "since", "until", "date", "precision",
        "aggregate", "status", "confidence", "note", "sources", "observations",
    ]
    static let edgeStatic = [
        "role", "kind", "kind_name", "influence", "since", "until", "date", "precision",
        "status", "confidence", "note", "sources", "upward", "observations", "undirected",
    ]

    /// The GEXF document of a whole timeline.
    public static func write(_ t: Timeline) -> String {
        let esc = Interchange.xmlEscape
        let cal = t.calendar
        // A numeric time axis is written as numbers (`timeformat="double"`, or `"long"` when every
        // time is whole), each slice an interval from its time to its time.
        let axis = t.timeSlices
        func start(_ m: Month) -> String { axis.map { $0.label(of: m) } ?? Interchange.firstDay(of: m) }
        func end(_ m: Month) -> String { axis.map { $0.label(of: m) } ?? Interchange.lastDay(of: m, calendar: cal) }
        let timeformat =
            axis.map { $0.times.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 } ? "long" : "double" } ?? "date"

        // Dynamic attributes from the observations, per class.
        let orgObs = t.observations.filter { if case .organization = $0.subject { true } else { false } }
        let tieObs = t.observations.filter { if case .tie = $0.subject { true } else { false } }
        let compQuantities = Set(t.observations.filter { !$0.composition.isEmpty }.map(\.quantity))
        func dynamicAttributes(_ obs: [Observation]) -> [(id: String, title: String)] {
            var seen: Set<String> = [], out: [(String, String)] = []
            for o in obs {
                if seen.insert("q." + o.quantity).inserted { out.append(("q." + o.quantity, o.quantity)) }
                for pc in o.composition where seen.insert("c.\(o.quantity).\(pc.party)").inserted {
                    out.append(
                        (
                            "c.\(o.quantity).\(pc.party)",
                            compQuantities.count == 1 ? pc.party : "\(pc.party) \(o.quantity)"
                        ))
                }
            }
            return out
        }
        let nodeDynamic = dynamicAttributes(orgObs), edgeDynamic = dynamicAttributes(tieObs)
        let nodeAttrNames = Array(Set(t.organizations.flatMap(\.attributes.keys))).sorted()
        let edgeAttrNames = Array(Set(t.ties.flatMap(\.attributes.keys))).sorted()

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:orgnet="\(orgnetNamespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>orgnet</creator>
                <title>\(esc(t.title))</title>
                <description>\(esc(t.description))</description>
              </meta>

            """
        var graphAttrs =
            "mode=\"dynamic\" defaultedgetype=\"\(t.isDirected ? "directed" : "undirected")\" timeformat=\"\(timeformat)\" name=\"\(esc(t.id))\""
        if let f = t.months.first, let l = t.months.last {
            graphAttrs += " start=\"\(start(f))\" end=\"\(end(l))\""
            if axis == nil { graphAttrs += " orgnet:months=\"\(t.months.map(\.description).joined(separator: " "))\"" }
        }
        out += "  <graph \(graphAttrs)>\n"
        func declare(_ cls: String, _ mode: String, _ list: [(id: String, title: String, type: String)]) {
            guard !list.isEmpty else { return }
            out += "    <attributes class=\"\(cls)\" mode=\"\(mode)\">\n"
            for a in list {
                out += "      <attribute id=\"\(esc(a.id))\" title=\"\(esc(a.title))\" type=\"\(a.type)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        declare(
            "node", "static",
            nodeStatic.map { ($0, $0, $0 == "aggregate" ? "integer" : "string") }
                + nodeAttrNames.map {
                    (
                        "attr." + $0, "attr." + $0,
                        gexfType($0, "node", t.organizations.compactMap { [n = $0] in $0.attributes[n] }, t)
                    )
                })
        declare(
            "node", "dynamic",
            nodeDynamic.map { ($0.id, $0.title, "double") } + [("leading_party", "leading_party", "string")])
        declare(
            "edge", "static",
            edgeStatic.map { ($0, $0, $0 == "influence" || $0 == "undirected" ? "boolean" : "string") }
                + edgeAttrNames.map {
                    (
                        "attr." + $0, "attr." + $0,
                        gexfType($0, "edge", t.ties.compactMap { [n = $0] in $0.attributes[n] }, t)
                    )
                })
        declare("edge", "dynamic", edgeDynamic.map { ($0.id, $0.title, "double") })

        func attvalue(_ id: String, _ value: String?) {
            guard let value else { return }
            out += "          <attvalue for=\"\(esc(id))\" value=\"\(esc(value))\"/>\n"
        }
        func dynamicValues(_ obs: [Observation]) {
            var seen: Set<String> = []
            for o in obs where seen.insert("\(o.month)/\(o.quantity)").inserted {
                let span = "start=\"\(start(o.month))\" end=\"\(end(o.month))\""
                out +=
                    "          <attvalue for=\"\(esc("q." + o.quantity))\" value=\"\(Interchange.numberText(o.value))\" \(span)/>\n"
                for pc in o.composition {
                    out +=
                        "          <attvalue for=\"\(esc("c.\(o.quantity).\(pc.party)"))\" value=\"\(Interchange.numberText(pc.count))\" \(span)/>\n"
                }
            }
        }
        func spells(_ l: Lifetime) {
            guard l.since != nil || l.until != nil else { return }
            out += "        <spells>\n          <spell"
            if let s = l.since { out += " start=\"\(start(s))\"" }
            if let u = l.until { out += " end=\"\(end(u))\"" }
            out += "/>\n        </spells>\n"
        }
        func provenance(_ p: Provenance) {
            attvalue("status", p.status.rawValue)
            attvalue("confidence", p.confidence?.rawValue)
            attvalue("note", p.note)
            attvalue("sources", Interchange.sourcesText(p.sources))
        }
        func lifetime(_ l: Lifetime) {
            // On a numeric axis the spells alone carry the times (months there are stand-ins).
            attvalue("since", axis == nil ? l.since?.description : nil)
            attvalue("until", axis == nil ? l.until?.description : nil)
            attvalue("date", l.date)
            attvalue("precision", l.precision.rawValue)
        }

        out += "    <nodes>\n"
        for o in t.organizations {
            out += "      <node id=\"\(esc(o.id))\" label=\"\(esc(o.name))\">\n        <attvalues>\n"
            attvalue("short", o.short)
            attvalue("kind", o.kind)
            attvalue("kind_name", t.kind(o.kind)?.name)
            attvalue("kind_level", Interchange.level(of: o.kind, in: t).rawValue)
            attvalue("parent", o.parent)
            lifetime(o.lifetime)
            attvalue("aggregate", o.aggregate.map(String.init))
            provenance(o.provenance)
            for name in nodeAttrNames { attvalue("attr." + name, o.attributes[name]) }
            attvalue("observations", Interchange.observationsText(orgObs.filter { $0.subject == .organization(o.id) }))
            dynamicValues(orgObs.filter { $0.subject.id == o.id })
            // The leading party, month by month, in runs.
            var run: (party: String, first: Month, last: Month)?
            func flush() {
                if let r = run {
                    out +=
                        "          <attvalue for=\"leading_party\" value=\"\(esc(r.party))\" start=\"\(start(r.first))\" end=\"\(end(r.last))\"/>\n"
                }
                run = nil
            }
            for m in t.months where o.lifetime.contains(m) {
                let p = t.leadingParty(of: o.id, at: m)?.id
                if let p, let r = run, r.party == p { run!.last = m; continue }
                flush()
                if let p { run = (p, m, m) }
            }
            flush()
            out += "        </attvalues>\n"
            spells(o.lifetime)
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for e in t.ties {
            var attrs =
                "id=\"\(esc(e.id))\" source=\"\(esc(e.from))\" target=\"\(esc(e.to))\" label=\"\(esc(e.kind ?? e.role.rawValue))\""
            if let w = e.weight { attrs += " weight=\"\(Interchange.numberText(w))\"" }
            out += "      <edge \(attrs)>\n        <attvalues>\n"
            attvalue("role", e.role.rawValue)
            attvalue("kind", e.kind)
            attvalue("kind_name", Interchange.tieKindName(e.kind, in: t))
            attvalue("influence", Role.influence.contains(e.role) ? "true" : "false")
            lifetime(e.lifetime)
            provenance(e.provenance)
            attvalue("upward", e.upwardReason)
            for name in edgeAttrNames { attvalue("attr." + name, e.attributes[name]) }
            attvalue("observations", Interchange.observationsText(tieObs.filter { $0.subject == .tie(e.id) }))
            if e.undirected && t.isDirected { attvalue("undirected", "true") }
            dynamicValues(tieObs.filter { $0.subject.id == e.id })
            out += "        </attvalues>\n"
            spells(e.lifetime)
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// The GEXF type of a free-form attribute (``Interchange/attributeType(_:domain:values:in:)``).
    static func gexfType(_ name: String, _ domain: String, _ values: [String], _ t: Timeline) -> String {
        Interchange.attributeType(name, domain: domain, values: values, in: t)
    }

    /// Reads a GEXF file (1.1 to 1.3) into a timeline. With `asNetwork` (a network from another
    /// tool, read by every command) node ids are kept exactly as written, a static graph (or one
    /// that names no dates) is one snapshot without months, and a graph with numeric time
    /// (`timeformat="long"`, `"integer"`, `"double"` or `"float"`) is read on a numeric time axis
    /// (``Timeline/timeSlices``): one slice per distinct interval end the file names, each
    /// interval including both of its ends as GEXF specifies (GEXF 1.2's `startopen`/`endopen`
    /// exclude them).
    /// `limits` bounds the file's size.
    public static func read(
        path: String, asNetwork: Bool = false, limits: InputLimits = .default,
        warn: @Sendable (String) -> Void = { _ in }
    ) throws(OrgNetError) -> Timeline {
        try read(data: try XMLTree.read(path: path, limits: limits), file: path, asNetwork: asNetwork, warn: warn)
    }

    /// The namespace of orgnet's own attributes in GEXF (the snapshot months of a timeline).
    static let orgnetNamespace = "https://github.com/orgnet/orgnet/ns/gexf"

    /// Reads GEXF bytes. Spells (or `start`/`end`) become lifetimes; the months of the timeline
    /// run from the graph's `start` to its `end`, else over every date the file names. Dynamic
    /// numeric attributes become observations for the months they cover.
    public static func read(
        data: Data, file: String, asNetwork: Bool = false, warn: @Sendable (String) -> Void = { _ in }
    ) throws(OrgNetError) -> Timeline {
        let root = try XMLTree.parse(data, file: file)
        func at(_ e: XMLElementNode) -> OrgNetError.Location { .init(file: file, line: e.line) }
        guard root.localName == "gexf" else {
            throw OrgNetError(.badData, "expected a <gexf> document, found <\(root.name)>", at: at(root))
        }
        guard let graph = root.child("graph") else {
            throw OrgNetError(.badData, "the document has no <graph>", at: at(root))
        }
        var ignoreTime = false
        /// The times of a numeric time axis, ascending (nil: calendar dates).
        var numericTimes: [Double]?
        if let tf = graph.attributes["timeformat"], !["date", "dateTime", "datetime"].contains(tf) {
            guard asNetwork else {
                throw OrgNetError(
                    .badData, "timeformat '\(tf)' is not supported; orgnet imports timeformat=\"date\"",
                    at: at(graph),
                    hints: ["every other command reads it on its numeric time axis: orgnet months \(file)"])
            }
            if ["long", "integer", "double", "float"].contains(tf) {
                numericTimes = try times(in: root, file: file)
            } else {
                if graph.attributes["mode"] == "dynamic" {
                    warn(
                        "orgnet: \((file as NSString).lastPathComponent): timeformat=\"\(tf)\" is neither dates nor numbers; read as one snapshot of every node and edge (spells ignored)"
                    )
                }
                ignoreTime = true
            }
        }
        let timeIndex = Dictionary(
            (numericTimes ?? []).enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let graphDirected = graph.attributes["defaultedgetype"] != "undirected"
        struct Attr { let title: String; let type: String; let dynamic: Bool }
        var attrs: [String: [String: Attr]] = ["node": [:], "edge": [:]]
        for a in graph.children("attributes") {
            let cls = a.attributes["class"] ?? "node"
            guard cls == "node" || cls == "edge" else { continue }
            let dynamic = a.attributes["mode"] == "dynamic"
            for d in a.children("attribute") {
                guard let id = d.attributes["id"] else {
                    throw OrgNetError(.badData, "an <attribute> without an id", at: at(d))
                }
                attrs[cls]![id] = Attr(
                    title: d.attributes["title"] ?? id, type: d.attributes["type"] ?? "string", dynamic: dynamic)
            }
        }
        var dates: [Month] = []
        func month(_ text: String?, _ what: String, _ e: XMLElementNode) throws(OrgNetError) -> Month? {
            guard let text, !text.isEmpty, !ignoreTime else { return nil }
            if numericTimes != nil {
                // Every number was collected by times(in:file:); the key is its slice.
                guard let x = Double(text.trimmingCharacters(in: .whitespaces)), let i = timeIndex[x] else {
                    throw OrgNetError(
                        .badData,
                        "\(what) must be a number (the graph's timeformat is \(graph.attributes["timeformat"]!)); got '\(text.prefix(40))'",
                        at: at(e))
                }
                dates.append(TimeSlices.key(i))
                return TimeSlices.key(i)
            }
            guard let m = Month(String(text.prefix(10))) else {
                throw OrgNetError(.badData, "\(what) must be a date YYYY-MM-DD; got '\(text.prefix(40))'", at: at(e))
            }
            dates.append(m)
            return m
        }
        /// Static values by title, and dynamic ones as (id, value, month).
        func values(_ e: XMLElementNode, _ cls: String) throws(OrgNetError) -> (
            [String: String], [(String, Double, Month)]
        ) {
            var s: [String: String] = [:], d: [(String, Double, Month)] = []
            for av in e.child("attvalues")?.children("attvalue") ?? [] {
                guard let key = av.attributes["for"] ?? av.attributes["id"], let a = attrs[cls]![key] else {
                    throw OrgNetError(
                        .badData, "<attvalue> names an undeclared \(cls) attribute '\(av.attributes["for"] ?? "")'",
                        at: at(av))
                }
                guard let value = av.attributes["value"] else {
                    throw OrgNetError(.badData, "<attvalue> without a value", at: at(av))
                }
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                switch a.type {
                case "integer", "long":
                    guard Int(trimmed) != nil else {
                        throw OrgNetError(
                            .badData, "\(a.title) is declared \(a.type) but holds '\(value.prefix(40))'", at: at(av))
                    }
                case "double", "float":
                    guard Double(trimmed) != nil else {
                        throw OrgNetError(
                            .badData, "\(a.title) is declared \(a.type) but holds '\(value.prefix(40))'", at: at(av))
                    }
                case "boolean":
                    guard ["true", "false"].contains(trimmed.lowercased()) else {
                        throw OrgNetError(
                            .badData, "\(a.title) is declared boolean but holds '\(value.prefix(40))'", at: at(av))
                    }
                default: break
                }
                let start = try month(av.attributes["start"], "start", av)
                _ = try month(av.attributes["end"], "end", av)
                if let start, ["integer", "long", "double", "float"].contains(a.type) {
                    d.append((key, Double(trimmed)!, start))
                } else if start == nil || !a.dynamic {
                    s[a.title] = value
                }
            }
            return (s, d)
        }
        /// GEXF 1.2's open interval ends: the slice next to the time, inward.
        func open(_ key: Month?, _ e: XMLElementNode, _ flag: String, _ step: Int) -> Month? {
            guard let key, e.attributes[flag] == "true" else { return key }
            return TimeSlices.key(max(0, key.ordinal - TimeSlices.key(0).ordinal + step))
        }
        func lifetime(_ e: XMLElementNode) throws(OrgNetError) -> (Month?, Month?) {
            var since: Month? = try month(e.attributes["start"], "start", e),
                until: Month? = try month(e.attributes["end"], "end", e)
            if numericTimes != nil {
                since = open(since, e, "startopen", +1)
                until = open(until, e, "endopen", -1)
            }
            for sp in e.child("spells")?.children("spell") ?? [] {
                var s = try month(sp.attributes["start"], "spell start", sp),
                    u = try month(sp.attributes["end"], "spell end", sp)
                if numericTimes != nil {
                    s = open(s, sp, "startopen", +1)
                    u = open(u, sp, "endopen", -1)
                }
                since = s.flatMap { s in since.map { min($0, s) } ?? s }
                until = u.flatMap { u in until.map { max($0, u) } ?? u }
                if sp.attributes["start"] == nil { since = nil }
            }
            return (since, until)
        }

        var c = ImportCollector(file: file)
        let nodeElements = graph.child("nodes")?.children("node") ?? []
        for n in nodeElements {
            guard let raw = n.attributes["id"], !raw.isEmpty else {
                throw OrgNetError(.badData, "a <node> without an id", at: at(n))
            }
            guard c.orgIDs[raw] == nil else {
                throw OrgNetError(.badData, "node id '\(raw.prefix(60))' is used twice", at: at(n))
            }
            c.orgIDs[raw] = asNetwork ? raw : ImportCollector.unique(raw, in: &c.usedOrgIDs)
            c.usedOrgIDs.insert(c.orgIDs[raw]!)
        }
        var organizations: [Organization] = [], observations: [Observation] = []
        /// Observations carried whole as JSON text (orgnet's own exports) replace those rebuilt
        /// from the dynamic attributes, which lack alternatives and provenance.
        func addObservations(
            _ dyn: [(String, Double, Month)], subject: Observation.Subject, cls: String,
            text: String?, at loc: OrgNetError.Location
        ) throws(OrgNetError) {
            if let text, !text.isEmpty {
                observations += try c.observations(fromText: text, subject: subject, at: loc)
                return
            }
            var byKey: [String: Int] = [:]
            for (key, value, m) in dyn where !key.hasPrefix("c.") {
                let quantity =
                    key.hasPrefix("q.")
                    ? String(key.dropFirst(2)) : Interchange.identifier(from: attrs[cls]![key]!.title)
                byKey["\(m)/\(quantity)"] = observations.count
                observations.append(
                    Observation(
                        subject: subject, month: m, quantity: quantity, value: value,
                        provenance: Interchange.importProvenance(c.source)))
                c.usedImportSource = true
            }
            for (key, value, m) in dyn where key.hasPrefix("c.") {
                let parts = key.dropFirst(2).split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2, let i = byKey["\(m)/\(parts[0])"] else { continue }
                let party = Interchange.identifier(from: parts[1])
                c.declareParty(party)
                observations[i].composition.append(PartyCount(party: party, count: value))
            }
        }
        for n in nodeElements {
            let id = c.orgIDs[n.attributes["id"]!]!
            let (v, dyn) = try values(n, "node")
            let loc = at(n)
            let kind = Interchange.identifier(from: v["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "other")
            c.declareKind(kind, name: v["kind_name"], level: v["kind_level"])
            var parent: String?
            if let p = v["parent"] ?? n.attributes["pid"], !p.isEmpty {
                parent = c.orgIDs[p] // a parent outside the file is left out
            }
            var aggregate: Int?
            if let a = v["aggregate"], !a.isEmpty {
                guard let k = Int(a), k >= 1 else {
                    throw OrgNetError(
                        .badData, "aggregate must be a whole number of 1 or more; got '\(a.prefix(40))'", at: loc)
                }
                aggregate = k
            }
            let (since, until) = try lifetime(n)
            var l = try c.lifetime(
                since: v["since"], until: v["until"], date: v["date"], precision: v["precision"], at: loc)
            l.since = since ?? l.since
            l.until = until ?? l.until
            var attributes: [String: String] = [:]
            for (k, value) in v where !nodeStatic.contains(k) && k != "name" && k != "label" {
                attributes[k.hasPrefix("attr.") ? String(k.dropFirst(5)) : k] = value
            }
            organizations.append(
                Organization(
                    id: id, name: v["name"] ?? n.attributes["label"] ?? id, short: v["short"], kind: kind,
                    parent: parent, lifetime: l,
                    aggregate: aggregate, attributes: attributes,
                    provenance: try c.provenance(
                        status: v["status"], confidence: v["confidence"], note: v["note"], sources: v["sources"],
                        at: loc)))
            try addObservations(dyn, subject: .organization(id), cls: "node", text: v["observations"], at: loc)
        }
        var ties: [Tie] = []
        for e in graph.child("edges")?.children("edge") ?? [] {
            let loc = at(e)
            guard let s = e.attributes["source"], let d = e.attributes["target"] else {
                throw OrgNetError(.badData, "an <edge> needs a source and a target", at: loc)
            }
            guard let from = c.orgIDs[s] else {
                throw OrgNetError(.badData, "edge source '\(s.prefix(60))' is not a node", at: loc)
            }
            guard let to = c.orgIDs[d] else {
                throw OrgNetError(.badData, "edge target '\(d.prefix(60))' is not a node", at: loc)
            }
            let (v, dyn) = try values(e, "edge")
            let (role, kind) = try c.role(
                v["role"] ?? e.attributes["label"], kind: v["kind"], kindName: v["kind_name"], at: loc)
            let weight = try c.number(e.attributes["weight"] ?? v["weight"], "weight", at: loc)
            if let weight, weight < 0 { throw OrgNetError(.badData, "weight must not be negative", at: loc) }
            let (since, until) = try lifetime(e)
            var l = try c.lifetime(
                since: v["since"], until: v["until"], date: v["date"], precision: v["precision"], at: loc)
            l.since = since ?? l.since
            l.until = until ?? l.until
            var attributes: [String: String] = [:]
            for (k, value) in v where !edgeStatic.contains(k) && k != "weight" {
                attributes[k.hasPrefix("attr.") ? String(k.dropFirst(5)) : k] = value
            }
            let id = GraphML.tieID(e.attributes["id"], from: from, to: to, used: &c.usedTieIDs)
            let prov = try c.provenance(
                status: v["status"], confidence: v["confidence"], note: v["note"], sources: v["sources"], at: loc)
            var tie = Tie(
                id: id, from: from, to: to, role: role, kind: kind, weight: weight, lifetime: l, attributes: attributes,
                provenance: prov, upwardReason: v["upward"])
            tie.undirected = v["undirected"] == "true" && graphDirected
            ties.append(tie)
            try addObservations(dyn, subject: .tie(id), cls: "edge", text: v["observations"], at: loc)
            // Per-edge direction, as networkx's read_gexf: a mutual edge is two arcs; an undirected
            // edge cannot sit in a directed graph.
            switch e.attributes["type"] ?? e.attributes["edgetype"] {
            case "mutual"? where graphDirected:
                let back = GraphML.tieID(nil, from: to, to: from, used: &c.usedTieIDs)
                ties.append(
                    Tie(
                        id: back, from: to, to: from, role: role, kind: kind, weight: weight, lifetime: l,
                        attributes: attributes,
                        provenance: prov))
            case "undirected"? where graphDirected:
                throw OrgNetError(
                    .badData, "an undirected edge in a directed graph; orgnet (like networkx) reads one or the other",
                    at: loc, remedy: .readAsUndirected)
            default: break
            }
        }
        let graphStart = try month(graph.attributes["start"], "graph start", graph)
        let graphEnd = try month(graph.attributes["end"], "graph end", graph)
        let lo = graphStart ?? dates.min(), hi = graphEnd ?? dates.max()
        var months: [Month] = []
        if let lo, let hi, lo <= hi {
            months = Interchange.months(from: lo, through: hi)
            // orgnet's own export lists the snapshot months, which need not be consecutive.
            if let listed = graph.attributes.first(where: { $0.key.hasSuffix(":months") })?.value {
                let parsed = listed.split(separator: " ").compactMap { Month(String($0)) }
                if !parsed.isEmpty, parsed == parsed.sorted() { months = parsed }
            }
        } else if !asNetwork {
            throw OrgNetError(
                .badData, "the file names no dates; orgnet needs spells or a graph start and end", at: at(graph))
        }
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = Interchange.identifier(from: graph.attributes["name"].flatMap { $0.isEmpty ? nil : $0 } ?? base)
        let meta = root.child("meta")
        var types: [String: String] = [:]
        for (cls, list) in attrs {
            for a in list.values where !a.dynamic {
                let name = a.title.hasPrefix("attr.") ? String(a.title.dropFirst(5)) : a.title
                if let type = Interchange.recordedType(a.type) { types[cls + ":" + name] = type }
            }
        }
        var t = Timeline(
            id: id, title: meta?.child("title")?.text ?? id,
            description: meta?.child("description")?.text ?? "Imported from \((file as NSString).lastPathComponent).",
            months: months, parties: c.parties, kinds: c.kinds, tieKinds: c.tieKinds,
            sources: c.allSources, organizations: organizations, ties: ties, observations: observations,
            origin: file, isDirected: graphDirected)
        t.attributeTypes = Interchange.freeFormTypes(types, organizations: organizations, ties: ties)
        if let numericTimes, !numericTimes.isEmpty { t.timeSlices = TimeSlices(times: numericTimes) }
        return t
    }

    /// The distinct times a GEXF with numeric time names (graph, node, edge, spell and attvalue
    /// `start`/`end`), ascending.
    static func times(in root: XMLElementNode, file: String) throws(OrgNetError) -> [Double] {
        var found: Set<Double> = []
        var stack = [root]
        while let e = stack.popLast() {
            for key in ["start", "end"] {
                guard let text = e.attributes[key], !text.isEmpty else { continue }
                guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                    throw OrgNetError(
                        .badData,
                        "\(key) must be a number (the graph's timeformat is numeric); got '\(text.prefix(40))'",
                        at: .init(file: file, line: e.line))
                }
                found.insert(x)
            }
            stack += e.children
        }
        guard found.count <= TimeSlices.capacity else {
            throw OrgNetError(
                .badData, "the file names \(found.count) distinct times; orgnet reads at most \(TimeSlices.capacity)",
                at: .init(file: file))
        }
        return found.sorted()
    }
}

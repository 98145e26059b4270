import Foundation
import OrgNet

/// GraphML: one month's network as a directed graph with typed attributes, for networkx
/// (`read_graphml`), igraph (`Graph.Read_GraphML`), yEd, Cytoscape and Gephi; and its importer.
public enum GraphML {
    /// A declared attribute: its GraphML key id, what it is for, its name and its type.
    struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
    }

    static let graphKeys = [
        Key(id: "g_dataset", domain: "graph", name: "dataset", type: "string"),
        Key(id: "g_title", domain: "graph", name: "title", type: "string"),
        Key(id: "g_month", domain: "graph", name: "month", type: "string"),
        Key(id: "g_calendar", domain: "graph", name: "calendar", type: "string"),
    ]
    static let nodeKeys: [Key] = [
        ("name", "string"), ("short", "string"), ("kind", "string"), ("kind_name", "string"), ("kind_level", "string"),
        ("parent", "string"), ("since", "string"), ("until", "string"), ("date", "string"), ("precision", "string"),
        ("aggregate", "int"), ("status", "string"), ("confidence", "string"), ("note", "string"), ("sources", "string"),
        ("leading_party", "string"), ("observations", "string"),
    ].map { Key(id: "n_" + $0.0, domain: "node", name: $0.0, type: $0.1) }
    static let edgeKeys: [Key] = [
        ("id", "string"), ("role", "string"), ("kind", "string"), ("kind_name", "string"), ("weight", "double"),
        ("influence", "boolean"), ("since", "string"), ("until", "string"), ("date", "string"), ("precision", "string"),
        ("status", "string"), ("confidence", "string"), ("note", "string"), ("sources", "string"), ("upward", "string"),
        ("weight_known", "boolean"), ("observations", "string"),
    ].map { Key(id: "e_" + $0.0, domain: "edge", name: $0.0, type: $0.1) }

    /// Key defaults: an edge without a weight weighs 1 (what `--weighted` uses, and what igraph's
    /// and networkx's weighted measures then see instead of NaN); `weight_known` says whether the
    /// weight was given (false only for orgnet ties of unknown weight).
    static let keyDefaults = ["e_weight": "1", "e_weight_known": "true"]

    /// The GraphML document of one snapshot: typed `<key>` declarations, then every organization
    /// alive that month as a node and every tie (of every role) as a directed edge.
    /// Free-form attributes become string keys named `attr.NAME`.
    public static func write(_ snapshot: Snapshot) -> String {
        let t = snapshot.timeline
        let esc = Interchange.xmlEscape
        let nodeAttrNames = Array(Set(snapshot.organizations.flatMap(\.attributes.keys))).sorted()
        let edgeAttrNames = Array(Set(snapshot.ties.flatMap(\.attributes.keys))).sorted()
        let nodeExtra = nodeAttrNames.enumerated().map {
            Key(
                id: "n_attr\($0.offset)", domain: "node", name: "attr." + $0.element,
                type: Interchange.attributeType(
                    $0.element, domain: "node",
                    values: snapshot.organizations.compactMap { [name = $0.element] in $0.attributes[name] }, in: t))
        }
        let edgeExtra = edgeAttrNames.enumerated().map {
            Key(
                id: "e_attr\($0.offset)", domain: "edge", name: "attr." + $0.element,
                type: Interchange.attributeType(
                    $0.element, domain: "edge",
                    values: snapshot.ties.compactMap { [name = $0.element] in $0.attributes[name] }, in: t))
        }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for k in graphKeys + nodeKeys + nodeExtra + edgeKeys + edgeExtra {
            if let d = keyDefaults[k.id] {
                out +=
                    "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(esc(k.name))\" attr.type=\"\(k.type)\"><default>\(d)</default></key>\n"
            } else {
                out +=
                    "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(esc(k.name))\" attr.type=\"\(k.type)\"/>\n"
            }
        }
        out += "  <graph id=\"\(esc(t.id))\" edgedefault=\"\(t.isDirected ? "directed" : "undirected")\">\n"
        func data(_ key: String, _ value: String?, indent: String = "      ") {
            guard let value else { return }
            out += "\(indent)<data key=\"\(key)\">\(esc(value))</data>\n"
        }
        data("g_dataset", t.id, indent: "    ")
        data("g_title", t.title, indent: "    ")
        data("g_month", snapshot.month?.description, indent: "    ")
        data("g_calendar", t.calendar.rawValue, indent: "    ")
        // The observations in effect in the month (``Interchange/observationsInEffect(_:)``).
        let inEffect = Dictionary(grouping: Interchange.observationsInEffect(snapshot), by: \.subject)
        for o in snapshot.organizations {
            out += "    <node id=\"\(esc(o.id))\">\n"
            data("n_name", o.name)
            data("n_short", o.short)
            data("n_kind", o.kind)
            data("n_kind_name", t.kind(o.kind)?.name)
            data("n_kind_level", Interchange.level(of: o.kind, in: t).rawValue)
            data("n_parent", o.parent)
            data("n_since", o.lifetime.since?.description)
            data("n_until", o.lifetime.until?.description)
            data("n_date", o.lifetime.date)
            data("n_precision", o.lifetime.precision.rawValue)
            data("n_aggregate", o.aggregate.map(String.init))
            data("n_status", o.provenance.status.rawValue)
            data("n_confidence", o.provenance.confidence?.rawValue)
            data("n_note", o.provenance.note)
            data("n_sources", Interchange.sourcesText(o.provenance.sources))
            data("n_leading_party", t.leadingParty(of: o.id, at: snapshot.month)?.id)
            data("n_observations", Interchange.observationsText(inEffect[.organization(o.id)] ?? []))
            for (i, name) in nodeAttrNames.enumerated() { data("n_attr\(i)", o.attributes[name]) }
            out += "    </node>\n"
        }
        for tie in snapshot.ties {
            let direction = tie.undirected && t.isDirected ? " directed=\"false\"" : ""
            out += "    <edge source=\"\(esc(tie.from))\" target=\"\(esc(tie.to))\"\(direction)>\n"
            data("e_id", tie.id)
            data("e_role", tie.role.rawValue)
            data("e_kind", tie.kind)
            data("e_kind_name", Interchange.tieKindName(tie.kind, in: t))
            data("e_weight", tie.weight.map(Interchange.numberText))
            if tie.weight == nil { data("e_weight_known", "false") }
            data("e_influence", Role.influence.contains(tie.role) ? "true" : "false")
            data("e_since", tie.lifetime.since?.description)
            data("e_until", tie.lifetime.until?.description)
            data("e_date", tie.lifetime.date)
            data("e_precision", tie.lifetime.precision.rawValue)
            data("e_status", tie.provenance.status.rawValue)
            data("e_confidence", tie.provenance.confidence?.rawValue)
            data("e_note", tie.provenance.note)
            data("e_sources", Interchange.sourcesText(tie.provenance.sources))
            data("e_upward", tie.upwardReason)
            data("e_observations", Interchange.observationsText(inEffect[.tie(tie.id)] ?? []))
            for (i, name) in edgeAttrNames.enumerated() { data("e_attr\(i)", tie.attributes[name]) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Reads a GraphML file into a one-month timeline. The month is `month`, else the graph's
    /// `month` data, else the span of the lifetimes found; with none of these it is a usage error,
    /// unless `asNetwork`: then the file is one snapshot without months (a network from another
    /// tool), and node ids are kept exactly as the file writes them.
    /// The graph's `edgedefault` decides whether the network is directed.
    /// `limits` bounds the file's size.
    public static func read(
        path: String, month: Month? = nil, asNetwork: Bool = false,
        limits: InputLimits = .default
    ) throws(OrgNetError) -> Timeline {
        try read(data: try XMLTree.read(path: path, limits: limits), file: path, month: month, asNetwork: asNetwork)
    }

    /// Reads GraphML bytes; errors name `file` and the line of the offending element.
    public static func read(data: Data, file: String, month: Month? = nil, asNetwork: Bool = false) throws(OrgNetError)
        -> Timeline
    {
        let root = try XMLTree.parse(data, file: file)
        func at(_ e: XMLElementNode) -> OrgNetError.Location { .init(file: file, line: e.line) }
        guard root.localName == "graphml" else {
            throw OrgNetError(.badData, "expected a <graphml> document, found <\(root.name)>", at: at(root))
        }
        var keys: [String: Key] = [:]
        var defaults: [String: String] = [:]
        for k in root.children("key") {
            guard let id = k.attributes["id"] else { throw OrgNetError(.badData, "<key> without an id", at: at(k)) }
            let type = k.attributes["attr.type"] ?? "string"
            guard ["string", "int", "long", "float", "double", "boolean"].contains(type) else {
                throw OrgNetError(.badData, "key '\(id)' has unknown attr.type '\(type)'", at: at(k))
            }
            keys[id] = Key(
                id: id, domain: k.attributes["for"] ?? "all", name: k.attributes["attr.name"] ?? id, type: type)
            if let d = k.child("default") { defaults[id] = d.text }
        }
        guard let graph = root.child("graph") else {
            throw OrgNetError(.badData, "the document has no <graph>", at: at(root))
        }

        /// The typed data of an element, as strings by attribute name (defaults first).
        func values(_ e: XMLElementNode, domain: String) throws(OrgNetError) -> [String: String] {
            var v: [String: String] = [:]
            for (id, d) in defaults where keys[id].map({ $0.domain == domain || $0.domain == "all" }) ?? false {
                v[keys[id]!.name] = d
            }
            for d in e.children("data") {
                guard let keyID = d.attributes["key"], let key = keys[keyID] else {
                    throw OrgNetError(
                        .badData, "<data> names an undeclared key '\(d.attributes["key"] ?? "")'", at: at(d))
                }
                let text = d.text
                switch key.type {
                case "int", "long":
                    guard Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) != nil else {
                        throw OrgNetError(
                            .badData, "\(key.name) is declared \(key.type) but holds '\(text.prefix(40))'", at: at(d))
                    }
                case "float", "double":
                    guard Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) != nil else {
                        throw OrgNetError(
                            .badData, "\(key.name) is declared \(key.type) but holds '\(text.prefix(40))'", at: at(d))
                    }
                case "boolean":
                    guard
                        ["true", "false", "1", "0"].contains(
                            text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
                    else {
                        throw OrgNetError(
                            .badData, "\(key.name) is declared boolean but holds '\(text.prefix(40))'", at: at(d))
                    }
                default: break
                }
                v[key.name] = key.type == "string" ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return v
        }

        let graphData = try values(graph, domain: "graph")
        var c = ImportCollector(file: file)
        // Nodes first: ids must be known before edges and parents.
        var pendingNodes: [(XMLElementNode, String, [String: String])] = []
        for n in graph.children("node") {
            guard let raw = n.attributes["id"], !raw.isEmpty else {
                throw OrgNetError(.badData, "a <node> without an id", at: at(n))
            }
            guard c.orgIDs[raw] == nil else {
                throw OrgNetError(.badData, "node id '\(raw.prefix(60))' is used twice", at: at(n))
            }
            let id = asNetwork ? raw : ImportCollector.unique(raw, in: &c.usedOrgIDs)
            c.usedOrgIDs.insert(id)
            c.orgIDs[raw] = id
            pendingNodes.append((n, id, try values(n, domain: "node")))
        }
        var organizations: [Organization] = []
        let known: Set<String> = [
            "name", "label", "short", "kind", "kind_name", "kind_level", "parent", "since", "until",
            "date", "precision", "aggregate", "status", "confidence", "note", "sources", "leading_party",
            "observations",
        ]
        var observations: [Observation] = []
        /// Observations carried as JSON text (orgnet's own exports); their sources are declared.
        func addObservations(_ text: String?, _ subject: Observation.Subject, at loc: OrgNetError.Location)
            throws(OrgNetError)
        {
            guard let text, !text.isEmpty else { return }
            observations += try c.observations(fromText: text, subject: subject, at: loc)
        }
        for (n, id, v) in pendingNodes {
            let loc = at(n)
            let kind = Interchange.identifier(from: v["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "other")
            c.declareKind(kind, name: v["kind_name"], level: v["kind_level"])
            var parent: String?
            // A parent outside the file (not alive that month) is left out: a parent is no edge.
            if let p = v["parent"], !p.isEmpty { parent = c.orgIDs[p] }
            var aggregate: Int?
            if let a = v["aggregate"], !a.isEmpty {
                guard let n = Int(a), n >= 1 else {
                    throw OrgNetError(
                        .badData, "aggregate must be a whole number of 1 or more; got '\(a.prefix(40))'", at: loc)
                }
                aggregate = n
            }
            var attributes: [String: String] = [:]
            for (k, value) in v where !known.contains(k) {
                attributes[k.hasPrefix("attr.") ? String(k.dropFirst(5)) : k] = value
            }
            organizations.append(
                Organization(
                    id: id, name: v["name"] ?? v["label"] ?? id, short: v["short"].flatMap { $0.isEmpty ? nil : $0 },
                    kind: kind,
                    parent: parent,
                    lifetime: try c.lifetime(
                        since: v["since"], until: v["until"], date: v["date"], precision: v["precision"], at: loc),
                    aggregate: aggregate, attributes: attributes,
                    provenance: try c.provenance(
                        status: v["status"], confidence: v["confidence"], note: v["note"], sources: v["sources"],
                        at: loc)))
            try addObservations(v["observations"], .organization(id), at: loc)
        }
        var ties: [Tie] = []
        let knownEdge: Set<String> = [
            "id", "role", "kind", "kind_name", "weight", "influence", "since", "until", "date",
            "precision", "status", "confidence", "note", "sources", "upward", "weight_known", "observations",
        ]
        for e in graph.children("edge") {
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
            let v = try values(e, domain: "edge")
            let (role, kind) = try c.role(v["role"], kind: v["kind"], kindName: v["kind_name"], at: loc)
            let weight = v["weight_known"] == "false" ? nil : try c.number(v["weight"], "weight", at: loc)
            if let weight, weight < 0 { throw OrgNetError(.badData, "weight must not be negative", at: loc) }
            var attributes: [String: String] = [:]
            for (k, value) in v where !knownEdge.contains(k) {
                attributes[k.hasPrefix("attr.") ? String(k.dropFirst(5)) : k] = value
            }
            let tid = tieID(v["id"] ?? e.attributes["id"], from: from, to: to, used: &c.usedTieIDs)
            try addObservations(v["observations"], .tie(tid), at: loc)
            var tie = Tie(
                id: tid,
                from: from, to: to, role: role, kind: kind, weight: weight,
                lifetime: try c.lifetime(
                    since: v["since"], until: v["until"], date: v["date"], precision: v["precision"], at: loc),
                attributes: attributes,
                provenance: try c.provenance(
                    status: v["status"], confidence: v["confidence"], note: v["note"], sources: v["sources"], at: loc),
                upwardReason: v["upward"])
            tie.undirected = e.attributes["directed"] == "false" && graph.attributes["edgedefault"] != "undirected"
            ties.append(tie)
        }
        var months: [Month]
        if let month {
            months = [month]
        } else if let g = try c.month(graphData["month"], "the graph's month", at: at(graph)) {
            months = [g]
        } else {
            let ends =
                organizations.flatMap { [$0.lifetime.since, $0.lifetime.until] }
                + ties.flatMap { [$0.lifetime.since, $0.lifetime.until] }
            let all = ends.compactMap { $0 }
            if let lo = all.min(), let hi = all.max() {
                months = Interchange.months(from: lo, through: hi)
            } else if asNetwork {
                months = []
            } else {
                throw OrgNetError(
                    .invalidArgument, "the file names no month", at: .init(file: file), remedy: .nameMonth)
            }
        }
        let id =
            graphData["dataset"].map(Interchange.identifier(from:))
            ?? Interchange.identifier(from: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        var types: [String: String] = [:]
        for key in keys.values where key.domain == "node" || key.domain == "edge" {
            let name = key.name.hasPrefix("attr.") ? String(key.name.dropFirst(5)) : key.name
            if let type = Interchange.recordedType(key.type) { types[key.domain + ":" + name] = type }
        }
        var t = Timeline(
            id: id, title: graphData["title"] ?? id,
            description: "Imported from \((file as NSString).lastPathComponent).",
            calendar: graphData["calendar"].flatMap(Timeline.Calendar.init(rawValue:)) ?? .gregorian,
            months: months, parties: c.parties, kinds: c.kinds, tieKinds: c.tieKinds, sources: c.allSources,
            organizations: organizations, ties: ties, observations: observations, origin: file,
            isDirected: graph.attributes["edgedefault"] != "undirected")
        t.attributeTypes = Interchange.freeFormTypes(types, organizations: organizations, ties: ties)
        return t
    }

    /// A tie id for an imported edge: the file's id when it is an identifier (or the default
    /// `FROM->TO`), made unique; else `FROM->TO`, else a sanitized id.
    static func tieID(_ raw: String?, from: String, to: String, used: inout Set<String>) -> String {
        let fallback = "\(from)->\(to)"
        if let raw, !raw.isEmpty, raw == fallback || Interchange.isIdentifier(raw), !used.contains(raw) {
            used.insert(raw)
            return raw
        }
        if !used.contains(fallback) && (raw == nil || raw!.isEmpty) {
            used.insert(fallback)
            return fallback
        }
        return ImportCollector.unique(raw.flatMap { $0.isEmpty ? nil : $0 } ?? "\(from)-\(to)", in: &used)
    }
}

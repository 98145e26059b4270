import Foundation
import OrgNet

/// networkx node-link JSON (`networkx.node_link_data` / `node_link_graph` with their defaults in
/// networkx 3.6: `nodes`, `edges`, `source`, `target`, `id`, `key`), for one month or the whole
/// timeline (then nodes and edges carry `since`/`until` and their observations).
public enum NodeLinkJSON {
    /// One month: the organizations alive then and all their ties, with `leading_party` per node.
    /// `multigraph` is true (and edges carry `key`, the tie id) only when two ties join the same
    /// pair in the same direction.
    public static func write(_ snapshot: Snapshot) -> String {
        let t = snapshot.timeline
        var graph: [String: Any] = ["dataset": t.id, "title": t.title, "calendar": t.calendar.rawValue]
        if let m = snapshot.month { graph["month"] = m.description }
        // The observations in effect in the month, also those carried forward (``Interchange/observationsInEffect(_:)``).
        let bySubject = Dictionary(grouping: Interchange.observationsInEffect(snapshot), by: \.subject)
        let nodes = snapshot.organizations.map { o -> [String: Any] in
            var n = node(o, in: t)
            n["leading_party"] = t.leadingParty(of: o.id, at: snapshot.month)?.id ?? NSNull()
            n["observations"] = (bySubject[.organization(o.id)] ?? []).map(observation)
            return n
        }
        return document(t, graph: graph, nodes: nodes, ties: snapshot.ties, observations: bySubject)
    }

    /// The whole timeline: every organization and tie with its lifetime (`since`/`until`, null when
    /// open), every observation on its node or edge, and the header (months, parties, kinds, tie
    /// kinds, sources) in `graph`.
    public static func write(_ t: Timeline) -> String {
        let graph: [String: Any] = [
            "dataset": t.id, "title": t.title, "description": t.description, "calendar": t.calendar.rawValue,
            "months": t.months.map(\.description),
            "parties": t.parties.map {
                ["id": $0.id, "name": $0.name, "color": $0.color ?? NSNull()] as [String: Any]
            },
            "kinds": t.kinds.map { ["id": $0.id, "name": $0.name, "level": $0.level.rawValue] },
            "tie_kinds": t.tieKinds.map { ["id": $0.id, "name": $0.name, "role": $0.role.rawValue] },
            "sources": t.sources.map {
                [
                    "id": $0.id, "title": $0.title, "kind": $0.kind.rawValue,
                    "author": $0.author ?? NSNull(), "url": $0.url ?? NSNull(),
                ] as [String: Any]
            },
        ]
        let bySubject = Dictionary(grouping: t.observations, by: \.subject)
        let nodes = t.organizations.map { o -> [String: Any] in
            var n = node(o, in: t)
            n["observations"] = (bySubject[.organization(o.id)] ?? []).map(observation)
            return n
        }
        return document(t, graph: graph, nodes: nodes, ties: t.ties, observations: bySubject)
    }

    /// `observations` are grouped by subject once (file order kept within a subject), so writing
    /// is linear in nodes + edges + observations rather than their product.
    static func document(
        _ t: Timeline, graph: [String: Any], nodes: [[String: Any]], ties: [Tie],
        observations: [Observation.Subject: [Observation]]
    ) -> String {
        var pairs: Set<String> = [], multigraph = false
        for tie in ties where !pairs.insert(tie.from + "\u{0}" + tie.to).inserted { multigraph = true }
        let edges = ties.map { tie -> [String: Any] in
            var e = edge(tie, in: t)
            if multigraph { e["key"] = tie.id }
            e["observations"] = (observations[.tie(tie.id)] ?? []).map(observation)
            return e
        }
        let doc: [String: Any] = [
            "directed": t.isDirected, "multigraph": multigraph, "graph": graph,
            "nodes": nodes, "edges": edges,
        ]
        // Plain dictionaries of strings, numbers, booleans and nulls always serialize.
        let data =
            (try? JSONSerialization.data(
                withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func optional(_ v: String?) -> Any { v ?? NSNull() }

    /// Free-form attributes with their declared types (``Timeline/attributeTypes``): numbers and
    /// booleans as JSON numbers and booleans, the rest (and values that do not parse) as text.
    static func typed(_ attributes: [String: String], domain: String, in t: Timeline) -> [String: Any] {
        var out: [String: Any] = [:]
        for (k, v) in attributes {
            switch t.attributeTypes[domain + ":" + k] {
            case "long"?: out[k] = Int64(v).map { $0 as Any } ?? v
            case "double"?: out[k] = Double(v).flatMap { $0.isFinite ? $0 as Any : nil } ?? v
            case "boolean"?: out[k] = v == "true" ? true : (v == "false" ? false : v as Any)
            default: out[k] = v
            }
        }
        return out
    }

    static func provenance(_ p: Provenance, into d: inout [String: Any]) {
        d["status"] = p.status.rawValue
        d["confidence"] = p.confidence?.rawValue
        d["note"] = optional(p.note)
        d["sources"] = Interchange.sourcesText(p.sources)
        d["citations"] = p.sources.map { ["ref": $0.ref, "at": optional($0.at), "facts": $0.facts] as [String: Any] }
    }

    static func lifetime(_ l: Lifetime, into d: inout [String: Any]) {
        d["since"] = optional(l.since?.description)
        d["until"] = optional(l.until?.description)
        d["date"] = optional(l.date)
        d["precision"] = l.precision.rawValue
    }

    static func node(_ o: Organization, in t: Timeline) -> [String: Any] {
        var n: [String: Any] = [
            "id": o.id, "name": o.name, "short": optional(o.short), "kind": o.kind,
            "kind_name": optional(t.kind(o.kind)?.name),
            "kind_level": Interchange.level(of: o.kind, in: t).rawValue,
            "parent": optional(o.parent), "aggregate": o.aggregate ?? NSNull(),
            "attributes": typed(o.attributes, domain: "node", in: t),
        ]
        lifetime(o.lifetime, into: &n)
        provenance(o.provenance, into: &n)
        return n
    }

    static func edge(_ tie: Tie, in t: Timeline) -> [String: Any] {
        var e: [String: Any] = [
            "source": tie.from, "target": tie.to, "id": tie.id, "role": tie.role.rawValue,
            "kind": optional(tie.kind), "kind_name": optional(Interchange.tieKindName(tie.kind, in: t)),
            "weight": tie.weight ?? NSNull(),
            "influence": Role.influence.contains(tie.role), "undirected": tie.undirected,
            "attributes": typed(tie.attributes, domain: "edge", in: t),
        ]
        lifetime(tie.lifetime, into: &e)
        provenance(tie.provenance, into: &e)
        return e
    }

    static func observation(_ o: Observation) -> [String: Any] {
        var d: [String: Any] = [
            "month": o.month.description, "quantity": o.quantity, "value": o.value,
            "approximate": o.approximate,
            "composition": o.composition.map { ["party": $0.party, "count": $0.count] as [String: Any] },
            "alternatives": o.alternatives.map { a -> [String: Any] in
                var x: [String: Any] = [
                    "value": a.value ?? NSNull(),
                    "composition": a.composition.map { ["party": $0.party, "count": $0.count] as [String: Any] },
                ]
                provenance(a.provenance, into: &x)
                return x
            },
        ]
        if let so = o.shareOf { d["share"] = so.share; d["shareOf"] = so.of }
        provenance(o.provenance, into: &d)
        return d
    }
}

extension NodeLinkJSON {
    /// Reads networkx node-link JSON (`node_link_data`: `directed`, `multigraph`, `graph`, `nodes`
    /// with `id`, and `edges` or the older `links` with `source`/`target`) as a one-snapshot network.
    /// Node ids are the `id`s (numbers as their text); a `name` or `label` becomes the name; a
    /// numeric `weight` the tie weight; a `role` that is a built-in role the tie's role; other
    /// scalar attributes are kept as text (orgnet's own `attributes` objects are merged in).
    public static func read(path: String, limits: InputLimits = .default, warn: @Sendable (String) -> Void = { _ in })
        throws(OrgNetError) -> Timeline
    {
        let data = try InputFile.read(path, limit: limits.maxFileBytes, what: "a node-link JSON file")
        let doc: [String: JSONValue]
        do {
            guard case .object(let d) = try JSONDecoder().decode(JSONValue.self, from: data) else {
                throw OrgNetError(
                    .badData, "expected networkx node-link JSON: an object with a \"nodes\" list", at: .init(file: path)
                )
            }
            doc = d
        } catch let e as OrgNetError { throw e } catch {
            throw OrgNetError(.badData, "malformed JSON: \(error)", at: .init(file: path))
        }
        if case .object(let g)? = doc["graph"], g["dataset"] != nil { return try readOrgnet(doc, path: path) }
        guard case .array(let nodeList)? = doc["nodes"] else {
            throw OrgNetError(
                .badData, "expected networkx node-link JSON: an object with a \"nodes\" list", at: .init(file: path))
        }
        var edgeList: [JSONValue] = []
        if let e = doc["edges"] ?? doc["links"] {
            guard case .array(let list) = e else {
                throw OrgNetError(.badData, "\"edges\" (or \"links\") must be a list", at: .init(file: path))
            }
            edgeList = list
        }
        func text(_ v: JSONValue?) -> String? { v?.text }
        // The JSON type of every attribute, by `node:NAME`/`edge:NAME`: numbers and booleans stay so.
        var kinds: [String: Set<String>] = [:]
        func note(_ domain: String, _ k: String, _ v: JSONValue) {
            let kind: String
            switch v {
            case .number(let d): kind = d.rounded() == d && abs(d) < 1e15 ? "long" : "double"
            case .bool: kind = "boolean"
            default: kind = "string"
            }
            kinds[domain + ":" + k, default: []].insert(kind)
        }
        func attributes(_ d: [String: JSONValue], skipping: Set<String>, domain: String) -> [String: String] {
            var out: [String: String] = [:]
            for (k, v) in d where !skipping.contains(k) {
                if k == "attributes", case .object(let inner) = v {
                    for (ik, iv) in inner { if let t = iv.text { out[ik] = t; note(domain, ik, iv) } }
                } else if let t = v.text {
                    out[k] = t; note(domain, k, v)
                }
            }
            return out
        }
        var nodes: [ForeignElement] = []
        for (i, item) in nodeList.enumerated() {
            guard case .object(let d) = item, let id = text(d["id"]) else {
                throw OrgNetError(.badData, "node \(i + 1) has no \"id\"", at: .init(file: path))
            }
            nodes.append(
                ForeignElement(
                    id: id, label: text(d["name"]) ?? text(d["label"]),
                    attributes: attributes(
                        d, skipping: ["id", "name", "label", "observations", "citations"], domain: "node")))
        }
        let known = Set(nodes.map(\.id))
        var edges: [ForeignElement] = []
        var used: Set<String> = []
        for (i, item) in edgeList.enumerated() {
            guard case .object(let d) = item, let s = text(d["source"]), let t = text(d["target"]) else {
                throw OrgNetError(.badData, "edge \(i + 1) needs a \"source\" and a \"target\"", at: .init(file: path))
            }
            for end in [s, t] where !known.contains(end) {
                throw OrgNetError(
                    .badData, "edge \(i + 1) names node '\(end.prefix(60))', which is not in \"nodes\"",
                    at: .init(file: path))
            }
            var weight: Double?
            switch d["weight"] {
            case nil, .null?: break
            case .number(let w)?: weight = w
            default: throw OrgNetError(.badData, "edge \(i + 1): weight must be a number", at: .init(file: path))
            }
            let id = GraphML.tieID(text(d["id"]) ?? text(d["key"]), from: s, to: t, used: &used)
            edges.append(
                ForeignElement(
                    id: id,
                    attributes: attributes(
                        d, skipping: ["source", "target", "weight", "id", "key", "observations", "citations"],
                        domain: "edge"),
                    from: s, to: t, weight: weight))
        }
        var types: [String: String] = [:]
        for (key, set) in kinds where !set.contains("string") {
            types[key] =
                set == ["long"] ? "long" : set == ["boolean"] ? "boolean" : set.contains("boolean") ? nil : "double"
        }
        var graph: [String: JSONValue] = [:]
        if case .object(let g)? = doc["graph"] { graph = g }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = text(graph["dataset"]) ?? text(graph["name"]) ?? base
        return try NetworkReader.network(
            name: name, nodes: nodes, edges: edges, directed: doc["directed"]?.bool ?? false,
            origin: path, what: "JSON", attributeTypes: types, limits: limits, warn: warn)
    }
}

extension NodeLinkJSON {
    /// Reads node-link JSON that orgnet wrote (its `graph` names the `dataset`): every field of
    /// ``write(_:)-(Timeline)`` and ``write(_:)-(Snapshot)`` back into the model, so an export and
    /// this import give the same organizations, ties, observations (with alternatives and
    /// citations), months and header.
    static func readOrgnet(_ doc: [String: JSONValue], path: String) throws(OrgNetError) -> Timeline {
        let at = OrgNetError.Location(file: path)
        guard case .object(let graph)? = doc["graph"], case .array(let nodeList)? = doc["nodes"] else {
            throw OrgNetError(.badData, "expected \"graph\" and \"nodes\"", at: at)
        }
        var edgeList: [JSONValue] = []
        if case .array(let e)? = doc["edges"] ?? doc["links"] { edgeList = e }
        func list(_ v: JSONValue?) -> [[String: JSONValue]] {
            guard case .array(let items)? = v else { return [] }
            return items.compactMap { if case .object(let o) = $0 { return o } else { return nil } }
        }
        func lifetime(_ d: [String: JSONValue], _ what: String) throws(OrgNetError) -> Lifetime {
            func month(_ key: String) throws(OrgNetError) -> Month? {
                guard let t = d[key]?.text else { return nil }
                guard let m = Month(t) else {
                    throw OrgNetError(.badData, "\(what): \(key) must be YYYY-MM; got '\(t.prefix(40))'", at: at)
                }
                return m
            }
            var l = Lifetime(since: try month("since"), until: try month("until"), date: d["date"]?.text)
            if let p = d["precision"]?.text {
                guard let precision = Lifetime.Precision(rawValue: p) else {
                    throw OrgNetError(.badData, "\(what): unknown precision '\(p.prefix(40))'", at: at)
                }
                l.precision = precision
            }
            return l
        }
        var valueKinds: [String: Set<String>] = [:] // `node:NAME` -> JSON kinds seen, for attributeTypes
        func attributes(_ v: JSONValue?, _ domain: String) -> [String: String] {
            guard case .object(let o)? = v else { return [:] }
            var out: [String: String] = [:]
            for (k, x) in o {
                guard let t = x.text else { continue }
                out[k] = t
                switch x {
                case .number(let d):
                    valueKinds[domain + ":" + k, default: []].insert(
                        d.rounded() == d && abs(d) < 1e15 ? "long" : "double")
                case .bool: valueKinds[domain + ":" + k, default: []].insert("boolean")
                default: valueKinds[domain + ":" + k, default: []].insert("string")
                }
            }
            return out
        }
        var months: [Month] = []
        if case .array(let ms)? = graph["months"] {
            months = ms.compactMap { $0.text.flatMap(Month.init) }
        } else if let m = graph["month"]?.text.flatMap(Month.init) {
            months = [m]
        }
        var parties = list(graph["parties"]).compactMap { p -> Party? in
            guard let id = p["id"]?.text else { return nil }
            return Party(id: id, name: p["name"]?.text ?? id, color: p["color"]?.text)
        }
        var kinds = list(graph["kinds"]).compactMap { k -> Kind? in
            guard let id = k["id"]?.text else { return nil }
            return Kind(
                id: id, name: k["name"]?.text ?? id,
                level: k["level"]?.text.flatMap(Kind.Level.init(rawValue:)) ?? .other)
        }
        var tieKinds = list(graph["tie_kinds"]).compactMap { k -> TieKind? in
            guard let id = k["id"]?.text else { return nil }
            return TieKind(id: id, name: k["name"]?.text ?? id, role: Role(k["role"]?.text ?? "other"))
        }
        var sources = list(graph["sources"]).compactMap { s -> Source? in
            guard let id = s["id"]?.text else { return nil }
            return Source(
                id: id, title: s["title"]?.text ?? id,
                kind: s["kind"]?.text.flatMap(Status.init(rawValue:)) ?? .external,
                author: s["author"]?.text, url: s["url"]?.text)
        }
        var observations: [Observation] = []
        func declare(_ p: Provenance) {
            for c in p.sources where !sources.contains(where: { $0.id == c.ref }) {
                sources.append(Source(id: c.ref, title: c.ref))
            }
        }
        func addObservations(_ v: JSONValue?, _ subject: Observation.Subject) throws(OrgNetError) {
            guard case .array(let items)? = v else { return }
            for item in items {
                let o = try Interchange.observation(from: item, subject: subject, at: at)
                declare(o.provenance)
                for alternative in o.alternatives { declare(alternative.provenance) }
                for pc in o.composition + o.alternatives.flatMap(\.composition)
                where !parties.contains(where: { $0.id == pc.party }) {
                    parties.append(
                        Party(id: pc.party, name: pc.party.replacingOccurrences(of: "_", with: " ").capitalized))
                }
                observations.append(o)
            }
        }
        var organizations: [Organization] = []
        for n in list(.array(nodeList)) {
            guard let id = n["id"]?.text else { throw OrgNetError(.badData, "a node without an id", at: at) }
            let kind = n["kind"]?.text ?? "other"
            if !kinds.contains(where: { $0.id == kind }) {
                kinds.append(
                    Kind(
                        id: kind, name: n["kind_name"]?.text ?? kind,
                        level: n["kind_level"]?.text.flatMap(Kind.Level.init(rawValue:)) ?? .other))
            }
            var aggregate: Int?
            if case .number(let a)? = n["aggregate"] { aggregate = Int(a) }
            let p = try Interchange.provenance(n, at: at)
            declare(p)
            organizations.append(
                Organization(
                    id: id, name: n["name"]?.text ?? id, short: n["short"]?.text, kind: kind,
                    parent: n["parent"]?.text, lifetime: try lifetime(n, "node \(id)"),
                    aggregate: aggregate, attributes: attributes(n["attributes"], "node"), provenance: p))
            try addObservations(n["observations"], .organization(id))
        }
        var ties: [Tie] = []
        for e in list(.array(edgeList)) {
            guard let s = e["source"]?.text, let t = e["target"]?.text else {
                throw OrgNetError(.badData, "an edge needs a source and a target", at: at)
            }
            let id = e["id"]?.text ?? "\(s)->\(t)"
            let kind = e["kind"]?.text
            let role = Role(e["role"]?.text ?? "other")
            if let kind, !tieKinds.contains(where: { $0.id == kind }) {
                tieKinds.append(TieKind(id: kind, name: e["kind_name"]?.text ?? kind, role: role))
            }
            var weight: Double?
            if case .number(let w)? = e["weight"] { weight = w }
            let p = try Interchange.provenance(e, at: at)
            declare(p)
            var tie = Tie(
                id: id, from: s, to: t, role: role, kind: kind, weight: weight, lifetime: try lifetime(e, "edge \(id)"),
                attributes: attributes(e["attributes"], "edge"), provenance: p)
            tie.undirected = e["undirected"]?.bool ?? false
            ties.append(tie)
            try addObservations(e["observations"], .tie(id))
        }
        let dataset = graph["dataset"]?.text ?? "network"
        var t = Timeline(
            id: dataset, title: graph["title"]?.text ?? dataset, description: graph["description"]?.text ?? "",
            calendar: graph["calendar"]?.text.flatMap(Timeline.Calendar.init(rawValue:)) ?? .gregorian,
            months: months, parties: parties, kinds: kinds, tieKinds: tieKinds, sources: sources,
            organizations: organizations, ties: ties, observations: observations, origin: path,
            isDirected: doc["directed"]?.bool ?? true)
        for (key, set) in valueKinds where !set.contains("string") {
            t.attributeTypes[key] =
                set == ["long"] ? "long" : set == ["boolean"] ? "boolean" : set.contains("boolean") ? nil : "double"
        }
        return t
    }
}

/// Any JSON value, decoded without Foundation's bridging (so `true` never reads as 1).
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    /// A scalar as text (whole numbers without a decimal point); nil for null, lists and objects.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let d): return Interchange.numberText(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}

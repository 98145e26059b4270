import Foundation

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
        let nodes = snapshot.organizations.map { o -> [String: Any] in
            var n = node(o, in: t)
            n["leading_party"] = t.leadingParty(of: o.id, at: snapshot.month)?.id ?? NSNull()
            n["observations"] = snapshot.observations(of: o.id).filter { if case .organization = $0.subject { true } else { false } }.map(observation)
            return n
        }
        return document(t, graph: graph, nodes: nodes, ties: snapshot.ties, observations: snapshot.observations)
    }

    /// The whole timeline: every organization and tie with its lifetime (`since`/`until`, null when
    /// open), every observation on its node or edge, and the header (months, parties, kinds, tie
    /// kinds, sources) in `graph`.
    public static func write(_ t: Timeline) -> String {
        let graph: [String: Any] = [
            "dataset": t.id, "title": t.title, "description": t.description, "calendar": t.calendar.rawValue,
            "months": t.months.map(\.description),
            "parties": t.parties.map { ["id": $0.id, "name": $0.name, "color": $0.color ?? NSNull()] as [String: Any] },
            "kinds": t.kinds.map { ["id": $0.id, "name": $0.name, "level": $0.level.rawValue] },
            "tie_kinds": t.tieKinds.map { ["id": $0.id, "name": $0.name, "role": $0.role.rawValue] },
            "sources": t.sources.map { ["id": $0.id, "title": $0.title, "kind": $0.kind.rawValue,
                                        "author": $0.author ?? NSNull(), "url": $0.url ?? NSNull()] as [String: Any] },
        ]
        let nodes = t.organizations.map { o -> [String: Any] in
            var n = node(o, in: t)
            n["observations"] = t.observations.filter { $0.subject == .organization(o.id) }.map(observation)
            return n
        }
        return document(t, graph: graph, nodes: nodes, ties: t.ties, observations: t.observations)
    }

    static func document(_ t: Timeline, graph: [String: Any], nodes: [[String: Any]], ties: [Tie], observations: [Observation]) -> String {
        var pairs: Set<String> = [], multigraph = false
        for tie in ties where !pairs.insert(tie.from + "\u{0}" + tie.to).inserted { multigraph = true }
        let edges = ties.map { tie -> [String: Any] in
            var e = edge(tie, in: t)
            if multigraph { e["key"] = tie.id }
            e["observations"] = observations.filter { $0.subject == .tie(tie.id) }.map(observation)
            return e
        }
        let doc: [String: Any] = ["directed": t.isDirected, "multigraph": multigraph, "graph": graph,
                                  "nodes": nodes, "edges": edges]
        // Plain dictionaries of strings, numbers, booleans and nulls always serialize.
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
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
        d["confidence"] = p.confidence.rawValue
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
        var n: [String: Any] = ["id": o.id, "name": o.name, "short": optional(o.short), "kind": o.kind,
                                "kind_name": optional(t.kind(o.kind)?.name),
                                "kind_level": Interchange.level(of: o.kind, in: t).rawValue,
                                "parent": optional(o.parent), "aggregate": o.aggregate ?? NSNull(),
                                "attributes": typed(o.attributes, domain: "node", in: t)]
        lifetime(o.lifetime, into: &n)
        provenance(o.provenance, into: &n)
        return n
    }

    static func edge(_ tie: Tie, in t: Timeline) -> [String: Any] {
        var e: [String: Any] = ["source": tie.from, "target": tie.to, "id": tie.id, "role": tie.role.rawValue,
                                "kind": optional(tie.kind), "kind_name": optional(Interchange.tieKindName(tie.kind, in: t)),
                                "weight": tie.weight ?? NSNull(),
                                "influence": Role.influence.contains(tie.role),
                                "attributes": typed(tie.attributes, domain: "edge", in: t)]
        lifetime(tie.lifetime, into: &e)
        provenance(tie.provenance, into: &e)
        return e
    }

    static func observation(_ o: Observation) -> [String: Any] {
        var d: [String: Any] = ["month": o.month.description, "quantity": o.quantity, "value": o.value,
                                "approximate": o.approximate,
                                "composition": o.composition.map { ["party": $0.party, "count": $0.count] as [String: Any] },
                                "alternatives": o.alternatives.map { a -> [String: Any] in
                                    var x: [String: Any] = ["value": a.value ?? NSNull(),
                                                            "composition": a.composition.map { ["party": $0.party, "count": $0.count] as [String: Any] }]
                                    provenance(a.provenance, into: &x)
                                    return x
                                }]
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
    public static func read(path: String, warn: @Sendable (String) -> Void = { _ in }) throws(OrgNetError) -> Timeline {
        let data = try InputFile.read(path, limit: InputLimits.current.maxFileBytes, what: "a node-link JSON file")
        let doc: [String: JSONValue]
        do {
            guard case .object(let d) = try JSONDecoder().decode(JSONValue.self, from: data) else {
                throw OrgNetError(.badData, "expected networkx node-link JSON: an object with a \"nodes\" list", at: .init(file: path))
            }
            doc = d
        } catch let e as OrgNetError { throw e } catch {
            throw OrgNetError(.badData, "malformed JSON: \(error)", at: .init(file: path))
        }
        guard case .array(let nodeList)? = doc["nodes"] else {
            throw OrgNetError(.badData, "expected networkx node-link JSON: an object with a \"nodes\" list", at: .init(file: path))
        }
        var edgeList: [JSONValue] = []
        if let e = doc["edges"] ?? doc["links"] {
            guard case .array(let list) = e else { throw OrgNetError(.badData, "\"edges\" (or \"links\") must be a list", at: .init(file: path)) }
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
                } else if let t = v.text { out[k] = t; note(domain, k, v) }
            }
            return out
        }
        var nodes: [ForeignElement] = []
        for (i, item) in nodeList.enumerated() {
            guard case .object(let d) = item, let id = text(d["id"]) else {
                throw OrgNetError(.badData, "node \(i + 1) has no \"id\"", at: .init(file: path))
            }
            nodes.append(ForeignElement(id: id, label: text(d["name"]) ?? text(d["label"]),
                                        attributes: attributes(d, skipping: ["id", "name", "label", "observations", "citations"], domain: "node")))
        }
        let known = Set(nodes.map(\.id))
        var edges: [ForeignElement] = []
        var used: Set<String> = []
        for (i, item) in edgeList.enumerated() {
            guard case .object(let d) = item, let s = text(d["source"]), let t = text(d["target"]) else {
                throw OrgNetError(.badData, "edge \(i + 1) needs a \"source\" and a \"target\"", at: .init(file: path))
            }
            for end in [s, t] where !known.contains(end) {
                throw OrgNetError(.badData, "edge \(i + 1) names node '\(end.prefix(60))', which is not in \"nodes\"", at: .init(file: path))
            }
            var weight: Double?
            switch d["weight"] {
            case nil, .null?: break
            case .number(let w)?: weight = w
            default: throw OrgNetError(.badData, "edge \(i + 1): weight must be a number", at: .init(file: path))
            }
            let id = GraphML.tieID(text(d["id"]) ?? text(d["key"]), from: s, to: t, used: &used)
            edges.append(ForeignElement(id: id, attributes: attributes(d, skipping: ["source", "target", "weight", "id", "key", "observations", "citations"], domain: "edge"),
                                        from: s, to: t, weight: weight))
        }
        var types: [String: String] = [:]
        for (key, set) in kinds where !set.contains("string") {
            types[key] = set == ["long"] ? "long" : set == ["boolean"] ? "boolean" : set.contains("boolean") ? nil : "double"
        }
        var graph: [String: JSONValue] = [:]
        if case .object(let g)? = doc["graph"] { graph = g }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = text(graph["dataset"]) ?? text(graph["name"]) ?? base
        return try NetworkReader.network(name: name, nodes: nodes, edges: edges, directed: doc["directed"]?.bool ?? false,
                                         origin: path, what: "JSON", attributeTypes: types, warn: warn)
    }
}

/// Any JSON value, decoded without Foundation's bridging (so `true` never reads as 1).
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
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

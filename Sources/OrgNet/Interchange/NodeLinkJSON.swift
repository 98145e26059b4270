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
                                "attributes": o.attributes]
        lifetime(o.lifetime, into: &n)
        provenance(o.provenance, into: &n)
        return n
    }

    static func edge(_ tie: Tie, in t: Timeline) -> [String: Any] {
        var e: [String: Any] = ["source": tie.from, "target": tie.to, "id": tie.id, "role": tie.role.rawValue,
                                "kind": optional(tie.kind), "kind_name": optional(Interchange.tieKindName(tie.kind, in: t)),
                                "weight": tie.weight ?? NSNull(),
                                "influence": Role.influence.contains(tie.role),
                                "attributes": tie.attributes]
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

import Foundation
import Graphviz
import OrgNet

/// A DOT graph reduced to what a network needs: the one form both DOT readers produce
/// (``FastDOTReader`` from bytes, ``DOTImport/timeline(from:origin:)`` from Graphviz's
/// ``GraphSpec``) and the one place where a DOT graph becomes a ``Timeline`` (``timeline(origin:)``).
///
/// Nodes are numbered in order of first mention; edges are kept in file order as node-number pairs,
/// already turned the way their ties point (a `dir=back` edge runs head to tail, `dir=both` is two
/// edges), so the builder needs no string hashing to collapse parallel edges.
struct DOTNetwork {
    /// The graph's name (`digraph NAME { ... }`), empty when it has none.
    var name = ""
    /// `digraph` (true) or `graph` (false).
    var directed = true
    /// Node ids, in order of first mention.
    var nodeIDs: [String] = []
    /// Each node's attributes (values as written). Nodes declared with the same attribute list may
    /// share one dictionary's storage.
    var nodeAttributes: [[String: String]] = []
    /// Nodes whose `label` is an HTML string (`<...>`): kept among the attributes, never used as a name.
    var htmlLabels: Set<Int32> = []
    /// Edge `e` runs from node `tails[e]` to node `heads[e]`.
    var tails: [Int32] = []
    var heads: [Int32] = []
    /// Edge `e`'s attributes are `edgePairs[edgePairStart[e]..<edgePairStart[e + 1]]`, in order, the
    /// last value of a key winning; a `nil` value resets the key to its default (absent).
    var edgePairStart: [Int32] = [0]
    var edgePairs: [(String, String?)] = []

    /// The neutral form of a graph parsed by Graphviz: its nodes and edges in cgraph's order, each
    /// edge turned by its `dir` (its own, else the graph's edge default; directed graphs only).
    init(_ spec: GraphSpec) {
        name = spec.name
        directed = spec.isDirected
        var index: [String: Int32] = [:]
        index.reserveCapacity(spec.nodes.count)
        func number(_ id: String) -> Int32 {
            if let k = index[id] { return k }
            let k = Int32(nodeIDs.count)
            index[id] = k
            nodeIDs.append(id)
            nodeAttributes.append([:])
            return k
        }
        for node in spec.nodes {
            let k = number(node.id)
            var attrs: [String: String] = [:]
            for (key, v) in node.attributes { attrs[key] = v.string }
            nodeAttributes[Int(k)] = attrs
            if case .html? = node.attributes["label"] { htmlLabels.insert(k) }
        }
        let defaultDir = spec.edgeDefaults["dir"]?.string ?? "forward"
        for edge in spec.edges {
            let pairs = edge.attributes.map { ($0.key, Optional($0.value.string)) }
            let dir = spec.isDirected ? (edge.attributes["dir"]?.string ?? defaultDir).lowercased() : "forward"
            let tail = number(edge.tail), head = number(edge.head)
            var ends = [(tail, head)]
            if dir == "back" {
                ends = [(head, tail)]
            } else if dir == "both" {
                ends.append((head, tail))
            }
            for (from, to) in ends {
                tails.append(from)
                heads.append(to)
                edgePairs.append(contentsOf: pairs)
                edgePairStart.append(Int32(edgePairs.count))
            }
        }
    }

    /// An empty network, filled in by a parser.
    init() {}

    /// The network as a one-snapshot timeline (no months).
    ///
    /// Node ids are the DOT ids; a node's plain-text `label` (not empty, not `\N`) becomes its name
    /// and its `kind` attribute its kind (`node` when absent); an edge's `role` attribute (a built-in
    /// role) its role, else `other`; a finite numeric `weight` its weight. Every attribute is kept.
    /// Parallel edges collapse the way networkx's `DiGraph`/`Graph` read them: one tie per ordered pair
    /// (per unordered pair in an undirected graph), the last edge's attributes winning, at the
    /// position of the first. Every organization and tie cites the file as an external source.
    func timeline(origin: String) -> Timeline {
        let sourceID = "dot-file"
        let provenance = Provenance(
            sources: [Citation(ref: sourceID)], status: .external,
            note: "read from a DOT file")
        var kinds: [String] = []
        var kindSeen = Set<String>()
        var lastKind: String?
        var organizations: [Organization] = []
        organizations.reserveCapacity(nodeIDs.count)
        for i in nodeIDs.indices {
            let attrs = nodeAttributes[i]
            let kind = attrs["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "node"
            if kind != lastKind { // files list nodes of one kind together: hash only at a change
                if kindSeen.insert(kind).inserted { kinds.append(kind) }
                lastKind = kind
            }
            var name = nodeIDs[i]
            if let label = attrs["label"], !label.isEmpty, label != "\\N",
                htmlLabels.isEmpty || !htmlLabels.contains(Int32(i))
            {
                name = label
            }
            organizations.append(
                Organization(
                    id: nodeIDs[i], name: name, kind: kind, attributes: attrs,
                    provenance: provenance.stated(by: attrs)))
        }
        // Collapse parallel edges: the last one wins, at the position of the first (networkx order).
        // Without hashing: bucket the edges by (canonical) tail, keeping file order, and find the
        // first edge of each (tail, head) pair with a per-head stamp.
        let m = tails.count, n = nodeIDs.count
        var tailOf = [Int32](repeating: 0, count: m), headOf = [Int32](repeating: 0, count: m)
        for e in 0..<m {
            var a = tails[e], b = heads[e]
            if !directed && nodeIDs[Int(b)] < nodeIDs[Int(a)] { swap(&a, &b) }
            tailOf[e] = a; headOf[e] = b
        }
        var start = [Int32](repeating: 0, count: n + 1)
        for e in 0..<m { start[Int(tailOf[e]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var byTail = [Int32](repeating: 0, count: m)
        for e in 0..<m { let t = Int(tailOf[e]); byTail[Int(fill[t])] = Int32(e); fill[t] += 1 }
        var first = [Int32](repeating: 0, count: m) // the first edge with the same pair
        var stamp = [Int32](repeating: -1, count: n), firstOfHead = [Int32](repeating: 0, count: n)
        for t in 0..<n {
            for k in Int(start[t])..<Int(start[t + 1]) {
                let e = byTail[k], h = Int(headOf[Int(e)])
                if stamp[h] != Int32(t) { stamp[h] = Int32(t); firstOfHead[h] = e }
                first[Int(e)] = firstOfHead[h]
            }
        }
        var slot = [Int32](repeating: 0, count: m)
        var winner: [Int] = [] // per distinct pair, in first-seen order: the last edge with that pair
        winner.reserveCapacity(m)
        for e in 0..<m {
            let f = Int(first[e])
            if f == e { slot[e] = Int32(winner.count); winner.append(e) } else { winner[Int(slot[f])] = e }
        }
        var ties: [Tie] = []
        ties.reserveCapacity(winner.count)
        // Edges with the same attribute list (`[role=delegation]`) share one dictionary: a recent
        // list is recognized by comparing its pairs, so the dictionary is built and hashed once.
        var recent: [(pairs: ArraySlice<(String, String?)>, attrs: [String: String], role: Role, weight: Double?)] = []
        var recentNext = 0
        for e in winner {
            let pairs = edgePairs[Int(edgePairStart[e])..<Int(edgePairStart[e + 1])]
            var attrs: [String: String] = [:]
            var role = Role.other
            var weight: Double?
            if let r = recent.first(where: { $0.pairs.elementsEqual(pairs, by: { $0.0 == $1.0 && $0.1 == $1.1 }) }) {
                attrs = r.attrs; role = r.role; weight = r.weight
            } else {
                var roleText: String?, weightText: String? // read from the pairs: no dictionary look-ups
                for (key, value) in pairs {
                    attrs[key] = value
                    if key == "role" { roleText = value } else if key == "weight" { weightText = value }
                }
                role = roleText.map { Role(rawValue: $0) }.flatMap { Role.builtIn.contains($0) ? $0 : nil } ?? .other
                weight = weightText.flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
                let entry = (pairs, attrs, role, weight)
                if recent.count < 4 {
                    recent.append(entry)
                } else {
                    recent[recentNext] = entry; recentNext = (recentNext + 1) & 3
                }
            }
            let tail = nodeIDs[Int(tails[e])], head = nodeIDs[Int(heads[e])]
            let (a, b) = directed || tail <= head ? (tail, head) : (head, tail)
            ties.append(
                Tie(
                    id: a + "->" + b, from: tail, to: head, role: role, weight: weight,
                    attributes: attrs, provenance: provenance.stated(by: attrs)))
        }
        let fileName = (origin as NSString).lastPathComponent
        return Timeline(
            id: name.isEmpty ? fileName : name, title: name.isEmpty ? fileName : name,
            months: [], kinds: kinds.map { Kind(id: $0, name: $0) },
            sources: [Source(id: sourceID, title: fileName, kind: .external)],
            organizations: organizations, ties: ties, origin: origin, isDirected: directed)
    }
}

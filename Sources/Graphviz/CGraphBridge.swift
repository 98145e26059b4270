internal import CGraphviz
import Foundation

/// Reading a cgraph graph into plain values. Every function here must run under the
/// engine's lock; no pointer escapes.
enum CGraphBridge {
    typealias Graph = UnsafeMutablePointer<Agraph_t>

    /// Converts a parsed graph into a ``GraphSpec``.
    ///
    /// Attributes: only explicitly set, non-default values. Root graph attributes and
    /// node/edge defaults are the symbols cgraph marks `print` (set at root level by the
    /// file); a node's or edge's attribute is kept when its value differs from the
    /// symbol's default; a subgraph's graph attribute is kept when it differs from its
    /// parent's value (cgraph cannot tell "set to the inherited value" from "inherited").
    /// Limitations (cgraph's, not fixable from outside): a value explicitly set equal to the
    /// default (e.g. `label=""`) is dropped; and cgraph's string pool shares one entry per
    /// text, so a quoted value whose text equals an HTML value elsewhere in the same graph
    /// reads back as HTML (docs/design.md §2).
    static func spec(from g: Graph) -> GraphSpec {
        var spec = GraphSpec()
        spec.name = objectName(g) ?? ""
        spec.isDirected = orgnet_graph_is_directed(g) != 0
        spec.isStrict = orgnet_graph_is_strict(g) != 0

        let graphSyms = symbols(g, AGRAPH)
        let nodeSyms = symbols(g, AGNODE)
        let edgeSyms = symbols(g, AGEDGE)
        for sym in graphSyms where sym.pointee.print != 0 {
            if let v = value(g, sym) { spec.attributes[name(sym)] = v }
        }
        for sym in nodeSyms where sym.pointee.print != 0 {
            spec.nodeDefaults[name(sym)] = defaultValue(sym)
        }
        for sym in edgeSyms where sym.pointee.print != 0 {
            spec.edgeDefaults[name(sym)] = defaultValue(sym)
        }

        var edges: [(seq: UInt, edge: GraphSpec.Edge)] = []
        var node = agfstnode(g)
        while let n = node {
            spec.nodes.append(GraphSpec.Node(id: objectName(n) ?? "", attributes: explicit(n, nodeSyms)))
            var out = agfstout(g, n)
            while let e = out {
                let tailNode: UnsafeMutablePointer<Agnode_t>? = orgnet_tail(e)
                let headNode: UnsafeMutablePointer<Agnode_t>? = orgnet_head(e)
                let tail = tailNode.flatMap { objectName($0) } ?? ""
                let head = headNode.flatMap { objectName($0) } ?? ""
                let key = agnameof(e).map { String(cString: $0) }
                let edge = GraphSpec.Edge(tail: tail, head: head, key: key, attributes: explicit(e, edgeSyms))
                edges.append((UInt(orgnet_seq(e)), edge))
                out = agnxtout(g, e)
            }
            node = agnxtnode(g, n)
        }
        spec.edges = edges.sorted { $0.seq < $1.seq }.map(\.edge)
        spec.subgraphs = subgraphs(of: g, graphSyms: graphSyms)
        return spec
    }

    private static func subgraphs(of parent: Graph, graphSyms: [UnsafeMutablePointer<Agsym_t>]) -> [GraphSpec.Subgraph]
    {
        // cgraph orders subgraphs by id (anonymous ones first), not by declaration: sort by sequence.
        var ordered: [(seq: UInt, graph: Graph)] = []
        var next = agfstsubg(parent)
        while let s = next {
            ordered.append((UInt(orgnet_seq(s)), s))
            next = agnxtsubg(s)
        }
        var result: [GraphSpec.Subgraph] = []
        for s in ordered.sorted(by: { $0.seq < $1.seq }).map(\.graph) {
            var attrs: Attributes = [:]
            for sym in graphSyms {
                let mine = agxget(s, sym)
                let theirs = agxget(parent, sym)
                if !same(mine, theirs), let v = value(s, sym) { attrs[name(sym)] = v }
            }
            var ids: [String] = []
            var n = agfstnode(s)
            while let node = n {
                ids.append(objectName(node) ?? "")
                n = agnxtnode(s, node)
            }
            result.append(
                GraphSpec.Subgraph(
                    name: objectName(s) ?? "", attributes: attrs, nodeIDs: ids,
                    subgraphs: subgraphs(of: s, graphSyms: graphSyms)))
        }
        return result
    }

    /// The declared attribute symbols of `kind`, in declaration order.
    static func symbols(_ g: Graph, _ kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
        var out: [UnsafeMutablePointer<Agsym_t>] = []
        var sym = agnxtattr(g, kind, nil)
        while let s = sym {
            out.append(s)
            sym = agnxtattr(g, kind, s)
        }
        return out
    }

    private static func explicit(_ obj: UnsafeMutableRawPointer, _ syms: [UnsafeMutablePointer<Agsym_t>]) -> Attributes
    {
        var attrs: Attributes = [:]
        for sym in syms where !same(agxget(obj, sym), sym.pointee.defval) {
            if let v = value(obj, sym) { attrs[name(sym)] = v }
        }
        return attrs
    }

    private static func same(_ a: UnsafeMutablePointer<CChar>?, _ b: UnsafeMutablePointer<CChar>?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return strcmp(x, y) == 0 && (aghtmlstr(x) != 0) == (aghtmlstr(y) != 0)
        default: return false
        }
    }

    private static func value(_ obj: UnsafeMutableRawPointer, _ sym: UnsafeMutablePointer<Agsym_t>) -> AttributeValue? {
        guard let raw = agxget(obj, sym) else { return nil }
        return attributeValue(raw)
    }

    private static func defaultValue(_ sym: UnsafeMutablePointer<Agsym_t>) -> AttributeValue {
        guard let raw = sym.pointee.defval else { return .text("") }
        return attributeValue(raw)
    }

    private static func attributeValue(_ raw: UnsafeMutablePointer<CChar>) -> AttributeValue {
        let s = String(cString: raw)
        return aghtmlstr(raw) != 0 ? .html(s) : .text(s)
    }

    private static func name(_ sym: UnsafeMutablePointer<Agsym_t>) -> String {
        sym.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// `agnameof`, with cgraph's internal names for anonymous graphs (`%3`) mapped to nil.
    static func objectName(_ obj: UnsafeMutableRawPointer) -> String? {
        guard let raw = agnameof(obj) else { return nil }
        let s = String(cString: raw)
        return s.hasPrefix("%") ? nil : s
    }

    // MARK: layout read-back

    /// Reads positions, sizes and the bounding box after `gvLayout` (via `attach_attrs`).
    static func layout(of g: Graph) -> (positions: [String: Point], sizes: [String: Size], bb: Rect) {
        orgnet_attach_layout_attributes(g)
        var positions: [String: Point] = [:]
        var sizes: [String: Size] = [:]
        var node = agfstnode(g)
        while let n = node {
            let id = objectName(n) ?? ""
            if let pos = string(n, "pos") {
                let nums = numbers(pos)
                if nums.count >= 2 { positions[id] = Point(x: nums[0], y: nums[1]) }
            }
            let w = string(n, "width").flatMap(Double.init) ?? 0
            let h = string(n, "height").flatMap(Double.init) ?? 0
            sizes[id] = Size(width: w * 72, height: h * 72)
            node = agnxtnode(g, n)
        }
        let bb = numbers(string(g, "bb") ?? "")
        let rect =
            bb.count == 4
            ? Rect(minX: bb[0], minY: bb[1], maxX: bb[2], maxY: bb[3]) : Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        return (positions, sizes, rect)
    }

    private static func string(_ obj: UnsafeMutableRawPointer, _ name: String) -> String? {
        guard let raw = orgnet_get(obj, name) else { return nil }
        return String(cString: raw)
    }

    /// `"12.5,30!"` → `[12.5, 30]`.
    static func numbers(_ s: String) -> [Double] {
        s.split(whereSeparator: { $0 == "," || $0 == " " })
            .compactMap { Double(String($0.filter { $0 != "!" })) }
    }
}

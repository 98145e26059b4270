import GraphKit

/// A Graphviz layout engine (`-K`).
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Hierarchical layers (the default for org charts).
    case dot
    /// Spring model (stress majorization). With every node pinned (`pos="x,y!"`),
    /// ``GraphvizEngine`` runs it as `neato -n` (``nop``) so positions are kept exactly.
    case neato
    /// Force-directed placement.
    case fdp
    /// Multiscale force-directed placement for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout.
    case twopi
    /// `neato -n`: nodes keep their `pos` (points); only edges are routed. Use with
    /// ``GraphSpec/pinned(to:)`` (which also sets `notranslate=true`).
    case nop
}

/// An output format (`-T`).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// SVG, UTF-8 XML.
    case svg
    /// PNG bitmap (cairo).
    case png
    /// PDF (cairo).
    case pdf
    /// DOT with the computed layout attached (`pos`, `width`, `height`, `bb`).
    case dot
    /// Plain DOT without any layout: the graph as cgraph read it, written by ``GraphSpec/dotText``
    /// (Graphviz's own `canon` renderer insists on a layout first).
    case canon
    /// Graphviz JSON (with layout).
    case json
}

/// A point in Graphviz coordinates: points (1/72 inch), y grows upwards.
public struct Point: Sendable, Hashable, CustomStringConvertible {
    /// Horizontal coordinate in points.
    public var x: Double
    /// Vertical coordinate in points (upwards).
    public var y: Double
    /// Makes a point.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    /// `x,y` as Graphviz writes it.
    public var description: String { "\(x),\(y)" }
}

/// A rectangle in Graphviz coordinates (points).
public struct Rect: Sendable, Hashable {
    /// Lower-left x.
    public var minX: Double
    /// Lower-left y.
    public var minY: Double
    /// Upper-right x.
    public var maxX: Double
    /// Upper-right y.
    public var maxY: Double
    /// Makes a rectangle from its corners.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    /// `maxX - minX`.
    public var width: Double { maxX - minX }
    /// `maxY - minY`.
    public var height: Double { maxY - minY }
}

/// A node's size in points.
public struct Size: Sendable, Hashable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// Makes a size.
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// Where a layout engine put the nodes (all in points, y upwards).
public struct LayoutResult: Sendable, Hashable {
    /// Node centres by node id.
    public var positions: [String: Point]
    /// Node sizes by node id.
    public var sizes: [String: Size]
    /// The drawing's bounding box (`bb`).
    public var boundingBox: Rect
    /// The rewrites the validator made before layout.
    public var rewrites: [SpecValidator.Rewrite]
    /// Makes a result.
    public init(
        positions: [String: Point], sizes: [String: Size], boundingBox: Rect, rewrites: [SpecValidator.Rewrite] = []
    ) {
        self.positions = positions
        self.sizes = sizes
        self.boundingBox = boundingBox
        self.rewrites = rewrites
    }
}

/// What ``GraphvizEngine/renderResult(_:layout:format:validator:)`` produced.
public struct RenderResult: Sendable, Hashable {
    /// The rendered bytes.
    public var bytes: [UInt8]
    /// Warnings Graphviz reported (never printed to stderr).
    public var diagnostics: [Diagnostic]
    /// The rewrites the validator made before layout.
    public var rewrites: [SpecValidator.Rewrite]
}

extension GraphSpec {
    /// The recipe for stable layouts across months: lay out a union graph once, then pin
    /// every node of this spec that appears in `layout` with `pos="x,y!"` (points) and set
    /// `notranslate=true`, and render it with ``LayoutEngine/nop`` (or ``LayoutEngine/neato``,
    /// which switches to `nop` when every node is pinned). Output coordinates then equal
    /// the pins. Nodes missing from `layout` stay unpinned.
    public func pinned(to layout: LayoutResult) -> GraphSpec {
        var copy = self
        copy.attributes["notranslate"] = "true"
        for i in copy.nodes.indices {
            if let p = layout.positions[copy.nodes[i].id] {
                copy.nodes[i].attributes["pos"] = .text("\(NumberText.exact(p.x)),\(NumberText.exact(p.y))!")
            }
        }
        return copy
    }

    /// The node with id `id`, if declared.
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    /// Every subgraph, depth first, pre-order.
    public var allSubgraphs: [Subgraph] {
        var out: [Subgraph] = []
        func walk(_ s: [Subgraph]) { for x in s { out.append(x); walk(x.subgraphs) } }
        walk(subgraphs)
        return out
    }
}

import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import OrgNetRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Ties that run through an organization which is not one of their ends, counted in a composed
/// SVG: every tie's path is sampled (cubic Bézier segments as Graphviz writes them) and each point
/// is tested against the outline of every other node of the same panel (its largest polygon or
/// ellipse, shrunk by a small inset so that a tie grazing a border does not count). Only the
/// panels' own nodes count (`<svg class="panel-graph">`), not the legend's.
final class TieCrossings: NSObject, XMLParserDelegate {
    enum Shape {
        case polygon([(Double, Double)])
        case ellipse(cx: Double, cy: Double, rx: Double, ry: Double)

        var area: Double {
            switch self {
            case .ellipse(_, _, let rx, let ry): return Double.pi * rx * ry
            case .polygon(let p):
                let xs = p.map(\.0), ys = p.map(\.1)
                return ((xs.max() ?? 0) - (xs.min() ?? 0)) * ((ys.max() ?? 0) - (ys.min() ?? 0))
            }
        }

        /// True when (x, y) lies inside the outline and farther than `inset` from it.
        func contains(_ x: Double, _ y: Double, inset: Double) -> Bool {
            switch self {
            case .ellipse(let cx, let cy, let rx, let ry):
                guard rx > inset, ry > inset else { return false }
                let dx = (x - cx) / (rx - inset), dy = (y - cy) / (ry - inset)
                return dx * dx + dy * dy < 1
            case .polygon(let p):
                guard p.count >= 3 else { return false }
                var inside = false
                var nearest = Double.infinity
                for i in p.indices {
                    let (x1, y1) = p[i], (x2, y2) = p[(i + 1) % p.count]
                    if (y1 > y) != (y2 > y), x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 { inside.toggle() }
                    let dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy
                    let t = len == 0 ? 0 : max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / len))
                    nearest = min(
                        nearest,
                        ((x - x1 - t * dx) * (x - x1 - t * dx) + (y - y1 - t * dy) * (y - y1 - t * dy)).squareRoot())
                }
                return inside && nearest > inset
            }
        }
    }
    struct Tie { var tail: String; var head: String; var path: String }
    struct Panel { var nodes: [String: Shape] = [:]; var ties: [Tie] = [] }

    private(set) var panels: [Panel] = []
    private var svgDepth = 0
    private var panelDepth: Int?
    // The group being read: kind ("node"/"edge"), its <title>, its shapes.
    private var kind: String?
    private var depth = 0
    private var groupDepth = 0
    private var title = ""
    private var inTitle = false
    private var shapes: [Shape] = []
    private var path = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes a: [String: String] = [:]
    ) {
        if name == "svg" {
            svgDepth += 1
            if a["class"] == "panel-graph" { panels.append(Panel()); panelDepth = svgDepth }
        }
        guard panelDepth != nil else { return }
        if name == "g" {
            depth += 1
            let cls = (a["class"] ?? "").split(separator: " ")
            if kind == nil, cls.contains("node") || cls.contains("edge") {
                kind = cls.contains("node") ? "node" : "edge"
                groupDepth = depth
                title = ""; shapes = []; path = ""
            }
        }
        guard kind != nil else { return }
        switch name {
        case "title": inTitle = true
        case "polygon" where kind == "node":
            var pts: [(Double, Double)] = []
            for xy in (a["points"] ?? "").split(separator: " ") {
                let v = xy.split(separator: ",").compactMap { Double($0) }
                if v.count == 2 { pts.append((v[0], v[1])) }
            }
            shapes.append(.polygon(pts))
        case "ellipse" where kind == "node":
            if let cx = Double(a["cx"] ?? ""), let cy = Double(a["cy"] ?? ""), let rx = Double(a["rx"] ?? ""),
                let ry = Double(a["ry"] ?? "")
            {
                shapes.append(.ellipse(cx: cx, cy: cy, rx: rx, ry: ry))
            }
        case "path" where kind == "edge" && path.isEmpty: path = a["d"] ?? ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { title += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" {
            if panelDepth == svgDepth { panelDepth = nil }
            svgDepth -= 1
        }
        if name == "title" { inTitle = false }
        guard name == "g", panelDepth != nil else { return }
        defer { depth -= 1 }
        guard let k = kind, depth == groupDepth, !panels.isEmpty else { return }
        kind = nil
        if k == "node", let outline = shapes.max(by: { $0.area < $1.area }) {
            panels[panels.count - 1].nodes[title] = outline
        } else if k == "edge", let r = title.range(of: "->") {
            panels[panels.count - 1].ties.append(
                Tie(tail: String(title[..<r.lowerBound]), head: String(title[r.upperBound...]), path: path))
        }
    }

    static func parse(_ svg: String) -> TieCrossings? {
        let d = TieCrossings()
        let p = XMLParser(data: Data(svg.utf8))
        p.delegate = d
        return p.parse() ? d : nil
    }

    /// Points along an SVG path of the form `M x,y C x,y x,y x,y ...` (20 per cubic segment).
    static func samples(_ d: String) -> [(Double, Double)] {
        let nums = d.split(whereSeparator: { " ,MC".contains($0) }).compactMap { Double($0) }
        var pts: [(Double, Double)] = []
        var i = 0
        while i + 1 < nums.count { pts.append((nums[i], nums[i + 1])); i += 2 }
        var out: [(Double, Double)] = []
        var k = 0
        while k + 3 < pts.count {
            let (p0, p1, p2, p3) = (pts[k], pts[k + 1], pts[k + 2], pts[k + 3])
            for s in 0...20 {
                let t = Double(s) / 20, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t
                out.append((a * p0.0 + b * p1.0 + c * p2.0 + e * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + e * p3.1))
            }
            k += 3
        }
        return out
    }

    /// For each panel: ties drawn, and ties passing through a node other than their ends.
    func crossings(inset: Double = 2) -> [(ties: Int, through: Int, examples: [String])] {
        panels.map { panel in
            var through = 0
            var examples: [String] = []
            for tie in panel.ties {
                let pts = Self.samples(tie.path)
                let hit = panel.nodes.first { name, shape in
                    name != tie.tail && name != tie.head && pts.contains { shape.contains($0.0, $0.1, inset: inset) }
                }
                if let hit {
                    through += 1
                    if examples.count < 5 { examples.append("\(tie.tail)->\(tie.head) through \(hit.key)") }
                }
            }
            return (panel.ties.count, through, examples)
        }
    }
}

@Suite struct RoutingTests {
    /// The target: at most 5% of ties through an organization that is not one of their ends.
    static let limit = 0.05

    func check(_ svg: String, _ what: String) throws {
        let parsed = try #require(TieCrossings.parse(svg), "\(what): the SVG does not parse")
        let result = parsed.crossings()
        #expect(!result.isEmpty, "\(what): no panel found")
        for (k, r) in result.enumerated() {
            #expect(r.ties > 0, "\(what) panel \(k): no ties drawn")
            let share = Double(r.through) / Double(max(1, r.ties))
            #expect(
                share <= Self.limit,
                "\(what) panel \(k): \(r.through) of \(r.ties) ties pass through another organization, e.g. \(r.examples)"
            )
        }
    }

    @Test func theMeasureSeesATieDrawnThroughANode() throws {
        // A hand-made panel: a straight tie from a to c runs through b; one from a to b does not, nor
        // one passing the corner of b's bounding box (outside the ellipse) or the legend's box.
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg"><svg class="panel-graph">
            <g class="node"><title>a</title><polygon points="0,0 20,0 20,10 0,10 0,0"/></g>
            <g class="node"><title>b</title><ellipse cx="60" cy="5" rx="10" ry="5"/></g>
            <g class="node"><title>c</title><polygon points="100,0 120,0 120,10 100,10 100,0"/></g>
            <g class="edge"><title>a-&gt;c</title><path d="M20,5C40,5 80,5 100,5"/></g>
            <g class="edge"><title>a-&gt;b</title><path d="M20,5C30,5 40,5 50,5"/></g>
            <g class="edge"><title>a-&gt;c</title><path d="M10,10C10,40 110,40 110,10"/></g>
            <g class="edge"><title>a-&gt;c</title><path d="M20,3C30,3 45,3 53,3"/></g>
            </svg><svg class="legend"><g class="node"><title>legend</title><polygon points="0,-50 200,-50 200,50 0,50"/></g></svg></svg>
            """
        let r = try #require(TieCrossings.parse(svg)).crossings()
        #expect(r.count == 1)
        #expect(r.first?.ties == 4)
        #expect(r.first?.through == 1)
    }

    @Test func everyGalleryMonthRoutesTiesAroundOrganizations() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let files = try Gallery.files(for: t)
        var checked = 0
        for m in t.months {
            let f = try #require(files.first { $0.path == Gallery.fileName(of: m) })
            try check(f.text, "gallery \(m)")
            checked += 1
        }
        #expect(checked == t.months.count)
    }

    @Test func februaryAgainstOctoberRoutesTiesAroundOrganizations() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let panels = try ComparePanels(snapshots: [
            t.snapshot(at: Month("1917-02")!), t.snapshot(at: Month("1917-10")!),
        ])
        try check(try panels.document([0, 1]), "compare 1917-02 1917-10")
    }
}

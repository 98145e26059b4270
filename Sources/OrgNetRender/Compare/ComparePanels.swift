import Foundation
import Graphviz
import OrgNet

/// Several snapshots drawn side by side (or in a grid) in one SVG, every organization at the same
/// position in every panel (``StableLayout``), changes since the previous panel highlighted
/// (added elements with an orange double border, removed ones ghosted), nodes sized by a measure,
/// and one legend.
///
/// How panels are composed: each panel is rendered by Graphviz on its own (`neato -n` with every
/// node pinned) and the SVGs are placed in one outer SVG as nested `<svg>` elements. Rendering
/// panels separately keeps each one exactly Graphviz's picture of one month (with its own
/// tooltips and ids), and, unlike one Graphviz graph with a cluster per panel, needs no renamed
/// node copies and no cluster boxes in `neato -n` (which does not compute them). Graphviz sizes
/// each panel's canvas to what it draws, so the composer puts every panel in one common frame:
/// it rewrites each panel's root transform to the same translation and gives every nested
/// `<svg>` the same `viewBox`. An organization's in-panel coordinates are then identical in
/// every panel, and panels differ only by their outer offset.
public struct ComparePanels: Sendable {
    /// The snapshots laid out together, in order.
    public let snapshots: [Snapshot]
    /// The measure sizing the nodes (``ComparisonMeasures``).
    public let measure: String
    /// Scores per snapshot, by organization id.
    public let scores: [[String: Double]]
    /// The shared layout.
    public let stable: StableLayout
    public let renderer: SnapshotRenderer

    /// How much larger the best-scoring organization is drawn than one scoring 0.
    public static let maxGrowth = 0.6

    /// Scores every snapshot and lays out their union once.
    public init(
        snapshots: [Snapshot], measure: String = ComparisonMeasures.defaultName,
        renderer: SnapshotRenderer = SnapshotRenderer()
    ) throws(OrgNetError) {
        guard !snapshots.isEmpty else { throw OrgNetError(.invalidArgument, "nothing to compare: no snapshot given") }
        self.snapshots = snapshots
        self.measure = try ComparisonMeasures.measure(named: measure)
        var scores: [[String: Double]] = []
        for s in snapshots { scores.append(try ComparisonMeasures.scores(self.measure, of: s)) }
        self.scores = scores
        self.renderer = renderer
        let top = scores.flatMap(\.values).max() ?? 0
        var maxScale: [String: Double] = [:]
        for s in scores { for (id, v) in s { maxScale[id] = max(maxScale[id] ?? 1, Self.scale(v, top: top)) } }
        stable = try StableLayout(snapshots: snapshots, maxScale: maxScale, renderer: renderer)
    }

    /// The largest score of any organization in any snapshot.
    public var topScore: Double { scores.flatMap(\.values).max() ?? 0 }

    /// The drawing scale of a score: 1 for 0, `1 + maxGrowth` for the top score (area-like, square root).
    static func scale(_ v: Double, top: Double) -> Double {
        guard top > 0, v > 0 else { return 1 }
        return 1 + maxGrowth * (min(1, v / top)).squareRoot()
    }

    // MARK: - Panels

    /// One panel as Graphviz drew it, before composition.
    public struct Panel: Sendable {
        /// The panel's title (the month's long name, or the network's name).
        public var title: String
        /// A line under the title (what changed since the previous panel).
        public var subtitle: String
        /// The month or network label.
        public var label: String
        /// Graphviz's SVG (whole document).
        public var svg: String
    }

    /// Draws snapshot `index` with pinned positions, compared with snapshot `previous` (nil: no highlights).
    public func panel(_ index: Int, previous: Int?, idPrefix: String) throws(OrgNetError) -> Panel {
        let snap = snapshots[index]
        let prev = previous.map { snapshots[$0] }
        var r = renderer
        r.options.title = false
        r.options.legend = false
        r.options.clusterByDistrict = false
        var spec = r.spec(for: snap)
        spec.attributes["id"] = .text(idPrefix + "graph")
        spec.attributes["class"] = .text("snapshot")
        // Ties routed around the pinned nodes (neato -n's spline router treats every node as an
        // obstacle); straight lines ran through other organizations for about half the ties.
        spec.attributes["splines"] = "true"
        // Keep routes a few points off the boxes they pass (the spline fit cuts the obstacles' corners).
        spec.attributes["esep"] = "+6"
        spec.attributes["pad"] = "0.2"
        spec.attributes.removeValue(forKey: "label")

        let score = scores[index]
        let ranks = ComparisonMeasures.ranks(score)
        let top = topScore
        let prevOrgs = Set(prev?.organizations.map(\.id) ?? [])
        let prevTies = Set(prev?.ties.map(\.id) ?? [])
        let title = ComparisonMeasures.title(of: measure)
        for i in spec.nodes.indices {
            let id = spec.nodes[i].id
            var a = spec.nodes[i].attributes
            a["id"] = .text(idPrefix + (a["id"]?.string ?? id))
            if let v = score[id] {
                let s = Self.scale(v, top: top)
                if s > 1.0001, let size = stable.naturalSizes[id] {
                    a["width"] = .text(Text.number((size.width * s / 72 * 1000).rounded() / 1000))
                    a["height"] = .text(Text.number((size.height * s / 72 * 1000).rounded() / 1000))
                }
                let line = "\(title) \(Text.number(v)) (rank \(ranks[id] ?? 0) of \(score.count))"
                a["tooltip"] = .text(line + "\n" + (a["tooltip"]?.string ?? ""))
            }
            if prev != nil, !prevOrgs.contains(id) {
                a["class"] = .text((a["class"]?.string ?? "org") + " added")
                a["peripheries"] = "2"
                a["color"] = .text(Self.addedColor)
                a["penwidth"] = "2"
                a["tooltip"] = .text("NEW since \(prev!.label)\n" + (a["tooltip"]?.string ?? ""))
            }
            spec.nodes[i].attributes = a
        }
        let tiesByElementID = Dictionary(
            snap.ties.map { ("tie-" + Text.identifier($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        for i in spec.edges.indices {
            var a = spec.edges[i].attributes
            let tieID = a["id"]?.string ?? ""
            a["id"] = .text(idPrefix + tieID)
            let matching = tiesByElementID[tieID]
            if prev != nil, let t = matching, !prevTies.contains(t.id) {
                a["class"] = .text((a["class"]?.string ?? "tie") + " added")
                a["color"] = .text(Self.addedColor)
                a["penwidth"] = .text(Text.number(max(2.2, Double(a["penwidth"]?.string ?? "1") ?? 1)))
                a["tooltip"] = .text("NEW since \(prev!.label)\n" + (a["tooltip"]?.string ?? ""))
            }
            spec.edges[i].attributes = a
        }
        // Ghosts: what the previous panel had and this one lost.
        if let prev {
            let here = Set(snap.organizations.map(\.id))
            for o in prev.organizations where !here.contains(o.id) {
                var a = stable.unionSpec.node(o.id)?.attributes ?? ["label": .text(o.label), "shape": "box"]
                a.removeValue(forKey: "width"); a.removeValue(forKey: "height")
                a["id"] = .text(idPrefix + "org-" + Text.identifier(o.id))
                a["class"] = .text("org removed")
                a["style"] = "filled,dashed"
                a["fillcolor"] = .text(Self.ghostFill)
                a["color"] = .text(Self.ghostLine)
                a["fontcolor"] = .text(Self.ghostText)
                a["penwidth"] = "1"
                a["tooltip"] = .text("GONE since \(prev.label): \(o.name)\n\(o.lifetime.text)")
                spec.nodes.append(.init(id: o.id, attributes: a))
            }
            let nodes = Set(spec.nodes.map(\.id))
            let tiesHere = Set(snap.ties.map(\.id))
            for t in prev.ties where !tiesHere.contains(t.id) && nodes.contains(t.from) && nodes.contains(t.to) {
                let look = r.style.edge(role: t.role)
                spec.edges.append(
                    .init(
                        tail: t.from, head: t.to,
                        attributes: [
                            "id": .text(idPrefix + "tie-" + Text.identifier(t.id)),
                            "class": .text("tie removed role-\(Text.token(t.role.rawValue))"),
                            "color": .text(Self.ghostLine), "style": "dashed", "arrowhead": .text(look.arrowhead),
                            "tooltip": .text(
                                "GONE since \(prev.label): \(prev.organization(t.from)?.name ?? t.from) → \(prev.organization(t.to)?.name ?? t.to) (\(t.role.rawValue))"
                            ),
                        ]))
            }
        }
        spec = spec.pinned(to: stable.layout)
        let bytes: [UInt8]
        do {
            bytes = try GraphvizEngine.shared.render(spec, layout: .neato, format: .svg)
        } catch {
            throw error.orgNetError(file: snap.timeline.origin)
        }
        let subtitle: String
        if let prev {
            let d = (
                added: snap.organizations.filter { !prevOrgs.contains($0.id) }.count,
                removed: prev.organizations.filter { o in !snap.organizations.contains { $0.id == o.id } }.count,
                tiesAdded: snap.ties.filter { !prevTies.contains($0.id) }.count,
                tiesRemoved: prev.ties.filter { t in !snap.ties.contains { $0.id == t.id } }.count
            )
            subtitle =
                "vs \(prev.label): +\(d.added) / −\(d.removed) organizations, +\(d.tiesAdded) / −\(d.tiesRemoved) ties"
        } else {
            subtitle = "\(snap.organizations.count) organizations, \(snap.ties.count) ties"
        }
        return Panel(
            title: Self.title(of: snap), subtitle: subtitle, label: snap.label,
            svg: String(decoding: bytes, as: UTF8.self))
    }

    /// "February 1917" (with "(Old Style)" for Julian datasets), or the network's name.
    public static func title(of snapshot: Snapshot) -> String {
        snapshot.month.map { $0.longName + (snapshot.timeline.calendar == .julian ? " (O.S.)" : "") } ?? snapshot.label
    }

    static let addedColor = "#ff8c00"
    static let ghostFill = "#f4f4f4"
    static let ghostLine = "#bdbdbd"
    static let ghostText = "#9a9a9a"

    // MARK: - Documents

    /// What to compose.
    public struct Layout: Sendable {
        /// Panels per row; nil: all in one row up to 4 panels, else about a square grid.
        public var columns: Int? = nil
        /// A heading over the panels; nil for none.
        public var heading: String? = nil
        /// The size of the panels relative to Graphviz's points (e.g. 0.4 for a filmstrip).
        public var scale: Double = 1
        /// Include the legend (right of the panels).
        public var legend: Bool = true
        /// Prefix of the SVG ids of panel `k`: `PREFIXk-org-ID`, `PREFIXk-tie-ID`, `PREFIXk-panel`.
        /// Give each document its own prefix when several are put in one HTML page.
        public var idPrefix: String = "p"
        public init(
            columns: Int? = nil, heading: String? = nil, scale: Double = 1, legend: Bool = true, idPrefix: String = "p"
        ) {
            self.columns = columns
            self.heading = heading
            self.scale = scale
            self.legend = legend
            self.idPrefix = idPrefix
        }
    }

    /// One SVG of the panels `indices` (each compared with the snapshot before it in `indices`, or with
    /// `previousOfFirst` for the first one).
    public func document(_ indices: [Int], previousOfFirst: Int? = nil, layout: Layout = Layout()) throws(OrgNetError)
        -> String
    {
        try document(
            drawn: try panels(indices, previousOfFirst: previousOfFirst), indices: indices,
            previousOfFirst: previousOfFirst, layout: layout)
    }

    /// The placeholder id prefix of panels drawn by ``panels(_:previousOfFirst:)``.
    static let prefixToken = "ORGNETPANELPREFIX"

    /// Draws the panels `indices` (compared as in ``document(_:previousOfFirst:layout:)``) once, with a
    /// placeholder id prefix, so that the same drawings can go into several documents
    /// (``document(drawn:indices:previousOfFirst:layout:)``): spline routing costs seconds per panel.
    public func panels(_ indices: [Int], previousOfFirst: Int? = nil) throws(OrgNetError) -> [Panel] {
        var out: [Panel] = []
        for (k, i) in indices.enumerated() {
            out.append(
                try panel(i, previous: k == 0 ? previousOfFirst : indices[k - 1], idPrefix: Self.prefixToken + "-"))
        }
        return out
    }

    /// One SVG of panels drawn by ``panels(_:previousOfFirst:)`` for `indices`: panel `k` gets the ids
    /// `layout.idPrefix` + `k-`, and the legend explains what those panels draw.
    public func document(drawn: [Panel], indices: [Int], previousOfFirst: Int? = nil, layout: Layout = Layout())
        throws(OrgNetError) -> String
    {
        let named = drawn.enumerated().map { k, p in
            var q = p
            // Graphviz writes '-' in ids as "&#45;".
            let prefix = (layout.idPrefix + "\(k)").replacingOccurrences(of: "-", with: "&#45;")
            q.svg = p.svg.replacingOccurrences(of: Self.prefixToken, with: prefix)
            return q
        }
        let legend = layout.legend ? try legendSVG(for: indices, previousOfFirst: previousOfFirst) : nil
        return Self.compose(named, legend: legend, layout: layout)
    }

    /// The legend as a Graphviz-drawn SVG: the kinds, roles and leading parties drawn in the panels
    /// `indices` (and in `previousOfFirst`, whose ghosts the first panel draws, when given), and
    /// the comparison marks when some panel is compared with another.
    /// - Throws: a usage error when `indices` is empty (a legend of no panel; it never means "all
    ///   panels", which is `Array(snapshots.indices)`), or an index is not a panel's.
    public func legendSVG(for indices: [Int], previousOfFirst: Int? = nil) throws(OrgNetError) -> String {
        guard !indices.isEmpty else {
            throw OrgNetError(.invalidArgument, "no panels given; a legend describes at least one panel")
        }
        let shownIndices = (previousOfFirst.map { [$0] } ?? []) + indices
        if let bad = shownIndices.first(where: { !snapshots.indices.contains($0) }) {
            throw OrgNetError(
                .invalidArgument, "panel \(bad) does not exist; the panels are 0..<\(snapshots.count)")
        }
        let changes = shownIndices.count > 1
        let spec = CompareLegend.spec(
            for: shownIndices.map { snapshots[$0] }, style: renderer.style, measure: measure,
            topScore: topScore, roles: renderer.options.roles, changes: changes)
        do {
            return String(decoding: try GraphvizEngine.shared.render(spec, layout: .dot, format: .svg), as: UTF8.self)
        } catch {
            throw error.orgNetError(file: snapshots[0].timeline.origin)
        }
    }

    // MARK: - Composition

    /// A Graphviz SVG taken apart: root viewBox, the root group's translation, and the content.
    struct Parsed {
        var width: Double
        var height: Double
        var translateX: Double
        var translateY: Double
        var scale: Double
        var content: String
    }

    static func parse(_ svg: String) -> Parsed? {
        guard let start = svg.range(of: "<svg"), let tagEnd = svg[start.upperBound...].firstIndex(of: ">"),
            let end = svg.range(of: "</svg>", options: .backwards)
        else { return nil }
        let tag = svg[start.lowerBound...tagEnd]
        guard let vb = attribute("viewBox", in: tag) else { return nil }
        let nums = vb.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard nums.count == 4 else { return nil }
        let content = String(svg[svg.index(after: tagEnd)..<end.lowerBound])
        var tx = 0.0, ty = 0.0, sc = 1.0
        if let t = rootTransform(in: content) { (sc, tx, ty) = (t.scale, t.x, t.y) }
        return Parsed(width: nums[2], height: nums[3], translateX: tx, translateY: ty, scale: sc, content: content)
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        guard let close = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[r.upperBound..<close])
    }

    /// The first `transform="scale(S S) rotate(0) translate(X Y)"` (Graphviz's root group).
    static func rootTransform(in content: String) -> (scale: Double, x: Double, y: Double, range: Range<String.Index>)?
    {
        guard let r = content.range(of: "transform=\"scale("), let close = content[r.upperBound...].firstIndex(of: "\"")
        else { return nil }
        let body = content[r.lowerBound..<close]
        func numbers(after key: String) -> [Double] {
            guard let k = body.range(of: key + "("), let p = body[k.upperBound...].firstIndex(of: ")") else {
                return []
            }
            return body[k.upperBound..<p].split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
        let s = numbers(after: "scale"), t = numbers(after: "translate")
        guard t.count == 2 else { return nil }
        return (s.first ?? 1, t[0], t[1], r.lowerBound..<content.index(after: close))
    }

    /// Places panels (sharing one frame) and a legend in one SVG.
    public static func compose(_ panels: [Panel], legend: String?, layout: Layout) -> String {
        let parsed = panels.map {
            parse($0.svg) ?? Parsed(width: 10, height: 10, translateX: 0, translateY: 0, scale: 1, content: "")
        }
        // The common frame, in Graphviz's root-group coordinates.
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in parsed {
            minX = min(minX, -p.translateX); maxX = max(maxX, p.width - p.translateX)
            minY = min(minY, -p.translateY); maxY = max(maxY, p.height - p.translateY)
        }
        if parsed.isEmpty { (minX, minY, maxX, maxY) = (0, 0, 10, 10) }
        let frameW = maxX - minX, frameH = maxY - minY
        let s = layout.scale
        let pw = frameW * s, ph = frameH * s
        let count = max(1, panels.count)
        let columns = max(1, min(count, layout.columns ?? bestColumns(count, width: pw, height: ph + 40)))
        let rows = (count + columns - 1) / columns
        let gap = 24.0, margin = 16.0
        let titleSize = max(11, 20 * min(1, s * 1.4)), subSize = max(9, titleSize * 0.62)
        let titleH = titleSize + subSize + 14
        let headingH = layout.heading == nil ? 0.0 : 34.0
        let legendParsed = legend.flatMap { parse($0) }
        let legendScale = max(0.55, min(1, s))
        let legendW = legendParsed.map { $0.width * legendScale + gap } ?? 0
        let gridW = Double(columns) * pw + Double(columns - 1) * gap
        let gridH = Double(rows) * (ph + titleH) + Double(rows - 1) * gap
        let totalW = margin * 2 + gridW + legendW
        let totalH = margin * 2 + headingH + max(gridH, (legendParsed?.height ?? 0) * legendScale)
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="orgnet-compare" \
            width="\(n(totalW))pt" height="\(n(totalH))pt" viewBox="0 0 \(n(totalW)) \(n(totalH))" \
            font-family="Helvetica,Arial,sans-serif">

            """
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(totalW))\" height=\"\(n(totalH))\" fill=\"white\"/>\n"
        if let h = layout.heading {
            out +=
                "<text class=\"heading\" x=\"\(n(margin))\" y=\"\(n(margin + 22))\" font-size=\"22\" font-weight=\"bold\" fill=\"#222\">\(Text.escapeXML(h))</text>\n"
        }
        // Titles centred over panels that fit a screen, at the left edge of very wide ones.
        let (titleX, anchor) = pw > 1600 ? (12.0, "start") : (pw / 2, "middle")
        let transform = "transform=\"scale(1 1) rotate(0) translate(\(n(-minX)) \(n(-minY)))\""
        for (i, (panel, p)) in zip(panels, parsed).enumerated() {
            let col = i % columns, row = i / columns
            let x = margin + Double(col) * (pw + gap)
            let y = margin + headingH + Double(row) * (ph + titleH + gap)
            var content = p.content
            if let t = rootTransform(in: content) { content.replaceSubrange(t.range, with: transform) }
            out +=
                "<g class=\"panel\" id=\"\(Text.escapeXML(layout.idPrefix))\(i)-panel\" data-label=\"\(Text.escapeXML(panel.label))\" transform=\"translate(\(n(x)) \(n(y)))\">\n"
            out +=
                "<rect class=\"panel-frame\" x=\"0\" y=\"0\" width=\"\(n(pw))\" height=\"\(n(ph + titleH))\" fill=\"white\" stroke=\"#dddddd\"/>\n"
            out +=
                "<text class=\"panel-title\" x=\"\(n(titleX))\" y=\"\(n(titleSize + 4))\" text-anchor=\"\(anchor)\" font-size=\"\(n(titleSize))\" font-weight=\"bold\" fill=\"#222\">\(Text.escapeXML(panel.title))</text>\n"
            out +=
                "<text class=\"panel-subtitle\" x=\"\(n(titleX))\" y=\"\(n(titleSize + subSize + 9))\" text-anchor=\"\(anchor)\" font-size=\"\(n(subSize))\" fill=\"#555\">\(Text.escapeXML(panel.subtitle))</text>\n"
            out +=
                "<svg class=\"panel-graph\" x=\"0\" y=\"\(n(titleH))\" width=\"\(n(pw))\" height=\"\(n(ph))\" viewBox=\"0 0 \(n(frameW)) \(n(frameH))\">\n"
            out += content
            out += "</svg>\n</g>\n"
        }
        if let lp = legendParsed {
            let x = margin + gridW + gap, y = margin + headingH
            out +=
                "<svg class=\"legend\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(lp.width * legendScale))\" height=\"\(n(lp.height * legendScale))\" viewBox=\"0 0 \(n(lp.width)) \(n(lp.height))\">\n"
            out += lp.content.replacingOccurrences(of: "id=\"graph0\"", with: "id=\"legend-graph\"")
            out += "</svg>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The number of columns whose grid comes closest to a 16:10 page (wide panels stack, tall ones line up).
    static func bestColumns(_ count: Int, width: Double, height: Double) -> Int {
        guard width > 0, height > 0 else { return count }
        return (1...count).min { a, b in
            func cost(_ c: Int) -> Double {
                let rows = Double((count + c - 1) / c)
                return abs(log((Double(c) * width) / (rows * height)) - log(1.6))
            }
            return cost(a) < cost(b)
        } ?? count
    }

    static func n(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return Text.number(r)
    }
}

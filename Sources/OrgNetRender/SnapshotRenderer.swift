import Foundation
import Graphviz
import OrgNet

/// Turns a ``Snapshot`` into a Graphviz ``GraphSpec``: the picture of one month.
///
/// Every node and edge gets an SVG `id` (`org-ID`, `tie-ID`) and CSS classes (`org`, `kind-…`,
/// `level-…`, `status-…`, `party-…`; `tie`, `role-…`) so pages and scripts can address them,
/// and a tooltip with its name, lifetime, status, confidence and sources. The picture reads left
/// to right, from the shop floor to the national bodies: delegation, part-of and membership ties
/// set the columns, authority ties too but written upwards (the directing body to the right, the
/// arrow drawn back at the directed one), and the other ties do not constrain the layout. Left to
/// right keeps a 150-body month legible: wide boxes stack in columns instead of one very wide row.
/// Organizations are grouped in boxes by their district when asked.
public struct SnapshotRenderer: Sendable {
    /// What to include in the picture.
    public struct Options: Sendable {
        /// A title line with the dataset and month.
        public var title: Bool = true
        /// A legend of kinds, roles and parties.
        public var legend: Bool = true
        /// Boxes around the bodies of each district (organizations whose parent is district-level).
        public var clusterByDistrict: Bool = true
        /// Tie roles drawn: `.all` (the default), or `.only(roles)` (an empty set draws no tie).
        public var roles: RoleFilter = .all
        /// `render --uncertainty`: draw each organization and tie as strongly as it is likely to have
        /// existed under this model (``Style/opacity(probability:model:)``); what cannot exist
        /// (assumptions under `--without assumptions`) is left out with its ties. Nil draws
        /// everything solid.
        public var presence: PresenceModel? = nil
        public init() {}
    }

    public var style: Style
    public var options: Options

    public init(style: Style = Style(), options: Options = Options()) {
        self.style = style
        self.options = options
    }

    /// The tooltip text of an organization.
    public static func tooltip(for org: Organization, in snapshot: Snapshot) -> String {
        let t = snapshot.timeline
        var lines = [org.name]
        let kindName = t.kind(org.kind)?.name ?? org.kind
        lines.append("\(kindName); \(org.lifetime.text)" + (org.aggregate.map { "; stands for \($0) bodies" } ?? ""))
        if let lead = t.leadership(of: org.id, at: snapshot.month) {
            lines.append("leading party: " + lead.description)
        }
        for obs in snapshot.observations(of: org.id) {
            var s = "\(obs.quantity): \(obs.approximate ? "about " : "")\(Text.number(obs.value))"
            if !obs.composition.isEmpty {
                s +=
                    " ("
                    + obs.composition.map { "\(t.party($0.party)?.name ?? $0.party) \(Text.number($0.count))" }
                    .joined(separator: ", ") + ")"
            }
            if !obs.alternatives.isEmpty { s += " [disputed]" }
            lines.append(s)
        }
        lines.append(org.provenance.statusText)
        lines.append(contentsOf: org.provenance.sources.map { "Source: " + citationText($0, in: t) })
        return lines.joined(separator: "\n")
    }

    /// The tooltip text of a tie.
    public static func tooltip(for tie: Tie, in snapshot: Snapshot) -> String {
        let t = snapshot.timeline
        let from = t.organization(tie.from)?.name ?? tie.from, to = t.organization(tie.to)?.name ?? tie.to
        var lines = [
            "\(from) → \(to)",
            "\(tie.kind ?? tie.role.rawValue)" + (tie.weight.map { "; weight \(Text.number($0))" } ?? "")
                + "; \(tie.lifetime.text)",
        ]
        lines.append(tie.provenance.statusText)
        lines.append(contentsOf: tie.provenance.sources.map { "Source: " + citationText($0, in: t) })
        return lines.joined(separator: "\n")
    }

    /// A citation with its source's title, e.g. "Workers' Democracy…, The factory committees ¶3 [A17]".
    public static func citationText(_ c: Citation, in t: Timeline) -> String {
        var s = t.source(c.ref)?.title ?? c.ref
        if let at = c.at { s += ", " + at }
        if !c.facts.isEmpty { s += " [" + c.facts.joined(separator: ", ") + "]" }
        return s
    }

    /// The picture of a snapshot.
    public func spec(for snapshot: Snapshot) -> GraphSpec {
        let t = snapshot.timeline
        var spec = GraphSpec(name: Text.token(t.id), isDirected: t.isDirected)
        spec.attributes = [
            "rankdir": "LR", "newrank": "false", "nodesep": "0.12", "ranksep": "0.9",
            "fontname": "Helvetica", "bgcolor": "white", "outputorder": "edgesfirst",
            "id": .text("snapshot-\(Text.token(snapshot.label))"),
            "class": .text("snapshot"),
        ]
        spec.nodeDefaults = ["fontname": "Helvetica", "style": "filled", "penwidth": "1.2", "margin": "0.08,0.04"]
        spec.edgeDefaults = ["fontname": "Helvetica", "fontsize": "8", "arrowsize": "0.7"]
        let strength = Strength(snapshot, roles: options.roles, model: options.presence)

        for org in snapshot.organizations {
            let presence = strength.probability(ofOrganization: org.id), opacity = strength.opacity(presence)
            guard opacity > 0 else { continue }
            let level = t.kind(org.kind)?.level ?? .other
            let look = style.node(level: level)
            var attrs: Attributes = [
                "label": .text(
                    Text.wrap(org.label).joined(separator: "\n") + (org.aggregate.map { "\n(×\($0))" } ?? "")),
                "shape": .text(look.shape), "fillcolor": .text(look.fill),
                "fontsize": .text(Text.number(look.fontSize)),
                "tooltip": .text(Self.tooltip(for: org, in: snapshot) + strength.tooltipLine(presence)),
                "id": .text("org-\(Text.identifier(org.id))"),
            ]
            var classes = [
                "org", "kind-\(Text.token(org.kind))", "level-\(level.rawValue)",
                "status-\(org.provenance.status.rawValue)", "confidence-\(org.provenance.confidenceText)",
            ]
            if let lead = snapshot.timeline.leadership(of: org.id, at: snapshot.month) {
                attrs["color"] = .text(style.color(of: lead.party))
                attrs["penwidth"] = .text(Style.leadPenWidth(lead.kind))
                classes.append("party-\(Text.token(lead.party.id))")
                classes.append("lead-\(lead.kind.rawValue)")
            }
            if org.aggregate != nil { attrs["style"] = .text(style.aggregateStyle()) }
            if org.provenance.status == .assumption { attrs["fontcolor"] = "#555555" }
            if opacity < 1 {
                // Graphviz draws `#rrggbbaa` as fill-/stroke-opacity; the default border and text are black.
                for (key, fallback) in [("fillcolor", look.fill), ("color", "#000000"), ("fontcolor", "#000000")] {
                    attrs[key] = .text(Style.faded(attrs[key]?.string ?? fallback, opacity: opacity))
                }
                classes.append("faint")
            }
            attrs["class"] = .text(classes.joined(separator: " "))
            spec.nodes.append(.init(id: org.id, attributes: attrs))
        }

        for tie in snapshot.ties where options.roles.contains(tie.role) {
            let presence = strength.probability(of: tie), opacity = strength.opacity(presence)
            guard opacity > 0 else { continue }
            let look = style.edge(role: tie.role)
            var attrs: Attributes = [
                "color": .text(look.color), "style": .text(look.style), "arrowhead": .text(look.arrowhead),
                "tooltip": .text(Self.tooltip(for: tie, in: snapshot) + strength.tooltipLine(presence)),
                "id": .text("tie-\(Text.identifier(tie.id))"),
                "class": .text(
                    "tie role-\(Text.token(tie.role.rawValue)) status-\(tie.provenance.status.rawValue)"
                        + (opacity < 1 ? " faint" : "")),
            ]
            if opacity < 1 { attrs["color"] = .text(Style.faded(look.color, opacity: opacity)) }
            if !look.constrains { attrs["constraint"] = "false" }
            if tie.role == .authority {
                // Directing bodies sit above the directed ones: write the edge upwards (so it ranks
                // like delegation) and draw the arrow back at the directed body.
                attrs["dir"] = "back"
                attrs["arrowtail"] = .text(look.arrowhead)
                spec.edges.append(.init(tail: tie.to, head: tie.from, attributes: attrs))
                continue
            }
            if let w = tie.weight, w > 0 {
                attrs["penwidth"] = .text(Text.number(min(6, 1 + log10(max(1, w)) * 1.3)))
                if tie.role == .delegation {
                    attrs["label"] = .text(Text.number(w));
                    attrs["fontcolor"] = .text(Style.faded("#333333", opacity: opacity))
                }
            }
            spec.edges.append(.init(tail: tie.from, head: tie.to, attributes: attrs))
        }

        if options.clusterByDistrict {
            // Only bodies drawn: a cluster naming a left-out body would make Graphviz draw it anyway.
            let drawn = Set(spec.nodes.map(\.id))
            spec.subgraphs = districtClusters(snapshot).compactMap { c in
                var c = c
                c.nodeIDs = c.nodeIDs.filter(drawn.contains)
                return c.nodeIDs.isEmpty ? nil : c
            }
        }
        if let label = heading(for: snapshot) {
            spec.attributes["label"] = .html(label)
            spec.attributes["labelloc"] = "t"
        }
        return spec
    }

    /// The legend's words for faintness under `render --uncertainty`, e.g. "fainter = less likely to
    /// have existed: high 95%, medium 75%, low 50% (assumptions left out)".
    public static func faintnessLegend(_ model: PresenceModel) -> String {
        func pct(_ p: Double) -> String { Text.number((p * 1000).rounded() / 10) + "%" }
        return
            "fainter = less likely to have existed: high \(pct(model.high)), medium \(pct(model.medium)), low \(pct(model.low))"
            + (model.withoutAssumptions ? " (assumptions left out)" : "")
    }

    /// One box per district-level organization holding it and the organizations whose parent it is.
    func districtClusters(_ snapshot: Snapshot) -> [GraphSpec.Subgraph] {
        let t = snapshot.timeline
        var clusters: [GraphSpec.Subgraph] = []
        for district in snapshot.organizations where (t.kind(district.kind)?.level ?? .other) == .district {
            let members = snapshot.organizations.filter { $0.parent == district.id }.map(\.id)
            guard !members.isEmpty else { continue }
            clusters.append(
                .init(
                    name: "cluster_\(Text.token(district.id))",
                    attributes: [
                        "label": "", "style": "rounded,dashed", "color": "#9fbf9f", "class": "district",
                        "id": .text("district-\(Text.identifier(district.id))"),
                    ],
                    nodeIDs: [district.id] + members))
        }
        return clusters
    }

    /// The graph label: the title (dataset and month) over a one-row legend, as an HTML table.
    /// Keeping the legend in the label (not in a node) leaves exactly one SVG node per organization.
    func heading(for snapshot: Snapshot) -> String? {
        let t = snapshot.timeline
        var rows: [String] = []
        if options.title {
            let when =
                snapshot.month.map { $0.longName + (t.calendar == .julian ? " (Old Style)" : "") } ?? snapshot.label
            rows.append("<TR><TD><FONT POINT-SIZE=\"20\">\(Text.escapeXML(t.title))</FONT></TD></TR>")
            rows.append("<TR><TD><FONT POINT-SIZE=\"15\">\(Text.escapeXML(when))</FONT></TD></TR>")
        }
        if options.legend, let legend = legendTable(snapshot) { rows.append("<TR><TD>\(legend)</TD></TR>") }
        return rows.isEmpty ? nil : "<TABLE BORDER=\"0\" CELLSPACING=\"2\">" + rows.joined() + "</TABLE>"
    }

    /// A compact legend: a swatch per level present, a sample of each tie role present, and the
    /// parties whose colour marks a leading party, by how they lead (majority or plurality).
    func legendTable(_ snapshot: Snapshot) -> String? {
        let t = snapshot.timeline
        var cells: [String] = []
        func cell(_ swatch: String, _ text: String) {
            cells.append(swatch + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">\(Text.escapeXML(text))</FONT></TD>")
        }
        let levels = Set(snapshot.organizations.map { t.kind($0.kind)?.level ?? .other })
        for level in Kind.Level.allCases where levels.contains(level) {
            let look = style.node(level: level)
            cell("<TD BGCOLOR=\"\(look.fill)\" BORDER=\"1\" WIDTH=\"14\"> </TD>", style.levelName(level))
        }
        if snapshot.organizations.contains(where: { $0.aggregate != nil }) {
            cell("<TD BORDER=\"1\" STYLE=\"ROUNDED\" WIDTH=\"14\">×</TD>", "aggregate (×N bodies)")
        }
        for r in Set(snapshot.ties.map(\.role)).sorted() where options.roles.contains(r) {
            let look = style.edge(role: r)
            let glyph = look.style == "dotted" ? "·····" : (look.style == "dashed" ? "- - ▸" : "——▸")
            cell("<TD><FONT COLOR=\"\(look.color)\" POINT-SIZE=\"11\"><B>\(glyph)</B></FONT></TD>", look.label)
        }
        if let model = options.presence {
            let swatches = [model.high, model.medium, model.low].map { p in
                "<FONT COLOR=\"\(Style.faded("#333333", opacity: Style.opacity(probability: p, model: model)))\" POINT-SIZE=\"11\"><B>■</B></FONT>"
            }.joined()
            cell("<TD>\(swatches)</TD>", Self.faintnessLegend(model))
        }
        let leads = Set(
            snapshot.organizations.compactMap { org in
                t.leadership(of: org.id, at: snapshot.month).map { [$0.party.id, $0.kind.rawValue] }
            })
        for p in t.parties {
            for kind in [Leadership.Kind.majority, .plurality] where leads.contains([p.id, kind.rawValue]) {
                cell(
                    "<TD BGCOLOR=\"white\" COLOR=\"\(style.color(of: p))\" BORDER=\"\(kind == .majority ? 3 : 1)\" WIDTH=\"14\"> </TD>",
                    "\(kind == .majority ? "thick" : "thin") border: \(p.name) \(kind.rawValue)")
            }
        }
        guard !cells.isEmpty else { return nil }
        // Wrap into rows of six entries so the legend stays narrower than the picture.
        var rows: [String] = []
        var i = 0
        while i < cells.count {
            rows.append("<TR>" + cells[i..<min(i + 6, cells.count)].joined() + "</TR>")
            i += 6
        }
        return "<TABLE BORDER=\"1\" COLOR=\"#cccccc\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
            + rows.joined() + "</TABLE>"
    }

}

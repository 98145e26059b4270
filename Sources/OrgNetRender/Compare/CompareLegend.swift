import Graphviz
import OrgNet

/// The one legend of a comparison: what the shown panels draw and nothing else. Kinds are grouped
/// by level, one entry per level with that level's fill and the names of its kinds present;
/// then the tie roles drawn, the leading parties marked by a border, and the marks of a
/// comparison (added, gone) when a panel is compared with a previous one. Drawn by Graphviz as
/// one HTML-table node.
enum CompareLegend {
    /// The legend of `shown` (the panels' snapshots, and the month before the first when its
    /// ghosts are drawn). `changes`: the panels mark what was added and removed.
    static func spec(
        for shown: [Snapshot], style: Style, measure: String, topScore: Double, roles: RoleFilter,
        changes: Bool
    ) -> GraphSpec {
        let union = StableLayout.union(of: shown)
        let t = union.timeline
        var rows: [String] = []
        func heading(_ text: String) {
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(Text.escapeXML(text))</B></TD></TR>")
        }

        // Levels, highest first, each with its kinds present.
        var kindsByLevel: [Kind.Level: [String]] = [:]
        for id in Set(union.organizations.map(\.kind)) {
            let k = t.kind(id)
            kindsByLevel[k?.level ?? .other, default: []].append(k?.name ?? id)
        }
        if !kindsByLevel.isEmpty { heading("Organizations, by level") }
        for level in Kind.Level.allCases.reversed() {
            guard let names = kindsByLevel[level]?.sorted() else { continue }
            let look = style.node(level: level)
            let shape = look.shape == "box" ? "" : " (\(look.shape))"
            let kinds = names.map { Text.escapeXML($0) }.joined(separator: "<BR ALIGN=\"LEFT\"/>")
            rows.append(
                "<TR><TD BGCOLOR=\"\(look.fill)\" BORDER=\"1\" WIDTH=\"28\" VALIGN=\"TOP\"> </TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                    + "<B>\(Text.escapeXML(style.levelName(level)))</B>\(shape)<BR ALIGN=\"LEFT\"/>"
                    + "<FONT POINT-SIZE=\"9\" COLOR=\"#444444\">\(kinds)</FONT></TD></TR>")
        }
        if union.organizations.contains(where: { $0.aggregate != nil }) {
            rows.append(
                "<TR><TD BORDER=\"1\" STYLE=\"rounded,dashed\" WIDTH=\"28\">×N</TD><TD ALIGN=\"LEFT\">aggregate (stands for N bodies)</TD></TR>"
            )
        }

        let drawnRoles = Set(union.ties.map(\.role)).filter { roles.contains($0) }
        if !drawnRoles.isEmpty { heading("Ties") }
        for r in drawnRoles.sorted() {
            let look = style.edge(role: r)
            let glyph = look.style == "dotted" ? "· · · ·" : (look.style == "dashed" ? "- - ▸" : "——▸")
            rows.append(
                "<TR><TD><FONT COLOR=\"\(look.color)\"><B>\(glyph)</B></FONT></TD><TD ALIGN=\"LEFT\">\(Text.escapeXML(look.label))</TD></TR>"
            )
        }

        // The parties that lead some organization drawn in a shown panel.
        var leading: [String: Set<Leadership.Kind>] = [:]
        for s in shown {
            for o in s.organizations {
                if let l = s.timeline.leadership(of: o.id, at: s.month) {
                    leading[l.party.id, default: []].insert(l.kind)
                }
            }
        }
        let parties = t.parties.filter { leading[$0.id] != nil }
        if !parties.isEmpty { heading("Border: leading party") }
        for p in parties { rows.append(partyBorderRow(p, kinds: leading[p.id] ?? [], style: style)) }

        if changes {
            heading("Changes")
            rows.append(
                "<TR><TD BORDER=\"3\" COLOR=\"\(ComparePanels.addedColor)\"> </TD><TD ALIGN=\"LEFT\">new since the previous panel</TD></TR>"
            )
            rows.append(
                "<TR><TD><FONT COLOR=\"\(ComparePanels.addedColor)\"><B>———</B></FONT></TD><TD ALIGN=\"LEFT\">new tie</TD></TR>"
            )
            rows.append(
                "<TR><TD BGCOLOR=\"\(ComparePanels.ghostFill)\" COLOR=\"\(ComparePanels.ghostLine)\" BORDER=\"1\" STYLE=\"dashed\"> </TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"#777777\">gone since the previous panel</FONT></TD></TR>"
            )
            rows.append(
                "<TR><TD><FONT COLOR=\"\(ComparePanels.ghostLine)\">- - -</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"#777777\">tie gone</FONT></TD></TR>"
            )
        }
        let m = ComparisonMeasures.title(of: measure)
        rows.append(
            "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(Text.escapeXML(m))<BR ALIGN=\"LEFT\"/>(largest: \(Text.escapeXML(Text.number(topScore))))</TD></TR>"
        )
        let table =
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">" + rows.joined() + "</TABLE>"
        return GraphSpec(
            name: "legend", attributes: ["id": "legend-graph", "class": "legend", "pad": "0.1", "bgcolor": "white"],
            nodes: [
                .init(
                    id: "__legend",
                    attributes: [
                        "label": .html(table), "shape": "box", "style": "rounded", "color": "#bbbbbb",
                        "fontname": "Helvetica", "fontsize": "11", "id": "legend", "class": "legend",
                        "tooltip": "Legend",
                    ])
            ])
    }

    /// The legend entry of a party whose colour borders the organizations it leads: the one place
    /// its wording is decided.
    /// One legend row for a party's border: how it leads in the shown panels, majority (a thick
    /// border) and/or plurality of a fully recorded composition (a thin one); see
    /// ``Timeline/leadership(of:at:)``.
    static func partyBorderRow(_ p: Party, kinds: Set<Leadership.Kind>, style: Style) -> String {
        let words = [(Leadership.Kind.majority, "majority (thick)"), (.plurality, "plurality (thin)")]
            .filter { kinds.contains($0.0) }.map(\.1).joined(separator: " or ")
        return
            "<TR><TD BGCOLOR=\"white\" COLOR=\"\(style.color(of: p))\" BORDER=\"2\"> </TD><TD ALIGN=\"LEFT\">\(Text.escapeXML(p.name)) \(words)</TD></TR>"
    }
}

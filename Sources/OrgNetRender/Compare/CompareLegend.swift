import Graphviz
import OrgNet

/// The one legend of a comparison: kinds, roles and parties present in any panel, and the marks
/// of a comparison (added, gone, node size by measure). Drawn by Graphviz as one HTML-table node.
enum CompareLegend {
    static func spec(for union: Snapshot, style: Style, measure: String, topScore: Double, roles: Set<Role>?) -> GraphSpec {
        let t = union.timeline
        var rows: [String] = ["<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>"]
        let kindIDs = Set(union.organizations.map(\.kind))
        let kinds = (t.kinds.isEmpty ? kindIDs.sorted().map { Kind(id: $0, name: $0) } : t.kinds.filter { kindIDs.contains($0.id) })
            .sorted { ($0.level, $0.name) > ($1.level, $1.name) }
        for k in kinds {
            let look = style.node(level: k.level)
            rows.append("<TR><TD BGCOLOR=\"\(look.fill)\" BORDER=\"1\" WIDTH=\"28\"> </TD><TD ALIGN=\"LEFT\">\(Text.escapeXML(k.name))</TD></TR>")
        }
        for r in Set(union.ties.map(\.role)).sorted() where roles?.contains(r) ?? true {
            let look = style.edge(role: r)
            let stroke = look.style == "solid" || look.style == "bold" ? "———" : (look.style == "dotted" ? "· · ·" : "- - -")
            rows.append("<TR><TD><FONT COLOR=\"\(look.color)\">\(stroke)</FONT></TD><TD ALIGN=\"LEFT\">\(Text.escapeXML(look.label))</TD></TR>")
        }
        let parties = Set(union.organizations.compactMap { org in
            t.months.isEmpty ? t.leadingParty(of: org.id, at: nil)?.id : nil
        }).union(t.parties.filter { p in t.observations.contains { $0.composition.contains { $0.party == p.id } } }.map(\.id))
        for p in t.parties where parties.contains(p.id) {
            rows.append("<TR><TD BGCOLOR=\"white\" COLOR=\"\(style.color(of: p))\" BORDER=\"2\"> </TD><TD ALIGN=\"LEFT\">border: \(Text.escapeXML(p.name)) majority (thick) or plurality (thin)</TD></TR>")
        }
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Changes</B></TD></TR>")
        rows.append("<TR><TD BORDER=\"3\" COLOR=\"\(ComparePanels.addedColor)\"> </TD><TD ALIGN=\"LEFT\">new since the previous panel</TD></TR>")
        rows.append("<TR><TD><FONT COLOR=\"\(ComparePanels.addedColor)\"><B>———</B></FONT></TD><TD ALIGN=\"LEFT\">new tie</TD></TR>")
        rows.append("<TR><TD BGCOLOR=\"\(ComparePanels.ghostFill)\" COLOR=\"\(ComparePanels.ghostLine)\" BORDER=\"1\" STYLE=\"dashed\"> </TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"#777777\">gone since the previous panel</FONT></TD></TR>")
        rows.append("<TR><TD><FONT COLOR=\"\(ComparePanels.ghostLine)\">- - -</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"#777777\">tie gone</FONT></TD></TR>")
        let m = ComparisonMeasures.title(of: measure)
        rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Node size: \(Text.escapeXML(m))<BR ALIGN=\"LEFT\"/>(largest: \(Text.escapeXML(Text.number(topScore))))</TD></TR>")
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">" + rows.joined() + "</TABLE>"
        return GraphSpec(name: "legend", attributes: ["id": "legend-graph", "class": "legend", "pad": "0.1", "bgcolor": "white"],
                         nodes: [.init(id: "__legend", attributes: [
                             "label": .html(table), "shape": "box", "style": "rounded", "color": "#bbbbbb",
                             "fontname": "Helvetica", "fontsize": "11", "id": "legend", "class": "legend", "tooltip": "Legend",
                         ])])
    }
}

import ArgumentParser
import OrgNet
import OrgNetIO
import OrgNetRender

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two months (or two DOT files).",
        discussion: """
        Organizations and ties added and removed, attributes and observed values changed (members, \
        delegates, party composition, leading party; values carried forward to each month), and the \
        largest score and rank shifts of a centrality measure (default betweenness, on delegation and \
        authority ties). Elements are matched by id.

        Examples:
          orgnet diff 1917-06 1917-10
          orgnet diff 1917-02 1917-10 --measure pagerank --top 20
          orgnet diff before.dot after.dot --format json
        """)

    @Argument(help: ArgumentHelp("The earlier month (YYYY-MM) or DOT file.", valueName: "a"), completion: Completions.monthOrFile) var a: String
    @Argument(help: ArgumentHelp("The later month (YYYY-MM) or DOT file.", valueName: "b"), completion: Completions.monthOrFile) var b: String
    @Option(name: .long, help: ArgumentHelp("Measure for score shifts: \(ComparisonMeasures.names.joined(separator: ", ")).", valueName: "name"))
    var measure: String = ComparisonMeasures.defaultName
    @Option(name: .long, help: ArgumentHelp("Score shifts shown in the table (JSON has all).", valueName: "n")) var top: Int = 10
    @Option(name: .long, help: "table or json.") var format: TableOrJSON = .table
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let both = try Selection.snapshots([a, b], data: data.data, options: data.readOptions)
            let (sa, sb) = (both[0], both[1])
            let diff = try SnapshotDiff(sa, sb, measure: measure)
            if format == .json { say(jsonText(diff)); return }
            say(text(diff))
        }
    }

    func text(_ d: SnapshotDiff) -> String {
        var out: [String] = ["\(d.before) → \(d.after): +\(d.added.organizations.count) / −\(d.removed.organizations.count) organizations, "
                             + "+\(d.added.ties.count) / −\(d.removed.ties.count) ties, \(d.changed.count) changed"]
        func orgs(_ title: String, _ list: [SnapshotDiff.OrganizationRef]) {
            guard !list.isEmpty else { return }
            out.append("")
            out.append("\(title) organizations (\(list.count))")
            var t = Table(["id", "name", "kind"])
            for o in list { t.add([o.id, o.name, o.kind]) }
            out.append(t.text)
        }
        func ties(_ title: String, _ list: [SnapshotDiff.TieRef]) {
            guard !list.isEmpty else { return }
            out.append("")
            out.append("\(title) ties (\(list.count))")
            var t = Table(["from", "to", "role", "weight"], rightAligned: [3])
            for x in list { t.add([x.from, x.to, x.role, x.weight.map { Text.number($0) } ?? ""]) }
            out.append(t.text)
        }
        orgs("Added", d.added.organizations)
        ties("Added", d.added.ties)
        orgs("Removed", d.removed.organizations)
        ties("Removed", d.removed.ties)
        if !d.changed.isEmpty {
            out.append("")
            out.append("Changed (\(d.changed.count))")
            var t = Table(["element", "field", d.before, d.after])
            for c in d.changed {
                for (i, ch) in c.changes.enumerated() {
                    let field = ch.quantity.map { "\(ch.field) (\($0))" } ?? ch.field
                    t.add([i == 0 ? c.id : "", field, ch.before?.description ?? "—", ch.after?.description ?? "—"])
                }
            }
            out.append(t.text)
        }
        let moved = d.shifts.filter { s in
            abs(s.delta) > 1e-12 || (s.rankBefore != nil && s.rankAfter != nil && s.rankBefore != s.rankAfter
                                      && ((s.before ?? 0) > 0 || (s.after ?? 0) > 0))
        }.prefix(max(0, top))
        if !moved.isEmpty {
            out.append("")
            out.append("\(ComparisonMeasures.title(of: d.measure)): largest shifts")
            var t = Table(["organization", d.before, d.after, "change", "rank"], rightAligned: [1, 2, 3])
            func num(_ v: Double?) -> String { v.map { Text.number(($0 * 1000).rounded() / 1000) } ?? "—" }
            for s in moved {
                let rank = "\(s.rankBefore.map(String.init) ?? "—") → \(s.rankAfter.map(String.init) ?? "—")"
                t.add([s.id, num(s.before), num(s.after), (s.delta >= 0 ? "+" : "") + num(s.delta), rank])
            }
            out.append(t.text)
        }
        if d.isEmpty && moved.isEmpty { out.append("no differences") }
        return out.joined(separator: "\n")
    }
}

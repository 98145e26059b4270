import ArgumentParser
import OrgNet
import OrgNetIO
import OrgNetRender

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two months (or two DOT files).",
        discussion: """
            Organizations and ties added and removed, attributes and observed values changed (members, \
            delegates, party composition, leading party; values carried forward to each month), and the \
            largest score and rank shifts of a centrality measure (default betweenness, on delegation and \
            authority ties). Elements are matched by id.

            Uncertainty: --samples N draws N plausible pairs of networks (each organization and tie \
            present with the probability of its confidence: high 0.95, medium 0.75, low 0.5; \
            --presence, --without assumptions) and gives each shift low/high (the 5th and 95th \
            percentiles of the sampled shifts; --interval) and median; "delta" stays the shift on \
            the recorded networks, and the JSON top level gains "samples", "seed", "interval". One \
            element is drawn once per sample, for both months, so a shift moves only with what \
            differs between them. The same --seed gives the same output.

            Examples:
              orgnet diff 1917-06 1917-10
              orgnet diff 1917-02 1917-10 --measure pagerank --top 20
              orgnet diff before.dot after.dot --format json
              orgnet diff 1917-06 1917-10 --samples 200 --seed 1
            """)

    @Argument(
        help: ArgumentHelp("The earlier month (YYYY-MM) or DOT file.", valueName: "a"),
        completion: Completions.monthOrFile) var a: String
    @Argument(
        help: ArgumentHelp("The later month (YYYY-MM) or DOT file.", valueName: "b"),
        completion: Completions.monthOrFile) var b: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure for score shifts: \(ComparisonMeasures.names.joined(separator: ", ")).", valueName: "name"))
    var measure: String = ComparisonMeasures.defaultName
    @Option(name: .long, help: ArgumentHelp("Score shifts shown in the table (JSON has all).", valueName: "n")) var top:
        Int = 10
    @Option(name: .long, help: "table or json.") var format: TableOrJSON = .table
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let both = try Selection.snapshots([a, b], data: data.data, options: data.readOptions)
            let (sa, sb) = (both[0], both[1])
            var diff = try SnapshotDiff(sa, sb, measure: measure)
            if let options = try sampling.options() {
                try diff.addSampledShifts(sa, sb, model: try sampling.model(sb), options: options)
            }
            if format == .json { say(jsonText(diff)); return }
            say(text(diff))
        }
    }

    func text(_ d: SnapshotDiff) -> String {
        var out: [String] = [
            "\(d.before) → \(d.after): +\(d.added.organizations.count) / −\(d.removed.organizations.count) organizations, "
                + "+\(d.added.ties.count) / −\(d.removed.ties.count) ties, \(d.changed.count) changed"
        ]
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
            abs(s.delta) > 1e-12
                || (s.rankBefore != nil && s.rankAfter != nil && s.rankBefore != s.rankAfter
                    && ((s.before ?? 0) > 0 || (s.after ?? 0) > 0))
        }.prefix(max(0, top))
        if !moved.isEmpty {
            out.append("")
            out.append(
                "\(ComparisonMeasures.title(of: d.measure)): largest shifts"
                    + (d.samples.map {
                        "; \($0) plausible networks, seed \(d.seed ?? 1), \(decimal(d.interval ?? 90))% intervals"
                    } ?? ""))
            let sampled = d.samples != nil
            var t = Table(
                ["organization", d.before, d.after, "change", "rank"] + (sampled ? ["change low", "change high"] : []),
                rightAligned: sampled ? [1, 2, 3, 5, 6] : [1, 2, 3])
            func num(_ v: Double?) -> String { v.map { Text.number(($0 * 1000).rounded() / 1000) } ?? "—" }
            func signed(_ v: Double?) -> String { v.map { ($0 >= 0 ? "+" : "") + num($0) } ?? "—" }
            for s in moved {
                let rank = "\(s.rankBefore.map(String.init) ?? "—") → \(s.rankAfter.map(String.init) ?? "—")"
                t.add(
                    [s.id, num(s.before), num(s.after), signed(s.delta), rank]
                        + (sampled ? [signed(s.low), signed(s.high)] : []))
            }
            out.append(t.text)
        }
        if d.isEmpty && moved.isEmpty { out.append("no differences") }
        return out.joined(separator: "\n")
    }
}

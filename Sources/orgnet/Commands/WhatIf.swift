import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Remove bodies or ties and report what changes: reachability lost, centrality shifts.",
        discussion: """
            --remove takes organizations (ids or unambiguous names) and ties written FROM->TO, \
            comma-separated. Removed bodies disappear with their ties. Reported, among the bodies \
            that remain: the ordered pairs (A, B) where B was reachable from A along ties of --roles \
            and no longer is, and each body's change in --measure (default betweenness), largest \
            change first.

            JSON: {"removedOrganizations", "removedTies", "reachableBefore", "reachableAfter", \
            "lost": [{"from", "to"}], "measure", "shifts": [{"id", "name", "before", "after"}]}.

            Examples:
              orgnet whatif --remove "petrograd soviet" 1917-10
              orgnet whatif --remove district-north --data Graphs/sample --measure pagerank
              orgnet whatif --remove "works-a->city-soviet" --data Graphs/sample --format json
            """)

    @Option(
        name: .long,
        help: ArgumentHelp("Organizations and FROM->TO ties to remove, comma-separated.", valueName: "org[,org..]"))
    var remove: String
    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (.dot .graphml .gexf .gml .json .csv).", valueName: "month|file"),
        completion: Completions.monthOrFile) var target: String?
    @Option(name: .long, help: ArgumentHelp("The centrality to compare (default: betweenness).", valueName: "measure"))
    var measure: CentralityMeasure = .betweenness
    @OptionGroup var network: NetworkOptions
    @OptionGroup var top: TopOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            var orgs: [String] = [], ties: [(from: String, to: String)] = []
            for item in remove.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) })
            where !item.isEmpty {
                if let r = item.range(of: "->") {
                    ties.append(
                        (
                            try Selection.organization(String(item[..<r.lowerBound]), in: s.timeline).id,
                            try Selection.organization(String(item[r.upperBound...]), in: s.timeline).id
                        ))
                } else {
                    orgs.append(try Selection.organization(item, in: s.timeline).id)
                }
            }
            var r = try network.view(s).whatIf(removing: orgs, ties: ties, measure: measure)
            r.shifts = top.apply(r.shifts)
            func name(_ id: String) -> String { s.organization(id)?.name ?? id }
            switch format {
            case .json: say(jsonText(r))
            case .csv:
                var t = Table(["id", "name", "before", "after", "change"])
                for x in r.shifts { t.add([x.id, x.name, String(x.before), String(x.after), String(x.change)]) }
                say(t.csv)
            case .table:
                let removed =
                    r.removedOrganizations.map(name) + r.removedTies.map { "\(name($0.from)) → \(name($0.to))" }
                say("What if \(removed.joined(separator: ", ")) were gone — \(title(s))")
                say("reachable pairs among the rest: \(r.reachableBefore) → \(r.reachableAfter)")
                if !r.lost.isEmpty {
                    say("lost:")
                    for p in r.lost { say("  \(name(p.from)) → \(name(p.to))") }
                }
                say("\n\(measure.rawValue) shifts")
                var t = Table(["body", "before", "after", "change"], rightAligned: [1, 2, 3])
                for x in r.shifts {
                    t.add([
                        x.name, decimal(x.before, 6), decimal(x.after, 6),
                        (x.change > 0 ? "+" : "") + decimal(x.change, 6),
                    ])
                }
                say(t.text)
            }
        }
    }
}

import ArgumentParser
import OrgNet
import OrgNetIO

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find chains of ties from one organization to another.",
        discussion: """
            FROM and TO are ids or unambiguous parts of names. Paths follow tie direction: a \
            delegation chain runs from the body that sends delegates up to the body that receives \
            them; an authority chain from the directing body down. Ties of --roles only (default \
            delegation and authority; every edge of a DOT file, where undirected graphs are \
            followed both ways).

            Default: one shortest path (fewest ties; with --weighted, least total weight).
              --all [--max-length K]   every simple path with at most K ties (depth-first order)
              --k N                    the N shortest simple paths, shortest first (Yen)
              --span M1..M2            only ties and bodies that existed in EVERY month from M1 to M2
                                       (time-respecting delegation chains); replaces --month
              --samples N              also the share of N plausible networks (see centrality --help)
                                       in which each chain exists (JSON "shares", one per path)

            When there is no path, orgnet says so on stderr and exits 1 (JSON still prints, with \
            an empty "paths" list). JSON: {"from", "to", "month", "paths": [[ids...], ...]}.

            Examples:
              orgnet path putilov "petrograd soviet" --month 1917-10
              orgnet path works-a city-soviet --all --max-length 3 --data Graphs/sample
              orgnet path a d --month graph.dot --k 3 --format json
              orgnet path works-a city-soviet --span 1917-02..1917-04 --data Graphs/sample
            """)

    @Argument(help: ArgumentHelp("Where the chain starts.", valueName: "from"), completion: Completions.organization)
    var from: String
    @Argument(help: ArgumentHelp("Where the chain ends.", valueName: "to"), completion: Completions.organization)
    var to: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (default: the dataset's default month, else the latest).",
            valueName: "month|file"), completion: Completions.monthOrFile)
    var month: String?
    @Flag(name: .long, help: "Every simple path (limit with --max-length).") var all = false
    @Option(name: .long, help: ArgumentHelp("With --all: at most K ties per path.", valueName: "k")) var maxLength: Int?
    @Option(name: .customLong("k"), help: ArgumentHelp("The N shortest simple paths.", valueName: "n")) var k: Int?
    @Option(
        name: .long,
        help: ArgumentHelp("Months M1..M2 every tie must span (time-respecting chains).", valueName: "m1..m2"))
    var span: String?
    @OptionGroup var network: NetworkOptions
    @OptionGroup var top: TopOption
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        let from: String
        let to: String
        let month: String
        let paths: [[String]]
        let shares: [Double]?
    }

    func validate() throws {
        if all && k != nil { throw ValidationError("--all and --k exclude each other") }
        if maxLength != nil && !all { throw ValidationError("--max-length goes with --all") }
        if span != nil && month != nil { throw ValidationError("--span and --month exclude each other") }
        if span != nil && sampling.samples != nil { throw ValidationError("--samples needs one month, not --span") }
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let query: PathQuery = all ? .all(maxLength: maxLength) : k.map { .kShortest($0) } ?? .shortest
            let label: String
            let paths: [[String]]
            var shares: [Double]? = nil
            let names: (String) -> String
            let fromID: String, toID: String
            let roles: RoleFilter
            if let span {
                let t = try Selection.timeline(data: data.data, options: data.readOptions)
                let months = try t.months(spanning: span)
                fromID = try Selection.organization(from, in: t).id
                toID = try Selection.organization(to, in: t).id
                roles = try NetworkOptions.roles(parsing: network.roles, in: t)
                paths = try t.timeRespectingPaths(
                    from: fromID, to: toID, months: months, roles: roles,
                    weighted: network.weighted, query)
                label = "\(months.first!)..\(months.last!)"
                names = { t.organization($0)?.name ?? $0 }
            } else {
                let s = try Selection.snapshot(month, data: data.data, options: data.readOptions)
                fromID = try Selection.organization(from, in: s.timeline).id
                toID = try Selection.organization(to, in: s.timeline).id
                let view = try network.view(s)
                roles = view.roles
                paths = try view.paths(from: fromID, to: toID, query)
                if let o = try sampling.options() {
                    shares = try UncertainNetwork(view, model: try sampling.model(s)).chainShares(top.apply(paths), o)
                }
                label = s.label
                names = { s.timeline.organization($0)?.name ?? $0 }
            }
            let shown = top.apply(paths)
            let out = Output(from: fromID, to: toID, month: label, paths: shown, shares: shares)
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var t = Table(["path", "step", "id", "name"])
                for (i, p) in shown.enumerated() {
                    for (j, id) in p.enumerated() { t.add([String(i + 1), String(j), id, names(id)]) }
                }
                say(t.csv)
            case .table:
                for (i, p) in shown.enumerated() {
                    say(
                        "\(shown.count > 1 ? "\(i + 1). " : "")\(p.count - 1) tie\(p.count == 2 ? "" : "s"): "
                            + p.map(names).joined(separator: " → ")
                            + (shares.map { " (exists in \(percent($0[i])) of the samples)" } ?? ""))
                }
                if paths.count > shown.count { say("(\(paths.count - shown.count) more; drop --top to see them)") }
            }
            if paths.isEmpty {
                throw OrgNetError(
                    .noResult, "no path from \(fromID) to \(toID) in \(label)",
                    hints: [
                        roles.sortedNames.map { "ties used: " + $0.joined(separator: ", ") + "; try --roles all" }
                            ?? "ties used: all of them"
                    ])
            }
        }
    }
}

import ArgumentParser
import OrgNet
import OrgNetIO

extension GroupAttribute: ExpressibleByArgument {}

struct Brokers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokers",
        abstract: "Find the brokers: articulation points, bridges and Gould-Fernandez brokerage roles.",
        discussion: """
            Articulation points are bodies whose removal splits the network (ties taken without \
            direction); bridges are ties whose removal does. Brokerage (Gould & Fernandez 1989): B \
            brokers A -> B -> C when there is no tie A -> C; by the groups of A, B, C (--by party: \
            the leading party at the month: a majority of its seats, or a plurality of a composition \
            covering the whole body, 'none' otherwise; --by kind):
              coordinator     A, B, C in one group
              itinerant       A and C in one group, B outside it
              representative  B in A's group, C outside
              gatekeeper      B in C's group, A outside
              liaison         three different groups
            Ties of --roles (default delegation and authority; all edges of a DOT file).

            JSON: {"month", "by", "articulationPoints": [ids], "bridges": [{"from", "to"}], \
            "brokerage": [{"id", "name", "group", "coordinator", ...}]} (most brokerage first).

            --samples N adds "articulationShares": [{"id", "share"}]: the share of N plausible \
            networks (see centrality --help) in which each body is an articulation point.

            Examples:
              orgnet brokers 1917-10 --by party --top 10
              orgnet brokers 1917-10 --samples 1000 --seed 1
              orgnet brokers graph.dot --by kind --format json
            """)

    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (.dot .graphml .gexf .gml .json .csv).", valueName: "month|file"))
    var target: String?
    @Option(name: .long, help: ArgumentHelp("party (default) or kind.", valueName: "attribute")) var by:
        GroupAttribute = .party
    @OptionGroup var network: NetworkOptions
    @OptionGroup var top: TopOption
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        struct Bridge: Encodable { let from: String; let to: String }
        struct Row: Encodable {
            let id: String; let name: String; let group: String
            let coordinator: Int; let itinerant: Int; let representative: Int; let gatekeeper: Int; let liaison: Int;
            let total: Int
        }
        let month: String
        let by: GroupAttribute
        let articulationPoints: [String]
        let bridges: [Bridge]
        let brokerage: [Row]
        let articulationShares: [SampleShare]?
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let v = try network.view(s)
            let rows = v.brokerage(by: by).filter { $0.total > 0 }
                .sorted { $0.total != $1.total ? $0.total > $1.total : $0.id < $1.id }
                .map {
                    Output.Row(
                        id: $0.id, name: $0.name, group: $0.group, coordinator: $0.coordinator, itinerant: $0.itinerant,
                        representative: $0.representative, gatekeeper: $0.gatekeeper, liaison: $0.liaison,
                        total: $0.total)
                }
            let out = Output(
                month: s.label, by: by, articulationPoints: v.articulationPoints(),
                bridges: v.bridges().map { .init(from: $0.from, to: $0.to) }, brokerage: top.apply(rows),
                articulationShares: try sampling.options().map { o throws(OrgNetError) in
                    try UncertainNetwork(v, model: try sampling.model(s)).articulationShares(o)
                })
            func name(_ id: String) -> String { s.organization(id)?.name ?? id }
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var t = Table([
                    "id", "name", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                    "total",
                ])
                for r in out.brokerage {
                    t.add([
                        r.id, r.name, r.group, String(r.coordinator), String(r.itinerant), String(r.representative),
                        String(r.gatekeeper), String(r.liaison), String(r.total),
                    ])
                }
                say(t.csv)
            case .table:
                say("Brokers — \(title(s))")
                // One item a line: a month has dozens of cut points and bridges.
                say(
                    "Articulation points (\(out.articulationPoints.count)):"
                        + (out.articulationPoints.isEmpty ? " none" : ""))
                for id in out.articulationPoints { say("  \(Table.oneLine(name(id)))") }
                say("Bridges (\(out.bridges.count)):" + (out.bridges.isEmpty ? " none" : ""))
                for b in out.bridges { say("  \(Table.oneLine(name(b.from))) → \(Table.oneLine(name(b.to)))") }
                if let shares = out.articulationShares {
                    say(
                        "Articulation point in a share of the samples (\(shares.count)):"
                            + (shares.isEmpty ? " none" : ""))
                    for s in shares { say("  \(Table.oneLine(name(s.id)))  \(percent(s.share))") }
                }
                say("\nBrokerage by \(by.rawValue)")
                var t = Table(
                    ["body", by.rawValue, "coord.", "itin.", "repr.", "gatek.", "liaison", "total"],
                    rightAligned: [2, 3, 4, 5, 6, 7])
                for r in out.brokerage {
                    t.add([
                        r.name, r.group, String(r.coordinator), String(r.itinerant), String(r.representative),
                        String(r.gatekeeper), String(r.liaison), String(r.total),
                    ])
                }
                say(out.brokerage.isEmpty ? "(no body brokers an open two-step chain)" : t.text)
            }
        }
    }
}

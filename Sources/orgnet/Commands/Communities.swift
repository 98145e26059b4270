import ArgumentParser
import OrgNet
import OrgNetIO

struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Group the bodies into communities (Louvain) and give the partition's modularity.",
        discussion: """
            Louvain (Blondel et al. 2008) on the network of --roles ties (tie weights with \
            --weighted), as networkx's louvain_communities with seed 0 (--seed): it maximizes \
            modularity, for a directed network the directed form (Leicht & Newman 2008) \
            Q = sum over communities c of [L_c / m - resolution * K_c^out * K_c^in / m^2], for an \
            undirected one Q = sum of [L_c / m - resolution * (K_c / 2m)^2]. Bodies without ties form \
            communities of their own. Communities are listed largest first.

            JSON: {"month", "modularity", "communities": [[ids...], ...]}.

            Examples:
              orgnet communities 1917-10 --roles all
              orgnet communities graph.dot --format json
            """)

    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (.dot .graphml .gexf .gml .json .csv).", valueName: "month|file"),
        completion: Completions.monthOrFile) var target: String?
    @Option(name: .long, help: ArgumentHelp("Modularity resolution; larger gives smaller communities.", valueName: "r"))
    var resolution: Double = 1
    @Option(name: .long, help: ArgumentHelp("Seed of the node order (deterministic for a given seed).", valueName: "n"))
    var seed: UInt64 = 0
    @OptionGroup var network: NetworkOptions
    @OptionGroup var top: TopOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        let month: String
        let modularity: Double
        let communities: [[String]]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let p = try network.view(s).communities(resolution: resolution, seed: seed)
            let out = Output(month: s.label, modularity: p.modularity, communities: top.apply(p.communities))
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var t = Table(["community", "id", "name"])
                for (i, c) in out.communities.enumerated() {
                    for id in c { t.add([String(i + 1), id, s.organization(id)?.name ?? id]) }
                }
                say(t.csv)
            case .table:
                say("Communities — \(title(s)), modularity \(decimal(p.modularity, 4))")
                for (i, c) in out.communities.enumerated() {
                    say("\(i + 1). " + c.map { s.organization($0)?.name ?? $0 }.joined(separator: ", "))
                }
            }
        }
    }
}

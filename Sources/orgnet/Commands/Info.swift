import ArgumentParser
import OrgNet
import OrgNetIO

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Count the organizations by kind and the ties by role in one snapshot.",
        discussion: """
            MONTH is YYYY-MM (default: the dataset's default month, else the latest); FILE is a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list) or a YAML dataset.
            Examples:
              orgnet info                 the default month of the built-in dataset
              orgnet info 1917-02
              orgnet info graph.dot --format json
            """)

    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (.dot .graphml .gexf .gml .json .csv).", valueName: "month|file"),
        completion: Completions.monthOrFile) var target: String?
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        struct Count: Encodable { let name: String; let count: Int }
        let dataset: String
        let snapshot: String
        let organizations: Int
        let ties: Int
        let kinds: [Count]
        let roles: [Count]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let out = Output(
                dataset: s.timeline.id, snapshot: s.label, organizations: s.organizations.count, ties: s.ties.count,
                kinds: s.organizationsByKind.map { .init(name: $0.kind, count: $0.count) },
                roles: s.tiesByRole.map { .init(name: $0.role.rawValue, count: $0.count) })
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var table = Table(["section", "name", "count"])
                for kind in out.kinds { table.add(["kind", kind.name, String(kind.count)]) }
                for role in out.roles { table.add(["role", role.name, String(role.count)]) }
                say(table.csv)
            case .table:
                let title = s.timeline.title.isEmpty || s.timeline.title == "-" ? "standard input" : s.timeline.title
                say("\(title) — \(s.month?.longName ?? (s.label == "-" ? "one snapshot" : s.label))")
                say("\(count(out.organizations, "organization")), \(count(out.ties, "tie"))\n")
                var kinds = Table(["kind", "organizations"], rightAligned: [1])
                for kind in out.kinds {
                    kinds.add([s.timeline.kind(kind.name)?.name ?? kind.name, String(kind.count)])
                }
                say(kinds.text + "\n")
                var roles = Table(["role", "ties"], rightAligned: [1])
                for role in out.roles { roles.add([role.name, String(role.count)]) }
                say(roles.text)
            }
        }
    }
}

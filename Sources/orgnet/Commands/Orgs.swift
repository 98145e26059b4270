import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

/// `orgnet orgs`: the organizations' ids, names, kinds and lifetimes, to find what to type.
struct Orgs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "List organizations: ids, names, kinds and lifetimes.",
        discussion: """
            Without an argument, every organization of the dataset (--data, else the built-in \
            timeline); with a MONTH, those that exist in it; with a FILE (DOT or YAML), its nodes. \
            The id column is what other commands accept wherever they ask for an organization.

            Examples:
              orgnet orgs
              orgnet orgs 1917-10 --kind factory_committee
              orgnet orgs --format csv > orgs.csv
              orgnet orgs graph.dot
            """)

    @Argument(
        help: ArgumentHelp("A month (YYYY-MM) or a file (default: every month).", valueName: "month|file"),
        completion: Completions.monthOrFile)
    var target: String?
    @Option(name: .long, help: ArgumentHelp("Only organizations of this kind (a kind id).", valueName: "kind"))
    var kind: String?
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Row: Encodable {
        let id: String
        let name: String
        let kind: String
        let since: String?
        let until: String?
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let timeline: Timeline
            let organizations: [Organization]
            if let target {
                let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
                timeline = s.timeline
                organizations = s.organizations
            } else {
                timeline = try Selection.timeline(data: data.data, options: data.readOptions)
                organizations = timeline.organizations
            }
            var chosen = organizations
            if let kind {
                let kinds = Set(organizations.map(\.kind))
                guard kinds.contains(kind) else {
                    throw OrgNetError(
                        .invalidArgument, "no organization of kind '\(kind)' here",
                        hints: ["kinds: " + kinds.sorted().joined(separator: ", ")])
                }
                chosen = organizations.filter { $0.kind == kind }
            }
            let rows = chosen.map {
                Row(
                    id: $0.id, name: $0.name, kind: $0.kind, since: $0.lifetime.since?.description,
                    until: $0.lifetime.until?.description)
            }
            switch format {
            case .json: say(jsonText(rows))
            case .table, .csv:
                var table = Table(["id", "name", "kind", "since", "until"])
                for r in rows { table.add([r.id, r.name, r.kind, r.since ?? "", r.until ?? ""]) }
                say(format == .csv ? table.csv : table.text)
                if format == .table { note("\(count(rows.count, "organization")) in \(timeline.id)") }
            }
        }
    }
}

import ArgumentParser
import OrgNet
import OrgNetIO

struct Months: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "months",
        abstract: "List the months (snapshots) of the dataset.",
        discussion: """
            One month per line, YYYY-MM, so the list pipes into other commands:
              for m in $(orgnet months); do orgnet info $m; done
            FILE is a network file or dataset instead of --data. A GEXF with numeric time \
            (timeformat="long" or "double") lists its times, one per line; `--month TIME` picks one \
            (JSON: "calendar": "numeric"). A static network has no months and lists nothing.
            """)

    @Argument(
        help: ArgumentHelp(
            "A network file or dataset (default: --data, else the built-in dataset).", valueName: "file"),
        completion: .file()) var file: String?
    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table (one month per line) or json.") var format: TableOrJSON = .table

    struct Output: Encodable {
        let dataset: String
        let calendar: String
        let months: [String]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: file ?? data.data, options: data.readOptions)
            // A numeric time axis (a GEXF with timeformat long/double) lists its times.
            let labels = t.months.map { m in t.timeSlices?.label(of: m) ?? m.description }
            switch format {
            case .json:
                say(
                    jsonText(
                        Output(
                            dataset: t.id, calendar: t.timeSlices == nil ? t.calendar.rawValue : "numeric",
                            months: labels)))
            case .table:
                for label in labels { say(label) }
            }
        }
    }
}

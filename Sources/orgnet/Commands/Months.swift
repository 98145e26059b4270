import ArgumentParser
import OrgNet
import OrgNetIO

struct Months: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the months (snapshots) of the dataset.",
        discussion: "One month per line, YYYY-MM, so the list pipes into other commands:\n  for m in $(orgnet months); do orgnet info $m; done")

    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table (one month per line) or json.") var format: TableOrJSON = .table

    struct Output: Encodable {
        let dataset: String
        let calendar: String
        let months: [String]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            switch format {
            case .json: say(jsonText(Output(dataset: t.id, calendar: t.calendar.rawValue, months: t.months.map(\.description))))
            case .table: t.months.forEach { say($0.description) }
            }
        }
    }
}

import ArgumentParser
import Foundation
import GraphKit
import OrgNet
import OrgNetIO
import OrgNetRender

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "A metric of some organizations across all months, as an SVG line chart or CSV.",
        discussion: """
            Metrics: a centrality measure (\(ComparisonMeasures.names.joined(separator: ", "))), an observed \
            quantity (members, seats, delegates_sent, workers, ... as the dataset records them; only months with an \
            observation have a point), or share:PARTY (the party's percentage of a body's delegates or seats). \
            Charts are plain SVG: no script.

            With -o (or -T) the chart or table is written to a file: -T svg or -T csv, else the -o \
            extension says (.svg, .csv); -o - is standard output. Without either, the results are \
            printed as --format says (table, json or csv).

            Examples:
              orgnet trend --metric betweenness --org petrograd-soviet,ps-ec -o betweenness.svg
              orgnet trend --metric seats --org petrograd-soviet --format csv
              orgnet trend --metric pagerank --org ps-ec,bolshevik-pc -T csv -o pagerank.csv
              orgnet trend --metric share:bolsheviks --org ps-ec,congress-2 -o share.svg
            """)

    @Option(name: .long, help: ArgumentHelp("The metric (see above).", valueName: "name")) var metric: String
    @Option(
        name: .long,
        help: ArgumentHelp("Organizations, comma-separated (ids or unambiguous names).", valueName: "org[,org..]"),
        completion: Completions.organization)
    var org: String
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Output file (.svg or .csv), or - for standard output.", valueName: "path"),
        completion: .file())
    var output: String?
    @Option(
        name: outputFormatNames,
        help: ArgumentHelp(
            "Output file format: svg or csv (default: from the -o extension, else svg).", valueName: "format"),
        completion: .list(["svg", "csv"]))
    var to: String?
    @Option(
        name: .long, help: ArgumentHelp("How results are printed without -o: table, json or csv.", valueName: "format"))
    var format: OutputStyle = .table
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            var orgs: [Organization] = []
            for q in org.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !q.isEmpty {
                let o = try Selection.organization(q, in: t)
                if !orgs.contains(where: { $0.id == o.id }) { orgs.append(o) }
            }
            if orgs.isEmpty { throw OrgNetError(.invalidArgument, "--org names no organization") }
            let trend = try OrgNetRender.Trend.compute(metric: metric, organizations: orgs, timeline: t)
            // No value in any month is no result, not an empty chart; a series without values is named.
            let empty = trend.series.filter { $0.values.allSatisfy { $0 == nil } }
            if empty.count == trend.series.count {
                throw OrgNetError(
                    .noResult, "no month has a value of \(trend.metric) for \(orgs.map(\.id).joined(separator: ", "))",
                    hints: [
                        "observed quantities and party shares exist only where the dataset records them (`orgnet show ORG`)"
                    ])
            }
            for s in empty { note("orgnet: note: no month has a value of \(trend.metric) for \(s.id)") }
            if output != nil || to != nil {
                let chosen = try OutputFormatChoice(formats: ["svg", "csv"], fallback: "svg").choose(
                    explicit: to, output: output)
                let destination =
                    output ?? "\(t.id)-trend-\(trend.metric.replacingOccurrences(of: ":", with: "-")).\(chosen)"
                if chosen == "csv" {
                    try writeOutput(text: trend.csv, to: destination)
                } else {
                    let heading =
                        "\(trend.title), \(t.months.first.map(\.description) ?? "") – \(t.months.last.map(\.description) ?? "")"
                    try writeOutput(text: TrendChart.svg(trend, heading: heading), to: destination)
                }
                if destination != "-" {
                    note(
                        "wrote \(destination) (\(trend.title), \(orgs.count) series, \(count(trend.months.count, "month")))"
                    )
                }
                return
            }
            switch format {
            case .csv:
                try writeOutput(text: trend.csv, to: "-")
            case .json:
                struct Out: Encodable { let metric: String; let title: String; let months: [String]; let series: [S] }
                struct S: Encodable { let id: String; let name: String; let values: [Double?] }
                say(
                    jsonText(
                        Out(
                            metric: trend.metric, title: trend.title, months: trend.months.map(\.description),
                            series: trend.series.map { S(id: $0.id, name: $0.name, values: $0.values) })))
            case .table:
                var table = Table(["month"] + trend.series.map(\.id), rightAligned: Set(1...trend.series.count))
                for (i, m) in trend.months.enumerated() {
                    table.add(
                        [m.description]
                            + trend.series.map { $0.values[i].map { NumberText.decimal($0, maxDecimals: 6) } ?? "—" })
                }
                say(trend.title)
                say(table.text)
            }
        }
    }
}

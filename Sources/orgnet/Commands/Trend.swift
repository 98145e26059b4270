import ArgumentParser
import Foundation
import OrgNet
import OrgNetRender

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A metric of some organizations across all months, as an SVG line chart or CSV.",
        discussion: """
        Metrics: a centrality measure (\(ComparisonMeasures.names.joined(separator: ", "))), an observed \
        quantity (members, delegates, workers, ... as the dataset records them; only months with an \
        observation have a point), or share:PARTY (the party's percentage of a body's delegates or seats). \
        Charts are plain SVG: no script.

        Examples:
          orgnet trend --metric betweenness --org petrograd-soviet,cec -o betweenness.svg
          orgnet trend --metric delegates --org putilov --format csv
          orgnet trend --metric share:bolsheviks --org "petrograd soviet" -o share.svg
        """)

    @Option(name: .long, help: ArgumentHelp("The metric (see above).", valueName: "name")) var metric: String
    @Option(name: .long, help: ArgumentHelp("Organizations, comma-separated (ids or unambiguous names).", valueName: "org[,org..]"))
    var org: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.svg or .csv), or - for standard output.", valueName: "path"))
    var output: String?
    @Option(name: .long, help: ArgumentHelp("svg (default with -o), csv, table or json.", valueName: "format"))
    var format: String?
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data)
            var orgs: [Organization] = []
            for q in org.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !q.isEmpty {
                let o = try Selection.organization(q, in: t)
                if !orgs.contains(where: { $0.id == o.id }) { orgs.append(o) }
            }
            if orgs.isEmpty { throw OrgNetError(.usage, "--org names no organization") }
            let trend = try OrgNetRender.Trend.compute(metric: metric, organizations: orgs, timeline: t)
            let chosen = (format ?? output.map { ($0 as NSString).pathExtension.lowercased() == "csv" ? "csv" : "svg" } ?? "table").lowercased()
            switch chosen {
            case "csv":
                try OutputFile.write(text: trend.csv, to: output ?? "-")
                if let output, output != "-" { say("wrote \(output) (\(trend.title), \(orgs.count) series, \(trend.months.count) months)") }
            case "svg":
                let destination = output ?? "\(t.id)-trend-\(trend.metric.replacingOccurrences(of: ":", with: "-")).svg"
                let heading = "\(trend.title), \(t.months.first.map(\.description) ?? "") – \(t.months.last.map(\.description) ?? "")"
                try OutputFile.write(text: TrendChart.svg(trend, heading: heading), to: destination)
                if destination != "-" { say("wrote \(destination) (\(trend.title), \(orgs.count) series, \(trend.months.count) months)") }
            case "json":
                struct Out: Encodable { let metric: String; let title: String; let months: [String]; let series: [S] }
                struct S: Encodable { let id: String; let name: String; let values: [Double?] }
                say(jsonText(Out(metric: trend.metric, title: trend.title, months: trend.months.map(\.description),
                                 series: trend.series.map { S(id: $0.id, name: $0.name, values: $0.values) })))
            case "table":
                var table = Table(["month"] + trend.series.map(\.id), rightAligned: Set(1...trend.series.count))
                for (i, m) in trend.months.enumerated() {
                    table.add([m.description] + trend.series.map { $0.values[i].map(OrgNetRender.Trend.number) ?? "—" })
                }
                say(trend.title)
                say(table.text)
            default:
                throw OrgNetError(.usage, "unknown format '\(chosen)'", hints: ["formats: svg, csv, table, json"])
            }
        }
    }
}

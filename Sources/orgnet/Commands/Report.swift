import ArgumentParser
import OrgNet
import OrgNetIO
import OrgNetRender

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML report: months on one layout, diffs, trends, sources.",
        discussion: """
            Writes DIR/index.html (self-contained: styles, script, pictures and data inline; no server, \
            no network) with a month slider and tabs over the stable-layout pictures (opening on the \
            dataset's default month), zoom and pan (wheel, pinch, drag, + - 0 keys), a search box (name or \
            id), selection that lights a body's neighbourhood with its sources, observations and trend in \
            a side panel, deep links (index.html#1917-10/petrograd-soviet), a diff table for any pair of \
            months, trend charts and a foldable legend; plus the pictures as files (DIR/svg/, DIR/charts/). \
            Open index.html in a browser.

            Uncertainty: each month's ten highest scores of the measure are listed with their 90% interval \
            and rank range over --samples plausible networks (default \(HTMLReport.defaultSamples), seed 1: \
            each organization and tie kept at random by its confidence, as centrality --samples does), the \
            shift table gives both months' intervals, the measure's trend chart shades each line's interval, \
            and each month lists the assumed or low-confidence elements its top five hangs on (as orgnet \
            sensitivity --top 5). --samples 0 leaves all of this out; eigenvector, katz, hubs and \
            authorities cannot be sampled and get none of it.

            Examples:
              orgnet report -o report
              orgnet report --data Graphs/sample -o out/report --measure pagerank
              orgnet report -o report --samples 50 --seed 7
            """)

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The folder to write (created if missing).", valueName: "dir"),
        completion: .directory)
    var output: String = "orgnet-report"
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure for node size and shifts: \(ComparisonMeasures.names.joined(separator: ", ")).", valueName: "name")
    )
    var measure: String = ComparisonMeasures.defaultName
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Plausible networks per month for intervals and bands (default \(HTMLReport.defaultSamples); 0: none).",
            valueName: "n"))
    var samples: Int = HTMLReport.defaultSamples
    @Option(
        name: .long,
        help: ArgumentHelp("Seed of the samples (default 1); the same seed writes the same report.", valueName: "s"))
    var seed: UInt64 = 1
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            let files = try HTMLReport.files(for: t, measure: measure, samples: samples, seed: seed)
            try OutputFile.makeFolder(output)
            for folder in Set(
                files.compactMap { f -> String? in
                    let parts = f.path.split(separator: "/")
                    return parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil
                })
            {
                try OutputFile.makeFolder(output + "/" + folder)
            }
            for f in files { try writeOutput(text: f.text, to: output + "/" + f.path) }
            note(
                "wrote \(output)/index.html and \(count(files.count - 1, "picture")) (\(count(t.months.count, "month")) of \(t.id))"
            )
        }
    }
}

import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO
import OrgNetRender

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Draw two or more months side by side, every organization at the same place.",
        discussion: """
            The union of the months is laid out once (dot) and every panel pins its nodes to those \
            positions, so an organization sits at the same spot in each panel; each panel's ties are \
            routed around the pinned organizations. In each panel after the \
            first, what is new since the previous panel has an orange double border (new ties are orange) \
            and what is gone is drawn as a grey dashed ghost. Node size follows a measure (default \
            betweenness). One legend, of what the panels draw. Arguments may also be DOT files (matched by node names).

            Examples:
              orgnet compare 1917-02 1917-10 -o cmp.svg
              orgnet compare 1917-02 1917-06 1917-10 1918-01 --columns 2 -o grid.svg
              orgnet compare 1917-06 1917-10 --measure pagerank -o - > cmp.svg
            """)

    @Argument(
        help: ArgumentHelp("Two or more months (YYYY-MM) or DOT files, earliest first.", valueName: "month|file"),
        completion: Completions.monthOrFile)
    var targets: [String]
    @Option(
        name: .shortAndLong, help: ArgumentHelp("Output SVG file, or - for standard output.", valueName: "path"),
        completion: .file())
    var output: String?
    @Option(
        name: outputFormatNames, help: ArgumentHelp("Output format: svg (the only one; default).", valueName: "format"),
        completion: .list(["svg"]))
    var to: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure for node size: \(ComparisonMeasures.names.joined(separator: ", ")).", valueName: "name"))
    var measure: String = ComparisonMeasures.defaultName
    @Option(
        name: .long,
        help: ArgumentHelp("Panels per row (default: one row up to 4 panels, else a square grid).", valueName: "n"))
    var columns: Int?
    @Flag(name: .long, help: "Leave out the legend.") var noLegend = false
    @OptionGroup var data: DataOption

    func validate() throws {
        if targets.count < 2 { throw ValidationError("compare needs at least two months or files") }
        if let columns, columns < 1 { throw ValidationError("--columns must be at least 1") }
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            _ = try OutputFormatChoice(formats: ["svg"], fallback: "svg").choose(explicit: to, output: output)
            let snapshots = try Selection.snapshots(targets, data: data.data, options: data.readOptions)
            let panels = try ComparePanels(snapshots: snapshots, measure: measure)
            let t = snapshots[0].timeline
            let heading = "\(t.title): " + snapshots.map(\.label).joined(separator: " · ")
            let svg = try panels.document(
                Array(snapshots.indices),
                layout: .init(columns: columns, heading: heading, legend: !noLegend))
            let destination = output ?? "\(t.id)-compare-" + snapshots.map(\.label).joined(separator: "-") + ".svg"
            try writeOutput(text: svg, to: destination)
            if destination != "-" {
                note(
                    "wrote \(destination) (\(count(snapshots.count, "panel")), \(count(panels.stable.union.organizations.count, "organization")) in the shared layout)"
                )
            }
        }
    }
}

import ArgumentParser
import Foundation
import OrgNet
import OrgNetRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw one snapshot (a month, or a DOT file) with Graphviz.",
        discussion: """
        With no arguments, draws the latest month of the built-in dataset to an SVG file in the \
        current folder and prints its name. A month is drawn in orgnet's style: shape and colour by \
        kind, border by leading party, a legend, tooltips with sources, and `id`/`class` attributes \
        on every node (`org-ID`) and tie (`tie-ID`) for CSS and scripts. A DOT file is drawn as its \
        author wrote it, after orgnet's safety checks (shapes that crash Graphviz 2.42 are rewritten).

        Formats (-T): svg, png, pdf, dot (DOT with the computed positions), canon (plain DOT), json \
        (Graphviz JSON). Without -T the format follows the -o extension, else svg.

        Examples:
          orgnet render                               latest month -> petrograd-1917-<month>.svg
          orgnet render 1917-10 -o october.svg
          orgnet render 1917-02 -T png -o - > feb.png
          orgnet render graph.dot --layout neato -o graph.pdf
        """)

    @Argument(help: ArgumentHelp("A month (YYYY-MM) or a DOT file.", valueName: "month|file")) var target: String?
    @Option(name: .customShort("T"), help: ArgumentHelp("Output format: svg, png, pdf, dot, canon, json.", valueName: "format"))
    var format: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or - for standard output.", valueName: "path"))
    var output: String?
    @Option(name: .long, help: ArgumentHelp("Layout engine: dot, neato, fdp, sfdp, circo, twopi.", valueName: "engine"))
    var layout: String = "dot"
    @Flag(name: .long, help: "Leave out the legend.") var noLegend = false
    @Flag(name: .long, help: "Do not box each district's bodies together.") var noClusters = false
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let engine = try Rendering.layout(named: layout)
            let formatName = format ?? output.flatMap { path -> String? in
                let ext = (path as NSString).pathExtension.lowercased()
                return ext == "gv" ? "dot" : (Rendering.formats.contains(ext) ? ext : nil)
            } ?? "svg"
            let fmt = try Rendering.format(named: formatName)
            let bytes: [UInt8]
            let destination: String
            let summary: String
            if let target, !Selection.looksLikeMonth(target), DOTImport.isDOTFile(target) {
                bytes = try Rendering.render(dotFile: target, format: fmt, layout: engine)
                destination = output ?? ((target as NSString).lastPathComponent as NSString).deletingPathExtension
                    + "." + Rendering.fileExtension(fmt)
                summary = target
            } else {
                let snapshot = try Selection.snapshot(target, data: data.data)
                var renderer = SnapshotRenderer()
                renderer.options.legend = !noLegend
                renderer.options.clusterByDistrict = !noClusters
                bytes = try Rendering.render(snapshot, format: fmt, layout: engine, renderer: renderer)
                let base = snapshot.month.map { "\(snapshot.timeline.id)-\($0)" } ?? snapshot.timeline.id
                destination = output ?? base + "." + Rendering.fileExtension(fmt)
                summary = "\(snapshot.timeline.title), \(snapshot.label): \(snapshot.organizations.count) organizations, \(snapshot.ties.count) ties"
            }
            try OutputFile.write(bytes, to: destination)
            if destination != "-" { say("wrote \(destination) (\(summary))") }
        }
    }
}

import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO
import OrgNetRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw one snapshot (a month, or a DOT file) with Graphviz.",
        discussion: """
            With no arguments, draws the default month of the built-in dataset (October 1917) to an SVG file in the \
            current folder and prints its name. A month is drawn in orgnet's style: shape and colour by \
            kind, border by leading party, a legend, tooltips with sources, and `id`/`class` attributes \
            on every node (`org-ID`) and tie (`tie-ID`) for CSS and scripts. A DOT file is drawn as its \
            author wrote it, after orgnet's safety checks (shapes that crash Graphviz 2.42 are rewritten; \
            URL, href and target attributes and script URLs are dropped), and laid out in a child process: \
            a Graphviz crash on it is reported (exit 70) and a layout running past --timeout is stopped \
            (exit 65), naming the file.

            --uncertainty draws each organization and tie as strongly as it is likely to have existed: \
            its presence probability (high 0.95, medium 0.75, low 0.5 by default; the dataset's presence: \
            and --presence change them) divided by that of high confidence, so high-confidence elements \
            stay solid, a low-confidence one is drawn at about half strength and none fainter than 15%; \
            an element with no confidence recorded is certain and solid. With --without assumptions the \
            assumed organizations and ties are left out of the picture (with their ties). The legend \
            says what faintness means; dashes still mean the tie's role.

            Several DOT files draw one by one into the folder -o names (default: the current folder); \
            a file that fails is reported and the others are still drawn.

            Formats (-T, also joined: -Tpng): svg, png, pdf, dot (DOT with the computed positions), \
            canon (plain DOT), json (Graphviz JSON). Without -T the format follows the -o extension \
            (.gv is dot), else svg; an extension naming no format (-o x.jpg) is refused (exit 64). \
            -o - writes to standard output; "wrote ..." lines go to standard error. A DOT file may be \
            - (standard input) with --from dot.

            Examples:
              orgnet render                               default month -> petrograd-1917-<month>.svg
              orgnet render 1917-10 -o october.svg
              orgnet render 1917-02 -Tpng -o - > feb.png
              orgnet render 1917-10 --uncertainty -o october-uncertain.svg
              orgnet render 1917-10 --uncertainty --without assumptions -o october-recorded.svg
              orgnet render - --from dot -o graph.svg < graph.dot
              orgnet render graph.dot --layout neato -o graph.pdf
              orgnet render a.dot b.dot c.dot -o drawings/
            """)

    @Argument(
        help: ArgumentHelp("A month (YYYY-MM), or one or more DOT files.", valueName: "month|file"),
        completion: Completions.monthOrFile)
    var targets: [String] = []
    @Option(
        name: outputFormatNames,
        help: ArgumentHelp(
            "Output format: svg, png, pdf, dot, canon, json (default: from the -o extension, else svg).",
            valueName: "format"),
        completion: .list(Rendering.formats))
    var format: String?
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Output file, or - for standard output (a folder for several DOT files).", valueName: "path"),
        completion: .file())
    var output: String?
    @Option(
        name: .long, help: ArgumentHelp("Layout engine: dot, neato, fdp, sfdp, circo, twopi.", valueName: "engine"),
        completion: Completions.layouts)
    var layout: String = "dot"
    @Option(name: .long, help: ArgumentHelp("Seconds a DOT file's layout may take.", valueName: "seconds"))
    var timeout: Double = LayoutIsolation.defaultTimeout
    @Flag(name: .long, help: "Leave out the legend.") var noLegend = false
    @Flag(name: .long, help: "Do not box each district's bodies together.") var noClusters = false
    @Flag(name: .long, help: "Draw less certain organizations and ties fainter (opacity by presence probability).")
    var uncertainty = false
    @OptionGroup var presence: PresenceOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        if targets.count > 1, let bad = targets.first(where: { !Self.isDOT($0, format: data.from) }) {
            throw ValidationError("several targets must all be DOT files; '\(bad)' is not (draw months one at a time)")
        }
        if presence.isSet && !uncertainty { throw ValidationError("--presence and --without need --uncertainty") }
        if uncertainty, let dot = targets.first(where: { Self.isDOT($0, format: data.from) }) {
            throw ValidationError(
                "--uncertainty draws a month of a dataset; '\(dot)' is a DOT file, drawn as its author wrote it")
        }
    }

    func run() throws {
        if targets.count > 1 { return try renderMany() }
        let target = targets.first
        try runReporting { () throws(OrgNetError) in
            let engine = try Rendering.layout(named: layout)
            let fmt = try Rendering.format(named: try formatName(for: output))
            let bytes: [UInt8]
            let destination: String
            let summary: String
            if let target, Self.isDOT(target, format: data.from) {
                bytes = try Rendering.render(
                    dotFile: target, format: fmt, layout: engine,
                    isolation: .currentExecutable(timeout: timeout), limits: data.limits)
                destination = output ?? Self.outputName(for: target, Rendering.fileExtension(fmt))
                summary = target
            } else {
                let snapshot = try Selection.snapshot(
                    target, data: data.data, month: time.month, options: data.readOptions)
                var renderer = SnapshotRenderer()
                renderer.options.legend = !noLegend
                renderer.options.clusterByDistrict = !noClusters
                if uncertainty { renderer.options.presence = try presence.model(snapshot) }
                let leftOut = renderer.options.presence?.withoutAssumptions == true ? "; assumptions left out" : ""
                bytes = try Rendering.render(snapshot, format: fmt, layout: engine, renderer: renderer)
                let base = snapshot.month.map { "\(snapshot.timeline.id)-\($0)" } ?? snapshot.timeline.id
                destination = output ?? base + "." + Rendering.fileExtension(fmt)
                summary =
                    "\(snapshot.timeline.title), \(snapshot.label): \(count(snapshot.organizations.count, "organization")), \(count(snapshot.ties.count, "tie"))\(leftOut)"
            }
            try writeOutput(bytes, to: destination)
            if destination != "-" { note("wrote \(destination) (\(summary))") }
        }
    }

    /// Several DOT files into a folder: each failure is reported, the others drawn; the exit
    /// status is the first failure's.
    private func renderMany() throws {
        var failure: Int32?
        try runReporting { () throws(OrgNetError) in
            let engine = try Rendering.layout(named: layout)
            let fmt = try Rendering.format(named: try formatName(for: nil))
            let folder = output ?? "."
            try OutputFile.makeFolder(folder)
            for path in targets {
                do throws(OrgNetError) {
                    let bytes = try Rendering.render(
                        dotFile: path, format: fmt, layout: engine,
                        isolation: .currentExecutable(timeout: timeout), limits: data.limits)
                    let destination = (folder as NSString).appendingPathComponent(
                        Self.outputName(for: path, Rendering.fileExtension(fmt)))
                    try writeOutput(bytes, to: destination)
                    note("wrote \(destination) (\(path))")
                } catch {
                    let status = ExitStatus(for: error)
                    status.report()
                    failure = failure ?? status.code
                }
            }
        }
        if let failure { throw ExitCode(failure) }
    }

    private func formatName(for output: String?) throws(OrgNetError) -> String {
        try OutputFormatChoice(formats: Rendering.formats, aliases: ["gv": "dot"], fallback: "svg")
            .choose(explicit: format, output: output)
    }

    /// True when a target is drawn as a DOT file (not a month or a dataset): see
    /// ``DOTImport/isDOTFile(_:format:)``.
    static func isDOT(_ target: String, format: NetworkFormat?) -> Bool {
        !Selection.looksLikeMonth(target) && DOTImport.isDOTFile(target, format: format)
    }

    static func outputName(for input: String, _ fileExtension: String) -> String {
        if input == "-" { return "stdin." + fileExtension }
        return ((input as NSString).lastPathComponent as NSString).deletingPathExtension + "." + fileExtension
    }
}

import ArgumentParser
import Foundation
import OrgNet
import OrgNetRender

/// `-T` of `orgnet export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, json, csv, dot
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a month or the whole timeline as GraphML, GEXF, JSON, CSV or DOT.",
        discussion: """
        Formats (-T):
          graphml  one month with typed attributes (networkx, igraph, yEd)
          gexf     the whole timeline for Gephi's timeline (GEXF 1.3: spells,
                   dynamic party counts); with a MONTH, that month only
          json     networkx node-link JSON: one month, or --all (since/until)
          csv      a folder of tables (nodes, ties, observations, sources...):
                   one month or --all; needs -o FOLDER
          dot      one month as Graphviz DOT (what `orgnet render` draws), for gvpr;
                   --positions pins every node where the layout put it
                   (pos="x,y!"), so `neato -n` redraws the same picture;
                   --all writes one MONTH.dot per month into -o FOLDER, all
                   pinned to one layout of every month (as `gallery` draws them)

        MONTH is YYYY-MM (default: the latest month); FILE is a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list) or a YAML dataset.
        Every element carries its sources, status and confidence. Outputs are
        written atomically; -o - (the default) is standard output.
        See docs/interchange.md.

        Examples:
          orgnet export 1917-10 -T graphml -o oct.graphml
          orgnet export -T gexf -o petrograd.gexf      the whole timeline, for Gephi
          orgnet export --all -T json -o timeline.json
          orgnet export 1917-10 -T json -o oct.json
          orgnet export --all -T csv -o tables/        a folder of CSV tables
          orgnet export 1917-04 -T graphml --data Graphs/sample
          orgnet export 1917-10 -T dot --positions | neato -n -Tsvg -o oct.svg
          orgnet export 1917-10 -T dot | gvpr -c 'N[kind=="x"]{delete(root,$)}'
        """)

    @Argument(help: ArgumentHelp("A month (YYYY-MM), a DOT file or a dataset (default: the latest month).", valueName: "month|file"))
    var target: String?
    @Flag(name: .long, help: "The whole timeline instead of one month (gexf, json, csv; dot: a folder of months).") var all = false
    @Option(name: [.customShort("T"), .customLong("format")],
            help: ArgumentHelp("graphml, gexf, json, csv or dot.", valueName: "format"))
    var format: ExportFormat
    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The output file, '-' for standard output (a folder for csv).", valueName: "path"))
    var output: String = "-"
    @Flag(name: .long, help: "-T dot: add the laid-out node positions (pos=\"x,y!\", points) for neato -n.")
    var positions = false
    @OptionGroup var data: DataOption

    func validate() throws {
        if all, let target, Selection.looksLikeMonth(target) {
            throw ValidationError("give a MONTH or --all, not both")
        }
        if format == .csv, output == "-" {
            throw ValidationError("-T csv writes a folder of tables; name it with -o FOLDER")
        }
        if format == .dot, all, output == "-" {
            throw ValidationError("--all -T dot writes one MONTH.dot per month; name the folder with -o FOLDER")
        }
        if positions, format != .dot {
            throw ValidationError("--positions goes with -T dot")
        }
        if all, format == .graphml {
            throw ValidationError("-T \(format.rawValue) holds one month; for the whole timeline use -T gexf, json or csv")
        }
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let whole = all || (format == .gexf && target.map { !Selection.looksLikeMonth($0) } ?? true)
            if whole {
                let t: Timeline
                if let target { t = try Selection.network(path: target) } else { t = try Selection.timeline(data: data.data) }
                switch format {
                case .gexf: try OutputFile.write(text: GEXF.write(t), to: output)
                case .json: try OutputFile.write(text: NodeLinkJSON.write(t), to: output)
                case .csv: try CSVFolder.write(t, to: output)
                case .dot: try writeMonths(t)
                case .graphml: break  // refused by validate()
                }
                return
            }
            let s = try Selection.snapshot(target, data: data.data)
            switch format {
            case .graphml: try OutputFile.write(text: GraphML.write(s), to: output)
            case .gexf: try OutputFile.write(text: GEXF.write(Interchange.timeline(of: s)), to: output)
            case .json: try OutputFile.write(text: NodeLinkJSON.write(s), to: output)
            case .csv: try CSVFolder.write(Interchange.timeline(of: s), to: output)
            case .dot: try OutputFile.write(text: Rendering.dotText(for: s, positions: positions), to: output)
            }
        }
    }

    /// `--all -T dot`: FOLDER/MONTH.dot for every month, with progress on a terminal. With
    /// `--positions`, every month is pinned to one stable layout of the union of the months (as
    /// `gallery` and `compare` draw them), so an organization keeps its place across the files.
    func writeMonths(_ t: Timeline) throws(OrgNetError) {
        try OutputFile.makeFolder(output)
        let months = t.months
        let snapshots = months.map { t.snapshot(at: $0) }
        let stable = positions ? try StableLayout(snapshots: snapshots).layout : nil
        let progress = Progress(total: months.count, verb: positions ? "laying out" : "writing")
        defer { progress.finish() }
        for (m, snapshot) in zip(months, snapshots) {
            progress.step(m.description)
            let text = try Rendering.dotText(for: snapshot, positions: positions, pinnedTo: stable)
            try OutputFile.write(text: text, to: (output as NSString).appendingPathComponent("\(m).dot"))
        }
    }
}

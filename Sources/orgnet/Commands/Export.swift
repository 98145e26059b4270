import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO
import OrgNetRender

/// `-T` of `orgnet export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, json, csv, edgelist, dot

    /// How -T and the -o extension choose among them (`-o x.csv` is one edge-list file;
    /// `-T csv` a folder of tables).
    static let choice = OutputFormatChoice(
        formats: allCases.map(\.rawValue),
        aliases: ["xml": "graphml", "gv": "dot", "csv": "edgelist"], fallback: nil)
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a month or the whole timeline as GraphML, GEXF, JSON, CSV or DOT.",
        discussion: """
            Formats (-T FORMAT or --to FORMAT; without -T, the -o extension names it):
              graphml  one month with typed attributes (networkx, igraph, yEd)
              gexf     the whole timeline for Gephi's timeline (GEXF 1.3: spells,
                       dynamic party counts); with a MONTH, that month only
              json     networkx node-link JSON: one month, or --all (since/until)
              csv      a folder of tables (nodes, ties, observations, sources...):
                       one month or --all; needs -o FOLDER
              edgelist one CSV edge-list file (Source,Target,Id,Role,...), one
                       month or --all (with Since/Until); -o x.csv means edgelist
              dot      one month as Graphviz DOT (what `orgnet render` draws), for gvpr;
                       --positions pins every node where the layout put it
                       (pos="x,y!"), so `neato -n` redraws the same picture;
                       --all writes one MONTH.dot per month into -o FOLDER, all
                       pinned to one layout of every month (as `gallery` draws them)

            MONTH is YYYY-MM (default: the dataset's default month, else the latest); FILE is a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list) or a YAML dataset.
            Every element carries its sources, status and confidence. Files are
            written atomically; -o - (the default) is standard output.
            See docs/interchange.md.

            Examples:
              orgnet export 1917-10 -T graphml -o oct.graphml
              orgnet export -T gexf -o petrograd.gexf      the whole timeline, for Gephi
              orgnet export --all -o timeline.json
              orgnet export 1917-10 -o oct-edges.csv       one edge-list file
              orgnet export 1917-10 -T json -o oct.json
              orgnet export --all -T csv -o tables/        a folder of CSV tables
              orgnet export 1917-04 -T graphml --data Graphs/sample
              orgnet export 1917-10 -T dot --positions -o oct-pinned.gv
                                     then: neato -n -Tsvg oct-pinned.gv -o oct.svg
              orgnet export 1917-10 -T dot -o oct.gv
                                     then: gvpr -c 'N[kind=="x"]{delete(root,$)}' oct.gv
            """)

    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM), a DOT file or a dataset (default: the dataset's default month, else the latest).",
            valueName: "month|file"), completion: Completions.monthOrFile)
    var target: String?
    @Flag(name: .long, help: "The whole timeline instead of one month (gexf, json, csv; dot: a folder of months).")
    var all = false
    @Option(
        name: outputFormatNames,
        help: ArgumentHelp(
            "graphml, gexf, json, csv, edgelist or dot (default: from the -o extension).", valueName: "format"))
    var to: ExportFormat?
    @Option(name: .customLong("format"), help: ArgumentHelp("Deprecated: use -T.", visibility: .hidden))
    var deprecatedFormat: ExportFormat?
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The output file, '-' for standard output (a folder for csv).", valueName: "path"),
        completion: .file())
    var output: String = "-"
    @Flag(name: .long, help: "-T dot: add the laid-out node positions (pos=\"x,y!\", points) for neato -n.")
    var positions = false
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption

    /// The chosen format: -T, the deprecated --format, or the -o extension.
    var format: ExportFormat {
        get throws(OrgNetError) {
            if let f = to ?? deprecatedFormat { return f }
            return ExportFormat(rawValue: try ExportFormat.choice.choose(explicit: nil, output: output)) ?? .dot
        }
    }

    func validate() throws {
        if deprecatedFormat != nil {
            note("orgnet: export --format is deprecated; use -T (or --to): --format names how results are printed")
        }
        let format: ExportFormat
        do { format = try self.format } catch {
            let status = ExitStatus(for: error)
            status.report()
            throw status.exitCode
        }
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
            throw ValidationError(
                "-T \(format.rawValue) holds one month; for the whole timeline use -T gexf, json or csv")
        }
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let format = try self.format
            let whole = all || (format == .gexf && target.map { !Selection.looksLikeMonth($0) } ?? true)
            if whole {
                let t: Timeline
                if let target {
                    t = try Selection.network(path: target, options: data.readOptions)
                } else {
                    t = try Selection.timeline(data: data.data, options: data.readOptions)
                }
                switch format {
                case .gexf: try writeOutput(text: GEXF.write(t), to: output)
                case .json: try writeOutput(text: NodeLinkJSON.write(t), to: output)
                case .csv: try CSVFolder.write(t, to: output)
                case .edgelist: try writeOutput(text: Self.edgeList(t, lifetimes: true), to: output)
                case .dot: try writeMonths(t)
                case .graphml: break // refused by validate()
                }
                return
            }
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            switch format {
            case .graphml: try writeOutput(text: GraphML.write(s), to: output)
            case .gexf: try writeOutput(text: GEXF.write(Interchange.timeline(of: s)), to: output)
            case .json: try writeOutput(text: NodeLinkJSON.write(s), to: output)
            case .csv: try CSVFolder.write(Interchange.timeline(of: s), to: output)
            case .edgelist:
                try writeOutput(text: Self.edgeList(Interchange.timeline(of: s), lifetimes: false), to: output)
            case .dot: try writeOutput(text: Rendering.dotText(for: s, positions: positions), to: output)
            }
        }
    }

    /// `-T edgelist`: one CSV file, a tie a row, led by `Source,Target` (the header Gephi's
    /// spreadsheet import and pandas read), then the tie's id, role, kind, weight, lifetime (for
    /// the whole timeline), status, confidence and sources; RFC 4180 quoting as the CSV folder's.
    static func edgeList(_ t: Timeline, lifetimes: Bool) -> String {
        let header =
            ["Source", "Target", "Id", "Role", "Kind", "Weight"] + (lifetimes ? ["Since", "Until"] : [])
            + ["Status", "Confidence", "Sources"]
        let rows = t.ties.map { e in
            [e.from, e.to, e.id, e.role.rawValue, e.kind ?? "", e.weight.map(Interchange.numberText) ?? ""]
                + (lifetimes ? [e.lifetime.since?.description ?? "", e.lifetime.until?.description ?? ""] : [])
                + [
                    e.provenance.status.rawValue, e.provenance.confidence?.rawValue ?? "",
                    Interchange.sourcesText(e.provenance.sources),
                ]
        }
        return CSVFolder.table(header, rows)
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
            try writeOutput(text: text, to: (output as NSString).appendingPathComponent("\(m).dot"))
        }
    }
}

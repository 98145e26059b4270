import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

/// `--from` of `orgnet import` (`-T`, deprecated).
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, json, csv
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read GraphML, GEXF, node-link JSON or a CSV folder into a YAML dataset folder.",
        discussion: """
            The dataset is written in the schema of Graphs/README.md, atomically (a temporary folder, \
            then renamed). An existing dataset folder at -o is refused unless --force is given (then \
            it is replaced). It is checked by loading it back before anything is written. Elements without sources cite a source entry that \
            names the imported file; without a status they are `external` (the file is their source); \
            without a confidence they are certain (none is written, and `--samples` keeps them in every \
            plausible network).

            --from defaults from the name: .graphml/.xml → graphml, .gexf → gexf, .json → json, a \
            folder → csv; give it for standard input (-). (-T is a deprecated alias of --from.)
            GraphML holds one month: the graph's `month` data, else --month, else the span of the \
            lifetimes. GEXF spells become lifetimes (the months are those the file spans); dynamic \
            attributes become observations. Node-link JSON written by `orgnet export -T json` reads \
            back whole; other node-link JSON is one snapshot and needs --month. A CSV folder has the \
            layout `orgnet export -T csv` writes.

            Examples:
              orgnet export 1917-10 -T graphml -o oct.graphml    (files to import)
              orgnet export -T gexf -o petrograd.gexf
              orgnet export --all -T csv -o tables
              orgnet import oct.graphml -o oct-dataset
              orgnet import petrograd.gexf -o petrograd-copy
              orgnet import tables/ --from csv -o edited
              orgnet import oct.graphml --month 1917-10 -o net
              orgnet import oct.graphml -o oct-dataset           exit 73: it exists
              orgnet import oct.graphml -o oct-dataset --force   replace it
              orgnet export 1917-10 -T graphml | orgnet import - --from graphml -o piped
              orgnet info --data oct-dataset                     then use it as a dataset
            """)

    @Argument(
        help: ArgumentHelp("The file (or CSV folder) to read; - for standard input.", valueName: "file"),
        completion: .file()) var file: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The input format: graphml, gexf, json or csv (default: from the name).", valueName: "format"))
    var from: ImportFormat?
    @Option(
        name: [.customShort("T", allowingJoined: true), .customLong("format")],
        help: ArgumentHelp("Deprecated alias of --from.", visibility: .hidden))
    var deprecatedFormat: ImportFormat?
    @Flag(name: .long, help: "Replace an existing dataset folder at -o.") var force = false
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The dataset folder to write.", valueName: "dataset"), completion: .directory)
    var output: String
    @Option(name: .long, help: ArgumentHelp("The month of a GraphML file that names none.", valueName: "YYYY-MM"))
    var month: String?

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            var month: Month?
            if let text = self.month {
                guard let m = Month(text) else {
                    throw OrgNetError(.invalidArgument, "--month '\(text)' is not a month; expected YYYY-MM")
                }
                month = m
            }
            if deprecatedFormat != nil { note("orgnet: import -T is deprecated; use --from") }
            var isDir: ObjCBool = false
            guard file == "-" || FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else {
                throw OrgNetError(.missingInput, "no such file or folder", at: .init(file: file))
            }
            if !force,
                FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent("dataset.yaml"))
            {
                throw OrgNetError(
                    .cannotWrite,
                    "a dataset folder already exists here; give --force to replace it, or choose a new name",
                    at: .init(file: output))
            }
            let lower = file.lowercased()
            let fmt: ImportFormat
            if let format = from ?? deprecatedFormat {
                fmt = format
            } else if isDir.boolValue {
                fmt = .csv
            } else if lower.hasSuffix(".gexf") {
                fmt = .gexf
            } else if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") {
                fmt = .graphml
            } else if lower.hasSuffix(".json") {
                fmt = .json
            } else {
                throw OrgNetError(
                    .invalidArgument, "cannot tell the format of \(file); name it with --from graphml|gexf|json|csv")
            }
            var t: Timeline
            switch fmt {
            case .graphml: t = try GraphML.read(path: file, month: month)
            case .gexf: t = try GEXF.read(path: file)
            case .json: t = try NodeLinkJSON.read(path: file)
            case .csv:
                guard file != "-" else {
                    throw OrgNetError(.invalidArgument, "a CSV folder cannot come from standard input; name the folder")
                }
                t = try CSVFolder.read(folder: file)
            }
            if let month, fmt == .json, t.months.isEmpty { t.months = [month] }
            if t.months.isEmpty {
                throw OrgNetError(
                    .invalidArgument, "the file names no month; pass --month YYYY-MM", at: .init(file: file))
            }
            // Check that the YAML loads before anything is written.
            let files = TimelineWriter.files(for: t).map {
                TimelineLoader.File(path: (output as NSString).appendingPathComponent($0.name), text: $0.text)
            }
            let back = try TimelineLoader.load(files: files, origin: output)
            try TimelineWriter.write(t, to: output)
            let span =
                back.months.first.map { "\($0)" + (back.months.count > 1 ? " – \(back.months.last!)" : "") } ?? ""
            note(
                "orgnet: wrote \(output): \(count(back.organizations.count, "organization")), \(count(back.ties.count, "tie")), "
                    + "\(count(back.observations.count, "observation")), \(count(back.months.count, "month")) (\(span))"
            )
        }
    }
}

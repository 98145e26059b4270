import ArgumentParser
import Foundation
import OrgNet

/// `-T` of `orgnet import`.
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, json, csv
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read GraphML, GEXF, node-link JSON or a CSV folder into a YAML dataset folder.",
        discussion: """
        The dataset is written in the schema of Graphs/README.md, atomically (a temporary folder, \
        then renamed); an existing dataset folder at -o is replaced. It is checked by loading it \
        back before anything is written. Elements without sources, status or confidence become \
        `status: assumption, confidence: low`, citing a source entry that names the imported file.

        -T defaults from the name: .graphml/.xml → graphml, .gexf → gexf, .json → json, a folder → csv.
        GraphML holds one month: the graph's `month` data, else --month, else the span of the \
        lifetimes. GEXF spells become lifetimes (the months are those the file spans); dynamic \
        attributes become observations. Node-link JSON written by `orgnet export -T json` reads \
        back whole; other node-link JSON is one snapshot and needs --month. A CSV folder has the \
        layout `orgnet export -T csv` writes.

        Examples:
          orgnet import oct.graphml -o datasets/oct
          orgnet import petrograd.gexf -o datasets/petrograd-copy
          orgnet import tables/ -T csv -o datasets/edited
          orgnet import network.graphml --month 1917-10 -o datasets/net
          orgnet info --data datasets/oct           then use it as a dataset
        """)

    @Argument(help: ArgumentHelp("The file (or CSV folder) to read.", valueName: "file")) var file: String
    @Option(name: [.customShort("T"), .customLong("format")], help: ArgumentHelp("graphml, gexf, json or csv.", valueName: "format"))
    var format: ImportFormat?
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The dataset folder to write.", valueName: "dataset"))
    var output: String
    @Option(name: .long, help: ArgumentHelp("The month of a GraphML file that names none.", valueName: "YYYY-MM"))
    var month: String?

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            var month: Month?
            if let text = self.month {
                guard let m = Month(text) else { throw OrgNetError(.usage, "--month '\(text)' is not a month; expected YYYY-MM") }
                month = m
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else {
                throw OrgNetError(.missingInput, "no such file or folder", at: .init(file: file))
            }
            let lower = file.lowercased()
            let fmt: ImportFormat
            if let format { fmt = format }
            else if isDir.boolValue { fmt = .csv }
            else if lower.hasSuffix(".gexf") { fmt = .gexf }
            else if lower.hasSuffix(".graphml") || lower.hasSuffix(".xml") { fmt = .graphml }
            else if lower.hasSuffix(".json") { fmt = .json }
            else { throw OrgNetError(.usage, "cannot tell the format of \(file); name it with -T graphml|gexf|json|csv") }
            var t: Timeline
            switch fmt {
            case .graphml: t = try GraphML.read(path: file, month: month)
            case .gexf: t = try GEXF.read(path: file)
            case .json: t = try NodeLinkJSON.read(path: file)
            case .csv: t = try CSVFolder.read(folder: file)
            }
            if let month, fmt == .json, t.months.isEmpty { t.months = [month] }
            if t.months.isEmpty {
                throw OrgNetError(.usage, "the file names no month; pass --month YYYY-MM", at: .init(file: file))
            }
            // Check that the YAML loads before anything is written.
            let files = TimelineWriter.files(for: t).map { TimelineLoader.File(path: (output as NSString).appendingPathComponent($0.name), text: $0.text) }
            let back = try TimelineLoader.load(files: files, origin: output)
            try TimelineWriter.write(t, to: output)
            let span = back.months.first.map { "\($0)" + (back.months.count > 1 ? " – \(back.months.last!)" : "") } ?? ""
            note("orgnet: wrote \(output): \(back.organizations.count) organizations, \(back.ties.count) ties, " +
                 "\(back.observations.count) observations, \(back.months.count) months (\(span))")
        }
    }
}

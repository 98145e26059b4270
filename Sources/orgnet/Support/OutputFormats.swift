import ArgumentParser
import Foundation
import OrgNet

/// The output-file format of a command that writes one, decided the same way everywhere:
/// `-T FORMAT` (`--to`) when given, else the `-o` file's extension, else the command's default.
/// An unknown `-T`, or an extension that names no format the command writes (`-o x.jpg`), is a
/// usage error (64) listing the formats: nothing is written under a misleading name.
struct OutputFormatChoice {
    /// The formats the command writes, in the order the help lists them.
    var formats: [String]
    /// Extensions that name a format under another name (`gv` → `dot`, `csv` → `edgelist`).
    var aliases: [String: String] = [:]
    /// The format when neither -T nor an extension says (nil: -T is required then).
    var fallback: String?

    /// The chosen format.
    func choose(explicit: String?, output: String?) throws(OrgNetError) -> String {
        let list = "formats: " + formats.joined(separator: ", ")
        if let explicit {
            let name = explicit.lowercased()
            guard formats.contains(name) else {
                throw OrgNetError(.invalidArgument, "unknown format '\(explicit)' for -T", hints: [list])
            }
            return name
        }
        let ext = output.map { $0 == "-" ? "" : ($0 as NSString).pathExtension.lowercased() } ?? ""
        if ext.isEmpty {
            guard let fallback else {
                throw OrgNetError(
                    .invalidArgument, "name the output format with -T FORMAT (or an -o file whose extension names it)",
                    hints: [list])
            }
            return fallback
        }
        if let name = aliases[ext] ?? (formats.contains(ext) ? ext : nil) { return name }
        throw OrgNetError(
            .invalidArgument,
            "cannot tell an output format from the extension '.\(ext)' of \(output ?? ""); give a known extension or -T",
            hints: [list])
    }
}

/// The names of `-T FORMAT` / `--to FORMAT`, `-Tpng` joined as Graphviz users type it.
let outputFormatNames: NameSpecification = [.customShort("T", allowingJoined: true), .customLong("to")]

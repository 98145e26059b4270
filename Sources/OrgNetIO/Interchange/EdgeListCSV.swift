import Foundation
import OrgNet

/// A CSV edge list as Gephi's spreadsheet import reads it: a header naming `Source` and `Target`
/// (any case), optionally `Weight`, `Type` (`Directed`/`Undirected`), `Id`, `Label` and other
/// columns, which are kept as tie attributes. Node ids are the Source/Target values. The network is
/// directed unless every `Type` says Undirected (or `--undirected` is given); a file mixing the
/// two is refused, since orgnet (like networkx) has no mixed graphs.
public enum EdgeListCSV {
    /// Reads a CSV edge list as a one-snapshot network.
    public static func read(
        path: String, undirected: Bool = false, limits: InputLimits = .default,
        warn: @Sendable (String) -> Void = { _ in }
    ) throws(OrgNetError) -> Timeline {
        let data = try InputFile.read(path, limit: limits.maxFileBytes, what: "a CSV edge list")
        var text = try InputFile.text(data, path: path, expected: "a CSV edge list")
        if (path as NSString).pathExtension.lowercased() == "tsv" {
            text = text.replacingOccurrences(of: "\t", with: ",")
        }
        let records = try CSVFolder.records(text, file: path)
        guard let header = records.first else {
            throw OrgNetError(
                .badData, "the file is empty; expected a header row Source,Target[,Weight][,Type]",
                at: .init(file: path, line: 1))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lower = names.map { $0.lowercased() }
        guard let si = lower.firstIndex(of: "source"), let ti = lower.firstIndex(of: "target") else {
            throw OrgNetError(
                .badData,
                "the header has no Source and Target columns; expected Source,Target[,Weight][,Type] (any case)",
                at: .init(file: path, line: header.line))
        }
        let wi = lower.firstIndex(of: "weight"), typeIndex = lower.firstIndex(of: "type"),
            idIndex = lower.firstIndex(of: "id")
        var edges: [ForeignElement] = []
        var used: Set<String> = []
        var types: Set<String> = []
        for rec in records.dropFirst() {
            let f = rec.fields
            let at = OrgNetError.Location(file: path, line: rec.line)
            guard f.count <= names.count else {
                throw OrgNetError(.badData, "the row has \(f.count) fields; the header has \(names.count)", at: at)
            }
            func field(_ i: Int?) -> String? {
                guard let i, i < f.count else { return nil }
                let v = f[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let s = field(si), let t = field(ti) else {
                throw OrgNetError(.badData, "a row without a Source or a Target", at: at)
            }
            var weight: Double?
            if let w = field(wi) {
                guard let v = Double(w) else {
                    throw OrgNetError(.badData, "Weight must be a number; got '\(w.prefix(40))'", at: at)
                }
                weight = v
            }
            if let type = field(typeIndex)?.lowercased() {
                guard ["directed", "undirected"].contains(type) else {
                    throw OrgNetError(.badData, "Type must be Directed or Undirected; got '\(type.prefix(40))'", at: at)
                }
                types.insert(type)
            }
            var attrs: [String: String] = [:]
            for (i, n) in names.enumerated() where ![si, ti, wi, typeIndex, idIndex].contains(i) && !n.isEmpty {
                if let v = field(i) { attrs[n] = v }
            }
            let id = GraphML.tieID(field(idIndex), from: s, to: t, used: &used)
            edges.append(ForeignElement(id: id, attributes: attrs, from: s, to: t, weight: weight, line: rec.line))
        }
        if types.count > 1 && !undirected {
            throw OrgNetError(
                .badData,
                "the Type column mixes Directed and Undirected edges; orgnet (like networkx) reads one or the other",
                at: .init(file: path, line: header.line), remedy: .readAsUndirected)
        }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try NetworkReader.network(
            name: base, nodes: [], edges: edges, directed: !(undirected || types == ["undirected"]),
            origin: path, what: "CSV", limits: limits, warn: warn)
    }
}

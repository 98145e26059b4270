import Foundation

/// Turns what a user typed (a dataset path, a month or a DOT file, an organization name)
/// into model values, with the errors a command-line user needs.
public enum Selection {
    /// The dataset named by `--data`, or the built-in default (``BuiltInDatasets/defaultTimeline()``);
    /// `--undirected` (``ReadOptions/current``) applies to either.
    public static func timeline(data: String?) throws(OrgNetError) -> Timeline {
        if let data { return try network(path: data) }
        let options = ReadOptions.current
        let t = try BuiltInDatasets.defaultTimeline()
        return options.undirected ? NetworkReader.undirected(t, warn: options.warn) : t
    }

    /// True when `text` is written like a month (`YYYY-MM`), so it is not taken for a file name.
    public static func looksLikeMonth(_ text: String) -> Bool {
        text.count == 7 && text.dropFirst(4).first == "-" && text.filter(\.isNumber).count == 6
    }

    /// The snapshot named by a `MONTH|FILE` argument.
    ///
    /// - nil: the latest month of the dataset (`--data` or the default);
    /// - `YYYY-MM`: that month of the dataset; an unknown month is a usage error listing the months;
    /// - a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list; see ``NetworkReader``):
    ///   its latest month, or its one snapshot;
    /// - a `.yaml` file or a folder: that dataset's latest month.
    public static func snapshot(_ argument: String?, data: String?) throws(OrgNetError) -> Snapshot {
        try snapshots([argument], data: data)[0]
    }

    /// The snapshots named by several `MONTH|FILE` arguments (as ``snapshot(_:data:)``), reading
    /// the dataset once however many months name it (`diff`, `compare`).
    public static func snapshots(_ arguments: [String?], data: String?) throws(OrgNetError) -> [Snapshot] {
        var dataset: Timeline?
        var out: [Snapshot] = []
        for argument in arguments {
            if let argument, !looksLikeMonth(argument) {
                let t = try network(path: argument)
                out.append(t.snapshot(at: t.latestMonth))
                continue
            }
            let t: Timeline
            if let dataset { t = dataset } else { t = try timeline(data: data); dataset = t }
            out.append(t.snapshot(at: try argument.map { text throws(OrgNetError) in try t.month(named: text) } ?? t.latestMonth))
        }
        return out
    }

    /// A network file in any format ``NetworkReader`` reads, or a YAML dataset (file or folder).
    public static func network(path: String) throws(OrgNetError) -> Timeline {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if Month(path) != nil {
                throw OrgNetError(.usage, "'\(path)' is not a month of the dataset; expected YYYY-MM")
            }
            throw OrgNetError(.missingInput, "no such file; expected a month (YYYY-MM), a network file (.dot .graphml .gexf .gml .json .csv) or a dataset",
                              at: .init(file: path))
        }
        return try NetworkReader.load(path: path)
    }

    /// The organization named by `query`: an exact id; else an exact name or short name (any case);
    /// else the only one whose id or name contains it. An unknown or ambiguous query is a usage
    /// error listing the closest candidates.
    public static func organization(_ query: String, in timeline: Timeline) throws(OrgNetError) -> Organization {
        if let o = timeline.organization(query) { return o }
        let q = query.lowercased()
        let exact = timeline.organizations.filter {
            $0.id.lowercased() == q || $0.name.lowercased() == q || $0.short?.lowercased() == q
        }
        if exact.count == 1 { return exact[0] }
        let partial = exact.isEmpty ? timeline.organizations.filter {
            $0.id.lowercased().contains(q) || $0.name.lowercased().contains(q) || ($0.short?.lowercased().contains(q) ?? false)
        } : exact
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 {
            throw OrgNetError(.usage, "'\(query)' matches \(partial.count) organizations; name one by id",
                              hints: partial.prefix(12).map { "\($0.id)  (\($0.name))" } + (partial.count > 12 ? ["..."] : []))
        }
        let close = Suggestions.closest(to: query, in: timeline.organizations.map(\.id), limit: 6)
        throw OrgNetError(.usage, "no organization '\(query)' in \(timeline.id)",
                          hints: close.isEmpty ? ["`orgnet info` lists what the dataset holds"]
                                               : ["closest: " + close.joined(separator: ", ")])
    }
}

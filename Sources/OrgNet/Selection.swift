import Foundation

/// Turns what a user typed (a dataset path, a month or a DOT file, an organization name)
/// into model values, with the errors a command-line user needs.
public enum Selection {
    /// The dataset named by `--data`, or else `builtIn()`: the compiled-in default dataset, which
    /// lives in a module above this one (`OrgNetBuiltIn`'s `BuiltInDatasets.defaultTimeline`,
    /// docs/design.md §8); `--undirected` (``ReadOptions/current``) applies to either.
    public static func timeline(data: String?, builtIn: () throws(OrgNetError) -> Timeline) throws(OrgNetError) -> Timeline {
        if let data { return try network(path: data) }
        let options = ReadOptions.current
        let t = try builtIn()
        return options.undirected ? NetworkReader.undirected(t, warn: options.warn) : t
    }

    /// True when `text` is written like a month (`YYYY-MM`), so it is not taken for a file name.
    public static func looksLikeMonth(_ text: String) -> Bool {
        text.count == 7 && text.dropFirst(4).first == "-" && text.filter(\.isNumber).count == 6
    }

    /// The snapshot named by a `MONTH|FILE` argument.
    ///
    /// - nil: the latest month of the dataset (`--data` or else `builtIn()`, as ``timeline(data:builtIn:)``);
    /// - `YYYY-MM`: that month of the dataset; an unknown month is a usage error listing the months;
    /// - a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list; see ``NetworkReader``):
    ///   its default month (else its latest), or its one snapshot;
    /// - a `.yaml` file or a folder: that dataset's default month (``Timeline/monthToShow``).
    public static func snapshot(_ argument: String?, data: String?,
                                builtIn: () throws(OrgNetError) -> Timeline) throws(OrgNetError) -> Snapshot {
        try snapshots([argument], data: data, builtIn: builtIn)[0]
    }

    /// The snapshots named by several `MONTH|FILE` arguments (as ``snapshot(_:data:builtIn:)``),
    /// reading the dataset once however many months name it (`diff`, `compare`).
    public static func snapshots(_ arguments: [String?], data: String?,
                                 builtIn: () throws(OrgNetError) -> Timeline) throws(OrgNetError) -> [Snapshot] {
        var dataset: Timeline?
        var out: [Snapshot] = []
        for argument in arguments {
            if let argument, !looksLikeMonth(argument), !(misspeltMonth(argument) && !FileManager.default.fileExists(atPath: argument)) {
                let t = try network(path: argument)
                out.append(t.snapshot(at: t.monthToShow))
                continue
            }
            let t: Timeline
            if let dataset { t = dataset } else { t = try timeline(data: data, builtIn: builtIn); dataset = t }
            out.append(t.snapshot(at: try argument.map { text throws(OrgNetError) in try t.month(named: text) } ?? t.monthToShow))
        }
        return out
    }

    /// True for text written almost like a month (`1917-1`, `17-10`, `1917-010`): digits, one
    /// dash, digits. Such an argument that names no file is a mistyped month (a usage error
    /// listing the months), not a missing file.
    public static func misspeltMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// A network file in any format ``NetworkReader`` reads, or a YAML dataset (file or folder);
    /// `-` is standard input, whose format `--from` (``ReadOptions/format``) must name.
    public static func network(path: String) throws(OrgNetError) -> Timeline {
        if path == "-" {
            guard ReadOptions.current.format != nil else {
                throw OrgNetError(.usage, "standard input (-) needs its format: give --from \(NetworkFormat.allCases.map(\.rawValue).joined(separator: "|"))")
            }
            return try NetworkReader.load(path: path)
        }
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


    /// The organization named by `query`: an exact id; else an exact name or short name; else
    /// the only one whose id or name contains the query, or whose name has all the query's words
    /// (matching folds case, accents and transliteration: ``Suggestions/fold(_:)``). Among several
    /// such, the only one whose name begins with the query's first word wins ("second congress"
    /// is the Second All-Russian Congress, not the committee "from the Second Congress"). An
    /// unknown or ambiguous query is a usage error listing the closest candidates and pointing to
    /// `orgnet orgs`.
    public static func organization(_ query: String, in timeline: Timeline) throws(OrgNetError) -> Organization {
        if let o = timeline.organization(query) { return o }
        let q = Suggestions.fold(query)
        let names = { (o: Organization) in [o.id, o.name] + (o.short.map { [$0] } ?? []) }
        let exact = timeline.organizations.filter { names($0).contains { Suggestions.fold($0) == q } }
        if exact.count == 1 { return exact[0] }
        let queryWords = Suggestions.words(q)
        var partial = exact
        if exact.isEmpty {
            partial = timeline.organizations.filter { o in
                names(o).contains { n in
                    let f = Suggestions.fold(n)
                    if f.contains(q) { return true }
                    let w = Suggestions.words(f)
                    return !queryWords.isEmpty && queryWords.allSatisfy { qw in w.contains { $0.hasPrefix(qw) } }
                }
            }
            if partial.count > 1, let first = queryWords.first {
                let leading = partial.filter { o in names(o).contains { Suggestions.words(Suggestions.fold($0)).first == first } }
                if leading.count == 1 { return leading[0] }
            }
        }
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 {
            throw OrgNetError(.usage, "'\(query)' matches \(partial.count) organizations; name one by id",
                              hints: partial.prefix(12).map { "\($0.id)  (\($0.name))" } + (partial.count > 12 ? ["..."] : [])
                                  + ["`orgnet orgs` lists every organization's id"])
        }
        let close = Suggestions.closest(to: query, names: timeline.organizations.map { ($0.id, names($0)) }, limit: 6)
        let byID = Dictionary(timeline.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        throw OrgNetError(.usage, "no organization '\(query)' in \(timeline.id)",
                          hints: (close.isEmpty ? [] : ["closest: " + close.map { id in byID[id].map { "\(id) (\($0.name))" } ?? id }.joined(separator: ", ")])
                              + ["`orgnet orgs` lists every organization's id, name and kind"])
    }
}

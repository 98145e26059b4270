import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO

/// Turns what a user typed on the command line (a dataset path, a month or a DOT file, an
/// organization name) into model values, with the errors a command-line user needs. The
/// libraries take typed values; this parsing is the tool's (docs/design.md §1).
enum Selection {
    /// The dataset at `data`, or the built-in default (``BuiltInDatasets/defaultTimeline()``);
    /// `options` (undirected, limits) apply to either.
    static func timeline(data: String?, options: ReadOptions = ReadOptions()) throws(OrgNetError) -> Timeline {
        if let data { return try network(path: data, options: options) }
        let t = try BuiltInDatasets.defaultTimeline()
        return options.undirected ? NetworkReader.undirected(t, warn: options.warn) : t
    }

    /// True when `text` is written like a month (`YYYY-MM`), so it is not taken for a file name.
    static func looksLikeMonth(_ text: String) -> Bool {
        text.count == 7 && text.dropFirst(4).first == "-" && text.filter(\.isNumber).count == 6
    }

    /// The snapshot named by a `MONTH|FILE` argument.
    ///
    /// - nil: the latest month of the dataset (`--data` or the default);
    /// - `YYYY-MM`: that month of the dataset; an unknown month is a usage error listing the months;
    /// - a number naming no file: that time of a dataset with numeric time (``Timeline/timeSlices``);
    /// - a network file (DOT, GraphML, GEXF, GML, node-link JSON, CSV edge list; see ``NetworkReader``):
    ///   its default month (else its latest), or its one snapshot;
    /// - a `.yaml` file or a folder: that dataset's default month (``Timeline/monthToShow``).
    static func snapshot(_ argument: String?, data: String?, options: ReadOptions = ReadOptions()) throws(OrgNetError)
        -> Snapshot
    {
        try snapshots([argument], data: data, options: options)[0]
    }

    /// The snapshot named by a `MONTH|FILE` argument and `--month` (`month`): with a FILE, that
    /// file's snapshot at `month` (a month `YYYY-MM`, or one of the times of a GEXF with numeric
    /// time); without one, `month` of the dataset, as if given as the argument. `--month` on a
    /// static file (one snapshot), or beside a MONTH argument, is a usage error.
    static func snapshot(_ argument: String?, data: String?, month: String?, options: ReadOptions = ReadOptions())
        throws(OrgNetError) -> Snapshot
    {
        guard let month else { return try snapshot(argument, data: data, options: options) }
        guard let argument else { return try snapshot(month, data: data, options: options) }
        guard let path = fileArgument(argument) else {
            throw OrgNetError(.invalidArgument, "'\(argument)' is a month and --month names another; give one of them")
        }
        let t = try network(path: path, options: options)
        guard !t.months.isEmpty else {
            throw OrgNetError(
                .invalidArgument,
                "--month \(month): \((path as NSString).lastPathComponent) is a static network (one snapshot, no months); --month applies to a dynamic file (a GEXF with spells) or a dataset",
                hints: ["leave out --month to use its one snapshot"])
        }
        return t.snapshot(at: try t.month(named: month))
    }

    /// The path an argument names when it is a file rather than a month of the dataset: not
    /// written like a month, not a mistyped month, and not a time (a number) that names no file.
    static func fileArgument(_ argument: String) -> String? {
        if looksLikeMonth(argument) { return nil }
        if FileManager.default.fileExists(atPath: argument) || argument == "-" { return argument }
        if misspeltMonth(argument) || Double(argument) != nil { return nil }
        return argument
    }

    /// The snapshots named by several `MONTH|FILE` arguments (as ``snapshot(_:data:)``), reading
    /// the dataset once however many months name it (`diff`, `compare`).
    static func snapshots(_ arguments: [String?], data: String?, options: ReadOptions = ReadOptions())
        throws(OrgNetError) -> [Snapshot]
    {
        var dataset: Timeline?
        var out: [Snapshot] = []
        for argument in arguments {
            if let argument, let path = fileArgument(argument) {
                let t = try network(path: path, options: options)
                out.append(t.snapshotToShow())
                continue
            }
            let t: Timeline
            if let dataset { t = dataset } else { t = try timeline(data: data, options: options); dataset = t }
            if let argument {
                out.append(t.snapshot(at: try t.month(named: argument)))
            } else {
                out.append(t.snapshotToShow())
            }
        }
        return out
    }

    /// True for text written almost like a month (`1917-1`, `17-10`, `1917-010`): digits, one
    /// dash, digits. Such an argument that names no file is a mistyped month (a usage error
    /// listing the months), not a missing file.
    static func misspeltMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy {
                !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
            }
    }

    /// A network file in any format ``NetworkReader`` reads, or a YAML dataset (file or folder);
    /// `-` is standard input, whose format ``ReadOptions/format`` must name.
    static func network(path: String, options: ReadOptions = ReadOptions()) throws(OrgNetError) -> Timeline {
        if path == "-" {
            guard options.format != nil else {
                throw OrgNetError(.invalidArgument, "standard input (-) needs its format", remedy: .nameFormat)
            }
            return try NetworkReader.load(path: path, options: options)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if Month(path) != nil {
                throw OrgNetError(.invalidArgument, "'\(path)' is not a month of the dataset; expected YYYY-MM")
            }
            throw OrgNetError(
                .missingInput,
                "no such file; expected a month (YYYY-MM), a network file (.dot .graphml .gexf .gml .json .csv) or a dataset",
                at: .init(file: path))
        }
        return try NetworkReader.load(path: path, options: options)
    }

    /// The organization named by `query` (``Timeline/organization(matching:)``).
    static func organization(_ query: String, in timeline: Timeline) throws(OrgNetError) -> Organization {
        try timeline.organization(matching: query)
    }
}

import Foundation

/// The formats a network or dataset can be read from, and how a path's format is decided: the
/// one list that `--from` accepts and that names tell apart. Readers of further formats add a
/// case here (with its extensions and its ``load(path:)``), and every command accepting a FILE
/// reads it.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Graphviz DOT, one snapshot (``DOTImport``).
    case dot
    /// An orgnet YAML dataset: one file, or a folder holding `dataset.yaml` (``TimelineLoader``).
    case yaml

    /// File name extensions (lower case, without the dot) that name this format.
    public var extensions: [String] {
        switch self {
        case .dot: ["dot", "gv"]
        case .yaml: ["yaml", "yml"]
        }
    }

    /// Reads `path` (`-`: standard input) in this format.
    public func load(path: String, limits: InputLimits = .current) throws(OrgNetError) -> Timeline {
        switch self {
        case .dot: try DOTImport.load(path: path, limits: limits)
        case .yaml: try TimelineLoader.load(path: path, limits: limits)
        }
    }

    /// The format `--from` named, for inputs whose name does not tell (`-`, a file without an
    /// extension); nil when not given. Set once by the command-line tool. Thread-safe.
    public static var chosen: InputFormat? {
        get { box.lock.lock(); defer { box.lock.unlock() }; return box.value }
        set { box.lock.lock(); box.value = newValue; box.lock.unlock() }
    }
    private final class Box: @unchecked Sendable {
        let lock = NSLock()
        var value: InputFormat?
    }
    private static let box = Box()

    /// The format a file name's extension names, nil when it names none (a folder is a YAML dataset).
    public static func named(by path: String) -> InputFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        if let f = allCases.first(where: { $0.extensions.contains(ext) }) { return f }
        var isDir: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return .yaml }
        return nil
    }

    /// The format to read `path` in: ``chosen`` (`--from`) when given, else the extension's,
    /// else DOT for an existing file (Graphviz users name DOT files freely). Standard input
    /// without `--from` is a usage error, as is a missing file whose name tells nothing.
    public static func of(_ path: String) throws(OrgNetError) -> InputFormat {
        if let chosen { return chosen }
        if let f = named(by: path) { return f }
        if path == "-" {
            throw OrgNetError(.usage, "standard input (-) needs its format: give --from \(names)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw OrgNetError(.missingInput, "no such file; expected a month (YYYY-MM), a DOT file or a dataset",
                              at: .init(file: path))
        }
        return .dot
    }

    /// The formats as `--from` lists them: `dot|yaml`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}

import Foundation
import OrgNet

/// A network file format every command reads (`MONTH|FILE` arguments and `--data`).
public enum NetworkFormat: String, Sendable, CaseIterable {
    /// Graphviz DOT (`.dot`, `.gv`), read through Graphviz's own parser.
    case dot
    /// An orgnet YAML dataset (a `.yaml`/`.yml` file or a folder holding `dataset.yaml`).
    case yaml
    /// GraphML (networkx, igraph, yEd, Cytoscape, Gephi).
    case graphml
    /// GEXF 1.1, 1.2draft or 1.3 (Gephi, networkx), static or dynamic.
    case gexf
    /// GML, the format of the classic network collections (Newman's, Pajek-era data, igraph, networkx).
    case gml
    /// networkx node-link JSON (`node_link_data`).
    case json
    /// A CSV edge list (`Source,Target[,Weight][,Type]`, Gephi's spreadsheet import), or a folder
    /// of the CSV tables `orgnet export -T csv` writes.
    case csv
}

/// How files are read: the format when it cannot be told from the file, whether to force the
/// network undirected, and the size limits. Passed explicitly to every loader (the default value
/// reads by extension and content under ``InputLimits/default``); there is no process-wide setting.
public struct ReadOptions: Sendable {
    /// The format of every file named on the command line; nil: from the extension or the content.
    public var format: NetworkFormat?
    /// Read every network as undirected (networkx's `Graph`), whatever the file declares.
    public var undirected = false
    /// Where readers report what they changed in passing (parallel edges collapsed, time ignored):
    /// one line each. The command-line tool prints them on standard error.
    public var warn: @Sendable (String) -> Void = { _ in }

    /// The size limits every file is read under.
    public var limits = InputLimits.default

    /// Makes options; the defaults detect the format, keep directions, stay silent and apply
    /// ``InputLimits/default``.
    public init(
        format: NetworkFormat? = nil, undirected: Bool = false, limits: InputLimits = .default,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.format = format
        self.undirected = undirected
        self.limits = limits
        self.warn = warn
    }
}

/// The ONE entry point from a path to a ``Timeline``: detects the format (``detect(path:format:)``)
/// and dispatches to its reader, then applies ``ReadOptions/undirected``. The CLI's `Selection` (every command's
/// `MONTH|FILE` and `--data`) goes through it; `import` reads through the same readers.
public enum NetworkReader {
    /// The format of `path`: `format` when given, else the extension (`.dot .gv .yaml .yml .graphml
    /// .xml .gexf .gml .json .csv .tsv`), else the content (`<graphml`, `<gexf`, `{`, a GML
    /// `graph [`, a `Source,Target` header, DOT's `graph`/`digraph`), else DOT. A folder is a YAML
    /// dataset when it holds `dataset.yaml`, else a CSV folder.
    public static func detect(path: String, format: NetworkFormat? = nil) -> NetworkFormat {
        if let format { return format }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            let header = (path as NSString).appendingPathComponent("dataset.yaml")
            return FileManager.default.fileExists(atPath: header) ? .yaml : .csv
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "dot", "gv": return .dot
        case "yaml", "yml": return .yaml
        case "graphml", "xml": return .graphml
        case "gexf": return .gexf
        case "gml": return .gml
        case "json": return .json
        case "csv", "tsv": return .csv
        default: break
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .dot }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        return sniff(head)
    }

    /// The format the first bytes of a file look like (DOT when nothing else fits).
    static func sniff(_ head: String) -> NetworkFormat {
        let text = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let lower = text.lowercased()
        if text.hasPrefix("<") {
            if lower.contains("<graphml") { return .graphml }
            if lower.contains("<gexf") { return .gexf }
            return .graphml
        }
        if text.hasPrefix("{") || text.hasPrefix("[") { return .json }
        // GML: optional `Creator "..."`/`Version 1` lines, then `graph [`.
        var rest = Substring(lower)
        while let nl = rest.firstIndex(of: "\n") {
            let line = rest[..<nl].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("creator") || line.hasPrefix("version") || line.hasPrefix("#") || line.isEmpty {
                rest = rest[rest.index(after: nl)...]
            } else {
                break
            }
        }
        let squeezed = rest.filter { !$0.isWhitespace }
        if squeezed.hasPrefix("graph[") { return .gml }
        let firstLine = lower.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        if firstLine.contains(","), firstLine.contains("source"), firstLine.contains("target") { return .csv }
        if lower.hasPrefix("id:") || lower.hasPrefix("---") { return .yaml }
        return .dot
    }

    /// Reads the network or dataset at `path` with `options`.
    public static func load(path: String, options: ReadOptions = ReadOptions()) throws(OrgNetError) -> Timeline {
        var t: Timeline
        let limits = options.limits
        switch detect(path: path, format: options.format) {
        case .dot: t = try DOTImport.load(path: path, limits: limits)
        case .yaml: t = try TimelineLoader.load(path: path, limits: limits)
        case .graphml: t = try GraphML.read(path: path, month: nil, asNetwork: true, limits: limits)
        case .gexf: t = try GEXF.read(path: path, asNetwork: true, limits: limits, warn: options.warn)
        case .gml: t = try GML.read(path: path, limits: limits, warn: options.warn)
        case .json: t = try NodeLinkJSON.read(path: path, limits: limits, warn: options.warn)
        case .csv:
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                t = try CSVFolder.read(folder: path, limits: limits)
            } else {
                t = try EdgeListCSV.read(path: path, undirected: options.undirected, limits: limits, warn: options.warn)
            }
        }
        if options.undirected { t = undirected(t, warn: options.warn) }
        return t
    }

    /// The timeline as an undirected network: ties joining the same unordered pair collapse into
    /// one (the last one's weight and attributes winning, at the first one's place, as networkx's
    /// `Graph` does when built from a directed edge list).
    public static func undirected(_ t: Timeline, warn: @Sendable (String) -> Void = { _ in }) -> Timeline {
        var out = t
        out.isDirected = false
        let before = t.ties.count
        out.ties = collapse(t.ties, directed: false)
        if out.ties.count < before, t.isDirected {
            warn(
                "orgnet: \(t.id): \(before - out.ties.count) ties joined a pair already tied the other way; read as one undirected tie each (the last one's weight wins, as networkx's Graph)"
            )
        }
        return out
    }

    /// Parallel ties collapsed as networkx's `DiGraph` (per ordered pair) or `Graph` (per unordered
    /// pair) would: one tie per pair at the position of the first, with the last one's values.
    /// Ties with lifetimes (dataset ties) are never collapsed: they may be alive at different months.
    static func collapse(_ ties: [Tie], directed: Bool) -> [Tie] {
        var order: [String] = []
        var byKey: [String: Tie] = [:]
        var kept: [Tie] = []
        for tie in ties {
            guard tie.lifetime.since == nil, tie.lifetime.until == nil else { kept.append(tie); continue }
            let (a, b) = directed || tie.from <= tie.to ? (tie.from, tie.to) : (tie.to, tie.from)
            let key = a + "\u{0}" + b
            if let first = byKey[key] {
                var last = tie
                last.id = first.id
                byKey[key] = last
            } else {
                order.append(key)
                byKey[key] = tie
            }
        }
        return kept + order.compactMap { byKey[$0] }
    }
}

/// A node or edge as a foreign file gives it, before it becomes an organization or a tie.
struct ForeignElement {
    var id: String
    var label: String?
    var attributes: [String: String] = [:]
    var from = "", to = ""
    var weight: Double?
    var line: Int?
}

extension NetworkReader {
    /// A one-snapshot network from nodes and edges read from another tool's file: node ids are
    /// the file's own ids, labels become names, every other attribute is kept as text; a numeric
    /// `weight` becomes the tie weight. Parallel edges collapse as networkx's `Graph`/`DiGraph`
    /// would (last weight wins), with one warning naming how many.
    static func network(
        name: String, nodes: [ForeignElement], edges: [ForeignElement], directed: Bool,
        origin: String, what: String, attributeTypes: [String: String] = [:],
        limits: InputLimits, warn: @Sendable (String) -> Void
    ) throws(OrgNetError) -> Timeline {
        let sourceID = Interchange.identifier(from: what + "-file")
        let provenance = Provenance(
            sources: [Citation(ref: sourceID)], status: .external,
            note: "read from a \(what) file")
        var organizations: [Organization] = []
        var seen: Set<String> = []
        var kinds: [String] = []
        func addNode(_ n: ForeignElement) {
            guard seen.insert(n.id).inserted else { return }
            let kind = n.attributes["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "node"
            if !kinds.contains(kind) { kinds.append(kind) }
            organizations.append(
                Organization(
                    id: n.id, name: n.label.flatMap { $0.isEmpty ? nil : $0 } ?? n.id, kind: kind,
                    attributes: n.attributes, provenance: provenance.stated(by: n.attributes)))
        }
        for n in nodes {
            if seen.contains(n.id) {
                throw OrgNetError(
                    .badData, "node id '\(n.id.prefix(60))' is used twice", at: .init(file: origin, line: n.line))
            }
            addNode(n)
        }
        var ties: [Tie] = []
        for e in edges {
            // Edge lists name their nodes only in edges; other formats must declare them first.
            for end in [e.from, e.to] where !seen.contains(end) { addNode(ForeignElement(id: end)) }
            if let w = e.weight, !w.isFinite || w < 0 {
                throw OrgNetError(
                    .badData, "weight must be a finite number of 0 or more; got \(w)",
                    at: .init(file: origin, line: e.line))
            }
            let role = e.attributes["role"].map { Role($0) }.flatMap { Role.builtIn.contains($0) ? $0 : nil } ?? .other
            ties.append(
                Tie(
                    id: e.id, from: e.from, to: e.to, role: role, weight: e.weight, attributes: e.attributes,
                    provenance: provenance.stated(by: e.attributes)))
        }
        let collapsed = collapse(ties, directed: directed)
        if collapsed.count < ties.count {
            warn(
                "orgnet: \((origin as NSString).lastPathComponent): \(ties.count - collapsed.count) parallel edges collapsed into one per \(directed ? "ordered" : "unordered") pair, the last one's weight winning (as networkx's \(directed ? "DiGraph" : "Graph"))"
            )
        }
        let base = (origin as NSString).lastPathComponent
        let title = name.isEmpty ? base : name
        let at = OrgNetError.Location(file: origin)
        try limits.check(.nodes, organizations.count, "the graph has \(organizations.count) nodes", at: at)
        try limits.check(.ties, collapsed.count, "the graph has \(collapsed.count) edges", at: at)
        var t = Timeline(
            id: title, title: title, months: [], kinds: kinds.map { Kind(id: $0, name: $0) },
            sources: [Source(id: sourceID, title: base, kind: .external)],
            organizations: organizations, ties: collapsed, origin: origin, isDirected: directed)
        t.attributeTypes = attributeTypes
        return t
    }
}

import Foundation
import Graphviz

/// Reads any DOT file as a one-snapshot network, through Graphviz's own parser (cgraph).
///
/// Node ids are the DOT node names; a node's `label` (when plain text) becomes its name and its
/// `kind` attribute its kind; an edge's `role` attribute (a built-in role) its role, else `other`;
/// a numeric `weight` its weight. Every attribute is kept in `attributes`. Parallel edges collapse
/// the way networkx's `DiGraph`/`Graph` read them: one tie per ordered pair (per unordered pair for
/// undirected graphs), the last edge's attributes winning. Undirected graphs stay undirected.
public enum DOTImport {
    /// Largest DOT file accepted, in bytes (hostile-input guard).
    public static let maximumFileBytes = 64 << 20

    /// Reads and parses a DOT file into Graphviz's plain-value graph.
    public static func readSpec(path: String) throws(OrgNetError) -> GraphSpec {
        let text = try readText(path: path)
        do {
            return try GraphvizEngine.shared.parse(dot: text)
        } catch {
            throw error.orgNetError(file: path)
        }
    }

    /// The checked text of a DOT file: it exists, is not too large, and is UTF-8 without NULs.
    static func readText(path: String) throws(OrgNetError) -> String {
        let bytes = try readBytes(path: path)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The checked bytes of a DOT file (see ``readText(path:)``).
    static func readBytes(path: String) throws(OrgNetError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw OrgNetError(.missingInput, isDir.boolValue ? "is a folder, not a DOT file" : "cannot read the file",
                                  at: .init(file: path))
            }
            throw OrgNetError(.missingInput, "no such file", at: .init(file: path))
        }
        guard data.count <= maximumFileBytes else {
            throw OrgNetError(.badData, "the file is \(data.count) bytes; the limit for a DOT file is \(maximumFileBytes)",
                              at: .init(file: path))
        }
        let bytes = [UInt8](data)
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            throw OrgNetError(.badData, "the file is not UTF-8 text; expected a DOT graph", at: .init(file: path))
        }
        return bytes
    }

    /// Loads a DOT file as a timeline with no months (``Timeline/isSingleSnapshot``).
    ///
    /// Plain files (node and edge statements with attribute lists, as `orgnet generate`, networkx
    /// and igraph write them) are read by ``FastDOTReader`` in one pass over the bytes; anything
    /// else (subgraphs, defaults, ports, HTML labels, edge chains, syntax errors) goes through
    /// Graphviz's parser, so both paths give the same timeline (tested on a corpus).
    public static func load(path: String) throws(OrgNetError) -> Timeline {
        let bytes = try readBytes(path: path)
        if let parsed = FastDOTReader.parse(bytes) {
            return FastDOTReader.timeline(parsed, origin: path)
        }
        do {
            return timeline(from: try GraphvizEngine.shared.parse(dot: String(decoding: bytes, as: UTF8.self)), origin: path)
        } catch {
            throw error.orgNetError(file: path)
        }
    }

    /// The network of a parsed DOT graph.
    public static func timeline(from spec: GraphSpec, origin: String) -> Timeline {
        let sourceID = "dot-file"
        let provenance = Provenance(sources: [Citation(ref: sourceID)], status: .external, confidence: .medium,
                                    note: "read from a DOT file")
        var kinds: [String] = []
        var organizations: [Organization] = []
        for node in spec.nodes {
            var attrs: [String: String] = [:]
            for (k, v) in node.attributes { attrs[k] = v.string }
            let kind = attrs["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "node"
            if !kinds.contains(kind) { kinds.append(kind) }
            var name = node.id
            if case .text(let label)? = node.attributes["label"], !label.isEmpty, label != "\\N" { name = label }
            organizations.append(Organization(id: node.id, name: name, kind: kind, attributes: attrs, provenance: provenance))
        }
        // Collapse parallel edges: the last one wins, at the position of the first (networkx order).
        var order: [String] = []
        var byKey: [String: Tie] = [:]
        for edge in spec.edges {
            var attrs: [String: String] = [:]
            for (k, v) in edge.attributes { attrs[k] = v.string }
            let (a, b) = spec.isDirected || edge.tail <= edge.head ? (edge.tail, edge.head) : (edge.head, edge.tail)
            let key = "\(a)->\(b)"
            let role = attrs["role"].map { Role(rawValue: $0) }.flatMap { Role.builtIn.contains($0) ? $0 : nil } ?? .other
            let weight = attrs["weight"].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
            if byKey[key] == nil { order.append(key) }
            byKey[key] = Tie(id: key, from: edge.tail, to: edge.head, role: role, weight: weight,
                             attributes: attrs, provenance: provenance)
        }
        let name = (origin as NSString).lastPathComponent
        return Timeline(id: spec.name.isEmpty ? name : spec.name, title: spec.name.isEmpty ? name : spec.name,
                        months: [], kinds: kinds.map { Kind(id: $0, name: $0) },
                        sources: [Source(id: sourceID, title: name, kind: .external)],
                        organizations: organizations, ties: order.compactMap { byKey[$0] },
                        origin: origin, isDirected: spec.isDirected)
    }
}

extension GraphvizError {
    /// The library error for a Graphviz failure on a file: input problems are bad data (65)
    /// naming the file and line; failures of Graphviz itself are internal (70).
    public func orgNetError(file: String) -> OrgNetError {
        let input: Set<GraphvizError.Code> = [.syntax, .multipleGraphs, .emptyInput, .unsafeSpec]
        let what: String
        switch code {
        case .syntax: what = "\(message.hasPrefix("syntax error") ? message : "syntax error: " + message); expected a graph in the DOT language"
        case .multipleGraphs: what = message
        case .emptyInput: what = "the file holds no graph; expected `digraph { ... }` or `graph { ... }`"
        default: what = message
        }
        return OrgNetError(input.contains(code) ? .badData : .internalError, what, at: .init(file: file, line: line))
    }
}

extension DOTImport {
    /// True for a path that names a DOT file rather than a YAML dataset: an existing file whose
    /// name does not end in `.yaml`/`.yml`, or any name ending in `.dot`/`.gv`.
    public static func isDOTFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".dot") || lower.hasSuffix(".gv") { return true }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return false }
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }
}

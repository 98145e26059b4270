import Foundation
import Graphviz
import OrgNet

/// Reads any DOT file as a one-snapshot network, through Graphviz's own parser (cgraph).
///
/// Node ids are the DOT node names; a node's `label` (when plain text) becomes its name and its
/// `kind` attribute its kind; an edge's `role` attribute (a built-in role) its role, else `other`;
/// a numeric `weight` its weight. Every attribute is kept in `attributes`. Parallel edges collapse
/// the way networkx's `DiGraph`/`Graph` read them: one tie per ordered pair (per unordered pair for
/// undirected graphs), the last edge's attributes winning. Undirected graphs stay undirected.
public enum DOTImport {
    /// Reads and parses a DOT file into Graphviz's plain-value graph, refusing input over
    /// `limits` (file bytes, nodes, edges, label length, subgraph nesting) with ``InputLimits``' errors.
    public static func readSpec(path: String, limits: InputLimits = .default) throws(OrgNetError) -> GraphSpec {
        try parseSpec(try readText(path: path, limits: limits), path: path, limits: limits)
    }

    /// The text of a DOT file, refused when it is too large, not UTF-8, nested too deep, or holds
    /// a string longer than the label limit allows (checked before any parser sees it).
    static func readText(path: String, limits: InputLimits) throws(OrgNetError) -> String {
        let data = try InputFile.read(path, limit: limits.maxFileBytes, what: "a DOT file")
        let text = try InputFile.text(latin1Transcoded(data) ?? data, path: path, expected: "a DOT graph")
        // cgraph's parser nests one C stack frame per brace; refuse absurd nesting before it sees the text.
        let scanned = DOTScanner.scan(text)
        if scanned.depth > maximumNesting {
            throw OrgNetError(
                .badData, "subgraphs nest \(scanned.depth)+ levels deep; the limit is \(maximumNesting)",
                at: .init(file: path, line: scanned.depthLine))
        }
        // Bytes bound characters from above; the exact count is checked after parsing.
        if scanned.longestString > limits.maxLabelLength * 4 + 2 {
            throw InputLimits.exceeded(
                .labelLength, "a string is \(scanned.longestString) bytes long", limit: limits.maxLabelLength,
                at: .init(file: path, line: scanned.longestStringLine))
        }
        return text
    }

    /// Parses checked DOT text through Graphviz and checks the graph against `limits`.
    static func parseSpec(_ text: String, path: String, limits: InputLimits) throws(OrgNetError) -> GraphSpec {
        let spec: GraphSpec
        do {
            spec = try GraphvizEngine.shared.parse(dot: text)
        } catch {
            throw error.orgNetError(file: path)
        }
        try check(spec, limits: limits, file: path)
        return spec
    }

    /// A DOT file that declares `charset=latin1` (or `iso-8859-1`, `isolatin1`, `l1`) transcoded
    /// to UTF-8, its declaration rewritten to `charset="UTF-8"`, as Graphviz itself reads such a
    /// file (every byte one Latin-1 character); nil when the file declares no Latin-1 charset.
    ///
    /// Almost no file declares a charset, so the bytes are first searched for the ASCII word
    /// `charset` in any case; only a file that has it is decoded and matched. (Decoding every
    /// file as Latin-1 and searching the String took 60% of loading a 100k-node DOT file.)
    static func latin1Transcoded(_ data: Data) -> Data? {
        guard mentionsCharset(data) else { return nil }
        // Latin-1 decoding never fails: byte b is U+00b.
        let text = String(decoding: data.map { UInt16($0) }, as: UTF16.self)
        guard
            let regex = try? NSRegularExpression(
                pattern: #"charset\s*=\s*"?(latin-?1|iso-?8859-1|iso_8859-1|isolatin1|l1)"?"#,
                options: [.caseInsensitive])
        else { return nil }
        let all = NSRange(text.startIndex..., in: text)
        guard regex.firstMatch(in: text, range: all) != nil else { return nil }
        let rewritten = regex.stringByReplacingMatches(in: text, range: all, withTemplate: #"charset="UTF-8""#)
        return Data(rewritten.utf8)
    }

    /// True when the bytes contain `charset` in any mix of upper and lower case (ASCII only).
    static func mentionsCharset(_ data: Data) -> Bool {
        let word: [UInt8] = Array("charset".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= word.count else { return false }
            var i = 0
            let last = bytes.count - word.count
            while i <= last {
                // `| 0x20` lowers ASCII letters; "charset" is all letters, so no other byte can match.
                if bytes[i] | 0x20 == word[0] {
                    var k = 1
                    while k < word.count && bytes[i + k] | 0x20 == word[k] { k += 1 }
                    if k == word.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// True when the text may set an edge's `dir` (a `dir` not preceded by a letter, as in
    /// `rankdir`): such files are read through Graphviz, which honours `dir=back`/`both`.
    static func mentionsDir(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 3 else { return false }
        for i in 0..<(u.count - 2) where u[i] == 0x64 && u[i + 1] == 0x69 && u[i + 2] == 0x72 {
            let before = i > 0 ? u[i - 1] : 0x20
            let isWordByte =
                (before >= 0x41 && before <= 0x5A) || (before >= 0x61 && before <= 0x7A) || before == 0x5F
                || (before >= 0x30 && before <= 0x39)
            if !isWordByte { return true }
        }
        return false
    }

    /// Deepest subgraph nesting accepted (braces inside braces).
    public static let maximumNesting = 100

    /// Checks a parsed graph against `limits`: node and edge counts, the length of every id and value.
    public static func check(_ spec: GraphSpec, limits: InputLimits, file: String) throws(OrgNetError) {
        let at = OrgNetError.Location(file: file)
        try limits.check(.nodes, spec.nodes.count, "the graph has \(spec.nodes.count) nodes", at: at)
        try limits.check(.ties, spec.edges.count, "the graph has \(spec.edges.count) edges", at: at)
        let maxLabel = limits.maxLabelLength
        func checkText(_ t: String, _ what: @autoclosure () -> String) throws(OrgNetError) {
            // utf8.count bounds the character count from above and is O(1) for native strings.
            if t.utf8.count > maxLabel, t.count > maxLabel {
                throw InputLimits.exceeded(
                    .labelLength, "\(what()) is \(t.count) characters long", limit: maxLabel, at: at)
            }
        }
        func checkAttrs(_ a: Attributes, _ owner: @autoclosure () -> String) throws(OrgNetError) {
            for (k, v) in a {
                try checkText(k, "an attribute name of \(owner())")
                try checkText(v.string, "attribute '\(k.prefix(40))' of \(owner())")
            }
        }
        try checkText(spec.name, "the graph's name")
        try checkAttrs(spec.attributes, "the graph")
        try checkAttrs(spec.nodeDefaults, "the node defaults")
        try checkAttrs(spec.edgeDefaults, "the edge defaults")
        for n in spec.nodes {
            try checkText(n.id, "a node id")
            try checkAttrs(n.attributes, "node \(n.id)")
        }
        for e in spec.edges { try checkAttrs(e.attributes, "edge \(e.tail) -> \(e.head)") }
        for sub in spec.allSubgraphs {
            try checkText(sub.name, "a subgraph name")
            try checkAttrs(sub.attributes, "subgraph \(sub.name)")
        }
    }

    /// Loads a DOT file as a timeline with no months (``Timeline/isSingleSnapshot``).
    ///
    /// Plain files (node and edge statements with attribute lists, as `orgnet generate`, networkx
    /// and igraph write them) are read by ``FastDOTReader`` in one pass over the bytes; anything
    /// else (subgraphs, defaults, ports, HTML labels, edge chains, syntax errors) goes through
    /// Graphviz's parser, so both paths give the same timeline (tested on a corpus). Both paths
    /// are held to the same `limits`.
    public static func load(path: String, limits: InputLimits = .default) throws(OrgNetError) -> Timeline {
        let text = try readText(path: path, limits: limits)
        if !mentionsDir(text), let parsed = FastDOTReader.parse(Array(text.utf8)) {
            let t = parsed.timeline(origin: path)
            let at = OrgNetError.Location(file: path)
            try limits.check(.nodes, t.organizations.count, "the graph has \(t.organizations.count) nodes", at: at)
            try limits.check(.ties, t.ties.count, "the graph has \(t.ties.count) edges", at: at)
            return t
        }
        return timeline(from: try parseSpec(text, path: path, limits: limits), origin: path)
    }

    /// The network of a parsed DOT graph. In a directed graph an edge with `dir=back` is a tie
    /// from its head to its tail (orgnet's own export draws authority ties so), and `dir=both` two
    /// ties, one each way. Built by the same builder as the fast reader behind ``load(path:limits:)``, so both
    /// readers give one timeline for one graph.
    public static func timeline(from spec: GraphSpec, origin: String) -> Timeline {
        DOTNetwork(spec).timeline(origin: origin)
    }
}

extension GraphvizError {
    /// The library error for a Graphviz failure on a file: input problems are bad data (65)
    /// naming the file and line; failures of Graphviz itself are internal (70).
    public func orgNetError(file: String) -> OrgNetError {
        let input: Set<GraphvizError.Code> = [.syntax, .multipleGraphs, .emptyInput, .unsafeSpec]
        let what: String
        switch code {
        case .syntax:
            what =
                "\(message.hasPrefix("syntax error") ? message : "syntax error: " + message); expected a graph in the DOT language"
        case .multipleGraphs: what = message
        case .emptyInput: what = "the file holds no graph; expected `digraph { ... }` or `graph { ... }`"
        default: what = message
        }
        return OrgNetError(input.contains(code) ? .badData : .internalError, what, at: .init(file: file, line: line))
    }
}

extension DOTImport {
    /// True for a path that names a DOT file: any name ending in `.dot`/`.gv`, or an existing file
    /// that ``NetworkReader/detect(path:format:)`` takes for DOT (with `format`, when given), or
    /// standard input (`-`) whose `format` is DOT.
    public static func isDOTFile(_ path: String, format: NetworkFormat? = nil) -> Bool {
        if path == "-" { return format == .dot }
        let lower = path.lowercased()
        if lower.hasSuffix(".dot") || lower.hasSuffix(".gv") { return format.map { $0 == .dot } ?? true }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return false }
        return NetworkReader.detect(path: path, format: format) == .dot
    }
}

import Foundation
import OrgNet

/// GML (Graph Modelling Language, Himsolt 1997), the format of the classic network collections
/// (Newman's karate, dolphins, football, les misérables), of Pajek-era exports and of igraph and
/// networkx `write_gml`:
///
///     Creator "Mark Newman"
///     graph [ directed 0
///       node [ id 1 label "Mr Hi" ]
///       edge [ source 1 target 2 value 3 ] ]
///
/// A file is a list of `key value` pairs; a value is an integer, a real, a quoted string (HTML
/// entities such as `&amp;` and `&#233;` decoded, as networkx does) or a bracketed list of pairs.
/// Lines starting with `#` are comments. Node ids are the GML `id`s, labels become names; an edge's
/// `weight` (else `value`) becomes its weight; `directed 1` makes a directed network (GML's
/// default is undirected). Nested lists (`graphics [ x 1 y 2 ]`) become attributes `graphics.x`.
public enum GML {
    /// A parsed value.
    indirect enum Value {
        case number(String)
        case string(String)
        case list([(key: String, value: Value, line: Int)])

        var text: String {
            switch self {
            case .number(let s), .string(let s): return s
            case .list: return ""
            }
        }
    }

    /// Reads a GML file as a one-snapshot network.
    public static func read(path: String, limits: InputLimits = .default, warn: @Sendable (String) -> Void = { _ in })
        throws(OrgNetError) -> Timeline
    {
        let data = try InputFile.read(path, limit: limits.maxFileBytes, what: "a GML file")
        let text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else {
            // GML is defined over ISO 8859-1; files from before UTF-8 are read as such.
            text = String(decoding: data.map { UInt16($0) }, as: UTF16.self)
        }
        return try read(text: text, file: path, warn: warn)
    }

    /// Reads GML text; errors name `file` and the line.
    static func read(text: String, file: String, limits: InputLimits = .default, warn: @Sendable (String) -> Void)
        throws(OrgNetError) -> Timeline
    {
        let top = try parse(text, file: file)
        guard let (graphValue, graphLine) = top.first(where: { $0.key == "graph" }).map({ ($0.value, $0.line) }),
            case .list(let graph) = graphValue
        else {
            throw OrgNetError(.badData, "no `graph [ ... ]` list; expected a GML graph", at: .init(file: file, line: 1))
        }
        var directed = false, name = ""
        var nodes: [ForeignElement] = [], edges: [ForeignElement] = []
        var usedEdgeIDs: Set<String> = []
        // Attribute names (`node:KEY`) written as number tokens, not quoted strings.
        var numeric: Set<String> = []
        func noteNumbers(_ items: [(key: String, value: Value, line: Int)], _ domain: String, prefix: String = "") {
            for (k, v, _) in items {
                switch v {
                case .number: numeric.insert(domain + ":" + prefix + k)
                case .list(let inner): noteNumbers(inner, domain, prefix: prefix + k + ".")
                case .string: break
                }
            }
        }
        for (key, value, line) in graph {
            switch key {
            case "directed": directed = value.text == "1"
            case "label", "name": if name.isEmpty { name = value.text }
            case "node":
                guard case .list(let items) = value else {
                    throw OrgNetError(.badData, "a node must be a list [ ... ]", at: .init(file: file, line: line))
                }
                noteNumbers(items, "node")
                var attrs = flatten(items)
                guard let id = attrs.removeValue(forKey: "id"), !id.isEmpty else {
                    throw OrgNetError(.badData, "a node without an id", at: .init(file: file, line: line))
                }
                let label = attrs.removeValue(forKey: "label")
                nodes.append(ForeignElement(id: id, label: label, attributes: attrs, line: line))
            case "edge":
                guard case .list(let items) = value else {
                    throw OrgNetError(.badData, "an edge must be a list [ ... ]", at: .init(file: file, line: line))
                }
                noteNumbers(items, "edge")
                var attrs = flatten(items)
                guard let s = attrs.removeValue(forKey: "source"), let t = attrs.removeValue(forKey: "target") else {
                    throw OrgNetError(
                        .badData, "an edge needs a source and a target", at: .init(file: file, line: line))
                }
                var weight: Double?
                if let w = attrs["weight"] ?? attrs["value"] {
                    guard let v = Double(w) else {
                        throw OrgNetError(
                            .badData, "edge weight must be a number; got '\(w.prefix(40))'",
                            at: .init(file: file, line: line))
                    }
                    weight = v
                }
                let id = GraphML.tieID(attrs.removeValue(forKey: "id"), from: s, to: t, used: &usedEdgeIDs)
                edges.append(ForeignElement(id: id, attributes: attrs, from: s, to: t, weight: weight, line: line))
            default: break
            }
        }
        // Attributes whose every value is a number stay numbers (long when all are whole).
        var types: [String: String] = [:]
        for (domain, list) in [("node", nodes), ("edge", edges)] {
            var seen: [String: String] = [:]
            for e in list {
                for (k, v) in e.attributes {
                    let type =
                        Int64(v) != nil
                        ? "long" : (Double(v) != nil && numeric.contains(domain + ":" + k) ? "double" : "string")
                    seen[k] =
                        seen[k].map { $0 == type ? $0 : ($0 != "string" && type != "string" ? "double" : "string") }
                        ?? type
                }
            }
            for (k, type) in seen where type != "string" && numeric.contains(domain + ":" + k) {
                types[domain + ":" + k] = type
            }
        }
        let known = Set(nodes.map(\.id))
        for e in edges {
            for end in [e.from, e.to] where !known.contains(end) {
                throw OrgNetError(
                    .badData, "edge end \(end.prefix(60)) is not a node id", at: .init(file: file, line: e.line))
            }
        }
        _ = graphLine
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return try NetworkReader.network(
            name: name.isEmpty ? base : name, nodes: nodes, edges: edges, directed: directed,
            origin: file, what: "GML", attributeTypes: types, limits: limits, warn: warn)
    }

    /// `key value` pairs of a list as text attributes; nested lists as `outer.inner`.
    static func flatten(_ items: [(key: String, value: Value, line: Int)], prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        for (k, v, _) in items {
            if case .list(let inner) = v {
                for (ik, iv) in flatten(inner, prefix: prefix + k + ".") { out[ik] = iv }
            } else {
                out[prefix + k] = v.text
            }
        }
        return out
    }

    /// Deepest list nesting accepted.
    static let maximumNesting = 64

    /// Parses GML text into its top-level `key value` pairs.
    static func parse(_ text: String, file: String) throws(OrgNetError) -> [(key: String, value: Value, line: Int)] {
        let s = Array(text.unicodeScalars)
        var i = 0, line = 1
        func fail(_ message: String) -> OrgNetError {
            OrgNetError(.badData, message + "; expected GML `key value` pairs", at: .init(file: file, line: line))
        }
        func skipSpace() {
            while i < s.count {
                let c = s[i]
                if c == "\n" {
                    line += 1; i += 1
                } else if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
                    i += 1
                } else if c == "#" {
                    while i < s.count && s[i] != "\n" { i += 1 }
                } else {
                    break
                }
            }
        }
        func isKeyStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        func isKeyPart(_ c: Unicode.Scalar) -> Bool { isKeyStart(c) || ("0"..."9").contains(c) }
        func list(depth: Int, closed: Bool) throws(OrgNetError) -> [(key: String, value: Value, line: Int)] {
            if depth > maximumNesting { throw fail("lists nest deeper than \(maximumNesting) levels") }
            var out: [(key: String, value: Value, line: Int)] = []
            while true {
                skipSpace()
                if i >= s.count {
                    if closed { throw fail("a list is never closed with ']'") }
                    return out
                }
                if s[i] == "]" {
                    guard closed else { throw fail("a ']' closes no list") }
                    i += 1
                    return out
                }
                guard isKeyStart(s[i]) else { throw fail("unexpected '\(Character(s[i]))'") }
                let keyLine = line
                var key = ""
                while i < s.count && isKeyPart(s[i]) { key.unicodeScalars.append(s[i]); i += 1 }
                skipSpace()
                guard i < s.count else { throw fail("'\(key)' has no value") }
                let c = s[i]
                if c == "[" {
                    i += 1
                    out.append((key, .list(try list(depth: depth + 1, closed: true)), keyLine))
                } else if c == "\"" {
                    i += 1
                    var str = ""
                    while i < s.count && s[i] != "\"" {
                        if s[i] == "\n" { line += 1 }
                        str.unicodeScalars.append(s[i]); i += 1
                    }
                    guard i < s.count else {
                        throw OrgNetError(.badData, "a string is never closed", at: .init(file: file, line: keyLine))
                    }
                    i += 1
                    out.append((key, .string(unescape(str)), keyLine))
                } else {
                    var num = ""
                    while i < s.count && ("0"..."9").contains(s[i])
                        || (i < s.count && "+-.eEINFinfa".unicodeScalars.contains(s[i]))
                    {
                        num.unicodeScalars.append(s[i]); i += 1
                    }
                    guard !num.isEmpty, Double(num) != nil else { throw fail("'\(key)' has no valid value") }
                    out.append((key, .number(Int(num).map(String.init) ?? num), keyLine))
                }
            }
        }
        return try list(depth: 0, closed: false)
    }

    /// Decodes the HTML character entities networkx writes in GML strings.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) <= 10 else {
                out += "&"; rest = rest.dropFirst(); continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semi]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    decoded = String(u)
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) {
                    decoded = String(u)
                }
            }
            if let decoded {
                out += decoded; rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"; rest = rest.dropFirst()
            }
        }
        return out + rest
    }
}

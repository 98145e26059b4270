extension GraphSpec {
    /// The spec as DOT text (pure Swift, no Graphviz call).
    ///
    /// Every id and text value is double-quoted, so keywords and odd characters are safe;
    /// HTML values are written as `<...>`. Order: graph attributes, node and edge defaults,
    /// nodes (in ``nodes`` order), subgraphs (recursively, listing their node ids), edges.
    /// Attributes are sorted by name so the text is deterministic.
    public var dotText: String {
        var out = ""
        if isStrict { out += "strict " }
        out += isDirected ? "digraph" : "graph"
        if !name.isEmpty { out += " " + DOTWriter.quote(name) }
        out += " {\n"
        DOTWriter.statement("graph", attributes, indent: "\t", into: &out)
        DOTWriter.statement("node", nodeDefaults, indent: "\t", into: &out)
        DOTWriter.statement("edge", edgeDefaults, indent: "\t", into: &out)
        for node in nodes {
            out += "\t" + DOTWriter.quote(node.id) + DOTWriter.attributeList(node.attributes) + ";\n"
        }
        for sub in subgraphs { DOTWriter.write(sub, indent: "\t", into: &out) }
        let arrow = isDirected ? " -> " : " -- "
        for edge in edges {
            let attrs = DOTWriter.attributeList(edge.attributes, key: edge.key)
            out += "\t" + DOTWriter.quote(edge.tail) + arrow + DOTWriter.quote(edge.head) + attrs + ";\n"
        }
        out += "}\n"
        return out
    }
}

/// `dotText(spec)`: free-function spelling of ``GraphSpec/dotText``.
public func dotText(_ spec: GraphSpec) -> String { spec.dotText }

/// DOT quoting and statement writing.
enum DOTWriter {
    /// Quotes a DOT id or text value.
    ///
    /// cgraph's lexer (scan.l) turns `\"` into `"`, deletes backslash-newline (a line
    /// continuation) and keeps every other backslash as is. So `"` is written `\"`, and a
    /// backslash that is followed by `"`, a newline or the closing quote is written as
    /// backslash + backslash-newline: the continuation vanishes on reading and the
    /// backslash survives. Newlines are written raw (legal inside quotes).
    static func quote(_ s: String) -> String {
        var out = "\""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\"":
                out += "\\\""
            case "\\":
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if next == nil || next == "\"" || next == "\n" || next == "\r\n" {
                    out += "\\\\\n"
                } else {
                    out += "\\"
                }
            default:
                out.append(c)
            }
        }
        return out + "\""
    }

    static func value(_ v: AttributeValue) -> String {
        switch v {
        case .text(let s): return quote(s)
        case .html(let s): return "<" + s + ">"
        }
    }

    static func attributeList(_ attrs: Attributes, key: String? = nil) -> String {
        var parts: [String] = []
        if let key { parts.append("key=" + quote(key)) }
        for name in attrs.keys.sorted() {
            if let v = attrs[name] { parts.append(quote(name) + "=" + value(v)) }
        }
        return parts.isEmpty ? "" : " [" + parts.joined(separator: ", ") + "]"
    }

    static func statement(_ kind: String, _ attrs: Attributes, indent: String, into out: inout String) {
        guard !attrs.isEmpty else { return }
        out += indent + kind + attributeList(attrs) + ";\n"
    }

    static func write(_ sub: GraphSpec.Subgraph, indent: String, into out: inout String) {
        out += indent + "subgraph"
        if !sub.name.isEmpty { out += " " + quote(sub.name) }
        out += " {\n"
        let inner = indent + "\t"
        statement("graph", sub.attributes, indent: inner, into: &out)
        for id in sub.nodeIDs { out += inner + quote(id) + ";\n" }
        for child in sub.subgraphs { write(child, indent: inner, into: &out) }
        out += indent + "}\n"
    }
}

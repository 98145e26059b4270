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

/// DOT quoting and statement writing.
enum DOTWriter {
    /// Quotes a DOT id or text value.
    ///
    /// cgraph 2.43's lexer (measured with `gvpr`): inside quotes a backslash always pairs
    /// with the next character; `\"` becomes `"`, backslash-newline is deleted (a line
    /// continuation), and every other pair (`\\`, `\n`, ...) is kept verbatim. So `"` is
    /// written `\"`, and a run of backslashes is written as is, except that an odd run
    /// before `"`, a newline or the end of the string gets one more backslash (a lone
    /// backslash there cannot be expressed; Graphviz's label escapes draw `\\` as one
    /// backslash, and the raw value reads back with the extra one). Newlines are raw.
    static func quote(_ s: String) -> String {
        var out = "\""
        var pendingBackslashes = 0
        func flush(before next: Character?) {
            guard pendingBackslashes > 0 else { return }
            out += String(repeating: "\\", count: pendingBackslashes)
            // The lexer pairs backslashes from the left; an odd run would swallow `next`.
            let unsafeNext = next == nil || next == "\"" || next == "\n" || next == "\r\n"
            if pendingBackslashes % 2 == 1 && unsafeNext { out += "\\" }
            pendingBackslashes = 0
        }
        for c in s {
            if c == "\\" {
                pendingBackslashes += 1
                continue
            }
            flush(before: c)
            out += c == "\"" ? "\\\"" : String(c)
        }
        flush(before: nil)
        return out + "\""
    }

    /// An id or attribute name: bare when DOT reads it as a plain identifier (letters, digits and
    /// `_`, not starting with a digit, not a keyword), quoted otherwise. Bare names keep DOT
    /// readable for `gvpr` and pydot users (`class="org"`, not `"class"="org"`).
    static func id(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first),
            s.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }),
            !["node", "edge", "graph", "digraph", "subgraph", "strict"].contains(s.lowercased())
        else { return quote(s) }
        return s
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
            if let v = attrs[name] { parts.append(id(name) + "=" + value(v)) }
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

import Foundation
import Graphviz

/// A one-pass DOT reader over UTF-8 bytes for the plain subset that `orgnet generate`, networkx,
/// igraph and most tools write, used by ``DOTImport/load(path:)`` to read large networks fast.
///
/// Accepted: an optional leading comment block, `digraph`/`graph` with an optional name, node
/// statements `a [k=v, ...]`, edge statements `a -> b [k=v]` (`--` in graphs), graph attribute
/// statements (`k=v;`, `graph [...]`; they do not reach the network), quoted ids with `\"` escapes
/// and line continuations, numerals, `//`, `/* */` and `#` line comments.
///
/// Anything else returns `nil` so the caller falls back to Graphviz's own parser and the meaning
/// never differs: `strict`, subgraphs and braces inside the body, `node [...]`/`edge [...]`
/// defaults, edge chains (`a -> b -> c`), ports (`a:p`), HTML labels (`<...>`), `+` concatenation,
/// `key` attributes, attributes without a value, a second graph, and any syntax error (so the
/// error message is Graphviz's). Values equal to cgraph's default for a declared attribute (the
/// empty string) are dropped, as the cgraph bridge drops them.
enum FastDOTReader {
    /// Parses `bytes`; `nil` when the text is outside the fast subset.
    static func parse(_ bytes: [UInt8]) -> GraphSpec? {
        bytes.withUnsafeBufferPointer { buf in
            var p = Parser(b: buf)
            return p.graph()
        }
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var nodeIndex: [String: Int] = [:]
        var nodes: [GraphSpec.Node] = []
        var edges: [GraphSpec.Edge] = []

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        @inline(__always) func peek(_ k: Int = 0) -> UInt8 { i + k < b.count ? b[i + k] : 0 }

        /// Skips whitespace and comments; `#` lines count only at the start of a line.
        mutating func skip() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B { i += 1; continue }
                if c == 0x2F && peek(1) == 0x2F { while i < b.count && b[i] != 0x0A { i += 1 }; continue }
                if c == 0x2F && peek(1) == 0x2A {
                    i += 2
                    while i < b.count && !(b[i] == 0x2A && peek(1) == 0x2F) { i += 1 }
                    i = min(b.count, i + 2)
                    continue
                }
                if c == 0x23 && (i == 0 || b[i - 1] == 0x0A || b[i - 1] == 0x0D) {
                    while i < b.count && b[i] != 0x0A { i += 1 }; continue
                }
                return
            }
        }

        @inline(__always) static func isIDStart(_ c: UInt8) -> Bool {
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
        }
        @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

        /// An ID (name, numeral or quoted string) at the cursor, or nil (cursor unchanged).
        mutating func id() -> (String, quoted: Bool)? {
            skip()
            guard i < b.count else { return nil }
            let c = b[i]
            let start = i
            if Self.isIDStart(c) {
                i += 1
                while i < b.count, Self.isIDStart(b[i]) || Self.isDigit(b[i]) { i += 1 }
                return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), false)
            }
            if Self.isDigit(c) || c == 0x2E || (c == 0x2D && (Self.isDigit(peek(1)) || peek(1) == 0x2E)) {
                i += 1
                var dot = c == 0x2E
                while i < b.count {
                    if Self.isDigit(b[i]) { i += 1 } else if b[i] == 0x2E && !dot { dot = true; i += 1 } else { break }
                }
                // A numeral followed by a letter is an ambiguity Graphviz warns about: leave it to cgraph.
                if i < b.count, Self.isIDStart(b[i]) || b[i] == 0x2E { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                if text == "-" || text == "." || text == "-." { return nil }
                return (text, false)
            }
            if c == 0x22 {
                i += 1
                var bytes: [UInt8] = []
                var plainFrom = i
                while i < b.count && b[i] != 0x22 {
                    if b[i] == 0x5C {
                        let n = peek(1)
                        if n == 0x22 {
                            bytes.append(contentsOf: b[plainFrom..<i]); bytes.append(0x22); i += 2; plainFrom = i; continue
                        }
                        if n == 0x0A {
                            bytes.append(contentsOf: b[plainFrom..<i]); i += 2; plainFrom = i; continue
                        }
                        if n == 0x0D { return nil }
                        i += 2; continue
                    }
                    i += 1
                }
                guard i < b.count else { return nil }
                let text: String
                if bytes.isEmpty {
                    text = String(decoding: UnsafeBufferPointer(rebasing: b[plainFrom..<i]), as: UTF8.self)
                } else {
                    bytes.append(contentsOf: b[plainFrom..<i])
                    text = String(decoding: bytes, as: UTF8.self)
                }
                i += 1
                // `"a" + "b"` concatenation: leave it to cgraph.
                skip()
                if peek() == 0x2B { return nil }
                return (text, true)
            }
            return nil
        }

        static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

        /// `[k=v, ...]` lists, repeated; nil on anything unusual.
        mutating func attributes() -> [(String, String)]? {
            var out: [(String, String)] = []
            while true {
                skip()
                guard peek() == 0x5B else { return out }
                i += 1
                while true {
                    skip()
                    if peek() == 0x5D { i += 1; break }
                    guard let (k, kq) = id() else { return nil }
                    if !kq && Self.keywords.contains(k.lowercased()) { return nil }
                    skip()
                    guard peek() == 0x3D else { return nil }
                    i += 1
                    guard let (v, vq) = id() else { return nil }
                    if !vq && Self.keywords.contains(v.lowercased()) { return nil }
                    if k == "key" { return nil }
                    out.append((k, v))
                    skip()
                    if peek() == 0x2C || peek() == 0x3B { i += 1 }
                }
            }
        }

        mutating func node(_ name: String) -> Int {
            if let k = nodeIndex[name] { return k }
            nodeIndex[name] = nodes.count
            nodes.append(GraphSpec.Node(id: name))
            return nodes.count - 1
        }

        static func attributeSet(_ list: [(String, String)]) -> Attributes {
            var a: Attributes = [:]
            for (k, v) in list {
                if v.isEmpty { a[k] = nil } else { a[k] = .text(v) }
            }
            return a
        }

        mutating func graph() -> GraphSpec? {
            guard let (head, hq) = id(), !hq else { return nil }
            let kw = head.lowercased()
            guard kw == "digraph" || kw == "graph" else { return nil }
            let directed = kw == "digraph"
            var name = ""
            skip()
            if peek() != 0x7B {
                guard let (n, nq) = id() else { return nil }
                if !nq && Self.keywords.contains(n.lowercased()) { return nil }
                name = n
                skip()
            }
            guard peek() == 0x7B else { return nil }
            i += 1
            var graphAttrs: Attributes = [:]
            while true {
                skip()
                guard i < b.count else { return nil }
                if b[i] == 0x7D { i += 1; break }
                if b[i] == 0x3B { i += 1; continue }
                guard let (first, fq) = id() else { return nil }
                if !fq {
                    let k = first.lowercased()
                    if k == "graph" {
                        guard let attrs = attributes() else { return nil }
                        for (key, v) in attrs { graphAttrs[key] = .text(v) }
                        continue
                    }
                    if Self.keywords.contains(k) { return nil }
                }
                skip()
                let c = peek()
                if c == 0x3D {  // graph attribute k=v
                    i += 1
                    guard let (v, _) = id() else { return nil }
                    graphAttrs[first] = .text(v)
                    continue
                }
                if c == 0x3A || c == 0x7B { return nil }  // port, or an anonymous subgraph
                if (c == 0x2D && (peek(1) == 0x3E || peek(1) == 0x2D)) {
                    let op = peek(1)
                    guard (op == 0x3E) == directed else { return nil }
                    i += 2
                    guard let (second, sq) = id() else { return nil }
                    if !sq && Self.keywords.contains(second.lowercased()) { return nil }
                    skip()
                    if peek() == 0x3A || peek() == 0x2D && (peek(1) == 0x3E || peek(1) == 0x2D) { return nil }
                    guard let attrs = attributes() else { return nil }
                    _ = node(first); _ = node(second)
                    edges.append(GraphSpec.Edge(tail: first, head: second, attributes: Self.attributeSet(attrs)))
                    continue
                }
                guard let attrs = attributes() else { return nil }
                let k = node(first)
                for (key, v) in attrs {
                    if v.isEmpty { nodes[k].attributes[key] = nil } else { nodes[k].attributes[key] = .text(v) }
                }
            }
            skip()
            guard i == b.count else { return nil }
            var spec = GraphSpec()
            spec.name = name
            spec.isDirected = directed
            spec.attributes = graphAttrs
            spec.nodes = nodes
            spec.edges = edges
            return spec
        }
    }
}

import Foundation
import OrgNet

/// A one-pass DOT reader over UTF-8 bytes for the plain subset that `orgnet generate`, networkx,
/// igraph and most tools write, used by ``DOTImport/load(path:)`` to read large networks fast.
///
/// Accepted: `digraph`/`graph` with an optional name, node statements `a [k=v, ...]`, edge
/// statements `a -> b [k=v]` (`--` in graphs), graph attribute statements (`k=v;`, `graph [...]`;
/// they do not reach the network), quoted ids with `\"` escapes and line continuations, numerals,
/// `//`, `/* */` and `#` line comments.
///
/// Anything else returns `nil` so the caller falls back to Graphviz's own parser and the meaning
/// never differs: `strict`, subgraphs and braces inside the body, `node [...]`/`edge [...]`
/// defaults, edge chains (`a -> b -> c`), ports (`a:p`), HTML strings (`<...>`), `+`
/// concatenation, `key` attributes, attributes without a value, a second graph, and any syntax
/// error (so the error message is Graphviz's). A value equal to cgraph's default for its attribute
/// is dropped, as the cgraph bridge drops it: the empty string, and `\N` for a node's `label`.
///
/// Node ids are looked up in an open-addressing table keyed by their bytes (FNV-1a), so an id
/// becomes a `String` once, when the node is first seen.
enum FastDOTReader {
    /// Parses DOT bytes into the neutral form that ``DOTNetwork/timeline(origin:)`` builds a
    /// timeline from; `nil` when the text is outside the fast subset.
    static func parse(_ bytes: [UInt8]) -> DOTNetwork? {
        bytes.withUnsafeBufferPointer { buf in
            var p = Parser(b: buf)
            return p.graph()
        }
    }

    /// The network as a timeline: ``DOTNetwork/timeline(origin:)``, the builder the Graphviz path
    /// (``DOTImport/timeline(from:origin:)``) uses too.
    static func timeline(_ p: DOTNetwork, origin: String) -> Timeline { p.timeline(origin: origin) }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var out = DOTNetwork()
        /// Open addressing: node index + 1, 0 = empty.
        var table: [Int32]
        var mask: Int
        var hashes: [UInt32] = []
        /// Bytes of every node id, `idStart[k]..<idStart[k + 1]`.
        var idBytes: [UInt8] = []
        var idStart: [Int] = [0]
        var scratch: [UInt8] = []

        init(b: UnsafeBufferPointer<UInt8>) {
            self.b = b
            var cap = 1024
            while cap < b.count / 16 { cap <<= 1 }
            table = [Int32](repeating: 0, count: cap)
            mask = cap - 1
            idBytes.reserveCapacity(b.count / 8)
        }

        @inline(__always) func peek(_ k: Int = 0) -> UInt8 { i + k < b.count ? b[i + k] : 0 }

        /// Skips whitespace and comments; `#` lines count only at the start of a line.
        mutating func skip() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B { i += 1; continue }
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
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
        }
        @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

        /// An ID token at the cursor: its bytes are `b[start..<end]`, or `scratch` when `escaped`.
        struct Token { var start: Int; var end: Int; var quoted: Bool; var escaped: Bool }

        mutating func token() -> Token? {
            skip()
            guard i < b.count else { return nil }
            let c = b[i]
            let start = i
            if Self.isIDStart(c) {
                i += 1
                while i < b.count, Self.isIDStart(b[i]) || Self.isDigit(b[i]) { i += 1 }
                return Token(start: start, end: i, quoted: false, escaped: false)
            }
            if Self.isDigit(c) || c == 0x2E || c == 0x2D {
                var j = i + (c == 0x2D ? 1 : 0)
                var digits = 0, dot = false
                while j < b.count {
                    if Self.isDigit(b[j]) {
                        j += 1; digits += 1
                    } else if b[j] == 0x2E && !dot {
                        dot = true; j += 1
                    } else {
                        break
                    }
                }
                if digits == 0 { return nil }
                // A numeral run into a letter or a second dot: Graphviz splits it with a warning; leave it to cgraph.
                if j < b.count, Self.isIDStart(b[j]) || b[j] == 0x2E { return nil }
                i = j
                return Token(start: start, end: i, quoted: false, escaped: false)
            }
            if c == 0x22 {
                i += 1
                let from = i
                var escaped = false
                while i < b.count && b[i] != 0x22 {
                    if b[i] == 0x5C {
                        let n = peek(1)
                        if n == 0x22 || n == 0x0A {
                            if !escaped {
                                scratch.removeAll(keepingCapacity: true); scratch.append(contentsOf: b[from..<i]);
                                escaped = true
                            }
                            if n == 0x22 { scratch.append(0x22) }
                            i += 2; continue
                        }
                        if n == 0x0D { return nil }
                        if escaped { scratch.append(b[i]); scratch.append(n) }
                        i += 2; continue
                    }
                    if escaped { scratch.append(b[i]) }
                    i += 1
                }
                guard i < b.count else { return nil }
                let t = Token(start: from, end: i, quoted: true, escaped: escaped)
                i += 1
                skip()
                if peek() == 0x2B { return nil } // "a" + "b": leave concatenation to cgraph
                return t
            }
            return nil
        }

        func string(_ t: Token) -> String {
            t.escaped
                ? String(decoding: scratch, as: UTF8.self)
                : String(decoding: UnsafeBufferPointer(rebasing: b[t.start..<t.end]), as: UTF8.self)
        }

        /// Recently made attribute strings (keys and values repeat: `kind`, `role`, `delegation`),
        /// matched by bytes so a repeat costs a comparison instead of building and validating a String.
        var recent: [(bytes: [UInt8], text: String)] = []
        var recentNext = 0
        /// Recent node attribute lists and the dictionaries they made (see ``attributeString(_:)``).
        var recentNodeAttributes: [(pairs: [(String, String?)], attrs: [String: String])] = []
        var recentNodeNext = 0

        mutating func attributeString(_ t: Token) -> String {
            let len = t.end - t.start
            if len == 0 { return "" }
            if t.escaped || len > 32 { return string(t) }
            for r in recent where r.bytes.count == len {
                if r.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress! + t.start, len) == 0 }) {
                    return r.text
                }
            }
            let text = string(t)
            let entry = (Array(b[t.start..<t.end]), text)
            if recent.count < 8 {
                recent.append(entry)
            } else {
                recent[recentNext] = entry; recentNext = (recentNext + 1) & 7
            }
            return text
        }

        static let keywordBytes: [[UInt8]] = ["node", "edge", "graph", "digraph", "subgraph", "strict"].map {
            Array($0.utf8)
        }

        /// Whether an unquoted token is a DOT keyword (case-insensitive).
        func isKeyword(_ t: Token) -> Bool {
            if t.quoted { return false }
            let n = t.end - t.start
            guard n >= 4 && n <= 8 else { return false }
            for k in Self.keywordBytes where k.count == n {
                var same = true
                for j in 0..<n where (b[t.start + j] | 0x20) != k[j] { same = false; break }
                if same { return true }
            }
            return false
        }

        func lowered(_ t: Token) -> String {
            var s = ""
            for k in t.start..<t.end {
                s.unicodeScalars.append(Unicode.Scalar(b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]))
            }
            return s
        }

        /// The node index of an id token, adding the node when new.
        mutating func node(_ t: Token) -> Int32 {
            if t.escaped {
                let bytes = scratch
                return bytes.withUnsafeBufferPointer { node(bytes: $0) }
            }
            return node(bytes: UnsafeBufferPointer(rebasing: b[t.start..<t.end]))
        }

        mutating func node(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            var h: UInt32 = 2_166_136_261
            for c in bytes { h = (h ^ UInt32(c)) &* 16_777_619 }
            var s = Int(h) & mask
            while true {
                let k = Int(table[s])
                if k == 0 { break }
                if hashes[k - 1] == h {
                    let lo = idStart[k - 1], hi = idStart[k]
                    if hi - lo == bytes.count
                        && idBytes.withUnsafeBufferPointer({
                            memcmp($0.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0
                        })
                    {
                        return Int32(k - 1)
                    }
                }
                s = (s + 1) & mask
            }
            let index = out.nodeIDs.count
            table[s] = Int32(index + 1)
            hashes.append(h)
            idBytes.append(contentsOf: bytes)
            idStart.append(idBytes.count)
            out.nodeIDs.append(String(decoding: bytes, as: UTF8.self))
            out.nodeAttributes.append([:])
            if out.nodeIDs.count * 2 > table.count { grow() }
            return Int32(index)
        }

        mutating func grow() {
            let cap = table.count * 2
            table = [Int32](repeating: 0, count: cap)
            mask = cap - 1
            for k in hashes.indices {
                var s = Int(hashes[k]) & mask
                while table[s] != 0 { s = (s + 1) & mask }
                table[s] = Int32(k + 1)
            }
        }

        /// `[k=v, ...]` lists, repeated, appended to `pairs`; false on anything unusual. With
        /// `emptyIsDefault` (edges: the empty string is cgraph's default for every edge attribute)
        /// an empty value is `nil`; node values are kept as written (see ``isDefault(nodeAttribute:_:)``).
        mutating func attributes(into pairs: inout [(String, String?)], emptyIsDefault: Bool) -> Bool {
            while true {
                skip()
                guard peek() == 0x5B else { return true }
                i += 1
                while true {
                    skip()
                    if peek() == 0x5D { i += 1; break }
                    guard let kt = token(), !isKeyword(kt) else { return false }
                    let k = attributeString(kt)
                    skip()
                    guard peek() == 0x3D else { return false }
                    i += 1
                    guard let vt = token(), !isKeyword(vt) else { return false }
                    if k == "key" { return false }
                    let v = attributeString(vt)
                    pairs.append((k, emptyIsDefault && v.isEmpty ? nil : v))
                    skip()
                    if peek() == 0x2C || peek() == 0x3B { i += 1 }
                }
            }
        }

        /// Whether a node attribute value equals cgraph's default for it, which the cgraph bridge
        /// drops: `\\N` for `label` (declared by the Graphviz context), the empty string otherwise.
        static func isDefault(nodeAttribute key: String, _ value: String?) -> Bool {
            key == "label" ? value == "\\N" : value?.isEmpty ?? true
        }

        mutating func graph() -> DOTNetwork? {
            guard let head = token(), !head.quoted else { return nil }
            let kw = lowered(head)
            guard kw == "digraph" || kw == "graph" else { return nil }
            out.directed = kw == "digraph"
            skip()
            if peek() != 0x7B {
                guard let n = token(), !isKeyword(n) else { return nil }
                out.name = string(n)
                skip()
            }
            guard peek() == 0x7B else { return nil }
            i += 1
            var pairs: [(String, String?)] = []
            var semicolonAllowed = false // one optional `;` after a statement; `;;` is a syntax error
            while true {
                skip()
                guard i < b.count else { return nil }
                if b[i] == 0x7D { i += 1; break }
                if b[i] == 0x3B {
                    guard semicolonAllowed else { return nil }
                    i += 1; semicolonAllowed = false; continue
                }
                semicolonAllowed = true
                guard let first = token() else { return nil }
                if isKeyword(first) {
                    guard lowered(first) == "graph" else { return nil }
                    pairs.removeAll(keepingCapacity: true)
                    guard attributes(into: &pairs, emptyIsDefault: true) else { return nil }
                    continue
                }
                skip()
                let c = peek()
                if c == 0x3D { // graph attribute k=v
                    i += 1
                    guard let v = token(), !isKeyword(v) else { return nil }
                    continue
                }
                if c == 0x3A || c == 0x7B { return nil } // port, or a subgraph
                if c == 0x2D && (peek(1) == 0x3E || peek(1) == 0x2D) {
                    guard (peek(1) == 0x3E) == out.directed else { return nil }
                    let tail = node(first)
                    i += 2
                    guard let second = token(), !isKeyword(second) else { return nil }
                    let head = node(second)
                    skip()
                    if peek() == 0x3A || (peek() == 0x2D && (peek(1) == 0x3E || peek(1) == 0x2D)) { return nil }
                    var edgePairs: [(String, String?)] = []
                    swap(&edgePairs, &out.edgePairs)
                    let ok = attributes(into: &edgePairs, emptyIsDefault: true)
                    swap(&edgePairs, &out.edgePairs)
                    guard ok else { return nil }
                    out.tails.append(tail)
                    out.heads.append(head)
                    out.edgePairStart.append(Int32(out.edgePairs.count))
                    continue
                }
                let k = Int(node(first))
                pairs.removeAll(keepingCapacity: true)
                guard attributes(into: &pairs, emptyIsDefault: false) else { return nil }
                if out.nodeAttributes[k].isEmpty,
                    let r = recentNodeAttributes.first(where: {
                        $0.pairs.elementsEqual(pairs, by: { $0.0 == $1.0 && $0.1 == $1.1 })
                    })
                {
                    out.nodeAttributes[k] = r.attrs // shared storage: `u1 [kind="cell"]` and the like
                    continue
                }
                let fresh = out.nodeAttributes[k].isEmpty
                for (key, v) in pairs { out.nodeAttributes[k][key] = Self.isDefault(nodeAttribute: key, v) ? nil : v }
                if fresh {
                    let entry = (pairs, out.nodeAttributes[k])
                    if recentNodeAttributes.count < 4 {
                        recentNodeAttributes.append(entry)
                    } else {
                        recentNodeAttributes[recentNodeNext] = entry; recentNodeNext = (recentNodeNext + 1) & 3
                    }
                }
            }
            skip()
            guard i == b.count else { return nil }
            return out
        }
    }
}

/// What a quick lexical pass over DOT text finds, before any parser sees it.
public struct DOTScan: Sendable, Hashable {
    /// The deepest `{`/`[` nesting outside strings and comments, and the line where it is first reached.
    public var depth = 0
    public var depthLine = 1
    /// The longest quoted or HTML (`<...>`) string in bytes, and the line where it starts.
    public var longestString = 0
    public var longestStringLine = 1
    /// Something other than white space and comments follows the first graph's closing brace.
    public var textAfterFirstGraph = false
}

/// The one DOT lexer outside cgraph: skips comments (`//`, `/* */`, `#` lines), quoted strings
/// and HTML strings, and follows brace depth, in one O(n) pass with no allocation per byte.
///
/// It answers what cgraph cannot be asked safely: whether text follows the first graph
/// (`agmemread` reads line by line, so a second graph on a later line is silently dropped and
/// draining with `agmemread("")` does not see it), how deep the nesting goes (cgraph's parser
/// recurses once per brace) and how long the longest string is (its lexer is slow on
/// multi-megabyte strings).
public enum DOTScanner {
    public static func scan(_ text: String) -> DOTScan {
        var r = DOTScan()
        let bytes = Array(text.utf8)
        let n = bytes.count
        var i = 0, line = 1, depth = 0, braces = 0
        var lineStart = true, closed = false
        func note(stringOf length: Int, from startLine: Int) {
            if length > r.longestString { r.longestString = length; r.longestStringLine = startLine }
        }
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") { line += 1; lineStart = true; i += 1; continue }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { i += 1; continue }
            // Preprocessor-style lines (`# ...` at the start of a line) are comments in DOT.
            if lineStart && c == UInt8(ascii: "#") {
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            lineStart = false
            if c == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/") {
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if c == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i < n && !(bytes[i] == UInt8(ascii: "*") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")) {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                i += 2
                continue
            }
            if closed { r.textAfterFirstGraph = true }
            switch c {
            case UInt8(ascii: "\""):
                let start = i, startLine = line
                i += 1
                while i < n && bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += bytes[i] == UInt8(ascii: "\\") && i + 1 < n && bytes[i + 1] != UInt8(ascii: "\n") ? 2 : 1
                }
                note(stringOf: min(i, n) - start, from: startLine)
                i += 1
            case UInt8(ascii: "<") where depth > 0:
                // An HTML string: balanced angle brackets.
                let start = i, startLine = line
                var angle = 0
                while i < n {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    if bytes[i] == UInt8(ascii: "<") { angle += 1 }
                    if bytes[i] == UInt8(ascii: ">") { angle -= 1; if angle == 0 { i += 1; break } }
                    i += 1
                }
                note(stringOf: i - start, from: startLine)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if c == UInt8(ascii: "{") { braces += 1 }
                if depth > r.depth { r.depth = depth; r.depthLine = line }
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                if c == UInt8(ascii: "}") {
                    braces -= 1
                    if braces == 0 { closed = true }
                }
                i += 1
            default:
                i += 1
            }
        }
        return r
    }

    /// True when `text` holds something after the end of its first top-level `{ ... }` block.
    static func hasTextAfterFirstGraph(_ text: String) -> Bool { scan(text).textAfterFirstGraph }
}

/// A tiny DOT lexer that answers one question cgraph cannot: is there text after the first graph?
///
/// `agmemread` reads its input line by line; when a second graph starts on a later line, cgraph
/// stops after the first graph and the rest is silently dropped (draining with `agmemread("")`
/// only catches leftovers on the same line). This scanner skips comments, quoted strings and
/// HTML strings, follows brace depth, and reports whether anything but white space and comments
/// follows the first graph's closing brace. O(n), no allocation per character.
enum DOTScanner {
    /// True when `text` holds something after the end of its first top-level `{ ... }` block.
    static func hasTextAfterFirstGraph(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0, depth = 0, closed = false
        var lineStart = true
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            // Preprocessor-style lines (`# ...` at the start of a line) are comments in DOT.
            if lineStart && c == UInt8(ascii: "#") {
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if c == UInt8(ascii: "\n") { lineStart = true; i += 1; continue }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { i += 1; continue }
            lineStart = false
            if c == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/") {
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if c == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < n && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            }
            if closed { return true }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                while i < n && bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
            case UInt8(ascii: "<") where depth > 0:
                // An HTML string: balanced angle brackets.
                var angle = 0
                while i < n {
                    if bytes[i] == UInt8(ascii: "<") { angle += 1 }
                    if bytes[i] == UInt8(ascii: ">") { angle -= 1; if angle == 0 { i += 1; break } }
                    i += 1
                }
            case UInt8(ascii: "{"):
                depth += 1
                i += 1
            case UInt8(ascii: "}"):
                depth -= 1
                i += 1
                if depth == 0 { closed = true }
            default:
                i += 1
            }
        }
        return false
    }
}

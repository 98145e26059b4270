import OrgNet
internal import Yams

/// A YAML node together with the file it came from, so every error can say `file:line:column`.
///
/// orgnet reads datasets by walking Yams' node tree instead of `Codable`, because decoding
/// errors from `Codable` lose the position; users editing YAML by hand need the line.
struct YAMLValue {
    let node: Node
    let file: String

    var location: OrgNetError.Location {
        OrgNetError.Location(file: file, line: node.mark.map(\.line), column: node.mark.map(\.column))
    }

    func fail(_ message: String) -> OrgNetError {
        OrgNetError(.badData, message, at: location)
    }

    /// Parses a whole document; an empty document is an empty mapping.
    static func parse(_ text: String, file: String, limits: InputLimits = .default) throws(OrgNetError) -> YAMLValue {
        // libyaml and Yams' composer recurse once per nesting level: refuse absurd nesting first.
        let nesting = nestingDepth(text)
        if nesting.depth > maximumNesting {
            throw OrgNetError(
                .badData, "values nest \(nesting.depth)+ levels deep; the limit is \(maximumNesting)",
                at: .init(file: file, line: nesting.line))
        }
        if let alias = firstAlias(text) {
            throw OrgNetError(
                .badData, "YAML aliases (*\(alias.name)) are not supported in datasets; write the value out",
                at: .init(file: file, line: alias.line, column: alias.column))
        }
        let composed: Node?
        do {
            // The basic resolver (every scalar a string): orgnet reads scalars by their text, and the
            // default resolver's regexes made up half the start-up of every command (tag resolution
            // for Yams' duplicate-key check). Nulls are recognized by their text.
            composed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLValue.describe(error, file: file)
        } catch {
            throw OrgNetError(.badData, "cannot read YAML: \(error)", at: .init(file: file))
        }
        guard let node = composed else { return YAMLValue(node: .mapping(.init([])), file: file) }
        try checkSize(node, file: file, limits: limits)
        return YAMLValue(node: node, file: file)
    }

    /// The first alias (`*name`) of a document, outside quoted scalars and comments.
    ///
    /// Datasets never need aliases, and aliases are how a small file expands exponentially: Yams'
    /// composer hashes mapping keys, and an alias used as a key is hashed through its whole
    /// expansion before any budget can stop it (found by the YAML fuzz target). An alias is a `*`
    /// directly followed by an anchor character where a node may start: at the start of a line's
    /// content or after `[`, `{`, `,`, `:`, `-` or `?` and white space. In plain text (`5 * 3`,
    /// `a*b`) a `*` is not an alias, and YAML forbids plain scalars that start with `*`.
    static func firstAlias(_ text: String) -> (name: String, line: Int, column: Int)? {
        var line = 1, column = 0
        var inSingle = false, inDouble = false, inComment = false, escaped = false
        var previous: Character = "\n" // the last character other than a space or tab
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            column += 1
            defer { i += 1 }
            if c == "\n" {
                line += 1; column = 0; inComment = false; previous = "\n"
                continue
            }
            if inComment { continue }
            if inDouble {
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inDouble = false
                }
                continue
            }
            if inSingle {
                if c == "'" { inSingle = false }
                continue
            }
            if c == " " || c == "\t" { continue }
            if c == "#" && (i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t") { inComment = true; continue }
            let atNodeStart = "\n[{,:-?".contains(previous)
            if atNodeStart && c == "\"" { inDouble = true }
            if atNodeStart && c == "'" { inSingle = true }
            if atNodeStart && c == "*", i + 1 < chars.count, !" \t\n,[]{}".contains(chars[i + 1]) {
                var j = i + 1
                while j < chars.count, !" \t\n,[]{}".contains(chars[j]) { j += 1 }
                return (String(chars[(i + 1)..<j]), line, column)
            }
            previous = c
        }
        chars.removeAll()
        return nil
    }

    /// Deepest nesting of YAML collections accepted.
    static let maximumNesting = 64

    /// An upper bound on the nesting depth of `text`: flow brackets plus block indentation
    /// (one level per indent step, per `- ` and per `key:` opening a line), and the line where it peaks.
    static func nestingDepth(_ text: String) -> (depth: Int, line: Int) {
        var best = 0, bestLine = 1, line = 0
        var flow = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let bytes = Array(raw.utf8)
            var i = 0, indent = 0
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") { indent += 1; i += 1 }
            var dashes = 0
            while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ") {
                dashes += 1; i += 2
                while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
            }
            var inQuote: UInt8 = 0
            while i < bytes.count {
                let b = bytes[i]
                if inQuote != 0 {
                    if b == inQuote { inQuote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    inQuote = b
                } else if b == UInt8(ascii: "#") {
                    break
                } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    flow += 1
                } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                    flow = max(0, flow - 1)
                }
                i += 1
                let d = flow + dashes + indent / 2
                if d > best { best = d; bestLine = line }
            }
            let d = flow + dashes + indent / 2
            if d > best { best = d; bestLine = line }
        }
        return (best, bestLine)
    }

    /// Refuses documents whose aliases expand to too many values and scalars over the label limit.
    static func checkSize(_ root: Node, file: String, limits: InputLimits) throws(OrgNetError) {
        // Aliases share nodes, so a small file can stand for billions of values; walk with a budget.
        var budget = 4 * limits.maxTies + 8 * limits.maxNodes + 1_000_000
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            budget -= 1
            if budget < 0 {
                throw OrgNetError(
                    .badData,
                    "the document expands to too many values (aliases repeated?); the limit follows the node and tie limits",
                    at: .init(file: file, line: node.mark?.line))
            }
            switch node {
            case .scalar(let s):
                if s.string.utf8.count > limits.maxLabelLength, s.string.count > limits.maxLabelLength {
                    throw InputLimits.exceeded(
                        .labelLength, "a value is \(s.string.count) characters long", limit: limits.maxLabelLength,
                        at: .init(file: file, line: node.mark?.line, column: node.mark?.column))
                }
            case .mapping(let m): for (k, v) in m { stack.append(k); stack.append(v) }
            case .sequence(let q): stack.append(contentsOf: q)
            case .alias: break
            }
        }
    }

    private static func describe(_ error: YamlError, file: String) -> OrgNetError {
        func at(_ mark: Mark) -> OrgNetError.Location { .init(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let ctx = context.map { " (\($0.text))" } ?? ""
            return OrgNetError(.badData, "invalid YAML: \(problem)\(ctx)", at: at(mark))
        case let .reader(problem, offset, _, _):
            return OrgNetError(
                .badData, "invalid YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? ""); expected UTF-8 text",
                at: .init(file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            return OrgNetError(
                .badData, "duplicate key \(duplicates.joined(separator: ", ")) in a mapping",
                at: at(context.mark))
        default:
            return OrgNetError(.badData, "invalid YAML: \(error)", at: .init(file: file))
        }
    }

    func mapping(_ what: String) throws(OrgNetError) -> MappingReader {
        guard case .mapping(let m) = node else { throw fail("\(what) must be a mapping of `key: value` lines") }
        var pairs: [(String, YAMLValue, YAMLValue)] = []
        var seen: Set<String> = []
        for (k, v) in m {
            let key = YAMLValue(node: k, file: file)
            guard case .scalar(let s) = k else { throw key.fail("\(what): keys must be plain words") }
            if !seen.insert(s.string).inserted { throw key.fail("\(what): key '\(s.string)' appears twice") }
            pairs.append((s.string, YAMLValue(node: v, file: file), key))
        }
        return MappingReader(owner: self, what: what, pairs: pairs)
    }

    func list(_ what: String) throws(OrgNetError) -> [YAMLValue] {
        switch node {
        case .sequence(let seq): return seq.map { YAMLValue(node: $0, file: file) }
        case .scalar(let s) where s.string.isEmpty || isNull: return []
        default: throw fail("\(what) must be a list (lines starting with '- ')")
        }
    }

    private var scalar: Node.Scalar? {
        if case .scalar(let s) = node { return s }
        return nil
    }

    /// YAML's null (core schema: an empty plain scalar, `~`, `null`, `Null`, `NULL`): the one
    /// null rule of the reader, for lists, text and optional fields alike.
    var isNull: Bool {
        guard let s = scalar else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The type a free-form attribute value is written as: `long` for a plain whole number,
    /// `double` for a plain number with a fraction or exponent (or tagged `!!float`), `boolean`
    /// for plain `true`/`false`; nil for text (quoted, or anything else). Datasets thereby keep
    /// the declared types of imported attributes (``Timeline/attributeTypes``).
    var attributeType: String? {
        guard let s = scalar, !isNull else { return nil }
        if s.tag.rawValue == "tag:yaml.org,2002:float" { return Double(s.string) != nil ? "double" : nil }
        if s.tag.rawValue == "tag:yaml.org,2002:int" { return Int64(s.string) != nil ? "long" : nil }
        guard s.style == .plain else { return nil }
        if ["true", "false"].contains(s.string.lowercased()) { return "boolean" }
        if Int64(s.string) != nil { return "long" }
        if let d = Double(s.string), d.isFinite, s.string.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return "double"
        }
        return nil
    }

    func string(_ what: String) throws(OrgNetError) -> String {
        guard let s = scalar, !isNull else { throw fail("\(what) must be text") }
        return s.string
    }

    func double(_ what: String) throws(OrgNetError) -> Double {
        guard let s = scalar, let v = Double(s.string.replacingOccurrences(of: "_", with: "")), v.isFinite else {
            throw fail("\(what) must be a number, got '\(scalar?.string ?? "a list or mapping")'")
        }
        guard abs(v) <= 1e15 else { throw fail("\(what) is out of range (at most 1e15)") }
        return v
    }

    func int(_ what: String) throws(OrgNetError) -> Int {
        let v = try double(what)
        guard v.rounded() == v, abs(v) <= 1e12 else { throw fail("\(what) must be a whole number") }
        return Int(v)
    }

    func bool(_ what: String) throws(OrgNetError) -> Bool {
        guard let s = scalar else { throw fail("\(what) must be true or false") }
        switch s.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail("\(what) must be true or false, got '\(s.string)'")
        }
    }

    func month(_ what: String) throws(OrgNetError) -> Month {
        let text = try string(what)
        guard let m = Month(text) else { throw fail("\(what) must be a month YYYY-MM, got '\(text)'") }
        return m
    }

    func stringList(_ what: String) throws(OrgNetError) -> [String] {
        if case .scalar = node, !isNull { return [try string(what)] }
        var out: [String] = []
        for item in try list(what) { out.append(try item.string("each item of \(what)")) }
        return out
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ what: String, _: E.Type) throws(OrgNetError) -> E
    where E.RawValue == String {
        let text = try string(what)
        guard let v = E(rawValue: text) else {
            throw fail("\(what) must be one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'")
        }
        return v
    }
}

/// Reads the fields of one YAML mapping and rejects the ones nobody asked for (typos).
struct MappingReader {
    let owner: YAMLValue
    let what: String
    private let pairs: [(String, YAMLValue, YAMLValue)]
    private var used: Set<String> = []

    init(owner: YAMLValue, what: String, pairs: [(String, YAMLValue, YAMLValue)]) {
        self.owner = owner
        self.what = what
        self.pairs = pairs
    }

    var keys: [String] { pairs.map(\.0) }

    mutating func optional(_ key: String) -> YAMLValue? {
        used.insert(key)
        guard let v = pairs.first(where: { $0.0 == key })?.1 else { return nil }
        if v.isNull { return nil }
        return v
    }

    mutating func required(_ key: String) throws(OrgNetError) -> YAMLValue {
        guard let v = optional(key) else { throw owner.fail("\(what) needs a '\(key)' field") }
        return v
    }

    /// All entries, in file order, for free-form maps (`attributes`, `composition`).
    mutating func all() -> [(key: String, value: YAMLValue)] {
        for p in pairs { used.insert(p.0) }
        return pairs.map { ($0.0, $0.1) }
    }

    /// Fails on any key that was not read, listing the ones that are allowed.
    func finish(allowed: [String]) throws(OrgNetError) {
        for (key, _, keyNode) in pairs where !used.contains(key) {
            throw keyNode.fail("unknown field '\(key)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
        }
    }
}

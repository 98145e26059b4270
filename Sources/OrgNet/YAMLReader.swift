import Yams

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
    static func parse(_ text: String, file: String) throws(OrgNetError) -> YAMLValue {
        do {
            // The basic resolver (every scalar a string): orgnet reads scalars by their text, and the
            // default resolver's regexes made up half the start-up of every command (tag resolution
            // for Yams' duplicate-key check). Nulls are recognized by their text below.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return YAMLValue(node: .mapping(.init([])), file: file)
            }
            return YAMLValue(node: node, file: file)
        } catch let error as YamlError {
            throw YAMLValue.describe(error, file: file)
        } catch {
            throw OrgNetError(.badData, "cannot read YAML: \(error)", at: .init(file: file))
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
            return OrgNetError(.badData, "invalid YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? ""); expected UTF-8 text",
                               at: .init(file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            return OrgNetError(.badData, "duplicate key \(duplicates.joined(separator: ", ")) in a mapping",
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

    private var isNull: Bool {
        guard let s = scalar else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
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
        if case .scalar(let s) = v.node, s.style == .plain, ["", "~", "null"].contains(s.string) { return nil }
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

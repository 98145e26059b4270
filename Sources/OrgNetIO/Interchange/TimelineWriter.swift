import Foundation
import OrgNet

/// Writes a ``Timeline`` as a dataset folder in the documented YAML schema (`Graphs/README.md`),
/// which ``TimelineLoader/load(path:)`` reads back to the same model.
///
/// Layout: `dataset.yaml` (header), `sources.yaml`, `organizations.yaml`, `ties.yaml`,
/// `observations.yaml`, and `facts.yaml` when the timeline has facts. Every text is a
/// double-quoted YAML scalar, so no value can be mistaken for a number, a date or a keyword.
public enum TimelineWriter {
    /// The files of the dataset folder, `dataset.yaml` first.
    public static func files(for t: Timeline) -> [(name: String, text: String)] {
        let q = quote, num = Interchange.numberText
        var header = "# Written by orgnet from \(t.origin.replacingOccurrences(of: "\n", with: " ")).\n"
        header += "id: \(q(t.id))\ntitle: \(q(t.title))\n"
        if !t.description.isEmpty { header += "description: \(q(t.description))\n" }
        header += "calendar: \(t.calendar.rawValue)\n"
        if !t.isDirected { header += "directed: false\n" }
        if let roles = t.declaredInfluenceRoles {
            header += "influence_roles: [" + roles.map { q($0.rawValue) }.sorted().joined(separator: ", ") + "]\n"
        }
        header += "months: [" + t.months.map { q($0.description) }.joined(separator: ", ") + "]\n"
        header +=
            "parties:\n"
            + t.parties.map {
                "  - {id: \(q($0.id)), name: \(q($0.name))" + ($0.color.map { ", color: \(q($0))" } ?? "") + "}\n"
            }.joined()
        if t.parties.isEmpty { header = header.replacingOccurrences(of: "parties:\n", with: "parties: []\n") }
        header +=
            t.kinds.isEmpty
            ? "kinds: []\n"
            : "kinds:\n"
                + t.kinds.map {
                    "  - {id: \(q($0.id)), name: \(q($0.name)), level: \($0.level.rawValue)}\n"
                }.joined()
        if t.levels != Kind.Level.defaultOrder {
            header += "levels: [" + t.levels.map(\.rawValue).joined(separator: ", ") + "]\n"
        }
        header +=
            t.tieKinds.isEmpty
            ? "tie_kinds: []\n"
            : "tie_kinds:\n"
                + t.tieKinds.map {
                    "  - {id: \(q($0.id)), name: \(q($0.name)), role: \(q($0.role.rawValue))}\n"
                }.joined()

        var sources = "sources:\n"
        for s in t.sources {
            sources += "  - id: \(q(s.id))\n    title: \(q(s.title))\n    kind: \(s.kind.rawValue)\n"
            if let a = s.author { sources += "    author: \(q(a))\n" }
            if let u = s.url { sources += "    url: \(q(u))\n" }
        }
        if t.sources.isEmpty { sources = "sources: []\n" }

        func lifetime(_ l: Lifetime) -> String {
            var s = ""
            if let v = l.since { s += "    since: \(q(v.description))\n" }
            if let v = l.until { s += "    until: \(q(v.description))\n" }
            if let v = l.date { s += "    date: \(q(v))\n" }
            if l.precision != .month { s += "    precision: \(l.precision.rawValue)\n" }
            return s
        }
        func citations(_ cs: [Citation], indent: String) -> String {
            guard !cs.isEmpty else { return "" }
            return "\(indent)sources:\n"
                + cs.map { c in
                    var s = "\(indent)  - {ref: \(q(c.ref))"
                    if let at = c.at { s += ", at: \(q(at))" }
                    if !c.facts.isEmpty { s += ", facts: [" + c.facts.map(q).joined(separator: ", ") + "]" }
                    return s + "}\n"
                }.joined()
        }
        func provenance(_ p: Provenance, indent: String = "    ") -> String {
            var s = citations(p.sources, indent: indent)
            s += "\(indent)status: \(p.status.rawValue)\n"
            if let c = p.confidence { s += "\(indent)confidence: \(c.rawValue)\n" }
            if let n = p.note { s += "\(indent)note: \(q(n))\n" }
            return s
        }
        // Attributes of a declared type (``Timeline/attributeTypes``) are written as plain YAML
        // numbers and booleans, which the loader reads back as that type; a fractional type whose
        // value has no fraction is tagged `!!float`. Everything else is quoted text.
        let orgValues = Dictionary(grouping: t.organizations.flatMap(\.attributes), by: \.key).mapValues {
            $0.map(\.value)
        }
        let tieValues = Dictionary(grouping: t.ties.flatMap(\.attributes), by: \.key).mapValues { $0.map(\.value) }
        var types: [String: String] = [:]
        for (domain, values) in [("node", orgValues), ("edge", tieValues)] {
            for (name, vs) in values {
                types[domain + ":" + name] = Interchange.attributeType(name, domain: domain, values: vs, in: t)
            }
        }
        func typed(_ value: String, _ type: String?) -> String {
            let v = value.trimmingCharacters(in: .whitespaces)
            switch type {
            case "long"? where v == value: return v
            case "double"? where v == value:
                return v.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && !v.hasPrefix(".")
                    ? v : "!!float " + q(v)
            case "boolean"? where ["true", "false"].contains(v.lowercased()): return v
            default: return q(value)
            }
        }
        func attributes(_ a: [String: String], _ domain: String) -> String {
            guard !a.isEmpty else { return "" }
            return "    attributes:\n"
                + a.keys.sorted().map { "      \(q($0)): \(typed(a[$0]!, types[domain + ":" + $0]))\n" }.joined()
        }
        func composition(_ c: [PartyCount]) -> String {
            "{" + c.map { "\(q($0.party)): \(num($0.count))" }.joined(separator: ", ") + "}"
        }

        var orgs = t.organizations.isEmpty ? "organizations: []\n" : "organizations:\n"
        for o in t.organizations {
            orgs += "  - id: \(q(o.id))\n    name: \(q(o.name))\n"
            if let s = o.short { orgs += "    short: \(q(s))\n" }
            orgs += "    kind: \(q(o.kind))\n"
            if let p = o.parent { orgs += "    parent: \(q(p))\n" }
            orgs += lifetime(o.lifetime)
            if let a = o.aggregate { orgs += "    aggregate: \(a)\n" }
            orgs += attributes(o.attributes, "node") + provenance(o.provenance)
        }

        var ties = t.ties.isEmpty ? "ties: []\n" : "ties:\n"
        for e in t.ties {
            ties += "  - "
            if e.id != "\(e.from)->\(e.to)" { ties += "id: \(q(e.id))\n    " }
            ties += "from: \(q(e.from))\n    to: \(q(e.to))\n    role: \(q(e.kind ?? e.role.rawValue))\n"
            if let w = e.weight { ties += "    weight: \(num(w))\n" }
            if let u = e.upwardReason { ties += "    upward: \(q(u))\n" }
            if e.undirected { ties += "    undirected: true\n" }
            ties += lifetime(e.lifetime) + attributes(e.attributes, "edge") + provenance(e.provenance)
        }

        var obs = t.observations.isEmpty ? "observations: []\n" : "observations:\n"
        for o in t.observations {
            switch o.subject {
            case .organization(let id): obs += "  - org: \(q(id))\n"
            case .tie(let id): obs += "  - tie: \(q(id))\n"
            }
            obs += "    month: \(q(o.month.description))\n    quantity: \(q(o.quantity))\n"
            if let so = o.shareOf {
                obs += "    share: \(num(so.share))\n    of: \(q(so.of))\n"
            } else {
                obs += "    value: \(num(o.value))\n"
            }
            if o.approximate { obs += "    approximate: true\n" }
            if !o.composition.isEmpty { obs += "    composition: \(composition(o.composition))\n" }
            if !o.alternatives.isEmpty {
                obs += "    alternatives:\n"
                for a in o.alternatives {
                    obs += "      - "
                    var fields: [String] = []
                    if let v = a.value { fields.append("value: \(num(v))") }
                    if !a.composition.isEmpty { fields.append("composition: \(composition(a.composition))") }
                    fields.append("status: \(a.provenance.status.rawValue)")
                    if let c = a.provenance.confidence { fields.append("confidence: \(c.rawValue)") }
                    obs += fields.joined(separator: "\n        ") + "\n"
                    if let n = a.provenance.note { obs += "        note: \(q(n))\n" }
                    obs += citations(a.provenance.sources, indent: "        ")
                }
            }
            obs += provenance(o.provenance)
        }

        var out: [(name: String, text: String)] = [
            ("dataset.yaml", header), ("sources.yaml", sources),
            ("organizations.yaml", orgs), ("ties.yaml", ties),
            ("observations.yaml", obs),
        ]
        if !t.facts.isEmpty {
            var facts = "facts:\n"
            for f in t.facts {
                facts += "  - id: \(q(f.id))\n"
                if !f.encoded.isEmpty { facts += "    encoded: [" + f.encoded.map(q).joined(separator: ", ") + "]\n" }
                if let r = f.reason { facts += "    reason: \(q(r))\n" }
            }
            out.append(("facts.yaml", facts))
        }
        return out
    }

    /// Writes the dataset folder atomically: into a temporary folder beside `folder`, then renamed
    /// into place. An existing dataset folder (one holding `dataset.yaml`) or an empty folder is
    /// replaced; any other existing path is refused.
    public static func write(_ t: Timeline, to folder: String) throws(OrgNetError) {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            throw OrgNetError(
                .cannotWrite, "cannot write: the folder \(parent) does not exist", at: .init(file: folder))
        }
        var replacing = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir) {
            let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            guard isDir.boolValue, contents.isEmpty || contents.contains("dataset.yaml") else {
                throw OrgNetError(
                    .cannotWrite, "exists and is not a dataset folder; choose a new name", at: .init(file: folder))
            }
            replacing = true
        }
        let tag = "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))"
        let temp = (parent as NSString).appendingPathComponent(".\(url.lastPathComponent).\(tag).tmp")
        do {
            try fm.createDirectory(atPath: temp, withIntermediateDirectories: false)
        } catch {
            throw OrgNetError(.cannotWrite, "cannot create a temporary folder beside it", at: .init(file: folder))
        }
        for f in files(for: t) {
            guard fm.createFile(atPath: (temp as NSString).appendingPathComponent(f.name), contents: Data(f.text.utf8))
            else {
                try? fm.removeItem(atPath: temp)
                throw OrgNetError(
                    .cannotWrite, "cannot write \(f.name): permission denied or disk full", at: .init(file: folder))
            }
        }
        var old: String?
        if replacing {
            old = (parent as NSString).appendingPathComponent(".\(url.lastPathComponent).\(tag).old")
            if rename(url.path, old!) != 0 {
                try? fm.removeItem(atPath: temp)
                throw OrgNetError(
                    .cannotWrite, "cannot replace it: \(String(cString: strerror(errno)))", at: .init(file: folder))
            }
        }
        if rename(temp, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            if let old { _ = rename(old, url.path) }
            try? fm.removeItem(atPath: temp)
            throw OrgNetError(.cannotWrite, "cannot write: \(reason)", at: .init(file: folder))
        }
        if let old { try? fm.removeItem(atPath: old) }
    }

    /// A YAML double-quoted scalar: backslash, quote, and every control or line-separator character escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = s.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(v, radix: 16).count) + String(v, radix: 16)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}

import Foundation
import GraphKit

/// Makes a ``GraphSpec`` safe for Graphviz 2.42/2.43 layout, or refuses it.
///
/// Layout in these versions aborts or segfaults the whole process on some inputs
/// (docs/design.md §2), and a crash in-process cannot be caught, so ``GraphvizEngine`` runs
/// every spec through a validator before Graphviz sees it. Each repair is reported as a
/// ``Rewrite``; specs that cannot be repaired (too large, NUL characters) throw
/// `.unsafeSpec`.
///
/// Two kinds of rule: the crash-shape rules below always apply (they protect the process, not
/// the reader), and the untrusted-input rules (``Rules``: links, scripts and external
/// resources, `layout=`) apply by default and are the caller's choice: a program that draws
/// user data keeps them, a program that trusts its input may pass ``Rules/trustedInput``.
///
/// Measured on this machine with `dot` 2.43.0 in a throwaway subprocess, 25 random
/// org-chart-like graphs per shape (crash = SIGSEGV/SIGABRT):
/// - node in two clusters with `newrank=true`: 19/25 crashed (also without newrank some
///   runs failed); → keep the first cluster, always.
/// - edge weights 1e9 / 2^31-1: 20/25 crashed, one hung; with 1e6 and 1e4: 0/20. The
///   network simplex sums weights in `int`, so the cap is kept low (default 10,000).
/// - `nslimit1=0` with nested clusters: 10/25 crashed; `nslimit=0` alone did not. → any
///   non-positive `nslimit`/`nslimit1` is dropped.
/// - cluster + outside `rank=same`, `rank=same` across clusters, `concentrate=true`,
///   `splines=ortho`, `splines=curved`, `compound=true` + `rankdir=LR`, FIXEDSIZE HTML
///   cells: 0/25 crashed in these small random shapes, but docs/design.md §2 records crashes
///   on real org data, so they are rewritten anyway (the rewrites keep the drawing close).
public struct SpecValidator: Sendable {
    /// Size limits against hangs (docs/design.md §2: dot takes 6 s at 1,000 nodes of a
    /// federation, over 60 s at 2,000; a 1.7 MB graph hung).
    public struct Limits: Sendable, Hashable {
        /// Most nodes for the `dot` layout.
        public var maxDotNodes: Int
        /// Most nodes for the other layouts.
        public var maxNodes: Int
        /// Most edges.
        public var maxEdges: Int
        /// Most bytes of DOT text.
        public var maxBytes: Int
        /// Edge weights above this are clamped to it.
        public var maxEdgeWeight: Double
        /// Makes limits.
        public init(
            maxDotNodes: Int = 5_000, maxNodes: Int = 20_000, maxEdges: Int = 50_000,
            maxBytes: Int = 1_500_000, maxEdgeWeight: Double = 10_000
        ) {
            self.maxDotNodes = maxDotNodes
            self.maxNodes = maxNodes
            self.maxEdges = maxEdges
            self.maxBytes = maxBytes
            self.maxEdgeWeight = maxEdgeWeight
        }
        /// 5,000 nodes for dot, 20,000 otherwise, 50,000 edges, 1.5 MB, weights ≤ 10,000.
        public static let `default` = Limits()
    }

    /// Which safety rule made a rewrite.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// A node in a cluster and in a `rank` group outside it (docs/design.md §2, first shape).
        case clusterRankConflict
        /// A `rank` group whose nodes lie in two or more clusters.
        case rankSpansClusters
        /// A node in two clusters that are not nested.
        case nodeInTwoClusters
        /// `concentrate=true`.
        case concentrate
        /// An edge weight that is huge, negative or not a number.
        case edgeWeight
        /// `nslimit`/`nslimit1` zero or negative.
        case nslimit
        /// `splines=ortho` or `splines=curved`.
        case splines
        /// `compound=true` with `rankdir=LR`/`RL`.
        case compoundWithRankdir
        /// `FIXEDSIZE` in an HTML label.
        case htmlFixedSize
        /// Links, scripts and external resources that would reach the SVG: `URL`/`href`/`target`
        /// (and their edge/head/tail/label forms), `image`, `stylesheet`, any value starting with
        /// `javascript:`, `data:` or `vbscript:`, and `HREF`/`URL`/`TARGET`/`IMG` in HTML labels.
        case activeContent
        /// A `layout` graph attribute: the caller's layout engine decides, and the checks are made for it.
        case layoutAttribute

        /// True for the rules that rewrite a shape that crashes Graphviz (docs/design.md §2); these
        /// always apply. False for ``activeContent`` and ``layoutAttribute``, which ``Rules`` selects.
        public var isCrashShape: Bool { self != .activeContent && self != .layoutAttribute }
    }

    /// The untrusted-input rules a validator applies on top of the crash-shape rules, which
    /// always apply.
    ///
    /// Stripping links and scripts is policy, not safety: an SVG of a user's file must not carry
    /// the user's `javascript:` URLs into a browser, but a program that draws its own graphs may
    /// want its links kept. The choice belongs to the caller (OrgNetRender passes
    /// ``untrustedInput`` for user data).
    public struct Rules: OptionSet, Sendable, Hashable {
        /// The bits.
        public let rawValue: Int
        /// Makes a set of rules from bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// ``Rule/activeContent``: drop links, scripts and external resources.
        public static let stripActiveContent = Rules(rawValue: 1 << 0)
        /// ``Rule/layoutAttribute``: drop a `layout=` graph attribute, so the caller's engine (the
        /// one the size checks were made for) lays the graph out.
        public static let dropLayoutAttribute = Rules(rawValue: 1 << 1)
        /// Every untrusted-input rule: for input a user supplied (the default).
        public static let untrustedInput: Rules = [.stripActiveContent, .dropLayoutAttribute]
        /// No untrusted-input rule: only the crash-shape rules, for input the caller trusts.
        public static let trustedInput: Rules = []
    }

    /// One repair the validator made.
    public struct Rewrite: Sendable, Hashable, CustomStringConvertible {
        /// The rule that fired.
        public var rule: Rule
        /// What was changed, naming the objects.
        public var message: String
        /// Makes a note.
        public init(rule: Rule, message: String) { self.rule = rule; self.message = message }
        /// `rule: message`.
        public var description: String { "\(rule.rawValue): \(message)" }
    }

    /// A spec that passed validation, and the repairs made to it.
    public struct Validated: Sendable, Hashable {
        /// The safe spec.
        public var spec: GraphSpec
        /// The repairs, in the order they were made.
        public var rewrites: [Rewrite]
    }

    /// The limits applied.
    public var limits: Limits
    /// The untrusted-input rules applied besides the crash-shape rules.
    public var rules: Rules

    /// Makes a validator; by default every untrusted-input rule applies.
    public init(limits: Limits = .default, rules: Rules = .untrustedInput) {
        self.limits = limits
        self.rules = rules
    }

    /// Returns a safe version of `spec` for `layout`, or throws `.unsafeSpec`.
    public func validate(_ spec: GraphSpec, layout: LayoutEngine = .dot) throws(GraphvizError) -> Validated {
        var s = spec
        var notes: [Rewrite] = []
        try checkNUL(s)
        try checkSize(s, layout: layout)

        if rules.contains(.stripActiveContent) { stripActiveContent(&s, notes: &notes) }
        fixGraphAttributes(&s.attributes, notes: &notes)
        fixWeights(&s, notes: &notes)
        stripFixedSize(&s, notes: &notes)
        s.subgraphs = s.subgraphs.map(Self.normalizedMembership)
        fixClusterMembership(&s, notes: &notes)
        fixRankGroups(&s, notes: &notes)

        let bytes = s.dotText.utf8.count
        if bytes > limits.maxBytes {
            throw GraphvizError(
                code: .unsafeSpec,
                message:
                    "the graph's DOT text is \(bytes) bytes; the limit is \(limits.maxBytes) (large graphs hang layout)",
                exceededLimit: .bytes, size: bytes, limit: limits.maxBytes)
        }
        return Validated(spec: s, rewrites: notes)
    }

    // MARK: refusals

    private func checkNUL(_ s: GraphSpec) throws(GraphvizError) {
        func bad(_ t: String) -> Bool { t.contains("\0") }
        func badAttrs(_ a: Attributes) -> Bool { a.contains { bad($0.key) || bad($0.value.string) } }
        let found =
            bad(s.name) || badAttrs(s.attributes) || badAttrs(s.nodeDefaults) || badAttrs(s.edgeDefaults)
            || s.nodes.contains { bad($0.id) || badAttrs($0.attributes) }
            || s.edges.contains { bad($0.tail) || bad($0.head) || bad($0.key ?? "") || badAttrs($0.attributes) }
            || s.allSubgraphs.contains { bad($0.name) || badAttrs($0.attributes) || $0.nodeIDs.contains(where: bad) }
        if found {
            throw GraphvizError(
                code: .unsafeSpec, message: "the graph contains a NUL character, which C strings cannot carry")
        }
    }

    private func checkSize(_ s: GraphSpec, layout: LayoutEngine) throws(GraphvizError) {
        var ids = Set(s.nodes.map(\.id))
        for e in s.edges { ids.insert(e.tail); ids.insert(e.head) }
        for sub in s.allSubgraphs { ids.formUnion(sub.nodeIDs) }
        let maxNodes = layout == .dot ? limits.maxDotNodes : limits.maxNodes
        if ids.count > maxNodes {
            throw GraphvizError(
                code: .unsafeSpec,
                message:
                    "the graph has \(ids.count) nodes; the limit for \(layout.rawValue) is \(maxNodes) (larger graphs take minutes or hang)",
                exceededLimit: .nodes, size: ids.count, limit: maxNodes)
        }
        if s.edges.count > limits.maxEdges {
            throw GraphvizError(
                code: .unsafeSpec, message: "the graph has \(s.edges.count) edges; the limit is \(limits.maxEdges)",
                exceededLimit: .edges, size: s.edges.count, limit: limits.maxEdges)
        }
    }

    // MARK: attribute rules

    private func fixGraphAttributes(_ a: inout Attributes, notes: inout [Rewrite]) {
        if rules.contains(.dropLayoutAttribute), let v = a["layout"] {
            a["layout"] = nil
            notes.append(
                Rewrite(
                    rule: .layoutAttribute,
                    message: "dropped layout=\(v.string) (the layout is chosen by the caller, and checked for it)"))
        }
        if let v = a["concentrate"], GraphvizEngine.isTrue(v.string) {
            a["concentrate"] = nil
            notes.append(
                Rewrite(
                    rule: .concentrate, message: "dropped concentrate=\(v.string) (edge concentration crashes layout)"))
        }
        if let v = a["splines"]?.string.lowercased(), v == "ortho" || v == "curved" {
            a["splines"] = "true"
            notes.append(
                Rewrite(rule: .splines, message: "splines=\(v) rewritten to splines=true (\(v) crashes layout)"))
        }
        for key in ["nslimit", "nslimit1"] {
            if let v = a[key] {
                let n = Double(v.string.trimmingCharacters(in: .whitespaces))
                if n == nil || !(n! > 0) || !n!.isFinite {
                    a[key] = nil
                    notes.append(
                        Rewrite(
                            rule: .nslimit,
                            message:
                                "dropped \(key)=\(v.string) (non-positive limits crash layout with nested clusters)"))
                }
            }
        }
    }

    private func fixWeights(_ s: inout GraphSpec, notes: inout [Rewrite]) {
        let compound = s.attributes["compound"].map { GraphvizEngine.isTrue($0.string) } ?? false
        let rankdir = s.attributes["rankdir"]?.string.uppercased() ?? ""
        if compound && (rankdir == "LR" || rankdir == "RL") {
            s.attributes["compound"] = nil
            s.edgeDefaults["lhead"] = nil
            s.edgeDefaults["ltail"] = nil
            for i in s.edges.indices {
                s.edges[i].attributes["lhead"] = nil
                s.edges[i].attributes["ltail"] = nil
            }
            notes.append(
                Rewrite(
                    rule: .compoundWithRankdir,
                    message:
                        "dropped compound=true and lhead/ltail (compound edges crash layout with rankdir=\(rankdir))"))
        }
        if let note = fixWeight(&s.edgeDefaults, what: "edge defaults") { notes.append(note) }
        for i in s.edges.indices {
            let e = s.edges[i]
            if let note = fixWeight(&s.edges[i].attributes, what: "edge \(e.tail) -> \(e.head)") { notes.append(note) }
        }
    }

    private func fixWeight(_ a: inout Attributes, what: String) -> Rewrite? {
        guard let raw = a["weight"]?.string else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let w = Double(trimmed), w.isFinite, w >= 0 else {
            a["weight"] = nil
            return Rewrite(rule: .edgeWeight, message: "dropped weight=\(raw) of \(what) (not a non-negative number)")
        }
        if w > limits.maxEdgeWeight {
            a["weight"] = .text(NumberText.exact(limits.maxEdgeWeight))
            return Rewrite(
                rule: .edgeWeight,
                message:
                    "clamped weight=\(raw) of \(what) to \(NumberText.exact(limits.maxEdgeWeight)) (huge weights crash layout)"
            )
        }
        return nil
    }

    /// Deletes every match of `pattern` from `html`. The patterns are regex literals, checked when
    /// the module compiles, so no pattern can fail at run time and silently stop a rule; they
    /// match Unicode scalars, as cgraph reads bytes, so a combining mark cannot hide a quote.
    private static func deleting(_ pattern: Regex<Substring>, from html: String) -> String {
        html.replacing(pattern.ignoresCase().matchingSemantics(.unicodeScalar), with: "")
    }

    private func stripFixedSize(_ s: inout GraphSpec, notes: inout [Rewrite]) {
        var count = 0
        func fix(_ a: inout Attributes) {
            for (k, v) in a {
                guard case .html(let html) = v, html.range(of: "fixedsize", options: .caseInsensitive) != nil else {
                    continue
                }
                let stripped = Self.deleting(#/\s+fixedsize\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>\/]+)/#, from: html)
                if stripped != html { a[k] = .html(stripped); count += 1 }
            }
        }
        fix(&s.attributes); fix(&s.nodeDefaults); fix(&s.edgeDefaults)
        for i in s.nodes.indices { fix(&s.nodes[i].attributes) }
        for i in s.edges.indices { fix(&s.edges[i].attributes) }
        func walk(_ subs: inout [GraphSpec.Subgraph]) {
            for i in subs.indices { fix(&subs[i].attributes); walk(&subs[i].subgraphs) }
        }
        walk(&s.subgraphs)
        if count > 0 {
            notes.append(
                Rewrite(
                    rule: .htmlFixedSize,
                    message: "stripped FIXEDSIZE from \(count) HTML label(s) (narrow fixed-size cells crash layout)"))
        }
    }

    // MARK: active content

    /// Attributes that make Graphviz write links, external resources or file contents into the
    /// output (SVG `<a xlink:href>`, `<image>`, `<?xml-stylesheet?>`); lower-cased.
    public static let linkAttributes: Set<String> = [
        "url", "href", "target", "edgeurl", "edgehref", "edgetarget", "headurl", "headhref", "headtarget",
        "tailurl", "tailhref", "tailtarget", "labelurl", "labelhref", "labeltarget",
        "image", "imagepath", "shapefile", "stylesheet", "fontpath", "xlink:href",
    ]

    /// True for a value a browser would run or load inline: `javascript:`, `vbscript:` or a
    /// `data:` URL (`data:[type][;base64],...`), in any case, after leading white space and control
    /// characters and ignoring tabs and newlines inside (browsers skip those too). "Data: 1917" is text.
    public static func isScriptURL(_ value: String) -> Bool {
        var head = ""
        var started = false
        for u in value.unicodeScalars {
            if !started && (u.value <= 0x20 || u == "\u{7F}") { continue }
            if u == "\t" || u == "\n" || u == "\r" { continue }
            started = true
            head.unicodeScalars.append(u)
            if head.unicodeScalars.count >= 128 { break }
        }
        let lower = head.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") { return true }
        guard lower.hasPrefix("data:") else { return false }
        // A data URL's media type runs to the first comma without spaces.
        let rest = lower.dropFirst(5)
        guard let comma = rest.firstIndex(of: ",") else { return rest.count >= 123 && !rest.contains(" ") }
        return !rest[..<comma].contains(" ")
    }

    /// The ``Rule/activeContent`` rule: drops link and resource attributes and script URLs from
    /// every attribute list, and links and images from HTML labels. Text is left to Graphviz,
    /// which escapes it in SVG (`<`, `>`, `&`, quotes, `-` in comments).
    private func stripActiveContent(_ s: inout GraphSpec, notes: inout [Rewrite]) {
        var dropped: [String] = []
        func fix(_ a: inout Attributes, _ owner: String) {
            for (k, v) in a {
                if Self.linkAttributes.contains(k.lowercased()) || Self.isScriptURL(v.string) {
                    a[k] = nil
                    dropped.append("\(k) of \(owner)")
                    continue
                }
                if case .html(let html) = v {
                    var cleaned = Self.deleting(
                        #/\s+(?:href|url|target)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>\/]+)/#, from: html)
                    cleaned = Self.deleting(#/<\s*img\b[^>]*>(?:\s*<\s*\/\s*img\s*>)?/#, from: cleaned)
                    if cleaned != html {
                        a[k] = .html(cleaned); dropped.append("links or images in the HTML \(k) of \(owner)")
                    }
                }
            }
        }
        fix(&s.attributes, "the graph"); fix(&s.nodeDefaults, "the node defaults");
        fix(&s.edgeDefaults, "the edge defaults")
        for i in s.nodes.indices { fix(&s.nodes[i].attributes, "node \(s.nodes[i].id)") }
        for i in s.edges.indices { fix(&s.edges[i].attributes, "edge \(s.edges[i].tail) -> \(s.edges[i].head)") }
        func walk(_ subs: inout [GraphSpec.Subgraph]) {
            for i in subs.indices { fix(&subs[i].attributes, "subgraph \(subs[i].name)"); walk(&subs[i].subgraphs) }
        }
        walk(&s.subgraphs)
        if !dropped.isEmpty {
            let shown =
                dropped.prefix(5).joined(separator: ", ") + (dropped.count > 5 ? " and \(dropped.count - 5) more" : "")
            notes.append(
                Rewrite(
                    rule: .activeContent,
                    message: "dropped \(shown) (links, scripts and external resources are not drawn)"))
        }
    }

    // MARK: cluster rules

    /// A subgraph's nodes include its nested subgraphs' nodes (DOT semantics); make the
    /// lists say so, appending missing ids, so the cluster rules see true membership.
    static func normalizedMembership(_ sub: GraphSpec.Subgraph) -> GraphSpec.Subgraph {
        var s = sub
        s.subgraphs = s.subgraphs.map(normalizedMembership)
        var seen = Set(s.nodeIDs)
        for child in s.subgraphs {
            for id in child.nodeIDs where !seen.contains(id) {
                s.nodeIDs.append(id)
                seen.insert(id)
            }
        }
        return s
    }

    /// Removes `ids` from `sub` and all its descendants.
    static func remove(_ ids: Set<String>, from sub: inout GraphSpec.Subgraph) {
        sub.nodeIDs.removeAll { ids.contains($0) }
        for i in sub.subgraphs.indices { remove(ids, from: &sub.subgraphs[i]) }
    }

    /// Shape (c): a node in two clusters that are not nested keeps only the first (pre-order).
    private func fixClusterMembership(_ s: inout GraphSpec, notes: inout [Rewrite]) {
        var owner: [String: [Int]] = [:]
        var owningName: [String: String] = [:]
        func visit(_ subs: inout [GraphSpec.Subgraph], path: [Int]) {
            for i in subs.indices {
                let p = path + [i]
                if subs[i].isCluster {
                    var conflicts: [String] = []
                    for id in subs[i].nodeIDs {
                        if let o = owner[id], !p.starts(with: o) {
                            if !conflicts.contains(id) { conflicts.append(id) }
                        } else {
                            owner[id] = p
                            owningName[id] = subs[i].name
                        }
                    }
                    if !conflicts.isEmpty {
                        Self.remove(Set(conflicts), from: &subs[i])
                        for id in conflicts {
                            notes.append(
                                Rewrite(
                                    rule: .nodeInTwoClusters,
                                    message:
                                        "node \(id) removed from \(subs[i].name); it stays in \(owningName[id] ?? "its first cluster") (a node in two clusters crashes layout)"
                                ))
                        }
                    }
                }
                visit(&subs[i].subgraphs, path: p)
            }
        }
        visit(&s.subgraphs, path: [])
    }

    /// Shapes (a) and (b): a `rank` group (non-cluster subgraph with a `rank` attribute)
    /// may only hold nodes whose innermost cluster is the group's own enclosing cluster.
    /// Nodes of deeper clusters move into a copy of the group inside their cluster (one
    /// per cluster, when at least two nodes share it; a lone node just leaves the group).
    private func fixRankGroups(_ s: inout GraphSpec, notes: inout [Rewrite]) {
        // Innermost cluster of every node (paths), after fixClusterMembership.
        var innermost: [String: [Int]] = [:]
        var clusterNames: [[Int]: String] = [[]: "the root graph"]
        var groups: [(path: [Int], enclosing: [Int])] = []
        func scan(_ subs: [GraphSpec.Subgraph], path: [Int], enclosing: [Int]) {
            for (i, sub) in subs.enumerated() {
                let p = path + [i]
                if sub.isCluster {
                    clusterNames[p] = sub.name
                    for id in sub.nodeIDs where (innermost[id]?.count ?? -1) < p.count { innermost[id] = p }
                    scan(sub.subgraphs, path: p, enclosing: p)
                } else {
                    if sub.attributes["rank"] != nil { groups.append((p, enclosing)) }
                    scan(sub.subgraphs, path: p, enclosing: enclosing)
                }
            }
        }
        scan(s.subgraphs, path: [], enclosing: [])

        var additions: [(cluster: [Int], group: GraphSpec.Subgraph)] = []
        for (path, enclosing) in groups {
            let group = Self.subgraph(in: s.subgraphs, at: path)
            var byTarget: [[Int]: [String]] = [:]
            var targetsInOrder: [[Int]] = []
            for id in group.nodeIDs {
                let target = innermost[id] ?? []
                guard target != enclosing, target.starts(with: enclosing) else { continue }
                if byTarget[target] == nil { targetsInOrder.append(target) }
                byTarget[target, default: []].append(id)
            }
            guard !targetsInOrder.isEmpty else { continue }
            let moved = Set(byTarget.values.flatMap { $0 })
            Self.modify(&s.subgraphs, at: path) { Self.remove(moved, from: &$0) }
            let keptAtLevel = group.nodeIDs.contains { !moved.contains($0) }
            let rule: Rule = (!keptAtLevel && targetsInOrder.count >= 2) ? .rankSpansClusters : .clusterRankConflict
            let rank = group.attributes["rank"]?.string ?? "same"
            for target in targetsInOrder {
                let ids = byTarget[target] ?? []
                let cluster = clusterNames[target] ?? "a cluster"
                if ids.count >= 2 {
                    additions.append((target, GraphSpec.Subgraph(name: "", attributes: group.attributes, nodeIDs: ids)))
                    notes.append(
                        Rewrite(
                            rule: rule,
                            message:
                                "rank=\(rank) group of \(ids.joined(separator: ", ")) moved into \(cluster) (a rank group crossing a cluster boundary crashes layout)"
                        ))
                } else {
                    notes.append(
                        Rewrite(
                            rule: rule,
                            message:
                                "node \(ids.joined()) of \(cluster) dropped from a rank=\(rank) group outside it (crashes layout)"
                        ))
                }
            }
        }
        for (cluster, group) in additions {
            Self.modify(&s.subgraphs, at: cluster) { $0.subgraphs.append(group) }
        }
    }

    static func subgraph(in subs: [GraphSpec.Subgraph], at path: [Int]) -> GraphSpec.Subgraph {
        var current = subs[path[0]]
        for i in path.dropFirst() { current = current.subgraphs[i] }
        return current
    }

    static func modify(_ subs: inout [GraphSpec.Subgraph], at path: [Int], _ change: (inout GraphSpec.Subgraph) -> Void)
    {
        guard let first = path.first else { return }
        if path.count == 1 {
            change(&subs[first])
        } else {
            modify(&subs[first].subgraphs, at: Array(path.dropFirst()), change)
        }
    }
}

/// Checks a loaded timeline for consistency beyond the schema: what `orgnet check` reports.
///
/// Errors make a dataset invalid (exit 65): ties outside their ends' lifetimes, inverted lifetimes,
/// delegation cycles, compositions larger than the body, fact references that resolve to nothing,
/// declared sums that do not hold, and authority ties that run against the federation: from a
/// lower kind level to a higher one (by the dataset's ``Timeline/levels``; `other` is never
/// compared), or on a directed cycle of authority and delegation ties in some month. Such a tie
/// passes only with a stated exception (``Tie/upwardReason``, the dataset's `upward: REASON`);
/// a note does not count. Warnings are shown but pass: missing sources, children alive
/// before their parent, observations outside their subject's lifetime.
public struct DatasetChecker: Sendable {
    /// One finding.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Severity: String, Sendable, Hashable { case error, warning }
        public var severity: Severity
        public var message: String
        public var location: OrgNetError.Location?
        public var description: String {
            (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
        }
    }

    /// The outcome: findings plus the summary counts.
    public struct Report: Sendable {
        public var findings: [Finding]
        public var organizations: Int
        public var ties: Int
        public var observations: Int
        /// Elements (organizations, ties, observations) by status.
        public var byStatus: [Status: Int]
        /// Elements by confidence.
        public var byConfidence: [Confidence: Int]
        /// Elements with no confidence recorded (read as certain).
        public var certain: Int
        /// Facts listed as encoded (with at least one reference) and facts listed with a reason only.
        public var factsEncoded: Int
        public var factsExplained: Int
        public var errors: [Finding] { findings.filter { $0.severity == .error } }
        public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    }

    public init() {}

    public func check(_ t: Timeline) -> Report {
        var findings: [Finding] = []
        func add(_ s: Finding.Severity, _ m: String, _ key: String?) {
            findings.append(Finding(severity: s, message: m, location: key.flatMap { t.locations[$0] }))
        }
        let first = t.months.first, last = t.months.last
        func clamp(_ l: Lifetime) -> (Month?, Month?) { (l.since ?? first, l.until ?? last) }

        for o in t.organizations {
            let key = "org:" + o.id
            if let s = o.lifetime.since, let u = o.lifetime.until, s > u {
                add(.error, "organization \(o.id) ends (\(u)) before it begins (\(s))", key)
            }
            if o.provenance.sources.isEmpty { add(.warning, "organization \(o.id) has no sources", key) }
            if let p = o.parent, let parent = t.organization(p) {
                let (cs, cu) = clamp(o.lifetime), (ps, pu) = clamp(parent.lifetime)
                if let cs, let ps, cs < ps {
                    add(.warning, "\(o.id) exists from \(cs), before its parent \(p) (from \(ps))", key)
                }
                if let cu, let pu, cu > pu {
                    add(.warning, "\(o.id) lasts until \(cu), after its parent \(p) (until \(pu))", key)
                }
            }
        }
        for tie in t.ties {
            let key = "tie:" + tie.id
            if let s = tie.lifetime.since, let u = tie.lifetime.until, s > u {
                add(.error, "tie \(tie.id) ends (\(u)) before it begins (\(s))", key)
            }
            if tie.provenance.sources.isEmpty { add(.warning, "tie \(tie.id) has no sources", key) }
            if tie.from == tie.to && tie.role == .delegation {
                add(.error, "tie \(tie.id) delegates a body to itself", key)
            }
            for end in [tie.from, tie.to] {
                guard let o = t.organization(end) else { continue }
                let (ts, tu) = clamp(tie.lifetime), (os, ou) = clamp(o.lifetime)
                if let ts, let os, ts < os {
                    add(
                        .error, "tie \(tie.id) begins \(ts), before \(end) exists (from \(os)); expected since ≥ \(os)",
                        key)
                }
                if let tu, let ou, tu > ou {
                    add(
                        .error, "tie \(tie.id) lasts until \(tu), after \(end) ends (\(ou)); expected until ≤ \(ou)",
                        key)
                }
            }
        }
        for (i, obs) in t.observations.enumerated() {
            let key = "obs:\(i)"
            if obs.provenance.sources.isEmpty { add(.warning, "observation \(obs.reference) has no sources", key) }
            let total = obs.composition.reduce(0) { $0 + $1.count }
            if !obs.composition.isEmpty && total > obs.value * 1.000001 && obs.quantity != "share" {
                add(
                    .error,
                    "observation \(obs.reference): the composition adds up to \(total), more than the value \(obs.value)",
                    key)
            }
            for alt in obs.alternatives {
                let at = alt.composition.reduce(0) { $0 + $1.count }
                if let v = alt.value, at > v * 1.000001 {
                    add(
                        .error,
                        "observation \(obs.reference): an alternative's composition adds up to \(at), more than its value \(v)",
                        key)
                }
            }
            switch obs.subject {
            case .organization(let id):
                if let o = t.organization(id), !o.lifetime.contains(obs.month) {
                    add(
                        .warning, "observation \(obs.reference) is dated outside \(id)'s lifetime (\(o.lifetime.text))",
                        key)
                }
            case .tie(let id):
                if let tie = t.tie(id), !tie.lifetime.contains(obs.month) {
                    add(
                        .warning,
                        "observation \(obs.reference) is dated outside tie \(id)'s lifetime (\(tie.lifetime.text))", key
                    )
                }
            }
            if !t.months.isEmpty, let f = first, let l = last, obs.month < f || obs.month > l {
                add(.warning, "observation \(obs.reference) is dated outside the dataset's months (\(f) – \(l))", key)
            }
        }
        for tie in t.ties where tie.role == .authority && tie.upwardReason == nil {
            guard let a = t.organization(tie.from), let b = t.organization(tie.to),
                let ra = t.levelRank(ofKind: a.kind), let rb = t.levelRank(ofKind: b.kind), ra < rb
            else { continue }
            add(
                .error,
                "authority tie \(tie.id) runs upward, from \(tie.from) (level \(t.levels[ra].rawValue)) to \(tie.to) (level \(t.levels[rb].rawValue)); expected a tie from a higher level down, a different role (e.g. convenes, support), or 'upward: REASON'",
                "tie:" + tie.id)
        }
        var reportedCycles = Set<String>()
        for month in t.months {
            for (tie, path) in authorityCycles(in: t.snapshot(at: month)) where !reportedCycles.contains(tie.id) {
                reportedCycles.insert(tie.id)
                add(
                    .error,
                    "authority tie \(tie.id) lies on a cycle of authority and delegation ties in \(month): "
                        + path.joined(separator: " → ") + "; expected no cycle, or 'upward: REASON' on the tie",
                    "tie:" + tie.id)
            }
        }
        for month in t.months {
            if let cycle = delegationCycle(in: t.snapshot(at: month)) {
                add(
                    .error, "delegation cycle in \(month): " + cycle.joined(separator: " → "),
                    "tie:" + (cycle.count > 1 ? "\(cycle[0])->\(cycle[1])" : ""))
            }
        }
        let references = Set(t.organizations.map(\.id)).union(t.ties.map { "tie:" + $0.id }).union(
            t.observations.map(\.reference))
        for fact in t.facts {
            for ref in fact.encoded where !references.contains(ref) {
                add(.error, "fact \(fact.id) is mapped to \(ref), which is not in the data", "fact:" + fact.id)
            }
        }
        for check in t.sumChecks {
            let key = "check:" + check.id
            guard let total = t.number(at: check.total) else {
                add(.error, "check \(check.id): total \(check.total) resolves to no number", key); continue
            }
            var sum = 0.0
            var missing: [String] = []
            for part in check.parts {
                if let v = t.number(at: part) { sum += v } else { missing.append(part) }
            }
            if !missing.isEmpty {
                add(.error, "check \(check.id): \(missing.joined(separator: ", ")) resolve to no number", key); continue
            }
            let diff = abs(sum - total)
            if diff > check.tolerance * abs(total) + 1e-9 {
                add(
                    .error,
                    "check \(check.id): the parts add up to \(sum), the total is \(total); the difference \(diff) exceeds the tolerance of \(check.tolerance * 100)%",
                    key)
            }
        }
        var byStatus: [Status: Int] = [:], byConfidence: [Confidence: Int] = [:], certain = 0
        let provenances =
            t.organizations.map { ("organization " + $0.id, "org:" + $0.id, $0.provenance) }
            + t.ties.map { ("tie " + $0.id, "tie:" + $0.id, $0.provenance) }
            + t.observations.enumerated().map { ("observation " + $1.reference, "obs:\($0)", $1.provenance) }
        for (what, key, p) in provenances {
            byStatus[p.status, default: 0] += 1
            if let c = p.confidence {
                byConfidence[c, default: 0] += 1
            } else {
                certain += 1
                // A dataset states how sure it is of each element; none recorded reads as certain.
                add(
                    .warning, "\(what) has no confidence (read as certain); expected confidence: high, medium or low",
                    key)
            }
        }
        return Report(
            findings: findings, organizations: t.organizations.count, ties: t.ties.count,
            observations: t.observations.count, byStatus: byStatus, byConfidence: byConfidence, certain: certain,
            factsEncoded: t.facts.filter { !$0.encoded.isEmpty }.count,
            factsExplained: t.facts.filter { $0.encoded.isEmpty }.count)
    }

    /// The authority ties of a snapshot without ``Tie/upwardReason`` that lie on a directed cycle of
    /// authority and delegation ties, each with one such cycle (organization ids, the tie's `from`
    /// first and last). Strongly connected components by Tarjan's algorithm (iterative), O(V + E);
    /// a tie is on a cycle exactly when both ends are in one component (or it is a self-loop).
    public func authorityCycles(in s: Snapshot) -> [(tie: Tie, path: [String])] {
        let ids = s.organizations.map(\.id)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        let n = ids.count
        var next = [[Int]](repeating: [], count: n)
        for tie in s.ties where tie.role == .authority || tie.role == .delegation {
            guard let a = index[tie.from], let b = index[tie.to] else { continue }
            next[a].append(b)
        }
        // Tarjan: order[v] = discovery number, low[v] = lowest reachable discovery number on the stack.
        var order = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var component = [Int](repeating: -1, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = [], counter = 0, components = 0
        for root in 0..<n where order[root] < 0 {
            var work: [(Int, Int)] = [(root, 0)]
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (v, i) = work.last {
                if i < next[v].count {
                    work[work.count - 1].1 += 1
                    let w = next[v][i]
                    if order[w] < 0 {
                        order[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                } else {
                    work.removeLast()
                    if let (u, _) = work.last { low[u] = min(low[u], low[v]) }
                    if low[v] == order[v] {
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component[w] = components
                            if w == v { break }
                        }
                        components += 1
                    }
                }
            }
        }
        var out: [(tie: Tie, path: [String])] = []
        for tie in s.ties where tie.role == .authority && tie.upwardReason == nil {
            guard let a = index[tie.from], let b = index[tie.to] else { continue }
            if a == b { out.append((tie, [tie.from, tie.from])); continue }
            guard component[a] == component[b] else { continue }
            // A shortest way back from `to` to `from` inside the component (breadth first).
            var previous: [Int: Int] = [b: b]
            var queue = [b], head = 0
            while head < queue.count, previous[a] == nil {
                let v = queue[head]; head += 1
                for w in next[v] where component[w] == component[a] && previous[w] == nil {
                    previous[w] = v
                    queue.append(w)
                }
            }
            var back: [String] = []
            var cur = a
            while cur != b { back.append(ids[cur]); cur = previous[cur]! }
            out.append((tie, [tie.from, ids[b]] + back.reversed()))
        }
        return out
    }

    /// A cycle of delegation ties in a snapshot (ids in order, first repeated at the end), or nil.
    /// Iterative depth-first search with colours, O(V + E).
    public func delegationCycle(in s: Snapshot) -> [String]? {
        var next: [String: [String]] = [:]
        for tie in s.ties where tie.role == .delegation { next[tie.from, default: []].append(tie.to) }
        var colour: [String: Int] = [:] // 0 white, 1 on stack, 2 done
        var parent: [String: String] = [:]
        for root in s.organizations.map(\.id) where colour[root, default: 0] == 0 {
            var stack: [(String, Int)] = [(root, 0)]
            colour[root] = 1
            while let (node, i) = stack.last {
                let succ = next[node] ?? []
                if i < succ.count {
                    stack[stack.count - 1].1 += 1
                    let m = succ[i]
                    switch colour[m, default: 0] {
                    case 0:
                        colour[m] = 1
                        parent[m] = node
                        stack.append((m, 0))
                    case 1:
                        var cycle = [m]
                        var cur = node
                        while cur != m { cycle.append(cur); cur = parent[cur] ?? m }
                        cycle.append(m)
                        return cycle.reversed()
                    default: break
                    }
                } else {
                    colour[node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}

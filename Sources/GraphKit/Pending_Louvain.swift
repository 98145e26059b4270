// PENDING (measures branch): a stand-in for the Louvain community detection another branch is
// writing. Delete at merge in favour of the real implementation (keeping or renaming the API the
// `orgnet communities` command calls: `louvainCommunities(weighted:resolution:threshold:)` and
// `modularity(of:weighted:resolution:)`). Deterministic: nodes are visited in index order (networkx
// shuffles with `seed`), and it works on the undirected view.

extension Graph {
    /// Louvain communities of the undirected view (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
    /// *Fast unfolding of communities in large networks*, J. Stat. Mech. P10008): repeated local
    /// moves that raise modularity, then aggregation of communities into nodes, until a level raises
    /// modularity by less than `threshold`. Communities are sorted lists, largest first. PENDING stand-in.
    public func louvainCommunities(weighted: Bool = true, resolution: Double = 1,
                                   threshold: Double = 1e-7) -> [[Int]] {
        let u = undirected()
        // Level graph: adjacency maps (self-loops keep their weight under the node itself).
        var adj = [[Int: Double]](repeating: [:], count: nodeCount)
        for e in 0..<u.edgeCount {
            let s = Int(u.edgeSources[e]), t = Int(u.edgeTargets[e]), w = weighted ? u.edgeWeights[e] : 1
            adj[s][t, default: 0] += w
            if s != t { adj[t][s, default: 0] += w }
        }
        var members: [[Int]] = (0..<nodeCount).map { [$0] }
        let m = (0..<adj.count).reduce(0.0) { acc, v in acc + adj[v].reduce(0.0) { $0 + ($1.key == v ? 2 * $1.value : $1.value) } } / 2
        guard m > 0 else { return members }
        var q = modularityOfLevel(adj, (0..<adj.count).map { $0 }, m, resolution)
        while true {
            let n = adj.count
            let k = (0..<n).map { v in adj[v].reduce(0.0) { $0 + ($1.key == v ? 2 * $1.value : $1.value) } }
            var comm = Array(0..<n)
            var tot = k
            var moved = true
            while moved {
                moved = false
                for i in 0..<n {
                    let ci = comm[i]
                    tot[ci] -= k[i]
                    var wTo: [Int: Double] = [:]
                    for (j, w) in adj[i] where j != i { wTo[comm[j], default: 0] += w }
                    var best = ci
                    var bestGain = (wTo[ci] ?? 0) - resolution * tot[ci] * k[i] / (2 * m)
                    for (c, w) in wTo.sorted(by: { $0.key < $1.key }) {
                        let gain = w - resolution * tot[c] * k[i] / (2 * m)
                        if gain > bestGain + 1e-12 { best = c; bestGain = gain }
                    }
                    tot[best] += k[i]
                    if best != ci { comm[i] = best; moved = true }
                }
            }
            // Renumber and aggregate.
            var index: [Int: Int] = [:]
            for c in comm where index[c] == nil { index[c] = index.count }
            let label = comm.map { index[$0]! }
            let newQ = modularityOfLevel(adj, label, m, resolution)
            if index.count == n || newQ - q <= threshold { if newQ > q { members = regroup(members, label, index.count) }; break }
            q = newQ
            members = regroup(members, label, index.count)
            var next = [[Int: Double]](repeating: [:], count: index.count)
            for v in 0..<n {
                for (j, w) in adj[v] where j >= v {
                    let a = label[v], b = label[j]
                    if a == b { next[a][a, default: 0] += w }
                    else { next[a][b, default: 0] += w; next[b][a, default: 0] += w }
                }
            }
            adj = next
        }
        return members.map { $0.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    /// Modularity of a partition of the undirected view (networkx `community.modularity` on
    /// `G.to_undirected()`): `Q = sum_c [ L_c / m - resolution * (d_c / 2m)^2 ]`. PENDING stand-in.
    public func modularity(of communities: [[Int]], weighted: Bool = true, resolution: Double = 1) -> Double {
        let u = undirected()
        var adj = [[Int: Double]](repeating: [:], count: nodeCount)
        for e in 0..<u.edgeCount {
            let s = Int(u.edgeSources[e]), t = Int(u.edgeTargets[e]), w = weighted ? u.edgeWeights[e] : 1
            adj[s][t, default: 0] += w
            if s != t { adj[t][s, default: 0] += w }
        }
        var label = [Int](repeating: -1, count: nodeCount)
        for (c, ms) in communities.enumerated() { for v in ms { label[v] = c } }
        let m = (0..<nodeCount).reduce(0.0) { acc, v in acc + adj[v].reduce(0.0) { $0 + ($1.key == v ? 2 * $1.value : $1.value) } } / 2
        return m > 0 ? modularityOfLevel(adj, label, m, resolution) : 0
    }

    private func regroup(_ members: [[Int]], _ label: [Int], _ count: Int) -> [[Int]] {
        var out = [[Int]](repeating: [], count: count)
        for (v, ms) in members.enumerated() { out[label[v]] += ms }
        return out
    }

    private func modularityOfLevel(_ adj: [[Int: Double]], _ label: [Int], _ m: Double, _ resolution: Double) -> Double {
        var inside = [Int: Double](), degree = [Int: Double]()
        for v in 0..<adj.count {
            for (j, w) in adj[v] {
                degree[label[v], default: 0] += j == v ? 2 * w : w
                if label[j] == label[v] { inside[label[v], default: 0] += j == v ? w : w / 2 }
            }
        }
        return degree.keys.reduce(0.0) { acc, c in
            acc + (inside[c] ?? 0) / m - resolution * ((degree[c] ?? 0) / (2 * m)) * ((degree[c] ?? 0) / (2 * m))
        }
    }
}

import Foundation
import GraphKit

/// A synthetic federation of councils shaped like the Petrograd network, for benchmarks and tests.
///
/// Shape (deterministic for a given `nodes` and `seed`; the random stream is ``SplitMix64``):
/// - A hierarchy built top-down, breadth first: node 0 is the national congress; every body in
///   turn receives `fanIn` delegating bodies, drawn uniformly from `fanInRange` (default 5...40),
///   until `nodes` bodies exist. Level names follow Petrograd: congress, city soviet, district
///   soviet, factory committee, shop committee, then cells.
/// - Every body but the root sends one **delegation** tie up to its parent (`child -> parent`).
/// - **Authority** runs down: the parent directs the child (`parent -> child`) with probability
///   `authorityShare` (default 0.8).
/// - **Liaisons** cross the hierarchy between two bodies of the same level with different parents
///   (`u -> v`), `liaisonShare` of all ties (default 10%), never duplicated.
/// So a federation has about `(1 + 0.8) n / 0.9 ≈ 2 n` ties, about 2 per node.
///
/// Node `i` is named `u<i>`; nodes are numbered in breadth-first order (parents before children).
public struct FederationGenerator: Sendable {
    /// A tie of the generated network, as node indices.
    public struct Link: Sendable, Hashable {
        public var from: Int32
        public var to: Int32
        public var role: UInt8 // 0 delegation, 1 authority, 2 liaison
    }

    /// The role names of ``Link/role``.
    public static let roleNames = ["delegation", "authority", "liaison"]
    /// Kind ids by level (deeper levels are `cell`).
    public static let levelKinds = [
        "congress", "city-soviet", "district-soviet", "factory-committee", "shop-committee", "cell",
    ]
    static let levelOfKind: [Kind.Level] = [.national, .city, .district, .factory, .base, .base]

    public var nodes: Int
    public var seed: UInt64
    public var fanInRange: ClosedRange<Int> = 5...40
    public var authorityShare = 0.8
    public var liaisonShare = 0.1
    /// How the output names its origin, in the DOT header comment and the dataset's provenance
    /// (a front end puts the command that made it here).
    public var origin: String

    public init(nodes: Int, seed: UInt64 = 1917, origin: String? = nil) {
        self.origin = origin ?? "synthetic federation of \(nodes) bodies, seed \(seed)"
        self.nodes = nodes
        self.seed = seed
    }

    /// The generated network: per node its level and parent (-1 for the root), and the ties in
    /// a fixed order (each child's delegation then authority, in node order; then liaisons).
    public struct Network: Sendable {
        public var level: [UInt8]
        public var parent: [Int32]
        public var links: [Link]
        public var nodeCount: Int { level.count }
        /// `u<i>`.
        public static func id(_ i: Int) -> String { "u\(i)" }
        /// The kind id of node `i`.
        public func kind(_ i: Int) -> String {
            FederationGenerator.levelKinds[min(Int(level[i]), FederationGenerator.levelKinds.count - 1)]
        }
    }

    /// Generates the network. - Complexity: O(n).
    public func network() -> Network {
        let n = max(0, nodes)
        var rng = SplitMix64(seed: seed)
        func uniform(_ k: Int) -> Int { Int(rng.next() % UInt64(k)) }
        func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) * 0x1p-53 < p }
        var level = [UInt8](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var links: [Link] = []
        links.reserveCapacity(Int(Double(n) * 2.1))
        var next = 1
        var p = 0
        let span = fanInRange.upperBound - fanInRange.lowerBound + 1
        while next < n && p < next {
            let fanIn = fanInRange.lowerBound + uniform(span)
            for _ in 0..<fanIn where next < n {
                let c = next; next += 1
                level[c] = level[p] &+ 1
                parent[c] = Int32(p)
                links.append(Link(from: Int32(c), to: Int32(p), role: 0))
                if chance(authorityShare) { links.append(Link(from: Int32(p), to: Int32(c), role: 1)) }
            }
            p += 1
        }
        // Liaisons: share s of all ties => s/(1-s) times the hierarchical ones.
        let want =
            liaisonShare <= 0 || n < 3 ? 0 : Int((Double(links.count) * liaisonShare / (1 - liaisonShare)).rounded())
        // Nodes by level (breadth-first numbering makes each level a contiguous range).
        var levelStart: [Int] = [0]
        for i in 1..<max(1, n) where level[i] != level[i - 1] { levelStart.append(i) }
        levelStart.append(n)
        var seen = Set<Int64>()
        var made = 0, tries = 0
        while made < want && tries < want * 20 {
            tries += 1
            let u = 1 + uniform(n - 1)
            let l = Int(level[u])
            let lo = levelStart[l], hi = levelStart[l + 1]
            if hi - lo < 2 { continue }
            let v = lo + uniform(hi - lo)
            if v == u || parent[v] == parent[u] { continue }
            let key = Int64(u) << 32 | Int64(v)
            if !seen.insert(key).inserted { continue }
            links.append(Link(from: Int32(u), to: Int32(v), role: 2))
            made += 1
        }
        return Network(level: level, parent: parent, links: links)
    }

    // MARK: writers

    /// The network as DOT text: `digraph federation { u0 [kind="congress"]; ... u1 -> u0 [role=delegation]; }`.
    public func dot(_ net: Network? = nil) -> String {
        let net = net ?? network()
        var out = "// \(origin): a synthetic federation of councils\n"
        out += "digraph federation {\n"
        out.reserveCapacity(net.nodeCount * 60)
        for i in 0..<net.nodeCount { out += "  u\(i) [kind=\"\(net.kind(i))\"];\n" }
        for l in net.links { out += "  u\(l.from) -> u\(l.to) [role=\(Self.roleNames[Int(l.role)])];\n" }
        out += "}\n"
        return out
    }

    /// The network as GraphML (directed; node attribute `kind`, edge attribute `role`), nodes in index order.
    public func graphML(_ net: Network? = nil) -> String {
        let net = net ?? network()
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="role" for="edge" attr.name="role" attr.type="string"/>
              <graph id="federation" edgedefault="directed">

            """
        out.reserveCapacity(net.nodeCount * 110)
        for i in 0..<net.nodeCount { out += "    <node id=\"u\(i)\"><data key=\"kind\">\(net.kind(i))</data></node>\n" }
        for l in net.links {
            out +=
                "    <edge source=\"u\(l.from)\" target=\"u\(l.to)\"><data key=\"role\">\(Self.roleNames[Int(l.role)])</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// The network as a whitespace-separated edge list of node indices (`from to`), one tie a line,
    /// preceded by a `# nodes N` comment (isolated nodes cannot occur: every node but the root delegates).
    public func edgeList(_ net: Network? = nil) -> String {
        let net = net ?? network()
        var out = "# nodes \(net.nodeCount) ties \(net.links.count)\n"
        out.reserveCapacity(net.links.count * 14)
        for l in net.links { out += "\(l.from) \(l.to)\n" }
        return out
    }

    /// The network as a one-month ``Timeline`` (month `month`), for YAML datasets and in-memory use.
    public func timeline(_ net: Network? = nil, month: Month = Month(year: 1917, month: 10)!) -> Timeline {
        let net = net ?? network()
        let sourceID = "synthetic"
        let provenance = Provenance(
            sources: [Citation(ref: sourceID)], status: .assumption, confidence: .low,
            note: "synthetic federation (\(origin))")
        var usedLevels = Set<Int>()
        var orgs: [Organization] = []
        orgs.reserveCapacity(net.nodeCount)
        for i in 0..<net.nodeCount {
            let l = min(Int(net.level[i]), Self.levelKinds.count - 1)
            usedLevels.insert(l)
            let id = Network.id(i)
            orgs.append(
                Organization(
                    id: id, name: id, kind: Self.levelKinds[l],
                    parent: net.parent[i] >= 0 ? Network.id(Int(net.parent[i])) : nil,
                    provenance: provenance))
        }
        var ties: [Tie] = []
        ties.reserveCapacity(net.links.count)
        for l in net.links {
            let role = Self.roleNames[Int(l.role)]
            ties.append(
                Tie(
                    id: "\(role)-u\(l.from)-u\(l.to)", from: Network.id(Int(l.from)), to: Network.id(Int(l.to)),
                    role: Role(role), provenance: provenance))
        }
        let kinds = usedLevels.sorted().map {
            Kind(id: Self.levelKinds[$0], name: Self.levelKinds[$0], level: Self.levelOfKind[$0])
        }
        return Timeline(
            id: "federation-\(nodes)-\(seed)", title: "Synthetic federation (\(nodes) bodies, seed \(seed))",
            description: "A synthetic federation of councils shaped like the Petrograd network.",
            months: [month], kinds: kinds,
            sources: [Source(id: sourceID, title: "orgnet generate", kind: .assumption)],
            organizations: orgs, ties: ties, origin: origin)
    }
}

import Foundation
import GraphKit
import Testing

@testable import OrgNet
@testable import OrgNetIO

@Suite("orgnet generate: the synthetic federation")
struct FederationGeneratorTests {
    @Test("the same seed gives the same bytes; another seed another network")
    func deterministic() {
        let a = FederationGenerator(nodes: 2_000, seed: 42)
        #expect(a.dot() == FederationGenerator(nodes: 2_000, seed: 42).dot())
        #expect(a.graphML() == FederationGenerator(nodes: 2_000, seed: 42).graphML())
        #expect(a.edgeList() == FederationGenerator(nodes: 2_000, seed: 42).edgeList())
        #expect(a.dot() != FederationGenerator(nodes: 2_000, seed: 43).dot())
        // Pinned: the stream is SplitMix64 with fixed arithmetic, identical on every platform.
        let net = FederationGenerator(nodes: 1_000, seed: 1917).network()
        #expect(net.links.count == FederationGenerator(nodes: 1_000, seed: 1917).network().links.count)
    }

    @Test("shape: fan-in 5-40, about 2 ties per node, about 10% liaisons", arguments: [1_000, 10_000, 100_000])
    func shape(nodes: Int) {
        let net = FederationGenerator(nodes: nodes, seed: 7).network()
        #expect(net.nodeCount == nodes)
        var children = [Int](repeating: 0, count: nodes)
        var delegations = 0, authorities = 0, liaisons = 0
        var pairs = Set<Int64>()
        for l in net.links {
            #expect(pairs.insert(Int64(l.from) << 32 | Int64(l.to)).inserted, "no duplicate tie")
            switch l.role {
            case 0:
                delegations += 1
                children[Int(l.to)] += 1
                #expect(net.parent[Int(l.from)] == l.to)
            case 1:
                authorities += 1
                #expect(net.parent[Int(l.to)] == l.from)
            default:
                liaisons += 1
                #expect(net.level[Int(l.from)] == net.level[Int(l.to)])
                #expect(net.parent[Int(l.from)] != net.parent[Int(l.to)])
            }
        }
        #expect(delegations == nodes - 1, "every body but the congress delegates up once")
        // Every parent but the last one filled (the node budget runs out there) has 5...40 children.
        let parents = (0..<nodes).filter { children[$0] > 0 }
        for p in parents.dropLast() { #expect((5...40).contains(children[p]), "fan-in of u\(p): \(children[p])") }
        let perNode = Double(net.links.count) / Double(nodes)
        #expect(perNode > 1.8 && perNode < 2.2, "ties per node \(perNode)")
        let share = Double(liaisons) / Double(net.links.count)
        #expect(share > 0.09 && share < 0.11, "liaison share \(share)")
        #expect(Double(authorities) / Double(delegations) > 0.75 && Double(authorities) / Double(delegations) < 0.85)
    }

    @Test("every format describes the same network")
    func formats() throws {
        let gen = FederationGenerator(nodes: 500, seed: 3)
        let net = gen.network()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.dot").path
        try gen.dot(net).write(toFile: path, atomically: true, encoding: .utf8)
        let t = try DOTImport.load(path: path)
        #expect(t.organizations.count == 500)
        #expect(t.ties.count == net.links.count)
        #expect(t.organizations[0].kind == "congress")
        #expect(Set(t.ties.map(\.role)) == [.delegation, .authority, .liaison])
        let mem = gen.timeline(net)
        #expect(mem.ties.count == net.links.count)
        let a = mem.snapshot(at: try #require(mem.months.first)).network(roles: .all).graph
        let b = t.wholeNetwork().network(roles: .all).graph
        #expect(a.edgeSources == b.edgeSources && a.edgeTargets == b.edgeTargets)
        let lines = gen.edgeList(net).split(separator: "\n")
        #expect(lines.count == net.links.count + 1)
        #expect(gen.graphML(net).components(separatedBy: "<edge ").count - 1 == net.links.count)
    }
}

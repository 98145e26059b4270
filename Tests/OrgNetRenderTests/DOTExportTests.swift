import Foundation
import Graphviz
import OrgNet
import OrgNetRender
import TestSupport
import Testing

/// `orgnet export -T dot`: the picture's DOT, plain or with the layout's positions pinned.
@Suite(.tags(.roundTrip)) struct DOTExportTests {
    @Test(arguments: ["1917-02", "1917-03", "1917-04"])
    func plainDOTHoldsTheMonth(month: String) throws {
        let s = try Fixture.sample().snapshot(at: Month(month)!)
        let text = try Rendering.dotText(for: s)
        let spec = try GraphvizEngine.shared.parse(dot: text)
        #expect(spec.isDirected)
        #expect(Set(spec.nodes.map(\.id)) == Set(s.organizations.map(\.id)))
        #expect(spec.edges.count == s.ties.count)
        #expect(spec.nodes.allSatisfy { $0.attributes["pos"] == nil })
        // Authority ties are written upwards with dir=back; read back they point the tie's way.
        let pairs = spec.edges.map { e in
            e.attributes["dir"]?.string == "back" ? "\(e.head)>\(e.tail)" : "\(e.tail)>\(e.head)"
        }
        #expect(pairs.sorted() == s.ties.map { "\($0.from)>\($0.to)" }.sorted())
        // The same text as the spec orgnet render draws.
        #expect(text == SnapshotRenderer().spec(for: s).dotText)
    }

    @Test func positionsPinEveryNodeAndNeatoNKeepsThem() throws {
        let s = try Fixture.sample().snapshot(at: Month("1917-04")!)
        let spec = try GraphvizEngine.shared.parse(dot: try Rendering.dotText(for: s, positions: true))
        #expect(spec.attributes["notranslate"]?.string == "true")
        #expect(spec.nodes.count == s.organizations.count)
        var pins: [String: Point] = [:]
        for node in spec.nodes {
            let pos = try #require(node.attributes["pos"]?.string)
            #expect(pos.hasSuffix("!"))
            let xy = pos.dropLast().split(separator: ",").compactMap { Double($0) }
            try #require(xy.count == 2)
            pins[node.id] = Point(x: xy[0], y: xy[1])
        }
        // The positions are the ones the month's own layout gives...
        let own = try GraphvizEngine.shared.layout(SnapshotRenderer().spec(for: s))
        for (id, p) in pins {
            let q = try #require(own.positions[id])
            #expect(abs(p.x - q.x) < 0.01 && abs(p.y - q.y) < 0.01, "\(id)")
        }
        // ...and neato -n (nop) keeps them.
        let again = try GraphvizEngine.shared.layout(spec, layout: .nop)
        for (id, p) in pins {
            let q = try #require(again.positions[id])
            #expect(abs(p.x - q.x) < 0.01 && abs(p.y - q.y) < 0.01, "\(id)")
        }
    }

    @Test func positionsFollowAGivenLayout() throws {
        let s = try Fixture.sample().snapshot(at: Month("1917-02")!)
        let shared = LayoutResult(
            positions: Dictionary(
                uniqueKeysWithValues: s.organizations.enumerated().map {
                    ($1.id, Point(x: Double($0) * 100, y: 50.5))
                }), sizes: [:], boundingBox: Rect(minX: 0, minY: 0, maxX: 0, maxY: 0))
        let spec = try GraphvizEngine.shared.parse(
            dot: try Rendering.dotText(for: s, positions: true, pinnedTo: shared))
        #expect(spec.node(s.organizations[1].id)?.attributes["pos"]?.string == "100,50.5!")
    }

    @Test func hostileStringsSurviveTheDOTWriter() throws {
        let t = hostileTimeline()
        for m in t.months {
            let s = t.snapshot(at: m)
            let spec = try GraphvizEngine.shared.parse(dot: try Rendering.dotText(for: s))
            #expect(Set(spec.nodes.map(\.id)) == Set(s.organizations.map(\.id)), "\(m)")
            #expect(spec.edges.count == s.ties.count, "\(m)")
            let positioned = try GraphvizEngine.shared.parse(dot: try Rendering.dotText(for: s, positions: true))
            #expect(positioned.nodes.allSatisfy { $0.attributes["pos"]?.string.hasSuffix("!") == true }, "\(m)")
        }
    }
}

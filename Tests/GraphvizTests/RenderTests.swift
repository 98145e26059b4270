import Foundation
import TestSupport
import Testing

@testable import Graphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small org chart used across tests.
let sampleSpec = GraphSpec(
    name: "org",
    attributes: ["rankdir": "TB", "label": "Petrograd"],
    nodeDefaults: ["shape": "box"],
    nodes: [
        .init(id: "soviet", attributes: ["label": "Petrograd Soviet"]),
        .init(id: "vyborg", attributes: ["label": .html("<b>Vyborg</b> district")]),
        .init(id: "putilov"),
        .init(id: "nevsky"),
    ],
    edges: [
        .init(tail: "putilov", head: "vyborg", attributes: ["weight": "5"]),
        .init(tail: "vyborg", head: "soviet"),
        .init(tail: "nevsky", head: "soviet", attributes: ["style": "dashed"]),
    ],
    subgraphs: [.init(name: "cluster_vyborg", attributes: ["label": "Vyborg"], nodeIDs: ["vyborg", "putilov"])]
)

@Suite struct RenderTests {
    let engine = GraphvizEngine.shared

    @Test func svgHasOneGroupPerNode() throws {
        let bytes = try engine.render(sampleSpec, format: .svg)
        let doc = try XMLDocument(data: Data(bytes))
        let nodes = try doc.nodes(forXPath: "//*[local-name()='g'][@class='node']")
        #expect(nodes.count == sampleSpec.nodes.count)
        let clusters = try doc.nodes(forXPath: "//*[local-name()='g'][@class='cluster']")
        #expect(clusters.count == 1)
    }

    @Test func pngPdfDotJsonCanon() throws {
        let png = try engine.render(sampleSpec, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try engine.render(sampleSpec, format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let dot = String(decoding: try engine.render(sampleSpec, format: .dot), as: UTF8.self)
        #expect(dot.contains("pos="))
        #expect(dot.contains("bb="))
        let json = try engine.render(sampleSpec, format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        #expect((object?["objects"] as? [Any])?.isEmpty == false)
        let canon = String(decoding: try engine.render(sampleSpec, format: .canon), as: UTF8.self)
        #expect(!canon.contains("pos="))
        #expect(try engine.parse(dot: canon).nodes.map(\.id) == sampleSpec.nodes.map(\.id))
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyLayoutRenders(_ layout: LayoutEngine) throws {
        var spec = sampleSpec
        if layout == .nop {
            spec = spec.pinned(to: try engine.layout(sampleSpec))
        }
        let svg = try engine.render(spec, layout: layout)
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    @Test func layoutReturnsGeometry() throws {
        let result = try engine.layout(sampleSpec)
        #expect(Set(result.positions.keys) == Set(sampleSpec.nodes.map(\.id)))
        #expect(result.boundingBox.width > 0 && result.boundingBox.height > 0)
        for (id, p) in result.positions {
            #expect(p.x >= result.boundingBox.minX && p.x <= result.boundingBox.maxX, "\(id)")
            #expect(p.y >= result.boundingBox.minY && p.y <= result.boundingBox.maxY, "\(id)")
            #expect((result.sizes[id]?.width ?? 0) > 0)
        }
        // dot ranks top-down: the soviet (a sink) sits below putilov (a source).
        #expect((result.positions["soviet"]?.y ?? 0) < (result.positions["putilov"]?.y ?? 0))
    }

    /// The stable-layout recipe: lay out once, pin, render with neato; coordinates keep the pins.
    @Test(arguments: [LayoutEngine.neato, .nop])
    func pinnedPositionsAreKept(_ layout: LayoutEngine) throws {
        var pins = LayoutResult(positions: [:], sizes: [:], boundingBox: Rect(minX: 0, minY: 0, maxX: 0, maxY: 0))
        let wanted: [String: Point] = [
            "soviet": Point(x: 400, y: 50), "vyborg": Point(x: 100, y: 200),
            "putilov": Point(x: 100, y: 350), "nevsky": Point(x: 500, y: 300),
        ]
        pins.positions = wanted
        let spec = sampleSpec.pinned(to: pins)
        let result = try engine.layout(spec, layout: layout)
        for (id, p) in wanted {
            let got = try #require(result.positions[id])
            #expect(abs(got.x - p.x) < 0.5 && abs(got.y - p.y) < 0.5, "\(id): \(got) != \(p)")
        }
        let dot = String(decoding: try engine.render(spec, layout: layout, format: .dot), as: UTF8.self)
        #expect(dot.contains("pos=\"400,50\""))
    }

    @Test(.tags(.concurrency)) func concurrentRendersAreIdentical() async throws {
        let outputs = await withTaskGroup(of: [UInt8]?.self) { group in
            for _ in 0..<16 {
                group.addTask { try? GraphvizEngine.shared.render(sampleSpec, format: .svg) }
            }
            var all: [[UInt8]?] = []
            for await o in group { all.append(o) }
            return all
        }
        #expect(outputs.count == 16)
        #expect(outputs.allSatisfy { $0 != nil })
        #expect(Set(outputs.compactMap { $0 }).count == 1)
    }
}

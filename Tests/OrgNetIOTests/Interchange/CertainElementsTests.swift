import Foundation
import TestSupport
import Testing

@testable import OrgNet
@testable import OrgNetIO

/// Confidence is optional: a network read from another tool's file is certain unless it says how
/// sure it is, and "no confidence" survives every export and import.
@Suite(.tags(.uncertainty)) struct CertainElementsTests {
    /// The synthetic timeline with one organization, one tie, one observation and one alternative
    /// whose confidence is not recorded.
    func partlyCertain() -> Timeline {
        var t = hostileTimeline()
        t.organizations[1].provenance.confidence = nil
        t.ties[0].provenance.confidence = nil
        var o = t.observations[0]
        o.provenance.confidence = nil
        o.alternatives[0].provenance.confidence = nil
        t.observations[0] = o
        return t
    }

    func expectKept(
        _ t: Timeline, _ back: Timeline, alternatives: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for o in t.organizations {
            #expect(
                back.organization(o.id)?.provenance.confidence == o.provenance.confidence, "\(o.id)",
                sourceLocation: sourceLocation)
        }
        for x in t.ties {
            #expect(
                back.ties.first { $0.id == x.id }?.provenance.confidence == x.provenance.confidence, "\(x.id)",
                sourceLocation: sourceLocation)
        }
        let first = back.observations.first { $0.reference == t.observations[0].reference }
        #expect(first?.provenance.confidence == nil, sourceLocation: sourceLocation)
        if alternatives {
            #expect(first?.alternatives.first?.provenance.confidence == nil, sourceLocation: sourceLocation)
        }
        #expect(
            back.organizations.contains { $0.provenance.confidence == .medium }, "recorded confidences stay",
            sourceLocation: sourceLocation)
    }

    @Test func yamlKeepsNoConfidenceAsNone() throws {
        let t = partlyCertain()
        let folder = tempFolder("yaml")
        try TimelineWriter.write(t, to: folder)
        expectKept(t, try TimelineLoader.load(path: folder))
    }

    @Test func csvFolderKeepsNoConfidenceAsNone() throws {
        let t = partlyCertain()
        let folder = tempFolder("csv")
        try CSVFolder.write(t, to: folder)
        expectKept(t, try CSVFolder.read(folder: folder))
    }

    @Test func gexfKeepsNoConfidenceAsNone() throws {
        let t = partlyCertain()
        expectKept(t, try GEXF.read(data: Data(GEXF.write(t).utf8), file: "p.gexf"))
    }

    @Test func nodeLinkJSONKeepsNoConfidenceAsNone() throws {
        let t = partlyCertain()
        let path = write(NodeLinkJSON.write(t), "p.json")
        expectKept(t, try NetworkReader.load(path: path, options: ReadOptions()))
    }

    @Test func graphMLKeepsNoConfidenceAsNone() throws {
        let t = partlyCertain()
        let s = t.snapshot(at: t.months[1])
        let back = try GraphML.read(data: Data(GraphML.write(s).utf8), file: "m.graphml")
        #expect(back.organization("b.2")?.provenance.confidence == nil)
        #expect(back.organization("a")?.provenance.confidence == .medium)
        #expect(back.ties.first { $0.id == "a->b.2" }?.provenance.confidence == nil)
    }

    @Test(arguments: [
        ("net.dot", "digraph { a -> b; b -> c; c -> a }"),
        (
            "net.gml",
            "graph [ directed 1 node [ id 0 label \"a\" ] node [ id 1 label \"b\" ] edge [ source 0 target 1 ] ]"
        ),
        ("net.csv", "Source,Target\na,b\nb,c\n"),
        (
            "net.graphml",
            """
            <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>
            """
        ),
    ])
    func foreignFilesAreCertain(_ name: String, _ text: String) throws {
        let t = try NetworkReader.load(path: write(text, name), options: ReadOptions())
        #expect(!t.organizations.isEmpty && !t.ties.isEmpty)
        let all = t.organizations.map(\.provenance) + t.ties.map(\.provenance)
        #expect(all.allSatisfy { $0.confidence == nil && $0.status != .assumption }, "\(all.map(\.statusText))")
        #expect(all.allSatisfy { PresenceModel().probability($0) == 1 })
    }

    @Test func aConfidenceAttributeIsRead() throws {
        let dot = "digraph { a [confidence=high]; a -> b [confidence=low, status=assumption]; b -> c [confidence=0.8] }"
        let t = try NetworkReader.load(path: write(dot, "stated.dot"), options: ReadOptions())
        #expect(t.organization("a")?.provenance.confidence == .high)
        #expect(t.organization("b")?.provenance.confidence == nil)
        let ab = try #require(t.ties.first { $0.from == "a" })
        #expect(ab.provenance.confidence == .low && ab.provenance.status == .assumption)
        #expect(
            t.ties.first { $0.from == "b" }?.provenance.confidence == nil,
            "a number is not a confidence level: kept as an attribute only")
    }
}

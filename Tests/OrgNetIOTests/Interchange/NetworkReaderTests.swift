import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import Testing

/// Collects reader warnings (tests only).
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return items }
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
}

func writeBytes(_ bytes: [UInt8], _ name: String) -> String {
    let folder = tempFolder("b")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let p = (folder as NSString).appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
    return p
}

@Suite struct GMLReaderTests {
    @Test func readsNewmanStyleGML() throws {
        let path = write(
            """
            Creator "Mark Newman on a day in 2006"
            # a comment line
            graph
            [
              directed 0
              node [ id 1 label "Mr &amp; Mrs &quot;X&quot;" graphics [ x 1.5 y -2 ] ]
              node [ id 2 label "Caf&#233;" members 10 ]
              node
              [
                id 3
              ]
              edge [ source 1 target 2 value 3 ]
              edge [ source 2 target 3 ]
            ]
            """, "n.gml")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(!t.isDirected)
        #expect(t.organizations.map(\.id) == ["1", "2", "3"])
        #expect(t.organizations[0].name == "Mr & Mrs \"X\"")
        #expect(t.organizations[1].name == "Café")
        #expect(t.organizations[0].attributes["graphics.x"] == "1.5")
        #expect(t.organizations[1].attributes["members"] == "10")
        #expect(t.organizations[2].name == "3")
        #expect(t.ties.map { "\($0.from)-\($0.to)" } == ["1-2", "2-3"])
        #expect(t.ties[0].weight == 3 && t.ties[1].weight == nil)
    }

    @Test func directedGMLAndCollapsedParallelEdges() throws {
        let path = write(
            "graph [ directed 1 node [ id 0 ] node [ id 1 ]\n edge [ source 0 target 1 weight 2 ]\n edge [ source 0 target 1 weight 5 ]\n edge [ source 1 target 0 ] ]",
            "d.gml")
        let warnings = Warnings()
        let t = try NetworkReader.load(path: path, options: ReadOptions(warn: { warnings.add($0) }))
        #expect(t.isDirected)
        // networkx's DiGraph: one arc per ordered pair, the last weight winning.
        #expect(t.ties.map { "\($0.from)->\($0.to):\($0.weight ?? -1)" } == ["0->1:5.0", "1->0:-1.0"])
        #expect(warnings.lines.count == 1 && warnings.lines[0].contains("1 parallel edges collapsed"))
        // --undirected: one edge per unordered pair.
        let u = try NetworkReader.load(path: path, options: ReadOptions(undirected: true))
        #expect(!u.isDirected && u.ties.count == 1)
    }

    @Test func badGMLNamesTheLine() throws {
        let path = write("graph [\n node [ id 1 ]\n node [ id 2 label \"open ]\n", "bad.gml")
        do {
            _ = try NetworkReader.load(path: path, options: ReadOptions())
            Issue.record("read a GML file with an unterminated string")
        } catch {
            #expect(error.code == .badData)
            #expect(error.location?.line == 3, "\(error.description)")
        }
        let edge = write("graph [ node [ id 1 ] edge [ source 1 target 9 ] ]", "edge.gml")
        #expect(throws: OrgNetError.self) { try NetworkReader.load(path: edge, options: ReadOptions()) }
    }
}

@Suite struct FormatDetectionTests {
    @Test func inputFormatComesFromTheNameOrFrom() throws {
        #expect(NetworkReader.detect(path: "x.gv") == .dot)
        #expect(NetworkReader.detect(path: "x.YML") == .yaml)
        #expect(NetworkReader.detect(path: "x.gv", format: .yaml) == .yaml)
    }

    @Test func extensionsAndContent() {
        #expect(NetworkReader.detect(path: "x.GraphML") == .graphml)
        #expect(NetworkReader.detect(path: "x.gexf") == .gexf)
        #expect(NetworkReader.detect(path: "x.gml") == .gml)
        #expect(NetworkReader.detect(path: "x.json") == .json)
        #expect(NetworkReader.detect(path: "x.csv") == .csv)
        #expect(NetworkReader.detect(path: "x.gv") == .dot)
        #expect(NetworkReader.detect(path: "x.yml") == .yaml)
        #expect(NetworkReader.detect(path: write("<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">", "a")) == .gexf)
        #expect(NetworkReader.detect(path: write("<?xml version=\"1.0\"?>\n<graphml>", "b")) == .graphml)
        #expect(NetworkReader.detect(path: write("Creator \"igraph\"\nVersion 1\ngraph\n[\n", "c")) == .gml)
        #expect(NetworkReader.detect(path: write("{\"nodes\": []}", "d")) == .json)
        #expect(NetworkReader.detect(path: write("Source,Target,Weight\na,b,1\n", "e")) == .csv)
        #expect(NetworkReader.detect(path: write("digraph { a -> b }", "f")) == .dot)
        #expect(NetworkReader.detect(path: "x.gml", format: .dot) == .dot)
    }
}

@Suite struct EdgeListCSVTests {
    @Test func gephiHeaderAnyCaseAndType() throws {
        let path = write("source,TARGET,weight,Type,kind\na,b,2,Undirected,x\nb,c,,undirected,\n", "e.csv")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(!t.isDirected)
        #expect(t.organizations.map(\.id) == ["a", "b", "c"])
        #expect(t.ties[0].weight == 2 && t.ties[1].weight == nil)
        #expect(t.ties[0].attributes["kind"] == "x")
    }

    @Test func directedUnlessTypeOrFlagSaysOtherwise() throws {
        let path = write("Source,Target\na,b\nb,a\n", "d.csv")
        let d = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(d.isDirected && d.ties.count == 2)
        let u = try NetworkReader.load(path: path, options: ReadOptions(undirected: true))
        #expect(!u.isDirected && u.ties.count == 1)
    }

    @Test func mixedTypesAndBadHeadersAreRefused() throws {
        let mixed = write("Source,Target,Type\na,b,Directed\nb,c,Undirected\n", "m.csv")
        #expect(throws: OrgNetError.self) { try NetworkReader.load(path: mixed, options: ReadOptions()) }
        let header = write("from,to\na,b\n", "h.csv")
        do {
            _ = try NetworkReader.load(path: header, options: ReadOptions())
            Issue.record("read an edge list without Source and Target")
        } catch {
            #expect(error.code == .badData && error.description.contains("Source"))
        }
        let weight = write("Source,Target,Weight\na,b,lots\n", "w.csv")
        do {
            _ = try NetworkReader.load(path: weight, options: ReadOptions())
            Issue.record("read a non-numeric weight")
        } catch {
            #expect(error.location?.line == 2)
        }
    }
}

@Suite struct ForeignXMLTests {
    @Test func undirectedGraphMLStaysUndirected() throws {
        let path = write(
            """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="members" attr.type="int"/>
              <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="a b"><data key="d0">10</data></node><node id="c"/>
                <edge source="a b" target="c"><data key="d1">2.5</data></edge>
              </graph>
            </graphml>
            """, "u.graphml")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(!t.isDirected && t.isSingleSnapshot)
        #expect(t.organizations.map(\.id) == ["a b", "c"]) // the file's own ids
        #expect(t.ties.first?.weight == 2.5)
        // Exported again, it stays undirected.
        #expect(GraphML.write(t.wholeNetwork()).contains("edgedefault=\"undirected\""))
    }

    @Test func staticGEXFIsOneSnapshotAndNumericTimeHasItsAxis() throws {
        let staticFile = write(
            """
            <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph mode="static" defaultedgetype="undirected">
            <nodes><node id="0" label="A"/><node id="1" label="B"/></nodes>
            <edges><edge id="0" source="0" target="1" weight="3"/></edges></graph></gexf>
            """, "s.gexf")
        let s = try NetworkReader.load(path: staticFile, options: ReadOptions())
        #expect(s.isSingleSnapshot && !s.isDirected)
        #expect(s.organizations.map(\.name) == ["A", "B"] && s.ties.first?.weight == 3)
        let numeric = write(
            """
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="dynamic" timeformat="double" defaultedgetype="directed">
            <nodes><node id="a" start="1.0" end="3.0"/><node id="b" start="2.0"/></nodes>
            <edges><edge source="a" target="b" type="mutual"/></edges></graph></gexf>
            """, "n.gexf")
        let warnings = Warnings()
        let n = try NetworkReader.load(path: numeric, options: ReadOptions(warn: { warnings.add($0) }))
        // Numeric time is a time axis of its own (NumericTimeTests), not one snapshot.
        #expect(n.timeSlices?.times == [1, 2, 3] && n.isDirected)
        #expect(n.ties.map { "\($0.from)->\($0.to)" } == ["a->b", "b->a"]) // mutual: both arcs
        #expect(warnings.lines.isEmpty)
    }

    @Test func exportedGEXFKeepsTheSnapshotMonths() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let back = try GEXF.read(data: Data(GEXF.write(t).utf8), file: "p.gexf")
        #expect(back.months == t.months)
        #expect(back.months.count == 13)
    }
}

@Suite struct GraphvizCompatibilityTests {
    @Test func latin1DOTIsReadAsGraphvizReadsIt() throws {
        // "Café" in ISO 8859-1: é is the single byte 0xE9, not UTF-8.
        let bytes = Array("digraph { charset=latin1; a [label=\"Caf".utf8) + [0xE9] + Array("\"]; a -> b }".utf8)
        let path = writeBytes(bytes, "l.dot")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(t.organization("a")?.name == "Café")
        // Without the declaration the same bytes are refused as not UTF-8.
        let plain = writeBytes(Array("digraph { a [label=\"Caf".utf8) + [0xE9] + Array("\"] }".utf8), "p.dot")
        #expect(throws: OrgNetError.self) { try NetworkReader.load(path: plain, options: ReadOptions()) }
    }

    @Test func latin1DeclarationIsFoundAnywhereInTheFile() throws {
        // The declaration after the Latin-1 byte, its value in capitals: the byte scan must still find it.
        let bytes =
            Array("graph { a [label=\"Z".utf8) + [0xFC] + Array("rich\"]; a -- b; charset=\"ISO-8859-1\" }".utf8)
        let t = try NetworkReader.load(path: writeBytes(bytes, "upper.dot"), options: ReadOptions())
        #expect(t.organization("a")?.name == "Zürich")
        // "charse" is not the word: the same bytes without a full declaration are not Latin-1.
        let nearMiss = Array("graph { a [label=\"Z".utf8) + [0xFC] + Array("rich\", charse=1] }".utf8)
        #expect(throws: OrgNetError.self) {
            try NetworkReader.load(path: writeBytes(nearMiss, "near.dot"), options: ReadOptions())
        }
    }

    @Test func dirBackAndBothAreHonoured() throws {
        let path = write("digraph { a -> b [dir=back, role=authority]; c -> d [dir=both]; e -> f }", "d.dot")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        let arcs = Set(t.ties.map { "\($0.from)->\($0.to)" })
        #expect(arcs == ["b->a", "c->d", "d->c", "e->f"])
        #expect(t.ties.first { $0.from == "b" }?.role == .authority)
        // rankdir is not dir: such files keep the fast path and the forward direction.
        let rank = write("digraph { rankdir=LR; a -> b }", "r.dot")
        #expect(try NetworkReader.load(path: rank, options: ReadOptions()).ties.map(\.from) == ["a"])
    }
}

@Suite struct DeclaredDirectionAndInfluenceTests {
    @Test func yamlDeclaresUndirectedAndInfluenceRoles() throws {
        let folder = tempFolder("y")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = """
            id: net
            title: Net
            months: ["1917-01"]
            directed: false
            influence_roles: [liaison]
            sources: [{id: s, title: S}]
            organizations:
              - {id: a, name: A, kind: k, status: assumption, confidence: low, sources: [{ref: s}]}
              - {id: b, name: B, kind: k, status: assumption, confidence: low, sources: [{ref: s}]}
            kinds: [{id: k}]
            ties:
              - {id: t1, from: a, to: b, role: liaison, status: assumption, confidence: low, sources: [{ref: s}]}
            """
        _ = FileManager.default.createFile(atPath: folder + "/dataset.yaml", contents: Data(text.utf8))
        let t = try TimelineLoader.load(path: folder)
        #expect(!t.isDirected)
        #expect(t.declaredInfluenceRoles == [.liaison])
        #expect(t.defaultInfluenceRoles == [.liaison])
        // Written and loaded back, both declarations survive.
        let out = tempFolder("w")
        try TimelineWriter.write(t, to: out)
        let back = try TimelineLoader.load(path: out)
        #expect(!back.isDirected && back.declaredInfluenceRoles == [.liaison])
        let csv = tempFolder("csv")
        try CSVFolder.write(t, to: csv)
        let fromCSV = try CSVFolder.read(folder: csv)
        #expect(!fromCSV.isDirected && fromCSV.declaredInfluenceRoles == [.liaison])
        // An unknown role is refused, naming the line.
        let bad = text.replacingOccurrences(of: "[liaison]", with: "[friendship]")
        _ = FileManager.default.createFile(atPath: folder + "/dataset.yaml", contents: Data(bad.utf8))
        #expect(throws: OrgNetError.self) { try TimelineLoader.load(path: folder) }
    }

    @Test func networksWithoutInfluenceTiesUseEveryTie() throws {
        let path = write("Source,Target\na,b\nb,c\n", "e.csv")
        let t = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(t.usesAllTiesByDefault && t.defaultInfluenceRoles == .all)
        let s = t.wholeNetwork()
        #expect(s.influenceNetwork().graph.edgeCount == 2)
        // The built-in dataset has delegation and authority ties: the default stays.
        let p = try BuiltInDatasets.defaultTimeline()
        #expect(!p.usesAllTiesByDefault && p.defaultInfluenceRoles == .only(Role.influence))
    }
}

@Suite struct TypedAttributeTests {
    @Test func numbersStayNumbersThroughExports() throws {
        let gml = write(
            "graph [ node [ id 1 members 10 size 3.5 note \"10\" ] node [ id 2 members 4 size 2 note \"x\" ] edge [ source 1 target 2 ] ]",
            "t.gml")
        let t = try NetworkReader.load(path: gml, options: ReadOptions())
        #expect(t.attributeTypes["node:members"] == "long")
        #expect(t.attributeTypes["node:size"] == "double")
        #expect(t.attributeTypes["node:note"] == nil) // quoted: text, even when it looks like a number
        let graphml = GraphML.write(t.wholeNetwork())
        #expect(graphml.contains("attr.name=\"attr.members\" attr.type=\"long\""))
        #expect(graphml.contains("attr.name=\"attr.size\" attr.type=\"double\""))
        #expect(graphml.contains("attr.name=\"attr.note\" attr.type=\"string\""))
        // Read back, the declared types are kept; node-link JSON writes numbers.
        let back = try GraphML.read(data: Data(graphml.utf8), file: "t.graphml", asNetwork: true)
        #expect(back.attributeTypes["node:members"] == "long" && back.organizations[0].attributes["members"] == "10")
        let json = NodeLinkJSON.write(back.wholeNetwork())
        #expect(json.contains("\"members\" : 10,") || json.contains("\"members\" : 10\n"))
        #expect(json.contains("\"note\" : \"10\""))
        let jsonFile = write(json, "t.json")
        let fromJSON = try NetworkReader.load(path: jsonFile, options: ReadOptions())
        #expect(fromJSON.attributeTypes["node:members"] == "long" && fromJSON.attributeTypes["node:size"] == "double")
        #expect(GEXF.write(fromJSON).contains("<attribute id=\"attr.members\" title=\"attr.members\" type=\"long\"/>"))
    }
}

@Suite struct UndirectedTieTests {
    @Test func aTieDeclaredUndirectedRunsBothWaysAndSurvivesExports() throws {
        let folder = tempFolder("u")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = """
            id: net
            title: Net
            months: ["1917-01"]
            sources: [{id: s, title: S}]
            kinds: [{id: k}]
            organizations:
              - {id: a, name: A, kind: k, status: assumption, confidence: low, sources: [{ref: s}]}
              - {id: b, name: B, kind: k, status: assumption, confidence: low, sources: [{ref: s}]}
              - {id: c, name: C, kind: k, status: assumption, confidence: low, sources: [{ref: s}]}
            ties:
              - {id: t1, from: a, to: b, role: liaison, undirected: true, status: assumption, confidence: low, sources: [{ref: s}]}
              - {id: t2, from: b, to: c, role: liaison, status: assumption, confidence: low, sources: [{ref: s}]}
            """
        _ = FileManager.default.createFile(atPath: folder + "/dataset.yaml", contents: Data(text.utf8))
        let t = try TimelineLoader.load(path: folder)
        #expect(t.isDirected && t.tie("t1")?.undirected == true && t.tie("t2")?.undirected == false)
        let view = t.snapshot(at: Month("1917-01")!).network(roles: .all)
        #expect(view.graph.hasEdge(from: 0, to: 1) && view.graph.hasEdge(from: 1, to: 0))
        #expect(view.graph.hasEdge(from: 1, to: 2) && !view.graph.hasEdge(from: 2, to: 1))
        // YAML, GraphML, GEXF and node-link JSON keep the declaration.
        let out = tempFolder("w")
        try TimelineWriter.write(t, to: out)
        #expect(try TimelineLoader.load(path: out).ties.map(\.undirected) == [true, false])
        let snapshot = t.snapshot(at: Month("1917-01")!)
        #expect(
            try GraphML.read(data: Data(GraphML.write(snapshot).utf8), file: "u.graphml").ties.map(\.undirected) == [
                true, false,
            ])
        #expect(try GEXF.read(data: Data(GEXF.write(t).utf8), file: "u.gexf").ties.map(\.undirected) == [true, false])
        let json = write(NodeLinkJSON.write(t), "u.json")
        #expect(try NetworkReader.load(path: json, options: ReadOptions()).ties.map(\.undirected) == [true, false])
        let csv = tempFolder("csv")
        try CSVFolder.write(t, to: csv)
        #expect(try CSVFolder.read(folder: csv).ties.map(\.undirected) == [true, false])
    }
}

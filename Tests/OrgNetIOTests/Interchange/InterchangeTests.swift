import Foundation
import OrgNet
import OrgNetIO
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The sample dataset of the repository.
let samplePath = sampleDatasetPath

func sample() throws -> Timeline { try TimelineLoader.load(path: samplePath) }

/// A fresh temporary folder.
func tempFolder(_ name: String = "t") -> String {
    let p = NSTemporaryDirectory() + "orgnet-interchange-\(UUID().uuidString)/\(name)"
    try? FileManager.default.createDirectory(
        atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    return p
}

func write(_ text: String, _ name: String) -> String {
    let folder = tempFolder("f")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let p = (folder as NSString).appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
    return p
}

/// Checks two timelines hold the same network: ids, names, kinds, parents, roles, tie kinds,
/// weights, lifetimes, attributes and their declared types, the numeric time axis, and (when
/// asked) provenance and observations.
func expectSameNetwork(
    _ a: Timeline, _ b: Timeline, provenance: Bool = true, observations: Bool = true,
    fullObservations: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(a.organizations.map(\.id) == b.organizations.map(\.id), sourceLocation: sourceLocation)
    for (x, y) in zip(a.organizations, b.organizations) {
        #expect(
            x.name == y.name && x.short == y.short && x.kind == y.kind && x.parent == y.parent, "\(x.id)",
            sourceLocation: sourceLocation)
        #expect(x.lifetime == y.lifetime, "\(x.id) lifetime", sourceLocation: sourceLocation)
        #expect(x.aggregate == y.aggregate && x.attributes == y.attributes, "\(x.id)", sourceLocation: sourceLocation)
        #expect(a.kind(x.kind)?.level == b.kind(y.kind)?.level, "\(x.id) kind level", sourceLocation: sourceLocation)
        if provenance { #expect(x.provenance == y.provenance, "\(x.id) provenance", sourceLocation: sourceLocation) }
    }
    #expect(a.attributeTypes == b.attributeTypes, "declared attribute types", sourceLocation: sourceLocation)
    #expect(a.timeSlices == b.timeSlices, "numeric time axis", sourceLocation: sourceLocation)
    #expect(a.ties.map(\.id) == b.ties.map(\.id), sourceLocation: sourceLocation)
    for (x, y) in zip(a.ties, b.ties) {
        #expect(
            x.from == y.from && x.to == y.to && x.role == y.role && x.kind == y.kind, "\(x.id)",
            sourceLocation: sourceLocation)
        #expect(
            x.weight == y.weight && x.lifetime == y.lifetime && x.attributes == y.attributes, "\(x.id)",
            sourceLocation: sourceLocation)
        if provenance { #expect(x.provenance == y.provenance, "\(x.id) provenance", sourceLocation: sourceLocation) }
    }
    guard observations else { return }
    if fullObservations {
        #expect(a.observations == b.observations, sourceLocation: sourceLocation)
    } else {
        let key = { (o: Observation) in
            "\(o.subject)@\(o.month)/\(o.quantity)=\(o.value) "
                + o.composition.map { "\($0.party):\($0.count)" }.joined(separator: ",")
        }
        #expect(a.observations.map(key).sorted() == b.observations.map(key).sorted(), sourceLocation: sourceLocation)
    }
}

@Suite struct YAMLWriterTests {
    @Test func sampleWritesAndLoadsBackIdentically() throws {
        let t = try sample()
        let out = tempFolder("sample-copy")
        try TimelineWriter.write(t, to: out)
        let back = try TimelineLoader.load(path: out)
        expectSameNetwork(t, back)
        #expect(
            back.months == t.months && back.parties == t.parties && back.kinds == t.kinds && back.tieKinds == t.tieKinds
        )
        #expect(back.sources == t.sources && back.facts == t.facts && back.id == t.id && back.title == t.title)
        #expect(back.description == t.description && back.calendar == t.calendar)
    }

    @Test func syntheticWritesAndLoadsBackIdentically() throws {
        let t = hostileTimeline()
        let out = tempFolder("syn")
        try TimelineWriter.write(t, to: out)
        try TimelineWriter.write(t, to: out) // replaces an existing dataset folder
        let back = try TimelineLoader.load(path: out)
        expectSameNetwork(t, back)
        #expect(
            back.months == t.months && back.parties == t.parties && back.kinds == t.kinds && back.tieKinds == t.tieKinds
        )
        #expect(back.sources == t.sources && back.facts == t.facts && back.description == t.description)
    }

    @Test func refusesToReplaceAFolderThatIsNotADataset() throws {
        let out = tempFolder("busy")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/precious.txt", contents: Data("x".utf8))
        #expect(throws: OrgNetError.self) { try TimelineWriter.write(hostileTimeline(), to: out) }
        #expect(FileManager.default.fileExists(atPath: out + "/precious.txt"))
    }
}

@Suite struct CSVTests {
    @Test func quotingFollowsRFC4180() throws {
        #expect(CSVFolder.field("plain") == "plain")
        #expect(CSVFolder.field("a,b") == "\"a,b\"")
        #expect(CSVFolder.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVFolder.field("two\nlines") == "\"two\nlines\"")
        let rows = [["a,b", "say \"hi\"", "two\nlines", ""], ["x", " padded ", "", "é"]]
        let text = CSVFolder.table(["c1", "c2", "c3", "c4"], rows)
        let back = try CSVFolder.records(text, file: "t.csv")
        #expect(back.map(\.fields) == [["c1", "c2", "c3", "c4"]] + rows)
        #expect(back.map(\.line) == [1, 2, 4])
    }

    @Test func sampleRoundTripsThroughCSV() throws {
        let t = try sample()
        let out = tempFolder("csv")
        try CSVFolder.write(t, to: out)
        let back = try CSVFolder.read(folder: out)
        expectSameNetwork(t, back)
        #expect(
            back.months == t.months && back.kinds == t.kinds && back.tieKinds == t.tieKinds && back.sources == t.sources
        )
        // And the imported timeline is a valid dataset.
        let yaml = tempFolder("csv-yaml")
        try TimelineWriter.write(back, to: yaml)
        expectSameNetwork(t, try TimelineLoader.load(path: yaml))
    }

    @Test func syntheticRoundTripsThroughCSV() throws {
        let t = hostileTimeline()
        let out = tempFolder("csv")
        try CSVFolder.write(t, to: out)
        let back = try CSVFolder.read(folder: out)
        expectSameNetwork(t, back)
        #expect(back.parties == t.parties && back.calendar == .julian && back.description == t.description)
    }

    @Test func badCSVNamesFileAndLine() throws {
        let folder = tempFolder("bad")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: folder + "/nodes.csv", contents: Data("id,name\r\na,A\r\nb,\"B\r\n".utf8))
        do { _ = try CSVFolder.read(folder: folder); Issue.record("expected an error") } catch {
            #expect(
                error.code == .badData && error.location?.file.hasSuffix("nodes.csv") == true
                    && error.location?.line == 3)
        }
        _ = FileManager.default.createFile(atPath: folder + "/nodes.csv", contents: Data("id,name\na,A\nb,B\n".utf8))
        _ = FileManager.default.createFile(
            atPath: folder + "/ties.csv", contents: Data("from,to,role\na,b,delegation\nb,zz,delegation\n".utf8))
        do { _ = try CSVFolder.read(folder: folder); Issue.record("expected an error") } catch {
            #expect(
                error.code == .badData && error.location?.file.hasSuffix("ties.csv") == true
                    && error.location?.line == 3)
            #expect(error.message.contains("zz"))
        }
        _ = FileManager.default.createFile(
            atPath: folder + "/ties.csv", contents: Data("from,to,role,weight\na,b,delegation,many\n".utf8))
        do { _ = try CSVFolder.read(folder: folder); Issue.record("expected an error") } catch {
            #expect(error.code == .badData && error.location?.line == 2 && error.message.contains("weight"))
        }
    }

    @Test func importedElementsWithoutProvenanceAreExternalAndCertain() throws {
        let folder = tempFolder("plain")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: folder + "/nodes.csv", contents: Data("id,name,since\na,A,1917-03\nb,B,1917-05\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/ties.csv", contents: Data("from,to\na,b\n".utf8))
        let t = try CSVFolder.read(folder: folder)
        #expect(t.months.map(\.description) == ["1917-03", "1917-04", "1917-05"])
        let o = try #require(t.organization("a"))
        #expect(o.provenance.status == .external && o.provenance.confidence == nil)
        #expect(o.provenance.sources.map(\.ref) == [t.sources.last!.id])
        #expect(t.sources.last!.title.contains("plain"))
        #expect(t.ties.first?.role == .other)
    }
}

/// Parses XML with Foundation's parser; true when well formed.
func wellFormed(_ text: String) -> Bool {
    let p = XMLParser(data: Data(text.utf8))
    return p.parse()
}

@Suite struct GraphMLTests {
    @Test(arguments: ["1917-02", "1917-03", "1917-04"])
    func sampleMonthRoundTrips(month: String) throws {
        let t = try sample()
        let s = t.snapshot(at: try t.month(named: month))
        let xml = GraphML.write(s)
        #expect(wellFormed(xml))
        let back = try GraphML.read(data: Data(xml.utf8), file: "m.graphml")
        #expect(back.months.map(\.description) == [month])
        // A parent not alive that month is not in the file, so it is not read back.
        let alive = Set(s.organizations.map(\.id))
        let orgs = s.organizations.map { o -> Organization in
            var o = o
            if let p = o.parent, !alive.contains(p) { o.parent = nil }
            return o
        }
        let expected = Timeline(
            id: t.id, title: t.title, months: [s.month!], kinds: t.kinds, tieKinds: t.tieKinds,
            organizations: orgs, ties: s.ties, origin: "x")
        expectSameNetwork(expected, back, observations: false)
        #expect(back.snapshot(at: s.month!).ties.count == s.ties.count)
    }

    @Test func hostileStringsAreEscaped() throws {
        let t = hostileTimeline()
        let s = t.snapshot(at: t.months[1])
        let xml = GraphML.write(s)
        #expect(wellFormed(xml))
        #expect(!xml.contains("<script>"))
        let back = try GraphML.read(data: Data(xml.utf8), file: "h.graphml")
        #expect(back.organization("a")?.name == t.organization("a")?.name)
        #expect(back.organization("a")?.attributes == t.organization("a")?.attributes)
        #expect(back.tie("c_3->b.2")?.attributes == t.tie("c_3->b.2")?.attributes)
        #expect(back.title == t.title)
        expectSameNetwork(
            Timeline(
                id: "x", title: "x", months: [t.months[1]], kinds: t.kinds, organizations: s.organizations,
                ties: s.ties, origin: "x"),
            back, observations: false)
    }

    func expectBad(_ xml: String, line: Int?, containing: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = write(xml, "bad.graphml")
        do {
            _ = try GraphML.read(path: path, month: Month("1917-01"))
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .badData, sourceLocation: sourceLocation)
            #expect(error.location?.file == path, sourceLocation: sourceLocation)
            if let line { #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation) }
            #expect(error.message.contains(containing), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func badFilesNameFileAndLine() {
        let head =
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph edgedefault=\"directed\">\n"
        expectBad(head + "<node id=\"a\">\n<oops></node>\n</graph></graphml>", line: nil, containing: "malformed XML")
        expectBad(head + "<node id=\"a\"/>\n<node/>\n</graph></graphml>", line: 6, containing: "without an id")
        expectBad(
            head + "<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/>\n</graph></graphml>", line: 6,
            containing: "ghost")
        expectBad(
            head
                + "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">\n<data key=\"w\">heavy</data></edge>\n</graph></graphml>",
            line: 7, containing: "double")
        expectBad(head + "<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>", line: 6, containing: "twice")
        expectBad("not xml at all", line: 1, containing: "malformed")
    }

    @Test func foreignGraphMLGetsDefaults() throws {
        let xml = """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <graph edgedefault="directed"><node id="n 1"/><node id="n2"/><edge source="n 1" target="n2"/></graph></graphml>
            """
        let path = write(xml, "net.graphml")
        let t = try GraphML.read(path: path, month: Month("1917-10"))
        #expect(t.organizations.map(\.id) == ["n_1", "n2"])
        #expect(t.ties.first?.from == "n_1" && t.ties.first?.role == .other)
        #expect(t.organizations[0].provenance.status == .external && t.organizations[0].provenance.confidence == nil)
        #expect(t.sources.map(\.title) == ["Imported from net.graphml"])
        let out = tempFolder("net")
        try TimelineWriter.write(t, to: out)
        #expect(try TimelineLoader.load(path: out).organizations.count == 2)
        #expect(throws: OrgNetError.self) { try GraphML.read(path: path) } // no month anywhere
    }
}

@Suite struct GEXFTests {
    @Test func sampleRoundTripsThroughGEXF() throws {
        let t = try sample()
        let xml = GEXF.write(t)
        #expect(wellFormed(xml))
        #expect(xml.contains("mode=\"dynamic\"") && xml.contains("timeformat=\"date\""))
        #expect(xml.contains("<spell start=\"1917-03-01\" end=\"1917-04-30\"/>"))
        let back = try GEXF.read(data: Data(xml.utf8), file: "s.gexf")
        #expect(back.months == t.months)
        // GEXF keeps the point values and compositions of organization observations.
        let orgObs = t.observations.map { o -> Observation in
            var x = o
            x.alternatives = []
            return x
        }
        var expected = t
        expected.observations = orgObs
        expectSameNetwork(expected, back, fullObservations: false)
    }

    @Test func syntheticRoundTripsThroughGEXF() throws {
        let t = hostileTimeline()
        let xml = GEXF.write(t)
        #expect(wellFormed(xml))
        #expect(!xml.contains("<script>"))
        let back = try GEXF.read(data: Data(xml.utf8), file: "s.gexf")
        #expect(back.months == t.months && back.title == t.title)
        expectSameNetwork(t, back, fullObservations: false)
        // The last day of February 1920 in the Julian calendar.
        #expect(xml.contains("end=\"1920-02-29\""))
    }

    @Test func badGEXFNamesLine() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
                <attributes class="node"><attribute id="0" title="size" type="integer"/></attributes>
                <nodes><node id="a" label="A"><spells><spell start="1917-03-01"/></spells></node>
                  <node id="b" label="B"><attvalues><attvalue for="0" value="big"/></attvalues></node></nodes>
              </graph>
            </gexf>
            """
        let path = write(xml, "bad.gexf")
        do { _ = try GEXF.read(path: path); Issue.record("expected an error") } catch {
            #expect(error.code == .badData && error.location?.file == path && error.location?.line == 6)
        }
        let edge = xml.replacingOccurrences(of: "value=\"big\"", with: "value=\"3\"")
            .replacingOccurrences(
                of: "</nodes>", with: "</nodes>\n<edges><edge source=\"a\" target=\"nobody\"/></edges>")
        let path2 = write(edge, "bad2.gexf")
        do { _ = try GEXF.read(path: path2); Issue.record("expected an error") } catch {
            #expect(error.code == .badData && error.location?.line == 7 && error.message.contains("nobody"))
        }
    }
}

@Suite struct NodeLinkJSONTests {
    @Test func monthHasNetworkxShape() throws {
        let t = try sample()
        let s = t.snapshot(at: Month("1917-04")!)
        let obj = try #require(
            try JSONSerialization.jsonObject(with: Data(NodeLinkJSON.write(s).utf8)) as? [String: Any])
        #expect(obj["directed"] as? Bool == true && obj["multigraph"] as? Bool == false)
        let nodes = try #require(obj["nodes"] as? [[String: Any]]),
            edges = try #require(obj["edges"] as? [[String: Any]])
        #expect(nodes.count == s.organizations.count && edges.count == s.ties.count)
        #expect(Set(nodes.compactMap { $0["id"] as? String }) == Set(s.organizations.map(\.id)))
        #expect(edges.allSatisfy { $0["source"] is String && $0["target"] is String })
        #expect((obj["graph"] as? [String: Any])?["month"] as? String == "1917-04")
        #expect(nodes.first { $0["id"] as? String == "city-soviet" }?["leading_party"] as? String == "bolsheviks")
    }

    @Test func timelineCarriesLifetimesAndParallelTies() throws {
        let t = hostileTimeline()
        let obj = try #require(
            try JSONSerialization.jsonObject(with: Data(NodeLinkJSON.write(t).utf8)) as? [String: Any])
        #expect(obj["multigraph"] as? Bool == true)
        let nodes = try #require(obj["nodes"] as? [[String: Any]]),
            edges = try #require(obj["edges"] as? [[String: Any]])
        #expect(nodes.first?["since"] as? String == "1920-02" && nodes.first?["until"] as? String == "1920-03")
        #expect(nodes.first?["name"] as? String == t.organizations[0].name)
        #expect(edges.map { $0["key"] as? String } == t.ties.map(\.id))
        #expect(((obj["graph"] as? [String: Any])?["months"] as? [String])?.count == 4)
    }
}

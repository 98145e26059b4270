import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import TestSupport
import Testing

/// Export, import, compare the MODELS: organizations, ties (with provenance and weights),
/// observations with their alternatives and citations, and the months, for every exchange format.
@Suite(.tags(.roundTrip)) struct ModelRoundTripTests {
    static func petrograd() throws -> Timeline { try BuiltInDatasets.defaultTimeline() }

    /// Observations as a multiset (file order differs between formats: by subject, not by month).
    func expectSameObservations(
        _ a: [Observation], _ b: [Observation], disputed: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.count == b.count, "\(a.count) observations vs \(b.count)", sourceLocation: sourceLocation)
        let missing = Set(a).subtracting(b)
        #expect(
            missing.isEmpty, "lost or changed: \(missing.prefix(3).map(\.reference))", sourceLocation: sourceLocation)
        if disputed {
            #expect(
                a.contains { !$0.alternatives.isEmpty }, "the dataset has disputed figures to carry",
                sourceLocation: sourceLocation)
        }
    }

    @Test func gexfKeepsTheWholeModel() throws {
        let t = try Self.petrograd()
        let back = try GEXF.read(data: Data(GEXF.write(t).utf8), file: "p.gexf")
        #expect(back.months == t.months)
        expectSameNetwork(t, back, observations: false)
        expectSameObservations(t.observations, back.observations)
    }

    @Test func nodeLinkJSONKeepsTheWholeModel() throws {
        let t = try Self.petrograd()
        let path = write(NodeLinkJSON.write(t), "p.json")
        let back = try NetworkReader.load(path: path, options: ReadOptions())
        #expect(back.months == t.months && back.id == t.id && back.calendar == t.calendar)
        #expect(back.sources.map(\.id) == t.sources.map(\.id))
        expectSameNetwork(t, back, observations: false)
        expectSameObservations(t.observations, back.observations)
    }

    @Test(arguments: ["1917-02", "1917-10", "1922-01"])
    func graphMLMonthKeepsTheMonthsModel(_ month: String) throws {
        let t = try Self.petrograd()
        let snapshot = t.snapshot(at: Month(month)!)
        let expected = Interchange.timeline(of: snapshot)
        let back = try GraphML.read(data: Data(GraphML.write(snapshot).utf8), file: "m.graphml")
        #expect(back.months == [Month(month)!])
        expectSameNetwork(expected, back, observations: false)
        expectSameObservations(expected.observations, back.observations, disputed: month == "1917-10")
    }

    @Test func csvFolderKeepsTheWholeModel() throws {
        let t = try Self.petrograd()
        let folder = tempFolder("csv")
        try CSVFolder.write(t, to: folder)
        let back = try NetworkReader.load(path: folder, options: ReadOptions())
        #expect(back.months == t.months)
        expectSameNetwork(t, back, observations: false)
        expectSameObservations(t.observations, back.observations)
    }

    @Test func graphMLWeightKeyHasADefaultAndUnknownWeightsStayUnknown() throws {
        let t = try Self.petrograd()
        let snapshot = t.snapshot(at: Month("1917-10")!)
        #expect(snapshot.ties.contains { $0.weight == nil } && snapshot.ties.contains { $0.weight != nil })
        let xml = GraphML.write(snapshot)
        #expect(xml.contains("attr.name=\"weight\" attr.type=\"double\"><default>1</default></key>"))
        let back = try GraphML.read(data: Data(xml.utf8), file: "m.graphml")
        #expect(back.ties.map(\.weight) == snapshot.ties.map(\.weight))
    }
}

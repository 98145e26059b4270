import Foundation
import OrgNet
import OrgNetIO
import TestSupport
import Testing

/// A dynamic GEXF with numeric time (`timeformat="double"`) read on its time axis: the slices are
/// the distinct interval ends, and membership follows GEXF's intervals, which include both ends
/// (GEXF 1.2's `endopen="true"` excludes the end).
@Suite struct NumericTimeTests {
    static var path: String {
        repositoryRoot.appendingPathComponent("docs/examples/rounds.gexf").path
    }

    static func read() throws -> Timeline { try NetworkReader.load(path: path, options: ReadOptions()) }

    /// The organizations and ties at `time`, sorted.
    func members(_ t: Timeline, _ time: String) throws -> (orgs: [String], ties: [String]) {
        let s = t.snapshot(at: try t.month(named: time))
        return (s.organizations.map(\.id).sorted(), s.ties.map(\.id).sorted())
    }

    @Test func theSlicesAreTheDistinctTimesTheFileNames() throws {
        let t = try Self.read()
        #expect(t.timeSlices?.times == [1, 1.5, 2, 2.5, 3])
        #expect(t.months.count == 5)
        #expect(t.months.map { t.timeSlices!.label(of: $0) } == ["1", "1.5", "2", "2.5", "3"])
        #expect(!t.isDirected)
    }

    /// Expected sets worked out by hand from the file and the spec's closed intervals.
    @Test(arguments: [
        ("1", ["a", "c", "d"], ["ad", "cd"]),
        ("1.5", ["a", "c", "d"], ["ad", "cd"]), // c and cd end at 1.5, included
        ("2", ["a", "b", "d", "e"], ["ab", "ad", "ed"]),
        ("2.5", ["a", "b", "d", "e"], ["ab", "ad", "ed"]), // ab ends at 2.5, included
        ("3", ["a", "b", "d"], ["ad", "bd"]), // a ends at 3, included; e's end is open
    ])
    func membershipFollowsClosedIntervals(_ time: String, _ orgs: [String], _ ties: [String]) throws {
        let m = try members(try Self.read(), time)
        #expect(m.orgs == orgs)
        #expect(m.ties == ties)
    }

    @Test func aTimeIsPickedByItsNumberAndLabelsTheSnapshot() throws {
        let t = try Self.read()
        let s = t.snapshot(at: try t.month(named: "2.0"))
        #expect(s.label == "2" && s.month == nil) // not a calendar month
        #expect(throws: OrgNetError.self) { try t.month(named: "2.2") } // between two times: not given
        #expect(throws: OrgNetError.self) { try t.month(named: "1917-10") }
    }

    @Test func aRoundTripThroughGEXFKeepsTheTimesAndTheMembership() throws {
        let t = try Self.read()
        let text = GEXF.write(t)
        #expect(text.contains("timeformat=\"double\"") && !text.contains("0001-"))
        let back = try GEXF.read(data: Data(text.utf8), file: Self.path, asNetwork: true)
        #expect(back.timeSlices == t.timeSlices && back.months == t.months)
        expectSameNetwork(t, back)
        for time in ["1", "1.5", "2", "2.5", "3"] {
            let (a, b) = (try members(t, time), try members(back, time))
            #expect(a.orgs == b.orgs && a.ties == b.ties, "at \(time)")
        }
    }

    @Test func wholeTimesAreWrittenAsLong() throws {
        let text = """
            <gexf version="1.3"><graph mode="dynamic" timeformat="long">
            <nodes><node id="x" start="1990" end="1992"/><node id="y" start="1991"/></nodes>
            <edges><edge source="x" target="y" start="1991" end="1992"/></edges></graph></gexf>
            """
        let t = try GEXF.read(data: Data(text.utf8), file: "years.gexf", asNetwork: true)
        #expect(t.timeSlices?.times == [1990, 1991, 1992])
        #expect(try members(t, "1990").orgs == ["x"])
        #expect(try members(t, "1992").ties.count == 1)
        #expect(GEXF.write(t).contains("timeformat=\"long\""))
    }

    @Test func importStillTakesOnlyDates() throws {
        // `import` writes a YAML dataset of calendar months; numeric time cannot become months.
        #expect(throws: OrgNetError.self) { try GEXF.read(path: Self.path) }
    }
}

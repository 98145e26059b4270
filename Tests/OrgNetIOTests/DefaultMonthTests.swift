import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import TestSupport
import Testing

@Suite(.tags(.builtInData)) struct DefaultMonthTests {
    @Test func theDatasetNamesTheMonthShownFirst() throws {
        let t = try loadYAML(dataset("default_month: 1917-02"))
        #expect(t.defaultMonth == Month("1917-02"))
        #expect(t.monthToShow == Month("1917-02"))
        #expect(t.latestMonth == Month("1917-03"))
    }

    @Test func withoutOneTheLatestMonthIsShown() throws {
        let t = try loadYAML(dataset(""))
        #expect(t.defaultMonth == nil)
        #expect(t.monthToShow == Month("1917-03"))
    }

    @Test func aDefaultOutsideTheMonthsIsBadDataAtItsLine() {
        let e = error { () throws(OrgNetError) in _ = try loadYAML(dataset("default_month: 1917-05"), file: "d.yaml") }
        #expect(e?.code == .badData)
        #expect(e?.location?.line == 5, "\(e?.description ?? "no error")")
        #expect(e?.message.contains("default_month") == true)
    }

    /// The built-in dataset's dataset.yaml names October 1917, and a command without a month uses it.
    @Test func theBuiltInDatasetOpensOnOctober1917() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let s = t.snapshotToShow()
        #expect(s.month == Month("1917-10"))
        #expect(s.timeline.latestMonth == Month("1922-01"))
    }
}

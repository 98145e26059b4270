import OrgNet
import OrgNetBuiltIn
import TestSupport
import Testing

/// The library's month API as a library user reaches it (plain imports, public symbols only):
/// text becomes a month only through `Timeline.month(named:)`, a bad month is an error listing the
/// valid ones, and the whole network is a separate call (docs/design.md §1).
@Suite struct MonthAPITests {
    static let timeline = try! BuiltInDatasets.defaultTimeline()

    /// The months an error lists: every `YYYY-MM` word of its hints.
    static func listedMonths(_ e: OrgNetError?) -> [String] {
        let words: [String] = (e?.hints ?? []).flatMap { $0.split(separator: " ").map(String.init) }
        return words.filter { (word: String) -> Bool in
            let digits = word.filter(\.isNumber).count
            return word.count == 7 && digits == 6 && Array(word)[4] == "-"
        }
    }

    @Test(arguments: ["1917-13", "1917-00", "October 1917", "1917-1", "", "1917-10 "])
    func textThatIsNotAMonthThrowsListingTheMonths(_ text: String) {
        let t = Self.timeline
        let e = error { () throws(OrgNetError) in _ = try t.month(named: text) }
        #expect(e?.code == .invalidArgument)
        #expect(e?.message.contains("not a month") == true, "\(String(describing: e))")
        #expect(Self.listedMonths(e) == t.months.map(\.description))
    }

    @Test(arguments: ["1916-12", "1917-12"])
    func aMonthWithoutASnapshotThrowsListingTheMonths(_ text: String) {
        let t = Self.timeline
        let e = error { () throws(OrgNetError) in _ = try t.month(named: text) }
        #expect(e?.code == .invalidArgument)
        #expect(e?.message.contains("has no snapshot for \(text)") == true, "\(String(describing: e))")
        #expect(Self.listedMonths(e) == t.months.map(\.description))
    }

    @Test func aNamedMonthGivesThatMonthsSnapshot() throws {
        let t = Self.timeline
        let month = try t.month(named: "1917-10")
        #expect(month.year == 1917 && month.month == 10)
        let october = t.snapshot(at: month)
        #expect(october.month == month && october.label == "1917-10")
        #expect(october.organizations.allSatisfy { $0.lifetime.contains(month) })
        // The dataset runs from before October 1917 into 1918: not every body was alive in October.
        #expect(october.organizations.count < t.organizations.count)
    }

    @Test func theWholeNetworkIsEveryMonthAtOnce() {
        let t = Self.timeline
        let whole = t.wholeNetwork()
        #expect(whole.month == nil)
        #expect(whole.label == t.id)
        #expect(Set(whole.organizations.map(\.id)) == Set(t.organizations.map(\.id)))
        #expect(whole.ties.count == t.ties.count)
        // What any month has is in the whole network.
        let ids = Set(whole.organizations.map(\.id))
        for m in t.months { #expect(t.snapshot(at: m).organizations.allSatisfy { ids.contains($0.id) }) }
    }

    @Test func theSnapshotToShowIsTheDefaultMonthsOrTheWholeNetwork() throws {
        let t = Self.timeline
        let shown = t.snapshotToShow()
        #expect(shown.month == t.monthToShow)
        var network = t
        network.months = []
        network.defaultMonth = nil
        #expect(network.snapshotToShow().month == nil)
        #expect(network.snapshotToShow().organizations.count == t.organizations.count)
    }
}

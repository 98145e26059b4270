import Foundation
import OrgNet
import Testing

@Suite struct DiffTests {
    @Test func februaryToAprilAddsFourOrganizationsAndFourTies() throws {
        let t = try Fixture.sample()
        let d = try SnapshotDiff(t.snapshot(at: Fixture.month("1917-02")), t.snapshot(at: Fixture.month("1917-04")))
        #expect(Set(d.added.organizations.map(\.id)) == ["government", "district-south", "works-a-fc", "works-b"])
        #expect(d.added.ties.count == 4)
        #expect(d.removed.isEmpty)
        // Compositions first observed in April.
        let city = try #require(d.changed.first { $0.id == "city-soviet" })
        let comp = try #require(city.changes.first { $0.field == "composition" })
        #expect(comp.quantity == "seats")
        #expect(comp.before == nil)
        #expect(
            comp.after
                == .composition([
                    PartyCount(party: "bolsheviks", count: 4), PartyCount(party: "mensheviks", count: 3),
                    PartyCount(party: "srs", count: 3),
                ]))
        #expect(city.changes.contains { $0.field == "leading_party" && $0.after == .text("Bolsheviks") })
        // Workers of Works A (3000 in February) are carried forward: no change (its deputies of April are
        // recorded on its tie, so the works itself has no change at all).
        #expect(!d.changed.contains { $0.id == "works-a" })
    }

    @Test func reversedDiffRemovesWhatTheForwardOneAdds() throws {
        let t = try Fixture.sample()
        let a = t.snapshot(at: Fixture.month("1917-02")), b = t.snapshot(at: Fixture.month("1917-04"))
        let forward = try SnapshotDiff(a, b), backward = try SnapshotDiff(b, a)
        #expect(Set(forward.added.organizations.map(\.id)) == Set(backward.removed.organizations.map(\.id)))
        #expect(Set(forward.added.ties.map(\.id)) == Set(backward.removed.ties.map(\.id)))
        #expect(try SnapshotDiff(a, a).isEmpty)
    }

    @Test func scoreShiftsAndRanks() throws {
        let t = try Fixture.sample()
        let d = try SnapshotDiff(t.snapshot(at: Fixture.month("1917-02")), t.snapshot(at: Fixture.month("1917-04")))
        #expect(d.measure == "betweenness")
        #expect(d.shifts.count == 7)
        let south = try #require(d.shifts.first { $0.id == "district-south" })
        #expect(south.before == nil && south.rankBefore == nil)
        #expect((south.after ?? 0) > 0 && south.rankAfter == 1)
        #expect(abs(d.shifts[0].delta) >= abs(d.shifts.last!.delta))
        #expect(ComparisonMeasures.ranks(["a": 3, "b": 1, "c": 3, "d": 0]) == ["a": 1, "c": 1, "b": 3, "d": 4])
    }

    @Test func jsonHasAddedRemovedChangedAndNullForMissingValues() throws {
        let t = try Fixture.sample()
        let d = try SnapshotDiff(
            t.snapshot(at: Fixture.month("1917-03")), t.snapshot(at: Fixture.month("1917-04")), measure: "pagerank")
        let data = try JSONEncoder().encode(d)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["added", "removed", "changed", "shifts", "measure"] { #expect(object[key] != nil, "\(key)") }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"before\":null"))
    }

    @Test func unknownMeasureIsAUsageError() throws {
        let t = try Fixture.sample()
        let s = t.snapshot(at: Fixture.month("1917-02"))
        #expect(throws: OrgNetError.self) { try SnapshotDiff(s, s, measure: "fame") }
        let error = #expect(throws: OrgNetError.self) { try ComparisonMeasures.scores("fame", of: s) }
        #expect(error?.code == .invalidArgument)
        #expect(try ComparisonMeasures.centralityMeasure(named: "PageRank") == .pagerank)
        for m in ComparisonMeasures.names { #expect(try ComparisonMeasures.scores(m, of: s).count == 3, "\(m)") }
    }
}

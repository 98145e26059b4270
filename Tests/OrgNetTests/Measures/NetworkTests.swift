import OrgNet
import Testing

@Suite struct NetworkTests {
    let t = timeline(
        months: ["1917-02", "1917-03", "1917-04"],
        [org("a"), org("b"), org("c", since: "1917-03"), org("d")],
        [
            tie("a", "b", weight: 3), tie("b", "d", weight: 2, until: "1917-03"),
            tie("a", "c", since: "1917-03"), tie("c", "d", since: "1917-03"),
            tie("d", "a", .authority), tie("a", "d", .liaison),
        ])

    @Test func viewKeepsDelegationAndAuthorityByDefault() {
        let v = t.snapshot(at: m("1917-03")).influenceNetwork()
        #expect(v.ids == ["a", "b", "c", "d"])
        #expect(v.graph.edgeCount == 5) // liaison left out
        #expect(v.graph.weight(from: 0, to: 1) == 1)
        let w = t.snapshot(at: m("1917-03")).network(roles: .all, weighted: true)
        #expect(w.graph.edgeCount == 6)
        #expect(w.graph.weight(from: 0, to: 1) == 3)
    }

    @Test func rolesAreLookedUpByNameOrTieKind() throws {
        #expect(t.role(for: "delegation") == .delegation)
        #expect(t.role(for: "kinship") == nil)
    }

    @Test func inDegreeCentralityRanksHighestFirst() throws {
        let v = t.snapshot(at: m("1917-03")).network(roles: [.delegation])
        let scores = try v.centrality(.inDegree)
        #expect(scores.first?.id == "d") // from b and c
        #expect(close(scores.first!.score, 2.0 / 3.0))
        #expect(try v.centrality(.inDegree, raw: true).first?.score == 2)
    }

    @Test func timeRespectingChainsMustExistInEveryMonth() throws {
        // a -> b -> d exists in February and March; a -> c -> d in March and April.
        let feb = try t.months(spanning: "1917-02..1917-03")
        #expect(try t.timeRespectingPaths(from: "a", to: "d", months: feb, roles: [.delegation]) == [["a", "b", "d"]])
        let late = try t.months(spanning: "1917-03..1917-04")
        #expect(try t.timeRespectingPaths(from: "a", to: "d", months: late, roles: [.delegation]) == [["a", "c", "d"]])
        let march = [m("1917-03")]
        #expect(
            Set(
                try t.timeRespectingPaths(from: "a", to: "d", months: march, roles: [.delegation], .all(maxLength: nil))
            )
                == [["a", "b", "d"], ["a", "c", "d"]])
        // No chain spans the three months.
        let whole = try t.months(spanning: "1917-02..1917-04")
        #expect(try t.timeRespectingPaths(from: "a", to: "b", months: whole, roles: [.delegation]) == [["a", "b"]])
        // c does not exist in February, so it cannot be an end of a chain spanning it.
        #expect(throws: OrgNetError.self) {
            try t.timeRespectingPaths(from: "a", to: "c", months: whole, roles: [.delegation])
        }
        #expect(try t.timeRespectingPaths(from: "b", to: "d", months: whole, roles: [.delegation]).isEmpty)
    }

    @Test func anEmptyRoleFilterKeepsNoTieAndAllKeepsEvery() {
        let s = t.snapshot(at: m("1917-03")) // six ties alive: four delegation, one authority, one liaison
        #expect(s.network(roles: []).graph.edgeCount == 0)
        #expect(s.network(roles: .only([])).ids == ["a", "b", "c", "d"])
        #expect(s.network(roles: [.liaison]).graph.edgeCount == 1)
        #expect(s.network(roles: .all).graph.edgeCount == 6)
    }

    @Test func aSpanOfNoMonthsIsRefused() {
        #expect(throws: OrgNetError.self) { try t.persistentSnapshot(months: []) }
        #expect(throws: OrgNetError.self) { try t.timeRespectingPaths(from: "a", to: "b", months: [], roles: .all) }
    }

    @Test func spansAreValidated() {
        #expect(throws: OrgNetError.self) { try t.months(spanning: "1917-04..1917-02") }
        #expect(throws: OrgNetError.self) { try t.months(spanning: "1917-02..1918-01") }
    }
}

import Foundation
import Testing

@testable import OrgNet
@testable import OrgNetIO

/// The dataset checker on small datasets written in YAML in each test.
@Suite struct DatasetCheckerTests {
    func findings(_ body: String) throws -> [DatasetChecker.Finding] {
        DatasetChecker().check(try loadYAML(dataset(body))).findings
    }

    let two = """
        organizations:
          - {id: a, name: A, kind: soviet, sources: [{ref: s}], status: seed, confidence: high}
          - {id: b, name: B, kind: soviet, since: 1917-03, sources: [{ref: s}], status: seed, confidence: high}
        """

    @Test func tieBeforeItsEndExistsIsAnError() throws {
        let f = try findings(
            two + "\nties:\n  - {from: a, to: b, role: delegation, sources: [{ref: s}], status: seed, confidence: high}"
        )
        #expect(f.contains { $0.severity == .error && $0.message.contains("before b exists") })
        #expect(f.first?.location?.line == 9)
    }

    @Test func delegationCycleIsAnError() throws {
        let f = try findings(
            two + """

                ties:
                  - {from: a, to: b, role: delegation, since: 1917-03, sources: [{ref: s}], status: seed, confidence: high}
                  - {from: b, to: a, role: delegation, since: 1917-03, sources: [{ref: s}], status: seed, confidence: high}
                """)
        #expect(f.contains { $0.severity == .error && $0.message.contains("delegation cycle in 1917-03") })
    }

    @Test func compositionLargerThanTheBodyIsAnError() throws {
        let f = try findings(
            two
                + "\nobservations:\n  - {org: a, month: 1917-02, quantity: seats, value: 10, composition: {other: 8, unknown: 5}, sources: [{ref: s}], status: seed, confidence: high}"
        )
        #expect(f.contains { $0.severity == .error && $0.message.contains("adds up to 13") })
    }

    @Test func missingConfidenceIsACertainElementAndAWarning() throws {
        let t = try loadYAML(
            dataset("organizations:\n  - {id: a, name: A, kind: soviet, sources: [{ref: s}], status: seed}"))
        #expect(t.organization("a")?.provenance.confidence == nil)
        #expect(PresenceModel().probability(t.organization("a")!.provenance) == 1)
        let report = DatasetChecker().check(t)
        #expect(report.certain == 1)
        #expect(
            report.findings.count == 1 && report.findings[0].severity == .warning
                && report.findings[0].message.contains("no confidence") && report.findings[0].location?.line != nil)
    }

    @Test func missingSourcesAreWarningsOnly() throws {
        let f = try findings("organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}")
        #expect(f.count == 1 && f[0].severity == .warning)
    }

    @Test func factMappedToMissingDataIsAnError() throws {
        let f = try findings(two + "\nfacts:\n  - {id: A1, encoded: [a, gone, \"tie:a->b\"]}")
        #expect(f.filter { $0.severity == .error && $0.message.contains("fact A1") }.count == 2)
    }

    @Test func declaredSumsAreChecked() throws {
        let body =
            two + """

                observations:
                  - {org: a, month: 1917-03, quantity: seats, value: 900, sources: [{ref: s}], status: seed, confidence: high}
                  - {org: b, month: 1917-03, quantity: delegates_sent, value: 484, sources: [{ref: s}], status: seed, confidence: high}
                  - {org: b, month: 1917-03, quantity: more, value: 422, sources: [{ref: s}], status: seed, confidence: high}
                checks:
                """
        let ok = try findings(
            body
                + "\n  - {id: c, total: obs:a@1917-03/seats, parts: [obs:b@1917-03/delegates_sent, obs:b@1917-03/more], tolerance: 0.01}"
        )
        #expect(ok.isEmpty)
        let tight = try findings(
            body
                + "\n  - {id: c, total: obs:a@1917-03/seats, parts: [obs:b@1917-03/delegates_sent, obs:b@1917-03/more], tolerance: 0.001}"
        )
        #expect(tight.contains { $0.severity == .error && $0.message.contains("906") })
    }

    // The authority rules, on small datasets: kinds at three levels (base < district < city) and one at `other`.
    func levelled(_ ties: String) throws -> [DatasetChecker.Finding] {
        DatasetChecker().check(
            try loadYAML(
                """
                id: t
                months: [1917-02, 1917-03]
                kinds: [{id: works, level: base}, {id: district, level: district}, {id: soviet, level: city}, {id: club, level: other}]
                sources: [{id: s, title: A source}]
                organizations:
                  - {id: w, name: W, kind: works, sources: [{ref: s}], status: seed, confidence: high}
                  - {id: d, name: D, kind: district, sources: [{ref: s}], status: seed, confidence: high}
                  - {id: c, name: C, kind: soviet, sources: [{ref: s}], status: seed, confidence: high}
                  - {id: x, name: X, kind: club, sources: [{ref: s}], status: seed, confidence: high}
                ties:
                \(ties)
                """)
        ).findings.filter { $0.severity == .error }
    }
    func tie(_ from: String, _ to: String, _ role: String, _ extra: String = "") -> String {
        "  - {from: \(from), to: \(to), role: \(role), \(extra)sources: [{ref: s}], status: seed, confidence: high}"
    }

    @Test func authorityDownwardPasses() throws {
        #expect(try levelled(tie("c", "d", "authority") + "\n" + tie("d", "w", "authority")).isEmpty)
    }

    @Test func authorityUpwardIsAnErrorNamingTheTie() throws {
        let f = try levelled(tie("w", "c", "authority"))
        #expect(f.count == 1)
        #expect(f.first?.message.contains("w->c runs upward") == true, "\(f)")
        #expect(f.first?.location?.line == 11)
    }

    @Test func aNoteDoesNotExemptButUpwardDoes() throws {
        #expect(try levelled(tie("w", "c", "authority", "note: the works ran the soviet, ")).count == 1)
        #expect(try levelled(tie("w", "c", "authority", "upward: \"a stated reason\", ")).isEmpty)
    }

    @Test func otherLevelAndOtherRolesAreNotCompared() throws {
        #expect(
            try levelled(
                tie("x", "c", "authority") + "\n" + tie("w", "c", "delegation") + "\n"
                    + tie("w", "c", "convenes", "id: calls, ")
            ).isEmpty)
    }

    @Test func authorityOnACycleWithDelegationIsAnError() throws {
        // w elects d, d directs w: a body directing the body that elects it.
        let loop = tie("w", "d", "delegation") + "\n" + tie("d", "w", "authority")
        let f = try levelled(loop)
        #expect(f.count == 1)
        #expect(
            f.first?.message.contains("d->w lies on a cycle") == true && f.first?.message.contains("d → w → d") == true,
            "\(f)")
        // A longer loop through the city soviet is found too.
        let long = tie("w", "d", "delegation") + "\n" + tie("d", "c", "delegation") + "\n" + tie("c", "w", "authority")
        #expect(try levelled(long).first?.message.contains("c → w → d → c") == true)
        // A note does not exempt it; `upward` does.
        #expect(
            try levelled(tie("w", "d", "delegation") + "\n" + tie("d", "w", "authority", "note: accountable, ")).count
                == 1)
        #expect(
            try levelled(
                tie("w", "d", "delegation") + "\n" + tie("d", "w", "authority", "upward: \"accountable command\", ")
            ).isEmpty)
    }

    @Test func cyclesAreCheckedMonthByMonth() throws {
        // The two ties never live in the same month: no cycle.
        let f = try levelled(
            tie("w", "d", "delegation", "until: 1917-02, ") + "\n" + tie("d", "w", "authority", "since: 1917-03, "))
        #expect(f.isEmpty)
    }

    @Test func declaredLevelsDecideTheOrder() throws {
        // With the district placed above the city soviet, c -> d runs upward.
        let t = try loadYAML(
            """
            id: t
            months: [1917-02]
            levels: [base, city, district]
            kinds: [{id: district, level: district}, {id: soviet, level: city}]
            sources: [{id: s, title: A source}]
            organizations:
              - {id: d, name: D, kind: district, sources: [{ref: s}], status: seed, confidence: high}
              - {id: c, name: C, kind: soviet, sources: [{ref: s}], status: seed, confidence: high}
            ties:
              - {from: c, to: d, role: authority, sources: [{ref: s}], status: seed, confidence: high}
            """)
        #expect(DatasetChecker().check(t).errors.contains { $0.message.contains("runs upward") })
    }
}

import Foundation
import Testing
@testable import OrgNet

/// The essay's figures, asserted at their months through the public API of the built-in dataset.
@Suite struct PetrogradDatasetTests {
    static let timeline: Timeline = {
        do { return try BuiltInDatasets.timeline("petrograd-1917") } catch { fatalError("built-in dataset: \(error)") }
    }()

    struct Figure: Sendable, CustomTestStringConvertible {
        let org: String
        let month: String
        let quantity: String
        let value: Double
        var parties: [String: Double] = [:]
        var testDescription: String { "\(org) \(month) \(quantity)=\(value)" }
    }

    static let figures: [Figure] = [
        Figure(org: "putilov-works", month: "1917-02", quantity: "party_members", value: 100, parties: ["bolsheviks": 100]),
        Figure(org: "putilov-works", month: "1917-10", quantity: "delegates", value: 11, parties: ["bolsheviks": 8]),
        Figure(org: "putilov-shops", month: "1917-03", quantity: "bodies", value: 40),
        Figure(org: "petrograd-workers", month: "1917-10", quantity: "workers", value: 400_000),
        Figure(org: "petrograd-workers", month: "1918-04", quantity: "workers", value: 160_000),
        Figure(org: "petrograd-workers", month: "1922-01", quantity: "workers", value: 70_000),
        Figure(org: "petrograd-workers", month: "1922-01", quantity: "workers_from_1917", value: 50_000),
        Figure(org: "petrograd", month: "1917-02", quantity: "population", value: 2_400_000),
        Figure(org: "petrograd", month: "1922-01", quantity: "population", value: 800_000),
        Figure(org: "big-plants", month: "1917-03", quantity: "share", value: 0.87),
        Figure(org: "big-plants", month: "1917-03", quantity: "delegates", value: 484),
        Figure(org: "small-plants", month: "1917-03", quantity: "share", value: 0.13),
        Figure(org: "small-plants", month: "1917-03", quantity: "delegates", value: 422),
        Figure(org: "garrison", month: "1917-03", quantity: "delegates", value: 2000),
        Figure(org: "ps-workers-section", month: "1917-03", quantity: "delegates", value: 900),
        Figure(org: "ps-ec", month: "1917-09", quantity: "members", value: 23, parties: ["bolsheviks": 14, "srs": 6, "mensheviks": 3]),
        Figure(org: "district-soviets", month: "1917-03", quantity: "bodies", value: 11),
        Figure(org: "district-soviets", month: "1917-10", quantity: "bodies", value: 19),
        Figure(org: "red-guards", month: "1917-10", quantity: "members", value: 20_000),
        Figure(org: "fc-124", month: "1917-10", quantity: "bodies", value: 124),
        Figure(org: "ar-fc-conf", month: "1917-10", quantity: "delegates", value: 167),
        Figure(org: "ar-fc-conf", month: "1917-10", quantity: "centres", value: 49),
        Figure(org: "central-councils-russia", month: "1917-10", quantity: "bodies", value: 94),
        Figure(org: "central-councils-provinces", month: "1917-10", quantity: "bodies", value: 77),
        Figure(org: "soviets-russia", month: "1917-05", quantity: "bodies", value: 400),
        Figure(org: "soviets-russia", month: "1917-08", quantity: "bodies", value: 600),
        Figure(org: "soviets-russia", month: "1917-10", quantity: "bodies", value: 900),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_only", value: 28),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_soldiers", value: 106),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_soldiers_peasants", value: 305),
        Figure(org: "congress-1", month: "1917-06", quantity: "delegates", value: 1095, parties: ["bolsheviks": 105]),
        Figure(org: "congress-2", month: "1917-10", quantity: "delegates", value: 649, parties: ["bolsheviks": 399]),
        Figure(org: "provincial-soviets", month: "1917-03", quantity: "bodies", value: 80),
    ]

    @Test(arguments: figures)
    func essayFigureAtItsMonth(_ f: Figure) throws {
        let month = try Self.timeline.month(named: f.month)
        let snapshot = Self.timeline.snapshot(at: month)
        #expect(snapshot.organization(f.org) != nil, "\(f.org) should exist in \(f.month)")
        let obs = try #require(snapshot.observation(f.quantity, of: f.org))
        #expect(obs.value == f.value)
        for (party, count) in f.parties { #expect(obs.count(of: party) == count, "\(party)") }
        #expect(!obs.provenance.sources.isEmpty)
    }

    @Test func thirteenOldStyleMonths() {
        let t = Self.timeline
        #expect(t.months.map(\.description) == ["1917-02", "1917-03", "1917-04", "1917-05", "1917-06", "1917-07", "1917-08",
                                                 "1917-09", "1917-10", "1917-11", "1918-01", "1918-04", "1922-01"])
        #expect(t.calendar == .julian)
    }

    @Test func elevenDistrictSovietsInMarchAndVyborgFirst() throws {
        let t = Self.timeline
        let march = t.snapshot(at: try t.month(named: "1917-03"))
        #expect(march.organizations.filter { $0.kind == "district_soviet" }.count == 11)
        let february = t.snapshot(at: try t.month(named: "1917-02"))
        #expect(february.organizations.filter { $0.kind == "district_soviet" }.map(\.id) == ["vyborg-ds"])
    }

    @Test func centralCouncilFromJuneUntilAbsorbedIn1918() throws {
        let t = Self.timeline
        let ccfc = try #require(t.organization("ccfc"))
        #expect(ccfc.lifetime.since == Month("1917-06"))
        #expect(ccfc.lifetime.until == Month("1918-01"))
        #expect(t.ties.contains { $0.from == "ccfc" && $0.role == .merger })
        #expect(t.snapshot(at: try t.month(named: "1918-04")).organization("ccfc") == nil)
    }

    @Test func disputedSecondCongressKeepsItsAlternatives() throws {
        let obs = try #require(Self.timeline.snapshot(at: Month("1917-10")).observation("delegates", of: "congress-2"))
        #expect(obs.alternatives.contains { $0.composition.contains { $0.party == "bolsheviks" && $0.count == 390 } })
        #expect(obs.alternatives.allSatisfy { !$0.provenance.sources.isEmpty })
    }

    @Test func dualPowerIsConditionalSupport() throws {
        let t = Self.timeline
        let march = t.snapshot(at: try t.month(named: "1917-03"))
        #expect(march.ties.contains { $0.from == "petrograd-soviet" && $0.to == "provisional-government" && $0.role == .support })
    }

    @Test func everyElementCarriesProvenance() {
        let t = Self.timeline
        let all = t.organizations.map(\.provenance) + t.ties.map(\.provenance) + t.observations.map(\.provenance)
        #expect(all.allSatisfy { !$0.sources.isEmpty })
        let known = Set(t.sources.map(\.id))
        #expect(all.flatMap(\.sources).allSatisfy { known.contains($0.ref) })
    }

    @Test func factCoverageIsCompleteAndResolves() {
        let t = Self.timeline
        let ids = Set(t.facts.map(\.id))
        #expect(ids == Set((1...104).map { String(format: "A%02d", $0) }), "every fact A01-A104 is listed once")
        #expect(t.facts.filter { !$0.encoded.isEmpty }.count >= 80)
        let report = DatasetChecker().check(t)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.description))")
    }
}

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
        let f = try findings(two + "\nties:\n  - {from: a, to: b, role: delegation, sources: [{ref: s}], status: seed, confidence: high}")
        #expect(f.contains { $0.severity == .error && $0.message.contains("before b exists") })
        #expect(f.first?.location?.line == 9)
    }

    @Test func delegationCycleIsAnError() throws {
        let f = try findings(two + """

        ties:
          - {from: a, to: b, role: delegation, since: 1917-03, sources: [{ref: s}], status: seed, confidence: high}
          - {from: b, to: a, role: delegation, since: 1917-03, sources: [{ref: s}], status: seed, confidence: high}
        """)
        #expect(f.contains { $0.severity == .error && $0.message.contains("delegation cycle in 1917-03") })
    }

    @Test func compositionLargerThanTheBodyIsAnError() throws {
        let f = try findings(two + "\nobservations:\n  - {org: a, month: 1917-02, quantity: delegates, value: 10, composition: {other: 8, unknown: 5}, sources: [{ref: s}], status: seed, confidence: high}")
        #expect(f.contains { $0.severity == .error && $0.message.contains("adds up to 13") })
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
        let body = two + """

        observations:
          - {org: a, month: 1917-03, quantity: delegates, value: 900, sources: [{ref: s}], status: seed, confidence: high}
          - {org: b, month: 1917-03, quantity: delegates, value: 484, sources: [{ref: s}], status: seed, confidence: high}
          - {org: b, month: 1917-03, quantity: more, value: 422, sources: [{ref: s}], status: seed, confidence: high}
        checks:
        """
        let ok = try findings(body + "\n  - {id: c, total: obs:a@1917-03/delegates, parts: [obs:b@1917-03/delegates, obs:b@1917-03/more], tolerance: 0.01}")
        #expect(ok.isEmpty)
        let tight = try findings(body + "\n  - {id: c, total: obs:a@1917-03/delegates, parts: [obs:b@1917-03/delegates, obs:b@1917-03/more], tolerance: 0.001}")
        #expect(tight.contains { $0.severity == .error && $0.message.contains("906") })
    }
}

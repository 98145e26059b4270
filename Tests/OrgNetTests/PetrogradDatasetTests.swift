import Foundation
import OrgNetBuiltIn
import TestSupport
import Testing

@testable import OrgNet

/// The essay's figures, asserted at their months through the public API of the built-in dataset.
@Suite(.tags(.builtInData)) struct PetrogradDatasetTests {
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
        // A count of party members, not a composition of the plant (essay, "The Putilov workers" ¶5).
        Figure(org: "putilov-works", month: "1917-02", quantity: "party_members", value: 100),
        // Eight of eleven in the October re-election ("The Putilov workers" ¶14), recorded on Putilov's delegation tie.
        Figure(
            org: "putilov-works->big-plants", month: "1917-10", quantity: "delegates_sent", value: 11,
            parties: ["bolsheviks": 8]),
        Figure(org: "putilov-shops", month: "1917-03", quantity: "bodies", value: 40),
        Figure(org: "petrograd-workers", month: "1917-10", quantity: "workers", value: 400_000),
        Figure(org: "petrograd-workers", month: "1918-04", quantity: "workers", value: 160_000),
        Figure(org: "petrograd-workers", month: "1922-01", quantity: "workers", value: 70_000),
        Figure(org: "petrograd-workers", month: "1922-01", quantity: "workers_from_1917", value: 50_000),
        Figure(org: "petrograd", month: "1917-02", quantity: "population", value: 2_400_000),
        Figure(org: "petrograd", month: "1922-01", quantity: "population", value: 800_000),
        Figure(org: "big-plants", month: "1917-03", quantity: "delegates_sent", value: 484),
        Figure(org: "small-plants", month: "1917-03", quantity: "delegates_sent", value: 422),
        Figure(org: "garrison", month: "1917-03", quantity: "delegates_sent", value: 2000),
        Figure(org: "ps-workers-section", month: "1917-03", quantity: "seats", value: 900),
        Figure(org: "petrograd-soviet", month: "1917-03", quantity: "seats", value: 2900),
        Figure(
            org: "ps-ec", month: "1917-09", quantity: "members", value: 23,
            parties: ["bolsheviks": 14, "srs": 6, "mensheviks": 3]),
        Figure(org: "district-soviets", month: "1917-03", quantity: "bodies", value: 11),
        Figure(org: "district-soviets", month: "1917-10", quantity: "bodies", value: 19),
        Figure(org: "red-guards", month: "1917-10", quantity: "members", value: 20_000),
        Figure(org: "fc-124", month: "1917-10", quantity: "bodies", value: 124),
        Figure(org: "ar-fc-conf", month: "1917-10", quantity: "seats", value: 167),
        Figure(org: "ar-fc-conf", month: "1917-10", quantity: "centres", value: 49),
        Figure(org: "central-councils-russia", month: "1917-10", quantity: "bodies", value: 94),
        Figure(org: "central-councils-provinces", month: "1917-10", quantity: "bodies", value: 77),
        Figure(org: "soviets-russia", month: "1917-05", quantity: "bodies", value: 400),
        Figure(org: "soviets-russia", month: "1917-08", quantity: "bodies", value: 600),
        Figure(org: "soviets-russia", month: "1917-10", quantity: "bodies", value: 900),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_only", value: 28),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_soldiers", value: 106),
        Figure(org: "soviets-russia", month: "1917-06", quantity: "bodies_workers_soldiers_peasants", value: 305),
        Figure(org: "congress-1", month: "1917-06", quantity: "seats", value: 1095, parties: ["bolsheviks": 105]),
        Figure(org: "congress-2", month: "1917-10", quantity: "seats", value: 649, parties: ["bolsheviks": 399]),
        Figure(org: "provincial-soviets", month: "1917-03", quantity: "bodies", value: 80),
    ]

    @Test(arguments: figures)
    func essayFigureAtItsMonth(_ f: Figure) throws {
        let month = try Self.timeline.month(named: f.month)
        let snapshot = Self.timeline.snapshot(at: month)
        #expect(
            snapshot.organization(f.org) != nil || snapshot.ties.contains { $0.id == f.org },
            "\(f.org) should exist in \(f.month)")
        let obs = try #require(snapshot.observation(f.quantity, of: f.org))
        #expect(obs.value == f.value)
        for (party, count) in f.parties { #expect(obs.count(of: party) == count, "\(party)") }
        #expect(!obs.provenance.sources.isEmpty)
    }

    @Test func thirteenOldStyleMonths() {
        let t = Self.timeline
        #expect(
            t.months.map(\.description) == [
                "1917-02", "1917-03", "1917-04", "1917-05", "1917-06", "1917-07", "1917-08",
                "1917-09", "1917-10", "1917-11", "1918-01", "1918-04", "1922-01",
            ])
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
        let obs = try #require(Self.timeline.snapshot(at: Month("1917-10")!).observation("seats", of: "congress-2"))
        #expect(obs.alternatives.contains { $0.composition.contains { $0.party == "bolsheviks" && $0.count == 390 } })
        #expect(obs.alternatives.allSatisfy { !$0.provenance.sources.isEmpty })
    }

    @Test func dualPowerIsConditionalSupport() throws {
        let t = Self.timeline
        let march = t.snapshot(at: try t.month(named: "1917-03"))
        #expect(
            march.ties.contains {
                $0.from == "petrograd-soviet" && $0.to == "provisional-government" && $0.role == .support
            })
    }

    /// The essay: big plants had 87% of the 400,000 workers, small plants 13% ("The Petrograd Soviet" ¶10,
    /// "The Putilov workers" ¶1). The headcounts are computed from the shares, not typed in.
    @Test func plantGroupHeadcountsAreSharesOfTheWorkforce() throws {
        let t = Self.timeline
        let big = try #require(t.latest("workers", of: "big-plants", at: Month("1917-05")))
        let small = try #require(t.latest("workers", of: "small-plants", at: Month("1917-05")))
        #expect(big.shareOf == ShareOf(share: 0.87, of: "petrograd-workers"))
        #expect(small.shareOf == ShareOf(share: 0.13, of: "petrograd-workers"))
        #expect(abs(big.value - 348_000) < 1 && abs(small.value - 52_000) < 1)
        #expect(big.approximate && small.approximate)
        // The garrison's headcount is sourced outside the essay (Pipes: some 160,000 in February).
        let soldiers = try #require(t.latest("soldiers", of: "garrison", at: Month("1917-05")))
        #expect(soldiers.value == 160_000 && soldiers.provenance.status == .external)
    }

    /// Only the October re-election gives Putilov's deputies (11, "The Putilov workers" ¶14); they are part of
    /// the big plants' 484, so the works has no second delegation tie to the Soviet that would count it twice.
    @Test func putilovDeputiesAreKnownOnlyForOctoberAndNotCountedTwice() throws {
        let t = Self.timeline
        #expect(
            !t.ties.contains { $0.from == "putilov-works" && $0.to == "petrograd-soviet" && $0.role == .delegation })
        let tie = try #require(t.tie("putilov-works->big-plants"))
        #expect(tie.role == .delegation && tie.weight == nil)
        let counts = t.observations(of: tie.id).filter { $0.quantity == "delegates_sent" }
        #expect(counts.map(\.month.description) == ["1917-10"])
    }

    /// Calling a congress is agenda-setting, not direction (issue 12, item 5).
    @Test func convenesTiesAreNotAuthority() throws {
        let t = Self.timeline
        for id in [
            "ps-calls-congress2", "vtsik-convenes-congress2", "ccfc-convenes-arfc", "psec-convenes-ar-soviet-conf",
        ] {
            #expect(t.tie(id)?.role == .convenes, "\(id)")
        }
        #expect(t.ties.filter { $0.kind == "convenes" }.allSatisfy { $0.role == .convenes })
        #expect(t.tie("pg-fc-law")?.role == .support)
        #expect(!t.ties.contains { $0.from == "putilov-fc" && $0.to == "putilov-works" && $0.role == .authority })
    }

    /// "Perhaps had some encouragement" is not a seed fact; "over half" is not an exact tally.
    @Test func hedgedSeedFactsAreNotSeedCertainties() throws {
        let t = Self.timeline
        let encouraged = t.ties.filter { $0.id.hasPrefix("ps-encourages-") }
        #expect(encouraged.count >= 14)
        #expect(encouraged.allSatisfy { $0.provenance.status == .assumption && $0.provenance.confidence == .low })
        let conf = try #require(t.latest("seats", of: "ar-fc-conf", at: Month("1917-10")))
        #expect(conf.approximate && conf.count(of: "bolsheviks") == 84 && conf.value == 167)
        #expect(t.source("notes") == nil, "the project's own notes are not a source")
        #expect(!t.observations.contains { $0.quantity == "party_members" && !$0.composition.isEmpty })
    }

    /// Elections last for the body's term: the Central Council and the Central Executive Committee keep a
    /// constituency after the month they were elected in.
    @Test func electionsLastForTheTerm() throws {
        let t = Self.timeline
        for (month, tieID) in [("1917-08", "fc-conf-1->ccfc"), ("1917-09", "congress-1->vtsik")] {
            let s = t.snapshot(at: try t.month(named: month))
            #expect(s.ties.contains { $0.id == tieID && $0.role == .delegation }, "\(tieID) in \(month)")
        }
        // The spring plenum weights are not carried to January 1918 with full confidence.
        let january = t.snapshot(at: try t.month(named: "1918-01"))
        for tie in january.ties where tie.to == "petrograd-soviet" && tie.weight != nil {
            #expect(tie.provenance.confidence == .low, "\(tie.id)")
        }
    }

    @Test func everyElementCarriesProvenance() {
        let t = Self.timeline
        let all = t.organizations.map(\.provenance) + t.ties.map(\.provenance) + t.observations.map(\.provenance)
        #expect(all.allSatisfy { !$0.sources.isEmpty })
        // The built-in dataset states how sure it is of everything (none recorded would read as certain).
        let unstated = all.filter { $0.confidence == nil }.count
        #expect(unstated == 0, "\(unstated) elements without a confidence")
        #expect(DatasetChecker().check(t).certain == 0)
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

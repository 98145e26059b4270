import Foundation
import GraphKit
import TestSupport
import Testing

@testable import OrgNet

/// Disputed values drawn among their readings, and the sampled answers of `power`, `represent`
/// and `diff` built on them.
@Suite("disputed values and sampled answers", .tags(.uncertainty))
struct DisputedValuesTests {
    func alt(_ value: Double, _ composition: [String: Double] = [:], _ c: Confidence?, _ s: Status = .external)
        -> Alternative
    {
        Alternative(
            value: value,
            composition: composition.sorted { $0.key < $1.key }.map { PartyCount(party: $0.key, count: $0.value) },
            provenance: Provenance(status: s, confidence: c))
    }

    /// A recorded headcount of low confidence with one medium and one low alternative.
    func disputed() -> Observation {
        var o = obs("a", "1917-02", "workers", 100)
        o.provenance = Provenance(status: .seed, confidence: .low)
        o.alternatives = [alt(120, [:], .medium), alt(80, [:], .low)]
        return o
    }

    @Test func readingProbabilitiesFollowTheStatedRule() {
        let model = PresenceModel()
        // Recorded: its confidence's probability (low 0.5); the rest shared 0.75 : 0.5.
        let expected = [0.5, 0.5 * 0.75 / 1.25, 0.5 * 0.5 / 1.25]
        let p = disputed().readingProbabilities(model)
        #expect(p.count == 3 && zip(p, expected).allSatisfy { close($0, $1) }, "\(p)")
        // A high-confidence figure is the likeliest reading by far.
        var high = disputed()
        high.provenance.confidence = .high
        let ph = high.readingProbabilities(model)
        #expect(close(ph[0], 0.95) && ph[0] > ph[1] + ph[2])
        // No confidence recorded: certain, never replaced.
        var certain = disputed()
        certain.provenance.confidence = nil
        #expect(certain.readingProbabilities(model) == [1, 0, 0])
        // An assumption dropped wholesale leaves the alternatives.
        var assumed = disputed()
        assumed.provenance.status = .assumption
        var without = model
        without.withoutAssumptions = true
        #expect(assumed.readingProbabilities(without)[0] == 0)
    }

    @Test func drawsMatchTheStatedProbabilitiesWithinMonteCarloError() throws {
        let o = disputed()
        let t = timeline([org("a")], [], [o])
        let d = DisputedValues(t.snapshot(at: m("1917-02")), model: PresenceModel())
        #expect(d.disputed.count == 1)
        let n = 20_000
        var counts = [0, 0, 0]
        for i in 0..<n { counts[d.readings(i, seed: 11)[0]] += 1 }
        let p = o.readingProbabilities(PresenceModel())
        // Each count is binomial(n, p): within 5 standard deviations (a failure chance below 1e-6 each).
        for r in 0..<3 {
            let sd = (Double(n) * p[r] * (1 - p[r])).squareRoot()
            #expect(
                abs(Double(counts[r]) - Double(n) * p[r]) <= 5 * sd,
                "reading \(r): \(counts[r]) of \(n), expected \(Double(n) * p[r])")
        }
    }

    @Test func aReadingReplacesValueAndCompositionWhereGiven() {
        var o = obs("a", "1917-02", "seats", 11, ["bolsheviks": 5, "mensheviks": 5])
        o.alternatives = [
            alt(12, [:], .medium),
            Alternative(
                value: nil, composition: [PartyCount(party: "srs", count: 9)],
                provenance: Provenance(status: .external, confidence: .low)),
        ]
        let first = o.reading(1), second = o.reading(2)
        #expect(first.value == 12 && first.composition == o.composition && first.alternatives.isEmpty)
        #expect(second.value == 11 && second.composition.map(\.party) == ["srs"])
        #expect(o.reading(0) == o)
    }

    /// A council of 11: recorded 5/5/1 (no majority: any two blocs win), disputed by an
    /// alternative 6/5 (the first bloc alone wins).
    func council(recorded status: Status) -> Snapshot {
        var o = obs("c", "1917-02", "seats", 11, ["bolsheviks": 5, "mensheviks": 5, "srs": 1])
        o.provenance = Provenance(status: status, confidence: .medium)
        o.alternatives = [alt(11, ["bolsheviks": 6, "mensheviks": 5], .medium)]
        return timeline([org("c")], [], [o]).snapshot(at: m("1917-02"))
    }

    @Test func powerSamplesTheAlternativeComposition() throws {
        let options = try SamplingOptions(samples: 200, seed: 3)
        // The recorded composition dropped wholesale: every sample reads the alternative.
        var without = PresenceModel()
        without.withoutAssumptions = true
        let p = try council(recorded: .assumption).votingPower(of: "c", model: without, sampling: options)
        let b = try #require(p.parties.first { $0.party == "bolsheviks" })
        #expect(close(b.banzhaf ?? -1, 1.0 / 3), "score stays the recorded game's value (any two of 5/5/1 win)")
        #expect(b.banzhafLow == 1 && b.banzhafHigh == 1 && b.banzhafMedian == 1 && b.rankLow == 1 && b.rankHigh == 1)
        let srs = try #require(p.parties.first { $0.party == "srs" })
        #expect(srs.banzhafHigh == 0, "absent from the alternative: no power there")
        #expect(p.samples == 200 && p.samplesWithUnknownSeats == 0)
        // Medium against medium: 0.75 recorded, 0.25 the alternative; the 90% interval spans both games.
        let mixed = try council(recorded: .seed).votingPower(of: "c", model: PresenceModel(), sampling: options)
        let mb = try #require(mixed.parties.first { $0.party == "bolsheviks" })
        #expect(close(mb.banzhafLow ?? -1, 1.0 / 3) && mb.banzhafHigh == 1 && close(mb.banzhafMedian ?? -1, 1.0 / 3))
    }

    @Test func powerSamplesNeverInventAMajorityOverUnknownSeats() throws {
        // 4 of 10 seats recorded for one party, the rest unknown: no sample may give a point.
        var o = obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "mensheviks": 2])
        o.provenance = Provenance(status: .seed, confidence: .low)
        o.alternatives = [alt(10, ["bolsheviks": 5, "mensheviks": 1], .low)]
        let s = timeline([org("c")], [], [o]).snapshot(at: m("1917-02"))
        let p = try s.votingPower(of: "c", model: PresenceModel(), sampling: try SamplingOptions(samples: 100, seed: 1))
        #expect(p.samplesWithUnknownSeats == 100)
        for row in p.parties {
            #expect(
                row.banzhaf == nil && row.banzhafMedian == nil && row.rankLow == nil && row.shapleyShubikMedian == nil)
            // The unknown seats can hand either party a majority or nothing: the range is the bounds'.
            #expect(
                row.banzhafLow == row.banzhafMin && row.banzhafHigh == row.banzhafMax
                    && row.banzhafLow! < row.banzhafHigh!)
        }
    }

    @Test func representIntervalsFollowDisputedHeadcounts() throws {
        // Two constituencies sending 1 delegate each to a council: 100 against 300 workers gives
        // Loosemore-Hanby 1/2 |0.25 - 0.5| * 2 = 0.25; the alternative 100 against 100 gives 0.
        let orgs = [org("a"), org("b"), org("council")]
        let ties = [tie("a", "council", weight: 1), tie("b", "council", weight: 1)]
        var wb = obs("b", "1917-02", "workers", 300)
        wb.provenance = Provenance(status: .seed, confidence: .low)
        wb.alternatives = [alt(100, [:], .low)]
        let s = timeline(orgs, ties, [obs("a", "1917-02", "workers", 100), wb]).snapshot(at: m("1917-02"))
        let options = try SamplingOptions(samples: 400, seed: 2)
        let bias = try s.representationBias(of: ["council"], model: PresenceModel(), sampling: options)
        let b = try #require(bias.first)
        #expect(close(b.loosemoreHanby ?? -1, 0.25), "the point estimate is the recorded one")
        #expect(
            b.samplesCounted == 400 && b.loosemoreHanbyLow == 0 && b.loosemoreHanbyHigh.map { close($0, 0.25) } == true)
        // Even odds (low against low): the median is one of the two readings.
        #expect(b.loosemoreHanbyMedian.map { close($0, 0) || close($0, 0.25) || close($0, 0.125) } == true)
    }

    @Test func diffShiftsDrawEachElementOnceForBothMonths() throws {
        // The same uncertain network in two months: coupled draws give every shift exactly 0 in
        // every sample (independent draws would spread them).
        var orgs = ["a", "b", "c", "d"].map { org($0) }
        for i in orgs.indices { orgs[i].provenance = Provenance(status: .seed, confidence: .medium) }
        var ties = [tie("a", "b"), tie("b", "c"), tie("c", "d"), tie("a", "c")]
        for i in ties.indices { ties[i].provenance = Provenance(status: .assumption, confidence: .low) }
        let t = timeline(months: ["1917-02", "1917-03"], orgs, ties)
        let a = t.snapshot(at: m("1917-02")), b = t.snapshot(at: m("1917-03"))
        var d = try SnapshotDiff(a, b, measure: "betweenness")
        try d.addSampledShifts(a, b, model: PresenceModel(), options: try SamplingOptions(samples: 300, seed: 9))
        #expect(d.samples == 300 && !d.shifts.isEmpty)
        #expect(
            d.shifts.allSatisfy { $0.low == 0 && $0.high == 0 && $0.median == 0 },
            "\(d.shifts.map { ($0.id, $0.low, $0.high) })")
        // The per-month samples themselves do vary.
        let u = UncertainNetwork(a.influenceNetwork(), model: PresenceModel())
        let spread = try u.centrality(.betweenness, options: try SamplingOptions(samples: 300, seed: 9))
        #expect(spread.contains { $0.low < $0.high })
    }

    @Test func uncertainBoundaryMonthsOfTiesToo() {
        var t = tie("a", "b", since: "1917-03")
        t.lifetime.precision = .approximate
        t.provenance = Provenance(status: .seed, confidence: .high)
        var model = PresenceModel()
        model.boundary = 0.4
        #expect(close(model.probability(t.provenance, lifetime: t.lifetime, at: m("1917-03")), 0.95 * 0.4))
        #expect(close(model.probability(t.provenance, lifetime: t.lifetime, at: m("1917-04")), 0.95))
        t.lifetime.precision = .month
        #expect(close(model.probability(t.provenance, lifetime: t.lifetime, at: m("1917-03")), 0.95))
    }
}

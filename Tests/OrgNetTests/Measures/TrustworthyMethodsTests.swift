import Foundation
import TestSupport
import Testing

@testable import OrgNet

/// The methods of issue 12 that refuse to guess: leading parties, power with unknown seats,
/// representation with and without known weights. Small fixtures, numbers checked by hand.

@Suite struct LeadershipTests {
    func lead(_ observations: [Observation], at month: String = "1917-02") -> Leadership? {
        timeline(
            months: ["1917-02", "1917-03"], [org("c")], [], observations, parties: ["bolsheviks", "mensheviks", "srs"]
        )
        .leadership(of: "c", at: m(month))
    }

    @Test func moreThanHalfOfTheSeatsIsAMajority() throws {
        let l = try #require(lead([obs("c", "1917-02", "seats", 11, ["bolsheviks": 8, "other": 3])]))
        #expect(l.party.id == "bolsheviks" && l.kind == .majority)
        #expect(l.seats == 8 && l.total == 11)
        // Exactly half is not more than half, and 4+3+3 of 12 leaves 2 seats unknown.
        #expect(lead([obs("c", "1917-02", "seats", 12, ["bolsheviks": 6, "mensheviks": 6])]) == nil)
        #expect(lead([obs("c", "1917-02", "seats", 12, ["bolsheviks": 4, "mensheviks": 3, "srs": 3])]) == nil)
    }

    @Test func aPartialCompositionNamesNoLeader() {
        // 58 of 555 (the Pre-parliament's Bolsheviks): the other 497 seats are unknown.
        #expect(lead([obs("c", "1917-02", "seats", 555, ["bolsheviks": 58])]) == nil)
        // 2/2/2 of 15, carried forward a month: nobody.
        #expect(
            lead([obs("c", "1917-02", "members", 15, ["bolsheviks": 2, "mensheviks": 2, "srs": 2])], at: "1917-03")
                == nil)
    }

    @Test func aPluralityNeedsTheWholeBodyRecorded() throws {
        let l = try #require(lead([obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "mensheviks": 3, "srs": 3])]))
        #expect(l.party.id == "bolsheviks" && l.kind == .plurality)
        // A tie for first, or an `other` group as large as the first party (it may be one group): none.
        #expect(lead([obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "mensheviks": 4, "srs": 2])]) == nil)
        #expect(lead([obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "other": 4, "srs": 2])]) == nil)
        // `unknown` is not a recorded seat.
        #expect(lead([obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "mensheviks": 3, "unknown": 3])]) == nil)
    }

    @Test func partyMembersAndSubGroupsAreNotCompositions() throws {
        // 100 party members in a works of 24,000, and 2 Bolsheviks among 10 soldier members.
        #expect(lead([obs("c", "1917-02", "party_members", 100, ["bolsheviks": 100])]) == nil)
        #expect(lead([obs("c", "1917-02", "soldier_members", 10, ["bolsheviks": 10])]) == nil)
        // The body's own seats are read even when a sub-group's count is newer.
        let l = try #require(
            lead(
                [
                    obs("c", "1917-02", "seats", 9, ["srs": 5, "bolsheviks": 4]),
                    obs("c", "1917-03", "party_members", 100, ["bolsheviks": 100]),
                ], at: "1917-03"))
        #expect(l.party.id == "srs" && l.month == m("1917-02"))
    }
}

@Suite(.tags(.uncertainty)) struct PowerBoundsTests {
    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test func twoTwoTwoWithNineUnknownIsWideOpen() throws {
        // 15 seats, quota 8: any party given 6 of the unknown seats rules alone (power 1), and
        // then the others have none; so every index ranges over all of 0...1.
        let b = try PartialCouncil(known: [2, 2, 2], unknown: 9, quota: 8).bounds()
        #expect(b.banzhafMin == [0, 0, 0] && b.banzhafMax == [1, 1, 1])
        #expect(b.shapleyShubikMin == [0, 0, 0] && b.shapleyShubikMax == [1, 1, 1])
    }

    @Test func oneUnknownSeatGivesNarrowBounds() throws {
        // [7; 6, 3, 2] with 1 unknown seat (12 seats). Unaligned, or with B or C: A is in every
        // winning coalition with B or C; Banzhaf 3/5, 1/5, 1/5; Shapley-Shubik 4/6, 1/6, 1/6.
        // With A: A has 7 and rules alone (1, 0, 0).
        let b = try PartialCouncil(known: [6, 3, 2], unknown: 1, quota: 7).bounds()
        #expect(close(b.banzhafMin, [0.6, 0, 0]) && close(b.banzhafMax, [1, 0.2, 0.2]))
        #expect(close(b.shapleyShubikMin, [4.0 / 6, 0, 0]) && close(b.shapleyShubikMax, [1, 1.0 / 6, 1.0 / 6]))
        #expect(b.games == 2)
    }

    @Test func unalignedSeatsCountForTheQuotaOnly() throws {
        // [6; 3, 2] with 5 fixed unaligned seats (10 seats): A and B together cannot reach 6.
        let b = try PartialCouncil(known: [3, 2], unknown: 0, fixed: 5, quota: 6).bounds()
        #expect(b.banzhafMax == [0, 0] && b.shapleyShubikMax == [0, 0])
    }

    @Test func withoutUnknownSeatsTheBoundsAreThePoint() throws {
        let council = try PartialCouncil(known: [49, 49, 2], unknown: 0, quota: 51)
        let b = try council.bounds()
        let g = try WeightedVotingGame(weights: [49, 49, 2], quota: 51)
        #expect(close(b.banzhafMin, g.banzhaf()) && close(b.banzhafMax, g.banzhaf()))
        #expect(close(b.shapleyShubikMin, g.shapleyShubik()) && close(b.shapleyShubikMax, g.shapleyShubik()))
        #expect(b.games == 1)
    }

    /// The coalition-table indices agree with the generating functions on random games.
    @Test func coalitionTableAgreesWithGeneratingFunctions() throws {
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            let n = Int(rng.next() % 6) + 1
            let w = (0..<n).map { _ in Int(rng.next() % 20) + 1 }
            let q = Int(rng.next() % UInt64(w.reduce(0, +))) + 1
            let g = try WeightedVotingGame(weights: w, quota: q)
            let wins = (0..<(1 << n)).map { s in (0..<n).reduce(0) { s & (1 << $1) != 0 ? $0 + w[$1] : $0 } >= q }
            let (bz, ss) = PartialCouncil.indices(wins: wins, players: n)
            #expect(close(bz, g.banzhaf()) && close(ss, g.shapleyShubik()), "\(w) q=\(q)")
        }
    }

    /// The game search finds exactly the games (and so the bounds) of visiting every split.
    @Test func gameSearchEqualsEnumeratingEverySplit() throws {
        var rng = SplitMix(seed: 12)
        for _ in 0..<150 {
            let n = Int(rng.next() % 4) + 1
            let known = (0..<n).map { _ in Int(rng.next() % 8) }
            let unknown = Int(rng.next() % 15)
            let fixed = Int(rng.next() % 4)
            let total = known.reduce(0, +) + unknown + fixed
            guard total > 0 else { continue }
            let quota = Int(rng.next() % UInt64(total)) + 1
            let c = try PartialCouncil(known: known, unknown: unknown, fixed: fixed, quota: quota)
            let fast = try c.bounds(), slow = try c.boundsByEnumeration()
            #expect(fast.games == slow.games, "\(known)+\(unknown)+\(fixed) q=\(quota)")
            #expect(close(fast.banzhafMin, slow.banzhafMin) && close(fast.banzhafMax, slow.banzhafMax))
            #expect(
                close(fast.shapleyShubikMin, slow.shapleyShubikMin)
                    && close(fast.shapleyShubikMax, slow.shapleyShubikMax))
        }
    }

    @Test func hundredsOfUnknownSeats() throws {
        // 5 parties and 200 unknown seats: C(205, 5) ≈ 2.9e9 splits, only the search can do it.
        // 868 seats, quota 435.
        let c = try PartialCouncil(known: [105, 285, 248, 20, 10], unknown: 200, quota: 435)
        #expect(throws: OrgNetError.self) { try c.boundsByEnumeration() }
        let b = try c.bounds()
        // 285 + 200 and 248 + 200 reach the quota alone (power 1, everyone else 0); 105 + 200
        // does not, so the third party never has all the power (only a dictator has Banzhaf 1).
        #expect(b.banzhafMin.allSatisfy { $0 == 0 } && b.shapleyShubikMin.allSatisfy { $0 == 0 })
        #expect(b.banzhafMax[1] == 1 && b.banzhafMax[2] == 1 && b.banzhafMax[0] < 1)
        // Give 15 unknown seats to the party of 20: 285 + 105 + 35 = 425 loses, and the party of 10
        // turns it into 435, the quota: the smallest party swings in some split.
        #expect(b.banzhafMax[4] > 0)
        // Six parties, few unknown seats: the search and the enumeration agree.
        let small = try PartialCouncil(known: [30, 25, 20, 12, 8, 5], unknown: 9, quota: 55)
        let fast = try small.bounds(), slow = try small.boundsByEnumeration()
        #expect(fast.games == slow.games)
        #expect(close(fast.banzhafMin, slow.banzhafMin) && close(fast.banzhafMax, slow.banzhafMax))
        #expect(
            close(fast.shapleyShubikMin, slow.shapleyShubikMin) && close(fast.shapleyShubikMax, slow.shapleyShubikMax))
        // Over its work budget the search refuses rather than guess.
        #expect(throws: OrgNetError.self) { try small.bounds(maxRelaxations: 1) }
    }

    @Test func councilPowerNeverMakesAnUnknownBloc() throws {
        let t = timeline(
            months: ["1917-02", "1917-03"], [org("ec")], [],
            [obs("ec", "1917-02", "members", 15, ["bolsheviks": 2, "mensheviks": 2, "srs": 2])])
        let p = try t.snapshot(at: m("1917-03")).votingPower(of: "ec")
        #expect(p.parties.map(\.party) == ["bolsheviks", "mensheviks", "srs"])
        #expect(p.unknownSeats == 9 && p.quota == 8 && p.isCarriedForward && p.compositionMonth == "1917-02")
        for r in p.parties {
            #expect(r.banzhaf == nil && r.shapleyShubik == nil)
            #expect(r.banzhafMin == 0 && r.banzhafMax == 1)
        }
        // `other` seats join no bloc but count for the quota: [6; 4, 3] + 3 other, 10 seats.
        let o = timeline(
            [org("c")], [], [obs("c", "1917-02", "seats", 10, ["bolsheviks": 4, "mensheviks": 3, "other": 3])])
        let po = try o.snapshot(at: m("1917-02")).votingPower(of: "c")
        #expect(po.unknownSeats == 0 && po.unalignedSeats == 3 && po.quota == 6)
        #expect(po.parties.map(\.banzhaf) == [0.5, 0.5] && po.parties.allSatisfy { $0.banzhafMin == $0.banzhafMax })
    }
}

@Suite struct WeighedRepresentationTests {
    func tieObs(_ id: String, _ quantity: String, _ value: Double) -> Observation {
        Observation(subject: .tie(id), month: m("1917-02"), quantity: quantity, value: value)
    }

    @Test func bigAndSmallPlantsGiveTheEssaysIndex() throws {
        // 87% of 400,000 workers sent 484 delegates, 13% sent 422: LH = 1/2 sum |v - s| ≈ 0.336.
        let t = timeline(
            [org("big"), org("small"), org("soviet")], [tie("big", "soviet"), tie("small", "soviet")],
            [
                obs("big", "1917-02", "workers", 348_000), obs("big", "1917-02", "delegates_sent", 484),
                obs("small", "1917-02", "workers", 52_000), obs("small", "1917-02", "delegates_sent", 422),
            ])
        let b = try t.snapshot(at: m("1917-02")).representationBias(of: "soviet")
        let lh = try #require(b.loosemoreHanby)
        #expect(abs(lh - 0.336) < 0.0005)
        #expect(close(lh, 0.87 - 484.0 / 906.0, 1e-9))
        let g = try #require(b.gallagher)
        #expect(close(g, 0.87 - 484.0 / 906.0, 1e-9)) // two groups: Gallagher equals LH
        #expect(b.excluded.isEmpty)
        #expect(close(b.rows.first { $0.id == "big" }!.perThousand!, 484.0 / 348.0))
    }

    @Test func aReceivingBodysSeatsAreNotDelegatesSent() throws {
        // The soviet seats 2,900 and delegates to the executive; nothing says how many it sends.
        let t = timeline(
            [org("w"), org("soviet"), org("exec"), org("other")],
            [tie("soviet", "exec"), tie("other", "exec", weight: 5), tie("w", "soviet")],
            [
                obs("soviet", "1917-02", "seats", 2900), obs("w", "1917-02", "workers", 1000),
                obs("other", "1917-02", "soldiers", 100),
            ])
        let b = try t.snapshot(at: m("1917-02")).representationBias(of: "exec")
        let row = try #require(b.rows.first { $0.id == "soviet" })
        #expect(row.delegates == nil && row.perThousand == nil)
        #expect(b.excluded == ["soviet"])
    }

    @Test func knownWeightsSplitAndTheRestAreNamed() throws {
        // p (24,000) sends 11 to s (tie weight) and has no number for x and y.
        let ties = [tie("p", "s", weight: 11), tie("p", "x"), tie("p", "y")]
        let base = [obs("p", "1917-02", "workers", 24_000)]
        // Total unknown: x and y get the mean of the known weights (11 each): equal thirds.
        let mean = timeline([org("p"), org("s"), org("x"), org("y")], ties, base).snapshot(at: m("1917-02"))
        let pm = try #require(try mean.constituencies(rule: .split).first { $0.id == "p" })
        #expect(pm.unweighed == ["x", "y"] && pm.unweighedRule == .meanOfKnown)
        #expect(try mean.constituencies(rule: .split).first { $0.id == "s" }?.people == 8000)
        // p sends 15 in all: x and y share the remaining 4 (2 each): s gets 11/15.
        let total = timeline(
            [org("p"), org("s"), org("x"), org("y")], ties,
            base + [obs("p", "1917-02", "delegates_sent", 15)]
        ).snapshot(at: m("1917-02"))
        let cs = try total.constituencies(rule: .split)
        #expect(close(cs.first { $0.id == "s" }!.people!, 24_000.0 * 11 / 15, 1e-9))
        #expect(close(cs.first { $0.id == "x" }!.people!, 24_000.0 * 2 / 15, 1e-9))
        #expect(cs.first { $0.id == "p" }?.unweighedRule == .remainder)
        // A `delegates_sent` observation on the tie weighs it like a tie weight.
        let pair = [tie("p", "s"), tie("p", "x", weight: 1)]
        let onTie = timeline(
            [org("p"), org("s"), org("x")], pair,
            base + [tieObs(pair[0].id, "delegates_sent", 3)]
        ).snapshot(at: m("1917-02"))
        let ct = try onTie.constituencies(rule: .split)
        #expect(ct.first { $0.id == "s" }?.people == 18_000)
        #expect(ct.first { $0.id == "p" }?.unweighed == [])
        #expect(ct.first { $0.id == "p" }?.unweighedRule == nil)
    }

    @Test func oneUnweighedReceiverGetsTheExactRemainder() throws {
        // The sender's total less what it sends elsewhere is exactly what reaches the council.
        let t = timeline(
            [org("a"), org("b"), org("council"), org("elsewhere")],
            [tie("a", "council"), tie("a", "elsewhere", weight: 2), tie("b", "council", weight: 5)],
            [
                obs("a", "1917-02", "workers", 1000), obs("a", "1917-02", "delegates_sent", 7),
                obs("b", "1917-02", "workers", 500),
            ])
        let s = t.snapshot(at: m("1917-02"))
        let b = try s.representationBias(of: "council")
        #expect(b.rows.first { $0.id == "a" }?.delegates == 5)
        #expect(b.excluded.isEmpty)
        #expect(try s.constituencies(rule: .split).first { $0.id == "a" }?.unweighed == [])
    }
}

/// A small deterministic generator (SplitMix64, Steele, Lea & Flood 2014) for reproducible cases.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

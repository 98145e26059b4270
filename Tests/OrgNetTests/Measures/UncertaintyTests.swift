import Foundation
import GraphKit
import TestSupport
import Testing

@testable import OrgNet

/// The model of plausible networks: sampled distributions against exact enumeration, determinism,
/// Kendall's tau-b and sensitivity.
@Suite("influence under uncertainty", .tags(.uncertainty))
struct UncertaintyTests {
    /// Six certain bodies (high confidence, presence 1 in the model below) and eight uncertain
    /// ties of medium or low confidence, plus two certain ones: k = 8 uncertain ties.
    func uncertainNetwork() -> (Snapshot, PresenceModel) {
        let sure = Provenance(status: .seed, confidence: .high)
        func t(_ a: String, _ b: String, _ c: Confidence, _ s: Status = .external) -> Tie {
            var x = tie(a, b)
            x.provenance = Provenance(status: s, confidence: c)
            return x
        }
        let orgs = ["a", "b", "c", "d", "e", "f"].map { id -> Organization in
            var o = org(id); o.provenance = sure; return o
        }
        let ties = [
            t("a", "b", .high), t("b", "c", .medium), t("c", "d", .low, .assumption), t("a", "c", .low),
            t("d", "e", .medium), t("b", "e", .low), t("e", "f", .high), t("c", "f", .medium),
            t("f", "a", .low, .assumption), t("d", "b", .medium),
        ]
        var model = PresenceModel()
        model.high = 1 // bodies and the two high ties certain
        return (timeline(orgs, ties).snapshot(at: m("1917-02")), model)
    }

    /// Exact distribution of each node's measure over all 2^k subsets of the uncertain ties.
    func exact(_ u: UncertainNetwork, _ measure: CentralityMeasure) throws -> [(values: [Double], probability: Double)]
    {
        let uncertain = u.ties.indices.filter { u.ties[$0].probability < 1 }
        #expect(uncertain.count == 8 && uncertain.count <= 10)
        var out: [(values: [Double], probability: Double)] = []
        for subset in 0..<(1 << uncertain.count) {
            var mask = u.recordedMask
            var p = 1.0
            for (bit, ti) in uncertain.enumerated() {
                let on = subset & (1 << bit) != 0
                p *= on ? u.ties[ti].probability : 1 - u.ties[ti].probability
                if !on { mask.edges[u.ties[ti].edge] = false }
            }
            out.append((try u.view.centralityValues(measure, mask: mask), p))
        }
        return out
    }

    @Test(arguments: [CentralityMeasure.betweenness, .pagerank, .closeness, .inDegree])
    func sampledDistributionsMatchExactEnumeration(measure: CentralityMeasure) throws {
        let (s, model) = uncertainNetwork()
        let u = UncertainNetwork(s.network(roles: .all), model: model)
        let exactDist = try exact(u, measure)
        #expect(abs(exactDist.map(\.probability).reduce(0, +) - 1) < 1e-12)
        let n = 6, samples = 4000
        let sampled = try u.eachSample(try SamplingOptions(samples: samples, seed: 7)) { mask throws(OrgNetError) in
            try u.view.centralityValues(measure, mask: mask)
        }
        // Dvoretzky-Kiefer-Wolfowitz: P(sup |F_N - F| > eps) <= 2 exp(-2 N eps^2); eps for a
        // failure probability of 1e-6 per test, split over the n nodes (Bonferroni).
        let eps = (log(2 * Double(n) / 1e-6) / (2 * Double(samples))).squareRoot()
        for v in 0..<n {
            let thresholds = Set(exactDist.map { $0.values[v] })
            for x in thresholds {
                let exactF = exactDist.filter { $0.values[v] <= x + 1e-12 }.map(\.probability).reduce(0, +)
                let sampledF = Double(sampled.filter { $0[v] <= x + 1e-12 }.count) / Double(samples)
                #expect(
                    abs(exactF - sampledF) <= eps, "\(measure) node \(v) F(\(x)): exact \(exactF), sampled \(sampledF)")
            }
            // Means within 5 standard errors (sd from the exact distribution).
            let mean = exactDist.map { $0.values[v] * $0.probability }.reduce(0, +)
            let variance = exactDist.map { ($0.values[v] - mean) * ($0.values[v] - mean) * $0.probability }.reduce(0, +)
            let sampledMean = sampled.map { $0[v] }.reduce(0, +) / Double(samples)
            #expect(
                abs(sampledMean - mean) <= 5 * (variance / Double(samples)).squareRoot() + 1e-12,
                "\(measure) node \(v) mean: exact \(mean), sampled \(sampledMean)")
        }
    }

    @Test func sameSeedSameAnswerWhateverTheOrder() throws {
        let (s, model) = uncertainNetwork()
        let u = UncertainNetwork(s.network(roles: .all), model: model)
        let options = try SamplingOptions(samples: 300, seed: 42)
        let a = try u.centrality(.betweenness, options: options)
        let b = try u.centrality(.betweenness, options: options)
        #expect(a == b)
        // Sample i depends on (seed, i) only: drawn backwards, one at a time, the masks are the same
        // as the parallel run's (whatever chunks the cores took).
        // (A sample keeping everything comes as nil, the recorded network.)
        let whole = GraphMask(
            nodes: u.nodeProbability.map { _ in true }, edges: [Bool](repeating: true, count: u.view.graph.edgeCount))
        let parallel = try u.eachSample(options) { mask throws(OrgNetError) in mask ?? whole }
        let serial = (0..<300).reversed().map { u.sample($0, seed: 42) }.reversed()
        #expect(parallel == Array(serial))
        // Another seed draws other networks.
        let other = try u.eachSample(try SamplingOptions(samples: 300, seed: 43)) { mask throws(OrgNetError) in
            mask ?? whole
        }
        #expect(other != parallel)
    }

    @Test func intervalsBracketTheSamples() throws {
        let (s, model) = uncertainNetwork()
        let u = UncertainNetwork(s.network(roles: .all), model: model)
        let rows = try u.centrality(.pagerank, options: try SamplingOptions(samples: 500, seed: 3, interval: 80))
        let point = try u.view.centralityValues(.pagerank)
        for r in rows {
            #expect(r.score == point[u.view.node(r.id)!], "score is the recorded network's value")
            #expect(r.low <= r.median && r.median <= r.high)
            #expect(r.rankLow >= 1 && r.rankLow <= r.rankHigh && r.rankHigh <= 6)
        }
    }

    @Test func withoutAssumptionsDropsThem() throws {
        var (s, model) = uncertainNetwork()
        model.withoutAssumptions = true
        let u = UncertainNetwork(s.network(roles: .all), model: model)
        let dropped = u.ties.filter { $0.tie.provenance.status == .assumption }
        #expect(dropped.count == 2 && dropped.allSatisfy { $0.probability == 0 })
        for i in 0..<50 {
            let mask = u.sample(i, seed: 1)
            #expect(dropped.allSatisfy { !mask.edges[$0.edge] })
        }
        s = s.timeline.snapshot(at: m("1917-02"))
        #expect(!UncertainNetwork(s.network(roles: .all), model: PresenceModel()).recordedMask.edges.contains(false))
    }

    @Test func presenceOverrides() throws {
        var model = PresenceModel()
        #expect(model.high == 0.95 && model.medium == 0.75 && model.low == 0.5)
        try model.set("high", 0.9, source: "test")
        try model.set("low", 0.25, source: "test")
        #expect(model.high == 0.9 && model.medium == 0.75 && model.low == 0.25)
        #expect(throws: OrgNetError.self) { try model.set("low", 1.5, source: "test") }
        #expect(throws: OrgNetError.self) { try model.set("certain", 1, source: "test") }
    }

    @Test func kendallTauBKnownValues() {
        #expect(kendallTauB([3, 2, 1], [3, 2, 1]) == 1)
        #expect(kendallTauB([3, 2, 1], [1, 2, 3]) == -1)
        // scipy.stats.kendalltau documentation example (tau-b with ties): -0.47140452079103173.
        #expect(abs(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) - -0.47140452079103173) < 1e-12)
        // One discordant pair of three: (2 - 1) / 3.
        #expect(abs(kendallTauB([3, 2, 1], [3, 1, 2]) - 1.0 / 3) < 1e-12)
    }

    @Test func sensitivityFindsTheTieARankingHangsOn() throws {
        // a <- b <- c and a <- d: in-degree ranks a first. The assumed tie d -> a is a's second
        // in-tie; dropping it ties a with b, the only flip that moves the top.
        func t(_ x: String, _ y: String, _ st: Status, _ c: Confidence) -> Tie {
            var z = tie(x, y); z.provenance = Provenance(status: st, confidence: c); return z
        }
        let orgs = ["a", "b", "c", "d"].map { id -> Organization in
            var o = org(id); o.provenance = Provenance(status: .seed, confidence: .high); return o
        }
        let ties = [
            t("b", "a", .seed, .high), t("c", "b", .seed, .high), t("d", "a", .assumption, .medium),
            t("c", "d", .external, .low),
        ]
        let s = timeline(orgs, ties).snapshot(at: m("1917-02"))
        let u = UncertainNetwork(s.network(roles: .all), model: PresenceModel())
        let (top, elements) = try u.sensitivity(.inDegree, top: 3)
        #expect(top == ["a", "b", "d"])
        #expect(elements.map(\.id) == ["d->a/delegation", "c->d/delegation"])
        // Dropping d -> a: a 1, b 1, d 1 (tied) against the recorded 2, 1, 1: tau-b 0 (C = D = 0), effect 1.
        #expect(elements[0].effect == 1 && !elements[0].changesTop)
        // Dropping c -> d: a 2, b 1, d 0 against 2, 1, 1: C = 2, D = 0, one pair tied in the record
        // only, tau-b = 2 / sqrt(2 * 3); d (0 in-ties) falls behind c (0, earlier id) out of the top 3.
        #expect(abs(elements[1].effect - (1 - 2 / 6.0.squareRoot())) < 1e-12)
        #expect(elements[1].changesTop)
    }
}

/// Shares of samples for brokers and paths against their exact probabilities.
@Suite("sampled shares", .tags(.uncertainty))
struct SampledShareTests {
    @Test func articulationAndChainSharesMatchTheirProbabilities() throws {
        // a -> b -> c: b is an articulation point, and a > b > c a chain, exactly when both ties
        // exist: probability 1 * 0.5 (high = 1, low = 0.5).
        var ab = tie("a", "b"); ab.provenance = Provenance(status: .seed, confidence: .high)
        var bc = tie("b", "c"); bc.provenance = Provenance(status: .assumption, confidence: .low)
        let orgs = ["a", "b", "c"].map { id -> Organization in
            var o = org(id); o.provenance = Provenance(status: .seed, confidence: .high); return o
        }
        var model = PresenceModel(); model.high = 1
        let u = UncertainNetwork(
            timeline(orgs, [ab, bc]).snapshot(at: m("1917-02")).network(roles: .all), model: model)
        let n = 4000
        let options = try SamplingOptions(samples: n, seed: 11)
        // Binomial standard error of a share with p = 0.5; five of them.
        let bound = 5 * (0.25 / Double(n)).squareRoot()
        let shares = try u.articulationShares(options)
        #expect(shares.map(\.id) == ["b"])
        #expect(abs(shares[0].share - 0.5) <= bound)
        let chain = try u.chainShares([["a", "b", "c"], ["a", "b"], ["c", "b"]], options)
        #expect(abs(chain[0] - 0.5) <= bound)
        #expect(chain[1] == 1, "a certain tie between certain bodies is in every sample")
        #expect(chain[2] == 0, "ties are followed in their direction")
        #expect(
            chain[0] == Double(
                try u.eachSample(options) { mask throws(OrgNetError) in mask?.edges.allSatisfy { $0 } ?? true }.filter {
                    $0
                }.count) / Double(n))
    }
}

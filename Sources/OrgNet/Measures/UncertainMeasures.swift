import Foundation
import GraphKit

/// A score with its spread over plausible networks (see ``UncertainNetwork``).
public struct IntervalScore: Sendable, Hashable, Codable {
    /// Organization id.
    public var id: String
    /// Organization name.
    public var name: String
    /// The point estimate: the measure on the recorded network.
    public var score: Double
    /// The lower percentile of the sampled values (5th for a 90% interval).
    public var low: Double
    /// The upper percentile (95th for a 90% interval).
    public var high: Double
    /// The sampled median.
    public var median: Double
    /// The best rank (1 = highest) at the lower end of the interval of sampled ranks.
    public var rankLow: Int
    /// The worst rank at the upper end of the interval of sampled ranks.
    public var rankHigh: Int
}

/// Sampling settings: how many plausible networks, the seed, the central interval in percent.
public struct SamplingOptions: Sendable, Hashable {
    /// Number of plausible networks drawn.
    public var samples: Int
    /// The seed; sample `i` uses ``UncertainNetwork/sampleSeed(_:_:)``.
    public var seed: UInt64
    /// The central interval reported, in percent (90 → 5th and 95th percentiles).
    public var interval: Double

    /// Checked settings.
    /// - Throws: a usage error for no samples or an interval outside (0, 100).
    public init(samples: Int, seed: UInt64 = 1, interval: Double = 90) throws(OrgNetError) {
        guard samples >= 1 else { throw OrgNetError(.invalidArgument, "samples must be at least 1; got \(samples)") }
        guard interval > 0, interval < 100 else {
            throw OrgNetError(.invalidArgument, "the interval must be between 0 and 100 (percent); got \(interval)")
        }
        self.samples = samples
        self.seed = seed
        self.interval = interval
    }
}

extension UncertainNetwork {
    /// The mask the point estimate uses: none (the recorded network as is) unless assumptions are
    /// dropped.
    var pointMask: GraphMask? { model.withoutAssumptions ? recordedMask : nil }

    /// `body` on every sample, in parallel on all cores, results in sample order (so identical for
    /// a seed whatever the core count). The first error (in sample order) is thrown. A sample that
    /// keeps every node and edge is passed as nil, the recorded network itself, so that a certain
    /// network gives exactly its recorded values (the masked kernels may differ in the last bit).
    public func eachSample<T: Sendable>(
        _ options: SamplingOptions,
        _ body: @Sendable (GraphMask?) throws(OrgNetError) -> T
    ) throws(OrgNetError) -> [T] {
        let me = self
        let results: [Result<T, OrgNetError>] = parallelMap(options.samples) { i in
            let mask = me.sample(i, seed: options.seed)
            let whole = mask.nodes.allSatisfy { $0 } && mask.edges.allSatisfy { $0 }
            do throws(OrgNetError) { return .success(try body(whole ? nil : mask)) } catch { return .failure(error) }
        }
        var out: [T] = []
        out.reserveCapacity(results.count)
        for r in results {
            switch r {
            case .success(let v): out.append(v)
            case .failure(let e): throw e
            }
        }
        return out
    }

    /// A centrality measure with intervals: the point estimate on the recorded network, then the
    /// measure on `options.samples` plausible networks (a body absent from a sample scores 0 there
    /// and ranks with 0). Ranks are competition ranks (1 + the number of bodies scoring strictly
    /// more). Rows ordered as ``NetworkView/rank(_:)`` orders the point estimates.
    public func centrality(
        _ measure: CentralityMeasure, raw: Bool = false,
        options: SamplingOptions
    ) throws(OrgNetError) -> [IntervalScore] {
        let view = self.view
        let point = try view.centralityValues(measure, raw: raw, mask: pointMask)
        let sampled = try eachSample(options) { mask throws(OrgNetError) in
            try view.centralityValues(measure, raw: raw, mask: mask)
        }
        return Self.intervals(view: view, point: point, sampled: sampled, interval: options.interval)
    }

    /// Interval rows from point values and per-sample values (`sampled[i][node]`).
    static func intervals(view: NetworkView, point: [Double], sampled: [[Double]], interval: Double) -> [IntervalScore]
    {
        let n = point.count
        var values = [[Double]](repeating: [], count: n), ranks = [[Int]](repeating: [], count: n)
        for s in sampled {
            let r = SampleSummary.competitionRanks(s)
            for v in 0..<n {
                values[v].append(s[v])
                ranks[v].append(r[v])
            }
        }
        return view.rank(point).map { sc in
            let v = view.node(sc.id)!
            let i = SampleSummary.interval(values[v], interval), r = SampleSummary.rankRange(ranks[v], interval)
            return IntervalScore(
                id: sc.id, name: sc.name, score: sc.score, low: i.low, high: i.high, median: i.median,
                rankLow: r.low, rankHigh: r.high)
        }
    }
}

/// How often something holds across plausible networks.
public struct SampleShare: Sendable, Hashable, Codable {
    /// An organization id, or a chain's ids joined by " > ".
    public var id: String
    /// The share of samples (0...1).
    public var share: Double
}

extension UncertainNetwork {
    /// For every body: the share of plausible networks in which it is an articulation point (its
    /// loss splits the undirected view), largest first, bodies never one left out.
    public func articulationShares(_ options: SamplingOptions) throws(OrgNetError) -> [SampleShare] {
        let g = view.graph
        let counts = try eachSample(options) { mask throws(OrgNetError) in g.articulationPoints(mask: mask) }
        var hits = [Int](repeating: 0, count: g.nodeCount)
        for points in counts { for v in points { hits[v] += 1 } }
        return (0..<g.nodeCount).filter { hits[$0] > 0 }
            .map { SampleShare(id: view.ids[$0], share: Double(hits[$0]) / Double(options.samples)) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.id < $1.id }
    }

    /// For each chain (organization ids, in order): the share of plausible networks in which every
    /// body on it exists and every step has a tie of the view's roles.
    public func chainShares(_ chains: [[String]], _ options: SamplingOptions) throws(OrgNetError) -> [Double] {
        let view = self.view
        let nodes = chains.map { $0.map { view.node($0) ?? -1 } }
        let present = try eachSample(options) { mask throws(OrgNetError) in
            nodes.map { view.graph.pathExists($0, mask: mask) }
        }
        return chains.indices.map { c in Double(present.filter { $0[c] }.count) / Double(options.samples) }
    }
}

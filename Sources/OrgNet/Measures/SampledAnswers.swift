import Foundation
import GraphKit

extension Snapshot {
    /// ``votingPower(of:quota:)`` with intervals over plausible compositions: each sample reads the
    /// council's disputed observations among their alternatives (``DisputedValues``), and the
    /// power of every recorded party is computed on that reading.
    ///
    /// Unknown seats stay unknown in a sample: a sample whose composition leaves seats unassigned
    /// contributes the exact bounds over every split of them (``PartialCouncil``), never a point.
    /// So `banzhafLow` is the lower percentile of the samples' lower bounds and `banzhafHigh` the
    /// upper percentile of their upper bounds (likewise Shapley-Shubik); the medians and the rank
    /// range (by Banzhaf, competition ranks among the sample's parties) exist only when every
    /// sample gives a point, and are nil otherwise: a sample never invents a majority the data
    /// does not record. A party absent from a sample's reading has no power there (0).
    /// ``CouncilPower/samplesWithUnknownSeats`` counts the samples that gave a range.
    public func votingPower(
        of council: String, quota: Quota = .simpleMajority, model: PresenceModel,
        sampling options: SamplingOptions
    ) throws(OrgNetError) -> CouncilPower {
        var point = try votingPower(of: council, quota: quota)
        let disputed = DisputedValues(self, model: model, relevant: { $0.subject == .organization(council) })
        let sampled = try disputed.eachSample(options) { s throws(OrgNetError) in
            try s.votingPower(of: council, quota: quota)
        }
        let everyPoint = sampled.allSatisfy { $0.unknownSeats == 0 }
        // Per sample, each party's Banzhaf rank among that sample's parties.
        let ranks: [[String: Int]] = sampled.map { p in
            let r = SampleSummary.competitionRanks(p.parties.map { $0.banzhaf ?? 0 })
            return Dictionary(uniqueKeysWithValues: zip(p.parties.map(\.party), r))
        }
        for k in point.parties.indices {
            let id = point.parties[k].party
            let rows = sampled.map { p in p.parties.first { $0.party == id } }
            let bMin = rows.map { $0?.banzhafMin ?? 0 }, bMax = rows.map { $0?.banzhafMax ?? 0 }
            let sMin = rows.map { $0?.shapleyShubikMin ?? 0 }, sMax = rows.map { $0?.shapleyShubikMax ?? 0 }
            point.parties[k].banzhafLow = SampleSummary.interval(bMin, options.interval).low
            point.parties[k].banzhafHigh = SampleSummary.interval(bMax, options.interval).high
            point.parties[k].shapleyShubikLow = SampleSummary.interval(sMin, options.interval).low
            point.parties[k].shapleyShubikHigh = SampleSummary.interval(sMax, options.interval).high
            if everyPoint {
                point.parties[k].banzhafMedian = SampleSummary.interval(bMin, options.interval).median
                point.parties[k].shapleyShubikMedian = SampleSummary.interval(sMin, options.interval).median
                // A party missing from a sample ranks after every party present there.
                let r = SampleSummary.rankRange(ranks.map { $0[id] ?? ($0.count + 1) }, options.interval)
                point.parties[k].rankLow = r.low
                point.parties[k].rankHigh = r.high
            }
        }
        point.samples = options.samples
        point.seed = options.seed
        point.interval = options.interval
        point.samplesWithUnknownSeats = sampled.filter { $0.unknownSeats > 0 }.count
        return point
    }

    /// ``representationBias(of:rule:constituencies:)`` for each council with intervals over
    /// plausible values: each sample reads the disputed headcounts, shares and delegate numbers
    /// among their alternatives (``DisputedValues``) and recomputes the constituencies and the
    /// indices. `loosemoreHanbyLow`/`High`/`Median` (and Gallagher's) summarize the samples in
    /// which the index is defined; ``RepresentationBias/samplesCounted`` says how many those are.
    /// Which bodies and ties exist is taken as recorded (their presence is what `centrality`,
    /// `path` and `brokers` sample).
    public func representationBias(
        of councils: [String], rule: ConstituencyRule = .split, model: PresenceModel,
        sampling options: SamplingOptions
    ) throws(OrgNetError) -> [RepresentationBias] {
        let all = try constituencies(rule: rule)
        var point = try councils.map { c throws(OrgNetError) in
            try representationBias(of: c, rule: rule, constituencies: all)
        }
        let disputed = DisputedValues(self, model: model)
        let sampled = try disputed.eachSample(options) { s throws(OrgNetError) -> [RepresentationBias] in
            let cons = try s.constituencies(rule: rule)
            return try councils.map { c throws(OrgNetError) in
                try s.representationBias(of: c, rule: rule, constituencies: cons)
            }
        }
        for k in point.indices {
            let lh = sampled.compactMap { $0[k].loosemoreHanby }, g = sampled.compactMap { $0[k].gallagher }
            point[k].samplesCounted = lh.count
            if !lh.isEmpty {
                let i = SampleSummary.interval(lh, options.interval)
                (point[k].loosemoreHanbyLow, point[k].loosemoreHanbyHigh, point[k].loosemoreHanbyMedian) = (
                    i.low, i.high, i.median
                )
            }
            if !g.isEmpty {
                let i = SampleSummary.interval(g, options.interval)
                (point[k].gallagherLow, point[k].gallagherHigh, point[k].gallagherMedian) = (i.low, i.high, i.median)
            }
        }
        return point
    }
}

/// The spread of one organization's score shift between two months over plausible networks.
public struct ShiftInterval: Sendable, Hashable {
    /// The lower and upper percentiles and the median of the sampled shifts (after − before).
    public var low: Double, high: Double, median: Double
}

extension UncertainNetwork {
    /// The shift of `measure` from `before` to `after` (each an uncertain network of one month)
    /// over plausible networks, by organization id. Sample `i` draws both months with the same
    /// numbers (``uniform(_:_:key:)`` is keyed by element id), so an element present in one
    /// month of a sample is present in the other too where it exists there: only what truly
    /// differs between the months moves a shift. A body absent from a month or a sample scores 0
    /// there, as in ``centrality(_:raw:options:)``.
    public static func shifts(
        _ measure: CentralityMeasure, before a: UncertainNetwork, after b: UncertainNetwork,
        options: SamplingOptions
    ) throws(OrgNetError) -> [String: ShiftInterval] {
        let ids = Array(Set(a.view.ids).union(b.view.ids)).sorted()
        let results: [Result<[Double], OrgNetError>] = parallelMap(options.samples) { i in
            do throws(OrgNetError) {
                let va = try a.view.centralityValues(measure, mask: a.sample(i, seed: options.seed))
                let vb = try b.view.centralityValues(measure, mask: b.sample(i, seed: options.seed))
                return .success(
                    ids.map { id in (b.view.node(id).map { vb[$0] } ?? 0) - (a.view.node(id).map { va[$0] } ?? 0) })
            } catch {
                return .failure(error)
            }
        }
        var deltas = [[Double]](repeating: [], count: ids.count)
        for r in results {
            switch r {
            case .success(let d): for k in ids.indices { deltas[k].append(d[k]) }
            case .failure(let e): throw e
            }
        }
        var out: [String: ShiftInterval] = [:]
        for (k, id) in ids.enumerated() {
            let i = SampleSummary.interval(deltas[k], options.interval)
            out[id] = ShiftInterval(low: i.low, high: i.high, median: i.median)
        }
        return out
    }
}

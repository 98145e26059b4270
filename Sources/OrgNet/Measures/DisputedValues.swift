import Foundation
import GraphKit

extension Observation {
    /// The probability of each reading of a disputed value under `model`: index 0 the recorded
    /// value, then each of ``alternatives`` in order. They sum to 1.
    ///
    /// The rule: the recorded value is drawn with its own confidence's presence probability
    /// `p₀` (``PresenceModel/probability(_:)``: high 0.95, medium 0.75, low 0.5 by default, 1 with
    /// no confidence recorded, 0 for an assumption under `--without assumptions`); the alternatives
    /// share the remaining `1 − p₀` in proportion to their own confidences' probabilities `pⱼ`
    /// (an alternative written without a status is external, medium). So the recorded value is
    /// the most likely reading whenever `p₀ ≥ ½` (every default level; a low-confidence figure
    /// against one alternative is even odds), and a value nobody recorded a confidence for is
    /// never replaced. When every alternative has probability 0, or there is none, the recorded
    /// value is certain. A model of plausible values in the spirit of the uncertain graphs of
    /// Potamias et al. (2010): each reading is a possible world weighted by the data's confidence.
    public func readingProbabilities(_ model: PresenceModel) -> [Double] {
        let p0 = model.probability(provenance)
        let weights = alternatives.map { model.probability($0.provenance) }
        let sum = weights.reduce(0, +)
        guard !alternatives.isEmpty, sum > 0, p0 < 1 else {
            return [1] + alternatives.map { _ in 0 }
        }
        return [p0] + weights.map { (1 - p0) * $0 / sum }
    }

    /// The observation as reading `r`: 0 is the recorded value; `r ≥ 1` takes alternative `r − 1`'s
    /// value and composition where it gives them (an alternative giving only a value keeps the
    /// recorded composition, one giving only a composition keeps the recorded value), with the
    /// alternative's provenance and no alternatives left.
    public func reading(_ r: Int) -> Observation {
        guard r > 0, r <= alternatives.count else { return self }
        let a = alternatives[r - 1]
        var o = self
        if let v = a.value { o.value = v }
        if !a.composition.isEmpty { o.composition = a.composition }
        o.provenance = a.provenance
        o.alternatives = []
        o.shareOf = nil
        return o
    }

    /// The reading drawn for this observation in sample `i` of `seed` (0 = recorded): one uniform
    /// number per observation and sample, keyed by ``reference`` (``UncertainNetwork/uniform(_:_:key:)``),
    /// compared with the cumulative ``readingProbabilities(_:)``.
    public func drawnReading(_ model: PresenceModel, sample i: Int, seed: UInt64) -> Int {
        let probabilities = readingProbabilities(model)
        guard probabilities[0] < 1 else { return 0 }
        let u = UncertainNetwork.uniform(seed, i, key: UncertainNetwork.elementKey(reference))
        var cumulative = 0.0
        for (r, p) in probabilities.enumerated() {
            cumulative += p
            if u < cumulative { return r }
        }
        return 0
    }
}

/// A snapshot's disputed values drawn sample by sample: the plausible values `power` and
/// `represent` are computed on.
///
/// Only observations dated at or before the snapshot's month that carry `alternatives` are drawn
/// (later ones cannot change an answer for the month). Samples with the same readings give the
/// same answer, so a sampled measure is computed once per distinct combination of readings
/// (``distinctReadings(_:)``), not once per sample.
public struct DisputedValues: Sendable {
    /// The recorded snapshot.
    public let snapshot: Snapshot
    /// The model the probabilities come from.
    public let model: PresenceModel
    /// Positions in ``Timeline/observations`` of the disputed observations drawn.
    public let disputed: [Int]

    /// The disputed values of a snapshot, optionally only those `relevant` to a measure.
    public init(_ snapshot: Snapshot, model: PresenceModel, relevant: (Observation) -> Bool = { _ in true }) {
        self.snapshot = snapshot
        self.model = model
        let month = snapshot.month
        disputed = snapshot.timeline.observations.indices.filter { i in
            let o = snapshot.timeline.observations[i]
            return !o.alternatives.isEmpty && (month.map { o.month <= $0 } ?? true) && relevant(o)
                && o.readingProbabilities(model)[0] < 1
        }
    }

    /// The readings of sample `i` (one per ``disputed`` observation, 0 = recorded).
    public func readings(_ i: Int, seed: UInt64) -> [Int] {
        let obs = snapshot.timeline.observations
        return disputed.map { obs[$0].drawnReading(model, sample: i, seed: seed) }
    }

    /// Every sample's readings (in parallel, in sample order), the distinct combinations in order
    /// of first appearance, and for each sample the index of its combination.
    public func distinctReadings(_ options: SamplingOptions) -> (combinations: [[Int]], ofSample: [Int]) {
        let me = self
        let all: [[Int]] = parallelMap(options.samples) { i in me.readings(i, seed: options.seed) }
        var index: [[Int]: Int] = [:], combinations: [[Int]] = [], of: [Int] = []
        of.reserveCapacity(all.count)
        for r in all {
            if let k = index[r] { of.append(k); continue }
            index[r] = combinations.count
            of.append(combinations.count)
            combinations.append(r)
        }
        return (combinations, of)
    }

    /// The snapshot with the disputed observations read as `readings` (the recorded snapshot when
    /// every reading is 0): the timeline's observations and the snapshot's both replaced.
    public func snapshot(readings: [Int]) -> Snapshot {
        guard readings.contains(where: { $0 != 0 }) else { return snapshot }
        var t = snapshot.timeline
        var obs = t.observations
        var replaced: [Observation: Observation] = [:]
        for (k, i) in disputed.enumerated() where readings[k] != 0 {
            let drawn = obs[i].reading(readings[k])
            replaced[obs[i]] = drawn
            obs[i] = drawn
        }
        t.observations = obs
        return Snapshot(
            timeline: t, month: snapshot.month, label: snapshot.label, organizations: snapshot.organizations,
            ties: snapshot.ties, observations: snapshot.observations.map { replaced[$0] ?? $0 })
    }

    /// `body` on the snapshot of every distinct combination of readings (in parallel), expanded
    /// to one result per sample, in sample order. The first error (in combination order) is thrown.
    public func eachSample<T: Sendable>(
        _ options: SamplingOptions,
        _ body: @Sendable (Snapshot) throws(OrgNetError) -> T
    ) throws(OrgNetError) -> [T] {
        let (combinations, of) = distinctReadings(options)
        let me = self
        let results: [Result<T, OrgNetError>] = parallelMap(combinations.count) { k in
            do throws(OrgNetError) { return .success(try body(me.snapshot(readings: combinations[k]))) } catch {
                return .failure(error)
            }
        }
        var values: [T] = []
        for r in results {
            switch r {
            case .success(let v): values.append(v)
            case .failure(let e): throw e
            }
        }
        return of.map { values[$0] }
    }
}

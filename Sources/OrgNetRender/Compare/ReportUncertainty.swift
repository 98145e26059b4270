import Foundation
import OrgNet

/// The report's view of uncertainty, month by month: the measure's intervals over plausible
/// networks (``UncertainNetwork/centrality(_:raw:options:)``) and the elements the month's top
/// ranking hangs on (``UncertainNetwork/sensitivity(_:raw:top:)``), both on the network the
/// report's pictures size their nodes by (``Snapshot/influenceNetwork(weighted:)``) and under the
/// dataset's presence model.
struct ReportUncertainty {
    /// How many bodies the sensitivity compares (the month's top five) and how many elements the
    /// report lists.
    static let top = 5

    /// One month.
    struct Month {
        /// The measure's interval of each organization drawn, by id.
        var intervals: [String: IntervalScore]
        /// The month's top bodies by the recorded measure (ids), best first.
        var top: [String]
        /// The uncertain elements dropped in turn, largest effect first.
        var elements: [ElementSensitivity]
    }

    let options: SamplingOptions
    let months: [Month]

    /// The months of `snapshots`, or nil when the measure cannot be sampled (eigenvector, Katz and
    /// HITS run on the whole graph only; see ``CentralityMeasure/maskable``).
    init?(_ snapshots: [Snapshot], measure name: String, options: SamplingOptions) throws(OrgNetError) {
        guard let measure = CentralityMeasure(rawValue: name), CentralityMeasure.maskable.contains(measure) else {
            return nil
        }
        self.options = options
        var months: [Month] = []
        for s in snapshots {
            guard !s.organizations.isEmpty else {
                months.append(Month(intervals: [:], top: [], elements: [])); continue
            }
            let u = UncertainNetwork(s.influenceNetwork(), model: s.timeline.presence)
            var intervals: [String: IntervalScore] = [:]
            for row in try u.centrality(measure, options: options) { intervals[row.id] = row }
            let found = s.organizations.count >= 2 ? try u.sensitivity(measure, top: Self.top) : (top: [], elements: [])
            months.append(Month(intervals: intervals, top: found.top, elements: found.elements))
        }
        self.months = months
    }

    /// "0.12–0.34": an interval as the report prints it (three decimals, as its shift table).
    static func range(_ s: IntervalScore) -> String {
        number(s.low) + "–" + number(s.high)
    }

    /// A value to three decimals, no trailing zeros.
    static func number(_ v: Double) -> String { Text.number((v * 1000).rounded() / 1000) }

    /// "3–7" or "3": a rank range.
    static func ranks(_ s: IntervalScore) -> String {
        s.rankLow == s.rankHigh ? "\(s.rankLow)" : "\(s.rankLow)–\(s.rankHigh)"
    }

    /// A trend with a band (the interval of each month) on each series of a measure.
    func banded(_ trend: Trend) -> Trend {
        var t = trend
        for k in t.series.indices {
            let id = t.series[k].id
            t.series[k].low = months.map { $0.intervals[id]?.low }
            t.series[k].high = months.map { $0.intervals[id]?.high }
        }
        return t
    }

    /// "90% interval over 200 plausible networks".
    var description: String {
        "\(Text.number(options.interval))% interval over \(options.samples) plausible networks"
    }

    /// The words under a banded chart, e.g. "shaded: 90% interval over 200 plausible networks".
    var bandNote: String { "shaded: " + description }
}

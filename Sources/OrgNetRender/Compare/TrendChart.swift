import Foundation
import GraphKit
import OrgNet

/// A metric of some organizations across the months of a timeline: the data of a trend chart.
public struct Trend: Sendable {
    /// One line: an organization (or a network-wide count), one value per month, nil where unknown.
    public struct Series: Sendable, Hashable {
        public var id: String
        public var name: String
        public var values: [Double?]
        /// The lower end of each month's interval over plausible networks (nil: no band there).
        public var low: [Double?]?
        /// The upper end of each month's interval.
        public var high: [Double?]?
        public init(id: String, name: String, values: [Double?], low: [Double?]? = nil, high: [Double?]? = nil) {
            self.id = id
            self.name = name
            self.values = values
            self.low = low
            self.high = high
        }

        /// The band of month `i`, when both ends are known.
        func band(_ i: Int) -> (low: Double, high: Double)? {
            guard let l = low?[safe: i] ?? nil, let h = high?[safe: i] ?? nil else { return nil }
            return (min(l, h), max(l, h))
        }
    }

    /// The metric as given (normalised), e.g. `betweenness`, `delegates`, `share:bolsheviks`.
    public var metric: String
    /// A title for people, e.g. "Betweenness" or "Bolsheviks' share (%)".
    public var title: String
    public var months: [Month]
    public var series: [Series]

    public init(metric: String, title: String, months: [Month], series: [Series]) {
        self.metric = metric
        self.title = title
        self.months = months
        self.series = series
    }

    /// The metric names a timeline offers: the measures, the observed quantities, and `share:PARTY`
    /// for each party named in a composition.
    public static func metrics(in timeline: Timeline) -> [String] {
        let quantities = Set(timeline.observations.filter { $0.subject.id != "" }.map(\.quantity)).sorted()
        let parties = timeline.parties.filter { p in timeline.observations.contains { $0.count(of: p.id) != nil } }
        return ComparisonMeasures.names + quantities + parties.map { "share:" + $0.id }
    }

    /// A metric of each organization in every month of `timeline`.
    ///
    /// - measures (``ComparisonMeasures/names``): the organization's score in that month's snapshot;
    /// - an observed quantity (`members`, `delegates`, `workers`...): the value observed that month
    ///   (not carried forward: a month without an observation has no point);
    /// - `share:PARTY`: the party's percentage of the body in that month's observation with a
    ///   composition (delegates first, then seats, then any quantity).
    /// Months where the organization does not exist have no value.
    public static func compute(metric: String, organizations: [Organization], timeline: Timeline) throws(OrgNetError)
        -> Trend
    {
        let m = metric.lowercased()
        let months = timeline.months
        guard !months.isEmpty else {
            throw OrgNetError(.invalidArgument, "a trend needs a timeline with months, not a single network")
        }
        let snapshots = months.map { timeline.snapshot(at: $0) }
        var series: [Series] = organizations.map { Series(id: $0.id, name: $0.name, values: []) }
        let title: String
        if ComparisonMeasures.names.contains(m) {
            title = ComparisonMeasures.title(of: m)
            for s in snapshots {
                let scores = try ComparisonMeasures.scores(m, of: s)
                for i in series.indices { series[i].values.append(scores[series[i].id]) }
            }
        } else if m.hasPrefix("share:") {
            let partyID = String(m.dropFirst("share:".count))
            guard let party = timeline.parties.first(where: { $0.id.lowercased() == partyID }) else {
                throw OrgNetError(
                    .invalidArgument, "no party '\(partyID)' in \(timeline.id)",
                    hints: ["parties: " + timeline.parties.map(\.id).joined(separator: ", ")])
            }
            title = "\(party.name): share (%)"
            for s in snapshots {
                for i in series.indices {
                    let obs = s.observations(of: series[i].id).filter { !$0.composition.isEmpty }
                    let pick =
                        obs.first { $0.quantity == "delegates" } ?? obs.first { $0.quantity == "seats" } ?? obs.first
                    guard let o = pick, s.organization(series[i].id) != nil else {
                        series[i].values.append(nil); continue
                    }
                    let total = o.value > 0 ? o.value : o.composition.reduce(0) { $0 + $1.count }
                    series[i].values.append(total > 0 ? 100 * (o.count(of: party.id) ?? 0) / total : nil)
                }
            }
        } else if Set(timeline.observations.map(\.quantity)).contains(m) {
            title = m.prefix(1).uppercased() + m.dropFirst()
            for s in snapshots {
                for i in series.indices { series[i].values.append(s.observation(m, of: series[i].id)?.value) }
            }
        } else {
            throw OrgNetError(
                .invalidArgument, "unknown metric '\(metric)'",
                hints: ["metrics: " + metrics(in: timeline).joined(separator: ", ")])
        }
        return Trend(metric: m, title: title, months: months, series: series)
    }

    /// `month,ID,ID...` then one row per month; empty cells where there is no value.
    public var csv: String {
        var lines = [(["month"] + series.map(\.id)).map(Self.csvField).joined(separator: ",")]
        for (i, month) in months.enumerated() {
            lines.append(
                ([month.description] + series.map { $0.values[i].map { NumberText.decimal($0, maxDecimals: 6) } ?? "" })
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// A trend as a plain SVG line chart: labelled axes, month ticks, one line per series, a legend,
/// a `<title>` tooltip on every point. No script, every text escaped. A series with intervals
/// (``Trend/Series/low`` and ``Trend/Series/high``) gets a shaded band (`path.band`) from low to
/// high around its line, explained by `bandNote` under the legend.
public enum TrendChart {
    public static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#7f7f7f", "#bcbd22",
    ]

    public static func svg(
        _ trend: Trend, width: Double = 760, height: Double = 420, heading: String? = nil,
        bandNote: String? = nil
    ) -> String {
        let left = 72.0, right = 210.0, top = 52.0, bottom = 78.0
        let plotW = width - left - right, plotH = height - top - bottom
        let all = trend.series.flatMap { s in
            s.values.compactMap { $0 } + s.values.indices.flatMap { i in s.band(i).map { [$0.low, $0.high] } ?? [] }
        }
        let maxValue = all.max() ?? 0, minValue = min(0, all.min() ?? 0)
        let ticks = niceTicks(minValue, maxValue > minValue ? maxValue : minValue + 1)
        let yLow = ticks.first ?? 0, yHigh = ticks.last ?? 1
        let n = trend.months.count
        let axis = timeAxis(trend.months)
        func x(_ i: Int) -> Double {
            n <= 1 ? left + plotW / 2 : left + plotW * axis.units[i] / max(1, axis.units[n - 1])
        }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - yLow) / (yHigh - yLow)) }
        func f(_ v: Double) -> String { Text.number((v * 100).rounded() / 100) }
        let e = Text.escapeXML
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <svg xmlns="http://www.w3.org/2000/svg" class="orgnet-trend" width="\(f(width))" height="\(f(height))" \
            viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica,Arial,sans-serif" font-size="11">
            <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="white"/>
            <text class="chart-title" x="\(f(left))" y="24" font-size="16" font-weight="bold" fill="#222">\(e(heading ?? trend.title))</text>

            """
        // Grid and y axis.
        for t in ticks {
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(t)))\" stroke=\"#e6e6e6\"/>\n"
            out +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\" fill=\"#444\">\(e(tickLabel(t)))</text>\n"
        }
        out +=
            "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        out +=
            "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        out +=
            "<text class=\"axis-label\" transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">\(e(trend.title))</text>\n"
        // Month ticks (a label only where it does not run into the previous one), and a break mark
        // with the months skipped where the axis is shortened.
        let rotate = n > 7
        var lastLabel = -Double.infinity
        for i in axis.breaks {
            let bx = (x(i - 1) + x(i)) / 2
            out +=
                "<text class=\"axis-break\" x=\"\(f(bx))\" y=\"\(f(top + plotH + 4))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#333\">//</text>\n"
            out +=
                "<text class=\"axis-break-label\" x=\"\(f(bx))\" y=\"\(f(top + 12))\" text-anchor=\"middle\" fill=\"#777\">\(trend.months[i].ordinal - trend.months[i - 1].ordinal - 1) months</text>\n"
            out +=
                "<text class=\"axis-break-label\" x=\"\(f(bx))\" y=\"\(f(top + 25))\" text-anchor=\"middle\" fill=\"#777\">not shown</text>\n"
        }
        for (i, m) in trend.months.enumerated() {
            out +=
                "<line x1=\"\(f(x(i)))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x(i)))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333\"/>\n"
            guard x(i) - lastLabel >= 13 || i == n - 1 else { continue }
            lastLabel = x(i)
            let ty = top + plotH + 18
            out +=
                rotate
                ? "<text class=\"month-tick\" x=\"\(f(x(i)))\" y=\"\(f(ty))\" text-anchor=\"end\" transform=\"rotate(-40 \(f(x(i))) \(f(ty)))\" fill=\"#444\">\(e(m.description))</text>\n"
                : "<text class=\"month-tick\" x=\"\(f(x(i)))\" y=\"\(f(ty))\" text-anchor=\"middle\" fill=\"#444\">\(e(m.description))</text>\n"
        }
        out +=
            "<text class=\"axis-label\" x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" fill=\"#222\">month</text>\n"
        if all.isEmpty {
            out +=
                "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH / 2))\" text-anchor=\"middle\" fill=\"#888\" font-size=\"14\">no data for these organizations</text>\n"
        }
        // Bands under every line, each run of months with an interval one shaded area (a run of
        // one month a narrow bar), broken where the line is.
        for (k, s) in trend.series.enumerated() where s.low != nil {
            let color = palette[k % palette.count]
            var run: [Int] = []
            func flush() {
                defer { run = [] }
                guard let first = run.first else { return }
                let upper = run.map { (x($0), y(s.band($0)!.high)) },
                    lower = run.reversed().map { (x($0), y(s.band($0)!.low)) }
                var points = upper + lower
                if run.count == 1 {
                    let bx = x(first)
                    points = [(bx - 3, upper[0].1), (bx + 3, upper[0].1), (bx + 3, lower[0].1), (bx - 3, lower[0].1)]
                }
                let d = "M" + points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " L") + " Z"
                out +=
                    "<path class=\"band\" data-id=\"\(e(s.id))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\" d=\"\(d)\"><title>\(e("\(s.name): \(bandNote ?? "interval")"))</title></path>\n"
            }
            for i in s.values.indices {
                if s.band(i) == nil || axis.breaks.contains(i) { flush() }
                if s.band(i) != nil { run.append(i) }
            }
            flush()
        }
        // Lines, points, legend.
        for (k, s) in trend.series.enumerated() {
            let color = palette[k % palette.count]
            out += "<g class=\"series\" data-id=\"\(e(s.id))\">\n"
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    out +=
                        "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\" points=\"\(run.joined(separator: " "))\"/>\n"
                }
                run = []
            }
            for (i, v) in s.values.enumerated() {
                guard let v else { flush(); continue }
                if axis.breaks.contains(i), let last = run.last {
                    // Across a shortened stretch of the axis the line is dashed.
                    flush()
                    out +=
                        "<polyline class=\"across-break\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.4\" stroke-dasharray=\"4 4\" points=\"\(last) \(f(x(i))),\(f(y(v)))\"/>\n"
                }
                run.append("\(f(x(i))),\(f(y(v)))")
            }
            flush()
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                out +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3.5\" fill=\"\(color)\"><title>\(e("\(s.name), \(trend.months[i]): \(NumberText.decimal(v, maxDecimals: 6))"))</title></circle>\n"
            }
            out += "</g>\n"
            let ly = top + 6 + Double(k) * 20
            let label = s.name.count > 30 ? String(s.name.prefix(29)) + "…" : s.name
            out +=
                "<line x1=\"\(f(width - right + 16))\" y1=\"\(f(ly))\" x2=\"\(f(width - right + 40))\" y2=\"\(f(ly))\" stroke=\"\(color)\" stroke-width=\"3\"/>\n"
            out +=
                "<text class=\"legend-label\" x=\"\(f(width - right + 46))\" y=\"\(f(ly + 4))\" fill=\"#222\">\(e(label))<title>\(e(s.name))</title></text>\n"
        }
        if let bandNote, trend.series.contains(where: { $0.low != nil }) {
            let ly = top + 6 + Double(trend.series.count) * 20
            out +=
                "<rect x=\"\(f(width - right + 16))\" y=\"\(f(ly - 6))\" width=\"24\" height=\"12\" fill=\"#777\" fill-opacity=\"0.25\"/>\n"
            // The note wraps after "interval" to stay inside the legend column.
            let words = bandNote.components(separatedBy: " over ")
            for (j, line) in words.enumerated() {
                out +=
                    "<text class=\"band-note\" x=\"\(f(width - right + 46))\" y=\"\(f(ly + 4 + Double(j) * 14))\" fill=\"#444\">\(e(j == 0 ? line : "over " + line))</text>\n"
            }
        }
        out += "</svg>\n"
        return out
    }

    /// The longest stretch of time drawn to scale between two months, in months; a longer one is
    /// drawn this long with a break mark.
    static let longestDrawnGap = 6

    /// Positions of `months` on a time axis (in months since the first; a gap longer than
    /// ``longestDrawnGap`` counts as that long) and the indices whose gap to the previous month is
    /// shortened.
    static func timeAxis(_ months: [Month]) -> (units: [Double], breaks: [Int]) {
        var units: [Double] = [], breaks: [Int] = []
        for (i, m) in months.enumerated() {
            guard i > 0 else { units.append(0); continue }
            let gap = m.ordinal - months[i - 1].ordinal
            if gap > longestDrawnGap { breaks.append(i) }
            units.append(units[i - 1] + Double(min(gap, longestDrawnGap)))
        }
        return (units, breaks)
    }

    /// About five round ticks covering low...high.
    static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
        let span = high - low
        let raw = span / 5
        let mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        let start = floor(low / step) * step, end = ceil(high / step) * step
        var ticks: [Double] = []
        var t = start
        while t <= end + step / 2 { ticks.append((t / step).rounded() * step); t += step }
        return ticks
    }

    static func tickLabel(_ v: Double) -> String {
        if abs(v) >= 1000 { return Text.number(v.rounded()) }
        return NumberText.decimal((v * 10000).rounded() / 10000, maxDecimals: 6)
    }
}

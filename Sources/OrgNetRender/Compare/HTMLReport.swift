import Foundation
import OrgNet
import OrgNetIO

/// A static HTML report of a timeline: one self-contained `index.html` (styles, script, pictures
/// and data inline; a Content-Security-Policy forbids every network request) plus the same
/// pictures as SVG files. It is an explorer: a month slider and tabs over the stable-layout
/// pictures (opening on the dataset's default month), zoom and pan on every picture (wheel, pinch,
/// drag, +/- and 0 keys, Fit/All buttons; the view is kept across months since positions are
/// stable), a search box (name or id, case and accents folded) whose Enter selects the best match
/// and brings it into view, selection that dims all but the body's neighbourhood, a fixed side
/// panel with the body's sources, observations and measure by month, deep links (`#MONTH`,
/// `#MONTH/ORG-ID`) that the address follows with working back/forward, a diff table for any pair
/// of months, trend charts and a foldable legend.
///
/// Safety: all data-derived text is escaped (HTML) or JSON-encoded with `<`, `>`, `&` as `\u003c`...
/// inside a `type="application/json"` block; the script fills the page with `textContent` only,
/// and links only `http:`/`https:` source URLs. The SVGs carry no script.
///
/// Uncertainty: with samples (``defaultSamples`` unless told), every month's measure gets its
/// interval over plausible networks (``UncertainNetwork``, the dataset's presence model, seed 1) in
/// a ranking table under the picture and next to the scores of the shift table, the measure's trend
/// chart a shaded band per line, and each month a list of the elements its top five hangs on
/// (``UncertainNetwork/sensitivity(_:raw:top:)``, worded as `orgnet sensitivity`). Measures that
/// cannot be sampled (eigenvector, Katz, HITS) get none of these, and the page says so.
///
/// `index.html?check=1` switches to the last month, opens a diff and clicks a node on load, then
/// records what it saw on `<body>` (`data-status`, `data-initial-month`, `data-visible-month`, ...)
/// for headless checks (`scripts/browser-check.py`).
public enum HTMLReport {
    /// Plausible networks drawn per month for the intervals when not told otherwise: enough for
    /// stable 5th/95th percentiles of a 150-body month, few enough to keep `orgnet report` fast.
    public static let defaultSamples = 200

    /// Builds the report's files (paths relative to the report folder). `samples`: plausible
    /// networks per month for the intervals, bands and sensitivity lists (0 leaves them out);
    /// `seed`: their seed (the same seed writes the same report).
    public static func files(
        for timeline: Timeline, measure: String = ComparisonMeasures.defaultName,
        samples: Int = defaultSamples, seed: UInt64 = 1
    ) throws(OrgNetError) -> [Gallery.File] {
        let t = timeline
        guard !t.months.isEmpty else { throw OrgNetError(.invalidArgument, "a report needs a timeline with months") }
        guard samples >= 0 else {
            throw OrgNetError(.invalidArgument, "the sample count must be 0 (no intervals) or more; got \(samples)")
        }
        let snapshots = t.months.map { t.snapshot(at: $0) }
        let panels = try ComparePanels(snapshots: snapshots, measure: measure)
        let uncertainty =
            samples == 0
            ? nil
            : try ReportUncertainty(
                snapshots, measure: panels.measure, options: try SamplingOptions(samples: samples, seed: seed))
        let drawn = try panels.panels(Array(t.months.indices))
        var files: [Gallery.File] = []
        for f in try Gallery.files(for: t, measure: measure, panels: panels, drawn: drawn) where f.path != "index.html"
        {
            files.append(.init(path: "svg/" + f.path, text: f.text))
        }
        var monthSVGs: [String] = []
        for i in t.months.indices {
            monthSVGs.append(
                try panels.document(
                    drawn: [drawn[i]], indices: [i], previousOfFirst: i > 0 ? i - 1 : nil,
                    layout: .init(legend: false, idPrefix: "m\(i)-p")))
        }
        let charts = try trendCharts(t, panels: panels, uncertainty: uncertainty)
        for c in charts { files.append(.init(path: "charts/\(c.file)", text: c.svg)) }
        // One legend per month: what that month's picture draws (with the previous month's ghosts).
        var legends: [String] = []
        for i in t.months.indices {
            let svg = try panels.legendSVG(for: [i], previousOfFirst: i > 0 ? i - 1 : nil)
            legends.append(
                svg.replacingOccurrences(of: "id=\"legend", with: "id=\"m\(i)-legend")
                    .replacingOccurrences(of: "id=\"a_legend", with: "id=\"a_m\(i)-legend"))
        }
        let data = try reportData(
            t, snapshots: snapshots, measure: panels.measure, scores: panels.scores, uncertainty: uncertainty,
            samples: samples)
        files.insert(
            .init(
                path: "index.html", text: page(t, monthSVGs: monthSVGs, legends: legends, charts: charts, data: data)),
            at: 0)
        return files
    }

    // MARK: - Trend charts

    struct Chart { var file: String; var title: String; var svg: String }

    static func trendCharts(_ t: Timeline, panels: ComparePanels, uncertainty: ReportUncertainty?) throws(OrgNetError)
        -> [Chart]
    {
        var charts: [Chart] = []
        let range = "\(t.months.first!) – \(t.months.last!)"
        // The measure, for the five organizations with the highest peak.
        var peak: [String: Double] = [:]
        for s in panels.scores { for (id, v) in s { peak[id] = max(peak[id] ?? 0, v) } }
        let top = peak.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(5).compactMap { t.organization($0.key) }
        if !top.isEmpty {
            var trend = try Trend.compute(metric: panels.measure, organizations: top, timeline: t)
            if let uncertainty { trend = uncertainty.banded(trend) }
            charts.append(
                Chart(
                    file: "\(panels.measure).svg", title: "\(trend.title): the five highest",
                    svg: TrendChart.svg(
                        trend, heading: "\(trend.title), top five organizations, \(range)",
                        bandNote: uncertainty?.bandNote)))
        }
        // The network's size.
        let sizes = t.months.map { t.snapshot(at: $0) }
        let size = Trend(
            metric: "size", title: "Count", months: t.months,
            series: [
                .init(id: "organizations", name: "Organizations", values: sizes.map { Double($0.organizations.count) }),
                .init(id: "ties", name: "Ties", values: sizes.map { Double($0.ties.count) }),
            ])
        charts.append(
            Chart(
                file: "size.svg", title: "Organizations and ties",
                svg: TrendChart.svg(size, heading: "Organizations and ties, \(range)")))
        // Party shares of the body with the most compositions on record.
        let withComposition = Dictionary(
            grouping: t.observations.filter { !$0.composition.isEmpty && $0.subject.id != "" }, by: { $0.subject.id })
        if let (orgID, _) = withComposition.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
            let org = t.organization(orgID)
        {
            var series: [Trend.Series] = []
            for p in t.parties {
                let tr = try Trend.compute(metric: "share:" + p.id, organizations: [org], timeline: t)
                if tr.series[0].values.contains(where: { $0 != nil }) {
                    series.append(.init(id: p.id, name: p.name, values: tr.series[0].values))
                }
            }
            if !series.isEmpty {
                let trend = Trend(metric: "share", title: "Share (%)", months: t.months, series: series)
                charts.append(
                    Chart(
                        file: "shares.svg", title: "Party shares: \(org.name)",
                        svg: TrendChart.svg(trend, heading: "Party shares of \(org.label), \(range)")))
            }
        }
        return charts
    }

    // MARK: - Data for the script

    struct SourceOut: Encodable {
        let title: String; let at: String?; let facts: [String]; let url: String?; let home: Bool
    }
    struct ObsOut: Encodable { let month: String; let text: String }
    struct OrgOut: Encodable {
        let id: String; let name: String; let kind: String; let lifetime: String; let status: String
        let note: String?; let sources: [SourceOut]; let observations: [ObsOut]
        /// The measure's score in each month (null where the organization is not drawn).
        let trend: [Double?]
    }
    struct TieOut: Encodable {
        let id: String; let from: String; let to: String; let role: String; let weight: String?; let lifetime: String
        let status: String; let note: String?; let sources: [SourceOut]
    }
    struct MonthOut: Encodable {
        let id: String; let title: String
        /// The month's ten highest scores with their intervals (absent without sampling).
        let ranking: [RankOut]?
        /// What the month's top five hangs on (absent without sampling).
        let hangsOn: HangsOut?
    }
    struct RankOut: Encodable {
        let id: String; let name: String; let rank: Int; let score: String; let interval: String; let ranks: String
    }
    struct HangsOut: Encodable {
        /// The top bodies' names, best first.
        let top: [String]
        /// How many assumed or low-confidence elements were dropped in turn.
        let count: Int
        /// The elements that move the top, largest effect first (at most ``ReportUncertainty/top``).
        let elements: [SensitivityOut]
    }
    struct SensitivityOut: Encodable { let effect: String; let changesTop: Bool; let text: String }
    struct ElementOut: Encodable { let id: String; let text: String }
    struct ChangeOut: Encodable {
        let id: String; let name: String; let field: String; let before: String; let after: String
    }
    struct ShiftOut: Encodable {
        let id: String; let name: String; let before: String; let after: String; let delta: String; let rank: String
        /// The intervals of the two scores ("0.1–0.3"; absent without sampling or where the body is not drawn).
        let beforeInterval: String?; let afterInterval: String?
    }
    struct DiffOut: Encodable {
        let before: String; let after: String
        let addedOrganizations: [ElementOut]; let removedOrganizations: [ElementOut]
        let addedTies: [ElementOut]; let removedTies: [ElementOut]
        let changed: [ChangeOut]; let shifts: [ShiftOut]
    }
    struct DataOut: Encodable {
        let measure: String; let months: [MonthOut]
        /// The month shown first (the dataset's default month).
        let start: Int
        let organizations: [String: OrgOut]; let ties: [String: TieOut]; let diffs: [String: DiffOut]
        /// "90% interval over 200 plausible networks", or why there are no intervals.
        let uncertainty: String
        /// The interval's column heading, e.g. "90% interval" (absent without sampling).
        let intervalHeading: String?
    }

    static func reportData(
        _ t: Timeline, snapshots: [Snapshot], measure: String,
        scores: [[String: Double]], uncertainty: ReportUncertainty?, samples: Int
    ) throws(OrgNetError) -> String {
        func sources(_ p: Provenance) -> [SourceOut] {
            p.sources.map { c in
                let s = t.source(c.ref)
                let url = s?.url.flatMap { u in (u.hasPrefix("https://") || u.hasPrefix("http://")) ? u : nil }
                return SourceOut(
                    title: s?.title ?? c.ref, at: c.at, facts: c.facts, url: url, home: url.map(isHomePage) ?? false)
            }
        }
        var orgs: [String: OrgOut] = [:]
        for o in t.organizations {
            let obs = t.observations(of: o.id).map { ob -> ObsOut in
                var s = "\(ob.quantity): \(ob.approximate ? "about " : "")\(Text.number(ob.value))"
                if !ob.composition.isEmpty {
                    s +=
                        " ("
                        + ob.composition.map { "\(t.party($0.party)?.name ?? $0.party) \(Text.number($0.count))" }
                        .joined(separator: ", ") + ")"
                }
                if !ob.alternatives.isEmpty {
                    s +=
                        " [disputed: also "
                        + ob.alternatives.compactMap { $0.value.map(Text.number) }.joined(separator: ", ") + "]"
                }
                return ObsOut(month: ob.month.description, text: s)
            }
            orgs[Text.identifier(o.id)] = OrgOut(
                id: o.id, name: o.name, kind: t.kind(o.kind)?.name ?? o.kind, lifetime: o.lifetime.text,
                status: o.provenance.statusText,
                note: o.provenance.note, sources: sources(o.provenance), observations: obs,
                trend: scores.map { $0[o.id] })
        }
        var ties: [String: TieOut] = [:]
        for x in t.ties {
            ties[Text.identifier(x.id)] = TieOut(
                id: x.id, from: t.organization(x.from)?.name ?? x.from, to: t.organization(x.to)?.name ?? x.to,
                role: x.kind ?? x.role.rawValue, weight: x.weight.map(Text.number), lifetime: x.lifetime.text,
                status: x.provenance.statusText,
                note: x.provenance.note, sources: sources(x.provenance))
        }
        var diffs: [String: DiffOut] = [:]
        func num(_ v: Double?) -> String { v.map(ReportUncertainty.number) ?? "—" }
        func interval(_ month: Int, _ id: String) -> String? {
            uncertainty?.months[month].intervals[id].map(ReportUncertainty.range)
        }
        for i in snapshots.indices {
            for j in snapshots.indices where j > i {
                let d = try SnapshotDiff(snapshots[i], snapshots[j], measure: measure, scores: (scores[i], scores[j]))
                let changes = d.changed.flatMap { c in
                    c.changes.map { ch in
                        ChangeOut(
                            id: c.id, name: c.name, field: ch.quantity.map { "\(ch.field) (\($0))" } ?? ch.field,
                            before: ch.before?.description ?? "—", after: ch.after?.description ?? "—")
                    }
                }
                let shifts = d.shifts.filter { abs($0.delta) > 1e-12 }.prefix(15).map {
                    ShiftOut(
                        id: $0.id, name: $0.name, before: num($0.before), after: num($0.after),
                        delta: ($0.delta >= 0 ? "+" : "") + num($0.delta),
                        rank: "\($0.rankBefore.map(String.init) ?? "—") → \($0.rankAfter.map(String.init) ?? "—")",
                        beforeInterval: $0.before == nil ? nil : interval(i, $0.id),
                        afterInterval: $0.after == nil ? nil : interval(j, $0.id))
                }
                func tieText(_ r: SnapshotDiff.TieRef) -> String {
                    "\(t.organization(r.from)?.label ?? r.from) → \(t.organization(r.to)?.label ?? r.to) (\(r.role)\(r.weight.map { ", " + Text.number($0) } ?? ""))"
                }
                diffs["\(i)|\(j)"] = DiffOut(
                    before: d.before, after: d.after,
                    addedOrganizations: d.added.organizations.map { .init(id: $0.id, text: $0.name) },
                    removedOrganizations: d.removed.organizations.map { .init(id: $0.id, text: $0.name) },
                    addedTies: d.added.ties.map { .init(id: $0.id, text: tieText($0)) },
                    removedTies: d.removed.ties.map { .init(id: $0.id, text: tieText($0)) },
                    changed: changes, shifts: Array(shifts))
            }
        }
        var months: [MonthOut] = []
        for (i, m) in t.months.enumerated() {
            guard let u = uncertainty?.months[i] else {
                months.append(MonthOut(id: m.description, title: m.longName, ranking: nil, hangsOn: nil)); continue
            }
            let rank = ComparisonMeasures.ranks(u.intervals.mapValues(\.score))
            let ranking = u.intervals.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
                .prefix(10).map {
                    RankOut(
                        id: Text.identifier($0.id), name: $0.name, rank: rank[$0.id] ?? 0,
                        score: ReportUncertainty.number($0.score),
                        interval: ReportUncertainty.range($0), ranks: ReportUncertainty.ranks($0))
                }
            let moving = u.elements.filter { $0.effect > 1e-12 || $0.changesTop }.prefix(ReportUncertainty.top).map {
                SensitivityOut(
                    effect: Text.number(($0.effect * 1000).rounded() / 1000), changesTop: $0.changesTop, text: $0.words)
            }
            months.append(
                MonthOut(
                    id: m.description, title: m.longName, ranking: Array(ranking),
                    hangsOn: HangsOut(
                        top: u.top.map { t.organization($0)?.label ?? $0 }, count: u.elements.count,
                        elements: Array(moving))))
        }
        let note =
            uncertainty.map(\.description)
            ?? (samples == 0
                ? "no intervals (0 samples asked for)"
                : "no intervals: \(ComparisonMeasures.title(of: measure)) cannot be sampled")
        let out = DataOut(
            measure: ComparisonMeasures.title(of: measure),
            months: months,
            start: t.monthToShow.flatMap { m in t.months.firstIndex(of: m) } ?? 0,
            organizations: orgs, ties: ties, diffs: diffs, uncertainty: note,
            intervalHeading: uncertainty.map { "\(Text.number($0.options.interval))% interval" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(out) else {
            throw OrgNetError(.internalError, "cannot encode the report data")
        }
        return scriptSafeJSON(String(decoding: bytes, as: UTF8.self))
    }

    /// True for a link to a site's home page (no path beyond `/`, no query): the report marks it,
    /// since the reader must search the site for the cited page.
    static func isHomePage(_ url: String) -> Bool {
        guard let c = URLComponents(string: url) else { return false }
        return (c.path.isEmpty || c.path == "/") && (c.query ?? "").isEmpty && (c.fragment ?? "").isEmpty
    }

    /// JSON that cannot end its `<script>` block or open a comment: `<`, `>`, `&` and the JS line
    /// separators as `\uXXXX` escapes (they only occur inside JSON strings).
    public static func scriptSafeJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// An SVG document without its XML prolog, for inlining in HTML.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        // Graphviz's comments and DOCTYPE stay harmless, but drop the DOCTYPE if any slipped in.
        if let d = body.range(of: "<!DOCTYPE"), let end = body[d.upperBound...].firstIndex(of: ">") {
            body.removeSubrange(d.lowerBound...end)
        }
        return body
    }

    // MARK: - The page

    static func page(_ t: Timeline, monthSVGs: [String], legends: [String], charts: [Chart], data: String) -> String {
        let e = Text.escapeXML
        let first = t.monthToShow.flatMap { m in t.months.firstIndex(of: m) } ?? 0
        var tabs = ""
        var sections = ""
        for (i, m) in t.months.enumerated() {
            tabs +=
                "<button type=\"button\" class=\"tab\" role=\"tab\" data-index=\"\(i)\" aria-selected=\"\(i == first)\">\(e(m.description))</button>"
            sections +=
                "<section class=\"month\" id=\"month-\(e(m.description))\" data-month=\"\(e(m.description))\"\(i == first ? "" : " hidden")>\n"
            sections += "<div class=\"viewport\">" + inline(monthSVGs[i]) + "</div>\n</section>\n"
        }
        var legendHTML = ""
        for (i, l) in legends.enumerated() {
            legendHTML +=
                "<div class=\"month-legend\" data-index=\"\(i)\"\(i == first ? "" : " hidden")>\(inline(l))</div>"
        }
        var options = ""
        for (i, m) in t.months.enumerated() { options += "<option value=\"\(i)\">\(e(m.description))</option>" }
        var names = ""
        for o in t.organizations.sorted(by: { $0.name < $1.name }) {
            names += "<option value=\"\(e(o.name))\">\(e(o.id))</option>"
        }
        var chartHTML = ""
        for c in charts {
            chartHTML +=
                "<figure class=\"chart\"><figcaption>\(e(c.title)) <a href=\"charts/\(e(c.file))\">SVG</a></figcaption>\n<div class=\"viewport chart-viewport\">\(inline(c.svg))</div></figure>\n"
        }
        let calendar = t.calendar == .julian ? "Months and dates are Old Style (Julian calendar)." : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(t.title)): orgnet report</title>
            <style>
            body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}
            header,main,footer{padding:4px 12px}
            h1{font-size:20px;margin:6px 0}h2{font-size:18px;margin:24px 0 8px}
            header p{margin:4px 0;font-size:13px;max-width:120ch}
            .controls{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:4px 0}
            .controls input[type=range]{width:260px}
            #month-label{font-weight:bold;font-size:16px;min-width:150px}
            #search{width:260px;font-size:14px;padding:3px 6px}
            #search-status{font-size:12px;color:#555}
            .tabs{display:flex;flex-wrap:wrap;gap:3px;margin:4px 0}
            .tab{border:1px solid #ccc;background:white;padding:2px 6px;border-radius:4px;cursor:pointer;font-size:12px}
            .tab[aria-selected=true]{background:#333;color:white;border-color:#333}
            .layout{position:relative}
            .viewport{position:relative;overflow:hidden;background:white;border:1px solid #ddd;touch-action:none;cursor:grab}
            section.month .viewport{height:calc(100vh - 120px);min-height:360px}
            .viewport>svg{display:block;width:100%;height:100%}
            .chart-viewport{width:760px;max-width:100%;height:420px}
            .zoom{position:absolute;left:8px;bottom:8px;display:flex;gap:4px;z-index:2}
            .zoom button{font-size:14px;min-width:30px;padding:2px 6px;background:white;border:1px solid #999;border-radius:4px;cursor:pointer}
            aside{position:fixed;top:8px;right:8px;width:330px;max-height:calc(100vh - 16px);overflow:auto;z-index:5;display:flex;flex-direction:column;gap:8px}
            #details{background:white;border:1px solid #bbb;border-radius:6px;padding:8px 10px;font-size:13px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
            #details[hidden]{display:none}
            #details h3{margin:0 0 6px;font-size:15px;padding-right:24px}#details ul{padding-left:18px;margin:4px 0}
            #details .close{position:absolute;right:14px;margin-top:-2px;border:none;background:none;font-size:18px;cursor:pointer}
            #details .spark{display:block;margin:4px 0 8px}
            details#legend-box{background:white;border:1px solid #bbb;border-radius:6px;padding:4px 8px;font-size:13px}
            details#legend-box summary{cursor:pointer;font-weight:bold}
            #legend svg{max-width:100%;height:auto}
            table{border-collapse:collapse;background:white;font-size:13px;margin:6px 0 14px}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}
            td.interval{color:#555;white-space:nowrap}
            #ranking-note{font-size:13px;color:#444;max-width:120ch}
            .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0;background:white;border:1px solid #ddd;padding:6px}
            g.node,g.edge{cursor:pointer}
            .focus g.node,.focus g.edge{opacity:.13}
            .focus g.node.near,.focus g.edge.near{opacity:1}
            g.node.selected polygon,g.node.selected ellipse{stroke:#0057d9;stroke-width:5px}
            </style>
            </head>
            <body data-status="loading">
            <header>
            <h1>\(e(t.title))</h1>
            <p>\(e(t.description)) \(e(calendar))</p>
            <p>Every month is drawn with one layout, so each organization keeps its place. An orange double border marks
            what is new since the month before, a grey dashed ghost what is gone; node size follows <span id="measure-name">\(e(ComparisonMeasures.title(of: "betweenness")))</span>.
            Wheel or pinch to zoom, drag to pan, <kbd>+</kbd>/<kbd>−</kbd> and <kbd>0</kbd> (fit); <kbd>←</kbd>/<kbd>→</kbd> change the month.
            Click a body (or search for it) to see its ties, sources and trend; the address links to that month and body.</p>
            </header>
            <main>
            <div class="controls">
            <button type="button" id="prev" aria-label="previous month">◀</button>
            <input type="range" id="month-slider" min="0" max="\(t.months.count - 1)" value="\(first)" step="1" aria-label="month">
            <button type="button" id="next" aria-label="next month">▶</button>
            <span id="month-label">\(e(t.months[first].longName))</span>
            <input type="search" id="search" list="org-names" placeholder="Find a body by name or id" aria-label="find a body" autocomplete="off">
            <datalist id="org-names">\(names)</datalist>
            <span id="search-status" role="status"></span>
            </div>
            <div class="tabs" role="tablist">\(tabs)</div>
            <div class="layout">
            <div id="months">
            \(sections)</div>
            <aside>
            <div id="details" hidden></div>
            <details id="legend-box"><summary>Legend</summary><div id="legend">\(legendHTML)</div></details>
            </aside>
            </div>
            <h2 id="ranking-heading">Influence this month</h2>
            <p id="ranking-note">The measure on the network as recorded, with the range it takes over plausible networks: each
            organization and tie is kept or dropped at random by its confidence (high 95%, medium 75%, low 50%, unless the dataset
            says otherwise), many times over. A wide range or rank range means the figure rests on uncertain elements.</p>
            <div id="ranking"></div>
            <h3 id="hangs-heading">What the top five hangs on</h3>
            <div id="hangs-on"></div>
            <h2 id="diff-heading">What changed</h2>
            <div class="controls">
            <label>from <select id="diff-from">\(options)</select></label>
            <label>to <select id="diff-to">\(options)</select></label>
            <span id="diff-summary"></span>
            </div>
            <div id="diff"></div>
            <h2>Trends</h2>
            <div class="charts">
            \(chartHTML)</div>
            </main>
            <footer><p>Generated by orgnet from \(e(t.id)). Pictures: <a href="svg/filmstrip.svg">filmstrip</a>, one SVG per month in <code>svg/</code>.</p></footer>
            <script type="application/json" id="orgnet-data">\(data)</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    static let script = #"""
        (function () {
          'use strict';
          var body = document.body;
          var errors = 0;
          window.addEventListener('error', function () { errors += 1; body.setAttribute('data-errors', String(errors)); });
          var data = JSON.parse(document.getElementById('orgnet-data').textContent);
          document.getElementById('measure-name').textContent = data.measure;
          var sections = Array.prototype.slice.call(document.querySelectorAll('section.month'));
          var tabs = Array.prototype.slice.call(document.querySelectorAll('.tab'));
          var slider = document.getElementById('month-slider');
          var label = document.getElementById('month-label');
          var details = document.getElementById('details');
          var search = document.getElementById('search');
          var searchStatus = document.getElementById('search-status');
          var SVGNS = (document.querySelector('svg') || {}).namespaceURI;  // the SVG namespace, read from a picture
          var current = -1;
          var selected = null;

          function el(tag, text, cls) {
            var e = document.createElement(tag);
            if (text !== undefined && text !== null) { e.textContent = String(text); }
            if (cls) { e.className = cls; }
            return e;
          }
          function svgEl(tag, attrs) {
            var e = document.createElementNS(SVGNS, tag);
            Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
            return e;
          }

          // ---- Zoom and pan: the root <svg> of a .viewport gets a viewBox the user moves. ----
          function Zoom(box, svg) {
            var vb = svg.viewBox.baseVal;
            this.box = box; this.svg = svg;
            this.full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
            svg.removeAttribute('width'); svg.removeAttribute('height');
            svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
            this.view = null;
            var z = this;
            var bar = el('div', null, 'zoom');
            [['+', 'zoom in', function () { z.zoomBy(1.4); }], ['−', 'zoom out', function () { z.zoomBy(1 / 1.4); }],
             ['Fit', 'fit to width', function () { z.fitWidth(); }], ['All', 'whole picture', function () { z.fitAll(); }]].forEach(function (b) {
              var btn = el('button', b[0]); btn.type = 'button'; btn.title = b[1]; btn.setAttribute('aria-label', b[1]);
              btn.addEventListener('click', function (ev) { ev.stopPropagation(); b[2](); });
              bar.appendChild(btn);
            });
            box.appendChild(bar);
            box.addEventListener('wheel', function (ev) {
              ev.preventDefault();
              var f = Math.exp(-ev.deltaY * (ev.ctrlKey ? 0.01 : 0.0015));
              z.zoomBy(f, ev.clientX, ev.clientY);
            }, { passive: false });
            var pointers = {}, drag = null, pinch = null;
            box.addEventListener('pointerdown', function (ev) {
              if (ev.target.closest && ev.target.closest('.zoom')) { return; }
              pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
              var ids = Object.keys(pointers);
              if (ids.length === 1) { drag = { x: ev.clientX, y: ev.clientY, moved: false }; }
              if (ids.length === 2) {
                var a = pointers[ids[0]], b = pointers[ids[1]];
                pinch = { d: Math.hypot(a.x - b.x, a.y - b.y) }; drag = null;
              }
            });
            box.addEventListener('pointermove', function (ev) {
              if (!pointers[ev.pointerId]) { return; }
              pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
              var ids = Object.keys(pointers);
              if (pinch && ids.length === 2) {
                var a = pointers[ids[0]], b = pointers[ids[1]], d = Math.hypot(a.x - b.x, a.y - b.y);
                if (pinch.d > 0) { z.zoomBy(d / pinch.d, (a.x + b.x) / 2, (a.y + b.y) / 2); }
                pinch.d = d;
              } else if (drag) {
                var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
                if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
                if (!drag.moved) { drag.moved = true; try { box.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic pointer */ } }
                z.panBy(dx, dy); drag.x = ev.clientX; drag.y = ev.clientY;
              }
            });
            function up(ev) {
              delete pointers[ev.pointerId];
              if (Object.keys(pointers).length < 2) { pinch = null; }
              if (drag && drag.moved) { z.suppressClick = true; setTimeout(function () { z.suppressClick = false; }, 0); }
              drag = null;
            }
            box.addEventListener('pointerup', up);
            box.addEventListener('pointercancel', up);
          }
          Zoom.prototype.size = function () {
            var r = this.box.getBoundingClientRect();
            return { w: Math.max(1, r.width), h: Math.max(1, r.height), left: r.left, top: r.top };
          };
          Zoom.prototype.apply = function () {
            var v = this.view;
            this.svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(function (n) { return Math.round(n * 100) / 100; }).join(' '));
          };
          Zoom.prototype.set = function (v) { this.view = { x: v.x, y: v.y, w: v.w, h: v.h }; this.apply(); };
          Zoom.prototype.fitWidth = function () {
            var s = this.size(), w = this.full.w, h = w * s.h / s.w;
            this.set({ x: this.full.x, y: this.full.y, w: w, h: h });
          };
          Zoom.prototype.fitAll = function () {
            var s = this.size(), k = Math.min(s.w / this.full.w, s.h / this.full.h), w = s.w / k, h = s.h / k;
            this.set({ x: this.full.x - (w - this.full.w) / 2, y: this.full.y - (h - this.full.h) / 2, w: w, h: h });
          };
          Zoom.prototype.zoomBy = function (f, cx, cy) {
            if (!this.view) { this.fitWidth(); }
            var s = this.size(), v = this.view;
            var w = Math.max(this.full.w / 30, Math.min(this.full.w * 3, v.w / f));
            f = v.w / w;
            var px = cx === undefined ? 0.5 : (cx - s.left) / s.w, py = cy === undefined ? 0.5 : (cy - s.top) / s.h;
            var ux = v.x + px * v.w, uy = v.y + py * v.h;
            this.set({ x: ux - px * v.w / f, y: uy - py * v.h / f, w: v.w / f, h: v.h / f });
          };
          Zoom.prototype.panBy = function (dx, dy) {
            if (!this.view) { this.fitWidth(); }
            var s = this.size(), v = this.view, k = v.w / s.w;
            this.set({ x: v.x - dx * k, y: v.y - dy * k, w: v.w, h: v.h });
          };
          // Centres the view on a point of the picture (its own coordinates), keeping the zoom.
          Zoom.prototype.centre = function (x, y) {
            if (!this.view) { this.fitWidth(); }
            var v = this.view;
            this.set({ x: x - v.w / 2, y: y - v.h / 2, w: v.w, h: v.h });
          };

          var zooms = sections.map(function (s) {
            var box = s.querySelector('.viewport'), svg = box ? box.querySelector('svg') : null;
            return svg ? new Zoom(box, svg) : null;
          });
          Array.prototype.forEach.call(document.querySelectorAll('.chart-viewport'), function (box) {
            var svg = box.querySelector('svg');
            if (svg) { var z = new Zoom(box, svg); z.fitAll(); }
          });
          var sharedView = null;

          // ---- Months ----
          function show(i) {
            i = Math.max(0, Math.min(sections.length - 1, i));
            var previous = zooms[current];
            if (previous && previous.view) { sharedView = previous.view; }
            sections.forEach(function (s, k) { s.hidden = (k !== i); });
            Array.prototype.forEach.call(document.querySelectorAll('.month-legend'), function (l) { l.hidden = (l.getAttribute('data-index') !== String(i)); });
            tabs.forEach(function (t, k) { t.setAttribute('aria-selected', String(k === i)); });
            slider.value = String(i);
            label.textContent = data.months[i].title;
            body.setAttribute('data-visible-month', data.months[i].id);
            current = i;
            showRanking(i);
            var z = zooms[i];
            // Positions are the same in every month: keep the region the user was looking at.
            if (z) { if (sharedView) { z.set(sharedView); } else { z.fitWidth(); } }
            highlight();
          }

          // ---- The month's ranking with intervals, and what its top five hangs on ----
          var rankingBox = document.getElementById('ranking');
          var hangsBox = document.getElementById('hangs-on');
          function simpleTable(id, headers, rows, intervalColumns) {
            var t = el('table');
            t.id = id;
            var tr = el('tr');
            headers.forEach(function (h) { tr.appendChild(el('th', h)); });
            t.appendChild(tr);
            rows.forEach(function (r) {
              var row = el('tr');
              r.forEach(function (c, k) { row.appendChild(el('td', c, intervalColumns.indexOf(k) >= 0 ? 'interval' : null)); });
              t.appendChild(row);
            });
            return t;
          }
          function showRanking(i) {
            var m = data.months[i];
            rankingBox.textContent = '';
            hangsBox.textContent = '';
            document.getElementById('ranking-heading').textContent = data.measure + ', ' + m.title;
            if (!m.ranking) { rankingBox.appendChild(el('p', 'No intervals: ' + data.uncertainty + '.')); return; }
            rankingBox.appendChild(el('p', 'The ten highest; ' + data.uncertainty + ' (seed 1).'));
            rankingBox.appendChild(simpleTable('ranking-table', ['rank', 'organization', data.measure, data.intervalHeading, 'rank range'],
              m.ranking.map(function (r) { return [r.rank, r.name, r.score, r.interval, r.ranks]; }), [3, 4]));
            var h = m.hangsOn;
            if (!h || !h.top.length) { hangsBox.appendChild(el('p', 'No ranking this month.')); return; }
            hangsBox.appendChild(el('p', 'Top five: ' + h.top.join(', ') + '. ' + h.count +
              ' assumed or low-confidence elements, each dropped in turn; effect = 1 − Kendall’s τ-b between the top five’s order before and after (0: the order stands).'));
            if (!h.elements.length) { hangsBox.appendChild(el('p', 'No single one of them changes the top five or its order.', 'sensitivity-none')); return; }
            var t = simpleTable('sensitivity-table', ['effect', 'top changes', 'element'],
              h.elements.map(function (x) { return [x.effect, x.changesTop ? 'yes' : '', x.text]; }), []);
            t.className = 'sensitivity';
            hangsBox.appendChild(t);
          }

          function nodeOf(token, i) {
            return document.getElementById('m' + i + '-p0-org-' + token);
          }
          function tokenOfId(id) {
            for (var t in data.organizations) { if (Object.prototype.hasOwnProperty.call(data.organizations, t) && data.organizations[t].id === id) { return t; } }
            return null;
          }

          // ---- Selection: the body, its ties and neighbours stay, the rest dims. ----
          function highlight() {
            var sec = sections[current];
            if (!sec) { return; }
            var svg = sec.querySelector('svg');
            Array.prototype.forEach.call(sec.querySelectorAll('.near, .selected'), function (g) { g.classList.remove('near'); g.classList.remove('selected'); });
            if (!selected) { svg.classList.remove('focus'); return; }
            var node = nodeOf(selected, current);
            if (!node) { svg.classList.remove('focus'); return; }
            var name = node.querySelector('title') ? node.querySelector('title').textContent : '';
            var near = {};
            near[name] = true;
            Array.prototype.forEach.call(sec.querySelectorAll('g.edge'), function (g) {
              var t = g.querySelector('title'), ends = t ? t.textContent.split('->') : [];
              if (ends.length === 2 && (ends[0] === name || ends[1] === name)) {
                g.classList.add('near'); near[ends[0]] = true; near[ends[1]] = true;
              }
            });
            Array.prototype.forEach.call(sec.querySelectorAll('g.node'), function (g) {
              var t = g.querySelector('title');
              if (t && near[t.textContent]) { g.classList.add('near'); }
            });
            node.classList.add('selected');
            svg.classList.add('focus');
          }

          function reveal(token) {
            var node = nodeOf(token, current), z = zooms[current];
            if (!node || !z) { return; }
            var shape = node.querySelector('polygon, ellipse') || node;
            z.box.scrollIntoView({ block: 'nearest' });
            // From the shape's user units through the screen to the root picture's units (nested <svg>s).
            var b = shape.getBBox(), m = shape.getScreenCTM(), root = z.svg.getScreenCTM();
            if (!m || !root) { return; }
            var p = z.svg.createSVGPoint();
            p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
            var q = p.matrixTransform(root.inverse().multiply(m));
            z.centre(q.x, q.y);
          }

          function sparkline(values) {
            var months = data.months.map(function (m) { var p = m.id.split('-'); return parseInt(p[0], 10) * 12 + parseInt(p[1], 10) - 1; });
            var w = 300, h = 64, pad = 6, t0 = months[0], t1 = months[months.length - 1];
            var top = 0;
            values.forEach(function (v) { if (v !== null && v > top) { top = v; } });
            var svg = svgEl('svg', { width: w, height: h + 16, viewBox: '0 0 ' + w + ' ' + (h + 16), 'class': 'spark', role: 'img' });
            svg.appendChild(svgEl('line', { x1: pad, y1: h, x2: w - pad, y2: h, stroke: '#999' }));
            function x(t) { return pad + (w - 2 * pad) * (t1 > t0 ? (t - t0) / (t1 - t0) : 0.5); }
            function y(v) { return h - 4 - (h - 12) * (top > 0 ? v / top : 0); }
            var run = [];
            function flush() { if (run.length > 1) { svg.appendChild(svgEl('polyline', { points: run.join(' '), fill: 'none', stroke: '#1f77b4', 'stroke-width': 1.8 })); } run = []; }
            values.forEach(function (v, i) {
              if (v === null) { flush(); return; }
              // A gap of more than one month between snapshots is a gap in the line.
              if (i > 0 && months[i] - months[i - 1] > 1) { flush(); }
              run.push(x(months[i]).toFixed(1) + ',' + y(v).toFixed(1));
              var c = svgEl('circle', { cx: x(months[i]).toFixed(1), cy: y(v).toFixed(1), r: i === current ? 3.5 : 2, fill: i === current ? '#d62728' : '#1f77b4' });
              var tt = svgEl('title', {}); tt.textContent = data.months[i].id + ': ' + v; c.appendChild(tt);
              svg.appendChild(c);
            });
            flush();
            [0, months.length - 1].forEach(function (i) {
              var tx = svgEl('text', { x: x(months[i]), y: h + 13, 'font-size': 10, fill: '#444', 'text-anchor': i === 0 ? 'start' : 'end' });
              tx.textContent = data.months[i].id; svg.appendChild(tx);
            });
            return svg;
          }

          function sourceList(sources) {
            var ul = el('ul');
            sources.forEach(function (s) {
              var li = el('li');
              var text = s.title + (s.at ? ', ' + s.at : '') + (s.facts && s.facts.length ? ' [' + s.facts.join(', ') + ']' : '');
              if (s.url && /^https?:\/\//.test(s.url)) {
                var a = el('a', text);
                a.setAttribute('href', s.url);
                a.setAttribute('rel', 'noopener noreferrer');
                li.appendChild(a);
                if (s.home) { li.appendChild(el('span', ' (site home page: search it for the cited page)', 'home')); }
              } else {
                li.textContent = text;
              }
              ul.appendChild(li);
            });
            if (!sources.length) { ul.appendChild(el('li', 'no source recorded')); }
            return ul;
          }

          function closeButton() {
            var b = el('button', '×', 'close'); b.type = 'button'; b.setAttribute('aria-label', 'close details');
            b.addEventListener('click', function () { select(null); });
            return b;
          }

          function showDetails(kind, token) {
            var item = kind === 'org' ? data.organizations[token] : data.ties[token];
            details.textContent = '';
            details.hidden = false;
            details.appendChild(closeButton());
            if (!item) { details.appendChild(el('p', 'No details for this element.')); return false; }
            if (kind === 'org') {
              details.appendChild(el('h3', item.name));
              details.appendChild(el('p', item.kind + '; ' + item.lifetime + '; ' + item.status + ' (id ' + item.id + ')'));
              details.appendChild(el('strong', data.measure + ' by month'));
              details.appendChild(sparkline(item.trend));
              if (item.observations.length) {
                details.appendChild(el('strong', 'Observations'));
                var ul = el('ul');
                item.observations.forEach(function (o) { ul.appendChild(el('li', o.month + ': ' + o.text)); });
                details.appendChild(ul);
              }
            } else {
              details.appendChild(el('h3', item.from + ' → ' + item.to));
              details.appendChild(el('p', item.role + (item.weight ? ' (' + item.weight + ')' : '') + '; ' + item.lifetime + '; ' + item.status));
            }
            if (item.note) { details.appendChild(el('p', item.note)); }
            details.appendChild(el('strong', 'Sources'));
            details.appendChild(sourceList(item.sources));
            return true;
          }

          // ---- The address: #MONTH or #MONTH/ORG-ID ----
          function hashFor() {
            var h = '#' + data.months[current].id;
            if (selected && data.organizations[selected]) { h += '/' + encodeURIComponent(data.organizations[selected].id); }
            return h;
          }
          var applyingHash = false;
          function record() {
            if (applyingHash) { return; }
            var h = hashFor();
            if (location.hash !== h) { location.hash = h; }
          }

          function select(token, fromHash) {
            selected = token && data.organizations[token] ? token : null;
            if (selected) { showDetails('org', selected); } else { details.hidden = true; details.textContent = ''; }
            highlight();
            if (!fromHash) { record(); }
          }

          function go(i) { show(i); record(); }

          function applyHash() {
            var raw = location.hash.replace(/^#/, '');
            if (!raw) { return false; }
            var parts = raw.split('/');
            var month = decodeURIComponent(parts[0]);
            var k = -1;
            data.months.forEach(function (m, j) { if (m.id === month) { k = j; } });
            if (k < 0) { return false; }
            applyingHash = true;
            try {
              show(k);
              var token = parts.length > 1 ? tokenOfId(decodeURIComponent(parts.slice(1).join('/'))) : null;
              select(token, true);
              if (token) { reveal(token); }
            } finally { applyingHash = false; }
            return true;
          }
          window.addEventListener('hashchange', applyHash);

          slider.addEventListener('input', function () { go(parseInt(slider.value, 10)); });
          document.getElementById('prev').addEventListener('click', function () { go(current - 1); });
          document.getElementById('next').addEventListener('click', function () { go(current + 1); });
          tabs.forEach(function (t) { t.addEventListener('click', function () { go(parseInt(t.getAttribute('data-index'), 10)); }); });
          document.addEventListener('keydown', function (ev) {
            if (ev.target && (ev.target.tagName === 'SELECT' || ev.target.tagName === 'INPUT' || ev.target.tagName === 'TEXTAREA')) { return; }
            var z = zooms[current];
            if (ev.key === 'ArrowLeft') { go(current - 1); }
            else if (ev.key === 'ArrowRight') { go(current + 1); }
            else if ((ev.key === '+' || ev.key === '=') && z) { z.zoomBy(1.4); }
            else if ((ev.key === '-' || ev.key === '_') && z) { z.zoomBy(1 / 1.4); }
            else if (ev.key === '0' && z) { z.fitWidth(); }
            else if (ev.key === 'Escape') { select(null); }
          });

          // ---- Search: by name or id, folding case and accents. ----
          function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim(); }
          function bestMatch(query) {
            var q = fold(query);
            if (!q) { return null; }
            var best = null, bestScore = 0;
            Object.keys(data.organizations).forEach(function (t) {
              var o = data.organizations[t], id = fold(o.id), name = fold(o.name), score = 0;
              if (id === q || name === q) { score = 100; }
              else if (name.indexOf(q) === 0 || id.indexOf(q) === 0) { score = 80; }
              else if ((' ' + name).indexOf(' ' + q) >= 0) { score = 70; }
              else if (name.indexOf(q) >= 0 || id.indexOf(q) >= 0) { score = 60; }
              else {
                var words = q.split(' ');
                if (words.every(function (w) { return name.indexOf(w) >= 0 || id.indexOf(w) >= 0; })) { score = 40; }
              }
              if (score === 0) { return; }
              if (nodeOf(t, current)) { score += 10; }
              score -= Math.min(9, name.length / 20);
              if (score > bestScore || (score === bestScore && best && o.name < data.organizations[best].name)) { best = t; bestScore = score; }
            });
            return best;
          }
          function monthWith(token) {
            if (nodeOf(token, current)) { return current; }
            var k = -1, d = Infinity;
            sections.forEach(function (s, j) {
              var n = nodeOf(token, j);
              if (n && !n.classList.contains('removed') && Math.abs(j - current) < d) { k = j; d = Math.abs(j - current); }
            });
            return k;
          }
          function find(query) {
            var token = bestMatch(query);
            if (!token) { searchStatus.textContent = 'no body matches “' + query + '”'; body.setAttribute('data-search', 'none'); return null; }
            var k = monthWith(token);
            if (k < 0) { searchStatus.textContent = data.organizations[token].name + ' is drawn in no month'; return null; }
            if (k !== current) { show(k); }
            select(token);
            reveal(token);
            searchStatus.textContent = data.organizations[token].name + (k !== current ? '' : '') + ' — ' + data.months[current].id;
            body.setAttribute('data-search', data.organizations[token].id);
            return token;
          }
          search.addEventListener('keydown', function (ev) {
            if (ev.key === 'Enter') { ev.preventDefault(); find(search.value); }
          });
          search.addEventListener('change', function () {
            // A pick from the suggestion list.
            var v = search.value;
            Object.keys(data.organizations).forEach(function (t) { if (data.organizations[t].name === v) { find(v); } });
          });

          document.getElementById('months').addEventListener('click', function (ev) {
            var z = zooms[current];
            if (z && z.suppressClick) { return; }
            var g = ev.target && ev.target.closest ? ev.target.closest('g.node, g.edge') : null;
            if (!g || !g.id) { return; }
            var m = /^m\d+-p\d+-(org|tie)-(.+)$/.exec(g.id);
            if (!m) { return; }
            ev.preventDefault();
            if (m[1] === 'org') { select(m[2]); } else { showDetails('tie', m[2]); }
          });

          // ---- Diff ----
          var from = document.getElementById('diff-from');
          var to = document.getElementById('diff-to');
          var diffBox = document.getElementById('diff');
          var summary = document.getElementById('diff-summary');

          function table(title, headers, rows, intervalColumns) {
            if (!rows.length) { return; }
            diffBox.appendChild(el('h3', title + ' (' + rows.length + ')'));
            var t = el('table');
            var tr = el('tr');
            headers.forEach(function (h) { tr.appendChild(el('th', h)); });
            t.appendChild(tr);
            rows.forEach(function (r) {
              var row = el('tr');
              r.forEach(function (c, k) { row.appendChild(el('td', c, (intervalColumns || []).indexOf(k) >= 0 ? 'interval' : null)); });
              t.appendChild(row);
            });
            diffBox.appendChild(t);
          }

          function showDiff() {
            var i = parseInt(from.value, 10), j = parseInt(to.value, 10);
            diffBox.textContent = '';
            if (i === j) { summary.textContent = 'Choose two different months.'; return 0; }
            var swapped = i > j;
            if (swapped) { var k = i; i = j; j = k; }
            var d = data.diffs[i + '|' + j];
            if (!d) { summary.textContent = 'No diff for these months.'; return 0; }
            summary.textContent = d.before + ' → ' + d.after + ': +' + d.addedOrganizations.length + ' / −' + d.removedOrganizations.length +
              ' organizations, +' + d.addedTies.length + ' / −' + d.removedTies.length + ' ties, ' + d.changed.length + ' changes' +
              (swapped ? ' (earlier month first)' : '');
            table('Added organizations', ['id', 'name'], d.addedOrganizations.map(function (x) { return [x.id, x.text]; }));
            table('Removed organizations', ['id', 'name'], d.removedOrganizations.map(function (x) { return [x.id, x.text]; }));
            table('Added ties', ['tie'], d.addedTies.map(function (x) { return [x.text]; }));
            table('Removed ties', ['tie'], d.removedTies.map(function (x) { return [x.text]; }));
            table('Changed', ['organization or tie', 'field', d.before, d.after], d.changed.map(function (c) { return [c.name, c.field, c.before, c.after]; }));
            if (data.intervalHeading) {
              table(data.measure + ': largest shifts', ['organization', d.before, data.intervalHeading, d.after, data.intervalHeading, 'change', 'rank'],
                    d.shifts.map(function (s) { return [s.name, s.before, s.beforeInterval || '—', s.after, s.afterInterval || '—', s.delta, s.rank]; }), [2, 4]);
            } else {
              table(data.measure + ': largest shifts', ['organization', d.before, d.after, 'change', 'rank'],
                    d.shifts.map(function (s) { return [s.name, s.before, s.after, s.delta, s.rank]; }));
            }
            return diffBox.querySelectorAll('tr').length;
          }
          from.addEventListener('change', showDiff);
          to.addEventListener('change', showDiff);
          var last = sections.length - 1;
          from.value = String(Math.max(0, data.start - 1));
          to.value = String(data.start);
          showDiff();
          if (!applyHash()) { show(data.start); }
          window.addEventListener('resize', function () { var z = zooms[current]; if (z && z.view) { z.set(z.view); } });

          if (/[?&]check=1(&|$)/.test(location.search)) {
            try {
              var initial = body.getAttribute('data-visible-month');
              body.setAttribute('data-initial-month', initial);
              show(initial === data.months[last].id ? 0 : last);
              var visible = sections.filter(function (s) { return !s.hidden; });
              body.setAttribute('data-visible-count', String(visible.length));
              body.setAttribute('data-visible-section', visible.length ? visible[0].getAttribute('data-month') : '');
              body.setAttribute('data-visible-nodes', String(visible.length ? visible[0].querySelectorAll('g.node').length : 0));
              var node = visible.length ? visible[0].querySelector('g.node.org') : null;
              if (node) {
                var inner = node.querySelector('polygon, ellipse, path, text') || node;
                inner.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
              }
              body.setAttribute('data-details', details.querySelector('h3') ? 'ok' : 'empty');
              from.value = '0';
              body.setAttribute('data-diff-rows', String(showDiff()));
              body.setAttribute('data-ranking-rows', String(document.querySelectorAll('#ranking-table tr').length - 1));
              body.setAttribute('data-status', errors ? 'errors' : 'ok');
            } catch (err) {
              body.setAttribute('data-status', 'error: ' + err.message);
            }
          } else {
            body.setAttribute('data-status', errors ? 'errors' : 'ready');
          }
        })();
        """#
}

import Foundation
import OrgNet

/// A static HTML report of a timeline: one self-contained `index.html` (styles, script, pictures
/// and data inline; a Content-Security-Policy forbids every network request) plus the same
/// pictures as SVG files. It has a month slider and tabs over the stable-layout pictures, a diff
/// table for any pair of months, trend charts, the legend, and each element's sources on click
/// (tooltips on hover).
///
/// Safety: all data-derived text is escaped (HTML) or JSON-encoded with `<`, `>`, `&` as `\u003c`...
/// inside a `type="application/json"` block; the script fills the page with `textContent` only,
/// and links only `http:`/`https:` source URLs. The SVGs carry no script.
///
/// `index.html?check=1` switches to the last month, opens a diff and clicks a node on load, then
/// records what it saw on `<body>` (`data-status`, `data-initial-month`, `data-visible-month`, ...)
/// for headless checks (`scripts/browser-check.py`).
public enum HTMLReport {
    /// Builds the report's files (paths relative to the report folder).
    public static func files(for timeline: Timeline, measure: String = ComparisonMeasures.defaultName) throws(OrgNetError) -> [Gallery.File] {
        let t = timeline
        guard !t.months.isEmpty else { throw OrgNetError(.usage, "a report needs a timeline with months") }
        let snapshots = t.months.map { t.snapshot(at: $0) }
        let panels = try ComparePanels(snapshots: snapshots, measure: measure)
        let drawn = try panels.panels(Array(t.months.indices))
        var files: [Gallery.File] = []
        for f in try Gallery.files(for: t, measure: measure, panels: panels, drawn: drawn) where f.path != "index.html" {
            files.append(.init(path: "svg/" + f.path, text: f.text))
        }
        var monthSVGs: [String] = []
        for i in t.months.indices {
            monthSVGs.append(try panels.document(drawn: [drawn[i]], indices: [i], previousOfFirst: i > 0 ? i - 1 : nil,
                                                 layout: .init(legend: false, idPrefix: "m\(i)-p")))
        }
        let charts = try trendCharts(t, panels: panels)
        for c in charts { files.append(.init(path: "charts/\(c.file)", text: c.svg)) }
        let legend = try panels.legendSVG()
        let data = try reportData(t, snapshots: snapshots, measure: panels.measure, scores: panels.scores)
        files.insert(.init(path: "index.html", text: page(t, monthSVGs: monthSVGs, legend: legend, charts: charts, data: data)), at: 0)
        return files
    }

    // MARK: - Trend charts

    struct Chart { var file: String; var title: String; var svg: String }

    static func trendCharts(_ t: Timeline, panels: ComparePanels) throws(OrgNetError) -> [Chart] {
        var charts: [Chart] = []
        let range = "\(t.months.first!) – \(t.months.last!)"
        // The measure, for the five organizations with the highest peak.
        var peak: [String: Double] = [:]
        for s in panels.scores { for (id, v) in s { peak[id] = max(peak[id] ?? 0, v) } }
        let top = peak.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(5).compactMap { t.organization($0.key) }
        if !top.isEmpty {
            let trend = try Trend.compute(metric: panels.measure, organizations: top, timeline: t)
            charts.append(Chart(file: "\(panels.measure).svg", title: "\(trend.title): the five highest",
                                svg: TrendChart.svg(trend, heading: "\(trend.title), top five organizations, \(range)")))
        }
        // The network's size.
        let sizes = t.months.map { t.snapshot(at: $0) }
        let size = Trend(metric: "size", title: "Count", months: t.months, series: [
            .init(id: "organizations", name: "Organizations", values: sizes.map { Double($0.organizations.count) }),
            .init(id: "ties", name: "Ties", values: sizes.map { Double($0.ties.count) }),
        ])
        charts.append(Chart(file: "size.svg", title: "Organizations and ties",
                            svg: TrendChart.svg(size, heading: "Organizations and ties, \(range)")))
        // Party shares of the body with the most compositions on record.
        let withComposition = Dictionary(grouping: t.observations.filter { !$0.composition.isEmpty && $0.subject.id != "" }, by: { $0.subject.id })
        if let (orgID, _) = withComposition.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
           let org = t.organization(orgID) {
            var series: [Trend.Series] = []
            for p in t.parties {
                let tr = try Trend.compute(metric: "share:" + p.id, organizations: [org], timeline: t)
                if tr.series[0].values.contains(where: { $0 != nil }) { series.append(.init(id: p.id, name: p.name, values: tr.series[0].values)) }
            }
            if !series.isEmpty {
                let trend = Trend(metric: "share", title: "Share (%)", months: t.months, series: series)
                charts.append(Chart(file: "shares.svg", title: "Party shares: \(org.name)",
                                    svg: TrendChart.svg(trend, heading: "Party shares of \(org.label), \(range)")))
            }
        }
        return charts
    }

    // MARK: - Data for the script

    struct SourceOut: Encodable { let title: String; let at: String?; let facts: [String]; let url: String? }
    struct ObsOut: Encodable { let month: String; let text: String }
    struct OrgOut: Encodable {
        let id: String; let name: String; let kind: String; let lifetime: String; let status: String
        let note: String?; let sources: [SourceOut]; let observations: [ObsOut]
    }
    struct TieOut: Encodable {
        let id: String; let from: String; let to: String; let role: String; let weight: String?; let lifetime: String
        let status: String; let note: String?; let sources: [SourceOut]
    }
    struct MonthOut: Encodable { let id: String; let title: String }
    struct ElementOut: Encodable { let id: String; let text: String }
    struct ChangeOut: Encodable { let id: String; let name: String; let field: String; let before: String; let after: String }
    struct ShiftOut: Encodable { let id: String; let name: String; let before: String; let after: String; let delta: String; let rank: String }
    struct DiffOut: Encodable {
        let before: String; let after: String
        let addedOrganizations: [ElementOut]; let removedOrganizations: [ElementOut]
        let addedTies: [ElementOut]; let removedTies: [ElementOut]
        let changed: [ChangeOut]; let shifts: [ShiftOut]
    }
    struct DataOut: Encodable {
        let measure: String; let months: [MonthOut]
        let organizations: [String: OrgOut]; let ties: [String: TieOut]; let diffs: [String: DiffOut]
    }

    static func reportData(_ t: Timeline, snapshots: [Snapshot], measure: String,
                           scores: [[String: Double]]) throws(OrgNetError) -> String {
        func sources(_ p: Provenance) -> [SourceOut] {
            p.sources.map { c in
                let s = t.source(c.ref)
                let url = s?.url.flatMap { u in (u.hasPrefix("https://") || u.hasPrefix("http://")) ? u : nil }
                return SourceOut(title: s?.title ?? c.ref, at: c.at, facts: c.facts, url: url)
            }
        }
        var orgs: [String: OrgOut] = [:]
        for o in t.organizations {
            let obs = t.observations(of: o.id).map { ob -> ObsOut in
                var s = "\(ob.quantity): \(ob.approximate ? "about " : "")\(Text.number(ob.value))"
                if !ob.composition.isEmpty {
                    s += " (" + ob.composition.map { "\(t.party($0.party)?.name ?? $0.party) \(Text.number($0.count))" }.joined(separator: ", ") + ")"
                }
                if !ob.alternatives.isEmpty { s += " [disputed: also " + ob.alternatives.compactMap { $0.value.map(Text.number) }.joined(separator: ", ") + "]" }
                return ObsOut(month: ob.month.description, text: s)
            }
            orgs[Text.identifier(o.id)] = OrgOut(id: o.id, name: o.name, kind: t.kind(o.kind)?.name ?? o.kind, lifetime: o.lifetime.text,
                                            status: "\(o.provenance.status.rawValue), \(o.provenance.confidence.rawValue) confidence",
                                            note: o.provenance.note, sources: sources(o.provenance), observations: obs)
        }
        var ties: [String: TieOut] = [:]
        for x in t.ties {
            ties[Text.identifier(x.id)] = TieOut(id: x.id, from: t.organization(x.from)?.name ?? x.from, to: t.organization(x.to)?.name ?? x.to,
                                            role: x.kind ?? x.role.rawValue, weight: x.weight.map(Text.number), lifetime: x.lifetime.text,
                                            status: "\(x.provenance.status.rawValue), \(x.provenance.confidence.rawValue) confidence",
                                            note: x.provenance.note, sources: sources(x.provenance))
        }
        var diffs: [String: DiffOut] = [:]
        func num(_ v: Double?) -> String { v.map { Text.number(($0 * 1000).rounded() / 1000) } ?? "—" }
        for i in snapshots.indices {
            for j in snapshots.indices where j > i {
                let d = try SnapshotDiff(snapshots[i], snapshots[j], measure: measure, scores: (scores[i], scores[j]))
                let changes = d.changed.flatMap { c in
                    c.changes.map { ch in
                        ChangeOut(id: c.id, name: c.name, field: ch.quantity.map { "\(ch.field) (\($0))" } ?? ch.field,
                                  before: ch.before?.description ?? "—", after: ch.after?.description ?? "—")
                    }
                }
                let shifts = d.shifts.filter { abs($0.delta) > 1e-12 }.prefix(15).map {
                    ShiftOut(id: $0.id, name: $0.name, before: num($0.before), after: num($0.after),
                             delta: ($0.delta >= 0 ? "+" : "") + num($0.delta),
                             rank: "\($0.rankBefore.map(String.init) ?? "—") → \($0.rankAfter.map(String.init) ?? "—")")
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
        let out = DataOut(measure: ComparisonMeasures.title(of: measure),
                          months: t.months.map { MonthOut(id: $0.description, title: $0.longName) },
                          organizations: orgs, ties: ties, diffs: diffs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(out) else { throw OrgNetError(.internalError, "cannot encode the report data") }
        return scriptSafeJSON(String(decoding: bytes, as: UTF8.self))
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
        if let d = body.range(of: "<!DOCTYPE") , let end = body[d.upperBound...].firstIndex(of: ">") { body.removeSubrange(d.lowerBound...end) }
        return body
    }

    // MARK: - The page

    static func page(_ t: Timeline, monthSVGs: [String], legend: String, charts: [Chart], data: String) -> String {
        let e = Text.escapeXML
        var tabs = ""
        var sections = ""
        for (i, m) in t.months.enumerated() {
            tabs += "<button type=\"button\" class=\"tab\" role=\"tab\" data-index=\"\(i)\" aria-selected=\"\(i == 0)\">\(e(m.description))</button>"
            sections += "<section class=\"month\" id=\"month-\(e(m.description))\" data-month=\"\(e(m.description))\"\(i == 0 ? "" : " hidden")>\n"
            sections += inline(monthSVGs[i]) + "\n</section>\n"
        }
        var options = ""
        for (i, m) in t.months.enumerated() { options += "<option value=\"\(i)\">\(e(m.description))</option>" }
        var chartHTML = ""
        for c in charts {
            chartHTML += "<figure class=\"chart\"><figcaption>\(e(c.title)) <a href=\"charts/\(e(c.file))\">SVG</a></figcaption>\n\(inline(c.svg))</figure>\n"
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
        header,main,footer{padding:12px 24px}
        h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px}
        .controls{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:8px 0}
        .controls input[type=range]{width:320px}
        #month-label{font-weight:bold;font-size:18px;min-width:160px}
        .tabs{display:flex;flex-wrap:wrap;gap:4px;margin:6px 0}
        .tab{border:1px solid #ccc;background:white;padding:3px 8px;border-radius:4px;cursor:pointer;font-size:12px}
        .tab[aria-selected=true]{background:#333;color:white;border-color:#333}
        .layout{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:16px;align-items:start}
        section.month svg{width:100%;height:auto;max-height:80vh;background:white}
        aside{position:sticky;top:8px}
        #legend svg{max-width:100%;height:auto}
        #details{background:white;border:1px solid #ddd;border-radius:6px;padding:10px;font-size:13px;margin-top:12px;max-height:50vh;overflow:auto}
        #details h3{margin:0 0 6px;font-size:15px}#details ul{padding-left:18px;margin:4px 0}
        table{border-collapse:collapse;background:white;font-size:13px;margin:6px 0 14px}
        th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0;background:white;border:1px solid #ddd;padding:6px}
        .chart svg{max-width:100%;height:auto}
        g.node,g.edge{cursor:pointer}
        </style>
        </head>
        <body data-status="loading">
        <header>
        <h1>\(e(t.title))</h1>
        <p>\(e(t.description)) \(e(calendar))</p>
        <p>Every month is drawn with one layout, so each organization keeps its place. An orange double border marks
        what is new since the month before, a grey dashed ghost what is gone; node size follows <span id="measure-name">\(e(ComparisonMeasures.title(of: "betweenness")))</span>.
        Hover an organization or tie for its tooltip; click it for its sources.</p>
        </header>
        <main>
        <div class="controls">
        <button type="button" id="prev" aria-label="previous month">◀</button>
        <input type="range" id="month-slider" min="0" max="\(t.months.count - 1)" value="0" step="1" aria-label="month">
        <button type="button" id="next" aria-label="next month">▶</button>
        <span id="month-label">\(e(t.months[0].longName))</span>
        </div>
        <div class="tabs" role="tablist">\(tabs)</div>
        <div class="layout">
        <div id="months">
        \(sections)</div>
        <aside>
        <div id="legend">\(inline(legend))</div>
        <div id="details"><p>Click an organization or a tie to see its sources.</p></div>
        </aside>
        </div>
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
      var current = 0;

      function el(tag, text, cls) {
        var e = document.createElement(tag);
        if (text !== undefined && text !== null) { e.textContent = String(text); }
        if (cls) { e.className = cls; }
        return e;
      }

      function show(i) {
        i = Math.max(0, Math.min(sections.length - 1, i));
        sections.forEach(function (s, k) { s.hidden = (k !== i); });
        tabs.forEach(function (t, k) { t.setAttribute('aria-selected', String(k === i)); });
        slider.value = String(i);
        label.textContent = data.months[i].title;
        body.setAttribute('data-visible-month', data.months[i].id);
        current = i;
      }

      slider.addEventListener('input', function () { show(parseInt(slider.value, 10)); });
      document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
      document.getElementById('next').addEventListener('click', function () { show(current + 1); });
      tabs.forEach(function (t) { t.addEventListener('click', function () { show(parseInt(t.getAttribute('data-index'), 10)); }); });
      document.addEventListener('keydown', function (ev) {
        if (ev.target && (ev.target.tagName === 'SELECT' || ev.target.tagName === 'INPUT')) { return; }
        if (ev.key === 'ArrowLeft') { show(current - 1); }
        if (ev.key === 'ArrowRight') { show(current + 1); }
      });

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
          } else {
            li.textContent = text;
          }
          ul.appendChild(li);
        });
        if (!sources.length) { ul.appendChild(el('li', 'no source recorded')); }
        return ul;
      }

      function showDetails(kind, token) {
        var item = kind === 'org' ? data.organizations[token] : data.ties[token];
        details.textContent = '';
        if (!item) { details.appendChild(el('p', 'No details for this element.')); return false; }
        if (kind === 'org') {
          details.appendChild(el('h3', item.name));
          details.appendChild(el('p', item.kind + '; ' + item.lifetime + '; ' + item.status));
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

      document.getElementById('months').addEventListener('click', function (ev) {
        var g = ev.target && ev.target.closest ? ev.target.closest('g.node, g.edge') : null;
        if (!g || !g.id) { return; }
        var m = /^m\d+-p\d+-(org|tie)-(.+)$/.exec(g.id);
        if (!m) { return; }
        ev.preventDefault();
        showDetails(m[1], m[2]);
      });

      var from = document.getElementById('diff-from');
      var to = document.getElementById('diff-to');
      var diffBox = document.getElementById('diff');
      var summary = document.getElementById('diff-summary');

      function table(title, headers, rows) {
        if (!rows.length) { return; }
        diffBox.appendChild(el('h3', title + ' (' + rows.length + ')'));
        var t = el('table');
        var tr = el('tr');
        headers.forEach(function (h) { tr.appendChild(el('th', h)); });
        t.appendChild(tr);
        rows.forEach(function (r) {
          var row = el('tr');
          r.forEach(function (c) { row.appendChild(el('td', c)); });
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
        table(data.measure + ': largest shifts', ['organization', d.before, d.after, 'change', 'rank'],
              d.shifts.map(function (s) { return [s.name, s.before, s.after, s.delta, s.rank]; }));
        return diffBox.querySelectorAll('tr').length;
      }
      from.addEventListener('change', showDiff);
      to.addEventListener('change', showDiff);
      var last = sections.length - 1;
      from.value = String(Math.max(0, last - 1));
      to.value = String(last);
      showDiff();
      show(0);

      var hash = decodeURIComponent(location.hash.replace(/^#/, ''));
      data.months.forEach(function (m, k) { if (m.id === hash) { show(k); } });

      if (/[?&]check=1(&|$)/.test(location.search)) {
        try {
          var initial = body.getAttribute('data-visible-month');
          body.setAttribute('data-initial-month', initial);
          show(last);
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
          body.setAttribute('data-status', errors ? 'errors' : 'ok');
        } catch (err) {
          body.setAttribute('data-status', 'error: ' + err.message);
        }
      } else {
        body.setAttribute('data-status', 'ready');
      }
    })();
    """#
}

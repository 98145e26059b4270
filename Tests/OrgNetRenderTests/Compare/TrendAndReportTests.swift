import Foundation
import OrgNet
import OrgNetRender
import Testing

@Suite struct TrendAndReportTests {
    @Test func trendCSVValues() throws {
        let t = try Fixture.sample()
        let orgs = ["city-soviet", "works-a", "works-b"].compactMap { t.organization($0) }
        // The city soviet's seats (Works A's deputies are recorded on its tie as delegates_sent, Graphs/README.md).
        let seats = try Trend.compute(metric: "seats", organizations: orgs, timeline: t)
        #expect(seats.csv == "month,city-soviet,works-a,works-b\n1917-02,,,\n1917-03,,,\n1917-04,10,,\n")
        let share = try Trend.compute(metric: "share:bolsheviks", organizations: orgs, timeline: t)
        #expect(share.series[0].values == [nil, nil, 40])
        #expect(share.csv.contains("1917-04,40,,")) // a works has no seats of its own
        let b = try Trend.compute(metric: "betweenness", organizations: orgs, timeline: t)
        // Works B does not exist in February: no value, not 0.
        #expect(b.series[2].values[0] == nil && b.series[2].values[1] == 0)
        #expect(b.csv.split(separator: "\n")[2] == "1917-03,0.066667,0,0")
    }

    @Test func unknownMetricListsTheMetrics() throws {
        let t = try Fixture.sample()
        do {
            _ = try Trend.compute(metric: "fame", organizations: t.organizations, timeline: t)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(
                error.hints.joined().contains("share:bolsheviks") && error.hints.joined().contains("delegates_sent"))
        }
    }

    @Test func chartIsPlainEscapedSVGWithAxesAndMonthTicks() throws {
        let t = try Fixture.sample()
        var trend = try Trend.compute(metric: "workers", organizations: [t.organization("works-a")!], timeline: t)
        trend.series[0].name = "<script>x</script>"
        let svg = TrendChart.svg(trend)
        let g = try #require(PanelGeometry.parse(svg))
        #expect(g.scripts == 0)
        #expect(
            g.texts.contains("1917-02") && g.texts.contains("1917-04") && g.texts.contains("month")
                && g.texts.contains("Workers"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func reportIsSelfContained() throws {
        let t = try Fixture.sample()
        let files = try HTMLReport.files(for: t)
        let paths = Set(files.map(\.path))
        for p in [
            "index.html", "svg/1917-02.svg", "svg/1917-04.svg", "svg/filmstrip.svg", "charts/size.svg",
            "charts/betweenness.svg",
        ] {
            #expect(paths.contains(p), "\(p)")
        }
        let index = try #require(files.first { $0.path == "index.html" }).text
        // No external URL anywhere except the SVG/XLink namespace names (identifiers, never fetched).
        let urls = index.components(separatedBy: "://").dropFirst().map { String($0.prefix(30)) }
        #expect(
            urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") || $0.hasPrefix("www.w3.org/1999/xlink\"") },
            "\(urls)")
        #expect(!index.contains("src=\"http") && !index.contains("href=\"http") && !index.contains("//cdn"))
        #expect(index.contains("Content-Security-Policy"))
        #expect(index.components(separatedBy: "<section class=\"month\"").count - 1 == 3)
        for f in files where f.path.hasSuffix(".svg") { #expect(!f.text.contains("<script"), "\(f.path)") }
        // One script block of data, one of code; the data cannot close its block.
        #expect(index.components(separatedBy: "<script").count - 1 == 2)
        #expect(
            HTMLReport.scriptSafeJSON("{\"a\":\"</script><!--&\"}")
                == "{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}")
    }

    @Test func galleryHasEveryMonthAFilmstripAndAnIndex() throws {
        let t = try Fixture.sample()
        let files = try Gallery.files(for: t)
        #expect(files.map(\.path) == ["1917-02.svg", "1917-03.svg", "1917-04.svg", "filmstrip.svg", "index.html"])
        let film = try #require(PanelGeometry.parse(files[3].text))
        #expect(film.panelViewBoxes.count == 3 && Set(film.panelViewBoxes).count == 1)
    }

    /// The report's data block, decoded.
    static func reportData(_ files: [Gallery.File]) throws -> [String: Any] {
        let index = try #require(files.first { $0.path == "index.html" }).text
        let start = try #require(index.range(of: "<script type=\"application/json\" id=\"orgnet-data\">"))
        let end = try #require(index.range(of: "</script>", range: start.upperBound..<index.endIndex))
        let json = String(index[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func bandsEncloseTheirLineAndBreakWhereTheIntervalIsUnknown() throws {
        let t = try Fixture.sample()
        var trend = Trend(
            metric: "x", title: "X", months: t.months,
            series: [
                .init(id: "a", name: "A", values: [1, 2, 3], low: [0.5, 1.5, 2], high: [1.5, 2.5, 4]),
                .init(id: "b", name: "B", values: [1, 1, 1], low: [0.5, nil, 0.5], high: [1.5, nil, 1.5]),
            ])
        let svg = TrendChart.svg(trend, bandNote: "shaded: 90% interval over 10 plausible networks")
        let bands = svg.components(separatedBy: "<path class=\"band\"").dropFirst().map {
            $0.components(separatedBy: "</path>")[0]
        }
        // A's three months are one area; B's unknown middle month splits it into two one-month bars.
        #expect(bands.filter { $0.contains("data-id=\"a\"") }.count == 1)
        #expect(bands.filter { $0.contains("data-id=\"b\"") }.count == 2)
        #expect(svg.contains("shaded: 90% interval"))
        // A's area spans, at every month, from above its point to below it (y grows downwards).
        let a = try #require(bands.first { $0.contains("data-id=\"a\"") })
        let d = String(try #require(a.components(separatedBy: " d=\"").dropFirst().first).prefix { $0 != "\"" })
        let points = d.dropFirst().dropLast(2).components(separatedBy: " L").map {
            $0.split(separator: ",").compactMap { Double($0) }
        }
        #expect(points.count == 6)
        let series = svg.components(separatedBy: "<g class=\"series\" data-id=\"a\">")[1].components(
            separatedBy: "</g>")[0]
        let circles = series.components(separatedBy: "<circle").dropFirst()
            .map { c in
                ["cx", "cy"].map { k in Double(c.components(separatedBy: "\(k)=\"")[1].prefix { $0 != "\"" })! }
            }
        #expect(circles.count == 3)
        for (i, c) in circles.enumerated() {
            let top = points[i], bottom = points[5 - i]
            #expect(top[0] == c[0] && bottom[0] == c[0])
            #expect(top[1] < c[1] && c[1] < bottom[1], "month \(i): \(top) \(c) \(bottom)")
        }
        trend.series = trend.series.map { Trend.Series(id: $0.id, name: $0.name, values: $0.values) }
        #expect(!TrendChart.svg(trend).contains("class=\"band\""))
    }

    @Test func reportShowsIntervalsBandsAndWhatTheRankingHangsOn() throws {
        let t = try Fixture.sample()
        let files = try HTMLReport.files(for: t, samples: 50)
        let chart = try #require(files.first { $0.path == "charts/betweenness.svg" }).text
        #expect(chart.contains("<path class=\"band\""))
        let data = try Self.reportData(files)
        #expect(data["intervalHeading"] as? String == "90% interval")
        #expect(data["uncertainty"] as? String == "90% interval over 50 plausible networks")
        let months = try #require(data["months"] as? [[String: Any]])
        let april = try #require(months.last)
        let ranking = try #require(april["ranking"] as? [[String: Any]])
        // Every body of April is ranked (fewer than ten), with an interval "low–high" where low ≤ high.
        #expect(ranking.count == min(10, t.snapshot(at: Fixture.month("1917-04")).organizations.count))
        for r in ranking {
            let parts = try #require((r["interval"] as? String)?.components(separatedBy: "–").compactMap(Double.init))
            #expect(parts.count == 2 && parts[0] <= parts[1], "\(r)")
        }
        // The sample's organizations are all assumptions: every one is a candidate to drop.
        let hangs = try #require(april["hangsOn"] as? [String: Any])
        let assumed = t.snapshot(at: Fixture.month("1917-04")).organizations.filter {
            $0.provenance.status == .assumption
        }.count
        #expect((hangs["count"] as? Int ?? 0) >= assumed)
        // The shift table carries both months' intervals.
        let diffs = try #require(data["diffs"] as? [String: [String: Any]])
        let shifts = try #require(diffs["0|2"]?["shifts"] as? [[String: Any]])
        #expect(!shifts.isEmpty && shifts.contains { $0["afterInterval"] is String })
        // The same seed writes the same report; no samples, no intervals.
        #expect(try HTMLReport.files(for: t, samples: 50).map(\.text) == files.map(\.text))
        let plain = try HTMLReport.files(for: t, samples: 0)
        #expect(!(try #require(plain.first { $0.path == "charts/betweenness.svg" }).text.contains("class=\"band\"")))
        let plainData = try Self.reportData(plain)
        #expect(
            plainData["intervalHeading"] == nil
                && plainData["uncertainty"] as? String == "no intervals (0 samples asked for)")
        let eigen = try Self.reportData(try HTMLReport.files(for: t, measure: "eigenvector", samples: 50))
        #expect((eigen["uncertainty"] as? String)?.contains("cannot be sampled") == true)
    }
}

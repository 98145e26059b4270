import Foundation
import Testing
import OrgNet
import OrgNetRender

@Suite struct TrendAndReportTests {
    @Test func trendCSVValues() throws {
        let t = try Fixture.sample()
        let orgs = ["city-soviet", "works-a", "works-b"].compactMap { t.organization($0) }
        // The city soviet's seats (Works A's deputies are recorded on its tie as delegates_sent, Graphs/README.md).
        let seats = try Trend.compute(metric: "seats", organizations: orgs, timeline: t)
        #expect(seats.csv == "month,city-soviet,works-a,works-b\n1917-02,,,\n1917-03,,,\n1917-04,10,,\n")
        let share = try Trend.compute(metric: "share:bolsheviks", organizations: orgs, timeline: t)
        #expect(share.series[0].values == [nil, nil, 40])
        #expect(share.csv.contains("1917-04,40,,"))   // a works has no seats of its own
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
            #expect(error.hints.joined().contains("share:bolsheviks") && error.hints.joined().contains("delegates_sent"))
        }
    }

    @Test func chartIsPlainEscapedSVGWithAxesAndMonthTicks() throws {
        let t = try Fixture.sample()
        var trend = try Trend.compute(metric: "workers", organizations: [t.organization("works-a")!], timeline: t)
        trend.series[0].name = "<script>x</script>"
        let svg = TrendChart.svg(trend)
        let g = try #require(PanelGeometry.parse(svg))
        #expect(g.scripts == 0)
        #expect(g.texts.contains("1917-02") && g.texts.contains("1917-04") && g.texts.contains("month") && g.texts.contains("Workers"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func reportIsSelfContained() throws {
        let t = try Fixture.sample()
        let files = try HTMLReport.files(for: t)
        let paths = Set(files.map(\.path))
        for p in ["index.html", "svg/1917-02.svg", "svg/1917-04.svg", "svg/filmstrip.svg", "charts/size.svg", "charts/betweenness.svg"] {
            #expect(paths.contains(p), "\(p)")
        }
        let index = try #require(files.first { $0.path == "index.html" }).text
        // No external URL anywhere except the SVG/XLink namespace names (identifiers, never fetched).
        let urls = index.components(separatedBy: "://").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") || $0.hasPrefix("www.w3.org/1999/xlink\"") }, "\(urls)")
        #expect(!index.contains("src=\"http") && !index.contains("href=\"http") && !index.contains("//cdn"))
        #expect(index.contains("Content-Security-Policy"))
        #expect(index.components(separatedBy: "<section class=\"month\"").count - 1 == 3)
        for f in files where f.path.hasSuffix(".svg") { #expect(!f.text.contains("<script"), "\(f.path)") }
        // One script block of data, one of code; the data cannot close its block.
        #expect(index.components(separatedBy: "<script").count - 1 == 2)
        #expect(HTMLReport.scriptSafeJSON("{\"a\":\"</script><!--&\"}") == "{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}")
    }

    @Test func galleryHasEveryMonthAFilmstripAndAnIndex() throws {
        let t = try Fixture.sample()
        let files = try Gallery.files(for: t)
        #expect(files.map(\.path) == ["1917-02.svg", "1917-03.svg", "1917-04.svg", "filmstrip.svg", "index.html"])
        let film = try #require(PanelGeometry.parse(files[3].text))
        #expect(film.panelViewBoxes.count == 3 && Set(film.panelViewBoxes).count == 1)
    }
}

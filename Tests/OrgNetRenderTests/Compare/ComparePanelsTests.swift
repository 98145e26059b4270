import Foundation
import OrgNet
import OrgNetRender
import Testing

@Suite struct ComparePanelsTests {
    func threeMonths() throws -> ComparePanels {
        let t = try Fixture.sample()
        return try ComparePanels(snapshots: t.months.map { t.snapshot(at: $0) })
    }

    @Test func everyOrganizationHasTheSameCoordinatesInEveryPanel() throws {
        let panels = try threeMonths()
        let svg = try panels.document([0, 1, 2])
        let g = try #require(PanelGeometry.parse(svg), "the composed SVG does not parse as XML")
        #expect(g.panelViewBoxes.count == 3)
        #expect(Set(g.panelViewBoxes).count == 1, "panels must share one frame: \(g.panelViewBoxes)")
        #expect(Set(g.graphTransforms.prefix(3)).count == 1, "\(g.graphTransforms)")
        // In every panel where they exist (alive or ghost), organizations sit at the same centre.
        var compared = 0
        for org in [
            "city-soviet", "works-a", "district-north", "works-b", "government", "district-south", "works-a-fc",
        ] {
            let centres = (0..<3).compactMap { g.centres["p\($0)-org-\(org)"] }
            #expect(!centres.isEmpty, "\(org) drawn nowhere")
            for c in centres.dropFirst() {
                #expect(
                    abs(c.x - centres[0].x) < 0.01 && abs(c.y - centres[0].y) < 0.01, "\(org): \(c) != \(centres[0])")
                compared += 1
            }
        }
        #expect(compared >= 10)
        #expect(g.scripts == 0)
        #expect(g.texts.contains("February 1917") && g.texts.contains("April 1917"))
    }

    @Test func addedAreHighlightedAndRemovedGhosted() throws {
        let t = try Fixture.sample()
        // April then February: what April had and February lacks is ghosted in the February panel.
        let panels = try ComparePanels(snapshots: [
            t.snapshot(at: Fixture.month("1917-04")), t.snapshot(at: Fixture.month("1917-02")),
        ])
        let svg = try panels.document([0, 1])
        let back = try #require(PanelGeometry.parse(svg))
        #expect(back.classes["p1-org-works-b"]?.contains("removed") == true)
        #expect(back.classes["p1-org-works-a"]?.contains("removed") == false)
        #expect(back.classes.filter { $0.key.hasPrefix("p1-tie") && $0.value.contains("removed") }.count == 4)
        let forward = try #require(PanelGeometry.parse(try threeMonths().document([0, 1])))
        #expect(forward.classes["p1-org-works-b"]?.contains("added") == true)
        #expect(forward.classes["p1-org-works-a"]?.contains("added") == false)
        #expect(forward.classes.filter { $0.key.hasPrefix("p1-tie") && $0.value.contains("added") }.count == 4)
        #expect(forward.classes["p0-org-works-b"] == nil, "the first panel shows only its own month")
    }

    @Test func nodeSizeFollowsTheMeasureAndLegendIsSingle() throws {
        let panels = try threeMonths()
        #expect(panels.topScore > 0)
        let svg = try panels.document([0, 1, 2])
        #expect(svg.components(separatedBy: "class=\"legend\"").count - 1 >= 1)
        #expect(svg.components(separatedBy: "<svg class=\"legend\"").count - 1 == 1)
        #expect(svg.contains("Node size: Betweenness"))
        // The city soviet (top betweenness in April) is drawn larger than Works A (0).
        let one = try panels.panel(2, previous: 1, idPrefix: "x-")
        #expect(one.svg.contains("Betweenness"))
    }

    @Test func dataTextIsEscaped() throws {
        let org = Organization(id: "evil", name: "<script>alert(1)</script> & \"quotes\"", kind: "k")
        let t = Timeline(
            id: "t<x>", title: "T & <b>", months: [Fixture.month("1917-01"), Fixture.month("1917-02")],
            organizations: [
                org, Organization(id: "b", name: "B", kind: "k", lifetime: .init(since: Fixture.month("1917-02"))),
            ],
            ties: [
                Tie(id: "e", from: "b", to: "evil", role: .delegation, lifetime: .init(since: Fixture.month("1917-02")))
            ],
            origin: "test")
        let panels = try ComparePanels(snapshots: t.months.map { t.snapshot(at: $0) })
        let svg = try panels.document([0, 1], layout: .init(heading: t.title + " <i>"))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>") && !svg.contains("<i>"))
        #expect(PanelGeometry.parse(svg) != nil)
    }
}

import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import OrgNetRender
import Testing

/// The comparison legend explains what the panels draw, and nothing else.
@Suite struct LegendTests {
    func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func levelsHaveDistinctFills() {
        let style = Style()
        let fills = Kind.Level.allCases.map { style.node(level: $0).fill.lowercased() }
        #expect(Set(fills).count == fills.count, "two levels share a fill: \(fills)")
    }

    @Test func listsOnlyTheKindsRolesAndPartiesDrawn() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let feb = t.snapshot(at: Month("1917-02")!)
        let panels = try ComparePanels(snapshots: [feb, t.snapshot(at: Month("1917-10")!)])
        let legend = try panels.legendSVG(for: [0])
        let style = Style()
        let drawnKinds = Set(feb.organizations.map(\.kind))
        #expect(!drawnKinds.isEmpty)
        for k in t.kinds {
            let escaped = k.name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "'", with: "&#39;")
            let listed = legend.contains(">\(escaped)<")
            #expect(
                listed == drawnKinds.contains(k.id), "\(k.name): listed \(listed), drawn \(drawnKinds.contains(k.id))")
        }
        // One swatch per level drawn, none for a level not drawn.
        let levels = Set(feb.organizations.compactMap { t.kind($0.kind)?.level })
        for level in Kind.Level.allCases {
            let n = occurrences("fill=\"\(style.node(level: level).fill)\"", in: legend)
            #expect(n == (levels.contains(level) ? 1 : 0), "\(level): \(n) swatches")
        }
        let roles = Set(feb.ties.map(\.role))
        for role in Role.builtIn where role != .other { // "other" is also a level's name
            #expect(legend.contains(">\(style.edge(role: role).label)<") == roles.contains(role), "\(role)")
        }
        #expect(!legend.contains("new since the previous panel"), "a single panel marks no changes")
        // October has bodies and roles February lacks: the legend of both panels lists more.
        let both = try panels.legendSVG(for: [0, 1])
        #expect(both.contains("new since the previous panel"))
        #expect(occurrences("<text", in: both) > occurrences("<text", in: legend))
        // No panel is not "every panel", and a panel that does not exist is refused.
        #expect(throws: OrgNetError.self) { try panels.legendSVG(for: []) }
        #expect(throws: OrgNetError.self) { try panels.legendSVG(for: [2]) }
    }
}

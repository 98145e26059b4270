// The library example of README.md ("Using orgnet from Swift") and docs/library.md, built against
// orgnet's products from outside the package, so only the public API is reachable. Exits non-zero
// when the example stops behaving as the documentation says.
import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetRender

func fail(_ message: String) -> Never {
    print("downstream: FAILED: \(message)")
    exit(1)
}

// --- README example, verbatim ---
let timeline = try BuiltInDatasets.defaultTimeline()
let october = try timeline.snapshot(at: timeline.month(named: "1917-10"))
let scores = try october.influenceNetwork().centrality(.betweenness) // highest first
let svg = try Rendering.render(october, format: .svg)

do {
    _ = try timeline.month(named: "1917-13") // a typo: an error listing the valid months
} catch {
    print(error)
}
// --- end of the README example ---

guard october.month?.description == "1917-10", !october.organizations.isEmpty else {
    fail("the October snapshot is empty or of another month")
}
guard let top = scores.first, top.score > 0, scores.count == october.organizations.count else {
    fail("betweenness did not rank every organization of October")
}
guard String(decoding: svg, as: UTF8.self).contains("<svg") else { fail("the rendering is not SVG") }
do {
    _ = try timeline.month(named: "1917-13")
    fail("a month that does not exist was accepted")
} catch {
    let listed = error.hints.joined(separator: " ")
    guard timeline.months.allSatisfy({ listed.contains($0.description) }) else {
        fail("the error does not list the timeline's months: \(error)")
    }
}
// Role filters say "all" explicitly; an empty list keeps no tie (docs/library.md).
let allTies = october.network(roles: .all), noTies = october.network(roles: [])
guard allTies.graph.edgeCount > 0, noTies.graph.edgeCount == 0, noTies.ids == allTies.ids else {
    fail("network(roles: .all) kept no tie, or network(roles: []) kept some")
}
let whole = timeline.wholeNetwork()
guard whole.month == nil, whole.organizations.count == timeline.organizations.count else {
    fail("wholeNetwork() is not every organization of the timeline")
}
print("downstream: OK (\(october.organizations.count) bodies in \(october.label); highest betweenness: \(top.name))")

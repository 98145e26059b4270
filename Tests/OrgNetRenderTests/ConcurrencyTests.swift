import Foundation
import Graphviz
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import OrgNetRender
import TestSupport
import Testing

/// The library's public API from many tasks at once: rendering (Graphviz under one lock),
/// parsing, validating and analysing concurrently must give the same answers as one at a time.
/// `scripts/sanitizers.sh` runs this suite under ThreadSanitizer
/// (`swift test --sanitize=thread --filter Concurrency`).
@Suite("Concurrency", .tags(.concurrency))
struct ConcurrencyTests {
    @Test func rendersAndAnalysesFromManyTasks() async throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let months = Array(t.months.suffix(4))
        let expectedSVG = try months.map { m in try Rendering.render(t.snapshot(at: m), format: .canon) }
        let expectedScores = try months.map { m in
            try t.snapshot(at: m).influenceNetwork().centralityValues(.betweenness)
        }
        let sample = sampleDatasetPath
        let sampleMonths = try TimelineLoader.load(path: sample).months
        let hostile =
            "digraph { a [label=\"<script>x</script>\", URL=\"javascript:alert(1)\"]; a -> b; concentrate=true }"

        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<24 {
                group.addTask {
                    let k = i % months.count
                    switch i % 4 {
                    case 0:
                        let bytes = try Rendering.render(t.snapshot(at: months[k]), format: .canon)
                        #expect(bytes == expectedSVG[k])
                    case 1:
                        let scores = try t.snapshot(at: months[k]).influenceNetwork().centralityValues(.betweenness)
                        #expect(scores == expectedScores[k])
                    case 2:
                        let spec = try GraphvizEngine.shared.parse(dot: hostile)
                        let svg = try GraphvizEngine.shared.render(spec, format: .svg)
                        let text = String(decoding: svg, as: UTF8.self)
                        #expect(!text.contains("<script") && !text.contains("javascript:"))
                    default:
                        // Each task reads under its own limits value: no shared setting to race on.
                        var limits = InputLimits.default
                        limits.maxLabelLength = 10_000 + i
                        #expect(try TimelineLoader.load(path: sample, limits: limits).months == sampleMonths)
                        limits.maxNodes = 1
                        #expect(throws: OrgNetError.self) { try TimelineLoader.load(path: sample, limits: limits) }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func svgRendersConcurrentlyAreIdentical() async throws {
        let t = try BuiltInDatasets.defaultTimeline()
        let s = t.snapshot(at: try #require(t.latestMonth))
        let first = try Rendering.render(s, format: .svg)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try Rendering.render(s, format: .svg) } }
            var all: [[UInt8]] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 == first })
    }
}

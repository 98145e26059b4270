import Foundation
import GraphKit
import Graphviz
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import OrgNetRender
import TestSupport
import Testing

// The code of Sources/OrgNet/OrgNet.docc/GettingStarted.md, compiled and run.
// Every ```swift block of the article must appear in this file line for line (indentation aside):
// `articleBlocksAreCompiledHere` checks it, so edit the two together.

@Suite(.tags(.docs)) struct GettingStartedTests {
    @Test func gettingStarted() throws {
        // Names the article takes as given.
        let datasetPath = repositoryRoot.appendingPathComponent("Graphs/sample").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("october.svg").path

        // ## Load the timeline
        let timeline = try BuiltInDatasets.defaultTimeline()
        let october = try timeline.snapshot(at: timeline.month(named: "1917-10"))
        print(timeline.title, october.organizations.count, october.ties.count)

        let sample = try TimelineLoader.load(path: datasetPath)
        print(sample.months.map(\.description))

        #expect(timeline.months.contains(Month("1917-10")!))
        #expect(october.organizations.count > 20)
        #expect(sample.months.count == 3)

        // ## Compute betweenness
        let network = october.influenceNetwork()
        let ranking = try network.centrality(.betweenness)
        for score in ranking.prefix(5) {
            print(score.name, score.score)
        }

        let graph: Graph = network.graph
        let values = try graph.betweennessCentrality(normalized: true)
        let soviet = network.node("petrograd-soviet")!
        print(network.ids[soviet], values[soviet])

        #expect(ranking.first?.id == "petrograd-soviet")
        #expect(abs(values[soviet] - ranking[0].score) < 1e-12)

        // ## Render a month
        let svg = try Rendering.render(october, format: .svg)
        try OutputFile.write(svg, to: outputPath)

        let dot = try Rendering.dotText(for: october, positions: true)
        print(dot.prefix(80))

        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        #expect(FileManager.default.fileExists(atPath: outputPath))
        #expect(dot.contains(" pos=\""))

        // ## Compare two months
        let february = try timeline.snapshot(at: timeline.month(named: "1917-02"))
        let before = Set(february.organizations.map(\.id))
        let after = Set(october.organizations.map(\.id))
        let founded = after.subtracting(before).sorted()
        let gone = before.subtracting(after).sorted()
        print("\(founded.count) founded, \(gone.count) gone")

        let then = try february.influenceNetwork().centrality(.betweenness)
        let now = ranking
        func score(_ id: String, in scores: [Score]) -> Double {
            scores.first { $0.id == id }?.score ?? 0
        }
        for id in ["petrograd-soviet", "mrc"] {
            print(id, score(id, in: then), "->", score(id, in: now))
        }

        #expect(founded.contains("mrc"))
        #expect(!founded.isEmpty)
    }

    /// Every ```swift block of the article appears in this file, line for line.
    @Test func articleBlocksAreCompiledHere() throws {
        let article = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/OrgNet/OrgNet.docc/GettingStarted.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ text: some StringProtocol) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        let body = lines(source).joined(separator: "\n")
        let blocks = Self.swiftBlocks(article)
        #expect(blocks.count >= 4, "the article should show loading, betweenness, rendering and comparing")
        for block in blocks {
            let text = lines(block).joined(separator: "\n")
            #expect(body.contains(text), "not in GettingStartedTests.swift:\n\(block)")
        }
    }

    /// The contents of the article's ```swift fences.
    static func swiftBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = [], current: [Substring]? = nil
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```swift" {
                current = []
            } else if current != nil, trimmed == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }
}

import Testing

@testable import Graphviz

@Suite struct ValidatorTests {
    let validator = SpecValidator()

    @Test func rankGroupMovesIntoCluster() throws {
        let spec = try GraphvizEngine.shared.parse(
            dot: """
                digraph { subgraph cluster_x { a; b; } subgraph cluster_y { c; d; } { rank=same; a; b; c; e; } }
                """)
        let v = try validator.validate(spec)
        // The outside group keeps only e; a and b get their own group in cluster_x; c alone just leaves.
        let outside = try #require(v.spec.subgraphs.first { $0.attributes["rank"] != nil })
        #expect(outside.nodeIDs == ["e"])
        let x = try #require(v.spec.subgraphs.first { $0.name == "cluster_x" })
        #expect(x.subgraphs.map(\.nodeIDs) == [["a", "b"]])
        #expect(x.subgraphs.first?.attributes["rank"] == "same")
        #expect(v.rewrites.count == 2)
    }

    @Test func nodeInTwoClustersKeepsFirst() throws {
        let spec = GraphSpec(
            nodes: [.init(id: "a"), .init(id: "b")],
            subgraphs: [
                .init(name: "cluster_1", nodeIDs: ["a"]),
                .init(name: "cluster_2", nodeIDs: ["a", "b"], subgraphs: [.init(name: "cluster_2a", nodeIDs: ["a"])]),
            ])
        let v = try validator.validate(spec)
        #expect(v.spec.subgraphs[0].nodeIDs == ["a"])
        #expect(v.spec.subgraphs[1].nodeIDs == ["b"])
        #expect(v.spec.subgraphs[1].subgraphs[0].nodeIDs == [])
        #expect(v.rewrites.map(\.rule) == [.nodeInTwoClusters])
    }

    @Test func nestedClustersAreFine() throws {
        let spec = GraphSpec(
            nodes: [.init(id: "a")],
            subgraphs: [
                .init(
                    name: "cluster_1", nodeIDs: ["a"],
                    subgraphs: [
                        .init(
                            name: "cluster_1a", nodeIDs: ["a"],
                            subgraphs: [
                                .init(name: "", attributes: ["rank": "same"], nodeIDs: ["a"])
                            ])
                    ])
            ])
        let v = try validator.validate(spec)
        #expect(v.rewrites.isEmpty)
        #expect(v.spec == spec)
    }

    @Test func weights() throws {
        let spec = GraphSpec(
            edgeDefaults: ["weight": "-1"],
            edges: [
                .init(tail: "a", head: "b", attributes: ["weight": "1e9"]),
                .init(tail: "a", head: "c", attributes: ["weight": "heavy"]),
                .init(tail: "b", head: "c", attributes: ["weight": "7"]),
            ])
        let v = try validator.validate(spec)
        #expect(v.spec.edgeDefaults["weight"] == nil)
        #expect(v.spec.edges[0].attributes["weight"] == "10000")
        #expect(v.spec.edges[1].attributes["weight"] == nil)
        #expect(v.spec.edges[2].attributes["weight"] == "7")
        #expect(v.rewrites.count == 3)
    }

    @Test func fixedSizeStrippedCaseInsensitively() throws {
        let spec = GraphSpec(nodes: [
            .init(
                id: "a",
                attributes: [
                    "label": .html(#"<table fixedsize='true' width="3"><tr><td FixedSize=TRUE>x</td></tr></table>"#)
                ])
        ])
        let v = try validator.validate(spec)
        #expect(v.spec.nodes[0].attributes["label"] == .html(#"<table width="3"><tr><td>x</td></tr></table>"#))
    }

    @Test func limitsRefuse() {
        let nodes = (0..<30).map { GraphSpec.Node(id: "n\($0)") }
        let small = SpecValidator(limits: .init(maxDotNodes: 20, maxNodes: 40))
        do {
            _ = try small.validate(GraphSpec(nodes: nodes), layout: .dot)
            Issue.record("expected unsafeSpec")
        } catch {
            #expect(error.code == .unsafeSpec)
            #expect(error.message.contains("30 nodes"))
        }
        #expect((try? small.validate(GraphSpec(nodes: nodes), layout: .sfdp)) != nil)
        do {
            _ = try GraphvizEngine.shared.render(GraphSpec(nodes: [.init(id: "a\0b")]))
            Issue.record("expected unsafeSpec for NUL")
        } catch {
            #expect(error.code == .unsafeSpec)
        }
    }

    @Test func safeSpecIsUntouched() throws {
        let v = try validator.validate(sampleSpec)
        #expect(v.rewrites.isEmpty)
        #expect(v.spec == sampleSpec)
    }
}

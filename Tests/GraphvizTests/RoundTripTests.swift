import TestSupport
import Testing

@testable import Graphviz

@Suite(.tags(.roundTrip)) struct RoundTripTests {
    static let specs: [GraphSpec] = [
        sampleSpec,
        GraphSpec(isDirected: false, nodes: [.init(id: "a"), .init(id: "b")], edges: [.init(tail: "a", head: "b")]),
        GraphSpec(
            name: "strict one", isStrict: true, nodes: [.init(id: "x y"), .init(id: "z")],
            edges: [.init(tail: "x y", head: "z", attributes: ["label": "w"])]),
        GraphSpec(
            name: "quote\"d",
            attributes: ["label": "line1\nline2", "fontname": "Helvetica"],
            edgeDefaults: ["color": "gray"],
            nodes: [
                .init(id: "node", attributes: ["label": "say \"hi\""]),
                .init(id: "edge", attributes: ["label": #"back\slash and \N"#]),
                .init(id: "graph", attributes: ["label": #"ends with backslash\\"#]),
                .init(id: "q\"", attributes: ["tooltip": .text(#"pair \\" and \\ then"# + "\nnewline")]),
                .init(
                    id: "->",
                    attributes: ["label": .html(#"<table><tr><td port="p">cell &amp; more</td></tr></table>"#)]),
                .init(id: "ünï cødé", attributes: ["label": "Петроград"]),
            ],
            edges: [
                .init(tail: "node", head: "edge", key: "k1", attributes: ["weight": "2"]),
                .init(tail: "node", head: "edge", key: "k2"),
                .init(tail: "graph", head: "->"),
            ],
            subgraphs: [
                .init(
                    name: "cluster_outer", attributes: ["label": "Outer"], nodeIDs: ["node", "edge", "graph"],
                    subgraphs: [
                        .init(name: "cluster_inner", attributes: ["color": "red"], nodeIDs: ["edge", "graph"])
                    ]),
                .init(name: "", attributes: ["rank": "same"], nodeIDs: ["q\"", "->"]),
            ]
        ),
    ]

    @Test(arguments: specs)
    func parseOfDotTextIsIdentity(_ spec: GraphSpec) throws {
        let text = spec.dotText
        let back = try GraphvizEngine.shared.parse(dot: text)
        #expect(back.name == spec.name)
        #expect(back.attributes == spec.attributes)
        #expect(back.nodeDefaults == spec.nodeDefaults)
        #expect(back.edgeDefaults == spec.edgeDefaults)
        #expect(back.nodes.count == spec.nodes.count)
        for (b, s) in zip(back.nodes, spec.nodes) { #expect(b == s) }
        #expect(back.edges == spec.edges)
        #expect(back.subgraphs == spec.subgraphs)
        #expect(back == spec, "\(text)")
    }

    /// A lone backslash before a quote, a newline or the end cannot be written in DOT
    /// 2.43; the writer doubles it (drawn as one backslash by Graphviz's label escapes).
    @Test func loneTrailingBackslashIsDoubled() throws {
        let spec = GraphSpec(nodes: [.init(id: "a", attributes: ["label": #"end\"#, "tooltip": #"q\"x"#])])
        let back = try GraphvizEngine.shared.parse(dot: spec.dotText)
        #expect(back.node("a")?.attributes["label"] == .text(#"end\\"#))
        #expect(back.node("a")?.attributes["tooltip"] == .text(#"q\\"x"#))
    }
}

import Testing

@testable import Graphviz

@Suite struct ParseTests {
    let engine = GraphvizEngine.shared

    @Test func parsesAttributesOrderAndKeys() throws {
        let spec = try engine.parse(
            dot: """
                strict digraph G {
                  rankdir=LR;
                  node [shape=box];
                  b [label="B"]; a; c [color=red];
                  a -> b [key=k1, weight=3];
                  b -> c;
                  a -> c;
                }
                """)
        #expect(spec.name == "G")
        #expect(spec.isDirected && spec.isStrict)
        #expect(spec.attributes == ["rankdir": "LR"])
        #expect(spec.nodeDefaults == ["shape": "box"])
        #expect(spec.nodes.map(\.id) == ["b", "a", "c"])
        #expect(spec.node("b")?.attributes == ["label": "B"])
        #expect(spec.node("a")?.attributes == [:])
        #expect(spec.edges.map { "\($0.tail)>\($0.head)" } == ["a>b", "b>c", "a>c"])
        #expect(spec.edges[0].key == "k1")
        #expect(spec.edges[0].attributes == ["weight": "3"])
        #expect(spec.edges[1].key == nil)
    }

    @Test func parsesUndirectedAndSubgraphs() throws {
        let spec = try engine.parse(
            dot: """
                graph {
                  subgraph cluster_a { label="A"; x; subgraph cluster_b { color=blue; y; z } }
                  { rank=same; x; w }
                  x -- y; z -- w;
                }
                """)
        #expect(!spec.isDirected && !spec.isStrict)
        #expect(spec.name == "")
        #expect(spec.attributes.isEmpty)
        #expect(spec.subgraphs.count == 2)
        let a = spec.subgraphs[0]
        #expect(a.name == "cluster_a" && a.isCluster)
        #expect(a.attributes == ["label": "A"])
        #expect(a.nodeIDs == ["x", "y", "z"])
        #expect(a.subgraphs.first?.attributes == ["color": "blue"])
        #expect(a.subgraphs.first?.nodeIDs == ["y", "z"])
        let rank = spec.subgraphs[1]
        #expect(rank.name == "")
        #expect(rank.attributes == ["rank": "same"])
        #expect(rank.nodeIDs == ["x", "w"])
    }

    @Test func parsesHTMLLabels() throws {
        let spec = try engine.parse(dot: #"digraph { a [label=<<b>bold</b>>]; b [label="<i>plain</i>"]; }"#)
        #expect(spec.node("a")?.attributes["label"] == .html("<b>bold</b>"))
        #expect(spec.node("b")?.attributes["label"] == .text("<i>plain</i>"))
    }

    @Test func syntaxErrorCarriesLine() {
        let text = "digraph {\n  a -> b;\n  c -> ;\n}\n"
        do {
            _ = try engine.parse(dot: text)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.line == 3)
            #expect(error.message.contains("syntax error"))
        }
        // Line numbers do not drift between calls.
        let again = #expect(throws: GraphvizError.self) { try engine.parse(dot: text) }
        #expect(again?.line == 3)
    }

    @Test func emptyInput() {
        for text in ["", "   \n\t", "// just a comment\n"] {
            do {
                _ = try engine.parse(dot: text)
                Issue.record("expected emptyInput for \(text.debugDescription)")
            } catch {
                #expect(error.code == .emptyInput)
            }
        }
    }

    @Test func drainsSecondGraph() throws {
        do {
            _ = try engine.parse(dot: "digraph one { a -> b } digraph two { leftover -> x }")
            Issue.record("expected multipleGraphs")
        } catch {
            #expect(error.code == .multipleGraphs)
        }
        let next = try engine.parse(dot: "digraph good { p -> q }")
        #expect(next.name == "good")
        #expect(next.nodes.map(\.id) == ["p", "q"])
        do {
            _ = try engine.parse(dot: "digraph one { a } garbage ;;")
            Issue.record("expected multipleGraphs for trailing text")
        } catch {
            #expect(error.code == .multipleGraphs)
        }
        #expect(try engine.parse(dot: "graph ok { z }").name == "ok")
    }
}

@Suite struct LineSeparatedGraphsTests {
    @Test(arguments: [
        "digraph A { a -> b }\ndigraph B { c -> d }\n",
        "graph A {\n a -- b\n}\n\n// second\ngraph B { x }",
        "digraph A { a }\n;\n",
    ])
    func secondGraphOnALaterLineIsRefused(_ text: String) {
        let error = #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.parse(dot: text) }
        #expect(error?.code == .multipleGraphs)
    }

    @Test(arguments: [
        "digraph A { a -> b }\n// a comment\n/* another */\n# 1 \"x\"\n",
        "digraph A { a [label=\"}\"]; b [label=<<b>}</b>>] }\n",
    ])
    func commentsAndBracesInStringsAreNotASecondGraph(_ text: String) throws {
        #expect(try GraphvizEngine.shared.parse(dot: text).name == "A")
    }
}

@Suite struct DOTScannerTests {
    @Test func commentsCannotHideNesting() {
        // A quote inside a comment must not start a string that swallows the braces after it.
        let deep = String(repeating: "subgraph { ", count: 150) + String(repeating: "} ", count: 150)
        for comment in ["// say \"hi\n", "/* a \" quote */\n", "# 1 \"x\"\n"] {
            let scan = DOTScanner.scan("digraph {\n" + comment + deep + "\n}\n")
            #expect(scan.depth == 151, "\(comment)")
            #expect(scan.depthLine == 3)
        }
    }

    @Test func longestStringAndItsLine() {
        let scan = DOTScanner.scan(
            "digraph {\n a [label=\"short\"];\n b [label=\"" + String(repeating: "x", count: 500)
                + "\"];\n c [label=<<b>x</b>>] }")
        #expect(scan.longestString >= 500 && scan.longestString <= 502)
        #expect(scan.longestStringLine == 3)
        #expect(!scan.textAfterFirstGraph)
    }

    @Test func textAfterTheFirstGraph() {
        #expect(DOTScanner.scan("digraph { a }\n// trailing comment\n").textAfterFirstGraph == false)
        #expect(DOTScanner.scan("digraph { a }\ndigraph { b }\n").textAfterFirstGraph)
        #expect(DOTScanner.scan("digraph { a [label=\"}\"] }").textAfterFirstGraph == false)
    }
}

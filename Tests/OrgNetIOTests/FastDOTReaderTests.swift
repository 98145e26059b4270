import Foundation
import Graphviz
import Testing

@testable import OrgNet
@testable import OrgNetIO

/// The fast DOT reader gives the same timeline as Graphviz's parser, or steps aside.
@Suite("fast DOT reader ≡ cgraph reader")
struct FastDOTReaderTests {
    /// The timeline Graphviz's parser gives for `text`.
    static func viaCGraph(_ text: String, origin: String = "/tmp/t.dot") throws -> Timeline {
        DOTImport.timeline(from: try GraphvizEngine.shared.parse(dot: text), origin: origin)
    }

    static func viaFast(_ text: String, origin: String = "/tmp/t.dot") -> Timeline? {
        FastDOTReader.parse(Array(text.utf8)).map { FastDOTReader.timeline($0, origin: origin) }
    }

    static func expectSame(_ a: Timeline, _ b: Timeline, _ comment: Comment? = nil) {
        #expect(a.id == b.id, comment)
        #expect(a.title == b.title, comment)
        #expect(a.isDirected == b.isDirected, comment)
        #expect(a.kinds == b.kinds, comment)
        #expect(a.sources == b.sources, comment)
        #expect(a.organizations == b.organizations, comment)
        #expect(a.ties == b.ties, comment)
    }

    static let corpus: [(String, String)] = [
        ("empty digraph", "digraph {}"),
        (
            "named, comments",
            """
            // a comment
            /* block
               comment */
            # preprocessor-style line
            digraph "my net" {
              a [label="Alpha", kind=factory]; b
              a -> b [role=delegation, weight=3]
              b -> a [role=authority weight="2.5"];  // trailing
            }
            """
        ),
        (
            "quoted ids and escapes",
            #"""
            digraph G {
              "x y" [label="say \"hi\""];
              "x y" -> "z\"q" [role="liaison"];
              "multi\
            line" -> "x y";
              "back\\slash" [label="a\lb"];
            }
            """#
        ),
        (
            "parallel edges: last wins at the first's place",
            """
            digraph { a -> b [weight=1]; c -> d; a -> b [weight=5, role=authority]; a -> b [role=nonsense] }
            """
        ),
        (
            "undirected, reversed duplicates",
            """
            graph net { b -- a [weight=2]; a -- b [weight=7]; c -- a; a -- c [role=liaison] }
            """
        ),
        (
            "node attributes merge, empty values drop",
            """
            digraph { a [kind=x, color=red]; a [color="", shape=box]; a -> b [label=""]; b [kind=""] }
            """
        ),
        (
            "numerals and unicode ids",
            """
            digraph { 1 -> 2.5; -3 -> .5; Путиловский -> "Выборгский район" [role=delegation]; 1 [label=one] }
            """
        ),
        (
            "graph attributes and attribute-list forms",
            """
            digraph g { rankdir=LR; graph [bgcolor=white]; a [kind=k1][label="A"]; a -> b [role=delegation; weight=2,]; c [] }
            """
        ),
        (
            "keyword-looking quoted ids",
            """
            digraph { "node" -> "edge" [role=authority]; "graph" [kind="subgraph"] }
            """
        ),
        (
            "bad weights",
            """
            digraph { a -> b [weight=abc]; b -> c [weight=inf]; c -> a [weight="1e3"] }
            """
        ),
        ("CRLF line ends", "digraph {\r\n  a -> b [role=delegation];\r\n  b [kind=x]\r\n}\r\n"),
        ("label \\N", #"digraph { a [label="\N"]; b [label=""] }"#),
    ]

    @Test("same timeline on the fast subset", arguments: corpus.indices)
    func same(_ k: Int) throws {
        let (what, text) = Self.corpus[k]
        let fast = try #require(Self.viaFast(text), "fast path declined: \(what)")
        Self.expectSame(fast, try Self.viaCGraph(text), "\(what)")
    }

    static let fallback: [(String, String)] = [
        ("subgraph", "digraph { subgraph cluster_a { a; b } a -> c }"),
        ("anonymous subgraph", "digraph { a -> { b c } }"),
        ("node defaults", "digraph { node [kind=x]; a -> b }"),
        ("edge defaults", "digraph { edge [role=authority]; a -> b }"),
        ("edge chain", "digraph { a -> b -> c [role=delegation] }"),
        ("port", "digraph { a:n -> b }"),
        ("HTML label", "digraph { a [label=<<b>A</b>>] }"),
        ("concatenation", #"digraph { a [label="x" + "y"] }"#),
        ("strict", "strict digraph { a -> b; a -> b }"),
        ("edge key", "digraph { a -> b [key=k1]; a -> b [key=k1] }"),
        ("two graphs", "digraph { a } digraph { b }"),
        ("edge op of the other kind", "graph { a -> b }"),
        ("syntax error", "digraph { a -> }"),
        ("attribute without value", "digraph { a [bold] }"),
        ("double semicolon", "digraph { a;; }"),
        ("leading semicolon", "digraph { ; a }"),
        ("separator run", "digraph { a [x=1 , ; y=2] }"),
    ]

    @Test("steps aside outside the subset, and loading still agrees with cgraph", arguments: fallback.indices)
    func fallsBack(_ k: Int) throws {
        let (what, text) = Self.fallback[k]
        #expect(FastDOTReader.parse(Array(text.utf8)) == nil, "\(what)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-fast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("g.dot").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let viaLoad: Timeline
        do {
            viaLoad = try DOTImport.load(path: path)
        } catch {
            // Graphviz rejects it: the load error is Graphviz's, as before the fast path.
            #expect(throws: OrgNetError.self) { try DOTImport.readSpec(path: path) }
            return
        }
        Self.expectSame(viaLoad, try Self.viaCGraph(text, origin: path), "\(what)")
    }

    @Test("generated federations read the same both ways", arguments: [(300, UInt64(1)), (2_000, 1917)])
    func generated(nodes: Int, seed: UInt64) throws {
        let text = FederationGenerator(nodes: nodes, seed: seed).dot()
        let fast = try #require(Self.viaFast(text))
        Self.expectSame(fast, try Self.viaCGraph(text))
        #expect(fast.organizations.count == nodes)
    }
}

import Foundation
import TestSupport
import Testing

@testable import Graphviz

/// One test per crash shape of docs/design.md §2. Each spec goes through `render`, which
/// validates first; were a shape to reach layout unrepaired it could kill this process.
/// Shapes marked "measured" crashed `dot` 2.43.0 here in a subprocess (see SpecValidator).
@Suite(.tags(.hostileInput)) struct CrashShapeTests {
    static let shapes: [(name: String, dot: String, rule: SpecValidator.Rule)] = [
        (
            "a: node in cluster and in an outside rank group",
            """
            digraph { subgraph cluster_x { a; b; } { rank=same; a; c; } a -> b; c -> d; b -> d; }
            """, .clusterRankConflict
        ),
        (
            "b: rank group across two clusters",
            """
            digraph { subgraph cluster_x { a; b; } subgraph cluster_y { c; d; } { rank=same; a; c; } a -> b; c -> d; }
            """, .rankSpansClusters
        ),
        // measured: segfault (19 of 25 random shapes)
        (
            "c: node in two clusters with newrank",
            """
            digraph G { newrank=true;
              subgraph cluster_0 { n1; n4; n5; } subgraph cluster_1 { n3; n7; n8; }
              subgraph cluster_extra_n8 { n8; } subgraph cluster_extra_n4 { n4; } subgraph cluster_extra_n0 { n0; }
              n0 -> n1; n1 -> n2; n1 -> n3; n2 -> n4; n3 -> n5; n3 -> n6; n4 -> n7; n2 -> n8; n8 -> n2;
              n3 -> n8; n0 -> n2; n5 -> n2; }
            """, .nodeInTwoClusters
        ),
        (
            "d: concentrate",
            """
            digraph { concentrate=true; a -> b; a -> c; a -> d; b -> d; c -> d; a -> d; subgraph cluster_1 { b; c } }
            """, .concentrate
        ),
        // measured: segfault (20 of 25), one hang
        (
            "e: huge edge weights",
            """
            digraph G { subgraph cluster_0 { n1; n4; n5; } subgraph cluster_1 { n3; n7; n8; }
              n0 -> n1 [weight=1]; n0 -> n2 [weight=1000000000]; n1 -> n3 [weight=1000000000];
              n3 -> n4 [weight=1000000000]; n4 -> n5; n4 -> n6; n1 -> n7; n0 -> n8; n5 -> n2; n2 -> n5;
              n8 -> n2; n7 -> n6; }
            """, .edgeWeight
        ),
        // measured: segfault (10 of 25 with nslimit1=0)
        (
            "f: nslimit1=0 with nested clusters",
            """
            digraph G { nslimit1=0; nslimit=0;
              subgraph cluster_0 { n2; n6; n7; subgraph cluster_0_in { n2; n6; } }
              subgraph cluster_1 { n3; } subgraph cluster_2 { n9; }
              n0 -> n1; n0 -> n2; n2 -> n3; n2 -> n4; n4 -> n5; n5 -> n6; n0 -> n7; n6 -> n8; n5 -> n9;
              n1 -> n5; n6 -> n4; n7 -> n1; n3 -> n4; n1 -> n0; }
            """, .nslimit
        ),
        ("g: ortho splines", "digraph { splines=ortho; a -> b; a -> c; b -> d; c -> d; a -> d [label=x]; }", .splines),
        ("g: curved splines", "digraph { splines=curved; a -> b; a -> c; b -> d; c -> d; a -> d; }", .splines),
        (
            "h: compound with rankdir=LR",
            """
            digraph { compound=true; rankdir=LR; subgraph cluster_a { a; b; } subgraph cluster_b { c; d; }
              a -> c [lhead=cluster_b, ltail=cluster_a]; b -> d; }
            """, .compoundWithRankdir
        ),
        (
            "i: fixed-size narrow HTML cell",
            """
            digraph { a [shape=plaintext, label=<<TABLE><TR><TD FIXEDSIZE="TRUE" WIDTH="2" HEIGHT="2">a very long text in a narrow cell</TD></TR></TABLE>>]; a -> b; }
            """, .htmlFixedSize
        ),
    ]

    @Test(arguments: shapes.indices)
    func shapeIsRepairedAndRenders(_ index: Int) throws {
        let shape = Self.shapes[index]
        let spec = try GraphvizEngine.shared.parse(dot: shape.dot)
        let result = try GraphvizEngine.shared.renderResult(spec, format: .svg)
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("</svg>"), "\(shape.name)")
        #expect(result.rewrites.contains { $0.rule == shape.rule }, "\(shape.name): \(result.rewrites)")
    }
}

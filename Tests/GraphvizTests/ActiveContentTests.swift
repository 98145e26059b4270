import Foundation
import Graphviz
import TestSupport
import Testing

/// ``SpecValidator``'s ``SpecValidator/Rule/activeContent`` and ``SpecValidator/Rule/layoutAttribute``
/// rules: user links, resources and script URLs never reach layout or the SVG.
@Suite(.tags(.hostileInput)) struct ActiveContentTests {
    @Test func linkAndResourceAttributesAreDropped() throws {
        let spec = try GraphvizEngine.shared.parse(
            dot: """
                digraph { URL="https://x"; stylesheet="s.css"; layout=osage;
                  a [URL="javascript:1", href="x", target="_top", image="/etc/passwd", label="a"];
                  a -> b [edgeURL="x", headhref="y", tailtarget="z", labelURL="w", color="red"] }
                """)
        let v = try SpecValidator().validate(spec)
        #expect(
            v.spec.attributes["URL"] == nil && v.spec.attributes["stylesheet"] == nil
                && v.spec.attributes["layout"] == nil)
        let a = try #require(v.spec.nodes.first { $0.id == "a" })
        #expect(Set(a.attributes.keys) == ["label"])
        #expect(Set(v.spec.edges[0].attributes.keys) == ["color"])
        #expect(v.rewrites.contains { $0.rule == .activeContent })
        #expect(v.rewrites.contains { $0.rule == .layoutAttribute })
    }

    @Test(arguments: [
        "javascript:alert(1)", "  JaVaScRiPt:x", "java\tscript:x", "data:text/html,x", "DATA:,x",
        "data:image/png;base64,AAAA", "vbscript:x", "\u{1}javascript:x",
    ])
    func scriptURLsInAnyAttributeAreDropped(_ value: String) throws {
        #expect(SpecValidator.isScriptURL(value))
        var spec = GraphSpec()
        spec.nodes = [.init(id: "a", attributes: ["tooltip": .text(value), "label": "ok"])]
        let v = try SpecValidator().validate(spec)
        #expect(v.spec.nodes[0].attributes["tooltip"] == nil)
        #expect(v.spec.nodes[0].attributes["label"] == "ok")
    }

    @Test func ordinaryValuesAreKept() {
        for v in [
            "https://example.org", "Data: 1917", "data: see below, p. 3", "a javascript: talk", "datasets", "#b2182b",
        ] {
            #expect(!SpecValidator.isScriptURL(v), "\(v)")
        }
    }

    @Test func htmlLabelsLoseLinksAndImages() throws {
        var spec = GraphSpec()
        spec.nodes = [
            .init(
                id: "a",
                attributes: [
                    "label": .html(
                        #"<TABLE HREF="javascript:x"><TR><TD href='y' TARGET=_top>t</TD><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>"#
                    )
                ])
        ]
        let v = try SpecValidator().validate(spec)
        let html = v.spec.nodes[0].attributes["label"]!.string
        #expect(
            !html.localizedCaseInsensitiveContains("href") && !html.localizedCaseInsensitiveContains("img")
                && !html.localizedCaseInsensitiveContains("target"), "\(html)")
        #expect(html.contains("<TD>t</TD>"))
    }

    /// The untrusted-input rules are the caller's choice: a trusting caller keeps its links and
    /// its `layout=`; the default strips them.
    @Test func trustedRulesKeepLinksTheDefaultStripsThem() throws {
        let spec = try GraphvizEngine.shared.parse(
            dot:
                #"digraph { layout=neato; a [URL="https://example.org/a", label=<<TABLE HREF="https://example.org/t"><TR><TD>t</TD></TR></TABLE>>]; a -> b }"#
        )
        let trusted = try SpecValidator(rules: .trustedInput).validate(spec)
        #expect(trusted.spec.nodes[0].attributes["URL"] == "https://example.org/a")
        #expect(trusted.spec.nodes[0].attributes["label"]?.string.contains("HREF") == true)
        #expect(trusted.spec.attributes["layout"] == "neato")
        #expect(trusted.rewrites.isEmpty, "\(trusted.rewrites)")
        let svg = String(
            decoding: try GraphvizEngine.shared.renderResult(spec, validator: SpecValidator(rules: .trustedInput))
                .bytes, as: UTF8.self)
        #expect(svg.contains("https://example.org/a"))

        let stripped = try SpecValidator().validate(spec)
        #expect(stripped.spec.nodes[0].attributes["URL"] == nil)
        #expect(stripped.spec.nodes[0].attributes["label"]?.string.contains("HREF") == false)
        #expect(stripped.spec.attributes["layout"] == nil)
        #expect(Set(stripped.rewrites.map(\.rule)) == [.activeContent, .layoutAttribute])
        #expect(!String(decoding: try GraphvizEngine.shared.render(spec), as: UTF8.self).contains("example.org"))
    }

    /// The crash-shape rules hold whatever the untrusted-input rules: a trusting caller cannot
    /// switch off what protects the process.
    @Test(arguments: [SpecValidator.Rules.trustedInput, .untrustedInput, .stripActiveContent, .dropLayoutAttribute])
    func crashShapesAreHandledUnderEveryRuleChoice(_ rules: SpecValidator.Rules) throws {
        let validator = SpecValidator(rules: rules)
        for shape in CrashShapeTests.shapes {
            let spec = try GraphvizEngine.shared.parse(dot: shape.dot)
            let v = try validator.validate(spec)
            #expect(v.rewrites.contains { $0.rule == shape.rule }, "\(shape.name): \(v.rewrites)")
            #expect(v.rewrites.allSatisfy { $0.rule.isCrashShape }, "\(shape.name): \(v.rewrites)")
        }
        var nul = GraphSpec()
        nul.nodes = [.init(id: "a\0b")]
        #expect(throws: GraphvizError.self) { try validator.validate(nul) }
        var large = GraphSpec()
        large.nodes = (0..<3).map { .init(id: "n\($0)") }
        #expect(throws: GraphvizError.self) {
            try SpecValidator(limits: .init(maxDotNodes: 2), rules: rules).validate(large)
        }
    }

    @Test func scriptInLabelsIsEscapedInSVG() throws {
        let spec = try GraphvizEngine.shared.parse(
            dot:
                #"digraph "<script>g</script>" { "<script>id</script>" [label="<script>l</script>", tooltip="<script>t</script>", id="<script>i</script>", class="\"><script>c</script>"] }"#
        )
        let svg = String(decoding: try GraphvizEngine.shared.render(spec, format: .svg), as: UTF8.self)
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
    }
}

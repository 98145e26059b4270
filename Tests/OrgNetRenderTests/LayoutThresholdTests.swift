import OrgNetRender
import Testing

@Suite("render: dot above the knee switches to sfdp")
struct LayoutThresholdTests {
    @Test func threshold() {
        let limit = Rendering.dotLayoutNodeLimit
        #expect(Rendering.layout(for: .dot, nodeCount: limit).layout == .dot)
        #expect(Rendering.layout(for: .dot, nodeCount: limit).note == nil)
        let big = Rendering.layout(for: .dot, nodeCount: limit + 1)
        #expect(big.layout == .sfdp)
        #expect(big.note?.contains("sfdp") == true)
        // A library note names no command-line flag; the CLI speaks of its own flags.
        #expect(big.note?.contains("--") == false)
        #expect(Rendering.layout(for: .neato, nodeCount: 5_000).layout == .neato)
    }
}

internal import CGraphviz
import Foundation

/// The process-wide door to Graphviz.
///
/// Graphviz 2.42/2.43 is not thread-safe (docs/design.md §2), so the engine owns the one
/// `GVC_t` of the process (created on first use, never freed) and runs every C call
/// under one `NSLock`. All methods may be called from any task or thread at once;
/// calls simply queue. cgraph's messages are captured (see ``Diagnostic``), never
/// printed to stderr.
///
/// Specs are built into cgraph by parsing their ``GraphSpec/dotText`` with `agmemread`
/// rather than by calling `agnode`/`agedge`/`agsafeset`: one code path for user files and
/// specs (the writer is round-trip tested against the parser), HTML values go through the
/// parser's own `agstrdup_html`, and the exact text that reaches layout can be replayed in
/// `dot` out of process when a shape misbehaves. Parsing costs well under a millisecond
/// for typical org networks.
public final class GraphvizEngine: @unchecked Sendable {
    /// The one engine of the process.
    public static let shared = GraphvizEngine()

    private let lock = NSLock()
    /// The `GVC_t`; created under `lock` on first use and never freed.
    private var context: OpaquePointer?

    private init() {}

    // MARK: - Parsing

    /// Parses one graph of DOT text (`agmemread`) into a ``GraphSpec``.
    ///
    /// The read is drained: text after the first graph is an error (`.multipleGraphs`)
    /// and never reaches the next call. Throws `.emptyInput` for empty, whitespace-only or
    /// comment-only input and `.syntax` (with ``GraphvizError/line``) for syntax errors.
    public func parse(dot: String) throws(GraphvizError) -> GraphSpec {
        try withLock { (_) throws(GraphvizError) -> GraphSpec in
            let g = try read(dot)
            defer { agclose(g) }
            return CGraphBridge.spec(from: g)
        }
    }

    // MARK: - Rendering

    /// Validates `spec` (``SpecValidator``), lays it out and renders it.
    ///
    /// `.canon` skips layout. Throws `.unsafeSpec` when the validator refuses the spec.
    public func render(
        _ spec: GraphSpec, layout: LayoutEngine = .dot, format: OutputFormat = .svg
    ) throws(GraphvizError) -> [UInt8] {
        try renderResult(spec, layout: layout, format: format).bytes
    }

    /// Like ``render(_:layout:format:)``, with the validator's rewrites and Graphviz's
    /// warnings, and a validator of the caller's choosing (e.g. other size limits).
    public func renderResult(
        _ spec: GraphSpec, layout: LayoutEngine = .dot, format: OutputFormat = .svg,
        validator: SpecValidator = SpecValidator()
    ) throws(GraphvizError) -> RenderResult {
        let checked = try validator.validate(spec, layout: layout)
        let text = checked.spec.dotText
        let engine = Self.engineName(layout, checked.spec)
        return try withLock { (gvc) throws(GraphvizError) -> RenderResult in
            let g = try read(text)
            defer { agclose(g) }
            if format == .canon {
                // gvRenderData refuses every format, canon included, before layout; so
                // canonical DOT is what cgraph read, written back by ``DOTWriter``.
                let canon = CGraphBridge.spec(from: g).dotText
                let diagnostics = Diagnostic.parse(DiagnosticSink.shared.take())
                return RenderResult(bytes: Array(canon.utf8), diagnostics: diagnostics, rewrites: checked.rewrites)
            }
            try runLayout(gvc, g, engine)
            // Runs before `agclose` (defers run in reverse order).
            defer { gvFreeLayout(gvc, g) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rc = orgnet_render_data(gvc, g, format.rawValue, &data, &length)
            let diagnostics = Diagnostic.parse(DiagnosticSink.shared.take())
            guard rc == 0, let data else {
                if let data { gvFreeRenderData(data) }
                let message =
                    diagnostics.first(where: { $0.severity == .error })?.message
                    ?? "gvRenderData(\(format.rawValue)) failed"
                let code: GraphvizError.Code = message.contains("not recognized") ? .unknownFormat : .renderFailed
                throw GraphvizError(code: code, message: message)
            }
            defer { gvFreeRenderData(data) }
            let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return RenderResult(bytes: bytes, diagnostics: diagnostics, rewrites: checked.rewrites)
        }
    }

    /// Validates and lays out `spec`, returning node positions and sizes and the bounding
    /// box, in points with y upwards (Graphviz coordinates; SVG flips y).
    public func layout(_ spec: GraphSpec, layout: LayoutEngine = .dot) throws(GraphvizError) -> LayoutResult {
        try self.layout(spec, layout: layout, validator: SpecValidator())
    }

    /// ``layout(_:layout:)`` with a validator of the caller's choosing.
    public func layout(_ spec: GraphSpec, layout: LayoutEngine, validator: SpecValidator) throws(GraphvizError)
        -> LayoutResult
    {
        let checked = try validator.validate(spec, layout: layout)
        let text = checked.spec.dotText
        let engine = Self.engineName(layout, checked.spec)
        return try withLock { (gvc) throws(GraphvizError) -> LayoutResult in
            let g = try read(text)
            defer { agclose(g) }
            try runLayout(gvc, g, engine)
            defer { gvFreeLayout(gvc, g) }
            let r = CGraphBridge.layout(of: g)
            _ = DiagnosticSink.shared.take()
            return LayoutResult(positions: r.positions, sizes: r.sizes, boundingBox: r.bb, rewrites: checked.rewrites)
        }
    }

    /// `neato` with every node pinned runs as `nop` (`neato -n`), which keeps the pins exactly.
    static func engineName(_ layout: LayoutEngine, _ spec: GraphSpec) -> String {
        guard layout == .neato, !spec.nodes.isEmpty else { return layout.rawValue }
        let pinnedByDefault = spec.nodeDefaults["pin"].map { isTrue($0.string) } ?? false
        let allPinned = spec.nodes.allSatisfy { node in
            guard let pos = node.attributes["pos"]?.string else { return false }
            return pos.hasSuffix("!") || pinnedByDefault || isTrue(node.attributes["pin"]?.string ?? "")
        }
        return allPinned ? LayoutEngine.nop.rawValue : layout.rawValue
    }

    static func isTrue(_ s: String) -> Bool {
        let v = s.lowercased()
        return v == "true" || v == "yes" || (Int(v).map { $0 != 0 } ?? false)
    }

    // MARK: - Under the lock

    /// Runs `body` under the lock with the context, after clearing cgraph's sticky error state.
    private func withLock<R>(_ body: (OpaquePointer) throws(GraphvizError) -> R) throws(GraphvizError) -> R {
        lock.lock()
        defer { lock.unlock() }
        let gvc: OpaquePointer
        if let existing = context {
            gvc = existing
        } else {
            DiagnosticSink.install()
            guard let made = gvContext() else {
                throw GraphvizError(code: .layoutFailed, message: "gvContext() failed")
            }
            context = made
            gvc = made
        }
        agreseterrors()
        _ = DiagnosticSink.shared.take()
        return try body(gvc)
    }

    /// `agmemread`, drained. Lock held.
    private func read(_ text: String) throws(GraphvizError) -> CGraphBridge.Graph {
        if text.allSatisfy(\.isWhitespace) {
            throw GraphvizError(code: .emptyInput, message: "the input holds no graph")
        }
        if text.contains("\0") {
            throw GraphvizError(code: .syntax, message: "the input contains a NUL character")
        }
        orgnet_reset_line_numbers()
        let g = text.withCString { orgnet_memread($0) }
        let readMessages = Diagnostic.parse(DiagnosticSink.shared.take())
        // Drain: cgraph's lexer keeps unread text and would hand it to the next call.
        var leftovers = 0
        var drainErrors = false
        for _ in 0..<10_000 {
            guard let extra = orgnet_memread("") else { break }
            agclose(extra)
            leftovers += 1
        }
        if !Diagnostic.parse(DiagnosticSink.shared.take()).isEmpty { drainErrors = true }
        orgnet_reset_line_numbers()
        agreseterrors()

        guard let g else {
            if let error = readMessages.first(where: { $0.severity == .error }) {
                throw GraphvizError(code: .syntax, message: error.message, line: error.line)
            }
            throw GraphvizError(code: .emptyInput, message: "the input holds no graph")
        }
        if leftovers == 0 && !drainErrors && DOTScanner.hasTextAfterFirstGraph(text) {
            agclose(g)
            throw GraphvizError(
                code: .multipleGraphs, message: "the input holds text after the first graph; expected exactly one graph"
            )
        }
        if leftovers > 0 || drainErrors {
            agclose(g)
            let what = leftovers > 0 ? "\(leftovers + 1) graphs" : "text after the first graph"
            throw GraphvizError(code: .multipleGraphs, message: "the input holds \(what); expected exactly one graph")
        }
        return g
    }

    /// `gvLayout`, mapping failure to a typed error. Lock held.
    private func runLayout(_ gvc: OpaquePointer, _ g: CGraphBridge.Graph, _ engine: String) throws(GraphvizError) {
        if orgnet_layout(gvc, g, engine) != 0 {
            let messages = Diagnostic.parse(DiagnosticSink.shared.take())
            let message = messages.first(where: { $0.severity == .error })?.message ?? "gvLayout(\(engine)) failed"
            let code: GraphvizError.Code = message.contains("not recognized") ? .unknownLayout : .layoutFailed
            throw GraphvizError(code: code, message: message)
        }
    }
}

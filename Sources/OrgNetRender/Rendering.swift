import Foundation
import Graphviz
import OrgNet
import OrgNetIO

/// Draws snapshots and DOT files through the Graphviz engine, with orgnet's errors.
public enum Rendering {
    /// The output formats, as `-T` names: svg, png, pdf, dot (with positions), canon (plain DOT), json.
    public static var formats: [String] { OutputFormat.allCases.map(\.rawValue) }

    /// The layout engines users may pick (`--layout`).
    public static var layouts: [String] { LayoutEngine.allCases.filter { $0 != .nop }.map(\.rawValue) }

    /// A format by `-T` name, or a usage error listing them.
    public static func format(named name: String) throws(OrgNetError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: name.lowercased()) else {
            throw OrgNetError(
                .invalidArgument, "unknown output format '\(name)'",
                hints: ["formats: " + formats.joined(separator: ", ")])
        }
        return f
    }

    /// A layout engine by name, or a usage error listing them.
    public static func layout(named name: String) throws(OrgNetError) -> LayoutEngine {
        guard let l = LayoutEngine(rawValue: name.lowercased()), l != .nop else {
            throw OrgNetError(
                .invalidArgument, "unknown layout '\(name)'", hints: ["layouts: " + layouts.joined(separator: ", ")])
        }
        return l
    }

    /// The file extension of a format.
    public static func fileExtension(_ format: OutputFormat) -> String {
        switch format {
        case .canon: return "dot"
        case .dot: return "gv"
        default: return format.rawValue
        }
    }

    /// Most nodes drawn with the `dot` layout; larger graphs are drawn with `sfdp` (see
    /// ``layout(for:nodeCount:)``).
    ///
    /// Measured with `dot -Tsvg` 2.43 on the synthetic federation (`orgnet generate`, about 2 ties
    /// per node; Benchmarks/README.md), on 2 busy cores: 300 nodes 0.1 s, 1,000 nodes 4-6 s, 1,100
    /// nodes 7 s, 1,250 nodes 10 s, 1,500 nodes 109 s (51 s on an idle machine): past about 1,000 nodes the time explodes in dot's x-positioning
    /// (network simplex on an auxiliary graph whose size grows with ranks times crossings: the
    /// up-delegation / down-authority pairs and cross liaisons stretch a 6-level hierarchy over
    /// dozens of ranks). sfdp draws the same 1,500 nodes in 0.3 s and 10,000 in about 9 s.
    public static let dotLayoutNodeLimit = 1_200

    /// The layout actually used for a graph of `nodeCount` nodes: `requested`, except that `dot`
    /// becomes `sfdp` above ``dotLayoutNodeLimit`` nodes, with a note saying so.
    public static func layout(for requested: LayoutEngine, nodeCount: Int) -> (layout: LayoutEngine, note: String?) {
        guard requested == .dot, nodeCount > dotLayoutNodeLimit else { return (requested, nil) }
        return (
            .sfdp,
            "\(nodeCount) nodes: the dot layout takes minutes above \(dotLayoutNodeLimit) nodes; "
                + "drawing with sfdp instead (ask for the sfdp layout to say so, or draw a smaller selection)"
        )
    }

    /// Writes a note on standard error (the default for the `note` parameters).
    @Sendable public static func standardErrorNote(_ text: String) {
        FileHandle.standardError.write(Data(("orgnet: note: " + text + "\n").utf8))
    }

    /// Renders the picture of a snapshot (see ``SnapshotRenderer``). Large snapshots switch from
    /// `dot` to `sfdp` (``layout(for:nodeCount:)``), telling `note`.
    public static func render(
        _ snapshot: Snapshot, format: OutputFormat = .svg, layout: LayoutEngine = .dot,
        renderer: SnapshotRenderer = SnapshotRenderer(),
        note: (String) -> Void = standardErrorNote
    ) throws(OrgNetError) -> [UInt8] {
        let chosen = Self.layout(for: layout, nodeCount: snapshot.organizations.count)
        if let text = chosen.note { note(text) }
        return try render(
            renderer.spec(for: snapshot), format: format, layout: chosen.layout, origin: snapshot.timeline.origin)
    }

    /// Renders a spec; Graphviz failures become ``OrgNetError``s naming `origin`.
    public static func render(
        _ spec: GraphSpec, format: OutputFormat, layout: LayoutEngine,
        origin: String
    ) throws(OrgNetError) -> [UInt8] {
        do {
            return try GraphvizEngine.shared.render(spec, layout: layout, format: format)
        } catch {
            throw error.orgNetError(file: origin)
        }
    }

    /// Renders a DOT file as its author drew it, after the safety checks of ``SpecValidator``.
    ///
    /// The file is read and validated here (size limits from `limits`, crash shapes rewritten,
    /// active content dropped); layout then runs as `isolation` says. The `orgnet` tool passes
    /// ``LayoutIsolation/currentExecutable(timeout:)`` so that a Graphviz crash or hang on a
    /// user's file becomes an error (exit 70 or 65) naming the file instead of killing the tool.
    /// Large graphs switch from `dot` to `sfdp` (``layout(for:nodeCount:)``), telling `note`.
    public static func render(
        dotFile path: String, format: OutputFormat = .svg, layout requested: LayoutEngine = .dot,
        isolation: LayoutIsolation = .inProcess, limits: InputLimits = .default,
        note: (String) -> Void = standardErrorNote
    ) throws(OrgNetError) -> [UInt8] {
        let spec = try DOTImport.readSpec(path: path, limits: limits)
        let chosen = Self.layout(for: requested, nodeCount: spec.nodes.count)
        if let text = chosen.note { note(text) }
        let layout = chosen.layout
        // A user's file: the untrusted-input rules (links, scripts, `layout=`) apply.
        let validatorLimits = layoutLimits(limits)
        let validator = SpecValidator(limits: validatorLimits, rules: .untrustedInput)
        switch isolation.mode {
        case .inProcess:
            do {
                return try GraphvizEngine.shared.renderResult(
                    spec, layout: layout, format: format, validator: validator
                ).bytes
            } catch {
                throw describe(error, file: path, validator: validatorLimits, layout: layout)
            }
        case .childProcess(let executable, let arguments):
            let checked: SpecValidator.Validated
            do { checked = try validator.validate(spec, layout: layout) } catch {
                throw describe(error, file: path, validator: validatorLimits, layout: layout)
            }
            return try LayoutWorker.render(
                dot: checked.spec.dotText, format: format, layout: layout, executable: executable,
                arguments: arguments, timeout: isolation.timeout, origin: path)
        }
    }

    /// The validator limits for layout that follow the user's input limits (``InputLimits``).
    public static func layoutLimits(_ limits: InputLimits) -> SpecValidator.Limits {
        SpecValidator.Limits(
            maxDotNodes: limits.dotLayoutNodes, maxNodes: limits.maxNodes,
            maxEdges: limits.maxTies, maxBytes: limits.layoutBytes)
    }

    /// A Graphviz error on a user's file; a size limit that was hit becomes
    /// ``OrgNetError/Code/limitExceeded(_:value:limit:)`` with the limit `validator` applied.
    static func describe(
        _ error: GraphvizError, file: String, validator: SpecValidator.Limits,
        layout: LayoutEngine
    ) -> OrgNetError {
        var e = error.orgNetError(file: file)
        switch error.exceededLimit {
        case .nodes?:
            e.code = .limitExceeded(
                .nodes, value: error.size, limit: layout == .dot ? validator.maxDotNodes : validator.maxNodes)
        case .edges?: e.code = .limitExceeded(.ties, value: error.size, limit: validator.maxEdges)
        case .bytes?: e.code = .limitExceeded(.fileBytes, value: error.size, limit: validator.maxBytes)
        case nil: break
        }
        return e
    }

    // MARK: - DOT for other tools (`orgnet export -T dot`)

    /// The picture of a snapshot as DOT text, for `gvpr`, `neato -n` and other Graphviz tools.
    ///
    /// Without `positions` this is the spec ``SnapshotRenderer`` hands Graphviz (no layout).
    /// With `positions` every node carries where the layout put it, as `pos="x,y!"` in points
    /// (y upwards), and the graph says `notranslate=true`, so `neato -n` draws the nodes exactly
    /// there. The positions come from `pinnedTo` when given (a layout shared by several months,
    /// such as a stable layout of their union), else from laying out this month with `layout`.
    public static func dotText(
        for snapshot: Snapshot, positions: Bool = false, layout: LayoutEngine = .dot,
        pinnedTo: LayoutResult? = nil,
        renderer: SnapshotRenderer = SnapshotRenderer()
    ) throws(OrgNetError) -> String {
        let spec = renderer.spec(for: snapshot)
        guard positions else { return spec.dotText }
        return try positionedSpec(spec, layout: layout, pinnedTo: pinnedTo, origin: snapshot.timeline.origin).dotText
    }

    /// `spec` with every node pinned (`pos="x,y!"`, `notranslate=true`) to `pinnedTo`, or to
    /// the positions `layout` gives it. Graphviz failures become `OrgNetError`s naming `origin`.
    public static func positionedSpec(
        _ spec: GraphSpec, layout: LayoutEngine = .dot, pinnedTo: LayoutResult? = nil,
        origin: String
    ) throws(OrgNetError) -> GraphSpec {
        let result: LayoutResult
        if let pinnedTo {
            result = pinnedTo
        } else {
            do {
                result = try GraphvizEngine.shared.layout(spec, layout: layout)
            } catch {
                throw error.orgNetError(file: origin)
            }
        }
        return spec.pinned(to: result)
    }
}

import Graphviz
import OrgNet

/// Draws snapshots and DOT files through the Graphviz engine, with orgnet's errors.
public enum Rendering {
    /// The output formats, as `-T` names: svg, png, pdf, dot (with positions), canon (plain DOT), json.
    public static var formats: [String] { OutputFormat.allCases.map(\.rawValue) }

    /// The layout engines users may pick (`--layout`).
    public static var layouts: [String] { LayoutEngine.allCases.filter { $0 != .nop }.map(\.rawValue) }

    /// A format by `-T` name, or a usage error listing them.
    public static func format(named name: String) throws(OrgNetError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: name.lowercased()) else {
            throw OrgNetError(.usage, "unknown output format '\(name)'", hints: ["formats: " + formats.joined(separator: ", ")])
        }
        return f
    }

    /// A layout engine by name, or a usage error listing them.
    public static func layout(named name: String) throws(OrgNetError) -> LayoutEngine {
        guard let l = LayoutEngine(rawValue: name.lowercased()), l != .nop else {
            throw OrgNetError(.usage, "unknown layout '\(name)'", hints: ["layouts: " + layouts.joined(separator: ", ")])
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

    /// Renders the picture of a snapshot (see ``SnapshotRenderer``).
    public static func render(_ snapshot: Snapshot, format: OutputFormat = .svg, layout: LayoutEngine = .dot,
                              renderer: SnapshotRenderer = SnapshotRenderer()) throws(OrgNetError) -> [UInt8] {
        try render(renderer.spec(for: snapshot), format: format, layout: layout, origin: snapshot.timeline.origin)
    }

    /// Renders a spec; Graphviz failures become ``OrgNetError``s naming `origin`.
    public static func render(_ spec: GraphSpec, format: OutputFormat, layout: LayoutEngine,
                              origin: String) throws(OrgNetError) -> [UInt8] {
        do {
            return try GraphvizEngine.shared.render(spec, layout: layout, format: format)
        } catch {
            throw error.orgNetError(file: origin)
        }
    }

    /// Renders a DOT file as its author drew it, after the safety checks of ``SpecValidator``.
    public static func render(dotFile path: String, format: OutputFormat = .svg,
                              layout: LayoutEngine = .dot) throws(OrgNetError) -> [UInt8] {
        try render(try DOTImport.readSpec(path: path), format: format, layout: layout, origin: path)
    }

    // MARK: - DOT for other tools (`orgnet export -T dot`)

    /// The picture of a snapshot as DOT text, for `gvpr`, `neato -n` and other Graphviz tools.
    ///
    /// Without `positions` this is the spec ``SnapshotRenderer`` hands Graphviz (no layout).
    /// With `positions` every node carries where the layout put it, as `pos="x,y!"` in points
    /// (y upwards), and the graph says `notranslate=true`, so `neato -n` draws the nodes exactly
    /// there. The positions come from `pinnedTo` when given (a layout shared by several months,
    /// such as a stable layout of their union), else from laying out this month with `layout`.
    public static func dotText(for snapshot: Snapshot, positions: Bool = false, layout: LayoutEngine = .dot,
                               pinnedTo: LayoutResult? = nil,
                               renderer: SnapshotRenderer = SnapshotRenderer()) throws(OrgNetError) -> String {
        let spec = renderer.spec(for: snapshot)
        guard positions else { return spec.dotText }
        return try positionedSpec(spec, layout: layout, pinnedTo: pinnedTo, origin: snapshot.timeline.origin).dotText
    }

    /// `spec` with every node pinned (`pos="x,y!"`, `notranslate=true`) to `pinnedTo`, or to
    /// the positions `layout` gives it. Graphviz failures become `OrgNetError`s naming `origin`.
    public static func positionedSpec(_ spec: GraphSpec, layout: LayoutEngine = .dot, pinnedTo: LayoutResult? = nil,
                                      origin: String) throws(OrgNetError) -> GraphSpec {
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

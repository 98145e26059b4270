import Foundation
import OrgNet

/// How orgnet draws each kind of organization and each role of tie.
///
/// Shapes and fills follow the level of a kind (shop floor to state), so a reader sees the
/// federation's layers at a glance; the border carries the leading party where the data knows it.
public struct Style: Sendable {
    /// The drawing of one organization kind.
    public struct NodeLook: Sendable, Hashable {
        public var shape: String
        public var fill: String
        public var fontSize: Double
    }

    /// The drawing of one tie role.
    public struct EdgeLook: Sendable, Hashable {
        public var color: String
        public var style: String
        public var arrowhead: String
        /// Whether the tie sets the order of the columns: the hierarchical roles (delegation,
        /// authority, part of, membership) do; liaison, support, conflict and merger do not, which
        /// keeps `dot` fast (docs/design.md §2: cross ties that constrain ranks stretch the layout).
        public var constrains: Bool
        public var label: String
    }

    public init() {}

    /// The look of an organization of the given level.
    public func node(level: Kind.Level) -> NodeLook {
        switch level {
        case .base: return NodeLook(shape: "box", fill: "#f2efe6", fontSize: 10)
        case .factory: return NodeLook(shape: "box", fill: "#fde9c9", fontSize: 10)
        case .district: return NodeLook(shape: "box", fill: "#d9ead3", fontSize: 11)
        case .city: return NodeLook(shape: "box", fill: "#f4cccc", fontSize: 12)
        case .national: return NodeLook(shape: "box", fill: "#d9d2e9", fontSize: 13)
        case .state: return NodeLook(shape: "hexagon", fill: "#e0e0e0", fontSize: 12)
        case .other: return NodeLook(shape: "ellipse", fill: "#ffffff", fontSize: 10)
        }
    }

    /// True for `#` followed by 3, 6 or 8 hex digits, or 1-30 ASCII letters (`red`, `darkgreen`).
    public static func isPlainColor(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        if scalars.first == "#" {
            return [4, 7, 9].contains(scalars.count)
                && scalars.dropFirst().allSatisfy {
                    ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0)
                }
        }
        return (1...30).contains(scalars.count)
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// A level's name in legends.
    public func levelName(_ level: Kind.Level) -> String {
        switch level {
        case .base: return "workforce, shops"
        case .factory: return "factory"
        case .district: return "district"
        case .city: return "city"
        case .national: return "national"
        case .state: return "state"
        case .other: return "other"
        }
    }

    /// Rounded boxes mark aggregates (one node standing for many bodies).
    public func aggregateStyle() -> String { "filled,rounded,dashed" }

    /// The look of a tie of the given role.
    public func edge(role: Role) -> EdgeLook {
        switch role {
        case .delegation:
            return EdgeLook(
                color: "#333333", style: "solid", arrowhead: "normal", constrains: true, label: "sends delegates to")
        case .authority:
            return EdgeLook(color: "#b2182b", style: "dashed", arrowhead: "vee", constrains: true, label: "directs")
        case .liaison:
            return EdgeLook(color: "#b0b0b0", style: "dotted", arrowhead: "none", constrains: false, label: "liaison")
        case .membership:
            return EdgeLook(color: "#5e3c99", style: "solid", arrowhead: "odot", constrains: true, label: "member of")
        case .support:
            return EdgeLook(
                color: "#1b7837", style: "dashed", arrowhead: "empty", constrains: false,
                label: "supports (conditionally)")
        case .conflict:
            return EdgeLook(
                color: "#e6806d", style: "solid", arrowhead: "tee", constrains: false, label: "in conflict with")
        case .partOf:
            return EdgeLook(color: "#999999", style: "solid", arrowhead: "diamond", constrains: true, label: "part of")
        case .merger:
            return EdgeLook(
                color: "#8c510a", style: "dashed", arrowhead: "inv", constrains: false, label: "absorbed into")
        default:
            return EdgeLook(
                color: "#555555", style: "solid", arrowhead: "normal", constrains: true, label: role.rawValue)
        }
    }

    /// The faintest an element that may exist is drawn (`render --uncertainty`): fainter than this
    /// a box or line could no longer be read or clicked.
    public static let minimumOpacity = 0.15

    /// How strongly an element is drawn under `render --uncertainty`: its presence probability
    /// relative to the most certain confidence class of the model (high by default), so a
    /// high-confidence element is drawn solid, a low-confidence one at about half strength
    /// (0.5 / 0.95), an element without a confidence (certain) solid. Never below
    /// ``minimumOpacity`` for an element that may exist; 0 (not drawn) for one that cannot
    /// (an assumption under `--without assumptions`).
    public static func opacity(probability p: Double, model: PresenceModel) -> Double {
        guard p > 0 else { return 0 }
        let reference = max(model.high, model.medium, model.low)
        guard reference > 0 else { return 1 }
        return max(minimumOpacity, min(1, p / reference))
    }

    /// A colour with an opacity, as Graphviz's `#rrggbbaa` (its SVG output turns the alpha into
    /// `fill-opacity`/`stroke-opacity`). `#rgb`, `#rrggbb` and `#rrggbbaa` (alphas multiply) and the
    /// colour names orgnet itself uses are converted; any other colour is returned unchanged (drawn
    /// solid), since Graphviz offers no opacity for a named colour. Opacity 1 returns the colour as is.
    public static func faded(_ color: String, opacity: Double) -> String {
        guard opacity < 1 else { return color }
        var hex: String
        switch color.lowercased() {
        case "black": hex = "000000"
        case "white": hex = "ffffff"
        case "gray", "grey": hex = "c0c0c0"
        case "red": hex = "ff0000"
        case "green": hex = "00ff00"
        case "blue": hex = "0000ff"
        default:
            guard color.hasPrefix("#"), isPlainColor(color) else { return color }
            hex = String(color.dropFirst()).lowercased()
        }
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        var alpha = max(0, opacity)
        if hex.count == 8, let a = Int(hex.suffix(2), radix: 16) {
            alpha *= Double(a) / 255
            hex = String(hex.prefix(6))
        }
        let byte = Int((alpha * 255).rounded())
        return "#" + hex + String(format: "%02x", byte)
    }

    /// The border width of a body led by a party: thick for a majority, thin for a plurality of a
    /// fully recorded composition (``Leadership``).
    public static func leadPenWidth(_ kind: Leadership.Kind) -> String { kind == .majority ? "2.6" : "1.6" }

    /// A party's colour: the dataset's, else a fixed colour for the usual parties, else grey.
    /// A colour from data is used only when it is a plain colour (`#rgb`, `#rrggbb`, `#rrggbbaa`
    /// or a colour name of letters): it goes into SVG attributes and Graphviz HTML labels, where
    /// anything else could break the markup (a fuzz finding: `red" <<<...`).
    public func color(of party: Party) -> String {
        if let c = party.color, Self.isPlainColor(c) { return c }
        switch party.id {
        case "bolsheviks": return "#b2182b"
        case "mensheviks": return "#2166ac"
        case "srs": return "#1b7837"
        case "left-srs": return "#7fbc41"
        case "anarchists": return "#222222"
        default: return "#888888"
        }
    }
}

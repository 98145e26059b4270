import Foundation
import OrgNet
import OrgNetIO
import OrgNetRender
import TestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

enum Fixture {
    static var samplePath: String { sampleDatasetPath }
    static func sample() throws -> Timeline { try TimelineLoader.load(path: samplePath) }
    static func month(_ text: String) -> Month { Month(text)! }
}

/// Node centres and panel frames of a composed SVG, read with a real XML parser.
final class PanelGeometry: NSObject, XMLParserDelegate {
    /// Centre of the first shape (polygon or ellipse) inside each `<g id=...>` node group.
    var centres: [String: (x: Double, y: Double)] = [:]
    /// `viewBox` of every nested panel `<svg class="panel-graph">`.
    var panelViewBoxes: [String] = []
    /// The transform of each panel's root Graphviz group (`<g class="graph">`).
    var graphTransforms: [String] = []
    var groupStack: [String?] = []
    /// Class lists of every `<g>` with an id, by id.
    var classes: [String: Set<String>] = [:]
    var scripts = 0
    var texts: [String] = []
    private var currentText: String? = nil

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes a: [String: String] = [:]
    ) {
        switch name {
        case "script": scripts += 1
        case "svg" where a["class"] == "panel-graph": panelViewBoxes.append(a["viewBox"] ?? "")
        case "g":
            if (a["class"] ?? "").split(separator: " ").contains("graph") {
                graphTransforms.append(a["transform"] ?? "")
            }
            let cls = Set((a["class"] ?? "").split(separator: " ").map(String.init))
            if let id = a["id"] { classes[id] = cls }
            let isNode = cls.contains("node")
            groupStack.append(isNode ? a["id"] : nil)
        case "polygon", "ellipse", "path":
            guard let id = groupStack.last(where: { $0 != nil }) ?? nil, centres[id] == nil else { return }
            if name == "ellipse", let cx = Double(a["cx"] ?? ""), let cy = Double(a["cy"] ?? "") {
                centres[id] = (cx, cy)
            } else if let pts = a["points"] ?? a["d"] {
                let xy = pts.split(whereSeparator: { " MCLZ".contains($0) }).map {
                    $0.split(separator: ",").compactMap { Double($0) }
                }.filter { $0.count == 2 }
                guard let minX = xy.map({ $0[0] }).min(), let maxX = xy.map({ $0[0] }).max(),
                    let minY = xy.map({ $0[1] }).min(), let maxY = xy.map({ $0[1] }).max()
                else { return }
                centres[id] = ((minX + maxX) / 2, (minY + maxY) / 2)
            }
        case "text": currentText = ""
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { currentText? += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { _ = groupStack.popLast() }
        if name == "text", let t = currentText { texts.append(t); currentText = nil }
    }

    static func parse(_ text: String) -> PanelGeometry? {
        let d = PanelGeometry()
        let p = XMLParser(data: Data(text.utf8))
        p.delegate = d
        return p.parse() ? d : nil
    }
}

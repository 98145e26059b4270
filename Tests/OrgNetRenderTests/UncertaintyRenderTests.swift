import Foundation
import Graphviz
import OrgNet
import OrgNetIO
import OrgNetRender
import TestSupport
import Testing

/// `render --uncertainty`: faintness by presence probability, drawn through the real Graphviz
/// library, on the built-in dataset's October 1917.
@Suite(.tags(.uncertainty)) struct UncertaintyRenderTests {
    static let petrograd: Timeline = {
        let root = repositoryRoot
        do { return try TimelineLoader.load(path: root.appendingPathComponent("Graphs/petrograd-1917").path) } catch {
            fatalError("built-in dataset: \(error)")
        }
    }()
    var october: Snapshot { Self.petrograd.snapshot(at: Month("1917-10")!) }

    /// The garrison's delegation to the Soviet carried past its last count: an assumption at low
    /// confidence in Graphs/petrograd-1917/ties/district.yaml.
    static let assumedTie = "garrison-to-ps-carried"

    /// The `<g>` element of an SVG id, up to its closing tag.
    func group(_ svg: String, id: String) -> String? {
        let escaped = id.replacingOccurrences(of: "-", with: "&#45;")
        guard let start = svg.range(of: "id=\"\(escaped)\"") else { return nil }
        guard let end = svg.range(of: "</g>", range: start.upperBound..<svg.endIndex) else { return nil }
        return String(svg[start.lowerBound..<end.lowerBound])
    }

    /// Every value of `attribute="..."` in a piece of SVG.
    func values(_ attribute: String, in text: String) -> [Double] {
        text.components(separatedBy: "\(attribute)=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    func render(_ model: PresenceModel?) throws -> String {
        var r = SnapshotRenderer()
        r.options.presence = model
        return String(decoding: try Rendering.render(october, format: .svg, renderer: r), as: UTF8.self)
    }

    @Test func anAssumedLowConfidenceTieIsFaintAndASeedHighOneSolid() throws {
        let tie = try #require(october.ties.first { $0.id == Self.assumedTie })
        #expect(tie.provenance.status == .assumption && tie.provenance.confidence == .low)
        let seed = try #require(
            october.ties.first {
                $0.from == "ps-ec" && $0.to == "petrograd-soviet" && $0.provenance.status == .seed
                    && $0.provenance.confidence == .high
            })
        let svg = try render(PresenceModel())
        // Low 0.5 against high 0.95 (the documented defaults): drawn at 0.5 / 0.95 of full strength,
        // which Graphviz writes as stroke-opacity (its alpha byte is 8 bits: within 1/255).
        let faint = try #require(group(svg, id: "tie-" + Text.identifier(tie.id)))
        let strokes = values("stroke-opacity", in: faint)
        #expect(!strokes.isEmpty, "\(faint)")
        #expect(strokes.allSatisfy { abs($0 - 0.5 / 0.95) <= 1.0 / 255 }, "\(strokes)")
        let solid = try #require(group(svg, id: "tie-" + Text.identifier(seed.id)))
        #expect(solid.contains("stroke=\"#"))
        #expect(values("stroke-opacity", in: solid).isEmpty && values("fill-opacity", in: solid).isEmpty, "\(solid)")
        // The legend says what faintness means.
        #expect(svg.contains("fainter = less likely to have existed: high 95%, medium 75%, low 50%"))
    }

    @Test func tooltipsGiveThePresenceProbability() throws {
        var options = SnapshotRenderer.Options()
        options.presence = PresenceModel()
        let spec = SnapshotRenderer(options: options).spec(for: october)
        let edge = try #require(
            spec.edges.first { $0.attributes["id"]?.string == "tie-" + Text.identifier(Self.assumedTie) })
        #expect(edge.attributes["tooltip"]?.string.hasSuffix("presence probability 0.5: drawn at 53% strength") == true)
        #expect(edge.attributes["class"]?.string.contains("faint") == true)
        let plain = SnapshotRenderer().spec(for: october)
        #expect(plain.edges.allSatisfy { $0.attributes["tooltip"]?.string.contains("presence probability") != true })
    }

    @Test func withoutFaintnessNothingIsTranslucent() throws {
        let svg = try render(nil)
        #expect(!svg.contains("stroke-opacity") && !svg.contains("fill-opacity"))
        #expect(!svg.contains("less likely to have existed"))
        #expect(group(svg, id: "tie-" + Text.identifier(Self.assumedTie)) != nil)
    }

    @Test func presenceOverridesAndDroppedAssumptions() throws {
        var model = PresenceModel()
        model.high = 0.8
        model.low = 0.2
        let svg = try render(model)
        let faint = try #require(group(svg, id: "tie-" + Text.identifier(Self.assumedTie)))
        #expect(values("stroke-opacity", in: faint).allSatisfy { abs($0 - 0.2 / 0.8) <= 1.0 / 255 })
        model.withoutAssumptions = true
        let recorded = try render(model)
        #expect(group(recorded, id: "tie-" + Text.identifier(Self.assumedTie)) == nil)
        #expect(recorded.contains("(assumptions left out)"))
        // No organization or tie of status assumption is drawn; seed ones are.
        let assumedOrgs = october.organizations.filter { $0.provenance.status == .assumption }
        for o in assumedOrgs { #expect(group(recorded, id: "org-" + Text.identifier(o.id)) == nil, "\(o.id)") }
        #expect(group(recorded, id: "org-petrograd-soviet") != nil)
    }

    @Test func opacityAndColoursFollowTheRule() {
        let m = PresenceModel()
        #expect(Style.opacity(probability: 1, model: m) == 1)
        #expect(Style.opacity(probability: 0.95, model: m) == 1)
        #expect(Style.opacity(probability: 0, model: m) == 0)
        #expect(Style.opacity(probability: 0.01, model: m) == Style.minimumOpacity)
        #expect(Style.faded("#336699", opacity: 0.5) == "#33669980")
        #expect(Style.faded("#abc", opacity: 1) == "#abc")
        #expect(Style.faded("#aabbcc80", opacity: 0.5) == "#aabbcc40")
        #expect(Style.faded("black", opacity: 0.5) == "#00000080")
        #expect(Style.faded("darkgreen", opacity: 0.5) == "darkgreen")
    }
}

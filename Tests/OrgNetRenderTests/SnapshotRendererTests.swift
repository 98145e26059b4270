import Foundation
import Graphviz
import OrgNet
import OrgNetIO
import OrgNetRender
import TestSupport
import Testing

/// The month picture's spec: what every node and tie carries, before Graphviz draws it.
@Suite struct SnapshotRendererTests {
    static let sample: Timeline = {
        do { return try TimelineLoader.load(path: sampleDatasetPath) } catch { fatalError("sample dataset: \(error)") }
    }()

    var april: Snapshot { Self.sample.snapshot(at: Month("1917-04")!) }

    @Test func everyOrganizationIsANodeWithIdClassAndSourcedTooltip() throws {
        let spec = SnapshotRenderer().spec(for: april)
        let orgNodes = spec.nodes.filter { $0.attributes["class"]?.string.hasPrefix("org ") == true }
        #expect(orgNodes.map(\.id).sorted() == april.organizations.map(\.id).sorted())
        for node in orgNodes {
            #expect(node.attributes["id"]?.string == "org-\(node.id)")
            let tooltip = try #require(node.attributes["tooltip"]?.string)
            #expect(tooltip.contains("Source: Notes invented for the test suite"), "\(node.id)")
        }
        // Any other node is invisible scaffolding, never drawn.
        #expect(spec.nodes.filter { !orgNodes.contains($0) }.allSatisfy { $0.attributes["style"]?.string == "invis" })
    }

    @Test func everyTieIsAnEdgeWithRoleClassAndSourcedTooltip() throws {
        let spec = SnapshotRenderer().spec(for: april)
        let tieEdges = spec.edges.filter { $0.attributes["class"]?.string.hasPrefix("tie ") == true }
        #expect(tieEdges.count == april.ties.count)
        for edge in tieEdges {
            #expect(edge.attributes["tooltip"]?.string.contains("Source:") == true)
            #expect(edge.attributes["id"]?.string.hasPrefix("tie-") == true)
        }
    }

    @Test func authorityPointsDownButRanksLikeDelegation() throws {
        let spec = SnapshotRenderer().spec(for: april)
        let authority = try #require(
            spec.edges.first { $0.attributes["class"]?.string.contains("role-authority") == true })
        // city-soviet directs district-north: drawn from the directed body with the arrow back at it.
        #expect(authority.tail == "district-north" && authority.head == "city-soviet")
        #expect(authority.attributes["dir"]?.string == "back")
    }

    @Test func leadingPartyColoursTheBorderAndAggregatesAreDashed() throws {
        let spec = SnapshotRenderer().spec(for: april)
        let soviet = try #require(spec.node("city-soviet"))
        #expect(soviet.attributes["color"]?.string == "#b2182b")
        #expect(soviet.attributes["class"]?.string.contains("party-bolsheviks") == true)
        let aggregate = try #require(spec.node("works-b"))
        #expect(aggregate.attributes["style"]?.string.contains("dashed") == true)
        #expect(aggregate.attributes["label"]?.string.contains("×4") == true)
    }

    @Test func bordersLegendAndTooltipSayHowTheLeaderLeads() throws {
        // The sample's city soviet: 4/3/3 of 10 seats, fully recorded: a Bolshevik plurality.
        let spec = SnapshotRenderer().spec(for: april)
        let soviet = try #require(spec.node("city-soviet"))
        #expect(soviet.attributes["class"]?.string.contains("lead-plurality") == true)
        #expect(soviet.attributes["penwidth"]?.string == Style.leadPenWidth(.plurality))
        #expect(soviet.attributes["tooltip"]?.string.contains("leading party: Bolsheviks plurality (4 of 10") == true)
        guard case .html(let label)? = spec.attributes["label"] else {
            Issue.record("the heading should be an HTML label"); return
        }
        // Works A's 2 Bolsheviks of 3 are the deputies it sends (delegates_sent, on its tie), not its own seats:
        // no leader for the works, so the legend names only the plurality border.
        #expect(label.contains("thin border: Bolsheviks plurality") && !label.contains("thick border"))
        // Six of ten is a majority, drawn thick.
        var t = Self.sample
        t.observations = t.observations.map { o in
            var o = o
            if o.subject == .organization("city-soviet") && !o.composition.isEmpty {
                o.composition = [PartyCount(party: "bolsheviks", count: 6), PartyCount(party: "mensheviks", count: 4)]
            }
            return o
        }
        let majority = try #require(SnapshotRenderer().spec(for: t.snapshot(at: Month("1917-04")!)).node("city-soviet"))
        #expect(majority.attributes["class"]?.string.contains("lead-majority") == true)
        #expect(majority.attributes["penwidth"]?.string == Style.leadPenWidth(.majority))
        guard
            case .html(let majorityLabel)? = SnapshotRenderer().spec(for: t.snapshot(at: Month("1917-04")!)).attributes[
                "label"]
        else {
            Issue.record("the heading should be an HTML label"); return
        }
        #expect(majorityLabel.contains("thick border: Bolsheviks majority"))
    }

    @Test func headingCarriesTitleMonthAndLegend() throws {
        let spec = SnapshotRenderer().spec(for: april)
        guard case .html(let label)? = spec.attributes["label"] else {
            Issue.record("the heading should be an HTML label"); return
        }
        #expect(label.contains("Sample federation (test data)"))
        #expect(label.contains("April 1917"))
        #expect(label.contains("sends delegates to") && label.contains("directs"))
        var options = SnapshotRenderer.Options()
        options.legend = false
        options.title = false
        #expect(SnapshotRenderer(options: options).spec(for: april).attributes["label"] == nil)
    }

    @Test func hostileNamesAreEscapedInTheHeading() throws {
        var t = Self.sample
        t.title = "<script>alert(1)</script> & co"
        let spec = SnapshotRenderer().spec(for: t.snapshot(at: Month("1917-04")!))
        let label = try #require(spec.attributes["label"]?.string)
        #expect(!label.contains("<script>"))
        #expect(label.contains("&lt;script&gt;"))
    }

    @Test func districtsAreBoxedWithTheirBodies() throws {
        let spec = SnapshotRenderer().spec(for: april)
        let north = try #require(spec.subgraphs.first { $0.name == "cluster_district-north" })
        #expect(Set(north.nodeIDs) == ["district-north", "works-a", "works-a-fc"])
        var options = SnapshotRenderer.Options()
        options.clusterByDistrict = false
        #expect(SnapshotRenderer(options: options).spec(for: april).subgraphs.isEmpty)
    }

    @Test func theSpecRendersThroughGraphviz() throws {
        let svg = try Rendering.render(april, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("org&#45;works&#45;a"))
    }
}

@Suite struct TextTests {
    @Test func identifiersNeverCollide() {
        let ids = ["a.b", "a_b", "a>b", "a__b", "a-b", "ab", "a_x2e_b"]
        let tokens = ids.map(Text.identifier)
        #expect(Set(tokens).count == ids.count, "\(tokens)")
        #expect(Text.identifier("works-a") == "works-a")
        #expect(tokens.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }
}

@Suite struct DataColourTests {
    @Test func onlyPlainColoursFromDataReachThePicture() throws {
        let style = Style()
        #expect(style.color(of: Party(id: "x", name: "X", color: "#a1B2c3")) == "#a1B2c3")
        #expect(style.color(of: Party(id: "x", name: "X", color: "darkgreen")) == "darkgreen")
        for hostile in ["red\" onload=\"alert(4)", "#12345", "red<<<", "#ggg", "url(javascript:x)"] {
            #expect(style.color(of: Party(id: "bolsheviks", name: "B", color: hostile)) == "#b2182b", "\(hostile)")
        }
    }

    @Test func aHostileColourDoesNotBreakTheLegend() throws {
        var t = SnapshotRendererTests.sample
        t.parties = t.parties.map { Party(id: $0.id, name: $0.name, color: "red\" <<<<<<<") }
        let spec = SnapshotRenderer().spec(for: t.snapshot(at: Month("1917-04")!))
        let validated = try SpecValidator().validate(spec)
        #expect(throws: Never.self) { try GraphvizEngine.shared.parse(dot: validated.spec.dotText) }
    }
}

import Foundation
import OrgNet
import OrgNetIO
import Testing

/// The party that leads a body (its largest seat share, else its members) is one answer for the
/// brokerage groups and for the exports (node-link JSON, GraphML).
@Suite struct LeadingPartyExportTests {
    @Test func brokersAndExportsUseTheSameLeader() throws {
        let feb = Month("1917-02")!
        func org(_ id: String) -> Organization {
            Organization(id: id, name: id.uppercased(), kind: "body", lifetime: Lifetime(since: nil, until: nil))
        }
        func obs(_ id: String, _ quantity: String, _ value: Double, _ composition: [String: Double]) -> Observation {
            Observation(
                subject: .organization(id), month: feb, quantity: quantity, value: value,
                composition: composition.sorted { $0.key < $1.key }.map { PartyCount(party: $0.key, count: $0.value) })
        }
        let ties = [("a", "b"), ("b", "c")].map { from, to in
            Tie(
                id: "\(from)->\(to)", from: from, to: to, role: .delegation, weight: nil,
                lifetime: Lifetime(since: nil, until: nil))
        }
        let t = Timeline(
            id: "t", title: "test", months: [feb],
            parties: ["bolsheviks", "mensheviks", "srs"].map { Party(id: $0, name: $0) },
            organizations: [org("a"), org("b"), org("c")], ties: ties,
            observations: [
                obs("a", "seats", 10, ["srs": 6, "bolsheviks": 4]),
                obs("b", "seats", 555, ["bolsheviks": 58]),
                obs("c", "party_members", 100, ["bolsheviks": 100]),
            ], origin: "test", isDirected: true)
        let s = t.snapshot(at: feb)
        #expect(s.network(roles: .all).groups(by: .party) == ["srs", "none", "none"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(NodeLinkJSON.write(s).utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["leading_party"] as? String } == ["srs", nil, nil])
        let graphml = GraphML.write(s)
        #expect(graphml.components(separatedBy: "n_leading_party\">srs").count == 2)
        #expect(!graphml.contains("n_leading_party\">bolsheviks"))
    }
}

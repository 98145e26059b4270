import OrgNet

/// Builders for small synthetic timelines, so each test states its network in a few lines.
func m(_ text: String) -> Month { Month(text)! }

func org(_ id: String, kind: String = "body", since: String? = nil, until: String? = nil) -> Organization {
    Organization(
        id: id, name: id.uppercased(), kind: kind,
        lifetime: Lifetime(since: since.map(m), until: until.map(m)))
}

func tie(
    _ from: String, _ to: String, _ role: Role = .delegation, weight: Double? = nil,
    since: String? = nil, until: String? = nil
) -> Tie {
    Tie(
        id: "\(from)->\(to)/\(role)", from: from, to: to, role: role, weight: weight,
        lifetime: Lifetime(since: since.map(m), until: until.map(m)))
}

func obs(_ id: String, _ month: String, _ quantity: String, _ value: Double, _ composition: [String: Double] = [:])
    -> Observation
{
    Observation(
        subject: .organization(id), month: m(month), quantity: quantity, value: value,
        composition: composition.sorted { $0.key < $1.key }.map { PartyCount(party: $0.key, count: $0.value) })
}

func timeline(
    months: [String] = ["1917-02"], _ orgs: [Organization], _ ties: [Tie], _ observations: [Observation] = [],
    parties: [String] = ["bolsheviks", "mensheviks", "srs"], directed: Bool = true
) -> Timeline {
    Timeline(
        id: "t", title: "test", months: months.map(m), parties: parties.map { Party(id: $0, name: $0) },
        organizations: orgs, ties: ties, observations: observations, origin: "test", isDirected: directed)
}

func close(_ a: Double, _ b: Double, _ eps: Double = 1e-12) -> Bool { abs(a - b) <= eps }

import OrgNet

/// A timeline full of hostile strings, parallel ties, tie observations and open lifetimes.
public func hostileTimeline() -> Timeline {
    let m = ["1920-01", "1920-02", "1920-03", "1920-04"].compactMap(Month.init)
    let hostile = "<script>alert(\"x\")</script> & 'quotes', commas;\nnew line\ttab"
    let p = Provenance(
        sources: [Citation(ref: "src-1", at: "p. 3, \"¶2\"", facts: ["F1", "F2"])], status: .external,
        confidence: .medium,
        note: hostile)
    let orgs = [
        Organization(
            id: "a", name: hostile, short: "A & B", kind: "cell",
            lifetime: Lifetime(since: m[1], until: m[2], date: "1920-02-14", precision: .day),
            aggregate: 3, attributes: ["rule": "one, per \"1,000\"", "x<y": "&amp;"], provenance: p),
        Organization(id: "b.2", name: "Body \u{00E9}\u{4E2D}", kind: "council", parent: nil, provenance: p),
        Organization(
            id: "c_3", name: "C", kind: "council", parent: "b.2", lifetime: Lifetime(until: m[3]),
            provenance: Provenance(
                sources: [Citation(ref: "src-1", facts: ["F9"])], status: .assumption, confidence: .low)),
    ]
    let ties = [
        Tie(
            id: "a->b.2", from: "a", to: "b.2", role: .delegation, weight: 2.5, lifetime: Lifetime(since: m[1]),
            provenance: p),
        Tie(id: "second", from: "a", to: "b.2", role: .authority, kind: "commands", weight: 0, provenance: p),
        Tie(
            id: "c_3->b.2", from: "c_3", to: "b.2", role: .conflict, lifetime: Lifetime(since: m[0], until: m[3]),
            attributes: ["why": hostile],
            provenance: Provenance(sources: [Citation(ref: "src-1")], status: .seed, confidence: .high)),
    ]
    let obs = [
        Observation(
            subject: .organization("b.2"), month: m[1], quantity: "seats", value: 100, approximate: true,
            composition: [PartyCount(party: "reds", count: 60), PartyCount(party: "other", count: 40)],
            alternatives: [Alternative(value: 90, composition: [PartyCount(party: "reds", count: 50)], provenance: p)],
            provenance: p),
        Observation(
            subject: .organization("b.2"), month: m[2], quantity: "seats", value: 80,
            composition: [PartyCount(party: "reds", count: 20), PartyCount(party: "greens", count: 60)], provenance: p),
        Observation(subject: .organization("a"), month: m[1], quantity: "members", value: 12.5, provenance: p),
        Observation(subject: .tie("second"), month: m[2], quantity: "delegates_sent", value: 4, provenance: p),
    ]
    return Timeline(
        id: "synthetic", title: "Synthetic & <hostile>", description: hostile, calendar: .julian, months: m,
        parties: [
            Party(id: "reds", name: "Reds \"R\"", color: "#ff0000"), Party(id: "greens", name: "Greens"),
            Party(id: "other", name: "Other"), Party(id: "nonparty", name: "Nonparty"),
            Party(id: "unknown", name: "Unknown"),
        ],
        kinds: [
            Kind(id: "cell", name: "Cell, small", level: .base), Kind(id: "council", name: "Council", level: .city),
        ],
        tieKinds: [TieKind(id: "commands", name: "Commands", role: .authority)],
        sources: [
            Source(
                id: "src-1", title: "A book, \"quoted\" & <tagged>", kind: .external, author: "X, Y",
                url: "https://example.org/?a=1&b=2")
        ],
        organizations: orgs, ties: ties, observations: obs,
        facts: [
            FactCoverage(id: "F1", encoded: ["a", "tie:second"]), FactCoverage(id: "F2", reason: "narrative, only"),
        ],
        origin: "synthetic")
}

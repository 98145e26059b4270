import Foundation
import OrgNet

extension ImportCollector {
    /// Observations carried as JSON text (``Interchange/observationsText(_:)``), with the parties
    /// of their compositions and the sources they cite declared, so the import loads as a dataset.
    mutating func observations(
        fromText text: String, subject: Observation.Subject,
        at location: OrgNetError.Location
    ) throws(OrgNetError) -> [Observation] {
        let obs = try Interchange.observations(fromText: text, subject: subject, at: location)
        for o in obs {
            for pc in o.composition + o.alternatives.flatMap(\.composition) { declareParty(pc.party) }
            for ref in (o.provenance.sources + o.alternatives.flatMap(\.provenance.sources)).map(\.ref)
            where !hasSource(ref) {
                sources.append(Source(id: ref, title: ref, kind: .external))
            }
        }
        return obs
    }
}

/// Observations as JSON text, in the shape of node-link JSON's `observations` lists
/// (``NodeLinkJSON``): every field kept (value, approximate, composition, alternatives with their
/// own provenance, status, confidence, note, citations). GraphML and GEXF carry them in one string
/// attribute per node or edge, so a round trip through any export loses none of them.
extension Interchange {
    /// The observations as one line of JSON text (a list), or nil when there are none.
    static func observationsText(_ observations: [Observation]) -> String? {
        guard !observations.isEmpty else { return nil }
        let list = observations.map(NodeLinkJSON.observation)
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: list, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses ``observationsText(_:)`` back, for `subject`; errors name `location`.
    static func observations(
        fromText text: String, subject: Observation.Subject,
        at location: OrgNetError.Location
    ) throws(OrgNetError) -> [Observation] {
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
            throw OrgNetError(.badData, "observations must be a JSON list of observations: \(error)", at: location)
        }
        guard case .array(let items) = value else {
            throw OrgNetError(.badData, "observations must be a JSON list of observations", at: location)
        }
        return try items.map { item throws(OrgNetError) in try observation(from: item, subject: subject, at: location) }
    }

    /// One observation from its node-link JSON object.
    static func observation(
        from value: JSONValue, subject: Observation.Subject,
        at location: OrgNetError.Location
    ) throws(OrgNetError) -> Observation {
        guard case .object(let d) = value, let monthText = d["month"]?.text, let month = Month(monthText),
            let quantity = d["quantity"]?.text, case .number(let v)? = d["value"]
        else {
            throw OrgNetError(
                .badData, "an observation needs a month (YYYY-MM), a quantity and a numeric value", at: location)
        }
        var alternatives: [Alternative] = []
        if case .array(let alts)? = d["alternatives"] {
            for a in alts {
                guard case .object(let ad) = a else {
                    throw OrgNetError(.badData, "an alternative must be an object", at: location)
                }
                var altValue: Double?
                if case .number(let x)? = ad["value"] { altValue = x }
                alternatives.append(
                    Alternative(
                        value: altValue, composition: try composition(ad["composition"], at: location),
                        provenance: try provenance(ad, at: location)))
            }
        }
        var shareOf: ShareOf?
        if case .number(let share)? = d["share"], let parent = d["shareOf"]?.text {
            shareOf = ShareOf(share: share, of: parent)
        }
        return Observation(
            subject: subject, month: month, quantity: quantity, value: v, approximate: d["approximate"]?.bool ?? false,
            composition: try composition(d["composition"], at: location), alternatives: alternatives,
            provenance: try provenance(d, at: location), shareOf: shareOf)
    }

    static func composition(_ value: JSONValue?, at location: OrgNetError.Location) throws(OrgNetError) -> [PartyCount]
    {
        guard case .array(let items)? = value else { return [] }
        return try items.map { item throws(OrgNetError) in
            guard case .object(let pc) = item, let party = pc["party"]?.text, case .number(let n)? = pc["count"] else {
                throw OrgNetError(.badData, "a composition entry needs a party and a numeric count", at: location)
            }
            return PartyCount(party: party, count: n)
        }
    }

    /// Provenance from a node-link JSON object: `status`, `confidence`, `note` and `citations`
    /// (else the one-string `sources`).
    static func provenance(_ d: [String: JSONValue], at location: OrgNetError.Location) throws(OrgNetError)
        -> Provenance
    {
        var p = Provenance(status: .external)
        if let s = d["status"]?.text {
            guard let status = Status(rawValue: s) else {
                throw OrgNetError(
                    .badData, "status must be one of seed, external, assumption; got '\(s.prefix(40))'", at: location)
            }
            p.status = status
        }
        if let c = d["confidence"]?.text {
            guard let confidence = Confidence(rawValue: c) else {
                throw OrgNetError(
                    .badData, "confidence must be one of high, medium, low; got '\(c.prefix(40))'", at: location)
            }
            p.confidence = confidence
        }
        p.note = d["note"]?.text
        if case .array(let cites)? = d["citations"] {
            p.sources = cites.compactMap { c -> Citation? in
                guard case .object(let cd) = c, let ref = cd["ref"]?.text else { return nil }
                var facts: [String] = []
                if case .array(let fs)? = cd["facts"] { facts = fs.compactMap(\.text) }
                return Citation(ref: ref, at: cd["at"]?.text, facts: facts)
            }
        } else if let text = d["sources"]?.text {
            p.sources = citations(from: text)
        }
        return p
    }
}

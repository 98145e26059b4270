/// How an element of a dataset is known: from the seed essay, from another source, or assumed.
public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
    case seed, external, assumption
}

/// How sure the dataset is of an element.
public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable {
    case high, medium, low
}

/// One citation: a source id (see ``Source``), a locator inside it, and the seed fact ids it carries.
public struct Citation: Sendable, Hashable, Codable {
    /// The id of a ``Source`` of the dataset.
    public var ref: String
    /// Where in the source: for the essay, "section heading ¶paragraph"; a page, a URL fragment.
    public var at: String?
    /// Fact ids of the seed's fact table (A01-A104) this citation supports.
    public var facts: [String]

    public init(ref: String, at: String? = nil, facts: [String] = []) {
        self.ref = ref
        self.at = at
        self.facts = facts
    }

    /// "ref, at [A17]" for tooltips and tables.
    public var text: String {
        var s = ref
        if let at { s += ", " + at }
        if !facts.isEmpty { s += " [" + facts.joined(separator: ", ") + "]" }
        return s
    }
}

/// Sources, status, confidence and a note: what every organization, tie and observation carries.
///
/// Confidence is optional: an element with none recorded is *certain* (presence probability 1 in
/// ``PresenceModel``). A network read from another tool's file (DOT, GraphML, GEXF, GML, CSV,
/// node-link JSON) is certain unless the file carries `confidence` attributes, so sampling a
/// user's own network changes nothing unless it says how sure it is. The built-in dataset records
/// a confidence on every element (the YAML checker warns where one is missing). Tables print
/// ``confidenceText`` ("certain"); machine formats (JSON, GraphML, GEXF, CSV, YAML) omit the field,
/// so an export read back stays certain.
public struct Provenance: Sendable, Hashable, Codable {
    /// Where the element is attested.
    public var sources: [Citation]
    /// Seed, external or assumption.
    public var status: Status
    /// How sure the dataset is; nil means certain (none recorded).
    public var confidence: Confidence?
    /// A free note.
    public var note: String?

    /// A provenance; by default an assumption without sources and without a recorded confidence.
    public init(
        sources: [Citation] = [], status: Status = .assumption, confidence: Confidence? = nil, note: String? = nil
    ) {
        self.sources = sources
        self.status = status
        self.confidence = confidence
        self.note = note
    }

    /// The confidence for tables and tooltips: its name, or "certain" when none is recorded.
    public var confidenceText: String { confidence?.rawValue ?? "certain" }

    /// Status and confidence in words for tooltips and tables: "assumption, low confidence", or
    /// "external, certain" when no confidence is recorded.
    public var statusText: String {
        status.rawValue + ", " + (confidence.map { $0.rawValue + " confidence" } ?? "certain")
    }
}

/// When an element exists: the first and last month (both inclusive; nil means open-ended),
/// an exact date where known, and how precise the dating is.
public struct Lifetime: Sendable, Hashable, Codable {
    public enum Precision: String, Sendable, Hashable, CaseIterable, Codable {
        case day, month, approximate, assumed
    }
    public var since: Month?
    public var until: Month?
    /// The exact date as written in the dataset (`YYYY-MM-DD` or `YYYY-MM`), when known.
    public var date: String?
    public var precision: Precision

    public init(since: Month? = nil, until: Month? = nil, date: String? = nil, precision: Precision = .month) {
        self.since = since
        self.until = until
        self.date = date
        self.precision = precision
    }

    /// True when `month` falls inside the lifetime.
    public func contains(_ month: Month) -> Bool {
        if let since, month < since { return false }
        if let until, month > until { return false }
        return true
    }

    /// "1917-03 – 1918-01", "from 1917-06", "until 1918-01" or "throughout".
    public var text: String {
        switch (since, until) {
        case let (s?, u?): return "\(s) – \(u)"
        case let (s?, nil): return "from \(s)"
        case let (nil, u?): return "until \(u)"
        case (nil, nil): return "throughout"
        }
    }
}

extension Provenance {
    /// This provenance with the `status` and `confidence` a foreign file states on one element (an
    /// attribute whose value is a status or confidence name, any case); other values leave the
    /// field as it is. A file that says nothing leaves the element certain.
    public func stated(by attributes: [String: String]) -> Provenance {
        var p = self
        if let c = attributes["confidence"].flatMap({ Confidence(rawValue: $0.lowercased()) }) { p.confidence = c }
        if let s = attributes["status"].flatMap({ Status(rawValue: $0.lowercased()) }) { p.status = s }
        return p
    }
}

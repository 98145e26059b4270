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
public struct Provenance: Sendable, Hashable, Codable {
    public var sources: [Citation]
    public var status: Status
    public var confidence: Confidence
    public var note: String?

    public init(sources: [Citation] = [], status: Status = .assumption, confidence: Confidence = .low, note: String? = nil) {
        self.sources = sources
        self.status = status
        self.confidence = confidence
        self.note = note
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

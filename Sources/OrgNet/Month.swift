/// A calendar month, `YYYY-MM`: the time step of every orgnet timeline.
///
/// Months are compared and stepped as plain year/month pairs; they carry no calendar of
/// their own (the dataset says whether its dates are Julian/Old Style or Gregorian).
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    /// 1 ... 12.
    public let month: Int

    /// Creates a month; returns nil when `month` is outside 1...12 or the year outside 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (also accepts the month part of `YYYY-MM-DD`). Nil for anything else.
    ///
    /// `package`, not public: a failable parse lets a typo become nil without a word. Library
    /// users turn text into a month with ``Timeline/month(named:)``, which throws an error
    /// listing the timeline's months (docs/design.md §1, "A library API without traps").
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return nil }
        }
        self.init(year: y, month: m)
    }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }

    /// The month's English name and year, e.g. "October 1917", for titles.
    public var longName: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ]
        return "\(names[month - 1]) \(year)"
    }

    /// A number that grows by one per month, for arithmetic on months.
    public var ordinal: Int { year * 12 + (month - 1) }

    public static func < (a: Month, b: Month) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let m = Month(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a month YYYY-MM, got '\(text)'"))
        }
        self = m
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A numeric time axis (a dynamic GEXF with `timeformat="long"` or `"double"`): the times at
/// which the network is given, which are not calendar months.
///
/// The timeline keeps its ``Timeline/months`` as stand-in keys, one per time in order
/// (``key(_:)``), so lifetimes and observations work unchanged; every label shown to a user is
/// the time itself (``label(of:)``), never the stand-in month. The times are the distinct
/// interval ends the file names; as in GEXF (and Gephi), an interval includes both of its ends,
/// so the network at a time holds every node and edge whose interval contains it. Between two
/// listed times the network may differ from both, so only listed times can be picked.
public struct TimeSlices: Sendable, Hashable {
    /// The times, ascending and distinct, one per month key of the timeline.
    public var times: [Double]

    /// Creates the axis; `times` must be ascending and distinct.
    public init(times: [Double]) { self.times = times }

    /// The largest number of times a numeric axis can hold (one stand-in month each).
    public static let capacity = 9999 * 12

    /// The stand-in month of the `index`-th time: consecutive months from 0001-01.
    public static func key(_ index: Int) -> Month { Month(year: 1 + index / 12, month: 1 + index % 12)! }

    /// The position of a stand-in month among the times, or nil outside the axis.
    public func index(of key: Month) -> Int? {
        let i = key.ordinal - TimeSlices.key(0).ordinal
        return times.indices.contains(i) ? i : nil
    }

    /// The time of a stand-in month.
    public func time(of key: Month) -> Double? { index(of: key).map { times[$0] } }

    /// The text of a time: whole numbers without a fraction (`3`), others as Swift prints them (`2.5`).
    public static func text(_ time: Double) -> String {
        time == time.rounded() && abs(time) < 1e15 ? String(Int64(time)) : String(time)
    }

    /// The label of a stand-in month (its time), or the month itself outside the axis.
    public func label(of key: Month) -> String { time(of: key).map(TimeSlices.text) ?? key.description }

    /// The stand-in month of the time written `text`, which must be one of ``times`` (compared
    /// as numbers: `3`, `3.0` and `3e0` are the same time). Nil otherwise.
    public func key(named text: String) -> Month? {
        guard let x = Double(text.trimmingCharacters(in: .whitespaces)), let i = times.firstIndex(of: x) else {
            return nil
        }
        return TimeSlices.key(i)
    }
}

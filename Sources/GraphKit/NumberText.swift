import Foundation

/// The one way orgnet writes a number as text: tables, labels, tooltips, charts, diffs, DOT
/// attributes and interchange files all go through it, so `2.5` and `2` look the same everywhere.
///
/// It lives in GraphKit, the module that depends on nothing and that every other module
/// (Graphviz included) may import (docs/design.md §1).
///
/// Rules shared by both forms: a whole number below 10^15 in magnitude is written as an integer
/// (`3`, not `3.0`); a value that would read as negative zero is `0`; not-a-number is `nan` and
/// the infinities are `inf` and `-inf`.
public enum NumberText {
    /// `value` rounded to at most `maxDecimals` decimals (correctly rounded, as `printf` does),
    /// without trailing zeros or a trailing point: `2.5`, `0.333`, `2` for 2.0001 with 3 decimals,
    /// `0` for 1e-12. Large whole values keep all their digits (`10000000000000000`).
    public static func decimal(_ value: Double, maxDecimals: Int) -> String {
        if let special = special(value) { return special }
        var s = String(format: "%.\(max(0, maxDecimals))f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// The shortest text that reads back as exactly `value` (Swift's own rendering, e.g. `0.1`,
    /// `1e-12`, `1e+300`), for files that must round-trip: DOT positions and interchange formats.
    public static func exact(_ value: Double) -> String {
        if let special = special(value) { return special }
        return String(value)
    }

    /// The cases both forms share: whole numbers, negative zero, NaN and the infinities.
    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return nil
    }
}

import Foundation
import GraphKit
import OrgNet
import OrgNetIO

/// Small text helpers for labels, tooltips and HTML/SVG output.
public enum Text {
    /// Breaks `text` into lines of at most about `width` characters at spaces.
    public static func wrap(_ text: String, width: Int = 18) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current); current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Escapes text for XML and HTML: one rule for every output of orgnet, see
    /// ``OrgNetIO/Interchange/xmlEscape(_:)`` (`& < > " '`, line breaks as references, forbidden
    /// characters replaced).
    public static func escapeXML(_ text: String) -> String { Interchange.xmlEscape(text) }

    /// An id token that keeps distinct ids distinct (for SVG `id`s and the report's keys):
    /// letters, digits and '-' kept, '_' written `__`, any other character `_xHEX_`, so `a.b`,
    /// `a_b` and `a>b` never collide. Unlike ``token(_:)``, it is one-to-one.
    public static func identifier(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" {
                out.unicodeScalars.append(s)
            } else if s == "_" {
                out += "__"
            } else {
                out += "_x" + String(s.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// A CSS-safe class or id token: letters, digits, '-' and '_' kept, anything else as '_'.
    public static func token(_ text: String) -> String {
        String(
            text.unicodeScalars.map { s -> Character in
                let ok =
                    ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-"
                    || s == "_"
                return ok ? Character(s) : "_"
            })
    }

    /// A number for people: whole numbers without decimals, others with up to 3
    /// (``GraphKit/NumberText/decimal(_:maxDecimals:)``, the one number formatter).
    public static func number(_ v: Double) -> String { NumberText.decimal(v, maxDecimals: 3) }
}

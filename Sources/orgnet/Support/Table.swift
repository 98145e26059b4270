import OrgNet
import OrgNetIO

/// A plain-text table with aligned columns, for people reading a terminal.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table for a person: headers bold and rules dim when standard output is a colour
    /// terminal (``Terminal/colorEnabled(environment:isTerminal:)``), plain text otherwise.
    var text: String { text(color: Terminal.colorEnabled()) }

    /// The table, with or without bold headers and dim rules.
    func text(color: Bool) -> String {
        let all = ([headers] + rows).map { $0.map(Self.oneLine) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        var out = [
            Terminal.styled(line(all[0]), .bold, enabled: color),
            Terminal.styled(
                widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), .dim, enabled: color),
        ]
        out += all.dropFirst().map(line)
        return out.joined(separator: "\n")
    }

    /// A cell on one line: line breaks and tabs become spaces, so a name written over two lines
    /// does not break the row (CSV and JSON keep the text as it is).
    static func oneLine(_ cell: String) -> String {
        guard cell.contains(where: { $0.isNewline || $0 == "\t" }) else { return cell }
        return cell.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    /// Comma-separated values with RFC 4180 quoting (the quoting of the CSV exports).
    var csv: String {
        ([headers] + rows).map { $0.map(CSVFolder.field).joined(separator: ",") }.joined(separator: "\n")
    }
}

/// `n` and the noun, singular for one: "1 month", "2 months" (`plural` when not noun + "s").
func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
}

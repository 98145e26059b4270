import ArgumentParser
import Foundation
import OrgNet

/// `--roles` and `--weighted`: which ties become edges of the measured network, and their weights.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Tie roles to use, comma-separated, or 'all' (default: delegation,authority; all ties of a DOT file).",
        valueName: "roles"))
    var roles: String?

    @Flag(name: .long, help: "Use tie weights (delegates sent; 1 when unknown). Path-based measures read weights as distances, as networkx.")
    var weighted = false

    func view(_ s: Snapshot) throws(OrgNetError) -> NetworkView {
        s.network(roles: try s.influenceRoles(parsing: roles), weighted: weighted)
    }
}

/// `--top N`.
struct TopOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Show only the first N rows.", valueName: "n"))
    var top: Int?

    func apply<T>(_ rows: [T]) -> [T] { top.map { Array(rows.prefix(max(0, $0))) } ?? rows }
}

/// Numbers for tables: up to `digits` decimals, no trailing zeros.
func decimal(_ x: Double, _ digits: Int = 4) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    var s = String(format: "%.\(digits)f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}

/// A percentage with one decimal.
func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

/// The snapshot's name for titles: "October 1917" or the DOT network's name.
func title(_ s: Snapshot) -> String { s.month?.longName ?? s.label }

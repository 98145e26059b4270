import ArgumentParser
import Foundation
import GraphKit
import OrgNet

extension RoleFilter {
    /// The kept roles' names, sorted, for output: nil for `.all` (`null` in JSON, "all ties" in text).
    var sortedNames: [String]? {
        switch self {
        case .all: return nil
        case .only(let roles): return roles.map(\.rawValue).sorted()
        }
    }
}

/// `--roles` and `--weighted`: which ties become edges of the measured network, and their weights.
struct NetworkOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Tie roles to use, comma-separated, or 'all' (default: delegation,authority; all ties of a DOT file).",
            valueName: "roles"))
    var roles: String?

    @Flag(
        name: .long,
        help:
            "Use tie weights (delegates sent; 1 when unknown). Path-based measures read weights as distances, as networkx."
    )
    var weighted = false

    /// The measured network; says on stderr (one line) when the default fell back to every tie,
    /// and when the role filter left no edge at all (so every score is 0).
    func view(_ s: Snapshot) throws(OrgNetError) -> NetworkView {
        let chosen = try Self.roles(parsing: roles, in: s.timeline)
        let view = s.network(roles: chosen, weighted: weighted)
        if roles == nil, chosen == .all, s.timeline.usesAllTiesByDefault {
            note(
                "orgnet: \(s.timeline.id) has no delegation or authority ties; using all \(s.ties.count) ties (choose with --roles)"
            )
        }
        if case .only(let chosen) = chosen, view.graph.edgeCount == 0, !s.ties.isEmpty {
            let present = Set(s.ties.map(\.role.rawValue)).sorted().joined(separator: ", ")
            note(
                "orgnet: no tie of \(s.label) has role \(chosen.map(\.rawValue).sorted().joined(separator: " or ")) (its ties are \(present)); every score is 0 (--roles all uses every tie)"
            )
        }
        return view
    }

    /// Parses a `--roles` list: comma-separated roles or dataset tie kinds (`delegation,authority`,
    /// `elects`, looked up with ``Timeline/role(for:)``), or `all` (as is an empty list, the
    /// option's long-standing meaning). No option gives the dataset's ``Timeline/defaultInfluenceRoles``.
    static func roles(parsing text: String?, in t: Timeline) throws(OrgNetError) -> RoleFilter {
        guard let text else { return t.defaultInfluenceRoles }
        let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if words.isEmpty || words.contains("all") { return .all }
        var roles = Set<Role>()
        for w in words {
            guard let r = t.role(for: w) else {
                throw OrgNetError(
                    .invalidArgument, "unknown role '\(w)'",
                    hints: [
                        "roles: all, " + (Role.builtIn.map(\.rawValue) + t.tieKinds.map(\.id)).joined(separator: ", ")
                    ])
            }
            roles.insert(r)
        }
        return .only(roles)
    }
}

/// `--top N`.
struct TopOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Show only the first N rows.", valueName: "n"))
    var top: Int?

    func apply<T>(_ rows: [T]) -> [T] { top.map { Array(rows.prefix(max(0, $0))) } ?? rows }
}

/// Numbers for tables: up to `digits` decimals, no trailing zeros (``GraphKit/NumberText``).
func decimal(_ x: Double, _ digits: Int = 4) -> String { NumberText.decimal(x, maxDecimals: digits) }

/// A percentage with one decimal.
func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

/// The snapshot's name for titles: "October 1917" or the DOT network's name.
func title(_ s: Snapshot) -> String { s.month?.longName ?? s.label }

import ArgumentParser
import OrgNet
import OrgNetIO

struct Power: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Voting power of the party blocs of a council (Banzhaf, Shapley-Shubik).",
        discussion: """
        COUNCIL is an organization with a party composition of its seats or members; the \
        latest composition at or before --month (default: the dataset's default month, else the latest; a DOT or YAML file \
        also works) is used, and the output says which month it comes from (a one-line warning \
        on stderr when it is older than the month asked for). Each recorded party is a bloc \
        voting together. Seats of members of no named party ('other', 'nonparty') count in the \
        total but join no bloc.

        Unknown seats (the composition's 'unknown' and the seats it leaves unassigned) are never \
        a bloc: they could belong to any recorded party or to nobody. Then the point values are \
        unknown (null in JSON, '?' in the table) and each index is given as exact bounds: its \
        minimum and maximum over every way the unknown seats could split among the recorded \
        parties and an unaligned remainder (which counts in the total for the quota but joins no \
        coalition). The indices depend only on which coalitions win, so the bounds are taken \
        over the distinct games, not over every split. Without unknown seats min = max = point.

        Quota (--quota): 'majority' (default: more than half, floor(total/2)+1), a number of \
        votes (326), or a fraction of the seats to reach (2/3, 0.6; rounded up).

        Banzhaf (normalized, Banzhaf 1965): a bloc's swings (coalitions it turns from losing \
        into winning) over all blocs' swings. Shapley-Shubik (1954): the share of orders of \
        arrival in which the bloc casts the deciding vote. Both are exact (generating functions, \
        Brams & Affuso 1976; Bilbao et al. 2000). [51; 49, 49, 2] gives each bloc 1/3.

        JSON: {"council", "name", "compositionMonth", "month", "quantity", "totalSeats", \
        "unknownSeats", "unalignedSeats", "quota", "games", "parties": [{"party", "name", "seats", \
        "banzhaf", "banzhafMin", "banzhafMax", "shapleyShubik", "shapleyShubikMin", \
        "shapleyShubikMax"}]}.

        Examples:
          orgnet power "second congress" --month 1917-10
          orgnet power city-duma --month 1917-08 --quota 2/3 --format json
          orgnet power city-soviet --data Graphs/sample
        """)

    @Argument(help: ArgumentHelp("The council: an id or part of its name.", valueName: "council")) var council: String
    @Option(name: .long, help: ArgumentHelp("A month (YYYY-MM) or a file (default: the dataset's default month, else the latest).", valueName: "month|file"))
    var month: String?
    @Option(name: .long, help: ArgumentHelp("majority (default), a number of votes, or a fraction such as 2/3.", valueName: "q"))
    var quota: String = "majority"
    @OptionGroup var top: TopOption
    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(month, data: data.data, options: data.readOptions)
            let c = try Selection.organization(council, in: s.timeline)
            var p = try s.votingPower(of: c.id, quota: try Quota(parsing: quota))
            p.parties = top.apply(p.parties)
            if p.isCarriedForward, let m = p.month {
                note("warning: \(p.council): the latest composition is from \(p.compositionMonth), older than \(m)")
            }
            func num(_ x: Double?) -> String { x.map { String($0) } ?? "" }
            switch format {
            case .json: say(jsonText(p))
            case .csv:
                var t = Table(["party", "name", "seats", "banzhaf", "banzhaf_min", "banzhaf_max",
                               "shapley_shubik", "shapley_shubik_min", "shapley_shubik_max"])
                for b in p.parties {
                    t.add([b.party, b.name, String(b.seats), num(b.banzhaf), num(b.banzhafMin), num(b.banzhafMax),
                           num(b.shapleyShubik), num(b.shapleyShubikMin), num(b.shapleyShubikMax)])
                }
                say(t.csv)
            case .table:
                let asked = p.isCarriedForward ? " (carried forward to \(p.month ?? ""))" : ""
                say("\(p.name) — \(p.quantity) of \(p.compositionMonth)\(asked): \(p.totalSeats), quota \(p.quota)")
                if p.unknownSeats > 0 {
                    say("\(p.unknownSeats) seats unknown (no bloc): bounds over every split of them among the parties "
                        + "and an unaligned remainder (\(p.games) distinct game\(p.games == 1 ? "" : "s"))")
                }
                if p.unalignedSeats > 0 { say("\(p.unalignedSeats) seats of members of no named party (no bloc)") }
                func range(_ lo: Double, _ hi: Double) -> String { lo == hi ? percent(lo) : percent(lo) + "–" + percent(hi) }
                var t = Table(["party", "seats", "Banzhaf", "Banzhaf range", "Shapley-Shubik", "Shapley-Shubik range"],
                              rightAligned: [1, 2, 3, 4, 5])
                for b in p.parties {
                    t.add([b.name, p.unknownSeats > 0 ? "\(b.seats)+" : String(b.seats), b.banzhaf.map(percent) ?? "?",
                           range(b.banzhafMin, b.banzhafMax), b.shapleyShubik.map(percent) ?? "?",
                           range(b.shapleyShubikMin, b.shapleyShubikMax)])
                }
                say(t.text)
            }
        }
    }
}

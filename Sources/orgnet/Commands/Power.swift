import ArgumentParser
import OrgNet

struct Power: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Voting power of the party blocs of a council (Banzhaf, Shapley-Shubik).",
        discussion: """
        COUNCIL is an organization with a party composition of its delegates, seats or members; the \
        latest composition at or before --month (default: the dataset's default month, else the latest; a DOT or YAML file \
        also works) is used. Each party is a bloc voting together; seats the composition leaves \
        unassigned form an 'unknown' bloc, and other/unknown/nonparty are treated as blocs too.

        Quota (--quota): 'majority' (default: more than half, floor(total/2)+1), a number of \
        votes (326), or a fraction of the seats to reach (2/3, 0.6; rounded up).

        Banzhaf (normalized, Banzhaf 1965): a bloc's swings (coalitions it turns from losing \
        into winning) over all blocs' swings. Shapley-Shubik (1954): the share of orders of \
        arrival in which the bloc casts the deciding vote. Both are exact, by generating \
        functions (Brams & Affuso 1976; Bilbao et al. 2000). [51; 49, 49, 2] gives each bloc 1/3.

        JSON: {"council", "name", "compositionMonth", "quantity", "totalSeats", "quota", \
        "blocs": [{"party", "name", "seats", "seatShare", "banzhaf", "shapleyShubik"}]}.

        Examples:
          orgnet power "second congress" --month 1917-10
          orgnet power ps-ec --quota 2/3 --format json
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
            let s = try Selection.snapshot(month, data: data.data)
            let c = try Selection.organization(council, in: s.timeline)
            var p = try s.votingPower(of: c.id, quota: try Quota(parsing: quota))
            p.blocs = top.apply(p.blocs)
            switch format {
            case .json: say(jsonText(p))
            case .csv:
                var t = Table(["party", "name", "seats", "seat_share", "banzhaf", "shapley_shubik"])
                for b in p.blocs { t.add([b.party, b.name, String(b.seats), String(b.seatShare), String(b.banzhaf), String(b.shapleyShubik)]) }
                say(t.csv)
            case .table:
                say("\(p.name) — \(p.quantity) of \(p.compositionMonth): \(p.totalSeats), quota \(p.quota)")
                var t = Table(["bloc", "seats", "share", "Banzhaf", "Shapley-Shubik"], rightAligned: [1, 2, 3, 4])
                for b in p.blocs { t.add([b.name, String(b.seats), percent(b.seatShare), percent(b.banzhaf), percent(b.shapleyShubik)]) }
                say(t.text)
            }
        }
    }
}

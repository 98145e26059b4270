import ArgumentParser
import OrgNet
import OrgNetIO

struct Power: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
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

            Uncertainty: --samples N reads the council's disputed figures (a composition or a total \
            with 'alternatives') N times among their readings: the recorded one with the probability \
            of its confidence (high 0.95, medium 0.75, low 0.5; --presence), the alternatives \
            sharing the rest by their own confidences. Each party gains banzhafLow/banzhafHigh and \
            shapleyShubikLow/shapleyShubikHigh (the 5th percentile of the samples' lowest values and \
            the 95th of their highest; --interval), the medians and the Banzhaf rank range \
            rankLow/rankHigh; the top level gains "samples", "seed", "interval" and \
            "samplesWithUnknownSeats". Unknown seats stay unknown in every sample: such a sample \
            gives the bounds over every split of them, never a point, and then the medians and ranks \
            are null. The same --seed gives the same output.

            Examples:
              orgnet power "second congress" --month 1917-10
              orgnet power city-duma --month 1917-08 --quota 2/3 --format json
              orgnet power city-soviet --data Graphs/sample
              orgnet power "second congress" --month 1917-10 --samples 1000 --seed 1
            """)

    @Argument(help: ArgumentHelp("The council: an id or part of its name.", valueName: "council")) var council: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A month (YYYY-MM) or a file (default: the dataset's default month, else the latest).",
            valueName: "month|file"))
    var month: String?
    @Option(
        name: .long,
        help: ArgumentHelp("majority (default), a number of votes, or a fraction such as 2/3.", valueName: "q"))
    var quota: String = "majority"
    @OptionGroup var top: TopOption
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(month, data: data.data, options: data.readOptions)
            let c = try Selection.organization(council, in: s.timeline)
            var p: CouncilPower
            if let options = try sampling.options() {
                p = try s.votingPower(
                    of: c.id, quota: try Quota(parsing: quota), model: try sampling.model(s), sampling: options)
            } else {
                p = try s.votingPower(of: c.id, quota: try Quota(parsing: quota))
            }
            p.parties = top.apply(p.parties)
            if p.isCarriedForward, let m = p.month {
                note("warning: \(p.council): the latest composition is from \(p.compositionMonth), older than \(m)")
            }
            func num(_ x: Double?) -> String { x.map { String($0) } ?? "" }
            let sampled = p.samples != nil
            switch format {
            case .json: say(jsonText(p))
            case .csv:
                var t = Table(
                    [
                        "party", "name", "seats", "banzhaf", "banzhaf_min", "banzhaf_max",
                        "shapley_shubik", "shapley_shubik_min", "shapley_shubik_max",
                    ]
                        + (sampled
                            ? [
                                "banzhaf_low", "banzhaf_high", "banzhaf_median", "shapley_shubik_low",
                                "shapley_shubik_high", "shapley_shubik_median", "rank_low", "rank_high",
                            ] : []))
                for b in p.parties {
                    t.add(
                        [
                            b.party, b.name, String(b.seats), num(b.banzhaf), num(b.banzhafMin), num(b.banzhafMax),
                            num(b.shapleyShubik), num(b.shapleyShubikMin), num(b.shapleyShubikMax),
                        ]
                            + (sampled
                                ? [
                                    num(b.banzhafLow), num(b.banzhafHigh), num(b.banzhafMedian),
                                    num(b.shapleyShubikLow),
                                    num(b.shapleyShubikHigh), num(b.shapleyShubikMedian),
                                    b.rankLow.map(String.init) ?? "",
                                    b.rankHigh.map(String.init) ?? "",
                                ] : []))
                }
                say(t.csv)
            case .table:
                let asked = p.isCarriedForward ? " (carried forward to \(p.month ?? ""))" : ""
                say("\(p.name) — \(p.quantity) of \(p.compositionMonth)\(asked): \(p.totalSeats), quota \(p.quota)")
                if p.unknownSeats > 0 {
                    say(
                        "\(p.unknownSeats) seats unknown (no bloc): bounds over every split of them among the parties "
                            + "and an unaligned remainder (\(p.games) distinct game\(p.games == 1 ? "" : "s"))")
                }
                if p.unalignedSeats > 0 { say("\(p.unalignedSeats) seats of members of no named party (no bloc)") }
                func range(_ lo: Double, _ hi: Double) -> String {
                    lo == hi ? percent(lo) : percent(lo) + "–" + percent(hi)
                }
                if let n = p.samples, let seed = p.seed, let iv = p.interval {
                    let unknown = p.samplesWithUnknownSeats ?? 0
                    say(
                        "\(n) plausible readings of the disputed figures, seed \(seed), \(decimal(iv))% intervals"
                            + (unknown > 0
                                ? "; \(unknown) of them leave seats unknown, so the intervals span bounds, not points (no median, no ranks)"
                                : ""))
                }
                var t = Table(
                    ["party", "seats", "Banzhaf", "Banzhaf range", "Shapley-Shubik", "Shapley-Shubik range"]
                        + (sampled ? ["Banzhaf sampled", "Shapley-Shubik sampled", "ranks"] : []),
                    rightAligned: sampled ? [1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3, 4, 5])
                for b in p.parties {
                    let ranks =
                        b.rankLow.map { lo in b.rankHigh.map { $0 == lo ? String(lo) : "\(lo)–\($0)" } ?? "" } ?? "?"
                    t.add(
                        [
                            b.name, p.unknownSeats > 0 ? "\(b.seats)+" : String(b.seats), b.banzhaf.map(percent) ?? "?",
                            range(b.banzhafMin, b.banzhafMax), b.shapleyShubik.map(percent) ?? "?",
                            range(b.shapleyShubikMin, b.shapleyShubikMax),
                        ]
                            + (sampled
                                ? [
                                    range(b.banzhafLow ?? 0, b.banzhafHigh ?? 0),
                                    range(b.shapleyShubikLow ?? 0, b.shapleyShubikHigh ?? 0), ranks,
                                ] : []))
                }
                say(t.text)
            }
        }
    }
}

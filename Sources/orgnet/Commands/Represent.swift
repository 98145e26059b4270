import ArgumentParser
import OrgNet
import OrgNetIO

extension ConstituencyRule: ExpressibleByArgument {}

struct Represent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "represent",
        abstract: "Who represents how many: constituencies, expected compositions and representation bias.",
        discussion: """
            Constituency: the workers or soldiers a body represents through delegation chains. A \
            body with its own 'workers'/'soldiers' observation represents that many (and passes \
            them up); otherwise it sums what its senders pass up. A body delegating to several \
            bodies passes its constituency on by --rule:
              split      divided in proportion to delegates sent: people are conserved (default)
              duplicate  every receiving body counts all of it; a body counts each base body once
            Delegates sent to a receiver are known from the tie's weight or a 'delegates_sent' \
            observation on the tie (or, for the one receiver without a number, the sender's own \
            'delegates_sent' less what it sends elsewhere). Receivers without a known number are \
            listed with the rule that weighed them: the remainder of the sender's 'delegates_sent' \
            shared equally, else the mean of its known numbers, else equal shares. A receiving \
            body's 'seats' are never read as delegates sent.
            Expected composition: the parties expected at each receiving body from the base \
            (bodies nothing delegates to, with their recorded compositions), under proportional and \
            winner-take-all delegation, beside the recorded composition.
            Bias, for each council (a body receiving delegates from two or more bodies, or \
            --council): delegates per 1,000 represented per constituency, and the Loosemore-Hanby \
            index (1/2 sum |v - s|) and Gallagher index (sqrt(1/2 sum (v - s)^2)) of people (v) \
            against delegates (s), as fractions from 0 (seats follow people exactly) to 1, over the \
            constituencies whose delegates to the council are known ('?' marks the others, left \
            out). When a council's constituencies are of several kinds (workers' plant groups and \
            the garrison), the indices are also given among the constituencies of each kind, like \
            for like: the essay's 0.336 compares the big and small plants only. Where constituencies \
            give only a 'share' of workers, shares are used (no per-1,000 figure). Without --samples the \
            indices are computed on the recorded figures and the table says so; over two \
            constituencies the two indices are one number and are printed once.

            JSON: {"month", "rule", "constituencies": [{..., "unweighed", "unweighedRule"}], \
            "compositions": [...], "bias": [{..., "rows", "excluded", "loosemoreHanby", "gallagher", \
            "byKind": [{"kind", "name", "constituencies", "loosemoreHanby", "gallagher"}]}]}.

            Uncertainty: --samples N reads the disputed figures (headcounts, shares, delegates sent: \
            observations with 'alternatives') N times among their readings: the recorded one with the \
            probability of its confidence (high 0.95, medium 0.75, low 0.5; --presence), the \
            alternatives sharing the rest by their own confidences; constituencies and indices are \
            recomputed on each. Each bias entry gains loosemoreHanbyLow/High/Median and \
            gallagherLow/High/Median (5th and 95th percentiles by default; --interval) and \
            samplesCounted (the samples in which the index is defined); the top level gains \
            "samples", "seed", "interval". Bodies and ties are taken as recorded. The same --seed \
            gives the same output.

            Examples:
              orgnet represent 1917-10
              orgnet represent --council "petrograd soviet" --rule duplicate --format json
              orgnet represent --data Graphs/sample
              orgnet represent 1917-10 --council "petrograd soviet" --samples 500 --seed 1
            """)

    @Argument(help: ArgumentHelp("A month (YYYY-MM) or a file.", valueName: "month|file")) var target: String?
    @Option(name: .long, help: ArgumentHelp("split (default) or duplicate.", valueName: "rule")) var rule:
        ConstituencyRule = .split
    @Option(name: .long, help: ArgumentHelp("Only this council's bias (default: every council).", valueName: "org"))
    var council: String?
    @OptionGroup var top: TopOption
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        let month: String
        let rule: ConstituencyRule
        let constituencies: [Constituency]
        let compositions: [PropagatedComposition]
        let bias: [RepresentationBias]
        /// With --samples only.
        var samples: Int? = nil, seed: UInt64? = nil, interval: Double? = nil
    }

    /// The two indices as printed. Over two constituencies they are one number by construction (both
    /// differences have the same size, so the half-sum and the root mean square agree): printed once,
    /// with the reason, rather than twice as if the second confirmed the first.
    static func indices(_ loosemoreHanby: Double, _ gallagher: Double, constituencies: Int) -> String {
        constituencies == 2
            ? "Loosemore-Hanby \(decimal(loosemoreHanby, 3)) (Gallagher is the same number for two constituencies)"
            : "Loosemore-Hanby \(decimal(loosemoreHanby, 3)), Gallagher \(decimal(gallagher, 3))"
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let councils =
                try council.map { q throws(OrgNetError) in [try Selection.organization(q, in: s.timeline).id] }
                ?? s.councils
            let all = try s.constituencies(rule: rule)
            let cons = all.filter { $0.people != nil }
                .sorted { $0.people! != $1.people! ? $0.people! > $1.people! : $0.id < $1.id }
            let options = try sampling.options()
            let bias: [RepresentationBias]
            if let options {
                bias = try s.representationBias(
                    of: councils, rule: rule, model: try sampling.model(s), sampling: options)
            } else {
                bias = try councils.map { c throws(OrgNetError) in
                    try s.representationBias(of: c, rule: rule, constituencies: all)
                }
            }
            let out = Output(
                month: s.label, rule: rule, constituencies: top.apply(cons),
                compositions: try s.propagatedCompositions(), bias: bias,
                samples: options?.samples, seed: options?.seed, interval: options?.interval)
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var t = Table(["council", "constituency", "represented", "delegates", "per_1000"])
                for b in out.bias {
                    for r in b.rows {
                        t.add([
                            b.council, r.id, r.represented.map { String($0) } ?? "",
                            r.delegates.map { String($0) } ?? "",
                            r.perThousand.map { String($0) } ?? "",
                        ])
                    }
                }
                say(t.csv)
            case .table:
                say("Constituencies — \(title(s)), rule: \(rule.rawValue)")
                var t = Table(["body", "represents", "observed", "through chains"], rightAligned: [1, 2, 3])
                for c in out.constituencies {
                    t.add([
                        c.name, decimal(c.people!, 1), c.observed.map { decimal($0, 1) } ?? "",
                        c.computed.map { decimal($0, 1) } ?? "",
                    ])
                }
                say(out.constituencies.isEmpty ? "(no workers or soldiers observed)" : t.text)
                let unweighed = all.filter { !$0.unweighed.isEmpty }
                if !unweighed.isEmpty {
                    say("\nReceivers without a known number of delegates (split by the rule shown)")
                    var u = Table(["sender", "receivers not weighed", "rule"])
                    for c in unweighed {
                        u.add([
                            c.name, c.unweighed.map { s.organization($0)?.name ?? $0 }.joined(separator: ", "),
                            c.unweighedRule?.rawValue ?? "",
                        ])
                    }
                    say(u.text)
                }
                if !out.compositions.isEmpty {
                    say("\nExpected compositions from the base")
                    var c = Table(["body", "proportional", "winner-take-all", "recorded"])
                    func text(_ pcs: [PartyCount]) -> String {
                        pcs.map { "\(s.timeline.party($0.party)?.name ?? $0.party) \(decimal($0.count, 1))" }.joined(
                            separator: ", ")
                    }
                    for p in out.compositions {
                        c.add([
                            p.name, text(p.proportional), text(p.winnerTakeAll),
                            p.recorded.map { text($0) + " (\(p.recordedMonth ?? ""))" } ?? "",
                        ])
                    }
                    say(c.text)
                }
                for b in out.bias {
                    // The constituencies the indices are computed over (both numbers known).
                    let counted = b.rows.count - b.excluded.count
                    var idx = ""
                    if let lh = b.loosemoreHanby, let g = b.gallagher {
                        idx = ": " + Self.indices(lh, g, constituencies: counted)
                        // Without samples the indices rest on the recorded figures alone, some of them
                        // disputed: say so where the number is read, not only in --help.
                        if out.samples == nil { idx += " (on the recorded figures; --samples N gives their range)" }
                    }
                    say("\nRepresentation in \(b.name)" + idx)
                    if let n = out.samples, let iv = out.interval {
                        func span(_ lo: Double?, _ hi: Double?) -> String? {
                            guard let lo, let hi else { return nil }
                            return lo == hi ? decimal(lo, 3) : "\(decimal(lo, 3))–\(decimal(hi, 3))"
                        }
                        // Over two constituencies the indices are one number in every sample too.
                        let two = counted == 2
                        let spans = [
                            span(b.loosemoreHanbyLow, b.loosemoreHanbyHigh).map {
                                "Loosemore-Hanby \($0)" + (two ? " (Gallagher the same)" : "")
                            },
                            two ? nil : span(b.gallagherLow, b.gallagherHigh).map { "Gallagher \($0)" },
                        ].compactMap { $0 }
                        say(
                            "  over \(n) plausible readings of the disputed figures (seed \(out.seed ?? 1), \(decimal(iv))% intervals): "
                                + (spans.isEmpty
                                    ? "no sample defines the indices"
                                    : spans.joined(separator: ", ")
                                        + " (defined in \(b.samplesCounted ?? 0) samples)"))
                    }
                    for k in b.byKind {
                        say(
                            "  among the \(k.constituencies.count) constituencies of kind \(k.name)"
                                + (out.samples == nil ? ": " : ", on the recorded figures (not sampled): ")
                                + Self.indices(k.loosemoreHanby, k.gallagher, constituencies: k.constituencies.count))
                    }
                    var t = Table(
                        ["constituency", b.basis == "share" ? "share" : "represented", "delegates", "per 1,000"],
                        rightAligned: [1, 2, 3])
                    for r in b.rows {
                        t.add([
                            r.name, r.represented.map { b.basis == "share" ? percent($0) : decimal($0, 1) } ?? "?",
                            r.delegates.map { decimal($0, 1) } ?? "?", r.perThousand.map { decimal($0, 2) } ?? "",
                        ])
                    }
                    say(t.text)
                }
            }
        }
    }
}

import ArgumentParser
import OrgNet
import OrgNetIO

extension CentralityMeasure: ExpressibleByArgument {}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Rank organizations by a centrality measure (networkx names and defaults).",
        discussion: """
            MONTH is YYYY-MM (default: the dataset's default month, else the latest); FILE is a network file (DOT, GraphML, GEXF, \
            GML, node-link JSON, CSV edge list; node ids are the file's own) or a YAML dataset. The \
            network's edges are the ties of the chosen roles (--roles; default: the dataset's \
            influence_roles, else delegation and authority, else every tie, said on stderr), \
            directed from -> to (a delegation points at the body that receives the delegates; an \
            authority tie at the body directed). Parallel ties collapse into one edge, as in networkx.

            Measures (normalized as networkx; --raw gives the unnormalized value where one exists):
              degree         (in + out) ties / (n - 1); raw: the count (weighted: sum of weights)
              in-degree      ties received / (n - 1), e.g. delegations received (directed only)
              out-degree     ties sent / (n - 1) (directed only)
              betweenness    share of shortest paths through the body (Brandes), / (n-1)(n-2); raw: path counts
              closeness      (r-1)/sum of distances TO the body, times (r-1)/(n-1) (Wasserman-Faust);
                             raw: without the (r-1)/(n-1) factor
              harmonic       sum of 1/distance from every other body (never normalized)
              pagerank       random surfer, alpha 0.85, networkx's stopping rule (tol 1e-6); sums to 1
              eigenvector    principal eigenvector over in-ties, unit length
              katz           alpha 0.1, beta 1, unit length; raw: not normalized
              hubs           HITS hub scores (sum 1): bodies pointing at strong authorities
              authorities    HITS authority scores (sum 1)
            --weighted uses tie weights (delegates sent; 1 when unknown): as strengths for degree, \
            pagerank, eigenvector, katz and HITS, as distances for betweenness, closeness and harmonic \
            (networkx's convention).

            Output: a table, highest first; --format json gives \
            {"measure", "month", "roles", "weighted", "scores": [{"id", "name", "score"}]}.

            Uncertainty: --samples N draws N plausible networks in which each organization and tie \
            exists with a probability set by its confidence (high 0.95, medium 0.75, low 0.5; \
            --presence or the dataset's presence: override them; --without assumptions drops \
            assumed elements) and gives each score low/high (the 5th and 95th percentiles; \
            --interval), median and the rank range rankLow/rankHigh; score stays the value on the \
            recorded network. The same --seed gives the same output. Sampled measures: degree, \
            in-degree, out-degree, betweenness, closeness, harmonic, pagerank.

            Examples:
              orgnet centrality 1917-10 --measure betweenness --top 10
              orgnet centrality --measure in-degree --roles delegation --weighted
              orgnet centrality graph.dot --measure pagerank --format json
              orgnet centrality docs/examples/letters.gml --measure betweenness --format json
              orgnet centrality docs/examples/letters.csv --undirected --measure closeness
              orgnet centrality 1917-10 --measure betweenness --samples 1000 --seed 1
            """)

    @Argument(
        help: ArgumentHelp(
            "A month (YYYY-MM) or a network file (.dot .graphml .gexf .gml .json .csv).", valueName: "month|file"),
        completion: Completions.monthOrFile) var target: String?
    @Option(name: .long, help: ArgumentHelp("The measure (default: degree).", valueName: "measure"))
    var measure: CentralityMeasure = .degree
    @Flag(name: .long, help: "Unnormalized values (see the measures below).") var raw = false
    @OptionGroup var network: NetworkOptions
    @OptionGroup var top: TopOption
    @OptionGroup var sampling: SamplingOption
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table, json or csv.") var format: OutputStyle = .table

    struct Output: Encodable {
        let measure: String
        let month: String
        let roles: [String]?
        let weighted: Bool
        let raw: Bool
        let scores: [Score]
    }

    struct SampledOutput: Encodable {
        let measure: String
        let month: String
        let roles: [String]?
        let weighted: Bool
        let raw: Bool
        let samples: Int
        let seed: UInt64
        let interval: Double
        let scores: [IntervalScore]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let view = try network.view(s)
            if let options = try sampling.options() {
                try runSampled(s, view, options)
                return
            }
            let scores = top.apply(try view.centrality(measure, raw: raw))
            let out = Output(
                measure: measure.rawValue, month: s.label, roles: view.roles.sortedNames,
                weighted: view.weighted, raw: raw, scores: scores)
            switch format {
            case .json: say(jsonText(out))
            case .csv:
                var t = Table(["rank", "id", "name", "score"])
                for (i, sc) in scores.enumerated() { t.add([String(i + 1), sc.id, sc.name, String(sc.score)]) }
                say(t.csv)
            case .table:
                let roles = out.roles?.joined(separator: ", ") ?? "all ties"
                say(
                    "\(measure.rawValue)\(raw ? " (raw)" : "") — \(title(s)), \(roles)\(view.weighted ? ", weighted" : "")"
                )
                var t = Table(["#", "organization", "id", "score"], rightAligned: [0, 3])
                for (i, sc) in scores.enumerated() { t.add([String(i + 1), sc.name, sc.id, decimal(sc.score, 6)]) }
                say(t.text)
            }
        }
    }

    private func runSampled(_ s: Snapshot, _ view: NetworkView, _ options: SamplingOptions) throws(OrgNetError) {
        let u = UncertainNetwork(view, model: try sampling.model(s))
        let scores = top.apply(try u.centrality(measure, raw: raw, options: options))
        let out = SampledOutput(
            measure: measure.rawValue, month: s.label, roles: view.roles.sortedNames,
            weighted: view.weighted, raw: raw, samples: options.samples, seed: options.seed,
            interval: options.interval, scores: scores)
        switch format {
        case .json: say(jsonText(out))
        case .csv:
            var t = Table(["rank", "id", "name", "score", "low", "high", "median", "rankLow", "rankHigh"])
            for (i, sc) in scores.enumerated() {
                t.add([
                    String(i + 1), sc.id, sc.name, String(sc.score), String(sc.low), String(sc.high), String(sc.median),
                    String(sc.rankLow), String(sc.rankHigh),
                ])
            }
            say(t.csv)
        case .table:
            let roles = out.roles?.joined(separator: ", ") ?? "all ties"
            say(
                "\(measure.rawValue)\(raw ? " (raw)" : "") — \(title(s)), \(roles)\(view.weighted ? ", weighted" : "")"
                    + "; \(options.samples) plausible networks, seed \(options.seed), \(decimal(options.interval))% intervals"
            )
            var t = Table(
                ["#", "organization", "id", "score", "low", "high", "median", "ranks"],
                rightAligned: [0, 3, 4, 5, 6, 7])
            for (i, sc) in scores.enumerated() {
                t.add([
                    String(i + 1), sc.name, sc.id, decimal(sc.score, 6), decimal(sc.low, 6), decimal(sc.high, 6),
                    decimal(sc.median, 6),
                    sc.rankLow == sc.rankHigh ? String(sc.rankLow) : "\(sc.rankLow)–\(sc.rankHigh)",
                ])
            }
            say(t.text)
        }
    }
}

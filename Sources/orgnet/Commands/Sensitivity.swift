import ArgumentParser
import OrgNet
import OrgNetIO

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which uncertain elements a ranking hangs on.",
        discussion: """
            MONTH is YYYY-MM (default: the latest month); FILE is a network file. Takes the top K \
            bodies of a centrality measure on the recorded network, then drops each assumed or \
            low-confidence organization and tie in turn and recomputes. For each element:
              effect      1 − Kendall's tau-b between the recorded top-K order and the order of the
                          same K bodies once the element is dropped (0: the order stands; 1: no
                          agreement left; 2: reversed)
              changesTop  whether the set of the top K changes
            Elements are listed by effect, largest first. Disputed values do not enter centrality \
            measures and are not listed. Sampled measures only (degree, in-degree, out-degree, \
            betweenness, closeness, harmonic, pagerank).

            --format json gives {"measure", "month", "top": [ids], "elements": [{"id", "kind", \
            "status", "confidence", "effect", "changesTop"}]}.

            Examples:
              orgnet sensitivity 1917-10 --measure pagerank --top 5
              orgnet sensitivity 1917-06 --measure betweenness --format json
            """)

    @Argument(help: ArgumentHelp("A month (YYYY-MM) or a network file.", valueName: "month|file")) var target: String?
    @Option(name: .long, help: ArgumentHelp("The measure (default: pagerank).", valueName: "measure"))
    var measure: CentralityMeasure = .pagerank
    @Option(name: .long, help: ArgumentHelp("How many top bodies to compare (default 10).", valueName: "k"))
    var top = 10
    @Option(name: .long, help: ArgumentHelp("Show only the first N elements.", valueName: "n"))
    var limit: Int?
    @OptionGroup var network: NetworkOptions
    @OptionGroup var data: DataOption
    @OptionGroup var time: MonthOption
    @Option(name: .long, help: "table or json.") var format: TableOrJSON = .table

    struct Element: Encodable {
        let id: String, kind: String, status: String, confidence: String?
        let effect: Double, changesTop: Bool
    }
    struct Output: Encodable {
        let measure: String, month: String, top: [String], elements: [Element]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let s = try Selection.snapshot(target, data: data.data, month: time.month, options: data.readOptions)
            let view = try network.view(s)
            let u = UncertainNetwork(view, model: s.timeline.presence)
            let (topIDs, found) = try u.sensitivity(measure, top: top)
            let rows = limit.map { Array(found.prefix(max(0, $0))) } ?? found
            switch format {
            case .json:
                say(
                    jsonText(
                        Output(
                            measure: measure.rawValue, month: s.label, top: topIDs,
                            elements: rows.map {
                                Element(
                                    id: $0.id, kind: $0.kind, status: $0.status, confidence: $0.confidence,
                                    effect: $0.effect, changesTop: $0.changesTop)
                            })))
            case .table:
                let names = topIDs.map { s.timeline.organization($0)?.label ?? $0 }
                say("\(measure.rawValue) — \(title(s)): top \(topIDs.count) " + names.joined(separator: ", "))
                say("\(found.count) assumed or low-confidence elements, each dropped in turn:")
                var t = Table(["effect", "top changes", "element"], rightAligned: [0])
                for e in rows { t.add([decimal(e.effect, 3), e.changesTop ? "yes" : "", e.words]) }
                say(t.text)
            }
        }
    }
}

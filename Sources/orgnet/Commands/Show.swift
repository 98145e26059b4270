import ArgumentParser
import OrgNet
import OrgNetIO
import OrgNetRender

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one organization: kind, lifetime, observations, ties and sources.",
        discussion: """
            ORG is an id or an unambiguous part of a name ("putilov", "kronstadt"). An unknown or \
            ambiguous name ("vyborg" matches four bodies) lists the closest candidates (exit 64).
            Examples:
              orgnet show putilov-works --month 1917-10
              orgnet show "petrograd soviet" --format json
            """)

    @Argument(
        help: ArgumentHelp("An organization id or part of its name.", valueName: "org"),
        completion: Completions.organization) var org: String
    @Option(
        name: .long,
        help: ArgumentHelp("Ties and observations as of this month (default: all months).", valueName: "YYYY-MM"),
        completion: Completions.month)
    var month: String?
    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table or json.") var format: TableOrJSON = .table

    struct Output: Encodable {
        struct Source: Encodable { let ref: String; let title: String; let at: String?; let facts: [String] }
        struct TieOut: Encodable {
            let id: String; let direction: String; let role: String; let kind: String?; let other: String
            let weight: Double?; let since: String?; let until: String?; let sources: [Source]
            let status: String; let confidence: String?
        }
        struct Count: Encodable { let party: String; let count: Double }
        struct ObsOut: Encodable {
            let month: String; let quantity: String; let value: Double; let approximate: Bool
            let composition: [Count]; let alternatives: [Alt]; let sources: [Source]; let status: String;
            let confidence: String?
        }
        struct Alt: Encodable { let value: Double?; let composition: [Count]; let sources: [Source]; let note: String? }
        let id: String; let name: String; let short: String?; let kind: String; let kindName: String
        let parent: String?; let since: String?; let until: String?; let date: String?; let precision: String
        let aggregate: Int?; let attributes: [String: String]; let month: String?
        let status: String; let confidence: String?; let note: String?
        let sources: [Source]; let observations: [ObsOut]; let ties: [TieOut]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            let o = try Selection.organization(org, in: t)
            let m = try month.map { text throws(OrgNetError) in try t.month(named: text) }
            if let m, !o.lifetime.contains(m) {
                note("note: \(o.id) does not exist in \(m) (\(o.lifetime.text)); showing its ties of that month anyway")
            }
            let out = output(o, t, m)
            if format == .json { say(jsonText(out)); return }
            printTable(out, t)
        }
    }

    func sources(_ cs: [Citation], _ t: Timeline) -> [Output.Source] {
        cs.map { .init(ref: $0.ref, title: t.source($0.ref)?.title ?? $0.ref, at: $0.at, facts: $0.facts) }
    }

    func output(_ o: Organization, _ t: Timeline, _ m: Month?) -> Output {
        let ties = t.ties.filter { ($0.from == o.id || $0.to == o.id) && (m.map($0.lifetime.contains) ?? true) }
        let obs = t.observations(of: o.id).filter { ob in m.map { ob.month <= $0 } ?? true }
        func counts(_ c: [PartyCount]) -> [Output.Count] { c.map { .init(party: $0.party, count: $0.count) } }
        return Output(
            id: o.id, name: o.name, short: o.short, kind: o.kind, kindName: t.kind(o.kind)?.name ?? o.kind,
            parent: o.parent, since: o.lifetime.since?.description, until: o.lifetime.until?.description,
            date: o.lifetime.date, precision: o.lifetime.precision.rawValue, aggregate: o.aggregate,
            attributes: o.attributes, month: m?.description,
            status: o.provenance.status.rawValue, confidence: o.provenance.confidence?.rawValue,
            note: o.provenance.note,
            sources: sources(o.provenance.sources, t),
            observations: obs.map { ob in
                .init(
                    month: ob.month.description, quantity: ob.quantity, value: ob.value, approximate: ob.approximate,
                    composition: counts(ob.composition),
                    alternatives: ob.alternatives.map {
                        .init(
                            value: $0.value, composition: counts($0.composition),
                            sources: sources($0.provenance.sources, t), note: $0.provenance.note)
                    },
                    sources: sources(ob.provenance.sources, t), status: ob.provenance.status.rawValue,
                    confidence: ob.provenance.confidence?.rawValue)
            },
            ties: ties.map { tie in
                .init(
                    id: tie.id, direction: tie.from == o.id ? "out" : "in", role: tie.role.rawValue, kind: tie.kind,
                    other: tie.from == o.id ? tie.to : tie.from, weight: tie.weight,
                    since: tie.lifetime.since?.description, until: tie.lifetime.until?.description,
                    sources: sources(tie.provenance.sources, t), status: tie.provenance.status.rawValue,
                    confidence: tie.provenance.confidence?.rawValue)
            })
    }

    func printTable(_ out: Output, _ t: Timeline) {
        say("\(out.name)  [\(out.id)]")
        say("kind:        \(out.kindName)" + (out.aggregate.map { " (stands for \($0) bodies)" } ?? ""))
        if let p = out.parent { say("within:      \(t.organization(p)?.name ?? p)") }
        let life = Lifetime(since: out.since.flatMap(Month.init), until: out.until.flatMap(Month.init))
        say(
            "exists:      \(life.text)" + (out.date.map { " (dated \($0))" } ?? "")
                + (out.precision == "month" ? "" : ", \(out.precision)"))
        say(
            "status:      "
                + Provenance(
                    status: Status(rawValue: out.status) ?? .assumption,
                    confidence: out.confidence.flatMap(Confidence.init(rawValue:))
                ).statusText)
        for (k, v) in out.attributes.sorted(by: { $0.key < $1.key }) { say("\(k): \(v)") }
        if let n = out.note { say("note:        \(n)") }
        for s in out.sources {
            say(
                "source:      \(s.title)" + (s.at.map { ", \($0)" } ?? "")
                    + (s.facts.isEmpty ? "" : " [\(s.facts.joined(separator: ", "))]"))
        }
        if !out.observations.isEmpty {
            say("\nObservations" + (out.month.map { " up to \($0)" } ?? ""))
            var table = Table(["month", "quantity", "value", "composition", "status"], rightAligned: [2])
            for o in out.observations {
                let comp = o.composition.map { "\(t.party($0.party)?.name ?? $0.party) \(Text.number($0.count))" }
                    .joined(separator: ", ")
                let alt =
                    o.alternatives.isEmpty
                    ? ""
                    : " (disputed: " + o.alternatives.compactMap { $0.value.map(Text.number) }.joined(separator: ", ")
                        + ")"
                table.add([
                    o.month, o.quantity, (o.approximate ? "~" : "") + Text.number(o.value), comp + alt,
                    "\(o.status)/\(o.confidence ?? "certain")",
                ])
            }
            say(table.text)
        }
        say("\nTies" + (out.month.map { " in \($0)" } ?? ""))
        if out.ties.isEmpty { say("(none)") }
        var table = Table(["dir", "role", "other", "weight", "lifetime", "status"], rightAligned: [3])
        for tie in out.ties {
            let life = Lifetime(since: tie.since.flatMap(Month.init), until: tie.until.flatMap(Month.init)).text
            table.add([
                tie.direction == "out" ? "→" : "←", tie.kind ?? tie.role, t.organization(tie.other)?.name ?? tie.other,
                tie.weight.map(Text.number) ?? "", life, "\(tie.status)/\(tie.confidence ?? "certain")",
            ])
        }
        if !out.ties.isEmpty { say(table.text) }
    }
}

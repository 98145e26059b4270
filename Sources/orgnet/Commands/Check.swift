import ArgumentParser
import OrgNet
import OrgNetIO

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a dataset and summarize its provenance.",
        discussion: """
            Loads the dataset (schema, ids and references are checked while loading; errors name \
            file:line:column), then checks: ties outside their ends' lifetimes, inverted lifetimes, \
            delegation cycles in any month, party compositions adding up to more than the body, fact \
            references that resolve to nothing, and the sums the sources imply (`checks:` in the dataset, \
            e.g. 484 + 422 workers' delegates against about 900), and authority ties that run upward \
            (from a lower kind level to a higher one, by the dataset's `levels`) or lie on a cycle of \
            authority and delegation ties in some month, unless the tie gives `upward: REASON` (a note \
            does not count). Warnings (missing sources, children older than their parent, observations \
            outside a lifetime) are shown but pass.

            Prints counts by status (seed, external, assumption) and confidence, and the fact coverage.
            Exit status: 0 valid (warnings allowed), 65 errors.

            Examples:
              orgnet check                          the built-in dataset
              orgnet check --data Graphs/sample
              orgnet check --data tiny.yaml --format json
            """)

    @OptionGroup var data: DataOption
    @Option(name: .long, help: "table or json.") var format: TableOrJSON = .table

    struct Output: Encodable {
        struct Item: Encodable { let severity: String; let message: String; let location: String? }
        let dataset: String
        let valid: Bool
        let organizations: Int
        let ties: Int
        let observations: Int
        let status: [String: Int]
        let confidence: [String: Int]
        let factsEncoded: Int
        let factsExplained: Int
        let errors: Int
        let warnings: Int
        let findings: [Item]
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            let report = DatasetChecker().check(t)
            let out = Output(
                dataset: t.id, valid: report.errors.isEmpty, organizations: report.organizations, ties: report.ties,
                observations: report.observations,
                status: Dictionary(
                    uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, report.byStatus[$0] ?? 0) }),
                // "certain" counts the elements with no confidence recorded, listed only when there are some.
                confidence: Dictionary(
                    uniqueKeysWithValues: Confidence.allCases.map { ($0.rawValue, report.byConfidence[$0] ?? 0) }
                )
                .merging(report.certain > 0 ? ["certain": report.certain] : [:]) { a, _ in a },
                factsEncoded: report.factsEncoded, factsExplained: report.factsExplained,
                errors: report.errors.count, warnings: report.warnings.count,
                findings: report.findings.map {
                    .init(severity: $0.severity.rawValue, message: $0.message, location: $0.location?.description)
                })
            if format == .json {
                say(jsonText(out))
            } else {
                for f in report.findings { note(f.description) }
                say("\(t.title) [\(t.id)]")
                say(
                    "\(out.organizations) organizations, \(out.ties) ties, \(out.observations) observations, \(count(t.months.count, "month"))"
                )
                say(
                    "status:     "
                        + Status.allCases.map { "\($0.rawValue) \(out.status[$0.rawValue] ?? 0)" }.joined(
                            separator: ", "))
                say(
                    "confidence: "
                        + (Confidence.allCases.map(\.rawValue) + (report.certain > 0 ? ["certain"] : []))
                        .map { "\($0) \(out.confidence[$0] ?? 0)" }.joined(separator: ", "))
                if !t.facts.isEmpty {
                    say("facts:      \(out.factsEncoded) encoded, \(out.factsExplained) explained as not network facts")
                }
                if !t.sumChecks.isEmpty { say("sums:       \(t.sumChecks.count) checked") }
                say(
                    out.valid
                        ? "valid (\(out.warnings) warnings)" : "INVALID: \(out.errors) errors, \(out.warnings) warnings"
                )
            }
            if !out.valid {
                throw OrgNetError(.badData, "\(t.origin): \(out.errors) errors")
            }
        }
    }
}

import ArgumentParser
import Foundation
import OrgNet

/// `orgnet`: the command-line front of the library. Commands parse, call the library, print.
@main
struct OrgNetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgnet",
        abstract: "Model, measure and draw organizational networks month by month.",
        discussion: """
            orgnet ships the Petrograd 1917 timeline (workers' democracy: factory committees, district \
            soviets, the Petrograd Soviet, the Congresses of Soviets) and reads your own YAML timelines \
            (--data) or any DOT file in place of a month.

            Examples:
              orgnet months                          the months of the built-in dataset
              orgnet info 1917-10                    what October 1917 holds
              orgnet orgs --kind district_soviet     organization ids to type
              orgnet show putilov --month 1917-10    one organization, its ties and sources
              orgnet render 1917-10 -o oct.svg       draw a month (Graphviz, in-process)
              orgnet render graph.dot -T png -o g.png

            Exit status: 0 success, 1 no result, 64 usage, 65 bad data, 66 missing input,
            70 internal error, 73 cannot write.
            """,
        version: OrgNetVersion.string,
        subcommands: [
            Months.self, Orgs.self, Info.self, Show.self, Check.self, Render.self,
            Centrality.self, Path.self, Brokers.self, Power.self, Represent.self, WhatIf.self, Communities.self,
            Sensitivity.self,
            Diff.self, Compare.self, Gallery.self, Trend.self, Report.self,
            Export.self, Import.self, Generate.self, Bench.self, LayoutWorkerCommand.self,
        ]
    )

    /// Runs the command line; a first word that is no command gets "did you mean" (exit 64)
    /// instead of the parser's "unexpected argument".
    static func main() {
        Signals.install()
        let args = Array(CommandLine.arguments.dropFirst())
        if let first = args.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            if !names.contains(first), !configuration.subcommands.map({ $0._commandName }).contains(first) {
                let close = Suggestions.closest(to: first, in: names, limit: 3)
                let guess =
                    close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
                FileHandle.standardError.write(
                    Data(
                        "orgnet: unknown command '\(first)'\(guess)\n  commands: \(names.joined(separator: ", "))\n"
                            .utf8))
                Foundation.exit(64)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as OrgNetError {
            let status = ExitStatus(for: error)
            status.report()
            Foundation.exit(status.code)
        } catch {
            // Help, version and completions print as the parser prints them; every error is
            // "orgnet: ..." on standard error, as the commands' own errors are.
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            var text = fullMessage(for: error)
            if text.hasPrefix("Error: ") { text = "orgnet: " + text.dropFirst("Error: ".count) }
            if !text.isEmpty { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The version printed by `orgnet --version`.
enum OrgNetVersion {
    static let string = "0.1.0"
}

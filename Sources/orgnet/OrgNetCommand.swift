import ArgumentParser
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
          orgnet show putilov --month 1917-10    one organization, its ties and sources
          orgnet render 1917-10 -o oct.svg       draw a month (Graphviz, in-process)
          orgnet render graph.dot -T png -o g.png

        Exit status: 0 success, 1 no result, 64 usage, 65 bad data, 66 missing input,
        70 internal error, 73 cannot write.
        """,
        version: OrgNetVersion.string,
        subcommands: [
            Months.self, Info.self, Show.self, Check.self, Render.self,
            Centrality.self, Path.self, Brokers.self, Power.self, Represent.self, WhatIf.self, Communities.self, Sensitivity.self,
            Diff.self, Compare.self, Gallery.self, Trend.self, Report.self,
            Export.self, Import.self, Generate.self, Bench.self, LayoutWorkerCommand.self,
        ]
    )
}

/// The version printed by `orgnet --version`.
enum OrgNetVersion {
    static let string = "0.1.0"
}

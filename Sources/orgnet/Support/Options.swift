import ArgumentParser
import OrgNet

/// `--data PATH`: the dataset to use instead of the built-in one.
struct DataOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset folder or YAML file (default: the built-in Petrograd 1917 timeline).",
                                             valueName: "path"))
    var data: String?
}

/// `--format table|json|csv`.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

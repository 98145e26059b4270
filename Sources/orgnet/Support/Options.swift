import ArgumentParser
import OrgNet
import OrgNetIO

/// `--data PATH`: the dataset (or network file) to use instead of the built-in one, `--from` and
/// `--undirected` for how network files are read (``ReadOptions``; `-` is standard input, whose
/// format `--from` names), and the input limits (`--max-bytes`, `--max-nodes`, `--max-ties`,
/// `--max-label`) for every file the command reads.
struct DataOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A dataset folder, YAML file or network file (.dot .graphml .gexf .gml .json .csv), - for standard input (default: the built-in Petrograd 1917 timeline).",
            valueName: "path"), completion: .file())
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The format of an input whose name or content does not tell it, and of standard input (-): \(NetworkFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "format"))
    var from: NetworkFormat?
    @Flag(name: .long, help: "Read every network as undirected (networkx's Graph), whatever the file declares.")
    var undirected = false

    /// The input limits (`--max-bytes`, ...): one group, shared with commands that read a file without `--data`.
    @OptionGroup var limitOptions: InputLimitOptions

    /// The input limits the flags set; the command passes them to every loader it calls.
    var limits: InputLimits { limitOptions.limits }

    /// How the command reads files: `--from`, `--undirected`, the limits, notes on standard error.
    var readOptions: ReadOptions {
        ReadOptions(format: from, undirected: undirected, limits: limits, warn: { note($0) })
    }
}

/// `--max-bytes`, `--max-nodes`, `--max-ties`, `--max-label`: the documented input limits
/// (``InputLimits``) for every file a command reads. Part of ``DataOption``; commands that read a
/// file named otherwise (`bench`) or write what others read (`generate`) include it alone.
struct InputLimitOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Largest input file read, in bytes (default 16777216; also the DOT text handed to layout, 1500000 by default).",
            valueName: "n"))
    var maxBytes: Int?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most nodes (organizations) in an input (default 20000; 5000 for the dot layout).", valueName: "n"))
    var maxNodes: Int?
    @Option(name: .long, help: ArgumentHelp("Most ties (edges) in an input (default 100000).", valueName: "n"))
    var maxTies: Int?
    @Option(
        name: .long,
        help: ArgumentHelp("Longest name, label or attribute value, in characters (default 10000).", valueName: "n"))
    var maxLabel: Int?

    /// Checks the limits once after parsing.
    mutating func validate() throws {
        for (flag, value) in [
            ("--max-bytes", maxBytes), ("--max-nodes", maxNodes), ("--max-ties", maxTies), ("--max-label", maxLabel),
        ] {
            if let value, value < 1 { throw ValidationError("\(flag) must be a positive number") }
        }
    }

    /// The input limits the flags set; the command passes them to every loader it calls.
    var limits: InputLimits {
        var limits = InputLimits.default
        if let maxBytes { limits.maxFileBytes = maxBytes }
        if let maxNodes { limits.maxNodes = maxNodes }
        if let maxTies { limits.maxTies = maxTies }
        if let maxLabel { limits.maxLabelLength = maxLabel }
        return limits
    }
}

extension NetworkFormat: ExpressibleByArgument {}

/// `--format table|json|csv`.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `--format table|json`, for commands whose output is not a single table (csv is refused by the parser).
enum TableOrJSON: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `--month`: the snapshot of a dynamic FILE given as the `MONTH|FILE` argument (a month
/// `YYYY-MM`, or one of the times of a GEXF with numeric time), or of the dataset when no FILE
/// is given. Refused on a static file (``Selection/snapshot(_:data:month:)``).
struct MonthOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The month (YYYY-MM) of a dynamic FILE, or a time of a GEXF with numeric time (`orgnet months FILE` lists them).",
            valueName: "month"), completion: Completions.month)
    var month: String?
}

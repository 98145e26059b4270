import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic federation of councils (for benchmarks and tests).",
        discussion: """
            A network shaped like the Petrograd federation: bodies delegate up a hierarchy (each body \
            receives 5-40 delegating bodies), authority ties run down (80% of the pairs), and about 10% \
            of all ties are liaisons across the hierarchy between bodies of the same level: about 2 ties \
            per body. Bodies are u0 (the congress), u1, ... in breadth-first order, with a `kind` per \
            level; ties carry a `role`. The same --nodes and --seed give the same bytes on every machine.

            What generate writes, orgnet reads with the same limits: a federation over --max-nodes, \
            --max-ties or (for one file) --max-bytes is refused before anything is written (exit 64), \
            so pass the flags you will read it with (about 2.1 ties per body).

            Formats (-T): dot (default), graphml, edgelist (node indices, one tie a line), yaml (a \
            dataset folder with one month, 1917-10, for --data). Without -T the format follows the -o \
            extension (.gv dot, .xml graphml, .txt/.edges edgelist, .yaml/.yml yaml), else dot; an \
            extension naming no format is refused (exit 64).

            Examples:
              orgnet generate --nodes 10000 -o fed10k.dot
              orgnet generate --nodes 1000 --seed 7 -T graphml -o fed.graphml
              orgnet generate --nodes 300 -T yaml -o fed300
              orgnet generate --nodes 100000 --max-nodes 100000 --max-ties 250000 -o fed100k.dot
            """)

    @Option(name: .long, help: ArgumentHelp("Number of bodies (nodes).", valueName: "n")) var nodes: Int
    @Option(name: .long, help: ArgumentHelp("Random seed.", valueName: "seed")) var seed: UInt64 = 1917
    @Option(
        name: outputFormatNames, help: ArgumentHelp("Format: dot, graphml, edgelist, yaml.", valueName: "format"),
        completion: .list(["dot", "graphml", "edgelist", "yaml"]))
    var format: String?
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Output file (a folder for yaml), or - for standard output.", valueName: "path"),
        completion: .file())
    var output: String = "-"
    @OptionGroup var limits: InputLimitOptions

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            guard nodes >= 1, nodes <= 10_000_000 else {
                throw OrgNetError(.invalidArgument, "--nodes must be between 1 and 10,000,000")
            }
            // No -T and no extension (stdout, or a folder-like name) means DOT; an extension that
            // names no format (`-o x.svg`) is refused rather than filled with DOT.
            let chosen = try OutputFormatChoice(
                formats: ["dot", "graphml", "edgelist", "yaml"],
                aliases: ["gv": "dot", "xml": "graphml", "txt": "edgelist", "edges": "edgelist", "yml": "yaml"],
                fallback: "dot"
            ).choose(explicit: format, output: output)
            let gen = FederationGenerator(
                nodes: nodes, seed: seed, origin: "orgnet generate --nodes \(nodes) --seed \(seed)")
            if chosen == "yaml" && output == "-" {
                throw OrgNetError(.invalidArgument, "yaml writes a dataset folder: give one with -o")
            }
            let net = gen.network()
            // The same limits, checks and messages as the readers; a refused request is a usage error.
            func withinLimits(_ kind: InputLimits.Kind, _ value: Int, _ what: String) throws(OrgNetError) {
                do {
                    try limits.limits.check(kind, value, what, at: nil)
                } catch {
                    throw OrgNetError(
                        .invalidArgument,
                        error.message + " (\(ExitStatus.flag(kind)) raises it); orgnet would not read it back")
                }
            }
            try withinLimits(.nodes, net.nodeCount, "the federation has \(net.nodeCount) bodies")
            try withinLimits(.ties, net.links.count, "the federation has \(net.links.count) ties")
            let text: String
            switch chosen {
            case "yaml":
                try TimelineWriter.write(gen.timeline(net), to: output)
                text = ""
            case "graphml": text = gen.graphML(net)
            case "edgelist": text = gen.edgeList(net)
            default: text = gen.dot(net)
            }
            if chosen != "yaml" {
                try withinLimits(.fileBytes, text.utf8.count, "the \(chosen) text is \(text.utf8.count) bytes")
                try writeOutput(text: text, to: output)
            }
            if output != "-" && isatty(2) != 0 {
                note(
                    "wrote \(output) (\(chosen): \(net.nodeCount) bodies, \(count(net.links.count, "tie")), seed \(seed))"
                )
            }
        }
    }
}

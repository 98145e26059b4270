import ArgumentParser
import OrgNetRender

/// `orgnet _layout-worker`: the child process `orgnet render FILE` lays a user's DOT out in
/// (see ``LayoutIsolation``). Hidden; reads DOT on stdin, writes the drawing on stdout.
struct LayoutWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LayoutWorker.subcommand, abstract: "Internal: lay out DOT from stdin in a child process.",
        shouldDisplay: false)

    @Option var format: String = "svg"
    @Option var layout: String = "dot"

    func run() throws {
        let status = LayoutWorker.serve(format: format, layout: layout)
        if status != 0 { throw ExitCode(status) }
    }
}

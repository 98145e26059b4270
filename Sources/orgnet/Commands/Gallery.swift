import ArgumentParser
import OrgNet
import OrgNetIO
import OrgNetRender

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Draw every month of a dataset with one stable layout, a filmstrip and an index page.",
        discussion: """
            Writes MONTH.svg for each month (changes since the month before highlighted), filmstrip.svg \
            (all months in a row) and index.html into the folder (default: Render). The repository's \
            Render/ folder is this command's output for the built-in dataset.

            Examples:
              orgnet gallery                         the built-in dataset into ./Render
              orgnet gallery --data Graphs/sample -o out/gallery
            """)

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The folder to write (created if missing).", valueName: "dir"),
        completion: .directory)
    var output: String = "Render"
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure for node size: \(ComparisonMeasures.names.joined(separator: ", ")).", valueName: "name"))
    var measure: String = ComparisonMeasures.defaultName
    @OptionGroup var data: DataOption

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            let t = try Selection.timeline(data: data.data, options: data.readOptions)
            let layingOut = Progress(total: 1, verb: "laying out")
            layingOut.step("\(count(t.months.count, "month")) of \(t.id)")
            let files = try OrgNetRender.Gallery.files(for: t, measure: measure)
            layingOut.finish()
            try OutputFile.makeFolder(output)
            let writing = Progress(total: files.count, verb: "writing")
            defer { writing.finish() }
            for f in files {
                writing.step(f.path)
                try writeOutput(text: f.text, to: output + "/" + f.path)
            }
            note(
                "wrote \(count(files.count, "file")) to \(output)/ (\(count(t.months.count, "month")) of \(t.id), filmstrip.svg, index.html)"
            )
        }
    }
}

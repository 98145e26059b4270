import Foundation
import PackagePlugin

/// Compiles the datasets of `Graphs/` into the target that uses this plugin (`OrgNetBuiltIn`).
///
/// Every folder of `Graphs/` holding a `dataset.yaml` is a built-in dataset. Its YAML files are
/// the command's declared inputs, so editing, adding or removing one regenerates the Swift source
/// on the next build; `orgnet-embed` loads the folders with the project's YAML loader and writes
/// the timelines as Swift values into the plugin's work directory (docs/design.md §8).
@main
struct EmbedDatasets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let graphs = root.appending(path: "Graphs")
        let fm = FileManager.default
        let folders = try fm.contentsOfDirectory(atPath: graphs.path(percentEncoded: false)).sorted().filter {
            fm.fileExists(
                atPath: graphs.appending(path: $0).appending(path: "dataset.yaml").path(percentEncoded: false))
        }
        var inputs: [URL] = []
        for folder in folders {
            let dir = graphs.appending(path: folder)
            for rel in (fm.subpaths(atPath: dir.path(percentEncoded: false)) ?? []).sorted()
            where rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") {
                inputs.append(dir.appending(path: rel))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDatasets.swift")
        return [
            .buildCommand(
                displayName: "Compiling the built-in datasets of Graphs/ (\(folders.joined(separator: ", ")))",
                executable: try context.tool(named: "orgnet-embed").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)]
                    + folders.map { "Graphs/" + $0 },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}

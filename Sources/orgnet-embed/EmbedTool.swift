import Foundation
import OrgNet
import OrgNetIO

/// `orgnet-embed OUTPUT ROOT DATASET_DIR...`: the build-time tool of the `EmbedDatasets` plugin.
///
/// Loads each dataset folder (relative to ROOT, e.g. `Graphs/petrograd-1917`) with the project's
/// own YAML loader, so a built-in dataset passes the same validation and fails with the same
/// `file:line:column` messages as a user's, and writes Swift source that rebuilds the loaded
/// timelines as values (``SwiftSource``): the binary parses no YAML at start-up. A dataset that
/// does not load fails the build with the loader's message (exit 65).
@main
enum EmbedTool {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: orgnet-embed OUTPUT ROOT DATASET_DIR...\n".utf8))
            exit(64)
        }
        let (output, root, folders) = (arguments[0], arguments[1], Array(arguments.dropFirst(2)))
        // Load from ROOT with relative paths, so that messages about a built-in dataset name
        // `Graphs/<id>/<file>.yaml` as they would for a user running orgnet in a clone.
        guard FileManager.default.changeCurrentDirectoryPath(root) else {
            FileHandle.standardError.write(Data("orgnet-embed: cannot enter \(root)\n".utf8))
            exit(66)
        }
        var datasets: [(id: String, timeline: Timeline)] = []
        for folder in folders {
            let id = (folder as NSString).lastPathComponent
            do throws(OrgNetError) {
                var timeline = try TimelineLoader.load(path: folder)
                timeline.origin = "built-in:\(id)"
                datasets.append((id, timeline))
            } catch {
                FileHandle.standardError.write(Data("error: built-in dataset \(folder): \(error)\n".utf8))
                exit(65)
            }
        }
        let source = SwiftSource.file(datasets)
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("orgnet-embed: cannot write \(output): \(error)\n".utf8))
            exit(73)
        }
    }
}

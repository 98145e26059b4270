import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO
import OrgNetRender

/// Values the shell completions offer (`orgnet --generate-completion-script`): months and
/// organization ids of the dataset on the command line (`--data`, else the built-in one), file
/// paths, and fixed lists (formats, layouts). The shell calls back into `orgnet` for the custom
/// ones, so they always match the binary and the data.
enum Completions {
    /// The dataset named by `--data PATH` among the words typed so far, else the built-in one.
    static func timeline(_ words: [String]) -> Timeline? {
        let data = words.firstIndex(of: "--data").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        return try? Selection.timeline(data: data)
    }

    /// Files and folders starting with `prefix` (folders end in `/`), for arguments that take a
    /// month or a file.
    static func paths(_ prefix: String) -> [String] {
        let dir = prefix.contains("/") ? String(prefix[...prefix.lastIndex(of: "/")!]) : ""
        let base = String(prefix.dropFirst(dir.count))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
        return entries.filter { $0.hasPrefix(base) && (!$0.hasPrefix(".") || base.hasPrefix(".")) }.sorted().map {
            name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dir + name, isDirectory: &isDir)
            return dir + name + (isDir.boolValue ? "/" : "")
        }
    }

    /// A month of the dataset, or a file.
    static let monthOrFile = CompletionKind.custom { words, _, prefix in
        (timeline(words)?.months.map(\.description) ?? []).filter { $0.hasPrefix(prefix) } + paths(prefix)
    }

    /// A month of the dataset.
    static let month = CompletionKind.custom { words, _, prefix in
        (timeline(words)?.months.map(\.description) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// An organization id of the dataset.
    static let organization = CompletionKind.custom { words, _, prefix in
        (timeline(words)?.organizations.map(\.id) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The layout engines (`--layout`).
    static let layouts = CompletionKind.list(Rendering.layouts)
}

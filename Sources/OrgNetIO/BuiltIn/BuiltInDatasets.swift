import OrgNet

/// The datasets compiled into orgnet, so the tool works from any directory and when installed.
///
/// The YAML files of `Graphs/` are embedded by `scripts/embed-datasets.py`; a test checks the
/// embedded copy against the files, so the two cannot drift apart.
public enum BuiltInDatasets {
    /// The id of the default dataset: the Petrograd 1917 timeline when built in, else the sample.
    public static var defaultID: String {
        embedded.contains { $0.id == "petrograd-1917" } ? "petrograd-1917" : "sample"
    }

    /// The ids of the built-in datasets.
    public static var ids: [String] { embedded.map(\.id) }

    /// Loads a built-in dataset by id.
    public static func timeline(_ id: String) throws(OrgNetError) -> Timeline {
        guard let entry = embedded.first(where: { $0.id == id }) else {
            throw OrgNetError(.invalidArgument, "no built-in dataset '\(id)'", hints: ["built in: " + ids.joined(separator: ", ")])
        }
        return try TimelineLoader.load(files: entry.files.map { TimelineLoader.File(path: $0.path, text: $0.text) },
                                       origin: "built-in:\(id)")
    }

    /// The default dataset, loaded once per process.
    public static func defaultTimeline() throws(OrgNetError) -> Timeline {
        switch cachedDefault {
        case .success(let t): return t
        case .failure(let e): throw e
        }
    }

    private static let cachedDefault: Result<Timeline, OrgNetError> = {
        do throws(OrgNetError) { return .success(try timeline(defaultID)) } catch { return .failure(error) }
    }()

    /// The embedded YAML texts of a built-in dataset (path, text), for tests and exports.
    public static func files(_ id: String) -> [(path: String, text: String)] {
        embedded.first { $0.id == id }?.files ?? []
    }
}

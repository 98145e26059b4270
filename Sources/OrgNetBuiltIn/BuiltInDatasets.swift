import OrgNet

/// The datasets compiled into orgnet, so the tool works from any directory and when installed.
///
/// At build time the `EmbedDatasets` plugin runs `orgnet-embed`, which loads every dataset folder
/// of `Graphs/` with ``TimelineLoader`` (the same validation and messages as a user's dataset) and
/// writes the loaded timelines as Swift values into this module. Nothing is parsed at start-up and
/// no generated file is committed; editing a dataset's YAML regenerates it on the next build
/// (docs/design.md §8). The values are the loader's, so a built-in timeline equals the folder
/// loaded from disk (its `origin` is `built-in:ID`; its locations name `Graphs/ID/FILE.yaml`).
public enum BuiltInDatasets {
    /// The id of the default dataset: the Petrograd 1917 timeline when built in, else the sample.
    public static var defaultID: String {
        ids.contains("petrograd-1917") ? "petrograd-1917" : "sample"
    }

    /// The ids of the built-in datasets: the folder names under `Graphs/`, in name order.
    public static var ids: [String] { compiledIDs }

    /// A built-in dataset by id.
    /// - Throws: a usage error naming the built-in ids when `id` is not one of them.
    public static func timeline(_ id: String) throws(OrgNetError) -> Timeline {
        guard let timeline = compiledTimeline(id) else {
            throw OrgNetError(
                .invalidArgument, "no built-in dataset '\(id)'", hints: ["built in: " + ids.joined(separator: ", ")])
        }
        return timeline
    }

    /// The default dataset, built once per process.
    public static func defaultTimeline() throws(OrgNetError) -> Timeline {
        switch cachedDefault {
        case .success(let t): return t
        case .failure(let e): throw e
        }
    }

    private static let cachedDefault: Result<Timeline, OrgNetError> = {
        do throws(OrgNetError) { return .success(try timeline(defaultID)) } catch { return .failure(error) }
    }()
}

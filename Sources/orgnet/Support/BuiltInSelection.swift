import OrgNet
import OrgNetBuiltIn

/// The command line's selectors with the compiled-in default dataset: what every command reads
/// when `--data` is absent (docs/design.md §8).
extension Selection {
    /// ``Selection/timeline(data:builtIn:)`` defaulting to ``BuiltInDatasets/defaultTimeline()``.
    static func timeline(data: String?) throws(OrgNetError) -> Timeline {
        try timeline(data: data, builtIn: BuiltInDatasets.defaultTimeline)
    }

    /// ``Selection/snapshot(_:data:builtIn:)`` defaulting to ``BuiltInDatasets/defaultTimeline()``.
    static func snapshot(_ argument: String?, data: String?) throws(OrgNetError) -> Snapshot {
        try snapshot(argument, data: data, builtIn: BuiltInDatasets.defaultTimeline)
    }

    /// ``Selection/snapshots(_:data:builtIn:)`` defaulting to ``BuiltInDatasets/defaultTimeline()``.
    static func snapshots(_ arguments: [String?], data: String?) throws(OrgNetError) -> [Snapshot] {
        try snapshots(arguments, data: data, builtIn: BuiltInDatasets.defaultTimeline)
    }
}

import Foundation

/// The repository's root folder, found from this file's path: the one definition every test
/// target uses (fixtures, the sample dataset, the docs and examples the tests check).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The sample dataset of the repository (`Graphs/sample`).
public var sampleDatasetPath: String { repositoryRoot.appendingPathComponent("Graphs/sample").path }

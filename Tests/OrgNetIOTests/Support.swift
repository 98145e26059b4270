import Foundation
import TestSupport

@testable import OrgNet
@testable import OrgNetIO

/// The sample dataset folder of the repository.
var sampleFolder: String { sampleDatasetPath }

/// Loads a one-file dataset written in a test.
func loadYAML(_ text: String, file: String = "test.yaml") throws(OrgNetError) -> Timeline {
    try TimelineLoader.load(files: [.init(path: file, text: text)], origin: file)
}

/// A minimal valid header plus whatever a test adds.
func dataset(_ body: String) -> String {
    """
    id: t
    months: [1917-02, 1917-03]
    kinds: [{id: soviet, level: city}]
    sources: [{id: s, title: A source}]
    \(body)
    """
}

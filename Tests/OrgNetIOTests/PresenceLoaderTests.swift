import Testing

@testable import OrgNet
@testable import OrgNetIO

/// `presence:` in a dataset header: the uncertainty model's probabilities.
@Suite struct PresenceLoaderTests {
    func load(_ presence: String) throws -> Timeline {
        let text =
            "id: t\nmonths: [1917-02]\n\(presence)kinds: [{id: soviet, name: Soviet}]\norganizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\n"
        return try TimelineLoader.load(files: [.init(path: "dataset.yaml", text: text)], origin: "test")
    }

    @Test func defaultsAndOverrides() throws {
        let plain = try load("").presence
        #expect(plain.high == 0.95 && plain.medium == 0.75 && plain.low == 0.5 && plain.boundary == 0.5)
        let set = try load("presence: {high: 0.9, low: 0.3, boundary: 1}\n").presence
        #expect(set.high == 0.9 && set.medium == 0.75 && set.low == 0.3 && set.boundary == 1)
    }

    @Test func badPresenceNamesFileAndLine() throws {
        for bad in ["presence: {low: 1.5}\n", "presence: {certain: 1}\n", "presence: {low: often}\n"] {
            let error = #expect(throws: OrgNetError.self, "\(bad)") { try load(bad) }
            #expect(error?.description.contains("dataset.yaml:3") == true, "\(String(describing: error))")
        }
    }
}

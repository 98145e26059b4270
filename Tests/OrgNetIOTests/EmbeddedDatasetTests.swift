import Foundation
import OrgNet
import OrgNetBuiltIn
import OrgNetIO
import TestSupport
import Testing

/// The datasets compiled in at build time (the EmbedDatasets plugin) are the YAML loader's
/// timelines, value for value: loading `Graphs/ID` from disk gives an equal model.
@Suite(.tags(.builtInData)) struct EmbeddedDatasetTests {
    /// Every stored property of a timeline (public or not, through reflection, so that a property
    /// added to `Timeline` and forgotten by the generator fails here), as hashable values.
    static func properties(_ t: Timeline) -> [(label: String, value: AnyHashable?)] {
        Mirror(reflecting: t).children.map { ($0.label ?? "?", $0.value as? AnyHashable) }
    }

    /// The folder loaded from disk, with the two things that say where it came from rewritten as
    /// the built-in copy has them: `origin` and the repository-relative file names of locations.
    static func fromDisk(_ id: String) throws -> Timeline {
        let root = repositoryRoot.path + "/"
        var t = try TimelineLoader.load(path: root + "Graphs/" + id)
        #expect(t.origin == root + "Graphs/" + id)
        t.origin = "built-in:" + id
        t.locations = t.locations.mapValues { l in
            var l = l
            if l.file.hasPrefix(root) { l.file.removeFirst(root.count) }
            return l
        }
        return t
    }

    @Test(arguments: ["petrograd-1917", "sample"])
    func theCompiledTimelineEqualsTheFolderLoadedFromDisk(id: String) throws {
        let compiled = try BuiltInDatasets.timeline(id)
        let disk = try Self.fromDisk(id)
        let (a, b) = (Self.properties(compiled), Self.properties(disk))
        #expect(a.map(\.label) == b.map(\.label))
        #expect(a.count > 20, "a timeline has more than 20 stored properties")
        for ((label, x), (_, y)) in zip(a, b) {
            #expect(x != nil, "\(label) is not Hashable, so it is not compared")
            #expect(x == y, "\(id): \(label) differs between the compiled-in timeline and Graphs/\(id)")
        }
        // The collections element by element, so a difference names the element.
        for (x, y) in zip(compiled.organizations, disk.organizations) { #expect(x == y) }
        for (x, y) in zip(compiled.ties, disk.ties) { #expect(x == y) }
        for (x, y) in zip(compiled.observations, disk.observations) { #expect(x == y) }
        #expect(
            compiled.organizations.count == disk.organizations.count && compiled.ties.count == disk.ties.count
                && compiled.observations.count == disk.observations.count)
    }

    @Test func everyDatasetFolderIsBuiltIn() throws {
        let graphs = repositoryRoot.appendingPathComponent("Graphs").path
        let folders = try FileManager.default.contentsOfDirectory(atPath: graphs).filter {
            FileManager.default.fileExists(atPath: graphs + "/" + $0 + "/dataset.yaml")
        }.sorted()
        #expect(BuiltInDatasets.ids == folders)
        #expect(BuiltInDatasets.defaultID == "petrograd-1917")
    }

    @Test func messagesAboutTheBuiltInDatasetNameItsFiles() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        // The Petrograd Soviet is declared in the city organizations file (where `orgnet check` points).
        let at = try #require(t.locations["org:petrograd-soviet"])
        #expect(at.file == "Graphs/petrograd-1917/organizations/city.yaml")
        #expect(at.line != nil)
        #expect(t.origin == "built-in:petrograd-1917")
    }

    @Test func anUnknownIDIsAUsageErrorListingTheBuiltInOnes() {
        let error = #expect(throws: OrgNetError.self) { try BuiltInDatasets.timeline("petrograd-1918") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.hints.joined().contains("petrograd-1917") == true)
    }
}

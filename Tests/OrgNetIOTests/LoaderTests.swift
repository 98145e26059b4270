import Foundation
import TestSupport
import Testing

@testable import OrgNet
@testable import OrgNetIO

@Suite struct SampleDatasetTests {
    @Test func loadsTheSampleFolder() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        #expect(t.id == "sample")
        #expect(t.months.map(\.description) == ["1917-02", "1917-03", "1917-04"])
        #expect(t.organizations.count == 7)
        #expect(t.ties.count == 8)
        #expect(t.observations.count == 3)
        #expect(t.facts.count == 2)
        // Declared tie kinds map onto roles and keep their own word.
        let elects = try #require(t.tie("works-a->district-north"))
        #expect(elects.role == .delegation && elects.kind == "elects" && elects.weight == 3)
    }

    @Test func snapshotsFollowLifetimes() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        let feb = t.snapshot(at: Month("1917-02")!)
        #expect(feb.organizations.map(\.id).sorted() == ["city-soviet", "district-north", "works-a"])
        // A tie whose end does not exist yet is not in the snapshot.
        #expect(!feb.ties.contains { $0.to == "government" || $0.from == "works-b" })
        let mar = t.snapshot(at: Month("1917-03")!)
        #expect(mar.organization("government") != nil)
        #expect(mar.ties.count == 8)
        #expect(feb.observations.count == 1 && mar.observations.isEmpty)
    }

    @Test func compositionsAndAlternativesSurvive() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        let apr = t.snapshot(at: Month("1917-04")!)
        let soviet = try #require(apr.observation("seats", of: "city-soviet"))
        #expect(soviet.value == 10)
        #expect(soviet.count(of: "bolsheviks") == 4)
        #expect(soviet.alternatives.first?.value == 12)
        #expect(t.leadingParty(of: "city-soviet", at: Month("1917-04"))?.id == "bolsheviks")
        #expect(t.leadingParty(of: "city-soviet", at: Month("1917-03")) == nil)
        // The latest value is carried forward, with its month.
        #expect(t.latest("workers", of: "works-a", at: Month("1917-04"))?.month == Month("1917-02"))
    }

    @Test func resolvesOrganizationsByIdNameAndPart() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        #expect(try t.organization(matching: "works-b").id == "works-b")
        #expect(try t.organization(matching: "City Soviet").id == "city-soviet")
        #expect(try t.organization(matching: "provisional").id == "government")
        let ambiguous = error { () throws(OrgNetError) in _ = try t.organization(matching: "district") }
        #expect(ambiguous?.code == .invalidArgument)
        #expect(ambiguous?.hints.contains { $0.hasPrefix("district-north") } == true)
        let unknown = error { () throws(OrgNetError) in _ = try t.organization(matching: "wrks-a") }
        #expect(unknown?.code == .invalidArgument)
        #expect(unknown?.hints.first?.contains("works-a") == true)
    }

    @Test func unknownMonthListsTheMonths() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        let e = error { () throws(OrgNetError) in _ = try t.month(named: "1917-09") }
        #expect(e?.code == .invalidArgument)
        #expect(e?.hints.first?.contains("1917-02 1917-03 1917-04") == true)
    }
}

@Suite struct BadYAMLTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "syntax", body: "organizations:\n  - id: a\n   name: [unclosed", line: 7, message: "invalid YAML"),
        Case(
            name: "unknown field",
            body: "organizations:\n  - {id: a, name: A, kidn: soviet, status: seed, confidence: high}", line: 6,
            message: "needs a 'kind'"),
        Case(
            name: "typo field",
            body: "organizations:\n  - {id: a, name: A, kind: soviet, colour: red, status: seed, confidence: high}",
            line: 6, message: "unknown field 'colour'"),
        Case(
            name: "unknown kind",
            body: "organizations:\n  - {id: a, name: A, kind: sovet, status: seed, confidence: high}", line: 6,
            message: "unknown kind 'sovet'"),
        Case(
            name: "duplicate id",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\n  - {id: a, name: B, kind: soviet, status: seed, confidence: high}",
            line: 7, message: "used twice"),
        Case(
            name: "bad month",
            body: "organizations:\n  - {id: a, name: A, kind: soviet, since: 1917-13, status: seed, confidence: high}",
            line: 6, message: "month YYYY-MM"),
        Case(
            name: "bad status",
            body: "organizations:\n  - {id: a, name: A, kind: soviet, status: rumour, confidence: high}", line: 6,
            message: "status must be one of"),
        Case(
            name: "tie to nobody",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nties:\n  - {from: a, to: b, role: delegation, status: seed, confidence: high}",
            line: 8, message: "unknown organization 'b'"),
        Case(
            name: "unknown role",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nties:\n  - {from: a, to: a, role: bribes, status: seed, confidence: high}",
            line: 8, message: "role 'bribes'"),
        Case(
            name: "value not a number",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: a, month: 1917-02, quantity: seats, value: many, status: seed, confidence: high}",
            line: 8, message: "must be a number"),
        Case(
            name: "unknown source",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, sources: [{ref: nope}], status: seed, confidence: high}",
            line: 6, message: "unknown source 'nope'"),
        Case(name: "list expected", body: "organizations: {id: a}", line: 5, message: "must be a list"),
        Case(
            name: "retired delegates quantity",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: a, month: 1917-02,\n     quantity: delegates, value: 3, status: seed, confidence: high}",
            line: 9, message: "'delegates_sent' (on a tie, or on the sending body"),
        Case(
            name: "party members as a composition",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - org: a\n    month: 1917-02\n    quantity: party_members\n    value: 100\n    composition: {bolsheviks: 100}\n    status: seed\n    confidence: high",
            line: 12, message: "not a composition"),
        Case(
            name: "share of an unknown organization",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: a, month: 1917-02, quantity: workers, share: 0.5, of: nobody, status: seed, confidence: high}",
            line: 8, message: "unknown organization 'nobody'"),
        Case(
            name: "share without a parent value",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\n  - {id: b, name: B, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: b, month: 1917-03, quantity: workers, value: 10, status: seed, confidence: high}\n  - {org: a, month: 1917-02, quantity: workers, share: 0.5, of: b, status: seed, confidence: high}",
            line: 10, message: "b has no workers observation at or before 1917-02"),
        Case(
            name: "both value and share",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: a, month: 1917-02, quantity: workers, value: 3, share: 0.5, of: a, status: seed, confidence: high}",
            line: 8, message: "either 'value' or 'share'"),
        Case(
            name: "share out of range",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nobservations:\n  - {org: a, month: 1917-02, quantity: workers, share: 87, of: a, status: seed, confidence: high}",
            line: 8, message: "fraction from 0 to 1"),
        Case(name: "other in levels", body: "levels: [base, city, other]", line: 5, message: "'other' is unordered"),
        Case(name: "level listed twice", body: "levels: [base, city, base]", line: 5, message: "listed twice"),
        Case(
            name: "empty upward",
            body:
                "organizations:\n  - {id: a, name: A, kind: soviet, status: seed, confidence: high}\nties:\n  - {from: a, to: a, role: authority, upward: \"  \", status: seed, confidence: high}",
            line: 8, message: "upward needs a reason"),
        Case(
            name: "bad id",
            body: "organizations:\n  - {id: \"a b\", name: A, kind: soviet, status: seed, confidence: high}", line: 6,
            message: "may hold only"),
    ]

    @Test(arguments: cases)
    func namesFileLineAndProblem(_ c: Case) {
        let e = error { () throws(OrgNetError) in _ = try loadYAML(dataset(c.body), file: "bad.yaml") }
        #expect(e?.code == .badData)
        #expect(e?.location?.file == "bad.yaml")
        #expect(e?.location?.line == c.line, "\(e?.description ?? "no error")")
        #expect(e?.message.contains(c.message) == true, "\(e?.description ?? "no error")")
    }

    @Test func missingFolderIsMissingInput() {
        let e = error { () throws(OrgNetError) in _ = try TimelineLoader.load(path: "/nonexistent/dataset") }
        #expect(e?.code == .missingInput)
    }

    @Test func binaryJunkIsBadData() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-junk-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("junk.yaml")
        try Data([0xff, 0xfe, 0x00, 0x41, 0xc3]).write(to: file)
        let e = error { () throws(OrgNetError) in _ = try TimelineLoader.load(path: file.path) }
        #expect(e?.code == .badData)
        #expect(e?.location?.file == file.path)
    }
}

@Suite struct VocabularyTests {
    let two = """
        organizations:
          - {id: city, name: City, kind: soviet, status: seed, confidence: high}
          - {id: bloc, name: Bloc, kind: soviet, status: seed, confidence: high}
        """

    @Test func shareOfAParentIsComputedWithProvenance() throws {
        let t = try loadYAML(
            dataset(
                two + """

                    observations:
                      - {org: city, month: 1917-02, quantity: workers, value: 400000, approximate: true, status: seed, confidence: high}
                      - {org: bloc, month: 1917-03, quantity: workers, share: 0.87, of: city, status: seed, confidence: high}
                    """))
        let obs = try #require(t.latest("workers", of: "bloc", at: Month("1917-03")))
        // 87% of 400,000, taken from the parent's latest earlier month; approximate because the parent is.
        #expect(abs(obs.value - 348_000) < 1e-6)
        #expect(obs.approximate)
        #expect(obs.shareOf == ShareOf(share: 0.87, of: "city"))
    }

    @Test func aShareMayRestOnAnotherShare() throws {
        let t = try loadYAML(
            dataset(
                two + """

                      - {id: part, name: Part, kind: soviet, status: seed, confidence: high}
                    observations:
                      - {org: part, month: 1917-02, quantity: workers, share: 0.5, of: bloc, status: seed, confidence: high}
                      - {org: bloc, month: 1917-02, quantity: workers, share: 0.5, of: city, status: seed, confidence: high}
                      - {org: city, month: 1917-02, quantity: workers, value: 1000, status: seed, confidence: high}
                    """))
        #expect(t.latest("workers", of: "part", at: Month("1917-02"))?.value == 250)
        #expect(t.latest("workers", of: "part", at: Month("1917-02"))?.approximate == false)
    }

    @Test func sharesInACircleAreRefused() {
        let e = error { () throws(OrgNetError) in
            _ = try loadYAML(
                dataset(
                    two + """

                        observations:
                          - {org: city, month: 1917-02, quantity: workers, share: 0.5, of: bloc, status: seed, confidence: high}
                          - {org: bloc, month: 1917-02, quantity: workers, share: 0.5, of: city, status: seed, confidence: high}
                        """), file: "circle.yaml")
        }
        #expect(e?.code == .badData && e?.message.contains("circle") == true, "\(e?.description ?? "no error")")
        #expect(e?.location?.file == "circle.yaml" && e?.location?.line != nil)
    }

    @Test func levelsDefaultToTheShopFloorOrderAndCanBeDeclared() throws {
        #expect(try loadYAML(dataset(two)).levels == [.base, .factory, .district, .city, .national, .state])
        let t = try loadYAML(dataset("levels: [base, city, state]"))
        #expect(t.levels == [.base, .city, .state])
        // A level left out of the order is unordered, like `other`.
        #expect(t.levelRank(ofKind: "soviet") == 1)
    }

    @Test func convenesIsARoleOfItsOwnOutsideInfluence() throws {
        let t = try loadYAML(
            dataset(two + "\nties:\n  - {from: city, to: bloc, role: convenes, status: seed, confidence: high}"))
        #expect(t.ties.first?.role == .convenes)
        #expect(!Role.influence.contains(.convenes))
    }

    @Test func upwardReasonIsReadAndWrittenBack() throws {
        let t = try loadYAML(
            dataset(
                two
                    + "\nties:\n  - {from: bloc, to: city, role: authority, upward: \"a stated reason\", status: seed, confidence: high}"
            ))
        #expect(t.ties.first?.upwardReason == "a stated reason")
        let files = TimelineWriter.files(for: t).map { TimelineLoader.File(path: $0.name, text: $0.text) }
        let back = try TimelineLoader.load(files: files, origin: "written")
        #expect(back.ties.first?.upwardReason == "a stated reason")
    }

    @Test func upwardSurvivesGraphMLAndGEXF() throws {
        let t = try TimelineLoader.load(path: sampleFolder)
        let reason = try #require(t.tie("city-authority-north")?.upwardReason)
        let graphml = try GraphML.read(
            data: Data(GraphML.write(t.snapshot(at: Month("1917-04")!)).utf8), file: "s.graphml")
        #expect(graphml.tie("city-authority-north")?.upwardReason == reason)
        let gexf = try GEXF.read(data: Data(GEXF.write(t).utf8), file: "s.gexf")
        #expect(gexf.tie("city-authority-north")?.upwardReason == reason)
        #expect(DatasetChecker().check(gexf).errors.isEmpty, "the exception travels with the tie")
    }

    @Test func sharesAndLevelsSurviveTheYAMLWriter() throws {
        let t = try loadYAML(
            dataset(
                "levels: [base, city]\n" + two + """

                    observations:
                      - {org: city, month: 1917-02, quantity: workers, value: 400, status: seed, confidence: high}
                      - {org: bloc, month: 1917-02, quantity: workers, share: 0.25, of: city, status: seed, confidence: high}
                    """))
        let files = TimelineWriter.files(for: t).map { TimelineLoader.File(path: $0.name, text: $0.text) }
        let back = try TimelineLoader.load(files: files, origin: "written")
        #expect(back.levels == [.base, .city])
        #expect(back.observations == t.observations)
    }
}

@Suite struct OutputFileTests {
    @Test func writesAtomicallyAndLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgnet-out-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("a.txt").path
        try OutputFile.write(text: "hello", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "hello")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
    }

    @Test func unwritableTargetIsCannotWrite() {
        let e = error { () throws(OrgNetError) in try OutputFile.write(text: "x", to: "/nonexistent-dir/out.svg") }
        #expect(e?.code == .cannotWrite)
        #expect(e?.location?.file == "/nonexistent-dir/out.svg")
    }
}

@Suite struct YAMLAliasTests {
    @Test(arguments: [
        ("organizations: *orgs", 5),
        ("x: &a [1]\ny: [*a, *a]", 6),
        ("x: &a [1]\n? *a\n: 1", 6),
        ("x: &a [1]\ny:\n  - *a", 7),
    ])
    func aliasesAreRefusedBeforeComposing(_ body: String, _ line: Int) {
        let e = error { () throws(OrgNetError) in _ = try loadYAML(dataset(body), file: "alias.yaml") }
        #expect(e?.code == .badData)
        #expect(e?.message.contains("aliases") == true, "\(e?.description ?? "no error")")
        #expect(e?.location?.line == line)
    }

    @Test(arguments: [
        "organizations:\n  - {id: a, name: \"*starred*\", kind: soviet, note: 5 * 3 is a*b, status: seed, confidence: high}",
        "organizations:\n  - {id: a, name: '*x', kind: soviet, status: seed, confidence: high}  # *not an alias",
    ])
    func starsInTextAreNotAliases(_ body: String) throws {
        #expect(try loadYAML(dataset(body)).organizations.count == 1)
    }
}

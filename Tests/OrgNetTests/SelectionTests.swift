import Foundation
import OrgNetBuiltIn
import Testing

@testable import OrgNet

/// Matching what people type against organization names (issue 14).
@Suite struct SelectionTests {
    @Test func foldingMeetsSpellingsOfOneName() {
        // Cyrillic, a French-style "ou", a final f for v, accents and case all meet.
        #expect(Suggestions.fold("Путилов") == "putilov")
        #expect(Suggestions.fold("Putilof") == Suggestions.fold("Putilov"))
        #expect(Suggestions.fold("Poutilov") == Suggestions.fold("Putilov"))
        #expect(Suggestions.fold("Výborg") == Suggestions.fold("vyborg"))
        #expect(Suggestions.fold("Kharkov") == Suggestions.fold("Harkov"))
        // An f inside a word stays.
        #expect(Suggestions.fold("Sofia") == "sofia")
    }

    @Test func nameDistanceLooksAtRunsOfWords() {
        // "kronshtadt" is one letter from the first word of "Kronstadt soviet".
        #expect(Suggestions.nameDistance("kronshtadt", Suggestions.fold("Kronstadt soviet")) == 1)
        #expect(Suggestions.nameDistance("soviet", Suggestions.fold("Kronstadt soviet")) == 0)
        let close = Suggestions.closest(
            to: "kronshtadt",
            names: [
                ("kronstadt-soviet", ["kronstadt-soviet", "Kronstadt soviet"]),
                ("putilov-works", ["putilov-works", "Putilov works"]),
            ])
        #expect(close == ["kronstadt-soviet"])
    }

    @Test func organizationsResolveByFoldedNamesAndLeadingWords() throws {
        let t = try BuiltInDatasets.defaultTimeline()
        #expect(try t.organization(matching: "Путилов").id == "putilov-works")
        // Both the Congress and the VTsIK "from the Second Congress" hold the words; the name that
        // begins with them wins.
        #expect(try t.organization(matching: "second congress").id == "congress-2")
        do {
            _ = try t.organization(matching: "zzzz-nothing")
            Issue.record("an unknown name resolved")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.remedy == .listOrganizations)
        }
    }
}

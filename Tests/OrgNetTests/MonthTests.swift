import Testing

@testable import OrgNet

@Suite struct MonthTests {
    @Test(arguments: ["1917-02", "1922-12", "0999-01"])
    func parsesAndPrints(_ text: String) throws {
        let m = try #require(Month(text))
        #expect(m.description == text)
    }

    @Test(arguments: ["1917-13", "1917-00", "17-02", "1917/02", "", "abcd-ef", "1917-2", "1917-02-32", "１９１７-02"])
    func rejects(_ text: String) {
        #expect(Month(text) == nil)
    }

    @Test func ordersAndNames() throws {
        let feb = try #require(Month("1917-02")), oct = try #require(Month("1917-10")),
            jan = try #require(Month("1918-01"))
        #expect(feb < oct && oct < jan)
        #expect(jan.ordinal - oct.ordinal == 3)
        #expect(oct.longName == "October 1917")
    }

    @Test func lifetimeIsInclusive() throws {
        let l = Lifetime(since: Month("1917-03"), until: Month("1917-05"))
        #expect(!l.contains(Month("1917-02")!))
        #expect(l.contains(Month("1917-03")!))
        #expect(l.contains(Month("1917-05")!))
        #expect(!l.contains(Month("1917-06")!))
    }
}

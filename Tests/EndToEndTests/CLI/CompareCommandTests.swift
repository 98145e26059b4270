import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct CompareCommandTests {
    @Test func diffTableNamesAddedTiesAndChanges() async throws {
        let r = try await CLI.run(["diff", "1917-02", "1917-04", "--data", CLI.sample])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1917-02 → 1917-04: +4 / −0 organizations, +4 / −0 ties"))
        #expect(r.stdout.contains("Added organizations (4)"))
        #expect(r.stdout.contains("district-south"))
        #expect(r.stdout.contains("composition (seats)"))
        #expect(r.stdout.contains("Betweenness: largest shifts"))
    }

    @Test func diffJSONHasTheIssueKeys() async throws {
        let r = try await CLI.run([
            "diff", "1917-03", "1917-04", "--data", CLI.sample, "--format", "json", "--measure", "degree",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(o["added"] != nil && o["removed"] != nil && o["changed"] != nil)
        #expect(o["measure"] as? String == "degree")
        #expect((o["changed"] as? [[String: Any]])?.count == 1) // the city soviet (Works A's deputies are on its tie)
    }

    @Test func diffOfTwoDOTFiles() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "digraph A { a -> b; b -> c }".write(
            to: dir.appendingPathComponent("a.dot"), atomically: true, encoding: .utf8)
        try "digraph B { a -> b; b -> d; d [kind=soviet] }".write(
            to: dir.appendingPathComponent("b.dot"), atomically: true, encoding: .utf8)
        let r = try await CLI.run(["diff", "a.dot", "b.dot", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let added = try #require(o["added"] as? [String: Any])
        #expect((added["organizations"] as? [[String: Any]])?.map { $0["id"] as? String } == ["d"])
        let removed = try #require(o["removed"] as? [String: Any])
        #expect((removed["organizations"] as? [[String: Any]])?.map { $0["id"] as? String } == ["c"])
    }

    @Test func diffErrors() async throws {
        #expect(try await CLI.run(["diff", "1917-02", "1917-09", "--data", CLI.sample]).status == 64)
        #expect(
            try await CLI.run(["diff", "1917-02", "1917-03", "--data", CLI.sample, "--measure", "fame"]).status == 64)
        #expect(try await CLI.run(["diff", "1917-02", "missing.dot", "--data", CLI.sample]).status == 66)
        #expect(try await CLI.run(["diff", "1917-02"]).status == 64)
    }

    @Test func compareWritesOneSVGWithAPanelPerMonth() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(
            ["compare", "1917-02", "1917-03", "1917-04", "--data", CLI.sample, "-o", "cmp.svg", "--columns", "2"],
            in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote cmp.svg (3 panels"))
        let data = try Data(contentsOf: dir.appendingPathComponent("cmp.svg"))
        let groups = try #require(SVGGroups.parse(data), "not XML")
        #expect(groups.count("panel") == 3)
        #expect(groups.ids.contains("p2-org-works-a") && groups.ids.contains("p0-org-works-a"))
        #expect(groups.count("added") > 0)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(">February 1917<") && text.contains(">April 1917<"))
        #expect(!text.contains("<script"))
    }

    @Test func compareToStdoutAndErrors() async throws {
        let r = try await CLI.run([
            "compare", "1917-02", "1917-04", "--data", CLI.sample, "-o", "-", "--measure", "pagerank",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<?xml") && r.stdout.contains("Node size: PageRank"))
        #expect(try await CLI.run(["compare", "1917-02", "--data", CLI.sample, "-o", "-"]).status == 64)
        #expect(try await CLI.run(["compare", "1917-02", "1917-03", "--data", CLI.sample, "-o", "x.png"]).status == 64)
        #expect(
            try await CLI.run([
                "compare", "1917-02", "1917-03", "--data", CLI.sample, "-o", "/nonexistent-folder/x.svg",
            ])
            .status == 73)
    }
}

@Suite struct GalleryTrendReportCommandTests {
    @Test func galleryWritesMonthsFilmstripAndIndex() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["gallery", "--data", CLI.sample, "-o", "g"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("g").path).sorted()
        #expect(files == ["1917-02.svg", "1917-03.svg", "1917-04.svg", "filmstrip.svg", "index.html"])
    }

    @Test func trendCSVToStdoutAndSVGToFile() async throws {
        let csv = try await CLI.run([
            "trend", "--metric", "seats", "--org", "city-soviet,works-a", "--data", CLI.sample, "--format", "csv",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "month,city-soviet,works-a\n1917-02,,\n1917-03,,\n1917-04,10,\n")
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = try await CLI.run(
            ["trend", "--metric", "betweenness", "--org", "City soviet", "--data", CLI.sample, "-o", "t.svg"], in: dir)
        #expect(svg.status == 0, "\(svg.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("t.svg"), encoding: .utf8)
        #expect(text.contains("<svg") && text.contains(">1917-03<") && !text.contains("<script"))
        let viaExtension = try await CLI.run(
            ["trend", "--metric", "workers", "--org", "works-a", "--data", CLI.sample, "-o", "w.csv"], in: dir)
        #expect(viaExtension.status == 0)
        #expect(
            try String(contentsOf: dir.appendingPathComponent("w.csv"), encoding: .utf8).hasPrefix(
                "month,works-a\n1917-02,3000\n"))
    }

    @Test func trendErrors() async throws {
        #expect(
            try await CLI.run(["trend", "--metric", "fame", "--org", "works-a", "--data", CLI.sample]).status == 64)
        #expect(
            try await CLI.run(["trend", "--metric", "degree", "--org", "nobody", "--data", CLI.sample]).status == 64)
        #expect(try await CLI.run(["trend", "--metric", "degree", "--data", CLI.sample]).status == 64)
    }

    @Test func reportWritesIndexAndPictures() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["report", "--data", CLI.sample, "-o", "rep"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("rep/index.html").path))
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("rep/svg/filmstrip.svg").path))
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("rep/charts/size.svg").path))
    }
}

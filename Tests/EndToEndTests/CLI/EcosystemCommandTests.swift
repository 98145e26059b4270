import Foundation
import Testing

/// Command-line manners: --version, completions and man page (make install), colour only on a
/// terminal, progress only on a terminal; and `export -T dot`.
@Suite struct EcosystemCommandTests {
    static let escape = "\u{1B}["

    @Test func versionPrintsTheVersion() async throws {
        let r = try await CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        #expect(r.stdout.hasPrefix("0."))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheSubcommands(shell: String) async throws {
        let r = try await CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        for sub in ["months", "render", "export", "import", "centrality"] {
            #expect(r.stdout.contains(sub), "\(shell): \(sub)")
        }
    }

    @Test func makeInstallPutsBinaryCompletionsAndManPage() throws {
        let tmp = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let prefix = "/opt/orgnet-test", destdir = tmp.appendingPathComponent("root").path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = [
            "make", "-s", "install", "PREFIX=\(prefix)", "DESTDIR=\(destdir)", "BIN=\(CLI.binary.path)",
            "GEN=\(tmp.appendingPathComponent("gen").path)",
        ]
        make.currentDirectoryURL = CLI.repositoryRoot
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let root = destdir + prefix
        let files = [
            "bin/orgnet", "share/man/man1/orgnet.1", "share/bash-completion/completions/orgnet",
            "share/zsh/site-functions/_orgnet", "share/fish/vendor_completions.d/orgnet.fish",
        ]
        for f in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + f)[.size] as? Int) ?? 0
            #expect(size > 0, "\(f)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: root + "/bin/orgnet"))
        let man = try String(contentsOfFile: root + "/share/man/man1/orgnet.1", encoding: .utf8)
        #expect(man.contains(".TH ORGNET 1"))
        for sub in [
            "months", "info", "show", "check", "render", "centrality", "path", "brokers", "power",
            "represent", "whatif", "communities", "export", "import",
        ] {
            #expect(man.contains(".SS orgnet \(sub)\n"), "man page lacks \(sub)")
        }
        #expect(man.contains("NO_COLOR"))
        #expect(man.contains(".SH EXIT STATUS") && man.contains("\\fB73\\fR"), "the man page lists the exit statuses")
        // Verbatim (.nf) lines are not wrapped by man: each fits 80 columns with man's indent of 7.
        var verbatim = false
        for line in man.components(separatedBy: "\n") {
            if line == ".nf" {
                verbatim = true
            } else if line == ".fi" {
                verbatim = false
            } else if verbatim {
                let shown = line.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\e", with: "\\")
                    .replacingOccurrences(of: "\\&", with: "")
                #expect(shown.count <= 73, "man page line over 80 columns: \(shown)")
            }
        }

        let uninstall = Process()
        uninstall.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        uninstall.arguments = ["make", "-s", "uninstall", "PREFIX=\(prefix)", "DESTDIR=\(destdir)"]
        uninstall.currentDirectoryURL = CLI.repositoryRoot
        try uninstall.run()
        uninstall.waitUntilExit()
        for f in files { #expect(!FileManager.default.fileExists(atPath: root + "/" + f), "\(f) left behind") }
    }

    // MARK: colour

    @Test func pipedTablesHaveNoEscapeCodes() async throws {
        let r = try await CLI.run(
            ["info", "--data", CLI.sample], environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains(Self.escape))
    }

    @Test func colourOnATerminalBoldsHeadersAndDimsRules() async throws {
        let r = try await CLI.run(
            ["info", "--data", CLI.sample], environment: ["ORGNET_FORCE_COLOR": "1", "NO_COLOR": ""])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\u{1B}[1mkind"))
        #expect(r.stdout.contains("\u{1B}[2m----"))
        // Stripped of escapes, the table is the plain one.
        let plain = try await CLI.run(["info", "--data", CLI.sample])
        let stripped = r.stdout.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(
            of: "\u{1B}[2m", with: ""
        )
        .replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == plain.stdout)
    }

    @Test func noColorWinsOverATerminal() async throws {
        let r = try await CLI.run(
            ["info", "--data", CLI.sample], environment: ["ORGNET_FORCE_COLOR": "1", "NO_COLOR": "1"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains(Self.escape))
    }

    // MARK: progress

    @Test func progressOnlyOnATerminal() async throws {
        let tmp = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let quiet = try await CLI.run(["export", "--all", "-T", "dot", "--data", CLI.sample, "-o", "a"], in: tmp)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        let shown = try await CLI.run(
            ["export", "--all", "-T", "dot", "--data", CLI.sample, "-o", "b"], in: tmp,
            environment: ["ORGNET_FORCE_PROGRESS": "1"])
        #expect(shown.status == 0)
        #expect(shown.stderr.contains("\r[1/3] writing 1917-02"))
        #expect(shown.stderr.contains("\r[3/3] writing 1917-04"))
        #expect(shown.stderr.hasSuffix("\r\u{1B}[K"))
        #expect(shown.stdout.isEmpty)
    }

    // MARK: export -T dot

    @Test func exportDOTIsThePicture() async throws {
        let r = try await CLI.run(["export", "1917-04", "-T", "dot", "--data", CLI.sample])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("digraph \"sample\" {"))
        #expect(r.stdout.contains("\"works-a\" ["))
        #expect(!r.stdout.contains("pos="))
    }

    @Test func exportDOTWithPositionsPinsEveryNode() async throws {
        let r = try await CLI.run(["export", "1917-04", "-T", "dot", "--positions", "--data", CLI.sample])
        #expect(r.status == 0, "\(r.stderr)")
        let pins = r.stdout.components(separatedBy: " pos=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(pins.count == 7)
        #expect(pins.allSatisfy { $0.hasSuffix("!") })
        #expect(r.stdout.contains("notranslate=\"true\""))
    }

    @Test func exportAllDOTWritesOneFilePerMonth() async throws {
        let tmp = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let r = try await CLI.run(
            ["export", "--all", "-T", "dot", "--positions", "--data", CLI.sample, "-o", "months"], in: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: tmp.appendingPathComponent("months").path)
            .sorted()
        #expect(files == ["1917-02.dot", "1917-03.dot", "1917-04.dot"])
        // One stable layout: an organization has the same pin in every month's file.
        func pin(of id: String, in file: String) throws -> String? {
            let text = try String(contentsOf: tmp.appendingPathComponent("months/\(file)"), encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.contains("\"\(id)\" [") }),
                let range = line.range(of: " pos=\"")
            else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        let feb = try #require(try pin(of: "works-a", in: "1917-02.dot"))
        #expect(try pin(of: "works-a", in: "1917-04.dot") == feb)
        #expect(try pin(of: "city-soviet", in: "1917-02.dot") == (try pin(of: "city-soviet", in: "1917-03.dot")))
    }

    @Test func exportDOTUsageErrors() async throws {
        let all = try await CLI.run(["export", "--all", "-T", "dot", "--data", CLI.sample])
        #expect(all.status == 64 && all.stderr.contains("-o FOLDER"))
        let positions = try await CLI.run(["export", "-T", "graphml", "--positions", "--data", CLI.sample])
        #expect(positions.status == 64 && positions.stderr.contains("--positions goes with -T dot"))
    }
}

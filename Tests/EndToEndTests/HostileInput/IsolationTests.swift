import Foundation
import TestSupport
import Testing

/// `orgnet render FILE` lays a user's DOT out in a child process: a Graphviz crash or hang there
/// becomes an exit status and a message naming the file. The child's failures are forced with
/// the worker's test hook (`ORGNET_LAYOUT_WORKER_FAULT`), since every known crash shape is
/// rewritten before layout.
@Suite("Layout in a child process", .tags(.hostileInput))
struct IsolationTests {
    static let good = "digraph {\n  a -> b -> c;\n  a -> c;\n}\n"

    func folderWith(_ files: [String: String]) throws -> URL {
        let dir = try Orgnet.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test(arguments: ["segv", "raise", "abort"])
    func crashInGraphvizIsExit70NamingTheFile(_ fault: String) async throws {
        let dir = try folderWith(["g.dot": Self.good])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Orgnet.run(
            ["render", "g.dot", "-o", "out.svg"], in: dir, environment: ["ORGNET_LAYOUT_WORKER_FAULT": fault])
        expectContained(r, fault)
        #expect(r.status == 70)
        #expect(r.stderr.hasPrefix("orgnet: g.dot: Graphviz crashed laying out g.dot"), "\(r.stderr)")
        #expect(Orgnet.contents(of: dir) == ["g.dot"], "no output and no core file")
    }

    @Test func hangIsStoppedAtTheTimeout() async throws {
        let dir = try folderWith(["g.dot": Self.good])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Orgnet.run(
            ["render", "g.dot", "-o", "out.svg", "--timeout", "1.5"], in: dir, timeout: 30,
            environment: ["ORGNET_LAYOUT_WORKER_FAULT": "hang"])
        expectContained(r, "hang")
        // The fault hangs for ever, so exit 65 can only come from the 1.5 s timeout (no wall-clock
        // bound here: CI machines differ in speed; Orgnet.run's own 30 s limit catches a real hang).
        #expect(r.status == 65)
        #expect(r.stderr.contains("g.dot") && r.stderr.contains("--timeout"), "\(r.stderr)")
        #expect(Orgnet.contents(of: dir) == ["g.dot"])
    }

    @Test func batchReportsTheFailedItemAndFinishesTheOthers() async throws {
        let dir = try folderWith([
            "a.dot": Self.good, "broken.dot": "digraph { a -> ; }\n", "c.dot": Self.good,
            "junk.dot": "\u{1}\u{2}binary", "e.dot": "digraph { concentrate=true; x -> y; x -> y }",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Orgnet.run(
            ["render", "a.dot", "broken.dot", "c.dot", "junk.dot", "e.dot", "-o", "out"], in: dir)
        expectContained(r, "batch")
        #expect(r.status == 65)
        #expect(r.stderr.contains("orgnet: broken.dot:1: syntax error"), "\(r.stderr)")
        #expect(r.stderr.contains("orgnet: junk.dot"), "\(r.stderr)")
        #expect(Orgnet.contents(of: dir.appendingPathComponent("out")) == ["a.svg", "c.svg", "e.svg"])
    }

    @Test func builtInMonthsStillRenderInProcess() async throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The worker hook would crash any child; a built-in month never starts one.
        let r = try await Orgnet.run(
            ["render", "1917-10", "-o", "oct.svg"], in: dir, environment: ["ORGNET_LAYOUT_WORKER_FAULT": "segv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try SafeOutput.check(fileAt: dir.appendingPathComponent("oct.svg")).isEmpty)
    }
}

/// Interrupting a multi-file write leaves only complete files: outputs are written to a
/// temporary file and renamed, and a SIGINT/SIGTERM handler removes the temporary file in flight.
@Suite("Interrupted writes", .tags(.hostileInput))
struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBatchLeavesOnlyCompleteFiles(_ sig: Int32) throws {
        let dir = try Orgnet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var names: [String] = []
        for i in 0..<60 {
            let body = (0..<40).map { "n\($0) -> n\(($0 * 3 + i) % 40) [label=\"\($0)\"];" }.joined(separator: " ")
            try Data("digraph g\(i) { \(body) }\n".utf8).write(to: dir.appendingPathComponent("g\(i).dot"))
            names.append("g\(i).dot")
        }
        let out = dir.appendingPathComponent("out")
        let process = Process()
        process.executableURL = Orgnet.binary
        process.arguments = ["render"] + names + ["-o", "out"]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some outputs exist, then interrupt mid-batch.
        let deadline = Date().addingTimeInterval(60)
        while Orgnet.contents(of: out).filter({ $0.hasSuffix(".svg") }).count < 3 && Date() < deadline
            && process.isRunning
        {
            usleep(5_000)
        }
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == sig,
            "the interrupt ends the tool as the signal would")
        let left = Orgnet.contents(of: out)
        #expect(!left.contains { $0.hasSuffix(".tmp") || $0.hasPrefix(".") }, "temporary files left: \(left)")
        #expect(left.count < names.count, "interrupted before the end")
        for file in left {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasSuffix("</svg>\n"), "\(file) is incomplete")
        }
    }
}

import Foundation
import Testing

/// What `-o PATH` does to each kind of thing a path can name (issue 14): a regular file or a new
/// path is replaced atomically; a symbolic link is followed and its target replaced; a device, a
/// FIFO or an open descriptor is written in place, nothing created or renamed beside it; `-` is
/// standard output. Device nodes and FIFOs are made in a temporary folder (`mknod`, `mkfifo`;
/// the suite runs as root); the real /dev is never named.
@Suite struct WriteTargetTests {
    /// Runs a shell command (mknod, mkfifo, a pipeline) and returns its exit status.
    @discardableResult
    static func sh(_ command: String, in dir: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = dir
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// The file type bits of `path` without following a link (`S_IFCHR`, `S_IFIFO`, `S_IFLNK`...).
    static func kind(_ path: URL) -> mode_t {
        var st = stat()
        return lstat(path.path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    static func isSVG(_ data: Data) -> Bool {
        String(decoding: data.prefix(200), as: UTF8.self).contains("<svg")
            || String(decoding: data.prefix(100), as: UTF8.self).hasPrefix("<?xml")
    }

    @Test func regularFileIsReplacedKeepingItsMode() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.svg")
        try Data("old".utf8).write(to: file)
        chmod(file.path, 0o640)
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "out.svg"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.isSVG(try Data(contentsOf: file)))
        var st = stat()
        stat(file.path, &st)
        #expect(st.st_mode & 0o777 == 0o640, "the replaced file keeps its permissions")
        #expect(CLI.contents(of: dir) == ["out.svg"], "no temporary file is left")
    }

    @Test func newPathIsCreated() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "new.svg"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.isSVG(try Data(contentsOf: dir.appendingPathComponent("new.svg"))))
        #expect(CLI.contents(of: dir) == ["new.svg"])
    }

    @Test func symbolicLinkIsFollowedAndStaysALink() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: real.appendingPathComponent("target.svg"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("link.svg").path, withDestinationPath: "real/target.svg")
        // A dangling link: the file it names is created.
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("dangling.svg").path, withDestinationPath: "real/later.svg")
        for name in ["link.svg", "dangling.svg"] {
            let r = try await CLI.run(["render", "--data", CLI.sample, "-o", name], in: dir)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(Self.kind(dir.appendingPathComponent(name)) == S_IFLNK, "\(name) is still a symbolic link")
        }
        #expect(Self.isSVG(try Data(contentsOf: real.appendingPathComponent("target.svg"))))
        #expect(Self.isSVG(try Data(contentsOf: real.appendingPathComponent("later.svg"))))
        #expect(CLI.contents(of: dir) == ["dangling.svg", "link.svg", "real"])
        #expect(
            CLI.contents(of: real) == ["later.svg", "target.svg"],
            "the temporary file was made beside the target, and renamed")
    }

    @Test func characterDeviceIsWrittenInPlace() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 1,3 is the null device, 1,7 the full device (every write fails with ENOSPC).
        #expect(try Self.sh("mknod null c 1 3 && mknod full c 1 7", in: dir) == 0, "mknod needs root")
        let ok = try await CLI.run(["render", "--data", CLI.sample, "-o", "null"], in: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        let full = try await CLI.run(["render", "--data", CLI.sample, "-o", "full"], in: dir)
        #expect(full.status == 73)
        #expect(full.stderr.contains("full") && full.stderr.contains("cannot write"), "\(full.stderr)")
        #expect(!full.stderr.contains("wrote"))
        #expect(Self.kind(dir.appendingPathComponent("null")) == S_IFCHR, "still a device")
        #expect(Self.kind(dir.appendingPathComponent("full")) == S_IFCHR, "still a device")
        #expect(CLI.contents(of: dir) == ["full", "null"], "nothing created beside the devices")
    }

    @Test func fifoIsWrittenInPlace() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.sh("mkfifo pipe", in: dir) == 0)
        let fifo = dir.appendingPathComponent("pipe")
        // The reader, in the background, takes what the writer sends until it closes.
        let received = ReceivedBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            if let h = FileHandle(forReadingAtPath: fifo.path) { received.set(h.readDataToEndOfFile()) }
        }
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "pipe"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(Self.isSVG(received.data))
        #expect(Self.kind(fifo) == S_IFIFO, "still a FIFO")
        #expect(CLI.contents(of: dir) == ["pipe"])
    }

    @Test func socketIsConnectedToAndWrittenInPlace() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A listener (Python's standard library) takes one connection and keeps what it receives.
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = [
            "python3", "-c",
            """
            import socket
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.bind("sock"); s.listen(1)
            c, _ = s.accept(); data = b""
            while True:
                chunk = c.recv(65536)
                if not chunk: break
                data += chunk
            open("received", "wb").write(data)
            """,
        ]
        listener.currentDirectoryURL = dir
        try listener.run()
        let sock = dir.appendingPathComponent("sock")
        for _ in 0..<200 where Self.kind(sock) != S_IFSOCK { usleep(50_000) }
        #expect(Self.kind(sock) == S_IFSOCK, "the listener is up")
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "sock"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        listener.waitUntilExit()
        #expect(Self.isSVG(try Data(contentsOf: dir.appendingPathComponent("received"))))
        #expect(Self.kind(sock) == S_IFSOCK, "still a socket")
        #expect(CLI.contents(of: dir) == ["received", "sock"], "nothing created beside the socket")
    }

    @Test func ownDescriptorPathIsWrittenInPlace() async throws {
        // /proc/self/fd/1 is the tool's standard output (a pipe here): written, never renamed over.
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "/proc/self/fd/1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.isSVG(r.stdoutData))
    }

    @Test func dashIsStandardOutputAndStatusGoesToStandardError() async throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLI.run(["render", "--data", CLI.sample, "-o", "-"], in: dir)
        #expect(r.status == 0)
        #expect(Self.isSVG(r.stdoutData))
        #expect(!r.stderr.contains("wrote"))
        #expect(CLI.contents(of: dir).isEmpty)
        let file = try await CLI.run(["export", "1917-04", "--data", CLI.sample, "-o", "x.graphml"], in: dir)
        #expect(file.status == 0)
        #expect(file.stdout.isEmpty, "standard output carries only data")
    }

    @Test func closedPipeIsExit73() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The reader exits at once; the SVG (far over a pipe's buffer) cannot all be written.
        // sh reports the last command of a pipeline; record the writer's status in a file instead.
        #expect(
            try Self.sh("( '\(CLI.binary.path)' render 1917-10 -o - 2>err; echo $? > status ) | true", in: dir) == 0)
        let code = try String(contentsOf: dir.appendingPathComponent("status"), encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(code == "73")
        let err = try String(contentsOf: dir.appendingPathComponent("err"), encoding: .utf8)
        #expect(err.contains("the reader closed the pipe"), "\(err)")
    }

    final class ReceivedBox: @unchecked Sendable {
        private let lock = NSLock()
        private var _data = Data()
        func set(_ d: Data) { lock.lock(); _data = d; lock.unlock() }
        var data: Data { lock.lock(); defer { lock.unlock() }; return _data }
    }
}

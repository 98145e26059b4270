import Foundation

/// Writes command output atomically: to a temporary file beside the target, then renamed, so a
/// failure or an interrupt never leaves a half-written file. `-` means standard output.
public enum OutputFile {
    /// Writes `bytes` to `path` (or stdout for `-`). Errors are ``OrgNetError/Code/cannotWrite``.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OrgNetError) {
        let data = Data(bytes)
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw OrgNetError(.cannotWrite, "is a folder; expected a file name", at: .init(file: path))
        }
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw OrgNetError(.cannotWrite, "cannot write: the folder \(dir.path) does not exist", at: .init(file: path))
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let slot = InterruptCleanup.register(temp.path)
        defer { InterruptCleanup.unregister(slot) }
        guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
            try? FileManager.default.removeItem(at: temp)
            throw OrgNetError(.cannotWrite, "cannot write: permission denied or disk full", at: .init(file: path))
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw OrgNetError(.cannotWrite, "cannot write: \(reason)", at: .init(file: path))
        }
    }

    /// Writes text as UTF-8.
    public static func write(text: String, to path: String) throws(OrgNetError) {
        try write(Array(text.utf8), to: path)
    }

    /// Creates a folder (and its parents) for outputs such as galleries and reports.
    public static func makeFolder(_ path: String) throws(OrgNetError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OrgNetError(.cannotWrite, "cannot create the folder", at: .init(file: path))
        }
    }
}

/// Removes the temporary files of writes in flight when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP), then lets the signal end the process as it would have: an interrupted
/// gallery or export leaves only complete files.
///
/// The handler may only do async-signal-safe work, so the paths live in a fixed block of C
/// memory (``slotCount`` slots of ``slotSize`` bytes) that it reads without locks; registering
/// takes a lock, outside any handler.
enum InterruptCleanup {
    static let slotCount = 32
    static let slotSize = 4096
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        p.initialize(repeating: 0, count: slotCount * slotSize)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var used = [Bool](repeating: false, count: slotCount)
    nonisolated(unsafe) private static var installed = false

    /// Records `path` for removal on interrupt; returns its slot (nil when all are busy or the path is too long).
    static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            // A parent may have started us with these signals blocked or ignored (test runners
            // do); a tool that cleans up on interrupt must also receive the interrupt.
            var set = sigset_t()
            sigemptyset(&set)
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, handler)
                sigaddset(&set, sig)
            }
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize, let slot = used.firstIndex(of: false) else { return nil }
        used[slot] = true
        let base = paths + slot * slotSize
        for (i, b) in bytes.enumerated() { base[i + 1] = CChar(bitPattern: b) }
        base[bytes.count + 1] = 0
        base[0] = 1  // published last: the handler reads the path only when this flag is set
        return slot
    }

    /// Forgets a slot once its file is renamed or removed.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        (paths + slot * slotSize)[0] = 0
        used[slot] = false
        lock.unlock()
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        for slot in 0..<InterruptCleanup.slotCount {
            let base = InterruptCleanup.paths + slot * InterruptCleanup.slotSize
            if base[0] != 0 { unlink(base + 1) }
        }
        signal(sig, SIG_DFL)
        // The signal is blocked while its handler runs: unblock it so raising it ends the process now.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
    }
}

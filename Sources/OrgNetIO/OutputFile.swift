import Foundation
import OrgNet

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes command output without ever damaging what the path names.
///
/// What happens depends on what `path` is (``Target``):
/// - a regular file or a new path: the bytes go to a temporary file in the same folder, which is
///   then renamed over the target, so a failure or an interrupt never leaves a half-written file;
/// - a symbolic link: it is followed, and its final target is replaced atomically in the
///   target's own folder (the link stays a link);
/// - a character or block device, a FIFO or a socket, and `/dev/stdout`, `/dev/stderr`,
///   `/dev/fd/N`, `/proc/self/fd/N`: written in place; nothing is created or renamed beside them
///   (a rename would replace `/dev/null` with a file).
///
/// A path is always a path: `-` names a file called `-`. Writing to standard output (or any open
/// descriptor) is ``write(_:toDescriptor:)``; the command-line tool maps its `-` to it.
///
/// A write that fails part-way (a closed pipe, a full device) is ``OrgNetError/Code/cannotWrite``.
public enum OutputFile {
    /// What a path names, which decides how it is written.
    public enum Target: Equatable, Sendable {
        /// An open descriptor named by path (`/dev/stdout`, `/proc/self/fd/1`).
        case descriptor(Int32)
        /// A device, FIFO or socket (or another process's descriptor): opened and written in place.
        case inPlace(String)
        /// A regular file or a new path (after following symbolic links): replaced atomically.
        case atomic(String)
    }

    /// Writes `bytes` to the file at `path` (see ``OutputFile``). Errors are ``OrgNetError/Code/cannotWrite``.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OrgNetError) {
        let data = Array(bytes)
        switch try target(of: path) {
        case .descriptor(let fd):
            try writeAll(data, to: fd, path: path)
        case .inPlace(let device):
            let fd = isSocket(device) ? connectSocket(device) : open(device, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else {
                throw OrgNetError(
                    .cannotWrite, "cannot write: \(String(cString: strerror(errno)))", at: .init(file: path))
            }
            defer { close(fd) }
            try writeAll(data, to: fd, path: path)
        case .atomic(let file):
            try replace(file, with: data, reportedAs: path)
        }
    }

    /// Writes text as UTF-8.
    public static func write(text: String, to path: String) throws(OrgNetError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to the open descriptor `fd` (e.g. `STDOUT_FILENO`), retrying short writes.
    /// Errors are ``OrgNetError/Code/cannotWrite``.
    public static func write(_ bytes: some Collection<UInt8>, toDescriptor fd: Int32) throws(OrgNetError) {
        try writeAll(Array(bytes), to: fd, path: nil)
    }

    /// How `path` would be written (see ``OutputFile``); a folder or a missing parent folder is
    /// ``OrgNetError/Code/cannotWrite``.
    public static func target(of path: String) throws(OrgNetError) -> Target {
        if let fd = ownDescriptor(path) { return .descriptor(fd) }
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                // Follow symbolic links to the file itself, so the link survives and the file is replaced.
                guard let real = realpath(path, nil) else {
                    throw OrgNetError(
                        .cannotWrite, "cannot write: \(String(cString: strerror(errno)))", at: .init(file: path))
                }
                defer { free(real) }
                return .atomic(String(cString: real))
            case S_IFDIR:
                throw OrgNetError(.cannotWrite, "is a folder; expected a file name", at: .init(file: path))
            default:
                return .inPlace(path)
            }
        }
        // Nothing there, or a dangling symbolic link: create the file the link points to.
        let final = followLinks(path)
        let dir = (final as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue
        else {
            throw OrgNetError(.cannotWrite, "cannot write: the folder \(dir) does not exist", at: .init(file: path))
        }
        return .atomic(final)
    }

    /// True when `path` is a (Unix domain) socket, which is connected to rather than opened.
    static func isSocket(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFSOCK
    }

    /// A stream connection to the Unix domain socket at `path` (-1 with errno set on failure).
    static func connectSocket(_ path: String) -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return -1 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { close(fd); errno = ENAMETOOLONG; return -1 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 { let saved = errno; close(fd); errno = saved; return -1 }
        return fd
    }

    /// The descriptor a path names when it is one of this process's own open descriptors:
    /// `/dev/stdout`, `/dev/stderr`, `/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`. Writing to the
    /// descriptor itself works where reopening the path does not (sockets) and keeps `>>` appending.
    static func ownDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        case "/dev/stdin": return STDIN_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
            if let n = Int32(path.dropFirst(prefix.count)), n >= 0, fcntl(n, F_GETFD) != -1 { return n }
        }
        return nil
    }

    /// The path a chain of symbolic links ends at (the path itself when it is not a link); gives
    /// up after 40 links, as the kernel does, returning the last path reached.
    static func followLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current =
                dest.hasPrefix("/")
                ? dest : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dest)
        }
        return current
    }

    /// Writes every byte to `fd`, retrying short writes; a failed write (EPIPE, ENOSPC, EIO) is
    /// ``OrgNetError/Code/cannotWrite`` naming how much was written. A closed pipe is reported
    /// only when the program ignores SIGPIPE (the `orgnet` tool does at start-up); otherwise the
    /// signal ends the process, as it does for any write to a closed pipe.
    /// `path` is what the error names; nil for a bare descriptor.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String?) throws(OrgNetError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno == EPIPE ? "the reader closed the pipe" : String(cString: strerror(errno))
                let unnamed = fd == STDOUT_FILENO ? " to standard output" : " to descriptor \(fd)"
                throw OrgNetError(
                    .cannotWrite,
                    "cannot write\(path == nil ? unnamed : ""): \(reason) after \(done) of \(bytes.count) bytes",
                    at: path.map { .init(file: $0) })
            }
            done += n
        }
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #else
            Darwin.write(fd, buffer, count)
        #endif
    }

    /// Replaces the regular file (or creates the new file) `file` atomically: a temporary file in
    /// its folder, synced, then renamed. An existing file keeps its permissions.
    static func replace(_ file: String, with bytes: [UInt8], reportedAs path: String) throws(OrgNetError) {
        let url = URL(fileURLWithPath: file)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let slot = InterruptCleanup.register(temp.path)
        defer { InterruptCleanup.unregister(slot) }
        var old = stat()
        let mode: mode_t = stat(file, &old) == 0 ? old.st_mode & 0o7777 : 0o666
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw OrgNetError(.cannotWrite, "cannot write: \(String(cString: strerror(errno)))", at: .init(file: path))
        }
        do {
            try writeAll(bytes, to: fd, path: path)
        } catch {
            close(fd)
            unlink(temp.path)
            throw error
        }
        // An existing file keeps its mode even under a umask that would narrow it.
        if mode != 0o666 { fchmod(fd, mode) }
        close(fd)
        if rename(temp.path, file) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw OrgNetError(.cannotWrite, "cannot write: \(reason)", at: .init(file: path))
        }
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

/// The temporary files of writes in flight, so that a program interrupted mid-write can remove
/// them and leave only complete files.
///
/// The library installs no signal handler (that is the program's choice, docs/design.md §1). A
/// program that wants interrupt-safe writes calls ``prepare()`` once at start-up and, from its
/// SIGINT/SIGTERM/SIGHUP handler, ``removePendingFiles()``, then lets the signal end the process;
/// the `orgnet` tool does. Without that, an interrupt may leave a hidden `.NAME.PID.N.tmp` file
/// beside the target, never a half-written target.
///
/// The handler may only do async-signal-safe work, so the paths live in a fixed block of C
/// memory (``slotCount`` slots of ``slotSize`` bytes) that it reads without locks; registering
/// takes a lock, outside any handler.
public enum InterruptCleanup {
    static let slotCount = 32
    static let slotSize = 4096
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        p.initialize(repeating: 0, count: slotCount * slotSize)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var used = [Bool](repeating: false, count: slotCount)

    /// Sets up the record of pending files, so that ``removePendingFiles()`` does no
    /// initialization inside a signal handler. Call once before installing the handler.
    public static func prepare() {
        _ = paths
    }

    /// Removes every temporary file of a write in flight. Async-signal-safe once ``prepare()``
    /// has run: it only reads fixed memory and calls `unlink`.
    public static func removePendingFiles() {
        for slot in 0..<slotCount {
            let base = paths + slot * slotSize
            if base[0] != 0 { unlink(base + 1) }
        }
    }

    /// Records `path` for removal on interrupt; returns its slot (nil when all are busy or the path is too long).
    static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize, let slot = used.firstIndex(of: false) else { return nil }
        used[slot] = true
        let base = paths + slot * slotSize
        for (i, b) in bytes.enumerated() { base[i + 1] = CChar(bitPattern: b) }
        base[bytes.count + 1] = 0
        base[0] = 1 // published last: the handler reads the path only when this flag is set
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
}

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
        guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
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

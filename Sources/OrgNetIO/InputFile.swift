import Foundation
import OrgNet

/// Reads an input file with a bounded allocation: never more than the byte limit plus one,
/// whatever the path names (a huge file, `/dev/zero`, a FIFO). `-` is standard input.
enum InputFile {
    /// The bytes of `path` (standard input for `-`); `.missingInput` when it cannot be read,
    /// `.badData` over `limit` bytes.
    static func read(_ path: String, limit: Int, what: String) throws(OrgNetError) -> Data {
        if path == "-" { return try standardInput(limit: limit) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw OrgNetError(.missingInput, "no such file", at: .init(file: path))
        }
        if isDir.boolValue {
            throw OrgNetError(.missingInput, "is a folder, not \(what)", at: .init(file: path))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue > limit
        {
            throw InputLimits.exceeded(
                .fileBytes, "the file is \(size.intValue) bytes", limit: limit, at: .init(file: path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OrgNetError(.missingInput, "cannot read the file (permission denied?)", at: .init(file: path))
        }
        defer { try? handle.close() }
        return try readBounded(handle, limit: limit, path: path, name: "the file")
    }

    /// Everything `handle` gives, in chunks, refusing more than `limit` bytes (reading at most
    /// one byte past it); `name` is how messages call the input ("the file", "standard input").
    private static func readBounded(_ handle: FileHandle, limit: Int, path: String, name: String) throws(OrgNetError)
        -> Data
    {
        var data = Data()
        while data.count <= limit {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count)) } catch {
                throw OrgNetError(
                    .missingInput, "cannot read \(name): \(error.localizedDescription)", at: .init(file: path))
            }
            guard let chunk, !chunk.isEmpty else { break }
            data.append(chunk)
        }
        if data.count > limit {
            throw InputLimits.exceeded(
                .fileBytes, "\(name) is larger than \(limit) bytes", limit: limit, at: .init(file: path))
        }
        return data
    }

    /// Standard input, read once (bounded by `limit`) and kept, so that a command reading `-`
    /// twice (a check, then the load) sees the same bytes.
    static func standardInput(limit: Int) throws(OrgNetError) -> Data {
        stdin.lock.lock()
        defer { stdin.lock.unlock() }
        if let data = stdin.data {
            if data.count > limit {
                throw InputLimits.exceeded(
                    .fileBytes, "standard input is larger than \(limit) bytes", limit: limit, at: .init(file: "-"))
            }
            return data
        }
        let data = try readBounded(FileHandle.standardInput, limit: limit, path: "-", name: "standard input")
        stdin.data = data
        return data
    }

    private final class StandardInput: @unchecked Sendable {
        let lock = NSLock()
        var data: Data?
    }
    private static let stdin = StandardInput()

    /// UTF-8 text without NUL characters, or `.badData` naming the first bad byte's line.
    static func text(_ data: Data, path: String, expected: String) throws(OrgNetError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            // Name the line of the first invalid byte.
            let bytes = [UInt8](data)
            var line = 1, i = 0
            var valid = 0
            while i < bytes.count {
                let b = bytes[i]
                let n = b < 0x80 ? 1 : (b >> 5 == 0b110 ? 2 : (b >> 4 == 0b1110 ? 3 : (b >> 3 == 0b11110 ? 4 : 0)))
                if n == 0 || i + n > bytes.count || String(bytes: bytes[i..<i + n], encoding: .utf8) == nil { break }
                if b == 0x0A { line += 1 }
                i += n
                valid += n
            }
            throw OrgNetError(
                .badData, "the file is not UTF-8 text (invalid byte at offset \(valid)); expected \(expected)",
                at: .init(file: path, line: line))
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].lazy.filter { $0 == 0x0A }.count + 1
            throw OrgNetError(
                .badData, "the file contains a NUL byte (binary data?); expected \(expected)",
                at: .init(file: path, line: line))
        }
        return text
    }
}

import ArgumentParser
import Foundation
import OrgNet

/// Runs a command body, turning library errors into a message on stderr and a sysexits status.
func runReporting(_ body: () throws(OrgNetError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("orgnet: \(error.description)\n".utf8))
        throw ExitCode(error.code.rawValue)
    }
}

/// Prints a line to stdout.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Prints a line to stderr (notes that must not mix with piped output).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Encodes a value as pretty, key-sorted JSON text.
func jsonText<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain Codable values of our own cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self)
}

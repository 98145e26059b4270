import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

/// Runs a command body, turning library errors into a message on stderr and a sysexits status
/// (``ExitStatus``).
func runReporting(_ body: () throws(OrgNetError) -> Void) throws {
    do {
        try body()
    } catch {
        let status = ExitStatus(for: error)
        status.report()
        throw status.exitCode
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

/// Writes a command's output to `path`, where `-` is standard output (the libraries take only
/// real paths and descriptors: ``OutputFile``).
func writeOutput(_ bytes: some Collection<UInt8>, to path: String) throws(OrgNetError) {
    if path == "-" {
        try OutputFile.write(bytes, toDescriptor: STDOUT_FILENO)
    } else {
        try OutputFile.write(bytes, to: path)
    }
}

/// Writes text as UTF-8 to `path`, where `-` is standard output.
func writeOutput(text: String, to path: String) throws(OrgNetError) {
    try writeOutput(Array(text.utf8), to: path)
}

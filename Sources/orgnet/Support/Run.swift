import ArgumentParser
import Foundation
import OrgNet

/// Runs a command body, turning library errors into a message on stderr and a sysexits status.
func runReporting(_ body: () throws(OrgNetError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("orgnet: \(describe(error))\n".utf8))
        throw ExitCode(error.code.rawValue)
    }
}

/// A library error as the command line says it: the library states which limit was passed
/// (``OrgNetError/limitExceeded``), the command line adds the flag that raises it.
func describe(_ error: OrgNetError) -> String {
    var e = error
    switch e.limitExceeded?.kind {
    case .layoutNodes?: e.message += "; --max-nodes raises it"
    case .layoutTies?: e.message += "; --max-ties raises it"
    case .layoutBytes?: e.message += "; --max-bytes raises it"
    case .layoutSeconds?: e.message += "; --timeout SECONDS raises the limit"
    case nil: break
    }
    return e.description
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

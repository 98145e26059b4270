import Foundation
import FuzzDriver
import OrgNet
import OrgNetIO

/// The YAML loader: any bytes as a one-file dataset. Errors are fine; crashes, hangs and
/// unbounded allocation are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let t = try? TimelineLoader.load(files: [.init(path: "fuzz.yaml", text: text)], origin: "fuzz.yaml") {
        // Walk what loaded: every month's snapshot, and the checker.
        for m in t.months.prefix(4) { _ = t.snapshot(at: m).organizations.count }
        _ = DatasetChecker().check(t)
    }
    return 0
}

/// The entry point: libFuzzer's driver with this target's test function (see `runFuzzer`).
@main
enum FuzzMain {
    static func main() {
        runFuzzer { data, size in fuzzYAML(data!, size) }
    }
}

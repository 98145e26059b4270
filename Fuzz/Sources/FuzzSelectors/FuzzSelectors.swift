import Foundation
import FuzzDriver
import OrgNet
import OrgNetBuiltIn

/// The command line's MONTH and ORG selectors against the built-in dataset.
let timeline = try! BuiltInDatasets.defaultTimeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSelectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Month(text)
    if Selection.looksLikeMonth(text) {
        // Only month-shaped text: anything else is taken for a file path.
        _ = try? Selection.snapshot(text, data: nil, builtIn: BuiltInDatasets.defaultTimeline)
        _ = try? timeline.month(named: text)
    }
    _ = try? Selection.organization(text, in: timeline)
    return 0
}

/// The entry point: libFuzzer's driver with this target's test function (see `runFuzzer`).
@main
enum FuzzMain {
    static func main() {
        runFuzzer { data, size in fuzzSelectors(data!, size) }
    }
}

import Foundation
import FuzzDriver
import OrgNet
import OrgNetIO
import OrgNetBuiltIn

/// Month names and organization searches (what the command line's MONTH and ORG resolve
/// through) against the built-in dataset.
let timeline = try! BuiltInDatasets.defaultTimeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSelectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // The month parser, through the public API.
    if let month = try? timeline.month(named: text) { _ = timeline.snapshot(at: month) }
    _ = try? timeline.organization(matching: text)
    return 0
}

/// The entry point: libFuzzer's driver with this target's test function (see `runFuzzer`).
@main
enum FuzzMain {
    static func main() {
        runFuzzer { data, size in fuzzSelectors(data!, size) }
    }
}

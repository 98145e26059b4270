import Foundation
import OrgNet

/// The command line's MONTH and ORG selectors against the built-in dataset.
let timeline = try! BuiltInDatasets.defaultTimeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSelectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Month(text)
    if Selection.looksLikeMonth(text) {
        // Only month-shaped text: anything else is taken for a file path.
        _ = try? Selection.snapshot(text, data: nil)
        _ = try? timeline.month(named: text)
    }
    _ = try? Selection.organization(text, in: timeline)
    return 0
}

/// The entry point: SwiftPM links an executable's `main` to this type, and it hands control to
/// libFuzzer's driver with the test function (libFuzzer's own `main` is not used, because SwiftPM
/// renames the entry point of executable targets).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzSelectors(data!, size) }))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

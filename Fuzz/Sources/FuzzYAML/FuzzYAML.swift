import Foundation
import OrgNet

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

/// The entry point: SwiftPM links an executable's `main` to this type, and it hands control to
/// libFuzzer's driver with the test function (libFuzzer's own `main` is not used, because SwiftPM
/// renames the entry point of executable targets).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzYAML(data!, size) }))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

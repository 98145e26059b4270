import Foundation
import FuzzDriver
import Graphviz
import OrgNet
import OrgNetIO

/// DOT import into the model: cgraph parses (not instrumented), then orgnet's own code turns
/// the plain-value graph into a timeline and snapshot, and checks limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOTImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let spec = try? GraphvizEngine.shared.parse(dot: text) else { return 0 }
    guard (try? DOTImport.check(spec, limits: .default, file: "fuzz.dot")) != nil else { return 0 }
    let t = DOTImport.timeline(from: spec, origin: "fuzz.dot")
    let s = t.latestMonth.map { t.snapshot(at: $0) } ?? t.wholeNetwork()
    _ = s.organizations.count + s.ties.count
    // The writer's DOT must parse back (round trip through cgraph).
    let back = spec.dotText
    if (try? GraphvizEngine.shared.parse(dot: back)) == nil {
        fatalError("DOTWriter output does not parse back:\n\(back.prefix(2000))")
    }
    return 0
}

/// The entry point: libFuzzer's driver with this target's test function (see `runFuzzer`).
@main
enum FuzzMain {
    static func main() {
        runFuzzer { data, size in fuzzDOTImport(data!, size) }
    }
}

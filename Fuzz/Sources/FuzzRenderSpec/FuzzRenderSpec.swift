import Foundation
import FuzzDriver
import Graphviz
import OrgNet
import OrgNetIO
import OrgNetRender

/// The model-to-render-spec path: a fuzzed YAML dataset becomes a snapshot, then orgnet's
/// Graphviz spec, then the validator's safe spec and its DOT text, which must parse back and
/// keep no active content. No layout (libgvc is not instrumented, and slow).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRenderSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let t = try? TimelineLoader.load(files: [.init(path: "fuzz.yaml", text: text)], origin: "fuzz.yaml"),
        let month = t.months.last
    else { return 0 }
    var renderer = SnapshotRenderer()
    for variant in 0..<2 {
        renderer.options.clusterByDistrict = variant == 0
        let spec = renderer.spec(for: t.snapshot(at: month))
        guard let checked = try? SpecValidator().validate(spec) else { continue }
        let dot = checked.spec.dotText
        guard let back = try? GraphvizEngine.shared.parse(dot: dot) else {
            fatalError("validated spec does not parse back:\n\(dot.prefix(2000))")
        }
        for n in back.nodes {
            for (k, v) in n.attributes where SpecValidator.linkAttributes.contains(k.lowercased()) {
                fatalError("link attribute \(k)=\(v) survived validation")
            }
        }
    }
    return 0
}

/// The entry point: libFuzzer's driver with this target's test function (see `runFuzzer`).
@main
enum FuzzMain {
    static func main() {
        runFuzzer { data, size in fuzzRenderSpec(data!, size) }
    }
}

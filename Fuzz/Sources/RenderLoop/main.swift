import Foundation
import Graphviz
import OrgNet
import OrgNetIO
import OrgNetBuiltIn
import OrgNetRender

// `RenderLoop [N] [DOT FILES...]`: N renders (default 1,000) in one process, for LeakSanitizer
// (scripts/sanitizers.sh builds this with -sanitize=address). Cycles through the built-in months
// (orgnet's styled specs, SVG and canon), the given DOT files read through DOTImport and
// rendered in-process (rewrites of the crash shapes included), failing inputs (syntax errors,
// limits) and the error paths, so every path that allocates on the Swift side is exercised.
let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap { Int($0) } ?? 1_000
let files = arguments.dropFirst().map { $0 }
let timeline = try! BuiltInDatasets.defaultTimeline()
let months = timeline.months
var ok = 0, refused = 0
for i in 0..<count {
    do throws(OrgNetError) {
        switch i % 4 {
        case 0, 1:
            let s = timeline.snapshot(at: months[i % months.count])
            _ = try Rendering.render(s, format: i % 8 == 0 ? .canon : .svg)
        case 2 where !files.isEmpty:
            _ = try Rendering.render(dotFile: files[(i / 4) % files.count], format: .svg, isolation: .inProcess)
        default:
            let dot = i % 3 == 0 ? "digraph { a -> ; }" : "digraph { concentrate=true; a [URL=\"javascript:x\"]; a -> b -> c; c -> a }"
            do {
                let spec = try GraphvizEngine.shared.parse(dot: dot)
                _ = try GraphvizEngine.shared.render(spec, format: .svg)
            } catch {
                throw error.orgNetError(file: "inline")
            }
        }
        ok += 1
    } catch {
        refused += 1
    }
}
print("RenderLoop: \(count) renders, \(ok) drawn, \(refused) refused")

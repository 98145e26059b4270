import Foundation
import Testing

@testable import GraphKit

/// A minimal read-only view of JSONSerialization output.
struct JSON: @unchecked Sendable {
    let raw: Any?
    init(_ raw: Any?) { self.raw = raw }
    subscript(key: String) -> JSON { JSON((raw as? [String: Any])?[key]) }
    subscript(i: Int) -> JSON {
        guard let a = raw as? [Any], a.indices.contains(i) else { return JSON(nil) }
        return JSON(a[i])
    }
    var exists: Bool { raw != nil && !(raw is NSNull) }
    var array: [JSON] { ((raw as? [Any]) ?? []).map(JSON.init) }
    var double: Double? { (raw as? NSNumber)?.doubleValue }
    var int: Int? { (raw as? NSNumber)?.intValue }
    var bool: Bool? { raw as? Bool }
    var string: String? { raw as? String }
    var doubles: [Double] { array.map { $0.double ?? .nan } }
    var optionalDoubles: [Double?] { array.map { $0.double } }
    var ints: [Int] { array.map { $0.int ?? -1 } }
    var intLists: [[Int]] { array.map { $0.ints } }
    var isError: Bool { self["error"].exists }
    /// A stable key for a node id that may be a string or a number.
    var idKey: String {
        if let s = raw as? String { return "s:" + s }
        if let n = raw as? NSNumber { return "n:" + n.stringValue }
        return "?"
    }
}

enum Golden {
    static let root: URL = Bundle.module.url(forResource: "Golden", withExtension: nil)!

    /// Every graph in Golden/graphs, by file stem. Files dropped in later are picked up
    /// automatically.
    static let names: [String] = {
        let dir = root.appendingPathComponent("graphs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func load(_ name: String) throws -> (graph: Graph, expected: JSON) {
        let input = JSON(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.appendingPathComponent("graphs/\(name).json"))))
        let expected = JSON(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.appendingPathComponent("expected/\(name).json"))))
        var index: [String: Int] = [:]
        for (i, id) in input["nodes"].array.enumerated() { index[id.idKey] = i }
        let edges = try input["edges"].array.map { e -> Edge in
            guard let u = index[e[0].idKey], let v = index[e[1].idKey] else {
                throw GraphError.invalidArgument("edge with unknown node in \(name)")
            }
            return Edge(u, v, weight: e[2].double ?? 1)
        }
        let graph = try Graph(nodeCount: index.count, edges: edges, directed: input["directed"].bool ?? false)
        return (graph, expected)
    }
}

/// Expects two vectors to agree element-wise within `tolerance` (absolute, relative for large values).
func expectClose(
    _ actual: [Double], _ expected: [Double], _ tolerance: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.count == expected.count, "\(what): length \(actual.count) vs \(expected.count)",
        sourceLocation: sourceLocation)
    guard actual.count == expected.count else { return }
    var worst = 0.0, at = -1
    for i in actual.indices {
        let a = actual[i], e = expected[i]
        if (a.isNaN && e.isNaN) || a == e { continue }
        let err = abs(a - e) / max(1, abs(e))
        if !(err <= worst) { worst = err; at = i }
    }
    #expect(
        worst <= tolerance,
        "\(what): node \(at) got \(at >= 0 ? actual[at] : 0) expected \(at >= 0 ? expected[at] : 0) (error \(worst))",
        sourceLocation: sourceLocation)
}

let exact = 1e-9
let iterative = 1e-6

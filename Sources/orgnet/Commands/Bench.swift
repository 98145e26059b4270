import ArgumentParser
import Foundation
import GraphKit
import OrgNet
import OrgNetIO

/// `orgnet bench FILE`: in-process timings for Benchmarks/run.sh (hidden from the help).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loading and measures on a DOT file, in-process (JSON on stdout; for Benchmarks/).",
        discussion: """
            Measures (comma-separated, each optionally `name:repeats`): load (DOT file -> timeline -> graph), betweenness (exact, all \
            sources), betweenness-sampled (--pivots sources drawn with --seed), closeness, pagerank, \
            components (weakly connected), sssp (single-source shortest path lengths from the last node). \
            Each is run --repeats times; the output gives every time in seconds and the peak resident \
            memory of the process (ru_maxrss, KiB). The input limits apply as to every command that \
            reads a file: a benchmark graph over 20,000 nodes needs --max-nodes (and --max-ties, --max-bytes).
            """,
        shouldDisplay: false)

    @Argument(help: "A DOT file.") var file: String
    @Option(name: .long, help: "Measures, comma-separated.") var measures: String = "load,pagerank,components,sssp"
    @Option(name: .long, help: "Repetitions per measure, for names without :N.") var repeats: Int = 1
    @Option(name: .long, help: "Sources for betweenness-sampled.") var pivots: Int = 1000
    @Option(name: .long, help: "Seed for betweenness-sampled.") var seed: UInt64 = 1
    @OptionGroup var limits: InputLimitOptions

    struct Output: Encodable {
        let tool: String
        let file: String
        let nodes: Int
        let edges: Int
        let times: [String: [Double]]
        let checks: [String: Double]
        let maxrssKiB: Int
        let cores: Int
    }

    func run() throws {
        try runReporting { () throws(OrgNetError) in
            func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
            func load() throws(OrgNetError) -> Graph {
                let t = try DOTImport.load(path: file, limits: limits.limits)
                return t.wholeNetwork().network(roles: .all).graph
            }
            // `name` or `name:repeats`.
            let wanted: [(String, Int)] = measures.split(separator: ",").map { item in
                let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts.count > 1 ? Int(parts[1]) ?? repeats : repeats)
            }
            var times: [String: [Double]] = [:]
            var checks: [String: Double] = [:]
            var t0 = 0.0
            var g = try load()
            func fail(_ e: GraphError) -> OrgNetError { OrgNetError(.internalError, e.description) }
            for (m, count) in wanted {
                var list: [Double] = []
                for _ in 0..<max(1, count) {
                    if m == "load" { g = Graph.empty } // release outside the timing, as peers.py does
                    t0 = now()
                    do {
                        switch m {
                        case "load":
                            g = try load() // the previous graph was released before the clock started
                        case "betweenness":
                            let v = try g.betweennessCentrality(); checks[m] = v.max() ?? 0
                        case "betweenness-sampled":
                            let v = try g.betweennessCentrality(sampleSize: min(pivots, g.nodeCount), seed: seed);
                            checks[m] = v.max() ?? 0
                        case "closeness":
                            let v = try g.closenessCentrality(); checks[m] = v.max() ?? 0
                        case "pagerank":
                            let v = try g.pageRank(); checks[m] = v.max() ?? 0
                        case "components":
                            checks[m] = Double(g.weaklyConnectedComponents().count)
                        case "sssp":
                            let tree = try g.shortestPaths(from: g.nodeCount - 1)
                            checks[m] = Double(tree.distances.filter(\.isFinite).count)
                        default:
                            throw OrgNetError(.invalidArgument, "unknown measure '\(m)'")
                        }
                    } catch let e as GraphError {
                        throw fail(e)
                    } catch let e as OrgNetError {
                        throw e
                    } catch {
                        throw OrgNetError(.internalError, "\(error)")
                    }
                    list.append(now() - t0)
                }
                times[m] = list
            }
            var usage = rusage()
            #if os(Linux)
                getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
                getrusage(RUSAGE_SELF, &usage)
            #endif
            say(
                jsonText(
                    Output(
                        tool: "orgnet", file: file, nodes: g.nodeCount, edges: g.edgeCount, times: times,
                        checks: checks, maxrssKiB: usage.ru_maxrss, cores: ProcessInfo.processInfo.activeProcessorCount)
                ))
        }
    }
}

extension Graph {
    /// A graph with no nodes.
    static var empty: Graph { (try? Graph(nodeCount: 0, edges: [Edge](), directed: true))! }
}

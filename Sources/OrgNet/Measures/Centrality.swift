import GraphKit

/// The centrality measures orgnet offers, by their networkx names. Every one is computed by
/// GraphKit; this type only chooses the function and its normalization.
public enum CentralityMeasure: String, Sendable, CaseIterable, Codable {
    /// networkx `degree_centrality`: (in + out) degree / (n - 1). Raw: the degree (weighted: strength).
    case degree
    /// networkx `in_degree_centrality`: in-degree / (n - 1), e.g. delegations received. Directed only.
    case inDegree = "in-degree"
    /// networkx `out_degree_centrality`: out-degree / (n - 1). Directed only.
    case outDegree = "out-degree"
    /// networkx `betweenness_centrality` (Brandes 2001), normalized by (n-1)(n-2) (directed) or
    /// (n-1)(n-2)/2 (undirected). Raw: the pair counts. Weighted: weights are distances.
    case betweenness
    /// networkx `closeness_centrality` with the Wasserman-Faust factor, distances TO the node.
    /// Raw: without the Wasserman-Faust factor. Weighted: weights are distances.
    case closeness
    /// networkx `harmonic_centrality`: sum of 1/d(v, u) over v != u (never normalized; raw changes nothing).
    case harmonic
    /// networkx `pagerank`, alpha 0.85, tolerance 1e-6 with networkx's stopping rule; sums to 1.
    case pagerank
    /// networkx `eigenvector_centrality` (in-edges), unit Euclidean norm.
    case eigenvector
    /// networkx `katz_centrality`, alpha 0.1, beta 1, unit Euclidean norm. Raw: not normalized.
    case katz
    /// networkx `hits` hub scores (sum to 1): bodies pointing at strong authorities.
    case hubs
    /// networkx `hits` authority scores (sum to 1): bodies pointed at by strong hubs.
    case authorities

    /// The measures that can be computed on a masked network (and so sampled): the path- and
    /// degree-based ones and PageRank.
    public static let maskable: [CentralityMeasure] = [
        .degree, .inDegree, .outDegree, .betweenness, .closeness, .harmonic, .pagerank,
    ]
}

/// One organization's score.
public struct Score: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var score: Double
    public init(id: String, name: String, score: Double) {
        self.id = id
        self.name = name
        self.score = score
    }
}

extension NetworkView {
    /// The raw per-node values of a measure, indexed like ``ids``.
    ///
    /// - Parameter raw: unnormalized values where the measure has a normalization (see
    ///   ``CentralityMeasure``); ignored otherwise.
    ///   - mask: the measure on a plausible network drawn from this one (``GraphMask``, see
    ///     ``UncertainNetwork``), computed serially on the calling thread; only the measures in
    ///     ``CentralityMeasure/maskable`` accept one.
    /// - Throws: usage errors for directed-only measures on undirected graphs; `noResult` when a
    ///   power iteration does not converge.
    public func centralityValues(
        _ measure: CentralityMeasure, raw: Bool = false,
        mask: GraphMask? = nil
    ) throws(OrgNetError) -> [Double] {
        let g = graph
        let w = weighted
        let serial = mask != nil
        if mask != nil && !CentralityMeasure.maskable.contains(measure) {
            throw OrgNetError(
                .invalidArgument,
                "\(measure.rawValue) cannot be sampled; use one of "
                    + CentralityMeasure.maskable.map(\.rawValue).joined(separator: ", "))
        }
        do throws(GraphError) {
            switch measure {
            case .degree:
                return raw
                    ? g.degrees(weighted: w, mask: mask)
                    : (w
                        ? normalizedByNMinusOne(g.degrees(weighted: true, mask: mask), mask)
                        : g.degreeCentrality(mask: mask))
            case .inDegree:
                guard g.isDirected else {
                    throw GraphError.invalidArgument("in-degree needs a directed network; use degree")
                }
                return raw
                    ? g.inDegrees(weighted: w, mask: mask)
                    : (w
                        ? normalizedByNMinusOne(g.inDegrees(weighted: true, mask: mask), mask)
                        : try g.inDegreeCentrality(mask: mask))
            case .outDegree:
                guard g.isDirected else {
                    throw GraphError.invalidArgument("out-degree needs a directed network; use degree")
                }
                return raw
                    ? g.outDegrees(weighted: w, mask: mask)
                    : (w
                        ? normalizedByNMinusOne(g.outDegrees(weighted: true, mask: mask), mask)
                        : try g.outDegreeCentrality(mask: mask))
            case .betweenness:
                return try g.betweennessCentrality(normalized: !raw, weighted: w, mask: mask, serial: serial)
            case .closeness:
                return try g.closenessCentrality(weighted: w, wfImproved: !raw, mask: mask, serial: serial)
            case .harmonic:
                return try g.harmonicCentrality(weighted: w, mask: mask, serial: serial)
            case .pagerank:
                return try g.pageRank(weighted: w, mask: mask)
            case .eigenvector:
                return try g.eigenvectorCentrality(weighted: w)
            case .katz:
                return try g.katzCentrality(weighted: w, normalized: !raw)
            case .hubs:
                return try g.hits().hubs
            case .authorities:
                return try g.hits().authorities
            }
        } catch {
            throw OrgNetError(error, context: measure.rawValue)
        }
    }

    /// A measure's scores, highest first (equal scores by id).
    public func centrality(_ measure: CentralityMeasure, raw: Bool = false) throws(OrgNetError) -> [Score] {
        let values = try centralityValues(measure, raw: raw)
        return rank(values)
    }

    /// Scores from per-node values, highest first, equal scores ordered by id.
    public func rank(_ values: [Double]) -> [Score] {
        values.indices.map { Score(id: ids[$0], name: snapshot.organizations[$0].name, score: values[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }

    private func normalizedByNMinusOne(_ d: [Double], _ mask: GraphMask? = nil) -> [Double] {
        let n = mask?.activeNodeCount ?? graph.nodeCount
        if n <= 1 { return d.indices.map { mask?.nodes[$0] ?? true ? 1 : 0 } }
        return d.map { $0 / Double(n - 1) }
    }
}

import Foundation
import GraphKit

/// How much one uncertain element moves a ranking (``UncertainNetwork/sensitivity(_:raw:top:)``).
public struct ElementSensitivity: Sendable, Hashable, Codable {
    /// The organization or tie id.
    public var id: String
    /// `organization` or `tie`.
    public var kind: String
    /// Its status.
    public var status: String
    /// Its confidence; nil (omitted from JSON) when none is recorded.
    public var confidence: String?
    /// 1 − Kendall's τ-b between the recorded top-K order and the order of the same bodies once the
    /// element is flipped: 0 = the order stands, 1 = no agreement left, 2 = fully reversed.
    public var effect: Double
    /// Whether the flip changes which bodies make the top K.
    public var changesTop: Bool
    /// The element in words.
    public var words: String
}

/// Kendall's τ-b of two paired lists: (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C and D the concordant
/// and discordant pairs, n₀ = n(n−1)/2 and n₁, n₂ the pairs tied in the first and in the second
/// list (Kendall 1945, "The treatment of ties in ranking problems", Biometrika 33(3)). When a list is
/// all ties the formula is undefined; the result is then 1 when both lists tie and order every pair
/// alike, else 0.
public func kendallTauB(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "kendallTauB needs paired lists")
    var c = 0.0, d = 0.0, tx = 0.0, ty = 0.0, n0 = 0.0, same = true
    for i in x.indices {
        for j in x.indices where j > i {
            n0 += 1
            let a = (x[i] - x[j]).sign, b = (y[i] - y[j]).sign
            let ax = x[i] == x[j], by = y[i] == y[j]
            if ax { tx += 1 }
            if by { ty += 1 }
            if ax != by || (!ax && a != b) { same = false }
            if !ax && !by { if a == b { c += 1 } else { d += 1 } }
        }
    }
    let den = ((n0 - tx) * (n0 - ty)).squareRoot()
    if den == 0 { return same ? 1 : 0 }
    return (c - d) / den
}

extension UncertainNetwork {
    /// The elements a ranking hangs on: every assumed or low-confidence organization and tie of the
    /// month is dropped in turn and the measure recomputed (Borgatti, Carley & Krackhardt 2006 remove
    /// nodes and edges at random; here each removal is one named element of the record).
    ///
    /// `effect` compares the top `top` bodies of the recorded network, in recorded order, with the
    /// order of those same bodies after the flip (``kendallTauB(_:_:)``); `changesTop` says whether
    /// another body enters the top `top`. Disputed values do not enter centrality measures (ties are
    /// unweighted unless `--weighted`, and weights carry no alternatives), so they are not listed.
    /// Sorted by effect, largest first, then by id.
    public func sensitivity(
        _ measure: CentralityMeasure, raw: Bool = false,
        top: Int
    ) throws(OrgNetError) -> (top: [String], elements: [ElementSensitivity]) {
        guard top >= 2 else {
            throw OrgNetError(.invalidArgument, "top must be at least 2 to compare orders; got \(top)")
        }
        let view = self.view
        let point = try view.centralityValues(measure, raw: raw, mask: pointMask)
        let ranked = view.rank(point).prefix(top)
        let topIDs = ranked.map(\.id)
        let topNodes = topIDs.map { view.node($0)! }
        let recorded = topNodes.map { point[$0] }
        let candidates = uncertainElements.filter { $0.status == .assumption || $0.confidence == .low }
        let me = self
        let results: [Result<ElementSensitivity, OrgNetError>] = parallelMap(candidates.count) { i in
            let e = candidates[i]
            do throws(OrgNetError) {
                let flipped = try view.centralityValues(measure, raw: raw, mask: me.recordedMask(dropping: e))
                let newTop = Set(view.rank(flipped).prefix(top).map(\.id))
                let tau = kendallTauB(recorded, topNodes.map { flipped[$0] })
                return .success(
                    ElementSensitivity(
                        id: e.id, kind: e.kind.rawValue, status: e.status.rawValue,
                        confidence: e.confidence?.rawValue, effect: 1 - tau,
                        changesTop: newTop != Set(topIDs), words: e.words))
            } catch {
                return .failure(error)
            }
        }
        var elements: [ElementSensitivity] = []
        for r in results {
            switch r {
            case .success(let v): elements.append(v)
            case .failure(let e): throw e
            }
        }
        elements.sort {
            $0.effect != $1.effect
                ? $0.effect > $1.effect : ($0.changesTop != $1.changesTop ? $0.changesTop : $0.id < $1.id)
        }
        return (topIDs, elements)
    }
}

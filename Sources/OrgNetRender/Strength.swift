import Foundation
import OrgNet

/// How strongly each element of a snapshot is drawn under `render --uncertainty`: the presence
/// probabilities of ``UncertainNetwork`` (the one place they are computed, boundary months of
/// approximately dated organizations included) turned into opacities by
/// ``Style/opacity(probability:model:)``. Without a model everything is drawn solid.
struct Strength {
    /// The model, nil when faintness is off.
    let model: PresenceModel?
    private var organizations: [String: Double] = [:]
    private var ties: [String: Double] = [:]

    init(_ snapshot: Snapshot, roles: RoleFilter, model: PresenceModel?) {
        self.model = model
        guard let model else { return }
        let u = UncertainNetwork(snapshot.network(roles: roles), model: model)
        for (i, id) in u.view.ids.enumerated() { organizations[id] = u.nodeProbability[i] }
        for t in u.ties { ties[t.tie.id] = t.probability }
    }

    /// The presence probability of an organization (1 when faintness is off).
    func probability(ofOrganization id: String) -> Double {
        model == nil ? 1 : organizations[id] ?? 1
    }

    /// The presence probability of a tie: its own, and 0 when either end cannot exist (a tie the
    /// graph does not hold, such as a loop, is taken at its own confidence).
    func probability(of t: Tie) -> Double {
        guard let model else { return 1 }
        if probability(ofOrganization: t.from) == 0 || probability(ofOrganization: t.to) == 0 { return 0 }
        return ties[t.id] ?? model.probability(t.provenance)
    }

    /// The opacity of an element of this presence probability (1 when faintness is off).
    func opacity(_ p: Double) -> Double {
        guard let model else { return 1 }
        return Style.opacity(probability: p, model: model)
    }

    /// The tooltip line of an element of presence probability `p` (a new line and the words; empty
    /// when faintness is off).
    func tooltipLine(_ p: Double) -> String {
        guard model != nil else { return "" }
        return
            "\npresence probability \(Text.number((p * 100).rounded() / 100)): drawn at \(Int((opacity(p) * 100).rounded()))% strength"
    }
}

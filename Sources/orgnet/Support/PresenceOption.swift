import ArgumentParser
import OrgNet

/// `--presence … --without assumptions`: the presence model of the data's confidence (see
/// ``PresenceModel``), shared by the sampled measures (``SamplingOption``) and by
/// `render --uncertainty`.
struct PresenceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Presence probabilities by confidence, e.g. high=0.9,medium=0.7,low=0.4 (also boundary); defaults 0.95/0.75/0.5 or the dataset's presence:.",
        valueName: "list"))
    var presence: String?

    @Option(name: .long, help: ArgumentHelp("'assumptions': drop every element whose status is assumption.", valueName: "what"))
    var without: String?

    /// True when either option was given.
    var isSet: Bool { presence != nil || without != nil }

    /// The dataset's model with the command-line overrides.
    func model(_ s: Snapshot) throws(OrgNetError) -> PresenceModel {
        var m = s.timeline.presence
        if let presence { try m.apply(overrides: presence) }
        if let without {
            guard without == "assumptions" else {
                throw OrgNetError(.usage, "--without takes 'assumptions'; got '\(without)'")
            }
            m.withoutAssumptions = true
        }
        return m
    }
}

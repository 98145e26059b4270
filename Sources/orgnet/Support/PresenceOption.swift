import ArgumentParser
import OrgNet

/// `--presence … --without assumptions`: the presence model of the data's confidence (see
/// ``PresenceModel``), shared by the sampled measures (``SamplingOption``) and by
/// `render --uncertainty`.
struct PresenceOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Presence probabilities by confidence, e.g. high=0.9,medium=0.7,low=0.4 (also boundary); defaults 0.95/0.75/0.5 or the dataset's presence:.",
            valueName: "list"))
    var presence: String?

    @Option(
        name: .long,
        help: ArgumentHelp("'assumptions': drop every element whose status is assumption.", valueName: "what"))
    var without: String?

    /// True when either option was given.
    var isSet: Bool { presence != nil || without != nil }

    /// The dataset's model with the command-line overrides.
    func model(_ s: Snapshot) throws(OrgNetError) -> PresenceModel {
        var m = s.timeline.presence
        if let presence { try Self.apply(presence, to: &m) }
        if let without {
            guard without == "assumptions" else {
                throw OrgNetError(.invalidArgument, "--without takes 'assumptions'; got '\(without)'")
            }
            m.withoutAssumptions = true
        }
        return m
    }

    /// Applies a `--presence high=0.9,low=0.3` list on top of `model`.
    static func apply(_ text: String, to model: inout PresenceModel) throws(OrgNetError) {
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let v = Double(parts[1]) else {
                throw OrgNetError(
                    .invalidArgument, "--presence expects KEY=PROBABILITY pairs such as high=0.9,low=0.3; got '\(item)'"
                )
            }
            try model.set(parts[0], v, source: "--presence")
        }
    }
}

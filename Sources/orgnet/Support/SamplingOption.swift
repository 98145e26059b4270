import ArgumentParser
import Foundation
import OrgNet

/// `--samples N --seed S --interval P --presence … --without assumptions`: influence under
/// uncertainty (see ``PresenceModel`` and ``UncertainNetwork``).
struct SamplingOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Draw N plausible networks from the data's confidence and report intervals (see README, Influence under uncertainty).",
        valueName: "n"))
    var samples: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the samples (default 1); the same seed gives the same output.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Central interval in percent (default 90: the 5th and 95th percentiles).", valueName: "percent"))
    var interval: Double = 90

    @Option(name: .long, help: ArgumentHelp(
        "Presence probabilities by confidence, e.g. high=0.9,medium=0.7,low=0.4 (also boundary); defaults 0.95/0.75/0.5 or the dataset's presence:.",
        valueName: "list"))
    var presence: String?

    @Option(name: .long, help: ArgumentHelp("'assumptions': drop every element whose status is assumption.", valueName: "what"))
    var without: String?

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
                throw OrgNetError(.invalidArgument, "--presence expects KEY=PROBABILITY pairs such as high=0.9,low=0.3; got '\(item)'")
            }
            try model.set(parts[0], v, source: "--presence")
        }
    }

    /// The sampling settings, nil without `--samples`.
    func options() throws(OrgNetError) -> SamplingOptions? {
        guard let samples else { return nil }
        return try SamplingOptions(samples: samples, seed: seed, interval: interval)
    }
}

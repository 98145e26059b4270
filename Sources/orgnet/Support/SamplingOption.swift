import ArgumentParser
import Foundation
import OrgNet

/// `--samples N --seed S --interval P --presence … --without assumptions`: influence under
/// uncertainty (see ``PresenceModel`` and ``UncertainNetwork``).
struct SamplingOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draw N plausible networks from the data's confidence and report intervals (see README, Influence under uncertainty).",
            valueName: "n"))
    var samples: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Seed of the samples (default 1); the same seed gives the same output.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Central interval in percent (default 90: the 5th and 95th percentiles).", valueName: "percent"))
    var interval: Double = 90

    @OptionGroup var presence: PresenceOption

    /// The dataset's model with the command-line overrides (``PresenceOption/model(_:)``).
    func model(_ s: Snapshot) throws(OrgNetError) -> PresenceModel {
        try presence.model(s)
    }

    /// The sampling settings, nil without `--samples`.
    func options() throws(OrgNetError) -> SamplingOptions? {
        guard let samples else { return nil }
        return try SamplingOptions(samples: samples, seed: seed, interval: interval)
    }
}

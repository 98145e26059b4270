import Testing

/// Cross-cutting groups of suites: each tag marks suites in more than one test target, so a group
/// that spans the layers (say, every comparison with networkx) can be found and run together.
/// The test targets themselves follow the libraries (docs/design.md §7).
extension Tag {
    /// Compared with networkx's own answers: the goldens of `Tests/GraphKitTests/Golden` and the
    /// external corpus of `Tests/Corpus`.
    @Tag public static var golden: Self
    /// Hostile or malformed input: Graphviz's crash shapes, active content in labels, input
    /// limits, layout isolation and interrupted writes.
    @Tag public static var hostileInput: Self
    /// Answers under uncertainty: presence probabilities, disputed figures, sampled shares and
    /// bounds instead of one confident number.
    @Tag public static var uncertainty: Self
    /// Many tasks at once against shared state (Graphviz behind its lock, the measures' caches).
    @Tag public static var concurrency: Self
    /// Documentation checked against the code or the binary: the README, DocC articles and examples.
    @Tag public static var docs: Self
    /// The built-in datasets of `Graphs/`: their content, embedding and the answers they give.
    @Tag public static var builtInData: Self
    /// Written out and read back (YAML, DOT and the interchange formats).
    @Tag public static var roundTrip: Self
}

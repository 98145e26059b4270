/// Indices of disproportionality between what groups are (votes, people represented) and what they
/// get (seats, delegates). Both inputs are normalized to shares first, so counts or shares may be
/// given; results are fractions in 0...1 (multiply by 100 for the usual percentage points).
public enum Disproportionality {
    /// Loosemore-Hanby index: `LH = 1/2 * sum_i |v_i - s_i|`, the share of seats held by groups
    /// beyond their share of votes (Loosemore & Hanby 1971, *The theoretical limits of maximum
    /// distortion*, British Journal of Political Science 1(4)).
    /// - Throws: a usage error when the lists differ in length, are empty, hold a negative value or sum to zero.
    public static func loosemoreHanby(votes: [Double], seats: [Double]) throws(OrgNetError) -> Double {
        let (v, s) = try shares(votes, seats)
        return 0.5 * zip(v, s).reduce(0) { $0 + abs($1.0 - $1.1) }
    }

    /// Gallagher's least-squares index: `G = sqrt(1/2 * sum_i (v_i - s_i)^2)` (Gallagher 1991,
    /// *Proportionality, disproportionality and electoral systems*, Electoral Studies 10(1)).
    /// - Throws: as ``loosemoreHanby(votes:seats:)``.
    public static func gallagher(votes: [Double], seats: [Double]) throws(OrgNetError) -> Double {
        let (v, s) = try shares(votes, seats)
        return (0.5 * zip(v, s).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }).squareRoot()
    }

    static func shares(_ a: [Double], _ b: [Double]) throws(OrgNetError) -> ([Double], [Double]) {
        guard a.count == b.count, !a.isEmpty else {
            throw OrgNetError(.invalidArgument, "disproportionality needs two lists of the same, non-zero length")
        }
        guard (a + b).allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw OrgNetError(.invalidArgument, "disproportionality needs finite non-negative values")
        }
        let sa = a.reduce(0, +), sb = b.reduce(0, +)
        guard sa > 0, sb > 0 else {
            throw OrgNetError(.invalidArgument, "disproportionality needs lists that do not sum to zero")
        }
        return (a.map { $0 / sa }, b.map { $0 / sb })
    }
}
